"""Scaling (z-score, min-max, robust) and PCA with loadings and explained variance."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.decomposition import PCA
from sklearn.preprocessing import MinMaxScaler, RobustScaler

from clustering import SCALINGS, minmax, pca, robust, scale, zscore

X = np.array([[1.0, 10.0, 3.0], [2.0, 14.0, 2.0], [4.0, 11.0, 8.0], [8.0, 19.0, 1.0], [3.0, 12.0, 5.0]])


def test_zscore_uses_the_sample_sd_like_r_scale():
    z = zscore(X).values
    assert np.allclose(z.mean(axis=0), 0)
    assert np.allclose(z.std(axis=0, ddof=1), 1)
    assert z[0, 0] == pytest.approx((1 - 3.6) / np.std(X[:, 0], ddof=1))


def test_minmax_and_robust_match_scikit_learn():
    assert np.allclose(minmax(X).values, MinMaxScaler().fit_transform(X))
    assert np.allclose(robust(X).values, RobustScaler().fit_transform(X))
    assert np.allclose(scale(X, "robust").values, robust(X).values)


def test_constant_columns_and_unknown_scalings_are_refused():
    constant = np.column_stack([X[:, 0], np.ones(5)])
    for method in ("zscore", "minmax", "robust"):
        with pytest.raises(ValueError, match="position \\[1\\]"):
            scale(constant, method)
    with pytest.raises(ValueError, match="unknown scaling"):
        scale(X, "log")


def test_pca_keeps_components_by_explained_variance_and_reports_loadings():
    rng = np.random.default_rng(0)
    base = rng.normal(size=(200, 2))
    data = np.column_stack([base[:, 0], base[:, 0] + 0.1 * rng.normal(size=200), base[:, 1], rng.normal(size=200) * 0.05])
    z = zscore(data).values
    result = pca(z, variance_pct=90)
    reference = PCA().fit(z)
    assert result.explained_variance_pct == pytest.approx((100 * reference.explained_variance_ratio_).tolist())
    cumulative = np.cumsum(result.explained_variance_pct)
    assert cumulative[result.n_components - 1] >= 90 > (cumulative[result.n_components - 2] if result.n_components > 1 else 0)
    assert result.scores.shape == (200, result.n_components)
    # Loadings are the correlations of each feature with each kept component.
    for j in range(result.n_components):
        for i in range(z.shape[1]):
            assert result.loadings[i, j] == pytest.approx(np.corrcoef(z[:, i], result.scores[:, j])[0, 1], abs=1e-9)


def test_pca_with_a_fixed_number_of_components():
    result = pca(zscore(X).values, n_components=2)
    assert result.n_components == 2 and result.loadings.shape == (3, 2)


def test_scaling_none_keeps_the_values():
    X = np.array([[1.0, 200.0], [2.0, 100.0], [4.0, 300.0]])
    result = scale(X, "none")
    assert np.array_equal(result.values, X) and result.method == "none"
    assert "none" in SCALINGS


def test_pca_keeps_a_number_of_components_or_the_kaiser_ones():
    rng = np.random.default_rng(0)
    base = rng.normal(size=(200, 1))
    X = zscore(np.hstack([base + rng.normal(0, 0.2, size=(200, 3)), rng.normal(size=(200, 2))])).values
    eigen = np.sort(np.linalg.eigvalsh(np.cov(X, rowvar=False)))[::-1]
    assert pca(X, n_components="kaiser").n_components == int((eigen > 1).sum())
    assert pca(X, n_components=3).n_components == 3 and pca(X, n_components=1).scores.shape == (200, 1)
