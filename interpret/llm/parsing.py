"""Read a model's answer: the first JSON object in it (code fences and prose around it are common),
validated against the draft contract in interpret/drafts.py plus the checks a schema cannot make
(the right cluster number, sectors from the rules, fact IDs that exist).

Written by hand because the answer is free text: `json.JSONDecoder.raw_decode` from each "{" finds
the object and ignores what follows it.
"""

from __future__ import annotations

import json
import re
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from ..drafts import ClusterDraft, reference_problems

Model = TypeVar("Model", bound=BaseModel)
_FENCE = re.compile(r"```(?:json|JSON)?\s*\n?(.*?)```", re.DOTALL)


class DraftProblem(ValueError):
    """The answer cannot be used as a draft; the message is what a repair prompt tells the model."""


def extract_json_object(text: str) -> dict:
    candidates = [m.group(1) for m in _FENCE.finditer(text)] + [text]
    decoder = json.JSONDecoder()
    for candidate in candidates:
        for match in re.finditer(r"\{", candidate):
            try:
                value, _ = decoder.raw_decode(candidate, match.start())
            except json.JSONDecodeError:
                continue
            if isinstance(value, dict):
                return value
    raise DraftProblem("jawaban tidak memuat objek JSON yang valid")


def parse_draft(text: str, model: type[Model]) -> Model:
    data = extract_json_object(text)
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        details = "; ".join(f"{'.'.join(str(p) for p in e['loc']) or '(akar)'}: {e['msg']}" for e in exc.errors()[:6])
        raise DraftProblem(f"JSON tidak sesuai skema: {details}") from None


def contract_problems(draft: BaseModel, *, number: int | None, sectors: list[str], fact_ids: set[str]) -> list[str]:
    """What the schema cannot see, for one section (check_contract in drafts.py does the whole set)."""
    problems = []
    if isinstance(draft, ClusterDraft):
        if number is not None and draft.klaster != number:
            problems.append(f'"klaster" harus {number}, bukan {draft.klaster}')
        for sector, unknown in reference_problems(draft, sectors, fact_ids):
            if sector is not None:
                problems.append(f"sektor '{sector}' tidak dikenal (pilih dari: {', '.join(sectors)})")
            if unknown:
                problems.append(f"ID fakta tidak dikenal: {', '.join(unknown)}")
    return problems
