"""Stage 1: reading tables, and every bad-input case the foundation names."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from interpret.data import load_dataset, resolve_inputs
from interpret.errors import ConfigError, DataError

from .conftest import DEFAULT_CSV, ROOT


def test_default_dataset_has_34_provinces_and_bps_national_figures():
    dataset = load_dataset()
    assert len(dataset.values) == 34
    assert dataset.reference.kind == "values" and dataset.reference.publisher == "BPS"
    assert dataset.reference.values == {"UHH": 73.93, "HLS": 13.15, "RLS": 8.77, "Pengeluaran": 11899.0}
    assert "Indeks Pembangunan Manusia 2023" in dataset.reference.source
    assert len(dataset.sha256) == 64


def test_the_mean_reference_is_the_plain_mean_of_the_provinces():
    from .conftest import MEAN_REFERENCE_SPEC

    dataset = load_dataset(None, MEAN_REFERENCE_SPEC)
    assert dataset.reference.kind == "mean"
    assert dataset.reference.values["Pengeluaran"] == pytest.approx(11470, abs=0.5)
    assert dataset.reference.values["UHH"] == pytest.approx(dataset.values["UHH"].mean())


def _reference_spec(write_file, reference: str) -> "Path":
    from .conftest import SIMPLE_SPEC

    return write_file("ref.toml", SIMPLE_SPEC + "\n[reference]\n" + reference)


def test_a_weighted_mean_reference_weighs_large_units_more(write_file):
    data = write_file("w.csv", "Provinsi,A,B,penduduk\nP1,70,100,1\nP2,72,200,1\nP3,80,300,8\n")
    dataset = load_dataset(data, _reference_spec(write_file, 'kind = "weighted_mean"\nweight = "penduduk"\n'))
    assert dataset.reference.kind == "weighted_mean" and dataset.reference.weight == "penduduk"
    assert dataset.reference.values["A"] == pytest.approx((70 + 72 + 8 * 80) / 10)
    assert dataset.reference.values["A"] > dataset.values["A"].mean()  # the plain mean would be 74
    with pytest.raises(ConfigError, match="reference.weight = 'jiwa' is not a column of .*w.csv.*penduduk"):
        load_dataset(data, _reference_spec(write_file, 'kind = "weighted_mean"\nweight = "jiwa"\n'))


def test_published_values_are_the_reference_and_an_aggregate_row_stays_out(write_file):
    data = write_file("v.csv", "Provinsi,A,B\nP1,70,100\nP2,72,200\nP3,74,300\nINDONESIA,71,150\n")
    dataset = load_dataset(data, _reference_spec(write_file, 'kind = "values"\nvalues = { A = 73.5, B = 250 }\nsource = "Lembaga X, 2024"\n'))
    assert dataset.reference.values == {"A": 73.5, "B": 250.0} and dataset.reference.source == "Lembaga X, 2024"
    assert "INDONESIA" not in dataset.values.index


def test_long_table_filters_and_pivot(long_expenditure):
    dataset = load_dataset(long_expenditure, ROOT / "examples" / "pengeluaran_2022.toml")
    assert list(dataset.values.columns) == ["Pangsa makanan", "Rasio GK"]
    assert len(dataset.values) == 12 and "INDONESIA" not in dataset.values.index


def test_pivot_without_enough_filters_refuses_to_average_totals_with_parts(long_expenditure, write_file):
    text = (ROOT / "examples" / "pengeluaran_2022.toml").read_text(encoding="utf-8")
    text = text.replace('[[filters]]\ncolumn = "daerah"\nequals = "PERDESAANPERKOTAAN"\n', "")
    spec = write_file("loose.toml", text)
    with pytest.raises(DataError, match="several rows per \\(provinsi, jenis\\).*double count"):
        load_dataset(long_expenditure, spec)


def test_structural_missing_values_are_named(long_expenditure, write_file):
    text = (ROOT / "examples" / "pengeluaran_2022.toml").read_text(encoding="utf-8").replace('equals = "PERDESAANPERKOTAAN"', 'equals = "PERDESAAN"')
    spec = write_file("rural.toml", text)
    with pytest.raises(DataError, match="missing values for 1 unit\\(s\\): DKI JAKARTA"):
        load_dataset(long_expenditure, spec)
    dropped = load_dataset(long_expenditure, write_file("drop.toml", text.replace('year = 2022', 'year = 2022\nmissing = "drop"')))
    assert "DKI JAKARTA" not in dropped.values.index and dropped.dropped[0][0] == "DKI JAKARTA"


def test_xlsx_and_parquet_are_read(tmp_path, simple_spec):
    frame = pd.DataFrame({"Provinsi": ["P1", "P2", "P3"], "A": [70.1, 71.2, 72.3], "B": [100, 200, 300]})
    frame.to_excel(tmp_path / "t.xlsx", index=False)
    frame.to_parquet(tmp_path / "t.parquet", index=False)
    for name in ("t.xlsx", "t.parquet"):
        values = load_dataset(tmp_path / name, simple_spec).values
        assert values.loc["P2", "A"] == pytest.approx(71.2)




def test_a_folder_of_parquet_files_is_one_table(tmp_path, simple_spec):
    """A partitioned Parquet data set (as the Dask engine's library path reads it, docs/dask.md)."""
    folder = tmp_path / "parts"
    folder.mkdir()
    frame = pd.DataFrame({"Provinsi": ["P1", "P2", "P3", "P4"], "A": [70.1, 71.2, 72.3, 69.0], "B": [100, 200, 300, 50]})
    frame.iloc[:2].to_parquet(folder / "part-0.parquet", index=False)
    frame.iloc[2:].to_parquet(folder / "part-1.parquet", index=False)
    values = load_dataset(folder, simple_spec).values
    assert sorted(values.index) == ["P1", "P2", "P3", "P4"] and values.loc["P4", "B"] == 50
    (tmp_path / "empty").mkdir()
    with pytest.raises(DataError, match="is a folder"):
        load_dataset(tmp_path / "empty", simple_spec)
# --- bad input: each names the file/column/row and the fix -------------------------------------

def test_missing_file(tmp_path, simple_spec):
    with pytest.raises(DataError, match="Data file not found: .*absent.csv"):
        load_dataset(tmp_path / "absent.csv", simple_spec)


def test_unreadable_format(write_file, simple_spec):
    with pytest.raises(DataError, match="Unreadable format .*'.json'"):
        load_dataset(write_file("t.json", "{}"), simple_spec)


def test_unknown_column_in_spec(write_file, simple_spec):
    data = write_file("t.csv", "Provinsi,A,b\nP1,1,2\nP2,3,4\n")
    with pytest.raises(ConfigError, match="Unknown column 'B' in the spec.*Did you mean 'b'"):
        load_dataset(data, simple_spec)


def test_non_numeric_values_show_the_first_offending_rows(write_file, simple_spec):
    data = write_file("t.csv", "Provinsi,A,B\nP1,70,1\nP2,tujuh puluh,2\nP3,72,3\nP4,n/a,4\n")
    with pytest.raises(DataError) as info:
        load_dataset(data, simple_spec)
    message = str(info.value)
    assert "column 'A'" in message and "line 3 (P2): 'tujuh puluh'" in message and "line 5 (P4): 'n/a'" in message


def test_all_missing_feature(write_file, simple_spec):
    data = write_file("t.csv", "Provinsi,A,B\nP1,,1\nP2,,2\nP3,,3\n")
    with pytest.raises(DataError, match="'A' .* has no values at all"):
        load_dataset(data, simple_spec)


def test_constant_feature(write_file, simple_spec):
    data = write_file("t.csv", "Provinsi,A,B\nP1,5,1\nP2,5,2\nP3,5,3\n")
    with pytest.raises(DataError, match="'A' .* is constant"):
        load_dataset(data, simple_spec)


def test_duplicate_ids(write_file, simple_spec):
    data = write_file("t.csv", "Provinsi,A,B\nP1,5,1\nP2,6,2\nP1,7,3\n")
    with pytest.raises(DataError, match="Duplicate ids in column 'Provinsi'.*'P1' on lines 2, 4"):
        load_dataset(data, simple_spec)


def test_filter_that_keeps_nothing(long_expenditure, write_file):
    text = (ROOT / "examples" / "pengeluaran_2022.toml").read_text(encoding="utf-8").replace("equals = 2022", "equals = 1999")
    with pytest.raises(ConfigError, match="Filter tahun = \\[1999\\] keeps no row"):
        load_dataset(long_expenditure, write_file("f.toml", text))


def test_embedded_csv_is_the_shared_default():
    assert pd.read_csv(DEFAULT_CSV).shape == (34, 5)


# --- one number format per file (issue 11) -------------------------------------------------------

def _indonesian_default(tmp_path, *, whole_numbers: bool = False):
    table = pd.read_csv(DEFAULT_CSV, dtype=str)
    for column in ("UHH", "HLS", "RLS"):
        table[column] = [str(round(float(v))) if whole_numbers else v.replace(".", ",") for v in table[column]]
    table["Pengeluaran"] = [f"{int(v):,}".replace(",", ".") for v in table["Pengeluaran"]]
    path = tmp_path / "ipm_id.csv"
    table.to_csv(path, sep=";", index=False)
    spec = tmp_path / "ipm.toml"
    spec.write_text((ROOT / "interpret" / "datasets" / "ipm_2023_provinsi.toml").read_text(encoding="utf-8").replace('file = "ipm_2023_provinsi.csv"', ""), encoding="utf-8")
    return path, spec


def test_indonesian_default_table_is_read_as_published(tmp_path):
    """73,06 decides the file: 10.334 is then ten thousand, not ten (the factor-1 000 misreading)."""
    path, spec = _indonesian_default(tmp_path)
    values = load_dataset(path, spec).values
    published = load_dataset().values
    assert values.loc["Aceh", "Pengeluaran"] == 10334 and values.loc["Aceh", "UHH"] == pytest.approx(73.06)
    pd.testing.assert_frame_equal(values, published)


def test_a_file_that_reads_two_ways_is_refused_with_both_readings(tmp_path):
    path, spec = _indonesian_default(tmp_path, whole_numbers=True)
    with pytest.raises(DataError) as info:
        load_dataset(path, spec)
    message = str(info.value)
    assert "column 'Pengeluaran'" in message and "'10.334' is 10.334" in message and "or 10334" in message
    assert 'number_format = "id"' in message
    declared = tmp_path / "declared.toml"
    text = spec.read_text(encoding="utf-8").replace('unit_plural = "provinsi"', 'unit_plural = "provinsi"\nnumber_format = "id"')
    declared.write_text(text, encoding="utf-8")
    assert load_dataset(path, declared).values.loc["Aceh", "Pengeluaran"] == 10334


def test_one_reading_for_the_whole_file_not_per_column(write_file, simple_spec):
    """73.13 only reads as English, so the whole file is English and 1.500 is one and a half."""
    data = write_file("en.csv", "Provinsi,A,B\nP1,73.13,1.500\nP2,70.5,2.250\nP3,71.25,3.125\n")
    assert load_dataset(data, simple_spec).values.loc["P1", "B"] == 1.5


@pytest.mark.parametrize("text, needle", [
    ("Provinsi,A,B,A\nP1,70,1,9\nP2,72,2,9\nP3,74,3,9\n", "Column 'A' appears more than once"),
    ("Provinsi,A,B\nP1,70,1\nNaN,72,2\nP3,74,3\n", "Missing id in column 'Provinsi'.*line 3: 'NaN'"),
    ("Provinsi,A,B\nP1,70,1\nNone,72,2\nP3,74,3\n", "line 3: 'None'"),
    ("Provinsi,A,B\nP1,70,1\nP;2,72,2\nP3,74,3\n", "line 3: 'P;2'"),
    ('Provinsi,A,B\nP1,70,1\n"P\n2",72,2\nP3,74,3\n', "line break"),
    ("Provinsi,A,B\nP1,70,1\nP2,1e308,2\nP3,74,3\n", "'A' .* holds 1e\\+308 on line 3 \\(P2\\)"),
    ("Provinsi,A,B\nP1,70,1\nP2,1e999,2\nP3,74,3\n", "'A' .* holds inf on line 3"),
    ("Provinsi,A,B\nP1,70,1\nP2,72,2\n", "has 2 provinsi to cluster \\(P1, P2\\)"),
])
def test_cells_that_cannot_be_clustered_are_named(write_file, simple_spec, text, needle):
    with pytest.raises(DataError, match=needle):
        load_dataset(write_file("t.csv", text), simple_spec)


def test_infinite_value_in_parquet_is_named_not_called_constant(tmp_path, simple_spec):
    pd.DataFrame({"Provinsi": ["P1", "P2", "P3"], "A": [70.0, float("inf"), 72.0], "B": [1, 2, 3]}).to_parquet(tmp_path / "t.parquet")
    with pytest.raises(DataError, match="'A' .* holds inf on line 3 \\(P2\\)"):
        load_dataset(tmp_path / "t.parquet", simple_spec)


def test_encodings_get_the_fix(tmp_path, simple_spec):
    text = "Provinsi,A,B\nAcéh,70,1\nP2,72,2\nP3,74,3\n"
    (tmp_path / "latin.csv").write_bytes(text.encode("latin-1"))
    with pytest.raises(DataError, match='not utf-8 text.*encoding = "latin-1"'):
        load_dataset(tmp_path / "latin.csv", simple_spec)
    (tmp_path / "utf16.csv").write_bytes(text.encode("utf-16"))
    with pytest.raises(DataError, match="UTF-16.*Save it as UTF-8"):
        load_dataset(tmp_path / "utf16.csv", simple_spec)
    declared = tmp_path / "latin.toml"
    declared.write_text(simple_spec.read_text(encoding="utf-8").replace('unit = "provinsi"', 'unit = "provinsi"\nencoding = "latin-1"'), encoding="utf-8")
    assert "Acéh" in load_dataset(tmp_path / "latin.csv", declared).values.index


@pytest.mark.parametrize("name, content, needle", [
    ("t.xlsx", b"Provinsi,A,B\nP1,1,2\n", "not an Excel workbook: its content is text"),
    ("t.xlsx", b"PK\x03\x04broken", "Cannot read .*t.xlsx"),
    ("t.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64, "old Excel .xls workbook.*Save it as .xlsx"),
])
def test_excel_files_that_are_not_what_they_say(tmp_path, simple_spec, name, content, needle):
    (tmp_path / name).write_bytes(content)
    with pytest.raises(DataError, match=needle):
        load_dataset(tmp_path / name, simple_spec)


def test_a_word_after_a_switch_is_named_as_a_missing_data_file_not_a_missing_spec():
    # "interpret run --pdf off": "off" is the DATA argument; saying it needs a spec would send the analyst the wrong way
    with pytest.raises(DataError, match=r"Data file not found: off\b.*--no-pdf"):
        resolve_inputs(Path("off"), None)
