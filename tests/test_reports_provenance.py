"""Lampiran C: data, spec, method, k and why, seed, versions, and who wrote each section."""

from __future__ import annotations

import hashlib
from importlib import resources
from pathlib import Path

from interpret.drafts import Drafts, SectionSource
from interpret.terms import Verdict
from reports.provenance import provenance_view, section_rows


def test_appendix_b_shows_data_method_and_versions(default_brief):
    appendix = default_brief.markdown.split("## Lampiran C. Provenans")[1]
    data = default_brief.dataset
    assert f"| Berkas data | {data.path.name} ({data.size_bytes} bita) |" in appendix
    assert f"`{data.sha256}`" in appendix and len(data.sha256) == 64
    assert "ipm_2023_provinsi.toml (SHA-256 `" in appendix
    assert "| Praproses | zscore" in appendix
    assert "| Metode | kmeans, jarak euclidean, 200 inisialisasi |" in appendix
    assert "| Jumlah klaster k | 4 (sumber: spec) — mengikuti analisis K-means terbitan" in appendix
    assert "| Benih (seed) | 42 |" in appendix
    counts = default_brief.verification.counts
    assert f"| Verifikasi | {len(default_brief.verification.claims)} klaim: {counts[Verdict.TRUE]} benar, {counts[Verdict.FALSE]} salah," in appendix
    for library in ("matplotlib", "numpy", "scikit-learn", "weasyprint"):
        assert f"| {library} | " in appendix
    for section in ("klaster-1", "klaster-4", "ringkasan"):
        assert f"| {section} | " in appendix
    assert default_brief.result["provenance"]["version_matplotlib"] != "tidak terpasang"


def test_llm_sections_show_template_hash_and_tokens(default_brief):
    sources = [SectionSource("klaster-1", "watsonx", "ibm/granite-3-3-8b-instruct", ["ollama: dilewati"]),
               SectionSource("ringkasan", "rule-based", "aturan:abc", [])]
    llm = {"calls": [
        {"section": "klaster-1", "provider": "watsonx", "purpose": "draft", "cached": False, "prompt_tokens": 900, "completion_tokens": 300},
        {"section": "klaster-1", "provider": "watsonx", "purpose": "perbaikan-fakta-1", "cached": False, "prompt_tokens": 1200, "completion_tokens": 250},
        {"section": "klaster-1", "provider": "watsonx", "purpose": "draft", "cached": True, "prompt_tokens": 900, "completion_tokens": 300},
    ]}
    drafts = Drafts(clusters=default_brief.drafts.clusters, summary=default_brief.drafts.summary, sources=sources, llm=llm)
    rows = {r["section"]: r for r in section_rows(drafts, {"prompts_dir": None})}
    template = Path(str(resources.files("prompts"))) / "cluster.j2"
    assert rows["klaster-1"]["template"] == "cluster.j2"
    assert rows["klaster-1"]["template_sha256"] == hashlib.sha256(template.read_bytes()).hexdigest()
    assert rows["klaster-1"]["tokens"] == "2100 / 550"  # live calls only: a cached answer cost nothing
    assert rows["klaster-1"]["notes"] == "ollama: dilewati"
    assert rows["ringkasan"]["template"] == "–" and rows["ringkasan"]["tokens"] == "–"
    view = provenance_view(default_brief.facts, drafts, default_brief.verification, default_brief.result["provenance"])
    assert view["k"] == 4 and view["seed"] == 42 and view["data_file"] == "ipm_2023_provinsi.csv"
