"""Bootstrap stability (clusterboot Jaccard) and the assumption checks (KMO, |r|, |z|)."""

from __future__ import annotations

import numpy as np
import pytest

from clustering import bootstrap_stability, check_assumptions, kmeans, kmo, zscore


def _refit(k):
    return lambda X, seed: kmeans(X, k, seed=seed, n_init=20).labels


def test_three_well_separated_blobs_have_every_jaccard_at_least_0_9():
    rng = np.random.default_rng(0)
    X = np.vstack([rng.normal(c, 0.5, size=(30, 3)) for c in ([0, 0, 0], [8, 0, 0], [0, 8, 0])])
    labels = kmeans(X, 3).labels
    result = bootstrap_stability(X, labels, _refit(3), B=100, seed=42)
    assert result.B == 100
    assert min(result.jaccard) >= 0.9
    assert np.nanmax(result.moved_pct) == 0.0
    assert (result.appearances > 0).all()


def test_uniform_noise_with_k_4_has_no_stable_cluster():
    X = zscore(np.random.default_rng(0).uniform(size=(60, 8))).values
    labels = kmeans(X, 4, seed=1).labels
    result = bootstrap_stability(X, labels, _refit(4), B=100, seed=42)
    assert max(result.jaccard) < 0.75  # Hennig: below 0.75 a cluster is not stable
    assert np.nanmean(result.moved_pct) > 20


def test_stability_is_reproducible_with_the_seed_and_changes_without_it():
    rng = np.random.default_rng(1)
    X = rng.uniform(size=(40, 4))
    labels = kmeans(X, 3).labels
    a = bootstrap_stability(X, labels, _refit(3), B=20, seed=5)
    b = bootstrap_stability(X, labels, _refit(3), B=20, seed=5)
    c = bootstrap_stability(X, labels, _refit(3), B=20, seed=6)
    assert a.jaccard == b.jaccard and np.array_equal(a.moved_pct, b.moved_pct, equal_nan=True)
    assert a.jaccard != c.jaccard


def test_jaccard_by_hand_with_a_fixed_refit():
    # The refit always splits the bootstrap sample at x = 2.5; the original clusters are units 0–5
    # (x = 0, 0.5, …, 2 and 2.6) and units 6–11. Cluster one's best match is the x < 2.5 side, where
    # unit 5 (x = 2.6) never lands: it moves in 100 % of its replicates, nobody else ever moves,
    # and cluster one's Jaccard is |{0..4} drawn| / |{0..5} drawn| < 1.
    X = np.array([[0.0], [0.5], [1.0], [1.5], [2.0], [2.6], [3.0], [3.5], [4.0], [4.5], [5.0], [5.5]])
    labels = np.array([0] * 6 + [1] * 6)
    split = lambda data, seed: (data[:, 0] >= 2.5).astype(int)  # noqa: E731
    result = bootstrap_stability(X, labels, split, B=50, seed=3)
    assert result.moved_pct[5] == pytest.approx(100.0)
    assert np.nanmax(np.delete(result.moved_pct, 5)) == 0.0
    assert result.jaccard[0] < 1.0 and result.jaccard[1] < 1.0


def test_kmo_by_hand():
    # Three variables with correlations r12 = 0.5, r13 = 0.4, r23 = 0.3: KMO from the inverse.
    R = np.array([[1, 0.5, 0.4], [0.5, 1, 0.3], [0.4, 0.3, 1.0]])
    inverse = np.linalg.inv(R)
    partial = -inverse / np.sqrt(np.outer(np.diag(inverse), np.diag(inverse)))
    r2 = 2 * (0.5**2 + 0.4**2 + 0.3**2)
    p2 = 2 * (partial[0, 1] ** 2 + partial[0, 2] ** 2 + partial[1, 2] ** 2)
    expected_overall = r2 / (r2 + p2)
    expected_first = (0.5**2 + 0.4**2) / (0.5**2 + 0.4**2 + partial[0, 1] ** 2 + partial[0, 2] ** 2)
    # Data with exactly that correlation matrix: whitened noise coloured by the Cholesky factor.
    rng = np.random.default_rng(0)
    Z = rng.normal(size=(500, 3))
    Z = (Z - Z.mean(axis=0)) @ np.linalg.inv(np.linalg.cholesky(np.cov(Z, rowvar=False))).T
    X = Z @ np.linalg.cholesky(R).T
    overall, per_variable, singular = kmo(X)
    assert overall == pytest.approx(expected_overall, abs=1e-9)
    assert per_variable[0] == pytest.approx(expected_first, abs=1e-9)
    assert not singular


def test_strong_correlations_and_outliers_are_reported_not_dropped():
    rng = np.random.default_rng(2)
    a = rng.normal(size=50)
    X = np.column_stack([a, a * 2 + rng.normal(scale=0.1, size=50), rng.normal(size=50)])
    X[7, 2] = 25.0  # one extreme unit
    checks = check_assumptions(X)
    assert [(p[0], p[1]) for p in checks.high_correlations] == [(0, 1)]
    assert checks.high_correlations[0][2] > 0.8
    assert (7, 2) in [(row, col) for row, col, _ in checks.outliers]
    assert checks.n_outliers >= 1
    assert X.shape[0] == 50  # nothing removed from the data


def test_singular_correlation_uses_the_pseudo_inverse():
    rng = np.random.default_rng(3)
    a, b = rng.normal(size=30), rng.normal(size=30)
    overall, per_variable, singular = kmo(np.column_stack([a, b, a + b]))
    assert singular and 0 <= overall <= 1 and len(per_variable) == 3


def test_a_moving_unit_is_mapped_to_the_cluster_it_moves_to():
    # Same fixed refit as above: unit 5 (x = 2.6) always lands on the x ≥ 2.5 side, the bootstrap
    # cluster that best matches original cluster two, so its destination is cluster two (index 1),
    # in every replicate it was drawn; nobody else has a destination.
    X = np.array([[0.0], [0.5], [1.0], [1.5], [2.0], [2.6], [3.0], [3.5], [4.0], [4.5], [5.0], [5.5]])
    labels = np.array([0] * 6 + [1] * 6)
    split = lambda data, seed: (data[:, 0] >= 2.5).astype(int)  # noqa: E731
    result = bootstrap_stability(X, labels, split, B=50, seed=3)
    assert result.moved_to_pct.shape == (12, 2)
    assert result.moved_to_pct[5, 1] == pytest.approx(100.0) and result.moved_to_pct[5, 0] == 0.0
    assert np.nansum(np.delete(result.moved_to_pct, 5, axis=0)) == 0.0
