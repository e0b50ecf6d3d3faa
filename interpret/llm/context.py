"""The variables a prompt template sees, built from the facts object (catalogued in prompts/README.md).

Values that come from the user's table (unit names, titles, labels) are data, not instructions: the
templates put them only inside a `<data>` … `</data>` block, rendered with the `data` filter, which
writes JSON and escapes "<" and ">" so no value can close the block or open another one.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from ..drafts import ClusterDraft, SummaryDraft

if TYPE_CHECKING:  # only types here: the facts module loads pandas, which `interpret prompts list` does not need
    from ..facts import Fact, Facts

FEATURE_STATS = ("mean", "median", "min", "max", "diff", "diff_pct", "rank", "direction")


def data_json(value: Any) -> str:
    """JSON for a data block: readable, and no "<"/">" so a value cannot end the block."""
    text = json.dumps(value, ensure_ascii=False, indent=2, default=str)
    return text.replace("<", "\\u003c").replace(">", "\\u003e")


def _prompt_language():
    """The prompts' language ("id"): imported on use, so `interpret prompts list` does not load Babel."""
    from ..language import DATA_LANGUAGE, load_language

    return load_language(DATA_LANGUAGE)


def _fact_text(fact: Fact) -> str:
    """A fact as the Indonesian prompt shows it: a direction fact's Direction in words ("di atas")."""
    return _prompt_language().word("direction", fact.value) if fact.kind == "direction" else fact.text


def _fact_rows(facts: Facts, ids: list[str]) -> list[dict]:
    return [{"id": fid, "teks": _fact_text(facts.index[fid])} for fid in ids if fid in facts.index]


def common_context(facts: Facts, sectors: list[str]) -> dict:
    ds = facts.dataset
    return {
        "dataset": {k: getattr(ds, k) for k in ("name", "title", "source", "year", "unit", "unit_plural", "n_units")},
        "reference": {"label": facts.reference.label, "phrase": _prompt_language().reference_phrase(facts), "kind": facts.reference.kind},
        "features": [
            {"name": f.name, "label": f.label, "unit": f.unit, "direction": f.direction, "decimals": f.decimals, "theme": f.theme}
            for f in facts.features
        ],
        "k": facts.k,
        "sectors": list(sectors),
    }


def cluster_context(facts: Facts, number: int, sectors: list[str], other_labels: dict[int, str]) -> dict:
    """Everything one cluster prompt may use; `cluster_data` is the whole data block."""
    c = facts.cluster(number)
    base = f"K{number}"
    ids = [f"{base}.size", "DATA.n_units"]
    for f in facts.features:
        ids.append(f"REF.{f.name}")
        ids.extend(f"{base}.{f.name}.{stat}" for stat in FEATURE_STATS)
    fact_rows = _fact_rows(facts, ids)
    others = [{"klaster": n, "label": label} for n, label in sorted(other_labels.items()) if n != number]
    cluster = {
        "number": c.number,
        "size": c.size,
        "members": list(c.members),
        "small_n": c.small_n,
        "composite_rank": c.composite_rank,
        "features": {
            f.name: {
                "label": f.label,
                **{stat: _fact_text(facts.index[f"{base}.{f.name}.{stat}"]) for stat in FEATURE_STATS},
                "better": c.features[f.name].better,
            }
            for f in facts.features
        },
    }
    context = common_context(facts, sectors)
    context.update(
        {
            "cluster": cluster,
            "facts": fact_rows,
            "other_labels": others,
            "schema": json.dumps(ClusterDraft.model_json_schema(), ensure_ascii=False),
        }
    )
    context["cluster_data"] = {
        "dataset": context["dataset"],
        "pembanding": context["reference"],
        "indikator": context["features"],
        "klaster": cluster,
        "fakta": fact_rows,
        "label_klaster_lain": others,
    }
    return context


def summary_context(facts: Facts, sectors: list[str], drafts: list[ClusterDraft]) -> dict:
    """The executive-summary prompt: the run's method facts and every cluster's label and sectors."""
    ids = ["DATA.n_units", "DATA.year", "RUN.k", "FIT.between_pct"] + [f"REF.{f.name}" for f in facts.features]
    clusters = []
    for d in sorted(drafts, key=lambda d: d.klaster):
        c = facts.cluster(d.klaster)
        clusters.append(
            {
                "klaster": d.klaster,
                "label": d.label,
                "size": c.size,
                "members": list(c.members),
                "composite_rank": c.composite_rank,
                "unggul": [f.name for f in facts.features if c.features[f.name].better is True],
                "tertinggal": [f.name for f in facts.features if c.features[f.name].better is False],
                "sektor": list(dict.fromkeys(r.sektor for r in d.rekomendasi)),
                "fakta": _fact_rows(facts, [f"K{d.klaster}.size"] + [f"K{d.klaster}.{f.name}.mean" for f in facts.features]),
            }
        )
    context = common_context(facts, sectors)
    context.update(
        {
            "clusters": clusters,
            "facts": _fact_rows(facts, ids),
            "schema": json.dumps(SummaryDraft.model_json_schema(), ensure_ascii=False),
        }
    )
    context["summary_data"] = {
        "dataset": context["dataset"],
        "pembanding": context["reference"],
        "indikator": context["features"],
        "fakta": context["facts"],
        "klaster": clusters,
    }
    return context
