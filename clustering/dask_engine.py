"""K-means, scaling and the k panel on a Dask cluster, for tables larger than one machine's memory.

Every step is a map-reduce over the row blocks of a dask array: each block returns a few k × p
sums and the driver combines them, so no worker ever holds more than one block (plus a persisted
copy when the data fits in the workers' memory; see `DaskEngine.prepare`).

- scaling: z-score (ddof = 1, from Chan's parallel moments, exact) and min-max (exact); robust
  scaling needs quartiles and is refused here (use zscore or minmax on the Dask engine).
- k-means: k-means‖ initialisation (Bahmani, Moseley, Vattani, Kumar & Vassilvitskii 2012,
  "Scalable K-Means++": 5 rounds, oversampling ℓ = 2k, each candidate weighted by the units nearest
  to it, the weighted candidates re-clustered in memory by `batched.batched_kmeans` with the
  in-memory engine's restart count), then Lloyd iterations on all units until no unit changes
  cluster, or the centers move at most `tol` × the mean variance (scikit-learn's tol, default
  1e-4, the setting `kmeans_tol`), or `max_iter` (then `DaskFit.converged` is False). Sampling is seeded per block, so a seed gives the same result on any cluster.
  A table small enough for the in-memory engine's batched restarts (≤ 5 000 units) skips k-means‖:
  its rows are gathered and seeded exactly as in memory, so both engines give the same partition.
- the k panel: WSS, Davies–Bouldin and Calinski–Harabasz from all units (exact: the final Lloyd
  pass returns each cluster's sums); silhouette, gap and connectivity on the same seeded sample of
  `sample_size` units as the in-memory engine (`kselection`), gathered to the driver.

Why not dask-ml's KMeans (2025.1 installs and runs with scikit-learn 1.9 / pandas 2.3): its k-means‖
re-clusters the candidates unweighted (step 7 of the paper is skipped, see the comment in
dask_ml/cluster/k_means.py), its first center is always row 0, it stops on an absolute center shift,
it reports the inertia as a sum of unsquared distances when the loop ends unconverged, and it pulls
in numba and llvmlite (~150 MB) for one summation. The algorithm is short; it is written here.

This module imports dask only inside functions: `clustering` stays importable without it.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Callable, Iterator

import numpy as np

from .algorithms import BATCHED_MAX_CELLS, BATCHED_MAX_UNITS, Partition, default_n_init
from .batched import batched_kmeans

INSTALL_HINT = "pip install 'interpret[dask]'"
ROUNDS = 5  # k-means‖ rounds: the paper finds 5 enough for any k it tried
# Lloyd stops when the centres move (sum of squared shifts) at most TOL × the mean feature variance:
# scikit-learn's `tol` semantics and default. "No unit changes" alone needs tens of full passes on
# millions of units for the last few hundred border units; the setting `kmeans_tol` overrides it.
TOL = 1e-4
MAX_ITER = 300
Progress = Callable[[str, str], None]


class ProgressEvent(str):
    """A progress message as a key and its values, so the caller words it in the run's language
    (clustering imports nothing from interpret and holds no catalogue); as a str, a plain English line
    for callers that only print."""

    key: str
    values: dict

    def __new__(cls, key: str, text: str, **values) -> "ProgressEvent":
        event = super().__new__(cls, text)
        event.key, event.values = key, values
        return event

    def __reduce__(self):
        return _rebuild_event, (self.key, str(self), self.values)


def _rebuild_event(key: str, text: str, values: dict) -> ProgressEvent:
    return ProgressEvent(key, text, **values)


def require_dask() -> None:
    """Import dask and distributed, or raise ImportError with the install hint."""
    try:
        import dask.array  # noqa: F401
        import distributed  # noqa: F401
    except ImportError as exc:
        raise ImportError(f"the Dask engine needs dask and distributed ({exc.name or exc} is not installed): {INSTALL_HINT}") from None


@contextmanager
def dask_client(address: str | None = None, workers: int = 2, memory_limit: str = "auto", processes: bool = True) -> Iterator:
    """A distributed Client: on the scheduler at `address`, else on a LocalCluster closed on exit.

    One thread per worker: the numpy blocks release the GIL, and on a 2-core machine two single-
    threaded workers use both cores without oversubscribing BLAS."""
    require_dask()
    import logging

    from distributed import Client, LocalCluster

    if address:
        client = Client(address, timeout="10s")
        try:
            yield client
        finally:
            client.close()
        return
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, memory_limit=memory_limit, processes=processes,
                           dashboard_address=None, silence_logs=logging.ERROR)
    client = Client(cluster)
    try:
        yield client
    finally:
        client.close()
        cluster.close()


# -- map-reduce over row blocks ----------------------------------------------------------------------
def _map(fn, X, *args, weights=None):
    """fn(block, weight_block_or_None, block_index, *args) for every row block, computed on the cluster."""
    import dask

    blocks = X.to_delayed().ravel()
    wblocks = weights.to_delayed().ravel() if weights is not None else [None] * len(blocks)
    call = dask.delayed(fn, pure=True)
    return dask.compute(*[call(b, w, i, *args) for i, (b, w) in enumerate(zip(blocks, wblocks))])


@dataclass(frozen=True)
class Moments:
    """Per group (rows) and feature (columns): weight, count, mean, M2 = Σ w (x − mean)², min, max."""

    weight: np.ndarray
    count: np.ndarray
    mean: np.ndarray
    m2: np.ndarray
    min: np.ndarray
    max: np.ndarray

    def sd(self, weighted: bool) -> np.ndarray:
        """Sample sd (ddof = 1); with frequency weights Σ w (x − x̄)² / (Σ w − 1), as profiles.weighted_sd."""
        dof = (self.weight if weighted else self.count) - 1
        return np.sqrt(np.where(dof > 0, self.m2 / np.where(dof > 0, dof, 1), 0.0))


def block_moments(x: np.ndarray, w: np.ndarray | None, labels: np.ndarray, k: int) -> Moments:
    x = np.asarray(x, dtype=float)
    p = x.shape[1]
    w = np.ones(len(x)) if w is None else np.asarray(w, dtype=float)
    weight, count = np.zeros((k, p)), np.zeros((k, p))
    mean, m2 = np.zeros((k, p)), np.zeros((k, p))
    low, high = np.full((k, p), np.inf), np.full((k, p), -np.inf)
    for c in range(k):
        inside = labels == c
        if not inside.any():
            continue
        xc, wc = x[inside], w[inside]
        weight[c], count[c] = wc.sum(), inside.sum()
        mean[c] = (wc[:, None] * xc).sum(axis=0) / wc.sum()
        m2[c] = (wc[:, None] * (xc - mean[c]) ** 2).sum(axis=0)
        low[c], high[c] = xc.min(axis=0), xc.max(axis=0)
    return Moments(weight, count, mean, m2, low, high)


def merge_moments(parts) -> Moments:
    """Chan, Golub & LeVeque's pairwise update: exact to rounding, stable for large means."""
    total = None
    for part in parts:
        if total is None:
            total = part
            continue
        w = total.weight + part.weight
        safe = np.where(w > 0, w, 1)
        delta = part.mean - total.mean
        total = Moments(
            weight=w,
            count=total.count + part.count,
            mean=total.mean + delta * part.weight / safe,
            m2=total.m2 + part.m2 + delta**2 * total.weight * part.weight / safe,
            min=np.minimum(total.min, part.min),
            max=np.maximum(total.max, part.max),
        )
    return total


def _overall_block(x, w, i):
    return block_moments(x, w, np.zeros(len(x), dtype=int), 1)


def moments(X, weights=None) -> Moments:
    """Overall moments of every column, one pass."""
    return merge_moments(_map(_overall_block, X, weights=weights))


# -- scaling -------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class DaskScaled:
    values: object  # the lazy dask array of scaled rows
    center: np.ndarray
    scale: np.ndarray
    method: str
    n: int
    variance: np.ndarray  # per feature, of the scaled values (ddof = 1)
    mean: np.ndarray  # per feature, of the scaled values


def scale_dask(X, method: str = "zscore") -> DaskScaled:
    """zscore or minmax from one pass of moments; the scaled array stays lazy."""
    stats = moments(X)
    n = int(stats.count[0, 0])
    if n < 2:
        raise ValueError("scaling needs a 2-D array with at least two rows")
    if method == "zscore":
        center, spread = stats.mean[0], stats.sd(weighted=False)[0]
    elif method == "minmax":
        center, spread = stats.min[0], stats.max[0] - stats.min[0]
    elif method == "robust":
        raise ValueError("robust scaling needs exact quartiles, which the Dask engine does not compute; use zscore or minmax")
    else:
        raise ValueError(f"unknown scaling {method!r}; known: zscore, minmax")
    constant = np.flatnonzero(~(spread > 0))
    if constant.size:
        raise ValueError(f"constant column(s) at position {constant.tolist()} cannot be scaled ({method})")
    variance = stats.sd(weighted=False)[0] ** 2 / spread**2
    return DaskScaled(values=(X - center) / spread, center=center, scale=spread, method=method, n=n,
                      variance=variance, mean=(stats.mean[0] - center) / spread)


def as_space(X) -> DaskScaled:
    """An array clustered as it is (e.g. principal component scores): its moments, no scaling."""
    stats = moments(X)
    p = X.shape[1]
    return DaskScaled(values=X, center=np.zeros(p), scale=np.ones(p), method="none", n=int(stats.count[0, 0]),
                      variance=stats.sd(weighted=False)[0] ** 2, mean=stats.mean[0])


# -- k-means‖ + Lloyd ----------------------------------------------------------------------------------
def _sq_dist(x: np.ndarray, centers: np.ndarray, sq_norms: np.ndarray | None = None) -> np.ndarray:
    sq_norms = np.einsum("ij,ij->i", x, x) if sq_norms is None else sq_norms
    d = sq_norms[:, None] - 2 * x @ centers.T + (centers**2).sum(axis=1)[None, :]
    return np.maximum(d, 0.0)


def _oversample_block(x, w, i, centers, phi, ell, seed, round_number, offsets):
    x = np.asarray(x, dtype=float)
    d2 = _sq_dist(x, centers).min(axis=1)
    rng = np.random.default_rng([seed, round_number, i])  # per block: the same draw on any cluster
    picked = np.flatnonzero(rng.random(len(x)) < ell * d2 / phi)
    return float(d2.sum()), offsets[i] + picked, x[picked]


def _nearest_count_block(x, w, i, centers):
    return np.bincount(_sq_dist(np.asarray(x, dtype=float), centers).argmin(axis=1), minlength=len(centers))


def _lloyd_block(x, w, i, centers, previous):
    """Sums for labels by `centers`: counts, sums, Σ d², Σ d (for Davies–Bouldin), and how many units
    a label by `previous` would put elsewhere."""
    x = np.asarray(x, dtype=float)
    k = len(centers)
    sq_norms = np.einsum("ij,ij->i", x, x)
    d2 = _sq_dist(x, centers, sq_norms)
    labels = d2.argmin(axis=1)
    nearest = d2[np.arange(len(x)), labels]
    counts = np.bincount(labels, minlength=k)
    sums = (labels[None, :] == np.arange(k)[:, None]).astype(float) @ x  # k × p through BLAS
    changed = len(x) if previous is None else int((_sq_dist(x, previous, sq_norms).argmin(axis=1) != labels).sum())
    return (counts, sums, np.bincount(labels, weights=nearest, minlength=k),
            np.bincount(labels, weights=np.sqrt(nearest), minlength=k), changed)


def _assign_block(x, centers):
    return _sq_dist(np.asarray(x, dtype=float), centers).argmin(axis=1).astype(np.int32)


@dataclass
class DaskFit:
    """A k-means fit on all units; labels stay on the cluster until `labels()` is computed."""

    k: int
    centers: np.ndarray  # the cluster means
    assign_centers: np.ndarray  # the centers the labels are the nearest of (= centers once converged)
    sizes: np.ndarray
    within_ss: float
    total_ss: float
    dbi: float
    ch: float
    n_init: int
    n_iter: int
    converged: bool
    seed: int
    candidates: int  # k-means‖ candidates re-clustered
    values: object = field(repr=False, default=None)

    def labels(self):
        """Lazy int32 labels, one per row of the clustered array."""
        return self.values.map_blocks(_assign_block, self.assign_centers, drop_axis=1, dtype=np.int32)

    def partition(self, labels: np.ndarray) -> Partition:
        return Partition(labels=np.asarray(labels, dtype=int), centers=self.centers, k=self.k, method="kmeans", seed=self.seed,
                         n_init=self.n_init, within_ss=self.within_ss, total_ss=self.total_ss, metric="euclidean")


def kmeans_parallel_init(scaled: DaskScaled, k: int, seed: int, n_init: int, progress: Progress) -> tuple[np.ndarray, int]:
    X, n = scaled.values, scaled.n
    offsets = np.r_[0, np.cumsum(X.chunks[0])[:-1]]
    rng = np.random.default_rng(seed)
    first = int(rng.integers(n))
    rows = np.array([first])
    centers = np.asarray(X[first].compute(), dtype=float)[None, :]
    # φ for one center c, from the moments: Σ‖x − c‖² = (n − 1) Σ var + n ‖mean − c‖²
    phi = float((n - 1) * scaled.variance.sum() + n * ((scaled.mean - centers[0]) ** 2).sum())
    ell = 2.0 * k
    for round_number in range(ROUNDS + 10):
        if round_number >= ROUNDS and len(centers) >= k:
            break
        if phi <= 0:
            break
        parts = _map(_oversample_block, X, centers, phi, ell, seed, round_number, offsets)
        # The cost returned is that of the centers before this round: the next round's φ (the paper
        # recomputes it in a pass of its own; one pass per round halves the reads of the data).
        phi = sum(cost for cost, _, _ in parts)
        # Candidates in row order (a unit already a candidate has distance 0 and is never drawn again).
        rows = np.concatenate([rows, *(picked for _, picked, _ in parts)])
        order = np.argsort(rows, kind="stable")
        rows, centers = rows[order], np.vstack([centers, *(points for _, _, points in parts)])[order]
    progress("kmeans", ProgressEvent("kmeans_candidates", f"k = {k}: k-means‖, {len(centers)} candidates", k=k, candidates=len(centers)))
    if len(centers) < k:
        raise ValueError(f"kmeans found fewer than k = {k} distinct points; the data has too few distinct points")
    if len(centers) == k:
        return centers, len(centers)
    # Step 7: each candidate weighs as many units as are nearest to it (at least itself: candidates
    # are distinct units), step 8: the weighted candidates re-clustered in memory.
    weights = np.sum(_map(_nearest_count_block, X, centers), axis=0).astype(float)
    _, best, _ = batched_kmeans(centers, k, n_init=n_init, seed=seed, weights=weights)
    return best, len(centers)


def kmeans_dask(scaled: DaskScaled, k: int, seed: int = 42, n_init: int | None = None, max_iter: int = MAX_ITER,
                progress: Progress | None = None, gather_below: int = BATCHED_MAX_UNITS, tol: float = TOL) -> DaskFit:
    """k-means‖ + Lloyd on all units of `scaled` (see the module docstring); tables of at most
    `gather_below` units start from the in-memory engine's batched restarts instead of k-means‖."""
    say = progress or (lambda stage, message: None)
    n = scaled.n
    if k < 2:
        raise ValueError(f"k must be at least 2, got {k}")
    if k > n:
        raise ValueError(f"k = {k} is larger than the number of units ({n})")
    restarts = n_init or default_n_init(n)
    if n <= gather_below and n * restarts * k <= BATCHED_MAX_CELLS:
        # A table the in-memory engine clusters with batched restarts: every unit is a candidate of
        # weight 1 (k-means‖ would draw most of them anyway), so the fit is the in-memory engine's.
        centers = batched_kmeans(np.asarray(scaled.values.compute(), dtype=float), k, restarts, seed)[1]
        n_candidates = n
    else:
        centers, n_candidates = kmeans_parallel_init(scaled, k, seed, restarts, say)
    threshold = tol * float(scaled.variance.mean())
    previous, converged = None, False
    for iteration in range(1, max_iter + 1):
        parts = _map(_lloyd_block, scaled.values, centers, previous)
        counts = np.sum([p[0] for p in parts], axis=0)
        sums = np.sum([p[1] for p in parts], axis=0)
        d2 = np.sum([p[2] for p in parts], axis=0)
        dist = np.sum([p[3] for p in parts], axis=0)
        changed = sum(p[4] for p in parts)
        means = np.where(counts[:, None] > 0, sums / np.where(counts > 0, counts, 1)[:, None], centers)
        shift = float(((means - centers) ** 2).sum())
        if n > 100_000:  # a pass over a large table takes long enough to report
            say("kmeans", ProgressEvent("kmeans_pass", f"k = {k}: Lloyd pass {iteration}, {changed} units moved", k=k, iteration=iteration, changed=int(changed)))
        if changed == 0 or shift <= threshold:
            converged = True
            break
        if iteration < max_iter:  # the last pass's labels stay those of `centers`, whose sums were counted
            previous, centers = centers, means
    if (counts == 0).any():
        raise ValueError(f"kmeans found fewer than k = {k} non-empty clusters; the data has too few distinct points")
    # The labels are by `centers`; their means are `means`. Σ‖x − mean‖² = Σ‖x − center‖² − n ‖mean − center‖².
    within_c = np.maximum(d2 - counts * ((means - centers) ** 2).sum(axis=1), 0.0)
    spread = dist / counts  # mean distance to the center: Davies–Bouldin's S_i (exact once converged)
    between = float((counts * ((means - scaled.mean) ** 2).sum(axis=1)).sum())
    within = float(within_c.sum())
    return DaskFit(k=k, centers=means, assign_centers=centers, sizes=counts.astype(int), within_ss=within,
                   total_ss=float((n - 1) * scaled.variance.sum()), dbi=_davies_bouldin(means, spread),
                   ch=between * (n - k) / (within * (k - 1)) if within > 0 else float("inf"), n_init=restarts,
                   n_iter=iteration, converged=converged, seed=seed, candidates=n_candidates, values=scaled.values)


def _davies_bouldin(means: np.ndarray, spread: np.ndarray) -> float:
    """As scikit-learn's davies_bouldin_score, from the cluster means and mean distances to them."""
    gaps = np.sqrt(((means[:, None, :] - means[None, :, :]) ** 2).sum(axis=2))
    if np.allclose(spread, 0) or np.allclose(gaps, 0):
        return 0.0
    gaps[gaps == 0] = np.inf
    ratio = (spread[:, None] + spread[None, :]) / gaps
    return float(ratio.max(axis=1).mean())


def sample_rows(n: int, sample_size: int | None, seed: int) -> np.ndarray | None:
    """The in-memory engine's sample (kselection.select_k): the same rows for the same seed; None = all."""
    if sample_size is None or n <= sample_size:
        return None
    return np.sort(np.random.default_rng(seed).choice(n, sample_size, replace=False))


# -- the k panel ---------------------------------------------------------------------------------------
def select_k_dask(scaled: DaskScaled, k_values: list[int], seed: int = 42, n_init: int | None = None, gap_references: int = 20,
                  neighbours: int = 10, sample_size: int | None = 2000, progress: Progress | None = None,
                  gather_below: int = BATCHED_MAX_UNITS, rule: str = "auto", tol: float = TOL, max_iter: int = MAX_ITER):
    """The six indices of `kselection.select_k` for k-means on Dask: (KSelection, {k: DaskFit}).

    WSS, DBI and CH come from every unit; silhouette, gap and connectivity from the in-memory
    engine's seeded sample (the same rows), labelled by each fit's nearest center."""
    from sklearn.metrics import silhouette_score

    from .algorithms import cluster
    from .kselection import INDICES, connectivity, decide_k, nearest_neighbours

    say = progress or (lambda stage, message: None)
    n = scaled.n
    k_values = [k for k in k_values if 2 <= k <= n - 1]
    if len(k_values) < 2:
        raise ValueError(f"the k range needs at least two values between 2 and n − 1 = {n - 1}")
    fits = {}
    for position, k in enumerate(k_values):
        say("k_panel", ProgressEvent("k_panel_step", f"k = {k} ({position + 1}/{len(k_values)})", k=k, position=position + 1, total=len(k_values)))
        fits[k] = kmeans_dask(scaled, k, seed, n_init, progress=progress, gather_below=gather_below, tol=tol, max_iter=max_iter)
    rows = sample_rows(n, sample_size, seed)
    sample = np.asarray((scaled.values if rows is None else scaled.values[rows]).compute(), dtype=float)
    say("k_panel", ProgressEvent("k_panel_sample", f"indices on a sample of {len(sample)} units", n=len(sample)))
    indices: dict[str, list[float]] = {name: [] for name in INDICES}
    nearest = nearest_neighbours(sample, neighbours, "euclidean")
    sample_labels = {k: _assign_block(sample, fit.assign_centers).astype(int) for k, fit in fits.items()}
    for k in k_values:
        labels = sample_labels[k]
        indices["wss"].append(fits[k].within_ss)
        indices["dbi"].append(fits[k].dbi)
        indices["ch"].append(fits[k].ch)
        indices["silhouette"].append(float(silhouette_score(sample, labels)) if len(np.unique(labels)) > 1 else float("nan"))
        indices["connectivity"].append(connectivity(sample, labels, neighbours, "euclidean", nearest=nearest))
    known = sample_labels if rows is None else {}
    selection = decide_k(k_values, indices, {k: [int(v) for v in fit.sizes] for k, fit in fits.items()}, n, sample, rows is not None,
                         "kmeans", "euclidean", seed, n_init, gap_references, neighbours, sample_size, rule, known_labels=known)
    return selection, fits
