"""Read a model's answer: the first JSON object in it (code fences and prose around it are common),
validated against the answer contract in interpret/drafts.py (bounded sizes), then the checks a
schema cannot make, then the facts it cites substituted.

Numbers by reference: a model never types a number. It cites a fact as `{K2.UHH.mean}`; the
drafter writes that fact's own text in its place (`fact_text`, the rule-based drafter's formatting,
so the verifier reads it back). A digit the model typed itself (other than "Klaster N"), an unknown
ID, a label that is a sentence or cites a fact, a sentence about verification or the instructions
(the language's `[contract] meta_phrases`), or an oversize answer is a contract violation: the
message is what the repair prompt tells the model.

Written by hand because the answer is free text: `json.JSONDecoder.raw_decode` from each "{" finds
the object and ignores what follows it.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, TypeVar

from pydantic import BaseModel, ValidationError

from ..drafts import ANSWER_OF, MAX_ANSWER_CHARS, ClusterDraft, reference_problems
from ..verification.lexicon import load_lexicon, rx

if TYPE_CHECKING:
    from ..facts import Fact, Facts

Model = TypeVar("Model", bound=BaseModel)
_FENCE = re.compile(r"```(?:json|JSON)?\s*\n?(.*?)```", re.DOTALL)
REFERENCE = re.compile(r"\{\s*([A-Za-z][\w.\-]*)\s*\}")
_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")
_UNSIGNED = ("diff", "diff_pct", "diff_umean", "diff_pct_umean")  # written with a direction word ("3,6 % di atas"), as the rule-based drafter does
CONTRACT_LANGUAGE = "id"  # the prompts' language (interpret.language.DATA_LANGUAGE)


class DraftProblem(ValueError):
    """The answer cannot be used as a draft; the message is what a repair prompt tells the model."""


class ContractViolation(DraftProblem):
    """The answer parsed but broke the content contract (a typed number, unknown ID, meta claim, size).

    The message quotes the offending text for the repair prompt; `note` names the violations without
    quoting them, for the drafting notes the brief's appendix shows (a refused claim never ships)."""

    def __init__(self, message: str, note: str):
        super().__init__(message)
        self.note = note


def flat_schema(model: type[BaseModel], descriptions: bool = True) -> dict:
    """The model's JSON schema with every `$ref` inlined and titles dropped: one flat object a small
    model (and Ollama's `format`, watsonx's `response_format`) reads without `$defs`."""
    schema = model.model_json_schema()
    defs = schema.pop("$defs", {})

    def inline(node):
        if isinstance(node, dict):
            if "$ref" in node:
                return inline(dict(defs[node["$ref"].rsplit("/", 1)[-1]]))
            dropped = {"title"} if descriptions else {"title", "description"}
            return {k: inline(v) for k, v in node.items() if k not in dropped}
        if isinstance(node, list):
            return [inline(v) for v in node]
        return node

    return inline(schema)


def fact_text(fact: Fact, language) -> str:
    """A cited fact's text as the rule-based drafter writes it: a direction in words, a difference unsigned."""
    if fact.kind in {"direction", "direction_umean"}:
        return language.word("direction", fact.value)
    if fact.kind in _UNSIGNED:
        return fact.text.lstrip("+-−")
    return fact.text


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


def _validated(data: dict, model: type[Model]) -> Model:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        details = "; ".join(f"{'.'.join(str(p) for p in e['loc']) or '(akar)'}: {e['msg']}" for e in exc.errors()[:6])
        raise DraftProblem(f"JSON tidak sesuai skema: {details}") from None


def parse_draft(text: str, model: type[Model]) -> Model:
    """The draft in `text`, with no fact substitution (the rule-based drafts' own shape)."""
    return _validated(extract_json_object(text), model)


def _texts(answer: BaseModel) -> list[tuple[str, str]]:
    """(field, text) of every free text in an answer, the label first."""
    data = answer.model_dump()
    if "label" in data:
        return [("label", data["label"]), *(("karakteristik", t) for t in data["karakteristik"]),
                *(("rekomendasi", r["teks"]) for r in data["rekomendasi"])]
    return [*(("ringkasan", t) for t in data["ringkasan"]), *(("kesimpulan", t) for t in data["kesimpulan"])]


def content_problems(answer: BaseModel, fact_ids: set[str], k: int, lang: str = CONTRACT_LANGUAGE, quote: bool = True) -> list[str]:
    """The contract violations in an answer's texts, worded for the repair prompt (empty: none);
    `quote=False` elides what the model wrote (the drafting notes)."""
    lex = load_lexicon(lang)
    words = lex.contract
    cluster_number = rx(rf"{lex.cluster_word}\s+(\d+)\b")
    meta = [rx(p) for p in words.get("meta_phrases", [])]
    typed, unknown, problems = [], [], []
    for field, text in _texts(answer):
        cited = REFERENCE.findall(text)
        unknown.extend(i for i in cited if i not in fact_ids)
        bare = REFERENCE.sub(" ", text)
        bare = cluster_number.sub(lambda m: " " if 1 <= int(m.group(1)) <= k else m.group(0), bare)
        typed.extend(_DIGITS.findall(bare))
        if field == "label" and cited:
            problems.append(words["id_in_label"])
        if field == "label" and re.search(r"[.!?;:]\s*$|[.!?;]\s+\S", text.strip()):
            problems.append(words["label_sentence"])
        if any(p.search(text) for p in meta):
            problems.append(words["meta"].format(text=text[:120] if quote else "…"))
    if typed:
        example = next(iter(sorted(i for i in fact_ids if i.endswith(".mean"))), "K1.size")
        problems.append(words["literal_number"].format(example=example, numbers=", ".join(dict.fromkeys(typed)) if quote else "…"))
    if unknown:
        problems.append(words["unknown_id"].format(ids=", ".join(dict.fromkeys(unknown)) if quote else "…"))
    return list(dict.fromkeys(problems))


def substitute(text: str, facts: Facts, language) -> str:
    return REFERENCE.sub(lambda m: fact_text(facts.index[m.group(1)], language), text)


def parse_answer(text: str, draft_model: type[Model], facts: Facts, language, lang: str = CONTRACT_LANGUAGE) -> Model:
    """A model's answer as a draft: size-checked, validated, its content checked, its fact IDs replaced by the facts' texts."""
    if len(text) > MAX_ANSWER_CHARS:
        message = load_lexicon(lang).contract["too_long"].format(chars=len(text), limit=MAX_ANSWER_CHARS)
        raise ContractViolation(message, message)
    answer = _validated(extract_json_object(text), ANSWER_OF[draft_model])
    problems = content_problems(answer, set(facts.index), facts.k, lang)
    if problems:
        raise ContractViolation("; ".join(problems), "; ".join(content_problems(answer, set(facts.index), facts.k, lang, quote=False)))
    data = answer.model_dump()
    if "label" in data:
        data["karakteristik"] = [substitute(t, facts, language) for t in data["karakteristik"]]
        data["rekomendasi"] = [{**r, "teks": substitute(r["teks"], facts, language)} for r in data["rekomendasi"]]
    else:
        data = {key: [substitute(t, facts, language) for t in data[key]] for key in ("ringkasan", "kesimpulan")}
    return draft_model.model_validate(data)


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
