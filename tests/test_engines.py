"""The engine setting: validated, the install hint when dask is missing, and a whole brief on Dask
that is the in-memory engine's brief."""

from __future__ import annotations

import re
import sys

from typer.testing import CliRunner

from interpret import run_brief
from interpret.cli import app
from tests.conftest import settings

runner = CliRunner()


def invoke(*args):
    return runner.invoke(app, ["run", *map(str, args)], env={}, catch_exceptions=False)


def test_an_unknown_engine_exits_2_naming_the_choices(tmp_path):
    result = invoke("--engine", "spark", "--out", tmp_path / "o")  # refused by the command line, before the run
    words = " ".join(result.output.translate({ord(c): " " for c in "│╭╮╰╯─"}).split())
    assert result.exit_code == 2
    assert "Invalid value for '--engine': Value error, 'spark' is not one of 'memory', 'dask'." in words
    assert "Traceback" not in result.output
    from_environment = runner.invoke(app, ["run", "--out", str(tmp_path / "o")], env={"INTERPRET_ENGINE": "spark"})
    assert from_environment.exit_code == 2
    assert "engine = 'spark' (from INTERPRET_ENGINE (environment or .env)) is unknown; choose one of memory, dask." in " ".join(from_environment.output.split())


def test_engine_dask_without_dask_gives_the_install_hint(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # as if the extra were not installed
    result = invoke("--engine", "dask", "--out", tmp_path / "o")
    assert result.exit_code == 2
    assert "pip install 'interpret[dask]'" in " ".join(result.output.split())
    assert "Traceback" not in result.output and not (tmp_path / "o").exists()


def test_engine_dask_refuses_other_methods(tmp_path):
    result = invoke("--engine", "dask", "--method", "ward", "--out", tmp_path / "o")
    assert result.exit_code == 2 and "k-means" in result.output


def test_a_whole_brief_on_dask_is_the_in_memory_brief(default_brief):
    stages: list[str] = []
    memory = default_brief  # the shared in-memory brief of the default data (k panel 2…10, k = 4)
    dask = run_brief(settings(engine="dask", dask_workers=1, dask_memory_limit="1GB"),
                     lambda stage, message: stages.append(stage), write=False)
    assert {"engine", "scaling", "k_panel", "profiles"} <= set(stages)  # progress reported, nothing printed
    assert dask.facts.k_selection.votes == memory.facts.k_selection.votes
    assert dask.partition.k == memory.partition.k
    assert (dask.partition.labels == memory.partition.labels).all()
    for d, m in zip(dask.facts.clusters, memory.facts.clusters):
        for name, feature in m.features.items():
            other = d.features[name]
            assert abs(other.mean - feature.mean) <= 1e-9 * abs(feature.mean)
            assert (other.median, other.min, other.max, other.rank) == (feature.median, feature.min, feature.max, feature.rank)
    stamp = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00")
    assert stamp.sub("", dask.markdown) == stamp.sub("", memory.markdown)
    assert dask.verification.counts == memory.verification.counts
