"""The verifier's checks one by one, on the shipped data (k = 4; k = 5 gives Papua a cluster of its own)."""

from __future__ import annotations

import dataclasses
from functools import lru_cache
from pathlib import Path

import pytest

import interpret
from interpret.data import load_dataset
from interpret.errors import ConfigError
from interpret.numbers import NUMBER_LOCALES
from interpret.pipeline import stage_cluster
from interpret.terms import ClaimKind, Verdict
from interpret.verification import Claim, VerificationReport, Verifier, sentence_verdict, split_sentences, verify_markdown

from .conftest import MEAN_REFERENCE_SPEC, settings


@lru_cache(maxsize=None)
def facts_for(k: int = 4):
    _, facts = stage_cluster(load_dataset(None, MEAN_REFERENCE_SPEC), settings(k=k))
    return facts


def verdict(text: str, k: int = 4, cluster: int | None = None, **options) -> str:
    return sentence_verdict(Verifier(facts_for(k), **options).verify_text(text, cluster=cluster).claims)


def claims(text: str, k: int = 4, **options) -> list[Claim]:
    return Verifier(facts_for(k), **options).verify_text(text).claims


def test_the_old_import_path_and_api_still_work():
    report = verify_markdown("## Klaster 1\n\nUmur Harapan Hidup (UHH) rata-rata 75,10 tahun.", facts_for())
    assert isinstance(report, VerificationReport) and report.counts[Verdict.TRUE] == 1
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
    assert NUMBER_LOCALES[locale].read(raw) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pengeluaran per kapita Klaster 1 rata-rata Rp 15,38 juta.", Verdict.TRUE),  # 15.375,8 ribu = Rp 15,38 juta
        ("Pengeluaran per kapita Klaster 1 rata-rata Rp 15,37 juta.", Verdict.FALSE),  # rounding wrong by 0,01 juta
        ("Pengeluaran per kapita Klaster 1 setara Rp 15.376.000 per tahun.", Verdict.TRUE),
        ("Pengeluaran per kapita Klaster 4 sekitar 9 juta rupiah.", Verdict.TRUE),
        ("Pengeluaran per kapita Klaster 4 lebih dari Rp 10 juta.", Verdict.FALSE),
        ("Pengeluaran per kapita Klaster 4 kurang dari Rp 10 juta.", Verdict.TRUE),
        ("UHH Klaster 1 rata-rata 75.10 tahun.", Verdict.TRUE),  # English decimal point in an Indonesian text
        ("UHH Klaster 1 rata-rata 75,1 tahun.", Verdict.TRUE),  # fewer decimals: a wider interval
        ("UHH Klaster 1 rata-rata 75,11 tahun.", Verdict.FALSE),
        ("Keragaman antarklaster (between SS / total SS) sebesar 62,9 %.", Verdict.TRUE),
        ("Keragaman antarklaster sebesar 52,9 %.", Verdict.FALSE),
        ("UHH anggota Klaster 4 berkisar antara 68,17 dan 71,57 tahun.", Verdict.TRUE),
        ("UHH anggota Klaster 4 berkisar antara 68,17 dan 72,57 tahun.", Verdict.FALSE),
        ("Klaster 3 terdiri dari 14 provinsi.", Verdict.TRUE),
        ("Klaster 3 terdiri dari 13 provinsi.", Verdict.FALSE),  # 13 is within rounding of no fact: counts are exact
        ("Pertumbuhan ekonomi nasional ditargetkan 5,2 % pada 2025.", Verdict.UNVERIFIABLE),
    ],
)
def test_numbers_against_the_facts(text, expected):
    assert verdict(text) == expected


def test_a_number_reports_the_fact_it_matched_or_not_found():
    matched = claims("UHH Klaster 2 rata-rata 72,32 tahun.")[0]
    assert (matched.fact_id, matched.expected, matched.verdict) == ("K2.UHH.mean", "72,32 tahun", Verdict.TRUE)
    lost = claims("Angka kemiskinan turun 3,1 % tahun lalu.")[0]
    assert lost.verdict == Verdict.UNVERIFIABLE and lost.fact_id is None and lost.note == "tentang 'kemiskinan', yang tidak ada dalam data"
    unnamed = claims("Angkanya turun 3,1 % tahun lalu.")[0]
    assert unnamed.verdict == Verdict.UNVERIFIABLE and unnamed.fact_id is None and unnamed.note == "tidak terikat pada fakta mana pun"


def test_a_number_is_bound_to_the_cluster_named_next_to_it():
    assert verdict("UHH Klaster 1 rata-rata 75,10 tahun, sedangkan Klaster 4 hanya 69,90 tahun.") == Verdict.TRUE
    assert verdict("UHH Klaster 1 rata-rata 69,90 tahun, sedangkan Klaster 4 hanya 75,10 tahun.") == Verdict.FALSE
    assert verdict("Rata-rata 15.376 ribu rupiah di Klaster 1 dibanding 9.000 ribu rupiah di Klaster 4.") == Verdict.TRUE


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("UHH Klaster 2 di bawah rata-rata nasional.", Verdict.TRUE),
        ("UHH Klaster 2 di atas rata-rata nasional.", Verdict.FALSE),
        ("Klaster 3 lebih tinggi dari rata-rata provinsi pada pengeluaran per kapita.", Verdict.TRUE),
        ("HLS Klaster 3 setara dengan rata-rata provinsi.", Verdict.FALSE),
        ("Klaster 4 tertinggal pada semua indikator.", Verdict.TRUE),
        ("Klaster 1 tertinggal pada RLS.", Verdict.FALSE),
        ("UHH Klaster 2 tidak di atas rata-rata provinsi.", Verdict.TRUE),
        # the published figure named by its publisher, and "kurang dari" before a reference, are positions too
        ("UHH Klaster 2 di bawah acuan BPS.", Verdict.TRUE),
        ("UHH Klaster 1 di bawah angka BPS.", Verdict.FALSE),
        ("Pengeluaran per kapita Klaster 1 kurang dari angka nasional.", Verdict.FALSE),
    ],
)
def test_directions_against_the_reference(text, expected):
    assert verdict(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Cluster 2's life expectancy is below the BPS national figure.", [("below the BPS national figure", Verdict.TRUE)]),
        ("Cluster 1 spends less than the national average per capita.", [("less than the national average", Verdict.FALSE)]),
        ("Cluster 4's life expectancy is about 3.2 years below the BPS benchmark.",  # the gap, not the mean
         [("3.2", Verdict.TRUE), ("below the BPS benchmark", Verdict.TRUE)]),
    ],
)
def test_the_reference_named_by_its_publisher_in_english(text, expected):
    found = [(c.value, c.verdict) for c in claims(text, locale="en") if c.kind in {ClaimKind.DIRECTION, ClaimKind.NUMBER}]
    assert found == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Klaster 1 memiliki RLS tertinggi.", Verdict.TRUE),
        ("Klaster 3 memiliki UHH tertinggi kedua.", Verdict.TRUE),
        ("Klaster 3 memiliki UHH kedua tertinggi.", Verdict.TRUE),
        ("Klaster 2 memiliki UHH kedua tertinggi.", Verdict.FALSE),
        ("Klaster 4 memiliki pengeluaran per kapita terendah.", Verdict.TRUE),
        ("Klaster 3 memiliki HLS terendah.", Verdict.FALSE),
        ("Klaster 2 memiliki HLS lebih tinggi dari Klaster 3.", Verdict.TRUE),
        ("Klaster 3 memiliki HLS lebih tinggi dari Klaster 2.", Verdict.FALSE),
        ("Klaster 4 adalah klaster dengan capaian terendah.", Verdict.TRUE),
        ("Klaster 3 merupakan klaster terbesar.", Verdict.TRUE),
        ("Klaster 1 merupakan klaster terbesar.", Verdict.FALSE),
        # second behind the one named, one place below the one named
        ("Dari sisi umur harapan hidup, Klaster 3 hanya kalah dari Klaster 1.", Verdict.TRUE),
        ("Pada pengeluaran per kapita, Klaster 2 hanya kalah dari Klaster 1.", Verdict.FALSE),
        ("Klaster 4 berada tepat setelah Klaster 2 pada umur harapan hidup.", Verdict.TRUE),
        ("Dalam hal rata-rata lama sekolah, Klaster 3 berada tepat setelah Klaster 1.", Verdict.FALSE),
    ],
)
def test_ranks_and_superlatives(text, expected):
    assert verdict(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Klaster 1 beranggotakan DKI, DIY, Kepri, Bali dan Kaltim.", Verdict.TRUE),
        ("Jakarta termasuk Klaster 1.", Verdict.TRUE),
        ("Daerah Istimewa Yogyakarta dan Kep. Riau tergabung dalam Klaster 1.", Verdict.TRUE),
        ("Klaster 2 mencakup Aceh, Sumut, Sumbar, dan NTB.", Verdict.TRUE),
        ("Jawa Tengah termasuk Klaster 4.", Verdict.FALSE),
        ("Klaster 1 beranggotakan DKI Jakarta, Bali, dan INDONESIA.", Verdict.FALSE),
        ("INDONESIA termasuk dalam Klaster 3.", Verdict.FALSE),
        ("Klaster 3 mencakup 14 provinsi di Indonesia bagian barat dan tengah.", Verdict.TRUE),  # "di Indonesia" is geography
        ("Klaster 4 beranggotakan lima provinsi.", Verdict.TRUE),
        ("Klaster 4 beranggotakan enam provinsi.", Verdict.FALSE),
        ("Klaster 1 hanya terdiri dari DKI Jakarta dan Bali.", Verdict.FALSE),
        ("Klaster 7 memiliki UHH tertinggi.", Verdict.FALSE),  # there are only 4 clusters
    ],
)
def test_membership_counts_and_aliases(text, expected):
    assert verdict(text) == expected


def test_the_national_aggregate_as_a_member_is_reported_with_a_reason():
    claim = next(c for c in claims("Klaster 1 beranggotakan DKI Jakarta, Bali, dan INDONESIA.") if c.verdict == Verdict.FALSE)
    assert claim.kind == ClaimKind.MEMBERSHIP and claim.value == "INDONESIA" and "agregat nasional" in claim.note


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Klaster 3 relatif homogen.", Verdict.TRUE),
        ("Klaster 1 cukup beragam.", Verdict.TRUE),
        ("Klaster 3 sangat beragam.", Verdict.FALSE),
        ("Klaster 3 adalah klaster yang paling homogen.", Verdict.TRUE),
        ("Klaster 1 adalah klaster yang paling homogen.", Verdict.FALSE),
        ("Anggota Klaster 2 menunjukkan pola yang identik.", Verdict.FALSE),
    ],
)
def test_spread_and_homogeneity(text, expected):
    assert verdict(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Klaster 5 menunjukkan pola yang identik di seluruh anggota.", Verdict.FALSE),
        ("Seluruh anggota Klaster 5 memiliki RLS di bawah rata-rata provinsi.", Verdict.FALSE),
        ("Variasi antaranggota Klaster 5 kecil.", Verdict.FALSE),
        ("Klaster 5 homogen.", Verdict.FALSE),
        ("Klaster 5 hanya berisi Papua, sehingga tidak ada variasi antaranggota.", Verdict.TRUE),
        ("Klaster 5 terdiri dari satu provinsi, yaitu Papua.", Verdict.TRUE),
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
    assert judge("Klaster 1 sangat stabil.") == Verdict.TRUE
    assert judge("Klaster 3 stabil.") == Verdict.TRUE
    assert judge("Klaster 2 stabil.") == Verdict.FALSE
    assert judge("Klaster 2 tidak stabil.") == Verdict.TRUE
    assert judge("Klaster 4 kurang stabil.") == Verdict.TRUE
    assert judge("Klaster 1 paling stabil di antara semua klaster.") == Verdict.TRUE
    assert judge("Klaster 3 paling stabil.") == Verdict.FALSE
    assert judge("Klaster 1 memiliki Jaccard bootstrap 0,91.") == Verdict.TRUE
    assert judge("Klaster 1 memiliki Jaccard bootstrap 0,81.") == Verdict.FALSE


def test_stability_claims_without_stability_facts_cannot_be_verified():
    facts = facts_for()
    index = {k: v for k, v in facts.index.items() if not k.endswith(".jaccard")}
    bare = facts.model_copy(update={"index": index})
    assert sentence_verdict(Verifier(bare).verify_text("Klaster 1 sangat stabil.").claims) == Verdict.UNVERIFIABLE


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bansos perlu menjadi prioritas utama bagi Klaster 1.", Verdict.FALSE),
        ("Klaster 4 perlu diprioritaskan untuk bansos dan layanan kesehatan dasar.", Verdict.TRUE),  # every recommendation is a claim
        ("Untuk Klaster 4 sebaiknya difokuskan pada ekonomi digital.", Verdict.FALSE),
        ("Prioritas pertama: Klaster 4, dengan fokus bansos dan pendidikan.", Verdict.TRUE),
        ("Prioritas pertama: Klaster 1.", Verdict.FALSE),
        ("Bansos tidak perlu diprioritaskan di Klaster 1.", Verdict.UNVERIFIABLE),
    ],
)
def test_policy_consistency(text, expected):
    assert verdict(text) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # a sector recommended for a cluster that leads on every indicator of its theme contradicts the facts
        ("Klaster 1 memerlukan perbaikan gizi dan layanan kesehatan dasar.", "id",
         [("perbaikan gizi", Verdict.FALSE), ("layanan kesehatan dasar", Verdict.FALSE)]),
        ("Klaster 2 membutuhkan penguatan layanan kesehatan dasar.", "id", [("layanan kesehatan dasar", Verdict.TRUE)]),  # UHH below
        ("Beasiswa KIP perlu diperluas di Klaster 2.", "id", [("Beasiswa", Verdict.FALSE), ("KIP", Verdict.FALSE)]),  # K2 leads on HLS, RLS
        ("Beasiswa perlu diperluas di Klaster 3.", "id", [("Beasiswa", Verdict.TRUE)]),
        ("Cluster 3 needs cash transfers.", "en", [("cash transfers", Verdict.FALSE)]),  # K3 spends above the reference
        ("Cluster 2 needs basic health services and nutrition programmes.", "en",
         [("basic health services", Verdict.TRUE), ("nutrition", Verdict.TRUE)]),
        ("Teacher recruitment should be the priority for Cluster 1.", "en", [("Teacher recruitment", Verdict.FALSE)]),
        # the ground of a recommendation, or a position, is no recommendation
        ("Klaster 2 perlu bansos karena unggul pada pendidikan.", "id", [("bansos", Verdict.TRUE)]),
        ("Cluster 2 leads on education, so social assistance should be prioritised.", "en", [("social assistance", Verdict.TRUE)]),
        ("Klaster 1 tidak memerlukan bansos.", "id", []),
    ],
)
def test_every_recommended_sector_is_a_policy_claim(text, lang, expected):
    report = Verifier(facts_for(), locale=lang).verify_text(text)
    found = [(c.value, c.verdict) for c in report.claims if c.kind == ClaimKind.POLICY]
    assert found == expected
    assert all(c.fact_id for c in report.claims if c.kind == ClaimKind.POLICY)  # each cites the fact that grounds or refutes it


def test_policy_rules_come_from_the_config_file(tmp_path):
    rules = tmp_path / "konsistensi.toml"
    rules.write_text(
        'isyarat = ["prioritas"]\n[[aturan]]\nid = "umkm-terendah"\nkata = ["UMKM"]\njika = { peringkat = ["terendah"] }\npesan = "uji"\n',
        encoding="utf-8",
    )
    assert verdict("UMKM menjadi prioritas di Klaster 4.") == Verdict.TRUE  # the shipped file: a productive sector, never contradicted
    assert verdict("UMKM menjadi prioritas di Klaster 4.", rules=rules) == Verdict.FALSE
    assert verdict("Bansos menjadi prioritas di Klaster 1.", rules=rules) == Verdict.UNVERIFIABLE
    rules.write_text('[[aturan]]\nid = "x"\nkata = []\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="konsistensi.toml"):
        Verifier(facts_for(), rules=rules)


def test_klaster_ini_means_the_section_cluster_or_the_last_one_named():
    md = "## Klaster 4: Capaian rendah\n\nKlaster ini memiliki UHH terendah. Klaster ini tertinggal pada semua indikator.\n"
    assert Verifier(facts_for()).verify_markdown(md).counts == {Verdict.TRUE: 5, Verdict.FALSE: 0, Verdict.UNVERIFIABLE: 0}
    text = "Klaster 2 beranggotakan 10 provinsi. Klaster ini unggul pada HLS."
    assert verdict(text) == Verdict.TRUE
    assert verdict("Klaster 3 beranggotakan 14 provinsi. Klaster ini unggul pada HLS.") == Verdict.FALSE


def test_cluster_names_are_mapped_explicitly():
    mapped = Verifier(facts_for(), cluster_map={"A": 4, "B": 1})
    assert sentence_verdict(mapped.verify_text("Klaster A beranggotakan Papua dan NTT.").claims) == Verdict.TRUE
    assert sentence_verdict(mapped.verify_text("Klaster B memiliki UHH terendah.").claims) == Verdict.FALSE


def test_english_locale_reads_english_numbers_and_phrases():
    en = Verifier(facts_for(), locale="en")
    judge = lambda text: sentence_verdict(en.verify_text(text).claims)  # noqa: E731
    assert judge("Cluster 1 has a mean per-capita expenditure of 15,376 thousand rupiah.") == Verdict.TRUE
    assert judge("Cluster 1 has a mean life expectancy (UHH) of 75.10 years, 2.7% above the provincial average.") == Verdict.TRUE
    assert judge("Cluster 2's UHH is above the national average.") == Verdict.FALSE
    assert judge("Cluster 4 has the lowest RLS.") == Verdict.TRUE
    assert judge("Cluster 3 has the highest HLS.") == Verdict.FALSE
    assert judge("Cluster 1 consists of DKI Jakarta, Bali and INDONESIA.") == Verdict.FALSE
    assert judge("Cluster 3 comprises 14 provinces.") == Verdict.TRUE
    with pytest.raises(ConfigError, match="lexicon.toml"):
        Verifier(facts_for(), locale="fr")


def test_a_third_language_is_one_lexicon_file(tmp_path):
    """No code change: a folder with lexicon.toml in `languages_dir` is a language the verifier reads."""
    from interpret.verification import kind_word, verdict_word

    shipped = (Path(interpret.__file__).parent / "languages" / "en" / "lexicon.toml").read_text(encoding="utf-8")
    (tmp_path / "xx").mkdir()
    pseudo = shipped.replace('true = "true"', 'true = "xx-true"').replace('number = "number"', 'number = "xx-number"')
    (tmp_path / "xx" / "lexicon.toml").write_text(pseudo.replace("\nreads_also = [\"id\"]", "\nreads_also = []"), encoding="utf-8")
    verifier = Verifier(facts_for(), locale="xx", languages_dir=tmp_path)
    assert sentence_verdict(verifier.verify_text("Cluster 4 has the lowest RLS.").claims) == Verdict.TRUE
    assert sentence_verdict(verifier.verify_text("Cluster 3 has the highest HLS.").claims) == Verdict.FALSE
    assert verdict_word(Verdict.TRUE, "xx", str(tmp_path)) == "xx-true" and kind_word(ClaimKind.NUMBER, "xx", str(tmp_path)) == "xx-number"
    assert verdict_word(Verdict.FALSE, "id") == "salah" and kind_word(ClaimKind.DIRECTION, "id") == "arah"


def test_a_lexicon_missing_a_checker_word_names_it(tmp_path):
    shipped = (Path(interpret.__file__).parent / "languages" / "en" / "lexicon.toml").read_text(encoding="utf-8")
    (tmp_path / "yy").mkdir()
    lines = [line for line in shipped.splitlines() if not line.startswith("superlative_high = ")]
    (tmp_path / "yy" / "lexicon.toml").write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(ConfigError, match="superlative_high.*(NumberChecker|RankChecker)"):
        Verifier(facts_for(), locale="yy", languages_dir=tmp_path)


def test_claims_about_one_unit_need_the_unit_values():
    """The facts hold each unit's value (UNIT.<unit>.<feature>.value) for small tables; without them
    (a large table, an old result.json) a claim about one unit needs the units table."""
    values = load_dataset(None, None).values
    assert verdict("UHH Papua hanya 68,17 tahun.") == Verdict.TRUE
    assert claims("UHH Papua hanya 68,17 tahun.")[0].fact_id == "UNIT.Papua.UHH.value"
    full = facts_for()
    bare = full.model_copy(update={"index": {i: f for i, f in full.index.items() if not i.startswith("UNIT.")}})
    assert sentence_verdict(Verifier(bare).verify_text("UHH Papua hanya 68,17 tahun.").claims) == Verdict.UNVERIFIABLE
    assert sentence_verdict(Verifier(bare, units=values).verify_text("UHH Papua hanya 68,17 tahun.").claims) == Verdict.TRUE
    assert verdict("UHH Papua hanya 66,17 tahun.", units=values) == Verdict.FALSE
    assert verdict("DKI Jakarta memiliki pengeluaran per kapita tertinggi.", units=values) == Verdict.TRUE
    assert verdict("Bali memiliki pengeluaran per kapita tertinggi.", units=values) == Verdict.FALSE


def test_every_rule_based_sentence_of_every_k_verifies_without_false_claims():
    """The drafter's own sentences at k = 2…5 are never judged false (k = 6 is documented in docs/verification.md)."""
    from interpret.drafting import draft_rule_based
    from interpret.rules import load_rules
    from reports import render_body

    for k in (2, 3, 4, 5):
        facts = facts_for(k)
        body = render_body(facts, draft_rule_based(facts, load_rules(None)))
        report = Verifier(facts).verify_markdown(body)
        assert report.counts[Verdict.FALSE] == 0, [(c.value, c.text[:80]) for c in report.false_claims()]


def test_thresholds_have_one_source():
    """konsistensi.toml [ambang] feeds the assumption checks, the stability wording and the verifier alike."""
    from interpret import analysis_text
    from interpret.thresholds import load_thresholds

    t = load_thresholds()
    assert (t.kmo_min, t.korelasi_maks, t.pencilan_z, t.stabil_min, t.sangat_stabil_min, t.tidak_stabil_maks) == (0.5, 0.8, 3.0, 0.75, 0.85, 0.6)
    assert (analysis_text.STABLE_JACCARD, analysis_text.UNSTABLE_JACCARD) == (t.stabil_min, t.tidak_stabil_maks)
    assert Verifier(facts_for()).rules.book.ambang == t


def test_an_older_rules_file_with_a_stabilitas_section_still_loads(tmp_path):
    from interpret.verification.policy import load_consistency

    path = tmp_path / "konsistensi.toml"
    path.write_text("[stabilitas]\nstabil_min = 0.7\n", encoding="utf-8")
    assert load_consistency(path).book.ambang.stabil_min == 0.7


def test_the_engine_runs_one_registered_checker_per_kind_in_claimkind_order():
    from interpret.verification.checkers import CHECKERS, register

    kinds = [c.kind for c in CHECKERS]
    assert kinds == sorted(kinds, key=list(ClaimKind).index) and len(set(kinds)) == len(kinds)
    assert set(Verifier(facts_for()).checks) == set(kinds)

    class SecondNumberChecker:
        kind = ClaimKind.NUMBER
        words = ()

    with pytest.raises(ValueError, match="two checkers"):
        register(SecondNumberChecker)


def test_a_direction_after_a_comparison_is_the_subjects_not_the_compared_clusters():
    # Cluster 3's RLS (8,63) is below the provincial mean (8,93); Cluster 1's is above it
    found = [(c.value, c.fact_id, c.verdict) for c in claims("Cluster 3 trails Cluster 1 on mean years of schooling and sits below the provincial average.",
                                                             locale="en") if c.kind == ClaimKind.DIRECTION]
    assert found == [("below the provincial average", "K3.RLS.direction", Verdict.TRUE)]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # "all of them" after a list of indicators is each indicator's direction, not every member's (K4 HLS: 2 of 5 members below)
        ("Klaster 4 mencatat UHH 69,90 tahun, HLS 12,75 tahun, dan pengeluaran Rp9 juta, seluruhnya di bawah rata-rata provinsi.", "id",
         [("K4.UHH.direction", Verdict.TRUE), ("K4.HLS.direction", Verdict.TRUE), ("K4.Pengeluaran.direction", Verdict.TRUE)]),
        ("In Cluster 2, expected schooling and mean schooling are both below the provincial average.", "en",
         [("K2.HLS.direction", Verdict.FALSE), ("K2.RLS.direction", Verdict.FALSE)]),
        # the indicator named after "every indicator", nearer the direction, is the one it is about
        ("Cluster 1 leads on every indicator, while Cluster 3, whose expected schooling is below the national benchmark, lags.", "en",
         [("K3.HLS.direction", Verdict.TRUE)]),
    ],
)
def test_a_direction_after_a_list_of_indicators_is_each_ones(text, lang, expected):
    found = [(c.fact_id, c.verdict) for c in claims(text, locale=lang) if c.kind == ClaimKind.DIRECTION and c.text and "leads" not in c.value
             and "lags" not in c.value]
    assert found == expected


def test_a_line_in_bold_heads_the_paragraphs_after_it():
    # models write a cluster's heading as a bold line: what follows is about that cluster, as under "### Klaster 4"
    under = lambda heading: Verifier(facts_for()).verify_markdown(f"{heading}\n\nHarapan hidupnya di bawah rata-rata provinsi.\n").counts  # noqa: E731
    assert under("**Klaster 4 – Capaian Rendah**")[Verdict.TRUE] == 1
    assert under("**Klaster 1 – Capaian Tinggi**")[Verdict.FALSE] == 1
    # a bold sentence is a sentence, not a heading
    sentence = Verifier(facts_for()).verify_markdown("**Klaster 4 tertinggal pada UHH.**\n\nHarapan hidup Klaster 1 di atas rata-rata provinsi.\n")
    assert sentence.counts[Verdict.FALSE] == 0 and all(c.section == "" for c in sentence.claims)
