"""Household-scale clustering benchmark: 1 000 000 households × 16 features, `--k auto` (k = 2…10).

Runs exactly what `interpret run` runs in its clustering stage (interpret.analysis.analyse: scaling,
assumption checks, the six-index k panel, the final partition, the weighted profile and facts,
and the bootstrap stability), times each stage, records the peak memory (ru_maxrss), and checks
that the sampled panel (silhouette, gap and connectivity on a random sample) chooses the same k as
the panel on all units, on a table small enough for both. Results go to docs/benchmarks.md between
the clustering markers, with the command that reproduces them:

    .venv/bin/python benchmarks/clustering_bench.py                # 1 000 000 rows, writes docs
    .venv/bin/python benchmarks/clustering_bench.py --rows 50000 --no-write   # a quick look
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))


from household import generate, spec_text  # noqa: E402

START = "<!-- clustering-benchmark:start -->"
END = "<!-- clustering-benchmark:end -->"


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def run_panel(rows: int, workdir: Path, sample_size: int, seed: int) -> dict:
    from interpret.analysis import analyse
    from interpret.config import resolve_settings
    from interpret.data import load_dataset

    data = workdir / f"households_{rows}.parquet"
    t0 = time.perf_counter()
    generate(rows).to_parquet(data, index=False)
    spec = workdir / f"households_{rows}.toml"
    spec.write_text(spec_text(data.name), encoding="utf-8")
    t_generate = time.perf_counter() - t0

    t0 = time.perf_counter()
    dataset = load_dataset(data, spec)
    t_load = time.perf_counter() - t0
    settings = resolve_settings({"k": "auto", "seed": seed, "sample_size": sample_size}, environ={}, dotenv_path=None)
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    partition, facts = analyse(dataset, settings, timings=timings)
    t_total = time.perf_counter() - t0
    ks = facts.k_selection
    return {
        "rows": rows,
        "features": dataset.values.shape[1],
        "generate": t_generate,
        "load": t_load,
        "timings": timings,
        "analyse_total": t_total,
        "chosen_k": ks.chosen_k,
        "votes": ks.votes,
        "sample_size": ks.sample_size,
        "sizes": partition.sizes,
        "jaccard": [facts.stability.clusters[c + 1].jaccard for c in range(partition.k)],
        "peak_mb": peak_mb(),
    }


def agreement(rows: int, sample_size: int, seed: int) -> dict:
    """The sampled panel against the panel on every unit, on `rows` households."""
    from clustering import select_k, zscore

    frame = generate(rows, seed=7)
    X = zscore(frame.drop(columns=["id_rt", "bobot"]).to_numpy(float)).values
    out = {}
    for label, size in (("sampled", sample_size), ("full", None)):
        t0 = time.perf_counter()
        panel = select_k(X, list(range(2, 11)), seed=seed, sample_size=size)
        out[label] = {"chosen_k": panel.chosen_k, "votes": panel.votes, "seconds": time.perf_counter() - t0}
    out["rows"] = rows
    return out


def markdown(result: dict, check: dict, command: str) -> str:
    t = result["timings"]
    budget = t["k_panel"] + t["final_clustering"] + t["profile_and_facts"]
    lines = [
        START,
        "## Clustering at household scale (issue 3)",
        "",
        f"Command: `{command}`",
        "",
        f"Machine: {os.cpu_count()} cores, Python {platform.python_version()}, {platform.machine()}; "
        f"load average at the start {result['load_avg'][0]:.1f} (other work was running on the machine).",
        "",
        f"Data: {result['rows']:,} synthetic households × {result['features']} features and a survey weight "
        "(benchmarks/household.py: five latent household types), Parquet, `--k auto` over k = 2…10 with kmeans, "
        f"z-score, seed 42. Silhouette, gap (20 reference sets) and connectivity (10 neighbours) use a random "
        f"sample of {result['sample_size']:,} households; WSS, Davies–Bouldin and Calinski–Harabasz use all of them.",
        "",
        "| Stage | Seconds |",
        "|---|---:|",
        f"| generate the table (not part of a run) | {result['generate']:.1f} |",
        f"| load (Parquet → Dataset) | {result['load']:.1f} |",
        f"| scaling | {t['scaling']:.1f} |",
        f"| assumption checks (KMO, r, outliers) | {t['assumptions']:.1f} |",
        f"| k panel, k = 2…10, six indices (includes the k-means fits on all rows) | {t['k_panel']:.1f} |",
        f"| final clustering (the panel's fit at the chosen k, renumbered) | {t['final_clustering']:.1f} |",
        f"| weighted profile and facts | {t['profile_and_facts']:.1f} |",
        f"| bootstrap stability, B = 100, on the sample | {t.get('stability', 0.0):.1f} |",
        f"| **panel + final clustering + profile** | **{budget:.1f}** |",
        f"| whole clustering stage (all of the above but generate and load) | {result['analyse_total']:.1f} |",
        "",
        f"Peak memory (max RSS of the process, including the data): {result['peak_mb']:,.0f} MB. "
        f"Budget: ≤ 120 s and ≤ 4 GB — {'met' if budget <= 120 and result['peak_mb'] <= 4096 else 'NOT met'}.",
        "",
        f"Chosen k = {result['chosen_k']} (votes: {', '.join(f'{n} → {k}' for n, k in result['votes'].items())}); "
        f"cluster sizes {result['sizes']}; bootstrap Jaccard {', '.join(f'{j:.2f}' for j in result['jaccard'])}.",
        "",
        f"Sampling check on {check['rows']:,} households (a size where every index also runs on all units): "
        f"sampled panel ({result['sample_size']:,}) chose k = {check['sampled']['chosen_k']} in {check['sampled']['seconds']:.1f} s, "
        f"the full panel chose k = {check['full']['chosen_k']} in {check['full']['seconds']:.1f} s — "
        f"{'the same k' if check['sampled']['chosen_k'] == check['full']['chosen_k'] else 'DIFFERENT k'}. "
        f"Votes, sampled: {check['sampled']['votes']}; full: {check['full']['votes']}.",
        END,
    ]
    return "\n".join(lines) + "\n"


def write_docs(block: str, path: Path) -> None:
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    if START in text and END in text:
        head, rest = text.split(START, 1)
        tail = rest.split(END, 1)[1]
        text = head + block.rstrip("\n") + tail
    else:
        text = text.rstrip("\n") + "\n\n" + block
    path.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--sample-size", type=int, default=2000)
    parser.add_argument("--agreement-rows", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/interpret-bench"))
    parser.add_argument("--docs", type=Path, default=ROOT / "docs" / "benchmarks.md")
    parser.add_argument("--no-write", action="store_true", help="print the results only")
    parser.add_argument("--agreement-only", action="store_true", help="only the sampled-vs-full panel check (printed, docs not written)")
    args = parser.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    load_avg = os.getloadavg()
    if args.agreement_only:
        check = agreement(args.agreement_rows, args.sample_size, args.seed)
        print(f"load average at the start {load_avg[0]:.1f}; {check}")
        return
    result = run_panel(args.rows, args.workdir, args.sample_size, args.seed)
    result["load_avg"] = load_avg
    check = agreement(args.agreement_rows, args.sample_size, args.seed)
    command = ".venv/bin/python benchmarks/clustering_bench.py" + ("" if args.rows == 1_000_000 else f" --rows {args.rows}")
    block = markdown(result, check, command)
    print(block)
    if not args.no_write:
        write_docs(block, args.docs)
        print(f"written to {args.docs}")


if __name__ == "__main__":
    main()
