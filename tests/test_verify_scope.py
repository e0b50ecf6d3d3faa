"""interpret/verification/scope.py: what a sentence names — clusters, indicators — read before any claim is judged.
Default data, k = 4 (K2: RLS 9,25, UHH 72,32, 10 members)."""

from __future__ import annotations

import pytest

from interpret.terms import Verdict

from .test_verify_binding import numbers


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # a capitalised cluster name before its members' noun is still the name, not "2 members"
        ("Cluster 2 members have mean years of schooling of 9.25 years.", "en", [("9.25", "K2.RLS.mean", Verdict.TRUE)]),
        ("Cluster 2 members have mean years of schooling of 9.52 years.", "en", [("9.52", "K2.RLS.mean", Verdict.FALSE)]),
        # … while a verb "groups" before a count is no Cluster 14
        ("Cluster 2 groups 10 provinces.", "en", [("10", "K2.size", Verdict.TRUE)]),
        # an English indicator in the plural
        ("Cluster 2 has life expectancies around 72.32 years.", "en", [("72.32", "K2.UHH.mean", Verdict.TRUE)]),
        ("Cluster 2 has life expectancies around 73.32 years.", "en", [("73.32", "K2.UHH.mean", Verdict.FALSE)]),
        # … but a code takes no plural ending (a unit "Unit BS" named no indicator "B" of a survey's columns A, B, C)
        ("In Cluster 2 the UHHs reach 72.32 years.", "en", [("72.32", None, Verdict.UNVERIFIABLE)]),
    ],
)
def test_names_the_sentence_gives(text, lang, expected):
    assert numbers(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # a number placed in another cluster right after a cluster's name is a count, no "Cluster 10" of a list;
        # "of the 34 provinces" is the whole data set, not the cluster's size (K3: 14 provinces)
        ("Of the 34 provinces, 14 fall in Cluster 3, 10 in Cluster 2 and five each in Clusters 1 and 4.", "en",
         [("34", "DATA.n_units", Verdict.TRUE), ("14", None, Verdict.UNVERIFIABLE), ("10", None, Verdict.UNVERIFIABLE)]),
        ("Klaster 3 mencakup 14 dari 34 provinsi.", "id", [("14", None, Verdict.UNVERIFIABLE), ("34", "DATA.n_units", Verdict.TRUE)]),
        ("Cluster 3 holds 14 of the 33 provinces.", "en", [("14", None, Verdict.UNVERIFIABLE), ("33", "K3.size", Verdict.FALSE)]),
    ],
)
def test_counts_beside_cluster_names(text, lang, expected):
    assert numbers(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # the unit a comparison word (or a ratio) governs is the compared one, not what "its" / "-nya" refers to
        ("Jawa Barat enjoys the longest life expectancy, narrowly ahead of Jawa Timur, yet its mean years of schooling are 8.83 years.", "en",
         [("8.83", "UNIT.Jawa_Barat.RLS.value", Verdict.TRUE)]),
        ("Jawa Barat unggul tipis atas Jawa Timur dalam harapan hidup, namun rata-rata lama sekolahnya hanya 8,83 tahun.", "id",
         [("8,83", "UNIT.Jawa_Barat.RLS.value", Verdict.TRUE)]),
        # an indicator with "-nya" after a colon opens its own predication: the unit, not the cluster it sits in
        ("Maluku merupakan anomali di Klaster 2: rata-rata lama sekolahnya 10,20 tahun.", "id", [("10,20", "UNIT.Maluku.RLS.value", Verdict.TRUE)]),
        ("Aceh tergolong Klaster 2: harapan lama sekolahnya 13,38 tahun.", "id", [("13,38", "UNIT.Aceh.HLS.value", Verdict.FALSE)]),
        # names in brackets (a cluster's members, a unit's cluster) are asides, no antecedent
        ("Papua (Cluster 4) trails the country, and its life expectancy is 68.17 years.", "en", [("68.17", "UNIT.Papua.UHH.value", Verdict.TRUE)]),
        ("Cluster 4 (Gorontalo, Papua Barat and Maluku Utara) lags: its average expenditure is about Rp9.0 million.", "en",
         [("Rp9.0 million", "K4.Pengeluaran.mean", Verdict.TRUE)]),
        # a sentence opening with the cluster as a place ("Within Cluster 2, Maluku …"): the next "its" is the unit
        ("Within Cluster 2, Maluku stands out on schooling. Its life expectancy, however, is only 70.45 years.", "en",
         [("70.45", "UNIT.Maluku.UHH.value", Verdict.TRUE)]),
        ("Di Klaster 2, Maluku menonjol dalam pendidikan. Namun, umur harapan hidupnya hanya 71,45 tahun.", "id",
         [("71,45", "UNIT.Maluku.UHH.value", Verdict.FALSE)]),
        # two units named as the subject: "their" / "mereka" in the next sentence is both, shared out by "respectively"
        ("Bali and DKI Jakarta both belong to Cluster 1. Their life expectancies are 74.88 and 75.81 years respectively.", "en",
         [("74.88", "UNIT.Bali.UHH.value", Verdict.TRUE), ("75.81", "UNIT.DKI_Jakarta.UHH.value", Verdict.TRUE)]),
        ("Bali dan DKI Jakarta sama-sama tergabung dalam Klaster 1. Harapan hidup mereka masing-masing 74,88 tahun dan 74,81 tahun.", "id",
         [("74,88", "UNIT.Bali.UHH.value", Verdict.TRUE), ("74,81", "UNIT.DKI_Jakarta.UHH.value", Verdict.FALSE)]),
        # "can expect to live" / "diperkirakan dapat hidup" names life expectancy, as "live longer" does
        ("Cluster 4's residents can expect to live about 69.9 years.", "en", [("69.9", "K4.UHH.mean", Verdict.TRUE)]),
        ("Penduduk Klaster 4 diperkirakan dapat hidup sekitar 68,9 tahun.", "id", [("68,9", "K4.UHH.mean", Verdict.FALSE)]),
        # a clause with no name of its own speaks of the one unit the sentence named (NTT's spending gap: −28,1 % here)
        ("Nusa Tenggara Timur's gap against the national figure is largest on spending (about 28 %).", "en",
         [("28 %", "UNIT[Nusa Tenggara Timur].Pengeluaran.diff_pct", Verdict.TRUE)]),
        ("Ketertinggalan Nusa Tenggara Timur terhadap angka nasional paling lebar pada pengeluaran (sekitar 25 %).", "id",
         [("25 %", "UNIT[Nusa Tenggara Timur].Pengeluaran.diff_pct", Verdict.FALSE)]),
        # … but a clause that names the reference as its own subject speaks of the reference
        ("Papua mencatat umur harapan hidup 68,17 tahun, sedangkan angka nasional 73,13 tahun.", "id",
         [("68,17", "UNIT.Papua.UHH.value", Verdict.TRUE), ("73,13", "REF.UHH", Verdict.TRUE)]),
        # … and not past a semicolon: each item of a list has its own subject, even one no name matcher reads
        ("Nusa Tenggara Timur mencatat umur harapan hidup 71,57 tahun; Wilayah Fiktif mencatat 70,10 tahun.", "id",
         [("71,57", "UNIT.Nusa_Tenggara_Timur.UHH.value", Verdict.TRUE), ("70,10", None, Verdict.UNVERIFIABLE)]),
    ],
)
def test_what_a_pronoun_and_a_nameless_clause_refer_to(text, lang, expected):
    assert numbers(text, lang) == expected
