"""Claims, verdicts and the verification report, plus the sentence splitter every check shares."""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field

from ..sentences import split_sentences  # noqa: F401  (re-exported: interpret.verification.split_sentences)
from ..terms import ClaimKind, Verdict

# Language-neutral: a verdict's or a kind's words come from the lexicon (lexicon.verdict_word, kind_word).
VERDICTS: tuple[Verdict, ...] = tuple(Verdict)
KINDS: tuple[ClaimKind, ...] = tuple(ClaimKind)



@dataclass
class Claim:
    id: str
    kind: ClaimKind
    text: str  # the sentence or table row the claim is in
    value: str  # the number or phrase as written
    section: str
    cluster: int | None
    feature: str | None
    fact_id: str | None
    expected: str | None  # the fact as the brief would write it
    verdict: Verdict
    note: str = ""


@dataclass
class VerificationReport:
    claims: list[Claim] = field(default_factory=list)
    # Repair history: one dict per action of the pipeline or the LLM repair loop
    # ({"round", "action", "kalimat", and for a failing claim "klaim", "fakta", "nilai_fakta", "putusan"}).
    repairs: list[dict] = field(default_factory=list)
    # how cluster names were read when the text did not say so (lexicon [words] `inferred_*`): "Klaster 0" as Klaster 1, …
    inferred: list[str] = field(default_factory=list)

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
        return self.counts[Verdict.FALSE] == 0

    def failing(self) -> list[Claim]:
        return [c for c in self.claims if c.verdict != Verdict.TRUE]

    def false_claims(self) -> list[Claim]:
        return [c for c in self.claims if c.verdict == Verdict.FALSE]

    def describe_false(self, limit: int = 5) -> str:
        """The first false claims, each with the fact it contradicts: for an error message."""
        return "; ".join(f"'{c.value}' in \"{c.text[:80]}\" (fact {c.fact_id}: {c.expected})" for c in self.false_claims()[:limit])

    def to_dict(self) -> dict:
        return {
            "counts": self.counts,
            "counts_by_kind": self.counts_by_kind,
            "claims": [asdict(c) for c in self.claims],
            **({"inferred": list(self.inferred)} if self.inferred else {}),  # only when a mapping was inferred: old reports unchanged
        }


def sentence_verdict(claims: list[Claim]) -> Verdict:
    """One verdict for a sentence: false if any claim is, true if it has claims and all are true."""
    if any(c.verdict == Verdict.FALSE for c in claims):
        return Verdict.FALSE
    if claims and all(c.verdict == Verdict.TRUE for c in claims):
        return Verdict.TRUE
    return Verdict.UNVERIFIABLE
