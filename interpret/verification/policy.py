"""Policy consistency: every recommendation of a sector for a cluster, judged by the rules in
interpret/rules/konsistensi.toml (config, not code): bansos as the priority for a cluster above the
reference on every welfare indicator, a digital-economy/premium focus for the lowest cluster, the
first priority for the best cluster, a health (education, purchasing-power) programme for a cluster
ahead on every indicator of that theme. A sector word recommended for a cluster is one claim:
false when a rule that lists the word fires for the cluster, else true (citing the lagging indicator
of the word's theme that justifies it, or the cluster's composite rank). A sector word after a
reason ("karena", "because") or a position ("unggul pada pendidikan") is the ground, not the advice.
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
    words = ("negation", "policy_negation", "recommendation_sections", "policy_reason", "policy_position", "level_high", "level_low", "feature_suffix", "better", "worse", "direction_above", "direction_below",
             "quality_preposition")

    def __init__(self, verifier):
        self.v = verifier
        self.rules = rules = verifier.rules
        self.cue_rx = rx(r"\b(?:" + "|".join(sorted(map(_escape, rules.book.isyarat), key=len, reverse=True)) + r")\b") if rules.book.isyarat else None
        self.negation_rx = rx(verifier.lex.negation + "|" + verifier.lex.policy_negation)
        self.section_rx = rx(verifier.lex.recommendation_sections)
        lex = verifier.lex
        self.reason_rx = rx(lex.policy_reason)
        # "… harapan hidupnya tinggi", "… whose life expectancy is high": the level a ground states for its indicator
        self.level_rx = rx(rf"(?:\s*(?:{lex.feature_suffix}))?\s+(?:\w+\s+){{0,2}}?(?:(?P<high>{lex.level_high})|{lex.level_low})\b")
        self.position_rx = rx(rf"(?:(?:{lex.better}|{lex.worse}|{lex.direction_above}|{lex.direction_below})\s+(?:{lex.quality_preposition})|{lex.policy_position})\s+(?:\w+\s+){{0,3}}?$")
        self.keyword_rx = {r.id: rx(r"(?<![\w])(?:" + "|".join(sorted(map(_escape, r.kata), key=len, reverse=True)) + r")(?![\w])") for r in rules.book.aturan}

    def check(self, scope: Scope) -> None:
        recommending = bool(self.cue_rx and self.cue_rx.search(scope.text)) or bool(scope.tag) or bool(
            self.section_rx.search(scope.section))
        # one claim per cluster and place: [start, end, phrase, {rule id: (rule, contradicting fact)}, rules listing the word]
        mentions: list[list] = []
        for rule in self.rules.book.aturan:
            if rule.perlu_isyarat and not recommending:
                continue
            for match in self.keyword_rx[rule.id].finditer(scope.text):
                if not self._recommended(scope, match):
                    continue
                for cluster in scope.clusters_for(match.start()):
                    entry = next((e for e in mentions if e[0] == cluster and e[1] < match.end() and match.start() < e[2]), None)
                    if entry is None:
                        entry = [cluster, match.start(), match.end(), match.group(0), {}, []]
                        mentions.append(entry)
                    elif match.end() - match.start() > entry[2] - entry[1]:
                        entry[1:4] = [match.start(), match.end(), match.group(0)]  # the longest phrase names the claim
                    entry[5].append(rule)
                    fact = self._contradiction(rule, cluster)
                    if fact is not None:
                        entry[4][rule.id] = (rule, fact)
        for cluster, _, _, phrase, fired, listed in sorted(mentions, key=lambda e: e[1]):
            ground = self._ground(scope, cluster, listed)
            if not fired and ground is not None:
                fact, why = ground
                self.v.claim(scope, ClaimKind.POLICY, phrase, (cluster,), (), fact, Verdict.FALSE, why)
            elif fired:
                rule, fact = next(iter(fired.values()))
                self.v.claim(scope, ClaimKind.POLICY, phrase, (cluster,), (), fact, Verdict.FALSE, f"{rule.id}: {rule.pesan}")
            else:
                fact = self._justification(listed, cluster)
                self.v.claim(scope, ClaimKind.POLICY, phrase, (cluster,), (), fact, Verdict.TRUE,
                             "tidak bertentangan dengan " + ", ".join(dict.fromkeys(r.id for r in listed)))

    def _ground(self, scope: Scope, cluster: int, rules: list[PolicyRule]):
        """(fact, why) when the recommendation's stated ground contradicts it: "… karena harapan hidupnya tinggi" for a
        cluster below the reference on UHH (a false ground), or for a health programme (a ground that argues against it)."""
        reason = self.reason_rx.search(scope.text)
        if reason is None:
            return None
        facts = self.v.facts
        themes = {t for r in rules for t in r.jika.tema if r.jika.posisi is not None}
        for mention in (m for m in scope.features if m.start >= reason.end()):
            level = self.level_rx.match(scope.text, mention.end)
            if level is None:
                continue
            feature = facts.feature(mention.value)
            ff = facts.cluster(cluster).features[mention.value]
            fact = facts.index.get(f"K{cluster}.{mention.value}.direction")
            said_high = bool(level.group("high"))
            if ff.diff != 0 and (ff.diff > 0) != said_high and ff.better is not None:
                return fact, f"alasannya salah: {mention.text} {level.group(0).strip()!r}, padahal {fact.id if fact else ''} = {ff.diff:+.2f}"
            said_better = said_high == (feature.direction == "higher_is_better")
            if said_better and (feature.theme in themes or "*" in themes and len(themes) == 1):
                return fact, f"alasannya ({mention.text} {level.group(0).strip()}) tidak membenarkan program pada tema {feature.theme}"
        return None

    def _recommended(self, scope: Scope, match) -> bool:
        """The sector word is what the sentence recommends: not negated, not the ground ("karena …", "unggul pada …"),
        not a word of an indicator's name ("Mean years of schooling" names an indicator, it recommends no schooling)."""
        if any(m.start <= match.start() and match.end() <= m.end for m in scope.features):
            return False
        start, end = scope.clause(match.start())
        if any(f.start <= match.start() < f.end and not self._dimension_word(f.text) for f in scope.features):
            return False  # "mean schooling 10.23 years": an indicator's name, not a sector ("mutu pendidikan" still is one)
        if self.negation_rx.search(scope.text, max(start, match.start() - 30), min(end, match.end() + 20)):
            return False
        # a ground before the word is the ground only within its clause: "Since its spending is the lowest, Cluster 4
        # should pilot a digital economy strategy" recommends it; "karena pendidikan …" names the ground
        if self.reason_rx.search(scope.text, start, match.start()):
            return False
        return not self.position_rx.search(scope.text, max(start, match.start() - 40), match.start())

    def _dimension_word(self, text: str) -> bool:
        """A dimension word of a theme ("pendidikan", "health"), which also names a sector, unlike an indicator's name."""
        return any(rx(rf"(?:{pattern})").fullmatch(text) for pattern in self.v.lex.theme_words.values())

    def _justification(self, rules: list[PolicyRule], number: int):
        """The fact that grounds a recommendation no rule contradicts: a lagging indicator of its theme, else the composite rank."""
        facts = self.v.facts
        cluster = facts.cluster(number)
        for rule in sorted(rules, key=lambda r: "*" in r.jika.tema):  # a rule of the word's own theme first
            themes = rule.jika.tema
            for f in facts.features:
                if ("*" in themes or f.theme in themes) and rule.jika.posisi is not None and cluster.features[f.name].better is not True:
                    fact = facts.index.get(f"K{number}.{f.name}.direction")
                    if fact is not None:
                        return fact
        return facts.index.get(f"K{number}.composite_rank")

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
