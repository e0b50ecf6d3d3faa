"""Number claims: "Rp 11,47 juta", "73,13 tahun", "62,9 %", "sekitar 1,3 juta", "lebih dari 75 tahun",
"1,327,782" and "73.13", checked against the facts in their context.

A written number covers the interval its precision implies (73,13 → [73,125; 73,135], "11,47 juta"
→ ±5.000) plus the configured tolerance; "sekitar" widens it to `approx_pct`; "lebih dari" and
"kurang dari" are bounds. Units pick the pool: a count of units ("10 provinsi") is checked against
cluster sizes, "4 klaster" against k, a percentage against percentage facts, rupiah against money
facts in their own scale ("ribu rupiah").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..facts import Fact
from ..numbers import format_number, with_unit
from ..terms import ClaimKind, Verdict
from .checkers import register
from .lexicon import Lexicon, load_lexicon, rx
from .scope import AGGREGATE, Scope

_TOKEN = re.compile(r"(?:(?<=^)|(?<=[\s(\[:/=]))(?P<sign>[+\-−])?(?P<num>\d{1,3}(?:[.,]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)(?![\w]|[.,]\d)")


@dataclass(frozen=True)
class WrittenNumber:
    start: int
    end: int
    written: str  # as written, with sign, % and multiplier
    value: float  # in the written scale times its multiplier
    number: float  # the bare number
    decimals: int
    multiplier: float
    signed: bool
    percent: bool
    money: bool
    unit: str  # count | clusters | year | ratio | percent | money | plain
    qualifier: str | None  # approx | above | below | nearly


def after_number_rx(lex: Lexicon) -> re.Pattern:
    """What may follow a number: a percent sign or word, a multiplier ("juta"), a currency ("rupiah")."""
    multipliers = "|".join(lex.multipliers)
    return rx(rf"\s*(?P<pct>{lex.percent_words})?(?:\s*(?P<mult>{multipliers})\b\.?)?(?:\s*(?P<rp>{lex.currency_after})\b)?")


def sentence_lexicon(text: str, lex: Lexicon) -> Lexicon:
    """A mixed draft may hold a sentence of the `mixed_with` language: read its numbers that language's way."""
    if not lex.mixed_with:
        return lex
    other = load_lexicon(lex.mixed_with)
    theirs, ours = len(rx(other.function_words).findall(text)), len(rx(lex.function_words).findall(text))
    return other if theirs >= 3 and theirs > 2 * ours else lex


def find_numbers(scope: Scope, lex: Lexicon) -> list[WrittenNumber]:
    found = []
    text, masked = scope.text, scope.masked
    reading = sentence_lexicon(text, lex).numbers
    after_rx = after_number_rx(lex)
    money_before = rx(rf"(?:{lex.currency_before})\s*$")
    for match in _TOKEN.finditer(masked):
        raw = match.group("num")
        number, decimals = reading.read(raw)
        sign = match.group("sign")
        if sign in {"-", "−"}:
            number = -number
        after = after_rx.match(text, match.end())
        end = match.end()
        percent = bool(after and after.group("pct"))
        mult_word = after.group("mult").lower() if after and after.group("mult") else None
        multiplier = lex.multipliers.get(mult_word, 1.0) if mult_word else 1.0
        money = bool(money_before.search(text[: match.start()]) or (after and after.group("rp")))
        if after and (percent or mult_word or after.group("rp")):
            end = after.end()
        tail = text[end : end + 30]
        before = text[max(0, match.start() - 40) : match.start()]
        if percent:
            unit = "percent"
        elif money or mult_word:
            unit = "money"
        elif rx(rf"^\s*(?:{lex.ratio})").match(tail):
            unit = "ratio"
        elif rx(rf"^\s*(?:{lex.count_units})\b").match(tail) and decimals == 0:
            unit = "count"
        elif rx(rf"^\s*(?:{lex.cluster_units})\b").match(tail) or rx(r"\bk\s*=\s*$").search(before):
            unit = "clusters"
        elif decimals == 0 and 1900 <= abs(number) <= 2100 and not sign:
            unit = "year"
        else:
            unit = "plain"
        qualifier = None
        for name, pattern in (("approx", lex.approx), ("nearly", lex.nearly), ("above", lex.above_bound), ("below", lex.below_bound)):
            if rx(rf"(?:{pattern})\s*(?:(?:{lex.currency_sign})\s*)?$").search(before):
                qualifier = name
                break
        if decimals == 0 and unit in {"money", "plain"} and abs(number) >= 10_000:
            zeros = len(raw.replace(".", "").replace(",", "")) - len(raw.replace(".", "").replace(",", "").rstrip("0"))
            decimals = -min(zeros, 6)  # "Rp 15.376.000" is rounded to thousands: ±500
        # the claim's value is the number as written (with its sign and %); the unit goes in the note
        written = text[match.start() : after.end("pct") if after and after.group("pct") else match.end()].strip()
        found.append(WrittenNumber(match.start(), end, written, number * multiplier, number, decimals, multiplier, sign is not None,
                                   percent, money, unit, qualifier))
    return found


def _fact_scale(fact: Fact, lex: Lexicon) -> float:
    """A fact in "ribu rupiah" is in thousands: the factor that turns it into plain rupiah."""
    unit = (fact.unit or "").lower()
    for word, factor in lex.multipliers.items():
        if unit.startswith(word):
            return factor
    return 1.0


@register
class NumberChecker:
    kind = ClaimKind.NUMBER
    words = ("reference", "respectively", "ratio", "count_units", "cluster_units", "approx", "nearly", "above_bound", "below_bound",
             "percent_words", "currency_after", "currency_before", "currency_sign", "data_scope", "gap_cue", "range_cue")

    def __init__(self, verifier):
        self.v = verifier
        self.reference_rx = rx(verifier.lex.reference)
        self.concepts = tuple((pattern, (fact_id,)) for fact_id, pattern in verifier.lex.concepts.items())
        self.numeric = [f for f in verifier.facts.index.values() if isinstance(f.value, (int, float)) and not isinstance(f.value, bool)
                        and f.kind not in {"direction", "members"}]

    def check(self, scope: Scope) -> None:
        v = self.v
        respectively = bool(rx(v.lex.respectively).search(scope.text))
        for number in find_numbers(scope, v.lex):
            clusters = scope.clusters_in_clause(number.start) if respectively else ()
            clusters = clusters or scope.clusters_for(number.start)
            features = scope.features_for(number.start)
            anchor = scope.nearest_before(number.start)
            named_member = anchor.value if anchor is not None and anchor in scope.members else None
            if number.unit == "ratio":
                v.claim(scope, ClaimKind.NUMBER, number.written, clusters, features, None, Verdict.UNVERIFIABLE, "rasio tidak ada dalam fakta")
                continue
            if self.between_clusters(scope, number, features):
                continue
            pool = self.pool(scope, number, clusters, features, named_member)
            if named_member is not None and named_member != AGGREGATE and not any(f.member == named_member for f in pool) and number.unit != "count":
                v.unit_number(scope, number, named_member, features)
                continue
            self.judge(scope, number, pool, clusters, features)

    def between_clusters(self, scope: Scope, number: WrittenNumber, features) -> bool:
        """"Selisih pengeluaran antara Klaster 1 dan Klaster 4 lebih dari Rp 6 juta": the gap of two means."""
        start, end = scope.clause(number.start)
        cue = rx(rf"\b(?:{self.v.lex.gap_cue})\b").search(scope.text, start, number.start)
        named = [m for m in scope.clusters if start <= m.start < number.start]
        pair = list(dict.fromkeys(m.value for m in named))
        if not cue or len(pair) != 2 or len(features) != 1 or number.unit in {"count", "clusters", "year"}:
            return False
        feature = features[0]
        a, b = (self.v.facts.cluster(n).features[feature].mean for n in pair)
        info = self.v.facts.feature(feature)
        fact = Fact(f"K{pair[0]}.{feature}.mean", abs(a - b), "diff", info.decimals, info.unit, pair[0], feature)
        if number.percent:
            return False  # a relative gap: its base is ambiguous, leave it to the general pool
        ok = self.equal(number, fact)
        shown = with_unit(format_number(abs(a - b), info.decimals), info.unit)
        self.v.claim(scope, ClaimKind.NUMBER, number.written, (pair[0],), (feature,), self.v.facts.index.get(f"K{pair[0]}.{feature}.mean"),
                     Verdict.TRUE if ok else Verdict.FALSE, f"selisih rata-rata Klaster {pair[0]} dan Klaster {pair[1]}" + (f"; {self.reading(number)}" if self.reading(number) else ""),
                     expected=shown)
        return True

    def pool(self, scope: Scope, number: WrittenNumber, clusters, features, member) -> list[Fact]:
        facts = []
        for f in self.numeric:
            if f.member is not None and f.member != member:
                continue
            if number.unit == "count":
                if f.kind not in {"size", "count"}:
                    continue
                if clusters and f.cluster not in clusters:
                    continue
            elif number.unit == "clusters":
                if f.kind not in {"k", "size", "count"} or (f.kind != "k" and not clusters):
                    continue
            else:
                if (number.percent or scope.stat == "diff_pct") != (f.unit == "%"):
                    continue
                if clusters and f.cluster is not None and f.cluster not in clusters:
                    continue
                if features and f.feature is not None and f.feature not in features:
                    continue
                if number.unit == "money" and "rupiah" not in (f.unit or "").lower() and f.unit != "":
                    continue
            facts.append(f)
        if number.unit == "year":
            years = [f for f in facts if f.kind == "year"]
            others = [f for f in facts if f.kind != "year" and self.equal(number, f)]
            facts = others or years or facts
        unit_word = re.match(r"\s*([A-Za-z]+)", scope.text[number.end : number.end + 20])
        if unit_word and number.unit == "plain":
            word = unit_word.group(1).lower()
            if any((f.unit or "").lower().startswith(word) for f in self.v.facts.index.values() if f.feature):
                facts = [f for f in facts if (f.unit or "").lower().startswith(word)] or facts
        if scope.stat:
            preferred = [f for f in facts if f.kind == scope.stat]
            facts = preferred or facts
        if not clusters and number.unit in {"plain", "money"} and self._reference_before(scope, number):
            facts = [f for f in facts if f.kind == "reference"] or facts
        concept = self.concept(scope, number)
        if concept:
            facts = [f for f in facts if f.id in concept] + [f for f in facts if f.id not in concept]
        stat = self.stat_cue(scope, number)
        if stat:
            facts = [f for f in facts if f.kind == stat] or facts
        return facts

    def _reference_before(self, scope: Scope, number: WrittenNumber) -> bool:
        start, _ = scope.clause(number.start)
        return bool(self.reference_rx.search(scope.text, max(start, number.start - 50), number.start))

    def concept(self, scope: Scope, number: WrittenNumber) -> tuple[str, ...]:
        start, end = scope.clause(number.start)
        for pattern, ids in self.concepts:
            if rx(pattern).search(scope.text, start, end) and any(i in self.v.facts.index for i in ids):
                return ids
        return ()

    def stat_cue(self, scope: Scope, number: WrittenNumber) -> str | None:
        start, _ = scope.clause(number.start)
        before = scope.text[max(start, number.start - 60) : number.start]
        for pattern, kind in self.v.lex.stat_words:
            if rx(pattern).search(before):
                return kind
        cue = rx(rf"\b(?:{self.v.lex.range_cue})\b").search(scope.text, start, number.start)
        if cue:
            between = scope.masked[cue.end() : number.start]
            return "max" if re.search(r"\d", between) else "min"
        return None

    def equal(self, number: WrittenNumber, fact: Fact) -> bool:
        slack = 0.5 * 10 ** (-number.decimals) * number.multiplier + self.v.tolerance
        targets = []
        value = float(fact.value)
        if not number.signed and fact.kind in {"diff", "diff_pct", "z"}:
            value = abs(value)
        targets.append(value)
        if number.multiplier != 1.0 or number.money:
            targets.append(value * _fact_scale(fact, self.v.lex))
        for target in targets:
            target = round(target, 12)
            if number.qualifier == "approx":
                if abs(target - number.value) <= max(slack, abs(number.value) * self.v.approx_pct / 100):
                    return True
            elif number.qualifier == "nearly":
                if number.value * (1 - self.v.approx_pct / 100) - slack <= target <= number.value + slack:
                    return True
            elif number.qualifier == "above":
                if target > number.value - self.v.tolerance:
                    return True
            elif number.qualifier == "below":
                if target < number.value + self.v.tolerance:
                    return True
            elif abs(target - number.value) <= slack:
                return True
        return False

    def judge(self, scope: Scope, number: WrittenNumber, pool: list[Fact], clusters, features) -> None:
        v = self.v
        everything = pool
        if number.qualifier in {"above", "below", "nearly"}:
            main = [f for f in pool if f.kind in {"mean", "size", "reference", "count", "k"}] or pool
            if clusters:
                main = [f for f in main if f.cluster in clusters] or main
            pool = main
        matched = [f for f in pool if self.equal(number, f)]
        if not matched and number.qualifier in {"above", "below", "nearly"}:
            # "di bawah 0,60" quoting a threshold fact: the written number is that fact
            exact = WrittenNumber(**{**number.__dict__, "qualifier": None})
            matched = [f for f in everything if self.equal(exact, f)]
        if matched:
            best = min(matched, key=lambda f: self.priority(f, scope, clusters, features))
            v.claim(scope, ClaimKind.NUMBER, number.written, clusters, features, best, Verdict.TRUE, self.reading(number))
            return
        data_scope = number.unit in {"count", "clusters", "year"} and rx(v.lex.data_scope).search(scope.text)
        specific = bool(clusters or features) or number.unit == "clusters" or bool(data_scope) or bool(self.concept(scope, number))
        if specific and pool:
            nearest = min(pool, key=lambda f: (self.priority(f, scope, clusters, features)[:2], abs(abs(float(f.value)) * (_fact_scale(f, v.lex) if number.multiplier != 1 else 1) - abs(number.value)) / (abs(float(f.value)) or 1)))
            v.claim(scope, ClaimKind.NUMBER, number.written, clusters, features, nearest, Verdict.FALSE, "tidak cocok dengan fakta dalam konteksnya" + (f"; {self.reading(number)}" if self.reading(number) else ""))
        elif specific:
            v.claim(scope, ClaimKind.NUMBER, number.written, clusters, features, None, Verdict.FALSE if number.unit == "count" and clusters else Verdict.UNVERIFIABLE, "tidak ditemukan")
        else:
            v.claim(scope, ClaimKind.NUMBER, number.written, clusters, features, None, Verdict.UNVERIFIABLE, "tidak ditemukan")

    @staticmethod
    def reading(number: WrittenNumber) -> str:
        if number.multiplier == 1.0 and not number.money:
            return ""
        qualifier = {"approx": "sekitar ", "above": "lebih dari ", "below": "kurang dari ", "nearly": "hampir "}.get(number.qualifier or "", "")
        return f"dibaca sebagai {qualifier}{format_number(number.value, 0)}" + (" rupiah" if number.money else "")

    @staticmethod
    def priority(fact: Fact, scope: Scope, clusters, features) -> tuple:
        return (
            0 if scope.stat and fact.kind == scope.stat else 1,
            0 if fact.cluster is not None and fact.cluster in clusters else 1,
            0 if fact.feature is not None and fact.feature in features else 1,
            0 if fact.kind == "mean" else 1,
            fact.id,
        )
