"""The data-set spec: a TOML file that says how to read a table and what its columns mean.

A spec names the id column, the feature columns (Indonesian label, unit, direction, theme), optional
row filters and a long→wide pivot, the national reference, and clustering defaults. It is validated
with pydantic and every error names the spec file and the key to fix.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from .errors import ConfigError

Direction = Literal["higher_is_better", "lower_is_better"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class DatasetInfo(_Strict):
    name: str = Field(pattern=r"^[A-Za-z0-9_.-]+$")
    title: str
    source: str = "tidak disebutkan"
    year: int | None = None
    unit: str = "unit"
    unit_plural: str | None = None
    file: str | None = None
    number_format: Literal["auto", "id", "en"] = "auto"
    sheet: str | int | None = None
    missing: Literal["error", "drop"] = "error"
    # Survey weight column (e.g. Susenas household weights): cluster means, shares and counts are
    # then weighted population estimates. The column is read like a feature but never clustered.
    weight: str | None = None


class IdSpec(_Strict):
    column: str


class FeatureSpec(_Strict):
    column: str
    label: str
    short: str | None = None
    unit: str = ""
    direction: Direction = "higher_is_better"
    decimals: int = Field(default=2, ge=0, le=6)
    theme: str = "umum"
    aliases: list[str] = []  # other names the text may use for this indicator ("harapan hidup" for UHH): the verifier binds them

    @property
    def name(self) -> str:
        return self.short or self.column


class FilterSpec(_Strict):
    column: str
    equals: str | int | float | None = None
    one_of: list[str | int | float] | None = None

    @field_validator("one_of")
    @classmethod
    def _non_empty(cls, value):
        if value is not None and not value:
            raise ValueError("one_of must list at least one value")
        return value


class PivotSpec(_Strict):
    index: str
    columns: str
    values: str


class ReferenceSpec(_Strict):
    kind: Literal["auto", "row", "mean"] = "auto"
    row: str | None = None


class ClusteringSpec(_Strict):
    # k: a number, or "auto" (or absent) for the consensus of the k-selection panel over k_min…k_max.
    k: int | Literal["auto"] | None = None
    k_reason: str | None = None
    k_min: int = Field(default=2, ge=2)
    k_max: int = Field(default=10, ge=3)
    seed: int = 42
    method: Literal["kmeans", "kmedoids", "ward"] = "kmeans"
    metric: Literal["euclidean", "manhattan"] = "euclidean"
    scaling: Literal["zscore", "minmax", "robust"] = "zscore"
    pca: bool = False
    pca_variance_pct: float = Field(default=90.0, gt=0, le=100)
    n_init: int | None = Field(default=None, ge=1)
    order_by: str = "composite"
    tolerance_pct: float = Field(default=1.0, ge=0, le=50)
    bootstrap: int = Field(default=100, ge=0)  # B bootstrap replicates for stability; 0 = off
    gap_references: int = Field(default=20, ge=1)  # B reference sets of the gap statistic
    neighbours: int = Field(default=10, ge=1)  # L of the connectivity index
    sample_size: int = Field(default=2000, ge=100)  # above this many units, O(n²) indices use a sample
    unstable_pct: float = Field(default=20.0, gt=0, le=100)  # a unit moving this often is "tidak stabil"


class Spec(_Strict):
    dataset: DatasetInfo
    id: IdSpec
    features: list[FeatureSpec] = Field(min_length=1)
    filters: list[FilterSpec] = []
    pivot: PivotSpec | None = None
    reference: ReferenceSpec = ReferenceSpec()
    clustering: ClusteringSpec = ClusteringSpec()

    @field_validator("features")
    @classmethod
    def _unique_features(cls, features):
        names = [f.name for f in features]
        dupes = sorted({n for n in names if names.count(n) > 1})
        if dupes:
            raise ValueError(f"feature names must be unique, repeated: {', '.join(dupes)}")
        return features

    @property
    def unit_plural(self) -> str:
        return self.dataset.unit_plural or self.dataset.unit


def load_spec(path: Path) -> Spec:
    """Read and validate a spec file; a ConfigError names the file and the key that is wrong."""
    path = Path(path)
    if not path.is_file():
        raise ConfigError(
            f"Spec file not found: {path}. Pass an existing TOML file with --spec "
            "(see examples/ for working specs)."
        )
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"Spec file {path} is not valid TOML: {exc}. Fix the syntax at that line.") from None
    except UnicodeDecodeError:
        raise ConfigError(f"Spec file {path} is not UTF-8 text. Save it as UTF-8.") from None
    return parse_spec(raw, origin=str(path))


def parse_spec(raw: dict, origin: str = "<spec>") -> Spec:
    try:
        return Spec.model_validate(raw)
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            where = ".".join(str(p) for p in err["loc"]) or "(top level)"
            problems.append(f"`{where}`: {err['msg']}")
        raise ConfigError(
            f"Spec file {origin} has {len(problems)} problem(s): " + "; ".join(problems)
            + ". Fix these keys (the spec format is described in docs/spec.md)."
        ) from None
