"""Benchmark (not a test): drafting the default data's 4 clusters + summary against a local stand-in
Ollama server that answers after a fixed 1 s delay.

Goal (issue 4): first run <= 2.5 s wall (clusters drafted concurrently: ~1 s + ~1 s for the summary,
not 5 s serial), and a rerun with nothing changed <= 0.2 s of drafting with zero requests (the
response cache). Results go in docs/benchmarks.md under "LLM drafting".

    .venv/bin/python benchmarks/llm_bench.py
"""

from __future__ import annotations

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


def main() -> None:
    server = StandIn(0, delay=1.0).start()
    with tempfile.TemporaryDirectory() as cache_dir:
        settings = resolve_settings(
            {"provider": "ollama", "ollama_url": server.url, "llm_cache_dir": Path(cache_dir)}, environ={}, dotenv_path=None
        )
        dataset = load_dataset(None, None)
        _, facts = stage_cluster(dataset, settings)
        rules = load_rules(None)
        import langchain_ollama  # noqa: F401  - import cost is not drafting time

        rows = []
        for run in ("first run (empty cache)", "rerun (same inputs)"):
            before = len(server.requests)
            start = time.perf_counter()
            drafts = draft_with_chain(facts, rules, settings)
            seconds = time.perf_counter() - start
            requests = len(server.requests) - before
            providers = sorted({s.provider for s in drafts.sources})
            rows.append((run, seconds, requests, drafts.llm["totals"]["model_calls"], providers))
    print("| run | drafting wall (s) | HTTP requests | model calls | providers |")
    print("|---|---|---|---|---|")
    for run, seconds, requests, calls, providers in rows:
        print(f"| {run} | {seconds:.3f} | {requests} | {calls} | {', '.join(providers)} |")
    first, rerun = rows
    ok = first[1] <= 2.5 and rerun[1] <= 0.2 and rerun[2] == 0 and first[4] == ["ollama"]
    print("goal (<= 2.5 s, rerun <= 0.2 s with 0 requests):", "met" if ok else "NOT met")


if __name__ == "__main__":
    main()
