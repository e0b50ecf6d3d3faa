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


def plain(output: str) -> str:
    """The output's words, without the error panel's frame and line breaks."""
    return " ".join(output.translate({ord(c): " " for c in "│╭╮╰╯─"}).split())


@pytest.mark.parametrize(
    "args, needle",
    [
        (["--k", "1"], "Invalid value for '--k': k = 1: a clustering needs at least 2 clusters"),
        (["--k", "40"], "k = 40: more than 15 clusters is more than a brief can describe"),
        (["--k", "34"], "Use a whole number from 2 to 15 (e.g. --k 4), or one of auto | dbi | silhouette | elbow | gap"),
        (["--k", "median"], "Invalid value for '--k': 'median' is not a number of clusters"),
        (["--provider", "magic"], "Invalid value for '--provider': Value error, 'magic' is not one of 'auto', 'ollama', 'watsonx', 'none'"),
        (["missing.csv", "--spec", "missing.toml"], "Spec file not found"),
    ],
)
def test_bad_input_exits_2_with_a_message(tmp_path, args, needle):
    result = invoke(*args, "--out", tmp_path / "o")
    assert result.exit_code == 2
    assert needle in plain(result.output)
    assert "Traceback" not in result.output
    assert not (tmp_path / "o").exists()


@pytest.mark.parametrize(
    "env, needle",
    [
        ({"INTERPRET_K": "1"}, "k = 1 (from INTERPRET_K (environment or .env)): a clustering needs at least 2"),
        ({"INTERPRET_K": "40"}, "k = 40 is more clusters than a brief can describe"),
        ({"INTERPRET_K": "median"}, "a whole number or one of auto | dbi | silhouette | elbow | gap, got 'median'"),
        ({"INTERPRET_PROVIDER": "magic"}, "provider = 'magic'"),
    ],
)
def test_a_bad_value_from_the_environment_is_refused_by_the_settings(tmp_path, env, needle):
    """The command line refuses a bad value itself; the environment and interpret.toml still reach the settings' checks."""
    result = invoke("--out", tmp_path / "o", env=env)
    assert result.exit_code == 2 and needle in plain(result.output)


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


# -- the help ---------------------------------------------------------------------------------------

COMMANDS = [[], ["run"], ["compare"], ["verify"], ["doctor"], ["prompts"], ["prompts", "list"], ["prompts", "show"],
            ["prompts", "render"], ["prompts", "check"], ["cache"], ["cache", "info"], ["cache", "clear"]]
WIDE = {"COLUMNS": "220"}  # one line per option: the help is read row by row


def help_of(*command, flag="--help"):
    result = runner.invoke(app, [*command, flag], env=WIDE)
    assert result.exit_code == 0, result.output
    return result.output


def option_rows(text: str) -> dict[str, list[tuple[str, str]]]:
    """Panel title → its rows (flag, the type column's text), in the order the help prints them."""
    panels: dict[str, list[tuple[str, str]]] = {}
    panel = None
    for line in text.splitlines():
        if line.startswith("╭─"):
            panel = line.strip("╭─╮ ").rstrip("─ ")
            panels[panel] = []
        elif panel and line.startswith("│ --"):
            cells = line.strip("│ ").split()
            panels[panel].append((cells[0], next((c for c in cells[1:] if c.startswith("<")), "")))
    return panels


def test_every_setting_with_fixed_values_lists_them_and_refuses_others_naming_the_option(tmp_path):
    from interpret.settings import taken_by

    rows = {flag: kind for panel in option_rows(help_of("run")).values() for flag, kind in panel}
    offered = [s for s in taken_by("run") if s.cli_choices() and s.cli_type is not bool]
    assert {s.option for s in offered} >= {"--method", "--metric", "--scaling", "--provider", "--engine", "--k-panel"}
    for setting in offered:
        assert rows[setting.option] == "<" + "|".join(setting.cli_choices()) + ">"
        result = invoke(setting.option, "bogus", "--out", tmp_path / "o")
        assert result.exit_code == 2, setting.option
        words = plain(result.output)
        assert f"Invalid value for '{setting.option}'" in words and all(f"'{c}'" in words for c in setting.cli_choices())
    assert rows["--k"] == "<2…15|auto|dbi|silhouette|elbow|gap>"
    assert rows["--lang"] == "<id|en|…>"


def test_no_command_shows_a_bool_metavar_and_flags_take_no_value():
    for command in COMMANDS:
        assert "<bool>" not in help_of(*command), command
    rows = {flag: kind for panel in option_rows(help_of("run")).values() for flag, kind in panel}
    assert rows["--pca"] == rows["--compare"] == rows["--no-cache"] == rows["--pdf"] == rows["--help"] == ""


def test_h_is_help_everywhere():
    for command in COMMANDS:
        assert help_of(*command, flag="-h") == help_of(*command), command


def test_version_is_the_installed_package_version():
    from importlib.metadata import version

    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.output.strip() == f"interpret {version('interpret')}"


def test_options_sit_in_four_panels_sorted_within_each():
    panels = option_rows(help_of("run"))
    assert [p for p in panels if p not in ("Options", "Arguments")] == ["Data", "Clustering", "Drafting (LLM)", "Output"]
    assert len(panels["Clustering"]) > 10 and ("--k", "<2…15|auto|dbi|silhouette|elbow|gap>") in panels["Clustering"]
    for name, rows in panels.items():
        flags = [flag for flag, _ in rows if flag != "--help"]
        assert flags == sorted(flags), name
    verify = option_rows(help_of("verify"))
    assert [f for f, _ in verify["Options"]][:4] == ["--format", "--json", "--map", "--run"]  # its own options, then the settings
    assert ("--format", "<table|md|json>") in verify["Options"]


def test_each_command_shows_examples():
    assert "interpret run data.csv --spec spec.toml --lang en" in help_of("run")
    assert "interpret run data.csv --spec spec.toml --lang en" in help_of()
    assert "interpret verify narasi.md --run briefs/ipm-2023" in help_of("verify")
    assert "interpret compare data.csv --spec spec.toml --k 4" in help_of("compare")
    assert "interpret doctor" in help_of("doctor").split("Examples:")[1]


# -- one language per run, and what the end of a run says -------------------------------------------

INDONESIAN = ("indikator", "pembanding", "pengelompokan", "fakta", "penyusun", "klaim", "benar", "salah", "Verifikasi",
              "Peringatan", "Pesan utama", "tidak stabil", "berbeda dari")
ENGLISH = ("indicators", "reference:", "clustering", "facts", "drafted by", "claims", "true", "false", "Verification",
           "Warnings", "Key message", "is unstable", "differs from")


@pytest.mark.parametrize("lang, own, other", [("en", ENGLISH, INDONESIAN), ("id", INDONESIAN, ENGLISH)])
def test_a_run_speaks_one_language_and_ends_with_the_key_message_and_the_warnings(tmp_path, lang, own, other):
    """The default table, seed 42, k = 4 (the spec's): the panel's consensus is k = 3, and two clusters are unstable."""
    result = invoke("--lang", lang, "--provider", "none", "--out", tmp_path / "b")
    assert result.exit_code == 0, result.output
    console = result.output
    for word in own:
        assert word in console, word
    for word in other:
        assert word not in console, word
    lines = result.stdout.splitlines() + result.stderr.splitlines()
    headline = next(line for line in lines if line.startswith(("Key message: ", "Pesan utama: ")))
    assert "Cluster 4" in headline or "Klaster 4" in headline
    warnings = result.stderr.split("Warnings (" if lang == "en" else "Peringatan (", 1)[1].splitlines()[1:]
    assert any(("k = 4" in w and "k = 3" in w) for w in warnings)  # k against the consensus
    unstable = [w for w in warnings if "unstable" in w or "tidak stabil" in w]
    assert unstable and all(w.startswith("! ") for w in unstable)


def test_usage_line_follows_the_language():
    llm = {"totals": {"model_calls": 5, "cached_calls": 1, "prompt_tokens": 12000, "completion_tokens": 800, "total_tokens": 12800}}
    from interpret.cli import usage_line
    from interpret.progress import console_language

    assert usage_line(llm) == "Token LLM: 5 panggilan model (1 dari cache), 12.800 token (prompt 12.000, jawaban 800)."
    assert usage_line(llm, console_language("en")) == "LLM tokens: 5 model calls (1 from the cache), 12,800 tokens (prompt 12,000, answers 800)."
    assert usage_line({"totals": {}}) == ""
