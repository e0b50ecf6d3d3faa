"""Quantified counts for `CountChecker` (counts.py): a universal said of a group's members ("every Cluster 2 province has …
below the national figure", "all ten provinces in Cluster 2 exceed …", "every one of its five provinces sits below 8 years",
"seluruh anggota Klaster 1 …", "kelima provinsi ini …", "all seven fall short of …"), the same with a number left out ("all
but one of its members", "semua anggota kecuali satu …"), or with members named as left out ("Apart from Sumatera Barat,
every Cluster 2 province …", "Selain Papua, seluruh anggota …"); and the group a count of "members" stands for when its
clause names no cluster ("Only one member — Jawa Timur — exceeds …" under a cluster's heading, "hanya dua anggota …" after a
sentence about Klaster 4): a member is always some cluster's, never a unit of the whole data.

Split off counts.py (which stays under 500 lines): `universal_phrases` finds the quantified phrases (counts.py judges them
as counts whose number is the group's size, less the members left out), `topic_group` finds the cluster a count of members
is about, `excepted_members` the units a quantified sentence leaves out by name.
"""

from __future__ import annotations

from dataclasses import replace

from .lexicon import rx
from .scope import AGGREGATE, Scope


def universal_patterns(lex, n: str, units: str, filler: str):
    """The regexes of a universal over a group's members (None when the lexicon has no `count_all`)."""
    if "count_all" not in lex.words:
        return None, None, None
    but = rf"(?:\s+(?:{lex.count_all_but})\s+(?P<but>{n}))?" if "count_all_but" in lex.words else "(?P<but>(?!))?"
    of = rf"(?:\s+(?:{lex.count_of}))?"
    determiners = rf"(?:\s+(?:{lex.count_of_determiner}|{lex.words.get('count_possessive', '(?!)')}))*"
    # "every Cluster 2 province", "all ten provinces", "every one of its five provinces", "seluruh anggotanya", "kelima provinsi"
    # ("ke" joins its number: the collective "all five", never an ordinal before its noun)
    gap = r"(?:\s+|(?<=\bke))"
    # not a possessive: "each region's leading commodities" names what belongs to them, it says nothing of all of them
    universal = rx(rf"(?<![\w-])(?P<all>{lex.count_all}){but}{of}{determiners}{gap}(?:(?P<y>{n})\s+)?{filler}(?:{units})\b(?!{lex.possessive_s})")
    # "all seven fall short of …": the group's size with no unit noun, right before what is said of them
    bare = rx(rf"(?<![\w-])(?P<all>{lex.count_all})(?P<but>(?!))?{gap}(?P<y>{n})(?=\s+(?:\w+\s+)?(?:{lex.count_above}|{lex.count_below})\b)")
    # "… semua anggota kecuali satu", "every member but two": the number of members the universal leaves out, after it
    # (after the cluster or a word or two that place the members: "every member of Cluster 2 except two")
    trailing = rx(rf"(?:\s+[\w.]+){{0,3}}?\s*,?\s*(?:{lex.count_all_but_after})\s+(?P<but>{n})(?![\w-])(?!\s+(?:{units}))") if "count_all_but_after" in lex.words else None
    return universal, bare, trailing


def excepted_members(scope: Scope, lex, start: int, end: int) -> set[str]:
    """The units the sentence leaves out of a quantified statement by name, between `start` and `end` ("Apart from
    Sumatera Barat, every …", "seluruh anggota kecuali DKI Jakarta dan Bali …"): a name right after an exception word,
    and the names listed with it."""
    cue = rx(rf"\b(?:{lex.except_word}|{lex.words.get('except_outside', '(?!)')})\s+$")
    joined = rx(rf"\s*(?:,|{lex.list_joiner})\s*(?:(?:{lex.list_joiner})\s+)?$")
    out: set[str] = set()
    previous = None
    for m in sorted((m for m in scope.members if start <= m.start < end and m.value != AGGREGATE), key=lambda m: m.start):
        if cue.search(scope.text, max(0, m.start - 20), m.start) or (previous is not None and joined.fullmatch(scope.text, previous.end, m.start)):
            out.add(m.value)
            previous = m
        else:
            previous = None
    return out


def topic_group(scope: Scope, position: int) -> tuple[int, ...]:
    """The cluster a count of members with no cluster in its clause is about: the last one the sentence named before it
    (not one a comparison governs), else the previous sentence's, else the section's; () when there is none."""
    before = [m for m in scope.clusters if m.end <= position and m not in scope.governed]
    if before:
        return (before[-1].value,)
    one = (scope.antecedent or {}).get("one")
    if one and one[0] == "cluster" and one[1]:
        return tuple(one[1][:1])
    return tuple(scope.default_clusters[:1])


def elided_condition(scope: Scope, patterns, phrase, previous):
    """"Sembilan provinsi di atas angka nasional pada UHH, sedangkan untuk HLS hanya tiga provinsi": a count that ends its
    clause, after a count against the reference in the same sentence, and whose clause names an indicator of its own,
    states the same condition on that indicator (and counts the same group). (Moved from counts.py, which stays short.)"""
    head, condition = previous
    start, end = scope.clause(phrase.start)
    if condition.threshold is not None or condition.unstable or not (phrase.ellipsis or patterns.clause_rest.fullmatch(scope.text, phrase.end, end)):
        return None
    # ("…, while in Cluster 4 only one of five is": an elided predicate may name another group instead of an indicator)
    named = scope.features + (scope.clusters if phrase.ellipsis else [])
    if start <= head.start or not any(start <= m.start < phrase.start for m in named):
        return None
    return replace(condition, position=phrase.end - 1, follows=head.start)


__all__ = ["elided_condition", "excepted_members", "topic_group", "universal_patterns"]
