"""Where a language's files live: one folder per language code.

    interpret/languages/<code>/brief.toml     every word and sentence of the brief (interpret.language)
    interpret/languages/<code>/lexicon.toml   the words the verifier reads (interpret.verification.lexicon)
    interpret/languages/<code>/console.toml   the command line's text (interpret.progress, interpret.cli)

A user (or a test) adds a language without touching code: a folder with those files, in a
directory named by the `languages_dir` setting (INTERPRET_LANGUAGES_DIR). Folders there take
precedence over the shipped ones, so a shipped language can also be overridden.
"""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path
from typing import Iterable

from ..errors import ConfigError

SHIPPED = Path(str(resources.files("interpret") / "languages"))
_CODE = re.compile(r"^[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})?$")


def search_path(extra_dirs: Iterable[Path | str | None] = ()) -> list[Path]:
    """User directories first, then the shipped languages."""
    return [Path(d) for d in extra_dirs if d] + [SHIPPED]


def available_languages(extra_dirs: Iterable[Path | str | None] = ()) -> list[str]:
    codes: list[str] = []
    for base in search_path(extra_dirs):
        if base.is_dir():
            codes += [p.name for p in sorted(base.iterdir()) if p.is_dir() and (p / "brief.toml").is_file() and p.name not in codes]
    return codes


def language_file(code: str, filename: str, extra_dirs: Iterable[Path | str | None] = ()) -> Path:
    """The path of `filename` ("brief.toml", "lexicon.toml") for language `code`; ConfigError when absent."""
    extra_dirs = list(extra_dirs)
    if not isinstance(code, str) or not _CODE.match(code):
        raise ConfigError(f"lang = {code!r} is not a language code (e.g. id, en). Choose one of {', '.join(available_languages(extra_dirs))}.")
    for base in search_path(extra_dirs):
        candidate = base / code / filename
        if candidate.is_file():
            return candidate
    raise ConfigError(
        f"Language {code!r} has no {filename} (looked in {', '.join(str(b / code) for b in search_path(extra_dirs))}). "
        f"Choose one of {', '.join(available_languages(extra_dirs))}, or add the folder with brief.toml, lexicon.toml and console.toml."
    )


__all__ = ["SHIPPED", "available_languages", "language_file", "search_path"]
