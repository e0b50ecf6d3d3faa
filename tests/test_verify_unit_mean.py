"""interpret/verification/unit_mean.py: "rata-rata provinsi" is the plain mean of the units, "angka nasional" the reference.

The default spec's reference is BPS's national figures (UHH 73,93); the plain mean of the 34 provinces
is 73,13. A claim is checked against the one its words name.
"""

from __future__ import annotations

from functools import lru_cache

import pytest

from interpret.data import load_dataset
from interpret.pipeline import stage_cluster
from interpret.terms import Verdict
from interpret.verification import Verifier

from .conftest import MEAN_REFERENCE_SPEC, settings


@lru_cache(maxsize=None)
def facts_of(spec):
    dataset = load_dataset(None, spec)
    return stage_cluster(dataset, settings(k=4, bootstrap=0))[1], dataset.values


def verdicts(text: str, spec=None, lang: str = "id") -> list[tuple[str, Verdict, str | None]]:
    facts, units = facts_of(spec)
    report = Verifier(facts, locale=lang, units=units).verify_text(text)
    return [(c.value, c.verdict, c.fact_id) for c in report.claims]


@pytest.mark.parametrize(("text", "expected"), [
    ("Rata-rata provinsi untuk UHH adalah 73,13 tahun.", [("73,13", Verdict.TRUE, "UMEAN.UHH")]),
    ("Rata-rata provinsi untuk UHH adalah 73,93 tahun.", [("73,93", Verdict.FALSE, "UMEAN.UHH")]),  # BPS's figure, not the provinces' mean
    ("Angka nasional UHH adalah 73,93 tahun.", [("73,93", Verdict.TRUE, "REF.UHH")]),
    ("Angka nasional UHH adalah 73,13 tahun.", [("73,13", Verdict.FALSE, "REF.UHH")]),
])
def test_the_reference_a_number_names_is_the_one_it_is_checked_against(text, expected):
    assert verdicts(text) == expected


def test_a_gap_in_percent_is_measured_from_the_reference_named_after_it():
    against_units = verdicts("Pengeluaran per kapita Klaster 1 mencapai 15.376 ribu rupiah, 34,0 % di atas rata-rata provinsi.")
    assert ("34,0 %", Verdict.TRUE, "K1.Pengeluaran.diff_pct_umean") in against_units
    wrong = verdicts("Pengeluaran per kapita Klaster 1 mencapai 15.376 ribu rupiah, 29,2 % di atas rata-rata provinsi.")
    assert ("29,2 %", Verdict.FALSE, "K1.Pengeluaran.diff_pct_umean") in wrong
    national = verdicts("Pengeluaran per kapita Klaster 1 mencapai 15.376 ribu rupiah, 29,2 % di atas angka nasional.")
    assert ("29,2 %", Verdict.TRUE, "K1.Pengeluaran.diff_pct") in national


def test_a_direction_is_judged_against_the_reference_it_names():
    # Klaster 3 spends 11.784 ribu rupiah: above the provinces' mean (11.470), below BPS's figure (11.899)
    above_units = verdicts("Pengeluaran per kapita Klaster 3 berada di atas rata-rata provinsi.")
    assert [(v, f) for _, v, f in above_units] == [(Verdict.TRUE, "K3.Pengeluaran.direction_umean")]
    above_national = verdicts("Pengeluaran per kapita Klaster 3 berada di atas angka nasional.")
    assert [(v, f) for _, v, f in above_national] == [(Verdict.FALSE, "K3.Pengeluaran.direction")]


def test_english_names_the_provincial_average_too():
    claims = verdicts("Cluster 1's per capita expenditure is 34.0% above the provincial average.", lang="en")
    assert ("34.0%", Verdict.TRUE, "K1.Pengeluaran.diff_pct_umean") in claims
    claims = verdicts("The average of the 34 provinces is 73.93 years for life expectancy.", lang="en")
    assert [(v, f) for _, v, f in claims if f and f.endswith("UHH")] == [(Verdict.FALSE, "UMEAN.UHH")]


def test_when_the_reference_is_the_plain_mean_both_phrases_bind_to_it():
    assert verdicts("Rata-rata provinsi untuk UHH adalah 73,13 tahun.", MEAN_REFERENCE_SPEC) == [("73,13", Verdict.TRUE, "REF.UHH")]
    claims = verdicts("Pengeluaran per kapita Klaster 1 mencapai 15.376 ribu rupiah, 34,0 % di atas rata-rata provinsi.", MEAN_REFERENCE_SPEC)
    assert ("34,0 %", Verdict.TRUE, "K1.Pengeluaran.diff_pct") in claims


@pytest.mark.parametrize(("lang", "phrase", "names_it"), [
    ("id", "di atas rata-rata provinsi", True),
    ("id", "rata-rata sederhana 34 provinsi", True),
    ("id", "rerata antarprovinsi", True),
    ("id", "rata-rata rumah tangga", True),
    ("id", "di atas angka nasional (BPS)", False),
    ("id", "rata-rata tertimbang rumah tangga", False),  # the brief's name of a weighted reference (brief.toml)
    ("id", "rata-rata lama sekolah", False),  # RLS, an indicator
    ("en", "above the provincial average", True),
    ("en", "the average of the 34 provinces", True),
    ("en", "the national figure (BPS)", False),
    ("en", "the weighted household average", False),
    ("en", "the mean of the 2,000 households weighted by weind", False),
])
def test_which_phrases_name_the_mean_of_the_units(lang, phrase, names_it):
    from interpret.verification.unit_mean import UnitMeanPhrases

    facts, units = facts_of(None)
    assert UnitMeanPhrases(Verifier(facts, locale=lang, units=units)).names_unit_mean(phrase) is names_it


def test_the_mean_of_the_units_is_placed_against_the_official_figure_by_its_publisher():
    # the provinces' plain mean of UHH (73,13) is 0,8 years below BPS's 73,93: a gap and a direction of that mean, no cluster's
    claims = verdicts("Rata-rata sederhana 34 provinsi lebih rendah: UHH-nya 73,13 tahun, sekitar 0,8 tahun di bawah acuan BPS.")
    assert ("0,8", Verdict.TRUE, "UMEAN.UHH.diff_ref") in claims
    assert ("di bawah acuan BPS", Verdict.TRUE, "UMEAN.UHH.diff_ref") in claims
    wrong = verdicts("Rata-rata sederhana 34 provinsi berbeda: UHH-nya 73,13 tahun, di atas angka BPS.")
    assert ("di atas angka BPS", Verdict.FALSE, "UMEAN.UHH.diff_ref") in wrong


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # the gap of the two references named together: the mean of the units against the official figure (UHH 73,13 vs 73,93)
    ("Untuk UHH, angka BPS 73,93 tahun dan rata-rata provinsi 73,13 tahun; selisih kedua acuan ini sekitar 0,8 tahun.", "id",
     ("0,8", Verdict.TRUE, "UMEAN.UHH.diff_ref")),
    ("The BPS figure for life expectancy is 73.93 years and the provincial average 73.13 years; the gap between the two benchmarks is about 1.8 years.", "en",
     ("1.8", Verdict.FALSE, "UMEAN.UHH.diff_ref")),
    # a size after a direction to the mean of the units, set off by a comma: the gap from it (K3 UHH 74,15 − 73,13)
    ("Klaster 3 berada sedikit di atas rata-rata provinsi pada umur harapan hidup, sekitar 1 tahun.", "id", ("1", Verdict.TRUE, "K3.UHH.diff_umean")),
    ("Klaster 3 berada sedikit di atas rata-rata provinsi pada umur harapan hidup, sekitar 2 tahun.", "id", ("2", Verdict.FALSE, "K3.UHH.mean")),
])
def test_a_gap_of_the_two_references_and_a_size_after_a_direction(text, lang, expected):
    assert [c for c in verdicts(text, lang=lang) if c[0] == expected[0]] == [expected]
