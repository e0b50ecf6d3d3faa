"""Reading a data file as a table of text cells: CSV (its delimiter sniffed, its encoding checked),
Excel (the file checked to be what its extension says) and Parquet (a file or a partitioned folder).

Every cell stays text here; numbers are parsed later in interpret.data with the spec's number format.
Each row keeps its line number in the source file (`ROW`) so that later messages can name it.
"""

from __future__ import annotations

import codecs
import csv
import io
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd

from .errors import DataError

ROW = "__row__"  # the row's line number in the source file, kept through filters for messages


def read_table(path: Path, sheet: str | int | None = None, encoding: str = "utf-8") -> pd.DataFrame:
    """Read every cell as text (numbers are parsed later, with the spec's number format)."""
    if not path.exists():
        raise DataError(f"Data file not found: {path}. Check the path, or run without DATA to use the embedded data set.")
    if path.is_dir() and not any(path.glob("*.parquet")):
        raise DataError(f"Data path {path} is a folder; pass a CSV, XLSX or Parquet file (or a folder of .parquet files).")
    suffix = path.suffix.lower()
    try:
        if suffix in {".csv", ".txt", ".tsv"}:
            table, header = _read_csv(path, encoding)
        elif suffix in {".xlsx", ".xlsm", ".xls"}:
            _check_excel(path, suffix)
            sheet_name = sheet if sheet is not None else 0
            table = pd.read_excel(path, sheet_name=sheet_name, dtype=str)
            header = list(pd.read_excel(path, sheet_name=sheet_name, header=None, nrows=1, dtype=str).iloc[0]) if len(table.columns) else []
        elif suffix in {".parquet", ".pq"} or path.is_dir():  # a folder: a partitioned Parquet data set
            _require("pyarrow", "parquet")
            table = pd.read_parquet(path)
            header = list(table.columns)
        else:
            raise DataError(
                f"Unreadable format for {path}: '{suffix or 'no extension'}'. Use .csv, .xlsx or .parquet."
            )
    except DataError:
        raise
    except UnicodeDecodeError as exc:
        raise DataError(_encoding_message(path, encoding, exc)) from None
    except (pd.errors.ParserError, pd.errors.EmptyDataError, ValueError, OSError, zipfile.BadZipFile, KeyError) as exc:
        raise DataError(f"Cannot read {path} as {suffix.lstrip('.').upper()}: {exc}. Check that the file is not damaged and has a header row.") from None
    if table.empty or len(table.columns) == 0:
        raise DataError(f"{path} has no data rows. Check the file and its header row.")
    table.columns = [str(c).strip() for c in table.columns]
    names = [str(c).strip() for c in header]
    # pandas renames a repeated header ("UHH", "UHH.1"): remember the repeats so a spec column is never silently the first copy
    table.attrs["repeated_columns"] = sorted({n for n in names if names.count(n) > 1 and n and n.lower() != "nan"})
    table.insert(0, ROW, np.arange(len(table)) + 2)  # line 1 is the header
    return table


def _read_csv(path: Path, encoding: str = "utf-8") -> tuple[pd.DataFrame, list[str]]:
    codec = "utf-8-sig" if codecs.lookup(encoding).name == "utf-8" else encoding
    with path.open("rb") as handle:
        start = handle.read(4)
    if codec == "utf-8-sig" and start[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise DataError(f"{path} is UTF-16 text. Save it as UTF-8 (Excel: \"CSV UTF-8\"), or set encoding = \"utf-16\" in the spec's [dataset].")
    with path.open("r", encoding=codec, errors="strict") as handle:
        sample = handle.read(65536)
    if not sample.strip():
        raise DataError(f"{path} is empty. Pass a table with a header row and one row per unit.")
    if "\x00" in sample:
        raise DataError(f"{path} is not a text table (it holds NUL bytes). Pass a CSV saved as UTF-8 text, or an .xlsx/.parquet file under its own extension.")
    try:
        delimiter = csv.Sniffer().sniff(sample, delimiters=",;\t|").delimiter
    except csv.Error:
        delimiter = ","
    table = pd.read_csv(path, sep=delimiter, dtype=str, keep_default_na=False, encoding=codec)
    header = next(csv.reader(io.StringIO(sample), delimiter=delimiter), [])
    return table, header


def _encoding_message(path: Path, encoding: str, exc: UnicodeDecodeError) -> str:
    return (
        f"{path} is not {encoding} text (byte 0x{exc.object[exc.start]:02x} at position {exc.start}). Save it as UTF-8 "
        "(Excel: \"CSV UTF-8\"), or name its encoding in the spec's [dataset], e.g. encoding = \"latin-1\" or \"cp1252\"."
    )


_EXCEL_MAGIC = {".xlsx": b"PK\x03\x04", ".xlsm": b"PK\x03\x04", ".xls": b"\xd0\xcf\x11\xe0"}


def _check_excel(path: Path, suffix: str) -> None:
    """The file is what its extension says: a CSV renamed .xlsx or an old .xls gets the fix, not a library's riddle."""
    with path.open("rb") as handle:
        start = handle.read(8)
    if suffix == ".xls" or start.startswith(_EXCEL_MAGIC[".xls"]):
        try:
            __import__("xlrd")
        except ImportError:
            raise DataError(f"{path} is an old Excel .xls workbook, which interpret does not read. Save it as .xlsx or as CSV UTF-8.") from None
        return
    if not start.startswith(_EXCEL_MAGIC[suffix]):
        looks = "text (a CSV renamed .xlsx?)" if start and all(32 <= b < 127 or b in (9, 10, 13) for b in start) else "neither an .xlsx nor a text file"
        raise DataError(f"{path} is not an Excel workbook: its content is {looks}. Give the file its real extension (.csv), or save it from Excel as .xlsx.")
    _require("openpyxl", "xlsx")


def _require(module: str, extra: str) -> None:
    try:
        __import__(module)
    except ImportError:
        raise DataError(f"Reading this format needs {module}: pip install 'interpret[{extra}]'.") from None

