"""The clustering stage: scaling, optional PCA, assumption checks, the k-selection panel, the final
partition, bootstrap stability, an optional method comparison, and the facts for all of it.

`analyse(dataset, settings)` is the one call the pipeline makes. The science lives in `clustering/`;
this module resolves the settings (CLI > env > config > spec), computes every result, turns each
into a typed section of the facts and hands them all to `fact_builder.build_facts` at once (see
docs/clustering.md for the fact IDs). No wording here: the brief words the sections when it is drafted.

The panel and the bootstrap are cached per input (matrix, method, k range, seed, ...), so a test
suite that builds the same brief many times pays for them once.
"""

from __future__ import annotations

import hashlib
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
from clustering.assumptions import CORRELATION_THRESHOLD, KMO_THRESHOLD, OUTLIER_Z

MIN_KMO_FEATURES = 3  # KMO of two variables is always 0,5

from .choices import Choices, resolve_choices
from .config import Settings
from .data import Dataset
from .engines import open_engine
from .errors import ConfigError, DataError
from .analysis_mixed import mixed_space
from .analysis_text import STABLE_JACCARD, UNSTABLE_JACCARD, stability_level
from .fact_builder import build_facts
from .facts import (
    Assumptions,
    AssumptionThresholds,
    ClusterStability,
    ClusterWeight,
    Comparison,
    ComparisonRow,
    Correlation,
    Facts,
    KSelection,
    Kmo,
    Outlier,
    PcaInfo,
    Stability,
    UnitStability,
    UnstableMember,
    WeightsInfo,
    composite_scores,
)
_CACHE: OrderedDict = OrderedDict()
_CACHE_SIZE = 32


def analyse(dataset: Dataset, settings: Settings, timings: dict[str, float] | None = None, advance=None, progress=None) -> tuple[Partition, Facts]:
    """The whole clustering stage; returns the numbered partition and the facts with every analysis.

    `timings`, when given, receives the wall-clock seconds of each step (benchmarks/clustering_bench.py);
    `advance(stage, done, total)`, when given, is told how far the long steps (k panel, bootstrap) are.
    The `engine` setting says where scaling, k-means, the k panel and the profiles compute (interpret/engines.py).
    """
    with open_engine(settings, progress) as engine:
        return _analyse(dataset, settings, timings, engine, advance)


def _analyse(dataset: Dataset, settings: Settings, timings: dict[str, float] | None, engine, advance) -> tuple[Partition, Facts]:
    clock = _Clock(timings)
    ch = resolve_choices(dataset, settings)
    spec = dataset.spec
    raw = dataset.values.to_numpy(dtype=float)
    checks = check_assumptions(raw)
    clock.lap("assumptions")
    dropped = _low_msa(checks, dataset) if ch.drop_low_msa else []
    kept = [j for j, f in enumerate(spec.features) if f.name not in dropped]
    try:
        scaled = engine.scale(raw[:, kept], ch.scaling)
    except ValueError as exc:
        raise DataError(f"Cannot scale the features of {dataset.path.name} ({ch.scaling}): {exc}. Remove that feature from the spec.") from None
    space = scaled.values
    pca_result = None
    if ch.pca:
        pca_result = pca(space, ch.pca_variance_pct, ch.pca_components)
        space = pca_result.scores
    clock.lap("scaling")

    cluster_space, options = space, {}
    if ch.method == "kprototypes":  # mixed data: the codes join the space, no panel, no bootstrap (interpret.analysis_mixed)
        cluster_space, options = mixed_space(dataset, space, ch.k)
    selection = None
    if ch.run_panel and ch.method != "kprototypes":
        panel_progress = (lambda done, total: advance("k_panel", done, total)) if advance else None
        selection = _cached(
            ("panel", engine.name, _digest(space), ch.method, ch.metric, tuple(ch.k_values), ch.seed, ch.n_init, ch.gap_references, ch.neighbours, ch.sample_size, ch.k_rule),
            lambda: engine.select_k(space, ch.k_values, ch.method, ch.metric, ch.seed, ch.n_init, ch.gap_references, ch.neighbours, ch.sample_size,
                             rule=ch.k_rule, progress=panel_progress),
        )
    clock.lap("k_panel")
    k = ch.k if ch.k is not None else selection.chosen_k
    if selection is not None and k in selection.partitions:
        partition = selection.partitions[k]
    else:
        try:
            partition = engine.cluster(cluster_space, k, method=ch.method, seed=ch.seed, metric=ch.metric, n_init=ch.n_init, **options)
        except ValueError as exc:
            raise DataError(f"Clustering {dataset.path.name} with {ch.method}, k = {k} failed: {exc}.") from None
    partition = order_labels(partition, _order_key(dataset, raw))
    clock.lap("final_clustering")

    # Every result first, then the facts in one call: nothing is added to them afterwards.
    caveats = []
    if k > len(space) / 3:
        caveats.append("many_clusters")
    if ch.panel_skipped:
        caveats.append("k_panel_skipped")
    if dropped:
        caveats.append("low_msa_dropped")
    stability = None
    if ch.bootstrap > 0 and ch.method != "kprototypes":
        stability = _stability(dataset, space, partition, ch, advance)
        clock.lap("stability")
    comparison = None
    if ch.compare:
        comparison = _comparison(space, partition, ch)
        clock.lap("comparison")
    facts = build_facts(
        dataset,
        partition,
        tolerance_pct=ch.tolerance_pct,
        k_source=ch.k_source,
        standardization=ch.scaling,
        pca_used=ch.pca,
        k_selection=_k_selection(selection, ch) if selection is not None else None,
        stability=stability,
        assumptions=_assumptions(checks, dataset),
        pca=_pca(pca_result, dataset) if pca_result is not None else None,
        weights=_weights(dataset.weights, partition, spec.dataset.weight) if dataset.weights is not None else None,
        comparison=comparison,
        caveats=caveats,
        dropped_features=dropped,
        profiles=engine.profiles(dataset, partition),
    )
    clock.lap("profile_and_facts")
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


def _order_key(dataset: Dataset, raw: np.ndarray) -> np.ndarray:
    spec = dataset.spec
    z = zscore(raw).values
    order_by = spec.clustering.order_by
    if order_by == "composite":
        return composite_scores(z, spec.features)
    names = [f.name for f in spec.features]
    if order_by not in names:
        raise ConfigError(f"clustering.order_by = '{order_by}' is neither \"composite\" nor a feature ({', '.join(names)}). Fix the spec.")
    return z[:, names.index(order_by)]


# -- the typed sections of the facts -------------------------------------------------------------
def _k_selection(sel, ch: Choices) -> KSelection:
    return KSelection(
        k_values=list(sel.k_values),
        indices={name: [float(v) for v in values] for name, values in sel.indices.items()},
        knee=sel.knee,
        votes=dict(sel.votes),
        vote_counts=dict(sorted(sel.vote_counts().items())),
        chosen_k=sel.chosen_k,
        tie_break=sel.tie_break,
        user_k=ch.k,
        k_source=ch.k_source,
        sample_size=sel.sample_size,
        gap_references=sel.gap_references,
        neighbours=sel.neighbours,
        rule=sel.rule,
        excluded=list(sel.excluded),
        edge=sel.edge,
        gap_prefers_one=sel.gap_prefers_one,
        rule_fallback=sel.rule_fallback,
    )


def _low_msa(checks, dataset: Dataset) -> list[str]:
    """The features whose MSA (per-variable KMO) is below the threshold: left out of the clustering.
    At least two features stay (the ones with the highest MSA) so that there is something to cluster."""
    names = [f.name for f in dataset.spec.features]
    if checks.kmo_per_variable is None or len(names) < MIN_KMO_FEATURES:
        return []
    msa = dict(zip(names, (float(v) for v in checks.kmo_per_variable)))
    low = [name for name in names if msa[name] < KMO_THRESHOLD]
    if len(names) - len(low) < 2:
        keep = set(sorted(names, key=lambda name: -msa[name])[:2])
        low = [name for name in low if name not in keep]
    return low


def _stability(dataset: Dataset, space: np.ndarray, partition: Partition, ch: Choices, advance=None) -> Stability | None:
    n = len(space)
    sampled = n > ch.sample_size
    rows = np.sort(np.random.default_rng(ch.seed).choice(n, ch.sample_size, replace=False)) if sampled else np.arange(n)
    X, labels = space[rows], partition.labels[rows]
    k = partition.k
    if len(np.unique(labels)) < k:
        return None  # a tiny cluster missed by the sample: no honest per-cluster stability
    # Refits need enough restarts to find each sample's optimum: a refit stuck in a local optimum
    # would be counted as instability of the clusters themselves.
    # On a sample the refits always see sample_size units: a fixed, modest count (as the gap statistic's
    # reference fits), so the bootstrap costs the same at 10 000 and at 1 000 000 units.
    restarts = (min(ch.n_init or default_n_init(len(X)), 5 if sampled else 50) if ch.method == "kmeans"
                else (2 if ch.method == "kmedoids" else None))

    def fit(X_boot: np.ndarray, seed: int) -> np.ndarray:
        return cluster(X_boot, k, method=ch.method, seed=seed, metric=ch.metric, n_init=restarts).labels

    result = _cached(
        ("stability", _digest(X), labels.tobytes(), ch.method, ch.metric, k, ch.seed, ch.bootstrap, restarts),
        lambda: bootstrap_stability(X, labels, fit, B=ch.bootstrap, seed=ch.seed,
                                    progress=(lambda done, total: advance("stability", done, total)) if advance else None),
    )
    members: dict[int, list[UnstableMember]] = {c + 1: [] for c in range(k)}
    units, unstable = {}, []
    if not sampled:
        for i, unit in enumerate(dataset.values.index):
            moved = float(result.moved_pct[i])
            if not np.isfinite(moved):
                continue
            number = int(partition.labels[i]) + 1
            units[str(unit)] = UnitStability(cluster=number, moved_pct=moved)
            if moved >= ch.unstable_pct:
                unstable.append(str(unit))
                members[number].append(UnstableMember(unit=str(unit), moved_pct=moved, **_destination(result, i, number)))
    clusters = {}
    for c in range(k):
        jaccard = float(result.jaccard[c])
        clusters[c + 1] = ClusterStability(
            jaccard=jaccard,
            level=stability_level(jaccard),
            dissolved_pct=float(result.dissolved_pct[c]),
            unstable_members=sorted(members[c + 1], key=lambda m: -m.moved_pct),
        )
    return Stability(
        B=ch.bootstrap,
        seed=ch.seed,
        clusters=clusters,
        units=units,
        unstable_units=unstable,
        unstable_clusters=[n for n, entry in clusters.items() if entry.jaccard < UNSTABLE_JACCARD],
        all_unstable=all(entry.jaccard < STABLE_JACCARD for entry in clusters.values()),
        stable_jaccard=STABLE_JACCARD,
        unstable_jaccard=UNSTABLE_JACCARD,
        threshold_pct=ch.unstable_pct,
        sample_size=ch.sample_size if sampled else None,
    )


def _destination(result, i: int, own: int) -> dict:
    """The other cluster unit i moved to most often, and how often (none when it never left)."""
    if result.moved_to_pct is None:
        return {}
    shares = result.moved_to_pct[i].copy()
    shares[own - 1] = -1.0  # a move into a bootstrap cluster that best matches its own cluster is no destination
    c = int(np.argmax(shares))
    return {"moved_to": c + 1, "moved_to_pct": float(shares[c])} if shares[c] > 0 else {}


def _assumptions(checks, dataset: Dataset) -> Assumptions:
    names = list(dataset.values.columns)
    ids = [str(i) for i in dataset.values.index]
    kmo = None
    # with fewer than three variables KMO is 0,5 whatever the data (one partial correlation equals the
    # correlation up to sign): it measures nothing, so it is not reported (the brief says why)
    if checks.kmo_overall is not None and len(names) >= MIN_KMO_FEATURES:
        kmo = Kmo(overall=checks.kmo_overall, per_variable=dict(zip(names, checks.kmo_per_variable)), singular=checks.kmo_singular)
    return Assumptions(
        kmo=kmo,
        thresholds=AssumptionThresholds(kmo=KMO_THRESHOLD, correlation=CORRELATION_THRESHOLD, outlier_z=OUTLIER_Z),
        high_correlations=[Correlation(a=names[a], b=names[b], r=r) for a, b, r in checks.high_correlations],
        outliers=[Outlier(unit=ids[row], feature=names[col], z=z) for row, col, z in checks.outliers],
        n_outliers=checks.n_outliers,
    )


def _pca(result, dataset: Dataset) -> PcaInfo:
    m = result.n_components
    return PcaInfo(
        explained_variance_pct=[float(v) for v in result.explained_variance_pct],
        kept_pct=float(sum(result.explained_variance_pct[:m])),
        loadings={f.name: [float(v) for v in result.loadings[i]] for i, f in enumerate(dataset.spec.features)},
        n_components=m,
    )


def _weights(weights: np.ndarray, partition: Partition, column: str | None) -> WeightsInfo:
    mass = np.bincount(partition.labels, weights=weights, minlength=partition.k)
    total = float(weights.sum())
    clusters = {c + 1: ClusterWeight(population=float(mass[c]), share_pct=float(100.0 * mass[c] / total)) for c in range(partition.k)}
    return WeightsInfo(column=column, population=total, clusters=clusters)


def _comparison(space: np.ndarray, partition: Partition, ch: Choices) -> Comparison:
    ks = sorted({k for k in (partition.k - 1, partition.k, partition.k + 1) if 2 <= k < len(space)})
    rows, chosen = compare_methods(space, ks, seed=ch.seed, neighbours=ch.neighbours)
    table = [
        ComparisonRow(method=r.method, metric=r.metric, k=r.k, silhouette=r.silhouette, dbi=r.dbi, connectivity=r.connectivity,
                      mean_rank=r.mean_rank, used=r.method == ch.method and r.metric == ch.metric and r.k == partition.k)
        for r in rows
    ]
    return Comparison(rows=table, chosen=table[chosen])
