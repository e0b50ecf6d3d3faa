"""Render the brief from Jinja2 templates in `reports/templates/` (sandboxed, StrictUndefined).

The body (everything an analyst reads before the appendix) is rendered first so the verifier can
check every number in it; the appendix then lists those claims and the provenance.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from jinja2 import FileSystemLoader, StrictUndefined, TemplateError as JinjaTemplateError
from jinja2.sandbox import SandboxedEnvironment

from interpret import analysis_text
from interpret.errors import TemplateError
from interpret.numbers import format_number, format_percent, with_unit

TEMPLATES = Path(str(resources.files("reports") / "templates"))


def _environment(lang: str = "id") -> SandboxedEnvironment:
    """The templates' filters write numbers in the brief's language ("73,13" / "73.13")."""
    env = SandboxedEnvironment(
        loader=FileSystemLoader(str(TEMPLATES)),
        undefined=StrictUndefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    if lang == "en":
        from .english import pct as pct_en, with_unit as with_unit_en

        env.filters["num"] = lambda value, decimals=2, signed=False: format_number(value, decimals, signed=signed, locale="en")
        env.filters["pct"] = lambda value, decimals=1: pct_en(value, decimals)
        env.filters["unit"] = with_unit_en
    else:
        env.filters["num"] = lambda value, decimals=2, signed=False: format_number(value, decimals, signed=signed)
        env.filters["pct"] = lambda value, decimals=1: format_percent(value, decimals)
        env.filters["unit"] = with_unit
    env.filters["cell"] = lambda text: str(text).replace("|", "/")
    return env


def _render(name: str, lang: str = "id", **context) -> str:
    try:
        return _environment(lang).get_template(name).render(lang=lang, **context)
    except JinjaTemplateError as exc:
        line = getattr(exc, "lineno", None)
        where = f"{TEMPLATES / name}" + (f", line {line}" if line else "")
        raise TemplateError(f"Report template {where} failed: {exc}. Fix the template.") from None


def render_body(facts, drafts, lang: str = "id") -> str:
    """Everything before the appendix: summary, data and method, one section per cluster, conclusion."""
    labels = {d.klaster: d.label for d in drafts.clusters}
    # `words`: the Indonesian wording of the facts' decisions (k reason, consensus, ratings, ...),
    # which the facts themselves no longer carry.
    if lang == "en":
        from . import english

        return _render("brief.en.md.j2", "en", facts=facts, drafts=drafts, labels=labels, en=english, words=analysis_text)
    return _render("brief.md.j2", facts=facts, drafts=drafts, labels=labels, words=analysis_text)


def render_appendix(facts, drafts, verification, provenance: dict, lang: str = "id") -> str:
    from .provenance import provenance_view

    prov = provenance_view(facts, drafts, verification, provenance)
    name = "appendix.en.md.j2" if lang == "en" else "appendix.md.j2"
    return _render(name, lang, facts=facts, drafts=drafts, verification=verification, provenance=provenance, prov=prov)


def render_html(markdown_text: str, title: str, charts=(), lang: str = "id") -> str:
    """One self-contained HTML page (inline CSS, inline SVG charts, no external request), with a
    table of contents; also the source of the PDF (see reports.html and reports.pdf)."""
    from .html import assemble_body, contents_html

    body, contents = assemble_body(markdown_text, charts, lang)
    toc = contents_html(contents, lang)
    body = body.replace("</h1>", "</h1>\n" + toc, 1) if "</h1>" in body else toc + body
    return _render("brief.html.j2", lang, title=title, body=body)
