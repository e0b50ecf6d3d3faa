"""Where a sentence ends, in the brief's prose: after . ! ? and a space before a capital, a quote or a
bracket, but not after an abbreviation ("Kep.", "Rp.", "D.I.", an initial).

One rule for the verifier (which checks claims sentence by sentence) and the report (whose key message
is the summary's first sentences): both must cut a paragraph at the same places.
"""

from __future__ import annotations

import re

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"(\[*])")
_ABBREVIATIONS = re.compile(r"\b(?:Kep|Kab|Prov|No|dll|dkk|Rp|D\.I|D\.K\.I|[A-Z])\.$")


def split_sentences(text: str) -> list[str]:
    parts = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        head = text[start : match.start()]
        if _ABBREVIATIONS.search(head):
            continue
        parts.append(head.strip())
        start = match.end()
    parts.append(text[start:].strip())
    return [p for p in parts if p]
