"""What the provenance appendix shows: where the data came from, how it was analysed, who wrote each
section (provider, model, prompt template and its hash, tokens), and the verification counts.

It reads what the run recorded (the provenance dict of result.json, the facts' method, the drafts'
sources and LLM usage) and shows what exists: a section a model drafted names its prompt template
and hash; a section the rule-based drafter wrote (also one redrafted in the brief's language after a
model's Indonesian first draft) names the rules file and its hash instead, never a prompt.
"""

from __future__ import annotations

import hashlib
from importlib import metadata, resources
from pathlib import Path

from interpret.language import DATA_LANGUAGE, Language, load_language
from interpret.progress import Note, console_language

LIBRARIES = ("interpret", "pandas", "numpy", "scikit-learn", "matplotlib", "jinja2", "babel", "markdown-it-py", "weasyprint")
# The prompt template each drafted section is rendered from (interpret.llm renders "cluster" per
# cluster and "summary" for the summary, each after "system").
SECTION_TEMPLATES = {"klaster": "cluster.j2", "ringkasan": "summary.j2"}


def library_versions() -> dict[str, str]:
    versions = {}
    for name in LIBRARIES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "–"
    return versions


def prompts_folder(provenance: dict) -> Path:
    custom = provenance.get("prompts_dir")
    return Path(custom) if custom else Path(str(resources.files("prompts")))


def _sha256(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def rule_based_providers(lang: Language) -> set[str]:
    """The names the rule-based drafter signs with: the facts' language's and the brief's."""
    return {load_language(DATA_LANGUAGE).t("drafter.provider"), lang.t("drafter.provider")}


def section_name(section: str, lang: Language) -> str:
    """A section's id ("klaster-2", "ringkasan") as the brief names it ("Cluster 2", "Executive summary")."""
    kind, _, number = section.partition("-")
    if kind == "klaster" and number.isdigit():
        return lang.t("brief.cluster_name", n=int(number))
    return lang.t("brief.summary_heading") if kind == "ringkasan" else section


def _worded(note, lang: Language) -> str:
    """A drafting note in the brief's language: the chain's notes are `Note`s (console.toml [note] source_*);
    a note read back from result.json, or a provider's own text, is shown as it is."""
    return note.worded(console_language(lang)) if isinstance(note, Note) else str(note)


def section_rows(drafts, provenance: dict, lang: Language | str = DATA_LANGUAGE) -> list[dict]:
    """One row per drafted section: provider, model, how its text was made (a model's prompt
    template and its SHA-256, or the rules file and its SHA-256), tokens, notes."""
    lang = load_language(lang)
    calls = (getattr(drafts, "llm", None) or {}).get("calls", [])
    folder = prompts_folder(provenance)
    rule_based = rule_based_providers(lang)
    rows = []
    for source in drafts.sources:
        # a section redrafted in the brief's language still owes its model calls to its first draft
        writers = {source.provider, getattr(source, "first_draft", None)}
        mine = [c for c in calls if c.get("section") == source.section and c.get("provider") in writers]
        template = getattr(source, "prompt_template", None)
        digest = getattr(source, "prompt_sha256", None)
        if source.provider in rule_based:
            # the text is the rule-based drafter's: no prompt made it, whatever a first draft cost
            rules = provenance.get("rules_file")
            template = lang.t("provenance.rule_based_template", file=rules) if rules else lang.t("provenance.rule_based_unnamed")
            digest = provenance.get("rules_sha256")
        else:
            template = template or SECTION_TEMPLATES.get(source.section.split("-")[0])
            if template and digest is None:
                digest = _sha256(folder / template)
        prompt_tokens = sum(int(c.get("prompt_tokens", 0)) for c in mine if not c.get("cached"))
        completion_tokens = sum(int(c.get("completion_tokens", 0)) for c in mine if not c.get("cached"))
        rows.append(
            {
                "section": source.section,
                "name": section_name(source.section, lang),
                "provider": source.provider,
                "model": source.model,
                "template": template or "–",
                "template_sha256": digest or "–",
                "tokens": f"{prompt_tokens} / {completion_tokens}" if mine else "–",
                "calls": len(mine),
                "notes": "; ".join(_worded(note, lang) for note in source.notes) if source.notes else "–",
            }
        )
    return rows


def provenance_view(facts, drafts, verification, provenance: dict, lang: Language | str = DATA_LANGUAGE) -> dict:
    """Everything Lampiran B shows, as plain values for the template."""
    method = facts.method
    return {
        "data_file": provenance.get("data_file", facts.dataset.file),
        "data_bytes": provenance.get("data_bytes", facts.dataset.size_bytes),
        "data_sha256": provenance.get("data_sha256", facts.dataset.sha256),
        "spec_file": provenance.get("spec_file", "–"),
        "spec_sha256": provenance.get("spec_sha256", "–"),
        "rules_sha256": provenance.get("rules_sha256", "–"),
        "scaling": method.standardization,
        "pca": method.pca,
        "weighted": method.weighted,
        "weight_column": method.weight_column,
        "algorithm": method.algorithm,
        "metric": method.metric,
        "n_init": method.n_init,
        "k": method.k,
        "k_reason": method.k_reason,  # the spec's own reason; the template words the others by k_source
        "k_source": method.k_source,
        "seed": method.seed,
        "counts": verification.counts,
        "n_claims": len(verification.claims),
        "generated_at": provenance.get("generated_at", "–"),
        "python": provenance.get("python", "–"),
        "versions": library_versions(),
        "sections": section_rows(drafts, provenance, lang),
        "llm_totals": (getattr(drafts, "llm", None) or {}).get("totals"),
    }
