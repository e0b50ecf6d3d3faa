"""Comparisons between units, checked against the units' own values (facts UNIT.<unit>.<feature>.value).

- "Rata-rata lama sekolah Sulawesi Utara lebih tinggi daripada D.I. Yogyakarta", "West Papua is lower
  than (in) Papua", "Maluku … lebih tinggi daripada Bali dan D.I. Yogyakarta": the unit named before the
  comparison word against each unit of the list right after it;
- "lebih tinggi dari seluruh anggota Klaster 1 kecuali D.I. Yogyakarta" / "higher than every member of
  Cluster 1 except …" (lexicon `compare_all_members`, `except_word`): against every member of the cluster but the
  excepted ones, within the sentence.
The indicator is the one the clause names (before the comparison, else after it).
"""

from __future__ import annotations

from ..terms import ClaimKind, Verdict
from .lexicon import rx
from .scope import AGGREGATE, Scope


class UnitComparisons:
    words = ("compare_high", "compare_low", "compare_connector", "compare_filler", "subject_after", "compare_all_members", "except_word",
             "quality_comparison")

    def __init__(self, verifier):
        self.v = verifier
        lex = verifier.lex
        lead = rf"(?:(?P<high>{lex.compare_high})|(?P<low>{lex.compare_low}))\s+(?:(?:{lex.compare_connector})\s+)?(?:(?:{lex.compare_filler})\s+)*"
        self.compare_rx = rx(lead)
        self.all_members_rx = rx(rf"^(?:{lex.compare_all_members})\s*$")
        self.except_rx = rx(rf"\b(?:{lex.except_word})\b")
        self.quality_rx = rx(lex.quality_comparison)
        self.ranks = None  # the RankChecker that owns this, for its reading of an indicator between word and object

    def check(self, scope: Scope) -> None:
        if self.v.units is None and not self.v.unit_facts:
            return
        for match in self.compare_rx.finditer(scope.text):
            start, end = scope.clause(match.start())
            members = [m for m in scope.members if m.value != AGGREGATE]
            subjects = [m for m in members if start <= m.start < match.start()]
            if not subjects:
                continue
            objects, phrase_end = self._objects(scope, match, members, end)
            between = None
            if not objects and self.ranks is not None:
                # "East Kalimantan has a higher life expectancy than Bali": the indicator between the word and its object
                between = self.ranks.feature_between(scope, match)
                if between is not None:
                    objects, phrase_end = self._objects(scope, match, members, end, between[1])
            if not objects:
                continue
            features = [m.value for m in scope.features if start <= m.start < match.start()] or [m.value for m in scope.features if start <= m.start < end]
            features = [between[0].value] if between else list(dict.fromkeys(features)) or list(scope.default_features)
            if len(features) != 1:
                continue
            phrase_start = self.ranks._phrase_start(scope, match) if self.ranks is not None else match.start()
            self._judge(scope, match, subjects[-1].value, objects, features[0], scope.text[phrase_start : phrase_end].strip())

    def _objects(self, scope: Scope, match, members, end: int, at: int | None = None) -> tuple[list[str], int]:
        """The units compared against: the list right after the comparison (or after `at`), or a quantified cluster."""
        at = match.end() if at is None else at
        after = [m for m in members if at <= m.start < end]
        clusters = [m for m in scope.clusters if at <= m.start < end]
        if clusters and (not after or clusters[0].start < after[0].start) and self.all_members_rx.search(scope.text[at : clusters[0].start]):
            cue = self.except_rx.search(scope.text, clusters[0].end, end)
            excepted = {m.value for m in after if cue and m.start >= cue.end()}
            peers = [m for m, c in self.v._membership.items() if c == clusters[0].value and m not in excepted]
            phrase_end = clusters[0].end if not cue else max((m.end for m in after if m.start >= cue.end()), default=clusters[0].end)
            return peers, phrase_end
        if not after or after[0].start - at > 3:
            return [], 0
        group = [after[0]]
        for m in after[1:]:
            if scope.list_gap is None or not scope.list_gap.fullmatch(scope.text[group[-1].end : m.start]):
                break
            group.append(m)
        return [m.value for m in group], group[-1].end

    def _judge(self, scope: Scope, match, subject: str, objects: list[str], feature: str, phrase: str) -> None:
        v = self.v
        ours = v.unit_value(subject, feature)
        theirs = {o: v.unit_value(o, feature) for o in objects if o != subject}
        if ours is None or not theirs or any(t is None for t in theirs.values()):
            v.claim(scope, ClaimKind.RANK, phrase, (), (feature,), None, Verdict.UNVERIFIABLE, v.say("unit_value_absent", member=subject))
            return
        want_high = bool(match.group("high"))
        if self.quality_rx.search(match.group(0)) and v.facts.feature(feature).direction != "higher_is_better":
            want_high = not want_high  # "lebih baik" about an indicator where lower is better
        ok = all((ours > t) if want_high else (ours < t) for t in theirs.values())
        shown = ", ".join(f"{o}: {v.unit_fact(o, feature).text}" for o in theirs)
        v.claim(scope, ClaimKind.RANK, phrase, (v.cluster_of(subject),), (feature,), v.unit_fact(subject, feature), Verdict.TRUE if ok else Verdict.FALSE, shown)
