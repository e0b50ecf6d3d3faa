"""The clustering stage: scaling, optional PCA, assumption checks, the k-selection panel, the final
partition, bootstrap stability, an optional method comparison, and the facts for all of it.

`analyse(dataset, settings)` is the one call the pipeline makes. The science lives in `clustering/`;
this module resolves the settings (CLI > env > config > spec), turns the results into facts with
stable IDs (see docs/clustering.md) and writes the Indonesian reasoning the brief quotes. Every
number the brief shows from here is a fact, so the verifier can confirm it.

The panel and the bootstrap are cached per input (matrix, method, k range, seed, ...), so a test
suite that builds the same brief many times pays for them once.
"""

from __future__ import annotations

import hashlib
import re
from collections import OrderedDict

import numpy as np

from clustering import (
    Partition,
    bootstrap_stability,
    check_assumptions,
    cluster,
    compare_methods,
    order_labels,
    pca,
    scale,
    select_k,
    zscore,
)
from clustering.algorithms import default_n_init

from .choices import Choices, resolve_choices
from .config import Settings
from .data import Dataset
from .errors import ConfigError, DataError
from .facts import Fact, Facts, FeatureInfo, build_facts, composite_scores
from .analysis_text import (
    METHOD_NAMES,
    METRIC_NAMES,
    STABLE_JACCARD,
    UNSTABLE_JACCARD,
    consensus_reasoning,
    stability_rating,
)
from .numbers import format_number, format_percent

INDEX_DECIMALS = {"wss": 2, "silhouette": 3, "gap": 3, "gap_se": 3, "dbi": 3, "ch": 2, "connectivity": 2}
_CACHE: OrderedDict = OrderedDict()
_CACHE_SIZE = 32


def analyse(dataset: Dataset, settings: Settings, timings: dict[str, float] | None = None) -> tuple[Partition, Facts]:
    """The whole clustering stage; returns the numbered partition and the facts with every analysis.

    `timings`, when given, receives the wall-clock seconds of each step (benchmarks/clustering_bench.py).
    """
    clock = _Clock(timings)
    ch = resolve_choices(dataset, settings)
    spec = dataset.spec
    raw = dataset.values.to_numpy(dtype=float)
    try:
        scaled = scale(raw, ch.scaling)
    except ValueError as exc:
        raise DataError(f"Cannot scale the features of {dataset.path.name} ({ch.scaling}): {exc}. Remove that feature from the spec.") from None
    space = scaled.values
    pca_result = None
    if ch.pca:
        pca_result = pca(space, ch.pca_variance_pct)
        space = pca_result.scores
    clock.lap("scaling")
    checks = check_assumptions(raw)
    clock.lap("assumptions")

    selection = None
    if len(ch.k_values) >= 2:
        selection = _cached(
            ("panel", _digest(space), ch.method, ch.metric, tuple(ch.k_values), ch.seed, ch.n_init, ch.gap_references, ch.neighbours, ch.sample_size),
            lambda: select_k(space, ch.k_values, ch.method, ch.metric, ch.seed, ch.n_init, ch.gap_references, ch.neighbours, ch.sample_size),
        )
    clock.lap("k_panel")
    k = ch.k if ch.k is not None else selection.chosen_k
    if selection is not None and k in selection.partitions:
        partition = selection.partitions[k]
    else:
        try:
            partition = cluster(space, k, method=ch.method, seed=ch.seed, metric=ch.metric, n_init=ch.n_init)
        except ValueError as exc:
            raise DataError(f"Clustering {dataset.path.name} with {ch.method}, k = {k} failed: {exc}.") from None
    partition = order_labels(partition, _order_key(dataset, raw))
    clock.lap("final_clustering")

    facts = build_facts(dataset, partition, tolerance_pct=ch.tolerance_pct, k_reason=_k_reason(ch, spec))
    facts.method.update(
        standardization=ch.scaling,
        metric=ch.metric,
        pca=ch.pca,
        k_source=ch.k_source,
        weighted=dataset.weights is not None,
        weight_column=spec.dataset.weight,
    )
    if pca_result is not None:
        _pca_facts(facts, pca_result)
    _assumption_facts(facts, checks, dataset)
    if selection is not None:
        _panel_facts(facts, selection, ch)
    if dataset.weights is not None:
        _weight_facts(facts, dataset.weights, partition)
    clock.lap("profile_and_facts")
    if ch.bootstrap > 0:
        _stability_facts(facts, dataset, space, partition, ch)
        clock.lap("stability")
    if ch.compare:
        _comparison_facts(facts, space, partition, ch)
        clock.lap("comparison")
    return partition, facts


class _Clock:
    def __init__(self, timings: dict[str, float] | None):
        import time

        self._now = time.perf_counter
        self.timings = timings
        self.last = self._now()

    def lap(self, name: str) -> None:
        now = self._now()
        if self.timings is not None:
            self.timings[name] = now - self.last
        self.last = now


# -- helpers -------------------------------------------------------------------------------------
def _cached(key, compute):
    if key in _CACHE:
        _CACHE.move_to_end(key)
        return _CACHE[key]
    value = compute()
    _CACHE[key] = value
    while len(_CACHE) > _CACHE_SIZE:
        _CACHE.popitem(last=False)
    return value


def _digest(array: np.ndarray) -> str:
    return hashlib.sha256(np.ascontiguousarray(array, dtype=float).tobytes()).hexdigest() + str(array.shape)


def slug(text: str) -> str:
    """A fact-ID-safe form of a unit name: "D.I. Yogyakarta" → "D_I_Yogyakarta"."""
    return re.sub(r"[^0-9A-Za-z]+", "_", str(text)).strip("_") or "unit"


def _order_key(dataset: Dataset, raw: np.ndarray) -> np.ndarray:
    spec = dataset.spec
    z = zscore(raw).values
    order_by = spec.clustering.order_by
    if order_by == "composite":
        infos = [FeatureInfo(f.name, f.column, f.label, f.unit, f.direction, f.decimals, f.theme) for f in spec.features]
        return composite_scores(z, infos)
    names = [f.name for f in spec.features]
    if order_by not in names:
        raise ConfigError(f"clustering.order_by = '{order_by}' is neither \"composite\" nor a feature ({', '.join(names)}). Fix the spec.")
    return z[:, names.index(order_by)]


def _k_reason(ch: Choices, spec) -> str:
    if ch.k_source == "cli":
        return "ditetapkan pengguna"
    if ch.k_source == "spec":
        return spec.clustering.k_reason or "ditetapkan pada spesifikasi data"
    return "dipilih otomatis menurut konsensus panel indeks pemilihan k"


def _num(value: float, decimals: int) -> str:
    return format_number(value, decimals)


# -- facts ---------------------------------------------------------------------------------------
def _panel_facts(facts: Facts, sel, ch: Choices) -> None:
    add = facts.add_fact
    for j, k in enumerate(sel.k_values):
        add(Fact(f"KSEL.k{k}.k", k, "k", 0, text=str(k)))  # the row label of the panel table
        for name, values in sel.indices.items():
            value = float(values[j])
            if np.isfinite(value):
                d = INDEX_DECIMALS[name]
                add(Fact(f"KSEL.k{k}.{name}", value, name, d, text=_num(value, d)))
    for name, k in sel.votes.items():
        add(Fact(f"KSEL.vote.{name}", k, "k", 0, text=str(k)))
    counts = sel.vote_counts()
    add(Fact("KSEL.chosen_k", sel.chosen_k, "k", 0, text=str(sel.chosen_k)))
    add(Fact("KSEL.chosen_votes", counts[sel.chosen_k], "count", 0, text=str(counts[sel.chosen_k])))
    add(Fact("KSEL.n_voting", len(sel.votes), "count", 0, text=str(len(sel.votes))))
    add(Fact("KSEL.k_min", sel.k_values[0], "k", 0, text=str(sel.k_values[0])))
    add(Fact("KSEL.k_max", sel.k_values[-1], "k", 0, text=str(sel.k_values[-1])))
    add(Fact("KSEL.gap_references", sel.gap_references, "count", 0, text=str(sel.gap_references)))
    add(Fact("KSEL.neighbours", sel.neighbours, "count", 0, text=str(sel.neighbours)))
    if sel.sample_size is not None:
        add(Fact("KSEL.sample_size", sel.sample_size, "count", 0, text=format_number(sel.sample_size, 0)))
    user_k = ch.k
    facts.analysis["k_selection"] = {
        "k_values": sel.k_values,
        "indices": {name: [float(v) for v in values] for name, values in sel.indices.items()},
        "knee": sel.knee,
        "votes": dict(sel.votes),
        "vote_counts": {str(k): c for k, c in sorted(counts.items())},
        "chosen_k": sel.chosen_k,
        "tie_break": sel.tie_break,
        "user_k": user_k,
        "k_source": ch.k_source,
        "reasoning": consensus_reasoning(sel, user_k),
        "sample_size": sel.sample_size,
        "gap_references": sel.gap_references,
        "neighbours": sel.neighbours,
    }


def _stability_facts(facts: Facts, dataset: Dataset, space: np.ndarray, partition: Partition, ch: Choices) -> None:
    n = len(space)
    sampled = n > ch.sample_size
    rows = np.sort(np.random.default_rng(ch.seed).choice(n, ch.sample_size, replace=False)) if sampled else np.arange(n)
    X, labels = space[rows], partition.labels[rows]
    k = partition.k
    if len(np.unique(labels)) < k:
        return  # a tiny cluster missed by the sample: no honest per-cluster stability
    # Refits need enough restarts to find each sample's optimum: a refit stuck in a local optimum
    # would be counted as instability of the clusters themselves.
    restarts = min(ch.n_init or default_n_init(n), 50) if ch.method == "kmeans" else (2 if ch.method == "kmedoids" else None)

    def fit(X_boot: np.ndarray, seed: int) -> np.ndarray:
        return cluster(X_boot, k, method=ch.method, seed=seed, metric=ch.metric, n_init=restarts).labels

    result = _cached(
        ("stability", _digest(X), labels.tobytes(), ch.method, ch.metric, k, ch.seed, ch.bootstrap, restarts),
        lambda: bootstrap_stability(X, labels, fit, B=ch.bootstrap, seed=ch.seed),
    )
    add = facts.add_fact
    add(Fact("STAB.B", ch.bootstrap, "B", 0, text=str(ch.bootstrap)))
    add(Fact("STAB.threshold_pct", ch.unstable_pct, "threshold_pct", 1, "%", text=format_percent(ch.unstable_pct)))
    add(Fact("STAB.unstable_jaccard", UNSTABLE_JACCARD, "threshold", 2, text=_num(UNSTABLE_JACCARD, 2)))
    add(Fact("STAB.stable_jaccard", STABLE_JACCARD, "threshold", 2, text=_num(STABLE_JACCARD, 2)))
    clusters = {}
    for c in range(k):
        value = float(result.jaccard[c])
        add(Fact(f"K{c + 1}.jaccard", value, "jaccard", 2, cluster=c + 1, text=_num(value, 2)))
        clusters[str(c + 1)] = {"jaccard": value, "rating": stability_rating(value), "dissolved_pct": float(result.dissolved_pct[c]), "unstable_members": []}
    units, unstable = {}, []
    if sampled:
        add(Fact("STAB.sample_size", ch.sample_size, "count", 0, text=format_number(ch.sample_size, 0)))
    else:
        ids = list(dataset.values.index)
        for i, unit in enumerate(ids):
            moved = float(result.moved_pct[i])
            if not np.isfinite(moved):
                continue
            number = int(partition.labels[i]) + 1
            units[unit] = {"cluster": number, "moved_pct": moved}
            add(Fact(f"UNIT.{slug(unit)}.moved_pct", moved, "moved_pct", 1, "%", cluster=number, member=unit, text=format_percent(moved)))
            if moved >= ch.unstable_pct:
                unstable.append(unit)
                clusters[str(number)]["unstable_members"].append({"unit": unit, "moved_pct": moved})
        for entry in clusters.values():
            entry["unstable_members"].sort(key=lambda m: -m["moved_pct"])
        add(Fact("STAB.n_unstable_units", len(unstable), "count", 0, text=str(len(unstable))))
    unstable_clusters = [int(n) for n, entry in clusters.items() if entry["jaccard"] < UNSTABLE_JACCARD]
    facts.analysis["stability"] = {
        "B": ch.bootstrap,
        "clusters": clusters,
        "units": units,
        "unstable_units": unstable,
        "unstable_clusters": unstable_clusters,
        "all_unstable": all(entry["jaccard"] < STABLE_JACCARD for entry in clusters.values()),
        "stable_jaccard": STABLE_JACCARD,
        "threshold_pct": ch.unstable_pct,
        "unstable_jaccard": UNSTABLE_JACCARD,
        "sample_size": ch.sample_size if sampled else None,
        "method": f"bootstrap (clusterboot, Hennig): {ch.method}, k = {k}, benih {ch.seed}",
    }


def _assumption_facts(facts: Facts, checks, dataset: Dataset) -> None:
    add = facts.add_fact
    names = list(dataset.values.columns)
    ids = list(dataset.values.index)
    add(Fact("ASSUME.kmo_threshold", 0.5, "threshold", 2, text=_num(0.5, 2)))
    add(Fact("ASSUME.r_threshold", 0.8, "threshold", 2, text=_num(0.8, 2)))
    add(Fact("ASSUME.z_threshold", 3, "threshold", 0, text="3"))
    add(Fact("ASSUME.n_outliers", checks.n_outliers, "count", 0, text=format_number(checks.n_outliers, 0)))
    kmo = None
    if checks.kmo_overall is not None:
        add(Fact("ASSUME.kmo", checks.kmo_overall, "kmo", 2, text=_num(checks.kmo_overall, 2)))
        for name, value in zip(names, checks.kmo_per_variable):
            add(Fact(f"ASSUME.kmo.{name}", value, "kmo", 2, feature=name, text=_num(value, 2)))
        kmo = {"overall": checks.kmo_overall, "per_variable": dict(zip(names, checks.kmo_per_variable)), "singular": checks.kmo_singular}
    pairs = []
    for a, b, r in checks.high_correlations:
        add(Fact(f"ASSUME.r.{names[a]}.{names[b]}", r, "r", 2, feature=names[a], text=_num(r, 2)))
        pairs.append({"a": names[a], "b": names[b], "r": r})
    outliers = []
    for row, col, z in checks.outliers:
        unit = ids[row]
        fid = f"ASSUME.outlier.{slug(unit)}.{names[col]}"
        if fid not in facts.index:
            add(Fact(fid, z, "z", 2, feature=names[col], member=unit, text=format_number(z, 2, signed=True)))
        outliers.append({"unit": unit, "feature": names[col], "z": z})
    add(Fact("ASSUME.n_outliers_listed", len(outliers), "count", 0, text=str(len(outliers))))
    facts.analysis["assumptions"] = {
        "kmo": kmo,
        "kmo_threshold": 0.5,
        "high_correlations": pairs,
        "correlation_threshold": 0.8,
        "outliers": outliers,
        "n_outliers": checks.n_outliers,
        "outlier_z": 3.0,
    }


def _pca_facts(facts: Facts, result) -> None:
    add = facts.add_fact
    names = [f.name for f in facts.features]
    m = result.n_components
    kept = float(sum(result.explained_variance_pct[:m]))
    add(Fact("PCA.n_components", m, "count", 0, text=str(m)))
    add(Fact("PCA.kept_pct", kept, "variance_pct", 1, "%", text=format_percent(kept)))
    for j, value in enumerate(result.explained_variance_pct[:m], start=1):
        add(Fact(f"PCA.pc{j}.variance_pct", value, "variance_pct", 1, "%", text=format_percent(value)))
    for i, name in enumerate(names):
        for j in range(m):
            value = float(result.loadings[i, j])
            add(Fact(f"PCA.{name}.pc{j + 1}", value, "loading", 2, feature=name, text=format_number(value, 2, signed=True)))
    facts.analysis["pca"] = {
        "explained_variance_pct": result.explained_variance_pct,
        "kept_pct": kept,
        "loadings": {name: result.loadings[i].tolist() for i, name in enumerate(names)},
        "n_components": m,
    }


def _weight_facts(facts: Facts, weights: np.ndarray, partition: Partition) -> None:
    mass = np.bincount(partition.labels, weights=weights, minlength=partition.k)
    total = float(weights.sum())
    add = facts.add_fact
    add(Fact("DATA.population", total, "population", 0, text=format_number(total, 0)))
    shares = {}
    for c in range(partition.k):
        share = 100.0 * mass[c] / total
        add(Fact(f"K{c + 1}.population", float(mass[c]), "population", 0, cluster=c + 1, text=format_number(mass[c], 0)))
        add(Fact(f"K{c + 1}.population_pct", share, "share", 1, "%", cluster=c + 1, text=format_percent(share)))
        shares[str(c + 1)] = {"population": float(mass[c]), "share_pct": share}
    facts.analysis["weights"] = {"column": facts.method.get("weight_column"), "population": total, "clusters": shares}


def _comparison_facts(facts: Facts, space: np.ndarray, partition: Partition, ch: Choices) -> None:
    ks = sorted({k for k in (partition.k - 1, partition.k, partition.k + 1) if 2 <= k < len(space)})
    rows, chosen = compare_methods(space, ks, seed=ch.seed, neighbours=ch.neighbours)
    add = facts.add_fact
    table = []
    for row in rows:
        base = f"CMP.{row.method}.{row.metric}.k{row.k}"
        add(Fact(f"{base}.silhouette", row.silhouette, "silhouette", 3, text=_num(row.silhouette, 3)))
        add(Fact(f"{base}.dbi", row.dbi, "dbi", 3, text=_num(row.dbi, 3)))
        add(Fact(f"{base}.connectivity", row.connectivity, "connectivity", 2, text=_num(row.connectivity, 2)))
        table.append({"method": row.method, "metric": row.metric, "k": row.k, "silhouette": row.silhouette, "dbi": row.dbi,
                      "connectivity": row.connectivity, "mean_rank": row.mean_rank,
                      "used": row.method == ch.method and row.metric == ch.metric and row.k == partition.k})
    best = rows[chosen]
    name = f"{METHOD_NAMES[best.method]} ({METRIC_NAMES[best.metric]}) dengan k = {best.k}"
    text = (
        f"Menurut rata-rata peringkat ketiga indeks, kombinasi terbaik adalah {name} (silhouette {_num(best.silhouette, 3)}, "
        f"DBI {_num(best.dbi, 3)}, konektivitas {_num(best.connectivity, 2)})."
    )
    used = next((r for r in rows if r.method == ch.method and r.metric == ch.metric and r.k == partition.k), None)
    if used is best:
        text += " Kombinasi inilah yang dipakai dalam ringkasan ini."
    elif used is not None:
        text += (
            f" Ringkasan ini memakai {METHOD_NAMES[used.method]} ({METRIC_NAMES[used.metric]}) dengan k = {used.k} "
            f"(silhouette {_num(used.silhouette, 3)}, DBI {_num(used.dbi, 3)}, konektivitas {_num(used.connectivity, 2)}); "
            "jalankan ulang dengan --method, --metric dan --k untuk memakai kombinasi terbaik."
        )
    facts.analysis["comparison"] = {
        "rows": table,
        "chosen": {"method": best.method, "metric": best.metric, "k": best.k, "silhouette": best.silhouette, "dbi": best.dbi, "connectivity": best.connectivity},
        "justification": text,
        "note": "semua indeks dihitung dengan jarak Euclidean pada data yang sama agar sebanding",
    }
