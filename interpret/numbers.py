"""Indonesian number formats, in both directions.

Parsing turns "1.327.782", "73,13", "Rp 11,47 juta" or plain "73.13" into floats; formatting
writes numbers the way a BPS publication does (thousands ".", decimal ","), through Babel's
`id` locale so the rules are CLDR's, not ours.
"""

from __future__ import annotations

import math
import re
from typing import Literal

from babel.numbers import format_decimal

NumberFormat = Literal["auto", "id", "en"]

_ID_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$")
_ID_DECIMAL = re.compile(r"^[+-]?\d+(,\d+)?$")
_EN_NUMBER = re.compile(r"^[+-]?(\d+|\d{1,3}(,\d{3})+)(\.\d+)?([eE][+-]?\d+)?$")


def parse_number(text: object, style: NumberFormat = "auto") -> float | None:
    """Parse one cell. Returns None for an empty cell, raises ValueError for a non-number.

    ``style="id"`` reads "1.327.782" as 1327782 and "73,13" as 73.13; ``"en"`` reads "73.13" and
    "1,327,782"; ``"auto"`` decides per value: a comma or more than one dot means Indonesian,
    anything else is read as a plain (English) number.
    """
    if text is None:
        return None
    if isinstance(text, (int, float)) and not isinstance(text, bool):
        value = float(text)
        return None if math.isnan(value) else value
    raw = str(text).strip().replace("\u00a0", "").replace(" ", "")
    if raw == "" or raw.lower() in {"nan", "na", "-", "…", "..."}:
        return None
    if raw.lower().startswith("rp"):
        raw = raw[2:].lstrip(".")
    if style == "auto":
        style = "id" if ("," in raw or raw.count(".") > 1) and not _EN_NUMBER.match(raw) else "en"
        if style == "en" and not _EN_NUMBER.match(raw) and _ID_THOUSANDS.match(raw):
            style = "id"
    if style == "id":
        if _ID_THOUSANDS.match(raw) or _ID_DECIMAL.match(raw):
            return float(raw.replace(".", "").replace(",", "."))
        raise ValueError(f"bukan angka berformat Indonesia: {text!r}")
    if _EN_NUMBER.match(raw):
        return float(raw.replace(",", ""))
    raise ValueError(f"not a number: {text!r}")


def format_number(value: float, decimals: int, *, signed: bool = False, locale: str = "id") -> str:
    """Format with a fixed number of decimals in the given locale ("73,13", "11.470")."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    pattern = "#,##0" + ("." + "0" * decimals if decimals > 0 else "")
    text = format_decimal(round(float(value), decimals) + 0.0, format=pattern, locale=locale)
    if signed and value > 0 and text.strip("0,.") != "":
        text = "+" + text
    return text


def format_percent(value: float, decimals: int = 1, *, locale: str = "id") -> str:
    """A percentage as written in Indonesian reports: "62,9 %"."""
    return f"{format_number(value, decimals, locale=locale)} %"


def with_unit(text: str, unit: str) -> str:
    """'73,13' + 'tahun' → '73,13 tahun'; no trailing space when there is no unit."""
    return f"{text} {unit}".strip() if unit else text
