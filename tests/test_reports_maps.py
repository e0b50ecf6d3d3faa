"""The map (reports/maps.py): the choropleth by cluster with its second channel, labels, legend and
notes, a user's --geojson file, and the map as Chromium draws it at print size (34 shapes with ids,
legend whole, no label over another). The boundary data: tests/test_reports_geojson.py."""

from __future__ import annotations

import json
import re

import pytest
from typer.testing import CliRunner

from interpret import run_brief
from interpret.cli import app
from interpret.errors import DataError
from interpret.provinces import PROVINCES, capital_coordinates
from reports.charts import cluster_color
from reports.geojson import CODES
from reports.maps import HATCHES, province_map, read_geojson

from .conftest import settings
from .test_render_chromium import chromium, load, open_page  # noqa: F401 (chromium is a fixture)

ALL = {name: i % 4 + 1 for i, name in enumerate(PROVINCES)}
NAMES = {n: f"Klaster {n}: contoh {n}" for n in range(1, 5)}


def map_of(brief):
    return next(c for c in brief.charts if c.key == "map")


# -- the choropleth ---------------------------------------------------------------------------------------
def test_default_brief_draws_34_province_shapes_coloured_by_cluster(default_brief):
    chart = map_of(default_brief)
    assert chart.data["kind"] == "boundaries"
    assert chart.data["placed"] == sorted(PROVINCES) and chart.data["unplaced"] == []
    ids = re.findall(r'<g id="map-province-([^"]+)"', chart.svg)
    assert len(ids) == len(set(ids)) == 34
    for c in default_brief.facts.clusters:
        assert cluster_color(c.number).lower() in chart.svg.lower()
    assert chart.data["legend_entries"] == len(default_brief.facts.clusters)
    assert default_brief.result["charts"][[c["key"] for c in default_brief.result["charts"]].index("map")]["placed"] == chart.data["placed"]


def test_colour_is_not_the_only_cue_each_cluster_has_its_own_hatching():
    chart = province_map(ALL, NAMES, "id")
    assert len(set(HATCHES)) == len(HATCHES)
    patterns = re.findall(r"<pattern ", chart.svg)
    assert len(patterns) >= 3  # clusters 2, 3 and 4 are hatched (cluster 1 is plain), in the map and the legend
    for n in (2, 3, 4):  # each hatched province is filled with a pattern, not a flat colour
        slug = next(s for s, number in ((re.sub(r"\W+", "-", p.lower()).strip("-"), ALL[p]) for p in PROVINCES) if number == n)
        group = re.search(rf'<g id="map-province-{slug}">\s*<path [^>]*style="([^"]+)"', chart.svg)
        assert group and "url(#" in group.group(1), (n, slug)


def test_every_code_on_the_map_is_in_the_key_and_the_papua_note_is_there():
    chart = province_map(ALL, NAMES, "id")
    key = chart.notes[0]
    for name, code in CODES.items():
        assert f"{code} {name}" in key
    assert len(re.findall(r'<g id="map-label-', chart.svg)) == 34
    assert any("pemekaran Papua" in note for note in chart.notes)
    english = province_map(ALL, NAMES, "en")
    assert english.notes[0].startswith("Province codes") and any("divided in 2022" in n for n in english.notes)
    without_papua = province_map({"Aceh": 1, "Bali": 2}, NAMES, "id")
    assert not any("Papua" in note and "2022" in note for note in without_papua.notes)


def test_small_provinces_are_labelled_beside_their_shape_with_a_leader():
    chart = province_map(ALL, NAMES, "id")
    assert "DKI Jakarta" in chart.data["labels_moved"]  # too small at print size for its own code
    assert len(chart.data["labels_moved"]) <= 8  # most provinces carry their code inside


def test_units_that_are_no_province_get_no_map(simple_csv, simple_spec):
    brief = run_brief(settings(data=simple_csv, spec=simple_spec, provider="none"), write=False)
    assert "map" not in {c.key for c in brief.charts}
    assert province_map({"P01": 1}, NAMES, "id") is None
    assert province_map({"Jawa Barat": 1, "Atlantis": 2}, {1: "K1", 2: "K2"}, "id").data["unplaced"] == ["Atlantis"]


# -- a user's GeoJSON ---------------------------------------------------------------------------------------
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
    chart = map_of(brief)
    assert chart.data["kind"] == "geojson" and chart.data["name_property"] == "NAME_1"
    assert chart.data["placed"] == sorted(["DKI Jakarta", "D.I. Yogyakarta", "Kepulauan Riau", "Papua", "Nusa Tenggara Timur"])
    assert chart.data["unmatched_geojson"] == ["Atlantis"]
    assert len(chart.data["missing_provinces"]) == 34 - 5
    assert "Natural Earth" not in chart.svg  # the shipped set's attribution only under the shipped set
    # Province shapes in their cluster's colour (Jakarta is in cluster 1, NTT in cluster 4: a hatch pattern on its colour).
    assert chart.svg.count(f"fill: {cluster_color(1).lower()}") >= 1 and cluster_color(4).lower() in chart.svg.lower()
    html = (tmp_path / "out" / "brief.html").read_text(encoding="utf-8")
    assert "Atlantis" in html and "Jawa Barat" in html  # the unmatched name and a province missing from the file
    result = json.loads((tmp_path / "out" / "result.json").read_text(encoding="utf-8"))
    assert next(c for c in result["charts"] if c["key"] == "map")["unmatched_geojson"] == ["Atlantis"]


def test_a_38_province_file_draws_the_new_papua_provinces_as_their_parent(tmp_path):
    path = tmp_path / "38.geojson"
    make_geojson(path, [("Papua", "Papua"), ("Papua Barat", "Papua Barat"), ("Papua Selatan", "Papua"), ("PAPUA BARAT DAYA", "Papua Barat")])
    chart = province_map({"Papua": 3, "Papua Barat": 2}, NAMES, "id", geojson=path)
    assert chart.data["unmatched_geojson"] == []
    assert chart.data["merged_2022"] == ["PAPUA BARAT DAYA", "Papua Selatan"]
    ids = re.findall(r'<g id="map-province-([^"]+)"', chart.svg)
    assert len(ids) == len(set(ids)) == 4
    assert chart.svg.lower().count(cluster_color(3).lower()) >= 1


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


# -- as Chromium draws it ------------------------------------------------------------------------------------
MEASURE = """(() => {
  const svg = document.querySelector('svg');
  const s = svg.getBoundingClientRect();
  const box = e => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
  const shapes = Array.from(svg.querySelectorAll('g[id^="map-province-"]')).map(g => ({id: g.id, box: box(g.querySelector('path'))}));
  const labels = Array.from(svg.querySelectorAll('g[id^="map-label-"] text')).map(t => ({
    text: t.textContent, box: box(t), px: parseFloat(getComputedStyle(t).fontSize) * s.width / svg.viewBox.baseVal.width}));
  return {svg: [s.left, s.top, s.right, s.bottom], shapes, labels, legend: box(svg.querySelector('#map-legend'))};
})()"""


@pytest.mark.parametrize("names", [NAMES, {n: f"Klaster {n}: " + "nama klaster yang sangat panjang sekali " * 3 for n in range(1, 5)}], ids=["short", "long-names"])
def test_chromium_draws_34_provinces_the_whole_legend_and_no_label_over_another(chromium, tmp_path, names):  # noqa: F811
    chart = province_map(ALL, names, "id")
    page_path = tmp_path / "map.html"
    # 16,5 cm: the text width the map is drawn for (1 SVG unit = 1 pt there).
    svg = chart.svg.replace("<svg ", '<svg style="width:100%;height:auto;display:block" ', 1)
    page_path.write_text(f'<!doctype html><html><body style="margin:0"><div style="width:16.5cm">{svg}</div></body></html>', encoding="utf-8")
    page = open_page(chromium)
    try:
        others, failed = load(page, page_path)
        assert others == [] and failed == []
        m = page.evaluate(MEASURE)
    finally:
        page.close()
    assert len(m["shapes"]) == 34 and len({s["id"] for s in m["shapes"]}) == 34
    assert all(s["box"][2] - s["box"][0] > 0 and s["box"][3] - s["box"][1] > 0 for s in m["shapes"])
    left, top, right, bottom = m["svg"]
    legend = m["legend"]
    assert left <= legend[0] and legend[2] <= right and top <= legend[1] and legend[3] <= bottom, (m["svg"], legend)
    assert len(m["labels"]) == 34
    pt = 96 / 72
    for label in m["labels"]:
        assert label["px"] >= 7 * pt, label  # at least 7 pt at print size
    boxes = [label["box"] for label in m["labels"]]
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]), (a, b)
