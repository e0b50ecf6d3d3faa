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


class Parts(BaseModel):
    """What a planner needs besides the sentence: each one text, or one per language code."""

    model_config = ConfigDict(extra="forbid")

    instrumen: Texts | None = None
    pelaksana: Texts | None = None  # who acts: K/L, OPD, Pemda
    sasaran: Texts | None = None
    data_sasaran: Texts | None = None  # targeting data: DTKS/Regsosek
    pendanaan: Texts | None = None  # funding line: APBN, APBD, DAK, Dana Desa


class Rule(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    sektor: str
    tema: list[str] = Field(min_length=1)
    posisi: Literal["tertinggal", "unggul", "setara"]
    cakupan: Literal["salah satu", "semua"] = "salah satu"
    peringkat: list[Tier] | None = None
    teks: Texts
    rincian: Parts | None = None


class Decisions(BaseModel):
    """The thresholds of the drafter's decisions ([keputusan] of the rules file; the file's header
    documents each key). Gaps are in standard deviations of the units (|cluster mean − reference| / SD),
    so a 1 % gap in life expectancy and a 1 % gap in expenditure are not read alike."""

    model_config = ConfigDict(extra="forbid")

    setara_kebijakan_sd: float = Field(default=0.5, ge=0)
    ringan_maks_sd: float = Field(default=0.8, gt=0)
    sedang_maks_sd: float = Field(default=1.2, gt=0)
    sejajar_maks_sd: float = Field(default=0.25, ge=0)
    klaster_kecil_maks: int = Field(default=2, ge=0)

    @model_validator(mode="after")
    def _ordered(self):
        if not self.setara_kebijakan_sd <= self.ringan_maks_sd <= self.sedang_maks_sd:
            raise ValueError("need setara_kebijakan_sd <= ringan_maks_sd <= sedang_maks_sd")
        return self

    def severity(self, gap_sd: float) -> str:
        """"ringan" / "sedang" / "berat" for a gap of |gap_sd| SD (at or above the policy minimum)."""
        size = abs(gap_sd)
        return "ringan" if size < self.ringan_maks_sd else "sedang" if size < self.sedang_maks_sd else "berat"


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
    keputusan: Decisions = Decisions()
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
        return self.localised(item.teks, code)

    def localised(self, texts: "Texts | None", code: str) -> str | None:
        if texts is None or isinstance(texts, str):
            return texts if code == self.bahasa else None
        return texts.get(code)


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


def unit_sd(facts: Facts, name: str) -> float | None:
    """The SD of the units on a feature, read back from the clusters' z-scores (z is linear in the
    cluster mean with slope 1/SD), so no new fact is needed; None when every cluster mean is equal."""
    points = [(c.features[name].mean, c.features[name].z) for c in facts.clusters]
    (m0, z0), (m1, z1) = min(points), max(points)
    return (m1 - m0) / (z1 - z0) if z1 != z0 else None


def gap_sd(cluster: ClusterFacts, name: str, facts: Facts) -> float:
    """The cluster's gap from the reference in SD of the units (signed like the difference)."""
    sd = unit_sd(facts, name)
    return cluster.features[name].diff / sd if sd else 0.0


def matters_for_policy(cluster: ClusterFacts, name: str, facts: Facts, decisions: Decisions) -> bool:
    """A gap at or above the policy minimum: below it the cluster is "setara untuk keperluan kebijakan"."""
    return abs(gap_sd(cluster, name, facts)) >= decisions.setara_kebijakan_sd


def matching_features(rule: Rule, cluster: ClusterFacts, facts: Facts, decisions: Decisions | None = None) -> list[str]:
    """Features that satisfy the rule for this cluster, or [] when the rule does not apply. With
    `decisions`, a gap below the policy minimum neither lags nor leads: it triggers no programme."""
    if rule.peringkat is not None and tier_of(cluster, facts.k) not in rule.peringkat:
        return []
    in_theme = [f.name for f in facts.features if ("*" in rule.tema or f.theme in rule.tema) and f.direction != "neutral"]
    if not in_theme:
        return []
    wanted = {"tertinggal": False, "unggul": True, "setara": None}[rule.posisi]
    hits = [name for name in in_theme if cluster.features[name].better is wanted
            and (wanted is None or decisions is None or matters_for_policy(cluster, name, facts, decisions))]
    if rule.cakupan == "semua" and len(hits) != len(in_theme):
        return []
    return hits
