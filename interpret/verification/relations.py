"""Numbers about a relation between two subjects: the gap or ratio of two clusters' means ("selisih UHH antara Klaster 1
dan Klaster 4 5,2 tahun", "1,7 kali lipat"), in percentage points or relative to one of them ("7,1 poin persen",
"41,5 % lebih rendah daripada Klaster 1", "6.376 ribu rupiah lebih banyak … dibanding Klaster 4"), and of two units
("2,6 kali lipat Papua", "the gap between Jakarta and Papua", "Jakarta's lead over Yogyakarta"), of a cluster and a unit
("twice as much as Papua"), and a share of another's value ("less than 40 % of what DKI Jakarta spends"). A mixin of `NumberChecker` (numbers.py), which supplies
`v` (the verifier), `equal`, `reading`, `quality_rx` and `relative_rx`; split from it along this seam.
"""

from __future__ import annotations

import re

from ..facts import Fact
from ..numbers import format_number, with_unit
from ..terms import ClaimKind, Verdict
from .binding import _is_rupiah, nearest_features
from .lexicon import rx
from .scope import AGGREGATE, Scope
from .subjects import bracketed_after


WrittenNumberLike = object  # numbers.WrittenNumber (not imported: numbers.py imports this module)


class RelationChecks:
    def ratio(self, scope: Scope, number: WrittenNumberLike, features) -> None:
        """"Pengeluaran Klaster 1 sekitar 1,7 kali lipat Klaster 4": the ratio of the two means, first named over second."""
        start, end = scope.clause(number.start)
        named = self.ratio_pair(scope, number)
        own = nearest_features(scope, number, features)
        # a clause with no cluster before the ratio, in a sentence a unit opens: the unit is its subject, not a cluster an
        # earlier clause compared it with ("Papua trails Cluster 1 … and Cluster 4 …, while spending about half as much as …")
        mentions = sorted(scope.clusters + scope.members, key=lambda m: m.start)
        unit_subject = bool(mentions) and mentions[0] in scope.members and not any(start <= m.start < number.start for m in scope.clusters)
        unit_ratio = self.unit_to_cluster_ratio(scope, number, own[0]) if (named is None or unit_subject) and len(own) == 1 else None
        if unit_ratio is not None:  # "Papua … trails Cluster 1 by … and Cluster 4 by …, while spending about half as much as Cluster 1"
            ok = self.equal(number, unit_ratio)
            self.v.claim(scope, ClaimKind.NUMBER, number.written, (), own, unit_ratio, Verdict.TRUE if ok else Verdict.FALSE, "")
            return
        if named is None:
            named = list(dict.fromkeys(m.value for m in scope.clusters if start <= m.start < end))
        elided = self.elided_object(scope, number) if len(named) == 1 and len(own) == 1 else None
        if elided is not None and elided in scope.members:  # "… 1,6 kali lipat Papua, sedangkan Klaster 4 hanya 1,3 kali"
            fact = self.cluster_over_unit(named[0], elided.value, own[0])
            if fact is not None:
                ok = self.equal(number, fact)
                self.v.claim(scope, ClaimKind.NUMBER, number.written, (named[0],), own, fact, Verdict.TRUE if ok else Verdict.FALSE, "")
                return
        elif elided is not None and elided.value != named[0]:
            named = [named[0], elided.value]  # "Cluster 1 … 1.7 times as much as Cluster 4, and Cluster 3 about 1.3 times"
        if len(named) < 2:  # "… dibanding Klaster 4, atau sekitar 1,7 kali lipat": the two clusters of the sentence so far
            named = list(dict.fromkeys(m.value for m in scope.clusters if m.start < number.start))[-2:]
        pair = (scope.antecedent or {}).get("pair")
        if len(named) < 2 and pair and not any(m.start < number.start for m in scope.clusters):
            # "Klaster 1 … 1,7 kali lipat Klaster 4. Untuk RLS rasionya lebih kecil, sekitar 1,3 kali": the previous sentence's pair
            named = list(pair)
        features = nearest_features(scope, number, features)
        # "DKI Jakarta … lebih dari 1,7 kali angka nasional dan sekitar 2,6 kali Papua": a reference right after the ratio is
        # its object, whatever other unit the sentence names later
        fact = self.ratio_to_reference(scope, number, features[0]) if len(named) < 2 and len(features) == 1 else None
        if fact is not None:
            ok = self.equal(number, fact)
            self.v.claim(scope, ClaimKind.NUMBER, number.written, (fact.cluster,) if fact.cluster is not None else (), features, fact,
                         Verdict.TRUE if ok else Verdict.FALSE, "" if ok else self.v.say("bound_to_fact", fact=fact.id))
            return
        units = self.unit_pair(scope, number) or self.ratio_units(scope, number)
        if units and len(named) < 2 and len(features) == 1:  # "DKI Jakarta … sekitar 2,6 kali lipat Papua"
            values = [self.v.unit_value(u, features[0]) for u in units]
            if None not in values and values[1]:
                ratio = values[0] / values[1]
                fact = Fact(f"UNIT[{units[0]}]/UNIT[{units[1]}].{features[0]}.ratio", ratio, "ratio", 2, "", None, features[0], format_number(ratio, 2))
                ok = self.equal(number, fact)
                self.v.claim(scope, ClaimKind.NUMBER, number.written, (), features, fact, Verdict.TRUE if ok else Verdict.FALSE, self.v.say("unit_ratio", a=units[0], b=units[1]))
                return
        fact = None
        if len(named) == 2 and len(features) == 1:
            lo, hi = sorted(named)
            stored = self.v.facts.index.get(f"K{lo}-K{hi}.{features[0]}.ratio")
            if stored is not None and named[0] != lo:  # "Klaster 4 … kali Klaster 1": the inverse
                inverse = 1 / float(stored.value)
                stored = Fact(f"1/{stored.id}", inverse, "ratio", 2, "", hi, stored.feature, format_number(inverse, 2))
            fact = stored
        if fact is None and len(features) == 1:
            fact = (self.ratio_to_reference(scope, number, features[0]) or self.unit_to_cluster_ratio(scope, number, features[0])
                    or self.cluster_to_unit_ratio(scope, number, features[0]))
            if fact is not None:
                named = [fact.cluster] if fact.cluster is not None else []  # a unit's ratio: no cluster is its subject
        if fact is None:
            self.v.claim(scope, ClaimKind.NUMBER, number.written, tuple(named), features, None, Verdict.UNVERIFIABLE,
                         self.v.say("ratio_unclear"))
            return
        ok = self.equal(number, fact)
        self.v.claim(scope, ClaimKind.NUMBER, number.written, tuple(named[:1]), features, fact, Verdict.TRUE if ok else Verdict.FALSE,
                     "" if ok else self.v.say("bound_to_fact", fact=fact.id))

    def ratio_to_reference(self, scope: Scope, number: WrittenNumberLike, feature: str) -> Fact | None:
        """"Rp9,0 juta—kira-kira tiga perempat angka nasional": the reference right after the ratio; the subject is the one
        unit or cluster the sentence speaks of (its value or mean over the reference, or the mean of the units)."""
        lex = self.v.lex
        _, end = scope.clause(number.start)
        # the ratio word itself may stand between ("1,7 kali angka nasional"): a number's end is before it
        after = rx(rf"\s*(?:(?:{lex.ratio})\s*)?(?:(?:{lex.ratio_after})\s*)*(?P<ref>{lex.reference})").match(scope.text, number.end, end)
        if after is None or any(number.end <= m.start < after.end() for m in scope.clusters + scope.members):
            return None
        units = [m.value for m in scope.members if m.start < number.start and m.value != AGGREGATE]
        clusters = scope.clusters_for(number.start)
        if units and len(set(units)) == 1:
            value, subject, cluster = self.v.unit_value(units[0], feature), f"UNIT[{units[0]}]", None
        elif len(clusters) == 1 and not units:
            value, subject, cluster = float(self.v.facts.cluster(clusters[0]).features[feature].mean), f"K{clusters[0]}", clusters[0]
        else:
            return None
        reference = self.unit_mean.value(feature) if self.unit_mean.names_unit_mean(after.group("ref")) else None
        basis = "REF" if reference is None else "UMEAN"  # the fact says which average it divided by
        reference = float(self.v.facts.reference.values[feature]) if reference is None else reference
        if value is None or not reference:
            return None
        ratio = value / reference
        return Fact(f"{subject}/{basis}.{feature}.ratio", ratio, "ratio", 2, "", cluster, feature, format_number(ratio, 2))

    def unit_to_cluster_ratio(self, scope: Scope, number: WrittenNumberLike, feature: str) -> Fact | None:
        """"Papua … spends about a third as much per person as the average member of Cluster 1": one unit's value over
        the mean of the one cluster named after the ratio."""
        units = list(dict.fromkeys(m.value for m in scope.members if m.start < number.start and m.value != AGGREGATE))
        after = list(dict.fromkeys(m.value for m in scope.clusters if number.end <= m.start <= number.end + 60
                                   and not rx(r"[\d;]").search(scope.text, number.end, m.start)))
        if len(units) != 1 or len(after) != 1:
            return None
        value = self.v.unit_value(units[0], feature)
        theirs = float(self.v.facts.cluster(after[0]).features[feature].mean)
        if value is None or not theirs:
            return None
        ratio = value / theirs
        return Fact(f"UNIT[{units[0]}]/K{after[0]}.{feature}.ratio", ratio, "ratio", 2, "", None, feature, format_number(ratio, 2))

    def elided_object(self, scope: Scope, number: WrittenNumberLike):
        """The object a ratio leaves out, taken from the ratio before it in the sentence ("Klaster 1 sekitar 1,7 kali lipat
        Klaster 4, sedangkan Klaster 2 hanya 1,1 kali"): that ratio's object, when this one names a subject of its own
        in its clause and nothing after it there."""
        start, end = scope.clause(number.start)
        mentions = sorted(scope.clusters + scope.members, key=lambda m: m.start)
        if not any(start <= m.start < number.start for m in scope.clusters) or any(number.end <= m.start < end for m in mentions):
            return None
        earlier = [m for m in rx(rf"\b(?:{self.v.lex.ratio})\b").finditer(scope.text, 0, start)]
        if not earlier:
            return None
        after = earlier[-1].end()
        return next((m for m in mentions if after <= m.start <= after + 45 and m.value != AGGREGATE
                     and not rx(r"[\d;]").search(scope.text, after, m.start)), None)

    def cluster_over_unit(self, cluster: int, unit: str, feature: str) -> Fact | None:
        """The mean of a cluster over one unit's value, as a ratio fact."""
        value = self.v.unit_value(unit, feature)
        if not value:
            return None
        ratio = float(self.v.facts.cluster(cluster).features[feature].mean) / value
        return Fact(f"K{cluster}/UNIT[{unit}].{feature}.ratio", ratio, "ratio", 2, "", cluster, feature, format_number(ratio, 2))

    def cluster_to_unit_ratio(self, scope: Scope, number: WrittenNumberLike, feature: str) -> Fact | None:
        """"Cluster 1 spends roughly twice as much per head as Papua", "RLS Klaster 1 sekitar 1,4 kali Papua": the mean of
        the one cluster named before the ratio (no unit before it in the sentence) over the value of the one unit right
        after it."""
        earlier = sorted((m for m in scope.clusters + scope.members if m.start < number.start), key=lambda m: m.start)
        if not earlier or earlier[-1] not in scope.clusters:
            return None  # a unit named last before the ratio is its subject (ratio_units)
        before = list(dict.fromkeys(m.value for m in scope.clusters if m.start < number.start))
        after = next((m for m in scope.members if number.end <= m.start <= number.end + 45 and m.value != AGGREGATE), None)
        if len(before) != 1 or after is None or rx(r"[\d;]").search(scope.text, number.end, after.start) \
                or any(number.end <= m.start < after.start for m in scope.clusters):
            return None
        return self.cluster_over_unit(before[0], after.value, feature)

    def ratio_pair(self, scope: Scope, number: WrittenNumberLike) -> list[int] | None:
        """[subject, object] of a ratio among several clusters: the object is the cluster right after the number
        ("1,3 kali lipat Klaster 4", "1.3 times that of Cluster 4") or, failing that, the one a comparison word governs
        before it in its clause ("terhadap Klaster 3 rasionya 1,4 kali"); the subject the nearest cluster before the number
        that is no object itself (of this ratio, an earlier one or a comparison). None: no such reading."""
        lex, text = self.v.lex, scope.text
        start, end = scope.clause(number.start)
        governs = rx(rf"(?:{lex.comparison_lead}|{lex.compare_connector}|{lex.reference_connector}|(?:{lex.ratio})\b[^.;\d]{{0,25}}?)\s*$")

        def governed(m) -> bool:
            return bool(governs.search(text, max(0, m.start - 30), m.start))

        # not bounded by the clause: "1,7 kali lipat dibandingkan Klaster 4" has its object after a clause-breaking word
        # … and no unit between: "1,6 kali lipat pengeluaran Papua, sedangkan Klaster 4 …" has Papua for its object
        after = [m for m in scope.clusters if number.end <= m.start <= number.end + 45
                 and not rx(r"[\d;]").search(text, number.end, m.start)
                 and not any(number.end <= u.start < m.start and u.value != AGGREGATE for u in scope.members)]
        obj = after[0] if after else next((m for m in reversed(scope.clusters) if start <= m.start < number.start and governed(m)), None)
        if obj is None:
            return None
        subjects = [m for m in scope.clusters if m.start < number.start and m.value != obj.value and not governed(m)]
        return [subjects[-1].value, obj.value] if subjects else None

    def between_clusters(self, scope: Scope, number: WrittenNumberLike, features) -> bool:
        """"Selisih pengeluaran antara Klaster 1 dan Klaster 4 lebih dari Rp 6 juta": the gap of two means. In percent,
        the gap is read on a stated basis: "7,1 poin persen" / "7.1 percentage points" is the gap of the two clusters'
        differences from the reference (2,7 % and −4,4 %), a bare "selisih … 7,1 %" either that (the gap as a share of
        the reference) or the gap relative to the lower mean; "selisih keduanya" / "the gap between the two" names the
        two clusters of the sentence before it."""
        start, end = scope.clause(number.start)
        lex = self.v.lex
        cue = rx(rf"\b(?:{lex.gap_cue})\b").search(scope.text, start, number.start)
        if not cue or number.unit in {"count", "clusters", "year"}:
            return False
        if re.search(r"\d", scope.masked[cue.end() : number.start]):
            if not scope.clusters and self.gap_listed_on(scope, cue.end(), number):
                return self.between_units(scope, number, features)  # "… widens to 1.62 years, and in spending to Rp4.5 million"
            return False  # "terpaut 1,46 tahun dari Klaster 2, atau unggul sekitar 1,5 tahun …": the gap word is the first number's
        named = [m for m in scope.clusters if start <= m.start < number.start]
        pair = list(dict.fromkeys(m.value for m in named))
        if not pair and "pair_pronoun" in lex.words and rx(rf"(?:{lex.pair_pronoun})").search(scope.text, cue.end(), number.start):
            pair = list(dict.fromkeys(m.value for m in scope.clusters if m.start < start))[-2:]
        if len(pair) != 2:
            return self.between_units(scope, number, features) if not pair else False
        features = nearest_features(scope, number, features or scope.default_features)
        if len(features) != 1:
            self.v.claim(scope, ClaimKind.NUMBER, number.written, pair, features, None, Verdict.UNVERIFIABLE,
                         self.v.say("pair_gap_no_feature"))
            return True
        feature = features[0]
        lo, hi = sorted(pair)
        if number.points and self.v.facts.feature(feature).unit.strip() == "%":
            # two shares ("Pangsa makanan 54,0% dan 46,6%"): their gap in points is the gap of the means, 7,4 poin persen
            fact = self.v.facts.index.get(f"K{lo}-K{hi}.{feature}.gap")
        elif number.percent:
            candidates = self.percent_gaps(lo, hi, feature, relative=not number.points)
            fact = next((f for f in candidates if self.equal(number, f)), candidates[0] if candidates else None)
        else:
            fact = self.v.facts.index.get(f"K{lo}-K{hi}.{feature}.gap")
        if fact is None:
            self.v.claim(scope, ClaimKind.NUMBER, number.written, pair, features, None, Verdict.UNVERIFIABLE, self.v.say("pair_gap_absent"))
            return True
        ok = self.equal(number, fact)
        self.v.claim(scope, ClaimKind.NUMBER, number.written, (pair[0],), (feature,), fact,
                     Verdict.TRUE if ok else Verdict.FALSE, self.v.say("pair_gap", a=pair[0], b=pair[1]) + (f"; {self.reading(number)}" if self.reading(number) else ""))
        return True

    def gap_listed_on(self, scope: Scope, after: int, number: WrittenNumberLike) -> bool:
        """The gap word's earlier number is followed by a short phrase naming another indicator, then this number ("the
        lead widens to 1.62 years, and in spending to more than Rp4.5 million"): the same gap, listed on that indicator."""
        previous = [m.end() for m in re.finditer(r"\d[\d.,]*", scope.masked[after : number.start])]
        if not previous:
            return False
        start = after + previous[-1]
        named = any(start <= m.start and m.end <= number.start for m in scope.features)
        between = self._without_features(scope, start, number.start)
        return named and len(between.strip(" ,")) <= 40 and not rx(self.v.lex.reference).search(between)

    def unit_pair(self, scope: Scope, number: WrittenNumberLike) -> list[str] | None:
        """The two units a gap or ratio is about: the distinct units the sentence names, if exactly two, none of them the
        national figure ("selisih antara Jakarta dan Papua", "Jakarta … 2,6 kali lipat Papua")."""
        units = list(dict.fromkeys(m.value for m in scope.members))
        if len(units) != 2 or AGGREGATE in units:
            return None
        return units

    def ratio_units(self, scope: Scope, number: WrittenNumberLike) -> list[str] | None:
        """"DKI Jakarta hampir dua kali lipat Kalimantan Barat dan sekitar 2,8 kali Nusa Tenggara Timur": with more than
        two units, the one right after the ratio is its object and the subject is the last unit before the number that
        is no other ratio's object."""
        def object_after(position: int):
            return next((m for m in scope.members if m.start >= position and m.value != AGGREGATE and m.start - position <= 24
                         and not re.search(r"\d", scope.text[position : m.start])), None)
        obj = object_after(number.end)
        if obj is None:
            return None
        # the objects of the ratios (or of the names) before this one: what stands right after an earlier name or number
        ends = [n.end for n in scope.members if n.end <= number.start] + [m.end() for m in re.finditer(r"\d[\d.,]*", scope.text[: number.start])]
        taken = {id(m) for m in map(object_after, ends) if m is not None}
        subjects = [m for m in scope.members if m.end <= number.start and m.value != AGGREGATE and id(m) not in taken and m.value != obj.value]
        return [subjects[-1].value, obj.value] if subjects else None

    def between_units(self, scope: Scope, number: WrittenNumberLike, features) -> bool:
        """"The life-expectancy gap between Jakarta and Papua is 7.64 years": the gap of the two units' values."""
        units = self.unit_pair(scope, number)
        candidates = features or scope.default_features
        # "6.7 years in life expectancy and about Rp6.8 million in spending": an amount of money is the money indicator's gap
        agreeing = [f for f in candidates if _is_rupiah(self.v.facts.feature(f).unit) == (number.unit == "money")]
        features = nearest_features(scope, number, agreeing or candidates)
        if not units or number.percent or len(features) != 1:
            return False
        if any(bracketed_after(scope, m.end, number.start) for m in scope.members):
            return False  # "… Papua (68,17 tahun) sekitar 7,6 tahun lebih rendah …": the unit's value in apposition, not the gap
        values = [self.v.unit_value(u, features[0]) for u in units]
        if None in values:
            return False
        info = self.v.facts.feature(features[0])
        gap = abs(values[0] - values[1])
        fact = Fact(f"UNIT[{units[0]}]-UNIT[{units[1]}].{features[0]}.gap", gap, "gap", info.decimals, info.unit, None, features[0],
                    with_unit(format_number(gap, info.decimals), info.unit))
        ok = self.equal(number, fact)
        self.v.claim(scope, ClaimKind.NUMBER, number.written, (), features, fact, Verdict.TRUE if ok else Verdict.FALSE, self.v.say("unit_gap", a=units[0], b=units[1]))
        return True

    def percent_gaps(self, a: int, b: int, feature: str, *, relative: bool) -> list[Fact]:
        """The gap of two clusters in percent: in points of the reference (the gap of their % differences from it), and,
        when `relative`, relative to the lower mean ("K1 7,4 % lebih tinggi daripada K4")."""
        index = self.v.facts.index
        da, db = index.get(f"K{a}.{feature}.diff_pct"), index.get(f"K{b}.{feature}.diff_pct")
        found = []
        if da is not None and db is not None:
            points = abs(float(da.value) - float(db.value))
            found.append(Fact(f"K{a}-K{b}.{feature}.diff_pct_gap", points, "pp", 1, "poin persen", None, feature, format_number(points, 1)))
        if relative:
            ma, mb = index.get(f"K{a}.{feature}.mean"), index.get(f"K{b}.{feature}.mean")
            if ma is not None and mb is not None and min(float(ma.value), float(mb.value)) > 0:
                low, high = sorted((float(ma.value), float(mb.value)))
                share = 100 * (high - low) / low
                found.append(Fact(f"K{a}-K{b}.{feature}.gap_pct_of_lower", share, "rel_pct", 1, "%", None, feature, format_number(share, 1) + " %"))
        return found

    def relative_to_cluster(self, scope: Scope, number: WrittenNumberLike, clusters, features) -> bool:
        """"Pengeluaran Klaster 4 sekitar 41,5 % lebih rendah daripada Klaster 1", "7.4% higher than in Cluster 4": the
        subject's mean relative to the named cluster's mean (high: A/B − 1; low: 1 − A/B); "less than 40 % of the Cluster 1
        average": a share of the named one (`share_of`)."""
        if number.points or number.unit in {"count", "clusters", "year", "ratio"}:
            return False
        if self.share_of(scope, number, features):
            return True
        match = self.relative_rx.match(scope.text, number.end)
        if not match:
            return False
        objects = [m for m in scope.clusters if m.start >= match.end() and m.start - match.end() < 3]
        subjects = [c for c in clusters if not objects or c != objects[0].value]
        features = nearest_features(scope, number, features)
        if not objects or len(subjects) != 1 or len(features) != 1:
            return False
        subject, obj, feature = subjects[0], objects[0].value, features[0]
        ours = float(self.v.facts.cluster(subject).features[feature].mean)
        theirs = float(self.v.facts.cluster(obj).features[feature].mean)
        if theirs == 0:
            return False
        higher = bool(match.group("high"))
        if self.v.facts.feature(feature).direction != "higher_is_better" and self.quality_rx.search(match.group(0)):
            higher = not higher  # "lebih baik" on an indicator where lower is better
        if number.percent:
            share = 100 * (ours / theirs - 1) if higher else 100 * (1 - ours / theirs)
            # computed, not shown in the brief: compared at two decimals, not rounded to one first ("about 13 %" is not 12,47 %)
            fact = Fact(f"K{subject}/K{obj}.{feature}.{'above' if higher else 'below'}_pct", share, "rel_pct", 2, "%", subject, feature,
                        format_number(share, 1) + " %")
        else:  # "6.376 ribu rupiah lebih banyak … dibanding Klaster 4": the gap of the two means, in the stated direction
            stored = self.v.facts.index.get(f"K{min(subject, obj)}-K{max(subject, obj)}.{feature}.gap")
            if stored is None:
                return False
            share = (ours - theirs) if higher else (theirs - ours)
            fact = stored
        ok = share > 0 and self.equal(number, fact)
        self.v.claim(scope, ClaimKind.NUMBER, number.written, (subject,), (feature,), fact, Verdict.TRUE if ok else Verdict.FALSE,
                     self.v.say("pair_relative", a=subject, b=obj) + ("" if share > 0 else "; " + self.v.say("reversed")))
        return True

    def share_of(self, scope: Scope, number: WrittenNumberLike, features) -> bool:
        """"Papua spends less than 40 % of what DKI Jakarta does", "sekitar 59 % dari rata-rata Klaster 1": a percentage
        followed by "of" and a cluster, a unit or the reference is the subject's value as a share of that one's (a ratio
        in percent), not a gap. Not when a lead or lag word stands before the number ("tertinggal 18,9 % dari angka
        nasional" is a gap measured from the reference). The subject: the cluster or unit named last before the number."""
        lex = self.v.lex
        if not number.percent or not all(w in lex.words for w in ("share_of", "share_noun", "share_blocker")):
            return False
        start, end = scope.clause(number.start)
        if self._gap_words()["word_before"].search(scope.text, start, number.start) \
                or rx(rf"\b(?:{lex.share_blocker})\b").search(scope.text, max(start, number.start - 30), number.start):
            return False
        opening = rx(rf"\s*(?:{lex.share_of})\s+(?:(?:{lex.article})\s+)?").match(scope.text, number.end, end)
        if opening is None:
            return False
        noun = rx(rf"(?:{lex.share_noun})\s+").match(scope.text, opening.end(), end)
        mentions = sorted(scope.clusters + scope.members, key=lambda m: m.start)
        obj = next((m for m in mentions if m.start >= opening.end() and m.start < end), None)
        if obj is not None and self._without_features(scope, noun.end() if noun else opening.end(), obj.start).strip():
            obj = None  # only an indicator may stand between: "40 % pengeluaran DKI Jakarta"
        reference = rx(lex.reference).match(scope.text, opening.end(), end) if obj is None else None
        if obj is None and reference is None:
            return False
        subject = scope.nearest_before(number.start)
        features = nearest_features(scope, number, features)
        if subject is None or len(features) != 1 or (obj is not None and subject.value == obj.value):
            return False
        feature = features[0]

        def value_of(mention) -> float | None:
            if mention in scope.clusters:
                return float(self.v.facts.cluster(mention.value).features[feature].mean)
            return None if mention.value == AGGREGATE else self.v.unit_value(mention.value, feature)

        def name_of(mention) -> str:
            return f"K{mention.value}" if mention in scope.clusters else f"UNIT[{mention.value}]"

        def shown(mention) -> str:  # as the sentence wrote the cluster ("Cluster 1", "the high-achiever group"), a unit by its name
            return mention.text if mention in scope.clusters and mention.text else str(mention.value)

        ours = value_of(subject)
        if reference is not None:
            theirs = self.unit_mean.value(feature) if self.unit_mean.names_unit_mean(reference.group(0)) else None
            basis = "REF" if theirs is None else "UMEAN"
            theirs = float(self.v.facts.reference.values[feature]) if theirs is None else theirs
        else:
            theirs, basis = value_of(obj), name_of(obj)
        if ours is None or not theirs:
            return False
        share = 100 * ours / theirs
        cluster = subject.value if subject in scope.clusters else self.v.cluster_of(subject.value)
        fact = Fact(f"{name_of(subject)}/{basis}.{feature}.share_pct", share, "rel_pct", 1, "%", cluster, feature, format_number(share, 1) + " %")
        ok = self.equal(number, fact)
        self.v.claim(scope, ClaimKind.NUMBER, number.written, (cluster,) if cluster is not None else (), (feature,), fact,
                     Verdict.TRUE if ok else Verdict.FALSE, self.v.say("share_of", a=shown(subject), b=reference.group(0) if reference is not None else shown(obj)))
        return True
