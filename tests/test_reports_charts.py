"""The charts: content, colours, captions, determinism (the map: tests/test_reports_maps.py)."""

from __future__ import annotations

import re

import numpy as np
import pytest

from clustering import zscore
from interpret import run_brief
from interpret.facts import KSelection
from interpret.verification import Verifier
from interpret.terms import Verdict
from reports.charts import PALETTE, cluster_color, pca
from reports.figures import build_charts

from .conftest import settings

OKABE_ITO = {"#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000"}


def charts_by_key(brief):
    return {c.key: c for c in brief.charts}


def test_default_brief_has_every_chart_and_the_map(default_brief):
    keys = set(charts_by_key(default_brief))
    assert {"pca", "heatmap", "map"} | {f"profile-{c.number}" for c in default_brief.facts.clusters} <= keys
    assert ("k-selection" in keys) == (default_brief.facts.k_selection is not None)
    for chart in default_brief.charts:
        assert chart.svg.startswith("<svg") and chart.svg.rstrip().endswith("</svg>")
        assert chart.title and chart.caption.endswith(".")


def test_k_panel_is_drawn_only_when_the_analysis_has_it(default_brief):
    b = default_brief
    without = b.facts.model_copy(update={"k_selection": None})
    assert "k-selection" not in {c.key for c in build_charts(b.dataset, b.partition, without, b.drafts)}
    panel = KSelection(k_values=[2, 3, 4, 5], indices={"wss": [90, 64, 49, 40], "silhouette": [0.3, 0.31, 0.29, 0.27],
                       "gap": [0.8, 0.85, 0.9, 0.95], "gap_se": [0.05] * 4, "dbi": [1.2, 1.1, 1.0, 0.9]}, knee=3, chosen_k=3,
                       votes={"silhouette": 3}, vote_counts={3: 1}, tie_break=None, user_k=4, k_source="spec", sample_size=None,
                       gap_references=20, neighbours=10)
    charts = build_charts(b.dataset, b.partition, b.facts.model_copy(update={"k_selection": panel}), b.drafts)
    chart = next(c for c in charts if c.key == "k-selection")
    assert chart.data == {"k_values": [2, 3, 4, 5], "chosen_k": 3, "used_k": 4, "knee": 3, }
    for word in ("Metode elbow", "Silhouette", "Statistik gap", "Davies"):
        assert word in chart.svg


def test_a_cluster_has_the_same_colour_on_every_chart(default_brief):
    charts = charts_by_key(default_brief)
    for c in default_brief.facts.clusters:
        colour = cluster_color(c.number).lower()
        for key in ("pca", "heatmap", "map", f"profile-{c.number}"):
            assert colour in charts[key].svg.lower(), (key, c.number)
    assert set(PALETTE) == OKABE_ITO  # colour-blind safe
    assert len({cluster_color(n) for n in range(1, 13)}) == 12


def test_captions_hold_no_number_the_verifier_cannot_confirm(default_brief):
    verifier = Verifier(default_brief.facts)
    for chart in default_brief.charts:
        for text in (chart.caption, chart.title):
            report = verifier.verify_text(text)
            assert report.counts[Verdict.FALSE] == 0 and report.counts[Verdict.UNVERIFIABLE] == 0, (chart.key, text, report.claims)
        assert not re.search(r"\d", re.sub(r"[Kk]laster \d+", "", chart.caption)), chart.caption


def test_pca_matches_scikit_learn(default_brief):
    from sklearn.decomposition import PCA

    standardized = zscore(default_brief.dataset.values.to_numpy()).values
    scores, loadings, ratio = pca(standardized)
    reference = PCA(n_components=2).fit(standardized)
    assert ratio == pytest.approx(reference.explained_variance_ratio_, abs=1e-12)
    assert np.abs(scores) == pytest.approx(np.abs(reference.transform(standardized)), abs=1e-9)
    chart = charts_by_key(default_brief)["pca"]
    assert chart.data["n_points"] == 34
    for unit in default_brief.dataset.values.index:  # every unit is labelled
        assert f">{unit}<" in chart.svg


def test_profile_bars_are_the_facts_diff_pct(default_brief):
    charts = charts_by_key(default_brief)
    for c in default_brief.facts.clusters:
        data = charts[f"profile-{c.number}"].data["diff_pct"]
        assert data == {name: f.diff_pct for name, f in c.features.items()}


def test_english_charts_speak_english(default_brief):
    b = default_brief
    charts = {c.key: c for c in build_charts(b.dataset, b.partition, b.facts, b.drafts, lang="en")}
    assert charts["map"].title == "Map of province clusters"
    assert "Principal component 1" in charts["pca"].svg
    assert "Cluster 1" in charts["heatmap"].svg
    assert "national figure (BPS)" in charts["profile-1"].title


# -- issue 15: the PCA chart at household scale --------------------------------------------------------
def test_extreme_points_are_the_farthest_from_the_centre_and_at_most_the_limit():
    from reports.charts import LABELLED_MAX, extreme_points

    rng = np.random.default_rng(0)
    scores = rng.normal(size=(50_000, 2))
    chosen = extreme_points(scores)
    reach = (scores**2).sum(axis=1)
    assert len(chosen) == LABELLED_MAX and set(chosen) == set(np.argsort(-reach)[:LABELLED_MAX])
    assert list(extreme_points(scores[:10])) == list(range(10))


def test_a_large_table_gets_a_density_chart_with_a_bounded_number_of_labels(default_brief):
    from reports.charts import DENSITY_MIN_UNITS, LABELLED_MAX, pca_chart

    rng = np.random.default_rng(1)
    n = DENSITY_MIN_UNITS + 500
    values = rng.normal(size=(n, 4))
    labels = rng.integers(0, default_brief.facts.k, size=n)
    ids = [f"RT{i}" for i in range(n)]
    chart = pca_chart(ids, values, labels, default_brief.facts, {c.number: "x" for c in default_brief.facts.clusters}, "id")
    assert chart.data["density"] and chart.data["n_labelled"] == LABELLED_MAX and chart.data["n_points"] == n
    assert sum(f">{unit}<" in chart.svg for unit in ids) == LABELLED_MAX


def test_no_pca_chart_for_fewer_than_three_indicators(tmp_path):
    import pandas as pd

    rng = np.random.default_rng(2)
    frame = pd.DataFrame({"Unit": [f"Wilayah {i:02d}" for i in range(30)], "A": rng.normal(size=30).round(3), "B": rng.normal(size=30).round(3)})
    data = tmp_path / "two.csv"
    frame.to_csv(data, index=False)
    features = "".join(f'[[features]]\ncolumn = "{c}"\nlabel = "Indikator {c}"\nunit = "poin"\n' for c in "AB")
    spec = tmp_path / "two.toml"
    spec.write_text(f'[dataset]\nname = "two"\ntitle = "Dua"\nunit = "unit"\nunit_plural = "unit"\n[id]\ncolumn = "Unit"\n{features}[clustering]\nk = 3\nbootstrap = 0\n',
                    encoding="utf-8")
    brief = run_brief(settings(data=data, spec=spec), write=False)
    assert "pca" not in {c.key for c in brief.charts} and "heatmap" in {c.key for c in brief.charts}
