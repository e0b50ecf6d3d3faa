"""Comparisons between units, checked against the units' own values (facts UNIT.<unit>.<feature>.value).

- "Rata-rata lama sekolah Sulawesi Utara lebih tinggi daripada D.I. Yogyakarta", "West Papua is lower
  than (in) Papua", "Maluku … lebih tinggi daripada Bali dan D.I. Yogyakarta": the unit named before the
  comparison word against each unit of the list right after it;
- "lebih tinggi dari seluruh anggota Klaster 1 kecuali D.I. Yogyakarta" / "higher than every member of
  Cluster 1 except …" (lexicon `compare_all_members`, `except_word`): against every member of the cluster but the
  excepted ones, within the sentence.
The indicator is the one the clause names (before the comparison, else after it).
- "Jawa Barat … second only to DKI Jakarta nationally" (`next_to`, called by the rank checker's `_next_to`) and
  "the third-highest in Indonesia after DKI Jakarta and D.I. Yogyakarta" (`ranked_behind`): a unit's place against
  the units named as ranked above it, in the units' order (national, or within the unit's cluster).
"""

from __future__ import annotations

import re

from ..terms import ClaimKind, Verdict
from .lexicon import rx
from .scope import AGGREGATE, Scope


class UnitComparisons:
    words = ("compare_high", "compare_low", "compare_connector", "compare_filler", "subject_after", "compare_all_members", "except_word",
             "quality_comparison", "ranked_behind")

    def __init__(self, verifier):
        self.v = verifier
        lex = verifier.lex
        # the connector may follow a filler ("spends more per capita than …")
        lead = rf"(?:(?P<high>{lex.compare_high})|(?P<low>{lex.compare_low}))\s+(?:(?:{lex.compare_connector})\s+)?(?:(?:{lex.compare_filler})\s+)*(?:(?:{lex.compare_connector})\s+)?"
        self.compare_rx = rx(lead)
        self.all_members_rx = rx(rf"^(?:{lex.compare_all_members})\s*$")
        self.except_rx = rx(rf"\b(?:{lex.except_word})\b")
        self.quality_rx = rx(lex.quality_comparison)
        self.behind_rx = rx(rf"\b(?:{lex.ranked_behind})\s+")
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
            # "North Sulawesi's schooling is higher than Bali's, and West Java's life expectancy edges past …": the indicator
            # named after the last subject, before its comparison
            features = ([m.value for m in scope.features if subjects[-1].start <= m.start < match.start()]
                        or [m.value for m in scope.features if start <= m.start < match.start()] or [m.value for m in scope.features if start <= m.start < end])
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

    # -- a unit's place against the units ranked above it ---------------------------------------------
    def _order(self, feature: str, clusters, from_top: bool) -> list[str]:
        v = self.v
        values = {m: v.unit_value(m, feature) for m, c in v._membership.items() if not clusters or c in clusters}
        values = {m: x for m, x in values.items() if x is not None}
        return sorted(values, key=values.get, reverse=from_top)

    def _listed_units(self, scope: Scope, at: int, end: int) -> list:
        """The units listed from `at` ("DKI Jakarta and D.I. Yogyakarta"), joined by list words only."""
        after = [m for m in scope.members if at <= m.start < end and m.value != AGGREGATE]
        if not after or after[0].start - at > 3:
            return []
        group = [after[0]]
        for m in after[1:]:
            if scope.list_gap is None or not scope.list_gap.fullmatch(scope.text[group[-1].end : m.start]):
                break
            group.append(m)
        return group

    def next_to(self, scope: Scope, match, second: bool, end: int) -> bool:
        """"A …, second only to B nationally" / "right after B": A is second with B first, or one place below B.
        Ranked nationally unless the clause keeps it to the unit's cluster ("in its cluster"). False when no unit is
        named after the cue (the caller then reads a cluster)."""
        v, ranks = self.v, self.ranks
        objects = self._listed_units(scope, match.end(), end)
        subjects = [m for m in scope.members if m.value != AGGREGATE and m.start < match.start() and m.value not in {o.value for o in objects}]
        if len(objects) != 1 or not subjects or ranks is None:
            return False
        subject, obj = subjects[-1].value, objects[0].value
        start, _ = scope.clause(match.start())
        features = list(dict.fromkeys(m.value for m in scope.features if start <= m.start < end))
        earlier = [m.value for m in scope.features if m.start < match.start()]
        features = features or earlier[-1:] or list(scope.features_for(match.start()))
        within = (v.cluster_of(subject),) if ranks.within_rx.search(scope.text, start, end) else ()
        national = ranks.national_rx.search(scope.text[objects[0].end : end])
        phrase_end = objects[0].end + national.end() if national and national.start() <= 1 else objects[0].end
        for feature in features:
            order = self._order(feature, within, True)
            if subject not in order or obj not in order:
                continue
            ours, theirs = order.index(subject), order.index(obj)
            ok = (ours == 1 and theirs == 0) if second else ours == theirs + 1
            fact = v.unit_facts.get((subject, feature, "rank_high_cluster" if within else "rank_high")) or v.unit_fact(subject, feature)
            v.claim(scope, ClaimKind.RANK, scope.text[match.start() : phrase_end].strip(), (v.cluster_of(subject),), (feature,), fact,
                    Verdict.TRUE if ok else Verdict.FALSE, v.say("unit_order", order=", ".join(order[: max(ours, theirs) + 1])))
        return True

    def ranked_behind(self, scope: Scope, at: int, end: int, unit: str, clusters, features, kind: str, ordinal: int) -> None:
        """"the third-highest in Indonesia after DKI Jakarta and D.I. Yogyakarta": the units listed after the cue, between
        the superlative and the clause's end, must be the ones ranked above the unit (all of them, for a list as long)."""
        cue = self.behind_rx.search(scope.text, at, end)
        if ordinal < 2 or cue is None or re.search(r"[,;:()]", scope.text[at : cue.start()]):
            return
        listed = self._listed_units(scope, cue.end(), end)
        if not listed:
            return
        v = self.v
        names = [m.value for m in listed]
        for feature in features:
            higher = v.facts.feature(feature).direction == "higher_is_better"
            order = self._order(feature, clusters, kind == "high" or (kind == "best" and higher) or (kind == "worst" and not higher))
            if unit not in order:
                continue
            above = order[: order.index(unit)]
            ok = set(names) <= set(above) and (len(names) != ordinal - 1 or set(names) == set(above))
            v.claim(scope, ClaimKind.RANK, scope.text[cue.start() : listed[-1].end], (v.cluster_of(unit),), (feature,),
                    v.unit_fact(unit, feature), Verdict.TRUE if ok else Verdict.FALSE, v.say("unit_order", order=", ".join(order[: ordinal])))
