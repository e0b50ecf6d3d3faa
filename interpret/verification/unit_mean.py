"""The plain mean of the units beside another reference: "rata-rata provinsi" is not "angka nasional".

When the brief's reference is published figures, an aggregate row or a weighted mean, the facts also
hold the plain mean of the units (UMEAN.UHH) and each cluster's gap from it (K1.UHH.diff_umean,
.diff_pct_umean, .direction_umean; interpret/facts_relations.py). A text that measures against the
mean of the units (lexicon `unit_mean`: "rata-rata provinsi", "rerata antarprovinsi", "the provincial
average", "rata-rata rumah tangga") is checked against those; the official phrases ("angka nasional",
"BPS", "national figure") keep binding to REF. When the reference is the plain mean itself the facts
hold no UMEAN, so every phrase binds to REF as before.

Which reference a number is measured against: the reference phrase right after it in its clause
("34,0 % di atas rata-rata provinsi"), else the nearest one before it in the text ("Pembandingnya
adalah rata-rata sederhana 34 provinsi: UHH 73,13 tahun, HLS 13,30 tahun").
"""

from __future__ import annotations

from dataclasses import replace

from ..facts import Fact
from .lexicon import rx

# the statistic of a REF-measured fact → the same statistic against the mean of the units
_UNIT_MEAN_KIND = {"reference": "unit_mean", "diff": "diff_umean", "diff_pct": "diff_pct_umean", "direction": "direction_umean"}


class UnitMeanPhrases:
    """Finds, for a position in a text, whether the reference it is measured against is the mean of the units."""

    def __init__(self, verifier):
        self.index = verifier.facts.index
        lex = verifier.lex
        self.active = "unit_mean" in lex.words and any(fid.startswith("UMEAN.") for fid in self.index)
        if self.active:
            self.unit_mean_rx = rx(lex.unit_mean)
            self.number_rx = rx(r"\d")
            self.side_rx = rx(rf"(?:{lex.direction_above}|{lex.direction_below}|{lex.better}|{lex.worse})")
            self.official_rx = rx(lex.official_reference) if "official_reference" in lex.words else None
            # "perbedaan kedua acuan ini sekitar 0,8 tahun", "the gap between the two benchmarks": the two references' gap
            self.both_rx = rx(rf"\b(?:{lex.gap_cue})\b.{{0,30}}?(?:{lex.both_references})") if "both_references" in lex.words else None
            self.any_reference_rx = rx(rf"(?:{lex.unit_mean})|(?:{lex.reference})|(?:{lex.official_reference})"
                                       if "official_reference" in lex.words else rf"(?:{lex.unit_mean})|(?:{lex.reference})")

    def names_unit_mean(self, text: str) -> bool:
        """The phrase itself ("di atas rata-rata provinsi") names the mean of the units."""
        return self.active and bool(self.unit_mean_rx.search(text))

    def measured_against_unit_mean(self, scope, start: int, end: int) -> bool:
        """The reference the span [start, end) of the scope is measured against is the mean of the units."""
        if not self.active:
            return False
        text = scope.text
        _, clause_end = scope.clause(start)
        after = next(iter(self.any_reference_rx.finditer(text, end, clause_end)), None)
        # "UHH-nya 73,13 tahun, sekitar 0,8 tahun di bawah angka BPS": a phrase after another number is that number's
        if after is not None and not self.number_rx.search(text, end, after.start()):
            return self._is_unit_mean(text, after)
        before = [m for m in self.any_reference_rx.finditer(text, 0, start)]
        if before:
            return self._is_unit_mean(text, before[-1])
        after = next(iter(self.any_reference_rx.finditer(text, end)), None)
        return after is not None and self._is_unit_mean(text, after)

    def _is_unit_mean(self, text: str, match) -> bool:
        return bool(self.unit_mean_rx.match(text, match.start()))

    def own_gap(self, scope, position: int, phrase: str, feature: str):
        """"Rata-rata sederhana 34 provinsi … UHH-nya 73,13 tahun, di bawah angka BPS": a sentence that names no cluster or
        unit, about the mean of the units, places that mean against the official figure: its UMEAN.<f>.diff_ref, else None."""
        if not self.active or scope.clusters or scope.members or self.names_unit_mean(phrase):
            return None
        if not self.unit_mean_rx.search(scope.text, 0, position):
            return None
        return self.index.get(f"UMEAN.{feature}.diff_ref")

    def value(self, feature: str) -> float | None:
        fact = self.index.get(f"UMEAN.{feature}")
        return float(fact.value) if fact is not None else None

    def counterpart(self, fact: Fact) -> Fact:
        """REF.UHH → UMEAN.UHH, K1.UHH.diff → K1.UHH.diff_umean …; the fact itself when it has none."""
        kind = _UNIT_MEAN_KIND.get(fact.kind)
        if kind is None:
            return fact
        wanted = f"UMEAN.{fact.feature}" if fact.kind == "reference" else f"{fact.id}_umean"
        other = self.index.get(wanted)
        return other if other is not None and other.kind == kind else fact


def unit_mean_binding(checker, scope, number, binding):
    """The binding moved to the unit-mean facts when the number is measured against the mean of the units."""
    phrases = checker.unit_mean
    if not binding.facts or not phrases.active or not any(f.kind in _UNIT_MEAN_KIND for f in binding.facts):
        return binding
    start, _ = scope.clause(number.start)
    if phrases.both_rx is not None and phrases.both_rx.search(scope.text, start, number.start) and not phrases.number_rx.search(scope.text, start, number.start):
        gaps = [phrases.index.get(f"UMEAN.{f}.diff_ref") for f in dict.fromkeys(f.feature for f in binding.facts)]
        if len(gaps) == 1 and gaps[0] is not None:
            return replace(binding, facts=(gaps[0],), ambiguous=False)
    if not phrases.measured_against_unit_mean(scope, number.start, number.end):
        return _unit_mean_gap(phrases, scope, number, binding)
    return replace(binding, facts=tuple(phrases.counterpart(f) for f in binding.facts))


def _unit_mean_gap(phrases, scope, number, binding):
    """A gap stated about the mean of the units itself, against the official figure ("rata-rata sederhana 34 provinsi
    … sekitar 0,8 tahun di bawah angka BPS"; no cluster in the sentence): UMEAN.<f>.diff_ref, not the reference."""
    if scope.clusters or scope.members or phrases.official_rx is None:
        return binding
    # bound as the reference, or (the reference phrase after the number: "… di bawah angka BPS") as a difference of no cluster
    refs = list({f.feature: f for f in binding.facts if f.kind in {"reference", "diff"}}.values())
    text = scope.text
    _, clause_end = scope.clause(number.start)
    official = phrases.official_rx.search(text, number.end, clause_end)
    between = text[number.end : official.start()] if official else ""
    if len(refs) != 1 or official is None or phrases.number_rx.search(between) or not phrases.side_rx.search(between):
        return binding
    if not phrases.unit_mean_rx.search(text, 0, number.start):
        return binding
    gap = phrases.index.get(f"UMEAN.{refs[0].feature}.diff_ref")
    return replace(binding, facts=(gap,), ambiguous=False) if gap is not None else binding
