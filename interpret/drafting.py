"""Stage 4: the rule-based Indonesian drafter (no LLM).

It writes a label, karakteristik and rekomendasi per cluster, an executive summary and a
conclusion, from the facts alone; every number it writes is a fact's own formatted text. It is also
the last fallback of the LLM chain, so it returns the same `Drafts` contract.
"""

from __future__ import annotations

from .analysis_text import direction_word, reference_phrase
from .drafts import ClusterDraft, Drafts, Rekomendasi, SectionSource, SummaryDraft
from .facts import ClusterFacts, Facts, FeatureInfo
from .numbers import format_number, format_percent, with_unit
from .rules import LoadedRules, matching_features
from .terms import Direction

ORDINALS = ["pertama", "kedua", "ketiga", "keempat", "kelima", "keenam", "ketujuh", "kedelapan", "kesembilan", "kesepuluh"]
TIERS = {
    2: ["tinggi", "rendah"],
    3: ["tinggi", "menengah", "rendah"],
    4: ["tinggi", "menengah atas", "menengah bawah", "rendah"],
    5: ["tinggi", "menengah atas", "menengah", "menengah bawah", "rendah"],
}


def draft_rule_based(facts: Facts, rules: LoadedRules) -> Drafts:
    labels = cluster_labels(facts)
    clusters = [_cluster_draft(c, facts, rules, labels) for c in facts.clusters]
    summary = _summary(facts, clusters)
    model = f"aturan:{rules.sha256[:12]}"
    sources = [SectionSource(f"klaster-{c.number}", "rule-based", model) for c in facts.clusters]
    sources.append(SectionSource("ringkasan", "rule-based", model))
    return Drafts(clusters=clusters, summary=summary, sources=sources)


def cluster_labels(facts: Facts) -> dict[int, str]:
    """Distinct labels from the composite rank ("Capaian tinggi", ..., "Capaian rendah")."""
    k = facts.k
    tiers = TIERS.get(k)
    labels = {}
    for c in facts.clusters:
        if tiers:
            tier = tiers[c.composite_rank - 1]
        else:
            position = (c.composite_rank - 1) / (k - 1)
            tier = "tinggi" if position == 0 else "rendah" if position == 1 else "menengah atas" if position < 0.5 else "menengah bawah"
        labels[c.number] = f"Capaian {tier}"
    seen: dict[str, int] = {}
    for number, label in labels.items():
        seen[label] = seen.get(label, 0) + 1
    for c in facts.clusters:
        if seen[labels[c.number]] > 1:
            best = max(facts.features, key=lambda f: _signed_z(c, f))
            labels[c.number] += f", unggul {best.name}"
    for c in facts.clusters:
        if c.size == 1:
            labels[c.number] += f", hanya {c.members[0]}"
    return labels


def _signed_z(cluster: ClusterFacts, feature: FeatureInfo) -> float:
    z = cluster.features[feature.name].z
    return z if feature.direction == "higher_is_better" else -z


# -- what to say: choices shared by every rule-based drafter (this one and the English one) ---------
def standing(cluster: ClusterFacts, facts: Facts) -> tuple[list[str], list[str]]:
    """Feature names where the cluster is better / worse than the reference (direction-adjusted)."""
    better = [f.name for f in facts.features if cluster.features[f.name].better is True]
    worse = [f.name for f in facts.features if cluster.features[f.name].better is False]
    return better, worse


def widest_spread(cluster: ClusterFacts, facts: Facts) -> FeatureInfo:
    """The feature whose within-cluster range is widest relative to the reference."""
    return max(facts.features, key=lambda f: (cluster.features[f.name].max - cluster.features[f.name].min) / abs(cluster.features[f.name].reference or 1))


def widest_gap(facts: Facts) -> tuple[FeatureInfo, ClusterFacts, ClusterFacts]:
    """(feature, cluster with the highest mean, cluster with the lowest) for the largest gap between clusters."""
    gap = max(facts.features, key=lambda f: _spread(facts, f))
    hi = max(facts.clusters, key=lambda c: c.features[gap.name].mean)
    lo = min(facts.clusters, key=lambda c: c.features[gap.name].mean)
    return gap, hi, lo


def most_deviating(names: list[str], cluster: ClusterFacts) -> str:
    """Of these features, the one furthest from the reference in %: a recommendation's evidence."""
    return max(names, key=lambda name: abs(cluster.features[name].diff_pct))


def by_need(facts: Facts) -> list[ClusterFacts]:
    """Clusters in policy priority: the lowest composite first."""
    return sorted(facts.clusters, key=lambda c: -c.composite_rank)


def sectors_of(draft: ClusterDraft) -> list[str]:
    """The draft's sectors, first mention first, without repeats."""
    return list(dict.fromkeys(rec.sektor for rec in draft.rekomendasi))


def feature_sentence(cluster: ClusterFacts, feature: FeatureInfo, facts: Facts) -> str:
    ff = cluster.features[feature.name]
    ref_phrase = reference_phrase(facts)
    mean = with_unit(format_number(ff.mean, feature.decimals), feature.unit)
    ref = with_unit(format_number(ff.reference, feature.decimals), feature.unit)
    if ff.direction == Direction.EQUAL:
        return f"Rata-rata klaster untuk {feature.label} sebesar {mean}, setara dengan {ref_phrase} ({ref})."
    pct = format_percent(abs(ff.diff_pct))
    return f"Rata-rata klaster untuk {feature.label} sebesar {mean}, {pct} {direction_word(ff.direction)} {ref_phrase} ({ref})."


def evidence(cluster: ClusterFacts, feature: FeatureInfo, facts: Facts) -> str:
    """The '{bukti}' of a rule: the feature's number against the reference, as a clause."""
    return feature_sentence(cluster, feature, facts).rstrip(".")


def _cluster_draft(cluster: ClusterFacts, facts: Facts, rules: LoadedRules, labels: dict[int, str]) -> ClusterDraft:
    unit = facts.dataset.unit_plural
    sentences = []
    if cluster.size == 1:
        sentences.append(
            f"Klaster ini hanya berisi satu {facts.dataset.unit}, yaitu {cluster.members[0]}; angka di bawah adalah nilai "
            f"{facts.dataset.unit} tersebut, bukan pola bersama, sehingga tidak ada variasi antaranggota yang dapat dijelaskan."
        )
    else:
        sentences.append(f"Klaster ini beranggotakan {cluster.size} {unit} dan menempati urutan {ORDINALS[cluster.composite_rank - 1] if cluster.composite_rank <= len(ORDINALS) else 'berikutnya'} menurut capaian komposit seluruh indikator.")
    sentences.extend(feature_sentence(cluster, f, facts) for f in facts.features)
    top = [f.label for f in facts.features if cluster.features[f.name].rank == 1]
    bottom = [f.label for f in facts.features if cluster.features[f.name].rank == facts.k]
    if top:
        sentences.append(f"Di antara seluruh klaster, rata-rata {_join(top)} klaster ini adalah yang tertinggi.")
    if bottom:
        sentences.append(f"Di antara seluruh klaster, rata-rata {_join(bottom)} klaster ini adalah yang terendah.")
    if cluster.size >= 3:
        widest = widest_spread(cluster, facts)
        ff = cluster.features[widest.name]
        sentences.append(
            f"Keragaman antaranggota paling lebar pada {widest.label}, yang berkisar antara "
            f"{with_unit(format_number(ff.min, widest.decimals), widest.unit)} dan {with_unit(format_number(ff.max, widest.decimals), widest.unit)}."
        )
    elif cluster.size == 2:
        sentences.append(
            f"Dengan hanya dua anggota ({cluster.members[0]} dan {cluster.members[1]}), rata-rata klaster sangat peka terhadap "
            f"masing-masing {facts.dataset.unit}; tafsirkan dengan hati-hati."
        )
    return ClusterDraft(klaster=cluster.number, label=labels[cluster.number], karakteristik=sentences, rekomendasi=_recommendations(cluster, facts, rules))


def _recommendations(cluster: ClusterFacts, facts: Facts, rules: LoadedRules) -> list[Rekomendasi]:
    recs = []
    for rule in rules.book.aturan:
        hits = matching_features(rule, cluster, facts)
        if not hits:
            continue
        recs.append(_recommendation(rule.id, rule.sektor, rule.teks, hits, cluster, facts, rules))
        if len(recs) >= rules.book.maks_per_klaster:
            break
    fallback = rules.book.cadangan
    if not recs and fallback is not None:
        recs.append(_recommendation("cadangan", fallback.sektor, fallback.teks, [f.name for f in facts.features], cluster, facts, rules))
    if not recs:
        from .errors import ConfigError

        raise ConfigError(f"No rule in {rules.path} applies to Klaster {cluster.number} and the file has no [cadangan] (fallback) recommendation. Add one.")
    return recs


def _recommendation(rule_id: str, sector: str, template: str, hits: list[str], cluster: ClusterFacts, facts: Facts, rules: LoadedRules) -> Rekomendasi:
    """One recommendation: the template filled with the figures of the most deviating matching feature."""
    key = most_deviating(hits, cluster)
    feature = facts.feature(key)
    ff = cluster.features[key]
    values = {
        "bukti": evidence(cluster, feature, facts),
        "fitur": feature.label,
        "nilai": with_unit(format_number(ff.mean, feature.decimals), feature.unit),
        "referensi": with_unit(format_number(ff.reference, feature.decimals), feature.unit),
        "selisih": format_percent(abs(ff.diff_pct)),
        "arah": direction_word(ff.direction),
        "frasa_referensi": reference_phrase(facts),
    }
    try:
        text = template.format(**values)
    except (KeyError, IndexError) as exc:
        from .errors import ConfigError

        raise ConfigError(f"Rule '{rule_id}' in {rules.path} uses an unknown placeholder {exc}; known: {', '.join('{' + v + '}' for v in values)}.") from None
    base = f"K{cluster.number}.{key}"
    return Rekomendasi(sektor=sector, teks=text, fakta=[f"{base}.mean", f"REF.{key}", f"{base}.diff_pct"])


def _summary(facts: Facts, drafts: list[ClusterDraft]) -> SummaryDraft:
    ds = facts.dataset
    ref = facts.reference
    names = _join([f.name for f in facts.features])
    if ref.kind == "row":
        ref_text = f"angka agregat {ref.label} dari tabel sumber, yang tidak ikut dikelompokkan"
    elif facts.method.weighted:  # survey weights (issue 3): the reference is a weighted mean
        ref_text = f"rata-rata tertimbang {ds.n_units} {ds.unit_plural} (bobot survei), bukan angka resmi nasional"
    else:
        ref_text = f"rata-rata sederhana {ds.n_units} {ds.unit_plural} (tanpa pembobotan), bukan angka resmi nasional"
    paragraphs = [
        f"Analisis ini mengelompokkan {ds.n_units} {ds.unit_plural} ke dalam {facts.k} klaster berdasarkan {names}. "
        f"Pembandingnya adalah {ref_text}."
    ]
    labels = {d.klaster: d.label for d in drafts}
    for c in facts.clusters:
        better, worse = standing(c, facts)
        parts = []
        if better:
            parts.append(f"unggul pada {_join(better)}")
        if worse:
            parts.append(f"tertinggal pada {_join(worse)}")
        if not parts:
            parts.append(f"setara dengan {reference_phrase(facts)} pada semua indikator")
        members = ", ".join(c.members[:3]) + (", dan lainnya" if c.size > 3 else "")
        paragraphs.append(f"Klaster {c.number} ({labels[c.number]}; {c.size} {ds.unit_plural}: {members}) {'; '.join(parts)}.")
    gap, hi, lo = widest_gap(facts)
    paragraphs.append(
        f"Kesenjangan antarklaster terbesar ada pada {gap.label}: rata-rata "
        f"{with_unit(format_number(hi.features[gap.name].mean, gap.decimals), gap.unit)} di Klaster {hi.number} dibanding "
        f"{with_unit(format_number(lo.features[gap.name].mean, gap.decimals), gap.unit)} di Klaster {lo.number}."
    )

    conclusion = []
    for position, c in enumerate(by_need(facts)):
        sectors = sectors_of(next(d for d in drafts if d.klaster == c.number))
        ordinal = ORDINALS[position] if position < len(ORDINALS) else "berikutnya"
        conclusion.append(f"Prioritas {ordinal}: Klaster {c.number} ({labels[c.number]}), dengan fokus {_join(sectors)}.")
    conclusion.append(
        f"Rekomendasi ini bertumpu pada rata-rata klaster; keputusan untuk satu {ds.unit} tetap perlu melihat angka "
        f"{ds.unit} itu sendiri (berkas assignments.csv)."
    )
    return SummaryDraft(ringkasan=paragraphs, kesimpulan=conclusion)


def _spread(facts: Facts, feature: FeatureInfo) -> float:
    means = [c.features[feature.name].mean for c in facts.clusters]
    return (max(means) - min(means)) / abs(facts.reference.values[feature.name] or 1)


def _join(items: list[str]) -> str:
    """Indonesian list: "A dan B"; "A, B, dan C" (EYD: a comma before "dan" from three items on)."""
    items = list(items)
    if len(items) <= 2:
        return " dan ".join(items)
    return ", ".join(items[:-1]) + ", dan " + items[-1]

