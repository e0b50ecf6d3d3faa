"""The pipeline: data → clustering → facts → drafts → verification → report → files.

`run_brief(settings)` is the one library call behind `interpret run`. Stages report progress through
an optional callback and never print.
"""

from __future__ import annotations

import hashlib
import io
import json
import platform
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from importlib import metadata
from pathlib import Path
from typing import Callable

import numpy as np
import pandas as pd

from clustering import Partition

from .config import Settings
from .data import Dataset, load_dataset
from .drafts import Drafts, check_contract
from .errors import InternalError
from .facts import Facts
from .output import write_atomically
from .rules import load_rules
from .verify import VerificationReport, Verifier

Progress = Callable[[str, str], None]  # (stage, message)
MAX_REPAIR_ROUNDS = 2
UNVERIFIED_MARK = "[belum terverifikasi]"


@dataclass
class BriefResult:
    dataset: Dataset
    partition: Partition
    facts: Facts
    drafts: Drafts
    verification: VerificationReport
    markdown: str
    html: str
    result: dict
    assignments: pd.DataFrame
    repairs: list[dict] = field(default_factory=list)
    out_dir: Path | None = None
    files: list[Path] = field(default_factory=list)
    charts: list = field(default_factory=list)  # reports.charts.Chart, embedded in the HTML


def run_brief(settings: Settings, progress: Progress | None = None, *, write: bool = True) -> BriefResult:
    """The whole run: each stage below is a function of its own, callable from Python."""
    say = progress or (lambda stage, message: None)

    dataset = load_dataset(settings.data, settings.spec)
    spec = dataset.spec
    say("data", f"{len(dataset.values)} {spec.unit_plural}, {len(spec.features)} indikator; pembanding: {dataset.reference.label}")

    partition, facts = stage_cluster(dataset, settings)
    say("clustering", f"{partition.method} ({partition.metric}) k = {partition.k}, {partition.n_init} inisialisasi, ukuran klaster {partition.sizes}")
    say("facts", f"{len(facts.index)} fakta")

    rules = load_rules(settings.rules)
    drafts = stage_draft(facts, rules, settings, say)
    say("draft", f"penyusun: {drafts.sources[0].provider} ({drafts.sources[0].model})")

    drafts, body, verification, repairs = stage_verify(facts, drafts)
    counts = verification.counts
    say("verify", f"{len(verification.claims)} klaim: {counts['benar']} benar, {counts['salah']} salah, {counts['tidak dapat diverifikasi']} tidak dapat diverifikasi")

    brief = stage_report(dataset, partition, facts, drafts, body, verification, repairs, rules, settings)
    if write:
        from reports.pdf import brief_pdf  # WeasyPrint (the `pdf` extra) loads only when a PDF is made

        out_dir = settings.out or Path("reports") / f"{spec.dataset.name}-{date.today().isoformat()}"
        files = output_files(brief)
        pdf, pdf_note = brief_pdf(brief.html, settings.pdf)
        if pdf is not None:
            files["brief.pdf"] = pdf
        say("report", ", ".join(files) + (f"; {pdf_note}" if pdf_note else ""))
        brief.files = write_atomically(out_dir, files)
        brief.out_dir = out_dir
    return brief


def stage_cluster(dataset: Dataset, settings: Settings) -> tuple[Partition, Facts]:
    """Scale, check assumptions, run the k panel (k = auto when neither --k nor the spec gives one),
    cluster, number the clusters, bootstrap the stability, build the facts: see interpret/analysis.py."""
    from .analysis import analyse

    return analyse(dataset, settings)


def stage_draft(facts: Facts, rules, settings: Settings, say: Progress | None = None) -> Drafts:
    """Write the drafts: the LLM chain (watsonx → Ollama), the rule-based drafter as its last fallback."""
    from .llm import draft_with_chain  # LangChain loads only when a provider is actually tried

    drafts = draft_with_chain(facts, rules, settings, say)
    problems = check_contract(drafts, sectors=rules.book.sektor, fact_ids=set(facts.index), k=facts.k)
    if problems:
        raise InternalError("The drafts break their contract: " + "; ".join(problems) + ". This is a bug in a drafter: please report it.")
    return drafts


def stage_verify(facts: Facts, drafts: Drafts) -> tuple[Drafts, str, VerificationReport, list[dict]]:
    """Render the body, verify every claim, remove false sentences and mark unverifiable ones."""
    from reports import render_body  # the report layer imports interpret: import it late

    verifier = Verifier(facts)
    repairs: list[dict] = []
    for round_number in range(MAX_REPAIR_ROUNDS + 1):
        body = render_body(facts, drafts)
        verification = verifier.verify_markdown(body)
        failing = [c for c in verification.failing() if UNVERIFIED_MARK not in c.text]
        if not failing or round_number == MAX_REPAIR_ROUNDS:
            break
        drafts, actions = enforce_verdicts(drafts, failing)
        if not actions:
            break
        repairs.extend({"round": round_number + 1, **a} for a in actions)
    if not verification.ok:
        raise InternalError(
            "The brief still holds false claims after repair, so it is not written: "
            + verification.describe_false()
            + ". This is a bug in a template or drafter: please report it with result.json of a --provider none run."
        )
    verification.repairs = repairs  # the appendix lists them beside the claims
    return drafts, body, verification, repairs


def stage_report(dataset, partition, facts, drafts, body, verification, repairs, rules, settings) -> BriefResult:
    """Appendix, HTML, result.json and the assignment table, all in memory."""
    from reports import render_appendix, render_html

    if settings.lang == "en":  # the English brief: drafted from the facts in English, verified in English
        from reports.english import english_brief

        drafts, body, verification = english_brief(facts, rules, drafts)
        repairs = []  # result.json's verification describes brief.md: the English text needed none
    generated = datetime.now(timezone.utc).replace(microsecond=0)
    provenance = build_provenance(dataset, settings, rules, facts, drafts, generated)
    markdown = body + render_appendix(facts, drafts, verification, provenance, lang=settings.lang)
    from reports.figures import build_charts, charts_summary

    charts = build_charts(dataset, partition, facts, drafts, lang=settings.lang, geojson=settings.geojson)
    html = render_html(markdown, title=dataset.spec.dataset.title, charts=charts, lang=settings.lang)
    assignments = assignment_table(dataset, partition, drafts)
    result = result_document(facts, drafts, verification, repairs, provenance)
    result["charts"] = charts_summary(charts)
    brief = BriefResult(dataset, partition, facts, drafts, verification, markdown, html, result, assignments, repairs)
    brief.charts = charts
    return brief


def output_files(brief: BriefResult) -> dict[str, str | bytes]:
    """File name → content, for `write_atomically`."""
    csv_buffer = io.StringIO()
    brief.assignments.to_csv(csv_buffer, index=False)
    return {
        "brief.md": brief.markdown,
        "brief.html": brief.html,
        "result.json": json.dumps(brief.result, ensure_ascii=False, indent=2, default=_json_default) + "\n",
        "assignments.csv": csv_buffer.getvalue(),
    }


def enforce_verdicts(drafts: Drafts, failing) -> tuple[Drafts, list[dict]]:
    """Remove sentences with a false number or direction; mark those that cannot be verified."""
    actions = []
    false_texts = {c.text for c in failing if c.verdict == "salah"}
    unverified = {c.text for c in failing if c.verdict == "tidak dapat diverifikasi"} - false_texts
    first_failure = {}  # the claim that condemned each sentence, for the appendix's repair history
    for c in failing:
        if c.verdict == "salah" or c.text not in first_failure:
            first_failure.setdefault(c.text, {"klaim": c.value, "fakta": c.fact_id, "nilai_fakta": c.expected or c.note, "putusan": c.verdict})

    def fix(text: str) -> str:
        for sentence in false_texts:
            if sentence in text:
                text = text.replace(sentence, "").strip()
                actions.append({"action": "dihapus", "kalimat": sentence, **first_failure[sentence]})
        for sentence in unverified:
            if sentence in text and f"{sentence} {UNVERIFIED_MARK}" not in text:
                text = text.replace(sentence, f"{sentence} {UNVERIFIED_MARK}")
                actions.append({"action": "ditandai", "kalimat": sentence, **first_failure[sentence]})
        return re.sub(r"\s{2,}", " ", text)

    clusters = []
    for d in drafts.clusters:
        karakteristik = [t for t in (fix(s) for s in d.karakteristik) if t]
        recs = [r.model_copy(update={"teks": fix(r.teks)}) for r in d.rekomendasi]
        recs = [r for r in recs if r.teks] or d.rekomendasi[:0]
        clusters.append(d.model_copy(update={"karakteristik": karakteristik or ["(karakteristik dihapus karena tidak lolos verifikasi)"], "rekomendasi": recs or d.rekomendasi}))
    summary = drafts.summary.model_copy(
        update={
            "ringkasan": [t for t in (fix(s) for s in drafts.summary.ringkasan) if t],
            "kesimpulan": [t for t in (fix(s) for s in drafts.summary.kesimpulan) if t],
        }
    )
    return Drafts(clusters=clusters, summary=summary, sources=drafts.sources, llm=drafts.llm), actions


def assignment_table(dataset: Dataset, partition: Partition, drafts: Drafts) -> pd.DataFrame:
    labels = {d.klaster: d.label for d in drafts.clusters}
    table = dataset.values.copy()
    numbers = partition.labels + 1
    table.insert(0, "label", [labels[n] for n in numbers])
    table.insert(0, "klaster", numbers)
    table.index.name = dataset.spec.id.column
    return table.reset_index()


def build_provenance(dataset: Dataset, settings: Settings, rules, facts: Facts, drafts: Drafts, generated: datetime) -> dict:
    spec_path = settings.spec
    from .data import default_spec_path

    spec_file = Path(spec_path) if spec_path else default_spec_path()
    versions = {name: _version(name) for name in ("interpret", "pandas", "numpy", "scikit-learn", "jinja2", "babel", "matplotlib", "weasyprint")}
    return {
        "data_file": dataset.path.name,
        "data_sha256": dataset.sha256,
        "data_bytes": dataset.size_bytes,
        "spec_file": spec_file.name,
        "spec_sha256": hashlib.sha256(spec_file.read_bytes()).hexdigest(),
        "rules_sha256": rules.sha256,
        "standardization": {"zscore": "zscore (ddof=1)", "minmax": "minmax", "robust": "robust (median, IQR)"}.get(
            facts.method.get("standardization", "zscore"), facts.method.get("standardization")),
        "method": facts.method["algorithm"],
        "k": facts.method["k"],
        "seed": facts.method["seed"],
        "n_init": facts.method["n_init"],
        "drafting": ", ".join(sorted({f"{s.provider} ({s.model})" for s in drafts.sources})),
        "prompts_dir": str(settings.prompts) if settings.prompts else None,  # an edited copy (--prompts), else the shipped prompts/
        "python": platform.python_version(),
        **{f"version_{k}": v for k, v in versions.items()},
        "generated_at": generated.isoformat(),
    }


def result_document(facts: Facts, drafts: Drafts, verification: VerificationReport, repairs: list[dict], provenance: dict) -> dict:
    labels = {d.klaster: d.label for d in drafts.clusters}
    facts_dict = facts.to_dict()
    clusters = []
    for c, raw in zip(facts.clusters, facts_dict["clusters"]):
        clusters.append(
            {
                "id": c.id,
                "number": c.number,
                "label": labels[c.number],
                "size": c.size,
                "members": c.members,
                "small_n": c.small_n,
                "composite_rank": c.composite_rank,
                "features": raw["features"],
            }
        )
    return {
        "schema_version": 1,
        "dataset": facts.dataset,
        "k": facts.k,
        "seed": facts.method["seed"],
        "reference": facts.reference,
        "method": facts.method,
        "features": facts_dict["features"],
        "clusters": clusters,
        "analysis": facts.analysis,
        "drafts": drafts.to_list(),
        "verification": {**verification.to_dict(), "scope": "brief.md sebelum lampiran", "repairs": repairs},
        "llm": drafts.llm,
        "facts": facts_dict["facts"],
        "provenance": provenance,
    }


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "tidak terpasang"


def _json_default(value):
    if isinstance(value, (np.integer,)):
        return int(value)
    if isinstance(value, (np.floating,)):
        return float(value)
    if isinstance(value, Path):
        return str(value)
    raise TypeError(f"not JSON serializable: {type(value).__name__}")
