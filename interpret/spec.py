"""The data-set spec: a TOML file that says how to read a table and what its columns mean.

A spec names the id column, the feature columns (Indonesian label, unit, direction, theme), optional
row filters and a long→wide pivot, the national reference, and clustering defaults. It is validated
with pydantic and every error names the spec file and the key to fix.

A spec's words (title, source, labels, reasons) are Indonesian, the data language. Each has an
optional English twin `<key>_en` (`label_en`, `title_en`…, the type `EnglishText`): an English brief
prints the twin when it is given and the spec's own words otherwise (`Language.text`).
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError, field_validator, model_validator

from .errors import ConfigError

# "neutral": no better or worse (household size): profiled and clustered, never called ahead or behind.
Direction = Literal["higher_is_better", "lower_is_better", "neutral"]
# The English twin of a spec's Indonesian words: absent, or a non-blank text (a blank one would print
# an empty label in the English brief, so it is refused when the spec is read).
EnglishText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)] | None


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class DatasetInfo(_Strict):
    name: str = Field(pattern=r"^[A-Za-z0-9_.-]+$")
    title: str
    title_en: EnglishText = None
    source: str = "tidak disebutkan"
    source_en: EnglishText = None
    year: int | None = None
    unit: str = "unit"
    unit_plural: str | None = None
    file: str | None = None
    # "auto": the one format under which every numeric cell of the file parses; a file that reads both ways is refused
    number_format: Literal["auto", "id", "en"] = "auto"
    encoding: str = "utf-8"  # of a CSV file: "latin-1", "cp1252", "utf-16"…
    sheet: str | int | None = None
    missing: Literal["error", "drop"] = "error"
    # Survey weight column (e.g. Susenas household weights): cluster means, shares and counts are
    # then weighted population estimates. The column is read like a feature but never clustered.
    weight: str | None = None


    @field_validator("encoding")
    @classmethod
    def _known_encoding(cls, value):
        import codecs

        try:
            codecs.lookup(value)
        except LookupError:
            raise ValueError(f"unknown text encoding {value!r}; use e.g. \"utf-8\", \"latin-1\", \"cp1252\" or \"utf-16\"") from None
        return value


class IdSpec(_Strict):
    column: str


class FeatureSpec(_Strict):
    column: str
    label: str
    label_en: EnglishText = None  # the English brief's label ("Life expectancy at birth (UHH)")
    short: str | None = None
    unit: str = ""
    direction: Direction = "higher_is_better"
    decimals: int = Field(default=2, ge=0, le=6)
    theme: str = "umum"
    # "categorical" / "ordinal" features are moved to `Spec.categorical` when the spec is read
    # (see CategoricalSpec): [[features]] keeps only numeric ones, so no code path averages codes.
    kind: Literal["numeric"] = "numeric"
    aliases: list[str] = []  # other names the text may use for this indicator ("harapan hidup" for UHH): the verifier binds them
    # A derived feature: `column` is the new column's name and `expression` computes it from the
    # table's columns and [[lookups]] names (interpret/derive.py), e.g. "MAKANAN / TOTAL".
    expression: str | None = None
    reason: str | None = None  # why this feature and its direction (Engel's law…): the brief prints it
    reason_en: EnglishText = None

    @field_validator("expression")
    @classmethod
    def _formula(cls, value):
        if value is not None:
            from .derive import parse_expression

            parse_expression(value)
        return value

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
    """What every cluster is compared with (docs/spec.md, "The reference")."""

    kind: Literal["auto", "row", "mean", "weighted_mean", "values"] = "auto"
    """auto: the aggregate row when the table has one, else the mean; row: the aggregate row
    (`row` names it); mean: the plain mean of the units; weighted_mean: the mean weighted by the
    column `weight` (population); values: published figures given in `values`, with their `source`."""
    row: str | None = None
    weight: str | None = None
    values: dict[str, float] = {}
    """Feature name (short, else column) → the published figure, for kind = "values"."""
    source: str | None = None
    """Where the figures of kind = "values" come from (publisher, publication, date): the brief prints it."""
    publisher: str | None = None
    """Who publishes them ("BPS"): the prose calls the reference "angka nasional (BPS)"."""

    @model_validator(mode="after")
    def _complete(self):
        if self.kind == "values":
            if not self.values:
                raise ValueError('reference.kind = "values" needs `values = {FEATURE = number, …}`, one figure per feature')
            if not (self.source or "").strip():
                raise ValueError('reference.kind = "values" needs `source = "…"`: say where the figures come from (publisher, publication, date)')
        elif self.values or self.source or self.publisher:
            raise ValueError(f'reference.values, source and publisher belong to kind = "values" (kind is "{self.kind}"); set kind = "values" or remove them')
        if self.kind == "weighted_mean" and not self.weight:
            raise ValueError('reference.kind = "weighted_mean" needs `weight = "<column>"`, the column to weight by (e.g. population)')
        if self.weight and self.kind != "weighted_mean":
            raise ValueError(f'reference.weight belongs to kind = "weighted_mean" (kind is "{self.kind}"); set the kind or remove weight')
        if self.row is not None and self.kind not in ("auto", "row"):
            raise ValueError(f'reference.row belongs to kind = "row" (kind is "{self.kind}"); remove row or set kind = "row"')
        return self


class ClusteringSpec(_Strict):
    # k: a number, or "auto" (or absent) for the consensus of the k-selection panel over k_min…k_max.
    k: int | Literal["auto", "dbi", "silhouette", "elbow", "gap"] | None = None
    k_panel: bool | Literal["auto"] = "auto"  # run the k panel when k is fixed (auto: for small tables only)
    k_reason: str | None = None
    k_reason_en: EnglishText = None
    k_min: int = Field(default=2, ge=2)
    k_max: int = Field(default=10, ge=3)
    seed: int = 42
    method: Literal["kmeans", "kmedoids", "ward", "kprototypes"] = "kmeans"
    metric: Literal["euclidean", "manhattan"] = "euclidean"
    scaling: Literal["zscore", "minmax", "robust", "none"] = "zscore"
    pca: bool = False
    pca_variance_pct: float = Field(default=90.0, gt=0, le=100)
    pca_components: int | Literal["kaiser"] | None = None  # a number, or Kaiser (eigenvalue > 1); else by pca_variance_pct
    drop_low_msa: bool = False  # drop the features whose MSA (per-variable KMO) is below 0.5 before clustering
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
    lookups: list[NamedLookupSpec] = []
    reference: ReferenceSpec = ReferenceSpec()
    clustering: ClusteringSpec = ClusteringSpec()
    # -- households (issue 15): see the block below and docs/households.md ----------------------
    categorical: list[CategoricalSpec] = []
    weights: WeightsSpec | None = None
    thresholds: ThresholdsSpec | None = None

    @model_validator(mode="before")
    @classmethod
    def _household_sections(cls, raw):
        return split_household_sections(raw)

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

    @model_validator(mode="after")
    def _reference_values_cover_features(self):
        if self.reference.kind != "values":
            return self
        names = [f.name for f in self.features]
        missing = [n for n in names if n not in self.reference.values]
        unknown = [n for n in self.reference.values if n not in names]
        if missing:
            raise ValueError(f"reference.values has no figure for feature(s) {', '.join(missing)}; add `{missing[0]} = <number>` (one per feature)")
        if unknown:
            raise ValueError(f"reference.values names {', '.join(unknown)}, which is not a feature (features: {', '.join(names)}); use the features' short names")
        return self

    @model_validator(mode="after")
    def _household_weight(self):
        # the household weight is the weight of the profiles (dataset.weight), said once
        if self.weights and self.weights.households and self.dataset.weight not in (None, self.weights.households):
            raise ValueError(f"dataset.weight = '{self.dataset.weight}' and weights.households = '{self.weights.households}' differ; keep one")
        return self


# -- households (issue 15): categorical answers, household/person weights, poverty lines and classes --
class CategoricalSpec(_Strict):
    """A coded answer (roof material, occupation): profiled by shares and its modal category, never
    averaged. Written in [[features]] with `kind = "categorical"` or `"ordinal"` and `codes`."""

    column: str
    label: str
    label_en: EnglishText = None
    short: str | None = None
    kind: Literal["categorical", "ordinal"]
    codes: dict[str, str] = Field(min_length=2)
    """Code (as written in the table) → label; for an ordinal feature in rank order, lowest first."""
    codes_en: dict[str, str] = {}
    """Code → English label, for the English brief; a code not listed keeps its `codes` label."""
    theme: str = "umum"
    direction: Direction = "neutral"
    unit: str = ""
    decimals: int = Field(default=0, ge=0, le=6)

    @model_validator(mode="after")
    def _english_codes_known(self):
        unknown = [code for code in self.codes_en if code not in self.codes]
        if unknown:
            raise ValueError(f"codes_en names {', '.join(unknown)}, which is not a code of `codes` ({', '.join(self.codes)})")
        return self

    @property
    def name(self) -> str:
        return self.short or self.column


class WeightsSpec(_Strict):
    """Which unit a weight counts: `households` (a household weight column), `persons` (a person
    weight column) or `household_size` (persons = household weight × household size)."""

    households: str | None = None
    persons: str | None = None
    household_size: str | None = None

    @model_validator(mode="after")
    def _one_person_source(self):
        if self.persons and self.household_size:
            raise ValueError("give weights.persons or weights.household_size, not both")
        if self.household_size and not self.households:
            raise ValueError("weights.household_size needs weights.households (persons = household weight × household size)")
        return self


class LookupSpec(_Strict):
    """The line read from a second table (e.g. garisKemiskinan.csv) by key columns."""

    file: str
    """Relative to the data file's folder (or absolute)."""
    value: str
    """The lookup table's column holding the line."""
    keys: dict[str, str] = Field(min_length=1)
    """Data column → lookup column, e.g. {provinsi = "provinsi", periode = "periode", daerah = "daerah"}."""
    number_format: Literal["auto", "id", "en"] | None = None
    """How the lookup table writes numbers; None: as the data (dataset.number_format)."""
    where: dict[str, str | int] = {}
    """Lookup column → the one value kept (e.g. {tahun = 2022, periode = "MARET"}), applied before joining."""


class NamedLookupSpec(LookupSpec):
    """A value per unit from a second table, named for the features' expressions (`TOTAL / gk`)."""

    name: str = Field(pattern=r"^[A-Za-z_][A-Za-z0-9_]*$")


class LineSpec(_Strict):
    """The line: one value, a column of the data, or a lookup (exactly one)."""

    value: float | None = Field(default=None, gt=0)
    column: str | None = None
    lookup: LookupSpec | None = None

    @model_validator(mode="after")
    def _exactly_one(self):
        given = [name for name in ("value", "column", "lookup") if getattr(self, name) is not None]
        if len(given) != 1:
            raise ValueError(f"give exactly one of value, column, lookup (given: {', '.join(given) or 'none'})")
        return self


class ClassSpec(_Strict):
    name: str = Field(pattern=r"^[a-z0-9_]+$")
    """The fact-ID name (K2.class.miskin.households_pct)."""
    below: float | None = Field(default=None, gt=0)
    """Upper bound as a multiple of the line (exclusive); None for the last class."""
    label: str | None = None
    """The class's words; None: the language catalogue's [poverty_class] entry."""
    label_en: EnglishText = None


# BPS's classes by per-capita expenditure relative to the poverty line (GK).
BPS_CLASSES = (
    ClassSpec(name="sangat_miskin", below=0.8),
    ClassSpec(name="miskin", below=1.0),
    ClassSpec(name="hampir_miskin", below=1.2),
    ClassSpec(name="rentan_miskin", below=1.6),
    ClassSpec(name="tidak_miskin"),
)


class ThresholdsSpec(_Strict):
    """A line (e.g. the poverty line, Rp per capita per month) and classes as multiples of it."""

    measure: str
    """The data column compared with the line (per-capita expenditure); need not be a feature."""
    unit: str = "rupiah"
    """The unit of the line and the measure, as the brief writes it."""
    line: LineSpec
    classes: Literal["bps"] | list[ClassSpec] = "bps"
    poor_below: float = Field(default=1.0, gt=0)
    """Households below this multiple of the line are "below the line" (K2.below_line.*)."""
    near_poor_below: float = Field(default=1.2, gt=0)
    """From poor_below up to this multiple: near-poor (K2.near_poor.*)."""

    @field_validator("classes")
    @classmethod
    def _ordered(cls, classes):
        if isinstance(classes, str):
            return classes
        bounds = [c.below for c in classes]
        if len(classes) < 2 or bounds[-1] is not None or any(b is None for b in bounds[:-1]) or bounds[:-1] != sorted(set(bounds[:-1])):
            raise ValueError("classes need increasing `below` multiples and a last class without `below`")
        return classes

    @property
    def class_list(self) -> tuple[ClassSpec, ...]:
        return BPS_CLASSES if self.classes == "bps" else tuple(self.classes)


def split_household_sections(raw):
    """[[features]] with kind = "categorical" / "ordinal" go to `categorical`, in their order; a
    household weight (weights.households) is the profiles' weight (dataset.weight) unless one is set."""
    if not isinstance(raw, dict):
        return raw
    weights, dataset = raw.get("weights"), raw.get("dataset")
    if isinstance(weights, dict) and weights.get("households") and isinstance(dataset, dict) and not dataset.get("weight"):
        raw = {**raw, "dataset": {**dataset, "weight": weights["households"]}}
    if not isinstance(raw.get("features"), list):
        return raw
    coded = [f for f in raw["features"] if isinstance(f, dict) and f.get("kind") in {"categorical", "ordinal"}]
    if not coded:
        return raw
    return {**raw, "features": [f for f in raw["features"] if f not in coded], "categorical": [*raw.get("categorical", []), *coded]}


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
