"""The brief's charts, drawn with matplotlib as inline SVG, byte-for-byte reproducible.

Determinism: fixed font (DejaVu Sans, shipped with matplotlib), text kept as SVG <text> (a test reads
every tick back), a fixed `svg.hashsalt` so element IDs do not change between runs, and no date in
the metadata. Each chart's IDs are prefixed with its key so several SVGs can live in one HTML page.

Print size: a chart is drawn at the width it is printed, the A4 text width (`PRINT_WIDTH_MM`; the
CSS gives a figure the full text width), so a font's size in the SVG is its printed size and no text
is set below `MIN_PRINT_PT`. A figure drawn wider is scaled down by `print_scale`.

Numbers: every tick and colour bar goes through the brief's `Language.number` (decimal comma and
thousands dot in Indonesian, the minus sign as the tables write it) via `LocaleFormatter`.

Colours: the Okabe–Ito palette (safe for the common colour-vision deficiencies); cluster N has the
same colour on every chart and on the map (`cluster_color`) and a second channel, its marker shape
(`cluster_marker`) or its number on the mark, so no chart relies on colour alone. Text is never in
a palette colour: it is dark on light (or white on a dark cell, `text_color_on`), ≥ 4,5:1.
"""

from __future__ import annotations

import io
import math
import re
import textwrap
from dataclasses import dataclass, field

import numpy as np

from interpret.language import Language, load_language
from .labels import LABELLED_MAX, extreme_points, labelled_points, place_labels, renderer_of, text_box  # noqa: F401  (re-exported)

# Okabe & Ito (2008), ordered so neighbouring cluster numbers contrast well.
PALETTE = ["#0072B2", "#009E73", "#E69F00", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]
# Marker per cluster: the second channel for readers who cannot tell the colours apart (and in greyscale print).
MARKERS = ["o", "s", "^", "D", "v", "P", "X", "*"]
NO_DATA = "#d9d9d9"
TEXT = "#1b1b1b"  # 16,9:1 on white
MUTED_TEXT = "#4d4d4d"  # 8,4:1 on white: secondary text (arrow labels, axis notes)
PRINT_WIDTH_MM = 170.0  # A4 (210 mm) less the page margins of reports/templates/brief.html.j2, rounded down
FIGURE_WIDTH = PRINT_WIDTH_MM / 25.4  # inches
MIN_PRINT_PT = 7.0
RC = {
    "svg.hashsalt": "interpret",
    "svg.fonttype": "none",
    "font.family": "DejaVu Sans",
    "font.size": 8,
    "axes.titlesize": 9,
    "axes.labelsize": 8,
    "xtick.labelsize": 7.5,
    "ytick.labelsize": 7.5,
    "legend.fontsize": 7.5,
    "text.color": TEXT,
    "axes.labelcolor": TEXT,
    "xtick.labelcolor": TEXT,
    "ytick.labelcolor": TEXT,
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


def cluster_marker(number: int) -> str:
    """The marker shape of cluster `number` (1-based): its second channel beside the colour."""
    return MARKERS[(number - 1) % len(MARKERS)]


def relative_luminance(colour) -> float:
    """WCAG 2 relative luminance of a colour (any matplotlib colour spec)."""
    from matplotlib.colors import to_rgb

    channels = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in to_rgb(colour)]
    return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]


def contrast_ratio(foreground, background) -> float:
    """WCAG 2 contrast ratio, 1 to 21; text needs ≥ 4,5."""
    a, b = sorted((relative_luminance(foreground), relative_luminance(background)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def text_color_on(background) -> str:
    """Black or white text, whichever contrasts more with `background`: always ≥ 4,5:1, as one of
    the two reaches √21 ≈ 4,58 on any colour (a softer dark such as TEXT does not: 4,2 on mid red)."""
    return "#000000" if contrast_ratio("#000000", background) >= contrast_ratio("#ffffff", background) else "#ffffff"


def print_scale(width_in: float) -> float:
    """How much a figure `width_in` inches wide is scaled when printed across the text width."""
    return FIGURE_WIDTH / width_in


def new_figure(width: float, height: float):
    """A figure outside pyplot's global state (safe in a library, no GUI backend needed)."""
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), dpi=100)


def rc_context():
    import matplotlib

    return matplotlib.rc_context(RC)


def locale_formatter(lang: Language | str, signed: bool = False):
    """A tick formatter writing numbers as the brief does ("1.250", "0,25", "-2,5")."""
    from matplotlib.ticker import Formatter

    lang = load_language(lang)

    class LocaleFormatter(Formatter):
        # The decimals are the fewest that write every tick of the axis exactly (0,25 → 2): set per
        # axis from its tick locations, as ScalarFormatter does, so "0,5  1,0  1,5" stay aligned.
        decimals = 0

        def set_locs(self, locs):
            super().set_locs(locs)
            self.decimals = tick_decimals(locs)

        def __call__(self, x, pos=None):
            return lang.number(float(x), self.decimals, signed)

    return LocaleFormatter()


def tick_decimals(locs) -> int:
    values = [float(v) for v in locs if np.isfinite(v)]
    for decimals in range(7):
        if all(abs(round(v, decimals) - v) <= 1e-9 * max(1.0, abs(v)) for v in values):
            return decimals
    return 6


def localise_ticks(fig, lang: Language | str, signed_axes=()) -> None:
    """Every numeric axis of `fig` (colour bars included) in the brief's number format; axes whose
    ticks are names keep them (only matplotlib's numeric ScalarFormatter is replaced: tick labels
    set as text become a Fixed/FuncFormatter). `signed_axes`: the axes written with a "+"."""
    from matplotlib.ticker import ScalarFormatter

    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            if not isinstance(axis.get_major_formatter(), ScalarFormatter):
                continue
            axis.set_major_formatter(locale_formatter(lang, signed=axis in signed_axes))
            axis.get_offset_text().set_visible(False)  # a locale formatter writes whole numbers: no "1e6" offset


def to_svg(fig, key: str, lang: Language | str | None = None) -> str:
    """The figure as an inline <svg> element: no XML prolog, IDs prefixed, scalable by CSS. With
    `lang`, its numeric ticks are written in that language first (`localise_ticks`)."""
    if lang is not None:
        localise_ticks(fig, lang)
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
        fig = new_figure(FIGURE_WIDTH, 5.0)
        axes = fig.subplots(2, 2, sharex=True)
        specs = [("wss", "k_wss_short", "k_wss"), ("silhouette", "k_sil_short", "k_sil"), ("gap", "k_gap_short", "k_gap"), ("dbi", "k_dbi_short", "k_dbi")]
        for ax, (name, short, label) in zip(axes.flat, specs):
            values = _series(indices.get(name), len(ks))
            ax.set_title(lang.t("chart." + short), loc="left", fontsize=8)
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
            axes[0][0].legend(handles, names, frameon=False)
        title = lang.t("chart.k_title")
        fig.suptitle(title, x=0.01, ha="left", fontsize=9.5, fontweight="bold")
        localise_ticks(fig, lang)
        fig.tight_layout(rect=(0, 0, 1, 0.96))
        svg = to_svg(fig, "k-selection")
    return Chart("k-selection", title, lang.t("chart.k_caption"), svg, data={"k_values": ks, "chosen_k": chosen, "used_k": used, "knee": knee})


def _series(values, n: int) -> list[float]:
    values = list(values or [])
    out = [float(v) if v is not None else math.nan for v in values[:n]]
    return out + [math.nan] * (n - len(out))


# -- PCA -------------------------------------------------------------------------------------------
# The PCA chart names at most LABELLED_MAX units (reports.labels, O(n)); beyond DENSITY_MIN_UNITS
# units it draws their density (hexbin) and each cluster's centre, its number on the mark.
DENSITY_MIN_UNITS = 3_000
PCA_MIN_FEATURES = 3  # with one or two indicators the profile and heatmap show it all: no PCA plane
LABEL_PT = 7.0


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


def pca_chart(ids: list[str], standardized: np.ndarray, labels0: np.ndarray, facts, cluster_labels: dict[int, str], lang: Language | str) -> Chart:
    lang = load_language(lang)
    scores, loadings, ratio = pca(standardized)
    if scores.shape[1] < 2:  # one feature (build_charts draws no PCA then; kept drawable for callers)
        scores = np.column_stack([scores[:, 0], np.zeros(len(scores))])
        loadings = np.column_stack([loadings[:, 0], np.zeros(len(loadings))])
        ratio = np.append(ratio, 0.0)
    names = _cluster_names(facts, cluster_labels, lang)
    labels0 = np.asarray(labels0)
    with rc_context():
        fig = new_figure(FIGURE_WIDTH, 5.6)
        ax = fig.add_subplot()
        dense = len(scores) > DENSITY_MIN_UNITS
        centres = {}
        if dense:  # thousands of units: their density, and each cluster's centre in its colour and number
            ax.hexbin(scores[:, 0], scores[:, 1], gridsize=50, bins="log", cmap="Greys", mincnt=1, linewidths=0, zorder=2)
        for c in facts.clusters:
            mask = labels0 == c.number - 1
            colour, marker = cluster_color(c.number), cluster_marker(c.number)
            if dense:
                centre = scores[mask, :2].mean(axis=0) if mask.any() else np.zeros(2)
                centres[c.number] = centre
                ax.scatter([centre[0]], [centre[1]], s=260, color=colour, marker=marker, edgecolor=TEXT, linewidth=0.8, label=names[c.number], zorder=4)
                ax.text(centre[0], centre[1], str(c.number), ha="center", va="center", fontsize=7.5, fontweight="bold", color=text_color_on(colour),
                        zorder=5, gid=f"centre-{c.number}")
            else:
                ax.scatter(scores[mask, 0], scores[mask, 1], s=30, color=colour, marker=marker, edgecolor="#333333", linewidth=0.5, label=names[c.number], zorder=3)
        # Loadings arrows, scaled to the scores' spread so they are readable beside the points.
        reach = np.abs(scores[:, :2]).max() if len(scores) else 1.0
        scale = 0.8 * reach / max(np.abs(loadings[:, :2]).max(), 1e-9)
        arrow_labels = []
        for f, (lx, ly) in zip(facts.features, loadings[:, :2]):
            ax.annotate("", xy=(lx * scale, ly * scale), xytext=(0, 0), arrowprops={"arrowstyle": "-|>", "color": "#666666", "lw": 1.0}, zorder=2)
            arrow_labels.append(ax.text(lx * scale * 1.08, ly * scale * 1.08, lang.short_name(f), color=MUTED_TEXT, fontsize=7.5, fontweight="bold", ha="center", va="center", zorder=4))
        ax.axhline(0, color="#cccccc", lw=0.6, zorder=1)
        ax.axvline(0, color="#cccccc", lw=0.6, zorder=1)
        ax.set_xlabel(lang.t("chart.pca_axis", n=1, pct=lang.number(100 * ratio[0], 1)))
        ax.set_ylabel(lang.t("chart.pca_axis", n=2, pct=lang.number(100 * ratio[1], 1)))
        title = lang.t("chart.pca_title")
        ax.set_title(title, loc="left", fontweight="bold")
        # Below the plane, so it hides neither a point nor a name.
        ax.legend(frameon=False, loc="upper center", bbox_to_anchor=(0.5, -0.11), ncol=2, markerscale=0.6 if dense else 1.0)
        # Arrows do not extend the data limits by themselves: fit points and arrow labels.
        tips = loadings[:, :2] * scale * 1.15
        both = np.vstack([scores[:, :2], tips])
        low, high = both.min(axis=0), both.max(axis=0)
        pad = 0.1 * (high - low + 1e-9)
        ax.set_xlim(low[0] - pad[0], high[0] + pad[0])
        ax.set_ylim(low[1] - pad[1], high[1] + pad[1])
        localise_ticks(fig, lang)
        fig.tight_layout()  # final: the names are placed in pixels of this layout
        renderer = renderer_of(fig)
        obstacles = [text_box(t, renderer, pad_px=1.0) for t in arrow_labels]
        for centre in centres.values():  # the centre marks (about 16 pt across) stay unlabelled over
            cx, cy = ax.transData.transform(centre)
            obstacles.append((cx - 12, cy - 12, cx + 12, cy + 12))
        shown = labelled_points(scores)
        if dense:  # the named units as small dots over the density, so each name has its mark
            ax.scatter(scores[shown, 0], scores[shown, 1], s=9, color=TEXT, edgecolor="white", linewidth=0.4, zorder=5)
        drawn = place_labels(ax, scores[shown, 0], scores[shown, 1], [ids[i] for i in shown], fontsize=LABEL_PT, obstacles=obstacles,
                             gid_prefix="unit-label", layout=False, others=None if dense else np.delete(scores[:, :2], shown, axis=0))
        svg = to_svg(fig, "pca")
    return Chart("pca", title, lang.t("chart.pca_caption"), svg,
                 data={"explained_pct": [float(100 * r) for r in ratio[:2]], "n_points": len(ids), "n_labelled": len(drawn),
                       "labelled": sorted(t.get_text() for t in drawn), "density": bool(dense)})


# -- profiles against the reference ------------------------------------------------------------------
PROFILE_LABEL_WIDTH = 30  # characters per line of a profile chart's indicator name


def profile_limit(facts) -> float:
    """The x-limit shared by every cluster's profile chart: the largest |difference| of any cluster
    (so +2,7 % is drawn shorter than +34 % whichever chart it is on), with room for the value text."""
    values = [abs(c.features[f.name].diff_pct) for c in facts.clusters for f in facts.features]
    values = [v for v in values if not math.isnan(v)]
    return max(values + [float(facts.method.tolerance_pct), 1.0]) * 1.3


def profile_chart(cluster, facts, lang: Language | str) -> Chart:
    """Diverging bars: the cluster mean's % difference from the reference, one bar per feature, on
    the scale shared by all clusters (`profile_limit`)."""
    lang = load_language(lang)
    # a reference row is named as the table names it ("INDONESIA"); a mean, in the brief's words
    ref = facts.reference.label if facts.reference.kind == "row" else lang.reference_phrase(facts)
    features = facts.features
    values = [cluster.features[f.name].diff_pct for f in features]
    # a long indicator name wraps instead of pushing the axis off the figure ("Rasio pengeluaran per kapita …")
    names = [textwrap.fill(f.label, PROFILE_LABEL_WIDTH) for f in features]
    tolerance = float(facts.method.tolerance_pct)
    limit = profile_limit(facts)
    colour = cluster_color(cluster.number)
    key = f"profile-{cluster.number}"
    with rc_context():
        fig = new_figure(FIGURE_WIDTH, 0.42 * len(features) + 0.14 * sum(n.count("\n") for n in names) + 1.1)
        ax = fig.add_subplot()
        y = np.arange(len(features))[::-1]
        ax.axvspan(-tolerance, tolerance, color="#eeeeee", zorder=0)
        ax.barh(y, values, color=colour, edgecolor="#333333", linewidth=0.4, height=0.6, zorder=2)
        ax.axvline(0, color="#333333", lw=0.8, zorder=3)
        for yi, v in zip(y, values):
            if math.isnan(v):
                continue
            ax.text(v + (0.01 if v >= 0 else -0.01) * limit, yi, lang.t("chart.bar_value", value=lang.number(v, 1, True)), va="center",
                    ha="left" if v >= 0 else "right", fontsize=7.5, color=TEXT)
        ax.set_yticks(y, names)
        ax.set_xlim(-limit, limit)
        ax.set_xlabel(lang.t("chart.profile_axis", ref=ref))
        title = lang.t("chart.profile_title", n=cluster.number, ref=ref)
        ax.set_title(title, loc="left", fontweight="bold", color=TEXT)
        ax.spines["left"].set_visible(False)
        ax.tick_params(axis="y", length=0)
        localise_ticks(fig, lang, signed_axes=(ax.xaxis,))
        fig.tight_layout()
        svg = to_svg(fig, key)
    return Chart(key, title, lang.t("chart.profile_caption", ref=ref), svg, section=f"cluster-{cluster.number}",
                 data={"diff_pct": dict(zip([f.name for f in features], values)), "x_limit": limit})


# -- heatmap -----------------------------------------------------------------------------------------
def heatmap_chart(facts, cluster_labels: dict[int, str], lang: Language | str) -> Chart:
    from matplotlib import colormaps
    from matplotlib.colors import Normalize

    lang = load_language(lang)
    features = facts.features
    z = np.array([[c.features[f.name].z for f in features] for c in facts.clusters], dtype=float)
    bound = max(float(np.nanmax(np.abs(z))) if z.size else 1.0, 0.5)
    names = _cluster_names(facts, cluster_labels, lang)
    cmap, norm = colormaps["RdBu"], Normalize(-bound, bound)
    with rc_context():
        fig = new_figure(FIGURE_WIDTH, 0.42 * len(facts.clusters) + 1.9)
        ax = fig.add_subplot()
        # Vector cells (pcolormesh, not imshow): crisp at any zoom and no embedded bitmap.
        image = ax.pcolormesh(z, cmap=cmap, norm=norm, edgecolors="white", linewidth=1.5)
        for (i, j), value in np.ndenumerate(z):
            cell = cmap(norm(value)) if np.isfinite(value) else "#ffffff"
            ax.text(j + 0.5, i + 0.5, lang.number(value, 2, True), ha="center", va="center", fontsize=7.5, color=text_color_on(cell), gid=f"cell-{i}-{j}")
        # The row key: each cluster's marker in its colour, left of the cells (colour never alone).
        for i, c in enumerate(facts.clusters):
            ax.scatter([-0.35], [i + 0.5], s=55, marker=cluster_marker(c.number), color=cluster_color(c.number), edgecolor="#333333",
                       linewidth=0.5, clip_on=False, zorder=3)
        ax.set_xlim(-0.7, len(features))
        ax.set_xticks(np.arange(len(features)) + 0.5, [lang.short_name(f) for f in features])
        ax.set_yticks(np.arange(len(facts.clusters)) + 0.5, [names[c.number] for c in facts.clusters])
        ax.invert_yaxis()
        for tick in ax.get_yticklabels():
            tick.set_fontweight("bold")
        ax.tick_params(length=0)
        for side in ("left", "bottom"):
            ax.spines[side].set_visible(False)
        bar = fig.colorbar(image, ax=ax, fraction=0.04, pad=0.02)
        bar.set_label(lang.t("chart.heat_bar"), fontsize=7.5)
        title = lang.t("chart.heat_title")
        ax.set_title(title, loc="left", fontweight="bold")
        localise_ticks(fig, lang, signed_axes=(bar.ax.yaxis,))
        fig.tight_layout()
        svg = to_svg(fig, "heatmap")
    return Chart("heatmap", title, lang.t("chart.heat_caption"), svg, data={"z": z.tolist()})
