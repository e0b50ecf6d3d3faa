"""Stage 1: read a table (CSV, XLSX, Parquet) through its spec into a clean numeric `Dataset`.

Filters and the long→wide pivot run before anything is parsed, so a long BPS table such as
pengeluaran.csv becomes one row per province. The national aggregate row (e.g. INDONESIA) is found,
kept aside as the reference when the spec allows, and never clustered.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Literal

import numpy as np
import pandas as pd

from .errors import ConfigError, DataError
from .derived import derived_values, operand_columns
from .households import HouseholdData, household_data
from .numbers import NumberLocale, candidate_locales
from .spec import Spec, load_spec
from .table_files import ROW as _ROW, read_table

AGGREGATE_NAMES = {"INDONESIA", "NASIONAL", "NATIONAL", "TOTAL", "JUMLAH", "SELURUH INDONESIA"}
DEFAULT_DATASET = "ipm_2023_provinsi"
EMPTY_CELLS = ["", "nan", "NaN", "NA", "-", "…"]
NULL_IDS = {"nan", "none", "null", "na", "n/a", "<na>", "#n/a", "nat"}  # what a spreadsheet or pandas writes for an empty cell
MAX_ABS_VALUE = 1e100  # squares of larger values overflow float64 in the scaling and the distances


@dataclass(frozen=True)
class Reference:
    """The national reference every cluster is compared with."""

    kind: Literal["row", "mean", "weighted_mean", "values"]
    label: str
    values: dict[str, float]
    row_id: str | None = None
    source: str | None = None  # of published figures (kind "values")
    publisher: str | None = None
    weight: str | None = None  # the column of a weighted mean


@dataclass(frozen=True)
class Dataset:
    spec: Spec
    path: Path
    sha256: str
    size_bytes: int
    values: pd.DataFrame  # index: unit ids (str), columns: feature names, float
    reference: Reference
    dropped: list[tuple[str, str]] = field(default_factory=list)
    weights: np.ndarray | None = None  # survey weights aligned with `values` (spec dataset.weight)
    households: HouseholdData | None = None  # weights by unit counted, the line, coded answers (interpret.households)

    @property
    def ids(self) -> list[str]:
        return list(self.values.index)


def default_spec_path() -> Path:
    return Path(str(resources.files("interpret") / "datasets" / f"{DEFAULT_DATASET}.toml"))


def resolve_inputs(data: Path | None, spec_path: Path | None) -> tuple[Path, Spec]:
    """Pair a data file with its spec: the embedded default, a spec naming its file, or both given."""
    if data is None and spec_path is None:
        spec_path = default_spec_path()
    if spec_path is None and data is not None and not Path(data).exists():
        # "interpret run --pdf off": a switch takes no value, so "off" became the DATA argument
        hint = "; a switch takes no value (write --no-pdf, not --pdf off)" if not Path(data).suffix else ""
        raise DataError(f"Data file not found: {data}. Give the path of a CSV, Excel or Parquet file{hint}.")
    if spec_path is None:
        raise ConfigError(
            f"No spec given for {data}. Pass --spec FILE.toml describing its id and feature columns "
            "(examples/ has working specs; docs/spec.md describes the format)."
        )
    spec = load_spec(spec_path)
    if data is None:
        if not spec.dataset.file:
            raise ConfigError(
                f"Spec {spec_path} names no data file (`dataset.file`) and no DATA argument was "
                "given. Pass the table as the first argument: interpret run DATA --spec SPEC."
            )
        data = Path(spec_path).parent / spec.dataset.file
    return Path(data), spec


def load_dataset(data: Path | None = None, spec_path: Path | None = None) -> Dataset:
    """Load and validate the table; with no arguments, the embedded IPM 2023 data set."""
    path, spec = resolve_inputs(data, spec_path)
    table = read_table(path, sheet=spec.dataset.sheet, encoding=spec.dataset.encoding)
    return prepare(table, spec, path)


def prepare(table: pd.DataFrame, spec: Spec, path: Path) -> Dataset:
    _check_columns(table, spec, path)
    table = _apply_filters(table, spec, path)
    if spec.pivot is not None:
        table = _pivot(table, spec, path)
    id_col = spec.id.column
    table[id_col] = table[id_col].astype(str).str.strip()
    _check_duplicate_ids(table, id_col, path)

    operands = operand_columns(table, spec, path, _ROW)
    extra = [c for c in (spec.dataset.weight, spec.reference.weight) if c and c in table.columns]  # an unknown reference.weight is named below
    locale = file_number_locale(table, [f.column for f in spec.features if f.expression is None] + operands + extra, spec, path)
    numeric = pd.DataFrame(index=table[id_col].to_list())
    derived = derived_values(table, spec, path, lambda t, name: _parse_column(t, name, spec.id.column, spec, path, locale), _parser(spec), read_table)
    for feature in spec.features:
        numeric[feature.name] = derived[feature.name] if feature.expression else _parse_column(table, feature.column, id_col, spec, path, locale)
    _check_finite(numeric, table, spec, path)

    aggregate = _find_aggregate(numeric.index, spec, path)
    units = numeric.drop(index=[aggregate]) if aggregate else numeric

    dropped: list[tuple[str, str]] = []
    missing = units.isna()
    for feature in spec.features:
        col = units[feature.name]
        if col.isna().all():
            raise DataError(f"Feature column '{feature.column}' in {path} has no values at all. Remove it from the spec or fix the file.")
    if missing.any().any():
        rows = missing.any(axis=1)
        detail = "; ".join(
            f"{uid} ({', '.join(missing.columns[missing.loc[uid]])})" for uid in units.index[rows][:8]
        )
        if spec.dataset.missing == "drop":
            dropped = [(uid, "nilai kosong: " + ", ".join(missing.columns[missing.loc[uid]])) for uid in units.index[rows]]
            units = units[~rows]
        else:
            raise DataError(
                f"{path} has missing values for {int(rows.sum())} unit(s): {detail}. Missing is not zero: "
                "choose a filter that gives complete rows (e.g. another year or daerah), or set "
                "dataset.missing = \"drop\" in the spec to leave those units out (the brief lists them)."
            )
    if len(units) < 3:
        raise DataError(
            f"{path} has {len(units)} {spec.unit_plural} to cluster ({', '.join(units.index) or 'none'}) after the filters: "
            "a clustering needs at least 3 units. Pass the full table, or loosen the spec's [[filters]]."
        )
    for feature in spec.features:
        col = units[feature.name]
        if col.nunique() < 2:
            raise DataError(
                f"Feature column '{feature.column}' in {path} is constant ({col.iloc[0]}) across all units: "
                "it cannot separate clusters. Remove it from the spec's [[features]]."
            )

    reference = _reference(numeric, units, aggregate, spec, table, path, locale)
    weights = None
    if spec.dataset.weight:
        weights, reference = _survey_weights(table, units, reference, spec, path)
    households = household_data(table, units.index, spec, path, _parser(spec), read_table, weights)
    return Dataset(
        spec=spec,
        path=path,
        sha256=_sha256(path),
        size_bytes=sum(file.stat().st_size for file in _files(path)),
        values=units.astype(float),
        reference=reference,
        dropped=dropped,
        weights=weights,
        households=households,
    )


def _parser(spec: Spec):
    """The number parser for a column of any table read for this spec (the lookup table has no id
    column, and may write numbers its own way: `number_format`)."""
    def parse(table: pd.DataFrame, column: str, path: Path, number_format: str | None = None) -> np.ndarray:
        own = spec if number_format is None else spec.model_copy(update={"dataset": spec.dataset.model_copy(update={"number_format": number_format})})
        return _parse_column(table, column, spec.id.column if spec.id.column in table.columns else _ROW, own, path)
    return parse


def _check_columns(table: pd.DataFrame, spec: Spec, path: Path) -> None:
    needed: list[tuple[str, str]] = [(f.column, f"[[features]] column") for f in spec.features if spec.pivot is None and f.expression is None]
    needed += [(flt.column, "[[filters]] column") for flt in spec.filters]
    if spec.pivot is not None:
        needed += [(spec.pivot.index, "pivot.index"), (spec.pivot.columns, "pivot.columns"), (spec.pivot.values, "pivot.values")]
    else:
        needed.append((spec.id.column, "id.column"))
    if spec.dataset.weight:
        needed.append((spec.dataset.weight, "dataset.weight"))
    available = [c for c in table.columns if c != _ROW]
    repeated = [c for c, _ in needed if c in table.attrs.get("repeated_columns", ())]
    if repeated:
        raise DataError(
            f"Column '{repeated[0]}' appears more than once in the header of {path}: the spec cannot tell which copy to read. "
            "Rename or delete the extra copy."
        )
    for column, key in needed:
        if column not in table.columns:
            close = [c for c in available if c.lower() == column.lower()]
            hint = f" Did you mean '{close[0]}'?" if close else ""
            raise ConfigError(
                f"Unknown column '{column}' in the spec ({key}): {path} has columns "
                f"{', '.join(available)}.{hint} Fix the spec."
            )


def _apply_filters(table: pd.DataFrame, spec: Spec, path: Path) -> pd.DataFrame:
    for flt in spec.filters:
        wanted = [flt.equals] if flt.one_of is None else flt.one_of
        if wanted == [None]:
            raise ConfigError(f"Filter on '{flt.column}' needs `equals` or `one_of`. Fix the spec.")
        text = table[flt.column].astype(str).str.strip()
        keep = text.isin([str(w) for w in wanted])
        if not keep.any():
            seen = ", ".join(sorted(text.unique())[:12])
            raise ConfigError(
                f"Filter {flt.column} = {wanted} keeps no row of {path}. Values present: {seen}. Fix the filter in the spec."
            )
        table = table[keep]
    return table


def _pivot(table: pd.DataFrame, spec: Spec, path: Path) -> pd.DataFrame:
    p = spec.pivot
    dupes = table.duplicated([p.index, p.columns], keep=False)
    if dupes.any():
        sample = table.loc[dupes, [_ROW, p.index, p.columns]].head(4)
        rows = "; ".join(f"line {r[_ROW]}: {r[p.index]} / {r[p.columns]}" for _, r in sample.iterrows())
        raise DataError(
            f"{path} has several rows per ({p.index}, {p.columns}) after the filters ({rows}). "
            "Add [[filters]] (e.g. on year or daerah) so each pair is one row: averaging totals "
            "with their parts would double count."
        )
    wide = table.pivot(index=p.index, columns=p.columns, values=p.values)
    first_line = table.groupby(p.index)[_ROW].min()
    wide = wide.reset_index()
    wide.columns.name = None
    wide.insert(0, _ROW, wide[p.index].map(first_line).to_numpy())
    if spec.id.column != p.index:
        wide = wide.rename(columns={p.index: spec.id.column})
    for feature in spec.features:
        if feature.expression is None and feature.column not in wide.columns:
            present = ", ".join(str(c) for c in wide.columns if c not in {_ROW, spec.id.column})
            raise ConfigError(
                f"Feature '{feature.column}' is not a value of pivot column '{p.columns}' in {path} "
                f"(after filters: {present}). Fix [[features]] column in the spec."
            )
    return wide


def _check_duplicate_ids(table: pd.DataFrame, id_col: str, path: Path) -> None:
    dupes = table[table[id_col].duplicated(keep=False)]
    if not dupes.empty:
        listing = "; ".join(f"'{i}' on lines {', '.join(str(r) for r in g[_ROW])}" for i, g in dupes.groupby(id_col))
        raise DataError(f"Duplicate ids in column '{id_col}' of {path}: {listing}. Each unit must appear once: remove the repeats or add a filter.")
    empty = table[table[id_col] == ""]
    if not empty.empty:
        raise DataError(f"Empty id in column '{id_col}' of {path} on line(s) {', '.join(str(r) for r in empty[_ROW][:5])}. Fill in the unit name.")
    null = table[table[id_col].str.lower().isin(NULL_IDS)]
    if not null.empty:
        cells = ", ".join(f"line {r[_ROW]}: '{r[id_col]}'" for _, r in null.head(5).iterrows())
        raise DataError(f"Missing id in column '{id_col}' of {path} ({cells}): a spreadsheet's empty-cell marker is not a unit name. Fill in the unit name or delete the row.")
    broken = table[table[id_col].str.contains(r"[;\x00-\x1f\x7f]", regex=True)]
    if not broken.empty:
        cells = ", ".join(f"line {r[_ROW]}: {r[id_col]!r}" for _, r in broken.head(5).iterrows())
        raise DataError(
            f"Id(s) in column '{id_col}' of {path} hold a ';', a line break or another control character ({cells}). "
            "The brief lists members separated by ';' and one per line: rename the unit(s) without them."
        )


def _cells(table: pd.DataFrame, column: str) -> tuple[pd.Series, pd.Series]:
    """A column's cells as cleaned text, and which of them are empty."""
    text = table[column].astype(str).str.strip().str.replace("\u00a0", "", regex=False)
    return text, text.isin(EMPTY_CELLS)


def file_number_locale(table: pd.DataFrame, columns: list[str], spec: Spec, path: Path) -> NumberLocale:
    """One number format for the whole file: the spec's `number_format`, else the one reading under which
    every numeric cell of every column parses. A file whose cells all admit both readings with different
    values ("10.334": 10 334 or 10,334) is refused with both readings shown: guessing would be off by 1 000."""
    candidates = candidate_locales(spec.dataset.number_format)
    texts = [(c, *_cells(table, c)) for c in columns if not pd.api.types.is_numeric_dtype(table[c])]
    if len(candidates) == 1 or not texts:
        return candidates[0]
    readable = [loc for loc in candidates if not any(_convert(text, empty, loc)[1].any() for _, text, empty in texts)]
    if len(readable) != 1:
        if not readable:  # neither reads every cell: the reading with fewer bad cells names them (in _parse_column)
            return min(candidates, key=lambda loc: sum(int(_convert(text, empty, loc)[1].sum()) for _, text, empty in texts))
        for column, text, empty in texts:
            first, second = (_convert(text, empty, loc)[0] for loc in readable)
            differ = ~np.isclose(first, second, equal_nan=True)
            if differ.any():
                i = int(np.flatnonzero(differ)[0])
                row = table.iloc[i]
                raise DataError(
                    f"The numbers in {path} can be read two ways and no cell decides: column '{column}', line {row[_ROW]} "
                    f"({row[spec.id.column]}): '{text.iloc[i]}' is {first[i]:.10g} read with {_reading(readable[0])}, "
                    f"or {second[i]:.10g} read with {_reading(readable[1])}. "
                    "Set number_format = \"id\" (1.327.782 and 73,13) or \"en\" (1,327,782 and 73.13) in the spec's [dataset]."
                )
    return readable[0] if readable else candidates[0]


def _reading(locale: NumberLocale) -> str:
    return f"thousands '{locale.thousands}' and decimal '{locale.decimal}'"


def _parse_column(table: pd.DataFrame, column: str, id_col: str, spec: Spec, path: Path, locale: NumberLocale | None = None) -> np.ndarray:
    raw = table[column]
    if pd.api.types.is_numeric_dtype(raw):
        return raw.astype(float).to_numpy()
    locale = locale or file_number_locale(table, [column], spec, path)
    text, empty = _cells(table, column)
    values, bad = _convert(text, empty, locale)
    if not bad.any():
        return values
    rows = table.loc[bad.to_numpy(), [_ROW, id_col, column]].head(5)
    listing = "; ".join(f"line {r[_ROW]} ({r[id_col]}): '{r[column]}'" for _, r in rows.iterrows())
    raise DataError(
        f"Non-numeric values in feature column '{column}' of {path}, {int(bad.sum())} row(s): {listing}. "
        f"The file is read with {_reading(locale)} (one number format per file; set number_format in the spec's [dataset] to change it). "
        "Write numbers like 73,13 or 1.327.782 (Indonesian) or 73.13 (plain), or leave the cell empty."
    )


def _check_finite(numeric: pd.DataFrame, table: pd.DataFrame, spec: Spec, path: Path) -> None:
    """inf, and values so large that their squares overflow the scaling, are refused with the cell named."""
    lines = table[_ROW].to_numpy()
    for feature in spec.features:
        values = numeric[feature.name].to_numpy(dtype=float)
        with np.errstate(over="ignore", invalid="ignore"):
            bad = np.isinf(values) | (np.abs(values) > MAX_ABS_VALUE)
        if bad.any():
            i = int(np.flatnonzero(bad)[0])
            raise DataError(
                f"Feature column '{feature.column}' of {path} holds {values[i]:g} on line {lines[i]} ({numeric.index[i]}): "
                f"not a finite value interpret can scale (at most {MAX_ABS_VALUE:g} in size). Fix the cell, or leave it empty."
            )


def _convert(text: pd.Series, empty: pd.Series, locale: NumberLocale) -> tuple[np.ndarray, pd.Series]:
    """A column read with one locale's parser (interpret.numbers), vectorised: (values, the cells it cannot read)."""
    cleaned = text.str.replace(r"^Rp\.?\s*", "", regex=True)
    ok = cleaned.str.fullmatch(locale.cell_pattern)
    numbers = cleaned.str.replace(locale.thousands, "", regex=False).str.replace(locale.decimal, ".", regex=False)
    bad = ~(ok | empty)
    read = ok & ~empty
    values = pd.to_numeric(numbers.where(read), errors="coerce").to_numpy(dtype=float)
    values[read.to_numpy() & np.isnan(values)] = np.inf  # "1e999" overflows: a value too large, not a missing one
    return values, bad


def _find_aggregate(ids: pd.Index, spec: Spec, path: Path) -> str | None:
    wanted = spec.reference.row
    if wanted is not None:
        matches = [i for i in ids if i.strip().upper() == wanted.strip().upper()]
        if not matches:
            raise ConfigError(f"reference.row = '{wanted}' is not an id in {path}. Fix reference.row in the spec or use kind = \"mean\".")
        return matches[0]
    found = [i for i in ids if i.strip().upper() in AGGREGATE_NAMES]
    if spec.reference.kind == "row" and not found:
        raise ConfigError(f"reference.kind = \"row\" but {path} has no aggregate row (looked for {', '.join(sorted(AGGREGATE_NAMES))}). Set reference.row to its id.")
    return found[0] if found else None


def _reference(numeric: pd.DataFrame, units: pd.DataFrame, aggregate: str | None, spec: Spec,
               table: pd.DataFrame | None = None, path: Path | None = None, locale: NumberLocale | None = None) -> Reference:
    ref = spec.reference
    if ref.kind == "values":
        return Reference(kind="values", label=ref.publisher or ref.source, values={f.name: float(ref.values[f.name]) for f in spec.features},
                         row_id=aggregate, source=ref.source, publisher=ref.publisher)
    if ref.kind == "weighted_mean":
        return _weighted_mean(units, aggregate, spec, table, path, locale)
    if aggregate is not None and ref.kind in {"auto", "row"}:
        row = numeric.loc[aggregate]
        if row.isna().any():
            raise DataError(f"The aggregate row '{aggregate}' has missing values ({', '.join(row.index[row.isna()])}); it cannot serve as the reference.")
        return Reference(kind="row", label=aggregate, values={k: float(v) for k, v in row.items()}, row_id=aggregate)
    means = units.mean()
    return Reference(
        kind="mean",
        label=f"rata-rata {len(units)} {spec.unit_plural}",
        values={k: float(v) for k, v in means.items()},
        row_id=aggregate,
    )


def _weighted_mean(units: pd.DataFrame, aggregate: str | None, spec: Spec, table: pd.DataFrame, path: Path, locale: NumberLocale) -> Reference:
    """The mean of the units weighted by a column of the table (population): a large province weighs more."""
    column = spec.reference.weight
    if column not in table.columns:
        available = ", ".join(c for c in table.columns if c != _ROW)
        raise ConfigError(f"reference.weight = '{column}' is not a column of {path} (columns: {available}). Fix reference.weight in the spec.")
    weights = pd.Series(_parse_column(table, column, spec.id.column, spec, path, locale), index=table[spec.id.column].to_list()).reindex(units.index)
    bad = ~(np.isfinite(weights.to_numpy()) & (weights.to_numpy() > 0))
    if bad.any():
        raise DataError(f"reference.weight column '{column}' of {path} must be positive for every unit; not for: {', '.join(units.index[bad][:5])}. Fix the column.")
    means = {name: float(np.average(units[name].to_numpy(dtype=float), weights=weights.to_numpy())) for name in units.columns}
    return Reference(kind="weighted_mean", label=f"rata-rata {len(units)} {spec.unit_plural} tertimbang {column}", values=means, row_id=aggregate, weight=column)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    for file in _files(path):
        with file.open("rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
    return digest.hexdigest()


def _files(path: Path) -> list[Path]:
    """The file, or the .parquet files of a partitioned data set in name order."""
    return sorted(path.glob("*.parquet")) if path.is_dir() else [path]


def _survey_weights(table: pd.DataFrame, units: pd.DataFrame, reference: Reference, spec: Spec, path: Path):
    """The weight column aligned with the clustered units; a mean reference becomes weighted."""
    column = spec.dataset.weight
    if spec.pivot is not None:
        raise ConfigError(f"dataset.weight = '{column}' cannot be used with [pivot] in the spec: weights belong to unit-level rows.")
    values = pd.Series(_parse_column(table, column, spec.id.column, spec, path, file_number_locale(table, [f.column for f in spec.features] + [column], spec, path)), index=table[spec.id.column].to_list())
    weights = values.reindex(units.index).to_numpy(dtype=float)
    bad = ~(np.isfinite(weights) & (weights > 0))
    if bad.any():
        listing = ", ".join(str(i) for i in units.index[bad][:5])
        raise DataError(f"Weight column '{column}' in {path} must be positive for every unit; not for: {listing}. Fix the weights or the spec's dataset.weight.")
    if reference.kind == "mean":
        means = {name: float(np.average(units[name].to_numpy(dtype=float), weights=weights)) for name in units.columns}
        reference = Reference(kind="mean", label=f"rata-rata tertimbang {len(units)} {spec.unit_plural}", values=means, row_id=reference.row_id)
    return weights, reference
