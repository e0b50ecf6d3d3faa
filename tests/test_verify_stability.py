"""The stability checker (interpret/verification/stability.py): "stabil" / "unstable" said of a cluster is judged on its
bootstrap Jaccard against the thresholds of the rulebook, and the note says so in the text's language.
Default data, k = 4 (Jaccard K1 0,70, K2 0,52, K3 0,77, K4 0,58)."""

from __future__ import annotations

import pytest

from interpret.terms import ClaimKind, Verdict
from interpret.verification import Verifier

from .test_verify import facts_for


def stability(text: str, lang: str):
    report = Verifier(facts_for(), locale=lang).verify_text(text)
    return [c for c in report.claims if c.kind == ClaimKind.STABILITY]


@pytest.mark.parametrize(
    ("text", "lang", "verdict"),
    [
        ("Klaster 3 stabil.", "id", Verdict.TRUE),
        ("Klaster 2 stabil.", "id", Verdict.FALSE),
        ("Cluster 2 is unstable.", "en", Verdict.TRUE),
        ("Cluster 3 is unstable.", "en", Verdict.FALSE),
    ],
)
def test_a_stability_word_is_judged_on_the_clusters_jaccard(text, lang, verdict):
    claims = stability(text, lang)
    assert [c.verdict for c in claims] == [verdict]


@pytest.mark.parametrize(
    ("text", "lang", "expected", "foreign"),
    [
        ("Cluster 2 is unstable.", "en", "Jaccard 0.52; stable from 0.", "stabil mulai"),
        ("Klaster 2 stabil.", "id", "Jaccard 0,52; stabil mulai 0,", "stable from"),
    ],
)
def test_the_note_is_written_in_the_texts_language_with_its_decimal_mark(text, lang, expected, foreign):
    (claim,) = stability(text, lang)
    assert claim.note.startswith(expected) and foreign not in claim.note


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [  # a Jaccard in parentheses is the cluster's, not a count of units that moved (the unit after the clause mark)
        ("Klaster 3 relatif stabil (Jaccard 0,77), meski Bali berpindah klaster pada 30 % replikasi.", "id", ("K3.jaccard", Verdict.TRUE)),
        ("Klaster 3 relatif stabil (Jaccard 0,58), meski Bali berpindah klaster pada 30 % replikasi.", "id", ("K3.jaccard", Verdict.FALSE)),
        ("Cluster 3 is fairly stable (Jaccard 0.58), although Bali moved to another cluster in 30% of replicates.", "en", ("K3.jaccard", Verdict.FALSE)),
    ],
)
def test_a_jaccard_before_a_clause_about_a_moving_unit_is_the_clusters(text, lang, expected):
    report = Verifier(facts_for(), locale=lang).verify_text(text)
    numbers = [(c.fact_id, c.verdict) for c in report.claims if c.kind == ClaimKind.NUMBER and c.value.startswith("0")]
    assert numbers == [expected]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [  # only K3 (0,77) reaches the 0,75 stability threshold; K2 (0,52) and K4 (0,58) are unstable
        ("Cluster 3 is the only cluster whose mean Jaccard exceeds the stability threshold.", "en", [("Cluster 3 is the only cluster", Verdict.TRUE)]),
        ("Cluster 1 is the only cluster whose mean Jaccard exceeds the stability threshold.", "en", [("Cluster 1 is the only cluster", Verdict.FALSE)]),
        ("Klaster 3 merupakan satu-satunya klaster yang stabil.", "id", [("Klaster 3 merupakan satu-satunya klaster", Verdict.TRUE)]),
        ("Klaster 2 merupakan satu-satunya klaster yang tidak stabil.", "id", [("Klaster 2 merupakan satu-satunya klaster", Verdict.FALSE)]),
    ],
)
def test_the_only_stable_cluster_is_stable_and_no_other_is(text, lang, expected):
    assert [(c.value, c.verdict) for c in stability(text, lang)] == expected


@pytest.mark.parametrize(
    ("text", "lang"),
    [  # a unit's share of replicates in another cluster, however the move is worded
        ("Riau switched cluster in {}% of the bootstrap replicates.", "en"),
        ("Riau berganti klaster pada {} % replikasi bootstrap.", "id"),
    ],
)
def test_a_units_switching_share_is_bound_to_its_moved_share(text, lang):
    facts = facts_for()
    share = facts.index["UNIT.Riau.moved_pct"].value
    shown = f"{share:.1f}" if lang == "en" else f"{share:.1f}".replace(".", ",")
    wrong = f"{share + 10:.1f}" if lang == "en" else f"{share + 10:.1f}".replace(".", ",")
    for written, verdict in ((shown, Verdict.TRUE), (wrong, Verdict.FALSE)):
        report = Verifier(facts, locale=lang).verify_text(text.format(written))
        assert [(c.fact_id, c.verdict) for c in report.claims if c.kind == ClaimKind.NUMBER] == [("UNIT.Riau.moved_pct", verdict)]
