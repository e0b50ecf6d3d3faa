"""What the brief's first page and its annex of units show, decided from the facts and the drafts.

The templates say how (every word from the catalogue); this module decides what:

- `key_message(drafts)`: the summary's first paragraph cut to at most three sentences (the drafter's
  own verified text, nothing added), and the summary's remaining paragraphs;
- `priority_rows(facts, drafts, lang)`: one row per cluster in policy priority (the lowest composite
  first): its size, the indicators it lags on, the sectors its recommendations name;
- `unit_rows(facts, lang)`: the annex's table, units sorted by cluster then name, each value as its
  unit fact formats it, the column's highest and lowest value marked (a sign, not colour alone);
- `masthead(facts, lang, status)`: the title block (review status, data set, units), verified like
  the rest of the body; `stamp(...)` adds the date and version in the HTML and PDF only.
"""

from __future__ import annotations

from dataclasses import dataclass

from interpret.language import Language
from interpret.markdown_text import md_text
from interpret.sentences import split_sentences
from interpret.terms import Direction

KEY_MESSAGE_SENTENCES = 3
UNIT_TABLE_MAX = 120  # beyond this many units the annex table would fill pages: the assignments file holds them
MAX_MARK, MIN_MARK = "▲", "▼"  # the key under the table says what they mean


@dataclass(frozen=True)
class PriorityRow:
    number: int
    size: int
    lagging: list[str]
    sectors: list[str]


@dataclass(frozen=True)
class UnitRow:
    unit: str
    cluster: int
    cells: list[str]


def key_message(drafts) -> tuple[str, list[str]]:
    """(the key message, the summary's other paragraphs); sentences past the third of the first
    paragraph open the rest, unchanged."""
    paragraphs = list(drafts.summary.ringkasan)
    if not paragraphs:
        return "", []
    sentences = split_sentences(paragraphs[0])
    message = " ".join(sentences[:KEY_MESSAGE_SENTENCES])
    rest = " ".join(sentences[KEY_MESSAGE_SENTENCES:])
    return message, ([rest] if rest else []) + paragraphs[1:]


def lagging_features(cluster, facts) -> list:
    """The indicators on which the cluster is worse than the reference (beyond the "setara" band)."""
    return [f for f in facts.features
            if cluster.features[f.name].direction != Direction.EQUAL and cluster.features[f.name].better is False]


def priority_rows(facts, drafts, lang: Language) -> list[PriorityRow]:
    """In the drafter's priority order (interpret.drafting.by_need: the lowest composite first; the report
    may not import the drafter, and tests/test_reports_layout.py holds the two orders equal)."""
    rows = []
    for c in sorted(facts.clusters, key=lambda c: -c.composite_rank):
        draft = drafts.cluster(c.number)
        sectors = list(dict.fromkeys(lang.sector(r.sektor) for r in draft.rekomendasi))
        rows.append(PriorityRow(c.number, c.size, [lang.short_label(f) for f in lagging_features(c, facts)], sectors))
    return rows


def column_label(feature, lang: Language) -> str:
    """A unit table's column: the abbreviation when the label ends in one, with its unit."""
    unit = lang.unit(feature.unit)
    name = lang.short_label(feature)
    return f"{name} ({unit})" if unit else name


def unit_rows(facts, lang: Language) -> list[UnitRow] | None:
    """The annex's rows, or None when the facts hold no unit values (a large table) or too many units."""
    values: dict[tuple[str, str], float] = {}
    for fact in facts.index.values():
        if fact.id.startswith("UNIT.") and fact.kind == "unit" and fact.member and fact.feature:
            values[(fact.member, fact.feature)] = float(fact.value)
    members = [(c.number, m) for c in facts.clusters for m in c.members]
    if not values or not members or len(members) > UNIT_TABLE_MAX:
        return None
    if any((m, f.name) not in values for _, m in members for f in facts.features):
        return None
    high = {f.name: max(values[(m, f.name)] for _, m in members) for f in facts.features}
    low = {f.name: min(values[(m, f.name)] for _, m in members) for f in facts.features}
    rows = []
    for number, member in sorted(members, key=lambda item: (item[0], item[1].casefold())):
        cells = []
        for f in facts.features:
            value = values[(member, f.name)]
            text = lang.number(value, f.decimals)
            mark = MAX_MARK if value == high[f.name] else MIN_MARK if value == low[f.name] else ""
            cells.append(f"{text} {mark}" if mark else text)
        rows.append(UnitRow(member, number, cells))
    return rows


def masthead(facts, lang: Language, status: str = "draft") -> str:
    """The line under the title, part of the verified body: review status first, then the data and its units
    (Markdown: the source is data, escaped)."""
    ds = facts.dataset
    source = md_text(ds.source) + (lang.t("brief.source_year", year=ds.year) if ds.year else "")
    return lang.t("brief.masthead", status=lang.t(f"brief.status_{status}"), source=source, n=ds.n_units, units=lang.unit_noun(facts))


def stamp(lang: Language, *, generated: str, version: str) -> str:
    """When and with which version the brief was made: metadata like the provenance, shown in the
    HTML and PDF title block only (brief.md holds it in its provenance appendix)."""
    return lang.t("brief.stamp", date=generated, version=version)


def abbreviations(facts, lang: Language) -> str:
    """The key to the unit table's column names: "UHH: Umur Harapan Hidup; …" (labels without an abbreviation as they are)."""
    items = []
    for f in facts.features:
        short = lang.short_label(f)
        if short != f.label:
            # labels are the spec's words (user data): escaped, never read as Markdown
            items.append(lang.t("brief.abbreviation", short=md_text(short), label=md_text(f.label[: -len(f"({short})")].strip())))
    return "; ".join(items)
