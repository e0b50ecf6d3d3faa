"""Scaling of the feature matrix before distances are computed, and optional PCA.

- z-score: (x − mean) / sd with the sample sd (ddof = 1), exactly like R's ``scale()``;
- min-max: (x − min) / (max − min), every feature in [0, 1];
- robust: (x − median) / IQR, so a few extreme units do not set the scale for everyone;
- none: the values as they are (features already on one scale).

PCA keeps `n_components`, or the components with eigenvalue > 1 (Kaiser, on the correlation
scale: z-scored data), or the fewest whose cumulative explained variance reaches the threshold, and
reports loadings as correlations between each (scaled) feature and each component.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

SCALINGS = ("zscore", "minmax", "robust", "none")


@dataclass(frozen=True)
class Standardized:
    values: np.ndarray  # n × p, standardized
    center: np.ndarray  # p, what was subtracted
    scale: np.ndarray  # p, what was divided by
    method: str


def _check(X: np.ndarray) -> np.ndarray:
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.shape[0] < 2:
        raise ValueError("scaling needs a 2-D array with at least two rows")
    return X


def _finish(X: np.ndarray, center: np.ndarray, scale: np.ndarray, method: str) -> Standardized:
    constant = np.flatnonzero(~(scale > 0))
    if constant.size:
        raise ValueError(f"constant column(s) at position {constant.tolist()} cannot be scaled ({method})")
    return Standardized(values=(X - center) / scale, center=center, scale=scale, method=method)


def zscore(X: np.ndarray) -> Standardized:
    """Column z-scores with the sample sd (ddof = 1), exactly like R's ``scale()``.

    A constant column has no scale: that is an input error the caller must report by name.
    """
    X = _check(X)
    return _finish(X, X.mean(axis=0), X.std(axis=0, ddof=1), "zscore")


def minmax(X: np.ndarray) -> Standardized:
    X = _check(X)
    low = X.min(axis=0)
    return _finish(X, low, X.max(axis=0) - low, "minmax")


def robust(X: np.ndarray) -> Standardized:
    """Median and interquartile range (numpy's default linear quantiles, as R's type 7)."""
    X = _check(X)
    q1, median, q3 = np.percentile(X, [25, 50, 75], axis=0)
    return _finish(X, median, q3 - q1, "robust")


def unscaled(X: np.ndarray) -> Standardized:
    """No scaling ("none"): the features as they are, for data already on one scale."""
    X = _check(X)
    return Standardized(values=X.copy(), center=np.zeros(X.shape[1]), scale=np.ones(X.shape[1]), method="none")


SCALERS = {"zscore": zscore, "minmax": minmax, "robust": robust, "none": unscaled}


def scale(X: np.ndarray, method: str = "zscore") -> Standardized:
    try:
        return SCALERS[method](X)
    except KeyError:
        raise ValueError(f"unknown scaling {method!r}; known: {', '.join(SCALINGS)}") from None


@dataclass(frozen=True)
class PCAResult:
    scores: np.ndarray  # n × m, the units in component space (what is clustered)
    explained_variance_pct: list[float]  # for every component, not only the kept ones
    loadings: np.ndarray  # p × m: correlation of each scaled feature with each kept component
    n_components: int


def pca(X: np.ndarray, variance_pct: float = 90.0, n_components: int | str | None = None) -> PCAResult:
    """Principal components of the scaled matrix, keeping `n_components`, "kaiser" (the components whose
    eigenvalue exceeds the mean eigenvalue: 1 for z-scored data), or enough to reach `variance_pct`."""
    from sklearn.decomposition import PCA

    X = _check(X)
    model = PCA(svd_solver="full").fit(X)
    explained = 100.0 * model.explained_variance_ratio_
    if n_components == "kaiser":
        eigen = model.explained_variance_
        n_components = int((eigen > eigen.mean() + 1e-12).sum())
    elif n_components is None:
        n_components = int(np.searchsorted(np.cumsum(explained), variance_pct - 1e-9) + 1)
    n_components = max(1, min(n_components, len(explained)))
    components = model.components_[:n_components]
    # Deterministic sign: the largest-magnitude loading of each component is positive.
    signs = np.sign(components[np.arange(n_components), np.abs(components).argmax(axis=1)])
    components = components * signs[:, None]
    scores = (X - model.mean_) @ components.T
    feature_sd = X.std(axis=0, ddof=1)
    loadings = components.T * np.sqrt(model.explained_variance_[:n_components])[None, :] / feature_sd[:, None]
    return PCAResult(scores=scores, explained_variance_pct=explained.tolist(), loadings=loadings, n_components=n_components)
