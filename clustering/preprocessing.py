"""Standardization of the feature matrix before distances are computed."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Standardized:
    values: np.ndarray  # n × p, standardized
    center: np.ndarray  # p, what was subtracted
    scale: np.ndarray  # p, what was divided by
    method: str


def zscore(X: np.ndarray) -> Standardized:
    """Column z-scores with the sample sd (ddof = 1), exactly like R's ``scale()``.

    A constant column has no scale: that is an input error the caller must report by name.
    """
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.shape[0] < 2:
        raise ValueError("zscore needs a 2-D array with at least two rows")
    center = X.mean(axis=0)
    scale = X.std(axis=0, ddof=1)
    constant = np.flatnonzero(~(scale > 0))
    if constant.size:
        raise ValueError(f"constant column(s) at position {constant.tolist()} cannot be standardized")
    return Standardized(values=(X - center) / scale, center=center, scale=scale, method="zscore")
