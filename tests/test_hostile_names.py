"""Names are data everywhere: unit ids, the title, a source and a feature label carrying Markdown, HTML,
URLs, spreadsheet formulas and mathtext reach every file of the brief as text, never as markup."""

from __future__ import annotations

import csv
import html as html_lib
import io
import re
from html.parser import HTMLParser

import pandas as pd
import pytest

from interpret.csv_cells import neutralise, restore
from reports.html import markdown_to_html
from reports.render import md_text

from .conftest import SIMPLE_SPEC, settings
from .test_render_chromium import chromium, load, open_page  # noqa: F401 - the browser fixture

OUTSIDE = "http://127.0.0.1:9"  # nothing listens there; a request would show in Chromium's log anyway
HOSTILE_IDS = [
    f"![x]({OUTSIDE}/pixel.png)",
    "[klik](javascript:alert(1))",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    f'=HYPERLINK("{OUTSIDE}/f")',
    "+SUM(1+1)",
    "-2+3",
    "@cmd",
    "\t=1+2",
    r"$x^2$ \frac{a}{b}",
    "*tebal* `kode`",
    f"<{OUTSIDE}/auto>",
]
SPEC = (SIMPLE_SPEC
        .replace('title = "Data uji"', f'title = "Data <script>alert(3)</script> ![t]({OUTSIDE}/t.png)"\n'
                 f'source = "BPS <img src=y onerror=alert(2)> [s]({OUTSIDE}/s)"')
        .replace('label = "Indikator A"', f'label = "Indikator [A]({OUTSIDE}/a) $y$"'))


class Elements(HTMLParser):
    """Every start tag of a page with its attributes."""

    def __init__(self):
        super().__init__()
        self.seen: list[tuple[str, list]] = []

    def handle_starttag(self, tag, attrs):
        self.seen.append((tag, attrs))


@pytest.fixture(scope="module")
def hostile_brief(tmp_path_factory):
    from interpret import run_brief

    folder = tmp_path_factory.mktemp("hostile")
    rows = [{"Provinsi": name, "A": 70 + (i % 5) * 0.7, "B": 9000 + i * 137} for i, name in enumerate(HOSTILE_IDS)]
    pd.DataFrame(rows).to_csv(folder / "jahat.csv", index=False)
    (folder / "jahat.toml").write_text(SPEC, encoding="utf-8")
    return run_brief(settings(data=folder / "jahat.csv", spec=folder / "jahat.toml", out=folder / "out"))


def test_plain_names_are_printed_byte_for_byte():
    for name in ("D.I. Yogyakarta", "Kep. Bangka Belitung (Babel)", "ipm_2023_provinsi.csv", "Umur Harapan Hidup (UHH)", "A & B"):
        assert md_text(name) == name


@pytest.mark.parametrize("name", HOSTILE_IDS)
def test_an_escaped_name_renders_as_its_own_text(name):
    html = markdown_to_html(md_text(name))
    assert "<img" not in html and "<a" not in html and "<script" not in html and "<em>" not in html and "<code>" not in html
    plain = " ".join(name.split())
    assert html_lib.unescape(re.sub(r"<[^>]+>", "", html)).strip() == plain  # what a reader sees: the name as typed


def test_no_name_becomes_markup_in_brief_md(hostile_brief):
    markdown = hostile_brief.markdown
    unescaped = r"(?<!\\)"
    assert not re.search(unescaped + r"\][(\[]", markdown)  # no image, no link: each needs "](" or "]["
    assert not re.search(unescaped + r"<(script|img|/script|http)", markdown)  # no raw HTML, no autolink
    assert not re.search(unescaped + r"`kode", markdown) and not re.search(unescaped + r"\*tebal", markdown)
    assert "\\<script\\>alert(1)\\</script\\>" in markdown and "![x\\](http://127.0.0.1:9/pixel.png)" in markdown  # printed, as text
    rendered = markdown_to_html(markdown)
    assert "<img" not in rendered and "<script" not in rendered and "<em>tebal" not in rendered and 'href="javascript' not in rendered


def test_no_name_becomes_an_element_or_attribute_in_brief_html(hostile_brief):
    html = hostile_brief.html
    assert "Content-Security-Policy" in html and "default-src 'none'" in html
    elements = Elements()
    elements.feed(html)
    assert not {"script", "img", "iframe", "object", "embed", "form", "link", "base"} & {tag for tag, _ in elements.seen}
    assert not re.search(r"url\(\s*['\"]?(?!#|data:)", html) and "@import" not in html  # no style fetches anything
    attributes = [(tag, name, value or "") for tag, attrs in elements.seen for name, value in attrs]
    assert not [a for a in attributes if a[1].startswith("on")]  # no event handler
    links = [value for tag, name, value in attributes if name in ("href", "xlink:href", "src", "action", "formaction")]
    inside = ("#", "data:image/png;base64,")  # an anchor, or matplotlib's colour bar (an <image> in the heatmap's SVG)
    assert links and all(v.startswith(inside) for v in links), [v for v in links if not v.startswith(inside)]  # nothing outside the page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html  # the name is there, as text
    assert len(re.findall(r"<svg\b", html)) == len(hostile_brief.charts) >= 3  # the charts survive the sanitiser


def test_charts_draw_dollar_signs_as_text(hostile_brief):
    svgs = "".join(c.svg for c in hostile_brief.charts)
    # The indicator label "… $y$" is drawn on the profile charts' axis: printed as typed, not parsed as mathtext.
    # (Unit names are drawn only by the PCA chart, which needs three indicators, and by the province map.)
    assert "$y$" in svgs


def test_assignments_csv_cells_are_never_formulas(hostile_brief, tmp_path):
    text = (hostile_brief.out_dir / "assignments.csv").read_text(encoding="utf-8")
    cells = [cell for row in csv.reader(io.StringIO(text)) for cell in row]
    assert not [c for c in cells if c[:1] in ("=", "+", "@", "\t", "\r") or (c[:1] == "-" and not re.fullmatch(r"-[\d.]+(e-?\d+)?", c))]
    ids = [row[0] for row in csv.reader(io.StringIO(text))][1:]
    assert "'=HYPERLINK(\"http://127.0.0.1:9/f\")" in ids and "'+SUM(1+1)" in ids and "'-2+3" in ids and "'@cmd" in ids
    assert not any(i.startswith("=1+2") for i in ids)  # a leading tab never turns into a bare formula


def test_neutralised_cells_read_back_exactly():
    frame = pd.DataFrame({"id": ["=1", "'=2", "''+3", "plain", "-x"], "v": [-1.5, 2.0, 3.0, 4.0, 5.0]})
    safe = neutralise(frame)
    assert safe["id"].tolist() == ["'=1", "''=2", "'''+3", "plain", "'-x"] and safe["v"].tolist() == [-1.5, 2.0, 3.0, 4.0, 5.0]
    assert restore(safe).equals(frame)


def test_the_verifier_still_reads_the_hostile_brief(hostile_brief):
    from interpret.terms import Verdict

    counts = hostile_brief.verification.counts
    assert counts[Verdict.FALSE] == 0 and counts[Verdict.TRUE] > 50
    assert any(c.kind == "members" or "members" in (c.fact_id or "") for c in hostile_brief.verification.claims)


def test_opening_the_hostile_brief_makes_no_request(hostile_brief, chromium):  # noqa: F811 - the fixture
    page = open_page(chromium)
    try:
        others, failed = load(page, hostile_brief.out_dir / "brief.html")
        images = page.evaluate("document.images.length")
        links = page.evaluate("Array.from(document.links).map(a => a.getAttribute('href')).filter(h => !h.startsWith('#'))")
    finally:
        page.close()
    assert others == [] and failed == [] and images == 0 and links == []


# -- names that read as numbers: unit ids, renamed units and a title with years are data, never number claims --
NUMERIC_TITLE = "Rumah tangga contoh 2007-2022: 1.327 desa, 99,9 % lengkap"


@pytest.fixture(scope="module")
def numeric_names_brief(tmp_path_factory):
    """300 households with numeric ids (one an outlier), one unit renamed "Provinsi 99,99", a title with years and
    numbers; the k panel and the bootstrap both run on a sample of 100 (sample_size), as on a large table."""
    import numpy as np

    from interpret import run_brief

    folder = tmp_path_factory.mktemp("numeric")
    rng = np.random.default_rng(5)
    centres = np.array([[10.0, 40.0, 6.0], [20.0, 60.0, 9.0], [30.0, 80.0, 12.0]])
    values = np.vstack([c + rng.normal(0, 1.5, (100, 3)) for c in centres])
    values[7, 0] = 90.0  # one household far out on the first indicator: the outlier sentence names its id
    ids = [str(3990000 + i) for i in range(300)]
    ids[7], ids[8] = "3996083", "Provinsi 99,99"
    pd.DataFrame({"id": ids, "A": values[:, 0], "B": values[:, 1], "C": values[:, 2]}).to_csv(folder / "angka.csv", index=False)
    spec = f'''[dataset]
name = "angka"
title = "{NUMERIC_TITLE}"
unit = "rumah tangga"

[id]
column = "id"

[[features]]
column = "A"
label = "Pendapatan"
unit = "juta rupiah"
theme = "ekonomi"

[[features]]
column = "B"
label = "Luas rumah"
unit = "m²"
theme = "perumahan"

[[features]]
column = "C"
label = "Lama sekolah"
unit = "tahun"
theme = "pendidikan"
'''
    (folder / "angka.toml").write_text(spec, encoding="utf-8")
    return run_brief(settings(data=folder / "angka.csv", spec=folder / "angka.toml", out=folder / "out", k=3, k_panel="true",
                              sample_size=100, bootstrap=20))


def test_names_and_the_title_that_read_as_numbers_are_never_number_claims(numeric_names_brief):
    from interpret.terms import ClaimKind, Verdict

    claims = numeric_names_brief.verification.claims
    assert numeric_names_brief.verification.counts[Verdict.FALSE] == 0
    numbers = [c for c in claims if c.kind == ClaimKind.NUMBER]
    assert "3996083 pada Pendapatan (z = +" in numeric_names_brief.markdown  # listed among the outliers, and as a member
    written = {c.value for c in numbers}
    assert not written & {"3996083", "99,99", "2007", "2022", "1.327", "99,9 %"}
    assert not [c for c in numbers if NUMERIC_TITLE in c.text and c.fact_id == "DATA.year"]


def test_every_sample_size_the_method_states_is_bound_to_its_own_fact(numeric_names_brief):
    from interpret.terms import Verdict

    claims = numeric_names_brief.verification.claims
    bound = {(c.fact_id, c.verdict) for c in claims if c.value == "100" and "sampel acak" in c.text}
    # the panel's sample ("Silhouette … pada sampel acak 100") and the bootstrap's ("… replikasi (benih 42) pada sampel acak 100")
    assert bound == {("KSEL.sample_size", Verdict.TRUE), ("STAB.sample_size", Verdict.TRUE)}


def test_a_unit_the_facts_name_outside_the_member_lists_is_a_name():
    """A large (Dask) run lists few members: an outlier's id is still a name, not a number."""
    from interpret.terms import ClaimKind
    from interpret.verification import Verifier

    from .test_verify import facts_for

    facts = facts_for()
    papua = next(f for f in facts.index.values() if f.member == "Papua")
    renamed = {**facts.index, "ASSUME.outlier.x.UHH": dataclasses_replace(papua, id="ASSUME.outlier.x.UHH", member="3996083")}
    facts = facts.model_copy(update={"index": renamed})
    report = Verifier(facts).verify_text("Pencilan: 3996083 pada UHH (z = -2,10).")
    assert "3996083" not in {c.value for c in report.claims if c.kind == ClaimKind.NUMBER}


def test_a_name_that_reads_as_a_number_is_a_number_where_a_measure_follows():
    from interpret.verification.scope import NameMatcher
    from interpret.verification.lexicon import rx

    matcher = NameMatcher({"73,13": "73,13"}, rx(r"\s*(?:tahun|%)(?![\w])"))
    assert [m.text for m in matcher.find("Anggota: 73,13, Aceh.")] == ["73,13"]
    assert matcher.find("rata-rata provinsi (73,13 tahun)") == []


def dataclasses_replace(fact, **changes):
    import dataclasses

    return dataclasses.replace(fact, **changes)
