"""k-prototypes (Huang 1997/1998) for mixed numeric and categorical data, from the `kmodes` package.

Why k-prototypes and not one-hot encoding or Gower distance:
- One-hot encoding turns a code into 0/1 columns that k-means then averages: a 4-category roof
  becomes four columns whose weight in the distance grows with the number of categories, and a
  cluster's "centre" is a mix of categories no household has.
- Gower distance treats both kinds fairly but needs the full n × n dissimilarity matrix (k-medoids
  on it): 10 000 households already take 800 MB, a regency's survey far more.
- k-prototypes keeps the numeric part Euclidean (k-means on the scaled features) and counts
  mismatches on the categorical part (k-modes), weighted by gamma, in O(n · k) per iteration; its
  prototypes are a mean for each number and a mode for each code, which is how the brief profiles
  them (means and modal categories). gamma defaults to half the mean standard deviation of the
  numeric columns (Huang's suggestion, kmodes' default): 0,5 on z-scores.

`fit(numeric, codes, k, seed, n_init)` returns labels and the numeric centres; `clustering.algorithms`
registers it as method "kprototypes" (columns `categorical` of X are the codes).
"""

from __future__ import annotations

import numpy as np

INSTALL_HINT = "method kprototypes needs the kmodes package: pip install 'interpret[mixed]' (or pip install kmodes)"


def fit(numeric: np.ndarray, codes: np.ndarray, k: int, seed: int = 42, n_init: int = 4, gamma: float | None = None) -> tuple[np.ndarray, np.ndarray]:
    try:
        from kmodes.kprototypes import KPrototypes
    except ImportError:
        raise ImportError(INSTALL_HINT) from None
    numeric = np.asarray(numeric, dtype=float)
    codes = np.asarray(codes)
    X = np.empty((len(numeric), numeric.shape[1] + codes.shape[1]), dtype=object)
    X[:, : numeric.shape[1]] = numeric
    X[:, numeric.shape[1] :] = codes.astype(str)
    categorical = list(range(numeric.shape[1], X.shape[1]))
    model = KPrototypes(n_clusters=k, init="Cao", n_init=n_init, gamma=gamma, random_state=seed, n_jobs=1, max_iter=100)
    labels = np.asarray(model.fit_predict(X, categorical=categorical), dtype=int)
    return labels, np.asarray(model.cluster_centroids_[:, : numeric.shape[1]], dtype=float)


__all__ = ["INSTALL_HINT", "fit"]
