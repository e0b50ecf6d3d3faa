"""`interpret run --engine dask` on a Parquet data set: read, clustered and profiled on a LocalCluster,
the brief's partition the in-memory engine's, and the driver never holding the whole table."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from sklearn.datasets import make_blobs
from typer.testing import CliRunner

import interpret.pipeline as pipeline
from interpret import run_brief
from interpret.cli import app
from interpret.errors import ConfigError
from interpret.terms import Verdict
from tests.conftest import settings

N = 1_500
SAMPLE = 200  # the driver's sample: 2 × 200 units of 1 500

SPEC = """
[dataset]
name = "rt"
title = "Rumah tangga uji"
unit = "rumah tangga"
{extra}

[id]
column = "id_rt"

[reference]
kind = "mean"

[clustering]
k = {k}
bootstrap = 0
sample_size = {sample}

[[features]]
column = "a"
label = "Pengeluaran"
unit = "rupiah"
decimals = 0
direction = "higher_is_better"
theme = "ekonomi"

[[features]]
column = "b"
label = "Lama sekolah"
unit = "tahun"
decimals = 1
direction = "higher_is_better"
theme = "pendidikan"

[[features]]
column = "c"
label = "Anggota rumah tangga"
unit = "orang"
decimals = 1
direction = "lower_is_better"
theme = "demografi"
"""


def blobs() -> pd.DataFrame:
    X, _ = make_blobs(N, 3, centers=3, cluster_std=0.4, center_box=(-6, 6), random_state=5)
    return pd.DataFrame({"id_rt": [f"RT{i:05d}" for i in range(N)], "a": X[:, 0] * 1e5 + 1.5e6, "b": X[:, 1] + 9, "c": X[:, 2] + 5})


@pytest.fixture(scope="module")
def tables(tmp_path_factory):
    folder = tmp_path_factory.mktemp("households")
    frame = blobs()
    parts = folder / "parts"
    parts.mkdir()
    for i, chunk in enumerate(np.array_split(frame, 4)):
        chunk.to_parquet(parts / f"part-{i}.parquet", index=False)
    frame.to_csv(folder / "rt.csv", index=False)
    spec = folder / "rt.toml"
    spec.write_text(SPEC.format(k=3, sample=SAMPLE, extra=""), encoding="utf-8")
    return folder, parts, spec


def dask_settings(data, spec, out, **more):
    return settings(data=data, spec=spec, out=out, engine="dask", dask_workers=2, dask_memory_limit="1GB", **more)


def test_the_brief_on_dask_has_the_in_memory_partition_and_the_driver_never_holds_the_table(tables, tmp_path, monkeypatch):
    folder, parts, spec = tables
    memory = run_brief(settings(data=parts, spec=spec, out=tmp_path / "memory"))  # the same Parquet files, read whole

    def whole_table(*args, **kwargs):
        raise AssertionError("interpret.data.load_dataset read the whole table into the driver")

    gathered: list[int] = []
    import dask.dataframe as dd

    original = dd.DataFrame.compute

    def spy(self, *args, **kwargs):  # a dask dataframe brought to the driver: never the table's rows
        result = original(self, *args, **kwargs)
        gathered.append(len(result))
        return result

    monkeypatch.setattr(pipeline, "load_dataset", whole_table)
    monkeypatch.setattr(dd.DataFrame, "compute", spy)
    brief = run_brief(dask_settings(parts, spec, tmp_path / "dask"))

    assert len(brief.dataset.values) == 2 * SAMPLE < N  # what the driver holds: the bounded sample
    assert all(rows < N for rows in gathered)
    assert brief.facts.dataset.n_units == N
    assert [c.size for c in brief.facts.clusters] == [c.size for c in memory.facts.clusters]
    written = pd.read_csv(tmp_path / "dask" / "assignments.csv", dtype={"id_rt": str})  # by the workers
    expected = memory.assignments.set_index("id_rt")["klaster"]
    assert len(written) == N
    assert (written.set_index("id_rt")["klaster"].loc[expected.index] == expected).all()
    for d, m in zip(brief.facts.clusters, memory.facts.clusters):
        for name, feature in m.features.items():
            assert abs(d.features[name].mean - feature.mean) <= 1e-9 * abs(feature.mean)
            assert (d.features[name].min, d.features[name].max, d.features[name].rank) == (feature.min, feature.max, feature.rank)
    counts = brief.verification.counts  # the numbers in the brief are verified against every unit's facts
    assert counts.get(Verdict.TRUE, 0) > 0 and counts.get(Verdict.FALSE, 0) == 0
    assert "assignments.csv" in brief.markdown


def test_k_auto_on_dask_chooses_the_in_memory_k(tables, tmp_path):
    folder, parts, _ = tables
    spec = folder / "auto.toml"
    # No sample_size in the spec: the default (2 000), so the driver's sample is the whole small table.
    text = SPEC.format(k='"auto"', sample=SAMPLE, extra="").replace("k = \"auto\"\n", "k_max = 6\n").replace(f"sample_size = {SAMPLE}\n", "")
    spec.write_text(text, encoding="utf-8")
    memory = run_brief(settings(data=parts, spec=spec), write=False)
    dask = run_brief(dask_settings(parts, spec, None), write=False)
    assert len(dask.dataset.values) == N
    assert dask.facts.k == memory.facts.k == 3
    assert dask.facts.k_selection.k_values == memory.facts.k_selection.k_values
    assert dask.facts.k_selection.indices["wss"] == pytest.approx(memory.facts.k_selection.indices["wss"], rel=1e-9)


def test_what_the_dask_engine_does_not_compute_exits_2_naming_the_setting(tables, tmp_path):
    folder, parts, spec = tables
    runner = CliRunner()
    for args, words in ((["--method", "ward"], "k-means"), (["--scaling", "robust"], "scaling = robust"), (["--pca"], "pca = true")):
        result = runner.invoke(app, ["run", str(parts), "--spec", str(spec), "--engine", "dask", "--out", str(tmp_path / "o"), *args],
                               env={}, catch_exceptions=False)
        assert result.exit_code == 2, result.output
        assert words in " ".join(result.output.split()) and "--engine memory" in " ".join(result.output.split())
    weighted = folder / "w.toml"
    weighted.write_text(SPEC.format(k=3, sample=SAMPLE, extra="").replace("[id]", "[weights]\nhouseholds = \"a\"\n\n[id]"), encoding="utf-8")
    with pytest.raises(ConfigError, match=r"\[weights\].*--engine memory"):
        run_brief(dask_settings(parts, weighted, tmp_path / "w"), write=False)


def test_a_capped_lloyd_fit_is_said_in_the_brief(tables, tmp_path):
    folder, parts, spec = tables
    many = folder / "many.toml"
    many.write_text(SPEC.format(k=8, sample=SAMPLE, extra=""), encoding="utf-8")
    brief = run_brief(dask_settings(parts, many, None, kmeans_tol=0.0, kmeans_max_iter=1), write=False)  # one Lloyd pass, then the cap
    assert "lloyd_capped" in brief.facts.method.caveats
    assert "kmeans_tol" in brief.markdown
