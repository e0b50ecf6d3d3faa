"""Positions whose indicator, reference or direction is carried from elsewhere (split from directions.py, a mixin of its
DirectionChecker, which is near its size limit):

- a list item that opens with a cluster's name and a position label ("- Klaster 2: di bawah, selisih −2,18 tahun",
  "- Cluster 3: on par (+0.29 years)"; lexicon `position_label`) under a lead-in ending with a colon that names the indicator
  and the reference ("Posisi umur harapan hidup terhadap angka nasional:"): that indicator against that reference;
- the units named with a count of members ("Three of the five Cluster 4 provinces (Papua Barat, … and Sulawesi Barat) post
  expected schooling above …", "…, yaitu Maluku Utara dan …"; "Apart from Sumatera Barat, every Cluster 2 province … below …"):
  each listed one on the side the count puts them, each excepted one on the other side; a quantified direction with
  excepted units ("Selain Kepulauan Riau, seluruh anggota Klaster 1 … di atas …") is checked on the rest of the members;
- the last direction said again of another cluster ("Keduanya berada di bawah angka nasional, begitu pula Klaster 3",
  "… is below the national average, as is Cluster 2"; lexicon `direction_likewise`): the same direction on the same
  indicators, checked for that cluster.
"""

from __future__ import annotations

from ..terms import ClaimKind, Direction, Verdict
from .direction_matches import _WithIndicator, wanted_direction
from .lexicon import rx
from .scope import AGGREGATE, Scope


class _Named:
    """An indicator named elsewhere (a list's lead-in, the direction said before), at the end of the claim about it."""

    def __init__(self, end: int, value: str):
        self.end, self.value = end, value


class _Carried:
    """A claim quoted from `start` whose direction stands at the "dir" group of `match` (or, with none, at `at`)."""

    def __init__(self, match, start: int, at: int | None = None):
        self.match, self.begin, self.string, self.at = match, start, match.string, at

    def start(self, group=0) -> int:
        if group == 0:
            return self.begin
        return self.at if self.at is not None else self.match.start(group)

    def end(self, group=0) -> int:
        return self.at if group != 0 and self.at is not None else self.match.end(group)

    def group(self, group=0):
        return self.string[self.begin : self.match.end()] if group == 0 else self.match.group(group)


class CarriedPositions:
    def carried_init(self, verifier) -> None:
        lex = verifier.lex
        # "Posisi umur harapan hidup terhadap angka nasional:" then "- Klaster 1: di atas, selisih +1,17 tahun"
        self.label_rx = rx(rf"\s*[:—–]\s*(?P<dir>{lex.position_label})(?=\s*(?:[,;.(]|$))") if "position_label" in lex.words else None
        self._lead_in: tuple[str, ...] = ()  # the indicators of the last lead-in that named the reference
        self.likewise_rx = rx(rf"(?:{lex.direction_likewise})\s+") if "direction_likewise" in lex.words else None
        except_words = "|".join(lex.words[k] for k in ("except_word", "except_outside") if k in lex.words)
        self.except_rx = rx(rf"\b(?:{except_words})\s+$") if except_words else None
        self.listing_rx = rx(lex.member_listing) if "member_listing" in lex.words else None

    def _labelled_positions(self, scope: Scope) -> None:
        """"Klaster 2: di bawah, selisih −2,18 tahun", "Cluster 3: on par (+0.29 years)": a list item that opens with a
        cluster's name and a position label, under a lead-in ("… against the national figure:") naming the indicator."""
        if self.label_rx is None:
            return
        text = scope.text.strip()
        if text.endswith(":"):
            features = tuple(dict.fromkeys(m.value for m in scope.features))
            self._lead_in = features if features and self.named_reference_rx.search(text) else ()
            return
        first = min(scope.clusters, key=lambda m: m.start, default=None)
        match = self.label_rx.match(scope.text, first.end) if first is not None and not scope.text[: first.start].strip(" -*•") else None
        if match is None:
            self._lead_in = () if not first else self._lead_in  # a paragraph ends the list
            return
        word = Direction.ABOVE if match.group("above") else Direction.BELOW if match.group("below") else Direction.EQUAL
        for feature in scope.features_for(match.end()) if scope.features else self._lead_in:
            self._judge(scope, _WithIndicator(_Carried(match, first.start), _Named(match.end(), feature)), word, negated=False, mode="reference")

    def _likewise(self, scope: Scope) -> None:
        """"…, begitu pula Klaster 3", "…, as is Cluster 2": the direction said before it in the sentence, of the cluster
        named right after it."""
        if self.likewise_rx is None:
            return
        for cue in self.likewise_rx.finditer(scope.text):
            named = [m for m in scope.clusters if 0 <= m.start - cue.end() <= 2]
            said = self.elliptic.said_here(scope)
            if not named or said is None:
                continue
            word, features, negated = said
            for feature in features:
                wanted = word
                if word not in {Direction.ABOVE, Direction.BELOW, Direction.EQUAL, "reach"}:  # better / worse: by the indicator's sense
                    wanted = wanted_direction(word, self.v.facts.feature(feature).direction == "higher_is_better")
                carried = _Carried(cue, cue.start(), at=named[0].end)
                self._judge(scope, _WithIndicator(carried, _Named(named[0].end, feature)), wanted, negated=negated, mode="reference")


    def _named_with_count(self, scope: Scope, position: int, end: int, word, features, negated: bool) -> None:
        """The units a counted direction names: listed in an aside or after a listing word (on its side), or after an except
        word before it ("Apart from X, every member …": on the other side)."""
        if not features:
            return
        _, clause_end = scope.clause(position)
        listing = self.listing_rx.search(scope.text, end, clause_end) if self.listing_rx is not None else None
        for unit in scope.members:
            if unit.value == AGGREGATE or self.v.cluster_of(unit.value) is None:
                continue
            excepted = unit.start < position and self.except_rx is not None and self.except_rx.search(scope.text, max(0, unit.start - 20), unit.start)
            # an aside that lists with "di antaranya / including" names members of the cluster, not the ones counted
            aside = next(((a, b) for a, b in scope.parentheses if a < unit.start < b), None) if unit.start < position else None
            listed = (aside is not None and (self.listing_rx is None or not self.listing_rx.search(scope.text, aside[0], unit.start))) or \
                     (listing is not None and listing.end() <= unit.start < clause_end)
            if not (excepted or listed):
                continue
            for feature in features:
                self.v.unit_direction(scope, unit.text or str(unit.value), unit.value, feature, word, negated != bool(excepted))

    def _excepted(self, scope: Scope, position: int) -> list:
        """The units named right after an except word before `position` ("Selain Papua, …", "Apart from Bali, …")."""
        if self.except_rx is None:
            return []
        return [m for m in scope.members if m.start < position and m.value != AGGREGATE and self.v.cluster_of(m.value) is not None
                and self.except_rx.search(scope.text, max(0, m.start - 20), m.start)]

    def _quantified_but(self, scope: Scope, phrase: str, clusters, features, word, quality: bool, none: bool, negated: bool, excepted) -> None:
        """"Selain X, seluruh anggota Klaster 1 … di atas …" / "Apart from X, none of …": every (or no) member but the
        excepted ones is on the side said, each judged on its value against the reference; the excepted on the other side."""
        v = self.v
        left_out = {u.value for u in excepted}
        for cluster in clusters:
            rest = [m for m in v.facts.cluster(cluster).members if m not in left_out]
            for feature in features:
                wanted = wanted_direction(word, v.facts.feature(feature).direction == "higher_is_better") if quality else word
                values = [v.unit_value(m, feature) for m in rest]
                if wanted == Direction.EQUAL or not rest or None in values:
                    continue
                reference = float(v.facts.reference.values[feature])
                satisfying = sum((x >= reference) if wanted == "reach" else (x > reference) if wanted == Direction.ABOVE else (x < reference) for x in values)
                ok = (satisfying == 0 if none else satisfying == len(rest)) != negated
                fact = v.facts.index.get(f"K{cluster}.{feature}.n_{'below' if wanted == Direction.BELOW else 'above'}") or \
                    v.facts.index.get(f"K{cluster}.{feature}.direction")
                v.claim(scope, ClaimKind.DIRECTION, phrase, (cluster,), (feature,), fact, Verdict.TRUE if ok else Verdict.FALSE,
                        v.say("members_of", satisfying=satisfying, size=len(rest)))
        # the excepted: not on the side "every member" is on; on the side "no member" is not
        unit_word, unit_negated = (Direction.BELOW, True) if word == "reach" else (word, False)
        unit_negated = (unit_negated != (not none)) != negated
        for unit in excepted:
            for feature in features:
                v.unit_direction(scope, unit.text or str(unit.value), unit.value, feature, unit_word, unit_negated)
