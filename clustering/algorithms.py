"""Clustering algorithms behind one seam, `cluster(X, k, method=..., metric=...)`, and stable numbering.

- k-means: many restarts. On the 34-province IPM table a single k-means++ start finds the global
  optimum about one time in ten, so small tables get 200 restarts (run at once by
  `batched.batched_kmeans`); large tables go to scikit-learn with fewer restarts.
- k-medoids: FasterPAM from the `kmedoids` package on a full dissimilarity matrix, Euclidean or
  Manhattan; medoids are real units, so the result is robust to outliers.
- Ward: scikit-learn's agglomerative clustering with Ward linkage (Euclidean only by definition).

Every method returns a `Partition` whose `within_ss` is the squared Euclidean distance to the
cluster means, so "between SS / total SS" means the same thing whatever the method. Units are
clustered unweighted; survey weights apply to the profiles (clustering.profiles).

The methods are a registry, `ALGORITHMS` (name -> function with the signature of `kmeans`): a new
method is one function and one entry there; `METHODS`, `cluster(...)` and the `--method` setting
(interpret/settings.py) follow it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
from scipy.spatial.distance import cdist
from threadpoolctl import threadpool_limits

from .batched import batched_kmeans

METRICS = ("euclidean", "manhattan")
# Below this many cells (n × restarts × k) the batched numpy k-means is used; above it, scikit-learn
# (whose per-restart overhead no longer dominates).
BATCHED_MAX_CELLS = 5_000_000
BATCHED_MAX_UNITS = 5_000
# Above this many units, k-means restarts run on a seeded sample of SEED_SAMPLE units and the best
# centers are then refined by Lloyd iterations on all units (restarts on a million rows would
# dominate the run; the refinement still finds the optimum of the full data near those centers).
LARGE_N = 25_000
SEED_SAMPLE = 25_000
# The restart schedule spends about this many unit-restarts (units × restarts) per fit, between 3 and
# 200 restarts: smooth in n (no jump at a size threshold), and never more work for fewer units.
RESTART_BUDGET = 200_000
# The O(n²) methods (k-medoids on a full dissimilarity matrix, Ward) refuse tables larger than this.
MAX_PAIRWISE_UNITS = 20_000


@dataclass(frozen=True)
class Partition:
    labels: np.ndarray  # n, values 0..k-1, numbered by `order_labels`
    centers: np.ndarray  # k × p, in the space the algorithm saw (medoids for k-medoids)
    k: int
    method: str
    seed: int
    n_init: int
    within_ss: float
    total_ss: float
    metric: str = "euclidean"

    @property
    def between_ss(self) -> float:
        return self.total_ss - self.within_ss

    @property
    def between_ratio(self) -> float:
        return self.between_ss / self.total_ss if self.total_ss > 0 else 0.0

    @property
    def sizes(self) -> list[int]:
        return np.bincount(self.labels, minlength=self.k).tolist()


def default_n_init(n: int) -> int:
    """Restarts: many for province tables (cheap, and local optima are common), fewer for microdata.

    200 up to 1 000 units, then RESTART_BUDGET / n (at least 3); above LARGE_N the restarts run on a
    sample of SEED_SAMPLE units, so the count stays that of SEED_SAMPLE units."""
    units = min(n, SEED_SAMPLE) if n > LARGE_N else n
    return int(max(3, min(200, round(RESTART_BUDGET / max(units, 1)))))


def sum_of_squares(X: np.ndarray, labels: np.ndarray, k: int) -> tuple[float, float]:
    """(within-cluster SS around the cluster means, total SS around the grand mean)."""
    mass = np.bincount(labels, minlength=k).astype(float)
    sums = np.vstack([np.bincount(labels, weights=X[:, j], minlength=k) for j in range(X.shape[1])]).T
    means = sums / np.where(mass > 0, mass, 1)[:, None]
    total_sq = float((X**2).sum())
    within = total_sq - float((mass[:, None] * means**2).sum())
    total = total_sq - float(len(X) * (X.mean(axis=0) ** 2).sum())
    return max(within, 0.0), max(total, 0.0)


def kmeans(
    X: np.ndarray,
    k: int,
    seed: int = 42,
    n_init: int | None = None,
    metric: str = "euclidean",
) -> Partition:
    X = np.asarray(X, dtype=float)
    _check_k(X, k)
    if metric != "euclidean":
        raise ValueError("k-means minimises squared Euclidean distance; use method kmedoids for metric manhattan")
    n_init = n_init or default_n_init(len(X))
    # Restarts on at most LARGE_N units run on one thread: on small matrices OpenMP/BLAS threads
    # only spin against each other (10× slower on a busy 2-core machine); the refinement of the
    # best centres on all units of a large table keeps the library's threads.
    with threadpool_limits(limits=1):
        if len(X) <= BATCHED_MAX_UNITS and len(X) * n_init * k <= BATCHED_MAX_CELLS:
            labels, centers, _ = batched_kmeans(X, k, n_init, seed)
            return _partition(X, labels, centers, k, "kmeans", seed, n_init, metric)
        from sklearn.cluster import KMeans

        init = "k-means++"
        if len(X) > LARGE_N:
            rows = np.random.default_rng(seed).choice(len(X), SEED_SAMPLE, replace=False)
            init = KMeans(n_clusters=k, n_init=n_init, random_state=seed).fit(X[rows]).cluster_centers_
        else:
            model = KMeans(n_clusters=k, init=init, n_init=n_init, random_state=seed, algorithm="lloyd", max_iter=300)
            labels = model.fit_predict(X)
            return _partition(X, labels, model.cluster_centers_, k, "kmeans", seed, n_init, metric)
    model = KMeans(n_clusters=k, init=init, n_init=1, random_state=seed, algorithm="lloyd", max_iter=300)
    labels = model.fit_predict(X)
    centers = model.cluster_centers_
    return _partition(X, labels, centers, k, "kmeans", seed, n_init, metric)


def kmedoids(
    X: np.ndarray,
    k: int,
    seed: int = 42,
    n_init: int | None = None,
    metric: str = "euclidean",
) -> Partition:
    """FasterPAM (Schubert & Rousseeuw 2021) on the full dissimilarity matrix; best of a few seeds."""
    import kmedoids as kmedoids_package

    X = np.asarray(X, dtype=float)
    _check_k(X, k)
    _check_metric(metric)
    _check_pairwise(X, "kmedoids")
    n_init = n_init or (10 if len(X) <= 2_000 else 2)
    diss = cdist(X, X, metric="cityblock" if metric == "manhattan" else "euclidean")
    best = None
    for run in range(n_init):
        result = kmedoids_package.fasterpam(diss, k, init="build" if run == 0 else "random", random_state=seed + run, n_cpu=1)
        if best is None or result.loss < best.loss - 1e-9:
            best = result
    labels = np.asarray(best.labels, dtype=int)
    centers = X[np.asarray(best.medoids, dtype=int)]
    return _partition(X, labels, centers, k, "kmedoids", seed, n_init, metric)


def ward(
    X: np.ndarray,
    k: int,
    seed: int = 42,
    n_init: int | None = None,
    metric: str = "euclidean",
) -> Partition:
    """Agglomerative clustering with Ward linkage: deterministic, so seed and restarts do not apply."""
    from sklearn.cluster import AgglomerativeClustering

    X = np.asarray(X, dtype=float)
    _check_k(X, k)
    if metric != "euclidean":
        raise ValueError("Ward linkage is defined for Euclidean distance only; use method kmedoids for metric manhattan")
    _check_pairwise(X, "ward")
    labels = AgglomerativeClustering(n_clusters=k, linkage="ward").fit_predict(X)
    centers = np.vstack([X[labels == c].mean(axis=0) for c in range(k)])
    return _partition(X, labels, centers, k, "ward", seed, 1, metric)


def kprototypes(
    X: np.ndarray,
    k: int,
    seed: int = 42,
    n_init: int | None = None,
    metric: str = "euclidean",
    categorical: list[int] | tuple[int, ...] = (),
) -> Partition:
    """k-prototypes for mixed data (clustering.kprototypes says why not one-hot or Gower): the columns
    `categorical` of X hold codes, the others scaled numbers. within_ss and the centres are those of
    the numeric columns, so "between SS / total SS" keeps its meaning; without codes it is k-means."""
    from .kprototypes import fit

    X = np.asarray(X, dtype=float)
    _check_k(X, k)
    if metric != "euclidean":
        raise ValueError("k-prototypes uses squared Euclidean distance on the numeric part; metric manhattan is for kmedoids")
    numeric_columns = [j for j in range(X.shape[1]) if j not in set(categorical)]
    if not categorical:
        return replace(kmeans(X, k, seed, n_init, metric), method="kprototypes")
    n_init = n_init or (8 if len(X) <= 2_000 else 2)
    labels, _ = fit(X[:, numeric_columns], X[:, list(categorical)].astype(int), k, seed, n_init)
    if len(np.unique(labels)) < k:
        raise ValueError(f"k-prototypes found only {len(np.unique(labels))} non-empty clusters for k = {k}; choose a smaller k")
    numeric = X[:, numeric_columns]
    centers = np.vstack([numeric[labels == c].mean(axis=0) for c in range(k)])
    return _partition(numeric, labels, centers, k, "kprototypes", seed, n_init, metric)


ALGORITHMS = {"kmeans": kmeans, "kmedoids": kmedoids, "ward": ward, "kprototypes": kprototypes}
METHODS = tuple(ALGORITHMS)


def cluster(X: np.ndarray, k: int, method: str = "kmeans", seed: int = 42, **options) -> Partition:
    """Run one clustering method; new methods register in ALGORITHMS with the same signature."""
    try:
        algorithm = ALGORITHMS[method]
    except KeyError:
        raise ValueError(f"unknown method {method!r}; known: {', '.join(sorted(ALGORITHMS))}") from None
    return algorithm(X, k, seed=seed, **options)


def order_labels(partition: Partition, key: np.ndarray) -> Partition:
    """Renumber clusters so cluster 0 has the highest mean `key`, then descending.

    Ties are broken by the smallest member index, so the numbering depends only on the partition,
    never on which random start found it: "Klaster 1" means the same cluster on every run.
    """
    key = np.asarray(key, dtype=float)
    labels = partition.labels
    order = sorted(
        range(partition.k),
        key=lambda c: (-round(float(key[labels == c].mean()), 12), int(np.flatnonzero(labels == c)[0])),
    )
    mapping = np.empty(partition.k, dtype=int)
    for new, old in enumerate(order):
        mapping[old] = new
    return replace(partition, labels=mapping[labels], centers=partition.centers[order])


def _partition(X, labels, centers, k, method, seed, n_init, metric) -> Partition:
    labels = np.asarray(labels, dtype=int)
    if len(np.unique(labels)) < k:
        raise ValueError(f"{method} found fewer than k = {k} non-empty clusters; the data has too few distinct points")
    within, total = sum_of_squares(X, labels, k)
    return Partition(labels=labels, centers=np.asarray(centers, dtype=float), k=k, method=method, seed=seed,
                     n_init=n_init, within_ss=within, total_ss=total, metric=metric)


def _check_k(X: np.ndarray, k: int) -> None:
    if k < 2:
        raise ValueError(f"k must be at least 2, got {k}")
    if k > len(X):
        raise ValueError(f"k = {k} is larger than the number of units ({len(X)})")


def _check_metric(metric: str) -> None:
    if metric not in METRICS:
        raise ValueError(f"unknown metric {metric!r}; known: {', '.join(METRICS)}")


def _check_pairwise(X: np.ndarray, method: str) -> None:
    if len(X) > MAX_PAIRWISE_UNITS:
        raise ValueError(
            f"{method} needs all {len(X)}² pairwise distances; use it on at most {MAX_PAIRWISE_UNITS} units "
            "(or method kmeans for microdata)"
        )
