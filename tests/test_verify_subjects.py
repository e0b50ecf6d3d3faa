"""The verifier's subjects (issue 10): superlative scopes, parts and totals, dimension words, pronouns,
quantifiers, inferred cluster names, one-member clusters; on the shipped data (interpret/verification:
subjects.py, scope.py, ranks.py)."""

from __future__ import annotations

import pytest

from interpret.terms import ClaimKind, Verdict
from interpret.verification import Verifier

from .test_verify import claims, facts_for
from .test_verify_binding import numbers


def _claims_of(text: str, kind: ClaimKind, lang: str = "id", markdown: bool = False):
    verifier = Verifier(facts_for(), locale=lang)
    report = verifier.verify_markdown(text) if markdown else verifier.verify_text(text)
    return [(c.fact_id, c.verdict) for c in report.claims if c.kind == kind], report


def test_parts_averaged_as_the_total_and_clusters_taken_together():
    """interpret/verification/parts.py: the unweighted mean of the cluster means is not the reference; a pooled group is
    the size-weighted mean of its clusters (K1 and K4 have five members each: (75,10 + 69,90) / 2)."""
    unweighted = claims("Rata-rata dari keempat rata-rata klaster untuk umur harapan hidup sama dengan rata-rata provinsi, 73,13 tahun.")
    assert [(c.fact_id, c.verdict) for c in unweighted if c.kind == ClaimKind.NUMBER] == [("MEANS(K1..K4).UHH", Verdict.FALSE)]
    english = Verifier(facts_for(), locale="en").verify_text("The average of the cluster means for life expectancy is 72.87 years.")
    assert [(c.fact_id, c.verdict) for c in english.claims] == [("MEANS(K1..K4).UHH", Verdict.TRUE)]
    pooled = claims("Gabungan Klaster 1 dan Klaster 4 memiliki rata-rata umur harapan hidup 72,50 tahun.")
    assert [(c.fact_id, c.verdict) for c in pooled] == [("POOLED(K1+K4).UHH", Verdict.TRUE)]
    assert claims("Gabungan Klaster 1 dan Klaster 2 memiliki rata-rata umur harapan hidup 72,50 tahun.")[0].verdict == Verdict.FALSE


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Sumatera Barat memiliki umur harapan hidup tertinggi di Klaster 2.", "id", ("UNIT.Sumatera_Barat.UHH.rank_high_cluster", Verdict.TRUE)),
        ("Sumatera Barat memiliki umur harapan hidup tertinggi secara nasional.", "id", ("UNIT.Sumatera_Barat.UHH.rank_high", Verdict.FALSE)),
        ("Di dalam Klaster 4, Gorontalo mencatat pengeluaran per kapita tertinggi.", "id", ("UNIT.Gorontalo.Pengeluaran.rank_high_cluster", Verdict.TRUE)),
        ("Papua mencatat umur harapan hidup terendah di klasternya.", "id", ("UNIT.Papua.UHH.rank_low_cluster", Verdict.TRUE)),
        ("Kepulauan Riau memiliki pengeluaran per kapita tertinggi kedua di antara seluruh provinsi.", "id", ("UNIT.Kepulauan_Riau.Pengeluaran.rank_high", Verdict.TRUE)),
        ("West Sumatra has the highest life expectancy in Cluster 2.", "en", ("UNIT.Sumatera_Barat.UHH.rank_high_cluster", Verdict.TRUE)),
        ("West Sumatra has the highest life expectancy of all provinces.", "en", ("UNIT.Sumatera_Barat.UHH.rank_high", Verdict.FALSE)),
        ("East Nusa Tenggara has the highest life expectancy in its cluster.", "en", ("UNIT.Nusa_Tenggara_Timur.UHH.rank_high_cluster", Verdict.TRUE)),
        ("East Kalimantan has the highest per capita expenditure in Cluster 1.", "en", ("UNIT.Kalimantan_Timur.Pengeluaran.rank_high_cluster", Verdict.FALSE)),
    ],
)
def test_a_units_superlative_is_checked_in_the_scope_the_sentence_names(text, lang, expected):
    found, _ = _claims_of(text, ClaimKind.RANK, lang)
    assert found == [expected]


def test_a_cluster_that_only_locates_the_unit_does_not_scope_its_superlative():
    # "Jakarta is in Cluster 1, the cluster with the lowest expenditure": a claim about the cluster (false), not about Jakarta within it
    found, _ = _claims_of("Jakarta is in Cluster 1, the cluster with the lowest expenditure.", ClaimKind.RANK, "en")
    assert found == [("K1.Pengeluaran.rank", Verdict.FALSE)]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Klaster 3 kuat pada aspek kesehatan dan standar hidup layak, tetapi lemah pada aspek pendidikan.", "id",
         [("UHH", Verdict.TRUE), ("Pengeluaran", Verdict.TRUE), ("HLS", Verdict.TRUE), ("RLS", Verdict.TRUE)]),
        ("Cluster 3 is strong on health and living standards but weak on education.", "en",
         [("UHH", Verdict.TRUE), ("Pengeluaran", Verdict.TRUE), ("HLS", Verdict.TRUE), ("RLS", Verdict.TRUE)]),
        ("Cluster 1 is weak on the health dimension.", "en", [("UHH", Verdict.FALSE)]),
        ("Klaster 2 kuat pada standar hidup layak.", "id", [("Pengeluaran", Verdict.FALSE)]),
    ],
)
def test_strong_and_weak_on_a_dimension_are_directions_of_its_indicators(text, lang, expected):
    report = Verifier(facts_for(), locale=lang).verify_text(text)
    assert [(c.feature, c.verdict) for c in report.claims if c.kind == ClaimKind.DIRECTION] == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # the subject of the previous sentence's last clause, not the cluster it is compared with
        ("Klaster 3 tertinggal dari Klaster 1 pada pendidikan. Rata-rata lama sekolahnya 10,23 tahun.", "id", ("K3.RLS.mean", Verdict.FALSE)),
        ("Unlike Cluster 1, Cluster 2 sits below the average. Its life expectancy is 72.32 years.", "en", ("K2.UHH.mean", Verdict.TRUE)),
        ("Cluster 2 has a distinctive profile. Its expected schooling reaches 13.93 years, second only to Cluster 1.", "en", ("K2.HLS.mean", Verdict.FALSE)),
        # a unit whose cluster is only where it belongs
        ("Papua termasuk Klaster 4. Pengeluaran per kapitanya hanya 7.562 ribu rupiah.", "id", ("UNIT.Papua.Pengeluaran.value", Verdict.TRUE)),
        ("Papua belongs to Cluster 4. Its per capita expenditure is only 7,562 thousand rupiah.", "en", ("UNIT.Papua.Pengeluaran.value", Verdict.TRUE)),
        # members listed after their cluster are not the subject
        ("Cluster 1 — Jakarta, Bali and East Kalimantan — leads. Its life expectancy is 75.10 years.", "en", ("K1.UHH.mean", Verdict.TRUE)),
    ],
)
def test_a_pronoun_is_bound_to_the_previous_subject(text, lang, expected):
    found, _ = _claims_of(text, ClaimKind.NUMBER, lang)
    assert found[-1] == expected


def test_plural_pronouns_name_every_cluster_and_no_pronoun_crosses_a_heading():
    found, _ = _claims_of("Klaster 1 dan Klaster 4 paling jauh. Pada umur harapan hidup, selisih kedua klaster itu 5,20 tahun.", ClaimKind.NUMBER)
    assert found == [("K1-K4.UHH.gap", Verdict.TRUE)]
    found, _ = _claims_of("## Cluster 2\n\nCluster 2 leads on expected schooling.\n\n## Cluster 4\n\nIts life expectancy is 72.32 years.", ClaimKind.NUMBER, "en", True)
    assert found == [("K4.UHH.mean", Verdict.FALSE)]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Seluruh anggota Klaster 3 memiliki umur harapan hidup di atas rata-rata provinsi.", "id", ("K3.UHH.n_above", Verdict.TRUE)),
        ("Semua provinsi di Klaster 2 memiliki harapan lama sekolah di atas rata-rata provinsi.", "id", ("K2.HLS.n_above", Verdict.FALSE)),
        ("Tidak satu pun anggota Klaster 2 mencapai rata-rata provinsi pada pengeluaran per kapita.", "id", ("K2.Pengeluaran.n_below", Verdict.TRUE)),
        ("Tidak satu pun anggota Klaster 4 mencapai rata-rata provinsi untuk harapan lama sekolah.", "id", ("K4.HLS.n_below", Verdict.FALSE)),
        ("Tidak ada satu pun provinsi di Klaster 1 yang pengeluaran per kapitanya di bawah rata-rata provinsi.", "id", ("K1.Pengeluaran.n_below", Verdict.TRUE)),
        ("None of the members of Cluster 2 reaches the provincial average on per capita expenditure.", "en", ("K2.Pengeluaran.n_below", Verdict.TRUE)),
        ("No province in Cluster 4 has a life expectancy above the provincial average.", "en", ("K4.UHH.n_above", Verdict.TRUE)),
        ("All provinces in Cluster 2 have expected schooling above the provincial average.", "en", ("K2.HLS.n_above", Verdict.FALSE)),
    ],
)
def test_quantified_claims_are_checked_on_the_counts_of_members(text, lang, expected):
    found, _ = _claims_of(text, ClaimKind.DIRECTION, lang)
    assert found == [expected]


def test_cluster_names_numbered_from_zero_or_by_label_are_read_and_reported_as_inferred():
    found, report = _claims_of("Klaster 0 mencatat umur harapan hidup 75,10 tahun, sedangkan Klaster 3 hanya 69,90 tahun.", ClaimKind.NUMBER)
    assert found == [("K1.UHH.mean", Verdict.TRUE), ("K4.UHH.mean", Verdict.TRUE)]
    assert report.inferred and "0" in report.inferred[0] and report.to_dict()["inferred"] == report.inferred
    found, report = _claims_of("The lowest-achieving group records mean years of schooling of 8.63 years.", ClaimKind.NUMBER, "en")
    assert found == [("K4.RLS.mean", Verdict.FALSE)] and "composite" in report.inferred[0]
    found, report = _claims_of("The third cluster has a life expectancy of 74.15 years.", ClaimKind.NUMBER, "en")
    assert found == [("K3.UHH.mean", Verdict.TRUE)] and not report.inferred and "inferred" not in report.to_dict()
    assert Verifier(facts_for()).verify_text("Klaster 1 mencatat 75,10 tahun.").inferred == []  # a later text starts afresh


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Cluster 5 has a single province, so no within-cluster variation can be measured.", "en",
         [(ClaimKind.COUNT, Verdict.TRUE), (ClaimKind.SPREAD, Verdict.TRUE)]),
        ("Cluster 4 has a single province.", "en", [(ClaimKind.COUNT, Verdict.FALSE)]),
        ("Klaster 5 tanpa sebaran antaranggota yang berarti.", "id", [(ClaimKind.SPREAD, Verdict.TRUE), (ClaimKind.SPREAD, Verdict.TRUE)]),
    ],
)
def test_a_one_member_cluster_is_counted_and_has_no_spread(text, lang, expected):
    report = Verifier(facts_for(5), locale=lang).verify_text(text)
    assert [(c.kind, c.verdict) for c in report.claims] == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("**Klaster 4 – Capaian Rendah**\n\nUmur harapan hidupnya paling rendah di antara klaster.", "id", [("K4.UHH.rank", Verdict.TRUE)]),
        ("**Cluster II – Upper-Middle Achievement**\n\nIts life expectancy is the lowest of the four clusters.", "en", [("K2.UHH.rank", Verdict.FALSE)]),
        ("**The low-achievement cluster**\n\nIts life expectancy is the lowest of the four clusters.", "en", [("K4.UHH.rank", Verdict.TRUE)]),
    ],
)
def test_a_line_that_is_all_bold_is_a_sub_heading_that_names_the_cluster(text, lang, expected):
    """engine.py: models write sub-headings as a bold line; it sets the cluster of the paragraph below it."""
    found, _ = _claims_of(text, ClaimKind.RANK, lang, markdown=True)
    assert found == expected


def test_a_bold_line_that_names_no_cluster_keeps_the_section_cluster():
    found, _ = _claims_of("## Klaster 4\n\n**Kesehatan**\n\nUmur harapan hidupnya paling rendah di antara klaster.", ClaimKind.RANK, markdown=True)
    assert found == [("K4.UHH.rank", Verdict.TRUE)]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Klaster 4 menempati urutan terakhir menurut capaian komposit.", "id", [("K4.composite_rank", Verdict.TRUE)]),
        ("Cluster 2 ranks last on the composite score.", "en", [("K2.composite_rank", Verdict.FALSE)]),
        ("Untuk UHH, urutan terbawah ditempati Klaster 4.", "id", [("K4.UHH.rank", Verdict.TRUE)]),
        ("On life expectancy, the bottom position goes to Cluster 2.", "en", [("K2.UHH.rank", Verdict.FALSE)]),
        ("Rata-rata lama sekolah Klaster 1 10,23 tahun. Klaster 2 menyusul di urutan kedua.", "id", [("K2.RLS.rank", Verdict.TRUE)]),
        ("Untuk RLS, Kalimantan Timur menempati peringkat keempat nasional.", "id", [("UNIT.Kalimantan_Timur.RLS.rank_high", Verdict.TRUE)]),
        ("On mean years of schooling, East Kalimantan ranks third nationally.", "en", [("UNIT.Kalimantan_Timur.RLS.rank_high", Verdict.FALSE)]),
        ("On life expectancy, Papua ranks last in the country.", "en", [("UNIT.Papua.UHH.rank_low", Verdict.TRUE)]),
    ],
)
def test_a_stated_place_is_checked_for_clusters_and_units(text, lang, expected):
    """ranks.py `_positions`: "urutan terakhir" / "ranks last" is place k; a unit's place is its rank among all units; the
    indicator may stand outside the clause or in the previous sentence."""
    found, _ = _claims_of(text, ClaimKind.RANK, lang)
    assert found == expected


def test_an_ordinal_cluster_name_is_read_whatever_its_case():
    found, _ = _claims_of("## Klaster Kedua\n\nUmur harapan hidupnya paling rendah di antara klaster.", ClaimKind.RANK, markdown=True)
    assert found == [("K2.UHH.rank", Verdict.FALSE)]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # each superlative is judged on the indicator written next to it
        ("Inside Cluster 1, East Kalimantan has the lowest life expectancy and the highest expected schooling.", "en",
         [("UNIT.Kalimantan_Timur.UHH.rank_low_cluster", Verdict.TRUE), ("UNIT.Kalimantan_Timur.HLS.rank_high_cluster", Verdict.FALSE)]),
        ("Klaster 4 memiliki UHH terendah dan pengeluaran tertinggi.", "id", [("K4.UHH.rank", Verdict.TRUE), ("K4.Pengeluaran.rank", Verdict.FALSE)]),
        # a national scope after the superlative outranks the cluster that frames the clause
        ("Within Cluster 1, Jakarta records the highest expenditure nationwide.", "en", [("UNIT.DKI_Jakarta.Pengeluaran.rank_high", Verdict.TRUE)]),
        # a national place said of the sentence's unit subject in a later clause
        ("West Sumatra has the highest life expectancy in Cluster 2 and, at 74.14 years, the highest in the country.", "en",
         [("UNIT.Sumatera_Barat.UHH.rank_high_cluster", Verdict.TRUE), ("UNIT.Sumatera_Barat.UHH.rank_high", Verdict.FALSE)]),
        # "in the cluster" / "di klaster itu": the unit's own cluster
        ("Bali is the lowest in the cluster on expenditure.", "en", [("UNIT.Bali.Pengeluaran.rank_low_cluster", Verdict.FALSE)]),
        ("Maluku mencatat pengeluaran terendah di klaster itu.", "id", [("UNIT.Maluku.Pengeluaran.rank_low_cluster", Verdict.FALSE)]),
        # a unit placed in a cluster and then ranked: among that cluster's members
        ("Sumatera Barat menjadi anggota Klaster 2 dengan pengeluaran tertinggi.", "id", [("UNIT.Sumatera_Barat.Pengeluaran.rank_high_cluster", Verdict.TRUE)]),
    ],
)
def test_a_superlatives_indicator_and_scope_are_the_ones_written_next_to_it(text, lang, expected):
    found, _ = _claims_of(text, ClaimKind.RANK, lang)
    assert found == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Cluster 3 is the largest group.", "en", [("K3.size", Verdict.TRUE)]),
        ("Cluster 3 is the smallest cluster in the analysis.", "en", [("K3.size", Verdict.FALSE)]),
        ("Klaster 1 adalah klaster terkecil.", "id", [("K1.size", Verdict.TRUE)]),
        ("Yogyakarta tops the country on expected schooling.", "en", [("UNIT.D_I_Yogyakarta.HLS.rank_high", Verdict.TRUE)]),
        ("Papua tops the country on life expectancy.", "en", [("UNIT.Papua.UHH.rank_high", Verdict.FALSE)]),
    ],
)
def test_size_superlatives_before_a_cluster_noun_and_tops(text, lang, expected):
    found, _ = _claims_of(text, ClaimKind.RANK, lang)
    assert found == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # a unit's stated place: "comes second", "in fourth place", after a cluster in parentheses
        ("On expected schooling, Aceh (Cluster 2) comes second.", "en", [("UNIT.Aceh.HLS.rank_high", Verdict.TRUE)]),
        ("On expected schooling, West Sumatra is in fourth place.", "en", [("UNIT.Sumatera_Barat.HLS.rank_high", Verdict.FALSE)]),
        ("Untuk HLS, Aceh berada di tempat kedua.", "id", [("UNIT.Aceh.HLS.rank_high", Verdict.TRUE)]),
        # "urutan kedua terendah" is the superlative's, second from the bottom, not second from the top
        ("Pada pengeluaran per kapita, Klaster 2 berada di urutan kedua terendah.", "id", [("K2.Pengeluaran.rank", Verdict.TRUE)]),
        # the unit a superlative is said of, after a passive verb
        ("Rata-rata lama sekolah tertinggi secara nasional dimiliki DKI Jakarta.", "id", [("UNIT.DKI_Jakarta.RLS.rank_high", Verdict.TRUE)]),
        ("The highest expected schooling in the country is held by Aceh.", "en", [("UNIT.Aceh.HLS.rank_high", Verdict.FALSE)]),
        # the held unit wins over a unit the clause named before it (not Klaster 1's rank, which is 1: a false "benar")
        ("DKI Jakarta, anggota Klaster 1, unggul di banyak indikator, sedangkan harapan lama sekolah tertinggi dipegang Aceh.", "id",
         [("UNIT.Aceh.HLS.rank_high", Verdict.FALSE)]),
    ],
)
def test_a_units_place_and_the_unit_a_superlative_is_held_by(text, lang, expected):
    found, _ = _claims_of(text, ClaimKind.RANK, lang)
    assert found == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # the one unit before a superlative owns the number after it, though other units follow ("ahead of …"); "its" in
        # the next sentence is that unit (Maluku RLS 10,20, UHH 70,45), not the cluster named as its place (K2 UHH 72,32)
        ("Maluku records the highest mean years of schooling in Cluster 2, 10.20 years, ahead of DKI Jakarta and Aceh. "
         "Its life expectancy is 72.32 years.", "en",
         [("UNIT.Maluku.RLS.value", Verdict.TRUE), ("UNIT.Maluku.UHH.value", Verdict.FALSE)]),
        ("Maluku mencatat rata-rata lama sekolah tertinggi di Klaster 2, 10,20 tahun, di atas DKI Jakarta dan Aceh. "
         "Umur harapan hidupnya 70,45 tahun.", "id",
         [("UNIT.Maluku.RLS.value", Verdict.TRUE), ("UNIT.Maluku.UHH.value", Verdict.TRUE)]),
    ],
)
def test_a_unit_opening_the_sentence_is_its_subject_and_the_cluster_only_its_place(text, lang, expected):
    assert [c[1:] for c in numbers(text, lang)] == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # "its" after a unit that opens the sentence and a cluster named only as where it belongs: the unit (NTB RLS 7,74)
        ("Nusa Tenggara Barat is part of Cluster 2 even though its mean years of schooling (7.74 years) is the lowest there.", "en",
         [("UNIT.Nusa_Tenggara_Barat.RLS.value", Verdict.TRUE)]),
        # the unit before the superlative in the number's own clause, not the one of the clause before (Gorontalo HLS 13,16)
        ("Papua posts the lowest values in the country, while Gorontalo has the highest expected schooling within this cluster at 13.61 years.", "en",
         [("UNIT.Gorontalo.HLS.value", Verdict.FALSE)]),
    ],
)
def test_the_unit_a_pronoun_or_a_superlative_speaks_of(text, lang, expected):
    assert [c[1:] for c in numbers(text, lang)] == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # "that of Cluster 2" is an object; "… and its" after it is the sentence's "its" again, no list (K1 RLS 10,23, K2 9,25)
        ("The digital agenda fits the first cluster best. Its expenditure is roughly 1.5 times that of Cluster 2 and its mean schooling is around 10.2 years.",
         "en", [("K1-K2.Pengeluaran.ratio", Verdict.TRUE), ("K1.RLS.mean", Verdict.TRUE)]),
        ("The digital agenda fits the first cluster best. Its expenditure is roughly 1.5 times that of Cluster 2 and its mean schooling is around 9.3 years.",
         "en", [("K1-K2.Pengeluaran.ratio", Verdict.TRUE), ("K1.RLS.mean", Verdict.FALSE)]),
    ],
)
def test_a_pronoun_after_a_compared_cluster_is_no_item_of_its_list(text, lang, expected):
    assert [c[1:] for c in numbers(text, lang)] == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # "the lowest of all clusters" ranks one cluster, it quantifies none: the number is that cluster's (K4 Rp9,0 juta)
        ("Since its spending is the lowest of all clusters (about IDR 9 million), Cluster 4 needs cash transfers.", "en",
         [("9", "K4.Pengeluaran.mean", Verdict.TRUE)]),
        ("Karena pengeluarannya terendah di antara semua klaster (sekitar Rp12 juta), Klaster 4 memerlukan bansos.", "id",
         [("Rp12 juta", "K4.Pengeluaran.mean", Verdict.FALSE)]),
    ],
)
def test_a_superlative_of_all_clusters_quantifies_none(text, lang, expected):
    assert numbers(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # a cluster in an aside that only places the unit before it leaves the unit the subject (Maluku RLS 10,20; K2 9,25)
        ("Maluku, meski tergolong Klaster 2, memiliki rata-rata lama sekolah 10,20 tahun.", "id", [("UNIT.Maluku.RLS.value", Verdict.TRUE)]),
        ("Maluku, a member of Cluster 2, has mean years of schooling of 9.25 years.", "en", [("UNIT.Maluku.RLS.value", Verdict.FALSE)]),
        # … but an apposition that names the cluster again is about the cluster (K4 UHH 69,90)
        ("Papua berada di Klaster 4, klaster dengan umur harapan hidup rata-rata 69,90 tahun.", "id", [("K4.UHH.mean", Verdict.TRUE)]),
        # a unit named after a superlative owns the numbers after it, not the one before the superlative
        ("D.I. Yogyakarta mencatat harapan lama sekolah tertinggi secara nasional, 15,66 tahun, sementara Maluku memiliki rata-rata lama sekolah 10,20 tahun.",
         "id", [("UNIT.D_I_Yogyakarta.HLS.value", Verdict.TRUE), ("UNIT.Maluku.RLS.value", Verdict.TRUE)]),
    ],
)
def test_the_unit_stays_the_subject_past_its_clusters_aside(text, lang, expected):
    assert [c[1:] for c in numbers(text, lang)] == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # a cluster's extreme with its indicator between ("the highest life expectancy in Cluster 4"), then the other
        # extreme left bare: K4 UHH max 71,57, min 68,17
        ("The highest life expectancy in Cluster 4 is only 71.57 years, while the lowest is 68.71 years.", "en",
         [("K4.UHH.max", Verdict.TRUE), ("K4.UHH.min", Verdict.FALSE)]),
        ("Umur harapan hidup tertinggi di Klaster 4 hanya 71,57 tahun, sementara yang terendah 68,17 tahun.", "id",
         [("K4.UHH.max", Verdict.TRUE), ("K4.UHH.min", Verdict.TRUE)]),
    ],
)
def test_the_other_extreme_of_a_cluster_left_bare(text, lang, expected):
    assert [c[1:] for c in numbers(text, lang)] == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # a subject named right after the number may take an article ("… in the Papua cluster"): the unit's own value
        ("Life expectancy runs from about 68.2 years in the Papua cluster to about 75.1 years in Cluster 1.", "en",
         [("68.2", "UNIT.Papua.UHH.value", Verdict.TRUE), ("75.1", "K1.UHH.mean", Verdict.TRUE)]),
        ("Expected schooling is lowest at 11.51 years for the Papua group.", "en", [("11.51", "UNIT.Papua.HLS.value", Verdict.FALSE)]),
        ("Umur harapan hidup berkisar dari sekitar 68,2 tahun di Papua hingga sekitar 75,1 tahun di Klaster 1.", "id",
         [("68,2", "UNIT.Papua.UHH.value", Verdict.TRUE), ("75,1", "K1.UHH.mean", Verdict.TRUE)]),
    ],
)
def test_a_subject_after_the_number_may_follow_an_article(text, lang, expected):
    assert numbers(text, lang) == expected
