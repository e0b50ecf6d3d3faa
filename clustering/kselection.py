"""Choosing k: six indices side by side for a range of k, one vote each, and a consensus.

| index | best k | source |
|---|---|---|
| within-cluster SS (WSS) | the knee of the curve (Kneedle, the `kneed` package); no vote when there is none | |
| silhouette | largest | scikit-learn `silhouette_score` |
| gap statistic | smallest k with Gap(k) ≥ Gap(k+1) − s(k+1) (Tibshirani, Walther & Hastie 2001) | here |
| Davies–Bouldin (DBI) | smallest | scikit-learn |
| Calinski–Harabasz (CH) | largest | scikit-learn |
| connectivity | smallest | here, as R clValid's `connectivity()` |

The gap statistic and connectivity are written here because scikit-learn has neither; their
definitions follow the papers and are tested against hand-computed examples.

Silhouette, gap and connectivity are O(n²) (or need many refits): on tables larger than
`sample_size` they are computed on a seeded random sample of that size, and the report says so.
WSS, DBI and CH are computed on all units.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

import numpy as np
from scipy.spatial.distance import cdist, pdist

from .algorithms import Partition, cluster, default_n_init, sum_of_squares

INDICES = ("wss", "silhouette", "gap", "dbi", "ch", "connectivity")
# How k is chosen from the panel: the consensus of the votes, or one index's vote (elbow = the WSS knee).
RULES = ("auto", "dbi", "silhouette", "elbow", "gap")
# A partition with a cluster smaller than this is degenerate (when n ≥ DEGENERATE_MIN_N): it takes no
# vote unless every k of the range is degenerate.
MIN_CLUSTER_SIZE = 2
DEGENERATE_MIN_N = 30
BEST = {"silhouette": "max", "dbi": "min", "ch": "max", "connectivity": "min"}


@dataclass
class KSelection:
    k_values: list[int]
    indices: dict[str, list[float]]  # the six indices plus gap_se, each aligned with k_values
    knee: int | None
    votes: dict[str, int]  # index name → the k it prefers (wss only when there is a knee)
    chosen_k: int
    tie_break: str | None  # why chosen_k won when several k had the most votes
    sample_size: int | None  # None: every index on all units
    partitions: dict[int, Partition] = field(repr=False, default_factory=dict)
    gap_references: int = 0
    neighbours: int = 10
    rule: str = "auto"  # how chosen_k was chosen (RULES)
    excluded: list[int] = field(default_factory=list)  # k whose partition is degenerate: no vote
    edge: bool = False  # chosen_k is the largest k of the range: a wider range might choose more
    gap_prefers_one: bool = False  # Gap(1) ≥ Gap(2) − s(2): the gap statistic sees no clear structure
    rule_fallback: bool = False  # the rule's index gave no choice (elbow without a knee): the consensus decided

    def vote_counts(self) -> dict[int, int]:
        counts: dict[int, int] = {}
        for k in self.votes.values():
            counts[k] = counts.get(k, 0) + 1
        return counts


def nearest_neighbours(X: np.ndarray, neighbours: int = 10, metric: str = "euclidean") -> np.ndarray:
    """n × L indices of each point's L nearest neighbours, nearest first, the point itself excluded.
    Distances are computed in row blocks, so n × n is never held at once; equal distances keep the
    lower index first, as R's stable sort does."""
    X = np.asarray(X, dtype=float)
    n = len(X)
    L = max(0, min(neighbours, n - 1))
    order = np.empty((n, L), dtype=int)
    if L == 0:
        return order
    for start in range(0, n, 1024):
        block = cdist(X[start : start + 1024], X, metric="cityblock" if metric == "manhattan" else "euclidean")
        rows = np.arange(block.shape[0])
        block[rows, start + rows] = np.inf  # the point itself is not its own neighbour
        if L < n - 1:
            candidates = np.argpartition(block, L - 1, axis=1)[:, :L]
        else:
            candidates = np.tile(np.arange(n), (len(rows), 1))
        distances = np.take_along_axis(block, candidates, axis=1)
        ranked = np.lexsort((candidates, distances), axis=1)[:, :L]
        order[start : start + len(rows)] = np.take_along_axis(candidates, ranked, axis=1)
    return order


def connectivity(X: np.ndarray, labels: np.ndarray, neighbours: int = 10, metric: str = "euclidean",
                 nearest: np.ndarray | None = None) -> float:
    """Connectivity (Handl et al. 2005) as in R clValid: Σ_i Σ_{j≤L} [i and its j-th nearest
    neighbour are in different clusters] / j. Zero is best; it grows as clusters cut through
    neighbourhoods. `nearest` (from `nearest_neighbours`) can be passed to reuse it across k."""
    labels = np.asarray(labels)
    nearest = nearest_neighbours(X, neighbours, metric) if nearest is None else nearest
    if nearest.shape[1] == 0:
        return 0.0
    weights = 1.0 / np.arange(1, nearest.shape[1] + 1)
    return float(((labels[nearest] != labels[:, None]) * weights[None, :]).sum())


def pooled_within(X: np.ndarray, labels: np.ndarray, metric: str = "euclidean") -> float:
    """W_k of Tibshirani et al.: Σ_r D_r / (2 n_r), D_r the sum of all pairwise distances in cluster r.

    Squared Euclidean distances (the paper's choice) make W_k the within-cluster sum of squares;
    for Manhattan the distances themselves are summed, as R's clusGap does with d.power = 1.
    """
    labels = np.asarray(labels)
    if metric == "euclidean":
        return sum_of_squares(X, labels, int(labels.max()) + 1)[0]
    total = 0.0
    for c in np.unique(labels):
        members = X[labels == c]
        if len(members) > 1:
            total += 2.0 * pdist(members, metric="cityblock").sum() / (2 * len(members))
    return total


def gap_statistic(
    X: np.ndarray,
    k_values: list[int],
    fit: Callable[[np.ndarray, int, int], np.ndarray],
    references: int = 20,
    seed: int = 42,
    metric: str = "euclidean",
    data_labels: dict[int, np.ndarray] | None = None,
) -> tuple[list[float], list[float], list[float]]:
    """Gap(k) = E*[log W*_k] − log W_k, with B reference sets drawn uniformly over each feature's
    range (the paper's option a). Returns (gap, s_k, log W_k); s_k = sd_k · sqrt(1 + 1/B).

    `fit(X, k, seed)` returns labels: the same clustering method as for the data itself;
    `data_labels` ({k: labels}) reuses partitions of X already computed.
    """
    X = np.asarray(X, dtype=float)
    rng = np.random.default_rng(seed)
    low, high = X.min(axis=0), X.max(axis=0)
    data_labels = data_labels or {}
    def labels_of(data: np.ndarray, k: int, fit_seed: int, known: dict[int, np.ndarray]) -> np.ndarray:
        if k == 1:  # one cluster: W_1 needs no fit
            return np.zeros(len(data), dtype=int)
        return known[k] if k in known else fit(data, k, fit_seed)

    log_w = np.array([np.log(pooled_within(X, labels_of(X, k, seed, data_labels), metric)) for k in k_values])
    ref_log_w = np.empty((references, len(k_values)))
    for b in range(references):
        reference = rng.uniform(low, high, size=X.shape)
        for j, k in enumerate(k_values):
            ref_log_w[b, j] = np.log(pooled_within(reference, labels_of(reference, k, seed + b + 1, {}), metric))
    gap = ref_log_w.mean(axis=0) - log_w
    s = ref_log_w.std(axis=0, ddof=0) * np.sqrt(1 + 1 / references)
    return gap.tolist(), s.tolist(), log_w.tolist()


def gap_choice(k_values: list[int], gap: list[float], s: list[float]) -> int:
    """The 1-SE rule: the smallest k with Gap(k) ≥ Gap(k+1) − s(k+1); the largest gap when none."""
    for j in range(len(k_values) - 1):
        if gap[j] >= gap[j + 1] - s[j + 1]:
            return k_values[j]
    return k_values[int(np.argmax(gap))]


def find_knee(k_values: list[int], wss: list[float]) -> int | None:
    """Kneedle on the decreasing, convex WSS curve; None when the curve has no clear elbow."""
    from kneed import KneeLocator

    if len(k_values) < 3:
        return None
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # kneed warns "no knee/elbow found": None says the same
        knee = KneeLocator(k_values, wss, curve="convex", direction="decreasing", S=1.0).knee
    return int(knee) if knee is not None else None


def select_k(
    X: np.ndarray,
    k_values: list[int],
    method: str = "kmeans",
    metric: str = "euclidean",
    seed: int = 42,
    n_init: int | None = None,
    gap_references: int = 20,
    neighbours: int = 10,
    sample_size: int | None = 2000,
    rule: str = "auto",
    progress=None,
) -> KSelection:
    """Cluster for every k, compute the six indices, collect the votes and choose k by `rule`:
    the consensus ("auto") or one index's vote. Degenerate partitions (a cluster of fewer than
    MIN_CLUSTER_SIZE units, when n ≥ DEGENERATE_MIN_N) take no vote unless every k is degenerate;
    the gap statistic also weighs k = 1. `progress(done, total)` is called after each fit."""
    if rule not in RULES:
        raise ValueError(f"unknown k rule {rule!r}; known: {', '.join(RULES)}")
    from sklearn.metrics import calinski_harabasz_score, davies_bouldin_score, silhouette_score

    X = np.asarray(X, dtype=float)
    n = len(X)
    k_values = [k for k in k_values if 2 <= k <= n - 1]
    if len(k_values) < 2:
        raise ValueError(f"the k range needs at least two values between 2 and n − 1 = {n - 1}")
    partitions = {}
    for step, k in enumerate(k_values, start=1):
        partitions[k] = cluster(X, k, method=method, seed=seed, metric=metric, n_init=n_init)
        if progress is not None:
            progress(step, len(k_values) + 1)

    sampled = sample_size is not None and n > sample_size
    rows = np.sort(np.random.default_rng(seed).choice(n, sample_size, replace=False)) if sampled else np.arange(n)
    sample = X[rows]
    silhouette_metric = "manhattan" if metric == "manhattan" else "euclidean"
    indices: dict[str, list[float]] = {name: [] for name in INDICES}
    nearest = nearest_neighbours(sample, neighbours, metric)
    for k in k_values:
        labels = partitions[k].labels
        indices["wss"].append(partitions[k].within_ss)
        indices["dbi"].append(float(davies_bouldin_score(X, labels)))
        indices["ch"].append(float(calinski_harabasz_score(X, labels)))
        sample_labels = labels[rows]
        if len(np.unique(sample_labels)) > 1:
            indices["silhouette"].append(float(silhouette_score(sample, sample_labels, metric=silhouette_metric)))
        else:
            indices["silhouette"].append(float("nan"))
        indices["connectivity"].append(connectivity(sample, sample_labels, neighbours, metric, nearest=nearest))

    selection = decide_k(k_values, indices, {k: p.sizes for k, p in partitions.items()}, n, sample, sampled, method, metric, seed, n_init,
                         gap_references, neighbours, sample_size, rule,
                         known_labels={} if sampled else {k: p.labels for k, p in partitions.items()})
    selection.partitions = partitions
    if progress is not None:
        progress(len(k_values) + 1, len(k_values) + 1)
    return selection


def decide_k(k_values: list[int], indices: dict[str, list[float]], sizes: dict[int, list[int]], n: int, sample: np.ndarray,
             sampled: bool, method: str, metric: str, seed: int, n_init: int | None, gap_references: int, neighbours: int,
             sample_size: int | None, rule: str, known_labels: dict[int, np.ndarray] | None = None) -> KSelection:
    """From the five indices of every k (wss, dbi, ch, silhouette, connectivity): the gap statistic
    (which also weighs k = 1), the degenerate partitions that take no vote, the votes, the consensus and
    the rule's choice. One decision for the in-memory panel above and the Dask one
    (clustering.dask_engine), so that both engines choose k alike."""
    # Reference sets: the same method, fewer restarts (uniform data has no structure to miss); on a
    # sample a fixed 3, so the gap statistic costs the same at 10 000 and at 1 000 000 units.
    restarts = min(n_init or default_n_init(n), 3 if sampled else 10)

    def fit(data: np.ndarray, k: int, fit_seed: int) -> np.ndarray:
        return cluster(data, k, method=method, seed=fit_seed, metric=metric, n_init=restarts).labels

    known = known_labels or {}
    with_one = [1, *k_values] if k_values[0] == 2 else k_values
    gap, gap_se, _ = gap_statistic(sample, with_one, fit, gap_references, seed, metric, data_labels=known)
    gap_prefers_one = with_one[0] == 1 and gap[0] >= gap[1] - gap_se[1]
    if with_one[0] == 1:
        gap, gap_se = gap[1:], gap_se[1:]
    indices["gap"], indices["gap_se"] = gap, gap_se

    excluded = []
    if n >= DEGENERATE_MIN_N:
        excluded = [k for k in k_values if min(sizes[k]) < MIN_CLUSTER_SIZE]
        if len(excluded) == len(k_values):
            excluded = []
    allowed = np.array([k not in excluded for k in k_values])
    knee = find_knee(k_values, indices["wss"])
    votes: dict[str, int] = {}
    if knee is not None and knee not in excluded:
        votes["wss"] = knee
    for name, best in BEST.items():
        values = np.array(indices[name])
        values = np.where(np.isnan(values) | ~allowed, -np.inf if best == "max" else np.inf, values)
        votes[name] = k_values[int(np.argmax(values) if best == "max" else np.argmin(values))]
    admissible = [k for k in k_values if k not in excluded]
    votes["gap"] = gap_choice(admissible, [g for g, ok in zip(gap, allowed) if ok], [s for s, ok in zip(gap_se, allowed) if ok])
    votes = {name: votes[name] for name in INDICES if name in votes}
    chosen, tie_break = consensus(votes, k_values, indices["silhouette"])
    by_rule = {"dbi": "dbi", "silhouette": "silhouette", "elbow": "wss", "gap": "gap"}.get(rule)
    fallback = False
    if by_rule is not None:
        if by_rule in votes:
            chosen, tie_break = votes[by_rule], None
        else:
            fallback = True  # elbow without a knee: the consensus, and the brief says so
    return KSelection(
        k_values=k_values,
        indices=indices,
        knee=knee,
        votes=votes,
        chosen_k=chosen,
        tie_break=tie_break,
        sample_size=int(sample_size) if sampled else None,
        gap_references=gap_references,
        neighbours=neighbours,
        rule=rule,
        excluded=excluded,
        edge=len(k_values) > 2 and chosen == k_values[-1],
        gap_prefers_one=bool(gap_prefers_one),
        rule_fallback=fallback,
    )


def consensus(votes: dict[str, int], k_values: list[int], silhouette: list[float]) -> tuple[int, str | None]:
    """The k with the most votes; a tie goes to the tied k with the highest silhouette (the index
    that judges both compactness and separation), and if that ties too, to the smaller k."""
    counts: dict[int, int] = {}
    for k in votes.values():
        counts[k] = counts.get(k, 0) + 1
    top = max(counts.values())
    tied = sorted(k for k, c in counts.items() if c == top)
    if len(tied) == 1:
        return tied[0], None
    sil = {k: silhouette[k_values.index(k)] for k in tied}
    best = max(tied, key=lambda k: (np.nan_to_num(sil[k], nan=-np.inf), -k))
    return best, "silhouette"
