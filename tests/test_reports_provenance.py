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
    for section in ("Klaster 1", "Klaster 4", "Ringkasan eksekutif"):  # the sections as the brief names them
        assert f"| {section} | rule-based | " in appendix
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
    assert rows["ringkasan"]["template"] == "berbasis aturan (tanpa prompt)" and rows["ringkasan"]["tokens"] == "–"
    view = provenance_view(default_brief.facts, drafts, default_brief.verification, default_brief.result["provenance"])
    assert view["k"] == 4 and view["seed"] == 42 and view["data_file"] == "ipm_2023_provinsi.csv"


def test_a_rule_based_section_names_its_rules_file_never_a_prompt(default_brief):
    provenance = default_brief.result["provenance"]
    rows = section_rows(default_brief.drafts, provenance)
    assert {r["provider"] for r in rows} == {"rule-based"} and len(rows) == default_brief.facts.k + 1
    for row in rows:
        assert row["template"] == "berkas aturan sektor.toml (tanpa prompt)"
        assert row["template_sha256"] == provenance["rules_sha256"] and len(row["template_sha256"]) == 64
        assert row["tokens"] == "–" and row["calls"] == 0
    appendix = default_brief.markdown.split("## Lampiran C. Provenans")[1]
    assert ".j2" not in appendix  # no prompt template is listed for a brief no model drafted


def test_english_sections_say_who_wrote_the_text_that_is_printed(default_brief):
    """A section a model drafted in Indonesian and the English rule-based drafter rewrote: the text
    is rule-based (no prompt), the model's calls were made (their tokens stay), and the row says so."""
    sources = [SectionSource("klaster-1", "watsonx", "ibm/granite", []), SectionSource("ringkasan", "rule-based", "aturan:abc", [])]
    llm = {"calls": [{"section": "klaster-1", "provider": "watsonx", "purpose": "draft", "cached": False, "prompt_tokens": 900, "completion_tokens": 300}]}
    drafts = Drafts(clusters=default_brief.drafts.clusters, summary=default_brief.drafts.summary, sources=sources, llm=llm)
    from interpret.drafting import redraft
    from interpret.rules import load_rules

    english = redraft(default_brief.facts, load_rules(), drafts, "en")
    provenance = {"prompts_dir": None, "rules_file": "sektor.toml", "rules_sha256": "ab" * 32}
    rows = {r["section"]: r for r in section_rows(english, provenance, "en")}
    assert rows["klaster-1"]["name"] == "Cluster 1" and rows["ringkasan"]["name"] == "Executive summary"
    assert rows["klaster-1"]["provider"] == "rule-based (en)"
    assert rows["klaster-1"]["template"] == "rules file sektor.toml (no prompt)" and rows["klaster-1"]["template_sha256"] == "ab" * 32
    assert rows["klaster-1"]["tokens"] == "900 / 300"  # the first draft's calls were made
    assert "watsonx (ibm/granite)" in rows["klaster-1"]["notes"] and "rule-based too" in rows["ringkasan"]["notes"]
    # and a section a model wrote in the brief's language lists its prompt template
    rows = {r["section"]: r for r in section_rows(drafts, provenance, "en")}
    assert rows["klaster-1"]["template"] == "cluster.j2" and rows["ringkasan"]["template"] == "rules file sektor.toml (no prompt)"


def test_the_english_provenance_table_names_sections_in_english():
    from interpret.language import load_language
    from reports.provenance import section_name

    english, indonesian = load_language("en"), load_language("id")
    assert [section_name(s, english) for s in ("klaster-2", "ringkasan")] == ["Cluster 2", "Executive summary"]
    assert [section_name(s, indonesian) for s in ("klaster-2", "ringkasan")] == ["Klaster 2", "Ringkasan eksekutif"]
    assert section_name("lampiran-x", english) == "lampiran-x"  # an unknown section keeps its id


def test_the_drafting_notes_are_worded_in_the_language_of_the_brief(default_brief):
    """The chain's notes are Notes (console.toml source_*): Lampiran C words them in the brief's language;
    a plain note (read back from result.json) is shown as it is."""
    from interpret.progress import Note

    rejected = Note.of("source_rejected", reason=Note.of("source_invalid_answer", provider="watsonx", repairs=2, why="JSON"))
    sources = [SectionSource("klaster-1", "rule-based", "aturan:abc", [rejected, "ollama: teks lama"]),
               SectionSource("ringkasan", "rule-based", "aturan:abc", [Note.of("source_disabled_after", provider="ollama", count=2)])]
    drafts = Drafts(clusters=default_brief.drafts.clusters, summary=default_brief.drafts.summary, sources=sources, llm={})
    english = {r["section"]: r["notes"] for r in section_rows(drafts, {"prompts_dir": None}, "en")}
    indonesian = {r["section"]: r["notes"] for r in section_rows(drafts, {"prompts_dir": None}, "id")}
    assert english["klaster-1"] == "rejected: watsonx: the answer was still invalid after 2 repairs (JSON); ollama: teks lama"
    assert english["ringkasan"] == "ollama: failed 2 times; not tried again in this run"
    assert indonesian["klaster-1"].startswith("ditolak: watsonx: jawaban tetap tidak valid setelah 2 perbaikan (JSON)")
    assert str(rejected) == indonesian["klaster-1"].split("; ")[0]  # as a str, a Note is its Indonesian text
