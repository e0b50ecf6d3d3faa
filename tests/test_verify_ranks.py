"""Rank and superlative claims (interpret/verification/ranks.py): the scope a superlative ranks in (among the
clusters, among the multi-member clusters, within a unit's cluster) and hyphenated ordinals."""

from __future__ import annotations

import pytest

from interpret.terms import ClaimKind, Verdict
from interpret.verification import Verifier

from .test_verify import facts_for


def ranks(text: str, lang: str = "en", k: int = 4, markdown: bool = False):
    verifier = Verifier(facts_for(k), locale=lang)
    report = verifier.verify_markdown(text) if markdown else verifier.verify_text(text)
    return [(c.fact_id, c.verdict) for c in report.claims if c.kind == ClaimKind.RANK]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # k = 5, life expectancy: 1 > 3 > 2 > 4 > 5; a hyphen between the ordinal and the superlative keeps the ordinal
        ("Cluster 4's life expectancy is the second-lowest of the five clusters.", "en", [("K4.UHH.rank", Verdict.TRUE)]),
        ("Cluster 2's life expectancy is the second-lowest of the five clusters.", "en", [("K2.UHH.rank", Verdict.FALSE)]),
        ("Umur harapan hidup Klaster 4 kedua terendah dari kelima klaster.", "id", [("K4.UHH.rank", Verdict.TRUE)]),
        # expected schooling: 1 > 2 > 4 > 3 > 5 (Papua, alone); without the singleton Cluster 3 is the last
        ("Cluster 3's expected years of schooling is the lowest of the four multi-province clusters.", "en", [("K3.HLS.rank", Verdict.TRUE)]),
        ("Cluster 4's expected years of schooling is the lowest of the four multi-province clusters.", "en", [("K4.HLS.rank", Verdict.FALSE)]),
        ("Harapan lama sekolah Klaster 3 terendah di antara keempat klaster beranggota banyak.", "id", [("K3.HLS.rank", Verdict.TRUE)]),
        ("Cluster 3's expected years of schooling is the lowest of the five clusters.", "en", [("K3.HLS.rank", Verdict.FALSE)]),
    ],
)
def test_a_superlative_among_the_clusters_ranks_the_cluster(text, lang, expected):
    assert ranks(text, lang, k=5) == expected


def test_a_cluster_named_by_this_is_ranked_among_the_clusters_not_as_a_unit():
    # k = 4, expected schooling: Cluster 3 is third, not the lowest; "in this cluster" does not make it a unit's rank
    text = "## Cluster 3\n\nExpected years of schooling in this cluster is the lowest of the four clusters."
    assert ranks(text, markdown=True) == [("K3.HLS.rank", Verdict.FALSE)]
    text = "## Klaster 4\n\nHarapan lama sekolah di klaster ini adalah yang terendah di antara keempat klaster."
    assert ranks(text, "id", markdown=True) == [("K4.HLS.rank", Verdict.TRUE)]


def test_a_singleton_said_to_be_lowest_of_all_clusters_is_its_own_cluster():
    text = "With five clusters, Papua forms a cluster of its own, whose expenditure is the lowest of all the clusters."
    assert ranks(text, k=5) == [("K5.Pengeluaran.rank", Verdict.TRUE)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Nusa Tenggara Barat has the lowest mean schooling of Cluster 2 (k = 4), Sulawesi Tengah the second lowest
        ("Cluster 2 leads Cluster 4 on schooling, although Nusa Tenggara Barat has the lowest mean years of schooling within it.",
         ("UNIT.Nusa_Tenggara_Barat.RLS.rank_low_cluster", Verdict.TRUE)),
        ("Cluster 2 leads Cluster 4 on schooling, although Sulawesi Tengah has the lowest mean years of schooling within it.",
         ("UNIT.Sulawesi_Tengah.RLS.rank_low_cluster", Verdict.FALSE)),
    ],
)
def test_within_it_ranks_the_unit_among_its_cluster(text, expected):
    assert expected in ranks(text)


def test_an_indicator_after_a_comma_is_not_ranked_by_the_superlative_before_it():
    # k = 4, life expectancy: 1 > 3 > 2 > 4
    assert ("K3.UHH.rank", Verdict.TRUE) in ranks("Cluster 3's life expectancy is the second highest, yet its expenditure trails Cluster 1.")
    assert [r for r in ranks("Cluster 3's life expectancy is the second highest, yet its expenditure trails Cluster 1.")
            if r[0].endswith(".rank")] == [("K3.UHH.rank", Verdict.TRUE)]
    assert [r for r in ranks("Cluster 2's life expectancy is the second highest, while its expenditure trails Cluster 1.")
            if r[0].endswith(".rank")] == [("K2.UHH.rank", Verdict.FALSE)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # k = 4: Maluku has the highest mean schooling of Cluster 2, Bali the lowest of Cluster 1
        ("On mean years of schooling, the cluster's best performer, Maluku, averages over ten years.",
         ("UNIT.Maluku.RLS.rank_high_cluster", Verdict.TRUE)),
        ("On mean years of schooling, the cluster's best performer, Bali, averages close to nine years.",
         ("UNIT.Bali.RLS.rank_high_cluster", Verdict.FALSE)),
    ],
)
def test_a_unit_in_apposition_after_the_superlative_is_the_one_ranked(text, expected):
    assert expected in ranks(text)


@pytest.mark.parametrize(
    ("superlative", "verdict"),
    [("terendah", Verdict.TRUE), ("tertinggi", Verdict.FALSE)],
)
def test_a_one_member_clusters_national_place_is_its_members(superlative, verdict):
    text = f"## Klaster 5\n\nPengeluaran per kapita di klaster ini hanya sekitar Rp7,6 juta, {superlative} dari 34 provinsi."
    wanted = "rank_low" if superlative == "terendah" else "rank_high"
    assert (f"UNIT.Papua.Pengeluaran.{wanted}", verdict) in ranks(text, "id", k=5, markdown=True)


@pytest.mark.parametrize(
    ("text", "lang", "k", "markdown", "expected"),
    [
        # k = 4: Maluku has the lowest life expectancy of Cluster 2, not of the country; "its" is Maluku, the cluster only
        # scoped the previous superlative
        ("Maluku records the highest mean years of schooling in Cluster 2. Its life expectancy is the lowest in its cluster "
         "and the lowest in the country.", "en", 4, False,
         [("UNIT.Maluku.RLS.rank_high_cluster", Verdict.TRUE), ("UNIT.Maluku.UHH.rank_low_cluster", Verdict.TRUE),
          ("UNIT.Maluku.UHH.rank_low", Verdict.FALSE)]),
        ("Sulawesi Tengah records the highest expected schooling in Cluster 2. Its life expectancy is the lowest in its cluster.",
         "en", 4, False,
         [("UNIT.Sulawesi_Tengah.HLS.rank_high_cluster", Verdict.FALSE), ("UNIT.Sulawesi_Tengah.UHH.rank_low_cluster", Verdict.FALSE)]),
        # "below the national average" is a comparison, not the national scope of the superlative
        ("Within Cluster 2, West Nusa Tenggara stands out: its mean years of schooling is the lowest in the cluster and below "
         "the national average.", "en", 4, False, [("UNIT.Nusa_Tenggara_Barat.RLS.rank_low_cluster", Verdict.TRUE)]),
        # a cluster that only locates the unit is no antecedent of "its"; the cluster after "every member of" is a comparison's
        ("Nusa Tenggara Barat belongs to Cluster 2, yet its mean schooling is the lowest in that cluster and below every member "
         "of Cluster 4 except Papua.", "en", 4, False,
         [("UNIT.Nusa_Tenggara_Barat.RLS.value", Verdict.TRUE), ("UNIT.Nusa_Tenggara_Barat.RLS.rank_low_cluster", Verdict.TRUE)]),
        # the frame the sentence opens with ranks the members named in its later clauses, on the same indicator
        ("Inside Cluster 3, Jawa Barat records the highest life expectancy, while Kalimantan Tengah records the lowest.", "en", 4, False,
         [("UNIT.Jawa_Barat.UHH.rank_high_cluster", Verdict.TRUE), ("UNIT.Kalimantan_Tengah.UHH.rank_low_cluster", Verdict.TRUE)]),
        ("Inside Cluster 3, Jawa Barat records the highest life expectancy, while Jawa Timur records the lowest.", "en", 4, False,
         [("UNIT.Jawa_Barat.UHH.rank_high_cluster", Verdict.TRUE), ("UNIT.Jawa_Timur.UHH.rank_low_cluster", Verdict.FALSE)]),
        # an earlier clause's "tertinggi di klaster ini" scopes the next clause's superlative about a member
        ("## Klaster 4\n\nPapua Barat mencatat harapan lama sekolah tertinggi di klaster ini, sedangkan Gorontalo memiliki "
         "pengeluaran tertinggi.", "id", 4, True,
         [("UNIT.Papua_Barat.HLS.rank_high_cluster", Verdict.TRUE), ("UNIT.Gorontalo.Pengeluaran.rank_high_cluster", Verdict.TRUE)]),
        ("## Klaster 4\n\nPapua Barat mencatat harapan lama sekolah tertinggi di klaster ini, sedangkan Sulawesi Barat memiliki "
         "pengeluaran tertinggi.", "id", 4, True,
         [("UNIT.Papua_Barat.HLS.rank_high_cluster", Verdict.TRUE), ("UNIT.Sulawesi_Barat.Pengeluaran.rank_high_cluster", Verdict.FALSE)]),
        # k = 5: "the members of Cluster 4 …, with X the highest" ranks X among them
        ("Sebagian besar anggota Klaster 4 memiliki harapan lama sekolah di atas angka nasional, dengan Nusa Tenggara Barat "
         "sebagai yang tertinggi.", "id", 5, False, [("UNIT.Nusa_Tenggara_Barat.HLS.rank_high_cluster", Verdict.TRUE)]),
        ("Sebagian besar anggota Klaster 4 memiliki harapan lama sekolah di atas angka nasional, dengan Maluku Utara "
         "sebagai yang tertinggi.", "id", 5, False, [("UNIT.Maluku_Utara.HLS.rank_high_cluster", Verdict.FALSE)]),
        ("Most members of Cluster 4 have expected schooling above the national figure, with Nusa Tenggara Barat the highest.",
         "en", 5, False, [("UNIT.Nusa_Tenggara_Barat.HLS.rank_high_cluster", Verdict.TRUE)]),
    ],
)
def test_a_units_superlative_is_ranked_in_the_scope_its_sentence_sets(text, lang, k, markdown, expected):
    assert ranks(text, lang, k=k, markdown=markdown) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # k = 4, expected schooling: D.I. Yogyakarta > Aceh > …; a place said by a noun, with the national scope before it
        ("Aceh, with expected schooling of 14.4 years, is the top province nationally.", "en", [("UNIT.Aceh.HLS.rank_high", Verdict.FALSE)]),
        ("D.I. Yogyakarta, with expected schooling of 15.7 years, is the top province nationally.", "en",
         [("UNIT.D_I_Yogyakarta.HLS.rank_high", Verdict.TRUE)]),
        ("Sulawesi Utara mencatat harapan lama sekolah 13,5 tahun, jauh di bawah Bali, sang runner-up nasional.", "id",
         [("UNIT.Sulawesi_Utara.HLS.value", Verdict.TRUE), ("UNIT.Bali.HLS.rank_high", Verdict.FALSE)]),
        ("Sulawesi Utara mencatat harapan lama sekolah 13,5 tahun, jauh di bawah Aceh, sang runner-up nasional.", "id",
         [("UNIT.Sulawesi_Utara.HLS.value", Verdict.TRUE), ("UNIT.Aceh.HLS.rank_high", Verdict.TRUE)]),
        # mean schooling: DKI Jakarta > Kepulauan Riau > Maluku; the units "after" names must be the ones above it
        ("Maluku has the highest mean years of schooling in Cluster 2 and is the third-highest in Indonesia after DKI Jakarta "
         "and Kepulauan Riau.", "en",
         [("UNIT.Maluku.RLS.rank_high_cluster", Verdict.TRUE), ("UNIT.Maluku.RLS.rank_high", Verdict.TRUE), ("UNIT.Maluku.RLS.value", Verdict.TRUE)]),
        ("Rata-rata lama sekolah Maluku menempati urutan ketiga tertinggi secara nasional setelah DKI Jakarta dan D.I. Yogyakarta.", "id",
         [("UNIT.Maluku.RLS.rank_high", Verdict.TRUE), ("UNIT.Maluku.RLS.value", Verdict.FALSE)]),
        # life expectancy: DKI Jakarta > D.I. Yogyakarta > Jawa Barat
        ("D.I. Yogyakarta has a long life expectancy, second only to DKI Jakarta nationally.", "en", [("UNIT.D_I_Yogyakarta.UHH.rank_high", Verdict.TRUE)]),
        ("Jawa Barat has a long life expectancy, second only to DKI Jakarta nationally.", "en", [("UNIT.Jawa_Barat.UHH.rank_high", Verdict.FALSE)]),
    ],
)
def test_a_units_national_place_said_in_other_words(text, lang, expected):
    assert ranks(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # k = 4: Cluster 4 is last on every indicator, Cluster 3 on none
        ("Klaster 4 tertinggal paling jauh pada keempat indikator.", "id",
         [(f"K4.{f}.rank", Verdict.TRUE) for f in ("UHH", "HLS", "RLS", "Pengeluaran")]),
        ("Klaster 3 tertinggal paling jauh pada keempat indikator.", "id",
         [(f"K3.{f}.rank", Verdict.FALSE) for f in ("UHH", "HLS", "RLS", "Pengeluaran")]),
        ("Cluster 4 lags furthest behind on all four indicators.", "en",
         [(f"K4.{f}.rank", Verdict.TRUE) for f in ("UHH", "HLS", "RLS", "Pengeluaran")]),
        ("Cluster 2 trails the most on life expectancy.", "en", [("K2.UHH.rank", Verdict.FALSE)]),
        # "nilai terendah" is the lowest value, not a spread; "kelompok keempat" names the cluster, not the fourth place
        ("Klaster 3 mencatat nilai terendah pada keempat indikator.", "id",
         [(f"K3.{f}.rank", Verdict.FALSE) for f in ("UHH", "HLS", "RLS", "Pengeluaran")]),
        ("Kelompok keempat tertinggal paling jauh dalam rata-rata lama sekolah.", "id", [("K4.RLS.rank", Verdict.TRUE)]),
        ("Kelompok ketiga tertinggal paling jauh dalam rata-rata lama sekolah.", "id", [("K3.RLS.rank", Verdict.FALSE)]),
    ],
)
def test_a_cluster_said_to_lag_furthest_is_last_on_each_indicator(text, lang, expected):
    assert ranks(text, lang) == expected


def test_a_named_indicator_outranks_that_indicator():
    # the previous sentence's life expectancy is "that indicator"; the superlative ranks the expected schooling it names
    text = "Life expectancy varies little. D.I. Yogyakarta, with expected schooling of 15.7 years, is the top province nationally on that indicator."
    assert ranks(text) == [("UNIT.D_I_Yogyakarta.HLS.rank_high", Verdict.TRUE)]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # k = 4, Cluster 1 against Cluster 4 in standard deviations (z): expenditure 2.81 > life expectancy 2.70 > mean
        # schooling 2.63 > expected schooling 1.60
        ("In standard deviation units, the gap between Cluster 1 and Cluster 4 is widest on expenditure and narrowest on "
         "life expectancy.", "en", [("K1-K4.Pengeluaran.gap", Verdict.TRUE), ("K1-K4.UHH.gap", Verdict.FALSE)]),
        ("Dalam satuan simpangan baku, selisih Klaster 1 dan Klaster 4 paling lebar pada umur harapan hidup dan paling sempit "
         "pada harapan lama sekolah.", "id", [("K1-K4.UHH.gap", Verdict.FALSE), ("K1-K4.HLS.gap", Verdict.TRUE)]),
        # relative to the reference, life expectancy is the closest of the four for Cluster 1 against Cluster 4
        ("The gap between Cluster 1 and Cluster 4 is narrowest on life expectancy.", "en", [("K1-K4.UHH.gap", Verdict.TRUE)]),
        ("The gap between Cluster 1 and Cluster 4 is widest on life expectancy.", "en", [("K1-K4.UHH.gap", Verdict.FALSE)]),
    ],
)
def test_the_indicator_a_gap_between_two_clusters_is_widest_on(text, lang, expected):
    assert ranks(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # k = 4, expected schooling in Cluster 2: Aceh > Sumatera Barat > Maluku; the top of a cluster is within it
        ("On expected schooling, Aceh sits at the top of its cluster.", "en", [("UNIT.Aceh.HLS.rank_high_cluster", Verdict.TRUE)]),
        ("On expected schooling, Maluku sits at the top of its cluster.", "en", [("UNIT.Maluku.HLS.rank_high_cluster", Verdict.FALSE)]),
        ("Untuk harapan lama sekolah, Maluku menempati puncak klasternya.", "id", [("UNIT.Maluku.HLS.rank_high_cluster", Verdict.FALSE)]),
        ("Di Klaster 2, Aceh menempati puncak klaster dalam harapan lama sekolah.", "id", [("UNIT.Aceh.HLS.rank_high_cluster", Verdict.TRUE)]),
    ],
)
def test_the_top_of_a_cluster_ranks_the_unit_within_it(text, lang, expected):
    assert ranks(text, lang) == expected


def test_a_units_superlative_quotes_the_indicator_written_after_it():
    verifier = Verifier(facts_for(4), locale="en")
    report = verifier.verify_text("Inside Cluster 3, Kalimantan Tengah has the lowest life expectancy.")
    assert [(c.value, c.verdict) for c in report.claims if c.kind == ClaimKind.RANK] == [("lowest life expectancy", Verdict.TRUE)]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # k = 4: Cluster 4 spends the least and is below the reference; a gap said to be the deepest ranks the shortfall
        ("Cluster 4 is below the national figure. Its spending gap is the deepest of any cluster.", "en", [("K4.Pengeluaran.rank", Verdict.TRUE)]),
        ("Cluster 2 is below the national figure. Its spending gap is the deepest of any cluster.", "en", [("K2.Pengeluaran.rank", Verdict.FALSE)]),
        ("Kesenjangan pengeluaran Klaster 4 adalah yang terdalam di antara semua klaster.", "id", [("K4.Pengeluaran.rank", Verdict.TRUE)]),
        ("Kesenjangan pengeluaran Klaster 2 adalah yang terdalam di antara semua klaster.", "id", [("K2.Pengeluaran.rank", Verdict.FALSE)]),
    ],
)
def test_the_deepest_gap_of_any_cluster_is_the_furthest_below(text, lang, expected):
    assert ranks(text, lang) == expected


def claims_of(text: str, lang: str = "en", k: int = 4):
    report = Verifier(facts_for(k), locale=lang).verify_text(text)
    return [(str(c.value), c.fact_id, c.verdict) for c in report.claims if c.kind == ClaimKind.RANK]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # k = 4, cluster ranks: life expectancy 1 > 3 > 2 > 4, expected schooling 1 > 2 > 3 > 4, spending 1 > 3 > 2 > 4;
        # each place of a list is judged on the indicator written after it, not on every indicator of the clause
        ("Cluster 2 ranks second on expected years of schooling and third on life expectancy, but last on expenditure.", "en",
         [("K2.HLS.rank", Verdict.TRUE), ("K2.UHH.rank", Verdict.TRUE), ("K2.Pengeluaran.rank", Verdict.FALSE)]),
        ("Cluster 3 comes third on expected years of schooling, second on spending and last on life expectancy.", "en",
         [("K3.HLS.rank", Verdict.TRUE), ("K3.Pengeluaran.rank", Verdict.TRUE), ("K3.UHH.rank", Verdict.FALSE)]),
        ("Klaster 2 berada di urutan kedua untuk harapan lama sekolah, ketiga untuk pengeluaran, tetapi terakhir untuk harapan hidup.", "id",
         [("K2.HLS.rank", Verdict.TRUE), ("K2.Pengeluaran.rank", Verdict.TRUE), ("K2.UHH.rank", Verdict.FALSE)]),
        ("Klaster 3 menempati urutan kedua untuk pengeluaran, tetapi hanya urutan keempat untuk harapan hidup dan ketiga untuk harapan lama sekolah.", "id",
         [("K3.Pengeluaran.rank", Verdict.TRUE), ("K3.UHH.rank", Verdict.FALSE), ("K3.HLS.rank", Verdict.TRUE)]),
        # a filler between the position word and its ordinal
        ("Cluster 4's spending ranks only third.", "en", [("K4.Pengeluaran.rank", Verdict.FALSE)]),
        # a bare ordinal with no indicator after it is no further place
        ("Cluster 2 ranks second on expected years of schooling and first among equals.", "en", [("K2.HLS.rank", Verdict.TRUE)]),
    ],
)
def test_each_place_of_a_list_ranks_the_indicator_written_after_it(text, lang, expected):
    assert [(fact, verdict) for _, fact, verdict in claims_of(text, lang)] == expected


def test_a_place_quotes_its_indicator():
    assert [value for value, _, _ in claims_of("Cluster 1 comes first on life expectancy and second on nothing else.")] == ["comes first on life expectancy"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # k = 4, life expectancy nationally: DKI Jakarta > D.I. Yogyakarta > Jawa Barat > …; Sumatera Barat is not 11th
        ("Sumatera Barat is the best-performing member of Cluster 2 on life expectancy, ranking 1st nationally.",
         ("UNIT.Sumatera_Barat.UHH.rank_high", Verdict.FALSE)),
        ("Jawa Barat, a member of Cluster 3 with a long life expectancy, ranks 3rd nationally.", ("UNIT.Jawa_Barat.UHH.rank_high", Verdict.TRUE)),
        # the object of a comparison is not the subject of the place that follows
        ("Aceh is well ahead of Papua on spending, and ranks second on expected years of schooling.", ("UNIT.Aceh.HLS.rank_high", Verdict.TRUE)),
        ("D.I. Yogyakarta leads on expected years of schooling, ahead of second-placed Aceh, and it comes first on it.",
         ("UNIT.Aceh.HLS.rank_high", Verdict.TRUE)),
        ("D.I. Yogyakarta leads on expected years of schooling, ahead of second-placed Sumatera Barat.", ("UNIT.Sumatera_Barat.HLS.rank_high", Verdict.FALSE)),
        # "sits last among the Cluster 4 members": ranked within that cluster
        ("On life expectancy, Papua sits last among the Cluster 4 members.", ("UNIT.Papua.UHH.rank_low_cluster", Verdict.TRUE)),
        ("On life expectancy, Gorontalo sits last among the Cluster 4 members.", ("UNIT.Gorontalo.UHH.rank_low_cluster", Verdict.FALSE)),
    ],
)
def test_a_units_place_said_with_a_position_word(text, expected):
    assert expected in [(fact, verdict) for _, fact, verdict in claims_of(text)]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # k = 4: Kalimantan Timur spends the least of Cluster 1, Bali has its lowest mean schooling, D.I. Yogyakarta its highest
        # expected schooling; "weakest" / "terlemah" is a superlative, "spender" names spending
        ("Kalimantan Timur is the weakest spender in Cluster 1.", "en", ("UNIT.Kalimantan_Timur.Pengeluaran.rank_low_cluster", Verdict.TRUE)),
        ("DKI Jakarta is the weakest spender in Cluster 1.", "en", ("UNIT.DKI_Jakarta.Pengeluaran.rank_low_cluster", Verdict.FALSE)),
        ("Cluster 1 leads on mean schooling. Even its weakest member on this measure, Bali, stays above nine years.", "en",
         ("UNIT.Bali.RLS.rank_low_cluster", Verdict.TRUE)),
        ("Rata-rata lama sekolah Klaster 1 tinggi. Anggota terlemahnya, DKI Jakarta, tetap di atas sepuluh tahun.", "id",
         ("UNIT.DKI_Jakarta.RLS.rank_low_cluster", Verdict.FALSE)),
        # "the best of them, X": ranked among the cluster the sentence before named
        ("Cluster 1 has the longest life expectancy. The best of them, DKI Jakarta, lives past 75 years.", "en", ("UNIT.DKI_Jakarta.UHH.rank_high_cluster", Verdict.TRUE)),
        # "in the cluster" after a sentence that named another cluster: the unit's own
        ("Kalimantan Timur spends more than every province of Cluster 3. It also has the highest expected years of schooling in the cluster.", "en",
         ("UNIT.Kalimantan_Timur.HLS.rank_high_cluster", Verdict.FALSE)),
        # the indicator of the unit's own phrase, not another clause's
        ("Gorontalo sits above the national mean years of schooling, and Nusa Tenggara Timur's life expectancy is the highest in Cluster 4.", "en",
         ("UNIT.Nusa_Tenggara_Timur.UHH.rank_high_cluster", Verdict.TRUE)),
        ("Jawa Barat enjoys the longest life expectancy in Cluster 3.", "en", ("UNIT.Jawa_Barat.UHH.rank_high_cluster", Verdict.TRUE)),
    ],
)
def test_a_units_superlative_in_other_words(text, lang, expected):
    found = [(fact, verdict) for _, fact, verdict in claims_of(text, lang)]
    assert expected in found
    if expected[0].startswith("UNIT.Nusa_Tenggara_Timur"):
        assert not [f for f, _ in found if f.startswith("UNIT.Nusa_Tenggara_Timur.RLS")]


def test_a_list_item_quotes_the_indicator_before_its_superlative():
    values = [value for value, _, _ in claims_of("- Pengeluaran per kapita tertinggi kedua: Klaster 3", "id")]
    assert values == ["Pengeluaran per kapita tertinggi kedua"]


@pytest.mark.parametrize(
    ("text", "lang", "verdict"),
    [
        # k = 4: Cluster 1 is the highest and Cluster 4 the lowest on every indicator; no other pair is furthest apart
        ("Cluster 4 trails Cluster 1 by about five years in life expectancy, the widest gap between any two groups.", "en", Verdict.TRUE),
        ("Cluster 2 trails Cluster 1 on spending, the largest gap between any two clusters.", "en", Verdict.FALSE),
        ("Selisih pengeluaran Klaster 1 dan Klaster 4 sekitar Rp6 juta, kesenjangan terlebar antara dua klaster mana pun.", "id", Verdict.TRUE),
        ("Harapan hidup Klaster 3 dan Klaster 4 berselisih empat tahun, selisih yang terbesar antara dua klaster mana pun.", "id", Verdict.FALSE),
    ],
)
def test_the_pair_furthest_apart_is_the_highest_and_the_lowest(text, lang, verdict):
    found = [(fact, v) for _, fact, v in claims_of(text, lang) if fact and fact.endswith(".gap")]
    assert found and all(v == verdict for _, v in found)
    assert not [fact for _, fact, _ in claims_of(text, lang) if fact and fact.endswith(".rank")]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Cluster 4 pairs a short life expectancy with the highest stunting rates in the country.", "en"),
        ("Papua has the highest poverty rate nationally.", "en"),
        ("Klaster 4 mencatat angka stunting tertinggi di Indonesia.", "id"),
        ("Klaster 4 memiliki kemiskinan tertinggi, sementara harapan hidupnya terendah.", "id"),
    ],
)
def test_a_superlative_of_what_the_data_do_not_hold_is_unverifiable(text, lang):
    found = claims_of(text, lang)
    assert found[0][2] == Verdict.UNVERIFIABLE and found[0][1] is None
    # the indicator the data hold, in another clause, is still ranked
    assert all(verdict != Verdict.UNVERIFIABLE for _, fact, verdict in found[1:])


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # k = 4, expected schooling 1 > 2 > 3 > 4, spending 1 > 3 > 2 > 4; life expectancy nationally DKI Jakarta > D.I. Yogyakarta
        ("Klaster 1 memiliki harapan lama sekolah tertinggi di antara klaster, disusul Klaster 2.", "id", ("K2.HLS.rank", Verdict.TRUE)),
        ("Pengeluaran Klaster 4 terendah, disusul Klaster 3.", "id", ("K3.Pengeluaran.rank", Verdict.FALSE)),
        ("Klaster 3 berada di urutan kedua untuk pengeluaran, disusul Klaster 2.", "id", ("K2.Pengeluaran.rank", Verdict.TRUE)),
        ("Cluster 1 has the highest spending, followed closely by Cluster 2.", "en", ("K2.Pengeluaran.rank", Verdict.FALSE)),
        ("DKI Jakarta has the highest life expectancy nationally, followed by D.I. Yogyakarta.", "en", ("UNIT.D_I_Yogyakarta.UHH.rank_high", Verdict.TRUE)),
        ("Secara nasional, DKI Jakarta menempati peringkat pertama harapan hidup, disusul Jawa Barat.", "id", ("UNIT.Jawa_Barat.UHH.rank_high", Verdict.FALSE)),
    ],
)
def test_the_one_followed_by_holds_the_next_place(text, lang, expected):
    assert expected in [(fact, verdict) for _, fact, verdict in claims_of(text, lang)]


@pytest.mark.parametrize(
    ("text", "lang", "k", "expected"),
    [
        # k = 5, mean schooling 1 > 2 > 3 > 4 > 5, life expectancy 1 > 3 > 2 > 4 > 5, spending 1 > 3 > 2 > 4 > 5
        ("Di antara lima klaster, tiga terbawah dalam rata-rata lama sekolah adalah Klaster 3, Klaster 4, dan Klaster 5.", "id", 5,
         {("K3.RLS.rank", Verdict.TRUE), ("K4.RLS.rank", Verdict.TRUE), ("K5.RLS.rank", Verdict.TRUE)}),
        ("Dua teratas dalam harapan hidup adalah Klaster 1 dan Klaster 2.", "id", 5, {("K1.UHH.rank", Verdict.FALSE), ("K2.UHH.rank", Verdict.FALSE)}),
        ("The bottom two on life expectancy are Cluster 4 and Cluster 5.", "en", 5, {("K4.UHH.rank", Verdict.TRUE), ("K5.UHH.rank", Verdict.TRUE)}),
        ("The three highest on spending are Cluster 1, Cluster 2 and Cluster 4.", "en", 5,
         {("K1.Pengeluaran.rank", Verdict.FALSE), ("K2.Pengeluaran.rank", Verdict.FALSE), ("K4.Pengeluaran.rank", Verdict.FALSE)}),
    ],
)
def test_a_group_of_places_is_held_by_exactly_the_clusters_listed(text, lang, k, expected):
    assert set((fact, verdict) for _, fact, verdict in claims_of(text, lang, k)) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # k = 4, spending 1 > 3 > 2 > 4, life expectancy 1 > 3 > 2 > 4; expected schooling nationally D.I. Yogyakarta > Aceh > Sumatera Barat
        ("On spending, Cluster 3 comes second and Cluster 2 third.", "en", [("K3.Pengeluaran.rank", Verdict.TRUE), ("K2.Pengeluaran.rank", Verdict.TRUE)]),
        ("Cluster 3 ranks second on life expectancy, and Cluster 4 third.", "en", [("K3.UHH.rank", Verdict.TRUE), ("K4.UHH.rank", Verdict.FALSE)]),
        ("Klaster 1 menempati urutan pertama untuk harapan hidup, sedangkan Klaster 4 terakhir.", "id", [("K1.UHH.rank", Verdict.TRUE), ("K4.UHH.rank", Verdict.TRUE)]),
        ("On expected schooling, Aceh ranks second nationally and Sumatera Barat fourth.", "en",
         [("UNIT.Aceh.HLS.rank_high", Verdict.TRUE), ("UNIT.Sumatera_Barat.HLS.rank_high", Verdict.FALSE)]),
        # a place with a copula, only with its indicator after it; "is second only to" is the comparison's
        ("Cluster 4 is last on every indicator.", "en",
         [("K4.UHH.rank", Verdict.TRUE), ("K4.HLS.rank", Verdict.TRUE), ("K4.RLS.rank", Verdict.TRUE), ("K4.Pengeluaran.rank", Verdict.TRUE)]),
        ("Papua is first in line for support.", "en", []),
        ("Cluster 3 is second only to Cluster 1 on spending.", "en", [("K3.Pengeluaran.rank", Verdict.TRUE)]),
        # a further place in another scope, on the same indicator
        ("Maluku ranks third nationally on mean years of schooling and first in Cluster 2.", "en",
         [("UNIT.Maluku.RLS.rank_high", Verdict.TRUE), ("UNIT.Maluku.RLS.rank_high_cluster", Verdict.TRUE)]),
        ("Maluku ranks first nationally on mean years of schooling and second in Cluster 2.", "en",
         [("UNIT.Maluku.RLS.rank_high", Verdict.FALSE), ("UNIT.Maluku.RLS.rank_high_cluster", Verdict.FALSE)]),
    ],
)
def test_further_places_of_a_sentence(text, lang, expected):
    assert [(fact, verdict) for _, fact, verdict in claims_of(text, lang)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # k = 4: Nusa Tenggara Timur has Cluster 4's longest life expectancy, Papua its lowest spending, Bali Cluster 1's lowest
        # mean schooling, Maluku Cluster 2's highest; the unit named after the copula is ranked in the cluster named before
        ("Cluster 4's strongest member on life expectancy is Nusa Tenggara Timur.", [("UNIT.Nusa_Tenggara_Timur.UHH.rank_high_cluster", Verdict.TRUE)]),
        ("Cluster 4's weakest member on spending is Nusa Tenggara Timur.", [("UNIT.Nusa_Tenggara_Timur.Pengeluaran.rank_low_cluster", Verdict.FALSE)]),
        ("The weakest member of Cluster 1 on mean schooling is Bali.", [("UNIT.Bali.RLS.rank_low_cluster", Verdict.TRUE)]),
        ("Among the Cluster 2 members, Maluku has the highest mean years of schooling.", [("UNIT.Maluku.RLS.rank_high_cluster", Verdict.TRUE)]),
    ],
)
def test_a_member_superlative_ranks_the_unit_in_its_cluster(text, expected):
    assert [(fact, verdict) for _, fact, verdict in claims_of(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Anggota terkuat Klaster 4 dalam harapan hidup adalah Nusa Tenggara Timur.", [("UNIT.Nusa_Tenggara_Timur.UHH.rank_high_cluster", Verdict.TRUE)]),
        ("Anggota terlemah Klaster 1 dalam rata-rata lama sekolah adalah DKI Jakarta.", [("UNIT.DKI_Jakarta.RLS.rank_low_cluster", Verdict.FALSE)]),
    ],
)
def test_an_indonesian_member_superlative_ranks_the_unit_in_the_cluster_after_it(text, expected):
    assert [(fact, verdict) for _, fact, verdict in claims_of(text, "id")] == expected


def test_a_superlative_said_by_a_noun_is_a_rank_not_a_crash():
    # "the top performers" matched superlative_top, whose word is not in the high/low group the check read (TypeError)
    assert {verdict for _, verdict in ranks("Cluster 1 holds the top performers in life expectancy.")} == {Verdict.TRUE}
    assert {verdict for _, verdict in ranks("Cluster 4 holds the top performers in life expectancy.")} == {Verdict.FALSE}
