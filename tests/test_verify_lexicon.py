"""The lexicons' [notes]: a verdict's "why" in the text's language, the same notes in every shipped language."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from interpret.errors import ConfigError
from interpret.terms import Verdict
from interpret.verification import Verifier
from interpret.verification.lexicon import load_lexicon

from .test_verify import facts_for

SOURCES = Path(__file__).resolve().parents[1] / "interpret" / "verification"


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_shipped_language_has_the_same_notes_with_the_same_fields():
    id_notes, en_notes = load_lexicon("id").notes, load_lexicon("en").notes
    assert id_notes.keys() == en_notes.keys()
    assert {k: fields(v) for k, v in id_notes.items()} == {k: fields(v) for k, v in en_notes.items()}


def test_every_note_the_checks_say_is_in_the_lexicons():
    said = set()
    for path in SOURCES.glob("*.py"):
        source = path.read_text(encoding="utf-8")
        said |= set(re.findall(r'\bsay\(\s*"([a-z_]+)"', source))
        said |= {m for pair in re.findall(r'\bsay\(\s*"([a-z_]+)" if [^,()]+ else "([a-z_]+)"', source) for m in pair}
    said |= {f"qualifier_{q}" for q in ("approx", "above", "below", "nearly")}
    assert len(said) > 40
    assert said <= load_lexicon("en").notes.keys(), said - load_lexicon("en").notes.keys()


def test_a_note_of_an_english_text_is_english_and_of_an_indonesian_text_indonesian():
    en = Verifier(facts_for(), locale="en").verify_text("Bali is in Cluster 4.").claims
    assert en and en[0].verdict == Verdict.FALSE and en[0].note.startswith("Bali is in Cluster ")
    id_ = Verifier(facts_for(), locale="id").verify_text("Bali berada di Klaster 4.").claims
    assert id_ and id_[0].verdict == Verdict.FALSE and id_[0].note.startswith("Bali berada di Klaster ")


def test_a_missing_note_is_a_config_error_that_names_the_lexicon_and_the_key():
    with pytest.raises(ConfigError, match=r"lexicon\.toml.*\[notes\] lacks 'no_such_note'"):
        load_lexicon("en").note("no_such_note")
    with pytest.raises(ConfigError, match=r"field 'member'"):
        load_lexicon("en").note("unit_value")
