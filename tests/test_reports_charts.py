"""The charts and the map: content, colours, captions, determinism, the GeoJSON choropleth."""

from __future__ import annotations

import json
import re

import numpy as np
import pytest
from typer.testing import CliRunner

from clustering import zscore
from interpret import run_brief
from interpret.cli import app
from interpret.errors import DataError
from interpret.facts import KSelection
from interpret.provinces import PROVINCES, capital_coordinates
from interpret.verification import Verifier
from interpret.terms import Verdict
from reports.charts import PALETTE, cluster_color, pca
from reports.figures import build_charts
from reports.maps import province_map, read_geojson

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


def test_map_places_all_34_provinces(default_brief):
    chart = charts_by_key(default_brief)["map"]
    assert chart.data["kind"] == "capitals"
    assert sorted(chart.data["placed"]) == sorted(PROVINCES) and len(chart.data["placed"]) == 34
    assert chart.data["unplaced"] == []
    assert len(re.findall(r'id="map-province-[^"]+"', chart.svg)) == 34
    assert default_brief.result["charts"][[c["key"] for c in default_brief.result["charts"]].index("map")]["placed"] == chart.data["placed"]


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


def test_units_that_are_no_province_get_no_map(simple_csv, simple_spec):
    brief = run_brief(settings(data=simple_csv, spec=simple_spec, provider="none"), write=False)
    assert "map" not in charts_by_key(brief)
    assert province_map({"Jawa Barat": 1, "Atlantis": 2}, {1: "K1", 2: "K2"}, "id").data["unplaced"] == ["Atlantis"]


def test_english_charts_speak_english(default_brief):
    b = default_brief
    charts = {c.key: c for c in build_charts(b.dataset, b.partition, b.facts, b.drafts, lang="en")}
    assert charts["map"].title == "Map of province clusters"
    assert "Principal component 1" in charts["pca"].svg
    assert "Cluster 1" in charts["heatmap"].svg
    assert "national figure (BPS)" in charts["profile-1"].title


# -- GeoJSON ---------------------------------------------------------------------------------------
def square(lat: float, lon: float, half: float = 0.6) -> list:
    return [[[lon - half, lat - half], [lon + half, lat - half], [lon + half, lat + half], [lon - half, lat + half], [lon - half, lat - half]]]


def make_geojson(path, names_and_provinces) -> None:
    features = []
    for written, province in names_and_provinces:
        lat, lon = capital_coordinates(province) if province else (-9.0, 96.0)
        geometry = {"type": "Polygon", "coordinates": square(lat, lon)}
        if written == "Papua":  # a MultiPolygon too, as real boundary files have for island provinces
            geometry = {"type": "MultiPolygon", "coordinates": [square(lat, lon), square(lat - 1.5, lon + 1.5, 0.3)]}
        features.append({"type": "Feature", "properties": {"NAME_1": written, "ID": len(features)}, "geometry": geometry})
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8")


@pytest.fixture
def small_geojson(tmp_path):
    path = tmp_path / "provinsi.geojson"
    make_geojson(path, [("DKI JAKARTA", "DKI Jakarta"), ("DI. YOGYAKARTA", "D.I. Yogyakarta"), ("Kep. Riau", "Kepulauan Riau"),
                        ("Papua", "Papua"), ("NTT", "Nusa Tenggara Timur"), ("Atlantis", None)])
    return path


def test_geojson_draws_a_choropleth_and_lists_unmatched_names(small_geojson, tmp_path):
    brief = run_brief(settings(provider="none", geojson=small_geojson, out=tmp_path / "out", pdf="off"))
    chart = charts_by_key(brief)["map"]
    assert chart.data["kind"] == "geojson" and chart.data["name_property"] == "NAME_1"
    assert chart.data["placed"] == sorted(["DKI Jakarta", "D.I. Yogyakarta", "Kepulauan Riau", "Papua", "Nusa Tenggara Timur"])
    assert chart.data["unmatched_geojson"] == ["Atlantis"]
    assert len(chart.data["missing_provinces"]) == 34 - 5
    # Filled province shapes in their cluster's colour (Jakarta is in cluster 1, NTT in cluster 4).
    assert chart.svg.count(f"fill: {cluster_color(1).lower()}") >= 1 and chart.svg.count(f"fill: {cluster_color(4).lower()}") >= 1
    html = (tmp_path / "out" / "brief.html").read_text(encoding="utf-8")
    assert "Atlantis" in html and "Jawa Barat" in html  # the unmatched name and a province missing from the file
    result = json.loads((tmp_path / "out" / "result.json").read_text(encoding="utf-8"))
    assert next(c for c in result["charts"] if c["key"] == "map")["unmatched_geojson"] == ["Atlantis"]


def test_cli_geojson_option_and_a_broken_file(small_geojson, tmp_path):
    runner = CliRunner()
    ok = runner.invoke(app, ["run", "--provider", "none", "--no-pdf", "--geojson", str(small_geojson), "--out", str(tmp_path / "b")], env={}, catch_exceptions=False)
    assert ok.exit_code == 0, ok.output
    assert "Atlantis" in (tmp_path / "b" / "brief.html").read_text(encoding="utf-8")
    broken = tmp_path / "broken.geojson"
    broken.write_text("{not json", encoding="utf-8")
    bad = runner.invoke(app, ["run", "--provider", "none", "--no-pdf", "--geojson", str(broken), "--out", str(tmp_path / "c")], env={}, catch_exceptions=False)
    assert bad.exit_code == 2
    assert "broken.geojson" in bad.output and "GeoJSON" in bad.output


def test_geojson_without_province_names_is_a_data_error(tmp_path):
    path = tmp_path / "x.geojson"
    make_geojson(path, [("Atlantis", None)])
    assert len(read_geojson(path)) == 1
    with pytest.raises(DataError, match="no property holds province names"):
        province_map({"Aceh": 1}, {1: "K1"}, "id", geojson=path)


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
