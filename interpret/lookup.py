"""A line per unit (the poverty line, GK): one value, a column of the data, or a lookup from a second table.

The lookup reads a table shaped like BPS's `garisKemiskinan.csv` (one row per province × period ×
daerah) and joins it to the data by key columns (spec `thresholds.line.lookup.keys`: data column →
lookup column). Keys are compared as trimmed text, so "2023" and " 2023" match; a data row whose
key has no line, or a key that matches two lines, is an error naming the file, the key and the rows.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from .errors import ConfigError, DataError
from .spec import LineSpec, LookupSpec


def lookup_path(lookup: LookupSpec, data_path: Path) -> Path:
    """The lookup file: absolute, or relative to the data file's folder."""
    path = Path(lookup.file)
    return path if path.is_absolute() else Path(data_path).parent / path


def line_values(line: LineSpec, table: pd.DataFrame, data_path: Path, parse, read) -> np.ndarray:
    """The line for each row of `table` (float, > 0). `parse(table, column, path)` reads a column as numbers
    with the spec's number format and `read(path)` a table (interpret.data's, passed in: one reader, one parser)."""
    if line.value is not None:
        return np.full(len(table), float(line.value))
    if line.column is not None:
        if line.column not in table.columns:
            raise ConfigError(f"thresholds.line.column = '{line.column}' is not a column of {data_path}. Fix the spec.")
        values = parse(table, line.column, data_path)
        return _checked(values, table, f"column '{line.column}' of {data_path}")
    return _looked_up(line.lookup, table, data_path, parse, read)


def lookup_values(lookup: LookupSpec, table: pd.DataFrame, data_path: Path, parse, read, key: str) -> np.ndarray:
    """A lookup's value for each row of `table` (a derived feature's operand); `key` is the spec key
    named in messages ("lookups.gk")."""
    return _looked_up(lookup, table, data_path, parse, read, key)


def _looked_up(lookup: LookupSpec, table: pd.DataFrame, data_path: Path, parse, read, key: str = "thresholds.line.lookup") -> np.ndarray:
    path = lookup_path(lookup, data_path)
    if not path.is_file():
        raise ConfigError(f"Lookup table not found: {path} (spec {key}.file, relative to the data file's folder). Fix the path.")
    other = read(path)
    columns = ", ".join(c for c in other.columns if c != "__row__")
    for data_column, lookup_column in lookup.keys.items():
        if data_column not in table.columns:
            raise ConfigError(f"{key}.keys names data column '{data_column}', which {data_path} does not have. Fix the spec.")
        if lookup_column not in other.columns:
            raise ConfigError(f"{key}.keys names lookup column '{lookup_column}', which {path} does not have "
                              f"(columns: {columns}). Fix the spec.")
    if lookup.value not in other.columns:
        raise ConfigError(f"{key}.value = '{lookup.value}' is not a column of {path}. Fix the spec.")
    for column, wanted in lookup.where.items():
        if column not in other.columns:
            raise ConfigError(f"{key}.where names column '{column}', which {path} does not have (columns: {columns}). Fix the spec.")
        kept = other[column].astype(str).str.strip() == str(wanted).strip()
        if not kept.any():
            seen = ", ".join(sorted(other[column].astype(str).str.strip().unique())[:12])
            raise ConfigError(f"{key}.where {column} = {wanted!r} keeps no row of {path} (values: {seen}). Fix the spec.")
        other = other[kept].reset_index(drop=True)
    lines = pd.Series(parse(other, lookup.value, path, lookup.number_format), name="__line__")
    keys = pd.DataFrame({d: other[c].astype(str).str.strip().to_numpy() for d, c in lookup.keys.items()})
    keyed = pd.concat([keys, lines], axis=1)
    repeated = keyed.duplicated(list(lookup.keys), keep=False)
    if repeated.any():
        sample = "; ".join(" / ".join(str(v) for v in row) for row in keyed.loc[repeated, list(lookup.keys)].drop_duplicates().head(3).to_numpy())
        raise DataError(f"Lookup table {path} has more than one line for the key(s) {sample}. Keep one row per key, or add a key column to {key}.keys (or a {key}.where).")
    wanted = pd.DataFrame({d: table[d].astype(str).str.strip().to_numpy() for d in lookup.keys})
    joined = wanted.merge(keyed, on=list(lookup.keys), how="left")
    values = joined["__line__"].to_numpy(dtype=float)
    missing = ~np.isfinite(values)
    if missing.any():
        absent = joined.loc[missing, list(lookup.keys)].drop_duplicates().head(3)
        listing = "; ".join(", ".join(f"{k} = '{v}'" for k, v in row.items()) for _, row in absent.iterrows())
        raise DataError(f"{int(missing.sum())} row(s) of {data_path} have no line in {path}: {listing}. Add those keys to the lookup table or fix the data.")
    return _checked(values, table, str(path))


def _checked(values: np.ndarray, table: pd.DataFrame, where: str) -> np.ndarray:
    bad = ~(np.isfinite(values) & (values > 0))
    if bad.any():
        lines = ", ".join(str(r) for r in table["__row__"].to_numpy()[bad][:5]) if "__row__" in table.columns else "?"
        raise DataError(f"The line from {where} must be a positive number; it is not on data line(s) {lines}. Fix the values.")
    return values.astype(float)


__all__ = ["line_values", "lookup_path", "lookup_values"]
