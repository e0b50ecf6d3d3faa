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
from typing import Any, Callable, Literal, Optional

import typer
from typer.core import TyperCommand, TyperGroup
from typer.models import ArgumentInfo

from .console import errors
from .languages import available_languages
from .settings import K_LARGEST, K_RULES, K_SMALLEST, PANELS, Setting, int_or_auto, real, taken_by

SHIPPED_LANGUAGES = tuple(sorted(available_languages(), key=lambda code: (code != "id", code)))  # the default first


def cli_parameter(setting: Setting) -> inspect.Parameter:
    """None by default: the precedence pass must see only what the user typed. The help says the
    real default, which the pass supplies.

    The setting's declaration decides the option's form: a fixed set of values (`choices`, or a
    converter's `cli_choices`) is a choice that --help lists and typer refuses before the run; a
    yes/no setting is a flag (`--pca/--no-pca`, or `--compare`) with no value to show; k is a whole
    number from K_SMALLEST to K_LARGEST or a rule of the k panel."""
    default = setting.default_description
    help = setting.help + (f" Default: {default}." if default else "")
    annotation = setting.cli_type
    extra: dict[str, Any] = {}
    if setting.argument:
        info = typer.Argument(None, help=help, show_default=False)
        return inspect.Parameter(setting.name, inspect.Parameter.KEYWORD_ONLY, default=info, annotation=Optional[annotation])
    flags = [setting.flag] if setting.flag else [setting.option]
    choices = setting.cli_choices()
    if setting.cli_type is bool:
        extra["metavar"] = ""  # a flag takes no value: no "<bool>" column
    elif choices:
        annotation = Literal[choices]  # type: ignore[valid-type] - built from the declaration
    elif setting.convert is int_or_auto:
        extra.update(parser=k_option, metavar=K_METAVAR)
    elif setting.convert is real:
        extra["metavar"] = "<number>"
    elif setting.name == "lang":  # any catalogue in languages_dir too: the shipped ones are shown, the pass checks the rest
        extra["metavar"] = "<" + "|".join(SHIPPED_LANGUAGES) + "|…>"
    info = typer.Option(None, *flags, help=help, rich_help_panel=setting.panel, show_default=False, **extra)
    return inspect.Parameter(setting.name, inspect.Parameter.KEYWORD_ONLY, default=info, annotation=Optional[annotation])


K_METAVAR = f"<{K_SMALLEST}…{K_LARGEST}|{'|'.join(K_RULES)}>"


def k_option(raw: str) -> int | str:
    """--k: refused here, before the data is read, unless a whole number from 2 to 15 or a k rule."""
    fix = f"Use a whole number from {K_SMALLEST} to {K_LARGEST} (e.g. --k 4), or one of {' | '.join(K_RULES)} (e.g. --k auto)."
    text = str(raw).strip().lower()
    if text in K_RULES:
        return text
    try:
        k = int(text)
    except ValueError:
        raise typer.BadParameter(f"{raw!r} is not a number of clusters. {fix}") from None
    if not K_SMALLEST <= k <= K_LARGEST:
        why = "a clustering needs at least 2 clusters" if k < K_SMALLEST else f"more than {K_LARGEST} clusters is more than a brief can describe"
        raise typer.BadParameter(f"k = {k}: {why}. {fix}")
    return k


def panel_order(parameter: inspect.Parameter) -> tuple[int, str]:
    """Options by help panel (Data, Clustering, Drafting, Output; a command's own options first), then by flag."""
    info = parameter.default
    panel = getattr(info, "rich_help_panel", None)
    position = PANELS.index(panel) + 1 if panel in PANELS else 0
    flags = [d for d in (getattr(info, "param_decls", None) or ()) if d.startswith("--")]
    return position, (flags[0].split("/")[0] if flags else f"--{parameter.name}").lstrip("-")  # "--pdf/--no-pdf" sorts as "pdf"


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
        options = sorted((p for p in own + mine if p not in arguments), key=panel_order)
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


class _FlagHelp:
    """-h/--help is a flag: no "<bool>" in its row of the help."""

    def get_help_option(self, ctx):
        option = super().get_help_option(ctx)
        if option is not None:
            option.metavar = ""
        return option


class Command(_FlagHelp, TyperCommand):
    pass


class Group(_FlagHelp, TyperGroup):
    pass


HELP_OPTIONS = {"help_option_names": ["-h", "--help"]}  # inherited by every subcommand's context


class App(typer.Typer):
    """A typer app whose commands take -h as --help and show no "<bool>" for it."""

    def __init__(self, **options: Any):
        options.setdefault("cls", Group)
        options.setdefault("context_settings", HELP_OPTIONS)
        options.setdefault("add_completion", False)
        super().__init__(**options)

    def command(self, *args: Any, **options: Any):
        options.setdefault("cls", Command)
        return super().command(*args, **options)
