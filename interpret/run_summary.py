"""What the end of `interpret run` says besides the files: the brief's key message and the warnings
of the run, gathered from the result objects the pipeline returns (the stages never print).

Code decides what to warn about; the console catalogue (console.toml, [warning]) and the brief's
own caveat sentences (brief.toml, [caveat]) say how, in the run's language.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .language import Language
from .terms import Verdict

if TYPE_CHECKING:  # the pipeline's result: a type here, the pipeline imports the analysis stack
    from .pipeline import BriefResult

def headline(brief: BriefResult) -> str | None:
    """The brief's key message: the first sentence of its summary, as drafted and verified."""
    from .verification.report import split_sentences

    paragraphs = brief.drafts.summary.ringkasan if brief.drafts.summary else []
    sentences = split_sentences(paragraphs[0]) if paragraphs else []
    return sentences[0] if sentences else None


def run_warnings(brief: BriefResult, text: Language) -> list[str]:
    """Every warning of the run, in order: the method's caveats, k against the panel's consensus,
    unstable clusters, sections that fell back to the rule-based drafter, a PDF not written."""
    facts = brief.facts
    warnings = [_caveat(key, facts, text) for key in facts.method.caveats]
    selection = facts.k_selection
    if selection is not None and selection.k_source != "auto" and selection.chosen_k != facts.k:
        warnings.append(text.t("console.warning.k_differs", k=facts.k, consensus=selection.chosen_k,
                               source=text.t(f"console.k_source.{selection.k_source}")))
    stability = facts.stability
    if stability is not None:
        threshold = text.number(stability.unstable_jaccard, 2)
        for number in stability.unstable_clusters:
            warnings.append(text.t("console.warning.unstable", cluster=number, threshold=threshold,
                                   jaccard=text.number(stability.clusters[number].jaccard, 2)))
        if stability.all_unstable:
            warnings.append(text.t("console.warning.all_unstable", threshold=text.number(stability.stable_jaccard, 2)))
    warnings += _drafting_warnings(brief, text)
    if brief.pdf_missing:
        from reports.pdf import INSTALL_HINT

        warnings.append(text.t("console.warning.pdf_missing", install=INSTALL_HINT))
    return warnings


def _caveat(key: str, facts, text: Language) -> str:
    """A caveat of the method, in the brief's own sentence for it."""
    dropped = text.join(facts.method.dropped_features)
    return text.t(f"caveat.{key}", k=facts.k, n=facts.dataset.n_units, units=text.unit_noun(facts), features=dropped)


def _drafting_warnings(brief: BriefResult, text: Language) -> list[str]:
    """Sections a model was asked for but the rule-based drafter wrote; the drafting deadline."""
    llm = brief.drafts.llm or {}
    if not llm.get("chain"):  # no model was asked (provider = none): rule-based is the choice, not a fallback
        return []
    sources = brief.drafts.sources
    models = {entry["provider"] for entry in llm["chain"]}  # a section none of them wrote fell back ("rule-based", "rule-based (en)")
    fell_back = [s.section for s in sources if s.provider not in models]
    warnings = []
    if fell_back:
        warnings.append(text.t("console.warning.fell_back", n=len(fell_back), total=len(sources),
                               sections=text.join([_section_name(s, text) for s in fell_back])))
    if llm.get("deadline_reached"):
        warnings.append(text.t("console.warning.deadline", seconds=text.number(llm.get("deadline_s", 0), 0)))
    return warnings


def _section_name(section: str, text: Language) -> str:
    """ "klaster-2" → "cluster 2" in English; "ringkasan" → "summary"."""
    kind, _, number = section.partition("-")
    if kind == "klaster" and number.isdigit():
        return text.t("console.section.cluster", number=number)
    return text.lookup("console.section", section)


def usage_line(llm: dict, text: Language) -> str:
    """One console line from result.json's "llm" key, or "" when no model was asked."""
    totals = llm.get("totals") or {}
    calls, cached = totals.get("model_calls", 0), totals.get("cached_calls", 0)
    if not calls and not cached:
        return ""
    number = lambda key: text.number(totals.get(key, 0), 0)  # noqa: E731 - four of the same
    return text.t("console.end.tokens", calls=number("model_calls"), cached=number("cached_calls"), total=number("total_tokens"),
                  prompt=number("prompt_tokens"), completion=number("completion_tokens"))


def verification_line(brief: BriefResult, text: Language) -> str:
    """"Verifikasi: 559 klaim — 559 benar, 0 salah, 0 tidak dapat diverifikasi." in the run's language."""
    counts = brief.verification.counts
    return text.t("console.end.verification", claims=text.number(len(brief.verification.claims), 0),
                  **{v.value: text.number(counts[v], 0) for v in Verdict})


__all__ = ["headline", "run_warnings", "usage_line", "verification_line"]
