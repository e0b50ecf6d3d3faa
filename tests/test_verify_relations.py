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
