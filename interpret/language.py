"""The brief's language: every word and sentence, and how numbers, units and lists are written.

A `Language` is loaded from `interpret/languages/<code>/brief.toml` (or a user's folder, see
`interpret.languages`). Code decides *what* to say and asks the language *how*:

    lang = load_language("en")
    lang.t("draft.members", size=5, units="provinces", ordinal="second")   # a sentence by id
    lang.word("direction", Direction.ABOVE)                                 # "above"
    lang.number(73.125, 2), lang.percent(62.9), lang.with_unit("75.10", "tahun")
    lang.join(["A", "B", "C"], "prose")

The catalogue is flat to the code: a TOML table path joined with dots is a key ("draft.members").
Other catalogues of the language join it under their name: `load_language("en", parts=("console",))`
adds console.toml as "console.…" (interpret.progress: what the command line prints).
Nothing falls back silently: a missing key or placeholder is a ConfigError naming the file and key,
so a translator sees at once what is missing.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Sequence

from .errors import ConfigError
from .languages import language_file
from .numbers import format_number

# The language of the facts' own texts (Fact.text: "73,13 tahun", a direction as "di atas") and of
# the LLM prompts: Indonesian, whatever the brief's language.
DATA_LANGUAGE = "id"


def _flatten(table: dict, prefix: str = "") -> dict[str, object]:
    flat: dict[str, object] = {}
    for key, value in table.items():
        path = f"{prefix}{key}"
        if isinstance(value, dict):
            flat[path] = value  # a whole table stays reachable (a word map: units, sectors, ...)
            flat.update(_flatten(value, path + "."))
        else:
            flat[path] = value
    return flat


class Language:
    """One language's catalogue (brief.toml), with formatting bound to its Babel locale."""

    def __init__(self, code: str, path: Path, catalogue: dict, search_dirs: tuple[str, ...] = ()):
        self.code = code
        self.path = path
        self.search_dirs = search_dirs  # the user folders it was looked up in: the verifier finds its lexicon there too
        self._flat = _flatten(catalogue)
        self.locale = str(self._get("language.locale"))
        self.name = str(self._get("language.name"))

    def __repr__(self) -> str:
        return f"Language({self.code!r}, {str(self.path)!r})"

    # -- lookup ---------------------------------------------------------------------------------
    def _get(self, key: str):
        try:
            return self._flat[key]
        except KeyError:
            raise ConfigError(f"Language file {self.path} has no key '{key}'. Add it (see interpret/languages/en/brief.toml).") from None

    def keys(self) -> list[str]:
        """Every sentence and word key (a translator's checklist; the tests compare languages with it)."""
        return [k for k, v in self._flat.items() if isinstance(v, str)]

    def t(self, key: str, **values) -> str:
        """The sentence `key`, its {placeholders} filled from `values`."""
        template = self._get(key)
        if not isinstance(template, str):
            raise ConfigError(f"Language file {self.path}: '{key}' is a table or list, not a sentence.")
        return self.t_template(template, key, **values)

    def t_template(self, template: str, key: str, **values) -> str:
        """A template of the catalogue (one frame of a list) filled; `key` names it in the error."""
        try:
            return template.format(**values)
        except (KeyError, IndexError) as exc:
            known = ", ".join("{" + v + "}" for v in values) or "none"
            raise ConfigError(f"Language file {self.path}: '{key}' uses an unknown placeholder {exc}; known: {known}.") from None

    def word(self, group: str, value) -> str:
        """The word for an enum value or an identifier: word("direction", Direction.ABOVE)."""
        return self.t(f"{group}.{value}")

    def lookup(self, group: str, value: str) -> str:
        """A translation from an optional word map (units, sectors, unit nouns): the value itself when absent."""
        table = self._flat.get(group) or {}
        found = table.get(value) if isinstance(table, dict) else None
        return found if isinstance(found, str) else value

    def words(self, key: str) -> list[str]:
        value = self._get(key)
        if not isinstance(value, list):
            raise ConfigError(f"Language file {self.path}: '{key}' must be a list.")
        return [str(v) for v in value]

    # -- numbers, units, lists -------------------------------------------------------------------
    def number(self, value, decimals: int = 2, signed: bool = False) -> str:
        return format_number(value, decimals, signed=signed, locale=self.locale)

    def percent(self, value, decimals: int = 1) -> str:
        return self.t("format.percent", number=self.number(value, decimals))

    def unit(self, unit: str) -> str:
        """A feature's unit in this language ("tahun" → "years"); "%" stays "%"."""
        return self.lookup("units", unit) if unit else unit

    def with_unit(self, text: str, unit: str) -> str:
        """'73.13' + 'tahun' → '73.13 years'; a percent unit is written as the language writes percents."""
        unit = self.unit(unit)
        if not unit:
            return text
        if unit == "%":
            return self.t("format.percent", number=text)
        return self.t("format.with_unit", number=text, unit=unit).strip()

    def money(self, value: float, unit: str, *, per: bool = True) -> str | None:
        """A value in a money unit of the catalogue's [money] table, the way a reader says money:
        15 376 "ribu rupiah/orang/tahun" → "Rp15,4 juta per orang per tahun" (one decimal in juta, whole
        ribu below a million). None when the unit is not money (the caller writes it with its unit).
        The verifier reads "Rp15,4 juta" back as 15 400 000 rupiah with the precision of its digits."""
        table = self._flat.get("money") or {}
        style = table.get(unit) if isinstance(table, dict) else None
        if not isinstance(style, dict):
            return None
        rupiah = float(value) * float(style.get("factor", 1))
        size = abs(rupiah)
        if size >= 1e6:
            text = self.t("format.money_million", number=self.number(rupiah / 1e6, 1))
        elif size >= 1e3:
            text = self.t("format.money_thousand", number=self.number(rupiah / 1e3, 0))
        else:
            text = self.t("format.money_plain", number=self.number(rupiah, 0))
        return text + (str(style.get("per", "")) if per else "")

    def value(self, value: float, decimals: int, unit: str, *, per: bool = True) -> str:
        """A feature's value in running prose: money as money ("Rp15,4 juta per orang per tahun"),
        anything else as its number and unit ("75,10 tahun"). `per=False` drops the "per orang per
        tahun" tail (a second figure of the same sentence)."""
        money = self.money(value, unit, per=per)
        return money if money is not None else self.with_unit(self.number(value, decimals), unit)

    # -- the spec's words in this language ---------------------------------------------------------
    def text(self, item, field: str):
        """A spec word in this language: the English twin `<field>_en` (label_en, title_en…) in an
        English brief when the spec gives it, else the spec's own (Indonesian) words, printed as data.
        The rule is the same for every field, so a spec can be translated one key at a time."""
        twin = getattr(item, f"{field}_{self.code.split('-')[0].split('_')[0]}", None) if self.code != DATA_LANGUAGE else None
        return twin if twin else getattr(item, field)

    def label(self, feature) -> str:
        """The indicator's label in this language (label_en in English when given, else label)."""
        return self.text(feature, "label")

    def localized(self, facts):
        """The facts as this language names them, for rendering: labels, title, source and reasons
        in the brief's language (see `text`), and a weighted reference's label worded by the catalogue.
        Numbers, IDs and fact texts are untouched; the verifier keeps checking against `facts`."""
        if self.code == DATA_LANGUAGE:
            return facts
        dataset = facts.dataset.model_copy(update={"title": self.text(facts.dataset, "title"), "source": self.text(facts.dataset, "source")})
        features = [f.model_copy(update={"label": self.label(f), "reason": self._reason(f, "reason")}) for f in facts.features]
        method = facts.method.model_copy(update={"k_reason": self._reason(facts.method, "k_reason")})
        reference = facts.reference
        if reference.kind == "weighted_mean":  # the data's label of a computed reference is Indonesian: word it again
            label = self.t("reference.label_weighted_mean", n=facts.dataset.n_units, units=self.unit_noun(facts), weight=reference.weight)
            reference = reference.model_copy(update={"label": label})
        update = {"dataset": dataset, "features": features, "method": method, "reference": reference}
        if facts.households is not None:
            categorical = [c.model_copy(update={"label": self.label(c), "codes": {**c.codes, **c.codes_en}}) for c in facts.households.categorical]
            classes = [c.model_copy(update={"label": self.text(c, "label")}) for c in facts.households.classes]
            update["households"] = facts.households.model_copy(update={"categorical": categorical, "classes": classes})
        return facts.model_copy(update=update)

    def fact_text(self, fact) -> str:
        """A fact written the way this language writes it, for the verification table: the fact's own
        text in the facts' language; elsewhere its number with the unit (or unit noun) translated,
        a direction by its word. A text fact (names) is data and stays as it is."""
        if fact.kind in {"direction", "direction_umean"}:
            return self.word("direction", fact.value)
        if self.code == DATA_LANGUAGE or isinstance(fact.value, str) or isinstance(fact.value, bool):
            return fact.text
        number = self.number(fact.value, fact.decimals)
        nouns = self._flat.get("unit_nouns") or {}
        pair = nouns.get(fact.unit) if isinstance(nouns, dict) else None
        if isinstance(pair, list) and len(pair) == 2:
            return self.t("format.with_unit", number=number, unit=pair[0] if fact.value == 1 else pair[1])
        return self.with_unit(number, fact.unit)

    def _reason(self, item, field: str) -> str | None:
        """A reason in this language; one the spec gives only in Indonesian is quoted and said to be so."""
        own, text = getattr(item, field), self.text(item, field)
        return self.t("spec_words.untranslated", text=own) if own and text == own else text

    def difference(self, value: float, decimals: int, unit: str, *, per: bool = True) -> str:
        """A difference of two values in `unit`: of two shares in percentage points ("9,3 poin persen",
        never "9,3%", which would read as a percent of the reference), else as `value` writes it."""
        if self.unit(unit) == "%":
            return self.t("format.points", number=self.number(value, decimals))
        return self.value(value, decimals, unit, per=per)

    def short_name(self, feature) -> str:
        """The indicator in a list of names ("by UHH, HLS, RLS and Pengeluaran"): its short name, which
        is the spec's own (Indonesian) word; in another language its label's abbreviation or its label."""
        return feature.name if self.code == DATA_LANGUAGE else self.short_label(feature)

    def short_label(self, feature) -> str:
        """The indicator as running prose names it after the table: its abbreviation when the label
        ends in one ("Rata-rata Lama Sekolah (RLS)" → "RLS"), else the label: never "rata-rata …
        Rata-rata Lama Sekolah"."""
        label, name = self.label(feature), feature.name
        return name if label.endswith(f"({name})") else label

    def join(self, items: Iterable[str], style: str = "plain") -> str:
        """A list in words: style "prose" (the drafter's) or "plain" (the analyses'), each in [lists]."""
        items = [str(i) for i in items]
        if len(items) <= 1:
            return "".join(items)
        rule = f"lists.{style}"
        if len(items) == 2:
            return items[0] + self.t(f"{rule}.pair") + items[1]
        return self.t(f"{rule}.between").join(items[:-1]) + self.t(f"{rule}.last") + items[-1]

    def ordinal(self, position: int) -> str:
        """1 → "first" / "pertama"; beyond the list, the word for "next"."""
        ordinals = self.words("ordinals.list")
        return ordinals[position - 1] if 1 <= position <= len(ordinals) else self.t("ordinals.beyond")

    # -- words that depend on the data -----------------------------------------------------------
    def unit_noun(self, facts, plural: bool = True) -> str:
        """The data set's unit ("provinsi") in this language; the spec's own words when unknown."""
        return self.unit_word(facts.dataset.unit, facts.dataset.unit_plural, plural)

    def unit_word(self, unit: str, unit_plural: str, plural: bool = True) -> str:
        """A spec's unit noun ("provinsi", plural "provinsi") in this language, before the facts exist."""
        nouns = self._flat.get("unit_nouns") or {}
        pair = nouns.get(unit) if isinstance(nouns, dict) else None
        if isinstance(pair, list) and len(pair) == 2:
            return pair[1] if plural else pair[0]
        return unit_plural if plural else unit

    def reference_phrase(self, facts) -> str:
        """How the prose names the reference: national figure / provincial average / average of the units."""
        ref = facts.reference
        if ref.kind == "row":
            return self.t("reference.row")
        if ref.kind == "values":
            return self.t("reference.values", publisher=ref.publisher) if ref.publisher else self.t("reference.values_unnamed")
        if ref.kind == "weighted_mean":
            return self.t("reference.weighted_mean", units=self.unit_noun(facts))
        by_unit = self._flat.get("reference.mean_by_unit") or {}
        return by_unit.get(facts.dataset.unit) or self.t("reference.mean")

    def sector(self, sector: str) -> str:
        return self.lookup("sectors", sector)


def _read(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"Language file {path} is not valid UTF-8 TOML: {exc}. Fix the syntax.") from None


@lru_cache(maxsize=32)
def _load(code: str, dirs: tuple[str, ...], parts: tuple[str, ...] = ()) -> Language:
    path = language_file(code, "brief.toml", dirs)
    catalogue = _read(path)
    for part in parts:  # a further catalogue of the language, under its own prefix: console.toml → "console.…"
        catalogue[part] = _read(language_file(code, f"{part}.toml", dirs))
    return Language(code, path, catalogue, dirs)


def load_language(code: "str | Language", extra_dirs: Sequence[Path | str | None] = (), parts: Sequence[str] = ()) -> Language:
    """The language `code`, from the user's folders first, then the shipped ones (cached). `parts`
    adds the language's other catalogues by name ("console": console.toml, the command line's text),
    each under its name as a key prefix ("console.end.verification")."""
    if isinstance(code, Language):
        if all(part in code._flat for part in parts):
            return code
        code, extra_dirs = code.code, code.search_dirs
    return _load(code, tuple(str(d) for d in extra_dirs if d), tuple(parts))


__all__ = ["DATA_LANGUAGE", "Language", "load_language"]
