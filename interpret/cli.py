"""The command line: declares options, resolves settings, calls one library function, prints."""

from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console

from .config import resolve_settings
from .errors import InterpretError

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Cluster an Indonesian socio-economic table and write a verified policy brief.",
)
console = Console(stderr=True)
out = Console()


@contextmanager
def _errors():
    """Bad input: the message and exit 2, no traceback. Anything else: exit 1."""
    try:
        yield
    except InterpretError as exc:
        console.print(f"[bold red]Error:[/] {exc}", highlight=False, soft_wrap=True)
        raise typer.Exit(exc.exit_code) from None
    except KeyboardInterrupt:
        console.print("[yellow]Interrupted; the previous brief, if any, is untouched.[/]")
        raise typer.Exit(130) from None
    except (typer.Exit, typer.Abort):
        raise
    except Exception as exc:  # noqa: BLE001 - the last line of defence
        if os.environ.get("INTERPRET_DEBUG"):
            raise
        console.print(
            f"[bold red]Unexpected error ({type(exc).__name__}):[/] {exc}\n"
            "This is a bug in interpret. Rerun with INTERPRET_DEBUG=1 for the traceback and report it.",
            highlight=False,
            soft_wrap=True,
        )
        raise typer.Exit(1) from None


@app.command()
def run(
    data: Optional[Path] = typer.Argument(None, help="CSV, XLSX or Parquet table. Default: the embedded IPM 2023 data set."),
    spec: Optional[Path] = typer.Option(None, "--spec", help="Data-set spec (TOML): id, features, filters, pivot, reference."),
    k: Optional[int] = typer.Option(None, "--k", help="Number of clusters (default: the spec's k)."),
    seed: Optional[int] = typer.Option(None, "--seed", help="Random seed (default: the spec's seed, else 42)."),
    out_dir: Optional[Path] = typer.Option(None, "--out", help="Output folder (default: ./reports/<dataset>-<date>/)."),
    provider: Optional[str] = typer.Option(None, "--provider", help="Drafting provider: auto | none (rule-based)."),
    rules: Optional[Path] = typer.Option(None, "--rules", help="Sector rules file (TOML) for recommendations."),
    config: Optional[Path] = typer.Option(None, "--config", help="Config file (default: ./interpret.toml if present)."),
) -> None:
    """Cluster the units, profile them, draft, verify every claim, and write the brief."""
    from .pipeline import run_brief

    with _errors():
        settings = resolve_settings(
            {"data": data, "spec": spec, "k": k, "seed": seed, "out": out_dir, "provider": provider, "rules": rules},
            config_path=config,
        )
        with console.status("Menyiapkan…") as status:

            def progress(stage: str, message: str) -> None:
                console.print(f"[green]✓[/] [bold]{stage}[/]: {message}", highlight=False)
                status.update(f"Setelah {stage}…")

            brief = run_brief(settings, progress)
        counts = brief.verification.counts
        for path in brief.files:
            out.print(str(path), highlight=False)
        out.print(
            f"Verifikasi: {len(brief.verification.claims)} klaim — {counts['benar']} benar, {counts['salah']} salah, "
            f"{counts['tidak dapat diverifikasi']} tidak dapat diverifikasi.",
            highlight=False,
        )


@app.callback()
def _root() -> None:
    """interpret: verified policy briefs from Indonesian socio-economic tables."""


def main() -> None:
    app(prog_name="interpret")


if __name__ == "__main__":
    sys.exit(main())
