"""The HTML brief: the Markdown rendered, a table of contents, and the charts placed in their sections.

One self-contained page: CSS inline, charts as inline SVG, no script, no font or image fetched. The
same page is the PDF's source (reports.pdf): its print CSS adds page numbers and the contents' page
references, which WeasyPrint resolves and a browser simply ignores.
"""

from __future__ import annotations

import html as html_lib
import re
import unicodedata

from markdown_it import MarkdownIt

from interpret.language import Language, load_language

_H2 = re.compile(r"<h2>(.*?)</h2>", re.S)


def _prefix(lang: Language, key: str, **placeholders) -> str:
    """The start of a catalogue heading that has a placeholder ("Lampiran A. Nilai per {unit}" → "Lampiran A. Nilai per ")."""
    return lang.t(key, **{name: "\x00" for name in placeholders}).split("\x00")[0] if placeholders else lang.t(key)


def _headings(lang: Language) -> tuple[re.Pattern, str, tuple[str, ...], str]:
    """How this language's brief names a cluster section, the data section and the appendices."""
    before, after = lang.t("brief.cluster_name", n="\x00").split("\x00")
    cluster = re.escape(before) + r"(\d+)" + re.escape(after)
    appendix_claims = lang.t("appendix.heading")
    appendices = (_prefix(lang, "brief.units_heading", unit=""), appendix_claims, lang.t("provenance.heading"))
    return re.compile("^" + cluster + r"\b"), lang.t("brief.data_heading"), appendices, appendix_claims


# What the brief's Markdown renders to, and nothing else: no image, script, form, frame, event handler
# or style attribute survives, and a link may only point inside the page. The charts (inline SVG)
# are inserted after this, from our own matplotlib output.
ALLOWED_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6", "p", "ul", "ol", "li", "table", "thead", "tbody", "tr", "th", "td",
                "strong", "em", "code", "pre", "blockquote", "br", "hr", "a"}
ALLOWED_ATTRIBUTES = {"a": {"href"}, "th": {"style"}, "td": {"style"}, "ol": {"start"}}


def _inside_page(tag: str, attribute: str, value: str) -> str | None:
    if tag == "a" and attribute == "href":
        return value if value.startswith("#") else None
    return value


def sanitise(fragment: str) -> str:
    import nh3

    return nh3.clean(fragment, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, attribute_filter=_inside_page,
                     filter_style_properties={"text-align"}, url_schemes=set(), link_rel=None, strip_comments=True)


def markdown_to_html(markdown_text: str) -> str:
    return sanitise(MarkdownIt("commonmark", {"html": False}).enable("table").render(markdown_text))


def figure_html(chart) -> str:
    notes = "".join(f'<p class="chart-note">{html_lib.escape(n)}</p>' for n in chart.notes)
    svg = chart.svg.replace('<svg role="img"', f'<svg role="img" aria-label="{html_lib.escape(chart.title)}"', 1)
    return (
        f'<figure class="chart" id="fig-{chart.key}">\n{svg}\n'
        f"<figcaption><strong>{html_lib.escape(chart.title)}.</strong> {html_lib.escape(chart.caption)}</figcaption>\n"
        f"{notes}</figure>\n"
    )


def assemble_body(markdown_text: str, charts=(), lang: Language | str = "id", stamp: str | None = None) -> tuple[str, list[tuple[str, str]]]:
    """Body HTML with ids on the h2 sections and the charts inserted; returns (body, contents).

    Overview charts go into a "Grafik"/"Charts" section right after "Data dan metode" (or before the
    first cluster when a template has no such section); a cluster's chart goes right after that
    cluster's table. Charts whose section is not found are appended before the appendix, never lost.
    """
    body = wrap_tables(non_breaking(markdown_to_html(markdown_text)))
    masthead = re.search(r"</h1>\s*<p>(.*?)</p>", body, re.S)
    if masthead:  # the title block: its status badge, and the date and version (the stamp, not part of the verified text)
        extra = f'<br><span class="stamp">{html_lib.escape(stamp)}</span>' if stamp else ""
        body = body[: masthead.start()] + f'</h1>\n<p class="masthead">{masthead.group(1)}{extra}</p>' + body[masthead.end():]
    parts = _H2.split(body)  # [before, heading1, content1, heading2, content2, ...]
    head, sections = parts[0], [(parts[i], parts[i + 1]) for i in range(1, len(parts), 2)]
    front = [c for c in charts if c.key in FRONT_CHARTS]
    method = [c for c in charts if c.key in METHOD_CHARTS]
    overview = [c for c in charts if c.section == "overview" and c.key not in FRONT_CHARTS and c.key not in METHOD_CHARTS]
    by_cluster: dict[int, list] = {}
    for c in charts:
        if c.section.startswith("cluster-"):
            by_cluster.setdefault(int(c.section.split("-")[1]), []).append(c)

    lang = load_language(lang)
    cluster_heading, data_heading, appendices, claims_heading = _headings(lang)
    overview_title = lang.t("chart.figures_heading")
    overview_block = (overview_title, "\n" + "".join(figure_html(c) for c in overview)) if overview else None
    out_sections: list[tuple[str, str]] = []
    placed_overview = False
    placed_clusters: set[int] = set()
    summary_heading = lang.t("brief.summary_heading")
    for heading, content in sections:
        plain = _plain(heading)
        match = cluster_heading.match(plain)
        if front and plain == summary_heading:  # page 1: the map right after the priority table
            figures = "".join(figure_html(c) for c in front)
            content = content.replace("</table></div>", "</table></div>\n" + figures, 1) if "</table></div>" in content else content + figures
            front = []
        if method and plain.startswith(data_heading):
            content = _after_table_under(content, lang.t("panel.k_heading"), "".join(figure_html(c) for c in method))
            method = []
        if match and overview_block and not placed_overview:
            out_sections.append(overview_block)
            placed_overview = True
        if match and int(match.group(1)) in by_cluster:
            number = int(match.group(1))
            figures = "".join(figure_html(c) for c in by_cluster[number])
            content = content.replace("</table></div>", "</table></div>\n" + figures, 1) if "</table></div>" in content else content + figures
            placed_clusters.add(number)
        if plain.startswith(appendices):
            leftovers = [c for n, cs in sorted(by_cluster.items()) if n not in placed_clusters for c in cs]
            if overview_block and not placed_overview:
                out_sections.append(overview_block)
                placed_overview = True
            if leftovers:
                out_sections.append((overview_title, "".join(figure_html(c) for c in leftovers)))
                placed_clusters.update(by_cluster)
        out_sections.append((heading, content))
        if plain.startswith(data_heading) and overview_block and not placed_overview:
            out_sections.append(overview_block)
            placed_overview = True
    if overview_block and not placed_overview:
        out_sections.append(overview_block)
    if front or method:  # a template without a summary or method section: never lost
        out_sections.append((overview_title, "".join(figure_html(c) for c in front + method)))
    leftovers = [c for n, cs in sorted(by_cluster.items()) if n not in placed_clusters for c in cs]
    if leftovers:
        out_sections.append((overview_title, "".join(figure_html(c) for c in leftovers)))

    contents = []
    html_parts = [head]
    taken: set[str] = set()
    for number, (heading, content) in enumerate(out_sections, start=1):
        anchor = section_anchor(_plain(heading), number, taken)
        contents.append((anchor, _plain(heading)))
        plain = _plain(heading)
        kind = "appendix" if plain.startswith(appendices) else "charts" if heading == overview_title else "main"
        if plain == summary_heading:
            kind += " summary"
        if max((len(re.findall(r"<th[ >]", head_row)) for head_row in re.findall(r"<thead>.*?</thead>", content, re.S)), default=0) > WIDE_COLUMNS:
            kind += " wide"  # a table with this many columns gets a landscape page in print
        if plain.startswith(appendices[0]):
            kind += " units"  # the values per unit: compact, and its own (landscape when wide) page in print
        if plain.startswith(claims_heading) and content.count("<th") >= 7:
            kind += " claims"  # the full verification table: fixed column widths (readable, and fast to typeset)
        html_parts.append(f'<section class="{kind}">\n<h2 id="{anchor}">{heading}</h2>{content}</section>\n')
    return "".join(html_parts), contents


WIDE_COLUMNS = 9  # the cluster table's nine columns fit a portrait page at print size; more go landscape
FRONT_CHARTS = ("map",)  # placed on page 1, after the priority table
METHOD_CHARTS = ("k-selection",)  # placed with the k panel in "Data dan metode"
_TEXT = re.compile(r"(<[^>]*>)|([^<]+)")
# A number and what follows it stay on one line: "73,06 tahun", "2,7 %", "34 provinsi" (a normal space between a
# digit and a letter or a percent sign becomes a no-break space; the catalogue's own words are unchanged).
_NUMBER_GAP = re.compile(r"(?<=\d) (?=[%‰A-Za-z\u00C0-\u024F])")
_NAME_GAP = re.compile(r"\b([A-Z][a-z]+) (?=\d)")  # "Klaster 4", "Cluster 2": a name and its number stay together too


def _in_text(fragment: str, change) -> str:
    """`change` applied to the text of an HTML fragment, never inside a tag."""
    return _TEXT.sub(lambda m: m.group(1) or change(m.group(2)), fragment)


_HEADING = re.compile(r"(<h[1-6][^>]*>.*?</h[1-6]>)", re.S)


def non_breaking(fragment: str) -> str:
    """No-break spaces after numbers, in text only (never inside a tag); headings keep their plain
    spaces (the contents and the anchors read them, and they are short)."""
    glue = lambda text: _NAME_GAP.sub("\\1\u00a0", _NUMBER_GAP.sub("\u00a0", text))  # noqa: E731
    return "".join(part if _HEADING.fullmatch(part) else _in_text(part, glue) for part in _HEADING.split(fragment))


_TABLE = re.compile(r"<table>(.*?)</table>", re.S)
_ROW = re.compile(r"<tr>(.*?)</tr>", re.S)
_CELL = re.compile(r"<t([hd])(?: [^>]*)?>(.*?)</t[hd]>", re.S)
WORD_CAP, TEXT_CAP = 16, 40  # a column is never given more room than this many characters ask for
HEADER_WIDTH, CELL_PADDING = 1.25, 2.5  # a header's bold letters are wider; a cell's padding and border, in characters


def column_widths(table: str) -> list[float]:
    """Each column's share of the text width, from what it holds: at least its longest word (so a word
    never has to break), at most what its average cell needs. The print CSS lays tables out with these
    (table-layout: fixed), so no table runs past the margin whatever WeasyPrint's auto layout would do."""
    needs: list[list[tuple[int, int]]] = []
    for row in _ROW.findall(table):
        for index, (kind, cell) in enumerate(_CELL.findall(row)):
            text = _plain(cell)
            words = max((len(w) for w in re.split(r"[\s/]+", text)), default=0) * (HEADER_WIDTH if kind == "h" else 1)
            while len(needs) <= index:
                needs.append([])
            needs[index].append((min(words, WORD_CAP), min(len(text), TEXT_CAP)))
    weights = []
    for column in needs:
        longest_word = max(w for w, _ in column)
        average = sum(t for _, t in column) / len(column)
        weights.append(max(longest_word, average, 3) + CELL_PADDING)
    total = sum(weights) or 1.0
    return [100 * w / total for w in weights]


def wrap_tables(fragment: str) -> str:
    """Every table in a container that scrolls sideways on a narrow screen (the page body never does),
    with its column widths (column_widths); a "/" in a header may break the line after it."""

    def wrapped(match: re.Match) -> str:
        inner = match.group(1)
        cols = "".join(f'<col style="width:{w:.1f}%">' for w in column_widths(inner))
        inner = re.sub(r"<thead>.*?</thead>", lambda head: _in_text(head.group(0), lambda text: text.replace("/", "/\u200b")), inner,
                       count=1, flags=re.S)
        return f'<div class="table-wrap"><table><colgroup>{cols}</colgroup>{inner}</table></div>'

    return _TABLE.sub(wrapped, fragment)


def _after_table_under(content: str, heading: str, figures: str) -> str:
    """`figures` right after the first table under the sub-heading `heading` (the k panel's table), else at the end."""
    start = content.find(f"<h3>{html_lib.escape(heading, quote=False)}</h3>")
    end = content.find("</table></div>", start) if start >= 0 else -1
    if end < 0:
        return content + figures
    end += len("</table></div>")
    return content[:end] + "\n" + figures + content[end:]


def section_anchor(heading: str, number: int, taken: set[str]) -> str:
    """A section's id from its heading, in the brief's own language ("cluster-2-upper-middle-achievement",
    "ringkasan-eksekutif"): ASCII letters, digits and hyphens, at most six words; a heading with no such
    characters, or one already taken, gets "s<number>" (appended), so every id is unique and valid."""
    ascii_text = unicodedata.normalize("NFKD", heading).encode("ascii", "ignore").decode().lower()
    words = re.findall(r"[a-z0-9]+", ascii_text)[:6]
    anchor = "-".join(words) or f"s{number}"
    if anchor in taken:
        anchor = f"{anchor}-s{number}"
    taken.add(anchor)
    return anchor


def contents_html(contents: list[tuple[str, str]], lang: Language | str) -> str:
    word = load_language(lang).t("chart.contents")
    items = "".join(f'<li><a href="#{anchor}">{html_lib.escape(title)}</a></li>' for anchor, title in contents)
    return f'<nav class="toc" aria-label="{word}"><p class="toc-title">{word}</p><ol>{items}</ol></nav>'


def _plain(fragment: str) -> str:
    return html_lib.unescape(re.sub(r"<[^>]+>", "", fragment)).strip()
