"""Per-cluster summaries of the raw (unstandardized) features, compared with a reference vector."""

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


def profile_clusters(values: pd.DataFrame, labels: np.ndarray, reference: dict[str, float]) -> list[ClusterProfile]:
    """Summaries per cluster and feature; ranks compare the cluster means across clusters."""
    labels = np.asarray(labels)
    k = int(labels.max()) + 1
    overall_mean = values.mean()
    overall_sd = values.std(ddof=1)
    means = values.groupby(labels).mean()
    ranks = means.rank(ascending=False, method="min").astype(int)
    profiles = []
    for c in range(k):
        block = values[labels == c]
        features = {}
        for name in values.columns:
            col = block[name]
            mean = float(col.mean())
            ref = float(reference[name])
            diff = mean - ref
            features[name] = FeatureSummary(
                mean=mean,
                median=float(col.median()),
                min=float(col.min()),
                max=float(col.max()),
                sd=float(col.std(ddof=1)) if len(col) > 1 else None,
                reference=ref,
                diff=diff,
                diff_pct=100.0 * diff / abs(ref) if ref != 0 else float("nan"),
                z=float((mean - overall_mean[name]) / overall_sd[name]),
                rank=int(ranks.loc[c, name]),
            )
        profiles.append(ClusterProfile(index=c, size=len(block), members=list(block.index), features=features))
    return profiles
