"""Stage 3: the facts object — the single source for drafting, verification and the report.

`Facts` is one typed, frozen object, built once by `interpret.fact_builder.build_facts` and written
to and read from result.json by the same code (`Facts.to_json` / `Facts.from_json`); its JSON
Schema is docs/result.schema.json (`facts_json_schema`). It holds data and decisions, never wording:
directions are `Direction` values, stability levels `StabilityLevel` values, and the brief's words
for them are chosen at drafting and rendering time.

Every number the brief may state is a `Fact` in `index`, with a stable ID:

    K2.UHH.mean       cluster 2, feature UHH, cluster mean      (also .median .min .max .sd
    K2.UHH.diff_pct   % difference from the reference            .diff .z .rank .direction)
    K2.size           number of members      K2.members (text)  K2.composite_rank (1 = best overall)
    REF.UHH           the national reference value
    DATA.n_units      units clustered        DATA.year    the data year
    RUN.k  RUN.seed  RUN.n_init              FIT.between_pct   between-SS / total-SS in %
    METHOD.tolerance_pct                     the "setara" tolerance in %
    KSEL.*  STAB.*  K2.jaccard  UNIT.*  ASSUME.*  PCA.*  CMP.*  K2.population*   the analyses
    UNIT.Papua.UHH.value / .rank_high / .rank_low / .rank_high_cluster / .rank_low_cluster,
    K2.UHH.n_above / .n_below   one unit's value and places; members above/below (interpret/facts_units.py)

IDs depend on cluster numbers, which are deterministic (see clustering.order_labels).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np

from .facts_households_sections import CategoricalInfo, CategoryProfile, ClassShare, HouseholdFacts, HouseholdGroup, PovertyClass
from .facts_section import Section as _Section
from .terms import Direction, StabilityLevel

SCHEMA_VERSION = 2  # of result.json; changes when a key of the facts changes meaning


@dataclass(frozen=True)
class Fact:
    """One number (or text) the brief may state. A plain dataclass, so the verifier can make
    ad-hoc facts positionally; pydantic validates it when a `Facts` is read from JSON."""

    id: str
    value: float | int | str  # a direction fact's value is its Direction ("above", "below", "equal")
    kind: str  # mean, median, min, max, sd, diff, diff_pct, z, rank, direction, size, reference, count, ...
    decimals: int = 0
    unit: str = ""
    cluster: int | None = None  # 1-based cluster number
    feature: str | None = None
    text: str = ""  # as the brief writes it ("73,13 tahun"); a direction fact's text is its Direction value
    member: str | None = None  # a unit id, for facts about one unit (stability, outliers)


# -- what was read and how it was clustered -------------------------------------------------------
class DroppedUnit(_Section):
    id: str
    reason: str


class DatasetInfo(_Section):
    name: str
    title: str
    source: str
    year: int | None
    unit: str
    unit_plural: str
    n_units: int
    file: str
    sha256: str
    size_bytes: int
    dropped: list[DroppedUnit] = []
    """Units left out because their data are incomplete (spec: missing = "drop")."""
    title_en: str | None = None
    """The spec's English title (title_en): an English brief prints it instead of `title`."""
    source_en: str | None = None
    """The spec's English source line (source_en)."""


class Reference(_Section):
    kind: Literal["row", "mean", "weighted_mean", "values"]
    """The aggregate row of the table, the plain mean of the units, their mean weighted by a column
    (`weight`), or published figures given in the spec (`source`, `publisher`)."""
    label: str
    row_id: str | None = None
    """The aggregate row, never clustered."""
    values: dict[str, float]
    source: str | None = None
    """Where published figures (kind "values") come from, as the spec says."""
    publisher: str | None = None
    weight: str | None = None
    """The weight column of a weighted mean."""


class MethodInfo(_Section):
    standardization: str
    """How each feature was scaled: "zscore", "minmax" or "robust"."""
    algorithm: str
    """The clustering method: "kmeans", "kmedoids" or "ward"."""
    metric: str
    """The distance: "euclidean" or "manhattan"."""
    pca: bool
    """The clustering ran on principal-component scores."""
    k: int
    k_reason: str | None
    """The spec's own k_reason (user data), only when the spec set k."""
    k_reason_en: str | None = None
    """Its English wording (spec k_reason_en), for an English brief."""
    k_source: Literal["cli", "spec", "auto"]
    """Who set k: the command line, the spec, or the k-selection panel's consensus."""
    seed: int
    n_init: int | None
    within_ss: float
    """Total within-cluster sum of squares (in the clustered space)."""
    total_ss: float
    between_pct: float
    """Between-cluster SS as % of the total SS."""
    tolerance_pct: float
    """A |diff_pct| up to this is "equal" to the reference."""
    order_by: str
    """How clusters are numbered: "composite" (best first) or a feature name."""
    weighted: bool
    """Means and counts are survey-weighted population estimates."""
    weight_column: str | None
    caveats: list[str] = []
    """Keys of the run's caveats, worded by the catalogue's [caveat] table: "many_clusters" (k > n/3),
    "k_panel_skipped" (k fixed, the k panel not run), "low_msa_dropped"."""
    dropped_features: list[str] = []
    """Features left out of the clustering space (drop_low_msa: MSA below the KMO threshold); still profiled."""


class FeatureInfo(_Section):
    name: str
    column: str
    label: str
    unit: str
    direction: Literal["higher_is_better", "lower_is_better", "neutral"]
    """"neutral": no better or worse (household size)."""
    decimals: int
    theme: str
    aliases: list[str] = []
    """Other names of the indicator (spec `aliases`): a claim naming one is about this indicator."""
    expression: str | None = None
    """A derived feature's formula over the table's columns and lookups (spec `expression`)."""
    reason: str | None = None
    """Why this feature and its direction (spec `reason`): the brief prints it, as data."""
    label_en: str | None = None
    """The English label (spec label_en): an English brief prints it, and the verifier binds it."""
    reason_en: str | None = None


# -- the clusters ---------------------------------------------------------------------------------
class FeatureFacts(_Section):
    mean: float
    median: float
    min: float
    max: float
    sd: float | None
    """None for a one-member cluster."""
    reference: float
    diff: float
    diff_pct: float
    z: float
    rank: int
    """1 = the highest mean among clusters."""
    direction: Direction
    """Of the mean against the reference, within the tolerance."""
    better: bool | None
    """Direction-adjusted: True = better than the reference, None = equal."""


class ClusterFacts(_Section):
    number: int
    """1-based, as in "Klaster 1"; deterministic (clustering.order_labels)."""
    id: str
    """The prefix of the cluster's fact IDs: "K1"."""
    size: int
    members: list[str]
    small_n: str | None
    """A caution for tiny clusters: "n=1", "n=2", else None."""
    composite: float
    """Mean direction-adjusted z: the welfare ordering."""
    composite_rank: int
    """1 = the best composite."""
    features: dict[str, FeatureFacts]


# -- the analyses (each None when it did not run) -------------------------------------------------
class KSelection(_Section):
    """The k-selection panel: six indices per candidate k and the consensus of their votes."""

    k_values: list[int]
    indices: dict[str, list[float]]
    """Index name (and gap_se) → one value per k, NaN when not computable."""
    knee: int | None
    """The WSS curve's elbow, None when it has none."""
    votes: dict[str, int]
    """Index name → the k it prefers (wss only when there is a knee)."""
    vote_counts: dict[int, int]
    """k → how many indices voted for it."""
    chosen_k: int
    """The consensus of the votes."""
    tie_break: str | None
    """The index that broke a tie of the most votes ("silhouette"), else None."""
    user_k: int | None
    """The k the run used when it was set (CLI or spec), else None."""
    k_source: Literal["cli", "spec", "auto"]
    sample_size: int | None
    """The O(n²) indices ran on a sample of this size, None: on all units."""
    gap_references: int
    neighbours: int
    rule: str = "auto"
    """How k was chosen: "auto" (the consensus), "dbi", "silhouette", "elbow" or "gap"."""
    excluded: list[int] = []
    """k whose partition has a cluster of one unit (n ≥ 30): they took no vote."""
    edge: bool = False
    """The chosen k is the largest of the range."""
    gap_prefers_one: bool = False
    """The gap statistic prefers k = 1: no clear cluster structure."""
    rule_fallback: bool = False
    """The rule's index gave no choice (elbow without a knee): the consensus decided."""


class UnstableMember(_Section):
    unit: str
    moved_pct: float
    """% of the bootstrap replicates that placed it in another cluster."""
    moved_to: int | None = None
    """The cluster it moved to most often (bootstrap clusters mapped to the clusters they best match)."""
    moved_to_pct: float | None = None
    """% of the replicates in which it moved to that cluster."""


class ClusterStability(_Section):
    jaccard: float
    """Mean bootstrap Jaccard (clusterboot, Hennig)."""
    level: StabilityLevel
    """Hennig's reading of the Jaccard."""
    dissolved_pct: float
    """% of the replicates in which the cluster dissolved (best Jaccard below 0.5)."""
    unstable_members: list[UnstableMember]
    """Members that moved in at least threshold_pct of the replicates, most often moved first."""


class UnitStability(_Section):
    cluster: int
    moved_pct: float


class Stability(_Section):
    B: int
    """The number of bootstrap replicates."""
    seed: int
    clusters: dict[int, ClusterStability]
    units: dict[str, UnitStability]
    """Empty when the bootstrap ran on a sample."""
    unstable_units: list[str]
    unstable_clusters: list[int]
    """Clusters whose Jaccard is below unstable_jaccard."""
    all_unstable: bool
    """No cluster reaches stable_jaccard."""
    stable_jaccard: float
    unstable_jaccard: float
    threshold_pct: float
    """A unit moving this often is unstable."""
    sample_size: int | None
    """The bootstrap ran on a sample of this size, None: on all units."""


class Kmo(_Section):
    overall: float
    per_variable: dict[str, float]
    singular: bool
    """The correlation matrix was singular: a pseudo-inverse was used."""


class AssumptionThresholds(_Section):
    kmo: float
    """The KMO from which sampling adequacy is adequate."""
    correlation: float
    """Above this |r| a pair of features counts twice in the distance."""
    outlier_z: float
    """Above this |z| a value is an outlier."""


class Correlation(_Section):
    a: str
    b: str
    r: float


class Outlier(_Section):
    unit: str
    feature: str
    z: float


class Assumptions(_Section):
    kmo: Kmo | None
    """None with fewer than two features."""
    thresholds: AssumptionThresholds
    high_correlations: list[Correlation]
    outliers: list[Outlier]
    """The most extreme, largest |z| first."""
    n_outliers: int
    """All of them, even when the list is cut."""


class PcaInfo(_Section):
    explained_variance_pct: list[float]
    """For every component, not only the kept ones."""
    kept_pct: float
    loadings: dict[str, list[float]]
    """Feature → loading on each kept component."""
    n_components: int


class ClusterWeight(_Section):
    population: float
    share_pct: float


class WeightsInfo(_Section):
    column: str | None
    population: float
    clusters: dict[int, ClusterWeight]


class ComparisonRow(_Section):
    method: str
    metric: str
    k: int
    silhouette: float
    dbi: float
    connectivity: float
    mean_rank: float
    used: bool
    """The combination this run clustered with."""


class Comparison(_Section):
    """The method comparison (--compare): every combination scored, the best by mean rank."""

    rows: list[ComparisonRow]
    chosen: ComparisonRow
    """The best combination."""

    @property
    def used(self) -> ComparisonRow | None:
        return next((r for r in self.rows if r.used), None)

    @property
    def best_is_used(self) -> bool:
        return self.chosen.used


# -- the whole ----------------------------------------------------------------------------------------
class Facts(_Section):
    """Everything the brief may state about one run: the data, the method, the clusters, every
    fact by ID, and the analyses that ran."""

    dataset: DatasetInfo
    features: list[FeatureInfo]
    reference: Reference
    method: MethodInfo
    clusters: list[ClusterFacts]
    index: dict[str, Fact]
    """Every fact by its stable ID ("K1.UHH.mean"): what the verifier checks claims against."""
    k_selection: KSelection | None = None
    stability: Stability | None = None
    assumptions: Assumptions | None = None
    pca: PcaInfo | None = None
    weights: WeightsInfo | None = None
    comparison: Comparison | None = None
    households: HouseholdFacts | None = None

    def __repr__(self) -> str:  # the index has hundreds of facts: keep tracebacks readable
        return f"Facts({self.dataset.name}, k = {self.k}, {len(self.index)} facts)"

    __str__ = __repr__

    @property
    def k(self) -> int:
        return len(self.clusters)

    def feature(self, name: str) -> FeatureInfo:
        return next(f for f in self.features if f.name == name)

    def cluster(self, number: int) -> ClusterFacts:
        return self.clusters[number - 1]

    # The one codec of result.json's "facts": what `to_json` writes, `from_json` reads back equal.
    def to_json(self) -> dict:
        return self.model_dump(mode="json")

    @classmethod
    def from_json(cls, data: dict) -> Facts:
        return cls.model_validate(data)


def facts_json_schema() -> dict:
    """The JSON Schema of result.json's "facts" (committed as docs/result.schema.json)."""
    schema = Facts.model_json_schema(mode="serialization")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema, "title": "interpret result.json: facts",
            "x-schema-version": SCHEMA_VERSION}


def composite_scores(z_values: np.ndarray, features) -> np.ndarray:
    """Per-row mean of direction-adjusted z (lower-is-better features flipped); `features` are
    FeatureInfo or the spec's features (anything with `.direction`)."""
    signs = np.array([{"higher_is_better": 1.0, "lower_is_better": -1.0}.get(f.direction, 0.0) for f in features])  # neutral: 0
    return (np.asarray(z_values) * signs).mean(axis=1)


__all__ = [
    "Assumptions", "AssumptionThresholds", "CategoricalInfo", "CategoryProfile", "ClassShare", "ClusterFacts", "ClusterStability", "ClusterWeight", "Comparison", "ComparisonRow",
    "Correlation", "DatasetInfo", "DroppedUnit", "Fact", "Facts", "FeatureFacts", "FeatureInfo", "HouseholdFacts", "HouseholdGroup", "KSelection", "Kmo", "MethodInfo",
    "Outlier", "PcaInfo", "PovertyClass", "Reference", "SCHEMA_VERSION", "Stability", "UnitStability", "UnstableMember", "WeightsInfo",
    "composite_scores", "facts_json_schema",
]
