"""Stability claims ("Klaster 2 stabil", "Klaster 4 paling tidak stabil"), checked against the
bootstrap Jaccard facts `K{n}.jaccard` when the stability analysis ran; thresholds live in
interpret/rules/konsistensi.toml ([ambang], read through interpret/thresholds.py). Without those facts the claim cannot be verified.
Numbers such as "berpindah klaster pada 35 % replikasi" are number claims matched to the unit facts.
"""

from __future__ import annotations

from ..numbers import format_number
from ..terms import ClaimKind, Verdict
from .checkers import register
from .counts import covered
from .lexicon import rx
from .scope import Scope


@register
class StabilityChecker:
    kind = ClaimKind.STABILITY
    words = ("stable", "unstable", "placement_words", "most_stable", "less_word", "very_word")

    def __init__(self, verifier):
        self.v = verifier
        self.t = verifier.rules.book.ambang
        self.unstable_rx = rx(verifier.lex.unstable)
        self.stable_rx = rx(verifier.lex.stable)
        self.unit_rx = rx(verifier.lex.placement_words)
        self.most_rx = rx(verifier.lex.most_stable)  # groups named least…: it names the least stable cluster
        self.less_rx = rx(verifier.lex.less_word)
        self.very_rx = rx(verifier.lex.very_word)
        words = verifier.lex.words
        self.only_rx = rx(words["only_cluster"]) if "only_cluster" in words else None
        self.jaccard_above_rx = rx(words.get("jaccard_above", "(?!)"))
        self.jaccard_below_rx = rx(words.get("jaccard_below", "(?!)"))

    def _number(self, value: float) -> str:
        """A Jaccard as the text's language writes it ("0,58"); a language Babel does not know keeps the point."""
        from babel.core import UnknownLocaleError

        try:
            return format_number(value, 2, locale=self.v.locale)
        except (UnknownLocaleError, ValueError):
            return f"{value:.2f}"

    def check(self, scope: Scope) -> None:
        v = self.v
        taken = []
        for match in self.most_rx.finditer(scope.text):
            taken.append((match.start(), match.end()))
            least = any(value for name, value in match.groupdict().items() if name.startswith("least"))
            values = {c.number: v.facts.index.get(f"K{c.number}.jaccard") for c in v.facts.clusters}
            values = {n: f for n, f in values.items() if f is not None}
            for cluster in scope.clusters_for(match.start()):
                if not values:
                    v.claim(scope, ClaimKind.STABILITY, match.group(0), (cluster,), (), None, Verdict.UNVERIFIABLE, v.say("stability_not_run"))
                    continue
                target = (min if least else max)(values, key=lambda n: float(values[n].value))
                v.claim(scope, ClaimKind.STABILITY, match.group(0), (cluster,), (), values.get(cluster), Verdict.TRUE if cluster == target else Verdict.FALSE,
                        v.say("jaccard_extreme", cluster=target))
        taken += self._only(scope)
        for label, pattern in (("unstable", self.unstable_rx), ("stable", self.stable_rx)):
            for match in pattern.finditer(scope.text):
                if any(s <= match.start() < e for s, e in taken):
                    continue
                taken.append((match.start(), match.end()))
                start, _ = scope.clause(match.start())
                if self.unit_rx.search(scope.text, max(start, match.start() - 40), match.start()):
                    continue  # about one unit's placement ("penempatannya tidak stabil"): its numbers are unit facts
                if covered(v, scope, match.start()):
                    continue  # "13 provinsi tergolong tidak stabil": the condition of a count of units (counts.py), not a cluster's Jaccard
                clusters = scope.clusters_for(match.start())
                for cluster in clusters:
                    fact = v.facts.index.get(f"K{cluster}.jaccard")
                    if fact is None:
                        v.claim(scope, ClaimKind.STABILITY, match.group(0), (cluster,), (), None, Verdict.UNVERIFIABLE, v.say("stability_not_run"))
                        continue
                    value = float(fact.value)
                    if label == "unstable" and self.less_rx.search(match.group(0)):
                        ok = value < self.t.stabil_min
                    elif label == "unstable":
                        ok = value < self.t.tidak_stabil_maks
                    elif self.very_rx.search(match.group(0)):
                        ok = value >= self.t.sangat_stabil_min
                    else:
                        ok = value >= self.t.stabil_min
                    v.claim(scope, ClaimKind.STABILITY, match.group(0), (cluster,), (), fact, Verdict.TRUE if ok else Verdict.FALSE,
                            v.say("stability_threshold", value=self._number(value), threshold=self._number(self.t.stabil_min)))

    def _only(self, scope: Scope) -> list[tuple[int, int]]:
        """"Cluster 3 is the only cluster whose mean Jaccard exceeds the stability threshold", "Klaster 3 merupakan satu-
        satunya klaster yang stabil": the named cluster is stable (unstable) and no other is. What it covers, so the
        stability word inside is not judged again."""
        v = self.v
        covered_spans = []
        for match in self.only_rx.finditer(scope.text) if self.only_rx is not None else ():
            start, end = scope.clause(match.start())
            before = [c for c in scope.clusters if start <= c.start < match.start()]
            window = (match.end(), min(end, match.end() + 100))
            unstable = self.unstable_rx.search(scope.text, *window) or self.jaccard_below_rx.search(scope.text, *window)
            stable = None if unstable else (self.stable_rx.search(scope.text, *window) or self.jaccard_above_rx.search(scope.text, *window))
            condition = unstable or stable
            if not before or condition is None:
                continue
            covered_spans.append((match.start(), condition.end()))
            named = before[-1]
            values = {c.number: v.facts.index.get(f"K{c.number}.jaccard") for c in v.facts.clusters}
            written = scope.text[named.start : match.end()]
            if not values or any(f is None for f in values.values()):
                v.claim(scope, ClaimKind.STABILITY, written, (named.value,), (), None, Verdict.UNVERIFIABLE, v.say("stability_not_run"))
                continue
            meeting = sorted(n for n, f in values.items() if (float(f.value) < self.t.tidak_stabil_maks if unstable else float(f.value) >= self.t.stabil_min))
            ok = meeting == [named.value]
            v.claim(scope, ClaimKind.STABILITY, written, (named.value,), (), values[named.value], Verdict.TRUE if ok else Verdict.FALSE,
                    v.say("only_stable_clusters", clusters=", ".join(map(str, meeting)) or "–"))
        return covered_spans
