"""A persistent response cache keyed on provider, model id, parameters and the rendered messages.

LangChain's own caches key ChatWatsonx and ChatOllama on the prompt and a few constant fields only
(not the model id or temperature), so another model would be served this model's answer: this
cache keys on everything that changes the answer. One JSON file per answer, written atomically.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
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


class ResponseCache:
    def __init__(self, directory: Path | None, enabled: bool = True):
        self.directory = Path(directory) if directory else default_cache_dir()
        self.enabled = enabled

    def _path(self, key: str) -> Path:
        name = key.replace(":", "-")
        return self.directory / name.split("-")[-1][:2] / f"{name}.json"

    def get(self, key: str) -> dict | None:
        if not self.enabled:
            return None
        path = self._path(key)
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None  # missing or half-written by a crashed run: ask the model again

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
