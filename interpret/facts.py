"""Stage 3: the facts object — the single source for drafting, verification and the report.

Every number the brief may state is a `Fact` with a stable ID:

    K2.UHH.mean       cluster 2, feature UHH, cluster mean      (also .median .min .max .sd
    K2.UHH.diff_pct   % difference from the reference            .diff .z .rank .direction)
    K2.size           number of members      K2.members (text)  K2.composite_rank (1 = best overall)
    REF.UHH           the national reference value
    DATA.n_units      units clustered        DATA.year    the data year
    RUN.k  RUN.seed  RUN.n_init              FIT.between_pct   between-SS / total-SS in %
    METHOD.tolerance_pct                     the "setara" tolerance in %

IDs depend on cluster numbers, which are deterministic (see clustering.order_labels).
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field
from typing import Literal

import numpy as np

from clustering import Partition, profile_clusters

from .data import Dataset
from .numbers import format_number, format_percent, with_unit

DirectionWord = Literal["di atas", "di bawah", "setara"]
STATS = ("mean", "median", "min", "max", "sd", "diff", "diff_pct", "z", "rank")


@dataclass(frozen=True)
class Fact:
    id: str
    value: float | int | str
    kind: str  # mean, median, min, max, sd, diff, diff_pct, z, rank, direction, size, reference, count, ...
    decimals: int = 0
    unit: str = ""
    cluster: int | None = None  # 1-based cluster number
    feature: str | None = None
    text: str = ""  # as the brief writes it ("73,13 tahun")
    member: str | None = None  # a unit id, for facts about one unit (stability, outliers)


@dataclass(frozen=True)
class FeatureInfo:
    name: str
    column: str
    label: str
    unit: str
    direction: str  # higher_is_better | lower_is_better
    decimals: int
    theme: str


@dataclass(frozen=True)
class FeatureFacts:
    mean: float
    median: float
    min: float
    max: float
    sd: float | None
    reference: float
    diff: float
    diff_pct: float
    z: float
    rank: int
    direction: DirectionWord  # of the value against the reference, within the tolerance
    better: bool | None  # direction-adjusted: True = better than the reference, None = setara


@dataclass(frozen=True)
class ClusterFacts:
    number: int  # 1-based, "Klaster 1"
    id: str  # "K1"
    size: int
    members: list[str]
    small_n: str | None  # "n=1" | "n=2" | None
    composite: float  # mean direction-adjusted z: the welfare ordering
    composite_rank: int  # 1 = best
    features: dict[str, FeatureFacts]


@dataclass(frozen=True)
class Facts:
    dataset: dict
    features: list[FeatureInfo]
    reference: dict  # kind, label, values, row_id, phrase
    method: dict
    clusters: list[ClusterFacts]
    index: dict[str, Fact] = field(repr=False)
    # Further analyses keyed by name (k selection panel, stability, assumption checks, ...): each
    # JSON-serializable, each adding its own facts to `index` through `add_fact`.
    analysis: dict = field(default_factory=dict)

    @property
    def k(self) -> int:
        return len(self.clusters)

    def feature(self, name: str) -> FeatureInfo:
        return next(f for f in self.features if f.name == name)

    def cluster(self, number: int) -> ClusterFacts:
        return self.clusters[number - 1]

    def add_fact(self, fact: Fact) -> None:
        if fact.id in self.index:
            raise ValueError(f"fact {fact.id} already exists")
        self.index[fact.id] = fact

    def to_dict(self) -> dict:
        return {
            "dataset": self.dataset,
            "features": [asdict(f) for f in self.features],
            "reference": self.reference,
            "method": self.method,
            "clusters": [asdict(c) for c in self.clusters],
            "analysis": self.analysis,
            "facts": {fid: asdict(f) for fid, f in self.index.items()},
        }


def composite_scores(z_values: np.ndarray, features: list[FeatureInfo]) -> np.ndarray:
    """Per-row mean of direction-adjusted z (lower-is-better features flipped)."""
    signs = np.array([1.0 if f.direction == "higher_is_better" else -1.0 for f in features])
    return (np.asarray(z_values) * signs).mean(axis=1)


def build_facts(dataset: Dataset, partition: Partition, *, tolerance_pct: float, k_reason: str) -> Facts:
    spec = dataset.spec
    features = [
        FeatureInfo(f.name, f.column, f.label, f.unit, f.direction, f.decimals, f.theme) for f in spec.features
    ]
    profiles = profile_clusters(dataset.values, partition.labels, dataset.reference.values, weights=getattr(dataset, "weights", None))
    sd = dataset.values.std(ddof=1).to_numpy()
    z_centers = (np.array([[p.features[f.name].mean for f in features] for p in profiles]) - dataset.values.mean().to_numpy()) / sd
    composite = composite_scores(z_centers, features)
    composite_rank = (-composite).argsort().argsort() + 1

    index: dict[str, Fact] = {}

    def add(fact: Fact) -> None:
        index[fact.id] = fact

    ref_phrase = "angka nasional" if dataset.reference.kind == "row" else "rata-rata provinsi" if spec.dataset.unit == "provinsi" else "rata-rata unit"
    unit_plural = spec.unit_plural
    n_units = len(dataset.values)
    add(Fact("DATA.n_units", n_units, "count", 0, unit_plural, text=f"{n_units} {unit_plural}"))
    if spec.dataset.year is not None:
        add(Fact("DATA.year", spec.dataset.year, "year", 0, text=str(spec.dataset.year)))
    if dataset.dropped:
        add(Fact("DATA.n_dropped", len(dataset.dropped), "count", 0, unit_plural))
    add(Fact("RUN.k", partition.k, "k", 0, text=str(partition.k)))
    add(Fact("RUN.seed", partition.seed, "seed", 0, text=str(partition.seed)))
    add(Fact("RUN.n_init", partition.n_init, "n_init", 0, text=str(partition.n_init)))
    between_pct = 100 * partition.between_ratio
    add(Fact("FIT.between_pct", between_pct, "between_pct", 1, "%", text=format_percent(between_pct)))
    add(Fact("FIT.within_ss", partition.within_ss, "within_ss", 3, text=format_number(partition.within_ss, 3)))
    add(Fact("METHOD.tolerance_pct", tolerance_pct, "tolerance_pct", 1, "%", text=format_percent(tolerance_pct)))
    for f in features:
        ref = dataset.reference.values[f.name]
        add(Fact(f"REF.{f.name}", ref, "reference", f.decimals, f.unit, feature=f.name, text=with_unit(format_number(ref, f.decimals), f.unit)))

    clusters = []
    for profile in profiles:
        number = profile.index + 1
        cid = f"K{number}"
        add(Fact(f"{cid}.size", profile.size, "size", 0, unit_plural, cluster=number, text=f"{profile.size} {unit_plural}"))
        # For the verifier's membership and overall-rank claims (a text value is never matched as a number).
        add(Fact(f"{cid}.members", ", ".join(profile.members), "members", 0, "", cluster=number, text=", ".join(profile.members)))
        add(Fact(f"{cid}.composite_rank", int(composite_rank[profile.index]), "composite_rank", 0, "", cluster=number, text=str(int(composite_rank[profile.index]))))
        feature_facts = {}
        for f in features:
            s = profile.features[f.name]
            direction = _direction(s.diff_pct, tolerance_pct)
            better = None if direction == "setara" else (direction == "di atas") == (f.direction == "higher_is_better")
            feature_facts[f.name] = FeatureFacts(
                mean=s.mean, median=s.median, min=s.min, max=s.max, sd=s.sd, reference=s.reference,
                diff=s.diff, diff_pct=s.diff_pct, z=s.z, rank=s.rank, direction=direction, better=better,
            )
            base = f"{cid}.{f.name}"
            for stat in ("mean", "median", "min", "max", "sd"):
                value = getattr(s, stat)
                if value is None:
                    continue
                add(Fact(f"{base}.{stat}", value, stat, f.decimals, f.unit, number, f.name, with_unit(format_number(value, f.decimals), f.unit)))
            add(Fact(f"{base}.diff", s.diff, "diff", f.decimals, f.unit, number, f.name, with_unit(format_number(s.diff, f.decimals, signed=True), f.unit)))
            add(Fact(f"{base}.diff_pct", s.diff_pct, "diff_pct", 1, "%", number, f.name, format_percent(s.diff_pct)))
            add(Fact(f"{base}.z", s.z, "z", 2, "", number, f.name, format_number(s.z, 2, signed=True)))
            add(Fact(f"{base}.rank", s.rank, "rank", 0, "", number, f.name, str(s.rank)))
            add(Fact(f"{base}.direction", direction, "direction", 0, "", number, f.name, direction))
        clusters.append(
            ClusterFacts(
                number=number,
                id=cid,
                size=profile.size,
                members=profile.members,
                small_n="n=1" if profile.size == 1 else "n=2" if profile.size == 2 else None,
                composite=float(composite[profile.index]),
                composite_rank=int(composite_rank[profile.index]),
                features=feature_facts,
            )
        )

    return Facts(
        dataset={
            "name": spec.dataset.name,
            "title": spec.dataset.title,
            "source": spec.dataset.source,
            "year": spec.dataset.year,
            "unit": spec.dataset.unit,
            "unit_plural": unit_plural,
            "n_units": n_units,
            "file": dataset.path.name,
            "sha256": dataset.sha256,
            "size_bytes": dataset.size_bytes,
            "dropped": [{"id": i, "reason": r} for i, r in dataset.dropped],
        },
        features=features,
        reference={
            "kind": dataset.reference.kind,
            "label": dataset.reference.label,
            "row_id": dataset.reference.row_id,
            "phrase": ref_phrase,
            "values": dataset.reference.values,
        },
        method={
            "standardization": "zscore",
            "algorithm": partition.method,
            "k": partition.k,
            "k_reason": k_reason,
            "seed": partition.seed,
            "n_init": partition.n_init,
            "within_ss": partition.within_ss,
            "total_ss": partition.total_ss,
            "between_pct": between_pct,
            "tolerance_pct": tolerance_pct,
            "order_by": "composite",
        },
        clusters=clusters,
        index=index,
    )


def _direction(diff_pct: float, tolerance_pct: float) -> DirectionWord:
    if math.isnan(diff_pct) or abs(diff_pct) <= tolerance_pct:
        return "setara"
    return "di atas" if diff_pct > 0 else "di bawah"

