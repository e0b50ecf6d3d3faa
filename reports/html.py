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


def _headings(lang: Language) -> tuple[re.Pattern, str, tuple[str, str], str]:
    """How this language's brief names a cluster section, the data section and the appendices."""
    before, after = lang.t("brief.cluster_name", n="\x00").split("\x00")
    cluster = re.escape(before) + r"(\d+)" + re.escape(after)
    appendix_a = lang.t("appendix.heading")
    return re.compile("^" + cluster + r"\b"), lang.t("brief.data_heading"), (appendix_a, lang.t("provenance.heading")), appendix_a


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


def assemble_body(markdown_text: str, charts=(), lang: Language | str = "id") -> tuple[str, list[tuple[str, str]]]:
    """Body HTML with ids on the h2 sections and the charts inserted; returns (body, contents).

    Overview charts go into a "Grafik"/"Charts" section right after "Data dan metode" (or before the
    first cluster when a template has no such section); a cluster's chart goes right after that
    cluster's table. Charts whose section is not found are appended before the appendix, never lost.
    """
    body = markdown_to_html(markdown_text)
    parts = _H2.split(body)  # [before, heading1, content1, heading2, content2, ...]
    head, sections = parts[0], [(parts[i], parts[i + 1]) for i in range(1, len(parts), 2)]
    overview = [c for c in charts if c.section == "overview"]
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
    for heading, content in sections:
        plain = _plain(heading)
        match = cluster_heading.match(plain)
        if match and overview_block and not placed_overview:
            out_sections.append(overview_block)
            placed_overview = True
        if match and int(match.group(1)) in by_cluster:
            number = int(match.group(1))
            figures = "".join(figure_html(c) for c in by_cluster[number])
            content = content.replace("</table>", "</table>\n" + figures, 1) if "</table>" in content else content + figures
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
        if plain.startswith(claims_heading):
            kind += " claims"  # the verification table: fixed column widths (readable, and fast to typeset)
        html_parts.append(f'<section class="{kind}">\n<h2 id="{anchor}">{heading}</h2>{content}</section>\n')
    return "".join(html_parts), contents


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
