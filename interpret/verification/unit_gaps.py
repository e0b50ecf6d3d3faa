"""A unit's gap to a reference, stated with its size (split from numbers.py; a mixin of `NumberChecker`, which supplies
`v`, `equal`, `sign_agrees` and `unit_mean`).

- "Papua … lebih dari 6 tahun di bawah angka nasional": the unit's value minus the reference (or in % of it), or minus
  the mean of the units when the clause names that mean;
- "Papua … lebih dari 1,5 juta rupiah di bawah rata-rata klasternya", "2 years below its cluster's mean" (lexicon
  `own_cluster_mean`): minus the mean of the unit's own cluster.
"""

from __future__ import annotations

import re

from ..facts import Fact
from ..numbers import format_number
from ..terms import ClaimKind, Verdict
from .lexicon import rx
from .scope import Scope


class UnitGapChecks:
    def unit_gap(self, scope: Scope, number, member: str, features, stat: str) -> None:
        """"Papua … lebih dari 6 tahun di bawah angka nasional", "72.02 years …, more than two years short of the national
        benchmark": a qualified number measured from the reference is the unit's gap to it (the unit's value minus the
        reference, or in % of it), never the unit's own value; the mean of the units when the clause names it."""
        v = self.v
        value = v.unit_value(member, features[0]) if len(features) == 1 else None
        if value is None:
            v.unit_number(scope, number, member, features)  # its own notes: which indicator, or no value for the unit
            return
        feature = features[0]
        info = v.facts.feature(feature)
        if self.own_cluster_gap(scope, number, member, feature, stat, value):
            return
        reference = self.unit_mean.value(feature) if self.unit_mean.measured_against_unit_mean(scope, number.start, number.end) else None
        if reference is None:
            reference = float(v.facts.reference.values[feature])
        if stat == "diff_pct":
            gap = 100 * (value - reference) / abs(reference or 1)
            fact = Fact(f"UNIT[{member}].{feature}.diff_pct", gap, "diff_pct", 1, "%", v.cluster_of(member), feature, format_number(gap, 1, signed=True) + " %", member)
        else:
            gap = value - reference
            fact = Fact(f"UNIT[{member}].{feature}.diff", gap, "diff", info.decimals, info.unit, v.cluster_of(member), feature,
                        format_number(gap, info.decimals, signed=True) + (f" {info.unit}" if info.unit else ""), member)
        if not number.signed and not self.sign_agrees(scope, number, gap):
            v.claim(scope, ClaimKind.NUMBER, number.written, (fact.cluster,), features, fact, Verdict.FALSE, v.say("reversed_fact", fact=fact.id, value=fact.text))
            return
        ok = self.equal(number, fact)
        v.claim(scope, ClaimKind.NUMBER, number.written, (fact.cluster,), features, fact, Verdict.TRUE if ok else Verdict.FALSE,
                v.say("unit_reference_gap", member=member), expected=fact.text)

    def own_cluster_after(self, scope: Scope, number) -> bool:
        """The number is measured from its unit's own cluster mean, named within a few words after it ("… juta rupiah di
        bawah rata-rata klasternya"); no clause mark between, so an earlier level ("7,56 juta, …") is not."""
        lex = self.v.lex
        if "own_cluster_mean" not in lex.words:
            return False
        _, end = scope.clause(number.start)
        phrase = rx(lex.own_cluster_mean).search(scope.text, number.end, end)
        return phrase is not None and len(scope.text[number.end : phrase.start()].split()) <= 5 \
            and not re.search(r"[\d,;:()]", scope.text[number.end : phrase.start()])

    def own_cluster_gap(self, scope: Scope, number, member: str, feature: str, stat: str, value: float) -> bool:
        """"Papua … lebih dari 1,5 juta rupiah di bawah rata-rata klasternya", "2 years below its cluster's mean": the unit's
        gap to the mean of its own cluster, not to the national reference."""
        v = self.v
        _, end = scope.clause(number.start)
        cluster = v.cluster_of(member)
        if cluster is None or not self.own_cluster_after(scope, number):
            return False
        mean = v.facts.index.get(f"K{cluster}.{feature}.mean")
        if mean is None:
            return False
        info = v.facts.feature(feature)
        base = float(mean.value)
        if stat == "diff_pct":
            gap = 100 * (value - base) / abs(base or 1)
            fact = Fact(f"UNIT[{member}]-K{cluster}.{feature}.diff_pct", gap, "diff_pct", 1, "%", cluster, feature, format_number(gap, 1, signed=True) + " %", member)
        else:
            gap = value - base
            fact = Fact(f"UNIT[{member}]-K{cluster}.{feature}.diff", gap, "diff", info.decimals, info.unit, cluster, feature,
                        format_number(gap, info.decimals, signed=True) + (f" {info.unit}" if info.unit else ""), member)
        if not number.signed and not self.sign_agrees(scope, number, gap):
            v.claim(scope, ClaimKind.NUMBER, number.written, (cluster,), (feature,), fact, Verdict.FALSE, v.say("reversed_fact", fact=fact.id, value=fact.text))
            return True
        ok = self.equal(number, fact)
        v.claim(scope, ClaimKind.NUMBER, number.written, (cluster,), (feature,), fact, Verdict.TRUE if ok else Verdict.FALSE,
                v.say("unit_cluster_gap", member=member, cluster=cluster), expected=fact.text)
        return True
