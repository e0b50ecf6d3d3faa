"""Clustering algorithms behind one seam, `cluster(X, k, method=...)`, and stable cluster numbering.

K-means has local optima: on the 34-province IPM table a single start finds the global optimum only
some of the time, so the default number of restarts is generous for small n and bounded for large n.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from sklearn.cluster import KMeans


@dataclass(frozen=True)
class Partition:
    labels: np.ndarray  # n, values 0..k-1, numbered by `order_labels`
    centers: np.ndarray  # k × p, in the space the algorithm saw
    k: int
    method: str
    seed: int
    n_init: int
    within_ss: float
    total_ss: float

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
    """Restarts: many for province tables (cheap, and local optima are common), fewer for microdata."""
    if n <= 2_000:
        return 200
    if n <= 100_000:
        return 20
    return 5


def kmeans(X: np.ndarray, k: int, seed: int = 42, n_init: int | None = None) -> Partition:
    X = np.asarray(X, dtype=float)
    _check_k(X, k)
    n_init = n_init or default_n_init(len(X))
    model = KMeans(n_clusters=k, n_init=n_init, random_state=seed, algorithm="lloyd", max_iter=500, tol=1e-8)
    labels = model.fit_predict(X)
    centers = np.vstack([X[labels == c].mean(axis=0) for c in range(k)])
    within = float(sum(((X[labels == c] - centers[c]) ** 2).sum() for c in range(k)))
    total = float(((X - X.mean(axis=0)) ** 2).sum())
    return Partition(labels=labels, centers=centers, k=k, method="kmeans", seed=seed, n_init=n_init, within_ss=within, total_ss=total)


ALGORITHMS = {"kmeans": kmeans}


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
    return Partition(
        labels=mapping[labels],
        centers=partition.centers[order],
        k=partition.k,
        method=partition.method,
        seed=partition.seed,
        n_init=partition.n_init,
        within_ss=partition.within_ss,
        total_ss=partition.total_ss,
    )


def _check_k(X: np.ndarray, k: int) -> None:
    if k < 2:
        raise ValueError(f"k must be at least 2, got {k}")
    if k > len(X):
        raise ValueError(f"k = {k} is larger than the number of units ({len(X)})")
