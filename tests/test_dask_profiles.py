"""Per-cluster statistics on Dask against `profiles.profile_clusters`: exact moments, bounded medians."""

from __future__ import annotations

import dask.array as da
import numpy as np
import pandas as pd
import pytest

from clustering import profile_clusters
from clustering.dask_engine import dask_client
from clustering.dask_profiles import MEDIAN_BOUND, profile_clusters_dask


@pytest.fixture(scope="module")
def client():
    with dask_client(workers=2, processes=False) as c:
        yield c


def table(n=1201, seed=0, rounded=False):
    rng = np.random.default_rng(seed)
    values = np.c_[rng.lognormal(13, 0.5, n), rng.normal(70, 4, n), rng.uniform(0, 1, n)]
    if rounded:
        values = values.round(1)
    ids = np.array([f"RT{i}" for i in range(n)])
    labels = rng.integers(0, 3, n)
    labels[:3] = [0, 1, 2]
    return pd.DataFrame(values, columns=["exp", "uhh", "share"], index=ids), labels, rng.uniform(20, 900, n)


def both(frame, labels, weights, chunk=250):
    reference = {"exp": 5e5, "uhh": 71.0, "share": 0.4}
    memory = profile_clusters(frame, labels, reference, weights)
    X = da.from_array(frame.to_numpy(), chunks=(chunk, 3))
    L = da.from_array(labels, chunks=(chunk,))
    W = None if weights is None else da.from_array(weights, chunks=(chunk,))
    dask = profile_clusters_dask(X, L, list(frame.columns), reference, weights=W, ids=frame.index.to_numpy(), k=3)
    return memory, dask


@pytest.mark.parametrize("weighted", [False, True])
def test_moments_sizes_and_members_are_exact_and_medians_within_the_bound(client, weighted):
    frame, labels, weights = table()
    memory, dask = both(frame, labels, weights if weighted else None)
    for m, d in zip(memory, dask):
        assert (d.size, d.members) == (m.size, m.members)
        if weighted:
            assert d.weighted_size == pytest.approx(m.weighted_size, rel=1e-12)
            assert d.share_pct == pytest.approx(m.share_pct, rel=1e-12)
        else:
            assert d.weighted_size is None and d.share_pct is None
        for name in frame.columns:
            a, b = d.features[name], m.features[name]
            for stat in ("mean", "sd", "diff", "diff_pct", "z"):
                assert getattr(a, stat) == pytest.approx(getattr(b, stat), rel=1e-9, abs=1e-9), (name, stat)
            assert (a.min, a.max, a.rank) == (b.min, b.max, b.rank)
            assert abs(a.median - b.median) <= MEDIAN_BOUND * (b.max - b.min) * (1 + 1e-6), (name, a.median, b.median)


@pytest.mark.parametrize("weighted", [False, True])
def test_medians_are_exact_when_the_bin_found_holds_one_value(client, weighted):
    """Values on a 0.1 grid: the 1/1024² bin holding the median holds one distinct value, read exactly;
    even cluster sizes check the mean of the two middle values (unweighted)."""
    frame, labels, weights = table(n=1200, seed=4, rounded=True)
    memory, dask = both(frame, labels, weights if weighted else None, chunk=333)
    assert any(p.size % 2 == 0 for p in memory)
    for m, d in zip(memory, dask):
        for name in frame.columns:
            assert d.features[name].median == m.features[name].median, name


def test_a_one_member_cluster_has_no_sd(client):
    frame, labels, _ = table(n=300, seed=2)
    labels = np.where(np.arange(300) == 5, 2, labels % 2)
    memory, dask = both(frame, labels, None, chunk=64)
    assert dask[2].size == 1 and dask[2].features["exp"].sd is None and memory[2].features["exp"].sd is None
    assert dask[2].features["exp"].median == frame["exp"].iloc[5]
