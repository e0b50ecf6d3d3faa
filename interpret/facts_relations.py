"""Facts about relations between subjects, so that a comparison binds to a fact of its own.

Called once from `fact_builder.build_facts` (`relation_facts(add, clusters, features, k_selection)`):

    K1-K4.UHH.gap     |mean of cluster 1 − mean of cluster 4| for UHH (a < b)
    K1-K4.UHH.ratio   mean of cluster 1 / mean of cluster 4 ("1,7 kali lipat")
    KSEL.knee         the k at the WSS curve's elbow, when it has one
    KSEL.tied.k2      present for each k that has the most votes (a tie names them)
    KSEL.excluded.k5  present for each k whose partition has a one-unit cluster (it takes no vote)
    CMP.ward.euclidean.k4.k   the k of a row of the method comparison

and, when the reference is not the plain mean of the units (kinds values, row, weighted_mean),
`unit_mean_facts` adds the plain (unweighted) mean of the units and each cluster's gap from it:

    UMEAN.UHH                   the plain mean of the units' UHH ("rata-rata provinsi", "provincial average")
    UMEAN.UHH.diff_ref          UMEAN.UHH − REF.UHH (the plain mean against the published figure)
    K1.UHH.diff_umean           cluster 1's mean − UMEAN.UHH
    K1.UHH.diff_pct_umean       that difference in % of UMEAN.UHH
    K1.UHH.direction_umean      above / below / equal (within the setara tolerance) against UMEAN.UHH

The verifier binds "selisih UHH antara Klaster 1 dan Klaster 4 …" to the gap fact of that pair,
never to a cluster's difference from the reference that happens to have the same value.
"""

from __future__ import annotations

from itertools import combinations

import math

from .facts import ClusterFacts, Comparison, Fact, FeatureInfo, KSelection
from .numbers import format_number, format_percent, with_unit
from .terms import Direction


def unit_mean_facts(add, reference_kind: str, unit_values, clusters: list[ClusterFacts], features: list[FeatureInfo], tolerance_pct: float,
                    reference_values=None) -> None:
    """The plain mean of the units beside a reference that is something else (published figures, an aggregate row,
    a weighted mean): a study that measures against "rata-rata provinsi" is checked against these, not against REF.
    When the reference is the plain mean itself, REF is that mean and nothing is added."""
    if reference_kind == "mean":
        return
    for f in features:
        mean = float(unit_values[f.name].mean())
        add(Fact(f"UMEAN.{f.name}", mean, "unit_mean", f.decimals, f.unit, feature=f.name, text=with_unit(format_number(mean, f.decimals), f.unit)))
        if reference_values is not None:  # "rata-rata sederhana 34 provinsi … sekitar 0,8 tahun di bawah angka BPS"
            gap = mean - float(reference_values[f.name])
            add(Fact(f"UMEAN.{f.name}.diff_ref", gap, "umean_diff_ref", f.decimals, f.unit, feature=f.name,
                     text=with_unit(format_number(gap, f.decimals, signed=True), f.unit)))
    for c in clusters:
        for f in features:
            mean = float(unit_values[f.name].mean())
            diff = c.features[f.name].mean - mean
            diff_pct = 100 * diff / abs(mean) if mean else math.nan
            if math.isnan(diff_pct) or abs(diff_pct) <= tolerance_pct:
                direction = Direction.EQUAL
            else:
                direction = Direction.ABOVE if diff_pct > 0 else Direction.BELOW
            base = f"K{c.number}.{f.name}"
            add(Fact(f"{base}.diff_umean", diff, "diff_umean", f.decimals, f.unit, c.number, f.name, with_unit(format_number(diff, f.decimals, signed=True), f.unit)))
            if not math.isnan(diff_pct):
                add(Fact(f"{base}.diff_pct_umean", diff_pct, "diff_pct_umean", 1, "%", c.number, f.name, format_percent(diff_pct)))
            add(Fact(f"{base}.direction_umean", direction, "direction_umean", 0, "", c.number, f.name, direction.value))


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
