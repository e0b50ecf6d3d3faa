"""Typer options from the settings table: a command declares which settings it takes by its name in
`Setting.commands`, and `@takes_settings(...)` gives it one option per setting (flag, help, panel)
and a resolved `Settings` as its first argument.

Typer reads a command's parameters from its signature; the wrapper's `__signature__` is the command's
own parameters (say `narrative`, `--json`) followed by the settings' options, so the options are
written once, in `interpret/settings.py`, whatever the number of commands that take them.
"""

from __future__ import annotations

import functools
import inspect
from typing import Any, Callable, Optional

import typer
from typer.models import ArgumentInfo

from .console import errors
from .settings import Setting, taken_by


def cli_parameter(setting: Setting) -> inspect.Parameter:
    """None by default: the precedence pass must see only what the user typed. The help says the
    real default, which the pass supplies."""
    default = setting.default_description
    help = setting.help + (f" Default: {default}." if default else "")
    if setting.argument:
        info = typer.Argument(None, help=help, show_default=False)
    else:
        flags = [setting.flag] if setting.flag else [setting.option]
        info = typer.Option(None, *flags, help=help, rich_help_panel=setting.panel, show_default=False)
    return inspect.Parameter(setting.name, inspect.Parameter.KEYWORD_ONLY, default=info, annotation=Optional[setting.cli_type])


def _evaluated(parameter: inspect.Parameter, function: Callable) -> inspect.Parameter:
    annotation = parameter.annotation
    if isinstance(annotation, str):
        annotation = eval(annotation, function.__globals__)  # noqa: S307 - the command's own source text
    return parameter.replace(kind=inspect.Parameter.KEYWORD_ONLY, annotation=annotation)


def takes_settings(command: str, **fixed: Any) -> Callable[[Callable], Callable]:
    """Decorate `def command(settings, ...own parameters)`; `fixed` values count as typed by the user
    (`interpret compare` is `run --compare`)."""

    def decorate(function: Callable) -> Callable:
        taken = [s for s in taken_by(command) if s.name not in fixed]
        # The first parameter (settings) stays a string annotation: the Settings class is built only
        # when a command runs. The command's own annotations are evaluated as inspect(eval_str=True) would.
        own = [_evaluated(p, function) for p in list(inspect.signature(function).parameters.values())[1:]]
        mine = [cli_parameter(s) for s in taken]
        # typer takes positional arguments in signature order: the command's own arguments first.
        arguments = [p for p in own + mine if isinstance(p.default, ArgumentInfo) or p.default is inspect.Parameter.empty]
        options = [p for p in own + mine if p not in arguments]
        parameters = arguments + options

        @functools.wraps(function)
        def command_function(**values: Any) -> Any:
            from .config import resolve_settings  # builds the Settings class: not for --help

            typed = {s.name: values.pop(s.name) for s in taken}
            with errors():
                settings = resolve_settings({**typed, **fixed})
                return function(settings, **values)

        command_function.__signature__ = inspect.Signature(parameters)
        command_function.__annotations__ = {p.name: p.annotation for p in parameters}
        return command_function

    return decorate
