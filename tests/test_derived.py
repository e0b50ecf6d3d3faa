"""Derived features on a table (interpret/derived.py): columns and a lookup table, read through the
shipped pengeluaran example on a generated table shaped like the Kaggle files (never the files)."""

from __future__ import annotations

import pandas as pd
import pytest

from interpret.data import load_dataset
from interpret.errors import ConfigError, DataError

from .conftest import ROOT


def test_derived_features_read_columns_and_a_lookup_table(long_expenditure):
    dataset = load_dataset(long_expenditure, ROOT / "examples" / "pengeluaran_2022.toml")
    table = pd.read_csv(long_expenditure)
    lines = pd.read_csv(long_expenditure.parent / "garisKemiskinan.csv")
    row = table[(table.tahun == 2022) & (table.daerah == "PERDESAANPERKOTAAN") & (table.provinsi == "BALI")].set_index("jenis")["peng"]
    gk = lines[(lines.tahun == 2022) & (lines.periode == "MARET") & (lines.daerah == "PERDESAANPERKOTAAN")
               & (lines.jenis == "TOTAL") & (lines.provinsi == "BALI")]["gk"].item()
    assert dataset.values.loc["BALI", "Pangsa makanan"] == pytest.approx(100 * row["MAKANAN"] / row["TOTAL"])
    assert dataset.values.loc["BALI", "Rasio GK"] == pytest.approx(row["TOTAL"] / gk)
    # the INDONESIA row is computed the same way and is the reference, never a unit
    assert dataset.reference.kind == "row" and "INDONESIA" not in dataset.values.index
    national = table[(table.tahun == 2022) & (table.daerah == "PERDESAANPERKOTAAN") & (table.provinsi == "INDONESIA")].set_index("jenis")["peng"]
    assert dataset.reference.values["Pangsa makanan"] == pytest.approx(100 * national["MAKANAN"] / national["TOTAL"])


def test_a_derived_feature_naming_an_unknown_column_or_dividing_by_zero_is_refused(long_expenditure, write_file):
    text = (ROOT / "examples" / "pengeluaran_2022.toml").read_text(encoding="utf-8")
    with pytest.raises(ConfigError, match=r"expression = \"100 \* MAKANAN / TOTL\" names 'TOTL', which is neither a column.*nor a \[\[lookups\]\] name \(gk\)"):
        load_dataset(long_expenditure, write_file("typo.toml", text.replace('"100 * MAKANAN / TOTAL"', '"100 * MAKANAN / TOTL"')))
    with pytest.raises(ConfigError, match=r"lookups 'gk'.where periode = 'JUNI' keeps no row"):
        load_dataset(long_expenditure, write_file("juni.toml", text.replace('periode = "MARET"', 'periode = "JUNI"')))
    frame = pd.read_csv(long_expenditure)
    frame.loc[(frame.provinsi == "ACEH") & (frame.jenis == "TOTAL"), "peng"] = 0
    frame.to_csv(long_expenditure, index=False)
    with pytest.raises(DataError, match=r"Derived feature 'Pangsa makanan' = 100 \* MAKANAN / TOTAL divides by zero on line \d+ \(ACEH\)"):
        load_dataset(long_expenditure, ROOT / "examples" / "pengeluaran_2022.toml")


def test_indonesian_number_formats_are_parsed(write_file, simple_spec):
    data = write_file("id.csv", "Provinsi;A;B\nP1;73,13;1.327.782\nP2;70,5;884.102\nP3;71,25;2.525.347\n")
    values = load_dataset(data, simple_spec).values
    assert values.loc["P1", "A"] == 73.13
    assert values.loc["P3", "B"] == 2525347


def test_aggregate_row_is_the_reference_and_never_a_unit(write_file, simple_spec):
    data = write_file("agg.csv", "Provinsi,A,B\nP1,70,100\nP2,72,200\nP3,74,300\nINDONESIA,71,150\n")
    dataset = load_dataset(data, simple_spec)
    assert "INDONESIA" not in dataset.values.index
    assert dataset.reference.kind == "row" and dataset.reference.values == {"A": 71.0, "B": 150.0}
