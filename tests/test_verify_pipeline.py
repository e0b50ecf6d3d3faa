"""Verification inside the pipeline: whatever a provider drafts, the written brief holds no false claim,
and the appendix and result.json record every claim, the counts and the repair history."""

from __future__ import annotations

import dataclasses

from interpret.drafts import Drafts, Rekomendasi
from interpret.pipeline import stage_verify
from interpret.verification.repair import unverified_mark
from interpret.terms import Verdict

# Sentences an LLM might write for the default data, each false in a different way.
FALSE_SENTENCES = {
    1: [
        "Klaster ini beranggotakan DKI Jakarta, Bali, dan INDONESIA.",  # the national aggregate as a member
        "Pengeluaran per kapita klaster ini rata-rata Rp 14,2 juta per tahun.",  # wrong number (15,38 juta)
        "Klaster ini memiliki UHH terendah di antara semua klaster.",  # wrong superlative
    ],
    2: [
        "UHH klaster ini berada di atas rata-rata provinsi.",  # flipped direction
        "Klaster ini terdiri dari 12 provinsi.",  # wrong count
    ],
    3: ["Klaster ini paling beragam di antara keempat klaster."],  # wrong spread superlative
}
FALSE_RECOMMENDATION = (1, Rekomendasi(sektor="bansos", teks="Prioritaskan bansos bagi klaster ini karena kesejahteraannya tinggi.", fakta=[]))


def tampered(drafts: Drafts) -> Drafts:
    clusters = []
    for d in drafts.clusters:
        extra = FALSE_SENTENCES.get(d.klaster, [])
        recs = list(d.rekomendasi) + ([FALSE_RECOMMENDATION[1]] if d.klaster == FALSE_RECOMMENDATION[0] else [])
        clusters.append(d.model_copy(update={"karakteristik": [*d.karakteristik, *extra], "rekomendasi": recs}))
    summary = drafts.summary.model_copy(update={"ringkasan": [*drafts.summary.ringkasan, "Angka kemiskinan nasional turun 0,8 % tahun lalu."]})
    return dataclasses.replace(drafts, clusters=clusters, summary=summary)


def test_false_claims_of_every_kind_are_removed_and_the_brief_verifies(default_brief):
    drafts, body, report, repairs = stage_verify(default_brief.facts, tampered(default_brief.drafts))
    for sentences in FALSE_SENTENCES.values():
        for sentence in sentences:
            assert sentence not in body
    assert FALSE_RECOMMENDATION[1].teks not in body
    assert report.ok and report.counts[Verdict.FALSE] == 0
    removed = {r["kalimat"] for r in repairs if r["action"] == "dihapus"}
    assert removed >= {s for group in FALSE_SENTENCES.values() for s in group} | {FALSE_RECOMMENDATION[1].teks}
    # the unverifiable sentence stays, marked
    assert f"Angka kemiskinan nasional turun 0,8 % tahun lalu. {unverified_mark()}" in body
    kinds = {r["klaim"]: r for r in repairs}
    assert kinds["INDONESIA"]["putusan"] == "salah" and kinds["INDONESIA"]["fakta"] is None
    wrong_number = next(r for r in repairs if "14,2 juta" in r["kalimat"])
    assert wrong_number["fakta"].startswith("K1.Pengeluaran") and wrong_number["putusan"] == "salah"
    assert report.repairs == repairs


def test_the_appendix_shows_the_repair_history_and_result_json_the_counts(default_brief):
    from interpret.pipeline import stage_report
    from interpret.rules import load_rules

    from .conftest import settings

    facts = default_brief.facts
    drafts, body, report, repairs = stage_verify(facts, tampered(default_brief.drafts))
    brief = stage_report(default_brief.dataset, default_brief.partition, facts, drafts, body, report, repairs, load_rules(None), settings())
    appendix = brief.markdown.split("## Lampiran B")[1]
    assert "### Riwayat perbaikan" in appendix
    assert "| 1 | dihapus | Klaster ini beranggotakan DKI Jakarta, Bali, dan INDONESIA. | INDONESIA |" in appendix
    assert "ditandai" in appendix
    for claim in report.claims:
        assert f"| {claim.id} |" in appendix
    verification = brief.result["verification"]
    assert verification["counts"] == report.counts
    assert sum(row["true"] for row in verification["counts_by_kind"].values()) == report.counts[Verdict.TRUE]
    assert {"number", "direction", "rank", "membership"} <= set(verification["counts_by_kind"])
    assert verification["repairs"] == repairs


def test_the_default_brief_has_no_repairs_and_says_so(default_brief):
    appendix = default_brief.markdown.split("## Lampiran B")[1]
    assert "Tidak ada kalimat yang dihapus atau ditandai" in appendix
    assert default_brief.result["verification"]["repairs"] == []
