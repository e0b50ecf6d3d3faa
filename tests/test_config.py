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
