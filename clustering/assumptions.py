"""Checks an analyst reports before trusting a clustering: KMO, strong correlations, outliers.

- Kaiser–Meyer–Olkin measure of sampling adequacy (Kaiser 1970), overall and per variable:
  Σ r² / (Σ r² + Σ p²) over the off-diagonal correlations r and partial correlations p (from the
  inverse correlation matrix). Below 0.5 the features share little common structure.
- Pairs of features with |Pearson r| > 0.8: they measure nearly the same thing and count twice in
  every distance (multicollinearity).
- Units with |z| > 3 on a feature: reported, never dropped.

KMO is written here (a few lines of linear algebra) rather than pulling in a factor-analysis
package for one formula; the tests compare it with a hand-computed example.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

KMO_THRESHOLD = 0.5
CORRELATION_THRESHOLD = 0.8
OUTLIER_Z = 3.0


@dataclass
class Assumptions:
    kmo_overall: float | None  # None with fewer than two features
    kmo_per_variable: list[float]
    kmo_singular: bool  # the correlation matrix was singular: a pseudo-inverse was used
    high_correlations: list[tuple[int, int, float]]  # (feature a, feature b, r), |r| > threshold
    outliers: list[tuple[int, int, float]]  # (unit row, feature, z), |z| > threshold, largest first
    n_outliers: int  # all of them, even when the list is cut


def kmo(X: np.ndarray) -> tuple[float, list[float], bool]:
    """(overall KMO, KMO per variable, whether the correlation matrix had to be pseudo-inverted)."""
    R = np.corrcoef(np.asarray(X, dtype=float), rowvar=False)
    singular = np.linalg.matrix_rank(R) < R.shape[0]
    inverse = np.linalg.pinv(R) if singular else np.linalg.inv(R)
    d = np.sqrt(np.abs(np.diag(inverse)))
    partial = -inverse / np.outer(d, d)
    off = ~np.eye(R.shape[0], dtype=bool)
    r2 = np.where(off, R**2, 0.0)
    p2 = np.where(off, partial**2, 0.0)
    overall = float(r2.sum() / (r2.sum() + p2.sum()))
    per_variable = (r2.sum(axis=0) / (r2.sum(axis=0) + p2.sum(axis=0))).tolist()
    return overall, [float(v) for v in per_variable], bool(singular)


def check_assumptions(
    X: np.ndarray,
    correlation_threshold: float = CORRELATION_THRESHOLD,
    outlier_z: float = OUTLIER_Z,
    max_outliers: int = 20,
) -> Assumptions:
    X = np.asarray(X, dtype=float)
    p = X.shape[1]
    if p >= 2:
        overall, per_variable, singular = kmo(X)
        R = np.corrcoef(X, rowvar=False)
        pairs = [(a, b, float(R[a, b])) for a in range(p) for b in range(a + 1, p) if abs(R[a, b]) > correlation_threshold]
    else:
        overall, per_variable, singular, pairs = None, [], False, []
    z = (X - X.mean(axis=0)) / X.std(axis=0, ddof=1)
    rows, cols = np.nonzero(np.abs(z) > outlier_z)
    order = np.argsort(-np.abs(z[rows, cols]), kind="stable")
    outliers = [(int(rows[i]), int(cols[i]), float(z[rows[i], cols[i]])) for i in order[:max_outliers]]
    return Assumptions(overall, per_variable, singular, pairs, outliers, int(len(rows)))
