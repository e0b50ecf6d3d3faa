"""Each setting is declared once (interpret/settings.py); everything else is derived from or checked
against that declaration: Settings, the CLI options, the spec's place in the precedence, the docs."""

from __future__ import annotations

import dataclasses
import re
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from interpret.config import Settings, resolve_settings
from interpret.errors import ConfigError
from interpret.settings import SETTINGS, taken_by

from .conftest import ROOT, SIMPLE_SPEC

runner = CliRunner()


def test_settings_has_one_field_per_declaration_and_names_are_unique():
    names = [s.name for s in SETTINGS]
    assert len(names) == len(set(names))
    assert [f.name for f in dataclasses.fields(Settings)] == names + ["sources"]
    envs = [e for s in SETTINGS for e in s.env]
    assert len(envs) == len(set(envs))


def test_generated_documents_match_the_declaration():
    """.env.example, docs/settings.md and docs/llm.md's table: rerun `python -m interpret.settings_doc`."""
    from interpret.settings_doc import documents

    for path, text in documents().items():
        assert path.read_text(encoding="utf-8") == text, f"{path.name} drifted: run python -m interpret.settings_doc"


def test_readme_option_table_lists_exactly_the_options_of_run():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme.split("| option | meaning |", 1)[1].split("\n\n", 1)[0]
    documented = set(re.findall(r"`(--[a-z-]+)", table))
    flags = set()
    for s in taken_by("run"):
        if not s.argument:
            flags |= set((s.flag or s.option).split("/"))
    assert flags - documented == set(), "README.md's option table misses these options of `interpret run`"
    assert documented - flags == set(), "README.md's option table names options `interpret run` does not have"


def test_help_texts_name_every_registered_choice():
    for s in SETTINGS:
        for choice in s.choice_names() or ():
            if s.name != "pdf":  # --pdf/--no-pdf: the flag says on/off
                assert choice in s.help, f"the help of {s.name} does not mention {choice!r}"


def test_the_clustering_choices_are_the_registries():
    """method, metric and scaling list their values in the declaration (the CLI shows them without
    importing numpy); they are exactly the clustering library's registries."""
    from clustering.algorithms import ALGORITHMS, METRICS
    from clustering.preprocessing import SCALINGS

    declared = {s.name: s.choice_names() for s in SETTINGS}
    assert (declared["method"], declared["metric"], declared["scaling"]) == (tuple(ALGORITHMS), tuple(METRICS), tuple(SCALINGS))


def _captured(monkeypatch, *args, env=None):
    import interpret.cli

    seen = {}
    monkeypatch.setattr(interpret.cli, "_write_brief", lambda settings: seen.setdefault("settings", settings))
    result = runner.invoke(interpret.cli.app, list(args), env=env or {}, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return seen["settings"]


def test_cli_flags_reach_the_settings_with_their_source(monkeypatch, tmp_path):
    s = _captured(monkeypatch, "run", "--compare", "--no-cache", "--no-pca", "--no-pdf", "--k", "3", "--languages-dir", str(tmp_path))
    assert (s.compare, s.no_cache, s.pca, s.pdf, s.k, s.languages_dir) == (True, True, False, "off", 3, tmp_path)
    assert s.sources["pdf"] == "--pdf" and s.sources["k"] == "--k"
    s = _captured(monkeypatch, "run")
    assert (s.compare, s.no_cache, s.pca) == (None, False, None)
    assert s.sources["pdf"].startswith("INTERPRET_PDF")  # tests/conftest.py sets it: the environment, below the CLI
    s = _captured(monkeypatch, "compare", "--method", "ward")
    assert s.compare is True and s.method == "ward"
    s = _captured(monkeypatch, "run", env={"INTERPRET_METHOD": "kmedoids"})
    assert s.method == "kmedoids" and s.sources["method"].startswith("INTERPRET_METHOD")


def test_the_spec_enters_the_same_precedence_pass(write_file):
    from interpret.choices import resolve_choices
    from interpret.data import load_dataset

    spec = write_file("uji.toml", SIMPLE_SPEC.replace("k = 2\nseed = 1\n", 'k = 2\nseed = 1\nmethod = "ward"\n'))
    rows = ["Provinsi,A,B"] + [f"P{i:02d},{70 + (i % 5) * 0.7:.2f},{9000 + i * 137}" for i in range(12)]
    data = write_file("uji.csv", "\n".join(rows) + "\n")
    dataset = load_dataset(data, spec)

    from_spec = resolve_settings({"data": data, "spec": spec}, environ={}, dotenv_path=None)
    merged = from_spec.with_spec(dataset.spec.clustering.model_dump(exclude_unset=True), "the spec", dataset.spec.clustering.model_dump())
    assert merged.method == "ward" and merged.sources["method"] == "`clustering.method` in the spec"
    assert merged.scaling == "zscore" and merged.sources["scaling"] == "default"
    assert resolve_choices(dataset, from_spec).k_source == "spec"

    user = resolve_settings({"data": data, "spec": spec, "k": 3}, environ={"INTERPRET_METHOD": "kmedoids"}, dotenv_path=None)
    choices = resolve_choices(dataset, user)
    assert (choices.method, choices.k, choices.k_source, choices.seed) == ("kmedoids", 3, "cli", 1)


def test_lang_is_any_catalogue_and_a_bad_one_names_its_source(tmp_path):
    (tmp_path / "xx").mkdir()
    (tmp_path / "xx" / "brief.toml").write_text("", encoding="utf-8")
    assert resolve_settings({"lang": "xx"}, environ={"INTERPRET_LANGUAGES_DIR": str(tmp_path)}, dotenv_path=None).lang == "xx"
    with pytest.raises(ConfigError, match=r"lang = 'xx' \(from INTERPRET_LANG \(environment or \.env\)\) is unknown; choose one of id, en"):
        resolve_settings({}, environ={"INTERPRET_LANG": "xx"}, dotenv_path=None)


def test_a_provider_is_one_file_in_the_registry(tmp_path, monkeypatch):
    from interpret.llm import providers

    assert providers.provider_choices() == ("auto", "ollama", "watsonx", "none")
    assert providers.chain_names("auto") == ["watsonx", "ollama"]
    (tmp_path / "echo.py").write_text(
        "AUTO_ORDER = None\n"
        "class Echo:\n    name = 'echo'\n    endpoint = ''\n    def __init__(self, model): self.model = model\n"
        "def build(settings, model=None):\n    return Echo(model or 'echo-1')\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(providers, "__path__", [*providers.__path__, str(tmp_path)])
    providers.provider_names.cache_clear()
    try:
        settings = resolve_settings({"provider": "echo", "model": "e2"}, environ={}, dotenv_path=None)
        [echo] = providers.build_providers(settings)
        assert (echo.name, echo.model) == ("echo", "e2")
        assert providers.chain_names("auto") == ["watsonx", "ollama"]  # AUTO_ORDER None: only when named
    finally:
        monkeypatch.undo()
        providers.provider_names.cache_clear()
        sys.modules.pop("interpret.llm.providers.echo", None)


def test_an_internal_error_exits_1_and_asks_for_a_report(monkeypatch, tmp_path):
    import interpret.cli
    import interpret.pipeline

    monkeypatch.setattr(interpret.pipeline, "check_contract", lambda *a, **k: ["cluster 1 has no label"])
    result = runner.invoke(interpret.cli.app, ["run", "--provider", "none", "--out", str(tmp_path / "o"), "--bootstrap", "0"],
                           env={"INTERPRET_PDF": "off"}, catch_exceptions=False)
    assert result.exit_code == 1
    assert "Internal error" in result.output and "bug" in result.output and "Traceback" not in result.output


def test_start_up_imports_no_analysis_or_model_stack():
    code = (
        "import sys, interpret.cli\n"
        "heavy = sorted(m for m in ('pandas', 'numpy', 'sklearn', 'scipy', 'matplotlib', 'langchain_core', 'jinja2', 'httpx') if m in sys.modules)\n"
        "print(','.join(heavy))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == ""
