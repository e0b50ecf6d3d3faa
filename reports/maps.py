"""The map of Indonesia's provinces coloured by cluster: a choropleth, by default on the shipped
province boundaries (reports/geojson.py), or on a user's `--geojson FILE`.

What a reader gets: each province's shape in its cluster's colour plus a hatching per cluster (so
colour is never the only cue), its two-letter code written inside it (or, where it does not fit,
beside it with a leader line, never over another label), a key of the codes and a legend inside the
figure. The figure is drawn at print size (16,5 cm wide) so 7,5 pt in the SVG is 7,5 pt on paper.

Label placement is written here (a greedy search over a dozen fixed positions, arithmetic on
boxes measured once) rather than taken from a library: 34 labels, deterministic, no dependency.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import numpy as np

from interpret.language import Language, load_language
from interpret.provinces import PROVINCES, canonical_name

from .charts import NO_DATA, Chart, cluster_color, new_figure, rc_context, to_svg
from .geojson import CODES, Province, label_points, provinces_in, read_geojson, shipped_provinces

__all__ = ["province_map", "read_geojson", "unit_provinces"]  # read_geojson: the pipeline checks --geojson early

WIDTH_IN = 6.5  # 16,5 cm: the text width of an A4 page
LABEL_PT = 7.5
LON_RANGE = (94.6, 141.4)
LAT_RANGE = (-11.4, 6.4)
# One hatching per cluster (cycled): the second channel beside colour.
HATCHES = ["", "///", "\\\\\\", "xxx", "---", "+++", "|||", "..."]  # sparse: legible, and small in the SVG
# Where a label that does not fit at its point may go (points from the point), nearest first; a label
# moved off its point gets a leader line.
OFFSETS = [(0, 11), (0, -11), (14, 0), (-14, 0), (12, 10), (-12, 10), (12, -10), (-12, -10),
           (0, 19), (0, -19), (22, 0), (-22, 0), (18, 16), (-18, 16), (18, -16), (-18, -16), (0, 28), (0, -28)]


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
        areas, key = provinces_in(Path(geojson))
        return _choropleth(areas, placed, unplaced, cluster_names, lang, source=Path(geojson).name, name_property=key)
    return _choropleth(list(shipped_provinces()), placed, unplaced, cluster_names, lang)


def hatch(number: int) -> str:
    return HATCHES[(number - 1) % len(HATCHES)]


def _ink_on(colour: str) -> str:
    """Hatching that shows on the fill: white on dark colours, dark grey on light ones."""
    from matplotlib.colors import to_rgb

    r, g, b = to_rgb(colour)
    return "#ffffff" if 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.45 else "#333333"


def _slug(name: str) -> str:
    return "-".join("".join(ch if ch.isalnum() else " " for ch in name.lower()).split())


def _choropleth(areas: list[Province], placed: dict[str, int], unplaced: list[str], cluster_names, lang: Language,
                source: str | None = None, name_property: str | None = None) -> Chart:
    from matplotlib.patches import PathPatch
    from matplotlib.path import Path as MplPath

    title = lang.t("chart.map_title")
    drawn: set[str] = set()
    used_ids: set[str] = set()
    xs, ys = [], []
    with rc_context():
        fig = new_figure(WIDTH_IN, 3.6)
        ax = fig.add_axes((0.01, 0.3, 0.98, 0.6))
        for area in areas:
            number = placed.get(area.name) if area.name else None
            colour = cluster_color(number) if number else NO_DATA
            vertices, codes = [], []
            for rings in area.polygons:
                for ring in rings:
                    if len(ring) < 3:
                        continue
                    vertices.extend(ring.tolist() + [ring[0].tolist()])
                    codes.extend([MplPath.MOVETO] + [MplPath.LINETO] * (len(ring) - 1) + [MplPath.CLOSEPOLY])
                    xs.extend(ring[:, 0])
                    ys.extend(ring[:, 1])
            if not vertices:
                continue
            gid = "province-" + _slug(area.name if area.name and not area.merged_2022 else area.written or "area")
            while gid in used_ids:  # two areas drawn as one province (a 38-province file): ids stay unique
                gid += "-x"
            used_ids.add(gid)
            ax.add_patch(PathPatch(MplPath(vertices, codes), facecolor=colour, edgecolor="white", linewidth=0.35, zorder=2,
                                   hatch=hatch(number) if number else None, hatchcolor=_ink_on(colour), gid=gid))
            if area.name:
                drawn.add(area.name)
        ax.set_xlim(*LON_RANGE)
        ax.set_ylim(*LAT_RANGE)
        if xs:  # a user's file may reach further: fit it, never less than the archipelago
            ax.set_xlim(min(LON_RANGE[0], min(xs) - 0.3), max(LON_RANGE[1], max(xs) + 0.3))
            ax.set_ylim(min(LAT_RANGE[0], min(ys) - 0.3), max(LAT_RANGE[1], max(ys) + 0.3))
        ax.set_aspect("equal")
        ax.set_xticks([])
        ax.set_yticks([])
        for spine in ax.spines.values():
            spine.set_visible(False)
        ax.set_facecolor("#f1f6fa")  # the sea, so the coastline reads
        grey = sorted(drawn - set(placed))
        legend = _layout(fig, ax, placed, cluster_names, lang, with_no_data=bool(grey) or len(drawn) < len(areas))
        ax.set_title(title, loc="left", fontweight="bold", fontsize=9.5)
        if source is None:
            ax.text(0.005, 0.012, lang.t("chart.map_attribution"), transform=ax.transAxes, fontsize=5.5, color="#555555", ha="left", va="bottom")
        moved = _labels(fig, ax, sorted(drawn, key=lambda n: list(PROVINCES).index(n)))
        svg = to_svg(fig, "map")
    notes = [lang.t("chart.map_key", items="; ".join(lang.t("chart.map_key_item", code=CODES[n], name=n) for n in PROVINCES if n in drawn))]
    if {"Papua", "Papua Barat"} & set(placed):
        notes.append(lang.t("chart.map_papua_2022"))
    data = {"kind": "geojson" if source else "boundaries", "placed": sorted(drawn & set(placed)), "unplaced": unplaced,
            "labels_moved": moved, "legend_entries": len(legend.get_texts())}
    if source is None:
        caption = lang.t("chart.map_caption")
    else:
        caption = lang.t("chart.map_caption_geo")
        unmatched = sorted(a.written for a in areas if a.name is None)
        missing = sorted(set(placed) - drawn)
        if unmatched:
            notes.append(lang.t("chart.map_geo_unmatched", file=source, names=", ".join(unmatched)))
        if missing:
            notes.append(lang.t("chart.map_geo_missing", file=source, names=", ".join(missing)))
        data.update({"file": source, "name_property": name_property, "unmatched_geojson": unmatched, "missing_provinces": missing,
                     "merged_2022": sorted(a.written for a in areas if a.merged_2022)})
    if unplaced:
        notes.append(lang.t("chart.map_unplaced", names=", ".join(unplaced)))
    return Chart("map", title, caption, svg, notes=notes, data=data)


def _layout(fig, ax, placed: dict[str, int], cluster_names: dict[int, str], lang: Language, with_no_data: bool):
    """Legend under the map, inside the figure: its height is measured and the figure sized to fit
    title, map (at the map's own aspect) and legend, so nothing is ever clipped."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.patches import Patch

    handles = [Patch(facecolor=cluster_color(n), edgecolor="white", hatch=hatch(n), hatchcolor=_ink_on(cluster_color(n)),
                     label="\n".join(textwrap.wrap(cluster_names.get(n, str(n)), 44)) or str(n)) for n in sorted(set(placed.values()))]
    if with_no_data:
        handles.append(Patch(facecolor=NO_DATA, edgecolor="white", label=lang.t("chart.map_no_data")))
    renderer = FigureCanvasAgg(fig).get_renderer()
    for ncol in range(min(3, len(handles)), 0, -1):
        legend = fig.legend(handles=handles, loc="lower left", bbox_to_anchor=(0.01, 0.01), ncol=ncol, frameon=False,
                            fontsize=7.5, handlelength=2.2, handleheight=1.3, columnspacing=1.4, borderaxespad=0.2)
        box = legend.get_window_extent(renderer)
        # A browser sets text a little wider than matplotlib measures it: keep a tenth spare.
        if box.x1 <= fig.bbox.width * 0.9 or ncol == 1:
            break
        legend.remove()
    legend.set_gid("legend")
    dpi = fig.dpi
    legend_h = box.height / dpi + 0.08
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    map_w = WIDTH_IN * 0.98
    map_h = map_w * (y1 - y0) / (x1 - x0)
    title_h = 0.28
    height = legend_h + map_h + title_h
    fig.set_size_inches(WIDTH_IN, height)
    ax.set_position((0.01, legend_h / height, 0.98, map_h / height))
    return legend


def _labels(fig, ax, names: list[str]) -> list[str]:
    """Each province's code at its label point, or moved (with a leader) to the first nearby place
    that overlaps no label already written; larger provinces are written first. Returns the moved ones."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    renderer = FigureCanvasAgg(fig).get_renderer()
    points = label_points()
    to_px = ax.transData
    axes_box = ax.get_window_extent(renderer)
    px_per_pt = fig.dpi / 72
    pad = 1.2 * px_per_pt
    boxes: list[tuple[float, float, float, float]] = []
    moved: list[str] = []
    sized = []
    for name in names:
        if name not in points:
            continue
        text = CODES.get(name, name)
        probe = ax.text(0, 0, text, fontsize=LABEL_PT, fontweight="bold")
        extent = probe.get_window_extent(renderer)
        probe.remove()
        sized.append((name, text, extent.width + 2 * pad, extent.height + 2 * pad))
    # Big provinces first: a small one is the one to move.
    order = sorted(sized, key=lambda s: _span(ax, points[s[0]], s[0]), reverse=True)
    for name, text, w, h in order:
        px, py = to_px.transform(points[name])
        choice = None
        for dx, dy in [(0, 0), *OFFSETS]:
            cx, cy = px + dx * px_per_pt, py + dy * px_per_pt
            box = (cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2)
            inside = box[0] >= axes_box.x0 and box[2] <= axes_box.x1 and box[1] >= axes_box.y0 and box[3] <= axes_box.y1
            if inside and not any(_overlap(box, other) for other in boxes):
                choice = (dx, dy, box)
                break
        if choice is None:  # nowhere free (not for the 34 provinces): the least crowded place
            choice = min(((dx, dy, (px + dx * px_per_pt - w / 2, py + dy * px_per_pt - h / 2, px + dx * px_per_pt + w / 2, py + dy * px_per_pt + h / 2))
                          for dx, dy in [(0, 0), *OFFSETS]), key=lambda c: sum(_overlap(c[2], b) for b in boxes))
        dx, dy, box = choice
        boxes.append(box)
        style = {"boxstyle": "round,pad=0.12", "facecolor": "white", "edgecolor": "none", "alpha": 0.8}
        arrow = {"arrowstyle": "-", "color": "#333333", "lw": 0.5, "shrinkA": 0, "shrinkB": 0} if (dx, dy) != (0, 0) else None
        ax.annotate(text, points[name], xytext=(dx, dy), textcoords="offset points", ha="center", va="center", fontsize=LABEL_PT,
                    fontweight="bold", color="#111111", bbox=style, arrowprops=arrow, zorder=5, gid=f"label-{_slug(name)}")
        if (dx, dy) != (0, 0):
            moved.append(name)
    return moved


def _span(ax, point, name: str) -> float:
    """How much room a province has: the shipped label point's distance to the nearest other one."""
    others = [p for n, p in label_points().items() if n != name]
    return float(min(np.hypot(point[0] - p[0], point[1] - p[1]) for p in others))


def _overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
