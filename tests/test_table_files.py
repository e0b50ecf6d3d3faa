"""interpret.table_files: a data file read as text cells, each row with its source line."""

from __future__ import annotations

import pytest

from interpret.errors import DataError
from interpret.table_files import ROW, read_table


def test_a_semicolon_csv_keeps_its_text_cells_line_numbers_and_repeated_headers(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("Provinsi;UHH;UHH\nAceh;70,2;1\nBali;72,5;2\n", encoding="utf-8")
    table = read_table(path)
    assert list(table[ROW]) == [2, 3]  # line 1 is the header
    assert table.loc[0, "UHH"] == "70,2"  # text: numbers are parsed later, with the spec's format
    assert table.attrs["repeated_columns"] == ["UHH"]


def test_a_csv_renamed_xlsx_is_told_its_real_extension(tmp_path):
    path = tmp_path / "t.xlsx"
    path.write_text("Provinsi,UHH\nAceh,70\n", encoding="utf-8")
    with pytest.raises(DataError, match="Give the file its real extension"):
        read_table(path)
