"""The brief as one set: a failed or killed write leaves the previous brief whole, two runs never mix."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from interpret import output
from interpret.errors import ConfigError
from interpret.output import OutputLock, previous_path, write_atomically, write_brief_set


def test_writes_all_files(tmp_path):
    paths = write_atomically(tmp_path / "out", {"a.md": "satu", "b.bin": b"\x00\x01"})
    assert [p.read_bytes() for p in paths] == [b"satu", b"\x00\x01"]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".interpret-")]


def test_a_failure_while_writing_leaves_the_previous_files_intact(tmp_path, monkeypatch):
    out = tmp_path / "out"
    write_atomically(out, {"brief.md": "lama", "result.json": "{}"})
    real_fsync = os.fsync
    calls = {"n": 0}

    def failing_fsync(fd):
        calls["n"] += 1
        if calls["n"] == 2:  # the second file: the first new file is already staged
            raise OSError(28, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", failing_fsync)
    with pytest.raises(ConfigError, match="No space left"):
        write_atomically(out, {"brief.md": "baru", "result.json": '{"baru": 1}'})
    assert (out / "brief.md").read_text() == "lama"
    assert (out / "result.json").read_text() == "{}"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".interpret-")]


def test_output_path_that_is_a_file(tmp_path):
    target = tmp_path / "file"
    target.write_text("x")
    with pytest.raises(ConfigError, match="exists and is not a folder. Choose another --out"):
        write_atomically(target, {"a": "b"})


# -- the brief as one set ------------------------------------------------------------------------------------

ROOT = Path(__file__).resolve().parents[1]
FIVE = ("brief.md", "brief.html", "result.json", "assignments.csv", "brief.pdf")


def brief_set(run_id: str) -> dict[str, str | bytes]:
    return {name: (f"run {run_id}\n" + "x" * 20000) if name != "brief.pdf" else f"run {run_id}\n".encode() for name in FIVE}


def run_ids(out: Path) -> set[str]:
    """The run id in each of the five files (a file missing counts as its own run)."""
    ids = set()
    for name in FIVE:
        path = out / name
        ids.add(path.read_bytes().split(b"\n", 1)[0].decode() if path.exists() else f"missing {name}")
    return ids


def leftovers(parent: Path) -> list[str]:
    return sorted(p.name for p in parent.iterdir() if p.name.startswith(".interpret-") or p.name.endswith(".prev"))


@pytest.mark.parametrize("exchange,failing_call", [(True, 1), (False, 1), (False, 2)],
                         ids=["exchange-fails", "first-of-two-renames-fails", "second-of-two-renames-fails"])
def test_a_failing_rename_leaves_the_previous_set_whole(tmp_path, monkeypatch, exchange, failing_call):
    out = tmp_path / "out"
    write_atomically(out, brief_set("old"))
    if not exchange:
        monkeypatch.setattr(output, "exchange", lambda a, b: False)
    real_rename, calls = os.rename, {"n": 0}

    def rename(src, dst):
        calls["n"] += 1
        if calls["n"] == failing_call:
            raise OSError(5, "Input/output error")
        real_rename(src, dst)

    monkeypatch.setattr(os, "rename", rename)
    if exchange and failing_call == 1:  # the exchange itself is one system call: make it fail instead
        monkeypatch.setattr(output, "exchange", lambda a, b: (_ for _ in ()).throw(OSError(5, "Input/output error")))
    with pytest.raises(ConfigError, match="Input/output error"):
        write_atomically(out, brief_set("new"))
    monkeypatch.undo()
    assert run_ids(out) == {"run old"} and leftovers(tmp_path) == []
    write_atomically(out, brief_set("next"))
    assert run_ids(out) == {"run next"} and leftovers(tmp_path) == []


def test_a_run_killed_between_the_two_renames_is_undone_by_the_next_run(tmp_path, monkeypatch):
    out = tmp_path / "out"
    write_atomically(out, brief_set("old"))
    os.rename(out, previous_path(out))  # what a kill right after the first rename leaves
    (tmp_path / ".interpret-out.4194999.abc").mkdir()  # and its staging folder, whole but never swapped in
    with OutputLock(out):
        assert run_ids(out) == {"run old"} and leftovers(tmp_path) == []


def test_stale_staging_folders_are_cleaned_and_live_ones_kept(tmp_path):
    dead = tmp_path / ".interpret-other.4194999.abc"  # pid above pid_max: dead
    legacy_old, legacy_new = tmp_path / ".interpret-k2j3h4", tmp_path / ".interpret-new1"
    live = tmp_path / f".interpret-other.{os.getpid()}.xyz"
    for path in (dead, legacy_old, legacy_new, live):
        path.mkdir()
    os.utime(legacy_old, (time.time() - 7200, time.time() - 7200))
    write_atomically(tmp_path / "out", brief_set("a"))
    assert leftovers(tmp_path) == sorted([legacy_new.name, live.name])


def test_user_files_in_the_output_folder_survive_and_an_old_pdf_does_not(tmp_path):
    out = tmp_path / "out"
    write_atomically(out, brief_set("a"))
    (out / "notes.txt").write_text("mine")
    write_atomically(out, {k: v for k, v in brief_set("b").items() if k != "brief.pdf"})
    assert (out / "notes.txt").read_text() == "mine" and not (out / "brief.pdf").exists()


KILL_CHILD = """
import os, sys, time
from interpret import output
out, slow, two = sys.argv[1], float(sys.argv[2]), sys.argv[3] == "1"
if two:
    output.exchange = lambda a, b: False
real_rename = os.rename
def rename(src, dst):
    time.sleep(slow)  # widens the window between the two renames
    real_rename(src, dst)
os.rename = rename
n = 0
while True:
    n += 1
    files = {name: f"run {os.getpid()}-{n}\\n".encode() + os.urandom(200000) for name in %r}
    output.write_atomically(out, files)
""" % (FIVE,)


def test_sigkill_at_random_moments_never_leaves_a_mixed_or_missing_brief(tmp_path):
    rng = random.Random(11)
    out = tmp_path / "out"
    write_atomically(out, brief_set("first"))
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    outcomes = {"whole": 0, "between renames": 0}
    for trial in range(16):
        child = subprocess.Popen([sys.executable, "-c", KILL_CHILD, str(out), "0.01", "1" if trial % 2 else "0"], env=env)
        time.sleep(0.35 + rng.random() * 0.4)  # start-up, then somewhere in the write loop
        child.send_signal(signal.SIGKILL)
        child.wait()
        if out.is_dir():
            outcomes["whole"] += 1
            assert len(run_ids(out)) == 1, run_ids(out)
        else:
            outcomes["between renames"] += 1
            assert len(run_ids(previous_path(out))) == 1
        with OutputLock(out):  # what the next run does first
            pass
        assert out.is_dir() and len(run_ids(out)) == 1 and leftovers(tmp_path) == []
    print("kill outcomes", outcomes)
    assert sum(outcomes.values()) == 16


def test_two_runs_into_one_folder_never_mix(tmp_path):
    out = tmp_path / "out"
    errors: list[Exception] = []

    def run(run_id: str) -> None:
        try:
            with OutputLock(out, wait=30):
                time.sleep(0.05)  # the expensive stages
                write_brief_set(out, brief_set(run_id))
                assert run_ids(out) == {f"run {run_id}"}  # nobody wrote between our swap and our release
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(str(i),)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == [] and len(run_ids(out)) == 1 and leftovers(tmp_path) == []
    assert not out.with_name("out.lock").exists()


def test_a_second_run_refuses_naming_the_folder_and_the_other_runs_pid(tmp_path):
    out = tmp_path / "out"
    holder = subprocess.Popen([sys.executable, "-c", "import sys, time\nfrom interpret.output import OutputLock\n"
                               "with OutputLock(sys.argv[1]):\n    print('held', flush=True)\n    time.sleep(30)", str(out)],
                              env={**os.environ, "PYTHONPATH": str(ROOT)}, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        started = time.monotonic()
        with pytest.raises(ConfigError) as refused:
            with OutputLock(out, wait=0.5):
                pass
        assert time.monotonic() - started >= 0.5
        assert str(out) in str(refused.value) and f"pid {holder.pid}" in str(refused.value)
    finally:
        holder.kill()
        holder.wait()
    with OutputLock(out, wait=2):  # the kernel released the dead holder's lock
        pass


def test_the_cli_refuses_a_folder_another_run_is_writing_into_before_clustering(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from interpret.cli import app

    monkeypatch.setattr(output, "LOCK_WAIT_SECONDS", 0.3)
    out = tmp_path / "out"
    with OutputLock(out):
        started = time.monotonic()
        result = CliRunner().invoke(app, ["run", "--out", str(out), "--provider", "none"])
        seconds = time.monotonic() - started
    assert result.exit_code == 2, result.output
    message = " ".join(result.output.split())
    assert "Another interpret run" in message and f"pid {os.getpid()}" in message and "choose another --out" in message
    assert seconds < 5 and not out.exists()  # refused before the expensive stages, nothing written


def test_the_default_output_folder_is_briefs_in_the_working_folder():
    from datetime import date

    from interpret.pipeline import default_out_dir
    from interpret.settings import SETTINGS

    assert default_out_dir("ipm") == Path("briefs") / f"ipm-{date.today().isoformat()}"
    assert "briefs/" in next(s for s in SETTINGS if s.name == "out").default_text


def test_a_folder_that_is_not_a_briefs_is_refused_before_anything_moves(tmp_path, monkeypatch):
    project = tmp_path / "project"
    (project / "src").mkdir(parents=True)
    with pytest.raises(ConfigError, match="holds folders \\(src\\)"):
        write_atomically(project, brief_set("a"))
    monkeypatch.chdir(project / "src")
    with pytest.raises(ConfigError, match="working folder or holds it"):
        with OutputLock(project / "src"):
            pass
    assert (project / "src").is_dir() and leftovers(tmp_path) == []
