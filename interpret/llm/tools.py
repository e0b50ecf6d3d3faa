"""Library side of `interpret prompts …`: the contexts the chain would build for a run's facts, the
messages a prompt would send, and the checks of a prompts folder. The caller computes the facts
(the CLI, through the pipeline): this module never reaches back to the pipeline."""

from __future__ import annotations

from ..drafting import draft_rule_based
from ..errors import ConfigError
from .context import cluster_context, prompt_language, summary_context
from .plan import cluster_plans
from .prompts import PromptLibrary, check_library


def contexts_for(facts, rules, cluster: int = 1) -> dict[str, dict]:
    """The context each prompt is rendered with, as the chain builds it (cluster labels of other
    clusters and the summary's labels are the rule-based ones, the chain's working labels)."""
    if not 1 <= cluster <= facts.k:
        raise ConfigError(f"--cluster {cluster}: this run has clusters 1..{facts.k}. Pass --cluster N with N in that range.")
    sectors = rules.book.sektor
    rule_based = draft_rule_based(facts, rules)
    labels = {d.klaster: d.label for d in rule_based.clusters}
    plans = cluster_plans(rule_based, prompt_language())
    cluster_ctx = cluster_context(facts, cluster, sectors, labels, plans[cluster])
    example_claim = {"kalimat": "Umur harapan hidup rata-rata 99,99 tahun.", "angka_ditulis": "99,99", "putusan": "salah", "tindakan": "perbaiki",
                     "id_fakta": f"K{cluster}.{facts.features[0].name}.mean", "teks_fakta": facts.index[f"K{cluster}.{facts.features[0].name}.mean"].text,
                     "alasan": ""}
    return {
        "system": cluster_ctx,
        "cluster": cluster_ctx,
        "summary": summary_context(facts, sectors, rule_based.clusters, rules.book.keputusan),
        "repair_json": {**cluster_ctx, "problem": "jawaban tidak memuat objek JSON yang valid"},
        "repair_facts": {**cluster_ctx, "claims": [example_claim]},
    }


def render_prompt(facts, rules, prompts_dir, name: str, cluster: int = 1) -> list[dict]:
    library = PromptLibrary(prompts_dir)
    contexts = contexts_for(facts, rules, cluster)
    if name not in contexts:
        contexts[name] = contexts["cluster"]  # an author's extra template: render it with the cluster variables
    return library.render(name, contexts[name])


def check_prompts(facts, rules, prompts_dir) -> list[str]:
    library = PromptLibrary(prompts_dir)
    return check_library(library, contexts_for(facts, rules), rules.book.sektor)
