"""Which points of a scatter get a name, and where the names go, without overlaps.

Selection (`labelled_points`) is O(n): the farthest points from the centre (argpartition) and a
spread over the plane (one point per occupied grid cell, the fullest cells first), at most `limit`.

Placement (`place_labels`) measures each name once with the figure's renderer, then tries eight
positions around its point in pixel arithmetic; a position is allowed only when its box overlaps no
name placed before, no obstacle (an arrow's label, a cluster centre) and no named point, and stays
inside the axes; of those, the first that covers no unnamed point, else the one covering fewest
(drawn on a white backing). A name with no allowed position is left out rather than drawn over
another ("SUMATERA SELATANBENGKULU"). Cost: O(L² + L·n) for L names and n points, the n part one vectorised
NumPy test per position (a position's box must keep clear of every drawn point, named or not). Written here rather than taken from adjustText, which moves labels
iteratively (slow at thousands of points) and does not promise zero overlaps.
"""

from __future__ import annotations

import numpy as np

LABELLED_MAX = 30
# Points (1/72 in) between a point and its label, and around each label box kept free.
GAP_PT = 3.5
PAD_PT = 1.0
MARK_PT = 2.5  # a point's marker reaches this far from its centre: a name keeps off it


def extreme_points(scores: np.ndarray, limit: int = LABELLED_MAX) -> np.ndarray:
    """Indices of the `limit` points farthest from the centre of the plane (all when there are
    fewer), in index order: argpartition, O(n)."""
    n = len(scores)
    if n <= limit:
        return np.arange(n)
    reach = (scores[:, :2] ** 2).sum(axis=1)
    return np.sort(np.argpartition(-reach, limit - 1)[:limit])


def labelled_points(scores: np.ndarray, limit: int = LABELLED_MAX, grid: int = 6) -> np.ndarray:
    """At most `limit` indices, in index order: half the extremes, the rest a spread (per grid cell
    of the plane, the point nearest the cell's mean, fullest cells first). O(n)."""
    n = len(scores)
    if n <= limit:
        return np.arange(n)
    xy = np.asarray(scores[:, :2], dtype=float)
    chosen = list(extreme_points(xy, (limit + 1) // 2))
    low, high = xy.min(axis=0), xy.max(axis=0)
    cell = np.floor((xy - low) / np.maximum(high - low, 1e-12) * grid).clip(0, grid - 1).astype(int)
    cell_id = cell[:, 0] * grid + cell[:, 1]
    counts = np.bincount(cell_id, minlength=grid * grid)
    sums = np.zeros((grid * grid, 2))
    np.add.at(sums, cell_id, xy)
    means = sums / np.maximum(counts, 1)[:, None]
    distance = ((xy - means[cell_id]) ** 2).sum(axis=1)
    # nearest point to its cell's mean: sort by (cell, distance) and take each cell's first
    order = np.lexsort((np.arange(n), distance, cell_id))
    firsts = order[np.r_[True, cell_id[order][1:] != cell_id[order][:-1]]]
    taken = set(chosen)
    for index in sorted(firsts, key=lambda i: (-counts[cell_id[i]], cell_id[i])):
        if len(chosen) >= limit:
            break
        if index not in taken:
            chosen.append(int(index))
            taken.add(int(index))
    return np.sort(np.array(chosen, dtype=int))


def renderer_of(fig):
    """The Agg renderer that measures text (a bare Figure has no canvas that can)."""
    canvas = fig.canvas
    if not hasattr(canvas, "get_renderer"):
        from matplotlib.backends.backend_agg import FigureCanvasAgg

        canvas = FigureCanvasAgg(fig)
    return canvas.get_renderer()


def text_box(artist, renderer, pad_px: float = 0.0) -> tuple[float, float, float, float]:
    box = artist.get_window_extent(renderer)
    return (box.x0 - pad_px, box.y0 - pad_px, box.x1 + pad_px, box.y1 + pad_px)


def place_labels(ax, xs, ys, texts, fontsize: float = 7.0, obstacles=(), color: str = "#1b1b1b", gid_prefix: str = "label",
                 layout: bool = True, others=None) -> list:
    """Name the points (xs[i], ys[i]) with texts[i]; returns the text artists drawn (some names may
    be left out). The boxes are measured in pixels, so the figure's layout must not change after:
    `layout=True` runs tight_layout first; pass False when the caller has fixed the layout.
    `obstacles`: pixel boxes (x0, y0, x1, y1) the names must not cover; `others`: an (m, 2) array of
    the unnamed points drawn (data coordinates), which no name may cover either."""
    from matplotlib.font_manager import FontProperties

    fig = ax.figure
    if layout:
        fig.tight_layout()
    renderer = renderer_of(fig)
    px_per_pt = fig.dpi / 72.0
    gap, pad, mark = GAP_PT * px_per_pt, PAD_PT * px_per_pt, MARK_PT * px_per_pt
    points = ax.transData.transform(np.column_stack([np.asarray(xs, float), np.asarray(ys, float)])) if len(texts) else np.zeros((0, 2))
    # the points no name may cover: the named ones (index i is the name's own) and the others
    marks = points if others is None or len(others) == 0 else np.vstack([points, ax.transData.transform(np.asarray(others, float)[:, :2])])
    frame = ax.get_window_extent(renderer)
    prop = FontProperties(family="DejaVu Sans", size=fontsize)
    placed = [tuple(o) for o in obstacles]
    artists = []
    # positions: (dx, dy) unit direction, horizontal and vertical alignment of the box
    positions = [(1, 1, "left", "bottom"), (1, -1, "left", "top"), (-1, 1, "right", "bottom"), (-1, -1, "right", "top"),
                 (0, 1, "center", "bottom"), (0, -1, "center", "top"), (1, 0, "left", "center"), (-1, 0, "right", "center")]
    order = sorted(range(len(texts)), key=lambda i: (-float(ys[i]), float(xs[i]), str(texts[i])))
    for i in order:
        width, height, descent = renderer.get_text_width_height_descent(str(texts[i]), prop, ismath=False)
        px, py = points[i]
        best = None  # (points covered, position index, x0, y0, box)
        for number, (dx, dy, ha, va) in enumerate(positions):
            x0 = px + dx * gap - (width if ha == "right" else width / 2 if ha == "center" else 0)
            y0 = py + dy * gap - (height if va == "top" else height / 2 if va == "center" else 0)
            box = (x0 - pad, y0 - pad, x0 + width + pad, y0 + height + pad)
            if box[0] < frame.x0 or box[2] > frame.x1 or box[1] < frame.y0 or box[3] > frame.y1:
                continue
            if any(_overlaps(box, other) for other in placed):
                continue
            inside = ((marks[:, 0] >= box[0] - mark) & (marks[:, 0] <= box[2] + mark)
                      & (marks[:, 1] >= box[1] - mark) & (marks[:, 1] <= box[3] + mark))
            inside[i] = False
            # a named point is never covered (its name would hide it); unnamed ones only when no free place exists
            if inside[: len(points)].any():
                continue
            covered = int(inside.sum())
            if best is None or covered < best[0]:
                best = (covered, number, x0, y0, box)
            if covered == 0:
                break
        if best is None:
            continue  # no free place: left out, never drawn over another name
        covered, _, x0, y0, box = best
        placed.append(box)
        # the box's bottom-left corner in offset points from the point (va="bottom": the box measured
        # is the box drawn); over other points, a white backing keeps the name readable
        backing = {"boxstyle": "square,pad=0.1", "facecolor": "white", "edgecolor": "none", "alpha": 0.8} if covered else None
        artist = ax.annotate(str(texts[i]), (xs[i], ys[i]), xytext=((x0 - px) / px_per_pt, (y0 - py) / px_per_pt), textcoords="offset points",
                             ha="left", va="bottom", fontproperties=prop, color=color, zorder=6, annotation_clip=False, bbox=backing)
        artist.set_gid(f"{gid_prefix}-{i}")
        artists.append(artist)
    return artists


def _overlaps(a, b) -> bool:
    return min(a[2], b[2]) > max(a[0], b[0]) and min(a[3], b[3]) > max(a[1], b[1])


def boxes_overlap(boxes) -> list[tuple[int, int]]:
    """The pairs of boxes (x0, y0, x1, y1) that intersect: O(L²), for checks on a few dozen labels."""
    return [(i, j) for i in range(len(boxes)) for j in range(i + 1, len(boxes)) if _overlaps(boxes[i], boxes[j])]
