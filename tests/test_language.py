"""The language layer: the catalogue's formats and errors, and a pseudo-language built at test time
that renders a whole brief with no code change (what a third language costs: one catalogue, one
verification lexicon, one golden)."""

from __future__ import annotations

import dataclasses
import re
import shutil
from pathlib import Path

import pytest

from interpret.errors import ConfigError
from interpret.language import load_language
from interpret.languages import SHIPPED
from interpret.terms import Direction, StabilityLevel, Verdict

from .conftest import settings

MARKER = "⟦x⟧ "
# Tables whose values are formats, not words: a marker there would change how numbers and lists are written.
FORMAT_TABLES = {"language", "format", "lists.prose", "lists.plain"}


# -- formatting ------------------------------------------------------------------------------------------
def test_numbers_percents_and_units_are_written_the_language_way():
    ind, eng = load_language("id"), load_language("en")
    assert (ind.number(73.126, 2), ind.percent(62.93), ind.number(11470.4, 0)) == ("73,13", "62,9%", "11.470")
    assert (eng.number(73.126, 2), eng.percent(62.93), eng.number(11470.4, 0)) == ("73.13", "62.9%", "11,470")
    assert ind.number(2.5, 1, signed=True) == "+2,5" and eng.number(-2.5, 1, signed=True) == "-2.5"
    assert ind.with_unit("73,13", "tahun") == "73,13 tahun" and eng.with_unit("73.13", "tahun") == "73.13 years"
    assert eng.with_unit("5.0", "persen") == "5.0%" and ind.with_unit("5,0", "%") == "5,0%" and eng.with_unit("3", "") == "3"


def test_lists_ordinals_and_the_words_for_the_core_values():
    ind, eng = load_language("id"), load_language("en")
    assert ind.join(["A", "B", "C"], "prose") == "A, B, dan C" and ind.join(["A", "B", "C"]) == "A, B dan C"
    assert ind.join(["A", "B"], "prose") == "A dan B" and eng.join(["A", "B", "C"], "prose") == "A, B and C" and eng.join(["A"]) == "A"
    assert (ind.ordinal(2), eng.ordinal(2), eng.ordinal(15), eng.ordinal(16)) == ("kedua", "second", "fifteenth", "next")
    assert ind.word("direction", Direction.ABOVE) == "di atas" and eng.word("direction", Direction.EQUAL) == "similar"
    assert ind.word("verdict", Verdict.UNVERIFIABLE) == "tidak dapat diverifikasi" and eng.word("verdict", Verdict.FALSE) == "false"
    assert eng.word("stability", StabilityLevel.WEAK) == "less stable"
    assert eng.sector("bansos") == "social assistance (bansos)" and ind.sector("bansos") == "bansos" and eng.sector("lain") == "lain"


def test_every_shipped_language_has_the_same_keys():
    ind, eng = set(load_language("id").keys()), set(load_language("en").keys())
    word_maps = ("units.", "unit_nouns.", "sectors.", "reference.mean_by_unit.")  # translations of the data's words: per language
    assert {k for k in ind if not k.startswith(word_maps)} == {k for k in eng if not k.startswith(word_maps)}


# -- errors ----------------------------------------------------------------------------------------------
def test_a_missing_key_or_placeholder_names_the_file_and_the_key(tmp_path):
    folder = tmp_path / "zz"
    folder.mkdir()
    (folder / "brief.toml").write_text('[language]\nname = "Z"\nlocale = "en"\n[draft]\nmembers = "{size} {units} {oops}"\n', encoding="utf-8")
    lang = load_language("zz", [tmp_path])
    with pytest.raises(ConfigError, match=r"zz/brief.toml has no key 'draft.highest'"):
        lang.t("draft.highest", features="A")
    with pytest.raises(ConfigError, match=r"zz/brief.toml: 'draft.members' uses an unknown placeholder 'oops'"):
        lang.t("draft.members", size=3, units="u")
    with pytest.raises(ConfigError, match="Language 'qq' has no brief.toml"):
        load_language("qq", [tmp_path])


def test_a_broken_catalogue_is_a_config_error(tmp_path):
    (tmp_path / "zy").mkdir()
    (tmp_path / "zy" / "brief.toml").write_text("[language\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="not valid UTF-8 TOML"):
        load_language("zy", [tmp_path])


# -- the pseudo-language -----------------------------------------------------------------------------------
def pseudo_catalogue(source: str) -> str:
    """en/brief.toml with MARKER in front of every word and sentence (formats and table headers kept)."""
    out, table = [], ""
    for line in source.splitlines():
        header = re.match(r"^\[([^\]]+)\]\s*$", line)
        if header:
            table = header.group(1)
        elif "=" in line and not line.lstrip().startswith("#") and table not in FORMAT_TABLES:
            key, value = line.split(" = ", 1)
            if not key.strip().strip('"').endswith("header"):
                if value.startswith("["):  # a list of words: mark each
                    value = re.sub(r'"([^"]*)"', lambda m: '"' + MARKER + m.group(1) + '"', value)
                else:
                    value = value.replace('"', '"' + MARKER, 1)
            line = f"{key} = {value}"
        out.append(line)
    return "\n".join(out) + "\n"


@pytest.fixture(scope="module")
def pseudo_languages(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("languages")
    folder = base / "xx"
    folder.mkdir()
    (folder / "brief.toml").write_text(pseudo_catalogue((SHIPPED / "en" / "brief.toml").read_text(encoding="utf-8")), encoding="utf-8")
    lexicon = SHIPPED / "en" / "lexicon.toml"
    if lexicon.is_file():
        shutil.copy(lexicon, folder / "lexicon.toml")
    return base


def pseudo_settings(languages_dir: Path, **cli):
    base = settings(pdf="off", **cli)
    if "languages_dir" in {f.name for f in dataclasses.fields(base)}:  # the setting: lang is validated by its catalogue
        return settings(pdf="off", lang="xx", languages_dir=languages_dir, **cli)
    # Until the settings declare `languages_dir`, the test sets it on the frozen settings object itself.
    pseudo = dataclasses.replace(base, lang="xx")
    object.__setattr__(pseudo, "languages_dir", languages_dir)
    return pseudo


def test_the_pseudo_catalogue_marks_words_and_keeps_formats(pseudo_languages):
    lang = load_language("xx", [pseudo_languages])
    assert lang.t("brief.cluster_name", n=2) == MARKER + "Cluster 2"
    assert lang.ordinal(1) == MARKER + "first" and lang.percent(62.9) == "62.9%" and lang.join(["A", "B"]) == "A and B"
    assert lang.t("brief.features_header").startswith("| ")


def test_a_pseudo_language_renders_a_whole_verified_brief_with_no_code_change(pseudo_languages):
    from interpret import run_brief

    if not (pseudo_languages / "xx" / "lexicon.toml").is_file():
        pytest.skip("the verifier's lexicons are not data files yet (branch verify)")
    brief = run_brief(pseudo_settings(pseudo_languages, provider="none", seed=42), write=False)
    body = brief.markdown.split("\n## " + MARKER + "Appendix A", 1)[0]
    assert "\n## " + MARKER + "Appendix A" in brief.markdown
    paragraphs = [p for p in re.split(r"\n\s*\n", body) if p.strip() and not p.lstrip().startswith("|")]
    unmarked = [p for p in paragraphs if MARKER not in p]
    assert not unmarked, f"{len(unmarked)} paragraphs without the marker, e.g. {unmarked[0]!r}"
    counts = {str(k): v for k, v in brief.verification.counts.items()}
    assert sum(counts.values()) > 300
    assert all(v == 0 for k, v in counts.items() if k not in ("true", "benar")), counts
    assert '<html lang="xx">' in brief.html and MARKER + "Contents" in brief.html
