"""Render the brief from Jinja2 templates in `reports/templates/` (sandboxed, StrictUndefined).

The body (everything an analyst reads before the appendix) is rendered first so the verifier can
check every number in it; the appendix then lists those claims and the provenance.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from jinja2 import FileSystemLoader, StrictUndefined, TemplateError as JinjaTemplateError
from jinja2.sandbox import SandboxedEnvironment
from markdown_it import MarkdownIt

from interpret.errors import TemplateError
from interpret.numbers import format_number, format_percent, with_unit

TEMPLATES = Path(str(resources.files("reports") / "templates"))


def _environment() -> SandboxedEnvironment:
    env = SandboxedEnvironment(
        loader=FileSystemLoader(str(TEMPLATES)),
        undefined=StrictUndefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["num"] = lambda value, decimals=2, signed=False: format_number(value, decimals, signed=signed)
    env.filters["pct"] = lambda value, decimals=1: format_percent(value, decimals)
    env.filters["unit"] = with_unit
    env.filters["cell"] = lambda text: str(text).replace("|", "/")
    return env


def _render(name: str, **context) -> str:
    try:
        return _environment().get_template(name).render(**context)
    except JinjaTemplateError as exc:
        line = getattr(exc, "lineno", None)
        where = f"{TEMPLATES / name}" + (f", line {line}" if line else "")
        raise TemplateError(f"Report template {where} failed: {exc}. Fix the template.") from None


def render_body(facts, drafts) -> str:
    """Everything before the appendix: summary, data and method, one section per cluster, conclusion."""
    return _render("brief.md.j2", facts=facts, drafts=drafts, labels={d.klaster: d.label for d in drafts.clusters})


def render_appendix(facts, drafts, verification, provenance: dict) -> str:
    return _render("appendix.md.j2", facts=facts, drafts=drafts, verification=verification, provenance=provenance)


def render_html(markdown_text: str, title: str) -> str:
    """One self-contained HTML page (inline CSS, no external request) with the brief's content."""
    body = MarkdownIt("commonmark", {"html": False}).enable("table").render(markdown_text)
    return _render("brief.html.j2", title=title, body=body)
