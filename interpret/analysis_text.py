"""The analyses' paragraphs, decided here in no language and worded by the brief's `Language`: the
consensus paragraph of the k panel, the stability level of a cluster, the method comparison.
Every number they contain is a fact (interpret/fact_builder.py), formatted in the brief's language.
"""

from __future__ import annotations

from dataclasses import dataclass

from .language import Language
from .terms import StabilityLevel
from .thresholds import load_thresholds

UNSTABLE_JACCARD = load_thresholds().tidak_stabil_maks  # below: unstable (Hennig: such clusters should not be trusted)
STABLE_JACCARD = load_thresholds().stabil_min  # from here: stable (Hennig); a partition with no cluster this stable is unstable


@dataclass(frozen=True)
class Consensus:
    """The decisions behind the consensus paragraph."""

    groups: list[tuple[int, list[str]]]  # (k, voting index keys), most votes first; WSS votes through its knee
    knee: int | None
    agree: bool  # every voting index (WSS included) chose the same k
    chosen_k: int
    top: int  # votes for the chosen k
    n_voting: int
    tied: list[int] | None  # the k values that tied for the most votes, when silhouette broke the tie
    user_k: int | None


def consensus_decision(votes: dict[str, int], knee: int | None, chosen_k: int, tie_break: bool, user_k: int | None) -> Consensus:
    """From the panel's votes (SelectionResult.votes or the facts' k_selection votes)."""
    by_k: dict[int, list[str]] = {}
    counts: dict[int, int] = {}
    for name, k in votes.items():
        counts[k] = counts.get(k, 0) + 1
        if name != "wss":
            by_k.setdefault(k, []).append(name)
    groups = sorted(by_k.items(), key=lambda item: (-len(item[1]), item[0]))
    top = counts[chosen_k]
    tied = sorted(k for k, c in counts.items() if c == top) if tie_break and len(counts) > 1 else None
    return Consensus(groups, knee, len(counts) == 1, chosen_k, top, len(votes), tied, user_k)


def k_reason_disagreements(reason: str | None, votes: dict[str, int], k: int, lang: Language) -> list[tuple[str, int]]:
    """The panel's indices that the spec's k_reason names (by the words of `k_reason_words`, e.g.
    "elbow", "silhouette") and that chose another k than the one used: (index key, its k)."""
    if not reason:
        return []
    text = reason.lower()
    named = [key for key in votes if any(word.lower() in text for word in lang.words(f"k_reason_words.{key}"))]
    return [(key, votes[key]) for key in named if votes[key] != k]


def k_reason_paragraph(facts, lang: Language) -> str:
    """Said plainly when the spec's reason for k names criteria the brief's own panel contradicts."""
    ks, m = facts.k_selection, facts.method
    if ks is None or not m.k_reason:
        return ""
    votes = {**({"wss": ks.knee} if ks.knee else {}), **dict(ks.votes)}  # the elbow is the WSS knee
    disagree = k_reason_disagreements(m.k_reason, votes, m.k, lang)
    if not disagree:
        return ""
    parts = [lang.t("caveat.k_reason_part_wss" if key == "wss" else "caveat.k_reason_part", index=lang.word("index_name", key), vote=vote)
             for key, vote in disagree]
    return lang.t("caveat.k_reason_disagrees", k=m.k, parts=lang.join(parts, "prose"))


def stability_level(jaccard: float) -> StabilityLevel:
    """Hennig's reading of the clusterboot Jaccard."""
    if jaccard >= load_thresholds().sangat_stabil_min:
        return StabilityLevel.VERY_STABLE
    if jaccard >= STABLE_JACCARD:
        return StabilityLevel.STABLE
    if jaccard >= UNSTABLE_JACCARD:
        return StabilityLevel.WEAK
    return StabilityLevel.UNSTABLE


def consensus_paragraph(ks, lang: Language) -> str:
    """The paragraph the brief quotes: which index votes for which k, and how the choice was made."""
    rule = getattr(ks, "rule", "auto")
    d = consensus_decision(dict(ks.votes), ks.knee, ks.chosen_k, bool(ks.tie_break), ks.user_k)
    parts = lang.t("consensus.parts_separator").join(
        lang.t("consensus.chosen_by", k=k, indices=lang.join([lang.word("index_name", n) for n in names])) for k, names in d.groups
    )
    knee = lang.t("consensus.knee", knee=d.knee) if d.knee is not None else ""
    key = ("consensus.agree" if d.agree else "consensus.disagree") + ("_after_knee" if knee else "")
    sentences = [knee + lang.t(key, parts=parts)]
    if d.knee is None:
        sentences.append(lang.t("consensus.no_knee"))
    if not d.agree and (rule == "auto" or getattr(ks, "rule_fallback", False)):
        if d.tied:
            tied = lang.join([lang.t("consensus.k_item", k=k) for k in d.tied])
            sentences.append(lang.t("consensus.tie", top=d.top, n_voting=d.n_voting, tied=tied, chosen_k=d.chosen_k))
        else:
            sentences.append(lang.t("consensus.majority", chosen_k=d.chosen_k, top=d.top, n_voting=d.n_voting))
    excluded = list(getattr(ks, "excluded", None) or [])
    if excluded:
        sentences.append(lang.t("consensus.excluded", ks=lang.join([lang.t("consensus.k_item", k=k) for k in excluded])))
    if d.user_k is not None:
        sentences.append(lang.t("consensus.user_same" if d.user_k == d.chosen_k else "consensus.user_different", user_k=d.user_k))
    elif rule != "auto" and getattr(ks, "rule_fallback", False):
        sentences.append(lang.t("consensus.rule_no_knee"))
        sentences.append(lang.t("consensus.uses_consensus", chosen_k=d.chosen_k))
    elif rule != "auto":
        index = "wss" if rule == "elbow" else rule
        sentences.append(lang.t("consensus.uses_rule", chosen_k=d.chosen_k, index=lang.word("index_name", index)))
    else:
        sentences.append(lang.t("consensus.uses_consensus", chosen_k=d.chosen_k))
    if getattr(ks, "edge", False) and d.user_k is None:
        sentences.append(lang.t("consensus.edge"))
    if getattr(ks, "gap_prefers_one", False):
        sentences.append(lang.t("consensus.no_structure"))
    return " ".join(sentences)


def comparison_paragraph(cmp, lang: Language) -> str:
    """Which combination the comparison ranks best and whether the brief uses it."""

    def combination(row) -> str:
        return lang.t("comparison.combination", method=lang.word("method_name", row.method), metric=lang.word("metric", row.metric), k=row.k)

    def scores(row) -> str:
        return lang.t("comparison.scores", silhouette=lang.number(row.silhouette, 3), dbi=lang.number(row.dbi, 3),
                      connectivity=lang.number(row.connectivity, 2))

    best = cmp.chosen
    text = lang.t("comparison.best", combination=combination(best), scores=scores(best))
    used = next((r for r in cmp.rows if r.used), None)
    if used is not None and (used.method, used.metric, used.k) == (best.method, best.metric, best.k):
        text += lang.t("comparison.best_used")
    elif used is not None:
        text += lang.t("comparison.other_used", combination=combination(used), scores=scores(used))
    return text
