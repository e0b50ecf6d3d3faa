"""Per-cluster summaries of the raw (unstandardized) features, compared with a reference vector.

With survey weights, every summary is a population estimate: weighted mean, weighted median and
quantile-based min/max stay the observed extremes, weighted sd, and the cluster's weighted count
(sum of weights) and share of the population.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd


@dataclass(frozen=True)
class FeatureSummary:
    mean: float
    median: float
    min: float
    max: float
    sd: float | None  # sample sd (ddof = 1); None for a one-member cluster
    reference: float
    diff: float  # mean − reference
    diff_pct: float  # 100 · diff / |reference|
    z: float  # the cluster mean in units of the overall sd, from the overall mean
    rank: int  # 1 = highest mean among the clusters


@dataclass(frozen=True)
class ClusterProfile:
    index: int  # 0-based cluster number
    size: int
    members: list[str]
    features: dict[str, FeatureSummary]
    weighted_size: float | None = None  # sum of the survey weights (a population count)
    share_pct: float | None = None  # weighted share of the population, in %


def weighted_mean(values: np.ndarray, weights: np.ndarray) -> float:
    return float(np.average(values, weights=weights))


def weighted_median(values: np.ndarray, weights: np.ndarray) -> float:
    """The smallest value at which the cumulative weight reaches half of the total."""
    order = np.argsort(values, kind="stable")
    cumulative = np.cumsum(weights[order])
    return float(values[order][np.searchsorted(cumulative, 0.5 * cumulative[-1])])


def weighted_sd(values: np.ndarray, weights: np.ndarray) -> float:
    """sd with frequency weights: Σ w (x − x̄)² / (Σ w − 1)."""
    mean = np.average(values, weights=weights)
    total = weights.sum()
    return float(np.sqrt((weights * (values - mean) ** 2).sum() / (total - 1))) if total > 1 else 0.0


def profile_clusters(
    values: pd.DataFrame,
    labels: np.ndarray,
    reference: dict[str, float],
    weights: np.ndarray | None = None,
) -> list[ClusterProfile]:
    """Summaries per cluster and feature; ranks compare the cluster means across clusters."""
    labels = np.asarray(labels)
    k = int(labels.max()) + 1
    if weights is None:
        return _unweighted(values, labels, k, reference)
    w = np.asarray(weights, dtype=float)
    data = values.to_numpy(dtype=float)
    overall_mean = {name: weighted_mean(data[:, j], w) for j, name in enumerate(values.columns)}
    overall_sd = {name: weighted_sd(data[:, j], w) for j, name in enumerate(values.columns)}
    mass = np.bincount(labels, weights=w, minlength=k)
    means = pd.DataFrame(
        {name: np.bincount(labels, weights=w * data[:, j], minlength=k) / mass for j, name in enumerate(values.columns)}
    )
    ranks = means.rank(ascending=False, method="min").astype(int)
    profiles = []
    for c in range(k):
        inside = labels == c
        wc = w[inside]
        features = {}
        for j, name in enumerate(values.columns):
            col = data[inside, j]
            mean = float(means.loc[c, name])
            features[name] = _summary(mean, weighted_median(col, wc), col, weighted_sd(col, wc) if len(col) > 1 else None,
                                      float(reference[name]), overall_mean[name], overall_sd[name], int(ranks.loc[c, name]))
        profiles.append(ClusterProfile(index=c, size=int(inside.sum()), members=list(values.index[inside]), features=features,
                                       weighted_size=float(mass[c]), share_pct=float(100 * mass[c] / w.sum())))
    return profiles


def _unweighted(values: pd.DataFrame, labels: np.ndarray, k: int, reference: dict[str, float]) -> list[ClusterProfile]:
    overall_mean = values.mean()
    overall_sd = values.std(ddof=1)
    grouped = values.groupby(labels)
    means, medians, mins, maxs, sds = grouped.mean(), grouped.median(), grouped.min(), grouped.max(), grouped.std(ddof=1)
    ranks = means.rank(ascending=False, method="min").astype(int)
    sizes = np.bincount(labels, minlength=k)
    index = np.asarray(values.index)
    profiles = []
    for c in range(k):
        features = {}
        for name in values.columns:
            sd = float(sds.loc[c, name]) if sizes[c] > 1 else None
            features[name] = FeatureSummary(
                mean=float(means.loc[c, name]), median=float(medians.loc[c, name]), min=float(mins.loc[c, name]),
                max=float(maxs.loc[c, name]), sd=sd, reference=float(reference[name]),
                diff=float(means.loc[c, name]) - float(reference[name]),
                diff_pct=_pct(float(means.loc[c, name]), float(reference[name])),
                z=float((means.loc[c, name] - overall_mean[name]) / overall_sd[name]), rank=int(ranks.loc[c, name]),
            )
        profiles.append(ClusterProfile(index=c, size=int(sizes[c]), members=list(index[labels == c]), features=features))
    return profiles


def _summary(mean, median, col, sd, ref, overall_mean, overall_sd, rank) -> FeatureSummary:
    return FeatureSummary(mean=mean, median=median, min=float(col.min()), max=float(col.max()), sd=sd, reference=ref,
                          diff=mean - ref, diff_pct=_pct(mean, ref), z=float((mean - overall_mean) / overall_sd), rank=rank)


def _pct(mean: float, ref: float) -> float:
    return 100.0 * (mean - ref) / abs(ref) if ref != 0 else float("nan")
