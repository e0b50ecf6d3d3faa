"""Comparisons between units (interpret/verification/unit_compare.py), checked against the units' value facts."""

from __future__ import annotations

import pytest

from interpret.terms import ClaimKind, Verdict
from interpret.verification import Verifier

from .test_verify import facts_for


def ranks(text: str, lang: str = "id"):
    report = Verifier(facts_for(), locale=lang).verify_text(text)
    return [(c.value, c.fact_id, c.verdict) for c in report.claims if c.kind == ClaimKind.RANK]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Pengeluaran per kapita Banten lebih tinggi daripada Jawa Timur.", "id",
         [("lebih tinggi daripada Jawa Timur", "UNIT.Banten.Pengeluaran.value", Verdict.TRUE)]),
        ("Umur harapan hidup Maluku lebih tinggi daripada Gorontalo.", "id",
         [("lebih tinggi daripada Gorontalo", "UNIT.Maluku.UHH.value", Verdict.FALSE)]),
        ("Rata-rata lama sekolah Bali lebih rendah daripada Sumatera Utara dan Aceh.", "id",
         [("lebih rendah daripada Sumatera Utara dan Aceh", "UNIT.Bali.RLS.value", Verdict.TRUE)]),
        ("Harapan lama sekolah Aceh lebih tinggi dari seluruh anggota Klaster 1 kecuali D.I. Yogyakarta.", "id",
         [("lebih tinggi dari seluruh anggota Klaster 1 kecuali D.I. Yogyakarta", "UNIT.Aceh.HLS.value", Verdict.TRUE)]),
        ("Harapan lama sekolah Aceh lebih tinggi dari seluruh anggota Klaster 1.", "id",
         [("lebih tinggi dari seluruh anggota Klaster 1", "UNIT.Aceh.HLS.value", Verdict.FALSE)]),
        ("Life expectancy in West Papua is lower than in Papua.", "en",
         [("lower than in Papua", "UNIT.Papua_Barat.UHH.value", Verdict.FALSE)]),
        ("Per capita expenditure in Banten is higher than in East Java.", "en",
         [("higher than in East Java", "UNIT.Banten.Pengeluaran.value", Verdict.TRUE)]),
        ("East Kalimantan's per capita expenditure is higher than that of every member of Cluster 3.", "en",
         [("higher than that of every member of Cluster 3", "UNIT.Kalimantan_Timur.Pengeluaran.value", Verdict.FALSE)]),
    ],
)
def test_a_comparison_between_units_is_checked_on_their_values(text, lang, expected):
    assert ranks(text, lang) == expected


def test_no_unit_comparison_without_one_indicator_or_without_a_unit_on_each_side():
    assert ranks("Banten lebih tinggi daripada Jawa Timur.") == []  # which indicator?
    assert ranks("Umur harapan hidup Banten lebih tinggi daripada rata-rata provinsi.") == []


def test_the_members_a_unit_is_compared_with_are_no_member_list():
    report = Verifier(facts_for()).verify_text("Harapan lama sekolah Aceh lebih tinggi dari seluruh anggota Klaster 1 kecuali D.I. Yogyakarta.")
    assert not [c for c in report.claims if c.kind == ClaimKind.MEMBERSHIP and c.value == "Aceh"]  # Aceh is in Klaster 2: no claim says otherwise
    listed = Verifier(facts_for()).verify_text("Seluruh anggota Klaster 4 adalah Papua, Papua Barat, NTT, Gorontalo dan Sulawesi Barat.")
    assert [c.verdict for c in listed.claims if c.kind == ClaimKind.MEMBERSHIP] == [Verdict.TRUE] * 5


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # the indicator written between the comparison word and its object
        ("East Kalimantan has a higher life expectancy than Bali.", "en",
         [("higher life expectancy than Bali", "UNIT.Kalimantan_Timur.UHH.value", Verdict.FALSE)]),
        ("Cluster 3 enjoys a higher life expectancy than Cluster 2.", "en", [("higher life expectancy than Cluster 2", "K3.UHH.mean", Verdict.TRUE)]),
        ("Cluster 2 has a higher life expectancy than Cluster 3.", "en", [("higher life expectancy than Cluster 3", "K2.UHH.mean", Verdict.FALSE)]),
        # an object named by an ordinal before the noun; a verb of comparison; a degree word read with it
        ("Cluster 3's expected schooling is just below the fourth cluster.", "en", [("just below the fourth cluster", "K3.HLS.mean", Verdict.FALSE)]),
        ("On expected schooling, Cluster 4 lags Cluster 3.", "en", [("lags Cluster 3", "K4.HLS.mean", Verdict.TRUE)]),
        ("Yogyakarta outranks Jakarta on expected schooling.", "en", [("outranks Jakarta", "UNIT.D_I_Yogyakarta.HLS.value", Verdict.TRUE)]),
        ("Jawa Barat sedikit melampaui Kepulauan Riau pada umur harapan hidup.", "id",
         [("sedikit melampaui Kepulauan Riau", "UNIT.Jawa_Barat.UHH.value", Verdict.TRUE)]),
    ],
)
def test_a_comparison_reads_its_indicator_between_word_and_object_its_verbs_and_its_degree(text, lang, expected):
    assert ranks(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # the indicator after the object; an elided comparison repeats the pair on its own indicator
        ("Cluster 2 is higher than Cluster 3 on mean years of schooling but lower on life expectancy.", "en",
         [("higher than Cluster 3", "K2.RLS.mean", Verdict.TRUE), ("lower on life expectancy", "K2.UHH.mean", Verdict.TRUE)]),
        ("Cluster 2 is higher than Cluster 3 on mean years of schooling but higher on life expectancy too.", "en",
         [("higher than Cluster 3", "K2.RLS.mean", Verdict.TRUE), ("higher on life expectancy", "K2.UHH.mean", Verdict.FALSE)]),
        # the object of the comparison before is no subject of the elided one at the end of the sentence
        ("Klaster 2 hidup lebih singkat dibanding Klaster 3, meskipun HLS-nya lebih tinggi.", "id",
         [("hidup lebih singkat dibanding Klaster 3", "K2.UHH.mean", Verdict.TRUE), ("lebih tinggi", "K2.HLS.mean", Verdict.TRUE)]),
    ],
)
def test_an_elided_comparison_keeps_the_pair_of_the_one_before(text, lang, expected):
    assert ranks(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # k = 4, expenditure: Kepulauan Bangka Belitung 13.589 > Kalimantan Timur 13.202; a filler before the connector
        ("Kepulauan Bangka Belitung spends more per capita than Kalimantan Timur.",
         [("spends more per capita than Kalimantan Timur", "UNIT.Kepulauan_Bangka_Belitung.Pengeluaran.value", Verdict.TRUE)]),
        ("Kalimantan Timur spends more per capita than Kepulauan Bangka Belitung.",
         [("spends more per capita than Kepulauan Bangka Belitung", "UNIT.Kalimantan_Timur.Pengeluaran.value", Verdict.FALSE)]),
        # the second comparison of the sentence is judged on the indicator its own subject names
        ("Sulawesi Utara's mean years of schooling is higher than Bali's, and Jawa Barat's life expectancy edges past that of DKI Jakarta.",
         [("higher than Bali", "UNIT.Sulawesi_Utara.RLS.value", Verdict.TRUE),
          ("life expectancy edges past that of DKI Jakarta", "UNIT.Jawa_Barat.UHH.value", Verdict.FALSE)]),
    ],
)
def test_a_units_comparison_reads_its_connector_after_a_filler_and_its_own_indicator(text, expected):
    assert ranks(text, "en") == expected
