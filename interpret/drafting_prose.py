"""The rule-based drafter's prose: karakteristik that interpret and the summary's message.

A cluster's karakteristik no longer read its table aloud. They say, in this order: how large the
cluster is and where it stands; the indicator that defines it (largest |z|) with its gap in the
indicator's own unit and in percent; the next one, joined by a connective that follows the data
("menyusul" on the same side, "sebaliknya" on the other); the rest in one sentence without numbers;
the members at both ends of the defining indicator (UNIT facts, facts_units.py); the gap to the
neighbouring cluster in the composite order (pair facts, facts_relations.py); and what the pattern
means. Each sentence kind has several frames in the catalogue (`[prose]`, lists), chosen by the data
(cluster number, side), so that no frame repeats across a brief's clusters more than it must.

The summary leads with the message: who lags where, by how much, and in what order to act (the
drafter's priority order), then each cluster with its members (all of them up to
`MEMBERS_IN_FULL`), then the method in one line. Every number is a fact's value written by
`Language.value`, the one formatter the verifier reads back.
"""

from __future__ import annotations

from .facts import ClusterFacts, Facts, FeatureInfo
from .language import Language
from .terms import Direction

MEMBERS_IN_FULL = 5  # the rule: a cluster of up to five units is named in full in the summary
MEMBERS_NAMED = 3  # a larger cluster: this many named, then where the full list is


def frame(lang: Language, key: str, choice: int, **values) -> str:
    """One of the catalogue's frames for a sentence kind, chosen deterministically by `choice`."""
    frames = lang.words(f"prose.{key}")
    template = frames[choice % len(frames)]
    return lang.t_template(template, f"prose.{key}", **values)


def features_phrase(names: list[str], facts: Facts, lang: Language) -> str:
    """A list of indicators in words; all of them (three or more) as "semua indikator"."""
    if len(names) == len(facts.features) > 2:
        return lang.t("prose.all_features")
    return lang.join(names, "prose")


def by_marking(cluster: ClusterFacts, facts: Facts) -> list[FeatureInfo]:
    """The indicators that mark the cluster most first (largest |z| of its mean)."""
    return sorted(facts.features, key=lambda f: -abs(cluster.features[f.name].z))


def _figures(cluster: ClusterFacts, feature: FeatureInfo, facts: Facts, lang: Language) -> dict[str, str]:
    ff = cluster.features[feature.name]
    return {
        "feature": lang.short_label(feature),
        "mean": lang.value(ff.mean, feature.decimals, feature.unit),
        "diff": lang.difference(abs(ff.diff), feature.decimals, feature.unit, per=False),
        "pct": lang.percent(abs(ff.diff_pct)),
        "direction": lang.word("direction", ff.direction),
        "reference": lang.reference_phrase(facts),
        "reference_value": lang.value(ff.reference, feature.decimals, feature.unit, per=False),
    }


def _side(cluster: ClusterFacts, feature: FeatureInfo) -> str:
    """"better" / "worse" than the reference (direction-adjusted), "equal", or "neutral" (no better)."""
    ff = cluster.features[feature.name]
    if ff.direction == Direction.EQUAL:
        return "equal"
    if ff.better is None:
        return "neutral"
    return "better" if ff.better else "worse"


def _extremes(cluster: ClusterFacts, feature: FeatureInfo, facts: Facts) -> tuple[str, float, str, float] | None:
    """(lowest member, its value, highest member, its value) on an indicator, from the unit facts."""
    low = high = None
    for fact in facts.index.values():
        if fact.cluster != cluster.number or fact.feature != feature.name or fact.member is None:
            continue
        if fact.kind == "rank_low_cluster" and fact.value == 1 and low is None:
            low = fact.member
        elif fact.kind == "rank_high_cluster" and fact.value == 1 and high is None:
            high = fact.member
    if low is None or high is None or low == high:
        return None
    value = {f.member: float(f.value) for f in facts.index.values()
             if f.kind == "unit" and f.feature == feature.name and f.member in {low, high}}
    return low, value[low], high, value[high]


def _neighbour(cluster: ClusterFacts, facts: Facts) -> tuple[ClusterFacts, str] | None:
    """The cluster one place up in the composite order ("above"), or for the first, one down ("below")."""
    by_rank = {c.composite_rank: c for c in facts.clusters}
    if cluster.composite_rank - 1 in by_rank:
        return by_rank[cluster.composite_rank - 1], "above"
    if cluster.composite_rank + 1 in by_rank:
        return by_rank[cluster.composite_rank + 1], "below"
    return None


def _pair_gap_text(a: ClusterFacts, b: ClusterFacts, feature: FeatureInfo, facts: Facts, lang: Language) -> str:
    first, second = sorted((a.number, b.number))
    fact = facts.index.get(f"K{first}-K{second}.{feature.name}.gap")
    gap = float(fact.value) if fact is not None else abs(a.features[feature.name].mean - b.features[feature.name].mean)
    return lang.difference(gap, feature.decimals, feature.unit)


def characteristics(cluster: ClusterFacts, facts: Facts, lang: Language) -> tuple[list[str], str]:
    """The interpreting sentences of a cluster of two or more members (after its opening sentence),
    and the closing sentence that says what they mean (the caller puts the ranks between)."""
    choice = cluster.number
    order = by_marking(cluster, facts)
    lead, rest = order[0], order[1:]
    lead_side = _side(cluster, lead)
    sentences = [frame(lang, f"lead_{lead_side}", choice, **_figures(cluster, lead, facts, lang))]
    groups: dict[str, list[str]] = {}
    for feature in rest[1:]:
        groups.setdefault(cluster.features[feature.name].direction, []).append(lang.short_label(feature))
    lead_direction = cluster.features[lead.name].direction
    same, other = [], []
    for direction, names in groups.items():
        kind = "rest_equal" if direction == Direction.EQUAL else "rest_same" if direction == lead_direction else "rest_other"
        (same if kind == "rest_same" else other).append(frame(lang, kind, choice, features=lang.join(names, "prose"),
                                                              direction=lang.word("direction", direction), reference=lang.reference_phrase(facts)))
    if rest:
        second = rest[0]
        side = _side(cluster, second)
        kind = "second_equal" if side == "equal" else "second_same" if side == lead_side else "second_other"
        text = frame(lang, kind, choice, **_figures(cluster, second, facts, lang))
        # the rest on the lead's side ("juga") follows the lead, before a "sebaliknya" turns the other way
        sentences.extend([text, *same] if kind == "second_same" else [*same, text])
    sentences.extend(other)
    ends = _extremes(cluster, lead, facts) if cluster.size >= 3 else None
    if ends is not None:
        low, low_value, high, high_value = ends
        sentences.append(frame(lang, "extremes", choice, feature=lang.short_label(lead), low_member=low, high_member=high,
                               low=lang.value(low_value, lead.decimals, lead.unit, per=False),
                               high=lang.value(high_value, lead.decimals, lead.unit, per=False)))
    found = _neighbour(cluster, facts)
    if found is not None:
        other, where = found
        feature = max(facts.features, key=lambda f: abs(cluster.features[f.name].z - other.features[f.name].z))
        sentences.append(frame(lang, f"neighbour_{where}", choice, m=other.number, feature=lang.short_label(feature),
                               gap=_pair_gap_text(cluster, other, feature, facts, lang)))
    return sentences, _meaning(cluster, facts, lang, lead, choice)


def _meaning(cluster: ClusterFacts, facts: Facts, lang: Language, lead: FeatureInfo, choice: int) -> str:
    """What the pattern means: behind (or ahead) everywhere, or a weakness in a few indicators."""
    sides = {f.name: _side(cluster, f) for f in facts.features}
    worse = [lang.short_label(f) for f in facts.features if sides[f.name] == "worse"]
    better = [lang.short_label(f) for f in facts.features if sides[f.name] == "better"]
    # only the indicators level with the reference are "setara"; one without a better side (household
    # size) that sits above or below it is neither an asset nor a weakness, and is not called level
    others = [lang.short_label(f) for f in facts.features if sides[f.name] == "equal"]  # named: "the other indicators" binds to nothing
    if worse and not better:
        kind = "meaning_all_worse" if len(worse) == len(facts.features) else "meaning_worse" if others else "meaning_worse_alone"
    elif better and not worse:
        kind = "meaning_all_better" if len(better) == len(facts.features) else "meaning_better" if others else "meaning_better_alone"
    elif worse and better:
        kind = "meaning_mixed"
    else:
        kind = "meaning_even"
    # the cluster named, not "klaster ini": the sentence before it names the neighbour it is compared with
    return frame(lang, kind, choice, n=cluster.number, worse=lang.join(worse, "prose"), better=lang.join(better, "prose"), others=lang.join(others, "prose"),
                 feature=lang.short_label(lead), reference=lang.reference_phrase(facts))


# -- the executive summary ---------------------------------------------------------------------------
def members_text(cluster: ClusterFacts, lang: Language) -> str:
    """All members up to MEMBERS_IN_FULL; beyond, the first few and where the full list is."""
    if cluster.size <= MEMBERS_IN_FULL:
        return lang.join(cluster.members, "prose")
    return lang.t("summary.members_more", named=", ".join(cluster.members[:MEMBERS_NAMED]), n=cluster.number)


def deepest_gap(cluster: ClusterFacts, facts: Facts, side: str) -> FeatureInfo | None:
    """Of the indicators on `side` ("worse"/"better"), the one furthest from the reference in |z|."""
    found = [f for f in facts.features if _side(cluster, f) == side]
    return max(found, key=lambda f: abs(cluster.features[f.name].z)) if found else None


def message(facts: Facts, order: list[ClusterFacts], labels: dict[int, str], lang: Language) -> list[str]:
    """The summary's first paragraph: who lags where and by how much, then the order to act in."""
    units = lang.unit_noun(facts)
    sentences = []
    first = order[0]
    worst = deepest_gap(first, facts, "worse")
    if worst is not None:
        worse = [lang.short_label(f) for f in facts.features if _side(first, f) == "worse"]
        sentences.append(lang.t("summary.lag_first", n=first.number, label=_unnamed(labels[first.number], first), size=first.size, units=units,
                                worse=features_phrase(worse, facts, lang), **_figures(first, worst, facts, lang)))
    best = order[-1]
    strongest = deepest_gap(best, facts, "better")
    if strongest is not None and best.number != first.number:
        sentences.append(lang.t("summary.lead_last", n=best.number, label=labels[best.number], **_figures(best, strongest, facts, lang)))
    if len(order) > 1:
        rest = [lang.t("summary.cluster_ref", n=c.number) for c in order[1:]]
        sentences.append(lang.t("summary.order", first=lang.t("summary.cluster_ref", n=first.number), rest=lang.join(rest, "prose")))
    return [" ".join(sentences)] if sentences else []


def _unnamed(label: str, cluster: ClusterFacts) -> str:
    """A one-member cluster's label without its member ("Capaian rendah, hanya Papua" → "Capaian rendah"): in the
    message sentence the unit's name would make the cluster's figures read as the unit's own."""
    return label.split(",")[0] if cluster.size == 1 else label


def cluster_line(cluster: ClusterFacts, facts: Facts, label: str, lang: Language) -> str:
    """One cluster of the summary: members, then where it is ahead and behind, with its largest gap."""
    better = [lang.short_label(f) for f in facts.features if _side(cluster, f) == "better"]
    worse = [lang.short_label(f) for f in facts.features if _side(cluster, f) == "worse"]
    parts = []
    if better:
        parts.append(lang.t("summary.ahead", features=features_phrase(better, facts, lang)))
    if worse:
        parts.append(lang.t("summary.behind", features=features_phrase(worse, facts, lang)))
    if not parts:
        parts.append(lang.t("summary.equal_everywhere", reference=lang.reference_phrase(facts)))
    return lang.t("summary.cluster", n=cluster.number, label=label, size=cluster.size, units=lang.unit_noun(facts),
                  members=members_text(cluster, lang), standing=lang.t("summary.standing_separator").join(parts))
