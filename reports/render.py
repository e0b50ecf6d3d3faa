"""Render the brief from the Jinja2 templates in `reports/templates/` (sandboxed, StrictUndefined).

One set of templates serves every language: a template asks the brief's `Language` for its words,

    {{ t("brief.members", size=c.size, units=units, members=...) }}    a sentence of the catalogue
    {{ value | num(2) }}  {{ value | pct }}  {{ text | unit(f.unit) }}  numbers the language's way
    {{ s.direction | direction }}  {{ c.verdict | verdict }}            words for the core's values
    {{ words.consensus(ks) }}                                           a decided paragraph

The body (everything an analyst reads before the appendix) is rendered first so the verifier can
check every number in it; the appendix then lists those claims and the provenance.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from types import SimpleNamespace

from jinja2 import FileSystemLoader, StrictUndefined, TemplateError as JinjaTemplateError
from jinja2.sandbox import SandboxedEnvironment

from interpret.analysis_text import comparison_paragraph, consensus_paragraph, k_reason_paragraph
from interpret.errors import TemplateError
from interpret.language import DATA_LANGUAGE, Language, load_language
from interpret.markdown_text import md_text
from interpret.terms import ClaimKind, Verdict

TEMPLATES = Path(str(resources.files("reports") / "templates"))
# A cluster's members are listed in the brief up to this many; a larger cluster is given by its size,
# and its members are in the assignments file (Parquet above ASSIGNMENTS_PARQUET_MIN units).
MEMBERS_LISTED_MAX = 60
ASSIGNMENTS_PARQUET_MIN = 100_000


def assignments_file(n_units: int) -> str:
    """The name of the unit → cluster file: CSV for tables a spreadsheet opens, Parquet beyond."""
    return "assignments.parquet" if n_units >= ASSIGNMENTS_PARQUET_MIN else "assignments.csv"


def verdict_counts(counts: dict) -> dict[str, int]:
    """{"true": n, "false": n, "unverifiable": n}: the placeholders of the catalogue's count sentences."""
    return {v.value: counts.get(v, 0) for v in Verdict}


def _environment(lang: Language, facts=None) -> SandboxedEnvironment:
    """The templates' words and number formats, bound to the brief's language."""
    from .provenance import section_name

    env = SandboxedEnvironment(
        loader=FileSystemLoader(str(TEMPLATES)),
        undefined=StrictUndefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )

    def kind_word(kind) -> str:
        return lang.word("claim_kind", kind) if kind in set(ClaimKind) else str(kind)  # a newer verifier's kind: its key

    from . import layout

    env.globals.update(
        t=lang.t,
        layout=layout,
        lang=lang,
        members_listed_max=MEMBERS_LISTED_MAX,
        assignments_file=assignments_file,
        words=SimpleNamespace(consensus=lambda ks: consensus_paragraph(ks, lang), k_reason=lambda: k_reason_paragraph(facts, lang), comparison=lambda cmp: comparison_paragraph(cmp, lang)),
    )
    env.filters.update(
        num=lambda value, decimals=2, signed=False: lang.number(value, decimals, signed),
        pct=lambda value, decimals=1: lang.percent(value, decimals),
        unit=lang.with_unit,
        cell=lambda text: str(text).replace("|", "/"),
        md=md_text,
        and_list=lambda items, style="plain": lang.join(items, style),
        direction=lambda value: lang.word("direction", value),
        verdict=lambda value: lang.word("verdict", Verdict(value)),
        verdict_counts=verdict_counts,
        kind_word=kind_word,
        stability_word=lambda level: lang.word("stability", level),
        cluster_name=lambda n: lang.t("brief.cluster_name", n=n),
        section_name=lambda section: section_name(section, lang),
        kind_counts=lambda item: lang.t("history.kind_counts", kind=kind_word(item[0]), **verdict_counts(item[1])),
        dropped_item=lambda d: lang.t("brief.dropped_item", id=md_text(d.id), reason=md_text(d.reason)),
        moved_item=lambda m: (lang.t("cluster_notes.moved_item_to", unit=md_text(m.unit), pct=lang.percent(m.moved_pct), to=m.moved_to,
                                     to_pct=lang.percent(m.moved_to_pct)) if getattr(m, "moved_to", None) is not None
                              else lang.t("cluster_notes.moved_item", unit=md_text(m.unit), pct=lang.percent(m.moved_pct))),
    )
    if facts is not None:
        env.filters.update(
            expected=lambda claim: expected_text(claim, facts, lang),
            # in running text an indicator goes by its abbreviation ("HLS (z = +3,21)", never "… (HLS) (z = +3,21)")
            correlation_item=lambda p: lang.t("panel.correlation_pair", a=md_text(lang.short_label(facts.feature(p.a))), b=md_text(lang.short_label(facts.feature(p.b))), r=lang.number(p.r, 2, True)),
            feature_label=lambda name: md_text(facts.feature(name).label),
            outlier_item=lambda o: lang.t("panel.outlier_item", unit=md_text(o.unit), feature=md_text(lang.short_label(facts.feature(o.feature))), z=lang.number(o.z, 2, True)),
        )
    return env


def expected_text(claim, facts, lang: Language) -> str:
    """The verification table's "fact value" in the brief's language. The verifier states it in the
    facts' language ("73,13 tahun", "Bali ∈ Klaster 1"); when that is exactly the fact's own text (or
    the membership of the unit the claim names), it is written again by `lang`; any other note
    (a claim that failed) is shown as the verifier wrote it."""
    expected = claim.expected
    if not expected or lang.code == DATA_LANGUAGE:
        return expected or "–"
    fact = facts.index.get(claim.fact_id) if claim.fact_id else None
    facts_language = load_language(DATA_LANGUAGE)
    if fact is not None and expected in (fact.text, facts_language.fact_text(fact)):
        return lang.fact_text(fact)
    home = next((c.number for c in facts.clusters if claim.value in c.members), None)
    if home is not None and expected == f"{claim.value} ∈ {facts_language.t('brief.cluster_name', n=home)}":
        return lang.t("appendix.member_of", unit=claim.value, cluster=lang.t("brief.cluster_name", n=home))
    return expected


def _render(name: str, lang: Language, facts=None, **context) -> str:
    try:
        return _environment(lang, facts).get_template(name).render(facts=facts, **context)
    except JinjaTemplateError as exc:
        line = getattr(exc, "lineno", None)
        where = f"{TEMPLATES / name}" + (f", line {line}" if line else "")
        raise TemplateError(f"Report template {where} failed: {exc}. Fix the template.") from None


def render_body(facts, drafts, lang: Language | str = "id", status: str = "draft") -> str:
    """Everything before the verification appendix: title block (`status`: review_status draft | final),
    summary with the priority table, one section per cluster, conclusion, data and method, caveats, the
    values per unit."""
    labels = {d.klaster: d.label for d in drafts.clusters}
    lang = load_language(lang)
    return _render("brief.md.j2", lang, lang.localized(facts), drafts=drafts, labels=labels, status=status)


def render_appendix(facts, drafts, verification, provenance: dict, lang: Language | str = "id", *, full: bool = True) -> str:
    """The verification appendix (every claim when `full`, else a one-page summary that says where the
    full table is) and the provenance."""
    from .provenance import provenance_view

    lang = load_language(lang)
    facts = lang.localized(facts)
    prov = provenance_view(facts, drafts, verification, provenance, lang)
    return _render("appendix.md.j2", lang, facts, drafts=drafts, verification=verification, provenance=provenance, prov=prov, full=full)


def render_verification(facts, drafts, verification, lang: Language | str = "id") -> str:
    """verification.md: the full verification table on a page of its own (verification.html)."""
    lang = load_language(lang)
    return _render("verification.md.j2", lang, lang.localized(facts), drafts=drafts, verification=verification)


def render_html(markdown_text: str, title: str, charts=(), lang: Language | str = "id", stamp: str | None = None) -> str:
    """One self-contained HTML page (inline CSS, inline SVG charts, no external request), with a
    table of contents; also the source of the PDF (see reports.html and reports.pdf)."""
    from .html import assemble_body, contents_html

    language = load_language(lang)
    body, contents = assemble_body(markdown_text, charts, language, stamp=stamp)
    toc = contents_html(contents, language)
    # The contents follow the first section (the summary, page 1 of the PDF), so page 1 carries the message.
    body = body.replace("</section>", "</section>\n" + toc, 1) if "</section>" in body else toc + body
    return _render("brief.html.j2", language, title=title, body=body, code=language.code)
