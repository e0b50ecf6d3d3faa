"""Compare methods × distances × k on the same scaled data, as analysts do before choosing a method.

Every row is scored with the same three indices, all in Euclidean distance on the same matrix so
the rows are comparable: silhouette (higher is better), Davies–Bouldin (lower) and connectivity
(lower). The chosen row has the best mean rank over the three; a tie goes to the higher silhouette.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .algorithms import MAX_PAIRWISE_UNITS, cluster
from .kselection import connectivity

COMBINATIONS = (("kmeans", "euclidean"), ("kmedoids", "euclidean"), ("kmedoids", "manhattan"), ("ward", "euclidean"))


@dataclass
class ComparisonRow:
    method: str
    metric: str
    k: int
    silhouette: float
    dbi: float
    connectivity: float
    mean_rank: float = 0.0


def compare_methods(
    X: np.ndarray,
    k_values: list[int],
    seed: int = 42,
    neighbours: int = 10,
    combinations=COMBINATIONS,
) -> tuple[list[ComparisonRow], int]:
    """(rows, index of the chosen row)."""
    from scipy.stats import rankdata
    from sklearn.metrics import davies_bouldin_score, silhouette_score

    X = np.asarray(X, dtype=float)
    rows = []
    for method, metric in combinations:
        if method != "kmeans" and len(X) > MAX_PAIRWISE_UNITS:
            continue
        for k in k_values:
            if not 2 <= k < len(X):
                continue
            labels = cluster(X, k, method=method, seed=seed, metric=metric).labels
            rows.append(
                ComparisonRow(
                    method=method,
                    metric=metric,
                    k=k,
                    silhouette=float(silhouette_score(X, labels)),
                    dbi=float(davies_bouldin_score(X, labels)),
                    connectivity=connectivity(X, labels, neighbours),
                )
            )
    if not rows:
        raise ValueError("no method could be compared: check k against the number of units")
    ranks = np.vstack(
        [
            rankdata([-r.silhouette for r in rows]),
            rankdata([r.dbi for r in rows]),
            rankdata([r.connectivity for r in rows]),
        ]
    ).mean(axis=0)
    for row, rank in zip(rows, ranks):
        row.mean_rank = float(rank)
    chosen = min(range(len(rows)), key=lambda i: (round(rows[i].mean_rank, 9), -rows[i].silhouette, i))
    return rows, chosen
