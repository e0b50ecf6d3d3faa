"""Household facts bound by the words that name them (issue 15): a class label ("sangat miskin 1,0 %"),
the line groups ("di bawah garis kemiskinan: 26,0 %"), a coded answer's label ("Genteng (79,6 %"), the
weighted counts ("mewakili 57.371 rumah tangga dengan 158.840 jiwa") and the class table's columns.

The label must stand before the number (nearest wins); whether the number counts households or
persons is read from the word right after it ("(37.535 rumah tangga)", "(27.468 jiwa)") or from the
table's column. Nothing here looks at the value.
"""

from __future__ import annotations

import re

from ..language import load_language
from .lexicon import rx

HOUSEHOLD_STATS = {"households", "households_pct", "persons", "persons_pct"}
_WINDOW = 60


def _labels(checker) -> list[tuple[str, str]]:
    """(words, fact path under K<n>. / DATA.) of every class, line group and coded answer, longest first."""
    cached = getattr(checker, "_household_labels", None)
    if cached is not None:
        return cached
    section = checker.v.facts.households
    lex = checker.v.lex
    found: list[tuple[str, str]] = []
    try:
        lang = load_language(lex.code, [checker.v.languages_dir] if getattr(checker.v, "languages_dir", None) else [])
    except Exception:  # a lexicon without a catalogue: the spec's own labels only
        lang = None
    for c in section.classes:
        label = c.label
        if not label:
            try:
                label = lang.lookup("poverty_class", c.name) if lang else c.name
            except Exception:  # no catalogue entry: the drafter writes the name too
                label = c.name
        found.append((label.replace("_", " "), f"class.{c.name}"))
        if getattr(c, "label_en", None):  # the English brief's words for the class (spec label_en)
            found.append((c.label_en, f"class.{c.name}"))
    for info in section.categorical:
        for code, label in [*info.codes.items(), *getattr(info, "codes_en", {}).items()]:  # codes_en: the English brief's
            found.append((label, f"cat.{info.name}.share.{code}"))
    found.sort(key=lambda item: -len(item[0]))
    checker._household_labels = found
    return found


def _names(info) -> list[str]:
    """A coded answer's names: its label and, for the English brief, its label_en."""
    return [n for n in (info.label, getattr(info, "label_en", None)) if n]


def _group_phrases(lex) -> list[tuple[str, str]]:
    return [(p, name) for name, p in (("below_line", lex.words.get("household_below_line")), ("near_poor", lex.words.get("household_near_poor"))) if p]


def Binding(facts, how, stat, ambiguous=False):  # noqa: N802 - the fields of binding.Binding (binding.py wraps them; no import cycle)
    return facts, how, stat, ambiguous


def household_binding(checker, scope, number, clusters):
    """(facts, how, stat, ambiguous) of a household fact the words before the number name, else None."""
    section = checker.v.facts.households
    if section is None:
        return None
    index = checker.v.facts.index
    lex = checker.v.lex
    prefixes = [f"K{c}" for c in clusters] if clusters else ["DATA"]
    c_start, _ = scope.clause(number.start)
    data_rx = lex.words.get("data_scope_count")
    if clusters and data_rx and not any(c_start <= m.start < number.start for m in scope.clusters) \
            and rx(data_rx).search(scope.text, c_start, number.start):
        prefixes = ["DATA"]  # "Di seluruh data, rumah tangga di bawah garis kemiskinan: 30,4 %": the whole data, not the paragraph's cluster
    persons_rx = lex.words.get("household_persons")
    households_rx = lex.words.get("household_households")
    if scope.stat in HOUSEHOLD_STATS:  # a row of the class table: its first cell names the class
        label = scope.shown.split("|")[0].strip().lower() if scope.shown else ""
        path = next((p for words, p in _labels(checker) if p.startswith("class.") and words.lower() == label), None)
        info = next((i for i in section.categorical if label in {n.lower() for n in _names(i)}), None)
        if path is None and info is not None and scope.stat == "households_pct":  # the coded answers' table: the modal share
            facts = [index[f"{pre}.cat.{info.name}.modal_pct"] for pre in prefixes if f"{pre}.cat.{info.name}.modal_pct" in index]
            return Binding(tuple(facts), "table", "modal_pct", ambiguous=len(facts) > 1)
        if path is None:
            return Binding((), "table", scope.stat)
        facts = [index[f"{pre}.{path}.{scope.stat}"] for pre in prefixes if f"{pre}.{path}.{scope.stat}" in index]
        return Binding(tuple(facts), "table", scope.stat, ambiguous=len(facts) > 1)
    start = max(0, number.start - _WINDOW)
    before = scope.text[start : number.start]
    after = scope.text[number.end : number.end + 25]
    persons = bool(persons_rx and rx(r"^\s*\)?\s*(?:" + persons_rx + ")").match(after))
    if not persons and persons_rx and number.percent and not (households_rx and rx(r"^\s*\)?\s*(?:" + households_rx + ")").match(after)):
        persons = bool(rx(r"\((?:[^()]*?)(?:" + persons_rx + r")\s*\)").match(scope.text, number.end)) or bool(
            re.match(r"\s*\(\s*[\d.,]+\s*(?:" + persons_rx + ")", scope.text[number.end :], re.IGNORECASE))
    best: tuple[int, list[str]] | None = None
    candidates = [(re.escape(words).replace(r"\ ", r"\s+"), path) for words, path in _labels(checker)] + _group_phrases(lex)
    for pattern, path in candidates:
        for m in rx(rf"(?<![\w-])(?:{pattern})(?![\w-])").finditer(before):
            gap = before[m.end() :]
            # another number stands between: the label is that one's, except the share whose count this is ("hampir miskin: 40,3 % (58.261")
            if re.search(r"\d", re.sub(r"^[^\d]*?[\d.,]+\s*%\s*\(\s*$", "", gap)):
                continue
            distance = len(gap)
            if best is None or distance < best[0]:
                best = (distance, [path])
            elif distance == best[0] and path not in best[1]:
                best[1].append(path)
    if best is not None:
        paths = best[1]
        if len(paths) > 1 and any(p.startswith("cat.") for p in paths):  # "Lainnya" of several questions: the one the sentence names
            named = [i.name for i in section.categorical if any(rx(re.escape(n)).search(scope.text) for n in _names(i))]
            paths = [p for p in paths if not p.startswith("cat.") or p.split(".")[1] in named] or paths
        path = paths[0]
        if path.startswith("cat."):
            if not number.percent:
                return None
            facts = [index[f"{pre}.{path}"] for pre in prefixes if f"{pre}.{path}" in index]
            return Binding(tuple(facts), "concept", "share", ambiguous=len(facts) > 1)
        stat = ("persons" if persons else "households") + ("_pct" if number.percent else "")
        facts = [index[f"{pre}.{path}.{stat}"] for pre in prefixes if f"{pre}.{path}.{stat}" in index]
        return Binding(tuple(facts), "concept", stat, ambiguous=len(facts) > 1)
    sample_rx = lex.words.get("household_sample")
    if not number.percent and sample_rx and rx(r"^\s*(?:" + sample_rx + ")").match(after):  # "157 rumah tangga sampel": the cluster's size
        facts = [index[f"{pre}.size"] for pre in prefixes if f"{pre}.size" in index]
        return Binding(tuple(facts), "concept", "size", ambiguous=len(facts) > 1)
    weighted_rx = lex.words.get("household_weighted")
    if not number.percent and weighted_rx:  # "mewakili 57.371 rumah tangga dengan 158.840 jiwa"
        clause = scope.text[: number.start]
        if persons and rx(weighted_rx).search(clause):
            facts = [index[f"{pre}.persons"] for pre in prefixes if f"{pre}.persons" in index]
            return Binding(tuple(facts), "concept", "persons", ambiguous=len(facts) > 1)
        if households_rx and rx(r"^\s*(?:" + households_rx + ")").match(after) and rx(r"(?:" + weighted_rx + r")\s*$").search(clause):
            facts = [index[f"{pre}.households"] for pre in prefixes if f"{pre}.households" in index]
            return Binding(tuple(facts), "concept", "households", ambiguous=len(facts) > 1)
    return None


__all__ = ["HOUSEHOLD_STATS", "household_binding"]
