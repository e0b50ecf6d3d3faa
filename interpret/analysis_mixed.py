"""The clustering space of method "kprototypes": the scaled numeric features beside the coded answers.

k-prototypes (clustering.kprototypes) needs the codes themselves, so they join the numeric space as
integer columns named by `categorical`. The k panel's indices and the bootstrap refits are Euclidean
on numbers, so with k-prototypes k must be given (spec `clustering.k` or --k) and the stability
bootstrap is not run (docs/households.md says so).
"""

from __future__ import annotations

import importlib.util

import numpy as np
import pandas as pd

from .data import Dataset
from .errors import ConfigError


def mixed_space(dataset: Dataset, space: np.ndarray, k: int | None) -> tuple[np.ndarray, dict]:
    """(numeric space + one integer column per categorical feature, {"categorical": their columns})."""
    spec = dataset.spec
    if not spec.categorical or dataset.households is None:
        raise ConfigError(f"method kprototypes clusters numeric and categorical features together, but the spec for {dataset.path.name} declares no "
                          "categorical feature ([[features]] with kind = \"categorical\" and codes). Add one, or use method kmeans.")
    if importlib.util.find_spec("kmodes") is None:
        raise ConfigError("method kprototypes needs the kmodes package: pip install 'interpret[mixed]' (or pip install kmodes).")
    if k is None:
        raise ConfigError("method kprototypes needs a fixed k (spec clustering.k or --k): the k panel's indices are Euclidean and cannot judge categorical answers.")
    codes = np.column_stack([pd.factorize(dataset.households.categories[f.name])[0] for f in spec.categorical]).astype(float)
    first = space.shape[1]
    return np.hstack([space, codes]), {"categorical": list(range(first, first + codes.shape[1]))}


__all__ = ["mixed_space"]
