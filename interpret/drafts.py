"""The draft contract: what every drafter (rule-based now, LLM later) must return.

A `ClusterDraft` per cluster and one `SummaryDraft`, validated with pydantic. Sectors must come from
the configured list (rules file), and every fact ID a recommendation cites must exist.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field


class Rekomendasi(BaseModel):
    model_config = ConfigDict(extra="forbid")

    sektor: str = Field(description="one of the configured sectors, e.g. bansos, UMKM, IKM")
    teks: str = Field(min_length=1)
    fakta: list[str] = Field(default_factory=list, description="fact IDs the recommendation relies on")


class ClusterDraft(BaseModel):
    model_config = ConfigDict(extra="forbid")

    klaster: int = Field(ge=1)
    label: str = Field(min_length=1, max_length=80)
    karakteristik: list[str] = Field(min_length=1)
    rekomendasi: list[Rekomendasi] = Field(min_length=1)


class SummaryDraft(BaseModel):
    model_config = ConfigDict(extra="forbid")

    ringkasan: list[str] = Field(min_length=1)
    kesimpulan: list[str] = Field(min_length=1)


# -- what a model may answer (interpret.llm): the drafts above, bounded, with facts cited by ID ------
# A model's text cites a fact as {ID} and never types a number; interpret.llm.parsing substitutes each
# fact's own text. The bounds make a runaway answer (thousands of sentences) a contract violation.
MAX_ANSWER_CHARS = 12_000  # the raw answer; a longer one is refused before it is parsed
MAX_SENTENCE_CHARS = 400
MAX_LABEL_CHARS = 80
_Sentence = Annotated[str, Field(min_length=1, max_length=MAX_SENTENCE_CHARS)]


class RekomendasiAnswer(BaseModel):
    model_config = ConfigDict(extra="forbid")

    sektor: str = Field(max_length=40, description="one of the configured sectors")
    teks: _Sentence = Field(description="one sentence; facts cited as {ID}")
    fakta: list[str] = Field(default_factory=list, max_length=8, description="IDs of the facts the recommendation relies on")


class ClusterAnswer(BaseModel):
    model_config = ConfigDict(extra="forbid")

    klaster: int = Field(ge=1)
    label: str = Field(min_length=1, max_length=MAX_LABEL_CHARS, description="a descriptive phrase, no number, no {ID}")
    karakteristik: list[_Sentence] = Field(min_length=1, max_length=8)
    rekomendasi: list[RekomendasiAnswer] = Field(min_length=1, max_length=4)


class SummaryAnswer(BaseModel):
    model_config = ConfigDict(extra="forbid")

    ringkasan: list[_Sentence] = Field(min_length=1, max_length=8)
    kesimpulan: list[_Sentence] = Field(min_length=1, max_length=6)


ANSWER_OF = {ClusterDraft: ClusterAnswer, SummaryDraft: SummaryAnswer}


@dataclass(frozen=True)
class SectionSource:
    """Who wrote a section: provider and model, and why other providers were skipped."""

    section: str  # "klaster-1", ..., "ringkasan"
    provider: str  # "rule-based", later "watsonx", "ollama"
    model: str
    notes: list[str] = field(default_factory=list)
    first_draft: str | None = None  # the provider of a first draft this section replaced (another language)


@dataclass
class Drafts:
    clusters: list[ClusterDraft]
    summary: SummaryDraft
    sources: list[SectionSource]
    llm: dict = field(default_factory=dict)  # chain status and token usage (interpret.llm), for result.json

    def cluster(self, number: int) -> ClusterDraft:
        return next(d for d in self.clusters if d.klaster == number)

    def to_list(self) -> list[dict]:
        by_section = {s.section: s for s in self.sources}
        items = []
        for draft in self.clusters:
            src = by_section[f"klaster-{draft.klaster}"]
            items.append({"section": src.section, "provider": src.provider, "model": src.model, "notes": src.notes, "content": draft.model_dump()})
        src = by_section["ringkasan"]
        items.append({"section": "ringkasan", "provider": src.provider, "model": src.model, "notes": src.notes, "content": self.summary.model_dump()})
        return items


def check_contract(drafts: Drafts, *, sectors: list[str], fact_ids: set[str], k: int) -> list[str]:
    """Problems that a schema alone cannot see: unknown sectors, unknown fact IDs, missing clusters."""
    problems = []
    numbers = sorted(d.klaster for d in drafts.clusters)
    if numbers != list(range(1, k + 1)):
        problems.append(f"drafts cover clusters {numbers}, expected 1..{k}")
    labels = [d.label.strip().lower() for d in drafts.clusters]
    if len(set(labels)) != len(labels):
        problems.append("cluster labels are not distinct")
    for draft in drafts.clusters:
        for sector, unknown in reference_problems(draft, sectors, fact_ids):
            if sector is not None:
                problems.append(f"Klaster {draft.klaster}: unknown sector '{sector}' (allowed: {', '.join(sectors)})")
            if unknown:
                problems.append(f"Klaster {draft.klaster}: unknown fact IDs {unknown}")
    return problems


def reference_problems(draft: ClusterDraft, sectors: list[str], fact_ids: set[str]) -> list[tuple[str | None, list[str]]]:
    """Per recommendation that cites wrongly: (its sector when that is not a configured one, else None;
    the fact IDs it cites that do not exist). The one check behind the whole-set contract above and the
    per-section check of a model's answer (interpret.llm.parsing), which word it for their readers."""
    found = []
    for rec in draft.rekomendasi:
        sector_known, unknown = check_references(rec, sectors, fact_ids)
        if not sector_known or unknown:
            found.append((None if sector_known else rec.sektor, unknown))
    return found


def check_references(rec: Rekomendasi, sectors: list[str], fact_ids: set[str]) -> tuple[bool, list[str]]:
    """(is the sector one of the configured ones, the cited fact IDs that do not exist)."""
    return rec.sektor.lower() in {s.lower() for s in sectors}, [f for f in rec.fakta if f not in fact_ids]
