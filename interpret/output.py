"""The brief as one atomic set: a killed run leaves the previous brief whole, never a mix of two runs.

    with OutputLock(out_dir):          # a second run into the same folder waits, then refuses (exit 2)
        ...                            # the expensive stages
        write_brief_set(out_dir, files)

Every file is written and fsync'ed into a staging folder beside `out_dir` (same file system), then
the folders are swapped: with one `renameat2(RENAME_EXCHANGE)` where Linux offers it, otherwise with
two renames (`out` → `out.prev`, staging → `out`), `out.prev` being removed once the swap succeeded.
A run killed between those two renames leaves `out.prev` whole; the next run into the same folder
puts it back before anything else (`recover`), and removes the staging folders of dead runs.

The lock is `flock` on `<out>.lock` (released by the kernel when a run dies, so a killed run never
leaves a stale lock); the file holds the pid and host of its holder, for the refusal message.
"""

from __future__ import annotations

import ctypes
import errno
import fcntl
import os
import shutil
import socket
import tempfile
import time
from pathlib import Path

from .errors import ConfigError

STAGING_PREFIX = ".interpret-"
LOCK_WAIT_SECONDS = 10.0  # a run about to finish its write phase gets this long; then the second run refuses
LEGACY_STAGING_AGE_SECONDS = 3600.0  # a staging folder without a pid (older versions) older than this is stale
_RENAME_EXCHANGE = 2


class OutputLock:
    """Exclusive use of one output folder for one run."""

    def __init__(self, out_dir: Path, wait: float | None = None):
        self.out_dir = Path(out_dir).absolute()
        self.path = self.out_dir.with_name(self.out_dir.name + ".lock")
        self.wait = LOCK_WAIT_SECONDS if wait is None else wait
        self._fd: int | None = None

    def __enter__(self) -> "OutputLock":
        parent = self.out_dir.parent
        check_replaceable(self.out_dir)
        try:
            parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ConfigError(f"Cannot create output folder {parent}: {exc.strerror}. Choose another --out.") from None
        deadline = time.monotonic() + self.wait
        while True:
            fd = self._open()
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                os.close(fd)
                if time.monotonic() >= deadline:
                    raise ConfigError(
                        f"Another interpret run ({self._holder()}) is writing into {self.out_dir}. "
                        "Wait for it to finish, or choose another --out."
                    ) from None
                time.sleep(0.1)
                continue
            if self._same_file(fd):
                break
            os.close(fd)  # the holder removed the lock file after we opened it: lock the new one
        os.ftruncate(fd, 0)
        os.write(fd, f"pid {os.getpid()} on {socket.gethostname()}\n".encode())
        self._fd = fd
        recover(self.out_dir)
        return self

    def __exit__(self, *exc) -> None:
        if self._fd is not None:
            try:
                os.unlink(self.path)  # before unlocking: a waiter that opened it re-checks the inode
            except OSError:
                pass
            os.close(self._fd)
            self._fd = None

    def _open(self) -> int:
        try:
            return os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
        except OSError as exc:
            raise ConfigError(f"Cannot write into {self.out_dir.parent}: {exc.strerror}. Choose another --out.") from None

    def _same_file(self, fd: int) -> bool:
        try:
            return os.stat(self.path).st_ino == os.fstat(fd).st_ino
        except FileNotFoundError:
            return False

    def _holder(self) -> str:
        try:
            return self.path.read_text(encoding="utf-8").strip() or "pid unknown"
        except OSError:
            return "pid unknown"


def check_replaceable(out_dir: Path) -> None:
    """The brief replaces its folder as a whole: refuse a file, the working folder (or one holding it)
    and a folder with subfolders (not a brief's folder: a project, a home); plain files of the user's
    in a brief's folder are carried over."""
    out_dir = Path(out_dir).absolute()
    if out_dir.exists() and not out_dir.is_dir():
        raise ConfigError(f"Output path {out_dir} exists and is not a folder. Choose another --out.")
    if not out_dir.is_dir():
        return
    here = Path.cwd().resolve()
    if out_dir.resolve() == here or out_dir.resolve() in here.parents:
        raise ConfigError(f"--out {out_dir} is the working folder or holds it; the brief replaces its folder as a whole. "
                          "Choose a folder of its own, e.g. --out briefs/my-brief.")
    folders = sorted(p.name for p in out_dir.iterdir() if p.is_dir() and not p.is_symlink())
    if folders:
        raise ConfigError(f"--out {out_dir} holds folders ({', '.join(folders[:3])}), so it is not a brief's folder; the brief "
                          "replaces its folder as a whole. Choose a new or empty folder, or one an earlier run wrote.")


def previous_path(out_dir: Path) -> Path:
    out_dir = Path(out_dir)
    return out_dir.with_name(out_dir.name + ".prev")


def recover(out_dir: Path) -> None:
    """Under the lock, before a run writes: finish or undo what a killed run left behind."""
    out_dir = Path(out_dir).absolute()
    previous = previous_path(out_dir)
    if previous.is_dir():
        if out_dir.exists():
            shutil.rmtree(previous, ignore_errors=True)  # the swap succeeded; only the removal was cut short
        else:
            os.rename(previous, out_dir)  # killed between the two renames: the previous brief goes back
    clean_staging(out_dir)


def clean_staging(out_dir: Path) -> list[Path]:
    """Staging folders beside `out_dir` that no live run owns: this folder's (we hold its lock), and
    any other whose pid is dead or, without a pid, older than an hour."""
    out_dir = Path(out_dir).absolute()
    removed = []
    for path in out_dir.parent.glob(STAGING_PREFIX + "*"):
        if not path.is_dir():
            continue
        owner, pid = _staging_owner(path.name)
        if owner == out_dir.name:
            stale = True
        elif pid is not None:
            stale = not _alive(pid)
        else:
            try:
                stale = time.time() - path.stat().st_mtime > LEGACY_STAGING_AGE_SECONDS
            except OSError:
                continue
        if stale:
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path)
    return removed


def _staging_name(out_dir: Path) -> str:
    return f"{STAGING_PREFIX}{out_dir.name}.{os.getpid()}."


def _staging_owner(name: str) -> tuple[str | None, int | None]:
    """`.interpret-<out name>.<pid>.<random>` → (out name, pid); older names → (None, None)."""
    parts = name[len(STAGING_PREFIX):].rsplit(".", 2)
    if len(parts) == 3 and parts[1].isdigit():
        return parts[0], int(parts[1])
    return None, None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def write_brief_set(out_dir: Path, files: dict[str, bytes | str]) -> list[Path]:
    """Write `files` as the whole content of `out_dir`, replacing the previous set in one swap.
    Call it while holding `OutputLock(out_dir)`."""
    out_dir = Path(out_dir).absolute()
    check_replaceable(out_dir)
    try:
        out_dir.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=_staging_name(out_dir), dir=out_dir.parent))
    except OSError as exc:
        raise ConfigError(f"Cannot create output folder {out_dir}: {exc.strerror}. Choose another --out.") from None
    try:
        _keep_other_files(out_dir, staging, files)
        for name, content in files.items():
            data = content.encode("utf-8") if isinstance(content, str) else content
            with open(staging / name, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
        os.chmod(staging, 0o755)  # mkdtemp makes it private; a brief folder is an ordinary folder
        _fsync_dir(staging)
        _swap(staging, out_dir)
        _fsync_dir(out_dir.parent)
        return [out_dir / name for name in files]
    except OSError as exc:
        raise ConfigError(f"Cannot write the brief into {out_dir}: {exc.strerror}. Check permissions and free space.") from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)  # after an exchange it holds the previous set


def _keep_other_files(out_dir: Path, staging: Path, files: dict) -> None:
    """Files in `out_dir` that are not part of a brief (a user's notes) move to the new set; an old
    brief.pdf does not outlive the run that no longer makes one."""
    if not out_dir.is_dir():
        return
    brief_names = set(files) | {"brief.md", "brief.html", "verification.html", "result.json", "assignments.csv", "brief.pdf"}
    for path in out_dir.iterdir():
        if path.name not in brief_names:
            shutil.copy2(path, staging / path.name, follow_symlinks=False)


def _swap(staging: Path, out_dir: Path) -> None:
    if not out_dir.exists():
        os.rename(staging, out_dir)
        return
    if exchange(staging, out_dir):
        return
    previous = previous_path(out_dir)
    if previous.exists():
        shutil.rmtree(previous)
    os.rename(out_dir, previous)
    try:
        os.rename(staging, out_dir)
    except OSError:
        os.rename(previous, out_dir)
        raise
    shutil.rmtree(previous, ignore_errors=True)


def exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically (Linux renameat2 RENAME_EXCHANGE); False where it is not offered."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd = -100
    result = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), _RENAME_EXCHANGE)
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False  # a file system without exchange: the two-rename path
    raise OSError(code, os.strerror(code), str(b))


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_atomically(out_dir: Path, files: dict[str, bytes | str]) -> list[Path]:
    """One set, under the folder's lock (for callers that do not hold it already)."""
    with OutputLock(out_dir):
        return write_brief_set(out_dir, files)
