"""Ratios written as fractions: "about a third as much … as Cluster 1", "kurang dari sepertiga pengeluaran …",
"kira-kira tiga perempat angka nasional". The fraction words are the lexicon's [fractions] (the same table counts.py
reads for "separuh anggota Klaster 2"); a fraction is a ratio when what follows it compares (lexicon `ratio_after`,
"as much", "angka nasional") or names an indicator, and not the members of a group (a count, counts.py).

A fraction in words is as precise as one decimal: "a third" is 0,28–0,38, "tiga perempat" 0,70–0,80; the qualifiers
read as for any number ("kurang dari sepertiga" is a strict bound). Split from numbers.py (which stays under 500 lines).
"""

from __future__ import annotations

import re

from .lexicon import Lexicon, rx


def fraction_ratios(scope, lex: Lexicon, found, make) -> list:
    """The fractions of the sentence that state a ratio, as written numbers of unit "ratio" (`make` builds one:
    numbers.WrittenNumber, passed in so this module need not import numbers.py)."""
    if not lex.fractions or "ratio_after" not in lex.words:
        return []
    words = "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in lex.fractions), key=len, reverse=True))
    pattern = rx(rf"(?<![\w-])(?P<word>{words})(?![\w-])")
    taken = [(n.start, n.end) for n in found]
    qualifiers = (("approx", lex.approx), ("nearly", lex.nearly), ("above", lex.above_bound), ("below", lex.below_bound))
    # "a third of the provinces", "half of Cluster 2", "sepertiga provinsi": a share of members, counted by counts.py
    of = rf"(?:(?:{lex.count_of})\s+)?" if "count_of" in lex.words else ""
    members = rx(rf"\s+{of}(?:(?:{lex.count_of_determiner})\s+)?(?:(?:\S+\s+){{0,2}}?(?:{lex.count_units})|{lex.cluster_word}|{lex.pair_pronoun})\b")
    extra = []
    for match in pattern.finditer(scope.masked):
        if any(a <= match.start() < b for a, b in taken):
            continue
        if members.match(scope.text, match.end()):
            continue
        compares = rx(lex.ratio_after).match(scope.text, match.end())
        names_indicator = any(0 <= f.start - match.end() <= 2 for f in scope.features)
        reference = rx(rf"\s+(?:{lex.reference})").match(scope.text, match.end())
        if not (compares or names_indicator or reference):
            continue
        before = scope.text[max(0, match.start() - 40) : match.start()]
        qualifier = next((name for name, p in qualifiers if rx(rf"(?:{p})\s*$").search(before)), None)
        value = lex.fractions[re.sub(r"\s+", " ", match.group("word").lower())]
        # "a third more than Cluster 4", "sepertiga lebih tinggi": the fraction is the excess, the ratio 1 + it (1 − it for less)
        if rx(rf"\s+(?:{lex.compare_high})\b").match(scope.text, match.end()):
            value = 1 + value
        elif rx(rf"\s+(?:{lex.compare_low})\b").match(scope.text, match.end()):
            value = 1 - value
        extra.append(make(match.start(), match.end(), match.group(0), value, value, 1, 1.0, False, False, False, "ratio", qualifier))
    return extra
