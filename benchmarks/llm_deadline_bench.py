"""Drafting wall clock against faulty stand-in Ollama servers (tests/support/wire_standin.py), with a
deadline: the stage must end within the deadline + 5 s whatever the server does.

    PYTHONPATH=. .venv/bin/python benchmarks/llm_deadline_bench.py --deadline 5

Prints one line per fault: mode, drafting seconds, model calls, sections rule-based. Results in
docs/benchmarks.md ("LLM drafting: deadline").
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.support.wire_standin import ollama_standin  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--deadline", type=float, default=5.0)
    parser.add_argument("--modes", default="hang,drip,not_json,busy_then_ok,ok")
    args = parser.parse_args()

    from interpret import resolve_settings
    from interpret.data import load_dataset
    from interpret.llm import draft_with_chain
    from interpret.pipeline import stage_cluster
    from interpret.rules import load_rules

    _, facts = stage_cluster(load_dataset(None, None), resolve_settings({}, environ={}, dotenv_path=None))
    rules = load_rules(None)
    print(f"deadline {args.deadline:g} s")
    for mode in args.modes.split(","):
        with ollama_standin(mode, busy=4) as server, tempfile.TemporaryDirectory() as cache:
            settings = resolve_settings({"provider": "ollama", "llm_deadline": args.deadline, "llm_cache_dir": cache},
                                        environ={"OLLAMA_BASE_URL": server.url}, dotenv_path=None)
            start = time.perf_counter()
            drafts = draft_with_chain(facts, rules, settings)
            wall = time.perf_counter() - start
        rule_based = sum(s.provider == "rule-based" for s in drafts.sources)
        verdict = "ok" if wall <= args.deadline + 5 else "OVER"
        print(f"{mode:14s} {wall:6.2f} s  calls {server.chats:2d}  rule-based sections {rule_based}/5  {verdict}")


if __name__ == "__main__":
    main()
