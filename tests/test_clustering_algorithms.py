"""Clustering methods: k-means (batched restarts vs scikit-learn), k-medoids (FasterPAM), Ward."""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
import pytest
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import cdist
from sklearn.cluster import KMeans
from sklearn.metrics import adjusted_rand_score

from clustering import cluster, kmeans, kmedoids, order_labels, ward, zscore
from clustering.batched import batched_kmeans

from .conftest import DEFAULT_CSV, published_partition


def _default_matrix():
    table = pd.read_csv(DEFAULT_CSV)
    return table["Provinsi"].to_numpy(), zscore(table[["UHH", "HLS", "RLS", "Pengeluaran"]].to_numpy(float)).values


def _as_sets(names, labels):
    return sorted(sorted(names[labels == c]) for c in np.unique(labels))


def test_kmeans_gives_the_published_partition_for_50_of_50_seeds():
    names, X = _default_matrix()
    published = sorted(map(sorted, published_partition()))
    hits = [_as_sets(names, kmeans(X, 4, seed=seed).labels) == published for seed in range(50)]
    assert sum(hits) == 50
    assert kmeans(X, 4, seed=7).within_ss == pytest.approx(48.915, abs=5e-4)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_batched_kmeans_finds_the_same_optimum_as_scikit_learn(seed):
    rng = np.random.default_rng(seed)
    X = np.vstack([rng.normal(center, 1.0, size=(40, 3)) for center in ([0, 0, 0], [4, 0, 0], [0, 4, 1], [3, 3, 3])])
    labels, _, inertia = batched_kmeans(X, 4, n_init=50, seed=seed)
    reference = KMeans(4, n_init=50, random_state=seed).fit(X)
    assert inertia == pytest.approx(reference.inertia_, rel=1e-9)
    assert adjusted_rand_score(labels, reference.labels_) == pytest.approx(1.0)


def test_weighted_batched_kmeans_matches_scikit_learn_sample_weight():
    rng = np.random.default_rng(3)
    X = np.vstack([rng.normal(c, 0.8, size=(30, 2)) for c in ([0, 0], [5, 0], [0, 5])])
    w = rng.uniform(0.5, 3.0, size=len(X))
    labels, _, inertia = batched_kmeans(X, 3, n_init=30, seed=1, weights=w)
    reference = KMeans(3, n_init=30, random_state=1).fit(X, sample_weight=w)
    assert inertia == pytest.approx(reference.inertia_, rel=1e-9)


def test_kmedoids_manhattan_runs_on_the_default_data_and_uses_real_units_as_centers():
    names, X = _default_matrix()
    partition = kmedoids(X, 4, metric="manhattan", seed=42)
    assert partition.method == "kmedoids" and partition.metric == "manhattan"
    assert sorted(partition.sizes) == sorted(np.bincount(partition.labels).tolist()) and len(partition.sizes) == 4
    assert all(any(np.array_equal(center, row) for row in X) for center in partition.centers)
    # Every unit sits with its nearest medoid (in Manhattan distance).
    nearest = cdist(X, partition.centers, metric="cityblock").argmin(axis=1)
    assert np.array_equal(nearest, partition.labels)


def test_kmedoids_reaches_the_exhaustive_pam_optimum_on_a_small_table():
    rng = np.random.default_rng(5)
    X = np.vstack([rng.normal(c, 0.7, size=(5, 2)) for c in ([0, 0], [4, 1], [1, 5])])
    D = cdist(X, X, metric="cityblock")
    best = min(D[:, list(m)].min(axis=1).sum() for m in itertools.combinations(range(len(X)), 3))
    partition = kmedoids(X, 3, metric="manhattan")
    loss = cdist(X, partition.centers, metric="cityblock").min(axis=1).sum()
    assert loss == pytest.approx(best)


def test_ward_equals_scipy_ward_linkage():
    names, X = _default_matrix()
    ours = ward(X, 4).labels
    theirs = fcluster(linkage(X, method="ward"), 4, criterion="maxclust")
    assert adjusted_rand_score(ours, theirs) == pytest.approx(1.0)


def test_within_and_total_ss_mean_the_same_for_every_method():
    _, X = _default_matrix()
    total = float(((X - X.mean(axis=0)) ** 2).sum())
    for method, metric in (("kmeans", "euclidean"), ("kmedoids", "manhattan"), ("ward", "euclidean")):
        p = cluster(X, 4, method=method, metric=metric)
        within = sum(((X[p.labels == c] - X[p.labels == c].mean(axis=0)) ** 2).sum() for c in range(4))
        assert p.total_ss == pytest.approx(total)
        assert p.within_ss == pytest.approx(within)


def test_invalid_method_metric_pairs_are_refused_with_the_fix():
    _, X = _default_matrix()
    with pytest.raises(ValueError, match="kmedoids"):
        kmeans(X, 4, metric="manhattan")
    with pytest.raises(ValueError, match="Euclidean"):
        ward(X, 4, metric="manhattan")
    with pytest.raises(ValueError, match="unknown method"):
        cluster(X, 4, method="dbscan")


def test_order_labels_is_independent_of_the_method_numbering():
    _, X = _default_matrix()
    p = kmeans(X, 4, seed=3)
    shuffled = type(p)(labels=(p.labels + 1) % 4, centers=np.roll(p.centers, 1, axis=0), k=4, method="kmeans",
                       seed=3, n_init=p.n_init, within_ss=p.within_ss, total_ss=p.total_ss)
    key = X.mean(axis=1)
    assert np.array_equal(order_labels(p, key).labels, order_labels(shuffled, key).labels)
