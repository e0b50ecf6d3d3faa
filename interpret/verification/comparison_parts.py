"""The parts of a comparison between two subjects that ranks.py's cluster comparisons read here (split from ranks.py,
which is near its size limit):

- the subject when the clause names only the object ("…, but it falls behind Cluster 3"): the cluster named before the
  comparison in its sentence that no comparison word governs, else the sentence's default (the section's cluster);
- the indicator named right after the object, or after the gap that follows it ("behind Cluster 3 on mean years of schooling",
  "trails Cluster 2 by about 3.5 years in life expectancy", "outpaces Cluster 4 on every
  indicator", "unggul atas Klaster 3 dalam harapan lama sekolah"): what the comparison is about, before any other;
- a negation before the comparison ("tidak hidup lebih lama", "is not higher than Cluster 2"; not "not only"): the claim is
  the opposite;
- the pair of an earlier comparison, for a comparison with no object whose clause names no cluster ("Klaster 2 unggul atas
  Klaster 3 …, tetapi penduduknya tidak hidup lebih lama");
- a unit against a cluster ("Papua's residents live slightly longer than those of Cluster 4"): the unit's value against
  the cluster's mean.
"""

from __future__ import annotations

from ..terms import ClaimKind, Verdict
from .lexicon import rx
from .scope import AGGREGATE, Mention, Scope


class ComparisonParts:
    def __init__(self, verifier):
        self.v = verifier
        lex = verifier.lex
        words = lex.words
        self.after_object_rx = rx(rf"(?:{lex.possessive_s})?\s+(?:(?:{lex.quality_preposition})\s+)(?:(?:{lex.article}|{lex.respect_noun})\s+)?")
        self.all_features_rx = rx(rf"(?:{lex.all_features})")
        # "trails Cluster 2 by about 3.5 years in life expectancy": the gap may stand between the object and its indicator
        self.gap_after_object_rx = rx(rf"(?:\s+(?:{words['gap_by']}))?\s+(?:(?:{words.get('approx', '(?!)')})\s+)?\d[\d.,]*\s*(?:{words['measure_units']})?") \
            if {"gap_by", "measure_units"} <= set(words) else None
        not_only = rf"(?!{words['negation_not_only']})" if "negation_not_only" in words else ""
        self.negation_rx = rx(rf"{not_only}(?:{lex.negation})\s+(?:\w+\s+)?$")
        self.quality_rx = rx(lex.quality_comparison)
        # "beats Cluster 2", "lebih tinggi daripada Klaster 2": a cluster right after a comparison word is its object
        self.object_lead_rx = rx(rf"(?:{lex.compare_high}|{lex.compare_low})\s+(?:(?:{lex.compare_connector})\s+)?(?:(?:{lex.article})\s+)?$")

    def subjects(self, scope: Scope, match, obj: Mention, found: tuple[int, ...]) -> tuple[int, ...]:
        """The comparison's subjects: `found` (ranks.py's reading), unless that is only the object itself."""
        before = [m for m in scope.clusters if m.end <= match.start() and m.value != obj.value and m not in scope.governed]
        named = [m for m in scope.clusters if m.end <= match.start() and m.value in found]
        # "Cluster 3 beats Cluster 2 on …, though it trails Cluster 1": the object of the comparison before is no subject
        def an_object(m) -> bool:
            return m in scope.governed or bool(self.object_lead_rx.search(scope.text, max(0, m.start - 40), m.start))
        subjects = [m for m in before if not an_object(m)]
        if named and all(an_object(m) for m in named) and subjects:
            return (subjects[-1].value,)
        if set(found) - {obj.value}:
            return found
        if before:
            return (before[-1].value,)
        return tuple(c for c in scope.default_clusters if c != obj.value)

    def named_after(self, scope: Scope, end: int) -> tuple[str, ...]:
        """The indicator(s) named right after the object that ends at `end`, through "on / in / pada / dalam"."""
        lead = self.after_object_rx.match(scope.text, end)
        gap = self.gap_after_object_rx.match(scope.text, end) if lead is None and self.gap_after_object_rx is not None else None
        lead = self.after_object_rx.match(scope.text, gap.end()) if gap is not None else lead
        if lead is None:
            return ()
        if self.all_features_rx.match(scope.text, lead.end()):
            return tuple(f.name for f in self.v.facts.features)
        return tuple(m.value for m in scope.features if m.start == lead.end())[:1]

    def negated(self, scope: Scope, start: int) -> bool:
        """A negation word ends right before `start` (at most one word between: "tidak hidup", "is not")."""
        return bool(self.negation_rx.search(scope.text, max(0, start - 30), start))

    def pair_before(self, scope: Scope, taken, position: int) -> tuple[int, int] | None:
        """(subject, object) of the last comparison before `position` in the sentence (spans `taken`)."""
        pairs = [(a, b) for a, b in taken if b <= position]
        if not pairs:
            return None
        a, b = pairs[-1]
        objects = [m for m in scope.clusters if a <= m.start < b]
        subjects = [m for m in scope.clusters if m.end <= a and m not in scope.governed]
        if not objects or not subjects or subjects[-1].value == objects[-1].value:
            return None
        return subjects[-1].value, objects[-1].value

    def unit_against_cluster(self, scope: Scope, match, obj: Mention, phrase: str, phrase_start: int, named: tuple[str, ...]) -> bool:
        """A unit named before the comparison in its clause, and no cluster: the unit's value against the cluster's mean.
        False when the comparison is not of that shape (ranks.py then reads it as between clusters)."""
        v = self.v
        start, _ = scope.clause(match.start())
        if any(start <= m.start < match.start() for m in scope.clusters):
            return False
        units = [m for m in scope.members if start <= m.start < match.start() and m.value != AGGREGATE]
        if not units:
            return False
        unit = units[-1].value
        # the indicator named after the unit ("Papua's residents live …", "its expected years of schooling trail …"), else
        # the one nearest before the comparison
        features = list(named) or list(dict.fromkeys(m.value for m in scope.features if units[-1].start <= m.start < match.start()))
        features = features or [m.value for m in scope.features if start <= m.start < match.start()][-1:]
        features = features or list(dict.fromkeys(m.value for m in scope.features)) or list(scope.default_features)
        flip = self.negated(scope, phrase_start)
        for feature in features:
            ours = v.unit_value(unit, feature)
            theirs = v.facts.cluster(obj.value).features[feature].mean
            if ours is None:
                v.claim(scope, ClaimKind.RANK, phrase, (), (feature,), None, Verdict.UNVERIFIABLE, v.say("unit_value_absent", member=unit))
                continue
            higher = ours > theirs
            if self.quality_rx.search(match.group(0)) and v.facts.feature(feature).direction != "higher_is_better":
                higher = not higher  # "better" on an indicator where lower is better
            ok = (higher == bool(match.group("high"))) != flip
            other = v.facts.index.get(f"K{obj.value}.{feature}.mean")
            v.claim(scope, ClaimKind.RANK, phrase, (v.cluster_of(unit),), (feature,), v.unit_fact(unit, feature, ours),
                    Verdict.TRUE if ok else Verdict.FALSE, v.say("other_cluster_value", cluster=obj.value, value=other.text if other else "–"))
        return True
