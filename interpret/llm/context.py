"""The variables a prompt template sees, built from the facts object (catalogued in prompts/README.md).

Values that come from the user's table (unit names, titles, labels) are data, not instructions: the
templates put them only inside a `<data>` … `</data>` block, rendered with the `data` filter, which
writes compact JSON and escapes "<" and ">" so no value can close the block or open another one.

The data block is compact (issue 13): each fact once, as `"ID": "text"` under `fakta`, and only the
fields a model uses; the system prompt explains each field once. A model cites a fact by its ID
(`{K2.UHH.mean}`) and never copies its number (interpret.llm.parsing substitutes the text).
"""

from __future__ import annotations

import json
import math
from typing import TYPE_CHECKING, Any

from ..drafts import ClusterAnswer, ClusterDraft, SummaryAnswer

if TYPE_CHECKING:  # only types here: the facts module loads pandas, which `interpret prompts list` does not need
    from ..facts import Facts

# The statistics of a cluster's indicator a model may cite (each a fact `K<n>.<indicator>.<stat>`).
FEATURE_STATS = ("mean", "diff", "diff_pct", "rank", "direction")
# Characters per token of these prompts: 2.79-2.87 measured with cl100k_base (Granite 4.0's vocabulary
# layout; benchmarks/prompt_size_bench.py); 2.4 leaves ~15 % for Granite 3.x's smaller 49 k vocabulary,
# which no offline package ships to measure (docs/llm.md, "Prompt size"). Ollama's num_ctx comes from it.
CHARS_PER_TOKEN = 2.4


def data_json(value: Any) -> str:
    """Compact JSON for a data block, with no "<"/">" so a value cannot end the block."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)
    return text.replace("<", "\\u003c").replace(">", "\\u003e")


def schema_json(model) -> str:
    """The flat answer schema as the prompt quotes it: without descriptions (the system prompt explains the fields)."""
    from .parsing import flat_schema

    return json.dumps(flat_schema(model, descriptions=False), ensure_ascii=False, separators=(",", ":"))


def estimated_tokens(messages: list[dict]) -> int:
    return math.ceil(sum(len(m["content"]) for m in messages) / CHARS_PER_TOKEN)


def context_window(messages: list[dict], max_tokens: int, repairs: int = 1) -> int:
    """Ollama's `num_ctx` for a conversation: the prompt, the answer and one repair turn (its answer
    again plus the repair prompt), rounded up to a multiple of 1 024 (Ollama's default 4 096 truncates
    an unbounded prompt silently)."""
    need = estimated_tokens(messages) + max_tokens * (1 + repairs) + 400 * repairs
    return max(2048, math.ceil(need / 1024) * 1024)


def prompt_language():
    """The prompts' language ("id"): imported on use, so `interpret prompts list` does not load Babel."""
    from ..language import DATA_LANGUAGE, load_language

    return load_language(DATA_LANGUAGE)


def _facts_of(facts: Facts, ids: list[str]) -> dict[str, str]:
    from .parsing import fact_text

    language = prompt_language()
    return {fid: fact_text(facts.index[fid], language) for fid in ids if fid in facts.index}


def common_context(facts: Facts, sectors: list[str]) -> dict:
    ds = facts.dataset
    return {
        "dataset": {k: getattr(ds, k) for k in ("name", "title", "source", "year", "unit", "unit_plural", "n_units")},
        "reference": {"label": facts.reference.label, "phrase": prompt_language().reference_phrase(facts), "kind": facts.reference.kind},
        "features": [{"name": f.name, "label": f.label, "unit": f.unit, "direction": f.direction} for f in facts.features],
        "k": facts.k,
        "sectors": list(sectors),
    }


def _indicators(facts: Facts) -> list[dict]:
    """Each indicator's code and label; `lebih_baik` only where a high value is not the better one
    (the usual case goes unsaid: a token per indicator per prompt)."""
    better = {"lower_is_better": "rendah", "neutral": "netral"}
    return [{"kode": f.name, "label": f.label, **({"lebih_baik": better[f.direction]} if f.direction in better else {})} for f in facts.features]


def cluster_context(facts: Facts, number: int, sectors: list[str], other_labels: dict[int, str], plan: list | None = None) -> dict:
    """Everything one cluster prompt may use; `cluster_data` is the whole data block. `plan` is the
    rule-based planner's recommendations for this cluster (interpret.llm.plan.Planned): the sectors,
    facts and planner parts a model's recommendations follow."""
    c = facts.cluster(number)
    base = f"K{number}"
    ids = [f"{base}.size", f"{base}.composite_rank"]
    for f in facts.features:
        ids.append(f"REF.{f.name}")
        ids.extend(f"{base}.{f.name}.{stat}" for stat in FEATURE_STATS)
    fact_rows = _facts_of(facts, ids)
    others = {str(n): label for n, label in sorted(other_labels.items()) if n != number}
    cluster = {
        "number": c.number,
        "size": c.size,
        "members": list(c.members),
        "small_n": c.small_n,
        "composite_rank": c.composite_rank,
        "unggul": [f.name for f in facts.features if c.features[f.name].better is True],
        "tertinggal": [f.name for f in facts.features if c.features[f.name].better is False],
    }
    context = common_context(facts, sectors)
    context.update({"cluster": cluster, "facts": fact_rows, "other_labels": others, "schema": schema_json(ClusterAnswer),
                    "section": "cluster"})
    block = {
        "klaster": c.number,
        "pembanding": context["reference"]["phrase"],
        "indikator": _indicators(facts),
        "unggul": cluster["unggul"],
        "tertinggal": cluster["tertinggal"],
        "fakta": fact_rows,
        "label_klaster_lain": others,
    }
    if plan:
        block["rencana"] = [item.as_data(prompt_language()) for item in plan]
    if facts.stability is not None and number in facts.stability.unstable_clusters:
        block["sementara"] = True
    if c.small_n:
        block["catatan"] = c.small_n
    context["plan"] = block.get("rencana", [])
    context["cluster_data"] = block
    return context


def summary_context(facts: Facts, sectors: list[str], drafts: list[ClusterDraft], decisions=None) -> dict:
    """The executive-summary prompt: the run's method facts, every cluster's label and sectors, and the
    priority decisions under the rules file's `[keputusan]` thresholds (`decisions`; the defaults when
    None), the same the rule-based summary writes: position, ties, provisional, small clusters."""
    from ..rules import Decisions
    from .plan import priorities

    decided = priorities(facts, decisions or Decisions())
    ids = ["DATA.n_units", "DATA.year", "RUN.k", "FIT.between_pct"] + [f"REF.{f.name}" for f in facts.features]
    clusters = []
    for d in sorted(drafts, key=lambda d: d.klaster):
        c = facts.cluster(d.klaster)
        ids.extend([f"K{d.klaster}.size"] + [f"K{d.klaster}.{f.name}.mean" for f in facts.features])
        clusters.append(
            {
                "klaster": d.klaster,
                "label": d.label,
                "peringkat": c.composite_rank,
                "unggul": [f.name for f in facts.features if c.features[f.name].better is True],
                "tertinggal": [f.name for f in facts.features if c.features[f.name].better is False],
                "sektor": list(dict.fromkeys(r.sektor for r in d.rekomendasi)),
                **decided[d.klaster],
            }
        )
    context = common_context(facts, sectors)
    context.update({"clusters": clusters, "facts": _facts_of(facts, ids), "schema": schema_json(SummaryAnswer), "section": "summary"})
    context["summary_data"] = {
        "pembanding": context["reference"]["phrase"],
        "indikator": _indicators(facts),
        "fakta": context["facts"],
        "klaster": clusters,
    }
    return context
