"""Comparisons between clusters, a part of the rank checker (split from ranks.py to keep each module small).

- "Klaster 3 hanya kalah dari Klaster 1" / "second only to Cluster 1", "tepat setelah Klaster 3";
- "Klaster 3 lebih tinggi daripada Klaster 2", "spends more per capita than Cluster 3", "higher than any
  other cluster", and a comparison with no object that ends its clause ("Cluster 2 is slightly lower");
- an elided repeat on another indicator ("… but lower on life expectancy", "… tetapi juga dalam pengeluaran per kapita",
  "… and on per capita spending");
- on which indicator the gap between two clusters is widest or narrowest ("the gap between Cluster 1 and Cluster 4 is
  widest on expenditure", "paling sempit pada RLS"): in standard deviations (the clusters' z) when the sentence says so,
  else relative to the reference;
- the next place after a superlative or a place ("… tertinggi di antara klaster, disusul Klaster 2", "peringkat
  pertama …, disusul Kepulauan Riau", "the highest …, followed by Cluster 3");
- that two clusters are the furthest apart of any pair ("Cluster 4 trails Cluster 1 by 5.2 years, the widest gap between
  any two groups"): they are the highest and the lowest on the indicator.
Judged on the clusters' means (K{n}.{f}.mean) or rank facts (K{n}.{f}.rank: 1 = the highest mean).
`ClusterComparisons` is a mixin of `RankChecker`: it uses the patterns RankChecker builds from the lexicon.
"""

from __future__ import annotations

import re

from ..terms import ClaimKind, Verdict
from .lexicon import rx
from .scope import AGGREGATE, Scope


class ClusterComparisons:
    def _next_to(self, scope: Scope) -> None:
        """"Klaster 3 hanya kalah dari Klaster 1" / "second only to Cluster 1": the subject is second and the one named
        first; "tepat setelah Klaster 3" / "right after Cluster 3": the subject's place is one below the named one's.
        Judged on each named indicator's rank facts (K{n}.{f}.rank: 1 = the highest mean)."""
        v = self.v
        for word, second in (("second_only_to", True), ("right_after", False)):
            pattern = v.lex.words.get(word)
            if not pattern:
                continue
            for match in rx(rf"\b(?:{pattern})\s+").finditer(scope.text):
                objects = [m for m in scope.clusters if m.start >= match.end() and m.start - match.end() < 5]
                if not objects:
                    # "Jawa Barat …, second only to DKI Jakarta nationally": a unit's place (unit_compare.py)
                    self.unit_comparisons.next_to(scope, match, second, scope.clause(match.start())[1])
                    continue
                obj = objects[0].value
                subjects = [s for s in scope.clusters_for(match.start()) if s != obj]
                start, end = scope.clause(match.start())
                before = [m.value for m in scope.features if start <= m.start < match.start()]
                after = [m.value for m in scope.features if match.start() <= m.start < end]
                features = list(dict.fromkeys(before or after)) or list(scope.features_for(match.start()))
                phrase = match.group(0).strip()
                for subject in subjects[:1]:
                    for feature in features:
                        ours, theirs = v.facts.index.get(f"K{subject}.{feature}.rank"), v.facts.index.get(f"K{obj}.{feature}.rank")
                        if ours is None or theirs is None:
                            continue
                        ok = (ours.value == 2 and theirs.value == 1) if second else ours.value == theirs.value + 1
                        v.claim(scope, ClaimKind.RANK, phrase, (subject,), (feature,), ours, Verdict.TRUE if ok else Verdict.FALSE,
                                v.say("cluster_ranks", a=subject, rank_a=ours.value, b=obj, rank_b=theirs.value))

    def feature_between(self, scope: Scope, match) -> tuple[object, int] | None:
        """The indicator written between a comparison word and its connector ("a higher life expectancy than",
        "spends more per capita than"), and where the object's name may start; None when none stands there."""
        for m in scope.features:
            if 0 <= m.start - match.end() <= 4 and re.fullmatch(r"(?:\w{1,3}\s+)?", scope.text[match.end() : m.start]):
                then = self.then_object_rx.match(scope.text, m.end)
                if then:
                    return m, then.end()
        return None

    def _comparisons(self, scope: Scope) -> None:
        """"Klaster 3 lebih tinggi daripada Klaster 2", "spends more per capita than Cluster 3", "higher than any other
        cluster", and a comparison with no object that ends its clause ("Klaster 3 bahkan lebih tinggi lagi", "Cluster 2
        is slightly lower"): compared with the cluster named before it (an earlier clause, else the previous sentence's
        subject). The indicator is the one the sentence names before the comparison, else any it names, else the
        previous sentence's ("Angka ini lebih tinggi daripada Klaster 2")."""
        taken = []
        for match in self.compare_rx.finditer(scope.text):
            objects = [m for m in scope.clusters if m.start >= match.end() and m.start - match.end() < 5]
            if not objects:
                continue
            taken.append((match.start(), objects[0].end))
            subjects = [m for m in scope.clusters if m.end <= match.start()]
            subject_values = self.parts.subjects(scope, match, objects[0], scope.clusters_for(match.start()) if subjects else scope.default_clusters)
            phrase, named = scope.text[self._phrase_start(scope, match) : objects[0].end], self.parts.named_after(scope, objects[0].end)
            if not self.parts.unit_against_cluster(scope, match, objects[0], phrase, self._phrase_start(scope, match), named):
                self._compare(scope, match, subject_values, (objects[0].value,), phrase, named)
        for match in self.lead_rx.finditer(scope.text):
            if any(a <= match.start() < b for a, b in taken):
                continue
            between = self.feature_between(scope, match)
            objects = [m for m in scope.clusters if between and 0 <= m.start - between[1] < 5]
            if not objects:
                continue
            taken.append((match.start(), objects[0].end))
            subjects = [m for m in scope.clusters if m.end <= match.start()]
            subject_values = scope.clusters_for(match.start()) if subjects else scope.default_clusters
            self._compare(scope, match, subject_values, (objects[0].value,), scope.text[self._phrase_start(scope, match) : objects[0].end], (between[0].value,))
        for match in self.compare_all_rx.finditer(scope.text):
            if any(a <= match.start() < b for a, b in taken):
                continue
            taken.append(match.span())
            subject_values = scope.clusters_for(match.start())
            others = tuple(c.number for c in self.v.facts.clusters if c.number not in subject_values)
            self._compare(scope, match, subject_values[:1], others, scope.text[self._phrase_start(scope, match) : match.end()])
        for match in self.compare_end_rx.finditer(scope.text):
            if any(a <= match.start() < b for a, b in taken):
                continue
            start, _ = scope.clause(match.start())
            before = [m for m in scope.clusters if start <= m.start < match.start()]
            pair = None if before else self.parts.pair_before(scope, taken, match.start())
            if pair:  # "Klaster 2 unggul atas Klaster 3 …, tetapi penduduknya tidak hidup lebih lama": that pair again
                self._compare(scope, match, pair[:1], pair[1:], scope.text[self._phrase_start(scope, match) : match.end()].strip())
            if not before:
                continue
            subject = before[-1].value
            earlier = [m.value for m in scope.clusters if m.start < start and m.value != subject]
            antecedent = (scope.antecedent or {}).get("one") or ()
            leading = [m for m in scope.clusters if m.start < before[-1].start and m not in scope.governed]
            if before[-1] in scope.governed and leading:
                # "Klaster 2 hidup lebih singkat dibanding Klaster 3, meskipun HLS-nya lebih tinggi": the object of the
                # comparison before is no subject; the elided one keeps that pair, its subject against its object
                subject, obj = leading[-1].value, before[-1].value
            elif earlier:
                obj = earlier[-1]
            elif antecedent and antecedent[0] == "cluster" and antecedent[1] and antecedent[1][0] != subject:
                obj = antecedent[1][0]
            else:
                continue
            self._compare(scope, match, (subject,), (obj,), scope.text[self._phrase_start(scope, match) : match.end()].strip())
        self._elided(scope, taken)
        self._also_on(scope, taken)

    def _also_on(self, scope: Scope, taken) -> None:
        """"Klaster 2 tidak hanya tertinggal dari Klaster 3 dalam harapan hidup, tetapi juga dalam pengeluaran per kapita",
        "outperforms Cluster 3 on life expectancy and on per capita spending": a conjunction or "also" with only a preposition
        and an indicator after it repeats the comparison before it (its word, pair and negation) on that indicator."""
        v = self.v
        if "comparison_also" not in v.lex.words:
            return
        cue_rx = rx(rf"\b(?:{v.lex.comparison_also})\s+(?:{v.lex.quality_preposition})\s+(?:(?:{v.lex.article}|{v.lex.respect_noun})\s+)?")
        for cue in cue_rx.finditer(scope.text):
            # (a word or two may qualify the indicator: "on per capita spending")
            feature = [m for m in scope.features if 0 <= m.start - cue.end() <= 12 and re.fullmatch(r"(?:[\w-]+\s+){0,2}", scope.text[cue.end() : m.start])][:1]
            pairs = [(a, b) for a, b in taken if b <= cue.start()]
            if not feature or not pairs or any(a <= cue.start() < b for a, b in taken):
                continue
            a, b = pairs[-1]
            before = self.compare_rx.match(scope.text, a) or self.lead_rx.match(scope.text, a)
            objects = [m for m in scope.clusters if a <= m.start < b]
            subjects = [m for m in scope.clusters if m.end <= a and m not in scope.governed]
            between = scope.text[b : cue.start()]
            if before is None or not objects or not subjects or self.lead_rx.search(between):
                continue  # another comparison word between: the cue is that one's
            taken.append(cue.span())
            self._compare(scope, before, (subjects[-1].value,), (objects[-1].value,), scope.text[cue.start() : feature[0].end], (feature[0].value,))

    def _elided(self, scope: Scope, taken) -> None:
        """"Cluster 2 is higher than Cluster 3 on mean years of schooling but lower on life expectancy": a comparison word
        with only an indicator after it ("lower on X", "lebih rendah pada X") repeats the pair of the comparison before it
        in the sentence, on its own indicator."""
        for match in self.elided_rx.finditer(scope.text):
            if any(a <= match.start() < b for a, b in taken):
                continue
            feature = [m for m in scope.features if m.start == match.end()]
            pairs = [(a, b) for a, b in taken if b <= match.start()]
            if not feature or not pairs:
                continue
            a, b = pairs[-1]
            objects = [m for m in scope.clusters if a <= m.start < b]
            subjects = [m for m in scope.clusters if m.end <= a and m not in scope.governed]
            if not objects or not subjects:
                continue
            taken.append(match.span())
            self._compare(scope, match, (subjects[-1].value,), (objects[-1].value,), scope.text[match.start() : feature[0].end], (feature[0].value,))

    def _phrase_start(self, scope: Scope, match) -> int:
        """Where a comparison's phrase starts: at the verb that names its indicator when it stands right before it
        ("hidup lebih lama", "spends more per capita")."""
        verbs = [m for m in scope.features if 0 <= match.start() - m.end <= 2 and m.start < match.start()]
        start = verbs[-1].start if verbs else match.start()
        degree = self.degree_rx.search(scope.text, max(0, start - 20), start)  # "sedikit melampaui", "just below": part of the claim
        return degree.start() if degree else start

    def _compare(self, scope: Scope, match, subject_values, objects, phrase: str, named: tuple[str, ...] = ()) -> None:
        v = self.v
        clause_start, _ = scope.clause(match.start())
        # the indicator of the comparison's own clause before it ("…, meskipun HLS-nya lebih tinggi"), else the sentence's
        features = ([m.value for m in scope.features if clause_start <= m.start < match.start()]
                    or [m.value for m in scope.features if m.start < match.start()] or [m.value for m in scope.features])
        before = [m.value for m in scope.features if m.start < match.start()]
        if not before and not named:
            # "higher than Cluster 3 on mean years of schooling but lower on …": the indicator after the object, up to the
            # next comparison word
            _, end = scope.clause(match.start())
            nexts = [m.start() for m in self.lead_rx.finditer(scope.text, match.end()) if m.start() > match.end()]
            after = [m.value for m in scope.features if match.end() <= m.start < min([end] + nexts)]
            named = tuple(dict.fromkeys(after))
        features = list(named) or list(dict.fromkeys(features)) or list(scope.default_features)
        if scope.all_features and any(p < match.start() for p in scope._all_positions) and not named:
            features = list(scope.all_features)
        better_words = self.quality_rx.search(match.group(0))
        flip = self.parts.negated(scope, self._phrase_start(scope, match))  # "tidak hidup lebih lama": the opposite
        for subject in subject_values:
            for obj in objects:
                if subject == obj:
                    continue
                if not features:
                    if not self.composite_rx.search(scope.text):
                        continue
                    a, b = v.facts.cluster(subject).composite_rank, v.facts.cluster(obj).composite_rank
                    ok = ((a < b) == bool(match.group("high"))) != flip
                    v.claim(scope, ClaimKind.RANK, phrase, (subject,), (), v.facts.index.get(f"K{subject}.composite_rank"), Verdict.TRUE if ok else Verdict.FALSE,
                            v.say("composite_ranks", a=subject, rank_a=a, b=obj, rank_b=b))
                    continue
                for feature in features:
                    ours = v.facts.cluster(subject).features[feature].mean
                    theirs = v.facts.cluster(obj).features[feature].mean
                    higher = ours > theirs
                    if better_words and v.facts.feature(feature).direction != "higher_is_better":
                        higher = not higher
                    ok = (higher == bool(match.group("high"))) != flip
                    fact = v.facts.index.get(f"K{subject}.{feature}.mean")
                    other = v.facts.index.get(f"K{obj}.{feature}.mean")
                    v.claim(scope, ClaimKind.RANK, phrase, (subject,), (feature,), fact, Verdict.TRUE if ok else Verdict.FALSE,
                            v.say("other_cluster_value", cluster=obj, value=other.text if other else "–"))

    def _gap_width(self, scope: Scope) -> None:
        """"Measured in standard deviations, the gap between Cluster 1 and Cluster 4 is widest on expenditure … and
        narrowest on life expectancy": the indicator named right after the width word must be the one where the two
        clusters (the last two the sentence names before it, after a gap noun) are furthest apart (or closest)."""
        v = self.v
        standardised = self.sd_scale_rx.search(scope.text)
        for match in self.gap_width_rx.finditer(scope.text):
            pair = list(dict.fromkeys(m.value for m in scope.clusters if m.end <= match.start()))[-2:]
            named = [m for m in scope.features if match.end() <= m.start <= match.end() + 12
                     and self.width_object_rx.fullmatch(scope.text, match.end(), m.start)]
            if len(pair) != 2 or not named or not self.spread_any_rx.search(scope.text, 0, match.start()):
                continue
            a, b = (v.facts.cluster(n) for n in pair)
            if standardised:
                widths = {f.name: abs(a.features[f.name].z - b.features[f.name].z) for f in v.facts.features}
            else:
                widths = {f.name: abs(a.features[f.name].mean - b.features[f.name].mean) / abs(v.facts.reference.values[f.name] or 1)
                          for f in v.facts.features}
            order = sorted(widths, key=widths.get, reverse=bool(match.group("wide")))
            feature = named[0].value
            fact = v.facts.index.get(f"K{min(pair)}-K{max(pair)}.{feature}.gap")
            v.claim(scope, ClaimKind.RANK, scope.text[match.start() : named[0].end].strip(), tuple(pair), (feature,), fact,
                    Verdict.TRUE if order[0] == feature else Verdict.FALSE,
                    v.say("gap_order_sd" if standardised else "gap_order_relative", order=", ".join(order)))

    def _extreme_pair(self, scope: Scope) -> None:
        """"Cluster 4 trails Cluster 1 by about 5.2 years in life expectancy, the widest gap between any two groups": the
        last two clusters named before it are the highest and the lowest on each indicator the sentence names."""
        v = self.v
        for match in self.extreme_pair_rx.finditer(scope.text):
            pair = list(dict.fromkeys(m.value for m in scope.clusters if m.end <= match.start()))[-2:]
            features = list(dict.fromkeys(m.value for m in scope.features)) or list(scope.default_features)
            if len(pair) != 2 or not features:
                continue
            for feature in features:
                means = {c.number: c.features[feature].mean for c in v.facts.clusters}
                extremes = {max(means, key=means.get), min(means, key=means.get)}
                fact = v.facts.index.get(f"K{min(pair)}-K{max(pair)}.{feature}.gap")
                v.claim(scope, ClaimKind.RANK, match.group(0).strip(), tuple(pair), (feature,), fact,
                        Verdict.TRUE if set(pair) == extremes else Verdict.FALSE,
                        v.say("extreme_pair", high=max(means, key=means.get), low=min(means, key=means.get)))

    def _followed_by(self, scope: Scope) -> None:
        """"Klaster 1 memiliki HLS tertinggi di antara klaster, disusul Klaster 2": the cluster (or unit) named after the
        word holds the place right after the one the superlative or place before it states, on the same indicator and
        in the same scope."""
        v = self.v
        if self.followed_rx is None:
            return
        for match in self.followed_rx.finditer(scope.text):
            named = [m for m in scope.clusters + scope.members if 0 <= m.start - match.end() <= 2 and m.value != AGGREGATE]
            places = [m for m in list(self.superlative_rx.finditer(scope.text, 0, match.start())) + list(self.positions.position_rx.finditer(scope.text, 0, match.start()))]
            if not named or not places:
                continue
            obj, place = named[0], max(places, key=lambda m: m.start())
            groups = place.groupdict()
            if groups.get("last"):
                kind, ordinal = "low", 1
            elif "n" in groups and groups.get("n") or groups.get("n2"):
                n = (groups.get("n") or groups.get("n2")).lower()
                kind, ordinal = "high", int(n) if n.isdigit() else self.ordinals[n]
            elif "n" in groups:
                continue
            else:
                kind = next((k for k in ("high", "low", "best", "worst") if groups.get(k)), "high")
                ordinal = 2 if groups.get("runner") else self.ordinals.get((groups.get("ord") or groups.get("ord2") or "").lower(), 1)
            start, end = scope.clause(place.start())
            features = list(dict.fromkeys(m.value for m in scope.features if place.start() - 40 <= m.start < match.start())) or list(scope.features_for(place.start()))
            phrase = scope.text[match.start() : obj.end].strip()
            if obj in scope.members:
                within, _ = self._unit_scope(scope, place, start, end, [obj.value])
                v.unit_rank(scope, phrase, [obj.value], within, features, kind, ordinal + 1)
                continue
            for feature in features:
                fact = v.facts.index.get(f"K{obj.value}.{feature}.rank")
                if fact is None:
                    continue
                from_top = v.counts_from_top(kind, feature)
                wanted = ordinal + 1 if from_top else v.facts.k - ordinal
                v.claim(scope, ClaimKind.RANK, phrase, (obj.value,), (feature,), fact, Verdict.TRUE if fact.value == wanted else Verdict.FALSE)
