"""`interpret prompts list | show NAME | render NAME --cluster N | check`, and the token-usage line
that `interpret run` prints. Thin: the work is in interpret.llm.tools."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer

prompts_app = typer.Typer(no_args_is_help=True, help="Inspect, render and check the prompt templates (prompts/).")

PromptsOption = typer.Option(None, "--prompts", help="Prompt templates folder (an edited copy of prompts/).")


def _settings(**cli):
    from ..config import resolve_settings

    return resolve_settings(cli)


@prompts_app.command("list")
def list_prompts(prompts: Optional[Path] = PromptsOption) -> None:
    """Every template with its role and model parameters."""
    from ..cli import _errors
    from .prompts import PromptLibrary

    with _errors():
        library = PromptLibrary(_settings(prompts=prompts).prompts)
        for name in library.names():
            spec = library.spec(name)
            params = ", ".join(f"{k}={v}" for k, v in spec.parameters.items()) or "-"
            system = f", system={spec.system}" if spec.system else ""
            typer.echo(f"{name}\t(role={spec.role}{system}; {params})\t{spec.path}")


@prompts_app.command("show")
def show_prompt(name: str = typer.Argument(..., help="Template name, e.g. cluster."), prompts: Optional[Path] = PromptsOption) -> None:
    """The template source and its parameter file."""
    from ..cli import _errors
    from .prompts import PromptLibrary

    with _errors():
        library = PromptLibrary(_settings(prompts=prompts).prompts)
        spec = library.spec(name)
        typer.echo(f"# {spec.path}")
        typer.echo(library.source(name))
        toml_path = spec.path.with_suffix(".toml")
        if toml_path.is_file():
            typer.echo(f"# {toml_path}")
            typer.echo(toml_path.read_text(encoding="utf-8"))


@prompts_app.command("render")
def render(
    name: str = typer.Argument(..., help="Template name: cluster, summary, repair_json, repair_facts."),
    data: Optional[Path] = typer.Argument(None, help="Data table (default: the embedded IPM 2023 data set)."),
    cluster: int = typer.Option(1, "--cluster", help="Cluster number for a cluster prompt."),
    spec: Optional[Path] = typer.Option(None, "--spec", help="Data-set spec (TOML)."),
    k: Optional[int] = typer.Option(None, "--k", help="Number of clusters."),
    seed: Optional[int] = typer.Option(None, "--seed", help="Random seed."),
    rules: Optional[Path] = typer.Option(None, "--rules", help="Sector rules file (TOML)."),
    prompts: Optional[Path] = PromptsOption,
) -> None:
    """Print the messages exactly as they would be sent (JSON list of {role, content})."""
    from ..cli import _errors
    from .tools import render_prompt

    with _errors():
        settings = _settings(data=data, spec=spec, k=k, seed=seed, rules=rules, prompts=prompts)
        messages = render_prompt(settings, name, cluster)
        typer.echo(json.dumps(messages, ensure_ascii=False, indent=2))


@prompts_app.command("check")
def check(
    data: Optional[Path] = typer.Argument(None, help="Data table to render the templates with (default: the embedded data)."),
    spec: Optional[Path] = typer.Option(None, "--spec", help="Data-set spec (TOML)."),
    rules: Optional[Path] = typer.Option(None, "--rules", help="Sector rules file (TOML)."),
    prompts: Optional[Path] = PromptsOption,
) -> None:
    """Syntax errors, undefined variables, prompts that no longer ask for JSON, unknown sectors."""
    from ..cli import _errors, console, out
    from ..errors import TemplateError
    from .tools import check_prompts

    with _errors():
        settings = _settings(data=data, spec=spec, rules=rules, prompts=prompts)
        problems = check_prompts(settings)
        if problems:
            for problem in problems:
                console.print(problem, highlight=False, markup=False, soft_wrap=True)
            raise TemplateError(f"{len(problems)} problem(s) in the prompt templates; fix the file and line named above.")
        out.print("Semua templat prompt lolos pemeriksaan.", highlight=False)


def usage_line(llm: dict) -> str:
    """One console line from result.json's "llm" key, or "" when no model was asked."""
    from ..numbers import format_number

    totals = llm.get("totals") or {}
    calls, cached = totals.get("model_calls", 0), totals.get("cached_calls", 0)
    if not calls and not cached:
        return ""
    return (
        f"Token LLM: {calls} panggilan model ({cached} dari cache), {format_number(totals.get('total_tokens', 0), 0)} token "
        f"(prompt {format_number(totals.get('prompt_tokens', 0), 0)}, jawaban {format_number(totals.get('completion_tokens', 0), 0)})."
    )
