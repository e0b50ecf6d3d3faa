"""The household sections of the facts object (issue 15): class shares, coded answers, the poverty
line. Built by interpret.facts_households; part of `Facts` (interpret/facts.py, which re-exports them)
and of its one JSON codec."""

from __future__ import annotations

from typing import Literal

from .facts_section import Section as _Section


class ClassShare(_Section):
    households: float
    """Households in the class (weighted when household weights are given)."""
    households_pct: float
    """Their share of the cluster's households, in %."""
    persons: float | None
    """Persons in those households (weighted), None when the spec gives no persons."""
    persons_pct: float | None


class CategoryProfile(_Section):
    shares_pct: dict[str, float]
    """Code → share of the households (weighted), in %; every declared code, 0 included."""
    modal: str
    """The code with the largest share (the first declared on a tie)."""
    modal_pct: float


class HouseholdGroup(_Section):
    """The households of one cluster (or of all clusters: HouseholdFacts.total)."""

    households: float
    persons: float | None
    classes: dict[str, ClassShare]
    """Class name → share; empty without [thresholds]."""
    below_line: ClassShare | None
    """Below poor_below × the line (the poor)."""
    near_poor: ClassShare | None
    """From poor_below up to near_poor_below × the line."""
    categories: dict[str, CategoryProfile]
    """Categorical feature name → its shares."""


class PovertyClass(_Section):
    name: str
    label: str | None
    """The spec's own words (user data); None: the language catalogue's [poverty_class] entry."""
    label_en: str | None = None
    lower: float | None
    """Lower bound as a multiple of the line (inclusive), None for the first class."""
    upper: float | None
    """Upper bound (exclusive), None for the last class."""


class CategoricalInfo(_Section):
    name: str
    column: str
    label: str
    kind: Literal["categorical", "ordinal"]
    codes: dict[str, str]
    """Code → label, in the spec's order."""
    theme: str
    label_en: str | None = None
    codes_en: dict[str, str] = {}
    """Code → English label (spec codes_en)."""


class HouseholdFacts(_Section):
    """Households: what each weight counts, the line and its classes, coded answers (docs/households.md)."""

    weighted: bool
    """Household counts are weighted estimates (weights.households)."""
    weight_column: str | None
    persons_source: Literal["column", "household_size"] | None
    """Persons from a person-weight column, or household weight × household size; None: no persons."""
    measure: str | None
    """The column compared with the line."""
    line_source: Literal["value", "column", "lookup"] | None
    line_mean: float | None
    """The (household-weighted) mean line."""
    line_unit: str
    poor_below: float | None
    near_poor_below: float | None
    classes: list[PovertyClass]
    categorical: list[CategoricalInfo]
    total: HouseholdGroup
    clusters: dict[int, HouseholdGroup]


__all__ = ["CategoricalInfo", "CategoryProfile", "ClassShare", "HouseholdFacts", "HouseholdGroup", "PovertyClass"]
