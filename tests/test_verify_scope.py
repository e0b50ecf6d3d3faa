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
