"""Policy consistency: every recommendation of a sector for a cluster, judged by the rules in
interpret/rules/konsistensi.toml (config, not code): bansos as the priority for a cluster above the
reference on every welfare indicator, a digital-economy/premium focus for the lowest cluster, the
first priority for the best cluster, a health (education, purchasing-power) programme for a cluster
ahead on every indicator of that theme. A sector word recommended for a cluster is one claim:
false when a rule that lists the word fires for the cluster, else true (citing the lagging indicator
of the word's theme that justifies it, or the cluster's composite rank). A sector word after a
reason ("karena", "because") or a position ("unggul pada pendidikan") is the ground, not the advice. The ground is
checked too (premises.py says where it is: a reason, a relative clause of the cluster, the part before "sehingga" /
"so", the sentence before "Oleh karena itu" / "Hence"): a level it states ("karena UHH-nya rendah", "given its weak
purchasing power") that the cluster's direction contradicts, or a direction or rank claim in it that the other
checkers found false ("because life expectancy there is the lowest"), makes the recommendation false.
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
from .premises import PremiseReader, Premises
from .scope import Scope

# the claims whose falsity makes a recommendation's premise false: what the data say of the cluster, not a number's
# precision ("since its life expectancy is below the national average by about 1.1%" still argues rightly)
_PREMISE_KINDS = (ClaimKind.DIRECTION, ClaimKind.RANK)


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
             "quality_preposition", "policy_contrast", "policy_consequence", "policy_conclusion", "policy_concession",
             "policy_relative")

    def __init__(self, verifier):
        self.v = verifier
        self.rules = rules = verifier.rules
        # a cue with the language's possessive suffix is the cue ("rekomendasinya", "prioritasnya")
        self.cue_rx = rx(r"\b(?:" + "|".join(sorted(map(_escape, rules.book.isyarat), key=len, reverse=True)) + rf")(?:{verifier.lex.feature_suffix})?\b") \
            if rules.book.isyarat else None
        self.negation_rx = rx(verifier.lex.negation + "|" + verifier.lex.policy_negation)
        # the contrast governs the few words after it, never across a comma ("lebih rendah dari rata-rata, sehingga bansos …")
        self.contrast_rx = rx(rf"(?:{verifier.lex.policy_contrast})[^\w,;:.]+(?:[\w-]+[^\w,;:.]+){{0,3}}$")
        self.section_rx = rx(verifier.lex.recommendation_sections)
        lex = verifier.lex
        self.reason_rx = rx(lex.policy_reason)
        # "… harapan hidupnya tinggi", "… whose life expectancy is high": the level a ground states for its indicator
        # a lag or a lead ("lags far behind", "tertinggal", "ahead") or a side of the reference ("below") says more than a
        # level: it is false for a cluster level with the reference too
        said = (rf"(?:(?P<ahead>{lex.better})|(?P<behind>{lex.worse})|(?P<above>{lex.direction_above})|(?P<below>{lex.direction_below})"
                rf"|(?P<high>{lex.level_high})|{lex.level_low})")
        self.level_rx = rx(rf"(?:\s*-?(?:{lex.feature_suffix}))?\s+(?:\w+\s+){{0,2}}?{said}\b")
        # "given its weak purchasing power", "rendahnya daya beli": the level before the indicator
        self.level_before_rx = rx(rf"\b{said}(?:{lex.feature_suffix})?\s+(?:\w+\s+)?$")
        # "pendidikan dan kesehatannya sudah di atas rata-rata": a dimension word that a level or direction follows is a state
        self.state_rx = rx(rf"(?:\s*-?(?:{lex.feature_suffix}))?\s+(?:\w+\s+){{0,3}}?(?:{lex.level_high}|{lex.level_low}|{lex.better}|{lex.worse}|{lex.direction_above}|{lex.direction_below})\b")
        self.premises = PremiseReader(lex, self.cue_rx)
        self._report, self._start, self._previous = None, 0, None  # the claims of the sentence before, for "Oleh karena itu, …"
        self.position_rx = rx(rf"(?:(?:{lex.better}|{lex.worse}|{lex.direction_above}|{lex.direction_below})\s+(?:{lex.quality_preposition})|{lex.policy_position})\s+(?:\w+\s+){{0,3}}?$")
        self.keyword_rx = {r.id: rx(r"(?<![\w])(?:" + "|".join(sorted(map(_escape, r.kata), key=len, reverse=True)) + r")(?![\w])") for r in rules.book.aturan}

    def check(self, scope: Scope) -> None:
        own, previous = self._sentence_claims(scope)
        premises = self.premises.read(scope)
        recommending = bool(self.cue_rx and self.cue_rx.search(scope.text)) or bool(scope.tag) or bool(
            self.section_rx.search(scope.section))
        # one claim per cluster and place: [start, end, phrase, {rule id: (rule, contradicting fact)}, rules listing the word]
        mentions: list[list] = []
        for rule in self.rules.book.aturan:
            if rule.perlu_isyarat and not recommending:
                continue
            for match in self.keyword_rx[rule.id].finditer(scope.text):
                if self._inside_longer(scope, rule, match):
                    continue  # "pendidikan vokasi" is a productive sector's word, not the education rule's "pendidikan"
                negated = False
                if not self._recommended(scope, match, premises):
                    # "intervensi kesehatan di Klaster 2 tidak mendesak karena …": advice against, judged on its premise only
                    negated = self._recommended(scope, match, premises, negation=False)
                    if not negated:
                        continue
                for cluster in self._clusters(scope, match.start(), premises):
                    entry = next((e for e in mentions if e[0] == cluster and e[1] < match.end() and match.start() < e[2]), None)
                    if entry is None:
                        entry = [cluster, match.start(), match.end(), match.group(0), {}, [], negated]
                        mentions.append(entry)
                    if negated:
                        entry[5].append(rule)
                        continue
                    elif match.end() - match.start() > entry[2] - entry[1]:
                        entry[1:4] = [match.start(), match.end(), match.group(0)]  # the longest phrase names the claim
                    entry[5].append(rule)
                    fact = self._contradiction(rule, cluster)
                    if fact is not None:
                        entry[4][rule.id] = (rule, fact)
        for cluster, begin, _, phrase, fired, listed, negated in sorted(mentions, key=lambda e: e[1]):
            if negated:  # advice against a sector: false when its premise is, no claim otherwise (no rule speaks of it)
                false_premise = self._false_premise(scope, cluster, begin, premises, own, previous)
                if false_premise is not None:
                    self.v.claim(scope, ClaimKind.POLICY, phrase, (cluster,), (), false_premise[0], Verdict.FALSE, false_premise[1])
                continue
            ground = self._ground(scope, cluster, begin, listed, premises) or self._false_premise(scope, cluster, begin, premises, own, previous)
            if not fired and ground is not None:
                fact, why = ground
                self.v.claim(scope, ClaimKind.POLICY, phrase, (cluster,), (), fact, Verdict.FALSE, why)
            elif fired:
                rule, fact = next(iter(fired.values()))
                self.v.claim(scope, ClaimKind.POLICY, phrase, (cluster,), (), fact, Verdict.FALSE, f"{rule.id}: {rule.pesan}")
            else:
                fact = self._justification(listed, cluster)
                self.v.claim(scope, ClaimKind.POLICY, phrase, (cluster,), (), fact, Verdict.TRUE,
                             self.v.say("no_rule_contradicts", rules=", ".join(dict.fromkeys(r.id for r in listed))))
        self._previous = (scope, own)
        self._start = len(self.v._report.claims) if self.v._report is not None else 0

    @staticmethod
    def _clusters(scope: Scope, position: int, premises: Premises) -> tuple[int, ...]:
        """The clusters a sector word is recommended for. After "…, so" / "…, sehingga" the advice names its own cluster
        ("Although Cluster 1 leads …, its advantage over Cluster 2 is barely 0.2 years, so the education budget should
        shift towards Cluster 3"): the premise's clusters are not the advice's."""
        begin = max((b for b in premises.advice_starts if b <= position), default=None)
        if begin is not None:
            _, end = scope.clause(position)
            before = [m for m in scope.clusters if begin <= m.start < position]
            after = [m for m in scope.clusters if position <= m.start < end]
            if before or after:
                return ((before[-1] if before else after[0]).value,)
        return scope.clusters_for(position)

    def _sentence_claims(self, scope: Scope):
        """The claims the other checkers made in this sentence (policy runs last), each with where its phrase is, and
        those of the sentence before (a new report starts afresh)."""
        report = self.v._report
        if report is not self._report:
            self._report, self._start, self._previous = report, 0, None
        claims = report.claims[self._start:] if report is not None else []
        placed, cursor, last = [], {}, {}
        for claim in claims:
            if claim.kind not in _PREMISE_KINDS:
                continue
            at = scope.text.find(str(claim.value), cursor.get(claim.value, 0))
            if at < 0:
                at = last.get(claim.value, -1)  # one phrase, several claims ("tertinggal pada" each indicator)
            if at >= 0:
                cursor[claim.value], last[claim.value] = at + 1, at
                placed.append((at, claim))
        return placed, self._previous

    def _false_premise(self, scope: Scope, cluster: int, position: int, premises: Premises, own, previous):
        """(fact, why) when the recommendation's premise is a direction or rank the facts contradict: "BLT top-ups are
        justified because life expectancy there is the lowest", "For Cluster 3, which trails the national average …, a
        health programme …", or the sentence before "Oleh karena itu, …". What the sentence concedes ("walaupun …")
        is no premise, and neither is what it says of another cluster."""
        start, end = scope.clause(position)
        # a premise is in the advice's clause (a reason, a relative clause and the part before "so" never cross a clause)
        linked = premises.linked.get(start, (0, 0))  # "…; social assistance should therefore …": the clause before
        candidates = [(scope, claim) for at, claim in own if (start <= at < end or linked[0] <= at < linked[1]) and not premises.conceded(at)]
        if premises.follows_previous and previous is not None:
            before, placed = previous
            conceded = self.premises.read(before)
            candidates += [(before, claim) for at, claim in placed if not conceded.conceded(at)]
        for where, claim in candidates:
            # a premise about the cluster or one of its members ("Gorontalo, dengan pengeluaran terendah di Klaster 4,
            # lebih membutuhkan bansos"), on an indicator its sentence names: a claim bound to an indicator the sentence
            # never names is the other checker's guess, no stated premise
            named = {m.value for m in where.features if not self._in_sector_word(where, m)} | set(where.default_features)
            if claim.cluster == cluster and claim.verdict == Verdict.FALSE and (claim.feature is None or claim.feature in named):
                fact = self.v.facts.index.get(claim.fact_id) if claim.fact_id else None
                return fact, self.v.say("premise_false", claim=repr(claim.value), fact=claim.fact_id or claim.note)
        return None

    def _in_sector_word(self, scope: Scope, mention) -> bool:
        """A dimension word inside a sector's name ("health services") names no indicator a premise is about."""
        return any(m.start() <= mention.start and mention.end <= m.end() and m.end() - m.start() > mention.end - mention.start
                   for pattern in self.keyword_rx.values() for m in pattern.finditer(scope.text))

    def _ground(self, scope: Scope, cluster: int, position: int, rules: list[PolicyRule], premises: Premises):
        """(fact, why) when the recommendation's stated ground contradicts it: "… karena harapan hidupnya tinggi" for a
        cluster below the reference on UHH (a false ground), or for a health programme (a ground that argues against it).
        The ground is where premises.py finds it, or the sentence before when this one opens with "Oleh karena itu"."""
        start, end = scope.clause(position)  # "…, sementara Klaster 1 cocok untuk ekonomi digital": not Klaster 4's reason
        linked = premises.linked.get(start, (0, 0))
        found = self._levels(scope, cluster, rules, lambda at: (start <= at < end and premises.in_ground(at) or linked[0] <= at < linked[1])
                             and not premises.conceded(at))
        if found is None and premises.follows_previous and self._previous is not None:
            before = self._previous[0]
            conceded = self.premises.read(before)
            found = self._levels(before, cluster, rules, lambda position: not conceded.conceded(position))
        return found

    def _levels(self, scope: Scope, cluster: int, rules: list[PolicyRule], inside):
        facts = self.v.facts
        themes = {t for r in rules for t in r.jika.tema if r.jika.posisi is not None}
        spans: dict[tuple[int, int], list] = {}  # a dimension word names several indicators at one place
        for mention in scope.features:
            if inside(mention.start):
                spans.setdefault((mention.start, mention.end), []).append(mention)
        for (start, end), named in spans.items():
            level = self.level_rx.match(scope.text, end)
            if level is None:
                level = self.level_before_rx.search(scope.text[max(0, start - 30) : start])
                after = end
            else:
                after = level.end()
            if level is None or self._compared(scope, after):
                continue
            said_high = bool(level.group("high") or level.group("ahead") or level.group("above"))
            contradicted, against = [], []
            for mention in named:
                feature = facts.feature(mention.value)
                ff = facts.cluster(cluster).features[mention.value]
                fact = facts.index.get(f"K{cluster}.{mention.value}.direction")
                if level.group("ahead") or level.group("behind"):
                    wrong = ff.better is not bool(level.group("ahead"))  # a lead or a lag: the cluster's position
                elif level.group("above") or level.group("below"):
                    wrong = ff.better is None or (ff.diff > 0) != bool(level.group("above"))  # a side of the reference
                else:
                    wrong = ff.diff != 0 and (ff.diff > 0) != said_high and ff.better is not None  # a level: not when level with it
                if wrong:
                    contradicted.append((fact, ff))
                said_better = said_high == (feature.direction == "higher_is_better")
                if said_better and (feature.theme in themes or "*" in themes and len(themes) == 1):
                    against.append((fact, feature))
            if contradicted and len(contradicted) == len(named):  # a dimension word: every indicator it names contradicts
                fact, ff = contradicted[0]
                return fact, self.v.say("premise_level_false", subject=named[0].text, level=repr(level.group(0).strip()), fact=fact.id if fact else "", diff=f"{ff.diff:+.2f}")
            if against and len(against) == len(named):
                fact, feature = against[0]
                return fact, self.v.say("premise_off_theme", subject=named[0].text, level=level.group(0).strip(), theme=feature.theme)
        return None

    def _compared(self, scope: Scope, position: int) -> bool:
        """A level compared with another cluster or unit ("lower than Cluster 3's") is no level against the reference."""
        _, end = scope.clause(position)
        return any(position <= m.start < min(end, position + 40) for m in scope.clusters + scope.members)

    def _inside_longer(self, scope: Scope, rule: PolicyRule, match) -> bool:
        """The sector word is part of a longer sector phrase of another rule at the same place."""
        return any(m.start() <= match.start() and match.end() <= m.end() and m.end() - m.start() > match.end() - match.start()
                   for other, pattern in self.keyword_rx.items() if other != rule.id for m in pattern.finditer(scope.text))

    def _recommended(self, scope: Scope, match, premises: Premises, *, negation: bool = True) -> bool:
        """The sector word is what the sentence recommends: not negated, not the ground ("karena …", "unggul pada …",
        the part before "sehingga"), not a word of an indicator's name ("Mean years of schooling" names an indicator,
        it recommends no schooling). A dimension word is a sector ("mutu pendidikan", "the priority is education")
        unless the sentence states its level ("pendidikan dan kesehatannya sudah di atas rata-rata")."""
        for f in scope.features:
            if f.start <= match.start() < f.end:
                if not self._dimension_word(f.text):
                    return False  # "mean schooling 10.23 years": an indicator's name, not a sector
                if self.state_rx.match(scope.text, f.end):
                    return False
        start, end = scope.clause(match.start())
        if negation and self.negation_rx.search(scope.text, max(start, match.start() - 30), min(end, match.end() + 20)):
            return False
        if self.contrast_rx.search(scope.text, max(start, match.start() - 40), match.start()):
            return False
        # a ground is the ground only as far as it reaches: "Since its spending is the lowest, Cluster 4 should pilot a
        # digital economy strategy" recommends it; "karena pendidikan …" names the ground
        if premises.in_reason(match.start()):
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
