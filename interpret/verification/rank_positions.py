"""Places said with a position word (split from ranks.py to keep each module small): "menempati urutan pertama menurut
capaian komposit", "peringkat ke-2 untuk UHH", "ranks last", "ranking 11th nationally", "urutan terbawah ditempati
Klaster 2", and a list of places, each with its own indicator: "ranks second on life expectancy and third on
expenditure, but last on both education indicators", "urutan kedua untuk UHH, tetapi hanya ketiga untuk RLS"; and the
places of a group: "tiga terbawah dalam RLS adalah Klaster 3, Klaster 4, dan Klaster 5", "the top two on spending are …".

Each place is judged on the indicator written after it (up to the next place of the sentence); only when none is
written after it, on the indicators its clause names (or the previous sentence's).
"""

from __future__ import annotations

from ..terms import ClaimKind, Verdict
from .lexicon import rx
from .scope import AGGREGATE, Scope


class PositionReader:
    """Reads the position phrases of a scope for the rank checker (`ranks`), which holds the unit scoping."""

    def __init__(self, ranks):
        self.ranks = ranks
        self.v = ranks.v
        lex = self.v.lex
        words = lex.words
        self.ordinals = lex.ordinals
        ords = "|".join(lex.ordinals)
        suffix = rf"(?:{words['ordinal_suffix']})?" if "ordinal_suffix" in words else ""
        filler = rf"(?:(?:{words['position_filler']})\s+)?" if "position_filler" in words else ""
        # "peringkat ketiga", "ranks last", "ranking 11th", "ranks only third", and the ordinal before its noun: "in fourth place"
        before_noun = rf"|\b(?P<n2>{ords})\s+(?:{lex.position_after})\b" if "position_after" in words else ""
        copula = rf"|(?P<cop>{words['position_copula']})" if "position_copula" in words else ""
        self.position_rx = rx(rf"\b(?:{lex.position_words}{copula})\s+{filler}(?:(?:{lex.ordinal_prefix})?(?P<n>{ords}|\d{{1,2}}(?![.,]\d)){suffix}|(?P<last>{lex.position_last}))\b{before_noun}")
        # "… second on life expectancy and third on expenditure, but last on …": a further place of the same subject, said
        # by a bare ordinal with the indicator it ranks right after it
        joiner = words.get("position_continuation")
        self.continuation_rx = rx(
            rf"(?:\s*,\s*(?:(?:{joiner})\s+){{0,3}}|\s+(?:(?:{joiner})\s+){{1,3}})(?:(?:{lex.ordinal_prefix})?(?P<n>{ords}|\d{{1,2}}){suffix}|(?P<last>{lex.position_last}))\s+(?=(?:{lex.quality_preposition})\s)"
        ) if joiner else None
        # "ahead of second-placed Sumatera Barat": a place said as an adjective before the unit
        placed = words.get("placed_before_unit")
        self.placed_rx = rx(rf"\b(?P<n>{ords})[\s-]+(?:{placed})\s+") if placed else None
        # "tiga terbawah", "the bottom three", "the three lowest": the first or last n places, held by the clusters listed
        top, bottom = words.get("group_top"), words.get("group_bottom")
        counts = "|".join(sorted((w for w in lex.number_words if lex.number_words[w] > 1), key=len, reverse=True))
        self.group_rx = rx(rf"\b(?:(?P<top>{top})|(?P<bottom>{bottom}))\s+(?P<n>{counts})\b"
                           rf"|\b(?P<n2>{counts})\s+(?:(?:{lex.cluster_noun})\s+)?(?:(?P<top2>{top})|(?P<bottom2>{bottom}))\b") if top and bottom else None
        # "… comes second and Cluster 2 third": a joiner, then a name, then a bare ordinal (_next_subjects)
        self.subject_joiner_rx = rx(rf"\s*,?\s*(?:(?:{joiner})\s+){{1,2}}") if joiner else None
        self.second_only_rx = rx(rf"(?:{words['second_only_to']})\b") if "second_only_to" in words else None
        self.sentence_end_rx = rx(r"(?<!\.[A-Z])[.!?](?=\s+[A-Z])", 0)  # not the dots of "D.I. Yogyakarta"
        self.indicator_lead_rx = rx(rf"\s+(?:{lex.quality_preposition})\s+(?:(?:{lex.article})\s+)?")
        self.national_after_rx = rx(rf"\s+(?:{lex.national_scope})\b")
        self.bare_ordinal_rx = rx(rf"\s+(?:(?:{lex.ordinal_prefix})?(?P<n>{ords}|\d{{1,2}}){suffix}|(?P<last>{lex.position_last}))\b")
        self.superlative_next_rx = rx(rf"[\s-]*(?:{lex.superlative_high}|{lex.superlative_low})\b")  # "ranks second-lowest"
        self.composite_rx = rx(lex.composite)
        self.national_rx = ranks.national_rx
        # the words that make the name after them a comparison's object ("ahead of B", "lebih tinggi dari B")
        self.comparison_object_rx = rx(rf"(?:{lex.comparison_lead})\W*(?:[\w-]+\W+){{0,1}}$")

    def check(self, scope: Scope) -> None:
        self._placed_units(scope)
        self._group_places(scope)
        for match in self.position_rx.finditer(scope.text):
            if self.superlative_next_rx.match(scope.text, match.end()):
                continue  # "urutan kedua terendah": the superlative says it (second from the bottom)
            if self.second_only_rx is not None and self.second_only_rx.match(scope.text, match.start("n") if match.group("n") else match.start()):
                continue  # "is second only to Cluster 1": the comparison says it (cluster_compare._next_to)
            places = [match]
            if self.continuation_rx is not None:
                places += self._continued(scope, match)
            ends = [p.start() for p in places[1:]] + [None]
            previous: list[str] = []
            for i, (place, until) in enumerate(zip(places, ends)):
                previous = self._place(scope, match, place, until, continued=i > 0, previous=previous) or previous
            if previous and self.subject_joiner_rx is not None:
                self._next_subjects(scope, match, places[-1], previous)

    def _next_subjects(self, scope: Scope, first, place, features: list[str]) -> None:
        """"On spending, Cluster 3 comes second and Cluster 2 third": a further name with a bare ordinal after the places
        of one subject holds that place, on the same indicators (or the ones written after it) and in the same scope."""
        v = self.v
        position = place.end()
        while True:
            position = self._past_own_words(scope, position)
            joined = self.subject_joiner_rx.match(scope.text, position)
            if joined is None:
                return
            who = next((m for m in scope.clusters + scope.members if m.start == joined.end() and m.value != AGGREGATE), None)
            if who is None:
                return
            ordinal = self.bare_ordinal_rx.match(scope.text, who.end)
            if ordinal is None or self.superlative_next_rx.match(scope.text, ordinal.end()):
                return
            last = bool(ordinal.group("last"))
            n = "" if last else ordinal.group("n").lower()
            wanted = v.facts.k if last else int(n) if n.isdigit() else self.ordinals[n]
            start, end = scope.clause(who.start)
            own = list(dict.fromkeys(m.value for m in scope.features if ordinal.end() <= m.start < end and not self.position_rx.search(scope.text, ordinal.end(), m.start)))
            judged = own or features
            phrase = scope.text[who.start : ordinal.end()].strip()
            if who in scope.members:
                within, _ = self.ranks._unit_scope(scope, first, *scope.clause(first.start()), [who.value])
                v.unit_rank(scope, phrase, [who.value], within, judged, "low" if last else "high", 1 if last else wanted)
            else:
                for feature in judged:
                    fact = v.facts.index.get(f"K{who.value}.{feature}.rank")
                    v.claim(scope, ClaimKind.RANK, phrase, (who.value,), (feature,), fact, Verdict.TRUE if fact and fact.value == wanted else Verdict.FALSE)
            position = ordinal.end()

    def _past_own_words(self, scope: Scope, position: int) -> int:
        """Past the indicator and the scope a place names ("second on life expectancy", "second nationally")."""
        while True:
            moved = position
            said = self.indicator_lead_rx.match(scope.text, position)
            if said is not None:
                named = [m for m in scope.features if m.start == said.end()]
                if named:
                    moved = max(m.end for m in named)
            national = self.national_after_rx.match(scope.text, moved)
            if national is not None:
                moved = national.end()
            if moved == position:
                return position
            position = moved

    def in_group_place(self, scope: Scope, position: int) -> bool:
        """A superlative inside "the three lowest" is the group's (`_group_places`), not each cluster's own."""
        return self.group_rx is not None and any(m.start() <= position < m.end() for m in self.group_rx.finditer(scope.text))

    def _group_places(self, scope: Scope) -> None:
        """"Di antara lima klaster, tiga terbawah dalam RLS adalah Klaster 3, Klaster 4, dan Klaster 5": the clusters listed
        in the clause, as many as the count, are exactly the last (or first) that many on each indicator it names."""
        if self.group_rx is None:
            return
        v = self.v
        for match in self.group_rx.finditer(scope.text):
            n = v.lex.number_words[(match.group("n") or match.group("n2")).lower()]
            top = bool(match.group("top") or match.group("top2"))
            start, end = scope.clause(match.start())
            listed = list(dict.fromkeys(m.value for m in scope.clusters if start <= m.start < end))
            features = list(dict.fromkeys(m.value for m in scope.features if start <= m.start < end)) or list(scope.features_for(match.start()))
            if len(listed) != n or n >= v.facts.k:
                continue  # the group is not the clusters the clause lists (or is all of them)
            written = [m for m in scope.features if match.end() <= m.start < end]
            phrase = scope.text[match.start() : written[0].end if written else match.end()].strip()
            for feature in features:
                order = sorted(v.facts.clusters, key=lambda c: c.features[feature].mean, reverse=True)
                group = {c.number for c in (order[:n] if top else order[-n:])}
                ok = set(listed) == group
                for cluster in listed:
                    v.claim(scope, ClaimKind.RANK, phrase, (cluster,), (feature,), v.facts.index.get(f"K{cluster}.{feature}.rank"),
                            Verdict.TRUE if ok else Verdict.FALSE, v.say("cluster_order", order=", ".join(str(c.number) for c in order)))

    def _placed_units(self, scope: Scope) -> None:
        """"… ahead of second-placed Sumatera Barat": the unit's place on the indicator its clause ranks (the last named
        before it, else the first after), among all units unless the sentence scopes it to a cluster."""
        if self.placed_rx is None:
            return
        for match in self.placed_rx.finditer(scope.text):
            unit = next((m for m in scope.members if m.start == match.end() and m.value != AGGREGATE), None)
            if unit is None:
                continue
            start, end = scope.clause(match.start())
            before = [m.value for m in scope.features if start <= m.start < match.start()]
            features = before[-1:] or list(scope.features_for(match.start()))[:1]
            within, _ = self.ranks._unit_scope(scope, match, start, end, [unit.value])
            phrase = scope.text[match.start() : unit.end].strip()
            self.v.unit_rank(scope, phrase, [unit.value], within, features, "high", self.ordinals[match.group("n").lower()])

    def _continued(self, scope: Scope, match) -> list:
        """The further places of the subject of `match`, each right after the indicator of the one before it."""
        places, position = [], match.end()
        sentence_end = len(scope.text)
        while True:
            further = None
            for feature in (m for m in scope.features if position <= m.start < sentence_end):
                if any(position <= m.start < feature.start for m in scope.clusters + scope.members):
                    return places  # a cluster or unit named between: the next place is someone else's
                if self.position_rx.search(scope.text, position, feature.start):
                    return places  # "…, tetapi hanya urutan keempat untuk …": that place reads its own further places
                further = self.continuation_rx.match(scope.text, feature.end)
                if further is not None:
                    break
            if further is None:
                return places
            places.append(further)
            position = further.end()

    def _subject_before(self, scope: Scope, position: int):
        """The name a place is said of: the last one before it in its clause, but not the object of a comparison
        ("A … ahead of second-placed B, and it comes fourth": A comes fourth)."""
        anchor = scope.nearest_before(position)
        sentence_start = 0  # a scope is one sentence (or one table row)
        while anchor is not None and anchor in scope.members and self._compared_object(scope, anchor, sentence_start):
            earlier = [m for m in scope.members if sentence_start <= m.start < anchor.start and m.value != anchor.value]
            if not earlier:
                return anchor
            anchor = earlier[-1]
        return anchor

    def _compared_object(self, scope: Scope, mention, sentence_start: int) -> bool:
        """The unit is (or a pronoun stands for) the object of a comparison: "ahead of second-placed B" (and "it" after it)."""
        if mention.start in scope.pronoun_starts or not scope.text[mention.start : mention.end].strip()[:1].isupper():
            named = [m for m in scope.members if sentence_start <= m.start < mention.start and m.value == mention.value]
            if not named:
                return False
            mention = named[-1]
        return bool(self.comparison_object_rx.search(scope.text, max(sentence_start, mention.start - 40), mention.start))

    def _place(self, scope: Scope, first, place, until: int | None, continued: bool, previous: list[str]) -> list[str] | None:
        """Judge one place; the indicators it was judged on (a further place with none written keeps them)."""
        v = self.v
        last = bool(place.group("last"))
        n = "" if last else (place.group("n") or place.groupdict().get("n2") or "").lower()
        wanted = v.facts.k if last else int(n) if n.isdigit() else self.ordinals[n]
        start, end = scope.clause(first.start())
        # the indicators written after the place, up to the next place of its sentence ("second on life expectancy")
        limit = until if until is not None else scope.clause(place.end())[1]
        stop = self.sentence_end_rx.search(scope.text, place.end(), limit)
        limit = stop.start() if stop else limit  # never an indicator of the next sentence
        written = [m for m in scope.features if place.end() <= m.start < limit]
        own = list(dict.fromkeys(m.value for m in written))
        segment = scope.text[place.end() : limit]
        if continued and not own:
            # "third nationally on RLS and first in Cluster 2": a further place in another scope, on the same indicator
            if not previous or not ([m for m in scope.clusters if place.end() <= m.start < limit] or self.national_rx.search(segment)):
                return None  # a bare ordinal is a place only with the indicator it ranks (or a scope) written after it
            own = list(previous)
        every_at = [p for p in scope._all_feature_positions() if place.end() <= p < limit] if scope.all_features else []
        composite_first = self.composite_rx.search(scope.text, place.end(), limit)
        # "urutan kedua menurut capaian komposit seluruh indikator": the composite said first is the order meant
        every = bool(every_at) and not (composite_first and composite_first.start() < every_at[0])
        if every:
            own = list(scope.all_features)  # "last on every indicator"
        if place.groupdict().get("cop") and (not own or n.isdigit()):
            return None  # "Papua is first in line", "is only 72 years": a copula says a place only by an ordinal word, with its indicator
        composite_after = self.composite_rx.search(scope.text, place.end(), limit)
        if composite_after and not every and not [m for m in written if m.start < composite_after.start()]:
            own, written = [], []  # "menempati urutan kedua menurut capaian komposit, dengan UHH …": the composite order
        features = own or [m.value for m in scope.features if start <= m.start < end]
        composite = self.composite_rx.search(scope.text[start:end])
        if not features and not composite:
            features = list(scope.features_for(first.start()))
        phrase = place.group(0).strip()
        begin = place.start() if not continued else place.start("last") if last else place.start("n")  # not the "and" before it
        if continued:
            phrase = scope.text[begin : place.end()].strip()
        if written:
            phrase = scope.text[begin : written[-1].end].strip()  # "second on life expectancy": the indicator it ranks
        anchor = self._subject_before(scope, first.start())
        units = [anchor.value] if anchor is not None and anchor in scope.members and anchor.value != AGGREGATE else []
        national = self.national_rx.search(scope.text[first.end() : end])
        if not units and national and not [m for m in scope.clusters if start <= m.start < first.start()]:
            units = self.ranks._earlier_unit_subject(scope, start)  # "…, ranking fourth nationally": the sentence's unit
        if not units and national:
            # "A is the best member of Cluster 2 …, ranking 11th nationally": clusters have no national place, the unit does
            units = self.ranks._earlier_unit_subject(scope, first.start())
        if units and not features:
            features = list(scope.features_for(first.start()))  # "Dengan capaian tersebut, Aceh …": a unit has no composite place
        if units:
            # the scope said in this place's own stretch ("third nationally …" and "first in Cluster 2" are two scopes)
            within, scoped = self.ranks._unit_scope(scope, place, start, limit if until is not None or continued else end, units[-1:])
            if not written:
                phrase = scoped[len(scope.text[place.start() : begin].strip()) :].strip() if continued else scoped
            v.unit_rank(scope, phrase, units[-1:], within, features, "low" if last else "high", 1 if last else wanted)
            return features
        for cluster in scope.clusters_for(first.start()):
            if features:
                for feature in features:
                    fact = v.facts.index.get(f"K{cluster}.{feature}.rank")
                    v.claim(scope, ClaimKind.RANK, phrase, (cluster,), (feature,), fact, Verdict.TRUE if fact and fact.value == wanted else Verdict.FALSE)
            elif composite:
                fact = v.facts.index.get(f"K{cluster}.composite_rank")
                v.claim(scope, ClaimKind.RANK, phrase, (cluster,), (), fact, Verdict.TRUE if fact and fact.value == wanted else Verdict.FALSE, v.say("composite_order"))
        return features
