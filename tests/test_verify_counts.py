"""Counts of members satisfying a condition (interpret/verification/counts.py), and the comparisons and gaps that name
their indicator or object only implicitly (ranks.py, numbers.py). Default data, k = 4, against the plain mean of the
provinces: 12 provinces below it on UHH (K2: 7, K4: 5), K4 has 4 of 5 members below it on HLS, K1–K4 UHH gap in
points of the reference 7,1, K1 15.376 vs K4 9.000 ribu rupiah."""

from __future__ import annotations

import pytest

from interpret.data import load_dataset
from interpret.terms import ClaimKind, Verdict
from interpret.verification import Verifier

from .test_verify import facts_for


def judged(text: str, lang: str = "id", kind: ClaimKind | None = None) -> list[tuple[str, Verdict]]:
    report = Verifier(facts_for(), locale=lang, units=load_dataset(None, None).values).verify_markdown(text)
    return [(c.value, c.verdict) for c in report.claims if kind is None or c.kind == kind]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Sebanyak 12 provinsi memiliki umur harapan hidup di bawah rata-rata provinsi.", "id", [("12 provinsi", Verdict.TRUE)]),
        ("Sebanyak 15 provinsi memiliki rata-rata lama sekolah di bawah rata-rata provinsi.", "id", [("15 provinsi", Verdict.FALSE)]),
        ("Tiga dari lima anggota Klaster 4 memiliki harapan lama sekolah di bawah rata-rata provinsi.", "id",
         [("Tiga dari lima anggota", Verdict.FALSE)]),
        ("Four of the five members of Cluster 4 have expected schooling below the provincial average.", "en",
         [("Four of the five members", Verdict.TRUE)]),
        ("Four of the six members of Cluster 4 have expected schooling below the provincial average.", "en",
         [("Four of the six members", Verdict.FALSE)]),  # the count agrees, the group's size does not
        ("Separuh anggota Klaster 2 memiliki umur harapan hidup di atas rata-rata provinsi.", "id", [("Separuh anggota", Verdict.FALSE)]),
        ("Most members of Cluster 2 have a life expectancy below the provincial average.", "en", [("Most members", Verdict.TRUE)]),
        ("Four of the five members of Cluster 4 spend less than 10 million rupiah per person per year.", "en",
         [("Four of the five members", Verdict.TRUE)]),  # a written threshold, counted on the units' values
        ("In Cluster 3, 10 of the 14 provinces spend more per capita than the provincial average.", "en",
         [("10 of the 14 provinces", Verdict.TRUE)]),
        # the determiner between "of" and the group is the lexicon's `count_of_determiner`, in either language
        ("Empat dari total lima anggota Klaster 4 memiliki harapan lama sekolah di bawah rata-rata provinsi.", "id",
         [("Empat dari total lima anggota", Verdict.TRUE)]),
        ("Empat dari total enam anggota Klaster 4 memiliki harapan lama sekolah di bawah rata-rata provinsi.", "id",
         [("Empat dari total enam anggota", Verdict.FALSE)]),
        ("Four of all five members of Cluster 4 have expected schooling below the provincial average.", "en",
         [("Four of all five members", Verdict.TRUE)]),
    ],
)
def test_a_count_is_bound_to_the_members_that_satisfy_its_condition(text, lang, expected):
    assert judged(text, lang, ClaimKind.COUNT) == expected


def test_a_count_with_a_membership_cue_or_no_condition_stays_a_size():
    assert judged("Klaster 2 terdiri dari 10 provinsi yang pengeluarannya di bawah rata-rata provinsi.", kind=ClaimKind.NUMBER) == [
        ("10", Verdict.TRUE)]  # K2.size
    assert judged("Klaster 1 beranggotakan lima provinsi.", kind=ClaimKind.COUNT) == [("lima provinsi", Verdict.TRUE)]


def test_the_condition_of_a_count_is_no_claim_about_the_cluster_mean():
    # three of K2's ten members are above the reference on UHH, while K2's mean is below it: no direction claim is made
    claims = judged("Tiga anggota Klaster 2 memiliki umur harapan hidup di atas rata-rata provinsi.")
    assert claims == [("Tiga anggota", Verdict.TRUE)]


def test_a_pronoun_names_the_counted_cluster():
    text = "Klaster 2 tertinggal pada umur harapan hidup. Hanya tiga dari sepuluh anggotanya yang memiliki umur harapan hidup di atas rata-rata provinsi."
    assert ("Hanya tiga dari sepuluh anggotanya", Verdict.TRUE) in judged(text, kind=ClaimKind.COUNT)  # the restriction is read with its count


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Umur harapan hidup Klaster 1 berada 2,7% di atas rata-rata provinsi, sedangkan Klaster 4 berada 4,4% di bawahnya; "
         "selisih keduanya mencapai 7,1 poin persen.", "id", ("7,1 poin persen", Verdict.TRUE)),
        ("Cluster 1 spends 34.0% more than the provincial average and Cluster 2 10.1% less, a difference of 23.9 percentage points.",
         "en", ("23.9 percentage points", Verdict.FALSE)),  # 34,0 + 10,1 = 44,1 points
        ("Life expectancy in Cluster 1 is about 7.4% higher than in Cluster 4.", "en", ("7.4%", Verdict.TRUE)),
        ("Rata-rata lama sekolah Klaster 1 sekitar 20% lebih tinggi dibanding Klaster 4.", "id", ("20%", Verdict.FALSE)),
        ("Pengeluaran per kapita Klaster 4 sekitar 41,5% lebih rendah daripada Klaster 1.", "id", ("41,5%", Verdict.TRUE)),
        ("Klaster 1 membelanjakan sekitar 6.376 ribu rupiah lebih banyak per orang per tahun dibanding Klaster 4.", "id",
         ("6.376", Verdict.TRUE)),
        ("Pengeluaran per kapita DKI Jakarta sekitar 2,6 kali lipat Papua.", "id", ("2,6", Verdict.TRUE)),
        ("The life-expectancy gap between Jakarta and Papua is 7.64 years.", "en", ("7.64", Verdict.TRUE)),
        ("Per capita expenditure in Cluster 1 is twice that of Cluster 4.", "en", ("twice", Verdict.FALSE)),  # 1,71
    ],
)
def test_percentage_points_relative_gaps_and_ratios_bind_to_their_pair(text, lang, expected):
    assert expected in judged(text, lang, ClaimKind.NUMBER)


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Harapan lama sekolah Klaster 2 tercatat 13,77 tahun. Klaster 3 bahkan lebih tinggi lagi.", "id", ("lebih tinggi lagi", Verdict.FALSE)),
        ("Cluster 4 records a life expectancy of 69.90 years; Cluster 2 is slightly lower.", "en", ("slightly lower", Verdict.FALSE)),  # the degree word is read with the comparison
        ("Dalam hal pengeluaran per kapita, Klaster 3 unggul atas Klaster 2. Namun, Klaster 2 lebih baik daripada Klaster 4.", "id",
         ("lebih baik daripada Klaster 4", Verdict.TRUE)),
        ("Cluster 2 spends more per capita than Cluster 3.", "en", ("spends more per capita than Cluster 3", Verdict.FALSE)),
        ("Penduduk Klaster 3 hidup lebih lama dibandingkan penduduk Klaster 1.", "id",
         ("hidup lebih lama dibandingkan penduduk Klaster 1", Verdict.FALSE)),
    ],
)
def test_a_comparison_takes_its_indicator_or_object_from_the_context(text, lang, expected):
    assert expected in judged(text, lang, ClaimKind.RANK)


def test_any_other_cluster_means_each_of_them():
    claims = judged("Households in Cluster 1 spend more per capita than those of any other cluster.", "en", ClaimKind.RANK)
    assert len(claims) == 3 and all(v == Verdict.TRUE for _, v in claims)
    claims = judged("Klaster 3 membelanjakan lebih banyak per kapita dibandingkan klaster lain mana pun.", "id", ClaimKind.RANK)
    assert Verdict.FALSE in {v for _, v in claims}  # K1 spends more than K3


def test_the_number_of_a_cluster_name_counts_nothing():
    # "Klaster 3 memiliki … anggota …": 3 names the cluster; the sentence is a direction claim, not a count of 3 members
    claims = Verifier(facts_for(), locale="id").verify_markdown("Klaster 3 memiliki jumlah anggota keluarga yang di atas rata-rata.").claims
    assert not [c for c in claims if c.kind == ClaimKind.COUNT]
    # a count right after a cluster word is still a count: "kelompok 14 provinsi ini" has 14 members
    counted = judged("Klaster 3, kelompok 14 provinsi ini, memiliki umur harapan hidup di atas 68 tahun.", kind=ClaimKind.COUNT)
    assert counted and counted[0][0].startswith("14 provinsi")


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # the digit of a cluster's name is no count: "lima provinsi" is the size
        ("Klaster 1 beranggotakan lima provinsi.", "id", [("lima provinsi", Verdict.TRUE)]),
        # a cluster that is the object of a comparison is not in the counted group; "only" is read with its count
        ("Cluster 2's life expectancy is lower than Cluster 3's, and only three of its ten provinces exceed the provincial average.", "en",
         [("only three of its ten provinces", Verdict.TRUE)]),
        ("Cluster 2's life expectancy is lower than Cluster 3's, and only one of its ten provinces exceeds the provincial average.", "en",
         [("only one of its ten provinces", Verdict.FALSE)]),
        # each count takes the indicator named between it and its condition (K1: one member below on HLS)
        ("Seluruh anggota Klaster 1 memiliki rata-rata lama sekolah di atas rata-rata provinsi, meski hanya satu anggotanya mencatat "
         "harapan lama sekolah di bawah rata-rata provinsi.", "id", [("hanya satu anggotanya", Verdict.TRUE)]),
    ],
)
def test_a_counts_group_and_indicator_are_the_ones_its_own_words_name(text, lang, expected):
    assert judged(text, lang, ClaimKind.COUNT) == expected


def test_a_quantified_direction_is_claimed_from_its_quantifier_on_and_on_the_indicator_inside_it():
    found = judged("Seluruh anggota Klaster 1 memiliki rata-rata lama sekolah di atas rata-rata provinsi, meski dua anggotanya mencatat "
                   "harapan lama sekolah di bawah rata-rata provinsi.", "id", ClaimKind.DIRECTION)
    assert found == [("Seluruh anggota Klaster 1 memiliki rata-rata lama sekolah di atas rata-rata provinsi", Verdict.TRUE)]


def test_none_of_its_members_is_the_quantifier_not_a_count():
    found = judged("Cluster 1 leads: none of its five provinces falls below the provincial average on mean years of schooling.", "en")
    assert ("five provinces", Verdict.FALSE) not in found and not [v for _, v in found if v == Verdict.FALSE]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # every member below a bound is the members' maximum below it (K4's mean is 9.000, its maximum 11.069 ribu rupiah)
        ("All provinces in Cluster 4 have per capita expenditure below IDR 11 million.", "en", [("All provinces in Cluster 4 have per capita expenditure below IDR 11 million", Verdict.FALSE)]),
        ("All provinces in Cluster 4 have per capita expenditure below IDR 11.1 million.", "en", [("All provinces in Cluster 4 have per capita expenditure below IDR 11.1 million", Verdict.TRUE)]),
        ("Tidak satu pun anggota Klaster 4 memiliki pengeluaran per kapita di atas Rp11 juta.", "id", [("Tidak satu pun anggota Klaster 4 memiliki pengeluaran per kapita di atas Rp11 juta", Verdict.FALSE)]),
        # an excepted unit is left out (K4 without Papua: HLS from 12,88, RLS up to 8,13)
        ("Selain Papua, seluruh anggota Klaster 4 memiliki HLS di atas 12,5 tahun.", "id", [("seluruh anggota Klaster 4 memiliki HLS di atas 12,5 tahun", Verdict.TRUE)]),
        ("Di luar Papua, tak satu pun anggota Klaster 4 yang RLS-nya melampaui 8 tahun.", "id", [("tak satu pun anggota Klaster 4 yang RLS-nya melampaui 8 tahun", Verdict.FALSE)]),
    ],
)
def test_a_bound_said_of_every_member_is_checked_on_the_members_not_the_mean_and_quoted_from_its_quantifier(text, lang, expected):
    assert judged(text, lang, ClaimKind.NUMBER) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [  # K2: 3 of its 10 members above the provincial average on UHH
        ("Kurang dari separuh anggota Klaster 2 memiliki umur harapan hidup di atas rata-rata provinsi.", "id",
         [("Kurang dari separuh anggota", Verdict.TRUE)]),
        ("Lebih dari separuh anggota Klaster 2 memiliki umur harapan hidup di atas rata-rata provinsi.", "id",
         [("Lebih dari separuh anggota", Verdict.FALSE)]),
        ("Fewer than half of the ten members of Cluster 2 have a life expectancy above the provincial average.", "en",
         [("Fewer than half of the ten members", Verdict.TRUE)]),
        ("Fewer than half of the twelve members of Cluster 2 have a life expectancy above the provincial average.", "en",
         [("Fewer than half of the twelve members", Verdict.FALSE)]),  # the share holds, the group's size does not
        ("Just over half of the members of Cluster 2 have a life expectancy above the provincial average.", "en",
         [("Just over half of the members", Verdict.FALSE)]),
    ],
)
def test_more_or_fewer_than_a_share_is_a_strict_bound(text, lang, expected):
    assert judged(text, lang, ClaimKind.COUNT) == expected


@pytest.mark.parametrize(
    ("text", "lang", "verdict"),
    [
        ("Kurang dari separuh anggota Klaster 2—tiga provinsi—memiliki umur harapan hidup di atas rata-rata provinsi.", "id", Verdict.TRUE),
        ("Kurang dari separuh anggota Klaster 2—empat provinsi—memiliki umur harapan hidup di atas rata-rata provinsi.", "id", Verdict.FALSE),
        ("Fewer than half of its members — three provinces — have a life expectancy above the provincial average.", "en", Verdict.TRUE),
    ],
)
def test_a_count_set_beside_a_share_restates_it_under_the_same_condition(text, lang, verdict):
    text = ("Klaster 2 tertinggal. " if lang == "id" else "Cluster 2 lags behind. ") + text
    counts = dict(judged(text, lang, ClaimKind.COUNT))
    assert counts[next(w for w in counts if w.split()[0] in {"tiga", "empat", "three"})] == verdict


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [  # the bootstrap finds 13 of the 34 provinces unstable (K1: 3, K2: 6, K3: 3, K4: 1)
        ("Sebanyak 13 provinsi tergolong tidak stabil.", "id", [("13 provinsi", Verdict.TRUE)]),
        ("Sebanyak 15 provinsi tergolong tidak stabil.", "id", [("15 provinsi", Verdict.FALSE)]),
        ("Overall, 13 of the 34 provinces are flagged as unstable.", "en", [("13 of the 34 provinces", Verdict.TRUE)]),
        ("Overall, 13 of the 33 provinces are flagged as unstable.", "en", [("13 of the 33 provinces", Verdict.FALSE)]),
        ("In Cluster 2, six provinces are unstable.", "en", [("six provinces", Verdict.TRUE)]),
        ("Di Klaster 4, tiga provinsi tidak stabil.", "id", [("tiga provinsi", Verdict.FALSE)]),
    ],
)
def test_a_count_of_unstable_units_is_bound_to_the_bootstrap(text, lang, expected):
    claims = judged(text, lang)
    assert [(w, v) for w, v in claims if w in dict(expected)] == expected
    assert not [c for c in claims if c[0] in {"unstable", "tidak stabil"}]  # no claim on the cluster's Jaccard


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [  # K2: 3 of its 10 members above the provincial average on UHH (Sumatera Barat among them; Bali is in K1)
        ("Klaster 2 tertinggal pada umur harapan hidup. Hanya tiga di antaranya memiliki umur harapan hidup di atas rata-rata provinsi.", "id",
         [("Hanya tiga di antaranya", Verdict.TRUE)]),
        ("Cluster 2 lags on life expectancy. Only four of them have a life expectancy above the provincial average.", "en",
         [("Only four of them", Verdict.FALSE)]),
        ("Hanya tiga di antaranya memiliki umur harapan hidup di atas rata-rata provinsi.", "id",
         [("Hanya tiga di antaranya", Verdict.UNVERIFIABLE)]),  # "them" stands for no cluster: never every unit of the data
    ],
)
def test_a_count_of_them_counts_the_members_of_the_cluster_the_text_is_about(text, lang, expected):
    assert judged(text, lang, ClaimKind.COUNT) == expected


@pytest.mark.parametrize(
    ("names", "verdict"),
    [("Sumatera Utara, Sumatera Barat and Kalimantan Utara", Verdict.TRUE),  # K2's three above the average on UHH
     ("Sumatera Utara, Sumatera Barat and Bengkulu", Verdict.FALSE)],  # Bengkulu: 73.11, just below 73.13
)
def test_a_province_set_beside_a_count_must_meet_its_condition(names, verdict):
    text = f"Cluster 2 lags on life expectancy. Only three of them, {names}, have a life expectancy above the provincial average."
    assert dict(judged(text, "en", ClaimKind.COUNT))["Only three of them"] == verdict


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [  # K2: 7 of its 10 members below the provincial average on UHH, 3 above; K4: all 5 below on UHH
        # "of them" with no cluster in its clause counts the cluster the sentence named before it
        ("In Cluster 2, seven of the ten provinces have a life expectancy below the provincial average, while 3 of them are above "
         "the provincial average on life expectancy.", "en", [("seven of the ten provinces", Verdict.TRUE), ("3 of them", Verdict.TRUE)]),
        ("Cluster 4 is behind: 4 of its 5 members have expected schooling below the provincial average, while 2 of them are above "
         "the provincial average on life expectancy.", "en", [("4 of its 5 members", Verdict.TRUE), ("2 of them", Verdict.FALSE)]),
        # a restricted number with no unit noun, right before a direction word, counts the group of the count before it
        ("Seven of the ten members of Cluster 2 have a life expectancy below the provincial average, and just 3 exceed the provincial average.",
         "en", [("Seven of the ten members", Verdict.TRUE), ("just 3", Verdict.TRUE)]),
        ("Seven of the ten members of Cluster 2 have a life expectancy below the provincial average, and just 4 exceed the provincial average.",
         "en", [("Seven of the ten members", Verdict.TRUE), ("just 4", Verdict.FALSE)]),
        # a count that ends its clause takes the condition of the count before it, on the indicator its own clause names
        ("Di Klaster 2, tujuh provinsi memiliki harapan lama sekolah di bawah rata-rata provinsi, sedangkan untuk umur harapan hidup "
         "hanya tujuh provinsi.", "id", [("tujuh provinsi", Verdict.FALSE), ("hanya tujuh provinsi", Verdict.TRUE)]),
        # "the rest" of the group, above the reference a pronoun stands for: the two counts must also make up the group
        ("In Cluster 2, seven provinces have a life expectancy below the provincial average; the other three sit above it.", "en",
         [("seven provinces", Verdict.TRUE), ("the other three", Verdict.TRUE)]),
        ("Di Klaster 2, tujuh provinsi memiliki umur harapan hidup di bawah rata-rata provinsi; tiga lainnya sedikit di atasnya.", "id",
         [("tujuh provinsi", Verdict.TRUE), ("tiga lainnya", Verdict.TRUE)]),
        ("Di Klaster 2, tujuh provinsi memiliki umur harapan hidup di bawah rata-rata provinsi; empat lainnya sedikit di atasnya.", "id",
         [("tujuh provinsi", Verdict.TRUE), ("empat lainnya", Verdict.FALSE)]),
    ],
)
def test_a_count_after_another_in_its_sentence_shares_its_group_and_may_share_its_condition(text, lang, expected):
    assert judged(text, lang, ClaimKind.COUNT) == expected


def test_a_restricted_number_with_no_count_before_it_is_no_count():
    assert not judged("Cluster 2 has just 3 exceeding the provincial average.", "en", ClaimKind.COUNT)


@pytest.mark.parametrize(("text", "expected"), [
    # the condition after a quantifier ("seluruhnya …") is the quantifier's: the number before it is the group's size (K2: 10)
    ("Dari sepuluh anggota Klaster 2, seluruhnya memiliki harapan lama sekolah di atas rata-rata provinsi.", [("sepuluh anggota", Verdict.TRUE)]),
    ("Dari sembilan anggota Klaster 2, seluruhnya memiliki harapan lama sekolah di atas rata-rata provinsi.", [("sembilan anggota", Verdict.FALSE)]),
])
def test_a_number_before_a_quantifier_is_the_groups_size(text, expected):
    found = judged(text, "id", ClaimKind.COUNT)
    assert found == expected
    assert not [c for c in Verifier(facts_for(), units=load_dataset(None, None).values).verify_text(text).claims if c.fact_id and "n_above" in c.fact_id and c.kind == ClaimKind.COUNT]


# Probe sentences of round 11 (written for the mechanisms, not taken from the corpus): default data, k = 4, reference = the
# plain mean of the provinces (UHH 73,13; HLS 13,30). Every one of them was misjudged or missed before.
@pytest.mark.parametrize(
    ("text", "lang", "value", "verdict"),
    [
        # a universal whose cluster or size stands inside it is a count of the whole group
        ("Every Cluster 4 province spends less than 11.5 million rupiah per person per year.", "en", "Every Cluster 4 province", Verdict.TRUE),
        ("All five provinces of Cluster 1 have a life expectancy above 75 years.", "en", "All five provinces", Verdict.FALSE),
        ("Kelima provinsi Klaster 4 memiliki rata-rata lama sekolah di bawah 8,5 tahun.", "id", "Kelima provinsi", Verdict.TRUE),
        ("Cluster 3 is the largest group, and each one of its fourteen provinces records a life expectancy above 73 years.", "en",
         "each one of its fourteen provinces", Verdict.TRUE),
        ("Setiap provinsi Klaster 2 memiliki harapan lama sekolah di atas 13,5 tahun.", "id", "Setiap provinsi", Verdict.FALSE),
        ("All five members of Cluster 1 fall short of 75 years of life expectancy.", "en", "All five members", Verdict.FALSE),
        # "all but N": the group less N
        ("All but one of the members of Cluster 4 have expected schooling below 13.3 years.", "en", "All but one of the members", Verdict.TRUE),
        ("Semua anggota Klaster 1 kecuali satu memiliki pengeluaran di atas Rp14 juta.", "id", "Semua anggota Klaster 1 kecuali satu", Verdict.TRUE),
        ("Every member of Cluster 2 except two has a life expectancy above 71 years.", "en", "Every member of Cluster 2 except two", Verdict.FALSE),
        # members left out by name are not counted (Papua's 11,15 would fail; Sulawesi Selatan's 13,54 still does)
        ("Apart from Papua, every Cluster 4 province has expected schooling above 12.5 years.", "en", "every Cluster 4 province", Verdict.TRUE),
        ("Kecuali Jawa Timur, setiap provinsi Klaster 3 memiliki harapan lama sekolah di bawah 13,35 tahun.", "id", "setiap provinsi", Verdict.FALSE),
        # a count of members is of the cluster the text is about, never of the whole data
        ("Cluster 1 is the richest group. Only two members spend more than 15 million rupiah.", "en", "Only two members", Verdict.FALSE),
        ("Klaster 4 tertinggal pada hampir semua indikator. Hanya dua anggota memiliki harapan lama sekolah di atas 13,2 tahun.", "id",
         "Hanya dua anggota", Verdict.TRUE),
        ("Only three members spend more than 15 million rupiah.", "en", "Only three members", Verdict.UNVERIFIABLE),
        # a demonstrative stands for the reference the paragraph's previous sentence named
        ("Cluster 2 sits below the provincial average on life expectancy. Yet six of its ten members are above that line.", "en",
         "six of its ten members", Verdict.FALSE),
        ("Cluster 2 sits below the provincial average on life expectancy. Still, three of its ten members are above that level.", "en",
         "three of its ten members", Verdict.TRUE),
        ("Klaster 3 berada di atas rata-rata provinsi pada umur harapan hidup. Sebelas dari 14 anggotanya berada di atas angka itu.", "id",
         "Sebelas dari 14 anggotanya", Verdict.FALSE),
        # "X of Y" with its predicate elided: the condition of the count before it, on the group its own clause names
        ("Three of the 14 provinces in Cluster 3 have expected schooling above the provincial average, while in Cluster 4 two of five are.", "en",
         "two of five", Verdict.FALSE),
        ("Di Klaster 2, tujuh dari sepuluh anggota memiliki umur harapan hidup di bawah rata-rata provinsi, sedangkan di Klaster 4 lima dari lima.", "id",
         "lima dari lima", Verdict.TRUE),
        # "clears N" is above N
        ("In Cluster 4, only one of the five provinces clears 13.3 years of expected schooling.", "en", "only one of the five provinces", Verdict.TRUE),
    ],
)
def test_a_quantified_or_elided_count_is_judged_on_its_whole_group(text, lang, value, verdict):
    assert (value, verdict) in judged(text, lang, ClaimKind.COUNT)


def test_a_universal_before_a_possessive_counts_nothing():
    # "each region's leading commodities" names what belongs to them (the English brief's IKM advice was judged a false count)
    text = "Develop small and medium industries around each region's leading commodities to raise incomes."
    assert judged(text, "en", ClaimKind.COUNT) == []
    assert judged("Every Cluster 4 province spends less than 11.5 million rupiah per person per year.", "en", ClaimKind.COUNT) != []


def claimed(text: str, lang: str) -> list[tuple[str, Verdict, ClaimKind]]:
    report = Verifier(facts_for(), locale=lang, units=load_dataset(None, None).values).verify_markdown(text)
    return [(c.value, c.verdict, c.kind) for c in report.claims]


# Round-11 probes (2), written for the mechanisms: each province listed beside a count is a claim of its own (Gorontalo's
# 13,16 is not above 13,2; K1 has four members above 13,3, not three); a threshold written as the reference's value states it;
# "all four indicators" / "keenam indikator" count the data's indicators; "kelima provinsi" is the group's size.
@pytest.mark.parametrize(("text", "lang", "value", "verdict", "kind"), [
    ("Two of the five members of Cluster 4 (Papua Barat and Gorontalo) have expected schooling above 13.2 years.", "en",
     "Papua Barat", Verdict.TRUE, ClaimKind.DIRECTION),
    ("Two of the five members of Cluster 4 (Papua Barat and Gorontalo) have expected schooling above 13.2 years.", "en",
     "Gorontalo", Verdict.FALSE, ClaimKind.DIRECTION),
    ("Tiga anggota Klaster 1 (DKI Jakarta, Bali dan Kalimantan Timur) memiliki harapan lama sekolah di atas 13,3 tahun.", "id",
     "Kalimantan Timur", Verdict.TRUE, ClaimKind.DIRECTION),
    ("Tiga anggota Klaster 1 (DKI Jakarta, Bali dan Kalimantan Timur) memiliki harapan lama sekolah di atas 13,3 tahun.", "id",
     "Tiga anggota", Verdict.FALSE, ClaimKind.COUNT),
    ("Only three of the ten members of Cluster 2 clear 73.13 years of life expectancy.", "en", "73.13", Verdict.TRUE, ClaimKind.NUMBER),
    ("Only three of the ten members of Cluster 2 clear 73.13 years of life expectancy.", "en", "Only three of the ten members", Verdict.TRUE,
     ClaimKind.COUNT),
    ("Cluster 1 leads on all four indicators.", "en", "all four indicators", Verdict.TRUE, ClaimKind.COUNT),
    ("Klaster 1 unggul pada keenam indikator.", "id", "keenam indikator", Verdict.FALSE, ClaimKind.COUNT),
    ("Bantuan diarahkan ke kelima provinsi Klaster 4.", "id", "kelima provinsi", Verdict.TRUE, ClaimKind.COUNT),
    ("Bantuan diarahkan ke ketujuh provinsi Klaster 4.", "id", "ketujuh provinsi", Verdict.FALSE, ClaimKind.COUNT),
])
def test_the_members_threshold_and_indicators_a_count_names_are_claims_of_their_own(text, lang, value, verdict, kind):
    assert (value, verdict, kind) in claimed(text, lang)


def test_a_threshold_that_is_not_the_reference_and_both_indicators_are_no_claims():
    assert not [v for v, _, k in claimed("Only seven of the ten members of Cluster 2 live longer than 71 years.", "en") if k == ClaimKind.NUMBER]
    assert "kedua indikator" not in {v for v, _, _ in claimed("Klaster 4 tertinggal pada kedua indikator pendidikan.", "id")}


# Round-11 probes (3): "the only member" / "satu-satunya anggota" counts one, and the unit its clause names must be that one
# (K4 above Rp10 juta: Gorontalo alone; above Rp9,5 juta: Gorontalo and Sulawesi Barat; HLS above 13,3: Papua Barat alone).
@pytest.mark.parametrize(("text", "lang", "value", "verdict"), [
    ("Gorontalo is the only member of Cluster 4 spending more than 10 million rupiah.", "en", "the only member", Verdict.TRUE),
    ("Sulawesi Barat is the only member of Cluster 4 spending more than 9.5 million rupiah.", "en", "the only member", Verdict.FALSE),
    ("Papua Barat menjadi satu-satunya anggota Klaster 4 dengan harapan lama sekolah di atas 13,3 tahun.", "id", "satu-satunya anggota", Verdict.TRUE),
    ("Nusa Tenggara Timur menjadi satu-satunya anggota Klaster 4 dengan harapan lama sekolah di atas 13,3 tahun.", "id", "satu-satunya anggota",
     Verdict.FALSE),
])
def test_the_only_member_is_a_count_of_one_said_of_the_unit_its_clause_names(text, lang, value, verdict):
    assert (value, verdict) in judged(text, lang, ClaimKind.COUNT)


# Round-11 probes (4): the provinces listed after a count's threshold with "namely" / "yaitu" are each a claim of their own
# (K4 HLS above 13,2: Papua Barat 13,34 yes, Gorontalo 13,16 no; K1 spending above Rp15 juta: DKI Jakarta alone).
@pytest.mark.parametrize(("text", "lang", "value", "verdict"), [
    ("Cluster 4 lags on schooling. Only two members have expected schooling above 13.2 years, namely Papua Barat and Gorontalo.", "en",
     "Papua Barat", Verdict.TRUE),
    ("Cluster 4 lags on schooling. Only two members have expected schooling above 13.2 years, namely Papua Barat and Gorontalo.", "en",
     "Gorontalo", Verdict.FALSE),
    ("Klaster 1 unggul. Hanya satu anggota memiliki pengeluaran di atas Rp15 juta, yaitu DKI Jakarta.", "id", "DKI Jakarta", Verdict.TRUE),
    ("Klaster 1 unggul. Hanya satu anggota memiliki pengeluaran di atas Rp15 juta, yaitu Bali.", "id", "Bali", Verdict.FALSE),
])
def test_the_provinces_listed_after_a_counts_threshold_are_each_judged(text, lang, value, verdict):
    assert (value, verdict, ClaimKind.DIRECTION) in claimed(text, lang)
