"""k-prototypes for mixed numeric and categorical data (clustering/kprototypes.py, registered in ALGORITHMS)."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.metrics import adjusted_rand_score

from clustering.algorithms import ALGORITHMS, METHODS, cluster, kmeans


def mixed(n_per: int = 60, seed: int = 0):
    """Three groups that six coded answers separate and two numbers barely do (with three codes the
    numeric noise still outweighs them at kmodes' default gamma: codes need numbers to be comparable)."""
    rng = np.random.default_rng(seed)
    truth = np.repeat(np.arange(3), n_per)
    numeric = rng.normal(0, 1, (len(truth), 2)) + truth[:, None] * 0.3
    codes = np.column_stack([np.where(rng.random(len(truth)) < 0.9, truth, rng.integers(0, 3, len(truth))) for _ in range(6)])
    return numeric, codes, truth


def test_kprototypes_is_a_registered_method():
    assert ALGORITHMS["kprototypes"] is not None and "kprototypes" in METHODS


def test_the_codes_find_the_groups_that_the_numbers_alone_miss():
    numeric, codes, truth = mixed()
    X = np.hstack([numeric, codes])
    partition = cluster(X, 3, method="kprototypes", seed=1, categorical=[2, 3, 4, 5, 6, 7])
    assert partition.method == "kprototypes" and partition.k == 3 and sorted(partition.sizes) != [0, 0, 180]
    assert adjusted_rand_score(truth, partition.labels) > 0.75
    assert adjusted_rand_score(truth, kmeans(numeric, 3, seed=1).labels) < 0.5
    assert partition.centers.shape == (3, 2)  # the numeric centres: within_ss keeps its meaning
    assert 0 < partition.within_ss < partition.total_ss


def test_without_codes_it_is_kmeans_and_manhattan_is_refused():
    numeric, _, _ = mixed()
    assert np.array_equal(cluster(numeric, 3, method="kprototypes", seed=1).labels, kmeans(numeric, 3, seed=1).labels)
    with pytest.raises(ValueError, match="manhattan is for kmedoids"):
        cluster(numeric, 3, method="kprototypes", metric="manhattan")
