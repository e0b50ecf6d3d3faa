"""The household parts of a spec and a data set: categorical features, weights, thresholds
(interpret/spec.py's household block, interpret/households.py)."""

from __future__ import annotations

import pytest

from interpret.data import load_dataset
from interpret.errors import ConfigError, DataError
from interpret.spec import parse_spec

from .support.households import HOUSEHOLD_SPEC_HEAD, categorical_block

BASE = {"dataset": {"name": "rt", "title": "t", "unit": "rumah tangga"}, "id": {"column": "id"}}


def spec(**sections):
    return parse_spec({**BASE, "features": [{"column": "x", "label": "X"}], **sections})


def test_categorical_features_leave_the_numeric_features():
    s = parse_spec({**BASE, "features": [{"column": "x", "label": "X"}, {"column": "atap", "label": "Atap", "kind": "categorical", "codes": {"1": "Genteng", "2": "Seng"}},
                                         {"column": "art", "label": "ART", "direction": "neutral"}]})
    assert [f.name for f in s.features] == ["x", "art"] and s.features[1].direction == "neutral"
    assert [(c.name, c.kind, c.codes) for c in s.categorical] == [("atap", "categorical", {"1": "Genteng", "2": "Seng"})]


def test_a_household_weight_is_the_profiles_weight_and_persons_need_one_source():
    assert spec(weights={"households": "w"}).dataset.weight == "w"
    with pytest.raises(ConfigError, match="weights.persons or weights.household_size, not both"):
        spec(weights={"households": "w", "persons": "p", "household_size": "art"})
    with pytest.raises(ConfigError, match="household_size needs weights.households"):
        spec(weights={"household_size": "art"})


def test_thresholds_need_one_line_and_ordered_classes():
    assert [c.name for c in spec(thresholds={"measure": "kap", "line": {"value": 1}}).thresholds.class_list][:2] == ["sangat_miskin", "miskin"]
    with pytest.raises(ConfigError, match="exactly one of value, column, lookup"):
        spec(thresholds={"measure": "kap", "line": {"value": 1, "column": "gk"}})
    with pytest.raises(ConfigError, match="increasing `below` multiples"):
        spec(thresholds={"measure": "kap", "line": {"value": 1}, "classes": [{"name": "a", "below": 1.0}, {"name": "b", "below": 0.5}, {"name": "c"}]})


CATEGORICAL = HOUSEHOLD_SPEC_HEAD + '\n[[features]]\ncolumn = "x"\nlabel = "X"\n' + categorical_block("atap", "Atap", {1: "Genteng", 2: "Seng"})


def test_a_code_outside_the_spec_is_an_error_naming_the_column_and_line(write_file):
    data = write_file("rt.csv", "id,x,atap\na,1,1\nb,2,7\nc,3,2\n")
    with pytest.raises(DataError, match=r"Column 'atap' of .*rt.csv has 1 value\(s\) that are not among its codes \(1, 2\): line 3 \(b\): '7'"):
        load_dataset(data, write_file("rt.toml", CATEGORICAL))


def test_coded_answers_are_never_clustered_as_numbers(write_file):
    ds = load_dataset(write_file("rt.csv", "id,x,atap\na,1,1\nb,2,2\nc,3,2\n"), write_file("rt.toml", CATEGORICAL))
    assert list(ds.values.columns) == ["x"]
    assert ds.households.categories["atap"].tolist() == ["1", "2", "2"]
    assert ds.households.weighted is False and ds.households.household_weights.tolist() == [1.0, 1.0, 1.0]


def test_an_unknown_household_column_names_the_spec_key(write_file):
    text = CATEGORICAL + '\n[weights]\nhouseholds = "x"\nhousehold_size = "art"\n'
    with pytest.raises(ConfigError, match=r"Unknown column 'art' in the spec \(weights.household_size\)"):
        load_dataset(write_file("rt.csv", "id,x,atap\na,1,1\nb,2,2\nc,3,1\n"), write_file("rt.toml", text))


def test_parquet_numbers_meet_the_spec_codes_and_the_lookup_keys(tmp_path):
    from .test_drafting_households import EXAMPLE, _generator

    _generator().main(["banyumas", str(tmp_path), "--n", "120", "--parquet"])
    spec = EXAMPLE / "rumah_tangga_banyumas.toml"
    text = spec.read_text(encoding="utf-8")
    (tmp_path / spec.name).write_text(text, encoding="utf-8")
    from_csv = load_dataset(tmp_path / "rumah_tangga_banyumas.csv", tmp_path / spec.name)
    from_parquet = load_dataset(tmp_path / "rumah_tangga_banyumas.parquet", tmp_path / spec.name)
    assert from_parquet.households.categories.equals(from_csv.households.categories)
    assert from_parquet.households.line.tolist() == from_csv.households.line.tolist()
    assert from_parquet.households.person_weights.tolist() == pytest.approx(from_csv.households.person_weights.tolist())
