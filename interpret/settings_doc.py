"""The documents derived from the settings table: `.env.example`, docs/settings.md and the drafting
table of docs/llm.md. Rewrite them after changing interpret/settings.py:

    python -m interpret.settings_doc

tests/test_settings_table.py fails when a committed copy differs from what this writes.
"""

from __future__ import annotations

import sys
from pathlib import Path

from .settings import DRAFTING, OTHER_ENVIRONMENT, PANELS, SETTINGS, Setting

ROOT = Path(__file__).resolve().parents[1]
START, END = "<!-- settings-table:start -->", "<!-- settings-table:end -->"


def _default(setting: Setting) -> str:
    return setting.default_description or "—"


def _option(setting: Setting) -> str:
    if setting.argument:
        return f"`{setting.option}` (argument)"
    if not setting.commands:
        return ""
    flags = " / ".join(f"`{f}`" for f in (setting.flag or setting.option).split("/"))
    return flags


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def settings_table(panel: str | None = None) -> str:
    """One row per setting: interpret.toml key, option, environment, default, meaning."""
    rows = ["| setting (interpret.toml key) | option | environment | default | meaning |", "|---|---|---|---|---|"]
    for s in SETTINGS:
        if panel is not None and s.panel != panel:
            continue
        key = f"`{s.name}`" if s.in_file else f"{s.name} (not in the file)"
        env = " or ".join(f"`{e}`" for e in s.env) or "—"
        rows.append(f"| {key} | {_cell(_option(s))} | {env} | {_cell(_default(s))} | {_cell(s.help)} |")
    return "\n".join(rows) + "\n"


def env_example() -> str:
    lines = [
        "# Every environment variable interpret reads. Copy to .env and fill in what you need; never commit .env.",
        "# Generated from interpret/settings.py by `python -m interpret.settings_doc`: edit that table, not this file.",
        "# Command-line options override these; these override interpret.toml.",
    ]
    for panel in PANELS:
        settings = [s for s in SETTINGS if s.panel == panel and s.env]
        if not settings:
            continue
        lines.append(f"\n# -- {panel} --")
        for s in settings:
            lines.append(f"# {s.help}" + (f" Default: {_default(s)}." if _default(s) != "—" else ""))
            lines += [f"{e}=" for e in s.env]
    lines.append("\n# -- Not settings: read by interpret or its libraries --")
    for name, meaning in OTHER_ENVIRONMENT.items():
        lines += [f"# {meaning[0].upper()}{meaning[1:]}.", f"{name}="]
    return "\n".join(lines) + "\n"


def settings_page() -> str:
    parts = [
        "# Settings\n",
        "Every setting is declared once, in `interpret/settings.py` (`SETTINGS`). It resolves with one\n"
        "precedence: command line > environment (also read from `.env`) > config file (`interpret.toml`, or\n"
        "`--config` / `INTERPRET_CONFIG`) > the data-set spec (`[clustering]`) > the defaults below. An error\n"
        "names the source of the bad value (`k = 1 (from --k)`, `INTERPRET_K (environment or .env)`, ...).\n",
        "This page, `.env.example` and the table in docs/llm.md are generated from that declaration by\n"
        "`python -m interpret.settings_doc`; a test fails when they drift.\n",
        "To add a setting, append one entry to `SETTINGS`, e.g.\n\n"
        "```python\n"
        "declare(\"languages_dir\", path, \"Folder of extra language catalogues ...\", cli_type=Path,\n"
        "   commands=RUN + VERIFY, panel=REPORT, default_text=\"only the shipped languages\"),\n"
        "```\n\n"
        "(environment variable `INTERPRET_<NAME>` unless `env=` names another; `commands=` gives it an option\n"
        "of those commands; `choices=`, `check=` validate it; `spec_key=` lets the spec's `[clustering]`\n"
        "table give its value below the user's), then run `python -m interpret.settings_doc`. Its value is\n"
        "`settings.<name>`.\n",
    ]
    for panel in PANELS:
        parts.append(f"## {panel}\n\n{settings_table(panel)}")
    return "\n".join(parts)


def replace_region(text: str, table: str) -> str:
    """The text with the part between the markers replaced by `table`."""
    head, _, rest = text.partition(START)
    _, _, tail = rest.partition(END)
    return f"{head}{START}\n{table}{END}{tail}"


def documents() -> dict[Path, str]:
    llm = ROOT / "docs" / "llm.md"
    return {
        ROOT / ".env.example": env_example(),
        ROOT / "docs" / "settings.md": settings_page(),
        llm: replace_region(llm.read_text(encoding="utf-8"), settings_table(DRAFTING)),
    }


def main() -> int:
    for path, text in documents().items():
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
