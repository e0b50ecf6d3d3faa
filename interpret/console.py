"""The two consoles of the command line and the one place that turns errors into exit codes.

Shared by `interpret.cli` and `interpret.cli_prompts`, so neither imports the other.
"""

from __future__ import annotations

import os
from contextlib import contextmanager

import typer
from rich.console import Console
from rich.markup import escape  # messages name extras like 'interpret[pdf]': not rich markup

from .errors import InterpretError
from .redaction import redact, redact_secrets

console = Console(stderr=True)  # progress, errors
out = Console()  # results: file names, the verification line, tables


@contextmanager
def errors():
    """An InterpretError: its message and its exit code (2 bad input, 1 internal), no traceback.
    Anything else: exit 1 with a request for a bug report."""
    try:
        yield
    except InterpretError as exc:
        label = "Internal error" if exc.exit_code == 1 else "Error"
        console.print(f"[bold red]{label}:[/] {escape(redact_secrets(str(exc)))}", highlight=False, soft_wrap=True)
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
            f"[bold red]Unexpected error ({type(exc).__name__}):[/] {escape(redact(exc))}\n"
            "This is a bug in interpret. Rerun with INTERPRET_DEBUG=1 for the traceback and report it.",
            highlight=False,
            soft_wrap=True,
        )
        raise typer.Exit(1) from None
