"""The Dask engine's k-means‖ + Lloyd, scaling and k panel against the in-memory engine, on a LocalCluster."""

from __future__ import annotations

import sys

import dask.array as da
import numpy as np
import pytest
from sklearn.datasets import make_blobs
from sklearn.metrics import adjusted_rand_score, calinski_harabasz_score, davies_bouldin_score

from clustering import cluster, scale, select_k
from clustering.dask_engine import (
    INSTALL_HINT, block_moments, dask_client, kmeans_dask, merge_moments, require_dask, scale_dask, select_k_dask,
)


@pytest.fixture(scope="module")
def client():
    with dask_client(workers=2, processes=False) as c:
        yield c


def blobs(n, seed=3, features=3, centers=4):
    X, _ = make_blobs(n, features, centers=centers, cluster_std=0.6, center_box=(-12, 12), random_state=seed)
    X[:, 0] = X[:, 0] * 40 + 500  # features on different scales, as in survey tables
    return X


def matched(dask_labels, memory_labels, k):
    """The dask label of each memory cluster (the numbering of two fits is arbitrary)."""
    return np.array([np.bincount(dask_labels[memory_labels == c], minlength=k).argmax() for c in range(k)])


def test_kmeans_parallel_gives_the_in_memory_partition_on_separable_blobs(client):
    X = blobs(3000)
    Z = scale(X).values
    memory = cluster(Z, 4, seed=7)
    scaled = scale_dask(da.from_array(X, chunks=(700, 3)))  # uneven blocks: 700 × 4 + 200
    fit = kmeans_dask(scaled, 4, seed=7, gather_below=0)  # force k-means‖ (no gathering of a small table)
    labels = np.asarray(fit.labels().compute())
    assert fit.candidates > 4 and fit.converged
    assert adjusted_rand_score(labels, memory.labels) == 1.0
    order = matched(labels, memory.labels, 4)
    assert np.abs(fit.centers[order] - memory.centers).max() < 1e-9
    assert fit.within_ss == pytest.approx(memory.within_ss, rel=1e-9)
    assert fit.total_ss == pytest.approx(memory.total_ss, rel=1e-9)
    assert fit.dbi == pytest.approx(davies_bouldin_score(Z, labels), rel=1e-9)
    assert fit.ch == pytest.approx(calinski_harabasz_score(Z, labels), rel=1e-9)


def test_a_seed_gives_the_same_fit_on_every_run(client):
    """Each block draws from its own seeded generator, so the order workers finish in does not matter."""
    X = np.random.default_rng(5).normal(size=(2000, 3))  # no structure: k-means‖ draws decide the optimum found
    fits = [kmeans_dask(scale_dask(da.from_array(X, chunks=(300, 3))), 5, seed=1, gather_below=0) for _ in range(2)]
    assert np.array_equal(fits[0].centers, fits[1].centers) and fits[0].within_ss == fits[1].within_ss
    other = kmeans_dask(scale_dask(da.from_array(X, chunks=(300, 3))), 5, seed=2, gather_below=0)
    assert not np.array_equal(other.centers, fits[0].centers)


def test_scaling_matches_the_in_memory_scalers(client):
    X = blobs(500)
    for method in ("zscore", "minmax"):
        memory, dask = scale(X, method), scale_dask(da.from_array(X, chunks=(120, 3)), method)
        assert np.abs(dask.center - memory.center).max() < 1e-9 and np.abs(dask.scale - memory.scale).max() < 1e-9
        assert np.abs(np.asarray(dask.values.compute()) - memory.values).max() < 1e-9
    with pytest.raises(ValueError, match="robust"):
        scale_dask(da.from_array(X, chunks=(120, 3)), "robust")
    constant = np.c_[X, np.ones(len(X))]
    with pytest.raises(ValueError, match="constant column"):
        scale_dask(da.from_array(constant, chunks=(120, 4)))


def test_the_k_panel_votes_as_the_in_memory_panel(client):
    X = blobs(400, seed=11)
    Z = scale(X).values
    memory = select_k(Z, [2, 3, 4, 5], seed=42, gap_references=5, sample_size=300)
    selection, fits = select_k_dask(scale_dask(da.from_array(X, chunks=(90, 3))), [2, 3, 4, 5], seed=42, gap_references=5,
                                    sample_size=300)
    assert selection.votes == memory.votes and selection.chosen_k == memory.chosen_k == 4
    assert selection.sample_size == memory.sample_size == 300
    for name in ("wss", "dbi", "ch", "silhouette", "gap", "connectivity"):
        assert np.allclose(selection.indices[name], memory.indices[name], rtol=1e-9, atol=1e-12), name


def test_chan_moments_are_exact(client):
    rng = np.random.default_rng(0)
    x, w = rng.normal(1e6, 3, size=(1000, 2)), rng.uniform(1, 9, 1000)
    labels = rng.integers(0, 3, 1000)
    merged = merge_moments(block_moments(x[s], w[s], labels[s], 3) for s in (slice(0, 10), slice(10, 400), slice(400, None)))
    for c in range(3):
        inside = labels == c
        mean = np.average(x[inside], axis=0, weights=w[inside])
        assert np.allclose(merged.mean[c], mean, rtol=1e-13)
        sd = np.sqrt((w[inside, None] * (x[inside] - mean) ** 2).sum(axis=0) / (w[inside].sum() - 1))
        assert np.allclose(merged.sd(weighted=True)[c], sd, rtol=1e-9)
        assert np.array_equal(merged.min[c], x[inside].min(axis=0))


def test_missing_dask_names_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)
    with pytest.raises(ImportError, match="interpret\\[dask\\]"):
        require_dask()
    assert "pip install 'interpret[dask]'" == INSTALL_HINT


def test_an_unconverged_fit_reports_the_partition_its_labels_give(client):
    """Stopped by max_iter: sizes, WSS and labels all describe the labelling by `assign_centers`."""
    X = np.random.default_rng(8).normal(size=(3000, 3))
    fit = kmeans_dask(scale_dask(da.from_array(X, chunks=(700, 3))), 6, seed=3, max_iter=1, gather_below=0)
    labels = np.asarray(fit.labels().compute())
    Z = scale(X).values
    assert not fit.converged and np.array_equal(np.bincount(labels, minlength=6), fit.sizes)
    means = np.vstack([Z[labels == c].mean(axis=0) for c in range(6)])
    assert np.abs(fit.centers - means).max() < 1e-9
    assert fit.within_ss == pytest.approx(sum(((Z[labels == c] - means[c]) ** 2).sum() for c in range(6)), rel=1e-9)
