"""interpret/verification/directions.py: the noun forms of "unggul / tertinggal pada" are claims too ("keunggulan
Klaster 1 ada pada …", "what Cluster 4 needs to catch up on is …", "… sudah menjadi modal"). Default data, k = 4,
against BPS's national figures: Klaster 1 is above on every indicator, Klaster 4 below on UHH."""

from __future__ import annotations

import pytest

from interpret.terms import ClaimKind, Verdict

from .test_verify_unit_mean import facts_of
from interpret.verification import Verifier


def directions(text: str, lang: str = "id") -> list[tuple[str | None, Verdict]]:
    facts, units = facts_of(None)
    claims = Verifier(facts, locale=lang, units=units).verify_markdown(text).claims
    return [(c.fact_id, c.verdict) for c in claims if c.kind == ClaimKind.DIRECTION]


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Dengan kata lain, keunggulan Klaster 1 ada pada umur harapan hidup.", "id", [("K1.UHH.direction", Verdict.TRUE)]),
    ("Dengan kata lain, keunggulan Klaster 4 ada pada umur harapan hidup.", "id", [("K4.UHH.direction", Verdict.FALSE)]),
    ("Artinya, kelemahan Klaster 4 terpusat pada umur harapan hidup.", "id", [("K4.UHH.direction", Verdict.TRUE)]),
    ("Yang perlu dikejar Klaster 1 adalah umur harapan hidup.", "id", [("K1.UHH.direction", Verdict.FALSE)]),
    ("Bagi Klaster 1, umur harapan hidup sudah menjadi modal.", "id", [("K1.UHH.direction", Verdict.TRUE)]),
    ("Cluster 1's main strength lies in life expectancy.", "en", [("K1.UHH.direction", Verdict.TRUE)]),
    ("Put plainly, what Cluster 1 needs to catch up on is life expectancy.", "en", [("K1.UHH.direction", Verdict.FALSE)]),
    ("For Cluster 4, life expectancy is already an asset.", "en", [("K4.UHH.direction", Verdict.FALSE)]),
])
def test_strengths_and_weaknesses_named_as_nouns_are_checked(text, lang, expected):
    assert directions(text, lang) == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # "it" after the sentence named the national figure is that figure (K1 UHH above BPS's 73,93, K4 below it)
    ("Cluster 4's life expectancy is below the national figure, while Cluster 1 sits well above it.", "en",
     [("K4.UHH.direction", Verdict.TRUE), ("K1.UHH.direction", Verdict.TRUE)]),
    ("Cluster 4's life expectancy is below the national figure, and Cluster 1 is below it too.", "en",
     [("K4.UHH.direction", Verdict.TRUE), ("K1.UHH.direction", Verdict.FALSE)]),
    ("UHH Klaster 4 di bawah angka nasional, sedangkan Klaster 1 berada di atas angka tersebut.", "id",
     [("K4.UHH.direction", Verdict.TRUE), ("K1.UHH.direction", Verdict.TRUE)]),
    # with no reference named before it, "it" is no reference
    ("Cluster 1 leads Cluster 4 on life expectancy and stays above it on schooling.", "en", []),
])
def test_a_pronoun_for_the_reference_named_before_it_is_the_reference(text, lang, expected):
    assert directions(text, lang) == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # Klaster 3's life expectancy is 0,3 % above BPS's figure, inside the 1 % on-par band: "slightly above" may say so,
    # "far / well / jauh above" may not
    ("Life expectancy in Cluster 3 is slightly above the national figure.", "en", [("K3.UHH.direction", Verdict.TRUE)]),
    ("Life expectancy in Cluster 3 is far above the national figure.", "en", [("K3.UHH.direction", Verdict.FALSE)]),
    ("Umur harapan hidup Klaster 3 sedikit di atas angka nasional.", "id", [("K3.UHH.direction", Verdict.TRUE)]),
    ("Umur harapan hidup Klaster 3 jauh di atas angka nasional.", "id", [("K3.UHH.direction", Verdict.FALSE)]),
    # Klaster 1 is 1,6 % above: far above it is
    ("Umur harapan hidup Klaster 1 jauh di atas angka nasional.", "id", [("K1.UHH.direction", Verdict.TRUE)]),
])
def test_a_strong_degree_is_more_than_the_on_par_band(text, lang, expected):
    assert directions(text, lang) == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Cluster 3 has a life expectancy just above the national average — essentially level.", "en",
     [("K3.UHH.direction", Verdict.TRUE), ("K3.UHH.direction", Verdict.TRUE)]),
    ("Cluster 1 has a life expectancy above the national average, essentially level.", "en",
     [("K1.UHH.direction", Verdict.TRUE), ("K1.UHH.direction", Verdict.FALSE)]),
    ("Umur harapan hidup Klaster 1 lebih tinggi daripada rata-rata nasional, nyaris setara.", "id",
     [("K1.UHH.direction", Verdict.TRUE), ("K1.UHH.direction", Verdict.FALSE)]),
    # level with what? the sentence names no reference
    ("Cluster 3 is essentially level on life expectancy.", "en", []),
    # Kepulauan Riau's expected schooling (13,05) is under BPS's 13,15, Bali's (13,58) over it
    ("Four of the five members of Cluster 1 have expected schooling above the national figure; only Kepulauan Riau falls short.", "en",
     [("UNIT.Kepulauan_Riau.HLS.value", Verdict.TRUE)]),
    ("Four of the five members of Cluster 1 have expected schooling above the national figure; only Bali falls short.", "en",
     [("UNIT.Bali.HLS.value", Verdict.FALSE)]),
    ("Empat dari lima anggota Klaster 1 memiliki harapan lama sekolah di atas angka nasional; hanya Bali yang tertinggal.", "id",
     [("UNIT.Bali.HLS.value", Verdict.FALSE)]),
])
def test_a_direction_without_its_reference_is_about_the_one_named_before(text, lang, expected):
    found = [d for d in directions(text, lang) if not d[0].endswith(("n_above", "n_below"))]
    assert found == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # of Klaster 2's ten members only Nusa Tenggara Barat has mean years of schooling under BPS's 8,77
    ("Nine of the ten members of Cluster 2 have mean years of schooling above the national average. The exception is Nusa Tenggara Barat.",
     "en", [("UNIT.Nusa_Tenggara_Barat.RLS.value", Verdict.TRUE)]),
    ("Nine of the ten members of Cluster 2 have mean years of schooling above the national average. The exception is Aceh.",
     "en", [("UNIT.Aceh.RLS.value", Verdict.FALSE)]),
    ("Sembilan dari sepuluh anggota Klaster 2 memiliki rata-rata lama sekolah di atas rata-rata nasional. Pengecualiannya adalah Aceh.",
     "id", [("UNIT.Aceh.RLS.value", Verdict.FALSE)]),
])
def test_the_exceptions_are_on_the_other_side_of_the_previous_sentence(text, lang, expected):
    assert [d for d in directions(text, lang) if d[0].startswith("UNIT.")] == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Umur harapan hidup Klaster 4 tertinggal sekitar 4 tahun dari rata-rata nasional.", "id", [("K4.UHH.direction", Verdict.TRUE)]),
    ("Umur harapan hidup Klaster 1 tertinggal sekitar 1 tahun dari rata-rata nasional.", "id", [("K1.UHH.direction", Verdict.FALSE)]),
    # every member of Klaster 4 lives shorter than BPS's figure; many of Klaster 3's live longer
    ("Cluster 4's life expectancy trails the national figure, and none of its members reaches it.", "en",
     [("K4.UHH.direction", Verdict.TRUE), ("K4.UHH.n_below", Verdict.TRUE)]),
    ("Cluster 3's life expectancy is close to the national figure, but none of its members reaches it.", "en",
     [("K3.UHH.direction", Verdict.TRUE), ("K3.UHH.n_below", Verdict.FALSE)]),
    # "this indicator" is the one the sentence before named
    ("Rata-rata nasional umur harapan hidup adalah 73,93 tahun. Klaster 4 berada di bawah angka nasional dalam indikator ini.", "id",
     [("K4.UHH.direction", Verdict.TRUE)]),
    ("The national life expectancy is 73.93 years. Cluster 4 sits above the national figure on this measure.", "en",
     [("K4.UHH.direction", Verdict.FALSE)]),
])
def test_gaps_pronouns_and_indicators_named_before(text, lang, expected):
    assert directions(text, lang) == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # the reference named by its indicator ("the national life expectancy"), which is then the indicator claimed
    ("Cluster 1 has long expected schooling and sits above the national life expectancy.", "en", [("K1.UHH.direction", Verdict.TRUE)]),
    ("Cluster 4 has long expected schooling and sits above the national life expectancy.", "en", [("K4.UHH.direction", Verdict.FALSE)]),
    ("None of Cluster 4's provinces reaches the national life expectancy, and every member of Cluster 1 exceeds the national life expectancy.",
     "en", [("K1.UHH.n_above", Verdict.TRUE), ("K4.UHH.n_below", Verdict.TRUE)]),
    # each direction is said under the quantifier nearest before it, not the first of the sentence
    ("No member of Cluster 4 reaches the national average on life expectancy, every member of Cluster 1 is above the national average on "
     "life expectancy.", "en", [("K1.UHH.n_above", Verdict.TRUE), ("K4.UHH.n_below", Verdict.TRUE)]),
    ("No member of Cluster 1 reaches the national average on life expectancy, every member of Cluster 4 is above the national average on "
     "life expectancy.", "en", [("K4.UHH.n_above", Verdict.FALSE), ("K1.UHH.n_below", Verdict.FALSE)]),
])
def test_a_quantified_direction_reads_its_own_quantifier_and_a_reference_named_by_its_indicator(text, lang, expected):
    assert directions(text, lang) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a quantifier over the members after a unit named in the clause: the direction is said of the members, not of the unit
    ("Kelompok ini, yakni Papua hingga Gorontalo, tertinggal: seluruh anggota Klaster 4 mencatat harapan lama sekolah di atas angka nasional.",
     [("K4.HLS.n_above", Verdict.FALSE)]),
])
def test_a_universal_quantifier_after_a_unit_is_said_of_the_members(text, expected):
    assert directions(text) == expected


def direction_values(text: str, lang: str) -> list[tuple[str | None, str, Verdict]]:
    facts, units = facts_of(None)
    claims = Verifier(facts, locale=lang, units=units).verify_markdown(text).claims
    return [(c.fact_id, c.value, c.verdict) for c in claims if c.kind == ClaimKind.DIRECTION]


ALL = ("UHH", "HLS", "RLS", "Pengeluaran")


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # a better / worse word with nothing after it: the indicators its clause named (all of them, here) before it
    ("Semua indikator Klaster 4 tertinggal.", "id", [(f"K4.{f}.direction", Verdict.TRUE) for f in ALL]),
    ("Semua indikator Klaster 1 tertinggal.", "id", [(f"K1.{f}.direction", Verdict.FALSE) for f in ALL]),
    ("For Cluster 4, every indicator lags.", "en", [(f"K4.{f}.direction", Verdict.TRUE) for f in ALL]),
    ("Cluster 2's per capita expenditure still trails.", "en", [("K2.Pengeluaran.direction", Verdict.TRUE)]),
    ("Cluster 1's per capita expenditure still trails.", "en", [("K1.Pengeluaran.direction", Verdict.FALSE)]),
    # "unggul pada semuanya", "ahead on all of them": every indicator the sentence named, not every member
    ("Klaster 4 tertinggal pada keempat indikator, sedangkan Klaster 1 unggul pada semuanya.", "id",
     [(f"K4.{f}.direction", Verdict.TRUE) for f in ALL] + [(f"K1.{f}.direction", Verdict.TRUE) for f in ALL]),
    ("Cluster 4 lags behind on all four indicators, while Cluster 1 is ahead on all of them.", "en",
     [(f"K4.{f}.direction", Verdict.TRUE) for f in ALL] + [(f"K1.{f}.direction", Verdict.TRUE) for f in ALL]),
])
def test_a_bare_better_or_worse_word_is_about_the_indicators_named_before_it(text, lang, expected):
    assert directions(text, lang) == expected


@pytest.mark.parametrize(("text", "lang"), [
    ("Semua klaster, kecuali Klaster 1, berada di bawah angka nasional pada rata-rata lama sekolah.", "id"),
    ("All clusters except Cluster 1 are below the national figure on mean years of schooling.", "en"),
])
def test_all_clusters_but_the_excepted_are_the_subjects(text, lang):
    # Klaster 2's mean schooling is above BPS's figure, Klaster 3's and 4's below; Klaster 1 is left out
    assert directions(text, lang) == [("K2.RLS.direction", Verdict.FALSE), ("K3.RLS.direction", Verdict.TRUE), ("K4.RLS.direction", Verdict.TRUE)]


@pytest.mark.parametrize(("text", "lang"), [
    ("### Cluster 3\n\nThis group, with provinces including Jawa Barat and Bengkulu, sits roughly at the national level on life expectancy.", "en"),
    ("### Klaster 3\n\nKelompok ini, dengan anggota di antaranya Jawa Barat dan Bengkulu, relatif setara dengan angka nasional pada umur harapan hidup.", "id"),
])
def test_a_unit_listed_as_a_member_is_not_the_subject(text, lang):
    assert directions(text, lang) == [("K3.UHH.direction", Verdict.TRUE)]


@pytest.mark.parametrize(("text", "lang"), [
    ("Cluster 2's spending is below the national level; its gap to Cluster 1 is wide.", "en"),
    ("Pengeluaran Klaster 2 di bawah angka nasional; selisihnya dengan Klaster 1 lebar.", "id"),
])
def test_a_cluster_named_only_in_a_later_clause_is_not_the_subject(text, lang):
    assert directions(text, lang) == [("K2.Pengeluaran.direction", Verdict.TRUE)]


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Klaster 2 perlu bansos karena daya belinya di bawah acuan BPS.", "id", [("K2.Pengeluaran.direction", Verdict.TRUE)]),
    ("Cluster 2 falls short of the national benchmark on health.", "en", [("K2.UHH.direction", Verdict.TRUE)]),
    ("Cluster 1 falls short of the national benchmark on health.", "en", [("K1.UHH.direction", Verdict.FALSE)]),
])
def test_a_dimension_word_names_its_indicators(text, lang, expected):
    assert directions(text, lang) == expected


@pytest.mark.parametrize(("text", "lang", "said_again"), [
    ("Cluster 2 is ahead on education. It is also ahead on per capita expenditure.", "en", "also ahead on per capita expenditure"),
    ("Klaster 2 unggul pada pendidikan. Ia juga unggul pada pengeluaran per kapita.", "id", "juga unggul pada pengeluaran per kapita"),
])
def test_the_same_direction_said_again_is_quoted_with_also_and_checked_anew(text, lang, said_again):
    # Klaster 2 is above BPS's figures on schooling, below on spending
    assert direction_values(text, lang) == [("K2.HLS.direction", "ahead on education" if lang == "en" else "unggul pada pendidikan", Verdict.TRUE),
                                            ("K2.RLS.direction", "ahead on education" if lang == "en" else "unggul pada pendidikan", Verdict.TRUE),
                                            ("K2.Pengeluaran.direction", said_again, Verdict.FALSE)]


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # an adjective on the indicator it qualifies: Klaster 1 spends above BPS's figure, Klaster 4 below it
    ("Cluster 1 needs cash transfers less, given its strong purchasing power.", "en", [("K1.Pengeluaran.direction", Verdict.TRUE)]),
    ("Cluster 1 needs cash transfers, given its weak purchasing power.", "en", [("K1.Pengeluaran.direction", Verdict.FALSE)]),
    ("Cluster 4 needs cash transfers, given its weak purchasing power.", "en", [("K4.Pengeluaran.direction", Verdict.TRUE)]),
    ("Klaster 4 perlu bansos mengingat daya belinya yang masih lemah.", "id", [("K4.Pengeluaran.direction", Verdict.TRUE)]),
    ("Klaster 1 perlu bansos mengingat lemahnya daya beli.", "id", [("K1.Pengeluaran.direction", Verdict.FALSE)]),
])
def test_a_better_or_worse_adjective_on_an_indicator_is_a_position(text, lang, expected):
    assert directions(text, lang) == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # "on par" as a category, about the reference its sentence named: Klaster 3's spending is within the band, Klaster 2's not
    ("Klaster 3 membelanjakan 11.784 ribu rupiah, berselisih 116 ribu rupiah dari angka nasional; selisih sekecil itu masuk kategori setara.",
     "id", [("K3.Pengeluaran.direction", Verdict.TRUE)]),
    ("Klaster 2 membelanjakan 10.314 ribu rupiah, berselisih jauh dari angka nasional; selisih itu masuk kategori setara.",
     "id", [("K2.Pengeluaran.direction", Verdict.FALSE)]),
    ("Cluster 3's per capita expenditure is close to the national figure, a gap that falls within the on-par band.",
     "en", [("K3.Pengeluaran.direction", Verdict.TRUE), ("K3.Pengeluaran.direction", Verdict.TRUE)]),
])
def test_on_par_said_as_a_category_is_checked_against_the_band(text, lang, expected):
    assert directions(text, lang) == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # two directions in one clause, each on the indicator named nearest it: Klaster 2's schooling is above BPS's figure,
    # its life expectancy below
    ("In Cluster 2, mean years of schooling is below the national average, and life expectancy is above it.", "en",
     [("K2.RLS.direction", Verdict.FALSE), ("K2.UHH.direction", Verdict.FALSE)]),
    ("In Cluster 2, mean years of schooling is above the national average, and life expectancy is below it.", "en",
     [("K2.RLS.direction", Verdict.TRUE), ("K2.UHH.direction", Verdict.TRUE)]),
    ("Di Klaster 2, rata-rata lama sekolah di bawah angka nasional dan umur harapan hidup di atas angka tersebut.", "id",
     [("K2.RLS.direction", Verdict.FALSE), ("K2.UHH.direction", Verdict.FALSE)]),
])
def test_each_direction_of_a_clause_is_on_the_indicator_named_nearest_it(text, lang, expected):
    assert directions(text, lang) == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # "also / juga" with no indicator: the indicators of the direction said last (Klaster 1 above BPS's figures on
    # schooling, Klaster 4 below them, Klaster 1 above on life expectancy)
    ("Cluster 2 is ahead on education. Cluster 1 is also ahead.", "en",
     [("K2.HLS.direction", Verdict.TRUE), ("K2.RLS.direction", Verdict.TRUE), ("K1.HLS.direction", Verdict.TRUE), ("K1.RLS.direction", Verdict.TRUE)]),
    ("Klaster 2 unggul pada pendidikan. Klaster 4 juga unggul.", "id",
     [("K2.HLS.direction", Verdict.TRUE), ("K2.RLS.direction", Verdict.TRUE), ("K4.HLS.direction", Verdict.FALSE), ("K4.RLS.direction", Verdict.FALSE)]),
    ("Cluster 4 lags on life expectancy. Cluster 1 also lags.", "en", [("K4.UHH.direction", Verdict.TRUE), ("K1.UHH.direction", Verdict.FALSE)]),
    # with nothing said before, "also ahead" is about no indicator it names
    ("Cluster 1 is also ahead.", "en", []),
])
def test_a_direction_said_again_is_about_the_indicators_said_before(text, lang, expected):
    assert directions(text, lang) == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # inside the on-par band a direction word is judged by the sign of the gap: Klaster 3's life expectancy is 0,3 % above
    # BPS's figure, its expenditure 0,97 % below it; "setara / on par" is true for both
    ("Cluster 3's life expectancy is slightly below the national figure.", "en", [("K3.UHH.direction", Verdict.FALSE)]),
    ("Cluster 3's per capita expenditure is slightly below the national figure.", "en", [("K3.Pengeluaran.direction", Verdict.TRUE)]),
    ("Cluster 3's per capita expenditure is on par with the national figure.", "en", [("K3.Pengeluaran.direction", Verdict.TRUE)]),
    ("Pengeluaran per kapita Klaster 3 sedikit di atas angka nasional.", "id", [("K3.Pengeluaran.direction", Verdict.FALSE)]),
    ("Umur harapan hidup Klaster 3 sedikit di bawah angka nasional.", "id", [("K3.UHH.direction", Verdict.FALSE)]),
    ("Pengeluaran per kapita Klaster 3 setara dengan angka nasional.", "id", [("K3.Pengeluaran.direction", Verdict.TRUE)]),
    ("Cluster 3 is slightly ahead on per capita expenditure.", "en", [("K3.Pengeluaran.direction", Verdict.FALSE)]),
    ("Klaster 3 sedikit tertinggal pada pengeluaran per kapita.", "id", [("K3.Pengeluaran.direction", Verdict.TRUE)]),
])
def test_a_direction_inside_the_on_par_band_is_judged_by_its_sign(text, lang, expected):
    assert directions(text, lang) == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # "dibandingkan / compared with / relative to" between the direction and the reference
    ("Umur harapan hidup Klaster 4 sekitar 3 tahun lebih rendah dibandingkan angka nasional.", "id", [("K4.UHH.direction", Verdict.TRUE)]),
    ("Pengeluaran per kapita Klaster 1 lebih rendah dibandingkan angka nasional.", "id", [("K1.Pengeluaran.direction", Verdict.FALSE)]),
    ("Life expectancy in Cluster 4 is lower compared with the national average.", "en", [("K4.UHH.direction", Verdict.TRUE)]),
    ("Cluster 1's per capita expenditure is lower relative to the national figure.", "en", [("K1.Pengeluaran.direction", Verdict.FALSE)]),
])
def test_a_comparison_connector_may_stand_before_the_reference(text, lang, expected):
    assert directions(text, lang) == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # a better / worse word with its gap after it and no object: a position on the indicator named before it
    ("Harapan lama sekolah Klaster 3 yang tertinggal sekitar 0,4 tahun perlu dikejar.", "id", [("K3.HLS.direction", Verdict.TRUE)]),
    ("Bagi Klaster 1, umur harapan hidup masih tertinggal sekitar 1 tahun.", "id", [("K1.UHH.direction", Verdict.FALSE)]),
    ("In Cluster 4, life expectancy still lags by about 3 years.", "en", [("K4.UHH.direction", Verdict.TRUE)]),
    ("Cluster 1's mean years of schooling trails by 0.5 years.", "en", [("K1.RLS.direction", Verdict.FALSE)]),
    ("Rata-rata lama sekolah Klaster 2 unggul sekitar 0,6 tahun.", "id", [("K2.RLS.direction", Verdict.TRUE)]),
    # behind another cluster: a comparison, no position against the reference
    ("Umur harapan hidup Klaster 4 tertinggal sekitar 3 tahun dari Klaster 1.", "id", []),
])
def test_a_better_or_worse_word_with_its_gap_after_it_is_a_position(text, lang, expected):
    assert directions(text, lang) == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("**Posisi harapan lama sekolah terhadap angka nasional:**\n\n- Klaster 1: di atas (+0,5 tahun)\n- Klaster 4: di atas, selisih −0,4 tahun\n"
     "- Klaster 3: setara", "id",
     [("K1.HLS.direction", Verdict.TRUE), ("K4.HLS.direction", Verdict.FALSE), ("K3.HLS.direction", Verdict.FALSE)]),
    ("Where each cluster stands on life expectancy against the national average:\n\n- Cluster 1: above, +1.2 years\n- Cluster 4: on par\n"
     "- Cluster 3: on par (+0.3 years)", "en",
     [("K1.UHH.direction", Verdict.TRUE), ("K4.UHH.direction", Verdict.FALSE), ("K3.UHH.direction", Verdict.TRUE)]),
    ("### Mean years of schooling relative to the national figure:\n\n1. Cluster 2: below\n2. Cluster 4: below.", "en",
     [("K2.RLS.direction", Verdict.FALSE), ("K4.RLS.direction", Verdict.TRUE)]),
    # no lead-in naming the indicator and the reference: above what?
    ("Klaster 1: di atas.", "id", []),
    ("Ringkasan umur harapan hidup:\n\n- Klaster 1: di atas", "id", []),
])
def test_a_position_label_in_a_list_is_on_the_lead_ins_indicator_and_reference(text, lang, expected):
    assert directions(text, lang) == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # a unit against its own cluster's mean (Papua 7.562 and NTT under Klaster 4's 9.000 ribu rupiah, Gorontalo over it;
    # Bali's life expectancy 74,88 under Klaster 1's 75,10), and a pronoun for that mean after it
    ("Papua mencatat pengeluaran 7.562 ribu rupiah, di bawah rata-rata klasternya; Nusa Tenggara Timur juga berada di bawah "
     "rata-rata tersebut, sedangkan Gorontalo melampauinya.", "id",
     [("UNIT.Papua.Pengeluaran.value", Verdict.TRUE), ("UNIT.Nusa_Tenggara_Timur.Pengeluaran.value", Verdict.TRUE),
      ("UNIT.Gorontalo.Pengeluaran.value", Verdict.TRUE)]),
    ("Bali's life expectancy is above its cluster's average, while Kepulauan Riau falls short of it.", "en",
     [("UNIT.Bali.UHH.value", Verdict.FALSE), ("UNIT.Kepulauan_Riau.UHH.value", Verdict.TRUE)]),
    ("At 68.2 years, Papua's life expectancy is below the mean of its cluster.", "en", [("UNIT.Papua.UHH.value", Verdict.TRUE)]),
    ("Umur harapan hidup Bali di bawah rata-rata klasternya.", "id", [("UNIT.Bali.UHH.value", Verdict.TRUE)]),
    ("Kepulauan Riau, dengan rata-rata lama sekolah 10,41 tahun, melampaui rata-rata klasternya.", "id",
     [("UNIT.Kepulauan_Riau.RLS.value", Verdict.TRUE)]),
])
def test_a_unit_against_its_own_clusters_mean(text, lang, expected):
    assert directions(text, lang) == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # a universal quantifier after the direction counts only what follows it
    ("Klaster 2 unggul dalam aspek pendidikan: rata-rata lama sekolahnya sekitar 5 % di atas angka nasional, dan seluruh anggotanya "
     "melampaui angka tersebut.", "id",
     [("K2.RLS.direction", Verdict.TRUE), ("K2.RLS.n_above", Verdict.FALSE), ("K2.RLS.direction", Verdict.TRUE)]),
    ("Seluruh anggota Klaster 1 memiliki umur harapan hidup di atas angka nasional.", "id", [("K1.UHH.n_above", Verdict.TRUE)]),
    # "lags it", "lags behind", "the nation" as the reference
    ("Cluster 4's spending is well below the national figure; Cluster 2, at IDR 10.3 million, lags it by about IDR 1.5 million.", "en",
     [("K4.Pengeluaran.direction", Verdict.TRUE), ("K2.Pengeluaran.direction", Verdict.TRUE)]),
    ("Cluster 1's life expectancy lags behind the national average.", "en", [("K1.UHH.direction", Verdict.FALSE)]),
    ("Cluster 3 is on par with the nation in life expectancy.", "en", [("K3.UHH.direction", Verdict.TRUE)]),
    ("Cluster 4 is on par with the nation as a whole in life expectancy.", "en", [("K4.UHH.direction", Verdict.FALSE)]),
])
def test_quantifiers_before_the_direction_and_more_words_for_the_reference(text, lang, expected):
    assert directions(text, lang) == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # the last direction said again of the cluster named after "begitu pula / as is / and so is" (Klaster 3's life expectancy
    # is 0,3 % above BPS's: not below; Klaster 2's spending and Klaster 4's schooling are below)
    ("Umur harapan hidup Klaster 4 berada di bawah angka nasional, begitu pula Klaster 3.", "id",
     [("K4.UHH.direction", Verdict.TRUE), ("K3.UHH.direction", Verdict.FALSE)]),
    ("Klaster 1 unggul dalam pengeluaran per kapita, demikian pula Klaster 2.", "id",
     [("K1.Pengeluaran.direction", Verdict.TRUE), ("K2.Pengeluaran.direction", Verdict.FALSE)]),
    ("Cluster 4 is below the national average on life expectancy, as is Cluster 2.", "en",
     [("K4.UHH.direction", Verdict.TRUE), ("K2.UHH.direction", Verdict.TRUE)]),
    ("Cluster 1's mean years of schooling is above the national figure, and so is Cluster 4.", "en",
     [("K1.RLS.direction", Verdict.TRUE), ("K4.RLS.direction", Verdict.FALSE)]),
    ("Rata-rata lama sekolah Klaster 2 di atas angka nasional, sama halnya dengan Klaster 1.", "id",
     [("K2.RLS.direction", Verdict.TRUE), ("K1.RLS.direction", Verdict.TRUE)]),
    # "rata-rata klaster" with no number after it: the unit's own cluster
    ("Umur harapan hidup Papua di bawah rata-rata klaster.", "id", [("UNIT.Papua.UHH.value", Verdict.TRUE)]),
    ("Papua's life expectancy is below the cluster average.", "en", [("UNIT.Papua.UHH.value", Verdict.TRUE)]),
])
def test_a_direction_said_again_of_another_cluster_with_likewise(text, lang, expected):
    assert directions(text, lang) == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # units listed with a count are on its side (Kepulauan Riau's expected schooling, 13,05, is under BPS's 13,15)
    ("Three of the five Cluster 1 provinces (Bali, DKI Jakarta and Kepulauan Riau) have expected schooling above the national figure.", "en",
     [("UNIT.Bali.HLS.value", Verdict.TRUE), ("UNIT.DKI_Jakarta.HLS.value", Verdict.TRUE), ("UNIT.Kepulauan_Riau.HLS.value", Verdict.FALSE)]),
    ("Empat anggota Klaster 4 memiliki pengeluaran di bawah angka nasional, yaitu Papua, Nusa Tenggara Timur dan Gorontalo.", "id",
     [("UNIT.Papua.Pengeluaran.value", Verdict.TRUE), ("UNIT.Nusa_Tenggara_Timur.Pengeluaran.value", Verdict.TRUE),
      ("UNIT.Gorontalo.Pengeluaran.value", Verdict.TRUE)]),
    # an excepted unit is on the other side, and the quantifier holds of the rest
    ("Selain Kepulauan Riau, seluruh anggota Klaster 1 memiliki harapan lama sekolah di atas angka nasional.", "id",
     [("K1.HLS.n_above", Verdict.TRUE), ("UNIT.Kepulauan_Riau.HLS.value", Verdict.TRUE)]),
    ("Except for Bali, every member of Cluster 1 has expected schooling above the national figure.", "en",
     [("K1.HLS.n_above", Verdict.FALSE), ("UNIT.Bali.HLS.value", Verdict.FALSE)]),
    ("Di luar Bali, tidak satu pun anggota Klaster 1 memiliki umur harapan hidup di bawah angka nasional.", "id",
     [("K1.UHH.n_below", Verdict.TRUE), ("UNIT.Bali.UHH.value", Verdict.FALSE)]),
])
def test_units_listed_with_or_excepted_from_a_quantified_direction(text, lang, expected):
    assert directions(text, lang) == expected


def test_members_listed_with_including_in_an_aside_are_not_the_units_counted():
    text = "Sebelas provinsi dalam klaster ini—di antaranya Bali dan Gorontalo—memiliki rata-rata lama sekolah 9,2 tahun, di atas angka nasional."
    assert not [fact for fact, _ in directions(text) if fact and fact.startswith("UNIT.")]
