"""Per-cluster summaries on a Dask cluster: the `profiles.ClusterProfile` list the in-memory engine gives.

Means, sd, min, max, sizes (and the weighted versions with survey weights) are exact: one pass of
per-block moments merged by Chan's update (`dask_engine.merge_moments`). Medians are approximate:
a histogram of 1024 bins over each cluster's [min, max] locates the bin holding the median, a second
pass splits that bin into 1024 again, and a third pass reads the smallest and largest value in the
bin found: when they are equal (one distinct value there: the usual case), that value is the median
exactly; otherwise the median is the middle of the bin, at most (max − min) / (2 · 1024²) ≈ 4.8e-7 ×
the cluster's range from the exact one (plus rounding). Unweighted, the
median of an even count is the mean of the two middle values (as pandas); weighted, it is the
smallest value at which the cumulative weight reaches half of the total (as `profiles.weighted_median`).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .dask_engine import Moments, block_moments, merge_moments
from .profiles import ClusterProfile, FeatureSummary

BINS = 1024
MEDIAN_BOUND = 1.0 / (2 * BINS * BINS)  # × the cluster's range: the largest error of a median


def _map(fn, X, labels, weights, *args):
    import dask

    xs, ls = X.to_delayed().ravel(), labels.to_delayed().ravel()
    ws = weights.to_delayed().ravel() if weights is not None else [None] * len(xs)
    call = dask.delayed(fn, pure=True)
    return dask.compute(*[call(x, l, w, *args) for x, l, w in zip(xs, ls, ws)])


def _moments_block(x, labels, w, k):
    return block_moments(x, w, labels, k), block_moments(x, w, np.zeros(len(x), dtype=int), 1)


def _position(x, labels, low, width):
    """Each value's place in its cluster's histogram, in bins (0 … BINS)."""
    return (np.asarray(x, dtype=float) - low[labels]) / width[labels] * BINS


def _coarse_block(x, labels, w, low, width):
    k, p = low.shape
    n = len(x)
    w = np.ones(n) if w is None else np.asarray(w, dtype=float)
    bins = np.clip(np.floor(_position(x, labels, low, width)), 0, BINS - 1).astype(np.int64)
    flat = (labels[:, None] * p + np.arange(p)[None, :]) * BINS + bins
    return np.bincount(flat.ravel(), weights=np.repeat(w, p), minlength=k * p * BINS).reshape(k, p, BINS)


def _fine_block(x, labels, w, low, width, coarse_bin):
    k, p = low.shape
    n = len(x)
    w = np.ones(n) if w is None else np.asarray(w, dtype=float)
    position = _position(x, labels, low, width)
    bins = np.clip(np.floor(position), 0, BINS - 1)
    out = np.zeros((k, p, 2, BINS))
    for t in _targets(coarse_bin):
        target = coarse_bin[:, :, t][labels]  # n × p
        inside = bins == target
        fine = np.clip(np.floor((position - target) * BINS), 0, BINS - 1).astype(np.int64)
        flat = ((labels[:, None] * p + np.arange(p)[None, :]) * BINS + fine)
        counts = np.bincount(flat[inside], weights=np.broadcast_to(w[:, None], (n, p))[inside], minlength=k * p * BINS)
        out[:, :, t, :] = counts.reshape(k, p, BINS)
    if len(_targets(coarse_bin)) == 1:
        out[:, :, 1, :] = out[:, :, 0, :]
    return out


def _targets(*bins) -> list[int]:
    """The middle ranks to look for: one when both fall in the same bins everywhere (the usual case)."""
    return [0] if all(np.array_equal(b[..., 0], b[..., 1]) for b in bins) else [0, 1]


def _snap_block(x, labels, w, low, width, coarse_bin, fine_bin):
    """The smallest and largest value in each target's fine bin (k × p × 2 each)."""
    k, p = low.shape
    position = _position(x, labels, low, width)
    bins = np.clip(np.floor(position), 0, BINS - 1)
    x = np.asarray(x, dtype=float)
    smallest, largest = np.full((k, p, 2), np.inf), np.full((k, p, 2), -np.inf)
    targets = _targets(coarse_bin, fine_bin)
    for t in targets:
        target = coarse_bin[:, :, t][labels]
        fine = np.clip(np.floor((position - target) * BINS), 0, BINS - 1)
        inside = (bins == target) & (fine == fine_bin[:, :, t][labels])
        for c in np.unique(labels):
            rows = labels == c
            block, mask = x[rows], inside[rows]
            smallest[c, :, t] = np.where(mask, block, np.inf).min(axis=0)
            largest[c, :, t] = np.where(mask, block, -np.inf).max(axis=0)
    if len(targets) == 1:
        smallest[..., 1], largest[..., 1] = smallest[..., 0], largest[..., 0]
    return smallest, largest


def _first_reaching(cumulative: np.ndarray, threshold: np.ndarray) -> np.ndarray:
    """Per leading index, the first bin whose cumulative weight reaches the threshold."""
    reached = cumulative >= threshold[..., None] * (1 - 1e-12)
    return np.where(reached.any(axis=-1), reached.argmax(axis=-1), cumulative.shape[-1] - 1)


def medians(X, labels, weights, stats: Moments) -> np.ndarray:
    """k × p medians within MEDIAN_BOUND × (max − min) of the exact ones (three passes)."""
    k, p = stats.mean.shape
    low, span = stats.min, stats.max - stats.min
    width = np.where(span > 0, span, 1.0)
    if weights is None:
        n = stats.count
        thresholds = np.stack([np.floor((n + 1) / 2), np.floor(n / 2) + 1], axis=-1)  # the two middle ranks (equal when n is odd)
    else:
        thresholds = np.stack([stats.weight / 2, stats.weight / 2], axis=-1)
    coarse = np.sum(_map(_coarse_block, X, labels, weights, low, width), axis=0)  # k × p × BINS
    cumulative = np.cumsum(coarse, axis=-1)
    coarse_bin = np.stack([_first_reaching(cumulative, thresholds[..., t]) for t in range(2)], axis=-1)  # k × p × 2
    below = np.where(coarse_bin > 0, np.take_along_axis(cumulative, np.maximum(coarse_bin - 1, 0), axis=-1), 0.0)
    fine = np.sum(_map(_fine_block, X, labels, weights, low, width, coarse_bin), axis=0)  # k × p × 2 × BINS
    fine_bin = _first_reaching(below[..., None] + np.cumsum(fine, axis=-1), thresholds)
    values = low[..., None] + (coarse_bin + (fine_bin + 0.5) / BINS) / BINS * width[..., None]
    # A third pass: when every value in the bin found is the same, that value is the median exactly.
    parts = _map(_snap_block, X, labels, weights, low, width, coarse_bin, fine_bin)
    smallest = np.min([part[0] for part in parts], axis=0)
    largest = np.max([part[1] for part in parts], axis=0)
    values = np.where(smallest == largest, smallest, values)
    values = np.minimum(np.maximum(values, stats.min[..., None]), stats.max[..., None])
    return np.where(span > 0, values.mean(axis=-1), low)


def profile_clusters_dask(X, labels, names: list[str], reference: dict[str, float] | None, weights=None,
                          ids: np.ndarray | None = None, k: int | None = None) -> list[ClusterProfile]:
    """`profiles.profile_clusters` on dask arrays: X (n × p raw values), labels (n, 0 … k − 1, the
    same row chunks), optional weights; `ids` (n, in memory) gives the members, else none are listed.
    `reference` None: the (weighted) mean of all units."""
    if k is None:
        k = int(labels.max().compute()) + 1
    parts = _map(_moments_block, X, labels, weights, k)
    stats = merge_moments(part[0] for part in parts)
    overall = merge_moments(part[1] for part in parts)
    weighted = weights is not None
    if reference is None:  # the (weighted) mean of all units, from the same pass
        reference = dict(zip(names, overall.mean[0].tolist()))
    middle = medians(X, labels, weights, stats)
    sds = stats.sd(weighted)
    overall_sd = overall.sd(weighted)[0]
    means = pd.DataFrame(stats.mean, columns=names)
    ranks = means.rank(ascending=False, method="min").astype(int)
    sizes = stats.count[:, 0].astype(int)
    member_labels = None if ids is None else np.asarray(labels.compute())
    total_weight = float(overall.weight[0, 0])
    profiles = []
    for c in range(k):
        features = {}
        for j, name in enumerate(names):
            mean, ref = float(stats.mean[c, j]), float(reference[name])
            features[name] = FeatureSummary(
                mean=mean, median=float(middle[c, j]), min=float(stats.min[c, j]), max=float(stats.max[c, j]),
                sd=float(sds[c, j]) if sizes[c] > 1 else None, reference=ref, diff=mean - ref,
                diff_pct=100.0 * (mean - ref) / abs(ref) if ref != 0 else float("nan"),
                z=float((mean - overall.mean[0, j]) / overall_sd[j]), rank=int(ranks.loc[c, name]),
            )
        members = [] if member_labels is None else [str(i) for i in np.asarray(ids)[member_labels == c]]
        profiles.append(ClusterProfile(
            index=c, size=int(sizes[c]), members=members, features=features,
            weighted_size=float(stats.weight[c, 0]) if weighted else None,
            share_pct=float(100 * stats.weight[c, 0] / total_weight) if weighted else None,
        ))
    return profiles
