"""K-means for small tables with all restarts run at once, in numpy.

Why hand-written: scikit-learn's KMeans costs about 14 ms per restart on the 34-province table
(validation and thread-pool set-up dominate the arithmetic), so 200 restarts take 2.8 s, and the
bootstrap (B = 100 refits) and the gap statistic (B reference sets × 9 values of k) need thousands
of fits. Here every restart is one slice of a (restarts × n × k) array: k-means++ seeding, then
Lloyd iterations until no restart changes a label. The result is the restart with the smallest
within-cluster sum of squares, exactly what KMeans(n_init=...) returns; tests compare the two.
Used only for small n (see `algorithms.BATCHED_MAX_CELLS`); large tables go to scikit-learn.
"""

from __future__ import annotations

import numpy as np


def batched_kmeans(
    X: np.ndarray,
    k: int,
    n_init: int,
    seed: int,
    weights: np.ndarray | None = None,
    max_iter: int = 300,
    tol: float = 1e-7,
) -> tuple[np.ndarray, np.ndarray, float]:
    """Best of `n_init` k-means++ + Lloyd runs: (labels, centers, weighted within-SS).

    Iteration stops when no label changes in any restart, or when the centers of every restart move
    less than `tol` × the mean feature variance (scikit-learn's relative tolerance, stricter).
    """
    X = np.asarray(X, dtype=float)
    n, _ = X.shape
    w = np.ones(n) if weights is None else np.asarray(weights, dtype=float)
    rng = np.random.default_rng(seed)
    centers = _plusplus(X, k, n_init, rng, w)
    sq_norms = (X**2).sum(axis=1)
    threshold = tol * float(X.var(axis=0).mean())
    labels = np.full((n_init, n), -1)
    for _ in range(max_iter):
        new_labels = _distances(X, sq_norms, centers).argmin(axis=1)
        if np.array_equal(new_labels, labels):
            break
        labels = new_labels
        new_centers = _update(X, labels, centers, k, w)
        shift = float(((new_centers - centers) ** 2).sum(axis=(1, 2)).max())
        centers = new_centers
        if shift <= threshold:
            labels = _distances(X, sq_norms, centers).argmin(axis=1)
            break
    dist = _distances(X, sq_norms, centers)  # runs × k × n
    chosen = np.take_along_axis(dist, labels[:, None, :], axis=1)[:, 0, :]
    inertia = (np.maximum(chosen, 0.0) * w).sum(axis=1)
    best = int(np.argmin(np.round(inertia, 10)))
    return labels[best].copy(), centers[best].copy(), float(inertia[best])


def _plusplus(X: np.ndarray, k: int, runs: int, rng: np.random.Generator, w: np.ndarray) -> np.ndarray:
    n = len(X)
    first = rng.choice(n, size=runs, p=w / w.sum())
    centers = np.empty((runs, k, X.shape[1]))
    centers[:, 0] = X[first]
    d2 = ((X[None, :, :] - centers[:, :1, :]) ** 2).sum(axis=2)  # runs × n
    for j in range(1, k):
        mass = d2 * w
        total = mass.sum(axis=1, keepdims=True)
        # A restart whose points all coincide with chosen centers picks uniformly.
        probs = np.where(total > 0, mass / np.where(total > 0, total, 1), 1.0 / n)
        cumulative = np.cumsum(probs, axis=1)
        draws = rng.random(runs)[:, None] * cumulative[:, -1:]
        picked = np.minimum((cumulative < draws).sum(axis=1), n - 1)
        centers[:, j] = X[picked]
        d2 = np.minimum(d2, ((X[None, :, :] - centers[:, j : j + 1, :]) ** 2).sum(axis=2))
    return centers


def _distances(X: np.ndarray, sq_norms: np.ndarray, centers: np.ndarray) -> np.ndarray:
    """Squared distances, runs × k × n (n last, so reductions over k run along contiguous rows)."""
    cross = np.matmul(centers, X.T)  # through BLAS
    return sq_norms[None, None, :] - 2 * cross + (centers**2).sum(axis=2)[:, :, None]


def _update(X: np.ndarray, labels: np.ndarray, old: np.ndarray, k: int, w: np.ndarray) -> np.ndarray:
    onehot = (labels[:, None, :] == np.arange(k)[None, :, None]) * w[None, None, :]  # runs × k × n
    mass = onehot.sum(axis=2)  # runs × k
    sums = np.matmul(onehot, X)  # runs × k × p
    # An emptied cluster keeps its previous center (Lloyd's usual convention).
    return np.where(mass[:, :, None] > 0, sums / np.where(mass > 0, mass, 1)[:, :, None], old)
