"""`interpret prompts list | show NAME | render NAME --cluster N | check`. Thin: the work is in
interpret.llm.prompts and interpret.llm.tools, imported when a command runs (they load Jinja2, and
`render`/`check` the whole clustering stack)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import typer

from .cli_options import App, takes_settings
from .console import console, out
from .errors import TemplateError

if TYPE_CHECKING:  # a type only: the settings class is built when a command runs, not for --help
    from .config import Settings

prompts_app = App(no_args_is_help=True, help="Inspect, render and check the prompt templates (prompts/).")


@prompts_app.command("list")
@takes_settings("prompts list")
def list_prompts(settings: Settings) -> None:
    """Every template with its role and model parameters."""
    from .llm.prompts import PromptLibrary

    library = PromptLibrary(settings.prompts)
    for name in library.names():
        spec = library.spec(name)
        params = ", ".join(f"{k}={v}" for k, v in spec.parameters.items()) or "-"
        system = f", system={spec.system}" if spec.system else ""
        typer.echo(f"{name}\t(role={spec.role}{system}; {params})\t{spec.path}")


@prompts_app.command("show")
@takes_settings("prompts show")
def show_prompt(settings: Settings, name: str = typer.Argument(..., help="Template name, e.g. cluster.")) -> None:
    """The template source and its parameter file."""
    from .llm.prompts import PromptLibrary

    library = PromptLibrary(settings.prompts)
    spec = library.spec(name)
    typer.echo(f"# {spec.path}")
    typer.echo(library.source(name))
    toml_path = spec.path.with_suffix(".toml")
    if toml_path.is_file():
        typer.echo(f"# {toml_path}")
        typer.echo(toml_path.read_text(encoding="utf-8"))


@prompts_app.command("render")
@takes_settings("prompts render")
def render(
    settings: Settings,
    name: str = typer.Argument(..., help="Template name: cluster, summary, repair_json, repair_facts."),
    cluster: int = typer.Option(1, "--cluster", help="Cluster number for a cluster prompt."),
) -> None:
    """Print the messages exactly as they would be sent (JSON list of {role, content})."""
    from .llm.tools import render_prompt

    messages = render_prompt(*_facts_and_rules(settings), settings.prompts, name, cluster)
    typer.echo(json.dumps(messages, ensure_ascii=False, indent=2))


@prompts_app.command("check")
@takes_settings("prompts check")
def check(settings: Settings) -> None:
    """Syntax errors, undefined variables, prompts that no longer ask for JSON, unknown sectors."""
    from .llm.tools import check_prompts

    problems = check_prompts(*_facts_and_rules(settings), settings.prompts)
    if problems:
        for problem in problems:
            console.print(problem, highlight=False, markup=False, soft_wrap=True)
        raise TemplateError(f"{len(problems)} problem(s) in the prompt templates; fix the file and line named above.")
    from .progress import console_language

    out.print(console_language(settings.lang, [settings.languages_dir]).t("console.prompts.all_pass"), highlight=False)


def _facts_and_rules(settings: Settings):
    """Facts and rules of the run these settings describe (data, spec, k, seed, rules)."""
    from .data import load_dataset
    from .pipeline import stage_cluster
    from .rules import load_rules

    _, facts = stage_cluster(load_dataset(settings.data, settings.spec), settings)
    return facts, load_rules(settings.rules)
