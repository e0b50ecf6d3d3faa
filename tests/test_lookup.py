"""The line of each unit from a value, a column, or a lookup table by key (interpret/lookup.py)."""

from __future__ import annotations

import numpy as np
import pytest

from interpret.data import load_dataset
from interpret.errors import ConfigError, DataError

from .support.households import HOUSEHOLD_SPEC_HEAD

SPEC = HOUSEHOLD_SPEC_HEAD + """

[[features]]
column = "kapita"
label = "Pengeluaran per kapita"

[thresholds]
measure = "kapita"
line.lookup = { file = "garisKemiskinan.csv", value = "gk", keys = { prov = "provinsi", periode = "periode", daerah = "daerah" }, number_format = "id" }
"""
# A garisKemiskinan.csv-shaped table: one line per province × period × daerah (Indonesian numbers).
LINES = """provinsi;periode;daerah;gk
Jawa Tengah;2023-03;perkotaan;512.000
Jawa Tengah;2023-03;perdesaan;478.000
Jawa Tengah;2022-09;perkotaan;498.000
DI Yogyakarta;2023-03;perkotaan;601.000
"""
DATA = """id,prov,periode,daerah,kapita
a,Jawa Tengah,2023-03,perkotaan,400000
b,Jawa Tengah,2023-03,perdesaan,500000
c, Jawa Tengah ,2022-09,perkotaan,600000
d,DI Yogyakarta,2023-03,perkotaan,700000
"""


def test_the_line_is_looked_up_by_province_period_and_daerah(write_file):
    write_file("garisKemiskinan.csv", LINES)
    ds = load_dataset(write_file("rt.csv", DATA), write_file("rt.toml", SPEC))
    assert ds.households.line.tolist() == [512_000.0, 478_000.0, 498_000.0, 601_000.0]  # " Jawa Tengah " trimmed
    assert np.allclose(ds.households.ratio, [400 / 512, 500 / 478, 600 / 498, 700 / 601])


def test_a_key_without_a_line_is_an_error_naming_the_key_and_the_file(write_file):
    write_file("garisKemiskinan.csv", LINES)
    data = write_file("rt.csv", DATA + "e,Bali,2023-03,perdesaan,500000\n")
    with pytest.raises(DataError, match=r"1 row\(s\) of .*rt.csv have no line in .*garisKemiskinan.csv: prov = 'Bali', periode = '2023-03', daerah = 'perdesaan'"):
        load_dataset(data, write_file("rt.toml", SPEC))


def test_two_lines_for_one_key_are_refused(write_file):
    write_file("garisKemiskinan.csv", LINES + "Jawa Tengah;2023-03;perkotaan;520.000\n")
    with pytest.raises(DataError, match="more than one line for the key"):
        load_dataset(write_file("rt.csv", DATA), write_file("rt.toml", SPEC))


def test_unknown_lookup_columns_and_a_missing_file_are_config_errors(write_file):
    data = write_file("rt.csv", DATA)
    with pytest.raises(ConfigError, match="Lookup table not found: .*garisKemiskinan.csv"):
        load_dataset(data, write_file("rt.toml", SPEC))
    write_file("garisKemiskinan.csv", LINES)
    with pytest.raises(ConfigError, match="lookup column 'wilayah'"):
        load_dataset(data, write_file("rt2.toml", SPEC.replace('daerah = "daerah"', 'daerah = "wilayah"')))


def test_a_value_or_a_column_gives_the_line_too(write_file):
    value = SPEC.replace('line.lookup = { file = "garisKemiskinan.csv", value = "gk", keys = { prov = "provinsi", periode = "periode", daerah = "daerah" }, number_format = "id" }', "line.value = 500000")
    ds = load_dataset(write_file("rt.csv", DATA), write_file("v.toml", value))
    assert ds.households.line.tolist() == [500_000.0] * 4
    column = value.replace("line.value = 500000", 'line.column = "gk"')
    ds = load_dataset(write_file("rt2.csv", DATA.replace("kapita\n", "kapita,gk\n").replace("000\n", "000,450000\n")), write_file("c.toml", column))
    assert ds.households.line.tolist() == [450_000.0] * 4
