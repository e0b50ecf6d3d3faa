"""The charts: content, colours, captions, determinism (the map: tests/test_reports_maps.py)."""

from __future__ import annotations

import re

import numpy as np
import pytest

from clustering import zscore
from interpret import run_brief
from interpret.facts import KSelection
from interpret.verification import Verifier
from interpret.terms import Verdict
from reports.charts import LABELLED_MAX, PALETTE, cluster_color, pca
from reports.figures import build_charts

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
    # at most LABELLED_MAX of the 34 provinces are named, each drawn once; the extremes among them
    assert 10 <= chart.data["n_labelled"] <= LABELLED_MAX
    names = [u for u in default_brief.dataset.values.index if f">{u}<" in chart.svg]
    assert sorted(names) == chart.data["labelled"]
    assert {"Papua", "DKI Jakarta"} <= set(names)  # the farthest from the centre on PC1


def test_profile_bars_are_the_facts_diff_pct(default_brief):
    charts = charts_by_key(default_brief)
    for c in default_brief.facts.clusters:
        data = charts[f"profile-{c.number}"].data["diff_pct"]
        assert data == {name: f.diff_pct for name, f in c.features.items()}


def test_english_charts_speak_english(default_brief):
    b = default_brief
    charts = {c.key: c for c in build_charts(b.dataset, b.partition, b.facts, b.drafts, lang="en")}
    assert charts["map"].title == "Map of province clusters"
    assert "Principal component 1" in charts["pca"].svg
    assert "Cluster 1" in charts["heatmap"].svg
    assert "national figure (BPS)" in charts["profile-1"].title


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
    assert chart.data["density"] and 0 < chart.data["n_labelled"] <= LABELLED_MAX and chart.data["n_points"] == n
    assert sum(f">{unit}<" in chart.svg for unit in ids) == chart.data["n_labelled"]
    # the units as a hexbin (one collection of hexagons), the clusters as numbered centres
    assert chart.svg.count('id="pca-PolyCollection_') == 1
    for c in default_brief.facts.clusters:
        assert re.search(rf'id="pca-centre-{c.number}">\s*<text[^>]*>{c.number}</text>', chart.svg)
    few = pca_chart(ids[:500], values[:500], labels[:500], default_brief.facts, {c.number: "x" for c in default_brief.facts.clusters}, "id")
    assert not few.data["density"] and "PolyCollection" not in few.svg


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


# -- issue 14: charts in the brief's language, at print size, readable without colour ------------------
def svg_texts(svg: str) -> list[dict]:
    """Every <text> of a chart with its style, position (pt) and content; `group`: the ids of its
    enclosing groups, innermost last, joined by "/" (a tick: ".../pca-xtick_3/pca-text_4")."""
    import xml.etree.ElementTree as ET

    out = []

    def walk(element, ids):
        tag = element.tag.rsplit("}", 1)[-1]
        if tag == "text":
            style = element.get("style", "")
            fill = re.search(r"fill: (#[0-9a-fA-F]{6})", style)
            anchor = re.search(r"text-anchor: (\w+)", style)
            out.append({"style": style, "x": float(element.get("x", 0)), "y": float(element.get("y", 0)), "text": "".join(element.itertext()),
                        "size": float(re.search(r"font-size: ([\d.]+)px", style).group(1)), "fill": fill.group(1).lower() if fill else "#000000",
                        "anchor": anchor.group(1) if anchor else "start", "group": "/".join(ids)})
            return
        own = [element.get("id")] if tag == "g" and element.get("id") else []
        for child in element:
            walk(child, ids + own)

    walk(ET.fromstring(svg), [])
    return out


def in_group(text: dict, pattern: str) -> re.Match | None:
    return next((m for part in text["group"].split("/") if (m := re.fullmatch(pattern, part))), None)


def tick_labels(svg: str, axis: str = "xy") -> list[str]:
    """The tick labels of every axis and colour bar of a chart (ticks written as text, not paths)."""
    return [t["text"] for t in svg_texts(svg) if in_group(t, rf"[\w-]*[{axis}]tick_\d+") and t["text"].strip()]


INDONESIAN_NUMBER = re.compile(r"^[+-]?\d{1,3}(\.\d{3})*(,\d+)?$")
ENGLISH_NUMBER = re.compile(r"^[+-]?\d{1,3}(,\d{3})*(\.\d+)?$")
MY_CHARTS = ("k-selection", "pca", "heatmap", "profile-")


def numeric_ticks(charts) -> list[str]:
    ticks = []
    for chart in charts:
        if chart.key.startswith(MY_CHARTS):
            ticks += [t for t in tick_labels(chart.svg) if re.search(r"\d", t) and not re.search(r"[A-Za-z]", t)]
    return ticks


def test_every_tick_is_in_the_briefs_number_format(default_brief):
    b = default_brief
    id_ticks = numeric_ticks(b.charts)
    assert len(id_ticks) > 40
    assert [t for t in id_ticks if not INDONESIAN_NUMBER.match(t)] == []
    assert any("," in t for t in id_ticks)  # decimal ticks exist (the colour bar's +0,5), written with a comma
    assert not any("\u2212" in t for t in id_ticks)  # the minus as the tables write it ("-0,42"), not matplotlib's U+2212
    heat = charts_by_key(b)["heatmap"]
    assert "+0,5" in tick_labels(heat.svg) and "-1,0" in tick_labels(heat.svg)
    en = build_charts(b.dataset, b.partition, b.facts, b.drafts, lang="en")
    en_ticks = numeric_ticks(en)
    assert [t for t in en_ticks if not ENGLISH_NUMBER.match(t)] == []
    assert "+0.5" in tick_labels(next(c for c in en if c.key == "heatmap").svg)


def test_the_locale_formatter_writes_thousands_decimals_and_signs():
    from reports.charts import locale_formatter

    def written(lang, locs, signed=False):
        formatter = locale_formatter(lang, signed)
        formatter.set_locs(locs)
        return [formatter(v) for v in locs]

    assert written("id", [0, 1500, 3000, 4500]) == ["0", "1.500", "3.000", "4.500"]
    assert written("en", [0, 1500, 3000]) == ["0", "1,500", "3,000"]
    assert written("id", [-0.5, -0.25, 0, 0.25]) == ["-0,50", "-0,25", "0,00", "0,25"]
    assert written("id", [-20, 0, 20], signed=True) == ["-20", "0", "+20"]


def test_profile_charts_share_one_scale(default_brief):
    charts = charts_by_key(default_brief)
    profiles = [charts[f"profile-{c.number}"] for c in default_brief.facts.clusters]
    largest = max(abs(f.diff_pct) for c in default_brief.facts.clusters for f in c.features.values())
    assert [p.data["x_limit"] for p in profiles] == [pytest.approx(largest * 1.3)] * len(profiles)
    # the same ticks at the same places on every cluster's chart: one ruler for all the bars
    rulers = [[(t["text"], round(t["x"], 2)) for t in svg_texts(p.svg) if in_group(t, r"profile-\d+-xtick_\d+")] for p in profiles]
    assert len(rulers[0]) >= 5 and all(r == rulers[0] for r in rulers)
    # and a small difference is drawn shorter than a large one, on whichever chart it is
    small = min(profiles, key=lambda p: max(abs(v) for v in p.data["diff_pct"].values()))
    assert max(abs(v) for v in small.data["diff_pct"].values()) < small.data["x_limit"] / 2


def printed_sizes(svg: str) -> list[float]:
    """Each text's size in pt once the chart is printed across the A4 text width (the CSS gives a
    figure 100 % of it): the SVG's own unit is the pt, scaled by print width / viewBox width."""
    from reports.charts import PRINT_WIDTH_MM

    width = float(re.search(r'viewBox="0 0 ([\d.]+) [\d.]+"', svg).group(1))
    scale = PRINT_WIDTH_MM / 25.4 * 72 / width
    return [t["size"] * scale for t in svg_texts(svg)]


def test_no_text_is_printed_below_7_pt(default_brief):
    for chart in default_brief.charts:
        if chart.key.startswith(MY_CHARTS):
            sizes = printed_sizes(chart.svg)
            assert sizes and min(sizes) >= 7.0 - 1e-6, (chart.key, min(sizes))


def test_text_contrasts_with_its_background(default_brief):
    from matplotlib import colormaps
    from matplotlib.colors import Normalize

    from reports.charts import contrast_ratio, text_color_on

    charts = charts_by_key(default_brief)
    for key, chart in charts.items():
        if not key.startswith(MY_CHARTS):
            continue
        for t in svg_texts(chart.svg):
            if not in_group(t, r"\w+-(cell-\d+-\d+|centre-\d+)"):  # on the white page
                assert contrast_ratio(t["fill"], "#ffffff") >= 4.5, (key, t["text"], t["fill"])
    # heatmap values on their cell's colour
    z = np.array(charts["heatmap"].data["z"])
    bound = max(float(np.nanmax(np.abs(z))), 0.5)
    cmap, norm = colormaps["RdBu"], Normalize(-bound, bound)
    cells = [t for t in svg_texts(charts["heatmap"].svg) if in_group(t, r"heatmap-cell-\d+-\d+")]
    assert len(cells) == z.size
    for t in cells:
        i, j = map(int, in_group(t, r"heatmap-cell-(\d+)-(\d+)").groups())
        assert contrast_ratio(t["fill"], cmap(norm(z[i, j]))) >= 4.5, (t["text"], t["fill"])
    # any background at all: the darker or the white text reaches 4,5:1; the palette is never text
    for x in np.linspace(0, 1, 64):
        assert contrast_ratio(text_color_on(cmap(x)), cmap(x)) >= 4.5
    assert contrast_ratio("#F0E442", "#ffffff") < 4.5  # why the yellow is a fill, never a text colour
    assert all(t["fill"] not in {p.lower() for p in PALETTE[1:7]} for c in charts.values() if c.key.startswith(MY_CHARTS) for t in svg_texts(c.svg))


def test_a_cluster_has_a_shape_besides_its_colour(default_brief):
    from reports.charts import cluster_marker

    assert len({cluster_marker(n) for n in range(1, 9)}) == 8
    charts = charts_by_key(default_brief)
    k = default_brief.facts.k
    # PCA: one scatter per cluster, each with its own marker path; heatmap: one marker per row
    for key in ("pca", "heatmap"):
        shapes = set(re.findall(r'<path id="(?:pca|heatmap)-(m[0-9a-f]+)" d="([^"]+)"', charts[key].svg))
        assert len({d for _, d in shapes}) >= k, key


def label_boxes(svg: str, group: str = r"pca-unit-label-\d+") -> list[tuple[str, tuple[float, float, float, float]]]:
    """The name labels' boxes in the SVG's pt, measured independently of the layout code: DejaVu
    Sans metrics at the SVG's font size, from the text's anchor point and baseline (y grows down)."""
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import TextToPath

    boxes = []
    measure = TextToPath()
    for t in svg_texts(svg):
        if not in_group(t, group):
            continue
        width, height, descent = measure.get_text_width_height_descent(t["text"], FontProperties(family="DejaVu Sans", size=t["size"]), ismath=False)
        x0 = t["x"] - (width if t["anchor"] == "end" else width / 2 if t["anchor"] == "middle" else 0)
        boxes.append((t["text"], (x0, t["y"] - (height - descent), x0 + width, t["y"] + descent)))
    return boxes


def test_pca_names_at_most_30_points_and_no_two_names_overlap(default_brief):
    from reports.charts import pca_chart
    from reports.labels import boxes_overlap

    rng = np.random.default_rng(7)
    n, k = 1_200, default_brief.facts.k
    # clumps of long, similar names: the case that printed "SUMATERA SELATANBENGKULU"
    centres = rng.normal(scale=3, size=(k, 4))
    labels = rng.integers(0, k, size=n)
    values = centres[labels] + rng.normal(scale=0.6, size=(n, 4))
    ids = [f"KABUPATEN SUMATERA SELATAN {i:04d}" for i in range(n)]
    for chart in (pca_chart(ids, values, labels, default_brief.facts, {c.number: "x" for c in default_brief.facts.clusters}, "id"),
                  charts_by_key(default_brief)["pca"]):
        boxes = label_boxes(chart.svg)
        assert 0 < len(boxes) == chart.data["n_labelled"] <= LABELLED_MAX
        assert boxes_overlap([b for _, b in boxes]) == [], [(boxes[i][0], boxes[j][0]) for i, j in boxes_overlap([b for _, b in boxes])]
        assert min(printed_sizes(chart.svg)) >= 7.0 - 1e-6
