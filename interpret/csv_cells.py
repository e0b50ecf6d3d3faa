"""Spreadsheet-safe CSV cells (OWASP "CSV injection"): a text cell that a spreadsheet would read as a
formula (`=`, `+`, `-`, `@`, tab, carriage return first) is written with a leading `'`, which
spreadsheets show as text. Numbers are numbers and stay as they are (a negative value is data).

`restore` undoes it for our own readers (`interpret verify --run` reads assignments.csv), and is
exact: a cell that already began with `'` before a formula character gets one more `'`.
"""

from __future__ import annotations

import re

import pandas as pd

_FORMULA = re.compile(r"^'*[=+\-@\t\r]")
_NEUTRALISED = re.compile(r"^'+[=+\-@\t\r]")


def neutralise_cell(value):
    if isinstance(value, str) and _FORMULA.match(value):
        return "'" + value
    return value


def restore_cell(value):
    if isinstance(value, str) and _NEUTRALISED.match(value):
        return value[1:]
    return value


def neutralise(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy whose text cells and column names are safe to open in a spreadsheet."""
    return _map_text(frame, neutralise_cell)


def restore(frame: pd.DataFrame) -> pd.DataFrame:
    """The cells as the data had them (what `neutralise` wrote, read back)."""
    return _map_text(frame, restore_cell)


def _map_text(frame: pd.DataFrame, change) -> pd.DataFrame:
    frame = frame.copy()
    for column in frame.columns:
        if frame[column].dtype == object or pd.api.types.is_string_dtype(frame[column]):
            frame[column] = frame[column].map(change)
    frame.columns = [change(c) for c in frame.columns]
    return frame
