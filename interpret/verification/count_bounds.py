"""What `CountChecker` (counts.py) judges besides a count against the reference: a bound said of every member, or of
none ("All provinces in Cluster 4 have … below IDR 11 million", "tidak satu pun anggota Klaster 2 … di atas 80 tahun"),
checked on the members' extreme, a count of the members the bootstrap finds unstable, and the provinces named beside a count
and the threshold it is counted against. Split off counts.py to keep
that module under 500 lines; `MemberBounds` is its base class and uses its `v` (the verifier).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

import re

from ..facts import Fact
from ..terms import ClaimKind, Verdict
from .lexicon import rx
from .scope import AGGREGATE, Scope

if TYPE_CHECKING:  # counts.py imports this module
    from .counts import Condition, CountPhrase


class MemberBounds:
    def member_bound(self, scope: Scope, number, binding) -> bool:
        """A bound said of every member, or of none ("All provinces in Cluster 4 have … below IDR 11 million", "tidak satu
        pun anggota Klaster 2 … di atas 80 tahun"), holds for the members, not for their mean: "all below N" is the
        members' maximum below N, "all above N" their minimum above it, "none above N" the maximum not above it. Judged
        here (and True returned) when the number is bound to a cluster's mean and its clause quantifies the members."""
        v = self.v
        fact = binding.fact
        if number.qualifier not in {"above", "below"} or binding.how != "subject" or fact is None or fact.kind != "mean" or fact.cluster is None:
            return False
        start, _ = scope.clause(number.start)
        none = rx(v.lex.no_member).search(scope.text, start, number.start)
        every = None if none else rx(v.lex.all_members).search(scope.text, start, number.start)
        if not (none or every):
            return False
        side = ("min" if number.qualifier == "above" else "max") if every else ("max" if number.qualifier == "above" else "min")
        extreme = v.facts.index.get(f"K{fact.cluster}.{fact.feature}.{side}")
        # "Selain Papua, seluruh anggota …", "Di luar Papua, tak satu pun …": the excepted units are left out
        cue = rx(rf"\b(?:{v.lex.except_word}|{v.lex.words.get('except_outside', '(?!)')})\s+$")
        excepted = {m.value for m in scope.members if cue.search(scope.text, max(0, m.start - 20), m.start)}
        if excepted:
            rest = [m for m in v.facts.cluster(fact.cluster).members if m not in excepted]
            values = {m: v.unit_value(m, fact.feature) for m in rest}
            if not rest or any(value is None for value in values.values()):
                return False
            member = (min if side == "min" else max)(values, key=values.get)
            extreme = v.unit_fact(member, fact.feature, values[member])
        if extreme is None:
            return False
        holds = v.checks[ClaimKind.NUMBER].equal(number, extreme)
        ok = holds if every else not holds
        # the claim is the quantified statement, from its quantifier to the bound ("tidak satu pun anggota klaster ini …
        # di atas Rp13 juta"): what is said of the members, not a value of the cluster
        quantifier = none or every
        unit = rx(rf"\s*(?:{v.lex.measure_units})(?!\w)").match(scope.text, number.end) if "measure_units" in v.lex.words else None
        written = scope.text[quantifier.start() : unit.end() if unit else number.end].strip().rstrip(".,;:")
        v.claim(scope, ClaimKind.NUMBER, written, (fact.cluster,), (fact.feature,), extreme, Verdict.TRUE if ok else Verdict.FALSE,
                v.say("every_member" if every else "no_member", fact=extreme.id, value=extreme.text))
        return True

    def _judge_unstable(self, scope: Scope, phrase: CountPhrase, clusters: tuple[int, ...]) -> None:
        """A count of unstable units: every unit of the data (STAB.n_unstable_units), or a cluster's members whose share
        of replicates in another cluster reaches the switching threshold (UNIT.*.moved_pct, STAB.threshold_pct)."""
        v = self.v
        members = [m for c in v.facts.clusters if not clusters or c.number in clusters for m in c.members]
        fact = v.facts.index.get("STAB.n_unstable_units") if not clusters else None
        threshold = v.facts.index.get("STAB.threshold_pct")
        if fact is None and threshold is not None:
            shares = {f.member: f for f in v.facts.index.values() if f.kind == "moved_pct" and f.id.endswith(".moved_pct") and not f.id.endswith("_to_pct")}
            moved = [shares.get(m) for m in members]
            if moved and all(f is not None for f in moved):
                total = sum(float(f.value) >= float(threshold.value) for f in moved)
                group = "+".join(f"K{c}" for c in clusters)
                fact = Fact(f"{group}.n_unstable", total, "count", 0, "", clusters[0] if len(clusters) == 1 else None, None, str(total))
        if fact is None:
            v.claim(scope, ClaimKind.COUNT, phrase.written, clusters, (), None, Verdict.UNVERIFIABLE, v.say("stability_not_run"))
            return
        satisfying, size = int(fact.value), len(members)
        ok = satisfying == phrase.count and (phrase.of_size is None or phrase.of_size == size) if phrase.count is not None else (
            satisfying > size / 2 if phrase.majority else abs(satisfying - (phrase.fraction or 0) * size) <= 0.5)
        note = v.say("members_satisfying", satisfying=satisfying, size=size) + ("; " + v.say("group_size_differs", size=size, stated=phrase.of_size) if phrase.of_size not in (None, size) else "")
        v.claim(scope, ClaimKind.COUNT, phrase.written, clusters, (), fact, Verdict.TRUE if ok else Verdict.FALSE, note, expected=f"{satisfying} / {size}")

    def threshold_reference(self, scope: Scope, threshold, features: tuple[str, ...]) -> None:
        """"only three of its ten members clear the 73.93-year mark": a count's threshold written as the reference's value
        states that value (true, bound to REF.*); any other threshold is a cut-off of the writer's, no claim."""
        v = self.v
        fact = v.facts.index.get(f"REF.{features[0]}") if threshold is not None and len(features) == 1 else None
        if fact is not None and v.checks[ClaimKind.NUMBER].equal(replace(threshold, qualifier=None), fact):
            v.claim(scope, ClaimKind.NUMBER, threshold.written, (), features, fact, Verdict.TRUE, v.say("threshold_is_reference", fact=fact.id))

    def named_members(self, scope: Scope, named: list[str], feature: str, limit: float, above: bool, negated: bool) -> None:
        """"Three of the five Cluster 4 provinces (Papua Barat, Nusa Tenggara Timur and Sulawesi Barat) post … above …":
        each province listed as one of the counted is a claim of its own, that it meets the condition."""
        v = self.v
        for member in named:
            value = v.unit_value(member, feature)
            if value is None:
                continue
            meets = ((value > limit) if above else (value < limit)) != negated
            fact = v.unit_fact(member, feature, value)
            v.claim(scope, ClaimKind.DIRECTION, member, (v.cluster_of(member),), (feature,), fact, Verdict.TRUE if meets else Verdict.FALSE,
                    v.say("named_member_condition", member=member, value=fact.text if fact is not None else value))

    def _limit(self, feature: str, condition: Condition) -> float:
        """The value a member must be above or below: the reference's, or the written threshold in the indicator's unit."""
        v = self.v
        if condition.threshold is None:
            return float(v.facts.reference.values[feature])
        from .numbers import _fact_scale

        number = condition.threshold
        info = v.facts.feature(feature)
        scale = _fact_scale(Fact("", 0, "", 0, info.unit), v.lex) if (number.multiplier != 1.0 or number.money) else 1.0
        return number.value / scale

    def _named(self, scope: Scope, phrase: CountPhrase, condition: Condition) -> list[str]:
        """The provinces set beside a count ("only one of them, Jawa Timur, has …", "three of the five (A, B and C) …")."""
        named = [m for m in scope.members if phrase.end <= m.start < condition.position and m.value != AGGREGATE]
        if not named:
            return []
        # (after the cluster the count is of: "two of the five members of Cluster 4 (Papua Barat and …)")
        gap, cluster = scope.text[phrase.end : named[0].start], ""
        for m in scope.clusters:
            if phrase.end <= m.start and m.end <= named[0].start:
                gap, cluster = gap.replace(m.text, " "), r"(?:\s*\w+)?"
        if not re.fullmatch(rf"{cluster}\s*[,—–(:]\s*", gap):
            return []
        return list(dict.fromkeys(m.value for m in named))

    def _named_failing(self, scope: Scope, phrase: CountPhrase, condition: Condition, feature: str) -> list[str]:
        """The provinces set beside a count that do not meet its condition."""
        v = self.v
        limit = self._limit(feature, condition)
        failing = []
        for m in self._named(scope, phrase, condition):
            value = v.unit_value(m, feature)
            meets = value is not None and ((value > limit) if condition.above else (value < limit))
            if meets == condition.negated:
                failing.append(m)
        return failing

    def _failing_subject(self, scope: Scope, phrase: CountPhrase, condition: Condition, feature: str) -> list[str]:
        """The unit a clause names before "the only member …" ("Sulawesi Barat menjadi satu-satunya anggota dengan …"), when it
        does not meet the condition."""
        v = self.v
        start, _ = scope.clause(phrase.start)
        before = [m for m in scope.members if start <= m.start < phrase.start and m.value != AGGREGATE]
        if not before:
            return []
        value, limit = v.unit_value(before[-1].value, feature), self._limit(feature, condition)
        meets = value is not None and ((value > limit) if condition.above else (value < limit)) != condition.negated
        return [] if meets else [before[-1].value]

    def _named_after(self, scope: Scope, condition: Condition) -> list[str]:
        """The provinces listed after a count's threshold with "yaitu" / "namely" ("hanya dua anggota … di atas 8,77 tahun,
        yaitu A dan B"): the counted, each a claim of its own."""
        lex = self.v.lex
        if condition.threshold is None or "count_namely" not in lex.words:
            return []
        cue = rx(rf"\s*[,:—–]?\s*(?:{lex.count_namely})\s+").match(scope.text, condition.threshold.end)
        if cue is None:
            unit = rx(rf"\s*(?:{lex.measure_units})(?!\w)").match(scope.text, condition.threshold.end) if "measure_units" in lex.words else None
            cue = rx(rf"\s*[,:—–]?\s*(?:{lex.count_namely})\s+").match(scope.text, unit.end()) if unit else None
        if cue is None:
            return []
        _, end = scope.clause(cue.end())
        return list(dict.fromkeys(m.value for m in scope.members if cue.end() <= m.start < end and m.value != AGGREGATE))
