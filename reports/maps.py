"""The map of Indonesia's provinces coloured by cluster.

With no download: each province is a circle at its provincial capital (public coordinates in
`interpret.provinces`), drawn on a longitude/latitude frame of the archipelago. With `--geojson FILE`
(province boundaries with a name property): a true choropleth, names matched through the same alias
table the verifier uses (`interpret.provinces.canonical_name`), and every name that did not match is
listed. GeoJSON is read with the standard library: Polygon and MultiPolygon geometries only, which is
what province boundary files hold, so no GIS stack is needed.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from interpret.errors import DataError
from interpret.provinces import PROVINCES, canonical_name, capital_coordinates

from interpret.language import Language, load_language
from .charts import NO_DATA, Chart, cluster_color, new_figure, rc_context, to_svg

# The archipelago's frame (degrees): every capital falls inside with a margin.
LON_RANGE = (94.0, 142.0)
LAT_RANGE = (-11.8, 7.0)
# Short names so 34 labels fit on a laptop-wide map.
SHORT = {
    "Kepulauan Bangka Belitung": "Babel", "Kepulauan Riau": "Kepri", "DKI Jakarta": "Jakarta", "D.I. Yogyakarta": "DIY",
    "Nusa Tenggara Barat": "NTB", "Nusa Tenggara Timur": "NTT", "Sumatera Utara": "Sumut", "Sumatera Barat": "Sumbar",
    "Sumatera Selatan": "Sumsel", "Jawa Barat": "Jabar", "Jawa Tengah": "Jateng", "Jawa Timur": "Jatim",
    "Kalimantan Barat": "Kalbar", "Kalimantan Tengah": "Kalteng", "Kalimantan Selatan": "Kalsel", "Kalimantan Timur": "Kaltim",
    "Kalimantan Utara": "Kaltara", "Sulawesi Utara": "Sulut", "Sulawesi Tengah": "Sulteng", "Sulawesi Selatan": "Sulsel",
    "Sulawesi Tenggara": "Sultra", "Sulawesi Barat": "Sulbar", "Maluku Utara": "Malut", "Papua Barat": "Pabar",
}


def unit_provinces(units: dict[str, int]) -> tuple[dict[str, int], list[str]]:
    """{unit id: cluster} → ({canonical province: cluster}, [unit ids that are no province])."""
    placed: dict[str, int] = {}
    unplaced: list[str] = []
    for unit, number in units.items():
        name = canonical_name(unit)
        if name in PROVINCES:
            placed[name] = number
        else:
            unplaced.append(unit)
    return placed, unplaced


def province_map(units: dict[str, int], cluster_names: dict[int, str], lang: Language | str, geojson: Path | None = None) -> Chart | None:
    """The map chart, or None when no unit is a province (a table of households, say)."""
    lang = load_language(lang)
    placed, unplaced = unit_provinces(units)
    if not placed:
        return None
    if geojson is not None:
        return _choropleth(placed, unplaced, cluster_names, lang, Path(geojson))
    return _capital_points(placed, unplaced, cluster_names, lang)


def _frame(ax, lang: Language | str) -> None:
    lang = load_language(lang)
    ax.set_xlim(*LON_RANGE)
    ax.set_ylim(*LAT_RANGE)
    ax.set_aspect("equal")
    ax.set_xlabel(lang.t("chart.map_axis_lon"))
    ax.set_ylabel(lang.t("chart.map_axis_lat"))
    ax.grid(color="#eeeeee", lw=0.5)
    ax.set_facecolor("#f7fbff")


def _legend(ax, numbers, cluster_names: dict[int, str], extra=()) -> None:
    from matplotlib.patches import Patch

    handles = [Patch(facecolor=cluster_color(n), edgecolor="white", label=cluster_names.get(n, str(n))) for n in sorted(numbers)]
    handles.extend(extra)
    # Below the map, so no province is hidden behind it.
    ax.legend(handles=handles, frameon=False, fontsize=7, loc="upper center", bbox_to_anchor=(0.5, -0.2), ncol=min(3, len(handles)))


def _capital_points(placed: dict[str, int], unplaced: list[str], cluster_names, lang: Language | str) -> Chart:
    lang = load_language(lang)
    title = lang.t("chart.map_title")
    with rc_context():
        fig = new_figure(8.6, 4.3)
        ax = fig.add_subplot()
        _frame(ax, lang)
        for name in sorted(placed):
            lat, lon = capital_coordinates(name)
            ax.scatter([lon], [lat], s=70, color=cluster_color(placed[name]), edgecolor="white", linewidth=0.8, zorder=3, gid=f"province-{_slug(name)}")
        from .charts import place_labels

        names = sorted(placed)
        coords = [capital_coordinates(n) for n in names]
        place_labels(ax, np.array([c[1] for c in coords]), np.array([c[0] for c in coords]), [SHORT.get(n, n) for n in names], fontsize=6)
        _legend(ax, set(placed.values()), cluster_names)
        ax.set_title(title, loc="left", fontweight="bold")
        fig.tight_layout()
        svg = to_svg(fig, "map")
    notes = [lang.t("chart.map_unplaced", names=", ".join(unplaced))] if unplaced else []
    return Chart("map", title, lang.t("chart.map_caption_points"), svg, notes=notes,
                 data={"kind": "capitals", "placed": sorted(placed), "unplaced": unplaced})


# -- GeoJSON choropleth ---------------------------------------------------------------------------
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
            if isinstance(value, str) and canonical_name(value) in PROVINCES:
                counts[key] = counts.get(key, 0) + 1
    if not counts:
        return None
    return max(sorted(counts), key=lambda k: counts[k])


def _choropleth(placed: dict[str, int], unplaced: list[str], cluster_names, lang: Language | str, path: Path) -> Chart:
    lang = load_language(lang)
    from matplotlib.patches import Patch, PathPatch
    from matplotlib.path import Path as MplPath

    features = read_geojson(path)
    key = name_property(features)
    if key is None:
        raise DataError(f"GeoJSON file {path}: no property holds province names that match (e.g. \"Jawa Barat\", \"DKI Jakarta\"). Check that it has province boundaries with a name property.")
    title = lang.t("chart.map_title")
    matched: set[str] = set()
    unmatched_names: list[str] = []
    with rc_context():
        fig = new_figure(8.6, 4.3)
        ax = fig.add_subplot()
        xs, ys = [], []
        for properties, polygons in features:
            raw = str(properties.get(key, ""))
            name = canonical_name(raw)
            if name in PROVINCES:
                matched.add(name)
            else:
                unmatched_names.append(raw)
            colour = cluster_color(placed[name]) if name in placed else NO_DATA
            for rings in polygons:
                vertices, codes = [], []
                for ring in rings:
                    if len(ring) < 3:
                        continue
                    vertices.extend(ring.tolist() + [ring[0].tolist()])
                    codes.extend([MplPath.MOVETO] + [MplPath.LINETO] * (len(ring) - 1) + [MplPath.CLOSEPOLY])
                    xs.extend(ring[:, 0])
                    ys.extend(ring[:, 1])
                if vertices:
                    ax.add_patch(PathPatch(MplPath(vertices, codes), facecolor=colour, edgecolor="white", linewidth=0.4, zorder=2))
        _frame(ax, lang)
        if xs:  # fit the drawn shapes, but never less than the archipelago's frame
            ax.set_xlim(min(LON_RANGE[0], min(xs) - 0.5), max(LON_RANGE[1], max(xs) + 0.5))
            ax.set_ylim(min(LAT_RANGE[0], min(ys) - 0.5), max(LAT_RANGE[1], max(ys) + 0.5))
        _legend(ax, set(placed.values()), cluster_names, extra=[Patch(facecolor=NO_DATA, label=lang.t("chart.map_no_data"))])
        ax.set_title(title, loc="left", fontweight="bold")
        fig.tight_layout()
        svg = to_svg(fig, "map")
    missing = sorted(set(placed) - matched)
    notes = []
    if unmatched_names:
        notes.append(lang.t("chart.map_geo_unmatched", file=path.name, names=", ".join(sorted(unmatched_names))))
    if missing:
        notes.append(lang.t("chart.map_geo_missing", file=path.name, names=", ".join(missing)))
    if unplaced:
        notes.append(lang.t("chart.map_unplaced", names=", ".join(unplaced)))
    return Chart("map", title, lang.t("chart.map_caption_geo"), svg, notes=notes,
                 data={"kind": "geojson", "file": path.name, "name_property": key, "placed": sorted(matched & set(placed)),
                       "unmatched_geojson": sorted(unmatched_names), "missing_provinces": missing, "unplaced": unplaced})


def _slug(name: str) -> str:
    return "".join(ch if ch.isalnum() else "-" for ch in name.lower())
