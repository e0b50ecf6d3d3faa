"""User data as Markdown text: a name, title, label, source or reason that renders as itself.

The report prints every such value through `md_text` (the `md` filter of reports/render.py); the
verifier, which reads the brief's Markdown, knows each name also in this printed form.
"""

from __future__ import annotations

import re

# Markdown markup a name could carry: emphasis, code, links and images, raw HTML, table cells. Only these
# characters are escaped, so an ordinary name ("D.I. Yogyakarta", "Kep. Bangka Belitung (Babel)")
# is printed byte for byte and the verifier reads it as before.
# An underscore inside a word (ipm_2023_provinsi) is never emphasis in CommonMark: only one at a word's edge is escaped.
# A link or image needs "](" or "][" (or a "[x]:" definition): escaping that "]" defuses it, and a bracket
# that forms no link ("[belum terverifikasi]", "[REDACTED]") is printed as it is.
_MD_MARKUP = re.compile(r"([\\`*<>|]|\](?=[(\[:])|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9]))")
_MD_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")  # &lt; would decode to "<"
_MD_LINE_START = re.compile(r"^(\s*)([#>+=-]|\d+)([.)]?)(?=\s|$)")  # a heading, quote or list marker if it starts a line
_MD_DEFINITION = re.compile(r"^(\s*)\[")  # "[x]: http://…" at a line's start defines a link for every "[x]"


def md_text(value) -> str:
    """User data (a name, title, label, source, reason) as Markdown text that renders as itself."""
    text = " ".join(str(value).split())  # a newline in a name would end a table row or start a block
    text = _MD_MARKUP.sub(r"\\\1", text)
    text = _MD_ENTITY.sub(r"\\&", text)
    text = _MD_DEFINITION.sub(r"\1\\[", text)
    return _MD_LINE_START.sub(_escape_marker, text)


def _escape_marker(match: re.Match) -> str:
    space, marker, punct = match.groups()
    if marker.isdigit():  # "12. x" is an ordered list: escape its "." (a backslash before a digit is literal)
        return space + marker + ("\\" + punct if punct else "")
    return space + "\\" + marker + punct
