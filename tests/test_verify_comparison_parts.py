"""interpret/verification/comparison_parts.py: comparisons between two subjects, read with ranks.py. Default data,
k = 4: Klaster 2 lives shorter than Klaster 3 (72,32 against 74,15 years) but schools longer (HLS 13,77 against 12,92;
RLS 9,25 against 8,63); Bali lives 74,88 years, Papua 68,17."""

from __future__ import annotations

import pytest

from interpret.terms import ClaimKind, Verdict
from interpret.verification import Verifier

from .test_verify_unit_mean import facts_of


def comparisons(text: str, lang: str = "en") -> list[tuple[str | None, Verdict]]:
    facts, units = facts_of(None)
    claims = Verifier(facts, locale=lang, units=units).verify_markdown(text).claims
    return [(c.fact_id, c.verdict) for c in claims if c.kind == ClaimKind.RANK]


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # the clause names only the object: the subject is the sentence's; the indicator is the one right after the object
    ("Cluster 3 lives longer than the national average, but it falls behind Cluster 2 on mean years of schooling.", "en",
     [("K3.RLS.mean", Verdict.TRUE)]),
    ("Cluster 2 has the better schooling, but it falls behind Cluster 3 on life expectancy.", "en", [("K2.UHH.mean", Verdict.TRUE)]),
    ("Cluster 2 has the better schooling, but it falls behind Cluster 3 on expected years of schooling.", "en", [("K2.HLS.mean", Verdict.FALSE)]),
    # "on every indicator": each of them
    ("Cluster 2 outpaces Cluster 3 on every indicator.", "en",
     [("K2.UHH.mean", Verdict.FALSE), ("K2.HLS.mean", Verdict.TRUE), ("K2.RLS.mean", Verdict.TRUE), ("K2.Pengeluaran.mean", Verdict.FALSE)]),
])
def test_subject_and_indicator_of_a_comparison(text, lang, expected):
    assert comparisons(text, lang) == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Cluster 2 is ahead of Cluster 3 on expected schooling, but its people do not live longer.", "en",
     [("K2.HLS.mean", Verdict.TRUE), ("K2.UHH.mean", Verdict.TRUE)]),
    ("Cluster 2 is ahead of Cluster 3 on expected schooling, but its people live longer.", "en",
     [("K2.HLS.mean", Verdict.TRUE), ("K2.UHH.mean", Verdict.FALSE)]),
    ("Klaster 2 mengungguli Klaster 3 dalam harapan lama sekolah, tetapi warganya tidak hidup lebih lama.", "id",
     [("K2.HLS.mean", Verdict.TRUE), ("K2.UHH.mean", Verdict.TRUE)]),
    # "not only": no negation
    ("Cluster 1 is not only higher than Cluster 4 on life expectancy.", "en", [("K1.UHH.mean", Verdict.TRUE)]),
])
def test_a_negated_comparison_and_one_that_repeats_the_pair_before(text, lang, expected):
    assert comparisons(text, lang) == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Bali's life expectancy is higher than that of Cluster 3.", "en", [("UNIT.Bali.UHH.value", Verdict.TRUE)]),
    ("Papua's residents live longer than those of Cluster 3.", "en", [("UNIT.Papua.UHH.value", Verdict.FALSE)]),
    ("Umur harapan hidup Papua lebih tinggi daripada Klaster 3.", "id", [("UNIT.Papua.UHH.value", Verdict.FALSE)]),
])
def test_a_unit_against_a_cluster_is_its_value_against_the_cluster_mean(text, lang, expected):
    assert comparisons(text, lang) == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # "beats / leads / mengalahkan": comparison words; the object of the first comparison is not the subject of "it trails"
    ("Cluster 3 beats Cluster 2 on per capita expenditure, though it trails Cluster 1 on life expectancy.", "en",
     [("K3.Pengeluaran.mean", Verdict.TRUE), ("K3.UHH.mean", Verdict.TRUE)]),
    ("Cluster 4 leads Cluster 1 on mean years of schooling.", "en", [("K4.RLS.mean", Verdict.FALSE)]),
    ("On life expectancy, Cluster 1 beats Cluster 4 by 3 years.", "en", [("K1.UHH.mean", Verdict.TRUE)]),
    ("Dalam harapan lama sekolah, Klaster 4 mengalahkan Klaster 1.", "id", [("K4.HLS.mean", Verdict.FALSE)]),
    ("Klaster 2 mengalahkan Klaster 3 dalam harapan lama sekolah, meski ia tertinggal dari Klaster 1 dalam umur harapan hidup.", "id",
     [("K2.HLS.mean", Verdict.TRUE), ("K2.UHH.mean", Verdict.TRUE)]),
])
def test_beats_and_leads_compare_two_clusters_and_their_object_is_no_later_subject(text, lang, expected):
    assert comparisons(text, lang) == expected


@pytest.mark.parametrize(("text", "lang", "quoted"), [
    ("Riau's life expectancy still trails the Cluster 1 mean.", "en", "still trails"),
    ("Umur harapan hidup Klaster 2 masih tertinggal dari Klaster 1.", "id", "masih tertinggal"),
])
def test_a_still_or_masih_before_a_comparison_is_quoted_with_it(text, lang, quoted):
    facts, units = facts_of(None)
    claims = [c for c in Verifier(facts, locale=lang, units=units).verify_markdown(text).claims if c.kind == ClaimKind.RANK]
    assert claims and all(str(c.value).startswith(quoted) and c.verdict == Verdict.TRUE for c in claims)


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # the gap between the object and the indicator it is on: that indicator, not the sentence's first
    ("Cluster 2 beats Cluster 3 on expected schooling, even though it trails Cluster 3 by about 1.8 years in life expectancy.", "en",
     [("K2.HLS.mean", Verdict.TRUE), ("K2.UHH.mean", Verdict.TRUE)]),
    ("Cluster 1 is ahead of Cluster 4 by 5 years on life expectancy.", "en", [("K1.UHH.mean", Verdict.TRUE)]),
    ("Klaster 2 mengungguli Klaster 3 sekitar 0,8 tahun dalam harapan lama sekolah.", "id", [("K2.HLS.mean", Verdict.TRUE)]),
    ("Klaster 2 tertinggal dari Klaster 3 sebesar 1,8 tahun dalam rata-rata lama sekolah.", "id", [("K2.RLS.mean", Verdict.FALSE)]),
])
def test_the_indicator_after_the_gap_that_follows_the_object(text, lang, expected):
    assert comparisons(text, lang) == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # "tetapi juga dalam X", "and on X", "serta dalam X": the comparison before repeated on another indicator
    ("Klaster 2 tidak hanya tertinggal dari Klaster 3 dalam umur harapan hidup, tetapi juga dalam rata-rata lama sekolah.", "id",
     [("K2.UHH.mean", Verdict.TRUE), ("K2.RLS.mean", Verdict.FALSE)]),
    ("Cluster 1 outperforms Cluster 4 on life expectancy and on per capita spending.", "en",
     [("K1.UHH.mean", Verdict.TRUE), ("K1.Pengeluaran.mean", Verdict.TRUE)]),
    ("Cluster 3 trails Cluster 2 on expected schooling, and also on mean years of schooling.", "en",
     [("K3.HLS.mean", Verdict.TRUE), ("K3.RLS.mean", Verdict.TRUE)]),
    ("Klaster 4 tertinggal dari Klaster 1 dalam harapan lama sekolah serta dalam pengeluaran per kapita.", "id",
     [("K4.HLS.mean", Verdict.TRUE), ("K4.Pengeluaran.mean", Verdict.TRUE)]),
])
def test_a_comparison_repeated_on_another_indicator_after_also_or_and(text, lang, expected):
    assert comparisons(text, lang) == expected
