"""The province boundaries (reports/geojson.py): the shipped set of 34 provinces, its licence in the
package and the wheel, label points, the names of a 38-province file, a file without province names."""

from __future__ import annotations

import fnmatch
import json
import tomllib
from importlib import resources

import numpy as np
import pytest

from interpret.errors import DataError
from interpret.provinces import PROVINCES, canonical_name, capital_coordinates
from reports.geojson import BOUNDARIES, CODES, label_points, province_of, provinces_in, shipped_provinces

from .conftest import ROOT


# -- the shipped boundary set ---------------------------------------------------------------------------
def test_the_shipped_boundaries_are_the_34_provinces_small_and_licensed():
    doc = json.loads(BOUNDARIES.read_text(encoding="utf-8"))
    names = [canonical_name(f["properties"]["name"]) for f in doc["features"]]
    assert sorted(names) == sorted(PROVINCES) and len(names) == 34
    assert BOUNDARIES.stat().st_size < 300_000
    packaged = resources.files("reports") / "data"
    assert (packaged / "indonesia-provinces.geojson").is_file()
    licence = (packaged / "BOUNDARIES-LICENSE.md").read_text(encoding="utf-8")
    for needed in ("Natural Earth", "public domain", "MapSVG", "CC BY 4.0", "creativecommons.org/licenses/by/4.0"):
        assert needed in licence
    assert set(CODES) == set(PROVINCES) and len(set(CODES.values())) == 34


def test_the_wheel_ships_the_boundaries_and_their_licence():
    patterns = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["package-data"]["reports"]
    for name in ("data/indonesia-provinces.geojson", "data/BOUNDARIES-LICENSE.md"):
        assert any(fnmatch.fnmatch(name, pattern) for pattern in patterns), (name, patterns)


def test_each_label_point_lies_inside_its_province_and_each_province_is_where_its_capital_is():
    from matplotlib.path import Path as MplPath

    for area in shipped_provinces():
        rings = [ring for polygon in area.polygons for ring in polygon[:1]]
        lon, lat = label_points()[area.name]
        assert any(MplPath(ring).contains_point((lon, lat)) for ring in rings), area.name
        # The capital within ~0.3° of the province (coastal capitals sit on a simplified coast).
        clat, clon = capital_coordinates(area.name)
        nearest = min(np.hypot(ring[:, 0] - clon, ring[:, 1] - clat).min() for ring in rings)
        inside = any(MplPath(ring).contains_point((clon, clat)) for ring in rings)
        assert inside or nearest < 0.3, (area.name, nearest)


def test_the_provinces_made_in_2022_are_drawn_as_the_province_they_came_from():
    assert province_of("Papua Selatan") == ("Papua", True)
    assert province_of("PAPUA BARAT DAYA") == ("Papua Barat", True)
    assert province_of("Highland Papua") == ("Papua", True)
    assert province_of("Papua") == ("Papua", False) and province_of("Atlantis") == (None, False)


def test_a_file_without_province_names_is_a_data_error(tmp_path):
    path = tmp_path / "x.geojson"
    square = [[[96, -9], [97, -9], [97, -8], [96, -8], [96, -9]]]
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"NAME_1": "Atlantis"},
                                                                           "geometry": {"type": "Polygon", "coordinates": square}}]}), encoding="utf-8")
    with pytest.raises(DataError, match="no property holds province names"):
        provinces_in(path)
