"""`interpret verify NARRATIVE.md --run OUT_DIR`: check any text against a run's facts.

The facts come from a written run (result.json, and assignments.csv for claims about one unit) or
are computed from the data and clustering options. The narrative's cluster names ("Klaster A",
"Cluster II", or numbers from another study) are mapped to ours by an explicit `--map A=1,B=2`, else
by the members the narrative lists under each name, else taken as they are (A = 1, II = 2).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import pandas as pd
from pydantic import ValidationError

from ..csv_cells import restore
from ..errors import ConfigError, DataError
from ..facts import SCHEMA_VERSION, Facts
from ..terms import Verdict
from .engine import Verifier
from .lexicon import Lexicon, kind_word, load_lexicon, verdict_word
from .report import VerificationReport, split_sentences
from .scope import AGGREGATE, Analyzer

EXIT_FALSE_CLAIM = 3


@dataclass
class NarrativeVerification:
    source: str
    report: VerificationReport
    mapping: dict[str, int] = field(default_factory=dict)  # narrative name → our cluster number
    mapping_reason: dict[str, str] = field(default_factory=dict)

    @property
    def exit_code(self) -> int:
        return EXIT_FALSE_CLAIM if self.report.counts[Verdict.FALSE] else 0

    def to_dict(self) -> dict:
        return {"narrative": self.source, "cluster_map": self.mapping, "cluster_map_reason": self.mapping_reason, **self.report.to_dict()}


# -- facts ---------------------------------------------------------------------------------------------
def facts_from_run(out_dir: Path) -> tuple[Facts, pd.DataFrame | None]:
    """Rebuild the facts object from a run folder's result.json (and unit values from assignments.csv)."""
    path = Path(out_dir) / "result.json"
    if not path.is_file():
        raise DataError(f"No result.json in {out_dir}: pass the folder an `interpret run` wrote (--out), or give the data instead of --run.")
    table = Path(out_dir) / "assignments.csv"
    parquet = table.with_suffix(".parquet")  # a large run writes Parquet, and no member lists in result.json
    frame = None
    if table.is_file() or parquet.is_file():
        # cells as the data had them: "'=1+2" (spreadsheet-safe in the CSV) → "=1+2"
        try:
            frame = restore(pd.read_csv(table, encoding="utf-8")) if table.is_file() else pd.read_parquet(parquet)
        except (UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError, ValueError, OSError) as exc:
            broken = table if table.is_file() else parquet
            raise DataError(f"{broken} is not an assignments table interpret wrote ({type(exc).__name__}: {exc}). "
                            "Rerun `interpret run`, or delete it to verify without unit values.") from None
        frame = frame.set_index(frame.columns[0])
    try:
        result = json.loads(path.read_text(encoding="utf-8"))
        if result.get("schema_version") != SCHEMA_VERSION:
            raise ValueError(f"schema_version {result.get('schema_version')!r}, this version reads {SCHEMA_VERSION}")
        facts = Facts.from_json(_with_members(result["facts"], frame))
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        detail = f"{exc.error_count()} invalid key(s), first: {exc.errors()[0]['loc']}" if isinstance(exc, ValidationError) else f"{type(exc).__name__}: {exc}"
        raise DataError(f"{path} is not a result.json of this version of interpret ({detail}). Rerun `interpret run`.") from None
    units = None
    if frame is not None:
        names = [f.name for f in facts.features if f.name in frame.columns]
        units = frame[names] if names else None
    return facts, units


def _with_members(facts: dict, frame: pd.DataFrame | None) -> dict:
    """A large run's result.json leaves member lists empty: take them from the assignments table."""
    if frame is None or "klaster" not in frame.columns:
        return facts
    for cluster in facts.get("clusters", []):
        if not cluster.get("members") and cluster.get("size"):
            cluster["members"] = [str(u) for u in frame.index[frame["klaster"] == cluster["number"]]]
    return facts


# -- the narrative -------------------------------------------------------------------------------------
def read_narrative(path: Path) -> str:
    path = Path(path)
    if not path.is_file():
        kind = "is a folder" if path.is_dir() else "not found"
        raise DataError(f"Narrative {kind}: {path}. Pass a Markdown, text or notebook (.ipynb) file.")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise DataError(f"{path} is not UTF-8 text. Save it as UTF-8 Markdown.") from None
    if path.suffix.lower() == ".ipynb":
        try:
            cells = json.loads(text)["cells"]
            text = "\n\n".join("".join(c.get("source", "")) for c in cells if c.get("cell_type") == "markdown")
        except (ValueError, KeyError, TypeError, AttributeError):
            raise DataError(f"{path} is not a Jupyter notebook (no list of 'cells'). Export the conclusions as Markdown.") from None
    if not text.strip():
        where = "has no Markdown cell with text" if path.suffix.lower() == ".ipynb" else "is empty"
        raise DataError(f"Narrative {path} {where}: there is nothing to verify. Pass the file with the conclusions.")
    return text


def without_appendix(text: str) -> str:
    """A brief's appendix quotes its claims and provenance: verify the text before "## Lampiran" / "## Appendix"."""
    match = re.search(r"^##\s+(?:Lampiran|Appendix)\b", text, re.MULTILINE)
    return text[: match.start()] if match else text


def parse_map(values: list[str] | None) -> dict[str, int]:
    """['A=1,B=2', 'C=3'] → {'A': 1, 'B': 2, 'C': 3}."""
    mapping = {}
    for value in values or []:
        for item in filter(None, (p.strip() for p in value.split(","))):
            name, _, number = item.partition("=")
            if not number.strip().isdigit():
                raise ConfigError(f"--map {item!r}: write NAME=NUMBER pairs, e.g. --map A=1,B=2 (NUMBER is our cluster number).")
            mapping[name.strip().removeprefix("Klaster ").removeprefix("Cluster ").strip().upper()] = int(number)
    return mapping


def map_clusters(text: str, facts: Facts, explicit: dict[str, int], lexicon: Lexicon | str = "id") -> tuple[dict[str, int], dict[str, str]]:
    """Narrative names → our numbers: explicit first, then by the members listed under each name."""
    analyzer = Analyzer(facts, lexicon)
    seen: dict[str, Counter] = {}
    section = None
    for line in text.splitlines():
        stripped = line.strip()
        names = [n.upper() for _, _, n in analyzer.cluster_names(stripped)]
        if stripped.startswith("#"):
            section = names[0] if len(set(names)) == 1 else (None if stripped.startswith(("# ", "## ")) else section)
            continue
        for sentence in split_sentences(re.sub(r"^([-*+]|\d+\.)\s+", "", stripped)):
            named = {n.upper() for _, _, n in analyzer.cluster_names(sentence)}
            owner = next(iter(named)) if len(named) == 1 else (section if not named else None)
            if owner is None:
                continue
            scope = analyzer.scope(sentence)
            members = {m.value for m in scope.members if m.value != AGGREGATE}
            seen.setdefault(owner, Counter()).update(members)
    mapping, reasons = {}, {}
    for name, number in explicit.items():
        mapping[name], reasons[name] = number, "--map"
    membership = {m: c.number for c in facts.clusters for m in c.members}
    for name, members in seen.items():
        if name in mapping or len(members) < 2:
            continue
        votes = Counter(membership[m] for m in members if m in membership)
        if not votes:
            continue
        number, hits = votes.most_common(1)[0]
        if hits / sum(votes.values()) > 0.5:
            mapping[name] = number
            reasons[name] = analyzer.lex.note("mapped_by_members", hits=hits, named=sum(votes.values()), unit=facts.dataset.unit, cluster=number)
    return mapping, reasons


def verify_narrative(narrative: Path, *, run: Path | None = None, compute_facts: Callable[[], tuple[Facts, pd.DataFrame | None]] | None = None,
                     cluster_map: list[str] | None = None,
                     json_path: Path | None = None, locale: str = "id", tolerance: float = 1e-9,
                     languages_dir: Path | str | None = None) -> NarrativeVerification:
    """The library call behind `interpret verify`: the facts of a written run (`run`), or of a fresh
    clustering that the caller computes (`compute_facts`, called only once the options are known good:
    verification never runs the analysis itself)."""
    try:  # first: a language without a lexicon should not wait for a clustering
        lexicon = load_lexicon(locale, str(languages_dir) if languages_dir else None)
    except ConfigError as exc:
        raise ConfigError(f"--lang {locale!r}: {exc}") from None
    if run is None and compute_facts is None:
        raise ConfigError("interpret verify needs the facts: pass --run OUT_DIR (a folder `interpret run` wrote) or the data and its options.")
    text = without_appendix(read_narrative(narrative))  # before the facts: a bad narrative must not wait for a clustering
    if json_path is not None and not Path(json_path).parent.is_dir():
        raise ConfigError(f"--json {json_path}: the folder {Path(json_path).parent} does not exist. Create it or choose another path.")
    facts, units = facts_from_run(run) if run is not None else compute_facts()
    explicit = parse_map(cluster_map)
    bad = {n: v for n, v in explicit.items() if not 1 <= v <= facts.k}
    if bad:
        raise ConfigError(f"--map names cluster(s) {', '.join(f'{n}={v}' for n, v in bad.items())}, but the run has clusters 1–{facts.k}.")
    mapping, reasons = map_clusters(text, facts, explicit, lexicon)
    verifier = Verifier(facts, tolerance, locale=locale, languages_dir=languages_dir, cluster_map=mapping, units=units)
    report = verifier.verify_markdown(text)
    outcome = NarrativeVerification(str(narrative), report, mapping, reasons)
    if json_path is not None:
        Path(json_path).write_text(json.dumps(outcome.to_dict(), ensure_ascii=False, indent=2, default=str) + "\n", encoding="utf-8")
    return outcome


def claims_table(outcome: NarrativeVerification):
    """A rich table of the claims, false ones first (rendering only; the caller prints)."""
    from rich.markup import escape
    from rich.table import Table

    colours = {Verdict.TRUE: "green", Verdict.FALSE: "bold red", Verdict.UNVERIFIABLE: "yellow"}
    table = Table(title=f"Verifikasi {outcome.source}", show_lines=False)
    for column in ("No.", "Putusan", "Jenis", "K", "Tertulis", "Fakta", "Nilai fakta / catatan", "Kalimat"):
        table.add_column(column, overflow="fold", ratio=3 if column == "Kalimat" else None)
    order = {Verdict.FALSE: 0, Verdict.UNVERIFIABLE: 1, Verdict.TRUE: 2}
    for c in sorted(outcome.report.claims, key=lambda c: (order[c.verdict], c.id)):
        text = c.text if len(c.text) <= 90 else c.text[:89] + "…"
        detail = " — ".join(x for x in (c.expected, c.note) if x) or "–"
        table.add_row(c.id, f"[{colours[c.verdict]}]{verdict_word(c.verdict)}[/]", kind_word(c.kind), str(c.cluster or "–"), escape(c.value),
                      c.fact_id or "–", escape(detail), escape(text))
    return table


def summary_line(outcome: NarrativeVerification, lang: str = "id") -> str:
    counts = outcome.report.counts
    words = load_lexicon(lang).listing
    cluster = words.get("cluster", "Klaster")
    mapped = ", ".join(f"{name} → {cluster} {number}" for name, number in outcome.mapping.items() if str(number) != name)
    tally = ", ".join(f"{counts[v]} {verdict_word(v, lang)}" for v in (Verdict.TRUE, Verdict.FALSE, Verdict.UNVERIFIABLE))
    inferred = "".join(f" {note}." for note in outcome.report.inferred)
    return f"{len(outcome.report.claims)} {words.get('claims', 'klaim')}: {tally}." + (
        f" {words.get('cluster_map', 'Pemetaan klaster')}: {mapped}." if mapped else "") + inferred


__all__ = ["verify_narrative", "claims_table", "summary_line", "facts_from_run", "map_clusters", "parse_map",
           "NarrativeVerification", "EXIT_FALSE_CLAIM"]
