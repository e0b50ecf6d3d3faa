"""One precedence: CLI > environment/.env > config file > (spec) > defaults."""

from __future__ import annotations

from pathlib import Path

import pytest

from interpret.config import resolve_settings
from interpret.errors import ConfigError


def test_precedence(tmp_path):
    config = tmp_path / "interpret.toml"
    config.write_text('k = 5\nseed = 7\nprovider = "none"\n', encoding="utf-8")
    dotenv = tmp_path / ".env"
    dotenv.write_text("INTERPRET_SEED=8\nINTERPRET_K=6\n", encoding="utf-8")
    s = resolve_settings({"k": 3}, environ={"INTERPRET_SEED": "9"}, dotenv_path=dotenv, config_path=config)
    assert (s.k, s.seed, s.provider) == (3, 9, "none")
    assert s.sources["k"] == "--k" and s.sources["seed"].startswith("INTERPRET_SEED") and "interpret.toml" in s.sources["provider"]
    s = resolve_settings({}, environ={}, dotenv_path=dotenv, config_path=config)
    assert (s.k, s.seed) == (6, 8)
    s = resolve_settings({}, environ={}, dotenv_path=None, config_path=config)
    assert (s.k, s.seed) == (5, 7)
    s = resolve_settings({}, environ={}, dotenv_path=None)
    assert (s.k, s.seed, s.provider) == (None, None, "auto")


def test_config_file_from_environment(tmp_path):
    config = tmp_path / "c.toml"
    config.write_text("seed = 11\n", encoding="utf-8")
    assert resolve_settings({}, environ={"INTERPRET_CONFIG": str(config)}, dotenv_path=None).seed == 11


@pytest.mark.parametrize(
    "cli, env, needle",
    [
        ({"k": 1}, {}, "k = 1 (from --k)"),
        ({}, {"INTERPRET_K": "x"}, "INTERPRET_K"),
        ({}, {"INTERPRET_PROVIDER": "gpt"}, "provider = 'gpt'"),
    ],
)
def test_bad_settings_name_their_source(cli, env, needle):
    with pytest.raises(ConfigError) as info:
        resolve_settings(cli, environ=env, dotenv_path=None)
    assert needle in str(info.value)


def test_unknown_config_key(tmp_path):
    config = tmp_path / "c.toml"
    config.write_text("clusters = 3\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown key\\(s\\) clusters"):
        resolve_settings({}, environ={}, dotenv_path=None, config_path=config)


def test_paths_are_paths():
    s = resolve_settings({"out": "x/y"}, environ={}, dotenv_path=None)
    assert s.out == Path("x/y")


def test_env_example_lists_every_variable_the_code_reads_and_no_value():
    import re

    from interpret.settings import OTHER_ENVIRONMENT, SETTINGS

    from .conftest import ROOT

    lines = [l for l in (ROOT / ".env.example").read_text(encoding="utf-8").splitlines() if l and not l.startswith("#")]
    listed = {l.split("=", 1)[0] for l in lines}
    assert all(l.endswith("=") for l in lines), "a value was written into .env.example"
    read_by_code = {env for s in SETTINGS for env in s.env} | set(OTHER_ENVIRONMENT)
    for folder in ("interpret", "clustering", "reports"):
        for path in (ROOT / folder).rglob("*.py"):
            read_by_code |= set(re.findall(r"environ(?:\.get)?[\(\[]\s*\"([A-Z][A-Z0-9_]+)\"", path.read_text(encoding="utf-8")))
    assert read_by_code - listed == set()


# --- values are validated wherever they come from (issue 11) -------------------------------------

@pytest.mark.parametrize("env, needle", [
    ({"INTERPRET_LLM_TIMEOUT": "nan"}, "llm_timeout from INTERPRET_LLM_TIMEOUT (environment or .env) must be a finite number"),
    ({"INTERPRET_TOLERANCE_PCT": "inf"}, "tolerance_pct from INTERPRET_TOLERANCE_PCT"),
    ({"INTERPRET_SAMPLE_SIZE": "1"}, "sample_size = 1 (from INTERPRET_SAMPLE_SIZE"),
    ({"INTERPRET_SAMPLE_SIZE": "50"}, "at least 100 units"),
    ({"OLLAMA_BASE_URL": "localhost:11434"}, "ollama_url = 'localhost:11434' (from OLLAMA_BASE_URL"),
    ({"OLLAMA_BASE_URL": "http://host:port"}, "not a server address"),
    ({"WATSONX_URL": "ftp://example.org"}, "watsonx_url = 'ftp://example.org'"),
    ({"INTERPRET_PROMPTS": "/nowhere/prompts"}, "prompts = /nowhere/prompts (from INTERPRET_PROMPTS"),
    ({"INTERPRET_GEOJSON": "/nowhere/map.geojson"}, "no such file"),
])
def test_environment_values_are_checked_like_command_line_values(env, needle):
    with pytest.raises(ConfigError) as info:
        resolve_settings({}, environ=env, dotenv_path=None)
    assert needle in str(info.value)


def test_the_sample_size_setting_agrees_with_the_spec():
    from interpret.spec import ClusteringSpec

    assert resolve_settings({"sample_size": 100}, environ={}, dotenv_path=None).sample_size == 100
    with pytest.raises(ConfigError):
        resolve_settings({"sample_size": 99}, environ={}, dotenv_path=None)
    assert ClusteringSpec.model_fields["sample_size"].metadata[0].ge == 100


@pytest.mark.parametrize("key", ["watsonx_api_key", "api_key", "ollama_token", "password"])
def test_a_key_in_the_config_file_is_sent_to_the_environment_and_never_echoed(tmp_path, key):
    config = tmp_path / "c.toml"
    config.write_text(f'{key} = "sk-canary-0123456789"\n', encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        resolve_settings({}, environ={}, dotenv_path=None, config_path=config)
    message = str(info.value)
    assert key in message and "keys belong in the environment or .env" in message and "WATSONX_API_KEY" in message
    assert "canary" not in message


def test_dotenv_that_is_not_utf8(tmp_path):
    dotenv = tmp_path / ".env"
    dotenv.write_bytes(b"INTERPRET_SEED=3\nNAME=\xff\xfe\n")
    with pytest.raises(ConfigError, match=r"\.env is not UTF-8 text \(byte 0xff"):
        resolve_settings({}, environ={}, dotenv_path=dotenv)
