"""Settings, resolved in one place with one precedence:

    command line  >  environment (and .env)  >  config file (interpret.toml)  >  data-set spec  >  defaults

The spec's values (k, seed, tolerance) are applied by the pipeline, below everything here. Every
setting records where it came from, so an error can name the source to fix.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

from dotenv import dotenv_values

from .errors import ConfigError

PROVIDERS = ("auto", "none")

# name -> (type, environment variable)
FIELDS: dict[str, tuple[type, str]] = {
    "spec": (Path, "INTERPRET_SPEC"),
    "k": (int, "INTERPRET_K"),
    "seed": (int, "INTERPRET_SEED"),
    "out": (Path, "INTERPRET_OUT"),
    "provider": (str, "INTERPRET_PROVIDER"),
    "rules": (Path, "INTERPRET_RULES"),
    "tolerance_pct": (float, "INTERPRET_TOLERANCE_PCT"),
}
CONFIG_ENV = "INTERPRET_CONFIG"
DEFAULT_CONFIG = Path("interpret.toml")
DEFAULTS: dict[str, Any] = {"provider": "auto"}


@dataclass(frozen=True)
class Settings:
    data: Path | None = None
    spec: Path | None = None
    k: int | None = None
    seed: int | None = None
    out: Path | None = None
    provider: str = "auto"
    rules: Path | None = None
    tolerance_pct: float | None = None
    sources: dict[str, str] = field(default_factory=dict)


def resolve_settings(
    cli: Mapping[str, Any] | None = None,
    *,
    environ: Mapping[str, str] | None = None,
    dotenv_path: Path | None = Path(".env"),
    config_path: Path | None = None,
) -> Settings:
    """Merge the sources; `cli` holds only what the user typed (None means not given)."""
    cli = dict(cli or {})
    env = dict(environ if environ is not None else os.environ)
    dotenv = {k: v for k, v in (dotenv_values(dotenv_path) if dotenv_path and Path(dotenv_path).is_file() else {}).items() if v is not None}
    merged_env = {**dotenv, **env}  # the real environment wins over .env

    config_file = config_path or (Path(merged_env[CONFIG_ENV]) if merged_env.get(CONFIG_ENV) else None)
    file_values: dict[str, Any] = {}
    if config_file is not None or DEFAULT_CONFIG.is_file():
        config_file = config_file or DEFAULT_CONFIG
        file_values = _read_config(config_file)

    values: dict[str, Any] = {"data": cli.pop("data", None)}
    sources: dict[str, str] = {}
    for name, (kind, env_name) in FIELDS.items():
        candidates = [
            (cli.get(name), f"--{name.replace('_', '-')}"),
            (merged_env.get(env_name), f"{env_name} (environment or .env)"),
            (file_values.get(name), f"`{name}` in {config_file}"),
            (DEFAULTS.get(name), "default"),
        ]
        for raw, source in candidates:
            if raw is None or raw == "":
                continue
            values[name] = _convert(name, kind, raw, source)
            sources[name] = source
            break
        else:
            values[name] = None
    settings = Settings(**{k: v for k, v in values.items() if v is not None}, sources=sources)
    _validate(settings)
    return settings


def _read_config(path: Path) -> dict[str, Any]:
    if not path.is_file():
        raise ConfigError(f"Config file not found: {path}. Fix --config / {CONFIG_ENV}, or remove it.")
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"Config file {path} is not valid UTF-8 TOML: {exc}. Fix the syntax.") from None
    unknown = sorted(set(raw) - set(FIELDS))
    if unknown:
        raise ConfigError(f"Config file {path} has unknown key(s) {', '.join(unknown)}; known: {', '.join(FIELDS)}.")
    return raw


def _convert(name: str, kind: type, raw: Any, source: str) -> Any:
    try:
        if kind is Path:
            return Path(str(raw)).expanduser()
        if kind is int and isinstance(raw, float) and not raw.is_integer():
            raise ValueError
        return kind(raw)
    except (TypeError, ValueError):
        raise ConfigError(f"Setting {name} from {source} must be {kind.__name__}, got {raw!r}. Fix it there.") from None


def _validate(settings: Settings) -> None:
    if settings.k is not None and settings.k < 2:
        raise ConfigError(f"k = {settings.k} (from {settings.sources['k']}): a clustering needs at least 2 clusters. Use k >= 2.")
    if settings.provider not in PROVIDERS:
        raise ConfigError(
            f"provider = {settings.provider!r} (from {settings.sources['provider']}) is unknown; choose one of {', '.join(PROVIDERS)}."
        )
    if settings.tolerance_pct is not None and not 0 <= settings.tolerance_pct <= 50:
        raise ConfigError(f"tolerance_pct = {settings.tolerance_pct} (from {settings.sources['tolerance_pct']}) must be between 0 and 50.")
