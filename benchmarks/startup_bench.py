"""Start-up time of the command line: what `interpret --help`, `interpret verify --help` and
`interpret prompts list` cost, against the floor of `python -c "import typer, rich"` and of a
minimal typer app with one subcommand (typer's own cost for parsing a subcommand).

    .venv/bin/python benchmarks/startup_bench.py [--runs 21] [--write]

Each command runs `--runs` times in a fresh process; the table shows the median wall time. --write
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


def median_seconds(argv: list[str], runs: int, env: dict[str, str]) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(argv, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--write", action="store_true", help="update docs/benchmarks.md")
    args = parser.parse_args()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "100"}
    with tempfile.TemporaryDirectory() as tmp:
        minimal = Path(tmp) / "minimal_app.py"
        minimal.write_text(MINIMAL_APP, encoding="utf-8")
        results = [(label, median_seconds(argv, args.runs, env)) for label, argv in commands(minimal)]
    floor = results[0][1]
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    lines = [
        "## Start-up of the command line (issue 9)",
        "",
        "Command: `.venv/bin/python benchmarks/startup_bench.py --write`",
        "",
        f"Machine: {os.cpu_count()} cores, Python {platform.python_version()}, {platform.machine()}; "
        f"load average at the end {load:.1f}. Median of {args.runs} runs, each a fresh process.",
        "",
        "| command | median (s) | × the floor |",
        "|---|---:|---:|",
        *[f"| {label} | {seconds:.3f} | {seconds / floor:.1f} |" for label, seconds in results],
        "",
    ]
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
