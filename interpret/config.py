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

PROVIDERS = ("auto", "watsonx", "ollama", "none")

CLUSTERING_CHOICES = {
    "method": ("kmeans", "kmedoids", "ward"),
    "metric": ("euclidean", "manhattan"),
    "scaling": ("zscore", "minmax", "robust"),
}


def int_or_auto(raw: Any) -> int | str:
    """k: a whole number, or "auto" for the consensus of the k-selection panel."""
    if isinstance(raw, str) and raw.strip().lower() == "auto":
        return "auto"
    if isinstance(raw, float) and not raw.is_integer():
        raise ValueError(raw)
    return int(raw)


def pdf_mode(raw: Any) -> str:
    """brief.pdf: auto | on | off; a yes/no (`pdf = false` in interpret.toml) means on/off."""
    if isinstance(raw, bool):
        return "on" if raw else "off"
    text = str(raw).strip().lower()
    return {"true": "on", "yes": "on", "1": "on", "false": "off", "no": "off", "0": "off"}.get(text, text)


def flag(raw: Any) -> bool:
    """A yes/no setting from the command line, the environment or a TOML file."""
    if isinstance(raw, bool):
        return raw
    text = str(raw).strip().lower()
    if text in {"1", "true", "yes", "ya", "on"}:
        return True
    if text in {"0", "false", "no", "tidak", "off"}:
        return False
    raise ValueError(raw)


# name -> (type, environment variable)
FIELDS: dict[str, tuple[type, str]] = {
    "spec": (Path, "INTERPRET_SPEC"),
    "k": (int_or_auto, "INTERPRET_K"),
    "seed": (int, "INTERPRET_SEED"),
    "out": (Path, "INTERPRET_OUT"),
    "provider": (str, "INTERPRET_PROVIDER"),
    "rules": (Path, "INTERPRET_RULES"),
    "tolerance_pct": (float, "INTERPRET_TOLERANCE_PCT"),
    # Clustering choices (issue 3); None = the spec's value.
    "method": (str, "INTERPRET_METHOD"),
    "metric": (str, "INTERPRET_METRIC"),
    "scaling": (str, "INTERPRET_SCALING"),
    "pca": (flag, "INTERPRET_PCA"),
    "k_min": (int, "INTERPRET_K_MIN"),
    "k_max": (int, "INTERPRET_K_MAX"),
    "bootstrap": (int, "INTERPRET_BOOTSTRAP"),
    "sample_size": (int, "INTERPRET_SAMPLE_SIZE"),
    "compare": (flag, "INTERPRET_COMPARE"),
    # LLM drafting (issue 4; docs/llm.md). The watsonx API key is read from the environment only.
    "model": (str, "INTERPRET_MODEL"),
    "watsonx_model": (str, "WATSONX_MODEL_ID"),
    "watsonx_url": (str, "WATSONX_URL"),
    "watsonx_project_id": (str, "WATSONX_PROJECT_ID"),
    "watsonx_space_id": (str, "WATSONX_SPACE_ID"),
    "ollama_model": (str, "OLLAMA_MODEL"),
    "ollama_url": (str, "OLLAMA_BASE_URL"),
    "llm_timeout": (float, "INTERPRET_LLM_TIMEOUT"),
    "llm_concurrency": (int, "INTERPRET_LLM_CONCURRENCY"),
    "llm_repairs": (int, "INTERPRET_LLM_REPAIRS"),
    "llm_cache_dir": (Path, "INTERPRET_LLM_CACHE_DIR"),
    "no_cache": (bool, "INTERPRET_NO_CACHE"),
    "prompts": (Path, "INTERPRET_PROMPTS"),
    # The report (issue 6): language of the brief, an optional GeoJSON for the map, brief.pdf on/off.
    "lang": (str, "INTERPRET_LANG"),
    "geojson": (Path, "INTERPRET_GEOJSON"),
    "pdf": (pdf_mode, "INTERPRET_PDF"),
}
CONFIG_ENV = "INTERPRET_CONFIG"
DEFAULT_CONFIG = Path("interpret.toml")
DEFAULTS: dict[str, Any] = {"provider": "auto", "lang": "id", "pdf": "auto"}
DEFAULTS.update(  # LLM drafting defaults (docs/llm.md)
    watsonx_model="ibm/granite-3-3-8b-instruct", watsonx_url="https://us-south.ml.cloud.ibm.com",
    ollama_model="granite3.3:8b", ollama_url="http://localhost:11434",
    llm_timeout=60.0, llm_concurrency=4, llm_repairs=2, no_cache=False,
)
API_KEY_ENV = ("WATSONX_API_KEY", "WATSONX_APIKEY")  # the SDK's current name and its older one: both accepted
LANGS = ("id", "en")
PDF_MODES = ("auto", "on", "off")  # auto: write brief.pdf when the `pdf` extra is installed


@dataclass(frozen=True)
class Settings:
    data: Path | None = None
    spec: Path | None = None
    k: int | str | None = None  # a number, "auto", or None (the spec decides)
    seed: int | None = None
    out: Path | None = None
    provider: str = "auto"
    rules: Path | None = None
    tolerance_pct: float | None = None
    method: str | None = None
    metric: str | None = None
    scaling: str | None = None
    pca: bool | None = None
    k_min: int | None = None
    k_max: int | None = None
    bootstrap: int | None = None
    sample_size: int | None = None
    compare: bool | None = None
    model: str | None = None
    watsonx_model: str = "ibm/granite-3-3-8b-instruct"
    watsonx_url: str = "https://us-south.ml.cloud.ibm.com"
    watsonx_project_id: str | None = None
    watsonx_space_id: str | None = None
    watsonx_api_key: str | None = field(default=None, repr=False)  # environment / .env only, never printed
    ollama_model: str = "granite3.3:8b"
    ollama_url: str = "http://localhost:11434"
    llm_timeout: float = 60.0
    llm_concurrency: int = 4
    llm_repairs: int = 2
    llm_cache_dir: Path | None = None
    no_cache: bool = False
    prompts: Path | None = None
    lang: str = "id"
    geojson: Path | None = None
    pdf: str = "auto"
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
    values["watsonx_api_key"] = next((merged_env[n] for n in API_KEY_ENV if merged_env.get(n)), None)
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
        if kind is bool:
            if isinstance(raw, bool):
                return raw
            if str(raw).strip().lower() in {"1", "true", "yes", "on"}:
                return True
            if str(raw).strip().lower() in {"0", "false", "no", "off"}:
                return False
            raise ValueError
        if kind is Path:
            return Path(str(raw)).expanduser()
        if kind is int and isinstance(raw, float) and not raw.is_integer():
            raise ValueError
        return kind(raw)
    except (TypeError, ValueError):
        raise ConfigError(f"Setting {name} from {source} must be {kind.__name__}, got {raw!r}. Fix it there.") from None


def _validate(settings: Settings) -> None:
    for name, choices in CLUSTERING_CHOICES.items():
        value = getattr(settings, name)
        if value is not None and value not in choices:
            raise ConfigError(f"{name} = {value!r} (from {settings.sources[name]}) is unknown; choose one of {', '.join(choices)}.")
    for name in ("k_min", "k_max", "bootstrap", "sample_size"):
        value = getattr(settings, name)
        if value is not None and value < (2 if name.startswith("k_") else 0):
            raise ConfigError(f"{name} = {value} (from {settings.sources[name]}) is too small. Use a larger value.")
    if isinstance(settings.k, int) and settings.k < 2:
        raise ConfigError(f"k = {settings.k} (from {settings.sources['k']}): a clustering needs at least 2 clusters. Use k >= 2.")
    if settings.provider not in PROVIDERS:
        raise ConfigError(
            f"provider = {settings.provider!r} (from {settings.sources['provider']}) is unknown; choose one of {', '.join(PROVIDERS)}."
        )
    if settings.tolerance_pct is not None and not 0 <= settings.tolerance_pct <= 50:
        raise ConfigError(f"tolerance_pct = {settings.tolerance_pct} (from {settings.sources['tolerance_pct']}) must be between 0 and 50.")
    for name, low in (("llm_timeout", 0.1), ("llm_concurrency", 1), ("llm_repairs", 0)):
        if getattr(settings, name) < low:
            raise ConfigError(f"{name} = {getattr(settings, name)} (from {settings.sources.get(name, 'default')}) must be at least {low}.")
    if settings.lang not in LANGS:
        raise ConfigError(f"lang = {settings.lang!r} (from {settings.sources['lang']}) is unknown; choose one of {', '.join(LANGS)}.")
    if settings.pdf not in PDF_MODES:
        raise ConfigError(f"pdf = {settings.pdf!r} (from {settings.sources['pdf']}) is unknown; choose one of {', '.join(PDF_MODES)}.")
