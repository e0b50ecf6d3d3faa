"""Acceptance of the foundation: the default run, its files, its partition, its verification."""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest

from interpret import run_brief
from interpret.errors import ConfigError
from interpret.verification import Verifier
from interpret.terms import Verdict

from .conftest import ROOT, published_partition, settings


def test_default_run_writes_the_brief_set(default_brief):
    from reports.pdf import pdf_available

    names = sorted(p.name for p in default_brief.files)
    pdf = ["brief.pdf"] if pdf_available() else []  # written by default when the `pdf` extra is installed
    assert names == sorted(["assignments.csv", "brief.html", "brief.md", "result.json", "verification.html", *pdf])
    for path in default_brief.files:
        assert path.stat().st_size > 200


def test_default_run_reproduces_the_published_partition(default_brief):
    facts = json.loads((default_brief.out_dir / "result.json").read_text(encoding="utf-8"))["facts"]
    clusters = [set(c["members"]) for c in facts["clusters"]]
    assert sorted(map(sorted, clusters)) == sorted(map(sorted, published_partition()))
    assert sorted(c["size"] for c in facts["clusters"]) == [5, 5, 10, 14]
    assert facts["method"]["within_ss"] == pytest.approx(48.915, abs=5e-4)
    assert facts["method"]["between_pct"] == pytest.approx(62.9, abs=0.05)


@pytest.mark.parametrize("seed", range(10))
def test_every_seed_gives_the_published_partition_with_the_same_numbering(seed, default_brief):
    brief = run_brief(settings(seed=seed), write=False)
    assert [set(c.members) for c in brief.facts.clusters] == [set(c.members) for c in default_brief.facts.clusters]


def test_result_json_has_the_documented_keys(default_brief):
    result = default_brief.result
    for key in ("schema_version", "facts", "labels", "drafts", "verification", "llm", "provenance", "charts"):
        assert key in result
    facts = result["facts"]
    for key in ("dataset", "features", "reference", "method", "clusters", "index", "k_selection", "stability", "assumptions"):
        assert key in facts
    cluster = facts["clusters"][0]
    assert {"id", "size", "members", "features", "composite", "composite_rank"} <= set(cluster)
    assert set(cluster["features"]["UHH"]) >= {"mean", "median", "min", "max", "sd", "reference", "diff", "diff_pct", "z", "rank", "direction"}
    assert cluster["features"]["UHH"]["direction"] in {"above", "below", "equal"}
    assert result["labels"]["1"] == default_brief.drafts.cluster(1).label
    assert facts["reference"]["kind"] == "values" and facts["reference"]["publisher"] == "BPS"
    assert facts["reference"]["values"]["UHH"] == pytest.approx(73.93) and "15 November 2023" in facts["reference"]["source"]
    json.dumps(result)  # serializable as it stands


def _numbers_outside_appendix(markdown: str) -> list[str]:
    body = markdown.split("## Lampiran B")[0]
    body = re.sub(r"[Kk]laster \d+", "", body)
    for label in ("Umur Harapan Hidup (UHH)", "Harapan Lama Sekolah (HLS)", "Rata-rata Lama Sekolah (RLS)"):
        body = body.replace(label, "")
    from interpret.data import load_dataset

    body = body.replace(load_dataset().reference.source, "").replace(load_dataset().spec.dataset.title, "")  # sources and title are data  # the reference's source is data: its dates are no claims
    return re.findall(r"(?:(?<![\w.,])|(?<=Rp))[+-]?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?", body)  # also "Rp15,4 juta"


def test_every_number_in_the_brief_has_a_verdict_and_none_is_false(default_brief):
    markdown = (default_brief.out_dir / "brief.md").read_text(encoding="utf-8")
    claims = default_brief.result["verification"]["claims"]
    numbers = _numbers_outside_appendix(markdown)
    number_claims = [c for c in claims if c["kind"] == "number"]
    assert len(number_claims) == len(numbers)
    assert sorted(re.sub(r"[^\d.,+-]", "", c["value"]) for c in number_claims) == sorted(numbers)  # "Rp15,4 juta" is written 15,4
    assert all(c["verdict"] == "true" for c in claims)
    assert all(c["fact_id"] in default_brief.result["facts"]["index"] for c in claims)
    assert sum(c["kind"] == "direction" for c in claims) >= 16  # a direction per cluster and feature, at least


def test_the_appendix_lists_every_claim(default_brief):
    markdown = default_brief.markdown
    appendix = markdown.split("## Lampiran B")[1]
    for claim in default_brief.verification.claims:
        assert f"| {claim.id} |" in appendix


def test_one_member_cluster_is_flagged_and_never_described_as_a_pattern(long_expenditure, write_file):
    spec = write_file("p.toml", (ROOT / "examples" / "pengeluaran_2022.toml").read_text(encoding="utf-8"))
    brief = run_brief(settings(data=long_expenditure, spec=spec, k=5, seed=3), write=False)
    singles = [c for c in brief.facts.clusters if c.size == 1]
    for c in singles:
        assert c.small_n == "n=1"
        text = " ".join(brief.drafts.cluster(c.number).karakteristik)
        assert "bukan pola bersama" in text
        assert "identik" not in text


def test_long_table_is_pivoted_and_indonesia_is_the_reference(long_expenditure):
    spec = ROOT / "examples" / "pengeluaran_2022.toml"
    brief = run_brief(settings(data=long_expenditure, spec=spec), write=False)
    members = [m for c in brief.facts.clusters for m in c.members]
    assert len(members) == 12 and "INDONESIA" not in members
    assert brief.facts.reference.kind == "row" and brief.facts.reference.label == "INDONESIA"
    raw = pd.read_csv(long_expenditure)
    national = raw[(raw.provinsi == "INDONESIA") & (raw.tahun == 2022) & (raw.daerah == "PERDESAANPERKOTAAN")].set_index("jenis").peng
    assert brief.facts.reference.values["Pangsa makanan"] == pytest.approx(100 * national["MAKANAN"] / national["TOTAL"])
    assert [f.expression for f in brief.facts.features] == ["100 * MAKANAN / TOTAL", "TOTAL / gk"]
    assert brief.verification.ok


def test_fewer_units_than_k_is_a_config_error(simple_csv, simple_spec):
    with pytest.raises(ConfigError, match="only 12 provinsi"):
        run_brief(settings(data=simple_csv, spec=simple_spec, k=13), write=False)


def test_a_false_sentence_is_removed_before_the_brief_is_written(default_brief):
    from interpret.pipeline import stage_verify

    drafts = default_brief.drafts
    first = drafts.clusters[0]
    wrong = "Umur Harapan Hidup (UHH) rata-rata 80,00 tahun."
    tampered = first.model_copy(update={"karakteristik": [*first.karakteristik, wrong]})
    drafts.clusters[0] = tampered
    try:
        fixed, body, report, repairs = stage_verify(default_brief.facts, drafts)
    finally:
        drafts.clusters[0] = first
    assert wrong not in body
    assert report.ok
    assert repairs and repairs[0]["action"] == "dihapus" and repairs[0]["kalimat"] == wrong


def test_assignments_csv_has_one_row_per_unit(default_brief):
    table = pd.read_csv(default_brief.out_dir / "assignments.csv")
    assert len(table) == 34
    assert set(table.columns[:3]) == {"Provinsi", "klaster", "label"}
    assert table.groupby("klaster").size().sort_values().tolist() == [5, 5, 10, 14]


def test_verifier_flags_a_number_the_brief_does_not_hold(default_brief):
    report = Verifier(default_brief.facts).verify_text("Umur Harapan Hidup (UHH) rata-rata 71,99 tahun.", cluster=1)
    assert report.counts[Verdict.FALSE] == 1


@pytest.mark.parametrize("k", range(2, 16))
def test_every_k_from_2_to_15_gives_a_verified_brief_with_distinct_labels(k):
    # A small bootstrap, so that stability gating and the unstable members' destinations run at every k.
    brief = run_brief(settings(k=k, bootstrap=8, k_panel="false"), write=False)
    labels = [d.label for d in brief.drafts.clusters]
    assert brief.facts.k == k and len(set(labels)) == k
    assert brief.verification.counts[Verdict.FALSE] == 0 and brief.verification.counts[Verdict.UNVERIFIABLE] == 0
    assert ("many_clusters" in brief.facts.method.caveats) == (k > 34 / 3)
    unstable = set(brief.facts.stability.unstable_clusters)
    for d in brief.drafts.clusters:  # the brief's stability caveat is obeyed by every recommendation
        framed = [rec.teks.startswith("Sementara: ") for rec in d.rekomendasi]
        assert all(framed) if d.klaster in unstable else not any(framed)


def test_k_of_n_or_more_is_refused_with_the_reason():
    with pytest.raises(ConfigError, match=r"at most n − 1 = 33"):
        run_brief(settings(k=34), write=False)
    with pytest.raises(ConfigError, match=r"at most n − 1 = 33"):
        run_brief(settings(k=40), write=False)


def test_k_above_15_is_refused_with_the_reason():
    with pytest.raises(ConfigError, match=r"k = 16 is more clusters than a brief can describe: k must be at most 15"):
        run_brief(settings(k=16, bootstrap=0), write=False)


def test_large_tables_keep_result_json_bounded_and_write_parquet_assignments(default_brief, monkeypatch):
    import io

    import interpret.pipeline as pipeline
    import reports.render as render

    small = pipeline.output_files(default_brief)
    assert "assignments.csv" in small and all(c["members"] for c in json.loads(small["result.json"])["facts"]["clusters"])
    monkeypatch.setattr(pipeline, "RESULT_UNITS_MAX", 10)
    monkeypatch.setattr(render, "MEMBERS_LISTED_MAX", 6)
    monkeypatch.setattr(render, "ASSIGNMENTS_PARQUET_MIN", 30)
    facts = pipeline.bounded_facts(default_brief.facts)
    for cluster in facts["clusters"]:
        big = cluster["size"] > 6
        assert (cluster["members"] == []) == big
        assert (facts["index"][f"{cluster['id']}.members"]["text"] == "") == big
    assert facts["stability"]["units"] == {}
    files = pipeline.output_files(default_brief)
    table = pd.read_parquet(io.BytesIO(files["assignments.parquet"]))
    assert len(table) == 34 and "assignments.csv" not in files
