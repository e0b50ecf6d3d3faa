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
