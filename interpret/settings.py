"""Every setting of interpret, declared once.

A `Setting` says everything about one setting: its name (the attribute of `Settings` and the key in
interpret.toml), how a raw value is converted, its environment variable, its default, its help text,
its allowed values, its command-line flag and the commands that take it. From this table come:

- the fields of `interpret.config.Settings` and the one precedence pass that fills them
  (command line > environment/.env > interpret.toml > the data-set spec > defaults);
- the typer options of `interpret run`, `compare`, `verify` and `prompts …` (`interpret.cli_options`);
- the settings tables in docs/settings.md and docs/llm.md (`python -m interpret.settings_doc`), and
  the tests that keep `.env.example` and README.md's option table complete.

Adding a setting is one `declare(...)` entry below, then `python -m interpret.settings_doc` to
regenerate the documents (docs/settings.md shows an example). This module imports nothing heavy:
`interpret --help` reads it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from .errors import ConfigError

if TYPE_CHECKING:
    from .config import Settings


K_RULES = ("auto", "dbi", "silhouette", "elbow", "gap")  # how the k panel chooses k (clustering.kselection.RULES)
K_SMALLEST, K_LARGEST = 2, 15  # the k a brief describes (issue 12): beyond 15, profiles are single units


def int_or_auto(raw: Any) -> int | str:
    """k: a whole number, or a rule of the k-selection panel: auto (the consensus), dbi, silhouette, elbow, gap."""
    if isinstance(raw, str) and raw.strip().lower() in K_RULES:
        return raw.strip().lower()
    if isinstance(raw, float) and not raw.is_integer():
        raise ValueError(raw)
    return int(raw)


def auto_flag(raw: Any) -> bool | str:
    """yes | no | auto (the run decides, e.g. by the table's size)."""
    if isinstance(raw, str) and raw.strip().lower() == "auto":
        return "auto"
    return flag(raw)


# What the command line offers for a converter that accepts a fixed set of words (the environment and
# interpret.toml may also say yes/no/1/0): the option lists them and refuses others before the run.
auto_flag.cli_choices = ("auto", "true", "false")


def whole(raw: Any) -> int:
    """A whole number; 2.5 is refused instead of being cut to 2."""
    if isinstance(raw, float) and not raw.is_integer():
        raise ValueError(raw)
    return int(raw)


def pdf_mode(raw: Any) -> str:
    """brief.pdf: auto | on | off; a yes/no (`pdf = false` in interpret.toml, --no-pdf) means on/off."""
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


def path(raw: Any) -> Path:
    return Path(str(raw)).expanduser()


def real(raw: Any) -> float:
    """A finite number: "nan" and "inf" are refused, not compared as if they were numbers."""
    value = float(raw)
    if not math.isfinite(value):
        raise ValueError(raw)
    return value


path.__name__ = "Path"  # the conversion error says "must be Path", as before
real.__name__ = "a finite number"
whole.__name__ = "int"
int_or_auto.__name__ = "a whole number or one of " + " | ".join(K_RULES)
auto_flag.__name__ = "true | false | auto"

# A check returns what is wrong with a value (the text after "name = value (from source)"), or None.
Check = Callable[[Any, "Settings"], "str | None"]


def at_least(low: float, wording: str = " must be at least {low}.") -> Check:
    return lambda value, settings: wording.format(low=low) if value < low else None


def between(low: float, high: float) -> Check:
    return lambda value, settings: f" must be between {low:g} and {high:g}." if not low <= value <= high else None


def web_address(value, settings) -> str | None:
    """A server: http(s)://host[:port][/path]."""
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(str(value))
        port_ok = parts.port is None or 0 < parts.port < 65536
    except ValueError:
        parts, port_ok = None, False
    if parts is None or parts.scheme not in ("http", "https") or not parts.hostname or not port_ok:
        return " is not a server address: write http(s)://HOST[:PORT], e.g. http://localhost:11434."
    return None


def existing_folder(value, settings) -> str | None:
    return None if Path(value).is_dir() else f": no such folder{' (it is a file)' if Path(value).is_file() else ''}. Fix the path."


def existing_file(value, settings) -> str | None:
    return None if Path(value).is_file() else f": no such file{' (it is a folder)' if Path(value).is_dir() else ''}. Fix the path."


def _enough_clusters(value, settings) -> str | None:
    if isinstance(value, int) and value < 2:
        return ": a clustering needs at least 2 clusters. Use k >= 2."
    return None


def _known_language(value, settings) -> str | None:
    """A language is known when its catalogue exists (shipped, or in languages_dir): no list in code."""
    from .languages import available_languages, language_file  # importlib.resources: ~15 ms that --help need not pay

    extra = [settings.languages_dir]
    try:
        language_file(value, "brief.toml", extra)
    except ConfigError:
        codes = sorted(available_languages(extra), key=lambda code: (code != "id", code))  # the default first
        return f" is unknown; choose one of {', '.join(codes)} (or add its folder with brief.toml, lexicon.toml and console.toml to languages_dir)."
    return None


# Help panels of `interpret run --help`, in this order (the options sorted by flag within each).
INPUT, CLUSTERING, DRAFTING, REPORT = "Data", "Clustering", "Drafting (LLM)", "Output"
PANELS = (INPUT, CLUSTERING, DRAFTING, REPORT)
RUN = ("run", "compare")  # `compare` is `run --compare`: it takes every option of run but --compare
VERIFY = ("verify",)
PROMPT_RENDER = ("prompts render",)
PROMPTS_ALL = ("prompts list", "prompts show", "prompts render", "prompts check")
CACHE = ("cache info", "cache clear")
DOCTOR = ("doctor",)


@dataclass(frozen=True)
class Setting:
    name: str
    convert: Callable[[Any], Any]  # raw text (environment), TOML value or CLI value -> the value
    help: str
    env: tuple[str, ...] = ()  # the first one found wins; the first is the documented name
    default: Any = None  # None: not set (the spec decides, or the feature is off)
    # A tuple, or "module:name" of a registry that lists without heavy imports (the CLI shows them in --help).
    # The clustering registries import numpy and scipy (~1 s): their names are written out here, and
    # tests/test_settings_table.py checks them against clustering.algorithms and clustering.preprocessing.
    choices: tuple[str, ...] | str | None = None
    check: Check | None = None
    commands: tuple[str, ...] = ()  # the CLI commands that take it as an option
    flag: str | None = None  # default --<name-with-dashes>; "--pca/--no-pca" for an on/off switch
    cli_type: type = str  # what typer parses from the command line
    argument: bool = False  # a positional argument instead of an option
    panel: str = INPUT
    in_file: bool = True  # may be set in interpret.toml
    spec_key: str | None = None  # the key in the spec's [clustering] table that gives its value below the user's
    secret: bool = False  # never printed, never in a file
    default_text: str | None = None  # how docs describe the default when it is not a plain value

    @property
    def option(self) -> str:
        """The command-line flag, as error messages name it (`--pdf` for --pdf/--no-pdf)."""
        if self.argument:
            return self.name.upper()
        return (self.flag or f"--{self.name.replace('_', '-')}").split("/")[0]

    @property
    def default_description(self) -> str | None:
        """The default in words, for help texts and docs; None when there is none to tell."""
        if self.default_text:
            return self.default_text
        if self.default is None:
            return None
        if isinstance(self.default, bool):
            return "on" if self.default else "off"
        return f"{self.default:g}" if isinstance(self.default, float) else str(self.default)

    def choice_names(self) -> tuple[str, ...] | None:
        """The allowed values; a registry named by "module:name" is imported here, not at start-up."""
        if self.choices is None or isinstance(self.choices, tuple):
            return self.choices
        import importlib

        module, attribute = self.choices.split(":")
        names = getattr(importlib.import_module(module), attribute)
        return tuple(names() if callable(names) else names)

    def cli_choices(self) -> tuple[str, ...] | None:
        """The words the command-line option offers (in --help) and accepts, or None for a free value.
        A registry is asked for its names (the providers': a folder listing, no SDK import)."""
        if self.argument:
            return None
        if self.choices is not None:
            return self.choice_names()
        return getattr(self.convert, "cli_choices", None)


def declare(name: str, convert, help: str, env: str | tuple[str, ...] | None = None, **options) -> Setting:
    """A setting whose environment variable is INTERPRET_<NAME> unless named."""
    envs = (env,) if isinstance(env, str) else (env if env is not None else (f"INTERPRET_{name.upper()}",))
    return Setting(name, convert, help, envs, **options)


SETTINGS: tuple[Setting, ...] = (
    # -- input ---------------------------------------------------------------------------------
    declare("data", path, "CSV, XLSX or Parquet table.", env=(), in_file=False,
       argument=True, cli_type=Path, commands=RUN + VERIFY + ("prompts render", "prompts check"),
       default_text="the embedded IPM 2023 table"),
    declare("spec", path, "Data-set spec (TOML): id, features, filters, pivot, reference.", cli_type=Path,
       commands=RUN + VERIFY + ("prompts render", "prompts check"), default_text="the embedded spec"),
    declare("config", path, "Config file (TOML) with any of these settings.", in_file=False, cli_type=Path,
       commands=RUN + VERIFY, default_text="./interpret.toml when present"),
    # -- clustering (docs/clustering.md); None = the spec's value ---------------------------------
    declare("k", int_or_auto, "Number of clusters, or how the k panel chooses it: auto (consensus) | dbi | silhouette | elbow | gap.",
       check=_enough_clusters, commands=RUN + VERIFY + PROMPT_RENDER, panel=CLUSTERING, spec_key="k",
       default_text="the spec's k, else auto"),
    declare("k_panel", auto_flag, "Run the k-selection panel when k is fixed: true | false | auto (only up to 5 000 units).",
       commands=RUN, panel=CLUSTERING, spec_key="k_panel", default_text="the spec's, else auto"),
    declare("seed", whole, "Random seed.", cli_type=int, commands=RUN + VERIFY + PROMPT_RENDER,
       panel=CLUSTERING, spec_key="seed", default_text="the spec's seed, else 42"),
    declare("method", str, "Clustering method: kmeans | kmedoids | ward | kprototypes (mixed numeric and categorical features).",
       choices=("kmeans", "kmedoids", "ward", "kprototypes"), commands=RUN, panel=CLUSTERING, spec_key="method",
       default_text="the spec's, else kmeans"),
    declare("metric", str, "Distance: euclidean | manhattan (manhattan needs --method kmedoids).",
       choices=("euclidean", "manhattan"), commands=RUN, panel=CLUSTERING, spec_key="metric",
       default_text="the spec's, else euclidean"),
    declare("scaling", str, "Feature scaling: zscore | minmax | robust | none.",
       choices=("zscore", "minmax", "robust", "none"), commands=RUN, panel=CLUSTERING, spec_key="scaling",
       default_text="the spec's, else zscore"),
    declare("pca", flag, "Cluster on principal components (kept up to the spec's pca_variance_pct).", flag="--pca/--no-pca",
       cli_type=bool, commands=RUN, panel=CLUSTERING, spec_key="pca", default_text="the spec's, else off"),
    declare("k_min", whole, "Smallest k of the k panel.", check=at_least(2, " is too small. Use a larger value."),
       cli_type=int, commands=RUN, panel=CLUSTERING, spec_key="k_min", default_text="the spec's, else 2"),
    declare("k_max", whole, "Largest k of the k panel (at most n - 1).", check=at_least(2, " is too small. Use a larger value."),
       cli_type=int, commands=RUN, panel=CLUSTERING, spec_key="k_max", default_text="the spec's, else 10"),
    declare("bootstrap", whole, "Bootstrap replicates B for cluster stability (0 = off).",
       check=at_least(0, " is too small. Use a larger value."), cli_type=int, commands=RUN, panel=CLUSTERING,
       spec_key="bootstrap", default_text="the spec's, else 100"),
    declare("sample_size", whole, "Above this many units, silhouette, gap, connectivity and stability use a sample of this size.",
       check=at_least(100, " is too small: a sample needs at least {low:g} units (as the spec's clustering.sample_size)."), cli_type=int, commands=RUN, panel=CLUSTERING,
       spec_key="sample_size", default_text="the spec's, else 2000"),
    declare("compare", flag, "Also compare K-means, K-medoids (Euclidean, Manhattan) and Ward for k - 1, k, k + 1.",
       cli_type=bool, commands=("run",), panel=CLUSTERING, default_text="off"),
    declare("tolerance_pct", real, "Within this many percent of the reference a value is 'setara' (equal), not above or below.",
       check=between(0, 50), panel=CLUSTERING, spec_key="tolerance_pct", default_text="the spec's, else 1"),
    # -- where the clustering runs (docs/dask.md) ---------------------------------------------------
    declare("engine", str, "Where the clustering stage computes: memory (this process) | dask (a Dask cluster, the `dask` extra).",
       default="memory", choices=("memory", "dask"), commands=RUN + VERIFY, panel=CLUSTERING),
    declare("dask_scheduler", str, "Address of a running Dask scheduler (tcp://host:8786) for engine = dask.",
       commands=RUN + VERIFY, panel=CLUSTERING, default_text="a LocalCluster on this machine"),
    declare("dask_workers", whole, "Workers of the LocalCluster (one thread each) for engine = dask.", default=2,
       check=at_least(1), cli_type=int, commands=RUN + VERIFY, panel=CLUSTERING),
    declare("kmeans_tol", real, "K-means (Lloyd) stops when the centres move at most this × the mean feature variance (scikit-learn's tol); "
       "on the Dask engine, instead of waiting until no unit changes cluster. The in-memory engine's scikit-learn fits use the same default.",
       default=1e-4, check=between(0, 1), commands=RUN + VERIFY, panel=CLUSTERING),
    declare("kmeans_max_iter", whole, "At most this many Lloyd passes for k-means on the Dask engine (each a full read of the data); "
       "a fit stopped by it is said in the brief.", default=300, check=at_least(1), cli_type=int, commands=RUN + VERIFY, panel=CLUSTERING),
    declare("dask_memory_limit", str, "Memory limit per LocalCluster worker (e.g. 1GB), or auto: the machine's memory shared by the workers.",
       default="auto", commands=RUN + VERIFY, panel=CLUSTERING),
    # -- drafting (docs/llm.md) -------------------------------------------------------------------
    declare("provider", str, "Drafting provider: auto (watsonx, then Ollama, then rules) | watsonx | ollama | none (rule-based).",
       default="auto", choices="interpret.llm.providers:provider_choices", commands=RUN, panel=DRAFTING),
    declare("model", str, "Model id of the first provider (watsonx: ibm/granite-…; Ollama: granite3.3:8b).", commands=RUN,
       panel=DRAFTING, default_text="the provider's model setting"),
    declare("no_cache", flag, "Ask the model again instead of reusing cached answers.", default=False, cli_type=bool,
       commands=RUN, panel=DRAFTING),
    declare("prompts", path, "Prompt templates folder (an edited copy of prompts/).", check=existing_folder, cli_type=Path, commands=RUN + PROMPTS_ALL,
       panel=DRAFTING, default_text="the shipped prompts/"),
    declare("rules", path, "Sector rules file (TOML) for recommendations.", check=existing_file, cli_type=Path,
       commands=RUN + ("prompts render", "prompts check"), panel=DRAFTING, default_text="interpret/rules/sektor.toml"),
    declare("watsonx_model", str, "watsonx.ai model id (`interpret doctor` lists the chat models your account can use).", env="WATSONX_MODEL_ID",
       default="ibm/granite-4-h-small", panel=DRAFTING),
    declare("watsonx_url", str, "watsonx.ai endpoint.", env="WATSONX_URL", default="https://us-south.ml.cloud.ibm.com",
       check=web_address, panel=DRAFTING),
    declare("watsonx_project_id", str, "watsonx.ai project id (or a space id).", env="WATSONX_PROJECT_ID", panel=DRAFTING),
    declare("watsonx_space_id", str, "watsonx.ai deployment space id, when there is no project id.", env="WATSONX_SPACE_ID", panel=DRAFTING),
    # The SDK's current name and its older one are both accepted; environment and .env only, never printed.
    declare("watsonx_api_key", str, "watsonx.ai API key (environment or .env only).", env=("WATSONX_API_KEY", "WATSONX_APIKEY"),
       in_file=False, secret=True, panel=DRAFTING),
    # TLS is always verified: against the system's CAs, or this bundle (on-prem / a company proxy).
    declare("watsonx_ca_bundle", path, "CA bundle (PEM) that signs the watsonx.ai / IAM servers' certificates; TLS is always verified.",
       env=("WATSONX_CA_BUNDLE", "REQUESTS_CA_BUNDLE"), check=existing_file, panel=DRAFTING, default_text="the system's trusted CAs"),
    # Cloud Pak for Data (watsonx.ai software, on-prem): the SDK's username / instance_id / version.
    declare("watsonx_username", str, "Cloud Pak for Data user name (watsonx.ai software on-prem; with the API key).", env="WATSONX_USERNAME",
       panel=DRAFTING),
    declare("watsonx_instance_id", str, "Cloud Pak for Data instance id (on-prem), e.g. openshift.", env="WATSONX_INSTANCE_ID", panel=DRAFTING),
    declare("watsonx_version", str, "Cloud Pak for Data version (on-prem), e.g. 5.1.", env="WATSONX_VERSION", panel=DRAFTING),
    declare("watsonx_max_retries", whole, "Retries of a watsonx.ai call the SDK makes on 429/503/504 (and 5xx in its transport).",
       env="WATSONX_MAX_RETRIES", default=2, check=between(0, 10), panel=DRAFTING),
    declare("watsonx_delay_time", real, "First back-off delay (s) of those retries (doubled each time).", env="WATSONX_DELAY_TIME",
       default=0.5, check=between(0, 30), panel=DRAFTING),
    declare("ollama_model", str, "Ollama model.", env="OLLAMA_MODEL", default="granite3.3:8b", panel=DRAFTING),
    declare("ollama_url", str, "Ollama server.", env="OLLAMA_BASE_URL", default="http://localhost:11434",
       check=web_address, panel=DRAFTING),
    declare("ollama_num_ctx", whole, "Ollama context window in tokens; 0 = computed per conversation from the prompt, max_tokens and one repair turn.",
       env="OLLAMA_NUM_CTX", default=0, check=at_least(0), panel=DRAFTING),
    declare("llm_timeout", real, "Seconds per model call (the Ollama probe waits at most 2 s).", default=60.0,
       check=at_least(0.1), panel=DRAFTING),
    declare("llm_deadline", real, "Seconds the whole drafting stage may take (every section, retry and repair); "
       "sections not drafted by then are rule-based.", default=120.0, check=at_least(0.1), commands=RUN, panel=DRAFTING),
    declare("llm_max_failures", whole, "Failed calls after which a provider is skipped for the rest of the run (401/403/404: at once).",
       default=3, check=at_least(1), panel=DRAFTING),
    declare("ollama_retries", whole, "Retries of an Ollama call answered 429 or 503 (back-off 0.5 s, doubled).", default=2,
       check=between(0, 10), panel=DRAFTING),
    declare("llm_concurrency", whole, "Model calls at once; 0 = one per section (the k clusters and the summary together).", default=0,
       check=at_least(0), panel=DRAFTING),
    declare("llm_repairs", whole, "Repair rounds per section (invalid JSON; false claims).", default=2, check=at_least(0), panel=DRAFTING),
    declare("llm_cache_dir", path, "Response cache folder.", panel=DRAFTING, commands=CACHE,
       default_text="$XDG_CACHE_HOME/interpret/llm, else ~/.cache/interpret/llm"),
    declare("llm_cache_max_entries", whole, "Answers the response cache keeps; the least recently used go first.", default=2000,
       check=at_least(1), panel=DRAFTING, commands=CACHE),
    # -- the report (docs/report.md) --------------------------------------------------------------
    declare("lang", str, "Language of the brief (verify: of the narrative's number formats): id | en, or a catalogue in languages_dir.", default="id",
       check=_known_language, commands=RUN + VERIFY + CACHE + DOCTOR, panel=REPORT),
    declare("languages_dir", path, "Folder of extra language catalogues (a folder per language code with brief.toml, lexicon.toml and console.toml).",
       check=existing_folder, cli_type=Path, commands=RUN + VERIFY + CACHE + DOCTOR, panel=REPORT, default_text="only the shipped languages"),
    declare("out", path, "Output folder.", cli_type=Path, commands=RUN, panel=REPORT,
       default_text="./briefs/<dataset>-<date>/"),
    declare("geojson", path, "Province boundaries (GeoJSON with a name property) to draw the map on instead of the shipped ones.", check=existing_file, cli_type=Path,
       commands=RUN, panel=REPORT, default_text="the shipped boundaries of the 34 provinces (docs/report-map.md)"),
    declare("pdf", pdf_mode, "Write brief.pdf.", default="auto",
       choices=("auto", "on", "off"), flag="--pdf/--no-pdf", cli_type=bool, commands=RUN, panel=REPORT,
       default_text="auto: when the `pdf` extra is installed"),
    declare("pdf_appendix", str, "What brief.pdf carries of the verification: summary (one page: counts by kind, repairs, where the "
       "full table is) | full (every claim, as in brief.html and verification.html).", default="summary",
       choices=("summary", "full"), commands=RUN, panel=REPORT),
    declare("review_status", str, "The brief's status in its title block: draft (marked DRAF until an analyst has reviewed it) | final.",
       default="draft", choices=("draft", "final"), commands=RUN, panel=REPORT),
)
BY_NAME: dict[str, Setting] = {s.name: s for s in SETTINGS}

# Variables interpret or its libraries read that are not settings (documented in .env.example too).
OTHER_ENVIRONMENT = {
    "INTERPRET_DEBUG": "1 shows the traceback of an unexpected error",
    "XDG_CACHE_HOME": "base of the default response cache folder",
    "WX_CLIENT_VERIFY_REQUESTS": "the ibm-watsonx-ai SDK's global TLS switch: interpret sets it to True (or the CA bundle), never off",
}


def taken_by(command: str) -> list[Setting]:
    return [s for s in SETTINGS if command in s.commands]
