"""interpret/verification/jaccard_bounds.py: a bound on the Jaccard said of several clusters ("Klaster 2 dan Klaster 4
memiliki indeks Jaccard di bawah 0,60") is said of each of them. Default data, k = 4."""

from __future__ import annotations

import pytest

from interpret.terms import Verdict

from .test_verify_binding import numbers


@pytest.mark.parametrize(
    ("text", "lang", "verdict"),
    [
        # K1 0,70, K2 0,52, K3 0,77, K4 0,58: a Jaccard bound said of clusters is said of each cluster's value
        ("Klaster 2 dan Klaster 4 memiliki indeks Jaccard di bawah 0,60.", "id", Verdict.TRUE),
        ("Klaster 1 dan Klaster 4 memiliki indeks Jaccard di bawah 0,60.", "id", Verdict.FALSE),
        ("Cluster 3 keeps a Jaccard above 0.75.", "en", Verdict.TRUE),
        ("Cluster 1 keeps a Jaccard above 0.75.", "en", Verdict.FALSE),
        # the sentence named the Jaccard before: a bare bound of clusters is still about their Jaccard
        ("The Jaccard of Cluster 3 is high, while Clusters 1 and 2 fall below 0.60.", "en", Verdict.FALSE),
        # a bound that defines states the threshold itself
        ("A cluster counts as stable when its Jaccard is above 0.75.", "en", Verdict.TRUE),
    ],
)
def test_a_jaccard_bound_said_of_clusters_is_checked_for_each_of_them(text, lang, verdict):
    claims = numbers(text, lang)
    assert claims and claims[-1][2] == verdict, claims
