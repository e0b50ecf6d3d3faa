"""interpret/verification/number_order.py: the i-th number of a clause is about its i-th name. Default data, k = 4
(UHH means K2 72,32, K4 69,90; K2 UHH 72,32, HLS 13,77; UHH Papua 68,17, Papua Barat 68,51)."""

from __future__ import annotations

import pytest

from interpret.terms import Verdict

from .test_verify_binding import numbers


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # as many numbers as clusters: one each, in order; swapped, both are false
        ("Umur harapan hidup Klaster 2 dan Klaster 4 adalah 72,32 dan 69,90 tahun.", "id",
         [("72,32", "K2.UHH.mean", Verdict.TRUE), ("69,90", "K4.UHH.mean", Verdict.TRUE)]),
        ("Life expectancy in Cluster 2 and Cluster 4 is 69.90 and 72.32 years.", "en",
         [("69.90", "K2.UHH.mean", Verdict.FALSE), ("72.32", "K4.UHH.mean", Verdict.FALSE)]),
        # "masing-masing" / "respectively": the i-th indicator
        ("UHH dan HLS Klaster 2 masing-masing 72,32 dan 13,77 tahun.", "id",
         [("72,32", "K2.UHH.mean", Verdict.TRUE), ("13,77", "K2.HLS.mean", Verdict.TRUE)]),
        ("Cluster 2's life expectancy and expected schooling are 13.77 and 72.32 years respectively.", "en",
         [("13.77", "K2.UHH.mean", Verdict.FALSE), ("72.32", "K2.HLS.mean", Verdict.FALSE)]),
        # … and the i-th unit named before the numbers (Papua 68,17, Papua Barat 68,51)
        ("Papua dan Papua Barat mencatat umur harapan hidup terendah, masing-masing sekitar 68,2 dan 68,5 tahun.", "id",
         [("68,2", "UNIT.Papua.UHH.value", Verdict.TRUE), ("68,5", "UNIT.Papua_Barat.UHH.value", Verdict.TRUE)]),
        ("Papua and Papua Barat record a life expectancy of 68.51 and 68.17 years respectively.", "en",
         [("68.51", "UNIT.Papua.UHH.value", Verdict.FALSE), ("68.17", "UNIT.Papua_Barat.UHH.value", Verdict.FALSE)]),
    ],
)
def test_the_ith_number_is_about_the_ith_name(text, lang, expected):
    assert numbers(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # a number after a list of units is no single unit's value: their cluster's (K2 Pengeluaran 10.314 ribu)
        ("Fishery MSMEs in Maluku and Nusa Tenggara Barat (Cluster 2) could lift spending, which lags at about IDR 10.3 million.", "en",
         [("10.3", "K2.Pengeluaran.mean", Verdict.TRUE)]),
        # … but one bracketed right after the last name is that name's (Sulawesi Selatan RLS 8,76)
        ("On mean years of schooling the exceptions in Cluster 3 are Bengkulu and Sulawesi Selatan (8.67 years).", "en",
         [("8.67", "UNIT.Sulawesi_Selatan.RLS.value", Verdict.FALSE)]),
    ],
)
def test_a_number_after_a_list_of_units_is_no_single_units(text, lang, expected):
    assert numbers(text, lang) == expected
