"""The household parts of a data set (issue 15): which unit each weight counts, the line and the
measure compared with it, and the coded (categorical / ordinal) answers, aligned with the clustered units.

`household_data` is called by `interpret.data.prepare` once the units are known; it returns None for
a spec without [weights], [thresholds] or categorical features, so province tables are unchanged.
The facts built from it live in `interpret.facts_households`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from .errors import ConfigError, DataError
from .lookup import line_values
from .spec import Spec

_INTEGER = re.compile(r"^[+-]?\d+(?:\.0+)?$")


@dataclass(frozen=True)
class HouseholdData:
    household_weights: np.ndarray  # one per unit; ones when the spec names no household weight
    weighted: bool  # household_weights come from a weight column
    person_weights: np.ndarray | None  # persons each unit stands for; None when the spec gives no persons
    measure: np.ndarray | None  # the column compared with the line (thresholds.measure)
    line: np.ndarray | None  # the line for each unit
    categories: pd.DataFrame  # index: unit ids; one column of code strings per categorical feature

    @property
    def ratio(self) -> np.ndarray | None:
        """The measure as a multiple of the line (1,0 = on the line)."""
        return None if self.measure is None else self.measure / self.line


def normalise_code(value) -> str:
    """A code as text, "1", "1.0" and 1 alike (Parquet numbers and CSV text must meet the spec's codes)."""
    text = str(value).strip()
    return str(int(float(text))) if _INTEGER.match(text) else text


def household_data(table: pd.DataFrame, units: pd.Index, spec: Spec, path: Path, parse, read, survey_weights: np.ndarray | None) -> HouseholdData | None:
    """`parse(table, column, path)` reads a numeric column and `read(path)` a table (interpret.data's); `survey_weights`
    are the profiles' weights already read (the household weight when [weights] names one)."""
    if spec.weights is None and spec.thresholds is None and not spec.categorical:
        return None
    if spec.pivot is not None:
        raise ConfigError(f"[weights], [thresholds] and categorical features in the spec for {path} need unit-level rows, not [pivot]. Remove the pivot.")
    _require_columns(table, spec, path)
    rows = table.set_index(table[spec.id.column].astype(str).str.strip(), drop=False).reindex(units)
    n = len(units)
    weighted = bool(spec.weights and spec.weights.households)
    households = survey_weights if weighted and survey_weights is not None else np.ones(n)
    persons = None
    if spec.weights and spec.weights.persons:
        persons = _positive(parse(rows, spec.weights.persons, path), rows, f"weights.persons column '{spec.weights.persons}'", path)
    elif spec.weights and spec.weights.household_size:
        size = _positive(parse(rows, spec.weights.household_size, path), rows, f"weights.household_size column '{spec.weights.household_size}'", path)
        persons = households * size
    measure = line = None
    if spec.thresholds is not None:
        measure = parse(rows, spec.thresholds.measure, path)
        if not np.isfinite(measure).all():
            lines = ", ".join(str(r) for r in rows["__row__"].to_numpy()[~np.isfinite(measure)][:5])
            raise DataError(f"thresholds.measure column '{spec.thresholds.measure}' of {path} is empty on line(s) {lines}. Fill it in, or drop those rows.")
        line = line_values(spec.thresholds.line, rows, path, parse, read)
    categories = pd.DataFrame(index=units)
    for feature in spec.categorical:
        categories[feature.name] = _codes(rows, feature, path)
    return HouseholdData(households, weighted, persons, measure, line, categories)


def _require_columns(table: pd.DataFrame, spec: Spec, path: Path) -> None:
    needed = [(f.column, "[[features]] (categorical) column") for f in spec.categorical]
    if spec.weights:
        needed += [(c, f"weights.{k}") for k, c in (("persons", spec.weights.persons), ("household_size", spec.weights.household_size)) if c]
    if spec.thresholds:
        needed.append((spec.thresholds.measure, "thresholds.measure"))
    for column, key in needed:
        if column not in table.columns:
            present = ", ".join(c for c in table.columns if c != "__row__")
            raise ConfigError(f"Unknown column '{column}' in the spec ({key}): {path} has columns {present}. Fix the spec.")


def _positive(values: np.ndarray, rows: pd.DataFrame, what: str, path: Path) -> np.ndarray:
    bad = ~(np.isfinite(values) & (values > 0))
    if bad.any():
        lines = ", ".join(str(r) for r in rows["__row__"].to_numpy()[bad][:5])
        raise DataError(f"The {what} of {path} must be positive; it is not on line(s) {lines}. Fix the values.")
    return values.astype(float)


def _codes(rows: pd.DataFrame, feature, path: Path) -> np.ndarray:
    known = {normalise_code(code) for code in feature.codes}
    codes = rows[feature.column].map(lambda v: "" if pd.isna(v) else normalise_code(v))
    bad = ~codes.isin(known)
    if bad.any():
        sample = "; ".join(f"line {r} ({u}): '{c}'" for r, u, c in zip(rows["__row__"][bad][:5], rows.index[bad][:5], codes[bad][:5]))
        raise DataError(f"Column '{feature.column}' of {path} has {int(bad.sum())} value(s) that are not among its codes "
                        f"({', '.join(sorted(known))}): {sample}. Add the codes to the spec's `codes` or fix the data (an empty cell is not a code).")
    return codes.to_numpy(dtype=object)


__all__ = ["HouseholdData", "household_data", "normalise_code"]
