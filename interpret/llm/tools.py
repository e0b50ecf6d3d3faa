"""Library side of `interpret prompts …`: the contexts the chain would build for a real run, the
messages a prompt would send, and the checks of a prompts folder."""

from __future__ import annotations

from ..drafting import draft_rule_based
from ..errors import ConfigError
from .context import cluster_context, summary_context
from .prompts import PromptLibrary, check_library


def run_facts(settings):
    """Facts and rules of the run these settings describe (data, spec, k, seed, rules)."""
    from ..data import load_dataset
    from ..pipeline import stage_cluster
    from ..rules import load_rules

    dataset = load_dataset(settings.data, settings.spec)
    _, facts = stage_cluster(dataset, settings)
    return facts, load_rules(settings.rules)


def contexts_for(facts, rules, cluster: int = 1) -> dict[str, dict]:
    """The context each prompt is rendered with, as the chain builds it (cluster labels of other
    clusters and the summary's labels are the rule-based ones, the chain's working labels)."""
    if not 1 <= cluster <= facts.k:
        raise ConfigError(f"--cluster {cluster}: this run has clusters 1..{facts.k}. Pass --cluster N with N in that range.")
    sectors = rules.book.sektor
    rule_based = draft_rule_based(facts, rules)
    labels = {d.klaster: d.label for d in rule_based.clusters}
    cluster_ctx = cluster_context(facts, cluster, sectors, labels)
    example_claim = {"kalimat": "Umur harapan hidup rata-rata 99,99 tahun.", "angka_ditulis": "99,99", "putusan": "salah",
                     "id_fakta": f"K{cluster}.{facts.features[0].name}.mean", "fakta_benar": facts.index[f"K{cluster}.{facts.features[0].name}.mean"].text}
    return {
        "system": cluster_ctx,
        "cluster": cluster_ctx,
        "summary": summary_context(facts, sectors, rule_based.clusters),
        "repair_json": {**cluster_ctx, "problem": "jawaban tidak memuat objek JSON yang valid"},
        "repair_facts": {**cluster_ctx, "claims": [example_claim]},
    }


def render_prompt(settings, name: str, cluster: int = 1) -> list[dict]:
    facts, rules = run_facts(settings)
    library = PromptLibrary(settings.prompts)
    contexts = contexts_for(facts, rules, cluster)
    if name not in contexts:
        contexts[name] = contexts["cluster"]  # an author's extra template: render it with the cluster variables
    return library.render(name, contexts[name])


def check_prompts(settings) -> list[str]:
    facts, rules = run_facts(settings)
    library = PromptLibrary(settings.prompts)
    return check_library(library, contexts_for(facts, rules), rules.book.sektor)
