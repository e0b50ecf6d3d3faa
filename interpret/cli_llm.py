"""`interpret cache info | clear` and `interpret doctor`. Thin: the work is in interpret.llm.cache and
interpret.llm.doctor, imported when a command runs."""

from __future__ import annotations

from typing import TYPE_CHECKING


from .cli_options import App, takes_settings
from .console import out
from .errors import ConfigError

if TYPE_CHECKING:  # a type only: the settings class is built when a command runs, not for --help
    from .config import Settings

cache_app = App(no_args_is_help=True, help="The response cache of the drafting chain (docs/llm.md, \"Cache\").")


@cache_app.command("info")
@takes_settings("cache info")
def cache_info_command(settings: Settings) -> None:
    """Where the cache is, how many answers it holds and its size bound."""
    from .llm.cache import cache_info

    from .progress import console_language

    text = console_language(settings.lang, [settings.languages_dir])
    info = cache_info(settings.llm_cache_dir, settings.llm_cache_max_entries)
    out.print(text.t("console.cache.folder", folder=info.directory), highlight=False, markup=False)
    out.print(text.t("console.cache.info", entries=text.number(info.entries, 0), kib=text.number(info.bytes / 1024, 1),
                     max=text.number(info.max_entries, 0)), highlight=False, markup=False)


@cache_app.command("clear")
@takes_settings("cache clear")
def cache_clear_command(settings: Settings) -> None:
    """Remove every cached answer: the next run asks the model again."""
    from .llm.cache import clear_cache

    from .progress import console_language

    removed = clear_cache(settings.llm_cache_dir)
    text = console_language(settings.lang, [settings.languages_dir])
    out.print(text.t("console.cache.cleared", n=text.number(removed, 0)), highlight=False, markup=False)


@takes_settings("doctor")
def doctor_command(settings: Settings) -> None:
    """Check the model providers for real: watsonx credentials, IAM token, chat models, the configured model; the Ollama server, model and context."""
    from .llm.doctor import run_doctor

    from .progress import Note, console_language

    text = console_language(settings.lang, [settings.languages_dir])
    checks = run_doctor(settings)
    for check in checks:
        mark = "✓" if check.ok else "✗"
        what, detail = (part.worded(text) if isinstance(part, Note) else part for part in (check.what, check.detail))
        out.print(f"{mark} {check.provider} · {what}: {detail}", highlight=False, markup=False, soft_wrap=True)
    usable = {c.provider for c in checks} - {c.provider for c in checks if not c.ok}
    if not usable:
        raise ConfigError("No model provider is usable: drafting would be rule-based. Fix the settings named above (docs/llm.md).")
