"""What `interpret verify` prints: the claims grouped by sentence, each verdict with its bound fact and why.

Three formats (`--format`):

    table   plain lines, one block per sentence (false ones first), readable in a terminal and when piped
    md      Markdown: one heading per sentence and a table of its claims
    json    the outcome as `--json` writes it (NarrativeVerification.to_dict)

No colour and no fixed width: a narrative of 400 claims is 400 short lines, not a folded 80-column table.
"""

from __future__ import annotations

import json

from ..errors import ConfigError
from ..terms import Verdict
from .lexicon import kind_word, load_lexicon, verdict_word

FORMATS = ("table", "md", "json")
_MARK = {Verdict.TRUE: "✓", Verdict.FALSE: "✗", Verdict.UNVERIFIABLE: "?"}
_ORDER = {Verdict.FALSE: 0, Verdict.UNVERIFIABLE: 1, Verdict.TRUE: 2}


def grouped(claims) -> list[tuple[str, str, list]]:
    """(section, sentence, its claims) in the order the sentences come; a sentence with a false claim first."""
    groups: dict[tuple[str, str], list] = {}
    for c in claims:
        groups.setdefault((c.section, c.text), []).append(c)
    items = [(section, text, group) for (section, text), group in groups.items()]
    return sorted(items, key=lambda item: min(_ORDER[c.verdict] for c in item[2]))


def _fact(c) -> str:
    if c.fact_id is None:
        return "–"
    return f"{c.fact_id} = {c.expected}" if c.expected else c.fact_id


def render(outcome, fmt: str, lang: str = "id") -> str:
    if fmt not in FORMATS:
        raise ConfigError(f"--format {fmt!r}: use one of {', '.join(FORMATS)}.")
    if fmt == "json":
        return json.dumps(outcome.to_dict(), ensure_ascii=False, indent=2, default=str)
    blocks = []
    for section, text, claims in grouped(outcome.report.claims):
        if fmt == "md":
            rows = [f"| {verdict_word(c.verdict, lang)} | {kind_word(c.kind, lang)} | {_cell(c.value)} | {_cell(_fact(c))} | {_cell(c.note or '–')} |"
                    for c in claims]
            words = load_lexicon(lang).listing
            head = "| " + " | ".join(words.get(k, k) for k in ("verdict", "kind", "written", "fact", "why")) + " |"
            blocks.append("\n".join([f"### {_cell(section) or '–'}", "", f"> {text}", "", head, "|---|---|---|---|---|", *rows]))
        else:
            lines = [f"[{section or '–'}] {text}"]
            lines += [f"  {_MARK[c.verdict]} {verdict_word(c.verdict, lang)} · {kind_word(c.kind, lang)} · {c.value} → {_fact(c)}"
                      + (f" · {c.note}" if c.note else "") for c in claims]
            blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def _cell(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


__all__ = ["FORMATS", "grouped", "render"]
