"""The words the checks look for, one data file per language: interpret/languages/<code>/lexicon.toml.

Each entry of `[words]` is a regular-expression fragment; the checks compile them once (`rx`). The
words live in data so a reviewer can read what counts as, say, a homogeneity claim without reading
code, and so a new language costs one file: `Verifier(facts, locale="xx")` works for any code whose
folder holds a lexicon.toml (shipped, or in `languages_dir`).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..errors import ConfigError
from ..languages import language_file
from ..numbers import NumberLocale
from ..terms import ClaimKind, Direction, Verdict

# Entries every checker reads; a checker adds its own through `required_words` (see checkers.py).
CORE_WORDS = ("cluster_word", "this_cluster", "clause_break", "membership", "all_features", "negation")


@dataclass(frozen=True)
class Lexicon:
    code: str
    path: str
    words: dict[str, str]  # name → regex fragment
    stat_words: tuple[tuple[str, str], ...]  # (pattern, fact kind), in the file's order
    # the tables below include those of the `reads_also` languages: a draft mixes "Cluster 2" and "klaster kedua"
    ordinals: dict[str, int]
    number_words: dict[str, int]
    header_stats: dict[str, str]  # table header (lower case) → statistic
    multipliers: dict[str, float]  # "juta" → 1e6
    table_directions: dict[str, Direction]  # a table's position cell ("di atas") → its direction
    numbers: NumberLocale
    mixed_with: str | None  # a language whose sentences may appear in this one's texts
    function_words: str  # a regex of short words that tell this language apart (for `mixed_with`)
    concepts: dict[str, str]  # fact id → a phrase naming that run-level fact
    verdicts: dict[Verdict, str]
    kinds: dict[ClaimKind, str]
    repairs: dict[str, str] = field(default_factory=dict)
    fractions: dict[str, float] = field(default_factory=dict)  # "separuh" → 0.5: a share of a group's members (counts.py)
    theme_words: dict[str, str] = field(default_factory=dict)  # a spec theme → the dimension words that name its indicators
    listing: dict[str, str] = field(default_factory=dict)  # the column and summary words of `interpret verify` (listing.py)
    contract: dict = field(default_factory=dict)  # a model's answer: meta phrases it may not write, violation messages (interpret.llm.parsing)
    notes: dict[str, str] = field(default_factory=dict)  # why a verdict was reached: key → text with {fields} (`Verifier.say`)

    def __getattr__(self, name: str) -> str:
        # `lex.negation`: the checks read their fragments as attributes
        words = self.__dict__.get("words", {})
        if name in words:
            return words[name]
        raise AttributeError(f"lexicon {self.__dict__.get('path', '?')} has no [words] entry {name!r}")

    def note(self, key: str, **values) -> str:
        """The [notes] text `key` with its fields filled in: the checks decide what to say, the lexicon how."""
        try:
            return self.notes[key].format(**values)
        except KeyError as exc:
            raise ConfigError(f"{self.path}: [notes] lacks {key!r} or its field {exc} (needed by the verifier). Add it, e.g. copied from interpret/languages/en/lexicon.toml.") from None

    def require(self, names, who: str) -> None:
        missing = [n for n in names if n not in self.words]
        if missing:
            raise ConfigError(f"{self.path}: [words] lacks {', '.join(missing)} (needed by {who}). Add them, e.g. copied from interpret/languages/en/lexicon.toml.")


def _read(code: str, languages_dir: str | None) -> tuple[Path, dict]:
    path = language_file(code, "lexicon.toml", [languages_dir] if languages_dir else [])
    try:
        return path, tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"Lexicon {path} is not valid UTF-8 TOML: {exc}. Fix the syntax.") from None


def _merged(tables: list[dict]) -> dict:
    merged: dict = {}
    for table in tables:
        for key, value in table.items():
            merged.setdefault(key, value)
    return merged


@lru_cache(maxsize=None)
def load_lexicon(code: str, languages_dir: str | None = None) -> Lexicon:
    """The lexicon of language `code` (cached: a Verifier is built per section and per thread)."""
    path, raw = _read(code, languages_dir)
    try:
        others = [_read(other, languages_dir)[1] for other in raw.get("reads_also", [])]
        numbers = raw.get("numbers", {})

        def shared(section: str) -> dict:
            return _merged([raw.get(section, {})] + [o.get(section, {}) for o in others])

        return Lexicon(
            code=code,
            path=str(path),
            words={k: str(v) for k, v in raw["words"].items()},
            stat_words=tuple((str(p), str(kind)) for kind, p in raw.get("stat_words", {}).items()),
            # longest first: the checks join them into one alternation, where "ketiga" would end "ketiga belas" (13th) at 3
            ordinals={k.lower(): int(v) for k, v in sorted(shared("ordinals").items(), key=lambda kv: -len(kv[0]))},
            number_words={k.lower(): int(v) for k, v in shared("number_words").items()},
            header_stats={k.lower(): str(v) for k, v in shared("header_stats").items()},
            multipliers={k.lower(): float(v) for k, v in shared("multipliers").items()},
            table_directions={k.lower(): Direction(v) for k, v in shared("table_directions").items()},
            numbers=NumberLocale(str(numbers.get("thousands", ",")), str(numbers.get("decimal", "."))),
            mixed_with=numbers.get("mixed_with"),
            function_words=str(numbers.get("function_words", r"(?!)")),
            concepts={k: str(v) for k, v in raw.get("concepts", {}).items()},
            fractions={k.lower(): float(v) for k, v in shared("fractions").items()},
            theme_words={k: str(v) for k, v in raw.get("theme_words", {}).items()},
            verdicts={Verdict(k): str(v) for k, v in raw["verdicts"].items()},
            kinds={ClaimKind(k): str(v) for k, v in raw["kinds"].items()},
            repairs={k: str(v) for k, v in raw.get("repairs", {}).items()},
            listing={k: str(v) for k, v in raw.get("listing", {}).items()},
            contract=dict(raw.get("contract", {})),
            notes={k: str(v) for k, v in raw.get("notes", {}).items()},
        )
    except (KeyError, ValueError, TypeError, AttributeError) as exc:
        raise ConfigError(f"Lexicon {path}: {type(exc).__name__}: {exc}. Compare it with interpret/languages/id/lexicon.toml.") from None


def verdict_word(verdict: Verdict | str, lang: str = "id", languages_dir: str | None = None) -> str:
    """How language `lang` names a verdict: Verdict.FALSE → "salah" (id), "false" (en)."""
    return load_lexicon(lang, languages_dir).verdicts[Verdict(verdict)]


def kind_word(kind: ClaimKind | str, lang: str = "id", languages_dir: str | None = None) -> str:
    """How language `lang` names a kind of claim: ClaimKind.DIRECTION → "arah" (id)."""
    return load_lexicon(lang, languages_dir).kinds[ClaimKind(kind)]


def repair_word(action: str, lang: str = "id", languages_dir: str | None = None) -> str:
    """How language `lang` names a repair action ("remove" → "dihapus"), or the mark ("unverified_mark")."""
    return load_lexicon(lang, languages_dir).repairs[str(action)]


@lru_cache(maxsize=None)
def rx(pattern: str, flags: int = re.IGNORECASE) -> re.Pattern:
    """Compile once: the checks call this with lexicon fragments on every sentence."""
    return re.compile(pattern, flags)


__all__ = ["CORE_WORDS", "Lexicon", "kind_word", "load_lexicon", "repair_word", "rx", "verdict_word"]
