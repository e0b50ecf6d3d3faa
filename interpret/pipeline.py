"""The pipeline: data → clustering → facts → drafts → verification → report → files.

`run_brief(settings)` is the one library call behind `interpret run`. Stages report progress through
an optional callback and never print.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import platform
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from importlib import metadata
from pathlib import Path
from typing import Callable

import numpy as np
import pandas as pd

from clustering import Partition

from .config import Settings
from .csv_cells import neutralise
from .data import Dataset, load_dataset
from .drafting import CHAIN_LANGUAGE, gate_unstable, redraft
from .drafts import Drafts, check_contract
from .errors import ConfigError, InternalError
from .facts import SCHEMA_VERSION, Facts
from .language import Language, load_language
from .output import OutputLock, write_brief_set
from .progress import Note, Units
from .redaction import redact_secrets, register_settings
from .rules import load_rules
from .terms import Verdict
from .verification import VerificationReport, Verifier
from .verification.repair import refuse_false_claims, repair_drafts, still_failing

Progress = Callable[[str, str], None]  # (stage, message); an `advance(stage, done, total)` attribute, when present, hears the long steps
MAX_REPAIR_ROUNDS = 2
# result.json lists each cluster's members (and each unit's stability) only for tables up to this
# many units; beyond, the unit → cluster table is the assignments file, and result.json stays small.
RESULT_UNITS_MAX = 5_000


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
    pdf_html: str = ""  # the page brief.pdf is typeset from: brief.html with the verification summary (pdf_appendix)
    verification_html: str = ""  # verification.html: every claim, on a page of its own
    # engine = dask on a table the driver never holds: writes the assignments folder from the workers
    # (interpret.dask_run); `dataset`, `partition` and `assignments` are then a bounded sample's.
    write_assignments: Callable[[Path], Path] | None = None
    pdf_missing: bool = False  # pdf = auto and WeasyPrint is not installed: no brief.pdf


def run_brief(settings: Settings, progress: Progress | None = None, *, write: bool = True) -> BriefResult:
    """The whole run: each stage below is a function of its own, callable from Python."""
    say = progress or (lambda stage, message: None)
    language = brief_language(settings)
    if write:
        check_outputs(settings)
    rules = load_rules(settings.rules)  # before the clustering: a broken rules file must not wait for it

    from .dask_run import out_of_core_source

    source = out_of_core_source(settings)
    if source is not None:
        return _run_out_of_core(source, settings, say, language, rules, write)
    dataset = load_dataset(settings.data, settings.spec)
    spec = dataset.spec
    say("data", Note.of("data", n=len(dataset.values), units=Units(spec.dataset.unit, spec.unit_plural), features=len(spec.features), reference=dataset.reference.label))
    if not write:
        return build_brief(dataset, settings, say, language, rules)
    out_dir = settings.out or default_out_dir(spec.dataset.name)
    with OutputLock(out_dir):  # a second run into this folder waits, then refuses; a killed one is undone
        brief = build_brief(dataset, settings, say, language, rules)
        write_brief(brief, out_dir, settings, say)
    return brief


def _run_out_of_core(source, settings: Settings, say: Progress, language: Language, rules, write: bool) -> BriefResult:
    """engine = dask on a Parquet data set or a CSV: read, clustered and profiled on the cluster, which
    stays open until the workers have written the assignments (interpret.dask_run)."""
    from .dask_run import analyse_out_of_core, load_out_of_core, write_assignments
    from .engines import open_engine

    with open_engine(settings, say):
        table = load_out_of_core(*source[:2], settings, say)
        clustered = analyse_out_of_core(table, settings, say, advance=getattr(say, "advance", None))
        if not write:
            return build_brief(table.sample, settings, say, language, rules, clustered)
        out_dir = settings.out or default_out_dir(table.sample.spec.dataset.name)
        with OutputLock(out_dir):
            brief = build_brief(table.sample, settings, say, language, rules, clustered)
            labels = {d.klaster: d.label for d in brief.drafts.clusters}
            brief.write_assignments = lambda folder: write_assignments(table, folder, labels)
            write_brief(brief, out_dir, settings, say)
        return brief


def default_out_dir(dataset_name: str) -> Path:
    """./briefs/<dataset>-<date>/ in the working folder (never inside the source package reports/)."""
    return Path("briefs") / f"{dataset_name}-{date.today().isoformat()}"


def build_brief(dataset: Dataset, settings: Settings, say: Progress, language: Language, rules, clustered=None) -> BriefResult:
    """Every stage after loading, in memory: nothing is written. `clustered`: (partition, facts)
    already computed (engine = dask on a table the driver never holds)."""
    register_settings(settings)  # the configured key and ids are masked in every file the brief makes
    partition, facts = clustered or stage_cluster(dataset, settings, say)
    for key in facts.method.caveats:
        if key != "low_msa_dropped":
            say("warning", language.t(f"caveat.{key}", k=facts.k, n=facts.dataset.n_units, units=language.unit_noun(facts), features=""))
    say("clustering", Note.of("clustering", method=partition.method, metric=partition.metric, k=partition.k, n_init=partition.n_init,
                              sizes=[c.size for c in facts.clusters]))  # every unit's, also on Dask
    say("facts", Note.of("facts", n=len(facts.index)))

    drafts = stage_draft(facts, rules, settings, say, language)
    say("draft", Note.of("draft", provider=drafts.sources[0].provider, model=drafts.sources[0].model))

    drafts, body, verification, repairs = stage_verify(facts, drafts, language, status=getattr(settings, "review_status", None) or "draft")
    counts = verification.counts
    say("verify", Note.of("verify", claims=len(verification.claims), **{v.value: counts[v] for v in Verdict}))

    return stage_report(dataset, partition, facts, drafts, body, verification, repairs, rules, settings, language)


def write_brief(brief: BriefResult, out_dir: Path, settings: Settings, say: Progress) -> None:
    """The files of the brief, as one set (interpret/output.py); the caller holds the folder's lock."""
    from reports.pdf import brief_pdf  # WeasyPrint (the `pdf` extra) loads only when a PDF is made

    brief.markdown, brief.html = redact_secrets(brief.markdown), redact_secrets(brief.html)  # the last guard, before the PDF too
    brief.pdf_html = redact_secrets(brief.pdf_html or brief.html)
    files = output_files(brief)
    if brief.write_assignments is not None:  # the workers write it, below: not the sample's table
        files = {name: content for name, content in files.items() if not name.startswith("assignments.")}
    pdf, pdf_note = brief_pdf(brief.pdf_html, settings.pdf)
    if pdf is not None:
        files["brief.pdf"] = pdf
    brief.pdf_missing = pdf_note is not None  # said at the end of the run, with the warnings
    say("report", Note.of("report_no_pdf" if pdf_note else "report", files=", ".join(files)))
    brief.files = write_brief_set(out_dir, files)
    brief.out_dir = out_dir
    if brief.write_assignments is not None:
        written = brief.write_assignments(Path(out_dir))
        brief.files.append(written)
        say("report", Note.of("report_dask", file=written.name))


def check_outputs(settings: Settings) -> None:
    """What would fail only after the clustering, checked first: the output folder, WeasyPrint for an
    explicit --pdf, the GeoJSON file."""
    out = settings.out
    if out is not None:
        blocker = next((p for p in [Path(out), *Path(out).parents] if p.exists()), None)
        if blocker is not None and not blocker.is_dir():
            raise ConfigError(f"Output folder {out} cannot be made: {blocker} is a file. Choose another --out.")
        if blocker is not None and not os.access(blocker, os.W_OK | os.X_OK):
            raise ConfigError(f"Output folder {out} cannot be written: {blocker} is not writable. Choose another --out.")
    if settings.pdf == "on":
        from reports.pdf import pdf_available, missing_message

        if not pdf_available():
            raise ConfigError(missing_message() + " Or run with --no-pdf.")
    if settings.geojson is not None:
        from reports.maps import read_geojson

        read_geojson(Path(settings.geojson))


def stage_cluster(dataset: Dataset, settings: Settings, progress: Progress | None = None) -> tuple[Partition, Facts]:
    """Scale, check assumptions, run the k panel (k = auto when neither --k nor the spec gives one),
    cluster, number the clusters, bootstrap the stability, build the facts: see interpret/analysis.py."""
    from .analysis import analyse

    return analyse(dataset, settings, advance=getattr(progress, "advance", None), progress=progress)


def facts_of_data(settings: Settings) -> tuple[Facts, pd.DataFrame]:
    """The facts of a fresh clustering (no drafting, no report) and the unit values: `interpret verify`
    without --run, `interpret prompts render|check`."""
    dataset = load_dataset(settings.data, settings.spec)
    _, facts = stage_cluster(dataset, settings)
    return facts, dataset.values


def brief_language(settings: Settings) -> Language:
    """The brief's language: a shipped one, or a folder in the `languages_dir` setting."""
    return load_language(settings.lang, [getattr(settings, "languages_dir", None)])


def stage_draft(facts: Facts, rules, settings: Settings, say: Progress | None = None, language: Language | str | None = None) -> Drafts:
    """Write the drafts: the LLM chain (watsonx → Ollama), the rule-based drafter as its last fallback.

    The chain writes in the language of its prompts (Indonesian); a brief in another language takes
    its narrative from the rule-based drafter in that language, keeping the chain's record (token
    usage) and saying per section who wrote the first draft."""
    from .llm import draft_with_chain  # LangChain loads only when a provider is actually tried

    language = load_language(language or brief_language(settings))
    drafts = draft_with_chain(facts, rules, settings, say)
    if language.code != CHAIN_LANGUAGE:
        drafts = redraft(facts, rules, drafts, language)
    drafts = gate_unstable(drafts, facts, language)  # a model's recommendations obey the stability caveat too
    problems = check_contract(drafts, sectors=rules.book.sektor, fact_ids=set(facts.index), k=facts.k)
    if problems:
        raise InternalError("The drafts break their contract: " + "; ".join(problems) + ". This is a bug in a drafter: please report it.")
    return drafts


def stage_verify(facts: Facts, drafts: Drafts, language: Language | str = CHAIN_LANGUAGE, *, status: str = "draft") -> tuple[Drafts, str, VerificationReport, list[dict]]:
    """Render the body, verify every claim in the brief's language, remove false sentences and mark
    unverifiable ones; the one place where drafts are repaired."""
    from reports import render_body  # the report layer imports interpret: import it late

    language = load_language(language)
    code, folder = language.code, (language.search_dirs[0] if language.search_dirs else None)  # its lexicon sits beside its catalogue
    verifier = Verifier(facts, locale=code, languages_dir=folder)
    repairs: list[dict] = []
    for round_number in range(MAX_REPAIR_ROUNDS + 1):
        body = render_body(facts, drafts, language, status)
        verification = verifier.verify_markdown(body)
        failing = still_failing(verification, code, folder)
        if not failing or round_number == MAX_REPAIR_ROUNDS:
            break
        drafts, actions = repair_drafts(drafts, failing, code, folder)
        if not actions:
            break
        repairs.extend({"round": round_number + 1, **a} for a in actions)
    refuse_false_claims(verification, "The brief", "This is a bug in a template or drafter: please report it with result.json of a --provider none run.")
    verification.repairs = repairs  # the appendix lists them beside the claims
    return drafts, body, verification, repairs


def stage_report(dataset, partition, facts, drafts, body, verification, repairs, rules, settings, language: Language | str | None = None) -> BriefResult:
    """Appendix, HTML, result.json and the assignment table, all in memory, from the verified body:
    the report neither drafts nor verifies."""
    from reports import render_appendix, render_html
    from reports.layout import stamp as made_with
    from reports.render import render_verification

    language = load_language(language or brief_language(settings))
    generated = datetime.now(timezone.utc).replace(microsecond=0)
    provenance = build_provenance(dataset, settings, rules, facts, drafts, generated)
    stamp = made_with(language, generated=generated.date().isoformat(), version=_version("interpret"))
    markdown = body + render_appendix(facts, drafts, verification, provenance, lang=language)
    from reports.figures import build_charts, charts_summary

    charts = build_charts(dataset, partition, facts, drafts, lang=language, geojson=settings.geojson)
    title = language.text(dataset.spec.dataset, "title")
    html = render_html(markdown, title=title, charts=charts, lang=language, stamp=stamp)
    # The PDF carries a one-page verification summary unless asked for every claim (pdf_appendix = full).
    if (getattr(settings, "pdf_appendix", None) or "summary") == "full":
        pdf_html = html
    else:
        pdf_html = render_html(body + render_appendix(facts, drafts, verification, provenance, lang=language, full=False),
                               title=title, charts=charts, lang=language, stamp=stamp)
    verification_html = render_html(render_verification(facts, drafts, verification, lang=language), title=title, lang=language)
    assignments = assignment_table(dataset, partition, drafts)
    result = result_document(facts, drafts, verification, repairs, provenance)
    result["charts"] = charts_summary(charts)
    brief = BriefResult(dataset, partition, facts, drafts, verification, markdown, html, result, assignments, repairs)
    brief.charts = charts
    brief.pdf_html, brief.verification_html = pdf_html, verification_html
    return brief


def output_files(brief: BriefResult) -> dict[str, str | bytes]:
    """File name → content, for `write_brief_set`: the assignments as CSV (no cell a spreadsheet would run
    as a formula), or as Parquet for large tables (reports.render.assignments_file), and result.json
    without indentation when large; no configured secret survives in any text file."""
    from reports.render import assignments_file

    name = assignments_file(len(brief.assignments))
    if name.endswith(".parquet"):
        buffer = io.BytesIO()
        brief.assignments.to_parquet(buffer, index=False)
        table: str | bytes = buffer.getvalue()
    else:
        csv_buffer = io.StringIO()
        neutralise(brief.assignments).to_csv(csv_buffer, index=False)
        table = csv_buffer.getvalue()
    indent = 2 if len(brief.assignments) <= RESULT_UNITS_MAX else None
    files = {
        "brief.md": brief.markdown,
        "brief.html": brief.html,
        **({"verification.html": brief.verification_html} if brief.verification_html else {}),
        "result.json": json.dumps(brief.result, ensure_ascii=False, indent=indent, default=_json_default) + "\n",
        name: table,
    }
    return {name: redact_secrets(text) if isinstance(text, str) else text for name, text in files.items()}




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
        "rules_file": Path(rules.path).name,
        "rules_sha256": rules.sha256,
        "standardization": {"zscore": "zscore (ddof=1)", "minmax": "minmax", "robust": "robust (median, IQR)"}.get(
            facts.method.standardization, facts.method.standardization),
        "method": facts.method.algorithm,
        "k": facts.method.k,
        "seed": facts.method.seed,
        "n_init": facts.method.n_init,
        "drafting": ", ".join(sorted({f"{s.provider} ({s.model})" for s in drafts.sources})),
        "prompts_dir": str(settings.prompts) if settings.prompts else None,  # an edited copy (--prompts), else the shipped prompts/
        "python": platform.python_version(),
        **{f"version_{k}": v for k, v in versions.items()},
        "generated_at": generated.isoformat(),
    }


def result_document(facts: Facts, drafts: Drafts, verification: VerificationReport, repairs: list[dict], provenance: dict) -> dict:
    """result.json: the facts through their own codec (read back by `Facts.from_json`), then what
    the later stages made of them. The "facts" part is described by docs/result.schema.json."""
    return {
        "schema_version": SCHEMA_VERSION,
        "facts": bounded_facts(facts),
        "labels": {str(d.klaster): d.label for d in drafts.clusters},
        "drafts": drafts.to_list(),
        "verification": {**verification.to_dict(), "scope": "brief.md sebelum lampiran", "repairs": repairs},
        "llm": drafts.llm,
        "provenance": provenance,
    }


def bounded_facts(facts: Facts) -> dict:
    """The facts' JSON with no per-unit array beyond RESULT_UNITS_MAX units: a large cluster's member
    list (and its members fact's text) is emptied and each unit's bootstrap record dropped, since
    the assignments file holds the unit → cluster table. Small tables keep everything."""
    data = facts.to_json()
    if facts.dataset.n_units <= RESULT_UNITS_MAX:
        return data
    from reports.render import MEMBERS_LISTED_MAX

    for cluster in data["clusters"]:
        if cluster["size"] > MEMBERS_LISTED_MAX:
            cluster["members"] = []
            fact = data["index"].get(f"{cluster['id']}.members")
            if fact is not None:
                fact["value"] = fact["text"] = ""
    if data.get("stability"):
        data["stability"]["units"] = {}
    return data


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
