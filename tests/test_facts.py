"""Stage 3: the facts object, its stable IDs, its one JSON codec and its generated schema."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import numpy as np
import pytest

from interpret.facts import Facts, facts_json_schema
from interpret.terms import Direction

SCHEMA = Path(__file__).resolve().parents[1] / "docs" / "result.schema.json"
REGENERATE_SCHEMA = "INTERPRET_UPDATE_SCHEMA=1 .venv/bin/python -m pytest -q tests/test_facts.py -k schema"


def test_fact_ids_cover_every_cluster_feature_and_stat(default_brief):
    facts = default_brief.facts
    for c in facts.clusters:
        assert f"K{c.number}.size" in facts.index
        for f in facts.features:
            for stat in ("mean", "median", "min", "max", "sd", "diff", "diff_pct", "z", "rank", "direction"):
                assert f"K{c.number}.{f.name}.{stat}" in facts.index
    for key in ("DATA.n_units", "DATA.year", "RUN.k", "RUN.seed", "FIT.between_pct", "METHOD.tolerance_pct", "REF.UHH"):
        assert key in facts.index


def test_profile_numbers_match_a_direct_computation(default_brief):
    facts, values = default_brief.facts, default_brief.dataset.values
    for c in facts.clusters:
        block = values.loc[c.members]
        for f in facts.features:
            s = c.features[f.name]
            assert s.mean == pytest.approx(block[f.name].mean())
            assert s.median == pytest.approx(block[f.name].median())
            assert s.sd == pytest.approx(block[f.name].std(ddof=1))
            ref = facts.reference.values[f.name]  # BPS's national figure (spec reference.values)
            assert ref == default_brief.dataset.spec.reference.values[f.name]
            assert s.diff_pct == pytest.approx(100 * (s.mean - ref) / ref)
            # z is the centre in the clustering space: against the units' mean, whatever the reference
            assert s.z == pytest.approx((s.mean - values[f.name].mean()) / values[f.name].std(ddof=1))


def test_directions_respect_the_tolerance(default_brief):
    facts = default_brief.facts
    tol = facts.method.tolerance_pct
    for c in facts.clusters:
        for f in facts.features:
            s = c.features[f.name]
            expected = Direction.EQUAL if abs(s.diff_pct) <= tol else (Direction.ABOVE if s.diff_pct > 0 else Direction.BELOW)
            assert s.direction is expected
            fact = facts.index[f"K{c.number}.{f.name}.direction"]
            assert fact.value == expected and fact.text == expected.value


def test_the_plain_mean_of_the_units_stands_beside_a_published_reference(default_brief):
    """The default reference is BPS's national figures: UMEAN and each cluster's gap from it are facts of their own."""
    facts, values = default_brief.facts, default_brief.dataset.values
    assert facts.reference.kind == "values"
    tol = facts.method.tolerance_pct
    for f in facts.features:
        umean = facts.index[f"UMEAN.{f.name}"]
        assert umean.value == pytest.approx(values[f.name].mean()) and umean.kind == "unit_mean"
        assert umean.value != pytest.approx(facts.reference.values[f.name])  # 73,13 is not BPS's 73,93
        for c in facts.clusters:
            mean = c.features[f.name].mean
            diff_pct = facts.index[f"K{c.number}.{f.name}.diff_pct_umean"].value
            assert facts.index[f"K{c.number}.{f.name}.diff_umean"].value == pytest.approx(mean - umean.value)
            assert diff_pct == pytest.approx(100 * (mean - umean.value) / umean.value)
            expected = Direction.EQUAL if abs(diff_pct) <= tol else (Direction.ABOVE if diff_pct > 0 else Direction.BELOW)
            assert facts.index[f"K{c.number}.{f.name}.direction_umean"].value == expected
    assert facts.index["UMEAN.UHH"].text == "73,13 tahun"
    assert Facts.from_json(facts.to_json()).index["K1.Pengeluaran.direction_umean"].value == facts.index["K1.Pengeluaran.direction_umean"].value


def test_no_unit_mean_facts_when_the_reference_is_the_plain_mean():
    from interpret.data import load_dataset
    from interpret.pipeline import stage_cluster

    from .conftest import MEAN_REFERENCE_SPEC, settings

    _, facts = stage_cluster(load_dataset(None, MEAN_REFERENCE_SPEC), settings(bootstrap=0))
    assert facts.reference.kind == "mean" and "REF.UHH" in facts.index
    assert not [fid for fid in facts.index if fid.startswith("UMEAN.") or "_umean" in fid]

def test_ranks_and_composite_order(default_brief):
    facts = default_brief.facts
    for f in facts.features:
        means = [c.features[f.name].mean for c in facts.clusters]
        ranks = [c.features[f.name].rank for c in facts.clusters]
        assert ranks == list((-np.array(means)).argsort().argsort() + 1)
    composites = [c.composite for c in facts.clusters]
    assert composites == sorted(composites, reverse=True)  # Klaster 1 = best, by construction
    assert [c.composite_rank for c in facts.clusters] == [1, 2, 3, 4]


def test_small_n_flags_and_sd_of_a_singleton():
    from clustering import cluster, order_labels, zscore
    from interpret.data import load_dataset
    from interpret.fact_builder import build_facts
    from interpret.facts import composite_scores

    dataset = load_dataset()
    X = zscore(dataset.values.to_numpy()).values
    partition = order_labels(cluster(X, 12, seed=0), composite_scores(X, dataset.spec.features))
    facts = build_facts(dataset, partition, tolerance_pct=1.0)
    sizes = {c.size for c in facts.clusters}
    assert 1 in sizes
    for c in facts.clusters:
        assert c.small_n == ("n=1" if c.size == 1 else "n=2" if c.size == 2 else None)
        if c.size == 1:
            assert all(s.sd is None for s in c.features.values())
            assert f"K{c.number}.UHH.sd" not in facts.index
    assert facts.k_selection is None and facts.stability is None  # analyses that did not run are absent


def test_facts_are_frozen(default_brief):
    from pydantic import ValidationError

    with pytest.raises(ValidationError):
        default_brief.facts.clusters[0].size = 99
    with pytest.raises(ValidationError):
        default_brief.facts.method.k = 3


# -- the one codec: facts → JSON → facts ------------------------------------------------------------
def _round_trip(facts: Facts) -> Facts:
    """Through a JSON string, as result.json is written and read."""
    return Facts.from_json(json.loads(json.dumps(facts.to_json(), ensure_ascii=False)))


def test_default_facts_with_the_bootstrap_round_trip_equal(default_brief):
    facts = default_brief.facts
    assert facts.stability is not None and facts.k_selection is not None and facts.assumptions is not None
    back = _round_trip(facts)
    assert back == facts
    assert back.clusters[0].composite == facts.clusters[0].composite != 0.0  # written and read (it once was not)
    assert back.stability.clusters[1].level == facts.stability.clusters[1].level
    assert isinstance(back.clusters[0].features["UHH"].direction, Direction)


def test_result_json_is_read_back_by_the_same_codec(default_brief):
    from interpret.verification.command import facts_from_run

    facts, units = facts_from_run(default_brief.out_dir)
    assert facts == default_brief.facts
    assert list(units.columns) == [f.name for f in facts.features]


def test_pca_compare_and_weights_round_trip_equal(tmp_path):
    from interpret.analysis import analyse
    from interpret.data import load_dataset

    from .conftest import settings
    from .test_clustering_pipeline import _blobs_frame, _spec, _write

    options = settings(pca=True, compare=True, bootstrap=10)
    _, facts = analyse(load_dataset(options.data, options.spec), options)
    assert facts.pca is not None and facts.comparison is not None and facts.comparison.used is not None
    assert _round_trip(facts) == facts

    frame = _blobs_frame(1)
    frame["bobot"] = np.random.default_rng(1).uniform(50, 500, size=len(frame)).round(1)
    data, spec = _write(tmp_path, "survei", frame, _spec("survei", ["A", "B", "C"], k="k = 3", extra_dataset='weight = "bobot"'))
    options = settings(data=data, spec=spec, bootstrap=10)
    _, facts = analyse(load_dataset(options.data, options.spec), options)
    assert facts.weights is not None and set(facts.weights.clusters) == {1, 2, 3} and facts.method.weighted
    assert _round_trip(facts) == facts


def test_an_old_or_broken_result_json_is_a_data_error(tmp_path, default_brief):
    from interpret.errors import DataError
    from interpret.verification.command import facts_from_run

    document = json.loads((default_brief.out_dir / "result.json").read_text(encoding="utf-8"))
    (tmp_path / "old").mkdir()
    (tmp_path / "old" / "result.json").write_text(json.dumps({**document, "schema_version": 1}), encoding="utf-8")
    with pytest.raises(DataError, match="schema_version 1"):
        facts_from_run(tmp_path / "old")
    del document["facts"]["method"]["k"]
    (tmp_path / "broken").mkdir()
    (tmp_path / "broken" / "result.json").write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(DataError, match="not a result.json of this version"):
        facts_from_run(tmp_path / "broken")


# -- the JSON Schema, generated from the types --------------------------------------------------------
def test_the_committed_schema_is_the_generated_one():
    generated = json.dumps(facts_json_schema(), ensure_ascii=False, indent=2) + "\n"
    if os.environ.get("INTERPRET_UPDATE_SCHEMA"):
        SCHEMA.write_text(generated, encoding="utf-8")
    assert SCHEMA.is_file(), f"no {SCHEMA}: create it with `{REGENERATE_SCHEMA}`"
    assert SCHEMA.read_text(encoding="utf-8") == generated, f"{SCHEMA} is out of date with interpret/facts.py: regenerate it with `{REGENERATE_SCHEMA}`"



def test_unit_slugs_are_collision_free_and_stable():
    from interpret.fact_builder import unit_slugs

    names = ["D.I. Yogyakarta", "=1+1", "+1+1", "Джакарта", "ジョグジャカルタ", "Aceh"]
    slugs = unit_slugs(names)
    assert len(set(slugs.values())) == len(names)
    assert slugs["D.I. Yogyakarta"] == "D_I_Yogyakarta" and slugs["Aceh"] == "Aceh"  # no collision: the plain slug
    assert slugs["=1+1"].startswith("1_1_") and slugs["Джакарта"].startswith("unit_")
    assert unit_slugs(list(reversed(names))) == slugs  # stable: a hash of the name, not of its position
    assert all(re.fullmatch(r"[0-9A-Za-z_]+", s) for s in slugs.values())
