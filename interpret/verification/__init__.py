"""Verification: every claim of a text (numbers, directions, ranks, membership, spread, stability,
policy consistency) checked against the facts. `Verifier(facts).verify_markdown(md)`."""

from .engine import Verifier, verify_markdown
from .report import KINDS, VERDICTS, Claim, VerificationReport, Verdict, sentence_verdict, split_sentences

__all__ = ["Verifier", "verify_markdown", "VerificationReport", "Claim", "Verdict", "VERDICTS", "KINDS", "split_sentences", "sentence_verdict"]
