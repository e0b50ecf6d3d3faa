"""A persistent response cache keyed on provider, endpoint, model id, parameters and the rendered messages.

LangChain's own caches key ChatWatsonx and ChatOllama on the prompt and a few constant fields only
(not the model id or temperature), so another model would be served this model's answer: this
cache keys on everything that changes the answer, the server included (two Ollama hosts may serve
different weights under one name). One JSON file per answer, written atomically.

- Only accepted answers are stored (the chain stores a section's answer once it parsed, met the
  contract and passed the verifier): a failure or an invalid answer is asked again next run.
- Bounded: at most `max_entries` answers; the least recently used go first (a hit touches its file).
- `lock(key)`: an advisory file lock (fcntl) so two runs asking the same prompt at once call the
  model once: the second waits, then finds the first one's answer.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path


def default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "interpret" / "llm"


def cache_key(provider: str, model: str, parameters: dict, messages: list[dict], endpoint: str = "") -> str:
    payload = json.dumps(
        {"provider": provider, "model": model, "endpoint": endpoint, "parameters": parameters, "messages": messages},
        ensure_ascii=False,
        sort_keys=True,
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class CacheInfo:
    directory: Path
    entries: int
    bytes: int
    max_entries: int


class ResponseCache:
    def __init__(self, directory: Path | None, enabled: bool = True, max_entries: int = 2000):
        self.directory = Path(directory) if directory else default_cache_dir()
        self.enabled = enabled
        self.max_entries = max(1, max_entries)

    def _path(self, key: str) -> Path:
        name = key.replace(":", "-")
        return self.directory / name.split("-")[-1][:2] / f"{name}.json"

    def get(self, key: str) -> dict | None:
        if not self.enabled:
            return None
        path = self._path(key)
        try:
            entry = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None  # missing or half-written by a crashed run: ask the model again
        try:
            os.utime(path)  # recently used: the last to be evicted
        except OSError:
            pass
        return entry

    def put(self, key: str, entry: dict) -> None:
        if not self.enabled:
            return
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                json.dump(entry, stream, ensure_ascii=False)
            os.replace(tmp, path)
        except OSError:
            pass  # a read-only or full cache folder costs a rerun its savings, never the brief

    def entries(self) -> list[Path]:
        return [p for p in self.directory.glob("*/*.json")] if self.directory.is_dir() else []

    def evict(self) -> int:
        """Remove the least recently used answers above `max_entries`; returns how many went."""
        if not self.enabled:
            return 0
        files = []
        for path in self.entries():
            try:
                files.append((path.stat().st_mtime, path))
            except OSError:
                continue
        extra = len(files) - self.max_entries
        removed = 0
        for _, path in sorted(files)[: max(0, extra)]:
            try:
                path.unlink()
                removed += 1
            except OSError:
                pass
        return removed

    @contextmanager
    def lock(self, key: str, timeout: float):
        """Hold the lock of `key` (or give up waiting after `timeout` s and go on unlocked: a second
        call costs tokens, never the brief)."""
        if not self.enabled:
            yield
            return
        try:
            import fcntl
        except ImportError:  # Windows: no advisory locks; concurrent runs may both call
            yield
            return
        path = self._path(key).with_suffix(".lock")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle = open(path, "a+")
        except OSError:
            yield
            return
        locked = False
        try:
            end = time.monotonic() + max(0.0, timeout)
            while True:
                try:
                    fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    locked = True
                    break
                except OSError:
                    if time.monotonic() >= end:
                        break
                    time.sleep(0.05)
            yield
        finally:
            if locked:
                fcntl.flock(handle, fcntl.LOCK_UN)
            handle.close()


def cache_info(directory: Path | None, max_entries: int = 2000) -> CacheInfo:
    cache = ResponseCache(directory, max_entries=max_entries)
    files = cache.entries()
    size = 0
    for path in files:
        try:
            size += path.stat().st_size
        except OSError:
            pass
    return CacheInfo(cache.directory, len(files), size, cache.max_entries)


def clear_cache(directory: Path | None) -> int:
    """Remove every stored answer (and lock file); returns the number of answers removed."""
    cache = ResponseCache(directory)
    removed = 0
    if not cache.directory.is_dir():
        return 0
    for path in list(cache.directory.glob("*/*")):
        if path.suffix in (".json", ".lock", ".tmp"):
            try:
                path.unlink()
                removed += path.suffix == ".json"
            except OSError:
                pass
    return removed
