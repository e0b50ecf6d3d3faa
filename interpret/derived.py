"""Derived features on a table: the names an expression reads (checked against the columns and the
[[lookups]]) and its values per row (interpret.derive's grammar, interpret.lookup's second tables)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from .derive import evaluate, names, parse_expression
from .errors import ConfigError, DataError
from .lookup import lookup_values


def operand_columns(table: pd.DataFrame, spec, path: Path, row_column: str) -> list[str]:
    """The table columns the derived features read; a name that is neither a column nor a lookup is refused."""
    lookups = {lk.name for lk in spec.lookups}
    available = [c for c in table.columns if c != row_column]
    used: list[str] = []
    for feature in spec.features:
        if feature.expression is None:
            continue
        if feature.column in table.columns:
            raise ConfigError(
                f"Derived feature '{feature.column}' (features.column with an expression) is already a column of {path}: "
                "give the derived feature a new column name, or drop the expression to read the column."
            )
        for name in names(parse_expression(feature.expression)):
            if name in lookups:
                continue
            if name not in table.columns:
                raise ConfigError(
                    f"features '{feature.name}'.expression = \"{feature.expression}\" names '{name}', which is neither a column of {path} "
                    f"(columns: {', '.join(available)}) nor a [[lookups]] name ({', '.join(sorted(lookups)) or 'none declared'}). Fix the expression."
                )
            if name not in used:
                used.append(name)
    return used


def derived_values(table: pd.DataFrame, spec, path: Path, parse_column, parse, read) -> dict[str, np.ndarray]:
    """The derived features' values per row of the table; a division by zero names the row. `parse_column(table,
    name)` reads a column as numbers, `parse` and `read` are interpret.data's parser and reader (for the lookups)."""
    if not any(f.expression for f in spec.features):
        return {}
    by_name = {lk.name: lk for lk in spec.lookups}
    cache: dict[str, np.ndarray] = {}

    def value_of(name: str) -> np.ndarray:
        if name not in cache:
            if name in by_name:
                cache[name] = lookup_values(by_name[name], table, path, parse, read, key=f"lookups '{name}'")
            else:
                cache[name] = parse_column(table, name)
        return cache[name]

    out: dict[str, np.ndarray] = {}
    for feature in spec.features:
        if feature.expression is None:
            continue
        tree = parse_expression(feature.expression)
        values = evaluate(tree, value_of)
        inputs_known = np.all([np.isfinite(value_of(n)) for n in names(tree)], axis=0)
        broken = inputs_known & ~np.isfinite(values)
        if broken.any():
            i = int(np.flatnonzero(broken)[0])
            raise DataError(
                f"Derived feature '{feature.name}' = {feature.expression} divides by zero on line {table['__row__'].iloc[i]} "
                f"({table[spec.id.column].iloc[i]}) of {path}. Fix the data, or filter that row out."
            )
        out[feature.name] = values
    return out


__all__ = ["derived_values", "operand_columns"]
