"""interpret/verification/references.py: a data set's own name for its reference ("rata-rata rumah tangga") is read as
the reference, so a household brief's directions are claims, checked, not shipped unread.

A synthetic Banyumas-shaped household table (examples/households/generate.py), k = 4; the reference is the survey-weighted
mean of the households, which the brief calls "rata-rata rumah tangga" / "household average"."""

from __future__ import annotations

import importlib.util
import shutil
from functools import lru_cache
from pathlib import Path

from interpret.data import load_dataset
from interpret.pipeline import stage_cluster
from interpret.terms import ClaimKind, Direction, Verdict
from interpret.verification import Verifier
from interpret.verification.lexicon import load_lexicon, rx
from interpret.verification.references import data_reference_words

from .conftest import settings

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "households"


@lru_cache(maxsize=None)
def households(folder: str):
    spec = importlib.util.spec_from_file_location("household_examples", EXAMPLE / "generate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.main(["banyumas", folder, "--n", "800"])
    shutil.copy(EXAMPLE / "rumah_tangga_banyumas.toml", folder)
    dataset = load_dataset(None, Path(folder) / "rumah_tangga_banyumas.toml")
    return stage_cluster(dataset, settings(spec=Path(folder) / "rumah_tangga_banyumas.toml", k=4, bootstrap=0))[1]


def a_cluster_above_and_below(facts):
    """(cluster, feature label, feature, direction) of a cluster clearly above or below the reference."""
    for c in facts.clusters:
        for name, ff in c.features.items():
            fact = facts.index[f"K{c.number}.{name}.direction"]
            if fact.value in (Direction.ABOVE, Direction.BELOW, "above", "below"):
                return c.number, facts.feature(name).label, name, Direction(fact.value)
    raise AssertionError("no cluster off the reference")


def test_a_direction_against_the_household_average_is_a_claim_and_is_checked(tmp_path_factory):
    facts = households(str(tmp_path_factory.mktemp("hh")))
    number, label, name, direction = a_cluster_above_and_below(facts)
    right, wrong = ("di atas", "di bawah") if direction == Direction.ABOVE else ("di bawah", "di atas")
    verifier = Verifier(facts, locale="id")
    for side, verdict in ((right, Verdict.TRUE), (wrong, Verdict.FALSE)):
        claims = verifier.verify_markdown(f"Klaster {number} memiliki {label} {side} rata-rata rumah tangga.").claims
        assert [(c.kind, c.fact_id, c.verdict) for c in claims] == [(ClaimKind.DIRECTION, f"K{number}.{name}.direction", verdict)]
    english = Verifier(facts, locale="en").verify_markdown(
        f"Cluster {number} is {'above' if direction == Direction.ABOVE else 'below'} the household average on {label}.").claims
    assert [(c.kind, c.verdict) for c in english] == [(ClaimKind.DIRECTION, Verdict.TRUE)]


def test_the_phrase_names_the_reference_but_not_a_clusters_own_households(tmp_path_factory):
    facts = households(str(tmp_path_factory.mktemp("hh")))
    words = rx("|".join(f"(?:{w})" for w in data_reference_words(load_lexicon("id"), facts)))
    assert words.fullmatch("rata-rata rumah tangga") and words.fullmatch("rerata seluruh rumah tangga")
    assert not words.match("rata-rata rumah tangga di Klaster 3")  # that cluster's mean, not the reference
    english = rx("|".join(f"(?:{w})" for w in data_reference_words(load_lexicon("en"), facts)))
    assert english.fullmatch("the household average") and english.fullmatch("the average of all households")
    assert not english.match("the household average in Cluster 3")


def test_the_province_data_gains_nothing_it_did_not_have():
    # the default data's unit is "provinsi": its reference words were in the lexicon already, and "rata-rata provinsi"
    # beside BPS's figures stays the plain mean of the provinces (unit_mean.py), not the national figure
    from .test_verify_unit_mean import verdicts

    assert verdicts("Rata-rata provinsi untuk UHH adalah 73,13 tahun.") == [("73,13", Verdict.TRUE, "UMEAN.UHH")]
