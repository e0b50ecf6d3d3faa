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


def _with_reference(reference: str, features: str = SIMPLE_SPEC) -> dict:
    import tomllib

    return tomllib.loads(features + "\n[reference]\n" + reference)


def test_reference_values_need_every_feature_and_a_source():
    ok = parse_spec(_with_reference('kind = "values"\nvalues = { A = 71.5, B = 9500 }\nsource = "BPS, 2023"\npublisher = "BPS"'))
    assert ok.reference.values == {"A": 71.5, "B": 9500.0} and ok.reference.publisher == "BPS"
    with pytest.raises(ConfigError, match=r"reference.values has no figure for feature\(s\) B; add `B = <number>`"):
        parse_spec(_with_reference('kind = "values"\nvalues = { A = 71.5 }\nsource = "BPS"'))
    with pytest.raises(ConfigError, match=r"`reference`.*needs `source = \"…\"`"):
        parse_spec(_with_reference('kind = "values"\nvalues = { A = 71.5, B = 9500 }'))
    with pytest.raises(ConfigError, match="names C, which is not a feature"):
        parse_spec(_with_reference('kind = "values"\nvalues = { A = 1, B = 2, C = 3 }\nsource = "x"'))
    with pytest.raises(ConfigError, match='belong to kind = "values"'):
        parse_spec(_with_reference('kind = "mean"\nvalues = { A = 1, B = 2 }'))


def test_weighted_mean_needs_its_weight_column():
    assert parse_spec(_with_reference('kind = "weighted_mean"\nweight = "penduduk"')).reference.weight == "penduduk"
    with pytest.raises(ConfigError, match=r'weighted_mean" needs `weight = "<column>"`'):
        parse_spec(_with_reference('kind = "weighted_mean"'))
    with pytest.raises(ConfigError, match='reference.weight belongs to kind = "weighted_mean"'):
        parse_spec(_with_reference('kind = "mean"\nweight = "penduduk"'))


def test_a_derived_feature_expression_is_checked_when_the_spec_is_read():
    spec = SIMPLE_SPEC.replace('column = "B"\n', 'column = "rasio"\nexpression = "B / A"\n')
    import tomllib

    assert parse_spec(tomllib.loads(spec)).features[1].expression == "B / A"
    with pytest.raises(ConfigError, match=r"`features.1.expression`.*uses Call"):
        parse_spec(tomllib.loads(spec.replace('"B / A"', '"open(A)"')))


def test_the_default_spec_ships_bps_national_figures_with_their_source():
    from interpret.data import default_spec_path

    ref = load_spec(default_spec_path()).reference
    assert ref.kind == "values" and ref.values == {"UHH": 73.93, "HLS": 13.15, "RLS": 8.77, "Pengeluaran": 11899}
    assert ref.publisher == "BPS" and "Indeks Pembangunan Manusia 2023" in ref.source and "15 November 2023" in ref.source


# -- English twins of the spec's words (label_en, title_en, source_en, reason_en, k_reason_en) --------
def test_the_shipped_specs_give_every_word_in_english():
    from interpret.data import default_spec_path

    from .conftest import ROOT

    for path in (default_spec_path(), ROOT / "examples" / "pengeluaran_2022.toml"):
        spec = load_spec(path)
        assert spec.dataset.title_en and spec.dataset.source_en and spec.clustering.k_reason_en
        assert all(f.label_en and f.label_en != f.label for f in spec.features)
        assert all(f.reason_en for f in spec.features if f.reason)
    default = load_spec(default_spec_path())
    assert [f.label_en for f in default.features] == ["Life expectancy at birth (UHH)", "Expected years of schooling (HLS)",
                                                      "Mean years of schooling (RLS)", "Adjusted per capita expenditure"]


def test_english_twins_are_optional_and_parsed():
    import tomllib

    raw = tomllib.loads(SIMPLE_SPEC)
    assert parse_spec(raw).features[0].label_en is None and parse_spec(raw).dataset.title_en is None
    raw["features"][0]["label_en"] = "  Indicator A  "
    raw["dataset"]["title_en"] = "Test data"
    spec = parse_spec(raw)
    assert spec.features[0].label_en == "Indicator A" and spec.dataset.title_en == "Test data"  # stripped


@pytest.mark.parametrize("where, key", [("features", "label_en"), ("dataset", "title_en"), ("dataset", "source_en"),
                                        ("features", "reason_en"), ("clustering", "k_reason_en")])
def test_a_blank_english_twin_is_refused_with_its_key(where, key):
    import tomllib

    raw = tomllib.loads(SIMPLE_SPEC)
    (raw[where][0] if where == "features" else raw[where])[key] = "   "
    with pytest.raises(ConfigError) as info:
        parse_spec(raw, origin="x.toml")
    assert key in str(info.value) and "x.toml" in str(info.value)


def test_english_codes_must_name_codes_of_the_feature():
    import tomllib

    raw = tomllib.loads(SIMPLE_SPEC)
    raw["features"].append({"column": "atap", "label": "Atap", "label_en": "Roof", "kind": "categorical",
                            "codes": {"1": "Genteng", "2": "Seng"}, "codes_en": {"1": "Tiles", "3": "Thatch"}})
    with pytest.raises(ConfigError, match=r"codes_en names 3, which is not a code"):
        parse_spec(raw)
    raw["features"][-1]["codes_en"] = {"1": "Tiles"}
    assert parse_spec(raw).categorical[0].codes_en == {"1": "Tiles"}


def test_an_unknown_language_twin_is_refused():
    import tomllib

    raw = tomllib.loads(SIMPLE_SPEC)
    raw["features"][0]["label_fr"] = "Indicateur A"
    with pytest.raises(ConfigError, match="label_fr"):
        parse_spec(raw)
