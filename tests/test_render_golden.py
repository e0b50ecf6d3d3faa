"""Golden test: brief.md of the embedded IPM 2023 data, rule-based drafter, seed 42.

The brief must be identical across runs with the same seed; only the provenance values that change
with the machine or the clock (the UTC timestamp, library and Python versions) are normalized.

When a template, the drafter or the data change the brief on purpose, regenerate the golden file
with one command and review the diff:

    INTERPRET_UPDATE_GOLDEN=1 .venv/bin/python -m pytest -q tests/test_render_golden.py
"""

from __future__ import annotations

import difflib
import os
import re
from pathlib import Path

import pytest

from interpret import run_brief
from interpret.terms import Verdict

from .conftest import settings

GOLDEN = Path(__file__).parent / "golden"
REGENERATE = "INTERPRET_UPDATE_GOLDEN=1 .venv/bin/python -m pytest -q tests/test_render_golden.py"


def normalize(markdown: str) -> str:
    """Blank out what a rerun may change: the timestamp and the version table's values."""
    text = re.sub(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[+-]\d{2}:\d{2}|Z)?", "<timestamp>", markdown)
    lines, in_versions = [], False
    for line in text.splitlines():
        if line.startswith("### "):
            in_versions = line.strip() in {"### Versi pustaka", "### Library versions"}
        elif line.startswith("## "):
            in_versions = False
        if in_versions and line.startswith("| ") and not line.startswith(("| Pustaka", "| Library", "|---")):
            line = re.sub(r"^\| ([^|]+) \| [^|]* \|$", r"| \1 | <versi> |", line)
        lines.append(line)
    return "\n".join(lines) + "\n"


def check_golden(name: str, markdown: str) -> None:
    path = GOLDEN / name
    actual = normalize(markdown)
    if os.environ.get("INTERPRET_UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
    assert path.is_file(), f"no golden file {path}: create it with `{REGENERATE}`"
    expected = path.read_text(encoding="utf-8")
    if actual != expected:
        diff = "".join(list(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True), "golden", "now"))[:80])
        pytest.fail(f"brief.md differs from {path} (if the change is intended, regenerate: `{REGENERATE}`):\n{diff}")


@pytest.fixture(scope="module")
def rule_based_brief():
    return run_brief(settings(provider="none", seed=42), write=False)


def test_default_brief_markdown_matches_the_golden_file(rule_based_brief):
    check_golden("ipm_2023_provinsi.id.md", rule_based_brief.markdown)


def test_same_seed_gives_the_same_markdown(rule_based_brief):
    again = run_brief(settings(provider="none", seed=42), write=False)
    assert normalize(again.markdown) == normalize(rule_based_brief.markdown)
    assert [c.svg for c in again.charts] == [c.svg for c in rule_based_brief.charts]  # charts are deterministic too


def test_normalize_blanks_only_the_volatile_values():
    text = "| Dibuat (UTC) | 2026-01-02T03:04:05+00:00 |\n### Versi pustaka\n\n| Pustaka | Versi |\n|---|---|\n| numpy | 2.4.6 |\n## Next\n| numpy | 2.4.6 |\n"
    out = normalize(text)
    assert "<timestamp>" in out and "| numpy | <versi> |" in out
    assert out.rstrip().endswith("| numpy | 2.4.6 |")  # outside the version table nothing changes


def test_large_clusters_are_given_by_their_size_and_the_assignments_file(default_brief, monkeypatch):
    import reports.render as render
    from interpret.verification import Verifier

    monkeypatch.setattr(render, "MEMBERS_LISTED_MAX", 6)
    body = render.render_body(default_brief.facts, default_brief.drafts)
    for c in default_brief.facts.clusters:
        section = body.split(f"## Klaster {c.number}:")[1].split("\n## ")[0]
        if c.size > 6:
            assert f"**Anggota:** {c.size} provinsi; daftarnya ada di berkas assignments.csv" in section
            assert ", ".join(c.members) not in section
        else:
            assert f"**Anggota ({c.size} provinsi):** " + ", ".join(c.members) in section
    assert Verifier(default_brief.facts).verify_markdown(body).counts[Verdict.FALSE] == 0
    assert render.assignments_file(99_999) == "assignments.csv" and render.assignments_file(100_000) == "assignments.parquet"
