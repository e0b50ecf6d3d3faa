"""The sector rules file (TOML) that tags recommendations: loaded, validated, evaluated.

Rules live in `interpret/rules/sektor.toml` (or a file the user names with --rules): an analyst
changes which sector a cluster gets without touching Python. A rule's `teks` is one string (in the
file's language, `bahasa`, Indonesian unless said otherwise) or a table with one text per language
code (`[aturan.teks]` with `id = "..."`, `en = "..."`): the brief takes the text in its own language,
and a rule without one gets the language's generic sentence (draft.generic_rule).
"""

from __future__ import annotations

import hashlib
import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from .errors import ConfigError
from .facts import ClusterFacts, Facts
from .rules_households import ClassRule

Tier = Literal["tertinggi", "menengah", "terendah"]
Texts = Annotated[str, Field(min_length=1)] | dict[str, Annotated[str, Field(min_length=1)]]


class Rule(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    sektor: str
    tema: list[str] = Field(min_length=1)
    posisi: Literal["tertinggal", "unggul", "setara"]
    cakupan: Literal["salah satu", "semua"] = "salah satu"
    peringkat: list[Tier] | None = None
    teks: Texts


class Fallback(BaseModel):
    """The recommendation a cluster gets when no rule applies (its {bukti}: the most deviating feature)."""

    model_config = ConfigDict(extra="forbid")

    sektor: str
    teks: Texts


class RuleBook(BaseModel):
    model_config = ConfigDict(extra="forbid")

    bahasa: str = "id"  # the language of a plain-string `teks`
    sektor: list[str] = Field(min_length=1)
    maks_per_klaster: int = Field(default=4, ge=1)
    cadangan: Fallback | None = None
    aturan: list[Rule] = Field(min_length=1)
    aturan_kelas: list[ClassRule] = []  # household rules keyed to class shares (interpret.rules_households)

    @model_validator(mode="after")
    def _sectors_known(self):
        known = {s.lower() for s in self.sektor}
        for rule in [*self.aturan, *self.aturan_kelas]:
            if rule.sektor.lower() not in known:
                raise ValueError(f"rule '{rule.id}' uses sector '{rule.sektor}', which is not in `sektor`")
        if self.cadangan is not None and self.cadangan.sektor.lower() not in known:
            raise ValueError(f"`cadangan` uses sector '{self.cadangan.sektor}', which is not in `sektor`")
        return self

    def text_of(self, item: "Rule | Fallback", code: str) -> str | None:
        """The item's text in language `code`, or None when the file has none in that language."""
        if isinstance(item.teks, str):
            return item.teks if code == self.bahasa else None
        return item.teks.get(code)


@dataclass(frozen=True)
class LoadedRules:
    book: RuleBook
    path: str
    sha256: str


def default_rules_path() -> Path:
    return Path(str(resources.files("interpret") / "rules" / "sektor.toml"))


def load_rules(path: Path | None = None) -> LoadedRules:
    path = Path(path) if path else default_rules_path()
    if not path.is_file():
        raise ConfigError(f"Rules file not found: {path}. Pass an existing TOML file with --rules, or omit it to use the built-in rules.")
    data = path.read_bytes()
    try:
        raw = tomllib.loads(data.decode("utf-8"))
        book = RuleBook.model_validate(raw)
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"Rules file {path} is not valid UTF-8 TOML: {exc}. Fix the syntax.") from None
    except ValidationError as exc:
        problems = "; ".join(f"`{'.'.join(str(p) for p in e['loc'])}`: {e['msg']}" for e in exc.errors())
        raise ConfigError(f"Rules file {path}: {problems}. Fix these keys (the file's header comment lists them).") from None
    return LoadedRules(book=book, path=str(path), sha256=hashlib.sha256(data).hexdigest())


def tier_of(cluster: ClusterFacts, k: int) -> Tier:
    if cluster.composite_rank == 1:
        return "tertinggi"
    if cluster.composite_rank == k:
        return "terendah"
    return "menengah"


def matching_features(rule: Rule, cluster: ClusterFacts, facts: Facts) -> list[str]:
    """Features that satisfy the rule for this cluster, or [] when the rule does not apply."""
    if rule.peringkat is not None and tier_of(cluster, facts.k) not in rule.peringkat:
        return []
    in_theme = [f.name for f in facts.features if ("*" in rule.tema or f.theme in rule.tema) and f.direction != "neutral"]
    if not in_theme:
        return []
    wanted = {"tertinggal": False, "unggul": True, "setara": None}[rule.posisi]
    hits = [name for name in in_theme if cluster.features[name].better is wanted]
    if rule.cakupan == "semua" and len(hits) != len(in_theme):
        return []
    return hits
