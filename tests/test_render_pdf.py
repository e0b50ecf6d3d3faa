"""brief.pdf (WeasyPrint, the `pdf` extra): pages as PNG are not blank, page numbers, contents;
and a clear message naming the extra when WeasyPrint is missing."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from interpret.cli import app
from interpret.errors import ConfigError
from reports import pdf as pdf_module

from .test_render_chromium import png_pixels


def tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"`{name}` is missing: `./dev test` installs poppler-utils (apt-get install poppler-utils) when run as root.")
    return path


def test_pdf_is_written_by_default_and_its_first_pages_are_not_blank(default_brief, tmp_path):
    assert pdf_module.pdf_available(), "the test extras install WeasyPrint (the `pdf` extra)"
    path = default_brief.out_dir / "brief.pdf"
    assert path.read_bytes()[:5] == b"%PDF-"
    subprocess.run([tool("pdftoppm"), "-r", "40", "-f", "1", "-l", "4", "-png", str(path), str(tmp_path / "page")], check=True)
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) == 4
    for page in pages:
        pixels = png_pixels(page.read_bytes())[..., :3]
        assert (pixels.mean(axis=2) < 0.9).mean() > 0.005, f"{page.name} is blank"


def test_pdf_has_page_numbers_a_table_of_contents_and_the_charts(default_brief):
    path = default_brief.out_dir / "brief.pdf"
    text = subprocess.run([tool("pdftotext"), "-layout", str(path), "-"], check=True, capture_output=True, text=True).stdout
    pages = text.split("\f")
    total = len([p for p in pages if p.strip()])
    assert total > 5
    assert f"1 / {total}" in pages[0] and f"{total} / {total}" in pages[total - 1]
    contents = next(p for p in pages if "Daftar isi" in p)
    assert pages.index(contents) <= 1  # right after the summary: page 1 is the brief's message
    # Each contents line ends with the page its section starts on.
    lines = [line for line in contents.splitlines() if "Klaster 1:" in line]
    assert lines and lines[0].rstrip()[-1].isdigit()
    for title in ("Sebaran unit pada dua komponen utama", "Peta klaster provinsi", "Lampiran C. Provenans"):
        assert title in text


def test_missing_weasyprint_is_a_clear_message(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "weasyprint", None)  # import weasyprint now raises ImportError
    assert not pdf_module.pdf_available()
    pdf, note = pdf_module.brief_pdf("<html></html>", "auto")
    assert pdf is None and "pip install 'interpret[pdf]'" in note
    assert pdf_module.brief_pdf("<html></html>", "off") == (None, None)
    with pytest.raises(ConfigError, match=r"interpret\[pdf\]"):
        pdf_module.brief_pdf("<html></html>", "on")
    runner = CliRunner()
    result = runner.invoke(app, ["run", "--provider", "none", "--pdf", "--out", str(tmp_path / "b")], env={}, catch_exceptions=False)
    assert result.exit_code == 2 and "interpret[pdf]" in result.output
    result = runner.invoke(app, ["run", "--provider", "none", "--out", str(tmp_path / "c")], env={"INTERPRET_PDF": "auto"}, catch_exceptions=False)
    assert result.exit_code == 0 and "interpret[pdf]" in result.output  # auto: said, and the rest is written
    assert sorted(p.name for p in (tmp_path / "c").iterdir()) == ["assignments.csv", "brief.html", "brief.md", "result.json", "verification.html"]


def test_pdf_setting_is_validated():
    from .conftest import settings

    with pytest.raises(ConfigError, match="pdf = 'maybe'"):
        settings(pdf="maybe")
    assert settings(pdf="on").pdf == "on"


def test_pdf_setting_accepts_yes_no_from_a_config_file(tmp_path):
    from interpret.config import resolve_settings

    config = tmp_path / "interpret.toml"
    config.write_text("pdf = false\n", encoding="utf-8")
    assert resolve_settings({}, environ={}, dotenv_path=None, config_path=config).pdf == "off"
