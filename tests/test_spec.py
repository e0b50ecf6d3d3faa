import pytest

from interpret.errors import ConfigError
from interpret.spec import load_spec, parse_spec

from .conftest import SIMPLE_SPEC


def test_default_and_example_specs_load():
    from interpret.data import default_spec_path

    from .conftest import ROOT

    spec = load_spec(default_spec_path())
    assert spec.clustering.k == 4 and "analisis K-means" in spec.clustering.k_reason
    assert [f.name for f in spec.features] == ["UHH", "HLS", "RLS", "Pengeluaran"]
    example = load_spec(ROOT / "examples" / "pengeluaran_2022.toml")
    assert example.pivot.columns == "jenis" and example.reference.row == "INDONESIA"


def test_missing_spec_file_names_it(tmp_path):
    with pytest.raises(ConfigError, match="Spec file not found: .*nope.toml"):
        load_spec(tmp_path / "nope.toml")


def test_invalid_toml_names_the_file(write_file):
    path = write_file("bad.toml", "[dataset\nname = 1\n")
    with pytest.raises(ConfigError, match="bad.toml is not valid TOML"):
        load_spec(path)


def test_unknown_key_and_bad_direction_name_the_key():
    import tomllib

    raw = tomllib.loads(SIMPLE_SPEC)
    raw["features"][0]["direction"] = "up"
    raw["features"][1]["colour"] = "red"
    with pytest.raises(ConfigError) as info:
        parse_spec(raw, origin="x.toml")
    message = str(info.value)
    assert "features.0.direction" in message and "features.1.colour" in message and "x.toml" in message


def test_duplicate_feature_names_are_refused():
    import tomllib

    raw = tomllib.loads(SIMPLE_SPEC)
    raw["features"][1]["short"] = "A"
    with pytest.raises(ConfigError, match="repeated: A"):
        parse_spec(raw)
