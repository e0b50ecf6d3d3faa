"""The analysis thresholds, in one place: the `[ambang]` section of interpret/rules/konsistensi.toml.

The assumption checks, the stability wording and the verifier all read these numbers here, so an
analyst who edits the file changes what the brief says and what the verifier accepts together.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib import resources
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from .errors import ConfigError


class Thresholds(BaseModel):
    """Defaults are the literature's: Kaiser (KMO), the usual |r| for redundant indicators, a 3-sd
    outlier, and Hennig's clusterboot reading of the bootstrap Jaccard."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    kmo_min: float = 0.5  # below: the indicators share too little for a composite reading
    korelasi_maks: float = 0.8  # |r| above: two indicators say the same thing
    pencilan_z: float = 3.0  # |z| above: an outlier
    stabil_min: float = 0.75  # Jaccard from here: "stabil"
    sangat_stabil_min: float = 0.85  # from here: "sangat stabil"
    tidak_stabil_maks: float = 0.6  # below: "tidak stabil" (such clusters should not be trusted)


def default_thresholds_path() -> Path:
    return Path(str(resources.files("interpret") / "rules" / "konsistensi.toml"))


def thresholds_from(raw: dict, path: Path | str) -> Thresholds:
    try:
        return Thresholds.model_validate(raw.get("ambang", {}))
    except ValidationError as exc:
        problems = "; ".join(f"`ambang.{'.'.join(str(p) for p in e['loc'])}`: {e['msg']}" for e in exc.errors())
        raise ConfigError(f"{path}: {problems}. Fix these keys (the file's header comment lists them).") from None


@lru_cache(maxsize=None)
def load_thresholds(path: Path | str | None = None) -> Thresholds:
    """The thresholds of a consistency file (default: the shipped konsistensi.toml); cached."""
    path = Path(path) if path else default_thresholds_path()
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"Thresholds file not found: {path}. Pass an existing TOML file, or omit it to use interpret/rules/konsistensi.toml.") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path} is not valid UTF-8 TOML: {exc}. Fix the syntax.") from None
    return thresholds_from(raw, path)


__all__ = ["Thresholds", "default_thresholds_path", "load_thresholds", "thresholds_from"]
