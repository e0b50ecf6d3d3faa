"""A partitioned Parquet data set read through its spec as a dask dataframe and clustered on the
cluster: the in-memory engine's partition and profiles; bad tables refused with a message."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from sklearn.datasets import make_blobs
from sklearn.metrics import adjusted_rand_score

from clustering import cluster, profile_clusters, scale
from clustering.dask_engine import dask_client
from interpret.dask_data import cluster_table, load_dask_table
from interpret.errors import ConfigError, DataError

SPEC = """
[dataset]
name = "rt"
title = "Rumah tangga uji"
unit = "rumah tangga"
weight = "bobot"
{missing}

[id]
column = "id_rt"

[reference]
kind = "mean"

[[features]]
column = "a"
label = "A"
unit = "orang"
decimals = 1
theme = "demografi"

[[features]]
column = "b"
label = "B"
unit = "rupiah"
decimals = 0
theme = "ekonomi"
"""


@pytest.fixture(scope="module")
def client():
    with dask_client(workers=2, processes=False) as c:
        yield c


def households(n=900):
    X, _ = make_blobs(n, 2, centers=3, cluster_std=0.5, center_box=(-8, 8), random_state=2)
    frame = pd.DataFrame({"id_rt": np.arange(n), "a": X[:, 0] + 10, "b": X[:, 1] * 1e5 + 2e6,
                          "bobot": np.random.default_rng(0).uniform(20, 900, n)})
    return frame


def write(tmp_path, frame, missing=""):
    folder = tmp_path / "rt"
    folder.mkdir()
    for i, rows in enumerate(np.array_split(np.arange(len(frame)), 3)):
        frame.iloc[rows].to_parquet(folder / f"part-{i}.parquet", index=False)
    spec = tmp_path / "rt.toml"
    spec.write_text(SPEC.format(missing=missing), encoding="utf-8")
    return folder, spec


def test_a_parquet_folder_clusters_as_in_memory(tmp_path, client):
    frame = households()
    folder, spec = write(tmp_path, frame)
    table = load_dask_table(folder, spec)
    assert table.n == 900 and len(table.values.chunks[0]) == 3
    fit, profiles, reference = cluster_table(table, 3, seed=42)
    X = frame[["a", "b"]].to_numpy()
    memory = cluster(scale(X).values, 3, seed=42)
    labels = np.asarray(fit.labels().compute())
    assert adjusted_rand_score(labels, memory.labels) == 1.0
    weights = frame["bobot"].to_numpy()
    assert reference["b"] == pytest.approx(np.average(X[:, 1], weights=weights), rel=1e-12)
    expected = profile_clusters(pd.DataFrame(X, columns=["a", "b"]), labels, reference, weights)
    for d, m in zip(profiles, expected):
        assert d.size == m.size and d.weighted_size == pytest.approx(m.weighted_size, rel=1e-12)
        assert d.features["b"].mean == pytest.approx(m.features["b"].mean, rel=1e-12)
        assert d.features["b"].median == m.features["b"].median


def test_bad_tables_are_refused_with_a_message(tmp_path, client):
    frame = households(30)
    frame["b"] = frame["b"].astype(str)
    folder, spec = write(tmp_path, frame)
    with pytest.raises(DataError, match="Column 'b' .* is not numeric"):
        load_dask_table(folder, spec)
    spec.write_text(SPEC.format(missing="").replace('column = "a"', 'column = "umur"'), encoding="utf-8")
    with pytest.raises(ConfigError, match="Unknown column.*umur"):
        load_dask_table(folder, spec)


def test_missing_values_are_refused_or_dropped_as_the_spec_says(tmp_path, client):
    frame = households(60)
    frame.loc[7, "a"] = np.nan
    folder, spec = write(tmp_path, frame)
    with pytest.raises(DataError, match="missing values \\(a: 1\\)"):
        load_dask_table(folder, spec)
    spec.write_text(SPEC.format(missing='missing = "drop"'), encoding="utf-8")
    assert load_dask_table(folder, spec).n == 59
