"""The prompt templates (prompts/) and `interpret prompts list|show|render|check`."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from interpret.cli import app
from interpret.errors import TemplateError
from interpret.llm.prompts import REQUIRED, PromptLibrary, default_prompts_dir

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()


@pytest.fixture
def prompts_copy(tmp_path):
    target = tmp_path / "prompts"
    shutil.copytree(default_prompts_dir(), target, ignore=shutil.ignore_patterns("__init__.py", "__pycache__"))
    return target


def test_shipped_prompts_pass_the_check():
    result = runner.invoke(app, ["prompts", "check"])
    assert result.exit_code == 0, result.output
    assert "lolos" in result.output


def test_list_shows_every_template_with_its_parameters():
    result = runner.invoke(app, ["prompts", "list"])
    assert result.exit_code == 0, result.output
    for name in REQUIRED:
        assert name in result.output
    assert "temperature=0.2" in result.output


def test_show_prints_the_template_and_its_parameters():
    result = runner.invoke(app, ["prompts", "show", "cluster"])
    assert result.exit_code == 0, result.output
    assert (default_prompts_dir() / "cluster.j2").read_text(encoding="utf-8").splitlines()[0] in result.output
    assert "max_tokens" in result.output


def test_render_prints_the_messages_as_sent():
    result = runner.invoke(app, ["prompts", "render", "cluster", "--cluster", "3"])
    assert result.exit_code == 0, result.output
    messages = json.loads(result.stdout)
    assert [m["role"] for m in messages] == ["system", "user"]
    assert "Klaster 3 dari 4" in messages[1]["content"] and "JSON" in messages[1]["content"]
    data = json.loads(messages[1]["content"].split("<data>")[1].split("</data>")[0])
    assert data["klaster"] == 3 and set(data["fakta"]) >= {"K3.size", "K3.UHH.mean", "REF.UHH"}
    assert "\n" not in messages[1]["content"].split("<data>")[1].split("</data>")[0].strip()  # compact JSON
    ids = [k for k in data["fakta"]]
    assert len(ids) == len(set(ids)) and "indent" not in data  # each fact once


def test_render_uses_an_edited_copy_with_prompts_dir(prompts_copy):
    path = prompts_copy / "cluster.j2"
    path.write_text("Versi uji untuk Klaster {{ cluster.number }}. Jawab dalam JSON.\n", encoding="utf-8")
    result = runner.invoke(app, ["prompts", "render", "cluster", "--cluster", "2", "--prompts", str(prompts_copy)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)[1]["content"] == "Versi uji untuk Klaster 2. Jawab dalam JSON."


def test_render_rejects_a_cluster_that_does_not_exist():
    result = runner.invoke(app, ["prompts", "render", "cluster", "--cluster", "9"])
    assert result.exit_code == 2 and "--cluster" in result.output


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("cluster", "Baris satu\n{% if %}\nJSON\n", r"cluster\.j2:2: syntax error"),
        ("summary", "Ringkas.\nJSON untuk {{ dataset.title }}\n{{ tidak_ada }}\n", r"summary\.j2:3: undefined variable: 'tidak_ada' is undefined"),
        ("repair_json", "Perbaiki jawabanmu: {{ problem }}\n", r"repair_json\.j2:1: the prompt no longer asks for JSON"),
        ("cluster", 'Contoh JSON: {"sektor": "pariwisata"}\n', r"cluster\.j2:1: unknown sector 'pariwisata'"),
    ],
)
def test_check_names_file_and_line(prompts_copy, name, text, expected):
    (prompts_copy / f"{name}.j2").write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["prompts", "check", "--prompts", str(prompts_copy)])
    assert result.exit_code == 2
    assert re.search(expected, " ".join(result.output.split()).replace(" ", "")) or re.search(expected, result.output), result.output


SAFE_CLUSTER = "Klaster {{ cluster.number }}. JSON.\n<data>\n{{ cluster_data | data }}\n</data>\n"


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("cluster", "Klaster {{ cluster.number }} dari {{ dataset.title }}. JSON.\n<data>\n{{ cluster_data | data }}\n</data>\n",
         "user data printed outside the <data> block: 'Indeks Pembangunan Manusia"),
        ("cluster", "Klaster {{ cluster.number }}: {{ cluster.members | join(', ') }}. JSON.\n<data>\n{{ cluster_data | data }}\n</data>\n",
         "user data printed outside the <data> block"),
        ("cluster", "Klaster {{ cluster.number }}. JSON.\n<data>\n{{ cluster_data }}\n</data>\n", "cluster.j2:3: a value inside <data> must be written with the data filter"),
        ("cluster", "Klaster {{ cluster.number }}. JSON.\n", "cluster.j2:1: no <data>"),
        ("repair_facts", "Perbaiki dalam JSON: {{ claims }}\n", "repair_facts.j2:1: no <data>"),
    ],
    ids=["title-outside", "members-outside", "filter-dropped", "block-removed", "repair-block-removed"],
)
def test_check_enforces_the_data_safety_rule(prompts_copy, name, text, expected):
    (prompts_copy / f"{name}.j2").write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["prompts", "check", "--prompts", str(prompts_copy)])
    assert result.exit_code == 2 and expected in " ".join(result.output.split()), result.output


def test_a_safe_edited_template_passes_the_data_safety_rule(prompts_copy):
    (prompts_copy / "cluster.j2").write_text(SAFE_CLUSTER, encoding="utf-8")
    result = runner.invoke(app, ["prompts", "check", "--prompts", str(prompts_copy)])
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(
    ("toml", "expected"),
    [
        ('system = "system"\nrole = "usr"\n', "role = 'usr' is not a chat role"),
        ('system = "sistem"\nrole = "user"\n', "system = 'sistem' names no template"),
        ('system = "system"\n[parameters]\nmax_tokens = -5\n', "max_tokens = -5 is out of range"),
        ('system = "system"\n[parameters]\ntemperature = 7.5\n', "temperature = 7.5 is out of range"),
        ('system = "system"\n[parameters]\ntop_p = 0\n', "top_p = 0 is out of range"),
    ],
    ids=["role", "system-name", "max-tokens", "temperature", "top-p"],
)
def test_check_enforces_roles_and_parameter_ranges(prompts_copy, toml, expected):
    (prompts_copy / "cluster.toml").write_text(toml, encoding="utf-8")
    result = runner.invoke(app, ["prompts", "check", "--prompts", str(prompts_copy)])
    assert result.exit_code == 2 and expected in " ".join(result.output.split()), result.output


def test_a_system_template_must_have_the_system_role(prompts_copy):
    (prompts_copy / "system.toml").write_text('role = "user"\n', encoding="utf-8")
    result = runner.invoke(app, ["prompts", "check", "--prompts", str(prompts_copy)])
    assert result.exit_code == 2 and "whose role is not \"system\"" in " ".join(result.output.split()), result.output


def test_check_reports_a_bad_parameter_file(prompts_copy):
    (prompts_copy / "summary.toml").write_text('system = "system"\n[parameters]\ntemperatur = 0.2\n', encoding="utf-8")
    result = runner.invoke(app, ["prompts", "check", "--prompts", str(prompts_copy)])
    assert result.exit_code == 2 and "unknown model parameter 'temperatur'" in " ".join(result.output.split())


def test_templates_are_sandboxed_and_strict(prompts_copy):
    (prompts_copy / "cluster.j2").write_text("{{ cluster.__class__.__mro__ }} JSON", encoding="utf-8")
    library = PromptLibrary(prompts_copy)
    with pytest.raises(TemplateError):
        library.render("cluster", {"cluster": {"number": 1}})


def test_parameters_live_beside_each_template_not_in_code():
    library = PromptLibrary()
    assert library.parameters("cluster") == {"temperature": 0.2, "max_tokens": 1200}
    assert library.parameters("repair_facts")["temperature"] == 0.0


def test_readme_catalogues_every_variable_the_templates_use():
    from jinja2 import meta

    library = PromptLibrary()
    readme = (ROOT / "prompts" / "README.md").read_text(encoding="utf-8")
    for name in library.names():
        variables = meta.find_undeclared_variables(library.env.parse(library.source(name)))
        for variable in variables:
            assert f"`{variable}`" in readme, f"prompts/README.md does not catalogue `{variable}` (used in {name}.j2)"
