"""The end of a run: the key message and the warnings, gathered from the pipeline's results."""

from __future__ import annotations

import copy
import dataclasses

from interpret.drafts import SectionSource
from interpret.progress import console_language
from interpret.run_summary import headline, run_warnings, verification_line


def test_the_headline_is_the_first_sentence_of_the_summary(default_brief):
    first = headline(default_brief)
    assert first and default_brief.drafts.summary.ringkasan[0].startswith(first) and first.endswith(".")
    assert len(first) < len(default_brief.drafts.summary.ringkasan[0])


def test_unstable_clusters_and_k_against_the_consensus_are_warned(default_brief):
    facts = default_brief.facts
    warnings = run_warnings(default_brief, console_language("id"))
    unstable = facts.stability.unstable_clusters
    assert unstable, "the default brief (seed 42, k = 4) has unstable clusters"
    for number in unstable:
        assert any(w.startswith(f"Klaster {number} tidak stabil") for w in warnings)
    assert facts.k_selection.chosen_k != facts.k
    assert any(f"k = {facts.k} (dari spesifikasi data)" in w and f"k = {facts.k_selection.chosen_k}" in w for w in warnings)
    assert not any("rule-based" in w for w in warnings)  # provider = none: rule-based was chosen, nothing fell back


def test_sections_that_fell_back_and_a_missing_pdf_are_warned(default_brief):
    brief = copy.copy(default_brief)
    brief.drafts = dataclasses.replace(default_brief.drafts, llm={"chain": [{"provider": "watsonx"}], "deadline_reached": True, "deadline_s": 120.0},
                                       sources=[SectionSource("klaster-1", "watsonx", "granite"), SectionSource("klaster-2", "rule-based", "aturan"),
                                                SectionSource("ringkasan", "rule-based (en)", "rules-en")])
    brief.pdf_missing = True
    warnings = run_warnings(brief, console_language("en"))
    assert "2 of 3 sections were drafted rule-based because the model providers were skipped or failed: cluster 2 and summary." in warnings
    assert "The LLM drafting deadline (120 s) ran out; the remaining sections were drafted rule-based." in warnings
    assert any(w.startswith("brief.pdf was not written: WeasyPrint is not installed (pip install 'interpret[pdf]')") for w in warnings)


def test_the_verification_line_is_in_the_run_language(default_brief):
    counts = default_brief.verification.counts
    line = verification_line(default_brief, console_language("en"))
    assert line.startswith(f"Verification: {len(default_brief.verification.claims)} claims — ") and f"{sum(counts.values())}" in line
