"""The English wording of the clustering analyses (k-panel consensus, stability ratings, method
comparison) for `--lang en`. The decisions are those of interpret/analysis_text.py (consensus_decision,
stability_level) and the data are those already in the facts' typed sections (facts.k_selection,
facts.comparison): nothing is recomputed here, and
every number written is a fact, formatted the English way ("0.412").
"""

from __future__ import annotations

from interpret.analysis_text import METHOD_NAMES, METRIC_NAMES, consensus_decision, stability_level
from interpret.numbers import format_number

INDEX_NAMES = {
    "wss": "the WSS curve (elbow)",
    "silhouette": "the silhouette",
    "gap": "the gap statistic",
    "dbi": "Davies–Bouldin",
    "ch": "Calinski–Harabasz",
    "connectivity": "connectivity",
}
RATINGS = {"very_stable": "very stable", "stable": "stable", "weak": "less stable", "unstable": "unstable"}


def _num(value: float, decimals: int) -> str:
    return format_number(value, decimals, locale="en")


def _join(items: list[str]) -> str:
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def consensus_reasoning(ks) -> str:
    """The panel's reasoning paragraph, from facts.k_selection."""
    d = consensus_decision(ks.votes, ks.knee, ks.chosen_k, ks.tie_break, ks.user_k)
    # As in Indonesian, no sentence ends on a number: index names close each clause.
    parts = [f"k = {k} is chosen by {_join([INDEX_NAMES[n] for n in names])}" for k, names in d.groups]
    sentences = []
    knee = f"The WSS curve bends (elbow) at k = {d.knee}; " if d.knee is not None else ""
    if d.agree:
        sentences.append(f"{knee}{'all' if knee else 'All'} voting indices agree: {'; '.join(parts)}.")
    else:
        sentences.append(f"{knee}{'the' if knee else 'The'} indices disagree: {'; '.join(parts)}.")
    if d.knee is None:
        sentences.append("The WSS curve shows no clear elbow, so it does not vote.")
    if not d.agree:
        if d.tied:
            sentences.append(
                f"The most votes ({d.top} of {d.n_voting} indices) are split between "
                + _join([f"k = {k}" for k in d.tied])
                + f"; k = {d.chosen_k} is chosen because its silhouette (compactness and separation at once) is the highest."
            )
        else:
            sentences.append(f"The consensus is k = {d.chosen_k}, with the most votes ({d.top} of {d.n_voting} indices).")
    if d.user_k is not None:
        same = "the same as" if d.user_k == d.chosen_k else "different from"
        sentences.append(f"This analysis uses the k = {d.user_k} that was set ({same} the consensus choice); the panel is shown for comparison.")
    else:
        sentences.append(f"This analysis uses that consensus, k = {d.chosen_k}, as the number of clusters.")
    return " ".join(sentences)


def stability_rating(jaccard: float) -> str:
    return RATINGS[stability_level(jaccard)]


def _combination(row) -> str:
    return f"{METHOD_NAMES[row.method]} ({METRIC_NAMES[row.metric]}) with k = {row.k}"


def _scores(row) -> str:
    return f"silhouette {_num(row.silhouette, 3)}, DBI {_num(row.dbi, 3)}, connectivity {_num(row.connectivity, 2)}"


def comparison_justification(cmp) -> str:
    """Which combination the comparison ranks best and whether the brief uses it, from facts.comparison."""
    best = cmp.chosen
    text = f"By the mean rank of the three indices, the best combination is {_combination(best)} ({_scores(best)})."
    used = cmp.used
    if cmp.best_is_used:
        text += " That is the combination this brief uses."
    elif used is not None:
        text += (
            f" This brief uses {_combination(used)} ({_scores(used)}); "
            "run again with --method, --metric and --k to use the best combination."
        )
    return text
