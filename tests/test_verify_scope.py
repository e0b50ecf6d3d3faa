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
