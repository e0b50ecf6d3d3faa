"""Numbers (interpret/verification/numbers.py, binding.py): what a written number is read as and which fact it is
judged against. Default data against BPS's national figures (the default spec), k = 4 unless a case says otherwise:
K1 UHH 75,10 (+1,17 to 73,93), K4 UHH 69,90 (-4,03), K3 Pengeluaran 11.783,5 ribu (-0,97 %), Papua 7.562 ribu in
Cluster 4 (mean 9.000 ribu)."""

from __future__ import annotations

from functools import lru_cache

import pytest

from interpret.data import load_dataset
from interpret.pipeline import stage_cluster
from interpret.terms import ClaimKind, Verdict
from interpret.verification import Verifier

from .conftest import settings


@lru_cache(maxsize=None)
def facts_of(k: int):
    dataset = load_dataset(None, None)
    return stage_cluster(dataset, settings(k=k))[1], dataset.values


def numbers(text: str, lang: str, k: int = 4, markdown: bool = False):
    facts, units = facts_of(k)
    verifier = Verifier(facts, locale=lang, units=units)
    report = verifier.verify_markdown(text) if markdown else verifier.verify_text(text)
    return [(c.value, c.fact_id, c.verdict) for c in report.claims if c.kind == ClaimKind.NUMBER]


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # "k = N" is the run's k even after a statistic word ("z-score") that would otherwise name the statistic
    ("Indicators were z-score standardised before k-means was run with k = 4.", "en", [("4", "RUN.k", Verdict.TRUE)]),
    ("After z-score scaling, the provinces were split with k = 3.", "en", [("3", "RUN.k", Verdict.FALSE)]),
    ("Setelah distandardisasi dengan z-score, data dikelompokkan memakai k = 4.", "id", [("4", "RUN.k", Verdict.TRUE)]),
    # … and next to a unit ("Papua … under k = 5") it is still the run's k, not a value of that unit
    ("Maluku Utara stays in the same group under k = 4.", "en", [("4", "RUN.k", Verdict.TRUE)]),
    ("Pada k = 5, Papua tetap berada di klaster paling bawah.", "id", [("5", "RUN.k", Verdict.FALSE)]),
    # "the five-cluster solution", "a 4-cluster model": the model's number of clusters
    ("The three-cluster solution was rejected in favour of a finer split.", "en", [("three", "RUN.k", Verdict.FALSE)]),
    ("In the 4-cluster model, Bali sits with the high achievers.", "en", [("4", "RUN.k", Verdict.TRUE)]),
    ("Model 4-klaster menempatkan Bali bersama provinsi berkinerja tinggi.", "id", [("4", "RUN.k", Verdict.TRUE)]),
])
def test_the_number_of_clusters_is_the_runs_k(text, lang, expected):
    assert numbers(text, lang) == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # the between-cluster share, named by what "explains" it or by "of the total variance" after the number
    ("The final partition accounts for roughly 63 % of the variation in the data.", "en", [("63 %", "FIT.between_pct", Verdict.TRUE)]),
    ("Our solution captures about 70 % of the total variance.", "en", [("70 %", "FIT.between_pct", Verdict.FALSE)]),
    ("Solusi ini menerangkan kira-kira 63 % dari total variasi.", "id", [("63 %", "FIT.between_pct", Verdict.TRUE)]),
    # the "on par" band written "±2 %" (no space after the sign) is read, and judged exactly
    ("Clusters count as on par with the national level if they lie within ±1 % of it.", "en", [("1 %", "METHOD.tolerance_pct", Verdict.TRUE)]),
    ("A group is treated as on par when its mean is within ±3 % of the national figure.", "en", [("3 %", "METHOD.tolerance_pct", Verdict.FALSE)]),
    ("Klaster disebut setara bila selisihnya berada dalam pita ±2 %.", "id", [("2 %", "METHOD.tolerance_pct", Verdict.FALSE)]),
    # "N kali restart" is how often the method ran, not a ratio
    ("Algoritme diulang dengan 200 kali restart agar tidak terjebak di solusi lokal.", "id", [("200", "RUN.n_init", Verdict.TRUE)]),
    ("K-means dijalankan 50 kali restart dengan benih 42.", "id", [("50", "RUN.n_init", Verdict.FALSE), ("42", "RUN.seed", Verdict.TRUE)]),
])
def test_method_numbers_bind_to_their_parameters(text, lang, expected):
    assert numbers(text, lang) == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # more digits than the brief shows (it shows K3's spending gap as "-1,0 %", K2's UHH gap as "-2,2 %"): read
    # against the value itself, so the extra digits must agree with it
    ("Spending in Cluster 3 trails the national figure by just 0.97 %.", "en", [("0.97 %", "K3.Pengeluaran.diff_pct", Verdict.TRUE)]),
    ("Spending in Cluster 3 trails the national figure by just 0.91 %.", "en", [("0.91 %", "K3.Pengeluaran.diff_pct", Verdict.FALSE)]),
    ("Harapan hidup Klaster 2 berada 2,18 % di bawah angka nasional.", "id", [("2,18 %", "K2.UHH.diff_pct", Verdict.TRUE)]),
    ("Harapan hidup Klaster 2 berada 2,24 % di bawah angka nasional.", "id", [("2,24 %", "K2.UHH.diff_pct", Verdict.FALSE)]),
    ("Rata-rata pengeluaran Klaster 3 mencapai 11.783,5 ribu rupiah per orang.", "id", [("11.783,5", "K3.Pengeluaran.mean", Verdict.TRUE)]),
])
def test_digits_beyond_the_briefs_rounding_are_read_against_the_value(text, lang, expected):
    assert numbers(text, lang) == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # an indicator's value stays its value when a concept the data do not hold follows it
    ("Cluster 4's life expectancy of 69.9 years comes with widespread stunting.", "en", [("69.9", "K4.UHH.mean", Verdict.TRUE)]),
    ("Cluster 4's life expectancy of 71.9 years comes with widespread stunting.", "en", [("71.9", "K4.UHH.mean", Verdict.FALSE)]),
    ("UHH Klaster 4 sebesar 69,9 tahun beriringan dengan tingginya kemiskinan.", "id", [("69,9", "K4.UHH.mean", Verdict.TRUE)]),
    # … while a number whose own noun names that concept binds to nothing
    ("Di Klaster 4, harapan hidup rendah dan 30 % balitanya stunting.", "id", [("30 %", None, Verdict.UNVERIFIABLE)]),
    # a share of a budget is no stability threshold, though "at least" names that threshold elsewhere
    ("The plan earmarks at least 20 % of district budgets for clinics in Cluster 4.", "en", [("20 %", None, Verdict.UNVERIFIABLE)]),
    ("Pemerintah daerah diminta menyisihkan setidaknya 20 % anggaran untuk sekolah.", "id", [("20 %", None, Verdict.UNVERIFIABLE)]),
    ("A province is unstable if it changes clusters in at least 20 % of the replicates.", "en", [("20 %", "STAB.threshold_pct", Verdict.TRUE)]),
    # a total in billions is a budget, never the per-person expenditure; said per person it is judged
    ("Dana sebesar Rp4 triliun dapat dialokasikan untuk pengeluaran Klaster 2.", "id", [("Rp4 triliun", None, Verdict.UNVERIFIABLE)]),
    ("Cluster 4 spends about IDR 9 billion per person a year.", "en", [("9", "K4.Pengeluaran.mean", Verdict.FALSE)]),
])
def test_what_a_number_is_about(text, lang, expected):
    assert numbers(text, lang) == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # a gap named before the number: the gap to the reference, not the reference or the level
    ("For Cluster 4 the life-expectancy shortfall against the national figure is over 4 years.", "en", [("4", "K4.UHH.diff", Verdict.TRUE)]),
    ("For Cluster 4 the life-expectancy shortfall against the national figure is over 5 years.", "en", [("5", "K4.UHH.diff", Verdict.FALSE)]),
    ("In Cluster 1 spending runs at 15,376 thousand rupiah — a difference of about Rp3.5 million from the national figure.", "en",
     [("15,376", "K1.Pengeluaran.mean", Verdict.TRUE), ("Rp3.5 million", "K1.Pengeluaran.diff", Verdict.TRUE)]),
    ("Kesenjangan HLS Klaster 3 terhadap angka nasional hanya 0,23 tahun.", "id", [("0,23", "K3.HLS.diff", Verdict.TRUE)]),
    ("Selisih harapan hidup Klaster 2 (1,61 tahun) jauh lebih kecil daripada ketertinggalan klaster terbawah.", "id", [("1,61", "K2.UHH.diff", Verdict.TRUE)]),
    # "exceeds N years" of a gap bounds its size; it says nothing of the direction
    ("In Cluster 4 the gap to the national life expectancy exceeds 3 years.", "en", [("3", "K4.UHH.diff", Verdict.TRUE)]),
    ("Di Klaster 4, selisih UHH terhadap angka nasional melebihi 4,5 tahun.", "id", [("4,5", "K4.UHH.diff", Verdict.FALSE)]),
    # "above the national figure by more than N": the gap, bounded
    ("Cluster 1's life expectancy sits above the national figure by more than 1 year.", "en", [("1", "K1.UHH.diff", Verdict.TRUE)]),
    ("Cluster 1's life expectancy sits above the national figure by more than 2 years.", "en", [("2", "K1.UHH.diff", Verdict.FALSE)]),
    # a signed number is a difference, never a level
    ("Klaster 3 setara untuk harapan hidup (+0,22 tahun).", "id", [("+0,22", "K3.UHH.diff", Verdict.TRUE)]),
])
def test_a_gap_is_read_as_a_gap(text, lang, expected):
    assert numbers(text, lang) == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # a unit measured from its own cluster's mean (Papua 7.562 ribu, Cluster 4 9.000 ribu: 1.438 ribu, 16,0 % below)
    ("Papua membelanjakan 7.562 ribu rupiah, lebih dari 1,5 juta rupiah di bawah rata-rata klasternya.", "id",
     [("7.562", "UNIT.Papua.Pengeluaran.value", Verdict.TRUE), ("1,5", "UNIT[Papua]-K4.Pengeluaran.diff", Verdict.FALSE)]),
    ("Papua's per capita spending is 7,562 thousand rupiah, about Rp1.4 million below its cluster's average.", "en",
     [("7,562", "UNIT.Papua.Pengeluaran.value", Verdict.TRUE), ("Rp1.4 million", "UNIT[Papua]-K4.Pengeluaran.diff", Verdict.TRUE)]),
    ("Papua's spending is some 16 % below the mean of its own cluster.", "en", [("16 %", "UNIT[Papua]-K4.Pengeluaran.diff_pct", Verdict.TRUE)]),
    ("Pengeluaran Papua sekitar 25 % di bawah rata-rata klasternya.", "id", [("25 %", "UNIT[Papua]-K4.Pengeluaran.diff_pct", Verdict.FALSE)]),
])
def test_a_units_gap_to_its_own_cluster(text, lang, expected):
    assert [c[:3] for c in numbers(text, lang)] == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # a lead of one unit over another is the gap of their values (Jakarta 19.373, Bali 14.382 ribu: 4.991), never a bound
    # on the second unit's value or on every cluster's mean
    ("Jakarta's lead over Bali in spending widens to more than Rp4 million.", "en",
     [("Rp4 million", "UNIT[DKI Jakarta]-UNIT[Bali].Pengeluaran.gap", Verdict.TRUE)]),
    ("Jakarta's lead over Bali in spending is more than Rp5.5 million.", "en",
     [("Rp5.5 million", "UNIT[DKI Jakarta]-UNIT[Bali].Pengeluaran.gap", Verdict.FALSE)]),
    ("Bali and Jakarta both spend more than Rp10 million.", "en", [("Rp10 million", None, Verdict.UNVERIFIABLE)]),
])
def test_a_lead_between_units_is_their_gap(text, lang, expected):
    assert numbers(text, lang) == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # a list under a line that names one indicator, or leads in with its cluster: the items are about them
    ("**Rata-rata lama sekolah terhadap angka nasional:**\n\n- Klaster 1: di atas, +1,46 tahun\n- Klaster 4: di bawah, −1,20 tahun\n", "id",
     [("+1,46", "K1.RLS.diff", Verdict.TRUE), ("−1,20", "K4.RLS.diff", Verdict.FALSE)]),
    ("Gaps of Cluster 4 to the national figures:\n\n- life expectancy: −4.03 years\n- expected schooling: −1.00 years\n", "en",
     [("−4.03", "K4.UHH.diff", Verdict.TRUE), ("−1.00", "K4.HLS.diff", Verdict.FALSE)]),
])
def test_a_list_takes_its_lead_ins_subject(text, lang, expected):
    assert numbers(text, lang, markdown=True) == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # "live N years" names life expectancy, though the sentence's other indicator is spending
    ("People in Cluster 1 live about 75.1 years, while their spending is the highest.", "en", [("75.1", "K1.UHH.mean", Verdict.TRUE)]),
    ("In Cluster 4 residents live roughly 72 years on average, and spending stays low.", "en", [("72", "K4.UHH.mean", Verdict.FALSE)]),
    ("Penduduk Klaster 4 hidup rata-rata sekitar 69,9 tahun, sementara pengeluarannya rendah.", "id", [("69,9", "K4.UHH.mean", Verdict.TRUE)]),
    # the reason given after a plan states a fact: the plan's cue does not swallow it
    ("A target of 90 % broadband coverage by 2030 is sensible, given that Cluster 4 trails the national figure by about 4 years in life expectancy.", "en",
     [("90 %", None, Verdict.UNVERIFIABLE), ("2030", None, Verdict.UNVERIFIABLE), ("4", "K4.UHH.diff", Verdict.TRUE)]),
    ("Target imunisasi 95 % pada 2030 penting, mengingat umur harapan hidup Klaster 4 masih tertinggal sekitar 3 tahun.", "id",
     [("95 %", None, Verdict.UNVERIFIABLE), ("2030", None, Verdict.UNVERIFIABLE), ("3", "K4.UHH.diff", Verdict.FALSE)]),
    # a gap noun after the number ("the Rp2.9 million gap", "its 4.0-year gap"), or a gap phrase after a budget: the gap
    ("A bigger budget would close part of Cluster 4's Rp2.9 million gap in spending to the national figure.", "en",
     [("Rp2.9 million", "K4.Pengeluaran.diff", Verdict.TRUE)]),
    ("Cluster 4 has a 5.0-year gap in life expectancy to the national figure.", "en", [("5.0", "K4.UHH.diff", Verdict.FALSE)]),
    ("Dengan anggaran bansos Klaster 4, ketertinggalan pengeluaran sebesar Rp2,9 juta terhadap angka nasional dapat dipersempit.", "id",
     [("Rp2,9 juta", "K4.Pengeluaran.diff", Verdict.TRUE)]),
])
def test_what_a_number_is_about_in_longer_sentences(text, lang, expected):
    assert numbers(text, lang) == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # a level stated beside a reference it is compared with ("close to / at the national level on X (13.77 years)") is the
    # subject's own value; a new subject after a comma ("…, and the cluster's mean of …") takes the number from the reference
    ("Cluster 2 sits close to the national level on expected schooling (13.77 years).", "en", [("13.77", "K2.HLS.mean", Verdict.TRUE)]),
    ("Cluster 3 lies at the national level on life expectancy (73.9 years).", "en", [("73.9", "K3.UHH.mean", Verdict.FALSE)]),
    ("Cluster 4's life expectancy is below the national figure, and Cluster 2 stands at about 72.3 years.", "en",
     [("72.3", "K2.UHH.mean", Verdict.TRUE)]),
    ("UHH Klaster 3 mendekati angka nasional (73,93 tahun).", "id", [("73,93", "REF.UHH", Verdict.TRUE)]),
])
def test_a_level_beside_a_reference(text, lang, expected):
    assert numbers(text, lang) == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # a sign before the currency signs the amount: a difference, with its direction (K1 +3.477, K4 -2.899 ribu)
    ("Cluster 4's spending against the national figure: −IDR 2.9 million.", "en", [("2.9", "K4.Pengeluaran.diff", Verdict.TRUE)]),
    ("Cluster 4's spending against the national figure: +IDR 2.9 million.", "en", [("2.9", "K4.Pengeluaran.diff", Verdict.FALSE)]),
    ("Pengeluaran Klaster 1 terhadap angka nasional: +Rp3,5 juta per tahun.", "id", [("Rp3,5 juta", "K1.Pengeluaran.diff", Verdict.TRUE)]),
])
def test_a_sign_before_the_currency(text, lang, expected):
    assert numbers(text, lang) == expected
