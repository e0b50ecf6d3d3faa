"""brief.html: self-contained (nothing to fetch), a table of contents, charts in their sections."""

from __future__ import annotations

import re

from reports.charts import Chart
from reports.html import assemble_body


def test_html_references_nothing_outside_itself(default_brief):
    html = (default_brief.out_dir / "brief.html").read_text(encoding="utf-8")
    # Text may mention a URL (a provider's address in the provenance); what a browser fetches is
    # what an attribute or a style points to.
    assert not re.search(r"<(script|link|iframe|object|embed|img|video|audio|source)\b", html, re.I)
    assert not re.search(r'\b(?:src|href|xlink:href|srcset|poster|action)="(?!#|data:)', html)  # in-page anchors and inline data only
    assert not re.search(r"url\((?!\s*['\"]?(?:#|data:))|@import|@font-face", html, re.I)
    assert html.count("<svg") == len(default_brief.charts)


def test_contents_link_to_every_section(default_brief):
    html = default_brief.html
    ids = re.findall(r'<h2 id="([^"]+)">', html)
    links = re.findall(r'<nav class="toc".*?</nav>', html, re.S)[0]
    assert ids and re.findall(r'href="#([^"]+)"', links) == ids
    for c in default_brief.facts.clusters:
        assert f"Klaster {c.number}: " in links


def test_each_cluster_profile_is_in_its_cluster_section(default_brief):
    sections = re.split(r'<h2 id="[^"]+">', default_brief.html)
    for c in default_brief.facts.clusters:
        section = next(s for s in sections if s.startswith(f"Klaster {c.number}:"))
        assert f'id="fig-profile-{c.number}"' in section
        assert section.index("</table>") < section.index(f'id="fig-profile-{c.number}"')  # after the cluster table
    charts_section = next(s for s in sections if s.startswith("Grafik"))
    for key in ("pca", "heatmap"):
        assert f'id="fig-{key}"' in charts_section
    summary = next(s for s in sections if s.startswith("Ringkasan eksekutif"))
    assert summary.index("</table>") < summary.index('id="fig-map"')  # page 1: the map right after the priority table
    method = next(s for s in sections if s.startswith("Data dan metode"))
    panel = method.index("<h3>Pemilihan jumlah klaster</h3>")
    assert panel < method.index("</table>", panel) < method.index('id="fig-k-selection"')  # with the k panel's table
    assert sum(s.count('id="fig-map"') for s in sections) == 1


def test_tables_scroll_in_a_container_with_column_widths_and_numbers_keep_their_unit():
    body, _ = assemble_body("# J\n\n## A\n\nUHH 73,06 tahun dan 5 provinsi di Klaster 4.\n\n| Indikator | Rata-rata |\n|---|---:|\n| Umur Harapan Hidup | 73,06 |\n", (), "id")
    assert '<div class="table-wrap"><table><colgroup>' in body and "</table></div>" in body
    widths = [float(w) for w in re.findall(r'<col style="width:([\d.]+)%">', body)]
    assert len(widths) == 2 and abs(sum(widths) - 100) < 0.5 and widths[0] > widths[1]  # the label column is the wider
    assert '<td style="text-align:right">73,06</td>' in body
    assert "73,06\u00a0tahun" in body and "5\u00a0provinsi" in body and "Klaster\u00a04" in body
    slashed, _ = assemble_body("# J\n\n## A\n\n| Satuan ribu/orang | B |\n|---|---|\n| x | y |\n", (), "id")
    assert "<th>Satuan ribu/\u200borang</th>" in slashed and slashed.count("</th>") == 2  # a header may break after "/", its tags intact


def test_charts_are_never_lost_when_a_template_has_other_headings():
    charts = [Chart("pca", "T", "C.", "<svg></svg>"), Chart("profile-7", "P", "C.", "<svg></svg>", section="cluster-7")]
    body, contents = assemble_body("# Judul\n\n## Pendahuluan\n\nteks\n", charts, "id")
    assert 'id="fig-pca"' in body and 'id="fig-profile-7"' in body
    assert [title for _, title in contents] == ["Pendahuluan", "Grafik", "Grafik"]


def test_element_ids_are_unique_across_the_inline_charts(default_brief):
    ids = re.findall(r'\bid="([^"]+)"', default_brief.html)
    assert len(ids) == len(set(ids))
    for reference in set(re.findall(r'url\(#([^)]+)\)', default_brief.html)):
        assert reference in ids  # every clip path an SVG uses is defined
