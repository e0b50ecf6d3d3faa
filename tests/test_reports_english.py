"""--lang en: an English brief (templates, labels, number formats), verified in English."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from interpret import run_brief
from interpret.cli import app
from interpret.errors import ConfigError
from interpret.verify import Verifier

from .conftest import settings


@pytest.fixture(scope="module")
def english_brief(tmp_path_factory):
    return run_brief(settings(lang="en", provider="none", pdf="off", out=tmp_path_factory.mktemp("english")))


def numbers_before_appendix(markdown: str, facts) -> list[str]:
    body = markdown.split("## Appendix A")[0]
    body = re.sub(r"[Cc]luster \d+", "", body)
    for f in facts.features:
        body = body.replace(f.label, "")
    return re.findall(r"(?<![\w.,])[+-]?\d(?:[\d,]*\d)?(?:\.\d+)?", body)  # "11,470", "73.13", not "4," 


def test_every_number_in_the_english_brief_is_verified_and_none_is_false(english_brief):
    markdown = english_brief.markdown
    claims = english_brief.verification.claims
    numbers = numbers_before_appendix(markdown, english_brief.facts)
    number_claims = [c for c in claims if c.kind == "angka"]
    assert len(number_claims) == len(numbers)
    assert sorted(re.sub(r"[^\d.,+-]", "", c.value) for c in number_claims) == sorted(numbers)
    assert english_brief.verification.counts["salah"] == 0
    assert all(c.verdict == "benar" for c in claims)
    # Independently: the English verifier over the whole body agrees.
    again = Verifier(english_brief.facts, locale="en").verify_markdown(markdown.split("## Appendix A")[0])
    assert again.counts == english_brief.verification.counts


def test_english_numbers_labels_and_sections(english_brief):
    md = english_brief.markdown
    for heading in ("## Executive summary", "## Data and method", "## Cluster 1: High achievement", "## Conclusion", "## Appendix A. Verification", "## Appendix B. Provenance"):
        assert heading in md
    assert "| Pengeluaran per kapita disesuaikan | 15,376 | 14,924 |" in md  # thousands with ","
    assert "75.10 years, 2.7% above the provincial average (73.13 years)" in md  # decimals with "."
    assert "62.9%" in md
    assert "Klaster" not in md.split("## Appendix A")[0] and "rata-rata provinsi" not in md
    sources = {s.provider for s in english_brief.drafts.sources}
    assert sources == {"rule-based (en)"}


def test_english_html_and_charts(english_brief):
    html = (english_brief.out_dir / "brief.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in html
    assert '<p class="toc-title">Contents</p>' in html
    sections = re.split(r'<h2 id="[^"]+">', html)
    charts = next(s for s in sections if s.startswith("Charts"))
    assert 'id="fig-pca"' in charts and 'id="fig-map"' in charts
    assert 'id="fig-profile-2"' in next(s for s in sections if s.startswith("Cluster 2:"))
    assert "Map of province clusters" in html and "Peta klaster" not in html
    labels = dict(zip(english_brief.assignments["klaster"], english_brief.assignments["label"]))
    assert labels[1] == "High achievement"


def test_english_golden(english_brief):
    from .test_render_golden import check_golden

    check_golden("ipm_2023_provinsi.en.md", english_brief.markdown)


def test_lang_is_validated():
    with pytest.raises(ConfigError, match="lang = 'fr'"):
        settings(lang="fr")
    result = CliRunner().invoke(app, ["run", "--lang", "fr"], env={}, catch_exceptions=False)
    assert result.exit_code == 2 and "id, en" in result.output
