"""The verifier's checks one by one, on the shipped data (k = 4; k = 5 gives Papua a cluster of its own)."""

from __future__ import annotations

import dataclasses
from functools import lru_cache

import pytest

from interpret.data import load_dataset
from interpret.errors import ConfigError
from interpret.pipeline import stage_cluster
from interpret.verification.numbers import parse_token
from interpret.verify import Claim, VerificationReport, Verifier, sentence_verdict, split_sentences, verify_markdown

from .conftest import settings


@lru_cache(maxsize=None)
def facts_for(k: int = 4):
    _, facts = stage_cluster(load_dataset(None, None), settings(k=k))
    return facts


def verdict(text: str, k: int = 4, cluster: int | None = None, **options) -> str:
    return sentence_verdict(Verifier(facts_for(k), **options).verify_text(text, cluster=cluster).claims)


def claims(text: str, k: int = 4, **options) -> list[Claim]:
    return Verifier(facts_for(k), **options).verify_text(text).claims


def test_the_old_import_path_and_api_still_work():
    report = verify_markdown("## Klaster 1\n\nUmur Harapan Hidup (UHH) rata-rata 75,10 tahun.", facts_for())
    assert isinstance(report, VerificationReport) and report.counts["benar"] == 1
    claim = report.claims[0]
    assert {f.name for f in dataclasses.fields(claim)} >= {"id", "kind", "text", "value", "section", "cluster", "feature", "fact_id", "expected", "verdict", "note"}
    assert claim.fact_id == "K1.UHH.mean" and claim.cluster == 1 and claim.feature == "UHH"
    assert split_sentences("Klaster 1 unggul. D.I. Yogyakarta termasuk di dalamnya. Kep. Riau juga.") == [
        "Klaster 1 unggul.", "D.I. Yogyakarta termasuk di dalamnya.", "Kep. Riau juga."]


@pytest.mark.parametrize(
    ("raw", "locale", "expected"),
    [
        ("1.327.782", "id", (1327782, 0)), ("73,13", "id", (73.13, 2)), ("73.13", "id", (73.13, 2)), ("11.470", "id", (11470, 0)),
        ("1,327,782", "id", (1327782, 0)), ("1.327.782,5", "id", (1327782.5, 1)), ("11,470", "en", (11470, 0)),
        ("73.13", "en", (73.13, 2)), ("62,9", "id", (62.9, 1)), ("2023", "id", (2023, 0)),
    ],
)
def test_number_formats(raw, locale, expected):
    assert parse_token(raw, locale) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pengeluaran per kapita Klaster 1 rata-rata Rp 15,38 juta.", "benar"),  # 15.375,8 ribu = Rp 15,38 juta
        ("Pengeluaran per kapita Klaster 1 rata-rata Rp 15,37 juta.", "salah"),  # rounding wrong by 0,01 juta
        ("Pengeluaran per kapita Klaster 1 setara Rp 15.376.000 per tahun.", "benar"),
        ("Pengeluaran per kapita Klaster 4 sekitar 9 juta rupiah.", "benar"),
        ("Pengeluaran per kapita Klaster 4 lebih dari Rp 10 juta.", "salah"),
        ("Pengeluaran per kapita Klaster 4 kurang dari Rp 10 juta.", "benar"),
        ("UHH Klaster 1 rata-rata 75.10 tahun.", "benar"),  # English decimal point in an Indonesian text
        ("UHH Klaster 1 rata-rata 75,1 tahun.", "benar"),  # fewer decimals: a wider interval
        ("UHH Klaster 1 rata-rata 75,11 tahun.", "salah"),
        ("Keragaman antarklaster (between SS / total SS) sebesar 62,9 %.", "benar"),
        ("Keragaman antarklaster sebesar 52,9 %.", "salah"),
        ("UHH anggota Klaster 4 berkisar antara 68,17 dan 71,57 tahun.", "benar"),
        ("UHH anggota Klaster 4 berkisar antara 68,17 dan 72,57 tahun.", "salah"),
        ("Klaster 3 terdiri dari 14 provinsi.", "benar"),
        ("Klaster 3 terdiri dari 13 provinsi.", "salah"),  # 13 is within rounding of no fact: counts are exact
        ("Pertumbuhan ekonomi nasional ditargetkan 5,2 % pada 2025.", "tidak dapat diverifikasi"),
    ],
)
def test_numbers_against_the_facts(text, expected):
    assert verdict(text) == expected


def test_a_number_reports_the_fact_it_matched_or_not_found():
    matched = claims("UHH Klaster 2 rata-rata 72,32 tahun.")[0]
    assert (matched.fact_id, matched.expected, matched.verdict) == ("K2.UHH.mean", "72,32 tahun", "benar")
    lost = claims("Angka kemiskinan turun 3,1 % tahun lalu.")[0]
    assert lost.verdict == "tidak dapat diverifikasi" and lost.fact_id is None and lost.note == "tidak ditemukan"


def test_a_number_is_bound_to_the_cluster_named_next_to_it():
    assert verdict("UHH Klaster 1 rata-rata 75,10 tahun, sedangkan Klaster 4 hanya 69,90 tahun.") == "benar"
    assert verdict("UHH Klaster 1 rata-rata 69,90 tahun, sedangkan Klaster 4 hanya 75,10 tahun.") == "salah"
    assert verdict("Rata-rata 15.376 ribu rupiah di Klaster 1 dibanding 9.000 ribu rupiah di Klaster 4.") == "benar"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("UHH Klaster 2 di bawah rata-rata nasional.", "benar"),
        ("UHH Klaster 2 di atas rata-rata nasional.", "salah"),
        ("Klaster 3 lebih tinggi dari rata-rata provinsi pada pengeluaran per kapita.", "benar"),
        ("HLS Klaster 3 setara dengan rata-rata provinsi.", "salah"),
        ("Klaster 4 tertinggal pada semua indikator.", "benar"),
        ("Klaster 1 tertinggal pada RLS.", "salah"),
        ("UHH Klaster 2 tidak di atas rata-rata provinsi.", "benar"),
    ],
)
def test_directions_against_the_reference(text, expected):
    assert verdict(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Klaster 1 memiliki RLS tertinggi.", "benar"),
        ("Klaster 3 memiliki UHH tertinggi kedua.", "benar"),
        ("Klaster 3 memiliki UHH kedua tertinggi.", "benar"),
        ("Klaster 2 memiliki UHH kedua tertinggi.", "salah"),
        ("Klaster 4 memiliki pengeluaran per kapita terendah.", "benar"),
        ("Klaster 3 memiliki HLS terendah.", "salah"),
        ("Klaster 2 memiliki HLS lebih tinggi dari Klaster 3.", "benar"),
        ("Klaster 3 memiliki HLS lebih tinggi dari Klaster 2.", "salah"),
        ("Klaster 4 adalah klaster dengan capaian terendah.", "benar"),
        ("Klaster 3 merupakan klaster terbesar.", "benar"),
        ("Klaster 1 merupakan klaster terbesar.", "salah"),
    ],
)
def test_ranks_and_superlatives(text, expected):
    assert verdict(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Klaster 1 beranggotakan DKI, DIY, Kepri, Bali dan Kaltim.", "benar"),
        ("Jakarta termasuk Klaster 1.", "benar"),
        ("Daerah Istimewa Yogyakarta dan Kep. Riau tergabung dalam Klaster 1.", "benar"),
        ("Klaster 2 mencakup Aceh, Sumut, Sumbar, dan NTB.", "benar"),
        ("Jawa Tengah termasuk Klaster 4.", "salah"),
        ("Klaster 1 beranggotakan DKI Jakarta, Bali, dan INDONESIA.", "salah"),
        ("INDONESIA termasuk dalam Klaster 3.", "salah"),
        ("Klaster 3 mencakup 14 provinsi di Indonesia bagian barat dan tengah.", "benar"),  # "di Indonesia" is geography
        ("Klaster 4 beranggotakan lima provinsi.", "benar"),
        ("Klaster 4 beranggotakan enam provinsi.", "salah"),
        ("Klaster 1 hanya terdiri dari DKI Jakarta dan Bali.", "salah"),
        ("Klaster 7 memiliki UHH tertinggi.", "salah"),  # there are only 4 clusters
    ],
)
def test_membership_counts_and_aliases(text, expected):
    assert verdict(text) == expected


def test_the_national_aggregate_as_a_member_is_reported_with_a_reason():
    claim = next(c for c in claims("Klaster 1 beranggotakan DKI Jakarta, Bali, dan INDONESIA.") if c.verdict == "salah")
    assert claim.kind == "anggota" and claim.value == "INDONESIA" and "agregat nasional" in claim.note


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Klaster 3 relatif homogen.", "benar"),
        ("Klaster 1 cukup beragam.", "benar"),
        ("Klaster 3 sangat beragam.", "salah"),
        ("Klaster 3 adalah klaster yang paling homogen.", "benar"),
        ("Klaster 1 adalah klaster yang paling homogen.", "salah"),
        ("Anggota Klaster 2 menunjukkan pola yang identik.", "salah"),
    ],
)
def test_spread_and_homogeneity(text, expected):
    assert verdict(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Klaster 5 menunjukkan pola yang identik di seluruh anggota.", "salah"),
        ("Seluruh anggota Klaster 5 memiliki RLS di bawah rata-rata provinsi.", "salah"),
        ("Variasi antaranggota Klaster 5 kecil.", "salah"),
        ("Klaster 5 homogen.", "salah"),
        ("Klaster 5 hanya berisi Papua, sehingga tidak ada variasi antaranggota.", "benar"),
        ("Klaster 5 terdiri dari satu provinsi, yaitu Papua.", "benar"),
    ],
)
def test_a_one_member_cluster_has_no_spread_and_no_shared_pattern(text, expected):
    assert facts_for(5).cluster(5).members == ["Papua"]
    assert verdict(text, k=5) == expected


def _with_jaccard(values: dict[int, float]):
    facts = facts_for()
    index = dict(facts.index)
    for number, value in values.items():
        index[f"K{number}.jaccard"] = dataclasses.replace(index.get(f"K{number}.jaccard") or next(iter(index.values())),
                                                          id=f"K{number}.jaccard", value=value, kind="jaccard", decimals=2, unit="", cluster=number, feature=None, text=f"{value:.2f}".replace(".", ","), member=None)
    return facts.model_copy(update={"index": index})


def test_stability_claims_use_the_jaccard_facts_and_the_thresholds_in_the_rules_file():
    facts = _with_jaccard({1: 0.91, 2: 0.52, 3: 0.78, 4: 0.66})
    judge = lambda text: sentence_verdict(Verifier(facts).verify_text(text).claims)  # noqa: E731
    assert judge("Klaster 1 sangat stabil.") == "benar"
    assert judge("Klaster 3 stabil.") == "benar"
    assert judge("Klaster 2 stabil.") == "salah"
    assert judge("Klaster 2 tidak stabil.") == "benar"
    assert judge("Klaster 4 kurang stabil.") == "benar"
    assert judge("Klaster 1 paling stabil di antara semua klaster.") == "benar"
    assert judge("Klaster 3 paling stabil.") == "salah"
    assert judge("Klaster 1 memiliki Jaccard bootstrap 0,91.") == "benar"
    assert judge("Klaster 1 memiliki Jaccard bootstrap 0,81.") == "salah"


def test_stability_claims_without_stability_facts_cannot_be_verified():
    facts = facts_for()
    index = {k: v for k, v in facts.index.items() if not k.endswith(".jaccard")}
    bare = facts.model_copy(update={"index": index})
    assert sentence_verdict(Verifier(bare).verify_text("Klaster 1 sangat stabil.").claims) == "tidak dapat diverifikasi"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bansos perlu menjadi prioritas utama bagi Klaster 1.", "salah"),
        ("Klaster 4 perlu diprioritaskan untuk bansos dan layanan kesehatan dasar.", "tidak dapat diverifikasi"),
        ("Untuk Klaster 4 sebaiknya difokuskan pada ekonomi digital.", "salah"),
        ("Prioritas pertama: Klaster 4, dengan fokus bansos dan pendidikan.", "tidak dapat diverifikasi"),
        ("Prioritas pertama: Klaster 1.", "salah"),
        ("Bansos tidak perlu diprioritaskan di Klaster 1.", "tidak dapat diverifikasi"),
    ],
)
def test_policy_consistency(text, expected):
    assert verdict(text) == expected


def test_policy_rules_come_from_the_config_file(tmp_path):
    rules = tmp_path / "konsistensi.toml"
    rules.write_text(
        'isyarat = ["prioritas"]\n[[aturan]]\nid = "umkm-terendah"\nkata = ["UMKM"]\njika = { peringkat = ["terendah"] }\npesan = "uji"\n',
        encoding="utf-8",
    )
    assert verdict("UMKM menjadi prioritas di Klaster 4.") == "tidak dapat diverifikasi"
    assert verdict("UMKM menjadi prioritas di Klaster 4.", rules=rules) == "salah"
    assert verdict("Bansos menjadi prioritas di Klaster 1.", rules=rules) == "tidak dapat diverifikasi"
    rules.write_text('[[aturan]]\nid = "x"\nkata = []\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="konsistensi.toml"):
        Verifier(facts_for(), rules=rules)


def test_klaster_ini_means_the_section_cluster_or_the_last_one_named():
    md = "## Klaster 4: Capaian rendah\n\nKlaster ini memiliki UHH terendah. Klaster ini tertinggal pada semua indikator.\n"
    assert Verifier(facts_for()).verify_markdown(md).counts == {"benar": 5, "salah": 0, "tidak dapat diverifikasi": 0}
    text = "Klaster 2 beranggotakan 10 provinsi. Klaster ini unggul pada HLS."
    assert verdict(text) == "benar"
    assert verdict("Klaster 3 beranggotakan 14 provinsi. Klaster ini unggul pada HLS.") == "salah"


def test_cluster_names_are_mapped_explicitly():
    mapped = Verifier(facts_for(), cluster_map={"A": 4, "B": 1})
    assert sentence_verdict(mapped.verify_text("Klaster A beranggotakan Papua dan NTT.").claims) == "benar"
    assert sentence_verdict(mapped.verify_text("Klaster B memiliki UHH terendah.").claims) == "salah"


def test_english_locale_reads_english_numbers_and_phrases():
    en = Verifier(facts_for(), locale="en")
    judge = lambda text: sentence_verdict(en.verify_text(text).claims)  # noqa: E731
    assert judge("Cluster 1 has a mean per-capita expenditure of 15,376 thousand rupiah.") == "benar"
    assert judge("Cluster 1 has a mean life expectancy (UHH) of 75.10 years, 2.7% above the provincial average.") == "benar"
    assert judge("Cluster 2's UHH is above the national average.") == "salah"
    assert judge("Cluster 4 has the lowest RLS.") == "benar"
    assert judge("Cluster 3 has the highest HLS.") == "salah"
    assert judge("Cluster 1 consists of DKI Jakarta, Bali and INDONESIA.") == "salah"
    assert judge("Cluster 3 comprises 14 provinces.") == "benar"
    with pytest.raises(ValueError, match="locale"):
        Verifier(facts_for(), locale="fr")


def test_claims_about_one_unit_need_the_unit_values():
    values = load_dataset(None, None).values
    assert verdict("UHH Papua hanya 68,17 tahun.") == "tidak dapat diverifikasi"
    assert verdict("UHH Papua hanya 68,17 tahun.", units=values) == "benar"
    assert verdict("UHH Papua hanya 66,17 tahun.", units=values) == "salah"
    assert verdict("DKI Jakarta memiliki pengeluaran per kapita tertinggi.", units=values) == "benar"
    assert verdict("Bali memiliki pengeluaran per kapita tertinggi.", units=values) == "salah"


def test_every_rule_based_sentence_of_every_k_verifies_without_false_claims():
    """The drafter's own sentences at k = 2…5 are never judged false (k = 6 is documented in docs/verification.md)."""
    from interpret.drafting import draft_rule_based
    from interpret.rules import load_rules
    from reports import render_body

    for k in (2, 3, 4, 5):
        facts = facts_for(k)
        body = render_body(facts, draft_rule_based(facts, load_rules(None)))
        report = Verifier(facts).verify_markdown(body)
        assert report.counts["salah"] == 0, [(c.value, c.text[:80]) for c in report.false_claims()]
