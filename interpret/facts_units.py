"""Facts about single units and about how many members sit on each side of the reference.

Called once from `fact_builder.build_facts` (`unit_facts(add, dataset, partition, features, slugs)`):

    UNIT.Papua.UHH.value          the unit's own value
    UNIT.Papua.UHH.rank_high      its place among all units, 1 = highest value
    UNIT.Papua.UHH.rank_low       its place among all units, 1 = lowest value
    UNIT.Papua.UHH.rank_high_cluster / rank_low_cluster   the same within its cluster
    K4.UHH.n_above / n_below      members of cluster 4 strictly above / below the reference

Ties share the best place ("method = min"). The verifier binds "tertinggi di Klaster 3" to the
rank-within-cluster fact, "tertinggi secara nasional" to the overall one, "A lebih tinggi dari B" to the
two value facts and "seluruh anggota Klaster 1 di atas rata-rata" to the counts. Per-unit facts cost five
per unit and indicator, so they are built only up to UNIT_FACTS_MAX units (result.json stays bounded;
beyond, a claim about one unit reads the assignments table). The counts are always built.
"""

from __future__ import annotations

import pandas as pd

from .facts import Fact, FeatureInfo
from .numbers import format_number, with_unit

UNIT_FACTS_MAX = 1_000


def unit_facts(add, values: pd.DataFrame, labels, reference: dict, features: list[FeatureInfo], slugs: dict[str, str],
               unit_plural: str = "") -> None:
    clusters = pd.Series([int(label) + 1 for label in labels], index=values.index)
    for f in features:
        column = values[f.name]
        ref = float(reference[f.name])
        for number in sorted(int(c) for c in clusters.unique()):
            inside = column[clusters == number]
            for name, count in (("n_above", int((inside > ref).sum())), ("n_below", int((inside < ref).sum()))):
                add(Fact(f"K{number}.{f.name}.{name}", count, "count", 0, unit_plural, number, f.name, f"{count} {unit_plural}".strip()))
    if len(values) > UNIT_FACTS_MAX:
        return
    for f in features:
        column = values[f.name].astype(float)
        ranks = {
            "rank_high": column.rank(ascending=False, method="min"),
            "rank_low": column.rank(ascending=True, method="min"),
            "rank_high_cluster": column.groupby(clusters).rank(ascending=False, method="min"),
            "rank_low_cluster": column.groupby(clusters).rank(ascending=True, method="min"),
        }
        for unit, value in column.items():
            base = f"UNIT.{slugs[unit]}.{f.name}"
            cluster = int(clusters[unit])
            add(Fact(f"{base}.value", float(value), "unit", f.decimals, f.unit, cluster, f.name, with_unit(format_number(value, f.decimals), f.unit), unit))
            for kind, series in ranks.items():
                rank = int(series[unit])
                add(Fact(f"{base}.{kind}", rank, kind, 0, "", cluster, f.name, str(rank), unit))
