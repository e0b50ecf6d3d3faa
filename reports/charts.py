"""The brief's charts, drawn with matplotlib as inline SVG, byte-for-byte reproducible.

Determinism: fixed font (DejaVu Sans, shipped with matplotlib), text kept as SVG text, a fixed
`svg.hashsalt` so element IDs do not change between runs, and no date in the metadata. Each chart's
IDs are prefixed with its key so several SVGs can live in one HTML page without colliding.

Colours: the Okabe–Ito palette (safe for the common colour-vision deficiencies); cluster N has the
same colour on every chart and on the map (`cluster_color`).
"""

from __future__ import annotations

import io
import math
import re
from dataclasses import dataclass, field

import numpy as np

from interpret.language import Language, load_language

# Okabe & Ito (2008), ordered so neighbouring cluster numbers contrast well.
PALETTE = ["#0072B2", "#009E73", "#E69F00", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]
NO_DATA = "#d9d9d9"
RC = {
    "svg.hashsalt": "interpret",
    "svg.fonttype": "none",
    "font.family": "DejaVu Sans",
    "font.size": 8.5,
    "axes.titlesize": 10,
    "axes.labelsize": 8.5,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "path.simplify": True,
    "text.parse_math": False,  # "$x$" in a unit name or label is text, never mathtext (which could crash the chart)
}


@dataclass
class Chart:
    key: str  # "pca", "profile-2", "map", ...: also the HTML anchor
    title: str
    caption: str  # one sentence, no numbers (see the [chart] words of interpret/languages/*/brief.toml)
    svg: str
    section: str = "overview"  # "overview" or "cluster-N": where the HTML places it
    notes: list[str] = field(default_factory=list)  # shown under the caption (e.g. unmatched names)
    data: dict = field(default_factory=dict)  # what the chart shows, for result.json and tests


def cluster_color(number: int) -> str:
    """The colour of cluster `number` (1-based) on every chart."""
    if number <= len(PALETTE):
        return PALETTE[number - 1]
    from matplotlib import colormaps

    r, g, b, _ = colormaps["tab20"]((number - len(PALETTE) - 1) % 20)
    return "#{:02x}{:02x}{:02x}".format(int(r * 255), int(g * 255), int(b * 255))


def new_figure(width: float, height: float):
    """A figure outside pyplot's global state (safe in a library, no GUI backend needed)."""
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), dpi=100)


def rc_context():
    import matplotlib

    return matplotlib.rc_context(RC)


def to_svg(fig, key: str) -> str:
    """The figure as an inline <svg> element: no XML prolog, IDs prefixed, scalable by CSS."""
    buffer = io.StringIO()
    with rc_context():
        fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": "interpret (matplotlib)"})
    svg = buffer.getvalue()
    svg = svg[svg.index("<svg") :]
    svg = re.sub(r"<metadata>.*?</metadata>\s*", "", svg, flags=re.S)
    prefix = re.sub(r"[^a-zA-Z0-9_-]", "-", key) + "-"
    ids = set(re.findall(r'\bid="([^"]+)"', svg))
    for old in sorted(ids, key=len, reverse=True):
        svg = svg.replace(f'id="{old}"', f'id="{prefix}{old}"').replace(f"#{old})", f"#{prefix}{old})").replace(f'"#{old}"', f'"#{prefix}{old}"')
    # Let CSS size it: keep the viewBox, drop the fixed pt width/height.
    svg = re.sub(r'^<svg([^>]*?)\swidth="[^"]+"\sheight="[^"]+"', r'<svg\1', svg, count=1)
    return svg.replace("<svg", f'<svg role="img" class="chart" data-chart="{key}"', 1)


def _cluster_names(facts, labels: dict[int, str], lang: Language | str) -> dict[int, str]:
    lang = load_language(lang)
    word = lang.t("chart.cluster")
    return {c.number: f"{word} {c.number}: {labels.get(c.number, '')}".rstrip(": ") for c in facts.clusters}


# -- k selection ---------------------------------------------------------------------------------
def k_selection_chart(panel, lang: Language | str, used_k: int | None = None) -> Chart:
    """Elbow (with knee), silhouette, gap with error bars and Davies–Bouldin, side by side; the k
    used by the brief dashed, the panel's consensus dotted when it differs (`panel`: facts.k_selection)."""
    lang = load_language(lang)
    ks = [int(k) for k in panel.k_values]
    indices = panel.indices
    chosen, knee = panel.chosen_k, panel.knee
    used = used_k if used_k is not None else chosen
    with rc_context():
        fig = new_figure(8.6, 5.6)
        axes = fig.subplots(2, 2, sharex=True)
        specs = [("wss", "k_wss_short", "k_wss"), ("silhouette", "k_sil_short", "k_sil"), ("gap", "k_gap_short", "k_gap"), ("dbi", "k_dbi_short", "k_dbi")]
        for ax, (name, short, label) in zip(axes.flat, specs):
            values = _series(indices.get(name), len(ks))
            ax.set_title(lang.t("chart." + short), loc="left")
            ax.set_ylabel(lang.t("chart." + label), fontsize=7.5)
            if name == "gap" and indices.get("gap_se") is not None:
                ax.errorbar(ks, values, yerr=_series(indices["gap_se"], len(ks)), color="#333333", marker="o", ms=3.5, lw=1.2, capsize=2.5)
            else:
                ax.plot(ks, values, color="#333333", marker="o", ms=3.5, lw=1.2)
            if used is not None:
                ax.axvline(int(used), color=PALETTE[0], ls="--", lw=1.2, label=lang.t("chart.k_chosen"))
            if chosen is not None and used is not None and int(chosen) != int(used):
                ax.axvline(int(chosen), color="#777777", ls=":", lw=1.4, label=lang.t("chart.k_consensus"))
            if name == "wss" and knee is not None and int(knee) in ks:
                y = values[ks.index(int(knee))]
                ax.plot([int(knee)], [y], marker="v", ms=9, color=PALETTE[3], ls="none", label=lang.t("chart.k_knee"))
            ax.set_xticks(ks)
            ax.grid(axis="y", color="#e5e5e5", lw=0.6)
        for ax in axes[1]:
            ax.set_xlabel(lang.t("chart.k_axis"))
        handles, names = axes[0][0].get_legend_handles_labels()
        if handles:
            axes[0][0].legend(handles, names, frameon=False, fontsize=7.5)
        title = lang.t("chart.k_title")
        fig.suptitle(title, x=0.01, ha="left", fontsize=10.5, fontweight="bold")
        fig.tight_layout(rect=(0, 0, 1, 0.96))
        svg = to_svg(fig, "k-selection")
    return Chart("k-selection", title, lang.t("chart.k_caption"), svg, data={"k_values": ks, "chosen_k": chosen, "used_k": used, "knee": knee})


def _series(values, n: int) -> list[float]:
    values = list(values or [])
    out = [float(v) if v is not None else math.nan for v in values[:n]]
    return out + [math.nan] * (n - len(out))


# -- PCA -------------------------------------------------------------------------------------------
# The PCA chart labels at most this many units (the most extreme ones, chosen in O(n)); beyond
# DENSITY_MIN_UNITS units it draws the density of the units (hexbin) and the cluster centres.
LABELLED_MAX = 34
DENSITY_MIN_UNITS = 3_000


def pca(standardized: np.ndarray, n_components: int = 2) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Scores, loadings (p × c) and explained-variance ratios, from the eigenvectors of the p × p
    covariance (O(n p²): no n × n or n × p factor beyond the scores), with a fixed sign convention
    (each component's largest loading positive) so the picture never flips between runs."""
    X = np.asarray(standardized, dtype=float)
    X = X - X.mean(axis=0)
    covariance = (X.T @ X) / max(len(X) - 1, 1)
    variance, vectors = np.linalg.eigh(covariance)
    order = np.argsort(variance)[::-1]
    variance, vt = np.clip(variance[order], 0, None), vectors[:, order].T
    signs = np.sign(vt[np.arange(vt.shape[0]), np.abs(vt).argmax(axis=1)])
    signs[signs == 0] = 1
    vt = vt * signs[:, None]
    ratio = variance / variance.sum() if variance.sum() > 0 else variance
    c = min(n_components, vt.shape[0])
    return X @ vt[:c].T, vt[:c].T, ratio[:c]


def extreme_points(scores: np.ndarray, limit: int = LABELLED_MAX) -> np.ndarray:
    """Indices of the `limit` points farthest from the centre of the plane (all when there are
    fewer), in index order: argpartition, O(n), so labelling never grows with the table."""
    n = len(scores)
    if n <= limit:
        return np.arange(n)
    reach = (scores[:, :2] ** 2).sum(axis=1)
    return np.sort(np.argpartition(-reach, limit - 1)[:limit])


def pca_chart(ids: list[str], standardized: np.ndarray, labels0: np.ndarray, facts, cluster_labels: dict[int, str], lang: Language | str) -> Chart:
    lang = load_language(lang)
    scores, loadings, ratio = pca(standardized)
    if scores.shape[1] < 2:  # one feature: a strip on one axis
        scores = np.column_stack([scores[:, 0], np.zeros(len(scores))])
        loadings = np.column_stack([loadings[:, 0], np.zeros(len(loadings))])
        ratio = np.append(ratio, 0.0)
    names = _cluster_names(facts, cluster_labels, lang)
    with rc_context():
        fig = new_figure(8.6, 6.4)
        ax = fig.add_subplot()
        dense = len(scores) > DENSITY_MIN_UNITS
        if dense:  # thousands of units: their density, and each cluster's centre in its colour
            ax.hexbin(scores[:, 0], scores[:, 1], gridsize=60, bins="log", cmap="Greys", mincnt=1, linewidths=0, zorder=2)
        for c in facts.clusters:
            mask = labels0 == c.number - 1
            if dense:
                centre = scores[mask, :2].mean(axis=0)
                ax.scatter([centre[0]], [centre[1]], s=120, color=cluster_color(c.number), edgecolor="black", linewidth=0.8, label=names[c.number], zorder=4)
            else:
                ax.scatter(scores[mask, 0], scores[mask, 1], s=34, color=cluster_color(c.number), edgecolor="white", linewidth=0.6, label=names[c.number], zorder=3)
        # Loadings arrows, scaled to the scores' spread so they are readable beside the points.
        reach = np.abs(scores[:, :2]).max() if len(scores) else 1.0
        scale = 0.8 * reach / max(np.abs(loadings[:, :2]).max(), 1e-9)
        for f, (lx, ly) in zip(facts.features, loadings[:, :2]):
            ax.annotate("", xy=(lx * scale, ly * scale), xytext=(0, 0), arrowprops={"arrowstyle": "-|>", "color": "#555555", "lw": 1.0}, zorder=2)
            ax.text(lx * scale * 1.08, ly * scale * 1.08, lang.short_name(f), color="#333333", fontsize=8, fontweight="bold", ha="center", va="center", zorder=4)
        ax.axhline(0, color="#cccccc", lw=0.6, zorder=1)
        ax.axvline(0, color="#cccccc", lw=0.6, zorder=1)
        ax.set_xlabel(lang.t("chart.pca_axis", n=1, pct=lang.number(100 * ratio[0], 1)))
        ax.set_ylabel(lang.t("chart.pca_axis", n=2, pct=lang.number(100 * ratio[1], 1)))
        title = lang.t("chart.pca_title")
        ax.set_title(title, loc="left", fontweight="bold")
        ax.legend(frameon=False, fontsize=7.5, loc="best")
        # Arrows do not extend the data limits by themselves: fit points and arrow labels.
        tips = loadings[:, :2] * scale * 1.15
        both = np.vstack([scores[:, :2], tips])
        low, high = both.min(axis=0), both.max(axis=0)
        pad = 0.1 * (high - low + 1e-9)
        ax.set_xlim(low[0] - pad[0], high[0] + pad[0])
        ax.set_ylim(low[1] - pad[1], high[1] + pad[1])
        shown = extreme_points(scores)
        place_labels(ax, scores[shown, 0], scores[shown, 1], [ids[i] for i in shown], fontsize=6.5)
        fig.tight_layout()
        svg = to_svg(fig, "pca")
    return Chart("pca", title, lang.t("chart.pca_caption"), svg,
                 data={"explained_pct": [float(100 * r) for r in ratio[:2]], "n_points": len(ids), "n_labelled": int(len(shown)), "density": bool(dense)})


def place_labels(ax, xs, ys, texts, fontsize: float = 6.5) -> None:
    """Greedy, deterministic label placement: each label takes the first of eight positions around
    its point that overlaps no label placed before and no other point (else the least crowded).
    Written by hand to avoid a dependency for 34 labels; labels are placed in a fixed order."""
    fig = ax.figure
    canvas = fig.canvas
    if not hasattr(canvas, "get_renderer"):  # a bare Figure: measure text with the Agg renderer
        from matplotlib.backends.backend_agg import FigureCanvasAgg

        canvas = FigureCanvasAgg(fig)
    fig.tight_layout()
    renderer = canvas.get_renderer()
    to_px = ax.transData
    points = to_px.transform(np.column_stack([xs, ys]))
    offsets = [(6, 4, "left", "bottom"), (6, -4, "left", "top"), (-6, 4, "right", "bottom"), (-6, -4, "right", "top"),
               (0, 8, "center", "bottom"), (0, -8, "center", "top"), (10, 0, "left", "center"), (-10, 0, "right", "center")]
    placed: list[tuple[float, float, float, float]] = []
    axes_box = ax.get_window_extent(renderer)
    order = sorted(range(len(texts)), key=lambda i: (-ys[i], xs[i], texts[i]))
    for i in order:
        best, best_score = None, None
        for dx, dy, ha, va in offsets:
            artist = ax.annotate(texts[i], (xs[i], ys[i]), xytext=(dx, dy), textcoords="offset points", ha=ha, va=va, fontsize=fontsize, color="#222222", zorder=5)
            box = artist.get_window_extent(renderer)
            rect = (box.x0, box.y0, box.x1, box.y1)
            score = sum(_overlap(rect, other) for other in placed)
            score += sum(1.0 for j, (px, py) in enumerate(points) if j != i and rect[0] - 2 <= px <= rect[2] + 2 and rect[1] - 2 <= py <= rect[3] + 2) * 20
            if rect[0] < axes_box.x0 or rect[2] > axes_box.x1 or rect[1] < axes_box.y0 or rect[3] > axes_box.y1:
                score += 1e5
            if best_score is None or score < best_score:
                if best is not None:
                    best[0].remove()
                best, best_score = (artist, rect), score
            else:
                artist.remove()
            if score == 0:
                break
        placed.append(best[1])


def _overlap(a, b) -> float:
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    return w * h if w > 0 and h > 0 else 0.0


# -- profiles against the reference ------------------------------------------------------------------
def profile_chart(cluster, facts, lang: Language | str) -> Chart:
    """Diverging bars: the cluster mean's % difference from the reference, one bar per feature."""
    lang = load_language(lang)
    # a reference row is named as the table names it ("INDONESIA"); a mean, in the brief's words
    ref = facts.reference.label if facts.reference.kind == "row" else lang.reference_phrase(facts)
    features = facts.features
    values = [cluster.features[f.name].diff_pct for f in features]
    names = [f.label for f in features]
    tolerance = float(facts.method.tolerance_pct)
    limit = max([abs(v) for v in values if not math.isnan(v)] + [tolerance, 1.0]) * 1.3
    colour = cluster_color(cluster.number)
    key = f"profile-{cluster.number}"
    with rc_context():
        fig = new_figure(8.6, 0.55 * len(features) + 1.3)
        ax = fig.add_subplot()
        y = np.arange(len(features))[::-1]
        ax.axvspan(-tolerance, tolerance, color="#eeeeee", zorder=0)
        ax.barh(y, values, color=colour, height=0.6, zorder=2)
        ax.axvline(0, color="#333333", lw=0.8, zorder=3)
        for yi, v in zip(y, values):
            if math.isnan(v):
                continue
            ax.text(v + (0.01 if v >= 0 else -0.01) * limit, yi, lang.t("chart.bar_value", value=lang.number(v, 1, True)), va="center", ha="left" if v >= 0 else "right", fontsize=7.5)
        ax.set_yticks(y, names)
        ax.set_xlim(-limit, limit)
        ax.set_xlabel(lang.t("chart.profile_axis", ref=ref))
        title = lang.t("chart.profile_title", n=cluster.number, ref=ref)
        ax.set_title(title, loc="left", fontweight="bold", color="#1b1b1b")
        ax.spines["left"].set_visible(False)
        ax.tick_params(axis="y", length=0)
        fig.tight_layout()
        svg = to_svg(fig, key)
    return Chart(key, title, lang.t("chart.profile_caption", ref=ref), svg, section=f"cluster-{cluster.number}", data={"diff_pct": dict(zip([f.name for f in features], values))})


# -- heatmap -----------------------------------------------------------------------------------------
def heatmap_chart(facts, cluster_labels: dict[int, str], lang: Language | str) -> Chart:
    lang = load_language(lang)
    features = facts.features
    z = np.array([[c.features[f.name].z for f in features] for c in facts.clusters], dtype=float)
    bound = max(float(np.nanmax(np.abs(z))) if z.size else 1.0, 0.5)
    names = _cluster_names(facts, cluster_labels, lang)
    with rc_context():
        fig = new_figure(8.6, 0.5 * len(facts.clusters) + 2.2)
        ax = fig.add_subplot()
        # Vector cells (pcolormesh, not imshow): crisp at any zoom and no embedded bitmap.
        image = ax.pcolormesh(z, cmap="RdBu", vmin=-bound, vmax=bound, edgecolors="white", linewidth=1.5)
        for (i, j), value in np.ndenumerate(z):
            ax.text(j + 0.5, i + 0.5, lang.number(value, 2, True), ha="center", va="center", fontsize=8, color="white" if abs(value) > 0.6 * bound else "#1b1b1b")
        ax.set_xticks(np.arange(len(features)) + 0.5, [lang.short_name(f) for f in features])
        ax.set_yticks(np.arange(len(facts.clusters)) + 0.5, [names[c.number] for c in facts.clusters])
        ax.invert_yaxis()
        for tick, c in zip(ax.get_yticklabels(), facts.clusters):
            tick.set_color(cluster_color(c.number))
            tick.set_fontweight("bold")
        ax.tick_params(length=0)
        for side in ("left", "bottom"):
            ax.spines[side].set_visible(False)
        bar = fig.colorbar(image, ax=ax, fraction=0.04, pad=0.02)
        bar.set_label(lang.t("chart.heat_bar"), fontsize=7)
        title = lang.t("chart.heat_title")
        ax.set_title(title, loc="left", fontweight="bold")
        fig.tight_layout()
        svg = to_svg(fig, "heatmap")
    return Chart("heatmap", title, lang.t("chart.heat_caption"), svg, data={"z": z.tolist()})
