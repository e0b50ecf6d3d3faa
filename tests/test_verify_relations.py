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


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # a reference right after the ratio is its object, even when the sentence names another unit later
    # (DKI Jakarta 19.373 over the national 11.899: 1,63; over the provinces' plain mean: 1,69; over Papua: 2,56)
    ("DKI Jakarta's spending is about 1.6 times the national figure and roughly 2.6 times Papua's.", "en",
     [("1.6", "UNIT[DKI Jakarta]/REF.Pengeluaran.ratio", Verdict.TRUE), ("2.6", "UNIT[DKI Jakarta]/UNIT[Papua].Pengeluaran.ratio", Verdict.TRUE)]),
    ("Pengeluaran DKI Jakarta lebih dari 1,7 kali angka nasional dan sekitar 2,6 kali pengeluaran di Papua.", "id",
     [("1,7", "UNIT[DKI Jakarta]/REF.Pengeluaran.ratio", Verdict.FALSE), ("2,6", "UNIT[DKI Jakarta]/UNIT[Papua].Pengeluaran.ratio", Verdict.TRUE)]),
    ("Papua spends about 0.64 times the national average, while DKI Jakarta spends far more.", "en",
     [("0.64", "UNIT[Papua]/REF.Pengeluaran.ratio", Verdict.TRUE)]),
    ("DKI Jakarta's spending is about 1.8 times the average of the 34 provinces.", "en",
     [("1.8", "UNIT[DKI Jakarta]/UMEAN.Pengeluaran.ratio", Verdict.FALSE), ("34", "DATA.n_units", Verdict.TRUE)]),
    # a cluster over one unit (K1 15.376 over Papua 7.562: 2,03; RLS 10,23 over 7,15: 1,43; K3 11.784 over Papua: 1,56)
    ("Cluster 1 spends roughly twice as much per head as Papua, and its mean years of schooling are 1.3 times Papua's.", "en",
     [("twice", "K1/UNIT[Papua].Pengeluaran.ratio", Verdict.TRUE), ("1.3", "K1/UNIT[Papua].RLS.ratio", Verdict.FALSE)]),
    ("Rata-rata lama sekolah Klaster 1 sekitar 1,4 kali Papua.", "id", [("1,4", "K1/UNIT[Papua].RLS.ratio", Verdict.TRUE)]),
    # a unit between the ratio and a later cluster is the ratio's object, not that cluster
    ("Pengeluaran Klaster 3 kira-kira 1,6 kali lipat pengeluaran Papua, sedangkan Klaster 4 jauh di bawahnya.", "id",
     [("1,6", "K3/UNIT[Papua].Pengeluaran.ratio", Verdict.TRUE)]),
    # a cluster named by its place in the composite order ("the high-achiever group" = Cluster 1)
    ("Households in the high-achiever group spend about 1.8 times as much as those in Cluster 4.", "en",
     [("1.8", "K1-K4.Pengeluaran.ratio", Verdict.FALSE)]),
    ("Pengeluaran kelompok berprestasi tinggi sekitar 1,7 kali lipat Klaster 4.", "id", [("1,7", "K1-K4.Pengeluaran.ratio", Verdict.TRUE)]),
])
def test_a_ratio_reads_its_object_right_after_it(text, lang, expected):
    assert ratios(text, lang) == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # "N % of X": the subject's value as a share of X's (Papua over DKI Jakarta 39,0 %; K4 over K1 58,5 %; K4 over the
    # national figure 75,6 %; K2's life expectancy over K1's 96,3 %)
    ("Papua, the poorest province by this measure, spends less than 40 % of what DKI Jakarta does.", "en",
     [("40 %", "UNIT[Papua]/UNIT[DKI Jakarta].Pengeluaran.share_pct", Verdict.TRUE)]),
    ("Pengeluaran Papua kurang dari 35 % dari pengeluaran DKI Jakarta.", "id",
     [("35 %", "UNIT[Papua]/UNIT[DKI Jakarta].Pengeluaran.share_pct", Verdict.FALSE)]),
    ("Cluster 4's mean spending is about 59 % of Cluster 1's.", "en", [("59 %", "K4/K1.Pengeluaran.share_pct", Verdict.TRUE)]),
    ("Pengeluaran per kapita Klaster 4 hanya sekitar 59 % dari rata-rata Klaster 1.", "id", [("59 %", "K4/K1.Pengeluaran.share_pct", Verdict.TRUE)]),
    ("Spending in Cluster 4 reaches roughly 76 % of the national figure.", "en", [("76 %", "K4/REF.Pengeluaran.share_pct", Verdict.TRUE)]),
    ("Pengeluaran Klaster 4 sekitar 76 % dari angka nasional.", "id", [("76 %", "K4/REF.Pengeluaran.share_pct", Verdict.TRUE)]),
    ("Cluster 2's life expectancy is 72 % of Cluster 1's.", "en", [("72 %", "K2/K1.UHH.share_pct", Verdict.FALSE)]),
    # "of that in …" / "dari capaian …" (Papua's mean schooling over DKI Jakarta's: 62,4 %)
    ("Mean schooling in Papua is only 70 % of that in DKI Jakarta.", "en", [("70 %", "UNIT[Papua]/UNIT[DKI Jakarta].RLS.share_pct", Verdict.FALSE)]),
    ("Rata-rata lama sekolah Papua hanya sekitar 62 % dari capaian DKI Jakarta.", "id",
     [("62 %", "UNIT[Papua]/UNIT[DKI Jakarta].RLS.share_pct", Verdict.TRUE)]),
    # a lag word before the number makes it a gap measured from the reference, not a share of it
    ("Klaster 4 tertinggal 24,4 % dari angka nasional dalam pengeluaran.", "id", [("24,4 %", "K4.Pengeluaran.diff_pct", Verdict.TRUE)]),
    ("Pengeluaran Klaster 4 berjarak 24,4 % dari angka nasional.", "id", [("24,4 %", "K4.Pengeluaran.diff_pct", Verdict.TRUE)]),
    ("Pengeluaran Klaster 4 menyimpang 26 % dari angka nasional.", "id", [("26 %", "K4.Pengeluaran.diff_pct", Verdict.FALSE)]),
    ("Spending in Cluster 4 falls 24 % short of the national figure.", "en", [("24 %", "K4.Pengeluaran.diff_pct", Verdict.TRUE)]),
])
def test_a_percentage_of_another_is_a_share_not_a_gap(text, lang, expected):
    assert ratios(text, lang) == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # "lead" as a gap noun between two units (DKI Jakarta − D.I. Yogyakarta: UHH 0,63; HLS −2,33; spending 4.449 ribu)
    ("Jakarta's lead over Yogyakarta in life expectancy is only 0.63 years.", "en",
     [("0.63", "UNIT[DKI Jakarta]-UNIT[D.I. Yogyakarta].UHH.gap", Verdict.TRUE)]),
    ("In life expectancy, the lead of Bali over Papua is roughly 6.7 years.", "en", [("6.7", "UNIT[Bali]-UNIT[Papua].UHH.gap", Verdict.TRUE)]),
    # the same gap listed on another indicator after the first number; an amount of money is the money indicator's gap
    ("The gap between Bali and Papua is 6.7 years in life expectancy and about Rp6.8 million in spending.", "en",
     [("6.7", "UNIT[Bali]-UNIT[Papua].UHH.gap", Verdict.TRUE), ("Rp6.8 million", "UNIT[Bali]-UNIT[Papua].Pengeluaran.gap", Verdict.TRUE)]),
    ("Selisih antara Bali dan Papua mencapai 6,7 tahun pada umur harapan hidup dan sekitar Rp7,8 juta pada pengeluaran.", "id",
     [("6,7", "UNIT[Bali]-UNIT[Papua].UHH.gap", Verdict.TRUE), ("Rp7,8 juta", "UNIT[Bali]-UNIT[Papua].Pengeluaran.gap", Verdict.FALSE)]),
    ("Jakarta's lead over Yogyakarta in life expectancy is 0.63 years, and in spending more than Rp4.5 million.", "en",
     [("0.63", "UNIT[DKI Jakarta]-UNIT[D.I. Yogyakarta].UHH.gap", Verdict.TRUE),
      ("Rp4.5 million", "UNIT[DKI Jakarta]-UNIT[D.I. Yogyakarta].Pengeluaran.gap", Verdict.FALSE)]),
])
def test_a_gap_between_two_units_and_the_same_gap_listed_on_another_indicator(text, lang, expected):
    assert ratios(text, lang) == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # a unit opening the sentence is the subject of a ratio in a clause with no cluster before it (Papua 7.562 over
    # K1 15.376: 0,49; over K4 9.000: 0,84), not a cluster an earlier clause compared it with
    ("Papua trails Cluster 1 and Cluster 4 on life expectancy, while spending only about half as much per person as Cluster 1.", "en",
     [("half", "UNIT[Papua]/K1.Pengeluaran.ratio", Verdict.TRUE)]),
    ("Papua tertinggal dari Klaster 1 dan Klaster 4 dalam harapan hidup, sementara pengeluarannya hanya sekitar 0,6 kali Klaster 4.", "id",
     [("0,6", "UNIT[Papua]/K4.Pengeluaran.ratio", Verdict.FALSE)]),
    ("Papua lags Cluster 2 and Cluster 4 on schooling, while its spending is about 0.8 times that of Cluster 4.", "en",
     [("0.8", "UNIT[Papua]/K4.Pengeluaran.ratio", Verdict.TRUE)]),
])
def test_a_unit_opening_the_sentence_is_the_subject_of_its_ratio(text, lang, expected):
    assert ratios(text, lang) == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # a second ratio that leaves its object out takes the first one's (K3/K4 1,31; K2/K4 1,15; K4/Papua 1,19)
    ("Cluster 1 spends about 1.7 times as much as Cluster 4, and Cluster 3 about 1.3 times.", "en",
     [("1.7", "K1-K4.Pengeluaran.ratio", Verdict.TRUE), ("1.3", "K3-K4.Pengeluaran.ratio", Verdict.TRUE)]),
    ("Cluster 1 spends about 1.7 times as much as Cluster 4, while Cluster 2 manages only 1.5 times.", "en",
     [("1.7", "K1-K4.Pengeluaran.ratio", Verdict.TRUE), ("1.5", "K2-K4.Pengeluaran.ratio", Verdict.FALSE)]),
    ("Pengeluaran Klaster 1 sekitar 1,7 kali lipat Klaster 4, sedangkan Klaster 2 hanya 1,1 kali.", "id",
     [("1,7", "K1-K4.Pengeluaran.ratio", Verdict.TRUE), ("1,1", "K2-K4.Pengeluaran.ratio", Verdict.TRUE)]),
    ("Pengeluaran Klaster 3 kira-kira 1,6 kali lipat pengeluaran Papua, sedangkan Klaster 4 hanya 1,4 kali.", "id",
     [("1,6", "K3/UNIT[Papua].Pengeluaran.ratio", Verdict.TRUE), ("1,4", "K4/UNIT[Papua].Pengeluaran.ratio", Verdict.FALSE)]),
])
def test_a_ratio_without_its_object_takes_the_previous_ratios(text, lang, expected):
    assert ratios(text, lang) == expected
