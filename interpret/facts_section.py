"""The base of every section of the facts object (interpret/facts.py and its household sections)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Section(BaseModel):
    # Frozen: the facts are built once and never changed afterwards. NaN (a gap index that could not
    # be computed, a difference from a zero reference) is written as JSON's NaN constant, as before.
    # A field's docstring is its description in the generated JSON Schema.
    model_config = ConfigDict(frozen=True, extra="forbid", ser_json_inf_nan="constants", use_attribute_docstrings=True)


__all__ = ["Section"]
