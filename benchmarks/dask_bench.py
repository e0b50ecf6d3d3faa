"""The Dask engine out of memory: a partitioned Parquet data set larger than the memory given to the
workers, clustered (scaling, k-means‖ + Lloyd, per-cluster profiles with weights) without gathering it.

Data: synthetic households (benchmarks/household.py: five latent types, 16 features and a survey
weight), written as `--partitions` Parquet files of float32 features; deleted afterwards. Workers:
a LocalCluster of `--workers` processes with `--memory-limit` each (spilling to disk beyond it).
Peak worker memory is the largest resident set size any worker process reached (sampled every
0.2 s with psutil, which distributed already depends on).

    .venv/bin/python benchmarks/dask_bench.py --rows 8000000 --partitions 64 --workers 2 --memory-limit 400MB --k 5 --max-iter 5

Results: docs/benchmarks.md ("Dask engine out of memory").
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from household import FEATURES, generate, spec_text  # noqa: E402


def write_partitions(folder: Path, rows: int, partitions: int, seed: int, as_text: bool = False) -> int:
    """`partitions` Parquet files of rows // partitions households each; returns the bytes written."""
    folder.mkdir(parents=True)
    per = rows // partitions
    for part in range(partitions):
        frame = generate(per, seed + part)
        frame["id_rt"] = np.arange(part * per, (part + 1) * per, dtype=np.int64)
        if as_text:  # ids as the survey writes them (a number-like id would be read as a claim in the brief)
            frame["id_rt"] = [f"RT{i:08d}" for i in frame["id_rt"]]
        for column in FEATURES + ["bobot"]:
            frame[column] = frame[column].astype(np.float32)
        frame.to_parquet(folder / f"part-{part:04d}.parquet", index=False)
    return sum(f.stat().st_size for f in folder.iterdir())


class PeakMemory:
    """The largest RSS of any worker process, sampled in a thread."""

    def __init__(self, client):
        import psutil

        self.processes = [psutil.Process(pid) for pid in client.run(lambda: __import__("os").getpid()).values()]
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self):
        while not self._stop.is_set():
            for process in self.processes:
                try:
                    self.peak = max(self.peak, process.memory_info().rss)
                except Exception:  # a worker restarted by the nanny: keep sampling the others
                    pass
            time.sleep(0.2)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()


def run_cli(folder: Path, spec: Path, out: Path, args, progress) -> None:
    """run_brief with engine = dask on the folder: the driver's peak RSS and the workers' peak."""
    import logging
    import resource

    from distributed import Client, LocalCluster

    from interpret import run_brief
    from interpret.config import resolve_settings

    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    with LocalCluster(n_workers=args.workers, threads_per_worker=1, memory_limit=args.memory_limit, dashboard_address=None,
                      silence_logs=logging.ERROR) as cluster, Client(cluster) as client, PeakMemory(client) as peak:
        settings = resolve_settings({"data": folder, "spec": spec, "out": out, "engine": "dask", "dask_scheduler": cluster.scheduler_address,
                                     "k": args.k, "kmeans_max_iter": args.max_iter, "provider": "none", "pdf": "off",
                                     "bootstrap": args.bootstrap},
                                    environ={}, dotenv_path=None)
        t0 = time.perf_counter()
        brief = run_brief(settings, progress)
        wall = time.perf_counter() - t0
    driver = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    files = {p.name: p.stat().st_size if p.is_file() else sum(f.stat().st_size for f in p.rglob("*")) for p in out.iterdir()}
    print(f"wall {wall:.1f} s, peak worker RSS {peak.peak / 2**20:.0f} MiB (limit {args.memory_limit} × {args.workers}), "
          f"driver peak RSS {driver:.0f} MiB (before the run {before:.0f} MiB)")
    print(f"n = {brief.facts.dataset.n_units:,}, k = {brief.facts.k}, sizes {[c.size for c in brief.facts.clusters]}, "
          f"caveats {brief.facts.method.caveats}, driver sample {len(brief.dataset.values):,} units; files {files}")
    print("verification:", {v.value: n for v, n in brief.verification.counts.items()})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=8_000_000)
    parser.add_argument("--partitions", type=int, default=64)  # 125 000 rows a block: a worker's task stays ~60 MB
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--memory-limit", default="400MB")  # an idle worker is ~180 MB
    parser.add_argument("--k", type=int, default=5)
    parser.add_argument("--max-iter", type=int, default=5)
    parser.add_argument("--workdir", type=Path, default=None)
    parser.add_argument("--bootstrap", type=int, default=100, help="with --cli: bootstrap replicates on the driver's sample")
    parser.add_argument("--cli", action="store_true", help="the whole brief through run_brief (what `interpret run --engine dask` calls), "
                        "on a LocalCluster started here and given by address (the dask_scheduler setting)")
    args = parser.parse_args()

    from clustering.dask_engine import dask_client
    from interpret.dask_data import cluster_table, load_dask_table

    workdir = Path(tempfile.mkdtemp(prefix="dask_bench_", dir=args.workdir))
    try:
        folder = workdir / "households"
        start = time.perf_counter()
        size = write_partitions(folder, args.rows, args.partitions, 2024, as_text=args.cli)
        spec = workdir / "households.toml"
        spec.write_text(spec_text(folder.name), encoding="utf-8")
        generated = time.perf_counter() - start
        print(f"generated {args.rows:,} rows in {args.partitions} files, {size / 1e9:.2f} GB on disk, {generated:.1f} s", flush=True)
        stages: list[tuple[float, str, str]] = []
        t0 = time.perf_counter()

        def progress(stage: str, message: str) -> None:
            stages.append((time.perf_counter() - t0, stage, message))
            print(f"{stages[-1][0]:7.1f} s  {stage}: {message}", flush=True)

        if args.cli:
            run_cli(folder, spec, workdir / "brief", args, progress)
            return
        with dask_client(None, args.workers, args.memory_limit) as client, PeakMemory(client) as peak:
            t0 = time.perf_counter()
            table = load_dask_table(folder, spec)
            progress("data", f"{table.n:,} rows, {len(table.values.chunks[0])} blocks")
            fit, profiles, _ = cluster_table(table, args.k, max_iter=args.max_iter, progress=progress)
            wall = time.perf_counter() - t0
        print(f"wall {wall:.1f} s, peak worker RSS {peak.peak / 2**20:.0f} MiB (limit {args.memory_limit} × {args.workers})")
        print(f"k = {fit.k}, sizes {fit.sizes.tolist()}, Lloyd iterations {fit.n_iter} (converged: {fit.converged}), "
              f"between/total SS {100 * (1 - fit.within_ss / fit.total_ss):.1f} %, k-means‖ candidates {fit.candidates}")
        for p in profiles:
            print(f"  cluster {p.index + 1}: {p.size:,} households, weighted {p.weighted_size:,.0f} ({p.share_pct:.1f} %), "
                  f"pengeluaran_kapita mean {p.features['pengeluaran_kapita'].mean:,.0f}, median {p.features['pengeluaran_kapita'].median:,.0f}")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
