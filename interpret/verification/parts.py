"""Parts and their total: clusters averaged as if they were the whole, or merged into one group.

- "Rata-rata dari keempat rata-rata klaster untuk UHH … 73,13 tahun", "the mean of the four cluster
  averages … 8.93 years" (lexicon `mean_of_means`): the unweighted mean of the cluster means is not
  the reference (the clusters differ in size), so the number is bound to that unweighted mean and
  judged against it; a writer who quotes the reference there is wrong.
- "Gabungan Klaster 1 dan Klaster 4 memiliki rata-rata UHH 72,50 tahun", "Clusters 1 and 4
  combined" (lexicon `combined_clusters`): the mean of the merged members, i.e. the cluster means
  weighted by their sizes.

The facts are derived here from the cluster means and sizes (ids "MEANS(K1..K4).UHH",
"POOLED(K1+K4).UHH"), so a claim quotes how its number was computed.
"""

from __future__ import annotations

from ..facts import Fact
from ..numbers import format_number, with_unit
from .lexicon import rx


def parts_binding(checker, scope, number, features):
    """(facts, how) for a number about several clusters taken together, else None. `features`: the indicators named
    nearest the number (binding.nearest_features)."""
    lex = checker.v.lex
    if "mean_of_means" not in lex.words or number.unit in {"count", "clusters", "year", "ratio"} or number.percent:
        return None
    start, end = scope.clause(number.start)
    facts = checker.v.facts
    if len(features) != 1:  # the caller narrows them to the indicator named nearest the number
        return None
    feature = features[0]
    info = facts.feature(feature)
    if rx(lex.mean_of_means).search(scope.text, 0, number.start):
        means = [c.features[feature].mean for c in facts.clusters]
        value = sum(means) / len(means)
        ident = f"MEANS(K1..K{facts.k}).{feature}"
    elif rx(lex.combined_clusters).search(scope.text, start, end):
        named = list(dict.fromkeys(m.value for m in scope.clusters if start <= m.start < end))
        if len(named) < 2:
            return None
        clusters = [facts.cluster(n) for n in named]
        value = sum(c.size * c.features[feature].mean for c in clusters) / sum(c.size for c in clusters)
        ident = f"POOLED({'+'.join(f'K{n}' for n in named)}).{feature}"
    else:
        return None
    fact = Fact(ident, value, "mean", info.decimals, info.unit, None, feature, with_unit(format_number(value, info.decimals), info.unit))
    return (fact,), "parts"


__all__ = ["parts_binding"]
