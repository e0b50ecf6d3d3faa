"""The command line: exit codes, messages without tracebacks, the files and the summary line."""

from __future__ import annotations

import subprocess
import sys

import pytest
from typer.testing import CliRunner

from interpret.cli import app

runner = CliRunner()


def invoke(*args, env=None):
    return runner.invoke(app, ["run", *map(str, args)], env=env or {}, catch_exceptions=False)


def test_help_lists_the_options():
    result = runner.invoke(app, ["run", "--help"])
    assert result.exit_code == 0
    for option in ("--spec", "--k", "--seed", "--out", "--provider"):
        assert option in result.output


def test_run_writes_files_and_prints_the_verification_line(tmp_path):
    result = invoke("--out", tmp_path / "b", "--seed", 3)
    assert result.exit_code == 0, result.output
    assert (tmp_path / "b" / "brief.md").is_file()
    assert "Verifikasi:" in result.stdout and "0 salah" in result.stdout


@pytest.mark.parametrize(
    "args, needle",
    [
        (["--k", "1"], "k = 1 (from --k): a clustering needs at least 2"),
        (["--k", "40"], "k = 40 is more clusters than a brief can describe"),
        (["--k", "34"], "Use --k 15 or fewer, or --k auto"),
        (["--k", "median"], "a whole number or one of auto | dbi | silhouette | elbow | gap, got 'median'"),
        (["--provider", "magic"], "provider = 'magic'"),
        (["missing.csv", "--spec", "missing.toml"], "Spec file not found"),
    ],
)
def test_bad_input_exits_2_with_a_message(tmp_path, args, needle):
    result = invoke(*args, "--out", tmp_path / "o")
    assert result.exit_code == 2
    assert needle in " ".join(result.output.split())
    assert "Traceback" not in result.output
    assert not (tmp_path / "o").exists()


def test_data_without_spec_is_explained(tmp_path, simple_csv):
    result = invoke(simple_csv, "--out", tmp_path / "o")
    assert result.exit_code == 2 and "No spec given" in result.output


def test_environment_setting_is_used_and_named_in_errors(tmp_path):
    result = invoke("--out", tmp_path / "o", env={"INTERPRET_K": "zero"})
    assert result.exit_code == 2 and "INTERPRET_K" in result.output


def test_unexpected_error_exits_1_without_traceback(tmp_path, monkeypatch):
    import interpret.pipeline

    def boom(*a, **k):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(interpret.pipeline, "load_dataset", boom)
    result = invoke("--out", tmp_path / "o")
    assert result.exit_code == 1
    assert "Unexpected error (RuntimeError): disk on fire" in result.output
    assert "Traceback" not in result.output


def test_console_script_runs_as_a_process(tmp_path, simple_csv):
    proc = subprocess.run(
        [sys.executable, "-m", "interpret.cli", "run", str(simple_csv), "--spec", str(tmp_path / "nope.toml")],
        capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == 2
    assert "Spec file not found" in proc.stderr and "Traceback" not in proc.stderr
