"""Position against the reference: "di atas / di bawah / lebih tinggi / lebih rendah / setara dengan
rata-rata nasional", and "unggul / tertinggal pada X" (better or worse, taking each indicator's
direction into account), per cluster and indicator. Quantified claims are checked against the counts of
members above / below the reference (facts K4.UHH.n_above, K4.UHH.n_below): "Seluruh anggota Klaster 4
di bawah rata-rata" = every member below; "Tidak satu pun anggota Klaster 4 mencapai rata-rata" / "none of
the members … reaches the average" (lexicon `no_member`, `reach_words`) = no member at or above it.
Also: a better / worse word with nothing after it on the indicators its clause named ("Semua indikator … tertinggal",
lexicon `quality_bare_*`), or said again with "also / juga" on the last direction's (`direction_again`); an adjective on an
indicator ("weak purchasing power", `quality_adjective_*`); "all clusters except …" as the subjects; a unit listed after
"including" (`member_listing`) is no subject. Split off: directions_elided.py (a reference not repeated), directions_cluster_mean.py
(a unit against its own cluster's mean), directions_carried.py (list items under a lead-in, "begitu pula Klaster 3").
"""

from __future__ import annotations

from ..terms import ClaimKind, Direction, Verdict
from .checkers import register
from .counts import covered
from .gaps import subjects_at
from .unit_mean import UnitMeanPhrases
from .lexicon import load_lexicon, rx
from .directions_elided import ElidedReference
from .directions_carried import CarriedPositions
from .directions_cluster_mean import ClusterMeanPositions
from .scope import AGGREGATE, Scope
from .subjects import quantified_clusters

from .direction_matches import BETTER, WORSE, _At, _WithIndicator, wanted_direction  # noqa: F401 - engine.py reads them here


def direction_of(value) -> Direction | None:
    """A direction fact's value as a Direction. Facts read from a result.json written before the
    language-neutral terms hold the Indonesian words ("di atas"), read through the id lexicon."""
    try:
        return Direction(value)
    except ValueError:
        return load_lexicon("id").table_directions.get(str(value).lower())


class _Qualified(_WithIndicator):
    """An adjective and the indicator it qualifies, as one match ("weak purchasing power", "daya beli yang lemah")."""

    def __init__(self, text: str, start: int, stop: int, feature: str):
        self.text, self.begin, self.stop, self.feature = text, start, stop, feature

    def start(self, group=0) -> int:
        return self.begin

    def end(self, group=0) -> int:
        return self.stop

    def group(self, group=0):
        return self.text[self.begin : self.stop]


@register
class DirectionChecker(CarriedPositions):
    kind = ClaimKind.DIRECTION
    words = ("direction_above", "direction_below", "direction_equal", "reference", "reference_connector", "better", "worse", "quality_preposition", "all_members",
             "no_member", "reach_words")

    def __init__(self, verifier):
        self.v = verifier
        lex = verifier.lex
        # the gap may stand between the direction and the reference: "tertinggal sekitar 0,8 tahun dari rata-rata nasional"
        words = lex.words
        size = rf"(?:(?:{words['currency_before']})\s*)?\d[\d.,]*(?:\s*(?:{words['measure_units']}|{'|'.join(lex.multipliers) or '(?!)'}))*" \
            if {"currency_before", "measure_units"} <= set(words) else "(?!)"
        gap = rf"(?:\s+(?:(?:{words.get('approx', '(?!)')})\s+)?{size})?"
        self.reference_rx = rx(
            rf"(?P<neg>(?:{lex.negation})\s+(?:\w+\s+)?)?(?P<dir>(?P<above>{lex.direction_above})|(?P<below>{lex.direction_below})|(?P<equal>{lex.direction_equal})){gap}"
            rf"\s+(?:(?:{lex.reference_connector})\s+)*(?:{lex.reference}|(?P<pronoun>{lex.reference_pronoun}))"
            if "reference_pronoun" in lex.words else
            rf"(?P<neg>(?:{lex.negation})\s+(?:\w+\s+)?)?(?P<dir>(?P<above>{lex.direction_above})|(?P<below>{lex.direction_below})|(?P<equal>{lex.direction_equal})){gap}"
            rf"\s+(?:(?:{lex.reference_connector})\s+)*(?:{lex.reference})(?P<pronoun>(?!))?"
        )
        self.named_reference_rx = rx(lex.reference)
        # "exceed the national life expectancy": the reference named by the indicator it is of (lexicon
        # `reference_before_feature`, the word standing right before an indicator's name)
        self.feature_reference_rx = rx(
            rf"(?P<neg>(?:{lex.negation})\s+(?:\w+\s+)?)?(?P<dir>(?P<above>{lex.direction_above})|(?P<below>{lex.direction_below})|(?P<equal>{lex.direction_equal})){gap}"
            rf"\s+(?:(?:{lex.reference_connector})\s+)*(?:{lex.reference_before_feature})\s+(?P<pronoun>(?!))?"
        ) if "reference_before_feature" in lex.words else None
        self.feature_reach_rx = rx(rf"(?P<dir>{lex.reach_words})\s+(?:(?:{lex.reference_connector})\s+)*(?:{lex.reference_before_feature})\s+") \
            if "reference_before_feature" in lex.words else None
        pronoun = rf"|(?P<pronoun>{lex.reference_pronoun})" if "reference_pronoun" in lex.words else "(?P<pronoun>(?!))?"
        # "none of them reaches it": the pronoun for the reference, as after the direction words
        self.reach_rx = rx(rf"(?P<dir>{lex.reach_words})\s+(?:(?:{lex.reference_connector})\s+)*(?:{lex.reference}{pronoun})")
        self.elliptic = ElidedReference(verifier)
        self.cluster_mean = ClusterMeanPositions(verifier, gap)  # "di bawah rata-rata klasternya" (directions_cluster_mean.py)
        self.membership_rx = rx(lex.member_listing) if "member_listing" in lex.words else None
        self.no_member_rx = rx(lex.no_member)
        self.unit_mean = UnitMeanPhrases(verifier)  # "di atas rata-rata provinsi" beside a published reference (unit_mean.py)
        self.better_rx = rx(rf"(?P<neg>(?:{lex.negation})\s+)?(?:(?P<better>{lex.better})|(?P<worse>{lex.worse}))\s+(?:{lex.quality_preposition})\s")
        # the noun forms: "keunggulan Klaster 1 ada pada X", "what Cluster 4 needs to catch up on is X" (the indicators after
        # the phrase) and "X sudah menjadi modal", "X are already an asset" (the indicators before it, in its clause)
        frames = [(name, quality) for name, quality in (("quality_frame_better", BETTER), ("quality_frame_worse", WORSE),
                                                          ("quality_after_better", BETTER), ("quality_after_worse", WORSE)) if name in lex.words]
        self.frames = [(rx(lex.words[name]), quality, name.startswith("quality_after")) for name, quality in frames]
        self.bare_quality = [(rx(lex.words[name]), quality) for name, quality in (("quality_bare_better", BETTER), ("quality_bare_worse", WORSE))
                             if name in lex.words]
        # "Harapan lama sekolah yang tertinggal sekitar 0,4 tahun …", "its life expectancy lags by 2.2 years": a better /
        # worse word whose gap follows it, with no object, is a position on the indicators named before it
        self.gap_quality = [(rx(rf"(?:{lex.words[name]})(?=(?P<gap>\s+(?:(?:{words.get('approx', '(?!)')})\s+)?{size}))"), quality)
                            for name, quality in (("quality_gap_better", BETTER), ("quality_gap_worse", WORSE)) if name in lex.words]
        self.again_rx = rx(rf"\b(?:{lex.direction_again})\b") if "direction_again" in lex.words else None
        self.adjectives = [(rx(lex.words[f"quality_adjective_before_{side}"]), rx(lex.words[f"quality_adjective_after_{side}"]), quality)
                           for side, quality in (("better", BETTER), ("worse", WORSE)) if f"quality_adjective_before_{side}" in lex.words]
        # "unggul pada semuanya", "ahead on all of them": the indicators the sentence named, after the preposition
        self.all_of_them_rx = rx(rf"\s*(?:{lex.indicator_quantifier})\b") if "indicator_quantifier" in lex.words else None
        self.carried_init(verifier)  # list items under a lead-in, "begitu pula Klaster 3" (directions_carried.py)

    def check(self, scope: Scope) -> None:
        own_mean = self.cluster_mean.check(scope)  # a unit against its cluster's mean: not against the national figure
        for match in self.reference_rx.finditer(scope.text):
            # "… below the national 73.93 years, whereas Cluster 3 … is roughly on par with it": "it" is the reference only
            # when the sentence named the reference before it
            if match.group("pronoun") and not self.named_reference_rx.search(scope.text, 0, match.start("pronoun")):
                continue
            if any(a <= match.start() < b for a, b in own_mean) or match.group("pronoun") and self.cluster_mean.last_reference_is_cluster_mean(scope, match.start()):
                continue
            word = Direction.ABOVE if match.group("above") else Direction.BELOW if match.group("below") else Direction.EQUAL
            self._judge(scope, match, word, negated=bool(match.group("neg")), mode="reference")
        taken = [m.span() for m in self.reference_rx.finditer(scope.text)]
        for match, word, negated in self._feature_references(scope, taken):
            self._judge(scope, match, word, negated=negated, mode="reference")
        for match in self.reach_rx.finditer(scope.text):  # "tidak satu pun … mencapai rata-rata": reaching = not below
            if match.group("pronoun") and not self.named_reference_rx.search(scope.text, 0, match.start("pronoun")):
                continue
            if self.no_member_rx.search(scope.text, scope.clause(match.start())[0], match.start()):
                self._judge(scope, match, "reach", negated=False, mode="reference")
        taken = [m.span() for m in self.reference_rx.finditer(scope.text)] + own_mean
        for match, word in self.elliptic.find(scope, taken):  # "… above the national figure — essentially level", "only X falls short"
            self._judge(scope, match, word, negated=False, mode="elided")
        self.elliptic.exceptions(scope)  # "The exceptions are Bengkulu and …": the other side of the last sentence's direction
        for match in self.better_rx.finditer(scope.text):
            self._judge(scope, match, BETTER if match.group("better") else WORSE, negated=bool(match.group("neg")), mode="quality")
        for frame, quality, before in self.frames:
            for match in frame.finditer(scope.text):
                self._judge(scope, match, quality, negated=False, mode="quality_before" if before else "quality")
        self._bare_qualities(scope)
        self._qualified_indicators(scope)
        for written, direction in scope.table_directions:
            self._row(scope, written, direction)
        self._labelled_positions(scope)
        self._likewise(scope)

    def _qualified_indicators(self, scope: Scope) -> None:
        """"given its weak purchasing power", "lemahnya daya beli", "daya beli yang masih lemah": a better / worse adjective
        right before or after an indicator's name says how the cluster stands on it."""
        if not self.adjectives:
            return
        for mention in scope.features:
            for before, after, quality in self.adjectives:
                lead = before.search(scope.text, max(0, mention.start - 30), mention.start)
                tail = after.match(scope.text[mention.end : mention.end + 40])
                if lead or tail:
                    start, stop = (lead.start(), mention.end) if lead else (mention.start, mention.end + tail.end())
                    self._judge(scope, _Qualified(scope.text, start, stop, mention.value), quality, negated=False, mode="quality")
                    break

    def _bare_qualities(self, scope: Scope) -> None:
        """"Semua indikator kelompok ini tertinggal;", "spending, which still trails (about …)": a better / worse word with
        nothing after it is about the indicators its clause named before it, when its sentence named no reference (one that
        did makes it an elided reference, directions_elided.py)."""
        taken = [m.span() for m in self.reference_rx.finditer(scope.text)] + [m.span() for m in self.better_rx.finditer(scope.text)]
        for pattern, quality in self.bare_quality:
            for match in pattern.finditer(scope.text):
                if any(a < match.end() and match.start() < b for a, b in taken) or self.named_reference_rx.search(scope.text, 0, match.start()):
                    continue
                self._judge(scope, match, quality, negated=False, mode="quality_before")
        taken += [m.span() for m in self.elliptic.bare_rx.finditer(scope.text)] if self.elliptic.bare_rx is not None else []
        for pattern, quality in self.gap_quality:
            for match in pattern.finditer(scope.text):
                after = match.end("gap")
                # "tertinggal 2 tahun dari Klaster 1": behind another cluster, a comparison (ranks.py), not a position
                if any(a < after and match.start() < b for a, b in taken) or any(0 <= m.start - after <= 30 for m in scope.clusters):
                    continue
                self._judge(scope, match, quality, negated=False, mode="quality_before")

    def _feature_references(self, scope: Scope, taken) -> list:
        """The direction words whose reference is named by its indicator ("above the national life expectancy"), where the
        lexicon's reference words found none."""
        if self.feature_reference_rx is None:
            return []
        named = {m.start: m for m in scope.features}
        found = []
        for m in self.feature_reference_rx.finditer(scope.text):
            if m.end() in named and not any(a < m.end() and m.start() < b for a, b in taken):
                word = Direction.ABOVE if m.group("above") else Direction.BELOW if m.group("below") else Direction.EQUAL
                found.append((_WithIndicator(m, named[m.end()]), word, bool(m.group("neg"))))
        for m in self.feature_reach_rx.finditer(scope.text):  # "none of them reaches the national life expectancy"
            if m.end() in named and self.no_member_rx.search(scope.text, scope.clause(m.start())[0], m.start()):
                found.append((_WithIndicator(m, named[m.end()]), "reach", False))
        return found

    def _row(self, scope: Scope, written: str, direction: Direction) -> None:
        v = self.v
        for cluster in scope.default_clusters[:1]:
            for feature in scope.default_features:
                fact = v.facts.index.get(f"K{cluster}.{feature}.direction")
                if fact is not None:
                    v.claim(scope, ClaimKind.DIRECTION, written, (cluster,), (feature,), fact, Verdict.TRUE if direction_of(fact.value) == direction else Verdict.FALSE)

    def _judge(self, scope: Scope, match, word: str, negated: bool, mode: str) -> None:
        v = self.v
        elided = mode == "elided"  # "… — essentially level", "only X falls short": the reference named before it
        mode = "reference" if elided else mode
        position = match.start("dir") if mode == "reference" else match.start()
        if covered(v, scope, position):
            # "tiga anggota Klaster 2 … di atas rata-rata": the members counted, not the cluster's mean (counts.py); what the
            # sentence says of them is what "the exceptions are …" in the next one turns round
            self.elliptic.remember(scope, word, scope.features_for(position), negated)
            self._named_with_count(scope, position, match.end(), word, scope.features_for(position), negated)
            return
        anchor = scope.nearest_before(position)
        all_of_them = None
        if mode == "quality_before":  # "X dan Y sudah menjadi modal": the indicators its clause names before it
            start, _ = scope.clause(position)
            features = tuple(dict.fromkeys(m.value for m in scope.features if start <= m.start < position))
            if any(start <= p < position for p in scope._all_feature_positions()):
                features = scope.all_features  # "Semua indikator kelompok ini tertinggal"
            if not features and self.again_rx is not None and self.again_rx.search(scope.text, max(0, position - 20), match.end()):
                features = self.elliptic.last_said(scope)  # "Cluster 2 is ahead on education. Cluster 3 is also ahead."
            if not features:
                return
            mode = "quality"
        else:
            features = scope.features_for(match.end(), after_only=True) if mode == "quality" else ()
            if mode == "quality" and not features and self.all_of_them_rx is not None:
                all_of_them = self.all_of_them_rx.match(scope.text, match.end())
                features = self._all_of_them(scope, match.start()) if all_of_them else ()
            features = features or scope.features_for(position)
        # "slightly / well / masih …": part of the claim as written; "well / jauh" above is more than the on-par band
        degree = self.elliptic.degree_before(scope, match.start())
        phrase = scope.text[degree.start() if degree else match.start() : match.end()].strip()
        strict = bool(degree) and self.elliptic.is_strong(degree.group(0))
        listed = self._listed_features(scope, position)
        features = listed or self._named_after_all(scope, position) or (self._not_said_of_a_later_one(scope, match, features) if mode == "reference" else features)
        if isinstance(match, _WithIndicator):
            features = (match.feature,)  # "below the national life expectancy": the indicator that names the reference
        if mode == "quality" and features:
            # "juga sedikit lebih unggul dalam umur harapan hidup": the indicator named right after is part of it, when it
            # names every indicator judged (not "lags on UHH" quoted for the expenditure of "… on UHH and expenditure")
            named = next((m for m in scope.features if m.start >= match.end()), None)
            here = {m.value for m in scope.features if named is not None and m.start == named.start}  # a dimension word names several
            if named is not None and set(features) <= here and not scope.text[match.end() : named.start].strip():
                phrase = scope.text[degree.start() if degree else match.start() : named.end].strip()
        self.elliptic.remember(scope, word, features, negated)
        umean = (self.unit_mean.names_unit_mean(phrase) if mode == "reference" and not elided
                 else self.unit_mean.measured_against_unit_mean(scope, match.start(), match.end()))
        # "… 72.02 years in NTB, …, so none of them reaches it": the quantifier after the unit is about the cluster's members
        # (and "… Kalimantan Timur, menonjol …: seluruh anggotanya mencatat HLS di atas …": so is one over the members, by name)
        counted = anchor is not None and (self.no_member_rx.search(scope.text, anchor.end, position)
                                          or any(rx(v.lex.count_units).search(m.group(0))
                                                 for m in rx(v.lex.all_members).finditer(scope.text, anchor.end, position)))
        if anchor is not None and anchor in scope.members and anchor.value != AGGREGATE and not counted and not self._listed_member(scope, anchor):
            for feature in features:
                v.unit_direction(scope, phrase, anchor.value, feature, word, negated, self.unit_mean.value(feature) if umean else None, strict=strict)
            return
        own = [self.unit_mean.own_gap(scope, position, phrase, f) for f in features] if mode == "reference" and word in {Direction.ABOVE, Direction.BELOW} else []
        if own and None not in own:  # the mean of the units itself against the official figure
            for fact in own:
                ok = (float(fact.value) > 0) == (word == Direction.ABOVE) and float(fact.value) != 0
                v.claim(scope, ClaimKind.DIRECTION, phrase, (), (fact.feature,), fact, Verdict.TRUE if ok != negated else Verdict.FALSE,
                        v.say("unit_mean_vs_official"))
            return
        clusters = self._subjects(scope, position)  # "trails Cluster 1 … and sits below the national figure": not Cluster 1
        if not scope.clusters and "definition" in v.lex.words and rx(v.lex.definition).search(scope.text):
            return  # "Posisi suatu klaster disebut setara … bila …": a definition of the method, about no cluster
        if not clusters or not features:
            v.claim(scope, ClaimKind.DIRECTION, phrase, clusters, features, None, Verdict.UNVERIFIABLE, v.say("cluster_or_feature_unclear"))
            return
        start, _ = scope.clause(position)
        no_member = self.no_member_rx.search(scope.text, start, position)
        # "… 13,16 tahun, dan Rp9 juta, seluruhnya di bawah angka nasional": "all of them" are the indicators listed, not the members
        # (the quantifier stands before the direction: "unggul …: …, dan seluruh anggotanya melampaui …" counts only the second)
        every = None if no_member or listed else rx(v.lex.all_members).search(scope.text, start, position)
        if every is not None and all_of_them is not None and every.start() < all_of_them.end() and all_of_them.start() < every.end():
            every = None  # "unggul pada semuanya": all the indicators, not all the members
        if no_member and not listed:
            # "None of Cluster 4's provinces reaches …, every member of Cluster 1 spends more than …": the quantifier
            # nearest before the direction word is the one it is said under
            nones = list(self.no_member_rx.finditer(scope.text, start, position))
            alls = [m for m in rx(v.lex.all_members).finditer(scope.text, start, position) if m.start() > nones[-1].end()]
            no_member, every = (None, alls[-1]) if alls else (nones[-1], None)
        every_member = bool(every)
        quantifier = no_member or every
        if quantifier is not None and quantifier.start() < match.start():
            # the claim is the quantified statement, from its quantifier on ("every member records … above the national
            # figure", "tidak satu pun anggota Klaster 4 … mencapai"): a repair or a reader sees what was counted
            phrase = scope.text[quantifier.start() : match.end()].strip()
            # and its indicator is the one named inside it ("seluruh anggotanya memiliki RLS di atas …, meski … HLS …")
            inside = tuple(dict.fromkeys(m.value for m in scope.features if quantifier.start() <= m.start < match.end()))
            features = inside or features
        excepted = self._excepted(scope, position) if quantifier is not None and not umean else []
        if excepted:  # "Selain Kepulauan Riau, seluruh anggota Klaster 1 …": the rest, and the excepted on the other side
            self._quantified_but(scope, phrase, clusters, features, word, mode == "quality", bool(no_member), negated, excepted)
            return
        for cluster in clusters:
            for feature in features:
                fact = v.facts.index.get(f"K{cluster}.{feature}.direction")
                if fact is None:
                    continue
                info = v.facts.feature(feature)
                ff = v.facts.cluster(cluster).features[feature]
                if umean:  # the same judgement against the plain mean of the units
                    fact = self.unit_mean.counterpart(fact)
                    reference = self.unit_mean.value(feature)
                    ff = ff.model_copy(update={"reference": reference, "diff": ff.mean - reference}) if reference is not None else ff
                wanted = wanted_direction(word, info.direction == "higher_is_better") if mode == "quality" else word
                actual = direction_of(fact.value)
                size = v.facts.cluster(cluster).size
                if (no_member or every_member and size > 1) and wanted != Direction.EQUAL:
                    fact, ok, note = self._counted(cluster, feature, wanted, size, bool(no_member), ff, fact if umean else None)
                elif wanted == Direction.EQUAL:
                    ok = actual == Direction.EQUAL
                    note = ""
                else:
                    # inside the on-par band a direction word is judged by the gap's sign ("sedikit di bawah" for −0,97 %
                    # is true, "slightly above" false), and a strong one ("well above") is more than the band allows
                    same_side = (ff.diff > 0) == (wanted == Direction.ABOVE) and ff.diff != 0
                    ok = actual == wanted or (actual == Direction.EQUAL and same_side and not strict)
                    note = "" if actual != Direction.EQUAL else v.say("within_equal_band" if same_side else "within_equal_band_other_side")
                if negated:
                    ok = not ok
                v.claim(scope, ClaimKind.DIRECTION, phrase, (cluster,), (feature,), fact, Verdict.TRUE if ok else Verdict.FALSE, note)

    def _subjects(self, scope: Scope, position: int) -> tuple[int, ...]:
        """The clusters the direction at `position` is said of: a cluster named only in a later clause ("…, below the
        national level; its spending gap to Cluster 1 is …") is not among them when one named before it is."""
        # "Semua klaster, kecuali Klaster 1 dan Klaster 2, berada di bawah …": every cluster but the excepted ones
        quantified = quantified_clusters(scope, _At(position), self.v.lex, self.v.facts.k) if "all_clusters" in self.v.lex.words else None
        if quantified:
            return quantified
        clusters = subjects_at(scope, position)
        _, end = scope.clause(position)
        later = {m.value for m in scope.clusters if m.start >= end} - {m.value for m in scope.clusters if m.start < end}
        kept = tuple(c for c in clusters if c not in later)
        return kept or clusters

    def _not_said_of_a_later_one(self, scope: Scope, match, features: tuple[str, ...]) -> tuple[str, ...]:
        """"its schooling is … below the national average, and its life expectancy is above it": an indicator named only
        after the direction, with another direction after it in the clause, is that one's, not this one's."""
        start, end = scope.clause(match.start())
        later = [m.start() for m in self.reference_rx.finditer(scope.text, match.end(), end)] + \
                [m.start() for m in self.better_rx.finditer(scope.text, match.end(), end)]
        mentions = [m for m in scope.features if start <= m.start < end]
        def theirs(feature: str) -> bool:
            named = [m for m in mentions if m.value == feature]
            return bool(named) and all(m.start >= match.end() and any(p > m.start for p in later) for m in named)
        # and one named only before an earlier direction is that one's, when another is named between the two
        earlier = [m.end() for m in self.reference_rx.finditer(scope.text, start, match.start()) if m.end() <= match.start()] + \
                  [m.end() for m in self.better_rx.finditer(scope.text, start, match.start()) if m.end() <= match.start()]
        last = max(earlier, default=None)
        between = last is not None and any(last <= m.start < match.start() for m in mentions)
        def earlier_ones(feature: str) -> bool:
            named = [m for m in mentions if m.value == feature]
            return between and bool(named) and all(m.start < last for m in named)
        kept = tuple(f for f in features if not theirs(f) and not earlier_ones(f))
        return kept or features

    @staticmethod
    def _all_of_them(scope: Scope, position: int) -> tuple[str, ...]:
        """"Klaster IV tertinggal pada keempat indikator, sedangkan Klaster I unggul pada semuanya": every indicator when
        the sentence named all of them before, else the two or more it named; none when it named fewer."""
        if any(p < position for p in scope._all_feature_positions()):
            return scope.all_features
        named = tuple(dict.fromkeys(m.value for m in scope.features if m.end <= position))
        return named if len(named) >= 2 else ()

    def _listed_member(self, scope: Scope, unit) -> bool:
        """"The largest group, with 14 provinces including West Java, …, sits roughly at the national level": a unit named
        after a membership word of its clause ("including", "di antaranya") is listed as a member, not the subject."""
        start, _ = scope.clause(unit.start)
        return self.membership_rx is not None and self.membership_rx.search(scope.text, start, unit.start) is not None

    def _listed_features(self, scope: Scope, position: int) -> tuple[str, ...]:
        """"HLS 12,9 tahun dan RLS 8,6 tahun, keduanya di bawah …", "A and B are both below …": a quantifier over the indicators
        (lexicon `indicator_quantifier`) right before the direction, after two or more indicators named in its sentence."""
        if "indicator_quantifier" not in self.v.lex.words:
            return ()
        quantifier = rx(rf"(?:{self.v.lex.indicator_quantifier})\s+(?:\S+\s+){{0,2}}$").search(scope.text, max(0, position - 40), position)
        if quantifier is None:
            return ()
        named = tuple(dict.fromkeys(m.value for m in scope.features if m.end <= quantifier.start()))
        return named if len(named) >= 2 else ()

    @staticmethod
    def _named_after_all(scope: Scope, position: int) -> tuple[str, ...]:
        """"Cluster 1 leads on every indicator, …, Cluster 3, whose expected schooling is below …": the indicator named after
        the phrase that names all of them, nearer the direction, is the one it is about."""
        start, _ = scope.clause(position)
        every = [p for p in scope._all_feature_positions() if start <= p < position]
        named = [m for m in scope.features if every and max(every) < m.start and m.end <= position]
        return tuple(dict.fromkeys(m.value for m in named))

    def _counted(self, cluster: int, feature: str, wanted, size: int, none: bool, ff, unit_mean_fact=None):
        """A quantified claim against the members-above/below counts: (bound fact, agrees, note). Against the mean of
        the units (`unit_mean_fact`), which has no counts, the members' range says it."""
        index = self.v.facts.index
        if unit_mean_fact is not None:
            low, high = (ff.min > ff.reference, ff.max < ff.reference) if wanted in {Direction.ABOVE, "reach"} else (ff.max < ff.reference, ff.min > ff.reference)
            return unit_mean_fact, high if none else low, self.v.say("checked_on_member_range")
        if wanted == "reach":  # "mencapai rata-rata": at or above it, i.e. not below
            fact = index.get(f"K{cluster}.{feature}.n_below")
            satisfying = size - fact.value if fact is not None else None
        else:
            fact = index.get(f"K{cluster}.{feature}.n_{'above' if wanted == Direction.ABOVE else 'below'}")
            satisfying = fact.value if fact is not None else None
        if satisfying is None:  # facts from an older result.json: the members' range says the same
            low, high = (ff.min > ff.reference, ff.max < ff.reference) if wanted == Direction.ABOVE else (ff.max < ff.reference, ff.min > ff.reference)
            return index.get(f"K{cluster}.{feature}.direction"), high if none else low, self.v.say("checked_on_member_range")
        ok = satisfying == 0 if none else satisfying == size
        return fact, ok, self.v.say("members_of", satisfying=satisfying, size=size)
