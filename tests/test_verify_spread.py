"""Spread claims (interpret/verification/spread.py) written with the adjective before the noun, as English does: "Cluster 4
shows the widest spread in X" compares the clusters on X; "Within Cluster 2, the widest spread … is in X" names the
cluster's own widest indicator. Default data, k = 4."""

from __future__ import annotations

from interpret.terms import ClaimKind, Verdict
from interpret.verification import Verifier

from .test_verify import facts_for


def spreads(text: str, lang: str = "en") -> list[tuple[int | None, Verdict]]:
    report = Verifier(facts_for(), locale=lang).verify_text(text)
    return [(c.cluster, c.verdict) for c in report.claims if c.kind == ClaimKind.SPREAD]


def _cv(facts, cluster: int, feature: str) -> float:
    ff = facts.cluster(cluster).features[feature]
    return ff.sd / abs(ff.mean)


def test_the_widest_spread_said_of_a_cluster_compares_the_clusters_on_the_indicator():
    facts = facts_for()
    several = [c.number for c in facts.clusters if c.size > 1]
    widest = max(several, key=lambda n: _cv(facts, n, "UHH"))
    other = next(n for n in several if n != widest)
    assert spreads(f"Cluster {widest} shows the widest spread in life expectancy.") == [(widest, Verdict.TRUE)]
    assert spreads(f"Cluster {other} shows the widest spread in life expectancy.") == [(other, Verdict.FALSE)]


def test_the_widest_spread_within_a_cluster_is_its_own_widest_indicator():
    facts = facts_for()
    cluster = facts.cluster(2)
    widest = max(facts.features, key=lambda f: (cluster.features[f.name].max - cluster.features[f.name].min) / abs(cluster.features[f.name].reference or 1))
    words = {"UHH": "life expectancy", "HLS": "expected years of schooling", "RLS": "mean years of schooling", "Pengeluaran": "per capita expenditure"}
    other = next(name for name in words if name != widest.name)
    assert spreads(f"Within Cluster 2, the widest spread among members is in {words[widest.name]}.") == [(2, Verdict.TRUE)]
    assert spreads(f"Within Cluster 2, the widest spread among members is in {words[other]}.") == [(2, Verdict.FALSE)]
