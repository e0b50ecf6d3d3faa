"""Stage 4: the rule-based drafter (no LLM), in any language of interpret/languages/.

It writes a label, karakteristik and rekomendasi per cluster, an executive summary and a
conclusion, from the facts alone. The code here decides *what* to say (standing, widest gap,
priority, tiers); the `Language` says *how*, and writes every number the way the facts format it
in that language. It is also the last fallback of the LLM chain, so it returns the `Drafts` contract.
"""

from __future__ import annotations

from .drafting_households import class_recommendations, household_sentences, household_summary
from .drafting_prose import characteristics, cluster_line, frame, message
from .drafts import ClusterDraft, Drafts, Rekomendasi, SectionSource, SummaryDraft
from .errors import ConfigError
from .facts import ClusterFacts, Facts, FeatureInfo
from .language import DATA_LANGUAGE, Language, load_language
from .rules import Decisions, LoadedRules, gap_sd, matching_features, unit_sd
from .terms import Direction

# The composite tier of each rank, best first, for the k values that have a fixed wording.
TIERS = {
    2: ["high", "low"],
    3: ["high", "middle", "low"],
    4: ["high", "upper_middle", "lower_middle", "low"],
    5: ["high", "upper_middle", "middle", "lower_middle", "low"],
}
LABEL_MAX = next(m.max_length for m in ClusterDraft.model_fields["label"].metadata if hasattr(m, "max_length"))  # the drafts contract's limit
CHAIN_LANGUAGE = DATA_LANGUAGE  # the language of the LLM prompts, so of the chain and of its rule-based fallback
def draft_rule_based(facts: Facts, rules: LoadedRules, language: Language | str = CHAIN_LANGUAGE) -> Drafts:
    lang = load_language(language)
    labels = cluster_labels(facts, lang)
    clusters = [_cluster_draft(c, facts, rules, labels, lang) for c in facts.clusters]
    summary = summary_draft(facts, clusters, lang, rules.book.keputusan)
    provider, model = lang.t("drafter.provider"), lang.t("drafter.model", sha=rules.sha256[:12])
    sources = [SectionSource(section, provider, model) for section in sections(facts)]
    return Drafts(clusters=clusters, summary=summary, sources=sources)


def redraft(facts: Facts, rules: LoadedRules, drafts: Drafts, language: Language | str) -> Drafts:
    """The rule-based drafts in `language`, replacing drafts written in another language (the LLM
    prompts are Indonesian): each section's notes say who wrote the first draft, and the chain's
    record (`drafts.llm`: token usage) is kept, since those calls were made."""
    lang = load_language(language)
    fresh = draft_rule_based(facts, rules, lang)
    before = {s.section: s for s in drafts.sources}
    sources = []
    for s in fresh.sources:
        previous = before.get(s.section)
        # a rule-based first draft is only the same rules in the facts' language: its model id is no news
        key = "drafter.redraft_note_rule_based" if previous and previous.provider == load_language(DATA_LANGUAGE).t("drafter.provider") else "drafter.redraft_note"
        notes = [lang.t(key, provider=previous.provider, model=previous.model, language=lang.name)] if previous else []
        sources.append(SectionSource(s.section, s.provider, s.model, notes, previous.provider if previous else None))
    return Drafts(clusters=fresh.clusters, summary=fresh.summary, sources=sources, llm=drafts.llm)


def sections(facts: Facts) -> list[str]:
    return [*(f"klaster-{c.number}" for c in facts.clusters), "ringkasan"]


def tier_of(rank: int, k: int) -> str:
    """The composite tier key of a cluster: high … low."""
    if k in TIERS:
        return TIERS[k][rank - 1]
    position = (rank - 1) / (k - 1)
    return "high" if position == 0 else "low" if position == 1 else "upper_middle" if position < 0.5 else "lower_middle"


def cluster_labels(facts: Facts, language: Language | str = CHAIN_LANGUAGE) -> dict[int, str]:
    """Distinct labels by construction, for any k: the composite tier ("Capaian tinggi" / "High
    achievement"); clusters that share a tier are told apart by the features that mark them most
    (largest |z|: one, then two, ... of them, the first combination no other cluster of that tier
    took), and, when the features run out, by their composite position. The descriptors are neutral
    ("ciri …" / "marked by …"): a direction word in a label would be a claim to verify."""
    lang = load_language(language)
    tiers = {c.number: lang.t("label.tier", tier=lang.word("tier", tier_of(c.composite_rank, facts.k))) for c in facts.clusters}
    labels = dict(tiers)
    by_tier: dict[str, list[ClusterFacts]] = {}
    for c in sorted(facts.clusters, key=lambda c: c.composite_rank):
        by_tier.setdefault(tiers[c.number], []).append(c)
    for peers in by_tier.values():
        peers = [c for c in peers if c.size > 1]  # a one-member cluster is named by its member below
        if len(peers) < 2:
            continue
        taken: set[tuple[str, ...]] = set()
        for c in peers:
            marks = _marking_combinations(c, facts, limit=len(peers))
            choice = next((m for m in marks if m not in taken and len(_marked(lang, labels[c.number], m, facts)) <= LABEL_MAX), None)
            if choice is None:
                labels[c.number] += lang.t("label.position", ordinal=lang.ordinal(c.composite_rank))
                continue
            taken.add(choice)
            labels[c.number] = _marked(lang, labels[c.number], choice, facts)
    for c in facts.clusters:
        if c.size == 1:
            labels[c.number] += lang.t("label.only", member=c.members[0])
    return labels


def _marked(lang: Language, label: str, names: tuple[str, ...], facts: Facts) -> str:
    """A feature is named by the short name its spec gave when that is a word ("UHH", "Pengeluaran"),
    else by its label: a column name ("art") or an identifier ("lantai_kapita") is the table's, not
    a reader's."""
    by_name = {f.name: f for f in facts.features}
    shown = [name if by_name[name].column != name and "_" not in name else by_name[name].label for name in names]
    return label + lang.t("label.marked", features=lang.join(shown, "prose"))


def _marking_combinations(cluster: ClusterFacts, facts: Facts, limit: int) -> list[tuple[str, ...]]:
    """Feature combinations that mark a cluster, most marking first: single features by |z|, then
    pairs, triples … (in |z| order), until there are at least `limit` of them (at most all subsets)."""
    from itertools import combinations

    order = sorted(facts.features, key=lambda f: -abs(cluster.features[f.name].z))
    names = [f.name for f in order]
    found: list[tuple[str, ...]] = []
    for size in range(1, len(names) + 1):
        found.extend(combinations(names, size))
        if len(found) >= limit * 4:  # enough candidates for every peer to find a free one
            break
    return found


def _signed_z(cluster: ClusterFacts, feature: FeatureInfo) -> float:
    z = cluster.features[feature.name].z
    return {"higher_is_better": z, "lower_is_better": -z}.get(feature.direction, 0.0)  # neutral: never "strongest"


# -- what to say: choices made in no language --------------------------------------------------------
def standing(cluster: ClusterFacts, facts: Facts) -> tuple[list[str], list[str]]:
    """Feature names where the cluster is better / worse than the reference (direction-adjusted)."""
    better = [f.name for f in facts.features if cluster.features[f.name].better is True]
    worse = [f.name for f in facts.features if cluster.features[f.name].better is False]
    return better, worse


def widest_gap(facts: Facts) -> tuple[FeatureInfo, ClusterFacts, ClusterFacts]:
    """(feature, cluster with the highest mean, cluster with the lowest) for the largest gap between
    clusters, measured in SD of the units (a percent gap favours features with a small mean)."""
    gap = max(facts.features, key=lambda f: _spread(facts, f))
    hi = max(facts.clusters, key=lambda c: c.features[gap.name].mean)
    lo = min(facts.clusters, key=lambda c: c.features[gap.name].mean)
    return gap, hi, lo


def most_deviating(names: list[str], cluster: ClusterFacts, facts: Facts) -> str:
    """Of these features, the one furthest from the reference in SD of the units: a recommendation's evidence."""
    return max(names, key=lambda name: abs(gap_sd(cluster, name, facts)))


def by_need(facts: Facts) -> list[ClusterFacts]:
    """Clusters in policy priority: the lowest composite first."""
    return sorted(facts.clusters, key=lambda c: -c.composite_rank)


def priority_groups(facts: Facts, decisions: Decisions) -> list[list[ClusterFacts]]:
    """Clusters in policy priority, lowest composite first, in groups of clusters "sejajar" (tied):
    a cluster joins the group before it when its composite is within sejajar_maks_sd of its neighbour's
    (the composite is a mean of z-scores, so the threshold is in SD)."""
    groups: list[list[ClusterFacts]] = []
    for c in by_need(facts):
        if groups and c.composite - groups[-1][-1].composite < decisions.sejajar_maks_sd:
            groups[-1].append(c)
        else:
            groups.append([c])
    return groups


def unstable_clusters(facts: Facts) -> set[int]:
    """Clusters below the brief's own stability threshold: their advice is provisional."""
    return set(facts.stability.unstable_clusters) if facts.stability is not None else set()


def sectors_of(draft: ClusterDraft) -> list[str]:
    """The draft's sectors, first mention first, without repeats."""
    return list(dict.fromkeys(rec.sektor for rec in draft.rekomendasi))


def _spread(facts: Facts, feature: FeatureInfo) -> float:
    means = [c.features[feature.name].mean for c in facts.clusters]
    sd = unit_sd(facts, feature.name)
    return (max(means) - min(means)) / sd if sd else 0.0


# -- how to say it: sentences from the language ------------------------------------------------------
def _value(lang: Language, value: float, feature: FeatureInfo, per: bool = True) -> str:
    """A feature's value in prose: money as "Rp15,4 juta per orang per tahun", else number and unit."""
    return lang.value(value, feature.decimals, feature.unit, per=per)


def feature_sentence(cluster: ClusterFacts, feature: FeatureInfo, facts: Facts, lang: Language, variant: int = 0) -> str:
    """One indicator's mean against the reference. The frame rotates with `variant` (a recommendation's
    slot in the brief) or, in a one-member cluster's karakteristik, with the indicator."""
    ff = cluster.features[feature.name]
    direction = ff.direction
    values = {"feature": lang.short_label(feature), "mean": _value(lang, ff.mean, feature), "reference": lang.reference_phrase(facts),
              "reference_value": _value(lang, ff.reference, feature, per=False)}
    choice = variant if variant else facts.features.index(feature)
    if direction == Direction.EQUAL:
        return frame(lang, "evidence_equal", choice, **values)
    return frame(lang, "evidence_differs", choice, pct=lang.percent(abs(ff.diff_pct)), direction=lang.word("direction", direction), **values)


def _cluster_draft(cluster: ClusterFacts, facts: Facts, rules: LoadedRules, labels: dict[int, str], lang: Language) -> ClusterDraft:
    unit, units = lang.unit_noun(facts, plural=False), lang.unit_noun(facts)
    if cluster.size == 1:
        sentences = [lang.t("draft.one_member", unit=unit, member=cluster.members[0])]
        sentences.extend(feature_sentence(cluster, f, facts, lang) for f in facts.features)
    else:
        sentences = [frame(lang, "opening", cluster.composite_rank, size=cluster.size, units=units, ordinal=lang.ordinal(cluster.composite_rank))]
        body, meaning = characteristics(cluster, facts, lang)
        sentences.extend(body)
    top = [lang.short_label(f) for f in facts.features if cluster.features[f.name].rank == 1]
    bottom = [lang.short_label(f) for f in facts.features if cluster.features[f.name].rank == facts.k]
    for key, names in (("highest", top), ("lowest", bottom)):
        if names and len(names) == len(facts.features) > 2:
            sentences.append(lang.t(f"draft.{key}_all"))
        elif names:
            sentences.append(lang.t(f"draft.{key}", features=lang.join(names, "prose")))
    if cluster.size == 2:
        sentences.append(lang.t("draft.two_members", first=cluster.members[0], second=cluster.members[1], unit=unit))
    if cluster.size > 1:
        sentences.append(meaning)
    sentences.extend(household_sentences(cluster.number, facts, lang))
    return ClusterDraft(klaster=cluster.number, label=labels[cluster.number], karakteristik=sentences, rekomendasi=_recommendations(cluster, facts, rules, lang))


def _recommendations(cluster: ClusterFacts, facts: Facts, rules: LoadedRules, lang: Language) -> list[Rekomendasi]:
    recs = class_recommendations(cluster.number, facts, rules, lang)[: rules.book.maks_per_klaster]  # households first
    for rule in rules.book.aturan:
        if len(recs) >= rules.book.maks_per_klaster:
            break
        hits = matching_features(rule, cluster, facts, rules.book.keputusan)
        if not hits:
            continue
        slot = (cluster.number - 1) * rules.book.maks_per_klaster + len(recs) + 1  # consecutive slots, consecutive frames
        recs.append(_recommendation(rule.id, rule.sektor, rules.book.text_of(rule, lang.code), hits, cluster, facts, rules, lang, rule.rincian, slot))
        if len(recs) >= rules.book.maks_per_klaster:
            break
    fallback = rules.book.cadangan
    if not recs and fallback is not None:
        judged = [f.name for f in facts.features if f.direction != "neutral"] or [f.name for f in facts.features]  # a neutral feature is no grounds
        recs.append(_recommendation("cadangan", fallback.sektor, rules.book.text_of(fallback, lang.code), judged, cluster, facts, rules, lang))
    if not recs:
        raise ConfigError(f"No rule in {rules.path} applies to cluster {cluster.number} and the file has no [cadangan] (fallback) recommendation. Add one.")
    if cluster.number in unstable_clusters(facts):  # the brief's own caveat, obeyed by every recommendation
        recs = provisional(recs, facts, lang)
    return recs


def provisional(recs: list[Rekomendasi], facts: Facts, lang: Language) -> list[Rekomendasi]:
    """An unstable cluster's recommendations: the reason once (first), the marker on every one."""
    unit = lang.unit_noun(facts, plural=False)
    return [rec.model_copy(update={"teks": lang.t("draft.provisional_first" if i == 0 else "draft.provisional", unit=unit,
                                                   text=rec.teks if i == 0 else _lower_first(rec.teks))})
            for i, rec in enumerate(recs)]


def gate_unstable(drafts: Drafts, facts: Facts, language: Language | str = CHAIN_LANGUAGE) -> Drafts:
    """Whoever wrote them (a model, too), an unstable cluster's recommendations ship as provisional."""
    lang = load_language(language)
    marker = lang.t("draft.provisional", unit=lang.unit_noun(facts, plural=False), text="")
    unstable = unstable_clusters(facts)
    for draft in drafts.clusters:
        if draft.klaster in unstable and draft.rekomendasi and not all(r.teks.startswith(marker) for r in draft.rekomendasi):
            draft.rekomendasi = provisional(draft.rekomendasi, facts, lang)
    return drafts


def _lower_first(text: str) -> str:
    """"Perkuat …" → "perkuat …" after a lead-in; an acronym ("IKM …") keeps its capitals."""
    return text[0].lower() + text[1:] if len(text) > 1 and text[1].islower() else text


def _parts_sentence(parts, severity: str | None, rules: LoadedRules, lang: Language) -> str:
    """The compact line a planner needs: severity, instrument, actor, target, targeting data, funding."""
    items = [lang.t("draft.part.severity", value=lang.word("severity", severity))] if severity else []
    if parts is not None:
        for key in ("instrumen", "pelaksana", "sasaran", "data_sasaran", "pendanaan"):
            value = rules.book.localised(getattr(parts, key), lang.code)
            if value:
                items.append(lang.t(f"draft.part.{key}", value=value))
    return lang.t("draft.parts", parts="; ".join(items)) if items else ""


def _recommendation(rule_id: str, sector: str, template: str | None, hits: list[str], cluster: ClusterFacts, facts: Facts,
                    rules: LoadedRules, lang: Language, parts=None, variant: int = 0) -> Rekomendasi:
    """One recommendation: the rule's text in the brief's language (or the language's generic
    sentence when the rules file has none) filled with the figures of the most deviating feature,
    then its severity tier and the rule's parts (instrument, actor, target, data, funding)."""
    key = most_deviating(hits, cluster, facts)
    feature = facts.feature(key)
    ff = cluster.features[key]
    values = {
        "bukti": feature_sentence(cluster, feature, facts, lang, variant).rstrip("."),
        "fitur": lang.label(feature),
        "nilai": _value(lang, ff.mean, feature),
        "referensi": _value(lang, ff.reference, feature),
        "selisih": lang.percent(abs(ff.diff_pct)),
        "arah": lang.word("direction", ff.direction),
        "frasa_referensi": lang.reference_phrase(facts),
        "sector": lang.sector(sector),
        "feature": lang.label(feature),
    }
    if template is None:
        text = lang.t("draft.generic_rule", **values)
    else:
        try:
            text = template.format(**values)
        except (KeyError, IndexError) as exc:
            raise ConfigError(f"Rule '{rule_id}' in {rules.path} uses an unknown placeholder {exc}; known: {', '.join('{' + v + '}' for v in values)}.") from None
    decisions = rules.book.keputusan
    gap = gap_sd(cluster, key, facts)
    severity = decisions.severity(gap) if cluster.features[key].better is False and abs(gap) >= decisions.setara_kebijakan_sd else None
    details = _parts_sentence(parts, severity, rules, lang)
    if details:
        text = f"{text} {details}"
    base = f"K{cluster.number}.{key}"
    return Rekomendasi(sektor=sector, teks=text, fakta=[f"{base}.mean", f"REF.{key}", f"{base}.diff_pct"])


def priority_lines(facts: Facts, drafts: list[ClusterDraft], labels: dict[int, str], decisions: Decisions, lang: Language) -> list[str]:
    """One line per cluster, in priority groups: clusters whose composites hardly differ share a
    priority ("sejajar"); an unstable cluster's priority is provisional, a small one's carries its size."""
    unstable, units = unstable_clusters(facts), lang.unit_noun(facts)
    lines = []
    for position, group in enumerate(priority_groups(facts, decisions), start=1):
        for c in group:
            sectors = [lang.sector(s) for s in sectors_of(next(d for d in drafts if d.klaster == c.number))]
            notes = []
            if len(group) > 1:
                notes.append(lang.t("summary.priority_tied", others=lang.join([lang.t("summary.cluster_ref", n=o.number) for o in group if o is not c], "prose")))
            if c.number in unstable:
                notes.append(lang.t("summary.priority_provisional", unit=lang.unit_noun(facts, plural=False)))
            if c.size <= decisions.klaster_kecil_maks:
                notes.append(lang.t("summary.priority_small", size=c.size, units=units, members=lang.join(c.members, "prose")))
            note = lang.t("summary.priority_notes", notes="; ".join(notes)) if notes else ""
            lines.append(lang.t("summary.priority", ordinal=lang.ordinal(position), n=c.number, label=labels[c.number],
                                sectors=lang.join(sectors, "prose"), notes=note))
    return lines


def summary_draft(facts: Facts, drafts: list[ClusterDraft], language: Language | str = CHAIN_LANGUAGE,
                  decisions: Decisions | None = None) -> SummaryDraft:
    """The executive summary and conclusion, from the facts and the clusters' drafts (their labels and
    sectors: the LLM chain calls this with its own cluster drafts)."""
    lang = load_language(language)
    labels = {d.klaster: d.label for d in drafts}
    ds, ref = facts.dataset, facts.reference
    units = lang.unit_noun(facts)
    if ref.kind == "row":
        reference = lang.t("summary.reference_row", label=ref.label)
    elif ref.kind == "values":
        reference = (lang.t("summary.reference_values", publisher=ref.publisher, units=units) if ref.publisher
                     else lang.t("summary.reference_values_unnamed", units=units))
    elif ref.kind == "weighted_mean":
        reference = lang.t("summary.reference_weighted_mean", n=ds.n_units, units=units, unit=lang.unit_noun(facts, False), weight=ref.weight)
    elif facts.method.weighted:  # survey weights: the reference is a weighted mean
        reference = lang.t("summary.reference_weighted", n=ds.n_units, units=units)
    else:
        reference = lang.t("summary.reference_simple", n=ds.n_units, units=units)
    features = lang.join([lang.short_name(f) for f in facts.features], "prose")
    paragraphs = message(facts, by_need(facts), labels, lang)  # the message first: who lags where, by how much, what first
    paragraphs.extend(cluster_line(c, facts, labels[c.number], lang) for c in facts.clusters)
    paragraphs.extend(household_summary(facts, lang))
    gap, hi, lo = widest_gap(facts)
    paragraphs.append(lang.t("summary.widest_gap", feature=lang.short_label(gap), high=_value(lang, hi.features[gap.name].mean, gap), high_cluster=hi.number,
                             low=_value(lang, lo.features[gap.name].mean, gap, per=False), low_cluster=lo.number))
    paragraphs.append(lang.t("summary.intro", n=ds.n_units, units=units, k=facts.k, features=features, reference=reference))  # then the method
    conclusion = priority_lines(facts, drafts, labels, decisions or Decisions(), lang)
    conclusion.append(lang.t("summary.caveat", unit=lang.unit_noun(facts, plural=False)))
    return SummaryDraft(ringkasan=paragraphs, kesimpulan=conclusion)
