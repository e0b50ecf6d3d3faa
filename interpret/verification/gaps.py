"""A lead or a lag between two clusters, stated with its size: the gap of their means, never either mean.

- "Klaster 4 tertinggal sekitar 2,4 tahun dari Klaster 2", "is 1.2 years higher than Cluster 3": the lag or lead word,
  the number, then the cluster it is measured from (the size before the compared cluster);
- "tertinggal dari Kelompok A sekitar Rp3,6 juta", "ahead of Cluster 2 by roughly IDR 1.5 million", "lags Cluster 3 by
  about 0.2 years": the compared cluster first, then the size (lexicon `gap_by`, `gap_filler`);
- "… dibanding Klaster 2, sekitar Rp1,5 juta lebih besar", "Dibandingkan Klaster 4, … Klaster 1 sekitar 71 % lebih tinggi":
  the size, then the comparison word, its cluster named before it by a comparison word (`comparison_lead`);
- "terhadap Klaster 3 jaraknya 4,25 tahun", "Pada RLS, jaraknya lebih dari satu tahun": a gap word (`gap_cue`) with one
  compared cluster (the other is the sentence's subject) or none (the pair the sentence, else the previous one, compared).

The subject of the lead or lag is the sentence's own subject (the cluster it names that no comparison word governs), so
"Cluster 1's expenditure is 30 % higher than Cluster 3's and 71 % higher than Cluster 4's" compares Cluster 1 twice.
The words are the lexicon's; a stated direction that the means contradict is false ("arahnya terbalik"). A mixin of
`NumberChecker` (numbers.py), which supplies `v`, `equal`, `reading`, `quality_rx` and `percent_gaps` (relations.py).
"""

from __future__ import annotations

import re

from ..facts import Fact
from ..numbers import format_number
from ..terms import ClaimKind, Verdict
from .binding import Binding, foreign_binding, nearest_features
from .lexicon import rx
from .scope import AGGREGATE, Scope


class GapChecks:
    def _gap_words(self):
        """The regular expressions of this lexicon, built once per checker."""
        cached = getattr(self, "_gap_rx", None)
        if cached is not None:
            return cached
        lex = self.v.lex
        high, low = rf"{lex.compare_high}|{lex.better}", rf"{lex.compare_low}|{lex.worse}"
        filler = rf"{lex.gap_filler}|{lex.approx}|{lex.gap_by}" if "gap_filler" in lex.words else rf"{lex.approx}|{lex.gap_by}"
        words = {
            # the lead or lag word right before the number ("tertinggal sekitar 2,4 tahun", "higher by 1.2 years")
            "word_before": rx(rf"(?:(?P<high>{high})|(?P<low>{low})|(?P<differ>\b(?:{lex.gap_cue})))\s+(?:(?:{filler})\s+)*(?:(?:{lex.currency_sign})\s*)?$"),
            # … and the cluster it is measured from after it ("… tahun dari Klaster 2")
            "object_after": rx(rf"\s*(?:(?:{lex.measure_units}|{lex.currency_after})\s+)?(?:(?:{lex.compare_connector})\s+)(?:(?:{lex.compare_filler})\s+)*$"),
            # the lead or lag word, then the compared cluster ("tertinggal dari Kelompok A", "ahead of Cluster 2", "lags Cluster 3")
            "word_object": rx(rf"(?:(?P<high>{high})|(?P<low>{low}))\s+(?:(?:{lex.compare_connector}|{lex.compare_filler})\s+)*$"),
            # … then the number ("… sekitar Rp3,6 juta", "… by roughly IDR 1.5 million")
            # ("… Cluster 3 on mean years of schooling, by roughly 0.2 years": the indicator left out, its comma kept)
            "object_number": rx(rf"\s*,?\s*(?:(?:{filler}|{lex.quality_preposition})\s*,?\s+)*(?:(?:{lex.currency_sign})\s*)?"),
            # the comparison word right after the number ("sekitar Rp1,5 juta lebih besar", "71 % lebih tinggi")
            "word_after": rx(rf"\s*(?:(?:{lex.measure_units}|{lex.currency_after})\s+)?(?:(?P<high>{lex.compare_high})|(?P<low>{lex.compare_low}))\b"),
            "connector": rx(rf"\s+(?:{lex.compare_connector})\b"),
            "reference_after": rx(lex.reference_after),
            "cue": rx(rf"\b(?:{lex.gap_cue})\b"),
            # … also the object of a lead or lag verb ("Cluster 2 outpaces Cluster 4", "unggul atas Klaster 3")
            "object_before": rx(rf"(?:{lex.gap_object}|{lex.compare_connector}|{lex.comparison_lead}|{lex.compare_high}|{lex.compare_low}|{lex.better}|{lex.worse})\s+$"),
            "reference": rx(lex.reference),
        }
        self._gap_rx = words
        return words

    # -- which construction -------------------------------------------------------------------------
    def lead_or_lag(self, scope: Scope, number, features) -> bool:
        """Judge the number as the gap of two clusters when the sentence states it so; False: not such a number."""
        if number.unit in {"count", "clusters", "year", "ratio"} or number.points:
            return False
        if foreign_binding(self, scope, number) is not None:
            return False  # "The IPM gap between the two extremes is more than 10 points": about what the data do not hold
        w = self._gap_words()
        start, end = scope.clause(number.start)
        if self._between_named_units(scope, number, features):
            return True
        listed = self._listed_after_gap(scope, number)
        if listed is not None:  # "leads Cluster 4 by 5.2 years in life expectancy, 1.0 year in expected schooling and …"
            return self._judge_pair(scope, number, scope.features_for(number.start, after_only=True) or features, *listed)
        before = scope.text[start : number.start]
        in_clause = [m for m in scope.clusters if start <= m.start < end]
        # the number, then the compared cluster: "tertinggal sekitar 2,4 tahun dari Klaster 2"
        word = w["word_before"].search(before)
        if word:
            after = [m for m in in_clause if m.start >= number.end]
            if after and w["object_after"].fullmatch(self._without_features(scope, number.end, after[0].start)):
                return self._judge_gap(scope, number, features, after[0], word, word.start() + start)
            marked = [m for m in scope.clusters if m.end <= start + word.start() and w["object_before"].search(scope.text, max(0, m.start - 30), m.start)]
            if not after and marked and not word.group("differ") and not self._measured_from_reference(scope, number):
                # "unggul atas Klaster 3 dalam HLS …, namun dalam UHH justru tertinggal 1,2 tahun": the pair compared before
                return self._judge_gap(scope, number, features, marked[-1], word, word.start() + start)
            pair = None if after or marked or word.group("differ") else self._antecedent_pair(scope, number)
            if pair is not None:  # "Cluster 2 outpaces Cluster 4 … the second cluster is ahead by more than 1.5 years"
                return self._judge_pair(scope, number, features, *pair, word)
        # the compared cluster, then the number: "tertinggal dari Kelompok A sekitar Rp3,6 juta"
        earlier = [m for m in in_clause if m.end <= number.start]
        if earlier:
            obj = earlier[-1]
            lead = w["word_object"].search(scope.text, start, obj.start)
            if lead and lead.end() == obj.start and w["object_number"].fullmatch(self._without_features(scope, obj.end, number.start)):
                return self._judge_gap(scope, number, features, obj, lead, lead.start())
        # the number, then the comparison word, its cluster named before by a comparison word: "dibanding Klaster 2, sekitar Rp1,5 juta lebih besar"
        word = w["word_after"].match(scope.text, number.end)
        if word and not w["connector"].match(scope.text, word.end()) and not w["reference_after"].match(scope.text[number.end : end]):
            governed = [m for m in scope.governed if m.end <= number.start]
            if not governed and not self._measured_from_reference(scope, number):
                # "Cluster 2 outpaces Cluster 4 … Its residents live about 2.4 years longer": the cluster a lead verb took as its object
                governed = [m for m in scope.clusters if m.end <= start and w["object_before"].search(scope.text, max(0, m.start - 30), m.start)]
            if governed:
                return self._judge_gap(scope, number, features, governed[-1], word, number.start)
            pair = self._antecedent_pair(scope, number)
            if pair is not None:  # "Cluster 2 outpaces Cluster 4. Its residents live about 2.4 years longer"
                return self._judge_pair(scope, number, features, *pair, word)
        return self.gap_word(scope, number, features, in_clause)

    def gap_word(self, scope: Scope, number, features, in_clause) -> bool:
        """"terhadap Klaster 3 jaraknya 4,25 tahun": a gap word with one compared cluster; with none, the pair compared
        before ("Pada RLS, jaraknya lebih dari satu tahun"), or the reference the sentence measured from."""
        w = self._gap_words()
        start, _ = scope.clause(number.start)
        if self._gap_after(scope, number):  # "the two are much closer, less than one year apart": the pair's gap
            named = list(dict.fromkeys(m.value for m in in_clause if m.start < number.start))
            pair = named if len(named) == 2 else (list((scope.antecedent or {}).get("pair") or ()) if not scope.clusters else [])
            if len(pair) == 2 and not self._measured_from_reference(scope, number):
                return self._judge_pair(scope, number, features, pair[0], pair[1], None)
        cue = w["cue"].search(scope.text, start, number.start)
        if not cue and w["cue"].search(scope.text, 0, start) and not self._measured_from_reference(scope, number):
            # "Selisih UHH antara Klaster 1 dan Klaster 2 sekitar 2,8 tahun, sedangkan antara Klaster 3 dan Klaster 4 sekitar 2,4 tahun"
            named = [m for m in in_clause if m.start < number.start]
            pair = list(dict.fromkeys(m.value for m in named))
            if len(pair) == 2 and all(scope.list_gap is not None and scope.list_gap.fullmatch(scope.text[a.end : b.start]) for a, b in zip(named, named[1:])):
                return self._judge_pair(scope, number, features, pair[0], pair[1], None)
            return False
        if not cue or re.search(r"\d", scope.masked[cue.end() : number.start]):
            return False  # "Jarak terlebarnya … Klaster 2 rata-rata 70,81 tahun, 2,32 tahun …": the gap word is another number's
        named = list(dict.fromkeys(m.value for m in in_clause if m.start < number.start))
        # searched in the whole text, not up to the number: "rata-rata" + the end of a slice would read as the reference
        reference = next((m for m in w["reference"].finditer(scope.text, 0 if not named else start) if m.end() <= number.start), None)
        if reference:  # "Kesenjangan UHH Klaster 4 terhadap angka nasional …; pada RLS, jaraknya 0,94 tahun": the gap to the reference
            own = named or list(dict.fromkeys(m.value for m in scope.clusters if m.start < start)) or list(scope.default_clusters)
            return len(own) == 1 and self._reference_gap(scope, number, features, own[0], reference)
        if len(named) == 1:  # "terhadap Klaster 3 jaraknya …": the compared one, the other is the subject of the sentence so far
            obj = next(m for m in in_clause if m.start < number.start)
            if not w["object_before"].search(scope.text, start, obj.start):
                # "Klaster 1 … Rp15,4 juta, sementara Klaster 4 hanya Rp9,0 juta, sehingga selisihnya …": the two the sentence set side by side
                pair = list(dict.fromkeys(m.value for m in scope.clusters if m.start < number.start))
                return len(pair) == 2 and self._judge_pair(scope, number, features, pair[0], pair[1], None)
            return self._judge_gap(scope, number, features, obj, None, cue.start())
        if named:
            return False  # two clusters: relations.between_clusters reads them
        pair = list(dict.fromkeys(m.value for m in scope.clusters if m.start < start))
        if not pair:
            many = (scope.antecedent or {}).get("many")
            pair = list(many[1]) if many and many[0] == "cluster" else []
        if len(pair) == 2:
            return self._judge_pair(scope, number, features, pair[0], pair[1], None)
        return False

    def _gap_after(self, scope: Scope, number) -> bool:
        """The number, its unit, then a word that makes it a distance (lexicon `gap_after`: "one year apart")."""
        lex = self.v.lex
        if "gap_after" not in lex.words:
            return False
        return bool(rx(rf"\s*(?:(?:{lex.measure_units})\s+)?(?:{lex.gap_after})\b").match(scope.text, number.end))

    def _antecedent_pair(self, scope: Scope, number):
        """(subject, compared) of a lead or lag whose compared cluster the previous sentence named: that sentence set two
        clusters side by side and this one speaks of one of them (by name, ordinal or pronoun) and names no other, so the
        size is the gap to the other one, never the subject's own level. None: no such pair, or a gap to the reference."""
        pair = (scope.antecedent or {}).get("pair")
        if not pair or self._measured_from_reference(scope, number):
            return None
        if len({m.value for m in scope.clusters}) > 1:
            return None  # this sentence names its own pair: the constructions above read it
        own = scope.clusters_for(number.start)
        if len(own) != 1 or own[0] not in pair:
            return None
        return own[0], next(c for c in pair if c != own[0])

    def _listed_after_gap(self, scope: Scope, number):
        """(subject, compared, word) of the gap judged right before this number when only a unit, the previous number's
        indicator and a list word separate them: the sizes of one lead listed per indicator."""
        last = getattr(self, "_last_gap", None)
        if last is None or last[0] is not scope or last[1] > number.start:
            return None
        lex = self.v.lex
        between = self._without_features(scope, last[1], number.start)
        joint = rx(rf"\s*(?:(?:{lex.measure_units})\s*)?(?:(?:{lex.subject_after})\s*)?(?:,\s*(?:(?:{lex.list_joiner})\s+)?|\s+(?:{lex.list_joiner})\s+)"
                   rf"(?:(?:{lex.approx}|{lex.gap_filler})\s+)*(?:(?:{lex.currency_sign})\s*)?")
        return last[2:] if joint.fullmatch(between) else None

    def _measured_from_reference(self, scope: Scope, number) -> bool:
        """The clause names the reference ("… unggul sekitar 1,5 tahun atas angka nasional"): a gap to it, not to a cluster."""
        start, end = scope.clause(number.start)
        return any(start <= m.start() < end for m in self._gap_words()["reference"].finditer(scope.text))

    # -- judging ----------------------------------------------------------------------------------------
    def _reference_gap(self, scope: Scope, number, features, cluster: int, reference) -> bool:
        features = nearest_features(scope, number, features or scope.default_features)
        if len(features) != 1:
            return False
        stat = "diff_pct" if number.percent else "diff"
        fact = self.v.facts.index.get(f"K{cluster}.{features[0]}.{stat}")
        if fact is None:
            return False
        if self.unit_mean.names_unit_mean(reference.group(0)):  # "jaraknya dari rata-rata provinsi": the plain mean of the units
            fact = self.unit_mean.counterpart(fact)
        self.judge(scope, number, Binding((fact,), "subject", stat), (cluster,), features)
        return True

    def _without_features(self, scope: Scope, a: int, b: int) -> str:
        """The text between two positions with the indicators it names left out ("dari Klaster 2 pada pengeluaran sekitar")."""
        pieces, at = [], a
        for m in sorted((m for m in scope.features if a <= m.start and m.end <= b), key=lambda m: m.start):
            pieces.append(scope.text[at : m.start])
            at = m.end
        pieces.append(scope.text[at:b])
        return re.sub(r"\s+", " ", "".join(pieces))

    def _subject(self, scope: Scope, obj, position: int) -> tuple[int, ...]:
        """Who leads or lags: the cluster named before the word in its clause, else the sentence's subject so far (a
        cluster no comparison word governs), else the paragraph's; never the compared cluster itself."""
        start, _ = scope.clause(position)
        near = [m for m in scope.clusters if start <= m.start < position and m is not obj and m not in scope.governed]
        if near:
            return scope.clusters_for(near[-1].end)
        earlier = [m for m in scope.clusters if m.start < position and m is not obj and m not in scope.governed and m.value != obj.value]
        if earlier:
            return (earlier[0].value,)
        return tuple(c for c in scope.default_clusters if c != obj.value)

    def _stated_higher(self, word, feature: str) -> bool | None:
        """Whether the lead or lag word says the subject is higher (None: "terpaut", no direction stated); "lebih baik" /
        "unggul" on an indicator where lower is better says it is lower."""
        if word is None or word.groupdict().get("differ"):
            return None
        higher = bool(word.group("high"))
        if self.v.facts.feature(feature).direction != "higher_is_better" and self.quality_rx.search(word.group(0)):
            higher = not higher
        return higher

    def _judge_directed_gap(self, scope: Scope, number, feature: str, fact, ours: float, theirs: float, word, note: str) -> None:
        """The size of a lead or lag as a gap fact, false when the stated direction is the reverse of the values'."""
        higher = self._stated_higher(word, feature)
        turned = higher is not None and ours != theirs and (ours > theirs) != higher
        ok = not turned and self.equal(number, fact)
        note += ("; " + self.v.say("reversed")) if turned else ""
        self.v.claim(scope, ClaimKind.NUMBER, number.written, (), (feature,), fact, Verdict.TRUE if ok else Verdict.FALSE, note)

    def _judge_gap(self, scope: Scope, number, features, obj, word, position: int) -> bool:
        start, _ = scope.clause(position)
        units = list(dict.fromkeys(m.value for m in scope.members if start <= m.start < position and m.value != AGGREGATE))
        near = [m for m in scope.clusters if start <= m.start < position and m is not obj and m not in scope.governed]
        if len(units) == 1 and not near:  # "Papua trails Cluster 1 by more than 7 years": the unit's value against the cluster's mean
            return self._judge_unit_gap(scope, number, features, units[0], obj.value, word)
        subjects = tuple(c for c in self._subject(scope, obj, position) if c != obj.value)
        if len(subjects) != 1:
            return False
        return self._judge_pair(scope, number, features, subjects[0], obj.value, word)

    def _between_named_units(self, scope: Scope, number, features) -> bool:
        """A lead or lag whose compared one is a unit: "Papua … sekitar 7,6 tahun lebih rendah daripada DKI Jakarta",
        "lags 7.6 years behind DKI Jakarta", "trails DKI Jakarta by 7.6 years": the gap of the two units' values, its
        direction checked; the subject is the unit the clause names before (else the previous sentence's unit)."""
        w = self._gap_words()
        start, end = scope.clause(number.start)
        units = [m for m in scope.members if start <= m.start < end and m.value != AGGREGATE]
        obj = word = None
        after_word = w["word_after"].match(scope.text, number.end)
        connector = w["connector"].match(scope.text, after_word.end()) if after_word else None
        if connector:  # the number, the comparison word, its connector, the unit
            obj, word = next((m for m in units if 0 <= m.start - connector.end() <= 6), None), after_word
        if obj is None:
            before = w["word_before"].search(scope.text[start : number.start])
            following = [m for m in units if m.start >= number.end]
            if before and following and w["object_after"].fullmatch(self._without_features(scope, number.end, following[0].start)):
                obj, word = following[0], before  # the word, the number, the unit it is measured from
        if obj is None:
            earlier = [m for m in units if m.end <= number.start]
            lead = w["word_object"].search(scope.text, start, earlier[-1].start) if earlier else None
            if lead and lead.end() == earlier[-1].start and w["object_number"].fullmatch(self._without_features(scope, earlier[-1].end, number.start)):
                obj, word = earlier[-1], lead  # the word, the unit, then the number
        if obj is None or any(start <= m.start < end for m in scope.clusters):
            return False
        subjects = [m.value for m in units if m.end <= min(obj.start, number.start) and m.value != obj.value]
        one = (scope.antecedent or {}).get("one")
        subject = subjects[-1] if subjects else (one[1][0] if one and one[0] == "member" and one[1] and one[1][0] != obj.value else None)
        features = nearest_features(scope, number, features or scope.default_features)
        if subject is None or number.percent or len(features) != 1:
            return False
        ours, theirs = self.v.unit_value(subject, features[0]), self.v.unit_value(obj.value, features[0])
        if ours is None or theirs is None:
            return False
        info = self.v.facts.feature(features[0])
        gap = abs(ours - theirs)
        fact = Fact(f"UNIT[{subject}]-UNIT[{obj.value}].{features[0]}.gap", gap, "gap", info.decimals, info.unit, None, features[0],
                    format_number(gap, info.decimals))
        self._judge_directed_gap(scope, number, features[0], fact, ours, theirs, word, self.v.say("unit_gap", a=subject, b=obj.value))
        return True

    def _judge_unit_gap(self, scope: Scope, number, features, unit: str, obj: int, word) -> bool:
        features = nearest_features(scope, number, features or scope.default_features)
        value = self.v.unit_value(unit, features[0]) if len(features) == 1 and not number.percent else None
        if value is None:
            return False
        feature = features[0]
        theirs = float(self.v.facts.cluster(obj).features[feature].mean)
        info = self.v.facts.feature(feature)
        gap = abs(value - theirs)
        fact = Fact(f"UNIT[{unit}]-K{obj}.{feature}.gap", gap, "gap", info.decimals, info.unit, None, feature, format_number(gap, info.decimals))
        self._judge_directed_gap(scope, number, feature, fact, value, theirs, word, self.v.say("pair_gap", a=unit, b=obj))
        return True

    def _judge_pair(self, scope: Scope, number, features, subject: int, obj: int, word) -> bool:
        features = nearest_features(scope, number, features or scope.default_features)
        if len(features) != 1:
            self.v.claim(scope, ClaimKind.NUMBER, number.written, (subject, obj), features, None, Verdict.UNVERIFIABLE,
                         self.v.say("pair_gap_no_feature"))
            return True
        feature = features[0]
        ours = float(self.v.facts.cluster(subject).features[feature].mean)
        theirs = float(self.v.facts.cluster(obj).features[feature].mean)
        higher = self._stated_higher(word, feature)
        lo, hi = sorted((subject, obj))
        if number.percent:
            if higher is None:
                candidates = self.percent_gaps(lo, hi, feature, relative=True)
                fact = next((f for f in candidates if self.equal(number, f)), candidates[0] if candidates else None)
            elif theirs:
                share = 100 * (ours / theirs - 1) if higher else 100 * (1 - ours / theirs)
                # computed, not shown: compared at two decimals, not at the display's one ("about 13 %" is not 12,47 %)
                fact = Fact(f"K{subject}/K{obj}.{feature}.{'above' if higher else 'below'}_pct", share, "rel_pct", 2, "%", subject, feature,
                            format_number(share, 1) + " %")
            else:
                fact = None
        else:
            fact = self.v.facts.index.get(f"K{lo}-K{hi}.{feature}.gap")
        if fact is None:
            self.v.claim(scope, ClaimKind.NUMBER, number.written, (subject, obj), (feature,), None, Verdict.UNVERIFIABLE,
                         self.v.say("pair_gap_absent"))
            return True
        turned = higher is not None and ours != theirs and (ours > theirs) != higher
        ok = not turned and self.equal(number, fact)
        reading = self.reading(number)
        note = self.v.say("pair_gap", a=subject, b=obj) + ("; " + self.v.say("reversed") if turned else "") + (f"; {reading}" if reading else "")
        self.v.claim(scope, ClaimKind.NUMBER, number.written, (subject,), (feature,), fact, Verdict.TRUE if ok else Verdict.FALSE, note)
        self._last_gap = (scope, number.end, subject, obj, word)
        return True


def comparison_subjects(scope: Scope, number) -> tuple[int, ...]:
    return subjects_at(scope, number.start)


def subjects_at(scope: Scope, position: int) -> tuple[int, ...]:
    """Whose mean a relative gap before "than Cluster 4's" is: the cluster named nearest before the number, unless a
    comparison word governs it ("30 % higher than Cluster 3's and 71 % higher than Cluster 4's": Cluster 3 is compared,
    not compared with), then the sentence's last cluster that none governs."""
    start, _ = scope.clause(position)
    before = [m for m in scope.clusters if start <= m.start < position]
    # "… daripada Klaster 3 (74,15 tahun)": a value bracketed right after the compared cluster is still that cluster's
    # "… just behind Cluster 1's 13.93 years": a value bracketed after the compared cluster, or its possessive, is its own
    if before and before[-1] in scope.governed and not re.fullmatch(rf"\s*\(\s*|(?:{scope.lex.possessive_s})\s+(?:(?:{scope.lex.currency_sign})\s*)?", scope.text[before[-1].end : position]):
        free = [m for m in scope.clusters if m.start < position and m not in scope.governed]
        if free:
            return (free[-1].value,)
    return scope.clusters_for(position)
