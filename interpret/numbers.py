"""Number formats, in both directions: one parser per locale (`NumberLocale`: INDONESIAN, ENGLISH).

The data loader reads table cells with `cell_pattern`/`parse_number`, the verifier reads numbers
in running text with `read`; both go through the same locale object. Formatting
writes numbers the way a BPS publication does (thousands ".", decimal ","), through Babel's
`id` locale so the rules are CLDR's, not ours.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Literal

NumberFormat = Literal["auto", "id", "en"]


@dataclass(frozen=True)
class NumberLocale:
    """How one language writes numbers: the one parser of the data loader and the verifier.

    `cell_pattern` is the strict form of a table cell ("1.327.782", "73,13" in Indonesian);
    `read` reads a number found in running text, where a single separator is ambiguous.
    """

    thousands: str
    decimal: str

    @property
    def cell_pattern(self) -> str:
        t, d = re.escape(self.thousands), re.escape(self.decimal)
        exponent = r"([eE][+-]?\d+)?" if self.decimal == "." else ""  # "1.5e3" is a plain (English) number
        return rf"^[+-]?(\d+|\d{{1,3}}({t}\d{{3}})+)({d}\d+)?{exponent}$"

    def matches(self, raw: str) -> bool:
        return re.fullmatch(self.cell_pattern, raw) is not None

    def plain(self, raw: str) -> str:
        """'1.327.782,5' → '1327782.5': the form float() reads."""
        return raw.replace(self.thousands, "").replace(self.decimal, ".")

    def parse_cell(self, raw: str) -> float:
        if not self.matches(raw):
            raise ValueError(raw)
        return float(self.plain(raw))

    def read(self, raw: str) -> tuple[float, int]:
        """A number written in text → (value, decimals shown): '1.327.782' → (1327782, 0), '73,13' → (73.13, 2).

        Both separators: the last is the decimal one. One repeated separator: thousands. One single
        separator: thousands when it is this locale's thousands separator before exactly three digits
        ("11.470" in Indonesian), else the decimal point or comma ("73.13" in an Indonesian text).
        """
        dots, commas = raw.count("."), raw.count(",")
        if dots and commas:
            decimal = "," if raw.rfind(",") > raw.rfind(".") else "."
        elif dots > 1:
            decimal = ","
        elif commas > 1:
            decimal = "."
        elif dots == 1 or commas == 1:
            separator = "." if dots else ","
            tail = raw.split(separator)[1]
            thousands = separator == self.thousands and len(tail) == 3
            decimal = ("," if separator == "." else ".") if thousands else separator
        else:
            return float(raw), 0
        plain = raw.replace("." if decimal == "," else ",", "").replace(decimal, ".")
        decimals = len(plain.split(".")[1]) if "." in plain else 0
        return float(plain), decimals


INDONESIAN = NumberLocale(thousands=".", decimal=",")
ENGLISH = NumberLocale(thousands=",", decimal=".")
NUMBER_LOCALES: dict[str, NumberLocale] = {"id": INDONESIAN, "en": ENGLISH}


def candidate_locales(style: NumberFormat) -> list[NumberLocale]:
    """The locales to try, in order: "auto" reads a plain (English) number first, then an Indonesian one."""
    return [ENGLISH, INDONESIAN] if style == "auto" else [NUMBER_LOCALES[style]]


def parse_number(text: object, style: NumberFormat = "auto") -> float | None:
    """Parse one cell. Returns None for an empty cell, raises ValueError for a non-number.

    ``style="id"`` reads "1.327.782" as 1327782 and "73,13" as 73.13; ``"en"`` reads "73.13" and
    "1,327,782"; ``"auto"`` decides per value: English when it reads as English, else Indonesian.
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
    for locale in candidate_locales(style):
        if locale.matches(raw):
            return locale.parse_cell(raw)
    raise ValueError(f"bukan angka berformat Indonesia: {text!r}" if style == "id" else f"not a number: {text!r}")


def format_number(value: float, decimals: int, *, signed: bool = False, locale: str = "id") -> str:
    """Format with a fixed number of decimals in the given locale ("73,13", "11.470")."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    from babel.numbers import format_decimal  # Babel loads on the first number written, not on `interpret --help`

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
