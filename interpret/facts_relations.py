"""Facts about relations between subjects, so that a comparison binds to a fact of its own.

Called once from `fact_builder.build_facts` (`relation_facts(add, clusters, features, k_selection)`):

    K1-K4.UHH.gap     |mean of cluster 1 − mean of cluster 4| for UHH (a < b)
    K1-K4.UHH.ratio   mean of cluster 1 / mean of cluster 4 ("1,7 kali lipat")
    KSEL.knee         the k at the WSS curve's elbow, when it has one
    KSEL.tied.k2      present for each k that has the most votes (a tie names them)
    KSEL.excluded.k5  present for each k whose partition has a one-unit cluster (it takes no vote)
    CMP.ward.euclidean.k4.k   the k of a row of the method comparison

The verifier binds "selisih UHH antara Klaster 1 dan Klaster 4 …" to the gap fact of that pair,
never to a cluster's difference from the reference that happens to have the same value.
"""

from __future__ import annotations

from itertools import combinations

from .facts import ClusterFacts, Comparison, Fact, FeatureInfo, KSelection
from .numbers import format_number, with_unit


def relation_facts(add, clusters: list[ClusterFacts], features: list[FeatureInfo], k_selection: KSelection | None,
                   comparison: Comparison | None = None) -> None:
    for row in comparison.rows if comparison is not None else ():  # "K-means (Euclidean, k = 3)": the row's k
        add(Fact(f"CMP.{row.method}.{row.metric}.k{row.k}.k", row.k, "k", 0, text=str(row.k)))
    for a, b in combinations(clusters, 2):
        for f in features:
            mean_a, mean_b = a.features[f.name].mean, b.features[f.name].mean
            gap = abs(mean_a - mean_b)
            add(Fact(f"K{a.number}-K{b.number}.{f.name}.gap", gap, "gap", f.decimals, f.unit, a.number, f.name,
                     with_unit(format_number(gap, f.decimals), f.unit)))
            if mean_b:
                ratio = mean_a / mean_b
                add(Fact(f"K{a.number}-K{b.number}.{f.name}.ratio", ratio, "ratio", 2, "", a.number, f.name, format_number(ratio, 2)))
    if k_selection is None:
        return
    if k_selection.knee is not None:
        add(Fact("KSEL.knee", k_selection.knee, "k", 0, text=str(k_selection.knee)))
    for k in getattr(k_selection, "excluded", None) or []:  # "tidak ikut dipilih (k = 5, …)": partitions with a one-unit cluster
        add(Fact(f"KSEL.excluded.k{k}", k, "k", 0, text=str(k)))
    top = max(k_selection.vote_counts.values(), default=0)
    for k, votes in k_selection.vote_counts.items():  # "terbagi antara k = 2 dan k = 4": the ks with the most votes
        if votes == top and top > 0:
            add(Fact(f"KSEL.tied.k{k}", k, "k", 0, text=str(k)))
