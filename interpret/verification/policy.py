"""Policy consistency: a recommendation that contradicts the facts, by the rules in
interpret/rules/konsistensi.toml (config, not code): bansos as the priority for a cluster above the
reference on every welfare indicator, a digital-economy/premium focus for the lowest cluster, the
first priority for the best cluster. Only contradictions become claims (Verdict.FALSE).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from ..errors import ConfigError
from ..terms import ClaimKind, Verdict
from ..thresholds import Thresholds, default_thresholds_path
from .checkers import register
from .lexicon import rx
from .scope import Scope


class Condition(BaseModel):
    model_config = ConfigDict(extra="forbid")
    posisi: Literal["unggul", "tertinggal", "setara"] | None = None
    tema: list[str] = Field(default_factory=lambda: ["*"])
    cakupan: Literal["semua", "salah satu"] = "semua"
    peringkat: list[Literal["tertinggi", "menengah", "terendah"]] | None = None


class PolicyRule(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    kata: list[str] = Field(min_length=1)
    perlu_isyarat: bool = True
    jika: Condition
    pesan: str


class ConsistencyBook(BaseModel):
    model_config = ConfigDict(extra="forbid")
    isyarat: list[str] = Field(default_factory=list)
    aturan: list[PolicyRule] = Field(default_factory=list)
    ambang: Thresholds = Field(default_factory=Thresholds)  # interpret/thresholds.py reads the same section

    @model_validator(mode="before")
    @classmethod
    def _older_stability_section(cls, raw):
        # files written before [ambang] held the Jaccard thresholds in [stabilitas]
        if isinstance(raw, dict) and isinstance(raw.get("stabilitas"), dict):
            raw = dict(raw)
            raw["ambang"] = {**raw.pop("stabilitas"), **raw.get("ambang", {})}
        return raw


@dataclass(frozen=True)
class LoadedConsistency:
    book: ConsistencyBook
    path: str


def default_consistency_path() -> Path:
    return default_thresholds_path()


def load_consistency(path: Path | str | None = None) -> LoadedConsistency:
    path = Path(path) if path else default_consistency_path()
    if not path.is_file():
        raise ConfigError(f"Consistency rules file not found: {path}. Pass an existing TOML file, or omit it to use interpret/rules/konsistensi.toml.")
    try:
        book = ConsistencyBook.model_validate(tomllib.loads(path.read_text(encoding="utf-8")))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"Consistency rules file {path} is not valid UTF-8 TOML: {exc}. Fix the syntax.") from None
    except ValidationError as exc:
        problems = "; ".join(f"`{'.'.join(str(p) for p in e['loc'])}`: {e['msg']}" for e in exc.errors())
        raise ConfigError(f"Consistency rules file {path}: {problems}. Fix these keys (the file's header comment lists them).") from None
    return LoadedConsistency(book, str(path))


@register
class PolicyChecker:
    kind = ClaimKind.POLICY
    words = ("negation", "policy_negation", "recommendation_sections")

    def __init__(self, verifier):
        self.v = verifier
        self.rules = rules = verifier.rules
        self.cue_rx = rx(r"\b(?:" + "|".join(sorted(map(_escape, rules.book.isyarat), key=len, reverse=True)) + r")\b") if rules.book.isyarat else None
        self.negation_rx = rx(verifier.lex.negation + "|" + verifier.lex.policy_negation)
        self.section_rx = rx(verifier.lex.recommendation_sections)
        self.keyword_rx = {r.id: rx(r"(?<![\w])(?:" + "|".join(sorted(map(_escape, r.kata), key=len, reverse=True)) + r")(?![\w])") for r in rules.book.aturan}

    def check(self, scope: Scope) -> None:
        v = self.v
        recommending = bool(self.cue_rx and self.cue_rx.search(scope.text)) or bool(scope.tag) or bool(
            self.section_rx.search(scope.section))
        for rule in self.rules.book.aturan:
            if rule.perlu_isyarat and not recommending:
                continue
            for match in self.keyword_rx[rule.id].finditer(scope.text):
                start, _ = scope.clause(match.start())
                _, end = scope.clause(match.start())
                if self.negation_rx.search(scope.text, max(start, match.start() - 30), min(end, match.end() + 20)):
                    continue
                for cluster in scope.clusters_for(match.start()):
                    fact = self._contradiction(rule, cluster)
                    if fact is not None:
                        v.claim(scope, ClaimKind.POLICY, match.group(0), (cluster,), (), fact, Verdict.FALSE, f"{rule.id}: {rule.pesan}")

    def _contradiction(self, rule: PolicyRule, number: int):
        """The fact that makes the rule fire for this cluster, or None when it does not."""
        facts = self.v.facts
        cluster = facts.cluster(number)
        cond = rule.jika
        if cond.peringkat is not None:
            tier = "tertinggi" if cluster.composite_rank == 1 else "terendah" if cluster.composite_rank == facts.k else "menengah"
            if tier not in cond.peringkat:
                return None
        cited = facts.index.get(f"K{number}.composite_rank")
        if cond.posisi is not None:
            in_theme = [f.name for f in facts.features if "*" in cond.tema or f.theme in cond.tema]
            wanted = {"tertinggal": False, "unggul": True, "setara": None}[cond.posisi]
            hits = [name for name in in_theme if cluster.features[name].better is wanted]
            if not hits or (cond.cakupan == "semua" and len(hits) != len(in_theme)):
                return None
            cited = facts.index.get(f"K{number}.{hits[0]}.direction")
        return cited


def _escape(word: str) -> str:
    import re

    return re.escape(word).replace(r"\ ", r"\s+")
