"""brief.pdf as a reader holds it: at most 16 pages, page 1 carries the brief (key message, priority
table, map), and no word of any page runs past the page's margin box, in the Indonesian, the English
and the pengeluaran (long table, generated like the BPS files) briefs.

The margin box is read from the brief's own print CSS (`@page { margin: … }`), the word boxes from
poppler's `pdftotext -bbox`; only the page counter ("3 / 14") may sit in the bottom margin. pdftotext
drops a word that lies wholly beyond the paper's edge, so such an overflow is caught by the words it
cuts on its way out (a table running off the page crosses the margin first).
"""

from __future__ import annotations

import html
import re
import subprocess

import pytest

from interpret import run_brief
from reports.layout import key_message, priority_rows

from .conftest import ROOT, make_long_expenditure, settings
from .test_render_pdf import tool

MAX_PAGES = 16
MM = 72 / 25.4
_PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">')
_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')
_COUNTER = re.compile(r"\d+|/")


@pytest.fixture(scope="module")
def english_pdf_brief(tmp_path_factory):
    return run_brief(settings(lang="en", pdf="on", out=tmp_path_factory.mktemp("english-print")))


@pytest.fixture(scope="module")
def expenditure_pdf_brief(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pengeluaran-print")
    data = make_long_expenditure(folder / "pengeluaran.csv")
    return run_brief(settings(data=data, spec=ROOT / "examples" / "pengeluaran_2022.toml", pdf="on", out=folder / "brief"))


def margins_mm(brief) -> tuple[float, float, float, float]:
    """(top, right, bottom, left) of the first @page rule of the page the PDF was typeset from."""
    found = re.search(r"@page\s*\{[^}]*?margin:\s*([\d.]+)mm\s+([\d.]+)mm\s+([\d.]+)mm\s+([\d.]+)mm", brief.pdf_html)
    assert found, "the print CSS gives the page margins in mm"
    return tuple(float(v) for v in found.groups())


def pages_of(pdf_path) -> list[tuple[float, float, list[tuple[float, float, float, float, str]]]]:
    """Per page: (width, height, [(x0, y0, x1, y1, word)]) in PDF points."""
    xml = subprocess.run([tool("pdftotext"), "-bbox", str(pdf_path), "-"], capture_output=True, text=True, check=True).stdout
    pages = []
    for chunk in xml.split("<page ")[1:]:
        size = _PAGE.match("<page " + chunk)
        words = [(*map(float, m.group(1, 2, 3, 4)), html.unescape(m.group(5))) for m in _WORD.finditer(chunk)]
        pages.append((float(size.group(1)), float(size.group(2)), words))
    return pages


def words_outside_margins(brief) -> list[tuple[int, str, tuple[int, int, int, int]]]:
    top, right, bottom, left = (v * MM for v in margins_mm(brief))
    outside = []
    for number, (width, height, words) in enumerate(pages_of(brief.out_dir / "brief.pdf"), start=1):
        for x0, y0, x1, y1, word in words:
            if y0 >= height - bottom and _COUNTER.fullmatch(word):
                continue  # the page counter, in the bottom margin by design
            slack = 0.5  # half a point: a glyph's side bearing, not a clipped word
            if x0 < left - slack or x1 > width - right + slack or y0 < top - slack or y1 > height - bottom + slack:
                outside.append((number, word, (round(x0), round(y0), round(x1), round(y1))))
    return outside


def page_text(brief, page: int) -> str:
    out = subprocess.run([tool("pdftotext"), "-f", str(page), "-l", str(page), str(brief.out_dir / "brief.pdf"), "-"],
                         capture_output=True, text=True, check=True).stdout
    return " ".join(out.replace("\u00a0", " ").split())


def plain(markdown: str) -> str:
    return " ".join(re.sub(r"\\(.)", r"\1", markdown).replace("**", "").split())


def test_the_default_pdf_has_at_most_16_pages(default_brief):
    assert len(pages_of(default_brief.out_dir / "brief.pdf")) <= MAX_PAGES


def test_page_one_holds_the_key_message_the_priority_table_and_the_map(default_brief):
    from interpret.language import load_language

    lang = load_language("id")
    text = page_text(default_brief, 1)
    message, _ = key_message(default_brief.drafts)
    assert message and plain(message) in text
    header = lang.t("brief.priority_header", units="provinsi").replace("|", " ").split()
    assert all(word in text.split() for word in header)  # a header cell may wrap onto two lines
    labels = {d.klaster: d.label for d in default_brief.drafts.clusters}
    for row in priority_rows(default_brief.facts, default_brief.drafts, lang):
        assert f"Klaster {row.number}: {labels[row.number]} {row.size}" in text
    map_chart = next(c for c in default_brief.charts if c.key == "map")
    assert map_chart.title in text  # the map's figure (its caption) is on page 1
    assert "DRAF" in text and "interpret" in text  # the title block's status and version


@pytest.mark.parametrize("which", ["default_brief", "english_pdf_brief", "expenditure_pdf_brief"])
def test_no_word_runs_past_the_margin_on_any_page(which, request):
    brief = request.getfixturevalue(which)
    assert len(pages_of(brief.out_dir / "brief.pdf")) >= 4
    assert words_outside_margins(brief) == []


def test_the_margin_check_sees_a_table_that_runs_off_the_page(default_brief, tmp_path):
    """The check is not blind: a table wider than the text width (but not than the paper) is reported."""
    from types import SimpleNamespace

    from reports.pdf import html_to_pdf

    wide = default_brief.pdf_html.replace("<body>", '<body><table style="width:188mm;table-layout:fixed"><tr><td>kiri</td><td style="text-align:right">kananjauh</td></tr></table>', 1)
    (tmp_path / "brief.pdf").write_bytes(html_to_pdf(wide))
    outside = words_outside_margins(SimpleNamespace(pdf_html=wide, out_dir=tmp_path))
    assert any(word == "kananjauh" for _, word, _ in outside)


def test_the_pdf_carries_the_verification_summary_and_the_html_every_claim(default_brief):
    claims = default_brief.verification.claims
    assert f"<td>{claims[-1].id}</td>" in default_brief.html
    assert f"<td>{claims[-1].id}</td>" not in default_brief.pdf_html
    assert "verification.html" in default_brief.pdf_html
    page = (default_brief.out_dir / "verification.html").read_text(encoding="utf-8")
    assert all(f"<td>{c.id}</td>" in page for c in claims)
    text = " ".join(page_text(default_brief, n) for n in range(1, len(pages_of(default_brief.out_dir / "brief.pdf")) + 1))
    assert "Lampiran B. Verifikasi" in text and "--pdf-appendix full" in text


def test_pdf_appendix_full_typesets_every_claim_and_review_status_final_drops_the_draft_mark(simple_csv, simple_spec):
    summary = run_brief(settings(data=simple_csv, spec=simple_spec, k=3), write=False)
    full = run_brief(settings(data=simple_csv, spec=simple_spec, k=3, pdf_appendix="full", review_status="final"), write=False)
    last = f"<td>{full.verification.claims[-1].id}</td>"
    assert last in full.pdf_html and last not in summary.pdf_html
    assert "DRAF" in summary.markdown.split("## ")[0] and "DRAF" not in full.markdown.split("## ")[0]
    assert "Final" in full.markdown.split("## ")[0]


def test_a_table_of_many_columns_gets_a_landscape_page_and_stays_inside_it(tmp_path):
    from types import SimpleNamespace

    from reports.pdf import html_to_pdf
    from reports.render import render_html

    header = "| Provinsi | " + " | ".join(f"Indikator nomor {i}" for i in range(1, 12)) + " |"
    rows = "\n".join("| Kepulauan Bangka Belitung | " + " | ".join(f"{1000 + 37 * i + r:.2f}".replace(".", ",") for i in range(11)) + " |" for r in range(5))
    markdown = f"# Judul\n\n## Ringkasan eksekutif\n\nTeks.\n\n## Lampiran A. Nilai per provinsi\n\n{header}\n|---|{'---:|' * 11}\n{rows}\n"
    page = render_html(markdown, title="Judul", lang="id")
    classes = re.search(r'<section class="([^"]*)">\s*<h2 id="[^"]+">Lampiran A', page).group(1).split()
    assert {"appendix", "units", "wide"} <= set(classes)
    (tmp_path / "brief.pdf").write_bytes(html_to_pdf(page))
    sizes = [(w, h) for w, h, _ in pages_of(tmp_path / "brief.pdf")]
    assert any(w > h for w, h in sizes) and any(h > w for w, h in sizes)  # the wide table's page turns, the others not
    assert words_outside_margins(SimpleNamespace(pdf_html=page, out_dir=tmp_path)) == []
