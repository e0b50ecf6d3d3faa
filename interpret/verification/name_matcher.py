"""Finding the units a text names, and the Mention every finder returns (split from scope.py to keep it small).

`NameMatcher` is written here rather than taken from a library: the names are a few dozen to a million household ids
with their aliases, matched at word starts case-sensitively for short all-caps names and case-folded otherwise, with
a numeric name refused where a measure follows it; a dict lookup per word start and name length does that in one pass
(a regex alternation of every name, or a trie library, does not know the numeric and case rules)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..markdown_text import md_text


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    value: object  # cluster number, feature name, or unit id (AGGREGATE for the national figure)
    text: str = ""


class NameMatcher:
    """Every unit name (and alias) of the facts, found in one pass per text: built once per facts.

    A pattern per name scanned over every sentence made verification O(units × sentences) (136 s of
    a 10 000-household run); here each position that starts a word is looked up in a dict, once per
    distinct name length, longest first, so the cost no longer grows with the number of units.
    Short all-caps names (NTT, DKI) and a few nicknames match case-sensitively, the rest ignoring case."""

    def __init__(self, variants: dict[str, str], measured: re.Pattern | None = None):
        # a name that reads as a number ("3996083", "99,99") is a number where a measure follows it ("73,13 tahun")
        self.measured = measured
        self.exact: dict[str, str] = {}
        self.folded: dict[str, str] = {}
        for name, member in variants.items():
            if name.isupper() and len(name) <= 5 or name in {"Babel", "Jogja"}:
                self.exact.setdefault(name, member)
            else:
                self.folded.setdefault(name.lower(), member)
        self.lengths = sorted({len(n) for n in self.exact} | {len(n) for n in self.folded}, reverse=True)
        self._starts = re.compile(r"(?<!\w)\S")

    def find(self, text: str) -> list[Mention]:
        found, resume, n = [], 0, len(text)
        for start_match in self._starts.finditer(text):
            start = start_match.start()
            if start < resume:
                continue
            for length in self.lengths:
                end = start + length
                if end > n or (end < n and (text[end].isalnum() or text[end] == "_")) or (text[end - 1].isspace()):
                    continue
                piece = text[start:end]
                member = self.exact.get(piece)
                if member is None:
                    member = self.folded.get(piece.lower())
                if member is not None and self.measured is not None and _NUMERIC_NAME.fullmatch(piece) and self.measured.match(text, end):
                    member = None
                if member is not None:
                    found.append(Mention(start, end, member, piece))
                    resume = end
                    break
        return found


def printed_forms(name: str) -> set[str]:
    """A name as md_text prints it alone (at a line's start "[x]" is escaped as "\\[x]") and inside a sentence."""
    return {md_text(name), md_text("x " + name)[2:]}


_NUMERIC_NAME = re.compile(r"[+\-−]?\d[\d.,\s/\-]*%?")
