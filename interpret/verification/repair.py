"""The one place that decides what happens to a claim that failed verification.

Three callers meet failing claims: the verify stage (a brief about to be written), the LLM chain (a
model's draft of one section) and the English brief. Each asks here:

    repair_action(claim, provider_can_repair)   REMOVE the sentence (false), MARK it (unverifiable),
                                                or ASK_PROVIDER to rewrite it (a model's draft)
    repair_drafts(drafts, failing, lang)        apply REMOVE / MARK to a Drafts object
    provider_repair_claims(failing)             the claims quoted in the model's repair prompt
    refuse_false_claims(report, what)           after every repair: a false claim left is a bug, not output
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from enum import StrEnum

from ..drafts import Drafts
from ..errors import InternalError
from ..terms import Verdict
from .lexicon import repair_word, verdict_word
from .report import Claim, VerificationReport


class RepairAction(StrEnum):
    REMOVE = "remove"  # a false sentence leaves the brief
    MARK = "mark"  # an unverifiable sentence stays, followed by the language's mark ("[belum terverifikasi]")
    ASK_PROVIDER = "ask_provider"  # a model wrote it: the model rewrites it, told the correct fact


def repair_action(claim: Claim, provider_can_repair: bool = False) -> RepairAction | None:
    """What to do with one claim; None for a true claim."""
    if claim.verdict == Verdict.TRUE:
        return None
    if provider_can_repair:
        return RepairAction.ASK_PROVIDER
    return RepairAction.REMOVE if claim.verdict == Verdict.FALSE else RepairAction.MARK


def unverified_mark(lang: str = "id", languages_dir: str | None = None) -> str:
    return repair_word("unverified_mark", lang, languages_dir)


def still_failing(report: VerificationReport, lang: str = "id", languages_dir: str | None = None) -> list[Claim]:
    """The failing claims not yet acted on: a marked sentence has been handled already."""
    mark = unverified_mark(lang, languages_dir)
    return [c for c in report.failing() if mark not in c.text]


def repair_drafts(drafts: Drafts, failing: Iterable[Claim], lang: str = "id", languages_dir: str | None = None) -> tuple[Drafts, list[dict]]:
    """(repaired Drafts, one record per action): the sentences of false claims removed, unverifiable ones marked.

    A record is {"action", "kalimat", "klaim", "fakta", "nilai_fakta", "putusan"}: the action and the
    verdict as the brief's words (the appendix and result.json show them), the claim that condemned
    the sentence (a false one wins over an unverifiable one).
    """
    failing = list(failing)
    mark = unverified_mark(lang, languages_dir)
    actions: list[dict] = []
    decided = {c.text: RepairAction.REMOVE for c in failing if repair_action(c) == RepairAction.REMOVE}
    for c in failing:
        decided.setdefault(c.text, RepairAction.MARK)
    first_failure = {}  # the claim that condemned each sentence, for the appendix's repair history
    for c in failing:
        if c.verdict == Verdict.FALSE or c.text not in first_failure:
            first_failure.setdefault(c.text, {"klaim": c.value, "fakta": c.fact_id, "nilai_fakta": c.expected or c.note,
                                              "putusan": verdict_word(c.verdict, lang, languages_dir)})
    removed = [s for s, a in decided.items() if a == RepairAction.REMOVE]
    marked = [s for s, a in decided.items() if a == RepairAction.MARK]

    def fix(text: str) -> str:
        for sentence in removed:
            if sentence in text:
                text = text.replace(sentence, "").strip()
                actions.append({"action": repair_word(RepairAction.REMOVE, lang, languages_dir), "kalimat": sentence, **first_failure[sentence]})
        for sentence in marked:
            if sentence in text and f"{sentence} {mark}" not in text:
                text = text.replace(sentence, f"{sentence} {mark}")
                actions.append({"action": repair_word(RepairAction.MARK, lang, languages_dir), "kalimat": sentence, **first_failure[sentence]})
        return re.sub(r"\s{2,}", " ", text)

    clusters = []
    for d in drafts.clusters:
        karakteristik = [t for t in (fix(s) for s in d.karakteristik) if t]
        recs = [r.model_copy(update={"teks": fix(r.teks)}) for r in d.rekomendasi]
        recs = [r for r in recs if r.teks] or d.rekomendasi[:0]
        clusters.append(d.model_copy(update={"karakteristik": karakteristik or ["(karakteristik dihapus karena tidak lolos verifikasi)"],
                                             "rekomendasi": recs or d.rekomendasi}))
    summary = drafts.summary.model_copy(
        update={
            "ringkasan": [t for t in (fix(s) for s in drafts.summary.ringkasan) if t],
            "kesimpulan": [t for t in (fix(s) for s in drafts.summary.kesimpulan) if t],
        }
    )
    return Drafts(clusters=clusters, summary=summary, sources=drafts.sources, llm=drafts.llm), actions


def provider_repair_claims(failing: Iterable[Claim], lang: str = "id") -> list[dict]:
    """The failing claims as the repair prompt quotes them. A false claim bound to a fact comes with that fact
    (the one the sentence is about: its id and its text) and the action "correct"; a claim bound to nothing
    comes with no fact and the action "delete". The model is never handed a number of another fact to copy."""
    quoted = []
    for c in failing:
        if repair_action(c, provider_can_repair=True) != RepairAction.ASK_PROVIDER:
            continue
        bound = c.verdict == Verdict.FALSE and c.fact_id is not None
        quoted.append({"kalimat": c.text, "angka_ditulis": c.value, "putusan": verdict_word(c.verdict, lang),
                       "tindakan": repair_word("correct" if bound else "delete", lang),
                       "id_fakta": c.fact_id if bound else None, "teks_fakta": (c.expected or "") if bound else "",
                       "alasan": c.note})
    return quoted


def describe_for_provider(failing: Iterable[Claim], limit: int = 6, lang: str = "id") -> str:
    """"'75,32' (salah; fakta K2.UHH.mean: 72,32 tahun); …": the drafting notes' summary of a repair."""
    return "; ".join(f"'{c.value}' ({verdict_word(c.verdict, lang)}; fakta {c.fact_id or '-'}: {c.expected or '-'})" for c in list(failing)[:limit])


def refuse_false_claims(report: VerificationReport, what: str, advice: str) -> None:
    """A text that still holds a false claim after its repairs is never written."""
    if not report.ok:
        raise InternalError(f"{what} still holds false claims after repair, so it is not written: {report.describe_false()}. {advice}")


__all__ = ["RepairAction", "describe_for_provider", "provider_repair_claims", "refuse_false_claims", "repair_action", "repair_drafts",
           "still_failing", "unverified_mark"]
