"""The household parts of the rule-based drafter: class shares, persons vs households, coded answers.

`household_sentences` adds to a cluster's karakteristik the share of its households and persons
below the line and near-poor, the BPS class distribution and each coded answer's modal category;
`class_recommendations` turns the rules file's `[[aturan_kelas]]` into recommendations whose
evidence is the share that made them fire. Every number is a fact of `facts.households` written
the way the facts write it, so the verifier binds each one to its cluster. The words are the
language's (`[households]`, `[poverty_class]` in brief.toml); the code only decides what to say.
"""

from __future__ import annotations

from .drafts import Rekomendasi
from .errors import ConfigError
from .facts import ClassShare, Facts, HouseholdGroup
from .language import Language
from .rules import LoadedRules
from .rules_households import firing, share_fact_id, share_value


def class_label(facts: Facts, name: str, lang: Language) -> str:
    """A class's words: the spec's label (user data), else the catalogue's, else its name."""
    if name in {"below_line", "near_poor"}:
        return lang.t(f"households.group_{name}")
    found = next((c for c in facts.households.classes if c.name == name), None)
    if found is not None and found.label:
        return lang.text(found, "label")  # label_en in English when the spec gives it
    return lang.lookup("poverty_class", name).replace("_", " ")


def _count(lang: Language, value: float) -> str:
    return lang.number(value, 0)


def household_sentences(number: int, facts: Facts, lang: Language) -> list[str]:
    if facts.households is None:
        return []
    section = lang.localized(facts).households  # coded answers and their codes as the brief's language names them
    group = section.clusters[number]
    sentences = _size_sentence(group, section.weighted, facts.cluster(number).size, lang, lang.unit_noun(facts))
    units = lang.unit_noun(facts)
    if group.below_line is not None:
        sentences.extend(_line_sentences(group, lang))
        if group.classes and not section.classes:  # with classes, the cluster's class table (households_cluster.md.j2) gives the distribution: prose would read it aloud
            parts = [lang.t("households.class_part", label=class_label(facts, name, lang), pct=lang.percent(share.households_pct))
                     for name, share in group.classes.items()]
            sentences.append(lang.t("households.classes", parts=lang.join(parts, "plain")))
    for info in section.categorical:
        profile = group.categories[info.name]
        ranked = sorted(profile.shares_pct.items(), key=lambda item: -item[1])  # stable: declared order on ties
        others = [lang.t("households.category_part", label=info.codes[code], pct=lang.percent(pct)) for code, pct in ranked if code != profile.modal and pct > 0]
        key = "households.category" if others else "households.category_only"
        sentences.append(lang.t(key, feature=info.label, modal=info.codes[profile.modal], pct=lang.percent(profile.modal_pct), parts=lang.join(others, "plain"), units=units))
    return sentences


def _size_sentence(group: HouseholdGroup, weighted: bool, sample: int, lang: Language, units: str) -> list[str]:
    """Which unit each count counts: sampled households, weighted households, persons (unweighted and
    without persons there is nothing to add to the members sentence)."""
    values = {"households": _count(lang, group.households), "sample": _count(lang, sample), "units": units}
    if not weighted:
        return [] if group.persons is None else [lang.t("households.size_persons_unweighted", persons=_count(lang, group.persons), **values)]
    if group.persons is None:
        return [lang.t("households.size_weighted", **values)]
    return [lang.t("households.size_persons_weighted", persons=_count(lang, group.persons), **values)]


def _line_sentences(group: HouseholdGroup, lang: Language) -> list[str]:
    below, near = group.below_line, group.near_poor
    sentences = [lang.t("households.below_line", pct=lang.percent(below.households_pct), count=_count(lang, below.households),
                        near_pct=lang.percent(near.households_pct), near_count=_count(lang, near.households))]
    if below.persons is not None:
        sentences.append(lang.t("households.below_line_persons", pct=lang.percent(below.persons_pct), count=_count(lang, below.persons),
                                near_pct=lang.percent(near.persons_pct), near_count=_count(lang, near.persons)))
    return sentences


def household_summary(facts: Facts, lang: Language) -> list[str]:
    """The summary's household paragraph: the share below the line overall and where it is largest."""
    section = facts.households
    if section is None or section.total.below_line is None:
        return []
    below = section.total.below_line
    worst = max(section.clusters, key=lambda n: section.clusters[n].below_line.households_pct)
    text = lang.t("households.summary", pct=lang.percent(below.households_pct), count=_count(lang, below.households), cluster=worst,
                  cluster_pct=lang.percent(section.clusters[worst].below_line.households_pct))
    if below.persons is not None:
        text += " " + lang.t("households.summary_persons", pct=lang.percent(below.persons_pct), count=_count(lang, below.persons))
    return [text]


def evidence(share: ClassShare, satuan: str, label: str, lang: Language) -> str:
    if satuan == "rumah_tangga":
        return lang.t("households.evidence_households", pct=lang.percent(share.households_pct), count=_count(lang, share.households), label=label)
    return lang.t("households.evidence_persons", pct=lang.percent(share.persons_pct), count=_count(lang, share.persons), label=label)


def class_recommendations(number: int, facts: Facts, rules: LoadedRules, lang: Language) -> list[Rekomendasi]:
    """The `[[aturan_kelas]]` that fire for cluster `number`, in the file's order."""
    recs = []
    for rule in rules.book.aturan_kelas:
        share = firing(rule, number, facts)
        if share is None:
            continue
        label = class_label(facts, rule.kelas, lang)
        values = {"bukti": evidence(share, rule.satuan, label, lang), "kelas": label, "sector": lang.sector(rule.sektor),
                  "selisih": lang.percent(share_value(share, rule.satuan))}
        template = rules.book.text_of(rule, lang.code)
        try:
            text = lang.t("households.generic_rule", **values) if template is None else template.format(**values)
        except (KeyError, IndexError) as exc:
            raise ConfigError(f"Rule '{rule.id}' in {rules.path} uses an unknown placeholder {exc}; known: {', '.join('{' + v + '}' for v in values)}.") from None
        recs.append(Rekomendasi(sektor=rule.sektor, teks=text, fakta=[share_fact_id(number, rule.kelas, rule.satuan)]))
    return recs


__all__ = ["class_label", "class_recommendations", "evidence", "household_sentences", "household_summary"]
