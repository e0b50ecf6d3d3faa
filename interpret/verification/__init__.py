"""Verification: every claim of a text (numbers, directions, ranks, membership, spread, stability,
policy consistency) checked against the facts. `Verifier(facts).verify_markdown(md)`.

Verdicts and kinds are language-neutral (`interpret.terms.Verdict`, `ClaimKind`); their words come
from the lexicon of a language (`verdict_word`, `kind_word`). How a failing claim is repaired is
decided in `repair.py`.
"""

from ..terms import ClaimKind, Verdict
from .engine import Verifier, verify_markdown
from .lexicon import kind_word, load_lexicon, repair_word, verdict_word
from .report import KINDS, VERDICTS, Claim, VerificationReport, sentence_verdict, split_sentences

__all__ = ["Verifier", "verify_markdown", "VerificationReport", "Claim", "Verdict", "ClaimKind", "VERDICTS", "KINDS", "split_sentences",
           "sentence_verdict", "verdict_word", "kind_word", "repair_word", "load_lexicon"]
