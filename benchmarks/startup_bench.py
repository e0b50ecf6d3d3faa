"""Start-up time of the command line: what `interpret --help`, `interpret verify --help` and
`interpret prompts list` cost, against the floor of `python -c "import typer, rich"` and of a
minimal typer app with one subcommand (typer's own cost for parsing a subcommand).

    .venv/bin/python benchmarks/startup_bench.py [--runs 21] [--baseline ../other-checkout] [--write]

Each command runs `--runs` times in a fresh process, the commands interleaved so that a change of
load on the machine hits them all alike; the table shows the median wall time. --baseline adds a
column with the same interpret commands run from another checkout (e.g. before a change). --write
puts the table into docs/benchmarks.md (between the startup-benchmark markers). Not a test: timings
depend on the machine; tests/test_settings_table.py checks instead that `import interpret.cli`
imports none of the heavy packages.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
START, END = "<!-- startup-benchmark:start -->", "<!-- startup-benchmark:end -->"

MINIMAL_APP = """
import typer
app = typer.Typer(add_completion=False, no_args_is_help=True)
@app.command()
def run(x: int = typer.Option(1, "--x", help="x")): pass
@app.command()
def other(): pass
app()
"""


def commands(minimal: Path) -> list[tuple[str, list[str]]]:
    py = sys.executable
    return [
        ('python -c "import typer, rich" (the floor)', [py, "-c", "import typer, rich"]),
        ("minimal typer app --help", [py, str(minimal), "--help"]),
        ("minimal typer app run --help", [py, str(minimal), "run", "--help"]),
        ("interpret --help", [py, "-m", "interpret.cli", "--help"]),
        ("interpret verify --help", [py, "-m", "interpret.cli", "verify", "--help"]),
        ("interpret run --help", [py, "-m", "interpret.cli", "run", "--help"]),
        ("interpret prompts list", [py, "-m", "interpret.cli", "prompts", "list"]),
    ]


def seconds(argv: list[str], root: Path) -> float:
    env = {**os.environ, "PYTHONPATH": str(root), "COLUMNS": "100"}
    start = time.perf_counter()
    subprocess.run(argv, env=env, cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--baseline", type=Path, help="another checkout to time the interpret commands from")
    parser.add_argument("--write", action="store_true", help="update docs/benchmarks.md")
    args = parser.parse_args()
    roots = [ROOT] + ([args.baseline.resolve()] if args.baseline else [])
    with tempfile.TemporaryDirectory() as tmp:
        minimal = Path(tmp) / "minimal_app.py"
        minimal.write_text(MINIMAL_APP, encoding="utf-8")
        todo = commands(minimal)
        times: dict[tuple[str, Path], list[float]] = {}
        for _ in range(args.runs):
            for label, argv in todo:
                for root in roots if "interpret" in label.split()[0] else roots[:1]:
                    times.setdefault((label, root), []).append(seconds(argv, root))
    median = {key: statistics.median(values) for key, values in times.items()}
    floor = median[(todo[0][0], ROOT)]
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    lines = [
        "## Start-up of the command line (issue 9)",
        "",
        "Command: `.venv/bin/python benchmarks/startup_bench.py --runs N [--baseline CHECKOUT] --write`",
        "",
        f"Machine: {os.cpu_count()} cores, Python {platform.python_version()}, {platform.machine()}; "
        f"load average at the end {load:.1f}. Median of {args.runs} runs, each a fresh process.",
        "",
        "| command | median (s) | × the floor |" + (f" baseline `{args.baseline.name}` (s) |" if args.baseline else ""),
        "|---|---:|---:|" + ("---:|" if args.baseline else ""),
    ]
    for label, _ in todo:
        own = median[(label, ROOT)]
        row = f"| {label} | {own:.3f} | {own / floor:.1f} |"
        if args.baseline:
            base = median.get((label, roots[1]))
            row += f" {base:.3f} |" if base is not None else " |"
        lines.append(row)
    lines.append("")
    table = "\n".join(lines)
    print(table)
    if args.write:
        doc = ROOT / "docs" / "benchmarks.md"
        text = doc.read_text(encoding="utf-8")
        if START in text:
            head, _, rest = text.partition(START)
            tail = rest.partition(END)[2]
        else:
            head, tail = text.rstrip("\n") + "\n\n", "\n"
        doc.write_text(f"{head}{START}\n{table}{END}{tail}", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
