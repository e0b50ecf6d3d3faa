"""The English brief (`--lang en`): drafted from the facts in English, rendered from the English
templates, and verified in English (`Verifier(facts, locale="en")`) before it may be written.

The Indonesian drafts (rule-based or LLM) are verified first as always; the English brief is then
written by this rule-based English drafter, which mirrors `interpret.drafting` sentence by sentence
and writes every number as a fact formatted the English way ("73.13", "11,470", "62.9%"). LLM prose
is Indonesian only: with --lang en the narrative comes from this drafter, and the brief says so.
Sector IDs stay those of the rules file (the draft contract); the brief shows their English names.
"""

from __future__ import annotations

from interpret.drafts import ClusterDraft, Drafts, Rekomendasi, SectionSource, SummaryDraft
from interpret.errors import ConfigError, VerificationError
from interpret.numbers import format_number
from interpret.drafting import by_need, most_deviating, sectors_of, standing, widest_gap, widest_spread
from interpret.rules import matching_features
from interpret.terms import Direction
from . import english_analysis as analysis_text  # the analyses' English wording, reached as en.analysis_text in the templates

ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"]
TIERS = {
    2: ["High", "Low"],
    3: ["High", "Middle", "Low"],
    4: ["High", "Upper-middle", "Lower-middle", "Low"],
    5: ["High", "Upper-middle", "Middle", "Lower-middle", "Low"],
}
UNITS = {
    "tahun": "years", "ribu rupiah/orang/tahun": "thousand rupiah/person/year", "ribu rupiah": "thousand rupiah",
    "rupiah": "rupiah", "rupiah/kapita/bulan": "rupiah/capita/month", "persen": "%", "%": "%", "orang": "people", "jiwa": "people",
}
UNIT_NOUNS = {"provinsi": ("province", "provinces"), "kabupaten/kota": ("district", "districts"), "kabupaten": ("regency", "regencies"),
              "kota": ("city", "cities"), "rumah tangga": ("household", "households")}
SECTORS = {
    "bansos": "social assistance (bansos)", "UMKM": "micro and small enterprises (UMKM)", "IKM": "small and medium industry (IKM)",
    "ekonomi digital": "digital economy", "pendidikan": "education", "kesehatan": "health",
    "infrastruktur dasar": "basic infrastructure", "ketahanan pangan": "food security",
}
# English texts of the built-in rules (interpret/rules/sektor.toml), by rule id. A rule of a user's own
# rules file without an English text gets a generic sentence that still cites its evidence.
RULE_TEXTS = {
    "bansos-daya-beli": "Prioritise wider and better-targeted social assistance (PKH, BPNT/Kartu Sembako, PBI-JKN) for poor and vulnerable households, because purchasing power lags: {bukti}.",
    "kesehatan-dasar": "Strengthen basic health services (puskesmas, maternal and child nutrition, immunisation) and JKN/KIS coverage: {bukti}.",
    "pendidikan-akses": "Widen access to and quality of education (KIP, equivalency education, more teachers in lagging areas): {bukti}.",
    "infrastruktur-terendah": "Accelerate basic infrastructure (safe drinking water, sanitation, electricity, road access) as a precondition for other programmes, because this cluster lags on every indicator, most of all here: {bukti}.",
    "ikm-menengah": "Develop small industry around each region's leading commodities through access to finance, training and market facilitation to raise incomes: {bukti}.",
    "umkm-daya-beli": "Support micro and small enterprises through KUR credit, business mentoring and market expansion to use the relatively strong purchasing power: {bukti}.",
    "umkm-setara": "Support micro and small enterprises through KUR credit and business mentoring so that purchasing power can rise: {bukti}.",
    "cadangan": "No sector rule applies specifically; keep the running programmes and strengthen local small businesses, watching the indicator that deviates most: {bukti}.",
    "digital-tertinggi": "Make this cluster a driver of the digital economy: connectivity, digital literacy, e-commerce and digital financial services for small businesses, backed by high purchasing power: {bukti}.",
}
GENERIC_RULE = "Programme focus {sector}, based on {feature}: {bukti}."


def unit_en(unit: str) -> str:
    return UNITS.get(unit, unit)


def units_word(facts, plural: bool = True) -> str:
    singular, many = UNIT_NOUNS.get(facts.dataset.unit, (facts.dataset.unit, facts.dataset.unit_plural))
    return many if plural else singular


def reference_phrase(facts) -> str:
    if facts.reference.kind == "row":
        return "national figure"
    return "provincial average" if facts.dataset.unit == "provinsi" else "average of the units"


def num(value, decimals: int, signed: bool = False) -> str:
    return format_number(value, decimals, signed=signed, locale="en")


def pct(value, decimals: int = 1) -> str:
    return f"{format_number(value, decimals, locale='en')}%"


def with_unit(text: str, unit: str) -> str:
    unit = unit_en(unit)
    if unit == "%":
        return f"{text}%"
    return f"{text} {unit}".strip() if unit else text


def join(items: list[str]) -> str:
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def labels_en(facts) -> dict[int, str]:
    k = facts.k
    tiers = TIERS.get(k)
    labels = {}
    for c in facts.clusters:
        if tiers:
            tier = tiers[c.composite_rank - 1]
        else:
            position = (c.composite_rank - 1) / (k - 1)
            tier = "High" if position == 0 else "Low" if position == 1 else "Upper-middle" if position < 0.5 else "Lower-middle"
        labels[c.number] = f"{tier} achievement"
    counts: dict[str, int] = {}
    for label in labels.values():
        counts[label] = counts.get(label, 0) + 1
    for c in facts.clusters:
        if counts[labels[c.number]] > 1:
            best = max(facts.features, key=lambda f: c.features[f.name].z if f.direction == "higher_is_better" else -c.features[f.name].z)
            labels[c.number] += f", strongest in {best.name}"
    for c in facts.clusters:
        if c.size == 1:
            labels[c.number] += f", only {c.members[0]}"
    return labels


def feature_sentence(cluster, feature, facts) -> str:
    ff = cluster.features[feature.name]
    ref = reference_phrase(facts)
    mean = with_unit(num(ff.mean, feature.decimals), feature.unit)
    reference = with_unit(num(ff.reference, feature.decimals), feature.unit)
    if ff.direction == Direction.EQUAL:
        return f"{feature.label} averages {mean}, similar to the {ref} ({reference})."
    word = "above" if ff.direction == Direction.ABOVE else "below"
    return f"{feature.label} averages {mean}, {pct(abs(ff.diff_pct))} {word} the {ref} ({reference})."


def _cluster_draft(cluster, facts, rules, labels) -> ClusterDraft:
    unit, units = units_word(facts, False), units_word(facts)
    sentences = []
    if cluster.size == 1:
        sentences.append(f"This cluster holds one {unit} only, {cluster.members[0]}; the figures below are the values of that {unit} itself, so nothing here generalises to other members.")
    else:
        ordinal = ORDINALS[cluster.composite_rank - 1] if cluster.composite_rank <= len(ORDINALS) else "next"
        sentences.append(f"This cluster has {cluster.size} {units} and ranks {ordinal} on the composite of all indicators.")
    sentences.extend(feature_sentence(cluster, f, facts) for f in facts.features)
    top = [f.label for f in facts.features if cluster.features[f.name].rank == 1]
    bottom = [f.label for f in facts.features if cluster.features[f.name].rank == facts.k]
    if top:
        sentences.append(f"Among all clusters, this cluster's mean {join(top)} is the highest.")
    if bottom:
        sentences.append(f"Among all clusters, this cluster's mean {join(bottom)} is the lowest.")
    if cluster.size >= 3:
        widest = widest_spread(cluster, facts)
        ff = cluster.features[widest.name]
        sentences.append(
            f"Members differ most on {widest.label}, which ranges from "
            f"{with_unit(num(ff.min, widest.decimals), widest.unit)} to {with_unit(num(ff.max, widest.decimals), widest.unit)}."
        )
    elif cluster.size == 2:
        sentences.append(f"With only two members ({cluster.members[0]} and {cluster.members[1]}), the cluster mean is sensitive to each {unit}; read it with care.")
    return ClusterDraft(klaster=cluster.number, label=labels[cluster.number], karakteristik=sentences, rekomendasi=_recommendations(cluster, facts, rules))


def _recommendations(cluster, facts, rules) -> list[Rekomendasi]:
    recs = []
    for rule in rules.book.aturan:
        hits = matching_features(rule, cluster, facts)
        if not hits:
            continue
        key = most_deviating(hits, cluster)
        feature = facts.feature(key)
        evidence = feature_sentence(cluster, feature, facts).rstrip(".")
        template = RULE_TEXTS.get(rule.id, GENERIC_RULE)
        text = template.format(bukti=evidence, sector=SECTORS.get(rule.sektor, rule.sektor), feature=feature.label)
        base = f"K{cluster.number}.{key}"
        recs.append(Rekomendasi(sektor=rule.sektor, teks=text, fakta=[f"{base}.mean", f"REF.{key}", f"{base}.diff_pct"]))
        if len(recs) >= rules.book.maks_per_klaster:
            break
    fallback = rules.book.cadangan
    if not recs and fallback is not None:
        key = most_deviating([f.name for f in facts.features], cluster)
        feature = facts.feature(key)
        evidence = feature_sentence(cluster, feature, facts).rstrip(".")
        text = RULE_TEXTS.get("cadangan", GENERIC_RULE).format(bukti=evidence, sector=SECTORS.get(fallback.sektor, fallback.sektor), feature=feature.label)
        base = f"K{cluster.number}.{key}"
        recs.append(Rekomendasi(sektor=fallback.sektor, teks=text, fakta=[f"{base}.mean", f"REF.{key}", f"{base}.diff_pct"]))
    if not recs:
        raise ConfigError(f"No rule in {rules.path} applies to cluster {cluster.number} and the file has no [cadangan] (fallback) recommendation. Add one.")
    return recs


def _summary(facts, drafts: list[ClusterDraft], labels: dict[int, str]) -> SummaryDraft:
    ds, ref = facts.dataset, facts.reference
    units = units_word(facts)
    names = join([f.name for f in facts.features])
    if ref.kind == "row":
        ref_text = f"the aggregate row {ref.label} of the source table, which is not clustered"
    elif facts.method.weighted:  # survey weights: the reference is a weighted mean (as in interpret.drafting)
        ref_text = f"the weighted mean of the {ds.n_units} {units} (survey weights), not an official national figure"
    else:
        ref_text = f"the simple mean of the {ds.n_units} {units} (unweighted), not an official national figure"
    paragraphs = [f"This analysis groups {ds.n_units} {units} into {facts.k} clusters by {names}. The comparison is against {ref_text}."]
    for c in facts.clusters:
        better, worse = standing(c, facts)
        parts = []
        if better:
            parts.append(f"is ahead on {join(better)}")
        if worse:
            parts.append(f"lags on {join(worse)}")
        if not parts:
            parts.append(f"is similar to the {reference_phrase(facts)} on every indicator")
        members = ", ".join(c.members[:3]) + (", and others" if c.size > 3 else "")
        paragraphs.append(f"Cluster {c.number} ({labels[c.number]}; {c.size} {units}: {members}) {'; '.join(parts)}.")
    gap, hi, lo = widest_gap(facts)
    paragraphs.append(
        f"The widest gap between clusters is in {gap.label}: a mean of "
        f"{with_unit(num(hi.features[gap.name].mean, gap.decimals), gap.unit)} in Cluster {hi.number} against "
        f"{with_unit(num(lo.features[gap.name].mean, gap.decimals), gap.unit)} in Cluster {lo.number}."
    )
    conclusion = []
    for position, c in enumerate(by_need(facts)):
        sectors = [SECTORS.get(s, s) for s in sectors_of(next(d for d in drafts if d.klaster == c.number))]
        ordinal = ORDINALS[position] if position < len(ORDINALS) else "next"
        conclusion.append(f"Priority, {ordinal} in line: Cluster {c.number} ({labels[c.number]}), focusing on {join(sectors)}.")
    conclusion.append(
        f"These recommendations rest on cluster means; a decision about one {units_word(facts, False)} still needs that "
        f"{units_word(facts, False)}'s own figures (assignments.csv)."
    )
    return SummaryDraft(ringkasan=paragraphs, kesimpulan=conclusion)


def draft_english(facts, rules, indonesian: Drafts | None = None) -> Drafts:
    """English drafts from the facts; each section's source says it is the English rule-based drafter."""
    labels = labels_en(facts)
    clusters = [_cluster_draft(c, facts, rules, labels) for c in facts.clusters]
    summary = _summary(facts, clusters, labels)
    model = f"rules-en:{rules.sha256[:12]}"
    notes = {s.section: s for s in (indonesian.sources if indonesian else [])}
    sources = []
    for section in [*(f"klaster-{c.number}" for c in facts.clusters), "ringkasan"]:
        previous = notes.get(section)
        extra = [f"Indonesian draft by {previous.provider} ({previous.model}); English text by the English rule-based drafter"] if previous else []
        sources.append(SectionSource(section, "rule-based (en)", model, extra))
    return Drafts(clusters=clusters, summary=summary, sources=sources)


def english_brief(facts, rules, drafts: Drafts):
    """(English drafts, English body, its verification): refuses a body with a false claim."""
    from interpret.verify import Verifier

    from .render import render_body

    english = draft_english(facts, rules, drafts)
    body = render_body(facts, english, lang="en")
    verification = Verifier(facts, locale="en").verify_markdown(body)
    if not verification.ok:
        raise VerificationError(
            "The English brief holds false claims, so it is not written: "
            + verification.describe_false()
            + ". This is a bug in the English templates or drafter (reports/english.py): please report it."
        )
    return english, body, verification
