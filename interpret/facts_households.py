"""The household facts (issue 15): per cluster, the weighted share and count of households and persons
in each class of the line (BPS: sangat miskin … tidak miskin as multiples of GK), below the line and
near-poor, and the shares and modal category of every coded answer.

`household_facts(dataset, labels, k)` builds the typed section (`facts.HouseholdFacts`);
`household_index(add, section)` derives its facts with stable IDs for the verifier:

    K2.households  K2.persons                         households / persons in cluster 2 (weighted)
    K2.class.miskin.households(_pct)  .persons(_pct)  in BPS class "miskin"
    K2.below_line.households_pct  K2.near_poor.persons_pct  ...
    K2.cat.atap.share.2  K2.cat.atap.modal(_pct)       coded answers: share of code 2, the modal code
    DATA.…                                             the same for all households; LINE.mean

A share's denominator is its own cluster's households (or persons): "18,2 % of the households of
cluster 2", never a share of all the poor.
"""

from __future__ import annotations

import numpy as np

from .data import Dataset
from .facts import CategoricalInfo, CategoryProfile, ClassShare, Fact, HouseholdFacts, HouseholdGroup, PovertyClass
from .numbers import format_number, format_percent, with_unit


def household_facts(dataset: Dataset, labels: np.ndarray, k: int) -> HouseholdFacts | None:
    data, spec = dataset.households, dataset.spec
    if data is None:
        return None
    th = spec.thresholds
    classes: list[PovertyClass] = []
    if th is not None:
        lower = None
        for c in th.class_list:
            classes.append(PovertyClass(name=c.name, label=c.label, label_en=c.label_en, lower=lower, upper=c.below))
            lower = c.below
    categorical = [CategoricalInfo(name=f.name, column=f.column, label=f.label, kind=f.kind, codes=dict(f.codes), theme=f.theme,
                                   label_en=f.label_en, codes_en=dict(f.codes_en)) for f in spec.categorical]
    everyone = np.ones(len(labels), dtype=bool)
    total = _group(dataset, everyone, classes, categorical)
    clusters = {c + 1: _group(dataset, labels == c, classes, categorical) for c in range(k)}
    weights = spec.weights
    persons_source = None if data.person_weights is None else ("column" if weights and weights.persons else "household_size")
    line_source = None if th is None else next(name for name in ("value", "column", "lookup") if getattr(th.line, name) is not None)
    return HouseholdFacts(
        weighted=data.weighted,
        weight_column=weights.households if weights else None,
        persons_source=persons_source,
        measure=th.measure if th else None,
        line_source=line_source,
        line_mean=float(np.average(data.line, weights=data.household_weights)) if th else None,
        line_unit=th.unit if th else "",
        poor_below=th.poor_below if th else None,
        near_poor_below=th.near_poor_below if th else None,
        classes=classes,
        categorical=categorical,
        total=total,
        clusters=clusters,
    )


def _share(mask: np.ndarray, rows: np.ndarray, hh: np.ndarray, persons: np.ndarray | None) -> ClassShare:
    """The households (and persons) of `rows` that are in `mask`, as counts and as % of `rows`."""
    hh_in, hh_all = float(hh[rows & mask].sum()), float(hh[rows].sum())
    p_in = p_all = None
    if persons is not None:
        p_in, p_all = float(persons[rows & mask].sum()), float(persons[rows].sum())
    return ClassShare(
        households=hh_in,
        households_pct=100.0 * hh_in / hh_all if hh_all else 0.0,
        persons=p_in,
        persons_pct=(100.0 * p_in / p_all if p_all else 0.0) if persons is not None else None,
    )


def _group(dataset: Dataset, rows: np.ndarray, classes: list[PovertyClass], categorical: list[CategoricalInfo]) -> HouseholdGroup:
    data = dataset.households
    hh, persons = data.household_weights, data.person_weights
    shares, below, near = {}, None, None
    ratio = data.ratio
    if ratio is not None:
        for c in classes:
            inside = np.ones(len(ratio), dtype=bool)
            if c.lower is not None:
                inside &= ratio >= c.lower
            if c.upper is not None:
                inside &= ratio < c.upper
            shares[c.name] = _share(inside, rows, hh, persons)
        th = dataset.spec.thresholds
        below = _share(ratio < th.poor_below, rows, hh, persons)
        near = _share((ratio >= th.poor_below) & (ratio < th.near_poor_below), rows, hh, persons)
    categories = {}
    for info in categorical:
        codes = data.categories[info.name].to_numpy()
        total = float(hh[rows].sum())
        pct = {code: (100.0 * float(hh[rows & (codes == code)].sum()) / total if total else 0.0) for code in info.codes}
        modal = max(pct, key=lambda code: pct[code])  # max keeps the first declared code on a tie
        categories[info.name] = CategoryProfile(shares_pct=pct, modal=modal, modal_pct=pct[modal])
    return HouseholdGroup(
        households=float(hh[rows].sum()),
        persons=float(persons[rows].sum()) if persons is not None else None,
        classes=shares,
        below_line=below,
        near_poor=near,
        categories=categories,
    )


def household_index(add, section: HouseholdFacts) -> None:
    """The section's facts, whole data first (DATA.…), then each cluster (K1.…)."""
    if section.line_mean is not None:
        add(Fact("LINE.mean", section.line_mean, "line", 0, section.line_unit, text=with_unit(format_number(section.line_mean, 0), section.line_unit)))
    _group_facts(add, "DATA", None, section.total)
    for number, group in section.clusters.items():
        _group_facts(add, f"K{number}", number, group)


def _group_facts(add, prefix: str, cluster: int | None, group: HouseholdGroup) -> None:
    def count(fid: str, value: float) -> None:
        add(Fact(fid, value, "count", 0, "", cluster=cluster, text=format_number(value, 0)))

    def pct(fid: str, value: float) -> None:
        add(Fact(fid, value, "share", 1, "%", cluster=cluster, text=format_percent(value)))

    count(f"{prefix}.households", group.households)
    if group.persons is not None:
        count(f"{prefix}.persons", group.persons)
    named = [(f"class.{name}", share) for name, share in group.classes.items()]
    named += [(name, share) for name, share in (("below_line", group.below_line), ("near_poor", group.near_poor)) if share is not None]
    for name, share in named:
        base = f"{prefix}.{name}"
        count(f"{base}.households", share.households)
        pct(f"{base}.households_pct", share.households_pct)
        if share.persons is not None:
            count(f"{base}.persons", share.persons)
            pct(f"{base}.persons_pct", share.persons_pct)
    for feature, profile in group.categories.items():
        base = f"{prefix}.cat.{feature}"
        for code, value in profile.shares_pct.items():
            pct(f"{base}.share.{code}", value)
        add(Fact(f"{base}.modal", profile.modal, "category", 0, "", cluster=cluster, text=profile.modal))
        pct(f"{base}.modal_pct", profile.modal_pct)


__all__ = ["household_facts", "household_index"]
