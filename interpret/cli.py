"""The command line: the options come from the settings table (`interpret/settings.py`); each command
resolves the settings, calls one library function and prints.

Start-up imports only typer, rich and the settings table: `interpret --help` must not pay for pandas,
scikit-learn or LangChain, so each command imports its library function when it runs.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Optional

import typer
from rich.markup import escape

from .cli_llm import cache_app, doctor_command
from .cli_options import takes_settings
from .cli_prompts import prompts_app
from .console import console, out

if TYPE_CHECKING:  # a type only: the settings class is built when a command runs, not for --help
    from .config import Settings

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Cluster an Indonesian socio-economic table and write a verified policy brief.",
)
app.add_typer(prompts_app, name="prompts")
app.add_typer(cache_app, name="cache")
app.command("doctor")(doctor_command)


@app.command()
@takes_settings("run")
def run(settings: Settings) -> None:
    """Cluster the units, profile them, draft, verify every claim, and write the brief."""
    _write_brief(settings)


@app.command("compare")
@takes_settings("compare", compare=True)
def compare_command(settings: Settings) -> None:
    """The brief of `run --compare`: methods x distance x k scored with silhouette, DBI and connectivity, the best justified."""
    _write_brief(settings)


def _write_brief(settings: Settings) -> None:
    from .pipeline import run_brief  # the whole analysis stack: only when a brief is written
    from .redaction import install_log_redaction, register_settings

    install_log_redaction()
    register_settings(settings)

    with _StageProgress() as progress:
        brief = run_brief(settings, progress)
    from .terms import Verdict
    from .verification.lexicon import verdict_word

    counts = brief.verification.counts
    for path in brief.files:
        out.print(str(path), highlight=False)
    out.print(
        f"Verifikasi: {len(brief.verification.claims)} klaim — " + ", ".join(f"{counts[v]} {verdict_word(v)}" for v in Verdict) + ".",
        highlight=False,
    )
    if line := usage_line(brief.result.get("llm") or {}):
        out.print(line, highlight=False)


class _StageProgress:
    """The console side of the pipeline's progress callback: a line per finished stage, and a bar
    with the estimated time left for the long steps (the k panel, the bootstrap)."""

    def __enter__(self):
        from rich.progress import BarColumn, Progress, SpinnerColumn, TaskProgressColumn, TextColumn, TimeElapsedColumn, TimeRemainingColumn

        self.bar = Progress(SpinnerColumn(), TextColumn("[bold]{task.description}"), BarColumn(), TaskProgressColumn(),
                            TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(), console=console, transient=True)
        self.bar.__enter__()
        self.tasks: dict[str, int] = {}
        return self

    def __exit__(self, *exc) -> None:
        self.bar.__exit__(*exc)

    def __call__(self, stage: str, message: str) -> None:
        from .redaction import redact_secrets  # a stage's message may quote a provider's error

        mark = "[yellow]![/]" if stage == "warning" else "[green]✓[/]"
        self.bar.console.print(f"{mark} [bold]{stage}[/]: {escape(redact_secrets(message))}", highlight=False, soft_wrap=True)

    def advance(self, stage: str, done: int, total: int) -> None:
        if stage not in self.tasks:
            self.tasks[stage] = self.bar.add_task(stage, total=total)
        self.bar.update(self.tasks[stage], completed=done, total=total)
        if done >= total:
            self.bar.remove_task(self.tasks.pop(stage))


def usage_line(llm: dict) -> str:
    """One console line from result.json's "llm" key, or "" when no model was asked."""
    from .numbers import format_number  # Babel: only after a run

    totals = llm.get("totals") or {}
    calls, cached = totals.get("model_calls", 0), totals.get("cached_calls", 0)
    if not calls and not cached:
        return ""
    return (
        f"Token LLM: {calls} panggilan model ({cached} dari cache), {format_number(totals.get('total_tokens', 0), 0)} token "
        f"(prompt {format_number(totals.get('prompt_tokens', 0), 0)}, jawaban {format_number(totals.get('completion_tokens', 0), 0)})."
    )


@app.command("verify")
@takes_settings("verify")
def verify_command(
    settings: Settings,
    narrative: Path = typer.Argument(..., help="The text to check: Markdown, plain text or a notebook (.ipynb)."),
    run_dir: Optional[Path] = typer.Option(None, "--run", help="A folder `interpret run` wrote: its result.json holds the facts (then DATA, --spec, --k and --seed are not used)."),
    cluster_map: Optional[list[str]] = typer.Option(None, "--map", help="Map the narrative's cluster names to ours: A=1,B=2 (default: by the members it lists)."),
    json_file: Optional[Path] = typer.Option(None, "--json", help="Write every claim with its verdict to this JSON file."),
    output_format: str = typer.Option("table", "--format", help="How to print the claims, grouped by sentence: table (plain lines), md or json."),
) -> None:
    """Check every claim of a narrative against the facts; exit 3 when any claim is false."""
    from .verification.command import summary_line, verify_narrative  # the verifier and its facts: only when run
    from .errors import ConfigError
    from .verification.listing import FORMATS, render

    if output_format not in FORMATS:
        raise ConfigError(f"--format {output_format!r}: use one of {', '.join(FORMATS)}.")

    from .pipeline import facts_of_data

    outcome = verify_narrative(narrative, run=run_dir, compute_facts=None if run_dir else (lambda: facts_of_data(settings)), cluster_map=cluster_map,
                               json_path=json_file, locale=settings.lang, languages_dir=settings.languages_dir)
    out.print(render(outcome, output_format, settings.lang), markup=False, highlight=False, soft_wrap=True)
    if output_format != "json":  # json on stdout stays one parseable document
        out.print(summary_line(outcome, settings.lang), highlight=False)
    raise typer.Exit(outcome.exit_code)


@app.callback()
def _root() -> None:
    """interpret: verified policy briefs from Indonesian socio-economic tables."""


def main() -> None:
    app(prog_name="interpret")


if __name__ == "__main__":
    sys.exit(main())
