"""Binding (interpret/verification/binding.py, subjects.py): a number is judged against the fact it is about,
never against whichever fact happens to have its value. Default data, k = 4 (K2 UHH: mean 72,32, median 72,54)."""

from __future__ import annotations

import re

import pytest

from interpret.data import load_dataset
from interpret.numbers import NUMBER_LOCALES
from interpret.terms import ClaimKind, Verdict
from interpret.verification import Verifier
from interpret.verification.command import facts_from_run, without_appendix

from .test_verify import facts_for


def numbers(text: str, lang: str = "id", cluster: int | None = None, units: bool = True, **options):
    values = load_dataset(None, None).values if units else None
    report = Verifier(facts_for(), locale=lang, units=values, **options).verify_text(text, cluster=cluster)
    return [(c.value, c.fact_id, c.verdict) for c in report.claims if c.kind == ClaimKind.NUMBER]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # the method: each number bound to its own parameter, so a neighbour's value cannot vouch for it
        ("K-means dijalankan dengan 200 inisialisasi acak dan benih (seed) 42.", "id",
         [("200", "RUN.n_init", Verdict.TRUE), ("42", "RUN.seed", Verdict.TRUE)]),
        ("K-means dijalankan dengan 42 inisialisasi acak dan benih (seed) 200.", "id",
         [("42", "RUN.n_init", Verdict.FALSE), ("200", "RUN.seed", Verdict.FALSE)]),
        ("A cluster is called \"similar\" to the reference when the difference is at most 62.9%.", "en",
         [("62.9%", "METHOD.tolerance_pct", Verdict.FALSE)]),  # 62,9 % is the between-SS share, not the band
        ("Tidak ada pasangan indikator yang berkorelasi sangat kuat (|r| > 0,80).", "id", [("0,80", "ASSUME.r_threshold", Verdict.TRUE)]),
        # the members that moved: counted whatever the data's unit noun is ("rumah tangga", "unit pengamatan")
        ("Sebanyak 14 unit pengamatan berpindah klaster pada sedikitnya 20,0% replikasi.", "id",
         [("14", "STAB.n_unstable_units", Verdict.FALSE), ("20,0%", "STAB.threshold_pct", Verdict.TRUE)]),
        ("13 households moved to another cluster in at least 20.0% of the replicates.", "en",
         [("13", "STAB.n_unstable_units", Verdict.TRUE), ("20.0%", "STAB.threshold_pct", Verdict.TRUE)]),
        ("Pada k = 4, nilai silhouette sebesar 0,289 dan konektivitas 27,88.", "id",
         [("4", "RUN.k", Verdict.TRUE), ("0,289", "KSEL.k4.silhouette", Verdict.TRUE), ("27,88", "KSEL.k4.connectivity", Verdict.TRUE)]),
        ("At k = 4 the silhouette reaches 0.316.", "en", [("4", "RUN.k", Verdict.TRUE), ("0.316", "KSEL.k4.silhouette", Verdict.FALSE)]),
        # the statistic: a median is not the mean, a mean not the range
        ("UHH Klaster 2 rata-rata 72,54 tahun.", "id", [("72,54", "K2.UHH.mean", Verdict.FALSE)]),
        ("Median UHH Klaster 2 adalah 72,54 tahun.", "id", [("72,54", "K2.UHH.median", Verdict.TRUE)]),
        ("Within Cluster 4, life expectancy peaks at 71.57 years and bottoms out at 68.17 years.", "en",
         [("71.57", "K4.UHH.max", Verdict.TRUE), ("68.17", "K4.UHH.min", Verdict.TRUE)]),
        ("Umur harapan hidup tertinggi di Klaster 4 hanya 71,57 tahun.", "id", [("71,57", "K4.UHH.max", Verdict.TRUE)]),
        # a number with no indicator, or of something the data do not hold, binds to nothing
        ("IPM klaster ini 72,32.", "id", [("72,32", None, Verdict.UNVERIFIABLE)]),  # IPM is no indicator of the data
        ("Angka kemiskinan turun 3,1 %.", "id", [("3,1 %", None, Verdict.UNVERIFIABLE)]),
        # qualifiers: strict bounds, "sekitar" = the digits' rounding, "hampir" = just below
        ("UHH Klaster 1 lebih dari 75,10 tahun.", "id", [("75,10", "K1.UHH.mean", Verdict.FALSE)]),
        ("UHH Klaster 1 lebih dari 75 tahun.", "id", [("75", "K1.UHH.mean", Verdict.TRUE)]),
        ("UHH Klaster 1 sekitar 75 tahun.", "id", [("75", "K1.UHH.mean", Verdict.TRUE)]),
        ("UHH Klaster 1 sekitar 74 tahun.", "id", [("74", "K1.UHH.mean", Verdict.FALSE)]),  # ±2,5 % would have passed it
        ("UHH Klaster 1 hampir 75,2 tahun.", "id", [("75,2", "K1.UHH.mean", Verdict.TRUE)]),
        ("UHH Klaster 1 hampir 75,1 tahun.", "id", [("75,1", "K1.UHH.mean", Verdict.FALSE)]),  # equal is not "nearly"
        # units and multipliers must agree with the fact's scale
        ("Pengeluaran per kapita Klaster 1 sebesar Rp 15.376 per tahun.", "id", [("15.376", "K1.Pengeluaran.mean", Verdict.FALSE)]),
        ("Pengeluaran per kapita Klaster 1 sebesar Rp 15,4 juta per tahun.", "id", [("15,4", "K1.Pengeluaran.mean", Verdict.TRUE)]),
        ("Rata-rata lama sekolah Klaster 2 sebesar 9,25 bulan.", "id", [("9,25", "K2.RLS.mean", Verdict.FALSE)]),
        # relations between two subjects
        ("Selisih UHH antara Klaster 1 dan Klaster 4 sebesar 5,20 tahun.", "id", [("5,20", "K1-K4.UHH.gap", Verdict.TRUE)]),
        ("Selisih UHH antara Klaster 1 dan Klaster 2 sebesar 0,81 tahun.", "id", [("0,81", "K1-K2.UHH.gap", Verdict.FALSE)]),  # = K2's gap to the reference
        ("Pengeluaran per kapita Klaster 1 sekitar 1,7 kali lipat Klaster 4.", "id", [("1,7", "K1-K4.Pengeluaran.ratio", Verdict.TRUE)]),
        ("Pengeluaran per kapita Klaster 4 sekitar 1,7 kali lipat Klaster 1.", "id", [("1,7", "1/K1-K4.Pengeluaran.ratio", Verdict.FALSE)]),
        ("Life expectancy across clusters ranges from 69.90 years in Cluster 4 to 75.10 years in Cluster 1.", "en",
         [("69.90", "K4.UHH.mean", Verdict.TRUE), ("75.10", "K1.UHH.mean", Verdict.TRUE)]),
        ("Harapan lama sekolah Klaster 2 berbanding Klaster 3 adalah 13,77 berbanding 12,92 tahun.", "id",
         [("13,77", "K2.HLS.mean", Verdict.TRUE), ("12,92", "K3.HLS.mean", Verdict.TRUE)]),
        ("Umur harapan hidup membentang dari 68,17 tahun di Papua hingga 75,81 tahun di DKI Jakarta.", "id",
         [("68,17", "UNIT.Papua.UHH.value", Verdict.TRUE), ("75,81", "UNIT.DKI_Jakarta.UHH.value", Verdict.TRUE)]),
        ("West Sumatra has the highest life expectancy in Cluster 2, at 74.14 years.", "en", [("74.14", "UNIT.Sumatera_Barat.UHH.value", Verdict.TRUE)]),
        # quantifiers, exceptions scoped to their sentence, pronouns bound to the last named cluster
        ("Seluruh klaster kecuali Klaster 4 memiliki umur harapan hidup di atas 72 tahun; Klaster 4 sendiri mencatat 69,90 tahun.", "id",
         [("72", "K1.UHH.mean", Verdict.TRUE), ("69,90", "K4.UHH.mean", Verdict.TRUE)]),
        ("Seluruh klaster memiliki umur harapan hidup di atas 72 tahun.", "id", [("72", "K4.UHH.mean", Verdict.FALSE)]),
        ("Klaster 4 tertinggal. Umur harapan hidupnya rata-rata 69,90 tahun.", "id", [("69,90", "K4.UHH.mean", Verdict.TRUE)]),
        ("Cluster 1 leads. Cluster 4 trails. Its life expectancy averages 75.10 years.", "en", [("75.10", "K4.UHH.mean", Verdict.FALSE)]),
        # dimension words name their indicators
        ("Pada aspek kesehatan, Klaster 2 mencatat 72,32 tahun.", "id", [("72,32", "K2.UHH.mean", Verdict.TRUE)]),
        ("On the health dimension Cluster 2 records 72.32 years.", "en", [("72.32", "K2.UHH.mean", Verdict.TRUE)]),
        ("Standar hidup layak Klaster 4 tercermin pada 9.000 ribu rupiah per tahun.", "id", [("9.000", "K4.Pengeluaran.mean", Verdict.TRUE)]),
    ],
)
def test_numbers_bind_to_what_they_are_about(text, lang, expected):
    assert numbers(text, lang) == expected


def test_a_negated_name_is_not_that_indicator():
    bound = numbers("Konsumsi bukan makanan Klaster 1 sebesar 75,10 tahun.", feature_aliases={"UHH": ["makanan"]})
    assert bound == [("75,10", None, Verdict.UNVERIFIABLE)]  # "bukan makanan" is not the "makanan" indicator
    assert numbers("Konsumsi makanan Klaster 1 sebesar 75,10 tahun.", feature_aliases={"UHH": ["makanan"]}) == [("75,10", "K1.UHH.mean", Verdict.TRUE)]


def test_education_names_both_of_its_indicators():
    # "pendidikan" names HLS and RLS: a bare number about it is ambiguous, never judged against one of them by luck
    assert numbers("Dari sisi pendidikan, Klaster 2 mencatat 13,77 tahun.")[0][2] == Verdict.UNVERIFIABLE


def test_every_true_number_of_the_default_brief_is_bound_to_a_fact_of_its_subject_attribute_and_statistic(default_brief):
    facts, units = facts_from_run(default_brief.out_dir)
    text = without_appendix((default_brief.out_dir / "brief.md").read_text(encoding="utf-8"))
    report = Verifier(facts, units=units).verify_markdown(text)
    assert report.counts[Verdict.FALSE] == 0 and report.counts[Verdict.UNVERIFIABLE] == 0
    bound = {}
    locale = NUMBER_LOCALES["id"]
    for c in report.claims:
        if c.kind != ClaimKind.NUMBER:
            continue
        assert c.verdict == Verdict.TRUE and c.fact_id is not None, c
        fact = facts.index.get(c.fact_id)
        assert fact is not None, c  # a fact of the index, not one made up for the claim
        value, scale = c.value, 1.0
        if value.startswith("Rp"):  # "Rp15,4 juta" of a feature in ribu rupiah: 15,4 × 1 000
            value, _, word = value[2:].strip().partition(" ")
            scale = {"juta": 1000.0, "ribu": 1.0, "miliar": 1e6}[word.strip()]
        written, decimals = locale.read(value.replace("%", "").replace("+", "").strip().lstrip("-−"))
        assert abs(written * scale - abs(float(fact.value))) <= (0.5 * 10 ** -decimals + 1e-9) * scale or decimals < 0, (c, fact)
        if fact.feature is not None and c.feature is not None:
            assert c.feature == fact.feature, (c, fact)
        if fact.cluster is not None and c.cluster is not None:
            pair = re.match(r"K(\d+)-K(\d+)\.", fact.id)  # a gap between two clusters is about both of them
            assert c.cluster in ({int(pair[1]), int(pair[2])} if pair else {fact.cluster}), (c, fact)
        bound.setdefault(c.value, set()).add(c.fact_id)
    assert bound["42"] == {"RUN.seed"} and bound["200"] == {"RUN.n_init"}
    assert bound["1,0%"] == {"METHOD.tolerance_pct"} and bound["0,80"] == {"ASSUME.r_threshold"}
    assert {"KSEL.k9.gap_se", "KSEL.k10.connectivity"} <= set().union(*bound.values())
    assert "KSEL.k8.gap_se" not in bound["0,103"]  # the k = 9 row's SE is k = 9's


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # a number about what the data do not hold binds to nothing, whatever indicator the paragraph spoke of before
        ("Pengeluaran per kapita Klaster 2 sebesar 10.314 ribu rupiah. Kemiskinannya turun 10,1 %.", "id",
         [("10.314", "K2.Pengeluaran.mean", Verdict.TRUE), ("10,1 %", None, Verdict.UNVERIFIABLE)]),
        ("Prevalensi stunting di Klaster 4 sekitar 69,90 %.", "id", [("69,90 %", None, Verdict.UNVERIFIABLE)]),
        ("Life expectancy in Cluster 1 is 75.10 years. Its poverty rate is 2.7%.", "en",
         [("75.10", "K1.UHH.mean", Verdict.TRUE), ("2.7%", None, Verdict.UNVERIFIABLE)]),
        ("The HDI of Cluster 2 is about 72.3.", "en", [("72.3", None, Verdict.UNVERIFIABLE)]),
        # a target or a projection is a plan, not a fact, even about an indicator of the data
        ("Klaster 4 memiliki UHH 69,90 tahun dan ditargetkan mencapai 73 tahun pada 2045.", "id",
         [("69,90", "K4.UHH.mean", Verdict.TRUE), ("73", None, Verdict.UNVERIFIABLE), ("2045", None, Verdict.UNVERIFIABLE)]),
        ("Life expectancy in Cluster 4 is expected to rise to 71 years.", "en", [("71", None, Verdict.UNVERIFIABLE)]),
        # a concept of the data named nearer than the foreign one, or as a component of it, still binds
        ("Klaster 4, dengan kemiskinan tinggi, memiliki UHH 69,90 tahun.", "id", [("69,90", "K4.UHH.mean", Verdict.TRUE)]),
        ("Rata-rata lama sekolah, salah satu komponen IPM, di Klaster 1 sebesar 10,23 tahun.", "id", [("10,23", "K1.RLS.mean", Verdict.TRUE)]),
        # count words are measures after a qualifier or before a reference
        ("Umur harapan hidup Klaster 1 hampir dua tahun di atas rata-rata provinsi.", "id", [("dua", "K1.UHH.diff", Verdict.TRUE)]),
        ("Umur harapan hidup Klaster 1 hampir tiga tahun di atas rata-rata provinsi.", "id", [("tiga", "K1.UHH.diff", Verdict.FALSE)]),
        ("Cluster 4's life expectancy is more than three years below the provincial average.", "en", [("three", "K4.UHH.diff", Verdict.TRUE)]),
        ("Dalam dua tahun terakhir Klaster 4 membaik.", "id", []),
        # "sekitar" is the rounding its digits imply (trailing zeros included), at the scale of its currency and multiplier
        ("Rata-rata provinsi untuk pengeluaran per kapita sekitar Rp12 juta.", "id", [("Rp12 juta", "REF.Pengeluaran", Verdict.FALSE)]),
        ("The provincial average per capita expenditure is about IDR 11.5 million.", "en",
         [("11.5", "REF.Pengeluaran", Verdict.TRUE)]),
        ("Pengeluaran per kapita Klaster 1 menembus Rp15 juta.", "id", [("Rp15 juta", "K1.Pengeluaran.mean", Verdict.TRUE)]),
        ("Cluster 1 spends about IDR 3.9 million more per person per year than the provincial average.", "en",
         [("3.9", "K1.Pengeluaran.diff", Verdict.TRUE)]),
    ],
)
def test_what_a_number_may_not_be_bound_to_and_how_it_is_read(text, lang, expected):
    assert numbers(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # the concept after the number, with no indicator between: the number is about it, so it binds to nothing
        ("Klaster 4 tertinggal pada umur harapan hidup; sekitar 4,4 % balitanya diperkirakan mengalami stunting.", "id",
         [("4,4 %", None, Verdict.UNVERIFIABLE)]),  # = K4's UHH gap to the reference, by coincidence
        ("Pengeluaran per kapita Klaster 4 sekitar 9.000 ribu rupiah, dan kira-kira 21,5 % penduduknya hidup di bawah garis kemiskinan.", "id",
         [("9.000", "K4.Pengeluaran.mean", Verdict.TRUE), ("21,5 %", None, Verdict.UNVERIFIABLE)]),
        ("Cluster 2 is below the average on per capita expenditure, with some 10.1% of families registered as social assistance recipients.", "en",
         [("10.1%", None, Verdict.UNVERIFIABLE)]),
        ("Pengeluaran per kapita Klaster 4 turun 21,5 % di bawah rata-rata, meski kemiskinannya tinggi.", "id",
         [("21,5 %", "K4.Pengeluaran.diff_pct", Verdict.TRUE)]),  # the concept stands after a comma: the indicator's number
        # a currency glued to its number is one amount, written with its multiplier
        ("Pengeluaran per kapita Klaster 1 sekitar Rp15,4 juta setahun.", "id", [("Rp15,4 juta", "K1.Pengeluaran.mean", Verdict.TRUE)]),
        ("Per capita expenditure in Cluster 1 already exceeds Rp16 million a year.", "en", [("Rp16 million", "K1.Pengeluaran.mean", Verdict.FALSE)]),
    ],
)
def test_foreign_concepts_after_the_number_and_glued_currency(text, lang, expected):
    assert numbers(text, lang) == expected


def test_a_named_method_parameter_the_run_lacks_binds_to_nothing():
    # the default run samples nothing: "sampel acak 2.000" cannot be the seed's number
    assert numbers("Stabilitas diuji dengan 100 replikasi (benih 42) pada sampel acak 2.000 provinsi.") == [
        ("100", "STAB.B", Verdict.TRUE), ("42", "RUN.seed", Verdict.TRUE), ("2.000", None, Verdict.UNVERIFIABLE)]


def test_a_percentage_is_the_value_of_an_indicator_measured_in_percent(long_expenditure):
    """A food share in %: "sebesar 40,8 %" is the cluster's mean, "18,6 % di bawah" its gap."""
    from interpret.pipeline import stage_cluster

    from .conftest import ROOT, settings

    _, facts = stage_cluster(load_dataset(long_expenditure, ROOT / "examples" / "pengeluaran_2022.toml"), settings(k=3, bootstrap=0))
    mean, gap, ref = (facts.index[i] for i in ("K1.Pangsa makanan.mean", "K1.Pangsa makanan.diff_pct", "REF.Pangsa makanan"))
    word = "di bawah" if gap.value < 0 else "di atas"
    text = f"Rata-rata klaster untuk Pangsa pengeluaran makanan sebesar {mean.text}, {abs(gap.value):.1f} % {word} angka nasional ({ref.text})."
    text = text.replace(f"{abs(gap.value):.1f}", f"{abs(gap.value):.1f}".replace(".", ","))
    claims = Verifier(facts).verify_text(text, cluster=1).claims
    bound = {c.fact_id: c.verdict for c in claims if c.kind == ClaimKind.NUMBER}
    assert bound == {mean.id: Verdict.TRUE, gap.id: Verdict.TRUE, ref.id: Verdict.TRUE}
    wrong = text.replace(f"sebesar {mean.text}", "sebesar 99,9 %")
    verdicts = {c.fact_id: c.verdict for c in Verifier(facts).verify_text(wrong, cluster=1).claims if c.kind == ClaimKind.NUMBER}
    assert verdicts[mean.id] == Verdict.FALSE


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # a lead or lag with its size is the gap of the two means (gaps.py), in either order of size and compared cluster
        ("Klaster 3 tertinggal sekitar 1,0 tahun dari Klaster 1 pada umur harapan hidup.", "id", [("1,0", "K1-K3.UHH.gap", Verdict.TRUE)]),
        ("Pada umur harapan hidup, Klaster 1 tertinggal sekitar 0,9 tahun dari Klaster 3.", "id",
         [("0,9", "K1-K3.UHH.gap", Verdict.FALSE)]),  # the size is right, the direction is not
        ("Cluster 2 is ahead of Cluster 4 by about 2.4 years on life expectancy.", "en", [("2.4", "K2-K4.UHH.gap", Verdict.TRUE)]),
        ("Cluster 2 spends more than Cluster 3 by about IDR 1.5 million a year.", "en", [("1.5", "K2-K3.Pengeluaran.gap", Verdict.FALSE)]),
        # a gap word with one compared cluster: the other is the sentence's subject; with none, the pair compared before
        ("In life expectancy Cluster 2 trails Cluster 1 by roughly 2.8 years; against Cluster 3 the gap is 1.83 years.", "en",
         [("2.8", "K1-K2.UHH.gap", Verdict.TRUE), ("1.83", "K2-K3.UHH.gap", Verdict.TRUE)]),
        ("Klaster 3 dan Klaster 4 hampir sama pada RLS. Pada HLS, jaraknya lebih dari 2 tahun.", "id", [("2", "K3-K4.HLS.gap", Verdict.FALSE)]),
        ("Klaster 1 dan Klaster 4 terpaut sekitar 5,2 tahun pada umur harapan hidup.", "id", [("5,2", "K1-K4.UHH.gap", Verdict.TRUE)]),
        # … and the reference, when that is what the sentence measured from; a lag from the reference stays a difference
        ("Kesenjangan UHH Klaster 4 terhadap rata-rata provinsi 3,22 tahun; pada RLS, jaraknya 1,10 tahun.", "id",
         [("3,22", "K4.UHH.diff", Verdict.TRUE), ("1,10", "K4.RLS.diff", Verdict.TRUE)]),
        ("Klaster 4 tertinggal sekitar 3,2 tahun dari rata-rata provinsi pada UHH.", "id", [("3,2", "K4.UHH.diff", Verdict.TRUE)]),
        # a relative gap is the sentence subject's, not the cluster a comparison word governs; computed shares are not rounded first
        ("Cluster 1's spending is about 71% higher than Cluster 4's and roughly 49% higher than Cluster 2's.", "en",
         [("71%", "K1/K4.Pengeluaran.above_pct", Verdict.TRUE), ("49%", "K1/K2.Pengeluaran.above_pct", Verdict.TRUE)]),
        ("Dibandingkan Klaster 2, pengeluaran per kapita Klaster 1 sekitar 49% lebih tinggi.", "id", [("49%", "K1/K2.Pengeluaran.above_pct", Verdict.TRUE)]),
        ("Cluster 2 spends about 13% less than Cluster 3.", "en", [("13%", "K2/K3.Pengeluaran.below_pct", Verdict.FALSE)]),  # 12,47 %
    ],
)
def test_a_lead_or_lag_between_two_clusters_is_the_gap_of_their_means(text, lang, expected):
    assert numbers(text, lang) == expected


def test_the_sizes_of_one_lead_listed_per_indicator_are_gaps_of_the_same_pair():
    listed = numbers("Cluster 1 leads Cluster 4 by 5.2 years in life expectancy, 1.2 years in expected schooling and 2.4 years in mean schooling.", "en")
    assert listed == [("5.2", "K1-K4.UHH.gap", Verdict.TRUE), ("1.2", "K1-K4.HLS.gap", Verdict.TRUE), ("2.4", "K1-K4.RLS.gap", Verdict.TRUE)]
    wrong = numbers("Klaster 1 unggul atas Klaster 4 sekitar 5,2 tahun pada UHH dan 2,0 tahun pada RLS.", "id")
    assert wrong == [("5,2", "K1-K4.UHH.gap", Verdict.TRUE), ("2,0", "K1-K4.RLS.gap", Verdict.FALSE)]
    # a gap of what the data do not hold binds to nothing, whichever pair was compared before
    assert numbers("Cluster 1 and Cluster 4 differ a lot. The HDI gap between the two is more than 10 points.", "en") == [("10", None, Verdict.UNVERIFIABLE)]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # the lag of a later clause is measured from the cluster the sentence compared before
        ("Klaster 2 unggul atas Klaster 3 pada HLS, namun pada UHH justru tertinggal 1,8 tahun.", "id", [("1,8", "K2-K3.UHH.gap", Verdict.TRUE)]),
        # a gap word of the previous clause carries over to the next pair named "between"
        ("Selisih UHH antara Klaster 1 dan Klaster 2 sekitar 2,8 tahun, sedangkan antara Klaster 3 dan Klaster 4 sekitar 2,4 tahun.", "id",
         [("2,8", "K1-K2.UHH.gap", Verdict.TRUE), ("2,4", "K3-K4.UHH.gap", Verdict.FALSE)]),
        # "terpaut … dari Klaster 3" is that gap; the lead over the reference after it is the subject's, not Klaster 3's
        ("UHH Klaster 1 terpaut 0,95 tahun dari Klaster 3, atau unggul sekitar 2 tahun atas rata-rata provinsi.", "id",
         [("0,95", "K1-K3.UHH.gap", Verdict.TRUE), ("2", "K1.UHH.diff", Verdict.TRUE)]),
        ("In life expectancy Cluster 3 still outpaces Cluster 4 by a further 4.2 years.", "en", [("4.2", "K3-K4.UHH.gap", Verdict.TRUE)]),
    ],
)
def test_a_gap_stated_elliptically_names_the_pair_the_sentence_compared(text, lang, expected):
    assert numbers(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # two clusters set side by side, then "selisihnya": their gap
        ("Klaster 1 mencatat UHH 75,10 tahun, sementara Klaster 4 hanya 69,90 tahun, sehingga selisihnya sekitar 5,2 tahun.", "id",
         [("75,10", "K1.UHH.mean", Verdict.TRUE), ("69,90", "K4.UHH.mean", Verdict.TRUE), ("5,2", "K1-K4.UHH.gap", Verdict.TRUE)]),
        ("Cluster 1's expected-schooling advantage over Cluster 2 is barely 0.2 years.", "en", [("0.2", "K1-K2.HLS.gap", Verdict.TRUE)]),
        # a lag measured from nothing named is the gap to the reference; from a cluster, the gap to that cluster
        ("Umur harapan hidup Klaster 4 (69,90 tahun) memang tertinggal sekitar 3,2 tahun.", "id",
         [("69,90", "K4.UHH.mean", Verdict.TRUE), ("3,2", "K4.UHH.diff", Verdict.TRUE)]),
        ("Umur harapan hidup Klaster 4 memang tertinggal sekitar 3,2 tahun dari Klaster 1.", "id", [("3,2", "K1-K4.UHH.gap", Verdict.FALSE)]),
    ],
)
def test_a_gap_noun_or_a_bare_lag_names_what_it_is_measured_from(text, lang, expected):
    assert numbers(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # a method number binds to the parameter it names, the phrase after it too; a wrong one is false
        ("The stability check drew 300 bootstrap resamples.", "en", [("300", "STAB.B", Verdict.FALSE)]),
        ("Uji stabilitas memakai 100 resampel bootstrap.", "id", [("100", "STAB.B", Verdict.TRUE)]),
        ("K-means diulang 50 kali inisialisasi ulang.", "id", [("50", "RUN.n_init", Verdict.FALSE)]),  # a run count, not a ratio
        # a phrase with its own number before this one ("seed 7") yields to the phrase after it
        ("We fixed seed 7 and 200 random restarts.", "en", [("7", "RUN.seed", Verdict.FALSE), ("200", "RUN.n_init", Verdict.TRUE)]),
        # an index of the chosen model quoted without its k is the run's k; "at three clusters" names another k
        ("The clustering reaches a silhouette score of 0.316.", "en", [("0.316", "KSEL.k4.silhouette", Verdict.FALSE)]),
        ("Nilai WSS turun dari 64,32 untuk tiga klaster.", "id", [("64,32", "KSEL.k3.wss", Verdict.TRUE)]),
        ("The silhouette is 0.289 at 4 clusters and 0.40 at 3 clusters.", "en",
         [("0.289", "KSEL.k4.silhouette", Verdict.TRUE), ("0.40", "KSEL.k3.silhouette", Verdict.FALSE)]),
        # thresholds named after their number; a threshold word without the KMO is not the KMO's
        ("Members switch under a 25% switching threshold.", "en", [("25%", "STAB.threshold_pct", Verdict.FALSE)]),
        ("Klaster 3 melewati 0,75 sebagai ambang stabilitas.", "id", [("0,75", "STAB.stable_jaccard", Verdict.TRUE)]),
        ("The overall KMO is 0.62, above the usual threshold of 0.50.", "en",
         [("0.62", "ASSUME.kmo", Verdict.TRUE), ("0.50", "ASSUME.kmo_threshold", Verdict.TRUE)]),
        # counts of the validation written in words
        ("Dari lima indeks validasi, hanya tiga yang memilih k = 3.", "id",
         [("lima", "KSEL.n_voting", Verdict.TRUE), ("tiga", "KSEL.chosen_votes", Verdict.FALSE)]),
    ],
)
def test_a_method_number_binds_to_the_method_fact_it_names(text, lang, expected):
    found = [c for c in numbers(text, lang) if c[0] in {e[0] for e in expected}]
    assert found == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # the previous sentence set two clusters side by side: a lead with no compared cluster named is the gap to the other
        # one (K2-K4: UHH 2,42, RLS 1,42), never the subject's own level (K2 RLS 9,25 is "more than 1.5")
        ("Cluster 2 beats Cluster 4 on all four indicators. Its people live roughly 2.4 years longer. "
         "On mean years of schooling, the second cluster leads by more than 1.5 years.", "en",
         [("2.4", "K2-K4.UHH.gap", Verdict.TRUE), ("1.5", "K2-K4.RLS.gap", Verdict.FALSE)]),
        ("Cluster 2 beats Cluster 4 on all four indicators. On mean years of schooling, Cluster 2 leads by more than 1.3 years.", "en",
         [("1.3", "K2-K4.RLS.gap", Verdict.TRUE)]),
        ("Klaster 2 mengungguli Klaster 4 di semua indikator. Penduduknya hidup sekitar 2,4 tahun lebih lama.", "id",
         [("2,4", "K2-K4.UHH.gap", Verdict.TRUE)]),
        ("Klaster 2 mengungguli Klaster 4 di semua indikator. Dalam rata-rata lama sekolah, Klaster 2 unggul lebih dari 1,5 tahun.", "id",
         [("1,5", "K2-K4.RLS.gap", Verdict.FALSE)]),
        # the compared cluster, the indicator, a comma, then the size
        ("Cluster 4 trails Cluster 3 on mean years of schooling, by roughly 0.4 years.", "en", [("0.4", "K3-K4.RLS.gap", Verdict.FALSE)]),
        # "short of the national figure" measures from the reference: the gap (K4 UHH), not the level
        ("Cluster 4's life expectancy is more than 3.5 years short of the national figure.", "en", [("3.5", "K4.UHH.diff", Verdict.FALSE)]),
    ],
)
def test_a_qualified_size_in_a_gap_context_binds_to_the_gap_never_to_a_level(text, lang, expected):
    assert numbers(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "verdict"),
    [
        # one unit measured from the reference: its value minus the reference (Papua 68,17), not its value nor every cluster's gap
        ("Papua's life expectancy is 68.17 years, more than 6 years short of the national average.", "en", Verdict.FALSE),
        ("Papua's life expectancy is 68.17 years, more than 4 years short of the national average.", "en", Verdict.TRUE),
        ("Umur harapan hidup Papua 68,17 tahun, lebih dari 6 tahun di bawah rata-rata nasional.", "id", Verdict.FALSE),
        ("Umur harapan hidup Papua 68,17 tahun, lebih dari 4 tahun di bawah rata-rata nasional.", "id", Verdict.TRUE),
    ],
)
def test_a_units_gap_to_the_reference_is_judged_as_its_gap(text, lang, verdict):
    claims = numbers(text, lang)
    assert claims[0] == (claims[0][0], "UNIT.Papua.UHH.value", Verdict.TRUE)
    assert claims[1][1] == "UNIT[Papua].UHH.diff" and claims[1][2] == verdict


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # "apart" after the number and its unit: the distance of the pair the previous sentence compared (K1-K3 UHH 0,95; K1-K4 5,20)
        ("Cluster 1 spends far more than Cluster 3. In life expectancy the two are much closer, less than one year apart.", "en",
         [("one", "K1-K3.UHH.gap", Verdict.TRUE)]),
        ("Cluster 1 spends far more than Cluster 4. In life expectancy the two are much closer, less than one year apart.", "en",
         [("one", "K1-K4.UHH.gap", Verdict.FALSE)]),
        ("Dalam umur harapan hidup, Klaster 1 dan Klaster 3 kurang dari satu tahun terpisah.", "id", [("satu", "K1-K3.UHH.gap", Verdict.TRUE)]),
    ],
)
def test_a_size_followed_by_a_distance_word_is_the_gap_of_the_pair(text, lang, expected):
    assert numbers(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # a unit leading or lagging a cluster: the unit's value against the cluster's mean (Papua 68,17, K1 UHH 75,10), never the mean
        ("Papua trails Cluster 1 by more than 7 years in life expectancy.", "en", [("7", "UNIT[Papua]-K1.UHH.gap", Verdict.FALSE)]),
        ("Papua trails Cluster 1 by more than 6 years in life expectancy.", "en", [("6", "UNIT[Papua]-K1.UHH.gap", Verdict.TRUE)]),
        ("Papua tertinggal dari Klaster 1 lebih dari 7 tahun dalam umur harapan hidup.", "id", [("7", "UNIT[Papua]-K1.UHH.gap", Verdict.FALSE)]),
    ],
)
def test_a_units_lead_or_lag_on_a_cluster_is_the_gap_to_its_mean(text, lang, expected):
    assert numbers(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # the reference named right before a number is its value, even after a range of units (REF.RLS 8,93)
        ("Di Klaster 2, RLS berkisar dari 7,74 tahun di Nusa Tenggara Barat hingga 10,20 tahun di Maluku, dan sebagian anggotanya melampaui rata-rata nasional 8,93 tahun.", "id",
         ("REF.RLS", Verdict.TRUE)),
        ("In Cluster 2, schooling runs from 7.74 years in Nusa Tenggara Barat to 10.20 years in Maluku, and most members exceed the national 8.85 years.", "en",
         ("REF.RLS", Verdict.FALSE)),
    ],
)
def test_a_reference_named_right_before_a_number_outranks_the_unit_before_it(text, lang, expected):
    assert numbers(text, lang)[-1][1:] == expected


@pytest.mark.parametrize(
    ("text", "lang", "verdict"),
    [
        # K3 UHH mean 74,148 (shown "74,15"): one decimal written is the rounding of the value, not of its shown text
        ("Life expectancy in Cluster 3 is about 74.2 years.", "en", Verdict.FALSE),
        ("Umur harapan hidup Klaster 3 sekitar 74,1 tahun.", "id", Verdict.TRUE),
        ("Umur harapan hidup Klaster 3 mencapai 74,15 tahun.", "id", Verdict.TRUE),
    ],
)
def test_fewer_digits_than_the_fact_round_its_value_not_its_text(text, lang, verdict):
    assert numbers(text, lang) == [(numbers(text, lang)[0][0], "K3.UHH.mean", verdict)]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # a size, then a direction whose reference is a pronoun or left out: the gap from the reference named before
        ("Per capita expenditure in Cluster 3 is 313 thousand rupiah above the provincial average, while Cluster 2 is 1,156 thousand rupiah below it.", "en",
         [("313", "K3.Pengeluaran.diff", Verdict.TRUE), ("1,156", "K2.Pengeluaran.diff", Verdict.TRUE)]),
        ("Pengeluaran per kapita Klaster 3 313 ribu rupiah di atas rata-rata provinsi, sedangkan Klaster 2 1.651 ribu rupiah di bawahnya.", "id",
         [("313", "K3.Pengeluaran.diff", Verdict.TRUE), ("1.651", "K2.Pengeluaran.diff", Verdict.FALSE)]),
        ("Mean schooling in Cluster 3 sits against the provincial average; it is 0.30 years below.", "en", [("0.30", "K3.RLS.diff", Verdict.TRUE)]),
    ],
)
def test_a_size_before_an_elided_or_pronoun_reference_is_the_gap(text, lang, expected):
    assert numbers(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # a sum of money is about the clause's indicator in rupiah, not the nearest one in years (K3: UHH 74,15, Rp11.835 ribu)
        ("Cluster 3 records 74.15 years of life expectancy and Rp11.8 million in expenditure.", "en",
         [("74.15", "K3.UHH.mean", Verdict.TRUE), ("Rp11.8 million", "K3.Pengeluaran.mean", Verdict.TRUE)]),
        ("Provinsi Klaster 3 rata-rata memiliki umur harapan hidup 74,15 tahun dan Rp12,8 juta untuk pengeluaran per kapita.", "id",
         [("74,15", "K3.UHH.mean", Verdict.TRUE), ("Rp12,8 juta", "K3.Pengeluaran.mean", Verdict.FALSE)]),
    ],
)
def test_a_sum_of_money_binds_to_the_indicator_in_rupiah(text, lang, expected):
    assert numbers(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # a compared cluster's possessive before a number: the number is that cluster's (K1 HLS 13,93)
        ("Cluster 2 ranks second on expected years of schooling, just behind Cluster 1's 13.93 years.", "en", [("13.93", "K1.HLS.mean", Verdict.TRUE)]),
        ("Cluster 2 ranks second on expected years of schooling, just behind Cluster 1's 13.39 years.", "en", [("13.39", "K1.HLS.mean", Verdict.FALSE)]),
        # "lags the reference on <indicator> by N": the gap from the reference, the indicator between (K3 HLS 12,92 vs 13,30)
        ("Cluster 3 lags the provincial average on expected schooling by about 0.4 years.", "en", [("0.4", "K3.HLS.diff", Verdict.TRUE)]),
    ],
)
def test_a_possessive_of_the_compared_cluster_and_a_lag_with_its_indicator_between(text, lang, expected):
    assert numbers(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # the reference said by an adverb after the number (REF.UHH 73,13 with the default reference)
        ("Cluster 3 has a life expectancy of 74.15 years against 73.13 nationally.", "en",
         [("74.15", "K3.UHH.mean", Verdict.TRUE), ("73.13", "REF.UHH", Verdict.TRUE)]),
        ("Umur harapan hidup Klaster 3 74,15 tahun, dibanding 73,93 tahun secara nasional.", "id",
         [("74,15", "K3.UHH.mean", Verdict.TRUE), ("73,93", "REF.UHH", Verdict.FALSE)]),
    ],
)
def test_the_reference_said_by_an_adverb_after_the_number(text, lang, expected):
    assert numbers(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # "exceed the reference of <its value> by N": N is the gap (K1 HLS 13,93 − 13,30), the value in between the reference's
        ("Cluster 1's expected years of schooling, 13.93, exceed the provincial average of 13.30 by 0.63 years.", "en",
         [("13.93", "K1.HLS.mean", Verdict.TRUE), ("13.30", "REF.HLS", Verdict.TRUE), ("0.63", "K1.HLS.diff", Verdict.TRUE)]),
        ("Cluster 1 exceeds the provincial average of 13.30 years by about 0.9 years on expected schooling.", "en",
         [("13.30", "REF.HLS", Verdict.TRUE), ("0.9", "K1.HLS.diff", Verdict.FALSE)]),
    ],
)
def test_a_lead_on_the_reference_with_its_value_between(text, lang, expected):
    assert numbers(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # two values side by side after a reference named with one subject: the subject's, then the reference's
        ("Klaster 3 relatif setara dengan rata-rata provinsi pada umur harapan hidup (74,15 tahun dibanding 73,13 tahun).", "id",
         [("74,15", "K3.UHH.mean", Verdict.TRUE), ("73,13", "REF.UHH", Verdict.TRUE)]),
        ("Cluster 3 is on par with the provincial average on life expectancy (74.15 versus 73.31 years).", "en",
         [("74.15", "K3.UHH.mean", Verdict.TRUE), ("73.31", "REF.UHH", Verdict.FALSE)]),
    ],
)
def test_a_subjects_value_beside_the_references(text, lang, expected):
    assert numbers(text, lang) == expected
