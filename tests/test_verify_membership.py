"""Membership said the way a model writes it (membership.py, member_cues.py): the same readings in both languages,
and no claim where nothing places a province in a cluster. Clusters of the shipped data, k = 4: Klaster 1 = Kepri,
DKI, DIY, Bali, Kaltim; 2 = Aceh, Sumut, Sumbar, Bengkulu, NTB, Kaltara, Sulteng, Sultra, Maluku, Malut; 3 = Riau,
Jambi, …, Banten; 4 = NTT, Gorontalo, Sulbar, Papua Barat, Papua."""

from __future__ import annotations

import pytest

from interpret.terms import ClaimKind
from interpret.verification import Verifier

from .test_verify import facts_for


def placed(text: str, lang: str) -> dict[str, str]:
    report = Verifier(facts_for(), locale=lang).verify_markdown(text)
    return {c.value: c.verdict.value for c in report.claims if c.kind == ClaimKind.MEMBERSHIP}


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # a cluster in parentheses after a list
        ("en", "Programmes in Lampung and Jambi (Cluster 3) should target schooling.", {"Lampung": "true", "Jambi": "true"}),
        ("id", "Program di Lampung dan Papua (Klaster 3) perlu menyasar pendidikan.", {"Lampung": "true", "Papua": "false"}),
        # a list set beside a cluster
        ("en", "Cluster 4 — NTT, Gorontalo and the Riau Islands — lags on every indicator.", {"NTT": "true", "Gorontalo": "true", "Riau Islands": "false"}),
        ("id", "Klaster 4—NTT, Gorontalo, hingga Bengkulu—tertinggal pada semua indikator.", {"NTT": "true", "Gorontalo": "true", "Bengkulu": "false"}),
        # a list beside a group noun under a heading (a bold line is no heading, "this"/"ini" points at it)
        ("en", "### Cluster 2\n\nTen provinces — Aceh, Bengkulu and Papua among them — do well on schooling.", {"Aceh": "true", "Bengkulu": "true", "Papua": "false"}),
        ("id", "**Klaster 2 – Menengah Atas**\n\nKelompok sepuluh provinsi ini, yakni Aceh, Bengkulu, hingga Jambi, unggul di pendidikan.",
         {"Aceh": "true", "Bengkulu": "true", "Jambi": "false"}),
        # a locative and a cluster right after the list
        ("en", "Jambi and Aceh in Cluster 2 lag on spending.", {"Jambi": "false", "Aceh": "true"}),
        ("id", "Jambi dan Aceh di Klaster 2 tertinggal pada pengeluaran.", {"Jambi": "false", "Aceh": "true"}),
        # a cluster framing the clause, and a superlative scoped to the cluster
        ("en", "Inside Cluster 2, Aceh records the highest expected schooling, while Bengkulu is the lowest in the cluster.", {"Aceh": "true", "Bengkulu": "true"}),
        ("id", "Di dalam Klaster 2, Papua mencatat HLS tertinggi, sedangkan Bengkulu menjadi yang terendah di klaster ini.", {"Papua": "false", "Bengkulu": "true"}),
        # a predicate whose object is the cluster; the cluster after a membership word is the one it names
        ("en", "Bengkulu sits in Cluster 3 together with Jambi.", {"Bengkulu": "false", "Jambi": "true"}),
        ("id", "Bengkulu bagian dari Klaster 3 bersama Jambi.", {"Bengkulu": "false", "Jambi": "true"}),
        ("en", "Banten is not part of Cluster 1.", {"Banten": "true"}),
        ("id", "Papua Barat bukan bagian dari Klaster 1.", {"Papua Barat": "true"}),
        ("en", "Jambi leads Cluster 3 on schooling, ahead of Bali, which is a member of Cluster 1.", {"Bali, which is a member of Cluster 1": "true"}),
        # one province set beside the phrase that places it is quoted with it
        ("en", "Sulawesi Utara, a member of Cluster 3, leads its cluster on schooling.", {"Sulawesi Utara, a member of Cluster 3": "true"}),
        ("id", "Bali, anggota Klaster 3, unggul pada pengeluaran.", {"Bali, anggota Klaster 3": "false"}),
        ("id", "Jambi memimpin Klaster 3 pada HLS, di atas Bali, yang notabene anggota Klaster 1.", {"Bali, yang notabene anggota Klaster 1": "true"}),
    ],
)
def test_a_province_placed_by_the_shape_of_the_sentence_is_a_membership_claim(lang, text, expected):
    assert placed(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Papua is part of the eastern region and has the lowest life expectancy."),
        ("id", "Papua merupakan bagian dari wilayah timur dengan UHH terendah."),
        ("en", "Papua's life expectancy is lower than the highest in Cluster 1."),
        ("id", "UHH Papua lebih rendah daripada provinsi tertinggi di Klaster 1."),
        ("en", "Within Cluster 2, life expectancy is lower than in Papua."),
        ("id", "Jakarta membelanjakan jauh lebih banyak daripada Papua di semua indikator."),
        ("en", "Two provinces — Papua and West Papua — trail the rest."),  # no cluster to place them in
    ],
)
def test_a_province_named_without_a_membership_cue_is_no_claim(lang, text):
    assert placed(text, lang) == {}


def test_a_province_is_placed_once_by_the_reading_that_names_its_cluster():
    # the parenthesis names Papua's cluster; the sentence's other cluster does not also place it
    assert placed("Klaster 1 mencakup Bali, sedangkan Papua (Klaster 4) tertinggal.", "id") == {"Bali": "true", "Papua": "true"}


def test_a_pronoun_between_the_province_and_its_predicate_names_no_other_cluster():
    text = "Cluster 4 lags on spending; Bengkulu, for its part, sits in Cluster 3 with the Java provinces."
    assert placed(text, "en") == {"Bengkulu": "false"}


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Jambi sits in Cluster 3 as well, as does Bengkulu.", {"Jambi": "true", "Bengkulu": "false"}),
        ("id", "Jambi termasuk Klaster 3, begitu pula Bengkulu.", {"Jambi": "true", "Bengkulu": "false"}),
        ("en", "Aceh stays in Cluster 2, and Bali remains in Cluster 3.", {"Aceh": "true", "Bali": "false"}),
        ("id", "Aceh tetap di Klaster 2, sedangkan Bali tetap berada di Klaster 3.", {"Aceh": "true", "Bali": "false"}),
    ],
)
def test_a_province_added_to_the_placement_before_it_or_said_to_stay(lang, text, expected):
    assert placed(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "k", "verdict"),
    [
        ("en", "With five clusters, Papua forms a cluster of its own.", 5, "true"),
        ("id", "Pada lima klaster, Papua membentuk klaster tersendiri.", 5, "true"),
        ("en", "Papua forms a cluster of its own.", 4, "false"),  # at k = 4 Papua has four companions
        ("id", "Papua berdiri sendiri sebagai Klaster 4.", 5, "false"),  # alone, but as Klaster 5
    ],
)
def test_a_province_said_to_be_alone_in_its_cluster(lang, text, k, verdict):
    report = Verifier(facts_for(k), locale=lang).verify_text(text)
    alone = [c for c in report.claims if c.kind == ClaimKind.MEMBERSHIP and c.value.startswith("Papua ")]
    assert [c.verdict.value for c in alone] == [verdict]


@pytest.mark.parametrize(
    ("lang", "text", "verdict"),
    [
        ("en", "Cluster 4 — NTT, Papua and three others — lags on spending.", "true"),
        ("en", "Cluster 4 — NTT, Papua and four others — lags on spending.", "false"),
        ("id", "Klaster 4 mencakup NTT, Papua, dan tiga provinsi lainnya.", "true"),
        ("id", "Klaster 4 mencakup NTT, Papua, dan empat lainnya.", "false"),
    ],
)
def test_a_member_list_that_counts_the_rest_states_the_size(lang, text, verdict):
    report = Verifier(facts_for(), locale=lang).verify_text(text)
    counts = [c for c in report.claims if c.kind == ClaimKind.COUNT]
    assert [(c.value.startswith("NTT, Papua"), c.verdict.value) for c in counts] == [(True, verdict)]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Cluster 4 is behind: its lowest life expectancy is 68.2 years in Papua.", {"Papua": "true"}),
        ("en", "Cluster 2 trails; its highest expected schooling is posted by Bali.", {"Bali": "false"}),
        ("id", "Sebaran Klaster 4 lebar, sedangkan nilai terendahnya 68,17 tahun di Papua.", {"Papua": "true"}),
        ("id", "Di Klaster 2, UHH tertingginya dipegang oleh Bali.", {"Bali": "false"}),
        ("en", "Cluster 4's life expectancy is the lowest, lower than in Bali.", {}),  # compared with, not located at
        ("id", "UHH Klaster 4 terendah, bahkan lebih rendah daripada di Bali.", {}),
    ],
)
def test_a_clusters_own_extreme_located_at_a_province_places_it(lang, text, expected):
    assert placed(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Unlike Papua, Jakarta (Cluster 1) spends far more.", {"Jakarta": "true"}),
        ("id", "Berbeda dengan Papua, Jakarta (Klaster 1) jauh lebih tinggi.", {"Jakarta": "true"}),
        ("en", "Next to Papua, Bali in Cluster 1 looks strong.", {"Bali": "true"}),
        ("id", "Dibanding Papua, Bali di Klaster 1 unggul.", {"Bali": "true"}),
        ("en", "Bali, Jakarta and Papua (Cluster 1) lead.", {"Bali": "true", "Jakarta": "true", "Papua": "false"}),  # a list with "and" stays whole
    ],
)
def test_a_name_set_before_a_comma_is_not_part_of_the_list_a_shape_places(lang, text, expected):
    assert placed(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Gorontalo sits in Cluster 4 together with Papua and Maluku.", {"Gorontalo": "true", "Papua": "true", "Maluku": "false"}),
        ("id", "NTB termasuk Klaster 4 bersama NTT.", {"NTB": "false", "NTT": "true"}),
        ("id", "Papua bersama NTT di Klaster 4 paling rendah.", {"Papua": "true", "NTT": "true"}),
        # a comitative with nothing placed in its clause says nothing of where the provinces are
        ("en", "## Cluster 1\n\nJakarta leads. Papua, alongside NTT, trails far behind.", {}),
        ("id", "Klaster 1 mencakup Bali; Papua bersama NTT tertinggal.", {"Bali": "true"}),
    ],
)
def test_a_comitative_joins_the_placement_of_its_own_clause(lang, text, expected):
    assert placed(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # the cluster named by its overall rank (composite_rank: Klaster 1 first, Klaster 4 last)
        ("en", "The most developed cluster — Bali, Kalimantan Timur and Jambi — leads on schooling.", {"Bali": "true", "Kalimantan Timur": "true", "Jambi": "false"}),
        ("id", "Klaster paling tertinggal — Papua, Gorontalo, dan Bengkulu — tertinggal pada semua indikator.", {"Papua": "true", "Gorontalo": "true", "Bengkulu": "false"}),
        # the list after a clause whose members form "this cluster"
        ("en", "## Cluster 3\n\nFourteen provinces make up this cluster, from Riau and Jambi to Banten and Papua.", {"Riau": "true", "Jambi": "true", "Banten": "true", "Papua": "false"}),
        ("id", "## Klaster 3\n\nEmpat belas provinsi membentuk klaster ini, dari Riau hingga Banten dan Bali.", {"Riau": "true", "Banten": "true", "Bali": "false"}),
    ],
)
def test_a_list_beside_a_ranked_cluster_or_forming_this_cluster_is_placed_there(lang, text, expected):
    assert placed(text, lang) == expected


def test_a_group_called_best_is_no_ranked_cluster():
    # "the best group of the year" is no cluster: no province is placed by it
    assert placed("Last year's best group — Bali and Papua — won the award.", "en") == {}


def sizes(text: str, lang: str) -> list[tuple[str, str]]:
    report = Verifier(facts_for(), locale=lang).verify_text(text)
    return [(c.value, c.verdict.value) for c in report.claims if c.kind == ClaimKind.COUNT]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [  # K4 has five members, K2 ten: a number word may take describing words or a hyphen before its unit
        ("en", "Cluster 4 brings together five eastern provinces.", [("five eastern provinces", "true")]),
        ("en", "Cluster 4 brings together six eastern provinces.", [("six eastern provinces", "false")]),
        ("en", "Cluster 2, a ten-province group, leads on schooling.", [("ten-province", "true")]),
        ("en", "Cluster 2, an eleven-province group, leads on schooling.", [("eleven-province", "false")]),
    ],
)
def test_a_clusters_size_may_be_written_with_describing_words(lang, text, expected):
    assert sizes(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "In Cluster 2, three of the provinces lead on schooling."),  # a part, not the size
        ("id", "Tidak satu pun anggota Klaster 4 memimpin pada pendidikan."),  # the quantifier's "one"
        ("en", "Cluster 4 trails the three multi-province clusters."),  # some of the clusters, not the run's k
    ],
)
def test_a_number_word_that_counts_no_cluster_is_no_size(lang, text):
    assert sizes(text, lang) == []


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [  # K4 has five members: "alone in" a cluster is false of any of them; the cluster named later is the comparison's
        ("en", "Papua, now alone in Cluster 4, spends less per person than the average member of Cluster 1.",
         {"Papua, now alone in Cluster 4": "false"}),
        ("id", "Papua, kini sendirian di Klaster 4, tertinggal dari rata-rata anggota Klaster 1.", {"Papua, kini sendirian di Klaster 4": "false"}),
    ],
)
def test_a_province_said_to_be_alone_in_a_cluster_is_its_only_member(lang, text, expected):
    assert placed(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [  # ranked "within it" / "di dalam klaster itu": among the members of the cluster the sentence named
        ("en", "On mean schooling Cluster 2 is ahead, although Nusa Tenggara Barat has the lowest mean years of schooling within it.",
         {"Nusa Tenggara Barat": "true"}),
        ("en", "On mean schooling Cluster 2 is ahead, although Papua has the lowest mean years of schooling within it.", {"Papua": "false"}),
        ("id", "Dalam rata-rata lama sekolah Klaster 2 unggul, meski Papua mencatat rata-rata lama sekolah terendah di dalam klaster itu.",
         {"Papua": "false"}),
    ],
)
def test_a_superlative_within_the_cluster_a_pronoun_names_places_the_province(lang, text, expected):
    assert placed(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [  # moving to a cluster places the province there; moving in a share of bootstrap replicates does not
        ("en", "In the new run, Riau moves to Cluster 3.", {"Riau": "true"}),
        ("en", "In the new run, Riau moves to Cluster 2.", {"Riau": "false"}),
        ("id", "Dalam skema baru, Riau berpindah ke Klaster 2.", {"Riau": "false"}),
        ("en", "Riau moved to Cluster 2 in 27.9% of the bootstrap replicates.", {}),
        ("id", "Riau berpindah ke Klaster 2 pada 27,9 % replikasi bootstrap.", {}),
    ],
)
def test_a_province_that_moves_to_a_cluster_is_placed_there(lang, text, expected):
    assert placed(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # some clusters are no claim about how many there are (k = 4)
        ("Expected years of schooling barely differ between the top two clusters.", "en", []),
        ("Selisihnya kecil di antara dua klaster teratas.", "id", []),
        ("The provinces form four clusters.", "en", [("four clusters", "true", "")]),
        # "the other N clusters" / "N klaster lainnya": all but one, the note in the text's language
        ("Cluster 1 leads the other two clusters.", "en", [("two clusters", "false", "the other clusters: 3")]),
        ("Klaster 1 unggul atas dua klaster lainnya.", "id", [("dua klaster", "false", "klaster lain: 3")]),
    ],
)
def test_a_count_of_clusters_is_k_unless_it_names_some_of_them(text, lang, expected):
    report = Verifier(facts_for(), locale=lang).verify_text(text)
    assert [(c.value, c.verdict.value, c.note) for c in report.claims if c.fact_id == "RUN.k"] == expected


# Round-11 probes, written for the mechanisms: "brings together" lists members; the units a list verb's "all … except"
# leaves out are not placed in the cluster (nor claimed outside it).
@pytest.mark.parametrize(("text", "lang", "names"), [
    ("Cluster 4 brings together Papua, Gorontalo and Maluku.", "en", {"Papua": "true", "Gorontalo": "true", "Maluku": "false"}),
    ("Cluster 3 includes every Java province except Jakarta and Yogyakarta.", "en", {}),
    ("Klaster 2 meliputi seluruh provinsi Sumatra kecuali Riau dan Bengkulu.", "id", {}),
    ("With 14 members, Cluster 3 includes all the Java provinces other than Jakarta.", "en", {}),
    # a quantifier over the members leaves a member out of what is said of them, not out of the cluster
    ("Every member of Cluster 1 except Papua is among the members with the longest lives.", "en", {"Papua": "false"}),
])
def test_a_list_verb_places_its_list_but_not_the_units_its_exception_leaves_out(text, lang, names):
    assert placed(text, lang) == names


# Round-11 probes: a word of leaving places its unit outside the cluster ("leaves Cluster 4 behind" is no such word).
@pytest.mark.parametrize(("text", "lang", "names"), [
    ("Bengkulu leaves Cluster 2.", "en", {"Bengkulu": "false"}),
    ("Papua drops out of Cluster 2.", "en", {"Papua": "true"}),
    ("Riau keluar dari Klaster 2.", "id", {"Riau": "true"}),
    ("Aceh keluar dari Klaster 2.", "id", {"Aceh": "false"}),
    ("Klaster 2 bergeser: Riau masuk ke dalamnya, sedangkan Maluku keluar.", "id", {"Riau": "false", "Maluku": "false"}),
    ("Its weak schooling leaves Cluster 4 behind Papua.", "en", {}),
])
def test_a_word_of_leaving_places_its_unit_outside_the_cluster(text, lang, names):
    assert placed(text, lang) == names
