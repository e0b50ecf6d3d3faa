"""The clustering analyses inside `interpret run`: k panel, stability, assumptions, PCA, weights,
methods, compare, and their settings; every brief here must pass its verification."""

from __future__ import annotations

import json
import textwrap

import numpy as np
import pandas as pd
import pytest
from sklearn.metrics import silhouette_score
from typer.testing import CliRunner

from interpret import run_brief
from interpret.cli import app
from interpret.config import resolve_settings
from interpret.errors import ConfigError
from interpret.terms import Verdict

from .conftest import ROOT, settings


def _spec(name: str, features: list[str], k: str = "", extra_dataset: str = "", extra_clustering: str = "") -> str:
    themes = ("kesehatan", "pendidikan", "ekonomi")
    blocks = "\n".join(
        f'[[features]]\ncolumn = "{f}"\nlabel = "Indikator {f}"\nunit = "poin"\ndecimals = 2\ntheme = "{themes[i % 3]}"\n'
        for i, f in enumerate(features)
    )
    return textwrap.dedent(
        f"""
        [dataset]
        name = "{name}"
        title = "Data uji {name}"
        unit = "unit"
        unit_plural = "unit"
        {extra_dataset}

        [id]
        column = "Unit"

        [reference]
        kind = "mean"

        """
    ) + blocks + f"\n[clustering]\n{k}\nseed = 3\n{extra_clustering}\n"


def _write(tmp_path, name: str, frame: pd.DataFrame, spec_text: str):
    data = tmp_path / f"{name}.csv"
    frame.to_csv(data, index=False)
    spec = tmp_path / f"{name}.toml"
    spec.write_text(spec_text, encoding="utf-8")
    return data, spec


def _blobs_frame(seed: int = 0) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    centers = ([10, 50, 5], [30, 20, 9], [20, 80, 14])
    rows = np.vstack([rng.normal(c, [1.0, 3.0, 0.5], size=(15, 3)) for c in centers])
    frame = pd.DataFrame(rows.round(3), columns=["A", "B", "C"])
    frame.insert(0, "Unit", [f"Unit {chr(65 + i // 26)}{chr(65 + i % 26)}" for i in range(len(frame))])
    return frame


def _assert_verified(brief) -> None:
    wrong = [(c.value, c.text[:90], c.note) for c in brief.verification.claims if c.verdict == Verdict.FALSE]
    assert not wrong


def test_default_brief_shows_the_k_panel_stability_and_checks(default_brief):
    facts = default_brief.facts
    ks = facts.k_selection
    assert ks.k_values == list(range(2, 11)) and ks.user_k == 4 and facts.k == 4
    assert set(ks.indices) >= {"wss", "silhouette", "gap", "gap_se", "dbi", "ch", "connectivity"}
    assert all(len(v) == 9 for v in ks.indices.values())
    assert ks.sample_size is None and ks.chosen_k in ks.votes.values()
    assert facts.index["KSEL.k4.silhouette"].kind == "silhouette" and facts.index["KSEL.k4.silhouette"].cluster is None
    assert facts.index["KSEL.vote.silhouette"].kind == "k"
    assert facts.index["KSEL.k4.wss"].value == pytest.approx(48.915, abs=5e-4)
    stability = facts.stability
    assert stability.B == 100 and set(stability.clusters) == {1, 2, 3, 4}
    assert facts.index["K2.jaccard"].kind == "jaccard" and facts.index["K2.jaccard"].cluster == 2
    unit = facts.index["UNIT.Kalimantan_Utara.moved_pct"]
    assert unit.member == "Kalimantan Utara" and unit.unit == "%" and unit.cluster == stability.units["Kalimantan Utara"].cluster
    assert facts.index["ASSUME.kmo"].value == pytest.approx(facts.assumptions.kmo.overall)
    assert "ASSUME.kmo.UHH" in facts.index
    assert facts.index["ASSUME.outlier.DKI_Jakarta.Pengeluaran"].member == "DKI Jakarta"

    body = default_brief.markdown.split("## Lampiran")[0]
    from interpret.analysis_text import consensus_paragraph
    from interpret.language import load_language

    assert "### Pemilihan jumlah klaster" in body and consensus_paragraph(ks, load_language("id")) in body
    assert "| dipakai | 4 | 48,91 |" in body
    assert "### Stabilitas klaster" in body and "### Pemeriksaan asumsi" in body
    assert "DKI Jakarta pada Pengeluaran per kapita disesuaikan (z = +3,49)" in body
    for unit_id in stability.unstable_units:
        assert f"{unit_id} berpindah klaster pada" in body
    result = json.loads((default_brief.out_dir / "result.json").read_text(encoding="utf-8"))
    assert result["facts"]["k_selection"]["votes"] == ks.votes


def test_k_auto_chooses_three_for_three_blobs_and_they_are_stable(tmp_path):
    data, spec = _write(tmp_path, "blobs", _blobs_frame(), _spec("blobs", ["A", "B", "C"]))
    brief = run_brief(settings(data=data, spec=spec, out=tmp_path / "out"), write=False)
    ks = brief.facts.k_selection
    assert brief.facts.k == 3 and ks.chosen_k == 3 and ks.user_k is None
    assert brief.facts.method.k_source == "auto"
    assert all(c.jaccard >= 0.9 for c in brief.facts.stability.clusters.values())
    assert "hasil konsensus tersebut" in brief.markdown
    assert "sangat stabil" in brief.markdown
    _assert_verified(brief)


def test_uniform_noise_with_k_4_is_called_unstable(tmp_path):
    rng = np.random.default_rng(0)
    frame = pd.DataFrame(rng.uniform(0, 100, size=(60, 8)).round(2), columns=list("ABCDEFGH"))
    frame.insert(0, "Unit", [f"Wilayah {chr(65 + i // 26)}{chr(65 + i % 26)}" for i in range(60)])
    data, spec = _write(tmp_path, "noise", frame, _spec("noise", list("ABCDEFGH"), k="k = 4"))
    brief = run_brief(settings(data=data, spec=spec), write=False)
    stability = brief.facts.stability
    assert stability.all_unstable
    assert "Secara keseluruhan pengelompokan ini tidak stabil" in brief.markdown
    assert "tidak stabil" in brief.markdown.split("## Klaster 1")[1]
    _assert_verified(brief)


def test_kmedoids_manhattan_on_a_generated_long_expenditure_table(long_expenditure, write_file):
    spec = write_file("p.toml", (ROOT / "examples" / "pengeluaran_2022.toml").read_text(encoding="utf-8"))
    brief = run_brief(settings(data=long_expenditure, spec=spec, method="kmedoids", metric="manhattan", k=3), write=False)
    assert brief.partition.method == "kmedoids" and brief.partition.metric == "manhattan"
    assert brief.facts.k == 3
    assert "K-medoids (FasterPAM) berjarak Manhattan" in brief.markdown
    _assert_verified(brief)


def test_ward_with_robust_scaling_and_pca_on_the_default_data(tmp_path):
    brief = run_brief(settings(method="ward", scaling="robust", pca=True, bootstrap=20), write=False)
    assert brief.partition.method == "ward" and brief.facts.method.standardization == "robust"
    pca = brief.facts.pca
    assert pca.n_components >= 1 and len(pca.explained_variance_pct) == 4
    assert sum(pca.explained_variance_pct) == pytest.approx(100.0)
    assert set(pca.loadings) == {"UHH", "HLS", "RLS", "Pengeluaran"}
    assert "PCA.pc1.variance_pct" in brief.facts.index and "PCA.UHH.pc1" in brief.facts.index
    assert "### Analisis komponen utama" in brief.markdown and "Ward" in brief.markdown
    assert brief.facts.stability.B == 20
    _assert_verified(brief)


def test_minmax_scaling_changes_only_the_scaling():
    brief = run_brief(settings(scaling="minmax", bootstrap=0), write=False)
    assert brief.facts.method.standardization == "minmax"
    assert "diskalakan min-maks" in brief.markdown
    assert brief.facts.stability is None  # B = 0: no bootstrap
    _assert_verified(brief)


def test_survey_weights_make_means_and_counts_population_estimates(tmp_path):
    frame = _blobs_frame(1)
    weights = np.random.default_rng(1).uniform(50, 500, size=len(frame)).round(1)
    frame["bobot"] = weights
    spec_text = _spec("survei", ["A", "B", "C"], k="k = 3", extra_dataset='weight = "bobot"')
    data, spec = _write(tmp_path, "survei", frame, spec_text)
    brief = run_brief(settings(data=data, spec=spec, bootstrap=10), write=False)
    labels = brief.partition.labels
    for c in range(3):
        inside = labels == c
        assert brief.facts.index[f"K{c + 1}.A.mean"].value == pytest.approx(np.average(frame["A"][inside], weights=weights[inside]))
        assert brief.facts.index[f"K{c + 1}.population"].value == pytest.approx(weights[inside].sum())
        assert brief.facts.index[f"K{c + 1}.population_pct"].value == pytest.approx(100 * weights[inside].sum() / weights.sum())
        assert brief.facts.index[f"K{c + 1}.size"].value == inside.sum()
    assert brief.facts.index["REF.A"].value == pytest.approx(np.average(frame["A"], weights=weights))
    assert "Bobot survei: kolom `bobot`" in brief.markdown and "perkiraan populasi tertimbang" in brief.markdown
    assert "Perkiraan populasi (tertimbang)" in brief.markdown
    assert "tanpa pembobotan" not in brief.markdown.split("## Lampiran")[0]  # nothing calls the figures unweighted
    _assert_verified(brief)


def test_compare_scores_methods_and_justifies_the_best():
    brief = run_brief(settings(compare=True, bootstrap=0), write=False)
    comparison = brief.facts.comparison
    combos = {(r.method, r.metric) for r in comparison.rows}
    assert combos == {("kmeans", "euclidean"), ("kmedoids", "euclidean"), ("kmedoids", "manhattan"), ("ward", "euclidean")}
    assert {r.k for r in comparison.rows} == {3, 4, 5}
    used = comparison.used
    assert used.method == "kmeans" and used.k == 4
    from clustering import zscore

    X = zscore(brief.dataset.values.to_numpy()).values
    assert used.silhouette == pytest.approx(silhouette_score(X, brief.partition.labels))
    assert comparison.chosen.method in {"kmeans", "kmedoids", "ward"}
    from interpret.analysis_text import comparison_paragraph
    from interpret.language import load_language

    assert "### Perbandingan metode" in brief.markdown and comparison_paragraph(comparison, load_language("id")) in brief.markdown
    _assert_verified(brief)


def test_k_auto_and_clustering_settings_resolve_with_one_precedence():
    assert settings(k="auto").k == "auto"
    assert settings(k="5").k == 5
    env = resolve_settings({}, environ={"INTERPRET_K": "auto", "INTERPRET_METHOD": "ward", "INTERPRET_PCA": "yes"}, dotenv_path=None)
    assert (env.k, env.method, env.pca) == ("auto", "ward", True)
    with pytest.raises(ConfigError, match="method"):
        settings(method="dbscan")
    with pytest.raises(ConfigError, match="must be"):
        settings(k="banyak")
    with pytest.raises(ConfigError, match="kmedoids"):
        run_brief(settings(metric="manhattan"), write=False)


def test_cli_run_with_k_auto_and_the_compare_command(tmp_path):
    runner = CliRunner()
    data, spec = _write(tmp_path, "blobs", _blobs_frame(), _spec("blobs", ["A", "B", "C"], k="k = 2"))
    result = runner.invoke(app, ["run", str(data), "--spec", str(spec), "--k", "auto", "--provider", "none",
                                 "--bootstrap", "10", "--out", str(tmp_path / "auto")])
    assert result.exit_code == 0, result.output
    document = json.loads((tmp_path / "auto" / "result.json").read_text(encoding="utf-8"))
    assert document["facts"]["method"]["k"] == 3 and document["facts"]["k_selection"]["user_k"] is None
    result = runner.invoke(app, ["compare", str(data), "--spec", str(spec), "--provider", "none", "--out", str(tmp_path / "cmp")])
    assert result.exit_code == 0, result.output
    document = json.loads((tmp_path / "cmp" / "result.json").read_text(encoding="utf-8"))
    assert document["facts"]["comparison"]["rows"] and document["facts"]["method"]["k"] == 2
    result = runner.invoke(app, ["run", "--method", "kmeans", "--metric", "manhattan", "--provider", "none", "--out", str(tmp_path / "bad")])
    assert result.exit_code == 2 and "kmedoids" in result.output


# -- issue 15: k rules, the k panel when k is fixed, MSA, PCA by components, no scaling ----------------
@pytest.mark.parametrize("rule", ["dbi", "silhouette", "gap"])
def test_a_k_rule_takes_that_index_vote_and_the_brief_says_so(rule, tmp_path):
    data, spec = _write(tmp_path, "blobs", _blobs_frame(), _spec("blobs", ["A", "B", "C"], k=f'k = "{rule}"'))
    brief = run_brief(settings(data=data, spec=spec), write=False)
    ks = brief.facts.k_selection
    assert ks.rule == rule and brief.facts.k == ks.chosen_k == ks.votes[rule]
    assert "aturan pemilihan k yang ditetapkan" in brief.markdown
    _assert_verified(brief)


def test_k_rule_elbow_from_the_command_line_uses_the_knee():
    brief = run_brief(settings(k="elbow", bootstrap=0), write=False)
    ks = brief.facts.k_selection
    assert ks.rule == "elbow" and brief.facts.method.k_source == "auto"
    if ks.knee is not None and ks.knee not in ks.excluded:
        assert brief.facts.k == ks.knee and not ks.rule_fallback
    else:
        assert ks.rule_fallback and "k diambil dari konsensus" in brief.markdown
    _assert_verified(brief)


def test_k_panel_false_skips_the_panel_for_a_fixed_k_and_the_brief_says_so():
    brief = run_brief(settings(k=4, k_panel="false", bootstrap=0), write=False)
    assert brief.facts.k_selection is None and "k_panel_skipped" in brief.facts.method.caveats
    assert "panel pemilihan k tidak dijalankan" in brief.markdown and "### Pemilihan jumlah klaster" not in brief.markdown
    _assert_verified(brief)


def test_k_panel_auto_runs_for_the_default_data_with_its_fixed_k(default_brief):
    assert default_brief.facts.method.k_source == "spec" and default_brief.facts.k_selection is not None
    assert "k_panel_skipped" not in default_brief.facts.method.caveats


def test_k_panel_auto_skips_a_fixed_k_on_a_large_table(tmp_path):
    from interpret.choices import K_PANEL_AUTO_MAX, resolve_choices
    from interpret.data import load_dataset

    rng = np.random.default_rng(1)
    n = K_PANEL_AUTO_MAX + 1
    frame = pd.DataFrame(rng.normal(size=(n, 3)).round(4), columns=list("ABC"))
    frame.insert(0, "Unit", [f"U{i}" for i in range(n)])
    data, spec = _write(tmp_path, "big", frame, _spec("big", list("ABC"), k="k = 3"))
    s = settings(data=data, spec=spec)
    choices = resolve_choices(load_dataset(data, spec), s)
    assert choices.panel_skipped and not choices.run_panel
    auto = resolve_choices(load_dataset(data, spec), settings(data=data, spec=spec, k="auto"))
    assert auto.run_panel and not auto.panel_skipped  # choosing k needs the panel at any size


def test_many_clusters_warn_in_the_brief_and_on_the_console(tmp_path):
    brief = run_brief(settings(k=12, bootstrap=0, k_panel="false"), write=False)
    assert "many_clusters" in brief.facts.method.caveats and "lebih dari sepertiga" in brief.markdown
    _assert_verified(brief)
    result = CliRunner().invoke(app, ["run", "--k", "12", "--bootstrap", "0", "--k-panel", "false", "--provider", "none", "--no-pdf",
                                      "--out", str(tmp_path / "out")], env={}, catch_exceptions=False)
    assert result.exit_code == 0 and "warning" in result.output and "sepertiga" in result.output


def test_drop_low_msa_leaves_weak_indicators_out_of_the_clustering_and_names_them(tmp_path):
    rng = np.random.default_rng(4)
    base = rng.normal(size=(60, 1))
    frame = pd.DataFrame(np.hstack([base + rng.normal(0, 0.3, size=(60, 3)), rng.normal(size=(60, 1))]).round(4), columns=list("ABCD"))
    frame.insert(0, "Unit", [f"Wilayah {i:02d}" for i in range(60)])
    data, spec = _write(tmp_path, "msa", frame, _spec("msa", list("ABCD"), k="k = 3", extra_clustering="drop_low_msa = true"))
    brief = run_brief(settings(data=data, spec=spec, bootstrap=0), write=False)
    kmo = brief.facts.assumptions.kmo.per_variable
    low = [name for name, value in kmo.items() if value < 0.5]
    assert brief.facts.method.dropped_features == low and low
    assert "low_msa_dropped" in brief.facts.method.caveats and "(drop_low_msa)" in brief.markdown
    assert all(f"Indikator {name}" in brief.markdown.split("(drop_low_msa)")[1].split("\n")[0] for name in low)
    assert set(brief.facts.clusters[0].features) == set("ABCD")  # still profiled
    _assert_verified(brief)


def test_pca_by_kaiser_and_by_a_number_of_components(tmp_path):
    for setting, expected in (("pca_components = 1", 1), ('pca_components = "kaiser"', None)):
        data, spec = _write(tmp_path, "p", _blobs_frame(), _spec("p", ["A", "B", "C"], k="k = 3", extra_clustering=f"pca = true\n{setting}"))
        brief = run_brief(settings(data=data, spec=spec, bootstrap=0), write=False)
        pc = brief.facts.pca
        if expected is None:  # Kaiser: the components with eigenvalue above 1 (the mean for z-scores)
            from clustering import pca, zscore

            values = zscore(pd.read_csv(data)[["A", "B", "C"]].to_numpy(float)).values
            eigen = np.linalg.eigvalsh(np.cov(values, rowvar=False))
            expected = int((eigen > 1).sum())
            assert pca(values, n_components="kaiser").n_components == expected
        assert pc.n_components == expected
        _assert_verified(brief)


def test_scaling_none_clusters_the_raw_values():
    brief = run_brief(settings(scaling="none", bootstrap=0, k_panel="false"), write=False)
    assert brief.facts.method.standardization == "none"
    _assert_verified(brief)
