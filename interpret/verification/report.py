"""Claims, verdicts and the verification report, plus the sentence splitter every check shares."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Literal

Verdict = Literal["benar", "salah", "tidak dapat diverifikasi"]
VERDICTS: tuple[Verdict, ...] = ("benar", "salah", "tidak dapat diverifikasi")
# angka: a number; arah: position against the reference; peringkat: rank, superlative, comparison;
# anggota: membership; jumlah: a count in words; sebaran: spread / homogeneity / n = 1;
# stabilitas: bootstrap stability; kebijakan: a recommendation the rules say contradicts the facts.
KINDS = ("angka", "arah", "peringkat", "anggota", "jumlah", "sebaran", "stabilitas", "kebijakan")

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"(\[*])")
_ABBREVIATIONS = re.compile(r"\b(?:Kep|Kab|Prov|No|dll|dkk|Rp|D\.I|D\.K\.I|[A-Z])\.$")


@dataclass
class Claim:
    id: str
    kind: str  # one of KINDS
    text: str  # the sentence or table row the claim is in
    value: str  # the number or phrase as written
    section: str
    cluster: int | None
    feature: str | None
    fact_id: str | None
    expected: str | None  # the fact as the brief would write it, or "tidak ditemukan"
    verdict: Verdict
    note: str = ""


@dataclass
class VerificationReport:
    claims: list[Claim] = field(default_factory=list)
    # Repair history: one dict per action of the pipeline or the LLM repair loop
    # ({"round", "action", "kalimat", and for a failing claim "klaim", "fakta", "nilai_fakta", "putusan"}).
    repairs: list[dict] = field(default_factory=list)

    @property
    def counts(self) -> dict[str, int]:
        counter = Counter(c.verdict for c in self.claims)
        return {v: counter.get(v, 0) for v in VERDICTS}

    @property
    def counts_by_kind(self) -> dict[str, dict[str, int]]:
        table: dict[str, dict[str, int]] = {}
        for c in self.claims:
            row = table.setdefault(c.kind, {v: 0 for v in VERDICTS})
            row[c.verdict] += 1
        return table

    @property
    def ok(self) -> bool:
        return self.counts["salah"] == 0

    def failing(self) -> list[Claim]:
        return [c for c in self.claims if c.verdict != "benar"]

    def false_claims(self) -> list[Claim]:
        return [c for c in self.claims if c.verdict == "salah"]

    def describe_false(self, limit: int = 5) -> str:
        """The first false claims, each with the fact it contradicts: for an error message."""
        return "; ".join(f"'{c.value}' in \"{c.text[:80]}\" (fact {c.fact_id}: {c.expected})" for c in self.false_claims()[:limit])

    def to_dict(self) -> dict:
        return {
            "counts": self.counts,
            "counts_by_kind": self.counts_by_kind,
            "claims": [asdict(c) for c in self.claims],
        }


def sentence_verdict(claims: list[Claim]) -> Verdict:
    """One verdict for a sentence: false if any claim is, true if it has claims and all are true."""
    if any(c.verdict == "salah" for c in claims):
        return "salah"
    if claims and all(c.verdict == "benar" for c in claims):
        return "benar"
    return "tidak dapat diverifikasi"


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
