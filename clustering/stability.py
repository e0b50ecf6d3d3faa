"""Bootstrap stability of a partition, as in Hennig's clusterboot (R package fpc).

For each of B bootstrap samples (units drawn with replacement, seeded) the same method clusters
the sample again. Every original cluster C is compared with each bootstrap cluster D over the
units present in the sample: Jaccard = |C ∩ D| / |C ∪ D|, and its best match counts. The mean of
those best Jaccards over the replicates where C appeared is C's stability: Hennig reads
≥ 0.85 as highly stable, ≥ 0.75 as stable, 0.6–0.75 as a pattern with doubts, and < 0.5 as
dissolved.

Per unit (an addition to clusterboot): in every replicate where the unit was drawn, did it land in
the bootstrap cluster that best matches its own cluster (its cluster's core)? `moved_pct` is the
share of those replicates where it did not. Where it went: each bootstrap cluster is mapped to the
original cluster it best matches (highest Jaccard), and `moved_to_pct[i, c]` is the share of the
unit's replicates in which it moved to (the bootstrap cluster mapped to) original cluster c.

Written here because no kept Python library implements clusterboot.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np

# Hennig's reading of the mean Jaccard (clusterboot documentation).
STABLE_JACCARD = 0.75
DISSOLVED_JACCARD = 0.5


@dataclass
class Stability:
    B: int
    jaccard: list[float]  # per original cluster (0-based), mean best Jaccard
    dissolved_pct: list[float]  # per cluster: % of replicates with best Jaccard < 0.5
    moved_pct: np.ndarray  # per unit; nan for a unit never drawn
    appearances: np.ndarray  # per unit: replicates in which it was drawn
    moved_to_pct: np.ndarray | None = None  # units × clusters: % of its replicates it moved to that cluster's match


def bootstrap_draws(n: int, B: int, seed: int):
    """The row indices of each bootstrap resample (n draws with replacement, one generator seeded with
    `seed`): the one source of the resamples, so that a check made before the clustering (the fewest
    distinct units a resample holds, interpret.choices) sees exactly the draws the bootstrap will use."""
    rng = np.random.default_rng(seed)
    for _ in range(B):
        yield rng.integers(0, n, size=n)


def bootstrap_stability(
    X: np.ndarray,
    labels: np.ndarray,
    fit: Callable[[np.ndarray, int], np.ndarray],
    B: int = 100,
    seed: int = 42,
    progress: Callable[[int, int], None] | None = None,
) -> Stability:
    """`fit(X_boot, seed)` clusters a bootstrap sample (same method and k) and returns its labels;
    `progress(done, B)` is called after each replicate."""
    X = np.asarray(X, dtype=float)
    labels = np.asarray(labels)
    n = len(X)
    k = int(labels.max()) + 1
    jaccard_sum = np.zeros(k)
    jaccard_count = np.zeros(k)
    dissolved = np.zeros(k)
    moved = np.zeros(n)
    appearances = np.zeros(n)
    moved_to = np.zeros((n, k))
    for b, drawn in enumerate(bootstrap_draws(n, B, seed)):
        boot_labels = fit(X[drawn], seed + b + 1)
        units = np.unique(drawn)
        # A unit drawn several times may, in principle, get different labels: take its first copy.
        first = np.unique(drawn, return_index=True)[1]
        unit_boot = boot_labels[first]
        original = labels[units]
        k_boot = int(boot_labels.max()) + 1
        table = np.zeros((k, k_boot))
        np.add.at(table, (original, unit_boot), 1)
        size_c = table.sum(axis=1, keepdims=True)
        size_d = table.sum(axis=0, keepdims=True)
        union = size_c + size_d - table
        jac = np.divide(table, union, out=np.zeros_like(table), where=union > 0)
        best_match = jac.argmax(axis=1)
        present = size_c[:, 0] > 0
        best = jac.max(axis=1)
        jaccard_sum[present] += best[present]
        jaccard_count[present] += 1
        dissolved[present] += best[present] < DISSOLVED_JACCARD
        appearances[units] += 1
        left = unit_boot != best_match[original]
        moved[units] += left
        # Where a unit went: the original cluster its bootstrap cluster best matches.
        origin_of = jac.argmax(axis=0)
        np.add.at(moved_to, (units[left], origin_of[unit_boot[left]]), 1)
        if progress is not None:
            progress(b + 1, B)
    with np.errstate(invalid="ignore", divide="ignore"):
        jaccard = np.where(jaccard_count > 0, jaccard_sum / np.maximum(jaccard_count, 1), np.nan)
        dissolved_pct = np.where(jaccard_count > 0, 100 * dissolved / np.maximum(jaccard_count, 1), np.nan)
        moved_pct = np.where(appearances > 0, 100 * moved / np.maximum(appearances, 1), np.nan)
        moved_to_pct = np.where(appearances[:, None] > 0, 100 * moved_to / np.maximum(appearances, 1)[:, None], np.nan)
    return Stability(B=B, jaccard=jaccard.tolist(), dissolved_pct=dissolved_pct.tolist(), moved_pct=moved_pct, appearances=appearances,
                     moved_to_pct=moved_to_pct)
