"""The command line: the options come from the settings table (`interpret/settings.py`); each command
resolves the settings, calls one library function and prints.

Start-up imports only typer, rich, the settings table and two folder listings (the shipped languages,
the provider registry) for the choices --help shows: `interpret --help` must not pay for pandas,
scikit-learn or LangChain, so each command imports its library function when it runs.

What a run prints follows `--lang` (interpret/languages/<code>/console.toml): the stage lines while
it runs (interpret.cli_progress), then the files, the verification line, the token line, the brief's
key message and the warnings gathered from the results (interpret.run_summary).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Literal, Optional

import typer
from rich.markup import escape

from .cli_llm import cache_app, doctor_command
from .cli_options import App, takes_settings
from .cli_progress import StageProgress
from .cli_prompts import prompts_app
from .console import console, out

if TYPE_CHECKING:  # a type only: the settings class is built when a command runs, not for --help
    from .config import Settings

# The help's examples, one block per command (a blank line between lines keeps them apart in rich help).
EXAMPLES = {
    "interpret": "Examples:\n\n  interpret run\n\n  interpret run data.csv --spec spec.toml --lang en\n\n  interpret verify narasi.md --run briefs/ipm-2023",
    "run": "Examples:\n\n  interpret run   (the embedded IPM 2023 table)\n\n  interpret run data.csv --spec spec.toml --lang en\n\n"
           "  interpret run --k auto --method ward --provider none --out briefs/ward",
    "compare": "Examples:\n\n  interpret compare\n\n  interpret compare data.csv --spec spec.toml --k 4",
    "verify": "Examples:\n\n  interpret verify narasi.md --run briefs/ipm-2023\n\n  interpret verify notes.ipynb --lang en --format md\n\n"
              "  interpret verify narasi.md data.csv --spec spec.toml --k 4 --json claims.json",
    "doctor": "Examples:\n\n  interpret doctor\n\n  WATSONX_API_KEY=… WATSONX_PROJECT_ID=… interpret doctor",
}

app = App(
    no_args_is_help=True,
    help="Cluster an Indonesian socio-economic table and write a verified policy brief.",
    epilog=EXAMPLES["interpret"],
)
app.add_typer(prompts_app, name="prompts")
app.add_typer(cache_app, name="cache")
app.command("doctor", epilog=EXAMPLES["doctor"])(doctor_command)


@app.command(epilog=EXAMPLES["run"])
@takes_settings("run")
def run(settings: Settings) -> None:
    """Cluster the units, profile them, draft, verify every claim, and write the brief."""
    _write_brief(settings)


@app.command("compare", epilog=EXAMPLES["compare"])
@takes_settings("compare", compare=True)
def compare_command(settings: Settings) -> None:
    """The brief of `run --compare`: methods x distance x k scored with silhouette, DBI and connectivity, the best justified."""
    _write_brief(settings)


def _write_brief(settings: Settings) -> None:
    from .pipeline import run_brief  # the whole analysis stack: only when a brief is written
    from .progress import console_language
    from .redaction import install_log_redaction, register_settings
    from .run_summary import headline, run_warnings, usage_line, verification_line

    install_log_redaction()
    register_settings(settings)
    text = console_language(settings.lang, [settings.languages_dir])  # before the run: a catalogue missing console.toml fails now

    with StageProgress(text) as progress:
        brief = run_brief(settings, progress)
    for path in brief.files:
        out.print(str(path), highlight=False)
    out.print(verification_line(brief, text), highlight=False)
    if line := usage_line(brief.result.get("llm") or {}, text):
        out.print(line, highlight=False)
    if message := headline(brief):
        out.print(text.t("console.end.headline", text=message), highlight=False, markup=False, soft_wrap=True)
    warnings = run_warnings(brief, text)
    if warnings:
        console.print(f"[yellow]{escape(text.t('console.end.warnings', n=len(warnings)))}[/]", highlight=False)
        for warning in warnings:
            console.print(f"[yellow]![/] {escape(warning)}", highlight=False, soft_wrap=True)


def usage_line(llm: dict, text=None) -> str:
    """The token line of result.json's "llm" key ("" when no model was asked), in `text`'s language (default Indonesian)."""
    from .progress import console_language
    from .run_summary import usage_line as worded

    return worded(llm, text or console_language("id"))


@app.command("verify", epilog=EXAMPLES["verify"])
@takes_settings("verify")
def verify_command(
    settings: Settings,
    narrative: Path = typer.Argument(..., help="The text to check: Markdown, plain text or a notebook (.ipynb)."),
    run_dir: Optional[Path] = typer.Option(None, "--run", help="A folder `interpret run` wrote: its result.json holds the facts (then DATA, --spec, --k and --seed are not used)."),
    cluster_map: Optional[list[str]] = typer.Option(None, "--map", help="Map the narrative's cluster names to ours: A=1,B=2 (default: by the members it lists)."),
    json_file: Optional[Path] = typer.Option(None, "--json", help="Write every claim with its verdict to this JSON file."),
    output_format: Literal["table", "md", "json"] = typer.Option("table", "--format", help="How to print the claims, grouped by sentence: table (plain lines), md or json."),
) -> None:
    """Check every claim of a narrative against the facts; exit 3 when any claim is false."""
    from .verification.command import summary_line, verify_narrative  # the verifier and its facts: only when run
    from .verification.listing import render

    from .pipeline import facts_of_data

    outcome = verify_narrative(narrative, run=run_dir, compute_facts=None if run_dir else (lambda: facts_of_data(settings)), cluster_map=cluster_map,
                               json_path=json_file, locale=settings.lang, languages_dir=settings.languages_dir)
    out.print(render(outcome, output_format, settings.lang), markup=False, highlight=False, soft_wrap=True)
    if output_format != "json":  # json on stdout stays one parseable document
        out.print(summary_line(outcome, settings.lang), highlight=False)
    raise typer.Exit(outcome.exit_code)


def _print_version(asked: bool) -> None:
    if asked:
        from importlib.metadata import PackageNotFoundError, version

        try:
            number = version("interpret")
        except PackageNotFoundError:  # a source tree that was never installed
            number = "unknown (not installed)"
        out.print(f"interpret {number}", highlight=False)
        raise typer.Exit()


@app.callback()
def _root(
    show_version: Optional[bool] = typer.Option(None, "--version", callback=_print_version, is_eager=True, metavar="",
                                                help="Print the version of interpret and exit."),
) -> None:
    """interpret: verified policy briefs from Indonesian socio-economic tables."""


def main() -> None:
    app(prog_name="interpret")


if __name__ == "__main__":
    sys.exit(main())
