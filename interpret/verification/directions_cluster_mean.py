"""A unit's position against its own cluster's mean (split from directions.py, which uses this and is near its size limit):
"Papua mencatat pengeluaran 7.562 ribu rupiah, di bawah rata-rata klasternya", "Riau's schooling is above its cluster's
average". The reference (lexicon `cluster_mean_reference`) is the mean of the cluster the unit belongs to; a pronoun for a
reference ("rata-rata tersebut", "that average") or a bare direction ("melampauinya", "di bawahnya") later in the sentence is
that mean again when it is the last reference named before it. Judged on the unit's value against the cluster's mean
(K{n}.{f}.mean): above / below by its sign, level when the gap is within the on-par tolerance.
"""

from __future__ import annotations

from ..terms import ClaimKind, Direction, Verdict
from .lexicon import rx
from .scope import AGGREGATE, Scope


class ClusterMeanPositions:
    def __init__(self, verifier, gap: str):
        self.v = verifier
        lex = verifier.lex
        words = lex.words
        self.enabled = "cluster_mean_reference" in words
        if not self.enabled:
            return
        direction = rf"(?P<dir>(?P<above>{lex.direction_above})|(?P<below>{lex.direction_below})|(?P<equal>{lex.direction_equal}))"
        lead = rf"(?P<neg>(?:{lex.negation})\s+(?:\w+\s+)?)?{direction}{gap}\s+(?:(?:{lex.reference_connector})\s+)*"
        self.mean_rx = rx(words["cluster_mean_reference"])
        self.named_rx = rx(rf"{lead}(?:{words['cluster_mean_reference']})")
        self.pronoun_rx = rx(rf"{lead}(?:{words['reference_pronoun']})") if "reference_pronoun" in words else None
        bare = [(name, words.get(f"direction_bare_{name}")) for name in ("above", "below")]
        bare = "|".join(f"(?P<{name}>{pattern})" for name, pattern in bare if pattern)
        self.bare_rx = rx(rf"(?P<neg>(?!))?(?P<dir>{bare})(?P<equal>(?!))?") if bare else None
        self.national_rx = rx(lex.reference)

    def last_reference_is_cluster_mean(self, scope: Scope, position: int) -> bool:
        """The last reference named before `position` is a cluster's mean ("… di bawah rata-rata klasternya; …, juga di bawah
        rata-rata tersebut"): a pronoun there is that mean, not the national figure."""
        if not self.enabled:
            return False
        means = [m.span() for m in self.mean_rx.finditer(scope.text, 0, position)]
        # ("its cluster's average," is no national "average" too)
        nationals = [m.end() for m in self.national_rx.finditer(scope.text, 0, position) if not any(a < m.end() and m.start() < b for a, b in means)]
        return bool(means) and max(b for _, b in means) > max(nationals, default=-1)

    def check(self, scope: Scope) -> list[tuple[int, int]]:
        """Judge every position against a cluster's mean in the sentence; the spans it read (the other readings skip them)."""
        if not self.enabled:
            return []
        found = list(self.named_rx.finditer(scope.text))
        for pattern in (self.pronoun_rx, self.bare_rx):
            if pattern is None:
                continue
            found += [m for m in pattern.finditer(scope.text) if self.last_reference_is_cluster_mean(scope, m.start())
                      and not any(a <= m.start() < b for a, b in (f.span() for f in found))]
        for match in found:
            self._judge(scope, match)
        return [m.span() for m in found]

    def _judge(self, scope: Scope, match) -> None:
        v = self.v
        position = match.start("dir")
        start, _ = scope.clause(position)
        units = [m for m in scope.members if m.start < position and m.value != AGGREGATE]
        in_clause = [m for m in units if m.start >= start]
        unit = (in_clause or units or [None])[-1]
        if unit is None or v.cluster_of(unit.value) is None:
            return  # "Klaster 2 di atas rata-rata klasternya": no unit, no cluster to compare it with
        features = (list(dict.fromkeys(m.value for m in scope.features if unit.start <= m.start < position))
                    or list(dict.fromkeys(m.value for m in scope.features if m.start < position))[-1:]
                    or list(dict.fromkeys(m.value for m in scope.features))[:1] or list(scope.default_features))
        word = Direction.ABOVE if match.group("above") else Direction.BELOW if match.group("below") else Direction.EQUAL
        phrase = scope.text[match.start("dir") : match.end()].strip()
        cluster = v.cluster_of(unit.value)
        tolerance = float(v.facts.method.tolerance_pct)
        for feature in features:
            value = v.unit_value(unit.value, feature)
            if value is None:
                v.claim(scope, ClaimKind.DIRECTION, phrase, (cluster,), (feature,), None, Verdict.UNVERIFIABLE,
                        v.say("unit_value_absent", member=unit.value))
                continue
            mean = v.facts.cluster(cluster).features[feature].mean
            diff_pct = 100 * (value - mean) / abs(mean or 1)
            if word == Direction.EQUAL:
                ok = abs(diff_pct) <= tolerance
            else:
                ok = diff_pct != 0 and (diff_pct > 0) == (word == Direction.ABOVE)
            ok = ok != bool(match.group("neg"))
            other = v.facts.index.get(f"K{cluster}.{feature}.mean")
            v.claim(scope, ClaimKind.DIRECTION, phrase, (cluster,), (feature,), v.unit_fact(unit.value, feature, value),
                    Verdict.TRUE if ok else Verdict.FALSE, v.say("other_cluster_value", cluster=cluster, value=other.text if other else "–"))
