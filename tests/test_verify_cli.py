"""`interpret verify`: any narrative against a run's facts (or the data's), table, --json, --map, exit codes."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from interpret.cli import app

runner = CliRunner()


def invoke(*args: str):
    return runner.invoke(app, ["verify", *args], env={"COLUMNS": "200"})


def test_indonesia_listed_as_a_member_is_false_and_the_exit_code_is_3(write_file, tmp_path):
    narrative = write_file("catatan.md", """
        ## Klaster 1

        Klaster 1 beranggotakan DKI Jakarta, D.I. Yogyakarta, Bali, dan INDONESIA.
        """)
    out = tmp_path / "klaim.json"
    result = invoke(str(narrative), "--json", str(out))
    assert result.exit_code == 3, result.output
    assert "salah" in result.output and "INDONESIA" in result.output
    document = json.loads(out.read_text(encoding="utf-8"))
    wrong = [c for c in document["claims"] if c["verdict"] == "false"]
    assert [c["value"] for c in wrong] == ["INDONESIA"]
    assert {"text", "cluster", "fact_id", "verdict"} <= set(wrong[0])
    assert document["counts"]["false"] == 1 and document["counts"]["true"] == 3


def test_identical_pattern_in_a_one_member_cluster_is_false(write_file):
    narrative = write_file("catatan.md", """
        # Temuan

        Klaster 5 (Papua) menunjukkan pola yang identik di seluruh anggota.
        """)
    result = invoke(str(narrative), "--k", "5")
    assert result.exit_code == 3, result.output
    assert "sebaran" in result.output and "satu provinsi" in result.output


def test_a_written_brief_verifies_against_its_own_run(default_brief):
    brief = default_brief.out_dir / "brief.md"
    result = invoke(str(brief), "--run", str(default_brief.out_dir))
    assert result.exit_code == 0, result.output
    assert " 0 salah" in result.output and "0 tidak dapat diverifikasi" in result.output


def test_clusters_named_differently_are_mapped_by_their_members(write_file, tmp_path, default_brief):
    narrative = write_file("studi.md", """
        ## Klaster A

        Klaster A terdiri dari NTT, Gorontalo, Sulawesi Barat, Papua Barat, dan Papua. Klaster ini memiliki UHH terendah.

        ## Klaster B

        Klaster B beranggotakan DKI Jakarta, Bali, Kepri, DIY dan Kalimantan Timur. Klaster ini memiliki RLS tertinggi.
        """)
    out = tmp_path / "klaim.json"
    result = invoke(str(narrative), "--run", str(default_brief.out_dir), "--json", str(out))
    assert result.exit_code == 0, result.output
    document = json.loads(out.read_text(encoding="utf-8"))
    assert document["cluster_map"] == {"A": 4, "B": 1}
    assert "A → Klaster 4" in result.output


def test_an_explicit_map_wins_and_a_wrong_one_makes_claims_false(write_file, default_brief):
    narrative = write_file("studi.md", "Klaster A memiliki UHH terendah.\n")
    assert invoke(str(narrative), "--run", str(default_brief.out_dir), "--map", "A=4").exit_code == 0
    assert invoke(str(narrative), "--run", str(default_brief.out_dir), "--map", "A=1").exit_code == 3
    bad = invoke(str(narrative), "--run", str(default_brief.out_dir), "--map", "A=9")
    assert bad.exit_code == 2 and "clusters 1–4" in bad.output


def test_a_notebook_markdown_cells_are_verified(tmp_path):
    notebook = tmp_path / "analisis.ipynb"
    cells = [
        {"cell_type": "code", "source": ["x = 80.0  # Klaster 1 UHH 80,00 tahun"]},
        {"cell_type": "markdown", "source": ["Klaster 3 terdiri dari 14 provinsi.\n", "UHH Klaster 3 rata-rata 74,15 tahun."]},
    ]
    notebook.write_text(json.dumps({"cells": cells}), encoding="utf-8")
    result = invoke(str(notebook))
    assert result.exit_code == 0, result.output
    assert "2 klaim: 2 benar" in result.output


def test_missing_inputs_are_clear_errors(tmp_path, write_file):
    narrative = write_file("n.md", "Klaster 1 unggul.\n")
    missing_run = invoke(str(narrative), "--run", str(tmp_path / "tidak-ada"))
    assert missing_run.exit_code == 2 and "result.json" in missing_run.output
    missing_text = invoke(str(tmp_path / "tidak-ada.md"))
    assert missing_text.exit_code == 2 and "Narrative not found" in missing_text.output
    bad_lang = invoke(str(narrative), "--lang", "fr")
    assert bad_lang.exit_code == 2 and "--lang" in bad_lang.output


def test_verify_run_and_verify_k_give_the_same_verdicts_on_the_default_data(default_brief, tmp_path):
    """The facts read back from result.json (--run) are those computed from the data (--k)."""
    brief = default_brief.out_dir / "brief.md"
    from_run, from_data = tmp_path / "run.json", tmp_path / "data.json"
    assert invoke(str(brief), "--run", str(default_brief.out_dir), "--json", str(from_run)).exit_code == 0
    assert invoke(str(brief), "--k", str(default_brief.facts.k), "--json", str(from_data)).exit_code == 0
    run, data = (json.loads(p.read_text(encoding="utf-8")) for p in (from_run, from_data))
    verdicts = lambda document: [(c["id"], c["kind"], c["value"], c["fact_id"], c["expected"], c["verdict"]) for c in document["claims"]]  # noqa: E731
    assert len(run["claims"]) > 200 and verdicts(run) == verdicts(data)
    assert run["counts"] == data["counts"]


def test_a_large_run_folder_gives_its_members_back_from_the_parquet_assignments(default_brief, tmp_path):
    import pandas as pd

    from interpret.verification.command import facts_from_run

    result = json.loads((default_brief.out_dir / "result.json").read_text(encoding="utf-8"))
    for cluster in result["facts"]["clusters"]:  # as bounded_facts writes them for a large table
        cluster["members"] = []
    (tmp_path / "result.json").write_text(json.dumps(result), encoding="utf-8")
    pd.read_csv(default_brief.out_dir / "assignments.csv").to_parquet(tmp_path / "assignments.parquet", index=False)
    facts, units = facts_from_run(tmp_path)
    assert [sorted(c.members) for c in facts.clusters] == [sorted(c.members) for c in default_brief.facts.clusters]
    assert units is not None and len(units) == 34


def test_the_output_is_grouped_by_sentence_with_each_bound_fact_in_every_format(write_file, default_brief):
    narrative = write_file("catatan.md", """
        ## Klaster 2

        UHH Klaster 2 rata-rata 75,32 tahun. HLS Klaster 2 rata-rata 12,92 tahun.
        """)
    run = str(default_brief.out_dir)
    plain = invoke(str(narrative), "--run", run)
    assert plain.exit_code == 3, plain.output
    lines = plain.output.splitlines()
    first = next(i for i, line in enumerate(lines) if "75,32 tahun." in line)
    assert lines[first].startswith("[Klaster 2] UHH Klaster 2 rata-rata 75,32")  # the false sentence comes first
    assert "✗ salah · angka · 75,32 → K2.UHH.mean = 72,32 tahun" in lines[first + 1]
    assert max(len(line) for line in lines) < 200 and "┃" not in plain.output  # plain lines, no boxed table
    md = invoke(str(narrative), "--run", run, "--format", "md")
    assert "### Klaster 2" in md.output and "| salah | angka | 75,32 | K2.UHH.mean = 72,32 tahun |" in md.output
    as_json = invoke(str(narrative), "--run", run, "--format", "json")
    document = json.loads(as_json.output)
    assert [(c["value"], c["fact_id"], c["verdict"]) for c in document["claims"] if c["kind"] == "number"] == [
        ("75,32", "K2.UHH.mean", "false"), ("12,92", "K2.HLS.mean", "false")]


def test_an_unknown_format_is_a_clear_error(write_file):
    narrative = write_file("catatan.md", "Klaster 1 beranggotakan Bali.\n")
    result = invoke(str(narrative), "--format", "xml")
    words = " ".join(result.output.translate({ord(c): " " for c in "│╭╮╰╯─"}).split())
    assert result.exit_code == 2 and "Invalid value for '--format': Value error, 'xml' is not one of 'table', 'md', 'json'." in words


def test_the_format_choices_are_the_listings():
    """The command line offers --format's values before the verifier loads; they are the listing's formats."""
    import typing

    from interpret.cli import verify_command
    from interpret.verification.listing import FORMATS

    assert typing.get_args(verify_command.__signature__.parameters["output_format"].annotation) == FORMATS


def test_the_summary_says_when_the_cluster_names_were_inferred():
    from interpret.verification import VerificationReport
    from interpret.verification.command import NarrativeVerification, summary_line

    report = VerificationReport(inferred=["penomoran klaster dimulai dari 0: Klaster 0 dibaca sebagai Klaster 1, dan seterusnya"])
    assert summary_line(NarrativeVerification("n.md", report, {}, {})).endswith("dan seterusnya.")
    assert "dimulai dari 0" not in summary_line(NarrativeVerification("n.md", VerificationReport(), {}, {}))


def test_the_listing_names_its_columns_and_the_summary_speaks_the_language(write_file, default_brief):
    narrative = write_file("notes.md", "Life expectancy in Cluster 2 averages 72.32 years.\n")
    run = str(default_brief.out_dir)
    md = invoke(str(narrative), "--run", run, "--format", "md", "--lang", "en")
    assert "| verdict | kind | written | bound fact | why |" in md.output
    # a true claim says why too, in the narrative's language
    assert "| true | number | 72.32 | K2.UHH.mean = 72,32 tahun | bound (subject) to K2.UHH.mean |" in md.output and "terikat" not in md.output
    assert "1 claims: 1 true, 0 false, 0 cannot be verified." in md.output
    indonesian = invoke(str(narrative), "--run", run, "--format", "md")
    assert "| putusan | jenis | tertulis | fakta terikat | alasan |" in indonesian.output
