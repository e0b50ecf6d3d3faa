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


def test_a_sentence_naming_the_standard_deviation_compares_standard_deviations():
    # k = 4, expenditure: standard deviations 1 > 4 > 3 > 2, but relative to the mean 4 > 1 > 2 > 3
    sd = "with a standard deviation of about Rp2.3 million"
    assert spreads(f"Cluster 1 shows the widest spread in per capita expenditure, {sd}.") == [(1, Verdict.TRUE)]
    assert spreads("Cluster 1 shows the widest spread in per capita expenditure.") == [(1, Verdict.FALSE)]
    assert spreads("Sebaran pengeluaran paling lebar terdapat di Klaster 1, dengan simpangan baku sekitar Rp2,3 juta.", "id") == [(1, Verdict.TRUE)]
    assert spreads("Sebaran pengeluaran paling lebar terdapat di Klaster 4.", "id") == [(4, Verdict.TRUE)]


def test_the_narrowest_spread_is_the_least_of_the_clusters():
    # k = 4, relative spread of life expectancy: 1 < 3 < 2 < 4; of expenditure, standard deviations 2 < 3 < 4 < 1
    assert spreads("Cluster 1 has the narrowest spread of life expectancy.") == [(1, Verdict.TRUE)]
    assert spreads("Cluster 3 has the narrowest spread of life expectancy.") == [(3, Verdict.FALSE)]
    assert spreads("Klaster 2 memiliki sebaran harapan hidup yang paling sempit.", "id") == [(2, Verdict.FALSE)]
    assert spreads("Simpangan baku pengeluaran Klaster 1 sekitar Rp2,3 juta; sebaliknya, Klaster 3 memiliki sebaran pengeluaran yang paling sempit.", "id") \
        == [(3, Verdict.FALSE)]
    assert spreads("On spending, Cluster 2 shows the narrowest spread, its standard deviation under Rp1 million.") == [(2, Verdict.TRUE)]
