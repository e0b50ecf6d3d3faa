"""./dev: waiting for another apt-get's package lock (bounded, saying so) before installing."""

from __future__ import annotations

import fcntl
import os
import subprocess
import threading
import time

from .conftest import ROOT


def wait_for_lock(lock, seconds: int) -> subprocess.CompletedProcess:
    script = f'source ./dev; DPKG_LOCKS=("{lock}"); DPKG_LOCK_WAIT={seconds}; wait_for_dpkg_lock; echo free'
    return subprocess.run(["bash", "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60)


def test_a_held_package_lock_is_waited_for_then_refused_with_a_message(tmp_path):
    lock = tmp_path / "lock-frontend"
    lock.write_text("")
    fd = os.open(lock, os.O_RDWR)
    fcntl.lockf(fd, fcntl.LOCK_EX)  # as apt-get holds it
    try:
        started = time.monotonic()
        proc = wait_for_lock(lock, 4)
        waited = time.monotonic() - started
    finally:
        os.close(fd)
    assert proc.returncode == 2 and "free" not in proc.stdout
    assert "waiting for it (up to 4 s)" in proc.stderr and "still holds the package lock after 4 s" in proc.stderr
    assert waited >= 4


def test_the_install_goes_ahead_once_the_other_apt_get_is_done(tmp_path):
    lock = tmp_path / "lock-frontend"
    lock.write_text("")
    fd = os.open(lock, os.O_RDWR)
    fcntl.lockf(fd, fcntl.LOCK_EX)
    threading.Timer(2.5, os.close, (fd,)).start()  # the other apt-get finishes
    proc = wait_for_lock(lock, 30)
    assert proc.returncode == 0 and proc.stdout.strip() == "free" and "waiting for it" in proc.stderr
    free = wait_for_lock(lock, 30)
    assert free.returncode == 0 and free.stderr == ""  # no lock, no message


def test_ci_runs_exactly_dev_test_and_the_readme_names_the_debian_packages():
    assert (ROOT / ".ci" / "run").read_text().strip().splitlines()[-1] == "exec ./dev test"
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for package in ("chromium", "poppler-utils", "libpango-1.0-0", "fonts-dejavu-core"):
        assert package in readme
    assert "nothing else" not in readme
