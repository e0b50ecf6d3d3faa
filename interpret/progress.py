"""Progress messages that the console words in the run's language.

A stage reports `say(stage, message)` and never prints. When a message is a `Note`, it carries a key
of the console catalogue (interpret/languages/<code>/console.toml, table [note]) and its values; the
command line words it in the language of the run (`--lang`). A `Note` is also a `str`: its text in
the data language (Indonesian), so a library caller that logs or tests the messages sees plain text.

    say("facts", Note.of("facts", n=len(facts.index)))       # "1.116 fakta" / "1,116 facts"

Values are worded by the language too: a whole number gets its thousands separator, a list is
joined ("5, 10 dan 14"), a `Units` becomes the unit noun of that language, a nested Note its text.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from .language import DATA_LANGUAGE, Language, load_language

CONSOLE = ("console",)  # the catalogue part of the console text


class Units(NamedTuple):
    """A data set's unit noun as the spec writes it; the console says it in the run's language."""

    unit: str
    unit_plural: str


class Note(str):
    """A progress message: a [note] key of console.toml and its values; as a str, its Indonesian text."""

    key: str
    values: dict[str, Any]

    def __new__(cls, key: str, values: dict[str, Any], text: str) -> "Note":
        note = super().__new__(cls, text)
        note.key, note.values = key, values
        return note

    def __reduce__(self):  # copy and pickle rebuild it with its key, not only its text
        return Note, (self.key, self.values, str(self))

    @classmethod
    def of(cls, key: str, **values: Any) -> "Note":
        return cls(key, values, word(key, values, console_language(DATA_LANGUAGE)))

    def worded(self, language: Language) -> str:
        """The message in `language` (loaded with the console part)."""
        return word(self.key, self.values, language)


def redacted(said) -> str:
    """`said` without a secret (interpret.redaction), still a `Note` when it was one (an exception's only
    argument may be one): its key lets the reader word it in their language. A Note whose text held a
    secret becomes the redacted text (in the data language)."""
    from .redaction import redact

    said = said.args[0] if isinstance(said, Exception) and len(said.args) == 1 and isinstance(said.args[0], Note) else said
    text = redact(str(said))
    return said if isinstance(said, Note) and text == str(said) else text


def relay_events(say):
    """A progress callback that turns clustering's progress events (clustering.dask_engine.ProgressEvent:
    a [note] key and its values; clustering holds no catalogue) into notes, worded in the run's language."""

    def relay(stage: str, message: str) -> None:
        key = getattr(message, "key", None)
        say(stage, Note.of(key, **message.values) if key and not isinstance(message, Note) else message)

    return relay


def reason(provider: str, why: str, **values: Any) -> Note:
    """Why a provider cannot be used ("watsonx: tidak ada kunci API (…)"): a [note] reason_<why>, prefixed by the provider."""
    return Note.of("prefixed", provider=provider, reason=Note.of(f"reason_{why}", **values))


def console_language(code: str | Language, extra_dirs=()) -> Language:
    """The language `code` with its console catalogue (console.toml) loaded."""
    return load_language(code, extra_dirs, parts=CONSOLE)


def word(key: str, values: dict[str, Any], language: Language) -> str:
    return language.t(f"console.note.{key}", **{name: _worded(value, language) for name, value in values.items()})


def _worded(value: Any, language: Language) -> str:
    if isinstance(value, Note):
        return value.worded(language)
    if isinstance(value, Units):
        return language.unit_word(value.unit, value.unit_plural)
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return language.number(value, 0)
    if isinstance(value, (list, tuple)):
        if value and all(isinstance(v, Note) for v in value):
            return "; ".join(_worded(v, language) for v in value)  # one clause per item: "watsonx dilewati (…); ollama …"
        return language.join([_worded(v, language) for v in value])
    return str(value)


__all__ = ["CONSOLE", "Note", "Units", "console_language", "reason", "word"]
