"""interpret/verification/relations.py: a ratio among several clusters binds to its own pair, the cluster after the
number ("kali lipat Klaster 4", "times that of Cluster 4") over the nearest subject before it. Default data, k = 4:
the ratios of mean expenditure are K1/K2 1,49, K1/K3 1,30, K1/K4 1,71, K3/K4 1,31."""

from __future__ import annotations

import pytest

from interpret.terms import ClaimKind, Verdict
from interpret.verification import Verifier

from .test_verify_unit_mean import facts_of


def ratios(text: str, lang: str) -> list[tuple[str, str | None, Verdict]]:
    facts, units = facts_of(None)
    claims = Verifier(facts, locale=lang, units=units).verify_markdown(text).claims
    return [(c.value, c.fact_id, c.verdict) for c in claims if c.kind == ClaimKind.NUMBER]


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Belanja per kapita Klaster 1 kira-kira 1,5 kali lipat Klaster 2, 1,3 kali lipat Klaster 3, dan 1,7 kali lipat Klaster 4.", "id",
     [("1,5", "K1-K2.Pengeluaran.ratio", Verdict.TRUE), ("1,3", "K1-K3.Pengeluaran.ratio", Verdict.TRUE),
      ("1,7", "K1-K4.Pengeluaran.ratio", Verdict.TRUE)]),
    ("Pengeluaran per kapita Klaster 1 sekitar 1,3 kali lipat dibandingkan Klaster 2, sedangkan terhadap Klaster 4 rasionya 1,7.", "id",
     [("1,3", "K1-K2.Pengeluaran.ratio", Verdict.FALSE), ("1,7", "K1-K4.Pengeluaran.ratio", Verdict.TRUE)]),
    ("Per-capita spending in Cluster 1 runs at roughly 1.7 times that of Cluster 4 and 1.5 times that of Cluster 3.", "en",
     [("1.7", "K1-K4.Pengeluaran.ratio", Verdict.TRUE), ("1.5", "K1-K3.Pengeluaran.ratio", Verdict.FALSE)]),
])
def test_each_ratio_binds_to_its_own_pair_of_clusters(text, lang, expected):
    assert ratios(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # a fraction in words is a ratio when it compares (K4 expenditure 9,0 juta over the reference; Papua over K1's mean)
        ("Klaster 4 mencatat rata-rata pengeluaran sekitar Rp9,0 juta, kira-kira tiga perempat angka nasional.", "id",
         [("Rp9,0 juta", "K4.Pengeluaran.mean", Verdict.TRUE), ("tiga perempat", "K4/REF.Pengeluaran.ratio", Verdict.TRUE)]),
        ("Cluster 4 spends about Rp9.0 million per person, roughly three quarters of the national figure.", "en",
         [("Rp9.0 million", "K4.Pengeluaran.mean", Verdict.TRUE), ("three quarters", "K4/REF.Pengeluaran.ratio", Verdict.TRUE)]),
        ("Papua spends about a third as much per person as the average member of Cluster 1.", "en",
         [("a third", "UNIT[Papua]/K1.Pengeluaran.ratio", Verdict.FALSE)]),
        ("Papua spends about half as much per person as the average member of Cluster 1.", "en",
         [("half", "UNIT[Papua]/K1.Pengeluaran.ratio", Verdict.TRUE)]),
        ("Pengeluaran per kapita Papua kurang dari sepertiga pengeluaran rata-rata Klaster 1.", "id",
         [("sepertiga", "UNIT[Papua]/K1.Pengeluaran.ratio", Verdict.FALSE)]),
        # a fraction "more" is the excess: "a third more" is 1,33 (K2/K4 expenditure is 1,15)
        ("Cluster 2 spends about a third more than Cluster 4.", "en", [("a third", "K2-K4.Pengeluaran.ratio", Verdict.FALSE)]),
        # a share of members is a count, not a ratio
        ("Half of Cluster 2 lies above the national average.", "en", []),
        ("Separuh dari Klaster 2 berada di atas rata-rata nasional.", "id", []),
        # an elliptic ratio ("rasionya") is about the pair the previous sentence compared
        ("Pengeluaran Klaster 1 sekitar 1,7 kali lipat Klaster 4. Untuk rata-rata lama sekolah rasionya lebih kecil, sekitar 1,3 kali.", "id",
         [("1,7", "K1-K4.Pengeluaran.ratio", Verdict.TRUE), ("1,3", "K1-K4.RLS.ratio", Verdict.TRUE)]),
        ("Expenditure in Cluster 1 is about 1.7 times that of Cluster 4. For mean years of schooling the ratio is smaller, about 1.6 times.", "en",
         [("1.7", "K1-K4.Pengeluaran.ratio", Verdict.TRUE), ("1.6", "K1-K4.RLS.ratio", Verdict.FALSE)]),
    ],
)
def test_fractions_in_words_and_elliptic_ratios(text, lang, expected):
    from .test_verify_binding import numbers
    assert numbers(text, lang) == expected


@pytest.mark.parametrize(("text", "lang", "note", "foreign"), [
    ("Per-capita spending in Cluster 1 runs at roughly 1.5 times that of Cluster 3.", "en", "bound to K1-K3.Pengeluaran.ratio", "terikat"),
    ("Belanja per kapita Klaster 1 kira-kira 1,5 kali lipat Klaster 3.", "id", "terikat pada K1-K3.Pengeluaran.ratio", "bound"),
])
def test_a_false_ratios_note_names_its_fact_in_the_texts_language(text, lang, note, foreign):
    facts, units = facts_of(None)
    (claim,) = [c for c in Verifier(facts, locale=lang, units=units).verify_markdown(text).claims if c.kind == ClaimKind.NUMBER]
    assert claim.verdict == Verdict.FALSE and claim.note == note and foreign not in claim.note


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # a lead or lag on a unit named after it (gaps.py): the gap of the two units' values, 7,64 years, its direction checked
    ("Umur harapan hidup Papua (68,17 tahun) sekitar 7,6 tahun lebih rendah daripada DKI Jakarta.", "id",
     [("68,17", "UNIT.Papua.UHH.value", Verdict.TRUE), ("7,6", "UNIT[Papua]-UNIT[DKI Jakarta].UHH.gap", Verdict.TRUE)]),
    ("Kesenjangannya lebar: umur harapan hidup Papua (68,17 tahun) sekitar 8,6 tahun lebih rendah daripada DKI Jakarta.", "id",
     [("68,17", "UNIT.Papua.UHH.value", Verdict.TRUE), ("8,6", "UNIT[Papua]-UNIT[DKI Jakarta].UHH.gap", Verdict.FALSE)]),
    ("Papua trails DKI Jakarta by about 7.6 years in life expectancy.", "en", [("7.6", "UNIT[Papua]-UNIT[DKI Jakarta].UHH.gap", Verdict.TRUE)]),
    ("Papua's life expectancy is about 7.6 years higher than DKI Jakarta's.", "en", [("7.6", "UNIT[Papua]-UNIT[DKI Jakarta].UHH.gap", Verdict.FALSE)]),
])
def test_a_lead_or_lag_on_a_named_unit_is_the_gap_of_the_two_units(text, lang, expected):
    assert ratios(text, lang) == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # more than two units: each ratio's object is the unit right after it, its subject the unit before that no ratio took
    ("Pengeluaran per kapita DKI Jakarta hampir dua kali lipat Kalimantan Barat dan sekitar 2,8 kali Nusa Tenggara Timur.", "id",
     [("dua", "UNIT[DKI Jakarta]/UNIT[Kalimantan Barat].Pengeluaran.ratio", Verdict.TRUE),
      ("2,8", "UNIT[DKI Jakarta]/UNIT[Nusa Tenggara Timur].Pengeluaran.ratio", Verdict.FALSE)]),
    ("Per capita spending in DKI Jakarta is about 1.9 times that of Kalimantan Barat and about 2.3 times that of Nusa Tenggara Timur.", "en",
     [("1.9", "UNIT[DKI Jakarta]/UNIT[Kalimantan Barat].Pengeluaran.ratio", Verdict.FALSE),
      ("2.3", "UNIT[DKI Jakarta]/UNIT[Nusa Tenggara Timur].Pengeluaran.ratio", Verdict.TRUE)]),
    # a count word before "kali lipat" is a ratio in words
    ("Cluster 1 spends three times as much as Cluster 4.", "en", [("three", "K1-K4.Pengeluaran.ratio", Verdict.FALSE)]),
])
def test_each_ratio_among_several_units_binds_to_its_own_pair(text, lang, expected):
    assert ratios(text, lang) == expected
