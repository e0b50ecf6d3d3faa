"""Positions against the reference whose reference is not repeated (split from directions.py, which uses this).

- An elided reference: "Its residents live 0.3 years longer than the national average — essentially level —",
  "four of the five members are above the national figure; only DKI Jakarta falls short", "… di bawah angka nasional,
  dan hanya Bali yang tertinggal": a direction word with no reference after it (lexicon `direction_bare_above`,
  `direction_bare_below`, `direction_bare_equal`) is about the reference its sentence named before it.
- Exceptions: "Eight of its ten members are above the national average. The exceptions are Bengkulu and …" (lexicon
  `exception_lead`): each unit named after it is on the other side of the reference from where the previous sentence
  put the others, on that sentence's indicators.
- The degree written before a direction ("slightly", "well", "masih", "jauh"; lexicon `direction_degree`) is part of
  the claim as quoted, and a strong one (`direction_strong`: "well above", "jauh di bawah") is more than a gap within
  the on-par band.
"""

from __future__ import annotations

from ..terms import Direction
from .lexicon import rx
from .scope import AGGREGATE, Scope


class ElidedReference:
    def __init__(self, verifier):
        self.v = verifier
        lex = verifier.lex
        words = lex.words
        self.reference_rx = rx(lex.reference)
        sides = [(name, words.get(f"direction_bare_{name}")) for name in ("above", "below", "equal")]
        sides = [(name, pattern) for name, pattern in sides if pattern]
        self.bare_rx = rx("(?P<dir>" + "|".join(f"(?P<{name}>{pattern})" for name, pattern in sides) + ")") if sides else None
        self.degree_rx = rx(rf"(?:\b(?:{words['direction_degree']})\s+){{1,2}}$") if "direction_degree" in words else None
        self.strong_rx = rx(rf"\b(?:{words['direction_strong']})\b") if "direction_strong" in words else None
        self.exception_rx = rx(words["exception_lead"]) if "exception_lead" in words else None
        self._said: dict[int, tuple[Scope, Direction | str, tuple[str, ...], bool]] = {}  # the last direction said per sentence
        self._previous: Scope | None = None  # the sentence checked before the current one
        self._current: Scope | None = None

    # -- the degree before a direction --------------------------------------------------------------
    def degree_before(self, scope: Scope, position: int):
        """The degree words right before `position` ("slightly ", "well ", "masih "), or None."""
        if self.degree_rx is None:
            return None
        return self.degree_rx.search(scope.text, max(0, position - 30), position)

    def is_strong(self, written: str) -> bool:
        return self.strong_rx is not None and bool(self.strong_rx.search(written))

    # -- an elided reference ------------------------------------------------------------------------
    def find(self, scope: Scope, taken: list[tuple[int, int]]):
        """(match, direction) of every direction word without its reference, after the sentence named one."""
        self._turn(scope)
        if self.bare_rx is None:
            return
        for match in self.bare_rx.finditer(scope.text):
            if any(a <= match.start() < b for a, b in taken):
                continue
            named = [m for m in self.reference_rx.finditer(scope.text, 0, match.start())]
            if not named:
                continue  # "Cluster 3 is essentially level": level with what the sentence does not say
            if any(named[-1].end() <= m.start < match.start() for m in scope.clusters):
                continue  # "… above the national figure, and Cluster 2 is roughly the same": maybe the same as Cluster 1
            word = Direction.ABOVE if match.group("above") else Direction.BELOW if match.group("below") else Direction.EQUAL
            yield match, word

    # -- exceptions to the previous sentence --------------------------------------------------------
    def remember(self, scope: Scope, word, features, negated: bool) -> None:
        """What a sentence said of the reference (its last direction), for "the exceptions are …" in the next one."""
        self._turn(scope)
        if features:
            self._said[id(scope)] = (scope, word, tuple(features), negated)

    def said_here(self, scope: Scope):
        """(direction, indicators, negated) of the last direction said in this sentence, or None."""
        self._turn(scope)
        said = self._said.get(id(scope))
        return said[1:] if said is not None else None

    def last_said(self, scope: Scope) -> tuple[str, ...]:
        """The indicators of the last direction said in this sentence, else in the previous one ("… ahead on education.
        Cluster 3 is also ahead."): what a direction said again is about."""
        self._turn(scope)
        for key in (id(scope), id(self._previous) if self._previous is not None else None):
            said = self._said.get(key)
            if said is not None:
                return said[2]
        return ()

    def _turn(self, scope: Scope) -> None:
        if scope is not self._current:
            self._previous, self._current = self._current, scope
            self._said = {k: said for k, said in self._said.items() if said[0] is self._previous}

    def exceptions(self, scope: Scope) -> None:
        self._turn(scope)
        if self.exception_rx is None or scope.antecedent is None:
            return  # a paragraph's first sentence has no previous sentence to be an exception to
        said = self._said.get(id(self._previous)) if self._previous is not None else None
        if said is None or said[0] is not self._previous or said[1] not in {Direction.ABOVE, Direction.BELOW}:
            return
        _, word, features, negated = said
        for cue in self.exception_rx.finditer(scope.text):
            _, end = scope.clause(cue.end())
            units = [m for m in scope.members if cue.end() <= m.start < end and m.value != AGGREGATE]
            for unit in units:
                for feature in features:
                    # the other side: "the exceptions" to "above" are not above
                    self.v.unit_direction(scope, unit.text or str(unit.value), unit.value, feature, word, not negated)
