"""Benchmark (not a test): drafting the default data's clusters + summary against a local stand-in
Ollama server that answers after a fixed 1 s delay, for k = 4 and k = 10.

Goals: the first run's drafting wall <= 1.3 x one call (issue 13: every section, the summary too, is
drafted at the same time: k + 1 calls at once by default), and a rerun with nothing changed <= 0.2 s
of drafting with zero requests (the response cache). Results go in docs/benchmarks.md under
"LLM drafting".

    PYTHONPATH=. .venv/bin/python benchmarks/llm_bench.py [--k 4,10] [--runs 3] [--delay 1]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from llm_standin_server import StandIn  # noqa: E402

from interpret import resolve_settings  # noqa: E402
from interpret.data import load_dataset  # noqa: E402
from interpret.llm import draft_with_chain  # noqa: E402
from interpret.pipeline import stage_cluster  # noqa: E402
from interpret.rules import load_rules  # noqa: E402


def one_k(k: int, runs: int, delay: float) -> dict:
    server = StandIn(0, delay=delay).start()
    dataset, rules = load_dataset(None, None), load_rules(None)
    firsts, reruns, first_requests, rerun_requests, providers = [], [], set(), set(), set()
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as cache_dir:
            settings = resolve_settings({"provider": "ollama", "ollama_url": server.url, "llm_cache_dir": Path(cache_dir), "k": str(k)},
                                        environ={}, dotenv_path=None)
            _, facts = stage_cluster(dataset, settings)
            for run, seconds in (("first", firsts), ("rerun", reruns)):
                before = len(server.requests)
                start = time.perf_counter()
                drafts = draft_with_chain(facts, rules, settings)
                seconds.append(time.perf_counter() - start)
                (first_requests if run == "first" else rerun_requests).add(len(server.requests) - before)
                providers.update(s.provider for s in drafts.sources)
    server.shutdown()
    return {"k": facts.k, "first": firsts, "rerun": reruns, "first_requests": first_requests, "rerun_requests": rerun_requests,
            "providers": sorted(providers)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--k", default="4,10")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--delay", type=float, default=1.0)
    args = parser.parse_args()
    import langchain_ollama  # noqa: F401  - import cost is not drafting time

    print(f"stand-in delay {args.delay:g} s per call; {args.runs} runs per k")
    print("| k | sections | first run: drafting wall (s) | × one call | HTTP requests | rerun wall (s) | rerun requests | providers |")
    print("|---|---|---|---|---|---|---|---|")
    met = True
    for k in (int(x) for x in args.k.split(",")):
        r = one_k(k, args.runs, args.delay)
        first, rerun = statistics.median(r["first"]), statistics.median(r["rerun"])
        ratio = first / args.delay
        met &= ratio <= 1.3 and max(r["rerun"]) <= 0.2 and r["rerun_requests"] == {0}
        print(f"| {r['k']} | {r['k'] + 1} | {min(r['first']):.2f} – {max(r['first']):.2f} (median {first:.2f}) | {ratio:.2f} | "
              f"{'/'.join(map(str, sorted(r['first_requests'])))} | {rerun:.3f} | {'/'.join(map(str, sorted(r['rerun_requests'])))} | "
              f"{', '.join(r['providers'])} |")
    print("goal (first <= 1.3 x one call, rerun <= 0.2 s with 0 requests):", "met" if met else "NOT met")


if __name__ == "__main__":
    main()
