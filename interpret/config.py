"""Settings, resolved in one pass with one precedence:

    command line  >  environment (and .env)  >  config file (interpret.toml)  >  data-set spec  >  defaults

The settings themselves are declared in `interpret.settings.SETTINGS`; `Settings` gets one field per
declaration. The spec is read after the settings (it names the data), so its values enter later
through `Settings.with_spec`, which runs the same pass again with the spec as one more layer. Every
value records where it came from, so an error can name the source to fix.
"""

from __future__ import annotations

import os
import re
from dataclasses import field, make_dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping

from .errors import ConfigError
from .settings import BY_NAME, SETTINGS, Setting

CONFIG_ENV = BY_NAME["config"].env[0]
DEFAULT_CONFIG = Path("interpret.toml")
DEFAULT = "default"  # the source of a value nobody set
SECRET_LOOKING = re.compile(r"(api_?key|apikey|token|secret|password|passwd|credential)", re.IGNORECASE)
SPEC_SOURCE = "`clustering.{key}` in {origin}"  # the source of a value the data-set spec gave

# One layer of the precedence: for a setting, (raw value, where it came from) or None.
Layer = Callable[[Setting], "tuple[Any, str] | None"]


class _SettingsMethods:
    def with_spec(self, spec_values: Mapping[str, Any], origin: str, spec_defaults: Mapping[str, Any] | None = None) -> "Settings":
        """These settings with the spec's values below the user's: the same precedence pass, with the
        spec ([clustering] keys the spec file sets; `spec_defaults` for the keys it leaves out) as the
        layer between the config file and the defaults."""
        def user(setting: Setting):
            source = self.sources.get(setting.name)
            return None if source in (None, DEFAULT) else (getattr(self, setting.name), source)

        layers = [user, _mapping_layer(spec_values, lambda s: SPEC_SOURCE.format(key=s.spec_key, origin=origin), spec=True)]
        if spec_defaults:
            layers.append(_mapping_layer(spec_defaults, lambda s: DEFAULT, spec=True))
        return _resolve(layers + [_default_layer])

    def from_user(self, name: str) -> bool:
        """Set on the command line, in the environment or in the config file (not by the spec or a default)."""
        source = self.sources.get(name, DEFAULT)
        return source != DEFAULT and not source.startswith(SPEC_SOURCE.split("{")[0])


Settings = make_dataclass(
    "Settings",
    [(s.name, Any, field(default=s.default, repr=not s.secret)) for s in SETTINGS]
    + [("sources", dict, field(default_factory=dict))],
    bases=(_SettingsMethods,),
    frozen=True,
)
Settings.__module__ = __name__  # pickling and reprs name interpret.config.Settings
Settings.__doc__ = "The resolved settings: one attribute per `interpret.settings.SETTINGS` entry, and `sources` (name -> where it came from)."


def resolve_settings(
    cli: Mapping[str, Any] | None = None,
    *,
    environ: Mapping[str, str] | None = None,
    dotenv_path: Path | None = Path(".env"),
    config_path: Path | None = None,
) -> Settings:
    """Merge the sources; `cli` holds only what the user typed (None means not given)."""
    cli = {k: v for k, v in (cli or {}).items() if v is not None}
    unknown = sorted(set(cli) - set(BY_NAME))
    if unknown:
        raise TypeError(f"resolve_settings got unknown setting(s) {', '.join(unknown)}; known: {', '.join(BY_NAME)}")
    if config_path is not None:
        cli["config"] = config_path
    env = dict(environ if environ is not None else os.environ)
    merged_env = {**_dotenv(dotenv_path), **env}  # the real environment wins over .env

    config_file = cli.get("config") or (Path(merged_env[CONFIG_ENV]) if merged_env.get(CONFIG_ENV) else None)
    file_values: dict[str, Any] = {}
    if config_file is not None or DEFAULT_CONFIG.is_file():
        config_file = Path(config_file or DEFAULT_CONFIG)
        file_values = _read_config(config_file)

    def environment(setting: Setting):
        name = next((n for n in setting.env if merged_env.get(n)), None)
        return None if name is None else (merged_env[name], f"{name} (environment or .env)")

    return _resolve([
        _mapping_layer(cli, lambda s: s.option),
        environment,
        _mapping_layer(file_values, lambda s: f"`{s.name}` in {config_file}"),
        _default_layer,
    ])


def _resolve(layers: Iterable[Layer]) -> Settings:
    """The precedence pass: for each setting, the first layer that has a value gives it."""
    layers = list(layers)
    values: dict[str, Any] = {}
    sources: dict[str, str] = {}
    for setting in SETTINGS:
        for layer in layers:
            found = layer(setting)
            if found is None or found[0] is None or found[0] == "":
                continue
            raw, source = found
            values[setting.name] = _convert(setting, raw, source)
            sources[setting.name] = source
            break
    settings = Settings(**values, sources=sources)
    _validate(settings)
    return settings


def _mapping_layer(values: Mapping[str, Any], source: Callable[[Setting], str], *, spec: bool = False) -> Layer:
    def layer(setting: Setting):
        key = setting.spec_key if spec else setting.name
        return None if key is None or key not in values else (values[key], source(setting))

    return layer


def _default_layer(setting: Setting):
    return setting.default, DEFAULT


def _dotenv(path: Path | None) -> dict[str, str]:
    if not path or not Path(path).is_file():
        return {}
    from dotenv import dotenv_values  # only when there is a .env to read

    try:
        return {k: v for k, v in dotenv_values(path).items() if v is not None}
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{Path(path).resolve()} is not UTF-8 text (byte 0x{exc.object[exc.start]:02x} at position {exc.start}). Save it as UTF-8.") from None


def _read_config(path: Path) -> dict[str, Any]:
    if not path.is_file():
        raise ConfigError(f"Config file not found: {path}. Fix --config / {CONFIG_ENV}, or remove it.")
    import tomllib  # only with a config file: `interpret --help` has none to read

    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"Config file {path} is not valid UTF-8 TOML: {exc}. Fix the syntax.") from None
    known = [s.name for s in SETTINGS if s.in_file]
    unknown = sorted(set(raw) - set(known))
    secrets = [key for key in unknown if key in BY_NAME and BY_NAME[key].secret or SECRET_LOOKING.search(key)]
    if secrets:  # never echo the value: the key's name is enough to fix it
        variables = ", ".join(env for s in SETTINGS if s.secret for env in s.env[:1])
        raise ConfigError(f"Config file {path} holds {', '.join(secrets)}: keys belong in the environment or .env ({variables}), "
                          "never in a config file. Move it there and delete it from the file.")
    if unknown:
        raise ConfigError(f"Config file {path} has unknown key(s) {', '.join(unknown)}; known: {', '.join(known)}.")
    return raw


def _convert(setting: Setting, raw: Any, source: str) -> Any:
    try:
        return setting.convert(raw)
    except (TypeError, ValueError):
        kind = getattr(setting.convert, "__name__", "a valid value")
        raise ConfigError(f"Setting {setting.name} from {source} must be {kind}, got {raw!r}. Fix it there.") from None


def _validate(settings: Settings) -> None:
    for setting in SETTINGS:
        value = getattr(settings, setting.name)
        if value is None or setting.secret:
            continue
        shown = repr(value) if isinstance(value, str) else str(value)
        source = settings.sources.get(setting.name, DEFAULT)
        choices = setting.choice_names()
        if choices is not None and value not in choices:
            raise ConfigError(f"{setting.name} = {shown} (from {source}) is unknown; choose one of {', '.join(choices)}.")
        problem = setting.check(value, settings) if setting.check else None
        if problem:
            raise ConfigError(f"{setting.name} = {shown} (from {source}){problem}")
