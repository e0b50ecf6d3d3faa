"""interpret/verification/directions.py: the noun forms of "unggul / tertinggal pada" are claims too ("keunggulan
Klaster 1 ada pada …", "what Cluster 4 needs to catch up on is …", "… sudah menjadi modal"). Default data, k = 4,
against BPS's national figures: Klaster 1 is above on every indicator, Klaster 4 below on UHH."""

from __future__ import annotations

import pytest

from interpret.terms import ClaimKind, Verdict

from .test_verify_unit_mean import facts_of
from interpret.verification import Verifier


def directions(text: str, lang: str = "id") -> list[tuple[str | None, Verdict]]:
    facts, units = facts_of(None)
    claims = Verifier(facts, locale=lang, units=units).verify_markdown(text).claims
    return [(c.fact_id, c.verdict) for c in claims if c.kind == ClaimKind.DIRECTION]


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Dengan kata lain, keunggulan Klaster 1 ada pada umur harapan hidup.", "id", [("K1.UHH.direction", Verdict.TRUE)]),
    ("Dengan kata lain, keunggulan Klaster 4 ada pada umur harapan hidup.", "id", [("K4.UHH.direction", Verdict.FALSE)]),
    ("Artinya, kelemahan Klaster 4 terpusat pada umur harapan hidup.", "id", [("K4.UHH.direction", Verdict.TRUE)]),
    ("Yang perlu dikejar Klaster 1 adalah umur harapan hidup.", "id", [("K1.UHH.direction", Verdict.FALSE)]),
    ("Bagi Klaster 1, umur harapan hidup sudah menjadi modal.", "id", [("K1.UHH.direction", Verdict.TRUE)]),
    ("Cluster 1's main strength lies in life expectancy.", "en", [("K1.UHH.direction", Verdict.TRUE)]),
    ("Put plainly, what Cluster 1 needs to catch up on is life expectancy.", "en", [("K1.UHH.direction", Verdict.FALSE)]),
    ("For Cluster 4, life expectancy is already an asset.", "en", [("K4.UHH.direction", Verdict.FALSE)]),
])
def test_strengths_and_weaknesses_named_as_nouns_are_checked(text, lang, expected):
    assert directions(text, lang) == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # "it" after the sentence named the national figure is that figure (K1 UHH above BPS's 73,93, K4 below it)
    ("Cluster 4's life expectancy is below the national figure, while Cluster 1 sits well above it.", "en",
     [("K4.UHH.direction", Verdict.TRUE), ("K1.UHH.direction", Verdict.TRUE)]),
    ("Cluster 4's life expectancy is below the national figure, and Cluster 1 is below it too.", "en",
     [("K4.UHH.direction", Verdict.TRUE), ("K1.UHH.direction", Verdict.FALSE)]),
    ("UHH Klaster 4 di bawah angka nasional, sedangkan Klaster 1 berada di atas angka tersebut.", "id",
     [("K4.UHH.direction", Verdict.TRUE), ("K1.UHH.direction", Verdict.TRUE)]),
    # with no reference named before it, "it" is no reference
    ("Cluster 1 leads Cluster 4 on life expectancy and stays above it on schooling.", "en", []),
])
def test_a_pronoun_for_the_reference_named_before_it_is_the_reference(text, lang, expected):
    assert directions(text, lang) == expected
