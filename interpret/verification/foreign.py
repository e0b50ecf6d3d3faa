"""Numbers about a concept the data do not hold (split from binding.py): poverty, stunting, growth, a target, a
projection, a budget (lexicon `foreign_concepts`, `projection_cues`). Such a number binds to nothing, so the indicator of
a previous sentence, or the cluster's nearest number, can never vouch for it. Each function returns the words that
name the concept, or None."""

from __future__ import annotations

import re

from .lexicon import rx


def foreign_concept(checker, scope, number) -> str | None:
    """"Program ini diharapkan menurunkan kemiskinan di Klaster 2 sebesar -10,1 %": the number is about a concept the
    data do not hold (lexicon `foreign_concepts`: poverty, stunting, growth, a target, a projection, IPM when it is no
    indicator) named in its clause with no indicator of the data between it and the number. It binds to nothing, so
    the indicator of a previous sentence, or the cluster's nearest number, can never vouch for it."""
    lex = checker.v.lex
    if "foreign_concepts" not in lex.words:
        return None
    start, _ = scope.clause(number.start)
    # a target, a projection, a future: what follows the cue in its clause is a plan, not a fact, indicator named or not
    projection = [m for m in rx(lex.projection_cues).finditer(scope.text, start, number.start)
                  if not ("projection_reason" in lex.words and rx(lex.projection_reason).search(scope.text, m.end(), number.start))]
    if projection:
        return projection[-1].group(0)
    if number.unit == "year" and rx(lex.projection_cues).search(scope.text):  # "By 2045 the target is …": the plan's year
        return number.written
    if number.unit == "year":  # "Data yang dipakai adalah IPM tahun 2022": a year is the data's or a plan's, never a topic's value
        return None
    named = [m for m in scope.features if start <= m.start < number.start]
    hits = [m for m in rx(lex.foreign_concepts).finditer(scope.text, start, number.start)
            if not any(f.start <= m.start() < f.end or m.start() <= f.start < m.end() for f in scope.features)  # an indicator's own name
            and not rx(rf"(?:{lex.foreign_exempt})\s*$").search(scope.text, max(0, m.start() - 25), m.start())]
    if not hits:
        return _foreign_after(checker, scope, number)
    last = hits[-1]
    if any(f.start >= last.end() for f in named):  # "… kemiskinan tinggi, UHH-nya 69,90 tahun": the indicator is nearer
        return None
    _, end = scope.clause(number.start)
    gap = rx(rf"\b(?:{lex.gap_cue})\b")
    own_gap = gap.search(scope.text, last.end(), number.start) or rx(rf"^[\s-]*(?:{lex.gap_cue})\b").match(scope.text[number.end : end])
    if own_gap and rx(lex.reference).search(scope.text, number.end, end):
        return None  # "anggaran … menutup kesenjangan Rp3,5 juta per kapita terhadap angka nasional": the gap's own phrase is nearer
    return last.group(0)


_FOREIGN_AFTER = 60  # "sekitar 4,4 % balitanya mengalami stunting": how far after its number the concept may stand


def _foreign_after(checker, scope, number) -> str | None:
    """The concept after the number: "kira-kira 21,5 % penduduknya hidup di bawah garis kemiskinan", "4.4% of its children
    are stunted". The number is about what its noun phrase names when no indicator of the data stands between them (and
    no comma, colon or parenthesis); a clause that names no indicator at all is about the foreign concept it names."""
    lex = checker.v.lex
    if number.unit in {"count", "clusters", "year"}:
        return None
    start, end = scope.clause(number.start)
    hits = [m for m in rx(lex.foreign_concepts).finditer(scope.text, number.end, end)
            if not any(f.start <= m.start() < f.end or m.start() <= f.start < m.end() for f in scope.features)
            and not rx(rf"(?:{lex.foreign_exempt})\s*$").search(scope.text, max(0, m.start() - 25), m.start())]
    if not hits:
        return None
    first = hits[0]
    in_clause = [f for f in scope.features if start <= f.start < end]
    named_before = [f for f in in_clause if f.end <= number.start]
    if named_before and "indicator_value_joiner" in lex.words and rx(
            rf"^\s*(?:(?:{lex.indicator_value_joiner})\s*)*(?:(?:{lex.approx})\s*)?(?:(?:{lex.currency_sign})\s*)?$").match(_without_subjects(scope, named_before[-1].end, number.start)):
        return None  # "Cluster 4's life expectancy of 69.9 years goes hand in hand with high stunting": the indicator's value
    between = [f for f in in_clause if number.end <= f.start < first.start()]
    near = first.start() - number.end <= _FOREIGN_AFTER and not re.search(r"[,;:()]", scope.text[number.end : first.start()])
    if (near and not between) or not in_clause:
        return first.group(0)
    return None


def _without_subjects(scope, start: int, end: int) -> str:
    """The text from start to end with the clusters and units it names removed ("UHH Klaster 4 sebesar" → "UHH  sebesar")."""
    kept = list(scope.text[start:end])
    for m in scope.clusters + scope.members:
        for i in range(max(m.start, start), min(m.end, end)):
            kept[i - start] = ""
    return "".join(kept)


def foreign_noun_after(checker, scope, number) -> str | None:
    """"allocating at least 20 % of provincial budgets": the number's own noun phrase, right after it, names a concept the
    data do not hold; a method phrase before it ("at least", the stability threshold's) does not make it the method's."""
    found = _foreign_after(checker, scope, number)
    if found is None or number.unit in {"count", "clusters", "year"}:
        return None
    at = scope.text.lower().find(found.lower(), number.end)
    gap = scope.text[number.end : at] if at >= 0 else ""
    near = 0 <= at and len(gap.split()) <= 3 and not re.search(r"[\d,;:()]", gap)
    return found if near and not any(number.end <= f.start < at for f in scope.features) else None
