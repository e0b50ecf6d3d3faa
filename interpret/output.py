"""Atomic output: a killed run leaves the previous brief intact, never a half-written one.

All files are first written and fsync'ed in a temporary folder beside the output folder; only then
is each moved into place with os.replace (atomic on POSIX within one file system).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from .errors import ConfigError


def write_atomically(out_dir: Path, files: dict[str, bytes | str]) -> list[Path]:
    out_dir = Path(out_dir)
    if out_dir.exists() and not out_dir.is_dir():
        raise ConfigError(f"Output path {out_dir} exists and is not a folder. Choose another --out.")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ConfigError(f"Cannot create output folder {out_dir}: {exc.strerror}. Choose another --out.") from None
    staging = Path(tempfile.mkdtemp(prefix=".interpret-", dir=out_dir.parent))
    try:
        for name, content in files.items():
            data = content.encode("utf-8") if isinstance(content, str) else content
            with open(staging / name, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
        written = []
        for name in files:
            target = out_dir / name
            os.replace(staging / name, target)
            written.append(target)
        return written
    except OSError as exc:
        raise ConfigError(f"Cannot write the brief into {out_dir}: {exc.strerror}. Check permissions and free space.") from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)
