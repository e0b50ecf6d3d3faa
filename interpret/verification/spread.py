"""Spread and homogeneity: "variasi kecil", "homogen", "beragam", "tidak ada variasi", "pola yang
identik di seluruh anggota", "keragaman paling lebar pada X", "klaster paling homogen".

A cluster's spread is its members' coefficient of variation (sd / mean), averaged over the named
indicators (all when none is named), ranked against the other clusters with two or more members:
"homogen / variasi kecil" is true in the lower half, "beragam" in the upper half. In a one-member
cluster there is no spread and no shared pattern, so every such claim is false by construction
(and its negation, "tidak ada variasi antaranggota", is true).
"""

from __future__ import annotations

from ..terms import ClaimKind, Verdict
from .checkers import register
from .lexicon import rx
from .scope import Scope


@register
class SpreadChecker:
    kind = ClaimKind.SPREAD
    words = ("low_spread", "high_spread", "zero_spread", "all_members", "widest", "spread_subject", "spread_preposition", "most_spread",
             "exemption", "identical", "narrowest_spread", "relative_pronoun")

    def __init__(self, verifier):
        self.v = verifier
        lex = verifier.lex
        self.low_rx = rx(lex.low_spread)
        self.high_rx = rx(lex.high_spread)
        self.zero_rx = rx(lex.zero_spread)
        self.members_rx = rx(lex.all_members)
        self.negation_rx = rx(lex.negation)
        self.widest_rx = rx(rf"(?:{lex.spread_subject})\s+(?:\w+\s+){{0,4}}?(?:{lex.widest})\s+(?:\w+\s+)?(?:{lex.spread_preposition})\b")
        # "the widest spread (among members is) in X": the adjective before the noun, as English writes it
        self.widest_before_rx = rx(rf"\b(?:(?:{lex.article})\s+)?(?:{lex.widest})\s+(?:{lex.spread_subject})\s+(?:[\w-]+\s+){{0,3}}?(?:{lex.spread_preposition})\b")
        self.frame_rx = rx(lex.scope_before)
        # "Klaster 3 memiliki sebaran yang paling sempit", "Cluster 3 has the narrowest spread": the extreme of the clusters
        extreme = rf"(?:(?P<narrow>{lex.narrowest_spread})|{lex.widest})"
        self.extreme_rx = rx(rf"(?P<pre>\b(?:{lex.spread_subject})\s+(?:[\w-]+\s+){{0,4}}?(?:(?:{lex.relative_pronoun})\s+)?)?\b{extreme}\b(?P<post>\s+(?:{lex.spread_subject})\b)?")
        self.most_rx = rx(lex.most_spread)  # groups: word (the adjective), least (when it reverses it), low (when it means homogeneous)
        self.exemption_rx = rx(lex.exemption)
        self.identical_rx = rx(lex.identical)
        # "sebaran pengeluaran paling lebar …, dengan simpangan baku sekitar Rp2,3 juta": a sentence that names the standard
        # deviation compares the clusters' standard deviations on the one indicator, not their relative spread
        sd_words = [pattern for pattern, kind in lex.stat_words if kind == "sd"]
        self.sd_named_rx = rx("|".join(sd_words)) if sd_words else None

    def check(self, scope: Scope) -> None:
        v = self.v
        claimed_positions = set()
        for match in self.widest_rx.finditer(scope.text):
            self._widest(scope, match)
            claimed_positions.add(match.start())
        for match in self.widest_before_rx.finditer(scope.text):
            if match.start() not in claimed_positions:
                self._widest_named(scope, match)
                claimed_positions.add(match.start())
        for match in self.extreme_rx.finditer(scope.text):
            if (match.group("pre") or match.group("post")) and not any(abs(match.start() - p) < 30 for p in claimed_positions):
                self._extreme(scope, match)
                claimed_positions.add(match.start())
        for match in self.most_rx.finditer(scope.text):
            self._most(scope, match)
            claimed_positions.add(match.start())
        found = []
        for kind, pattern in (("zero", self.zero_rx), ("low", self.low_rx), ("high", self.high_rx), ("members", self.members_rx)):
            for match in pattern.finditer(scope.text):
                if any(abs(match.start() - p) < 30 for p in claimed_positions):
                    continue
                if any(m.start() <= match.start() < m.end() for _, m in found):
                    continue
                found.append((kind, match))
        for kind, match in found:
            clusters = scope.clusters_for(match.start())
            start, _ = scope.clause(match.start())
            negated = bool(self.negation_rx.search(scope.text, max(start, match.start() - 25), match.start())) or bool(
                self.negation_rx.search(scope.text, match.end(), min(len(scope.text), match.end() + 25)) and self.exemption_rx.search(scope.text, match.end(), match.end() + 40)
            )
            for cluster in clusters:
                c = v.facts.cluster(cluster)
                size_fact = v.facts.index.get(f"K{cluster}.size")
                if c.size == 1:
                    ok = negated or kind == "zero"
                    v.claim(scope, ClaimKind.SPREAD, match.group(0), (cluster,), (), size_fact, Verdict.TRUE if ok else Verdict.FALSE,
                            "" if ok else v.say("singleton_no_pattern", cluster=cluster, unit=v.facts.dataset.unit))
                    continue
                if kind == "members":
                    if self.identical_rx.search(match.group(0)) and not negated:
                        v.claim(scope, ClaimKind.SPREAD, match.group(0), (cluster,), (), size_fact, Verdict.FALSE, v.say("members_not_identical"))
                    continue
                features = scope.features_for(match.start())
                if kind == "zero":
                    ok = negated  # "bukan tanpa variasi"
                    v.claim(scope, ClaimKind.SPREAD, match.group(0), (cluster,), features, size_fact, Verdict.TRUE if ok else Verdict.FALSE, v.say("several_members_spread"))
                    continue
                low = (kind == "low") != negated
                self._relative(scope, match.group(0), cluster, features, low)

    def _spread(self, cluster: int, features, absolute: bool = False) -> float | None:
        """The members' coefficient of variation averaged over the indicators; their standard deviation when `absolute`
        and one indicator is named (one unit, so the standard deviations compare)."""
        c = self.v.facts.cluster(cluster)
        names = features or [f.name for f in self.v.facts.features]
        values = []
        for name in names:
            ff = c.features[name]
            if ff.sd is None or c.size < 2:
                return None
            values.append(ff.sd if absolute and len(names) == 1 else ff.sd / abs(ff.mean or 1))
        return sum(values) / len(values)

    def _names_sd(self, scope: Scope) -> bool:
        return self.sd_named_rx is not None and bool(self.sd_named_rx.search(scope.text))

    def _relative(self, scope: Scope, phrase: str, cluster: int, features, low: bool) -> None:
        v = self.v
        spreads = {c.number: self._spread(c.number, features) for c in v.facts.clusters}
        spreads = {n: s for n, s in spreads.items() if s is not None}
        order = sorted(spreads, key=spreads.get)
        m = len(order)
        position = order.index(cluster) + 1
        fact = v.facts.index.get(f"K{cluster}.{features[0]}.sd") if features else v.facts.index.get(f"K{cluster}.size")
        note = v.say("spread_order", position=position, count=m)
        if m % 2 == 1 and position == (m + 1) // 2:
            v.claim(scope, ClaimKind.SPREAD, phrase, (cluster,), features, fact, Verdict.UNVERIFIABLE, note + ": " + v.say("in_the_middle"))
            return
        in_low_half = position <= m / 2
        v.claim(scope, ClaimKind.SPREAD, phrase, (cluster,), features, fact, Verdict.TRUE if in_low_half == low else Verdict.FALSE, note)

    def _most(self, scope: Scope, match) -> None:
        v = self.v
        low = bool(match.group("low"))
        if match.group("least"):
            low = not low
        features = scope.features_for(match.start())
        spreads = {c.number: self._spread(c.number, features, self._names_sd(scope)) for c in v.facts.clusters}
        spreads = {n: s for n, s in spreads.items() if s is not None}
        target = (min if low else max)(spreads, key=spreads.get)
        for cluster in scope.clusters_for(match.start()):
            ok = cluster == target
            v.claim(scope, ClaimKind.SPREAD, match.group(0), (cluster,), features, v.facts.index.get(f"K{cluster}.size"), Verdict.TRUE if ok else Verdict.FALSE,
                    v.say("most_homogeneous" if low else "most_varied", cluster=target))

    def _extreme(self, scope: Scope, match) -> None:
        """"Klaster 3 memiliki sebaran yang paling sempit": the cluster the clause is about has the narrowest (or widest)
        spread of the clusters with two or more members, on the indicators the clause names (all when none)."""
        v = self.v
        narrow = bool(match.group("narrow"))
        features = scope.features_for(match.start())
        spreads = {c.number: self._spread(c.number, features, self._names_sd(scope)) for c in v.facts.clusters}
        spreads = {n: value for n, value in spreads.items() if value is not None}
        if not spreads:
            return
        target = (min if narrow else max)(spreads, key=spreads.get)
        for cluster in scope.clusters_for(match.start()):
            fact = v.facts.index.get(f"K{cluster}.{features[0]}.sd") if len(features) == 1 else v.facts.index.get(f"K{cluster}.size")
            v.claim(scope, ClaimKind.SPREAD, match.group(0).strip(), (cluster,), features, fact, Verdict.TRUE if cluster == target else Verdict.FALSE,
                    v.say("most_homogeneous" if narrow else "most_varied", cluster=target))

    def _widest(self, scope: Scope, match) -> None:
        v = self.v
        named = scope.features_for(match.end(), after_only=True)
        if not named:
            # "Sebaran pengeluaran paling lebar terdapat di Klaster 1": the indicator inside, the cluster after; the clusters compared
            inside = [m.value for m in scope.features if match.start() <= m.start < match.end()]
            after = [m for m in scope.clusters if match.end() <= m.start <= match.end() + 2]
            if inside and after:
                self._widest_cluster(scope, match.group(0).strip(), after[0].value, inside[0])
            return
        feature = named[0]
        for cluster in scope.clusters_for(match.start()):
            c = v.facts.cluster(cluster)
            if c.size == 1:
                v.claim(scope, ClaimKind.SPREAD, match.group(0), (cluster,), (feature,), v.facts.index.get(f"K{cluster}.size"), Verdict.FALSE, v.say("singleton_no_spread"))
                continue
            widest = max(v.facts.features, key=lambda f: (c.features[f.name].max - c.features[f.name].min) / abs(c.features[f.name].reference or 1))
            v.claim(scope, ClaimKind.SPREAD, match.group(0).strip(), (cluster,), (feature,), v.facts.index.get(f"K{cluster}.{feature}.max"),
                    Verdict.TRUE if widest.name == feature else Verdict.FALSE, v.say("widest_range", feature=widest.name))

    def _widest_named(self, scope: Scope, match) -> None:
        """"Within Cluster 2, the widest spread … is in X": the cluster's widest indicator (`_widest`); "Cluster 4 shows the
        widest spread in X", the cluster the subject: its spread on X is the widest of the clusters with two or more members."""
        v = self.v
        start, _ = scope.clause(match.start())
        subjects = [c for c in scope.clusters if start <= c.start < match.start()]
        if not subjects or self.frame_rx.search(scope.text, start, subjects[-1].start):
            self._widest(scope, match)
            return
        named = scope.features_for(match.end(), after_only=True)
        if not named:
            return
        self._widest_cluster(scope, match.group(0).strip(), subjects[-1].value, named[0])

    def _widest_cluster(self, scope: Scope, phrase: str, cluster: int, feature: str) -> None:
        """The cluster's spread on the indicator is the widest of the clusters with two or more members."""
        v = self.v
        spreads = {c.number: self._spread(c.number, (feature,), self._names_sd(scope)) for c in v.facts.clusters}
        spreads = {n: value for n, value in spreads.items() if value is not None}
        if cluster not in spreads:  # one member: no spread at all
            v.claim(scope, ClaimKind.SPREAD, phrase, (cluster,), (feature,), v.facts.index.get(f"K{cluster}.size"), Verdict.FALSE,
                    v.say("singleton_no_spread"))
            return
        target = max(spreads, key=spreads.get)
        v.claim(scope, ClaimKind.SPREAD, phrase, (cluster,), (feature,), v.facts.index.get(f"K{cluster}.{feature}.sd"),
                Verdict.TRUE if target == cluster else Verdict.FALSE, v.say("most_varied", cluster=target))
