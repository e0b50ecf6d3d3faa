"""`interpret run` end to end on synthetic households: data → clustering → facts → drafts (rule-based)
→ verification → report → files, in a fresh process under `/usr/bin/time -v` (wall time and peak RSS
of the whole run, the brief included).

    python benchmarks/household_run.py --rows 1000000 --k 4 --k auto --write

Each (rows, k) pair is one run, one after the other (never two at once: the machine is shared). The
table comes from benchmarks/household.py (five latent household types, 16 features and a weight),
written as Parquet (or CSV with --csv) next to its spec. --write puts the table into docs/benchmarks.md
between the household-run markers. Goal (issue 15): 1 000 000 rows ≤ 120 s and ≤ 4 GB peak.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from household import generate, spec_text  # noqa: E402

START, END = "<!-- household-run-benchmark:start -->", "<!-- household-run-benchmark:end -->"


def prepare(rows: int, folder: Path, csv: bool) -> Path:
    table = folder / (f"households_{rows}.csv" if csv else f"households_{rows}.parquet")
    if not table.exists():
        frame = generate(rows)
        frame.to_csv(table, index=False) if csv else frame.to_parquet(table, index=False)
    return table


def run_once(table: Path, k: str, folder: Path, python: str) -> dict:
    spec = folder / f"{table.stem}_k{k}.toml"
    spec.write_text(spec_text(table.name, "" if k == "auto" else f"k = {k}"), encoding="utf-8")
    out = folder / f"out_{table.stem}_k{k}"
    command = ["/usr/bin/time", "-v", python, "-m", "interpret.cli", "run", str(table), "--spec", str(spec), "--provider", "none",
               "--no-pdf", "--out", str(out)]
    env = {**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "200"}
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=folder)
    wall = time.perf_counter() - started
    peak_kb = re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr)
    cpu = sum(float(m) for m in re.findall(r"(?:User|System) time \(seconds\): ([\d.]+)", done.stderr))
    result = {"rows": int(re.sub(r"\D", "", table.stem)), "k": k, "exit": done.returncode, "wall_s": round(wall, 1), "cpu_s": round(cpu, 1),
              "peak_mb": round(int(peak_kb.group(1)) / 1024) if peak_kb else None}
    if done.returncode == 0:
        facts = json.loads((out / "result.json").read_text(encoding="utf-8"))
        result["chosen_k"] = facts["facts"]["method"]["k"]
        result["claims"] = facts["verification"]["counts"] if "counts" in facts["verification"] else None
        result["result_json_mb"] = round((out / "result.json").stat().st_size / 2**20, 2)
        result["brief_md_kb"] = round((out / "brief.md").stat().st_size / 1024)
        result["files"] = sorted(p.name for p in out.iterdir())
    else:
        result["error"] = (done.stdout + done.stderr)[-800:]
    return result


def table_markdown(results: list[dict], load: float, csv: bool) -> str:
    lines = [
        START,
        "## `interpret run` end to end on households (issue 15)",
        "",
        "Command: `.venv/bin/python benchmarks/household_run.py --rows N --k 4 --k auto --write`",
        "",
        f"Machine: {os.cpu_count()} cores, Python {platform.python_version()}, {platform.machine()}; load average at the start {load:.1f} "
        "(other work was running on the machine). Data: benchmarks/household.py (16 features, a survey weight), "
        f"{'CSV' if csv else 'Parquet'}; `--provider none` (the rule-based drafter), `--no-pdf`. Wall time and peak RSS of the whole "
        "process (`/usr/bin/time -v`): loading, clustering, facts, drafting, verification, charts, files.",
        "",
        "| rows | k | exit | wall (s) | CPU user+sys (s) | peak RSS (MB) | k used | result.json (MB) | brief.md (KB) |",
        "|---:|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        lines.append(f"| {r['rows']:,} | {r['k']} | {r['exit']} | {r['wall_s']} | {r['cpu_s']} | {r['peak_mb']} | {r.get('chosen_k', '–')} | "
                     f"{r.get('result_json_mb', '–')} | {r.get('brief_md_kb', '–')} |")
    lines += ["", "Goal: 1,000,000 rows ≤ 120 s and ≤ 4,096 MB peak, brief included.", END]
    return "\n".join(lines)


def write_docs(markdown: str) -> None:
    docs = ROOT / "docs" / "benchmarks.md"
    text = docs.read_text(encoding="utf-8")
    if START in text:
        text = text[: text.index(START)] + markdown + text[text.index(END) + len(END):]
    else:
        text = text.rstrip("\n") + "\n\n" + markdown + "\n"
    docs.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, action="append", help="table sizes (repeatable); default 10 000")
    parser.add_argument("--k", action="append", help="k of each run: a number or auto (repeatable); default 4")
    parser.add_argument("--csv", action="store_true", help="CSV instead of Parquet")
    parser.add_argument("--folder", type=Path, default=Path(tempfile.gettempdir()) / "interpret-household-run")
    parser.add_argument("--python", default=sys.executable)
    parser.add_argument("--write", action="store_true", help="write the table into docs/benchmarks.md")
    args = parser.parse_args()
    args.folder.mkdir(parents=True, exist_ok=True)
    load = os.getloadavg()[0]
    results = []
    for rows in args.rows or [10_000]:
        table = prepare(rows, args.folder, args.csv)
        for k in args.k or ["4"]:
            result = run_once(table, k, args.folder, args.python)
            print(json.dumps(result, ensure_ascii=False), flush=True)
            results.append(result)
    markdown = table_markdown(results, load, args.csv)
    print(markdown)
    if args.write:
        write_docs(markdown)


if __name__ == "__main__":
    main()
