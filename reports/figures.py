"""All charts of one brief, in reading order, from the run's typed results.

`build_charts` is called by the pipeline's report stage; it never prints and never writes files.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from interpret.language import Language, load_language
from .charts import PCA_MIN_FEATURES, Chart, heatmap_chart, k_selection_chart, pca_chart, profile_chart
from .maps import province_map

MAP_MAX_UNITS = 10_000  # Indonesia has 38 provinces and ~514 regencies: a larger table is not of regions


def build_charts(dataset, partition, facts, drafts, *, lang: Language | str = "id", geojson: Path | None = None) -> list[Chart]:
    """k panel (when the analysis has one), PCA, heatmap, map, then one profile per cluster."""
    lang = load_language(lang)
    facts = lang.localized(facts)  # labels, reference and title in the brief's language
    from clustering import zscore

    labels = {d.klaster: d.label for d in drafts.clusters}
    charts: list[Chart] = []
    panel = facts.k_selection
    if panel is not None and panel.k_values:
        charts.append(k_selection_chart(panel, lang, used_k=facts.k))
    ids = [str(i) for i in dataset.values.index]
    if len(facts.features) >= PCA_MIN_FEATURES:  # with one or two indicators the profile and heatmap show it all: no PCA plane
        standardized = zscore(dataset.values.to_numpy()).values
        charts.append(pca_chart(ids, standardized, np.asarray(partition.labels), facts, labels, lang))
    charts.append(heatmap_chart(facts, labels, lang))
    word = lang.t("chart.cluster")
    names = {c.number: f"{word} {c.number}: {labels.get(c.number, '')}" for c in facts.clusters}
    map_chart = None
    if len(ids) <= MAP_MAX_UNITS:  # provinces or regencies; never a table of households
        units = {unit: int(label) + 1 for unit, label in zip(ids, partition.labels)}
        map_chart = province_map(units, names, lang, geojson=geojson)
    if map_chart is not None:
        charts.append(map_chart)
    charts.extend(profile_chart(c, facts, lang) for c in facts.clusters)
    return charts


def charts_summary(charts: list[Chart]) -> list[dict]:
    """What result.json records about the charts (no SVG)."""
    return [{"key": c.key, "title": c.title, "caption": c.caption, "section": c.section, "notes": c.notes, **c.data} for c in charts]
