"""Province boundaries for the map: the shipped set (reports/data) and a user's `--geojson FILE`.

GeoJSON is read with the standard library: Polygon and MultiPolygon geometries only, which is what
province boundary files hold, so no GIS stack is needed at run time. Names are matched through the
alias table the verifier uses (`interpret.provinces.canonical_name`).

The shipped set (`reports/data/indonesia-provinces.geojson`, built by
tools/build_province_boundaries.py; sources and licences in reports/data/BOUNDARIES-LICENSE.md) has
the 34 provinces of the 2023 data, each with a label point inside its largest part.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from interpret.errors import DataError
from interpret.provinces import PROVINCES, canonical_name, normalize

DATA_DIR = Path(__file__).with_name("data")
BOUNDARIES = DATA_DIR / "indonesia-provinces.geojson"
LICENCE = DATA_DIR / "BOUNDARIES-LICENSE.md"

# ISO 3166-2:ID codes: two letters that fit inside a small province at print size (the key says them out).
CODES = {
    "Aceh": "AC", "Sumatera Utara": "SU", "Sumatera Barat": "SB", "Riau": "RI", "Jambi": "JA", "Sumatera Selatan": "SS",
    "Bengkulu": "BE", "Lampung": "LA", "Kepulauan Bangka Belitung": "BB", "Kepulauan Riau": "KR", "DKI Jakarta": "JK",
    "Jawa Barat": "JB", "Jawa Tengah": "JT", "D.I. Yogyakarta": "YO", "Jawa Timur": "JI", "Banten": "BT", "Bali": "BA",
    "Nusa Tenggara Barat": "NB", "Nusa Tenggara Timur": "NT", "Kalimantan Barat": "KB", "Kalimantan Tengah": "KT",
    "Kalimantan Selatan": "KS", "Kalimantan Timur": "KI", "Kalimantan Utara": "KU", "Sulawesi Utara": "SA",
    "Sulawesi Tengah": "ST", "Sulawesi Selatan": "SN", "Sulawesi Tenggara": "SG", "Gorontalo": "GO", "Sulawesi Barat": "SR",
    "Maluku": "MA", "Maluku Utara": "MU", "Papua Barat": "PB", "Papua": "PA",
}
# The provinces made from Papua and Papua Barat in 2022, and the pre-2022 province each lies in: a
# 38-province boundary file is drawn for 34-province data by colouring them as their parent.
SPLIT_2022 = {
    normalize(name): parent
    for names, parent in (
        (("Papua Selatan", "South Papua"), "Papua"),
        (("Papua Tengah", "Central Papua"), "Papua"),
        (("Papua Pegunungan", "Highland Papua", "Papua Highlands"), "Papua"),
        (("Papua Barat Daya", "Southwest Papua", "South West Papua"), "Papua Barat"),
    )
    for name in names
}


@dataclass(frozen=True)
class Province:
    """One area of a boundary file: its written name, the province it is drawn as (None: no match),
    whether it is a post-2022 Papua province drawn as its parent, its polygons (rings, exterior first)."""

    written: str
    name: str | None
    polygons: list[list[np.ndarray]]
    merged_2022: bool = False


def province_of(written: str) -> tuple[str | None, bool]:
    """(canonical province, True when it is a post-2022 Papua province folded into its parent)."""
    name = canonical_name(written)
    if name in PROVINCES:
        return name, False
    parent = SPLIT_2022.get(normalize(written))
    return (parent, True) if parent else (None, False)


def read_geojson(path: Path) -> list[tuple[dict, list[list[np.ndarray]]]]:
    """Features as (properties, polygons); each polygon is a list of rings (exterior first)."""
    if not path.is_file():
        raise DataError(f"GeoJSON file not found: {path}. Pass an existing file with --geojson, or omit it for the built-in map.")
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DataError(f"GeoJSON file {path} is not valid UTF-8 JSON: {exc}. Export it again as GeoJSON.") from None
    items = doc.get("features") if isinstance(doc, dict) else None
    if not isinstance(items, list) or not items:
        raise DataError(f"GeoJSON file {path} has no \"features\" list: it must be a FeatureCollection of province boundaries.")
    features = []
    for number, item in enumerate(items, start=1):
        geometry = (item or {}).get("geometry") or {}
        kind, coords = geometry.get("type"), geometry.get("coordinates")
        try:
            if kind == "Polygon":
                polygons = [[np.asarray(ring, dtype=float)[:, :2] for ring in coords]]
            elif kind == "MultiPolygon":
                polygons = [[np.asarray(ring, dtype=float)[:, :2] for ring in polygon] for polygon in coords]
            else:
                raise ValueError(f"geometry type {kind!r}")
        except (TypeError, ValueError, IndexError) as exc:
            raise DataError(f"GeoJSON file {path}, feature {number}: unusable geometry ({exc}); only Polygon and MultiPolygon are drawn.") from None
        features.append((item.get("properties") or {}, polygons))
    return features


def name_property(features) -> str | None:
    """The string property whose values match the most province names (NAME_1, Propinsi, provinsi…)."""
    counts: dict[str, int] = {}
    for properties, _ in features:
        for key, value in properties.items():
            if isinstance(value, str) and province_of(value)[0] is not None:
                counts[key] = counts.get(key, 0) + 1
    if not counts:
        return None
    return max(sorted(counts), key=lambda k: counts[k])


def provinces_in(path: Path) -> tuple[list[Province], str]:
    """The areas of a boundary file, and the property their names were read from."""
    features = read_geojson(path)
    key = name_property(features)
    if key is None:
        raise DataError(f"GeoJSON file {path}: no property holds province names that match (e.g. \"Jawa Barat\", \"DKI Jakarta\"). Check that it has province boundaries with a name property.")
    areas = []
    for properties, polygons in features:
        written = str(properties.get(key, ""))
        name, merged = province_of(written)
        areas.append(Province(written, name, polygons, merged))
    return areas, key


@lru_cache(maxsize=1)
def shipped_provinces() -> tuple[Province, ...]:
    """The shipped 34 provinces (read once per process)."""
    areas, _ = provinces_in(BOUNDARIES)
    return tuple(areas)


@lru_cache(maxsize=1)
def label_points() -> dict[str, tuple[float, float]]:
    """{province: (lon, lat)} inside each shipped province: where its code is written, also on a
    user's map (whose shapes are the same provinces, near enough for a label)."""
    doc = json.loads(BOUNDARIES.read_text(encoding="utf-8"))
    return {canonical_name(f["properties"]["name"]): (f["properties"]["label_lon"], f["properties"]["label_lat"]) for f in doc["features"]}
