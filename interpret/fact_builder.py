"""The one builder of the facts object: profiles, the fact index and every analysis, in one call.

`analysis.analyse` computes every result first (panel, bootstrap, assumption checks, PCA, weights,
comparison) as typed sections, then calls `build_facts` once; nothing is added afterwards. The
index facts of each section are derived here from the section itself, so the index and the
sections can never disagree.
"""

from __future__ import annotations

import hashlib
import math
import re

import numpy as np

from clustering import Partition, profile_clusters

from .data import Dataset
from .facts_households import household_facts, household_index
from .facts import (
    Assumptions,
    ClusterFacts,
    Comparison,
    DatasetInfo,
    DroppedUnit,
    Fact,
    Facts,
    FeatureFacts,
    FeatureInfo,
    KSelection,
    MethodInfo,
    PcaInfo,
    Reference,
    Stability,
    WeightsInfo,
    composite_scores,
)
from .facts_relations import relation_facts, unit_mean_facts
from .facts_units import unit_facts
from .numbers import format_number, format_percent, with_unit
from .terms import Direction

INDEX_DECIMALS = {"wss": 2, "silhouette": 3, "gap": 3, "gap_se": 3, "dbi": 3, "ch": 2, "connectivity": 2}


def build_facts(
    dataset: Dataset,
    partition: Partition,
    *,
    tolerance_pct: float,
    k_source: str = "spec",
    standardization: str = "zscore",
    pca_used: bool = False,
    k_selection: KSelection | None = None,
    stability: Stability | None = None,
    assumptions: Assumptions | None = None,
    pca: PcaInfo | None = None,
    weights: WeightsInfo | None = None,
    comparison: Comparison | None = None,
    caveats: list[str] | None = None,
    dropped_features: list[str] | None = None,
    profiles: list | None = None,
    n_units: int | None = None,
) -> Facts:
    """The facts of a numbered partition and of the analyses that ran (None: did not run).

    `n_units` given: `dataset` is a sample of a table clustered on Dask (interpret.dask_run), and
    `profiles` are every unit's; the clusters' z-scores then come from the profiles."""
    spec = dataset.spec
    features = [
        FeatureInfo(name=f.name, column=f.column, label=f.label, unit=f.unit, direction=f.direction, decimals=f.decimals, theme=f.theme,
                    aliases=list(f.aliases), expression=f.expression, reason=f.reason,
                    label_en=f.label_en, reason_en=f.reason_en)
        for f in spec.features
    ]
    index: dict[str, Fact] = {}

    def add(fact: Fact) -> None:
        if fact.id not in index:  # an outlier can be listed twice (same unit and feature): keep the first
            index[fact.id] = fact

    method = MethodInfo(
        standardization=standardization,
        algorithm=partition.method,
        metric=partition.metric,
        pca=pca_used,
        k=partition.k,
        k_reason=spec.clustering.k_reason if k_source == "spec" else None,
        k_reason_en=spec.clustering.k_reason_en if k_source == "spec" else None,
        k_source=k_source,
        seed=int(partition.seed),
        n_init=None if partition.n_init is None else int(partition.n_init),
        within_ss=float(partition.within_ss),
        total_ss=float(partition.total_ss),
        between_pct=float(100 * partition.between_ratio),
        tolerance_pct=float(tolerance_pct),
        order_by=spec.clustering.order_by,
        weighted=dataset.weights is not None,
        weight_column=spec.dataset.weight,
        caveats=list(caveats or []),
        dropped_features=list(dropped_features or []),
    )
    unit_plural = spec.unit_plural
    sampled = n_units is not None
    n_units = len(dataset.values) if n_units is None else int(n_units)
    _run_facts(add, spec, dataset, method, n_units, unit_plural, features)
    clusters = _clusters(add, dataset, partition, features, tolerance_pct, unit_plural, profiles, sampled)
    # The order of the index is the order the verifier meets candidate facts in: keep it stable.
    if pca is not None:
        _pca_facts(add, pca, features)
    slugs = unit_slugs(dataset.values.index)
    if assumptions is not None:
        _assumption_facts(add, assumptions, slugs)
    if k_selection is not None:
        _panel_facts(add, k_selection)
    if weights is not None:
        _weight_facts(add, weights)
    if stability is not None:
        _stability_facts(add, stability, slugs)
    if comparison is not None:
        _comparison_facts(add, comparison)
    relation_facts(add, clusters, features, k_selection, comparison)  # pairwise gaps and ratios: interpret/facts_relations.py
    unit_mean_facts(add, dataset.reference.kind, dataset.values, clusters, features, tolerance_pct, dataset.reference.values)  # "rata-rata provinsi" beside a published reference
    unit_facts(add, dataset.values, partition.labels, dataset.reference.values, features, slugs, unit_plural)  # values, ranks, counts: facts_units.py
    households = household_facts(dataset, partition.labels, partition.k)
    if households is not None:
        household_index(add, households)

    return Facts(
        dataset=DatasetInfo(
            name=spec.dataset.name,
            title=spec.dataset.title,
            title_en=spec.dataset.title_en,
            source=spec.dataset.source,
            source_en=spec.dataset.source_en,
            year=spec.dataset.year,
            unit=spec.dataset.unit,
            unit_plural=unit_plural,
            n_units=n_units,
            file=dataset.path.name,
            sha256=dataset.sha256,
            size_bytes=dataset.size_bytes,
            dropped=[DroppedUnit(id=i, reason=r) for i, r in dataset.dropped],
        ),
        features=features,
        reference=Reference(
            kind=dataset.reference.kind,
            label=dataset.reference.label,
            row_id=dataset.reference.row_id,
            source=dataset.reference.source,
            publisher=dataset.reference.publisher,
            weight=dataset.reference.weight,
            values={name: float(v) for name, v in dataset.reference.values.items()},
        ),
        method=method,
        clusters=clusters,
        index=index,
        k_selection=k_selection,
        stability=stability,
        assumptions=assumptions,
        pca=pca,
        weights=weights,
        comparison=comparison,
        households=households,
    )


def slug(text: str) -> str:
    """A fact-ID-safe form of a unit name: "D.I. Yogyakarta" → "D_I_Yogyakarta"."""
    return re.sub(r"[^0-9A-Za-z]+", "_", str(text)).strip("_") or "unit"


def unit_slugs(names) -> dict[str, str]:
    """Each unit's fact-ID form, collision-free: names that reduce to the same slug ("=1+1" and "+1+1",
    or two non-Latin names) each get a short stable hash of the full name; the others keep their plain slug."""
    plain = {str(name): slug(name) for name in names}
    counts: dict[str, int] = {}
    for value in plain.values():
        counts[value] = counts.get(value, 0) + 1
    return {name: value if counts[value] == 1 and value != "unit" else f"{value}_{hashlib.sha1(name.encode()).hexdigest()[:8]}"
            for name, value in plain.items()}


def direction_of(diff_pct: float, tolerance_pct: float) -> Direction:
    """A value against the reference: EQUAL within the tolerance (or when undefined)."""
    if math.isnan(diff_pct) or abs(diff_pct) <= tolerance_pct:
        return Direction.EQUAL
    return Direction.ABOVE if diff_pct > 0 else Direction.BELOW


def _num(value: float, decimals: int) -> str:
    return format_number(value, decimals)


def _run_facts(add, spec, dataset: Dataset, method: MethodInfo, n_units: int, unit_plural: str, features: list[FeatureInfo]) -> None:
    add(Fact("DATA.n_units", n_units, "count", 0, unit_plural, text=f"{n_units} {unit_plural}"))
    if spec.dataset.year is not None:
        add(Fact("DATA.year", spec.dataset.year, "year", 0, text=str(spec.dataset.year)))
    if dataset.dropped:
        add(Fact("DATA.n_dropped", len(dataset.dropped), "count", 0, unit_plural))
    add(Fact("RUN.k", method.k, "k", 0, text=str(method.k)))
    add(Fact("RUN.seed", method.seed, "seed", 0, text=str(method.seed)))
    add(Fact("RUN.n_init", method.n_init, "n_init", 0, text=str(method.n_init)))
    add(Fact("FIT.between_pct", method.between_pct, "between_pct", 1, "%", text=format_percent(method.between_pct)))
    add(Fact("FIT.within_ss", method.within_ss, "within_ss", 3, text=format_number(method.within_ss, 3)))
    add(Fact("METHOD.tolerance_pct", method.tolerance_pct, "tolerance_pct", 1, "%", text=format_percent(method.tolerance_pct)))
    for f in features:
        ref = float(dataset.reference.values[f.name])
        add(Fact(f"REF.{f.name}", ref, "reference", f.decimals, f.unit, feature=f.name, text=with_unit(format_number(ref, f.decimals), f.unit)))


def _clusters(add, dataset: Dataset, partition: Partition, features: list[FeatureInfo], tolerance_pct: float, unit_plural: str,
              profiles: list | None = None, sampled: bool = False) -> list[ClusterFacts]:
    if profiles is None:  # the Dask engine computes them on its cluster (interpret/engines.py)
        profiles = profile_clusters(dataset.values, partition.labels, dataset.reference.values, weights=dataset.weights)
    if sampled:  # every unit's z-scores, not the sample's
        z_centers = np.array([[p.features[f.name].z for f in features] for p in profiles])
    else:
        sd = dataset.values.std(ddof=1).to_numpy()
        z_centers = (np.array([[p.features[f.name].mean for f in features] for p in profiles]) - dataset.values.mean().to_numpy()) / sd
    composite = composite_scores(z_centers, features)
    composite_rank = (-composite).argsort().argsort() + 1
    clusters = []
    for profile in profiles:
        number = profile.index + 1
        cid = f"K{number}"
        rank = int(composite_rank[profile.index])
        size = int(profile.size)
        add(Fact(f"{cid}.size", size, "size", 0, unit_plural, cluster=number, text=f"{size} {unit_plural}"))
        # For the verifier's membership and overall-rank claims (a text value is never matched as a number).
        add(Fact(f"{cid}.members", ", ".join(profile.members), "members", 0, "", cluster=number, text=", ".join(profile.members)))
        add(Fact(f"{cid}.composite_rank", rank, "composite_rank", 0, "", cluster=number, text=str(rank)))
        feature_facts = {}
        for f in features:
            s = profile.features[f.name]
            direction = direction_of(s.diff_pct, tolerance_pct)
            better = None if direction == Direction.EQUAL or f.direction == "neutral" else (direction == Direction.ABOVE) == (f.direction == "higher_is_better")
            feature_facts[f.name] = FeatureFacts(
                mean=s.mean, median=s.median, min=s.min, max=s.max, sd=s.sd, reference=s.reference,
                diff=s.diff, diff_pct=s.diff_pct, z=s.z, rank=int(s.rank), direction=direction, better=better,
            )
            base = f"{cid}.{f.name}"
            for stat in ("mean", "median", "min", "max", "sd"):
                value = getattr(s, stat)
                if value is None:
                    continue
                add(Fact(f"{base}.{stat}", float(value), stat, f.decimals, f.unit, number, f.name, with_unit(format_number(value, f.decimals), f.unit)))
            add(Fact(f"{base}.diff", float(s.diff), "diff", f.decimals, f.unit, number, f.name, with_unit(format_number(s.diff, f.decimals, signed=True), f.unit)))
            add(Fact(f"{base}.diff_pct", float(s.diff_pct), "diff_pct", 1, "%", number, f.name, format_percent(s.diff_pct)))
            add(Fact(f"{base}.z", float(s.z), "z", 2, "", number, f.name, format_number(s.z, 2, signed=True)))
            add(Fact(f"{base}.rank", int(s.rank), "rank", 0, "", number, f.name, str(s.rank)))
            add(Fact(f"{base}.direction", direction, "direction", 0, "", number, f.name, direction.value))
        clusters.append(
            ClusterFacts(
                number=number,
                id=cid,
                size=size,
                members=list(profile.members),
                small_n="n=1" if size == 1 else "n=2" if size == 2 else None,
                composite=float(composite[profile.index]),
                composite_rank=rank,
                features=feature_facts,
            )
        )
    return clusters


def _panel_facts(add, sel: KSelection) -> None:
    for j, k in enumerate(sel.k_values):
        add(Fact(f"KSEL.k{k}.k", k, "k", 0, text=str(k)))  # the row label of the panel table
        for name, values in sel.indices.items():
            value = float(values[j])
            if np.isfinite(value):
                d = INDEX_DECIMALS[name]
                add(Fact(f"KSEL.k{k}.{name}", value, name, d, text=_num(value, d)))
    for name, k in sel.votes.items():
        add(Fact(f"KSEL.vote.{name}", k, "k", 0, text=str(k)))
    chosen_votes = sel.vote_counts[sel.chosen_k]
    add(Fact("KSEL.chosen_k", sel.chosen_k, "k", 0, text=str(sel.chosen_k)))
    add(Fact("KSEL.chosen_votes", chosen_votes, "count", 0, text=str(chosen_votes)))
    add(Fact("KSEL.n_voting", len(sel.votes), "count", 0, text=str(len(sel.votes))))
    add(Fact("KSEL.k_min", sel.k_values[0], "k", 0, text=str(sel.k_values[0])))
    add(Fact("KSEL.k_max", sel.k_values[-1], "k", 0, text=str(sel.k_values[-1])))
    add(Fact("KSEL.gap_references", sel.gap_references, "count", 0, text=str(sel.gap_references)))
    add(Fact("KSEL.neighbours", sel.neighbours, "count", 0, text=str(sel.neighbours)))
    if sel.sample_size is not None:
        add(Fact("KSEL.sample_size", sel.sample_size, "count", 0, text=format_number(sel.sample_size, 0)))


def _stability_facts(add, st: Stability, slugs: dict[str, str]) -> None:
    add(Fact("STAB.B", st.B, "B", 0, text=str(st.B)))
    add(Fact("STAB.threshold_pct", st.threshold_pct, "threshold_pct", 1, "%", text=format_percent(st.threshold_pct)))
    add(Fact("STAB.unstable_jaccard", st.unstable_jaccard, "threshold", 2, text=_num(st.unstable_jaccard, 2)))
    add(Fact("STAB.stable_jaccard", st.stable_jaccard, "threshold", 2, text=_num(st.stable_jaccard, 2)))
    for number, entry in st.clusters.items():
        add(Fact(f"K{number}.jaccard", entry.jaccard, "jaccard", 2, cluster=number, text=_num(entry.jaccard, 2)))
    if st.sample_size is not None:
        add(Fact("STAB.sample_size", st.sample_size, "count", 0, text=format_number(st.sample_size, 0)))
        return
    for unit, entry in st.units.items():
        add(Fact(f"UNIT.{slugs.get(unit) or slug(unit)}.moved_pct", entry.moved_pct, "moved_pct", 1, "%", cluster=entry.cluster, member=unit, text=format_percent(entry.moved_pct)))
    for number, entry in st.clusters.items():
        for m in entry.unstable_members:
            if m.moved_to is not None:  # "berpindah … paling sering ke Klaster 3 (30,1 % replikasi)"
                base = f"UNIT.{slugs.get(m.unit) or slug(m.unit)}"
                add(Fact(f"{base}.moved_to", m.moved_to, "moved_to", 0, member=m.unit, text=str(m.moved_to)))
                add(Fact(f"{base}.moved_to_pct", m.moved_to_pct, "moved_pct", 1, "%", member=m.unit, text=format_percent(m.moved_to_pct)))
    add(Fact("STAB.n_unstable_units", len(st.unstable_units), "count", 0, text=str(len(st.unstable_units))))


def _assumption_facts(add, asm: Assumptions, slugs: dict[str, str]) -> None:
    t = asm.thresholds
    add(Fact("ASSUME.kmo_threshold", t.kmo, "threshold", 2, text=_num(t.kmo, 2)))
    add(Fact("ASSUME.r_threshold", t.correlation, "threshold", 2, text=_num(t.correlation, 2)))
    add(Fact("ASSUME.z_threshold", t.outlier_z, "threshold", 0, text=_num(t.outlier_z, 0)))
    add(Fact("ASSUME.n_outliers", asm.n_outliers, "count", 0, text=format_number(asm.n_outliers, 0)))
    if asm.kmo is not None:
        add(Fact("ASSUME.kmo", asm.kmo.overall, "kmo", 2, text=_num(asm.kmo.overall, 2)))
        for name, value in asm.kmo.per_variable.items():
            add(Fact(f"ASSUME.kmo.{name}", value, "kmo", 2, feature=name, text=_num(value, 2)))
    for pair in asm.high_correlations:
        add(Fact(f"ASSUME.r.{pair.a}.{pair.b}", pair.r, "r", 2, feature=pair.a, text=_num(pair.r, 2)))
    for o in asm.outliers:
        add(Fact(f"ASSUME.outlier.{slugs.get(o.unit) or slug(o.unit)}.{o.feature}", o.z, "z", 2, feature=o.feature, member=o.unit, text=format_number(o.z, 2, signed=True)))
    add(Fact("ASSUME.n_outliers_listed", len(asm.outliers), "count", 0, text=str(len(asm.outliers))))


def _pca_facts(add, pca: PcaInfo, features: list[FeatureInfo]) -> None:
    m = pca.n_components
    add(Fact("PCA.n_components", m, "count", 0, text=str(m)))
    add(Fact("PCA.kept_pct", pca.kept_pct, "variance_pct", 1, "%", text=format_percent(pca.kept_pct)))
    for j, value in enumerate(pca.explained_variance_pct[:m], start=1):
        add(Fact(f"PCA.pc{j}.variance_pct", value, "variance_pct", 1, "%", text=format_percent(value)))
    for f in features:
        for j, value in enumerate(pca.loadings[f.name][:m], start=1):
            add(Fact(f"PCA.{f.name}.pc{j}", value, "loading", 2, feature=f.name, text=format_number(value, 2, signed=True)))


def _weight_facts(add, weights: WeightsInfo) -> None:
    add(Fact("DATA.population", weights.population, "population", 0, text=format_number(weights.population, 0)))
    for number, entry in weights.clusters.items():
        add(Fact(f"K{number}.population", entry.population, "population", 0, cluster=number, text=format_number(entry.population, 0)))
        add(Fact(f"K{number}.population_pct", entry.share_pct, "share", 1, "%", cluster=number, text=format_percent(entry.share_pct)))


def _comparison_facts(add, comparison: Comparison) -> None:
    for row in comparison.rows:
        base = f"CMP.{row.method}.{row.metric}.k{row.k}"
        add(Fact(f"{base}.silhouette", row.silhouette, "silhouette", 3, text=_num(row.silhouette, 3)))
        add(Fact(f"{base}.dbi", row.dbi, "dbi", 3, text=_num(row.dbi, 3)))
        add(Fact(f"{base}.connectivity", row.connectivity, "connectivity", 2, text=_num(row.connectivity, 2)))
