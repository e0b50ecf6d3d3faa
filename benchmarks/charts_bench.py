"""The charts stage at household scale (issue 14): `reports.figures.build_charts` timed alone.

Synthetic households (benchmarks/household.py, 16 features, k = 4, no bootstrap) are clustered once
with `run_brief(..., write=False)`; then the charts stage is run `--repeat` times on the run's own
dataset, partition, facts and drafts and the best and median wall clock are reported, with the time
of each chart (k panel, PCA, heatmap, profiles). Goal: ≤ 5 s for 5 000 units.

    PYTHONPATH=. .venv/bin/python benchmarks/charts_bench.py --rows 1000 5000
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from household import generate, spec_text  # noqa: E402


def clustered(rows: int, folder: Path):
    from interpret import run_brief
    from interpret.config import resolve_settings

    table = folder / f"households_{rows}.csv"
    generate(rows).to_csv(table, index=False)
    spec = folder / f"households_{rows}.toml"
    spec.write_text(spec_text(table.name, "k = 4\nbootstrap = 0"), encoding="utf-8")
    settings = resolve_settings({"data": table, "spec": spec, "provider": "none", "pdf": "off"}, environ={}, dotenv_path=None)
    return run_brief(settings, write=False)


def time_charts(brief, repeat: int) -> dict:
    from reports.figures import build_charts

    walls, per_chart = [], {}
    for _ in range(repeat):
        started = time.perf_counter()
        charts = build_charts(brief.dataset, brief.partition, brief.facts, brief.drafts, lang="id")
        walls.append(time.perf_counter() - started)
    pca = next((c for c in charts if c.key == "pca"), None)
    # Per-chart times, once, for the table's breakdown.
    from reports import charts as module
    import numpy as np
    from clustering import zscore

    labels = {d.klaster: d.label for d in brief.drafts.clusters}
    ids = [str(i) for i in brief.dataset.values.index]
    t = time.perf_counter()
    module.pca_chart(ids, zscore(brief.dataset.values.to_numpy()).values, np.asarray(brief.partition.labels), brief.facts, labels, "id")
    per_chart["pca"] = time.perf_counter() - t
    t = time.perf_counter()
    module.heatmap_chart(brief.facts, labels, "id")
    per_chart["heatmap"] = time.perf_counter() - t
    t = time.perf_counter()
    for c in brief.facts.clusters:
        module.profile_chart(c, brief.facts, "id")
    per_chart["profiles"] = time.perf_counter() - t
    return {"rows": len(ids), "best": min(walls), "median": statistics.median(walls), "charts": len(charts),
            "density": bool(pca and pca.data.get("density")), "labelled": pca.data.get("n_labelled") if pca else None, **per_chart}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, nargs="+", default=[1000, 5000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print("| units | charts stage best (s) | median (s) | PCA (s) | heatmap (s) | 4 profiles (s) | PCA kind | labels |")
    print("|---:|---:|---:|---:|---:|---:|---|---:|")
    with tempfile.TemporaryDirectory() as tmp:
        for rows in args.rows:
            r = time_charts(clustered(rows, Path(tmp)), args.repeat)
            kind = "hexbin + centres" if r["density"] else "points"
            print(f"| {r['rows']} | {r['best']:.2f} | {r['median']:.2f} | {r['pca']:.2f} | {r['heatmap']:.2f} | {r['profiles']:.2f} | {kind} | {r['labelled']} |", flush=True)


if __name__ == "__main__":
    main()
