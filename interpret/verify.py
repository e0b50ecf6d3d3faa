"""Stage 5 (compatibility path): the verifier lives in `interpret.verification`; import it from here or there."""

from .verification import KINDS, VERDICTS, Claim, Verdict, VerificationReport, Verifier, sentence_verdict, split_sentences, verify_markdown

__all__ = ["Verifier", "verify_markdown", "VerificationReport", "Claim", "Verdict", "VERDICTS", "KINDS", "split_sentences", "sentence_verdict"]
