"""A bound on the bootstrap Jaccard said of named clusters ("Klaster 1 dan Klaster 4 … di bawah 0,60") binds to
each cluster's own `K{n}.jaccard`, not to the stability threshold: one of binding.py's bindings, like parts.py and
unit_mean.py. Its own module so that binding (imported by numbers) never imports the stability checker, which
imports counts, which imports numbers (an import cycle; lint-imports' acyclic contract).
"""

from __future__ import annotations

from .lexicon import rx
from .scope import Scope

_JACCARD_THRESHOLDS = {"STAB.stable_jaccard", "STAB.unstable_jaccard"}


def bounded_jaccards(verifier, scope: Scope, number, facts, how: str):
    """The clusters' own Jaccard facts when a bound on the Jaccard is said of them: "Klaster 1 dan Klaster 4 memiliki
    indeks Jaccard di bawah 0,60", "…, and Clusters 1 and 4 fall below 0.60" (the sentence named the Jaccard before).
    Such a bound claims each cluster's value is beyond it; only a bound that defines ("stabil bila Jaccard di atas
    0,75", "the 0.75 threshold"; lexicon `threshold_definition`) states the threshold itself. None: not such a bound."""
    if number.qualifier not in {"above", "below"} or number.percent:
        return None
    start, end = scope.clause(number.start)
    if not any(start <= m.start < number.start for m in scope.clusters):
        return None
    lex = verifier.lex
    if "threshold_definition" in lex.words and rx(lex.threshold_definition).search(scope.text, start, end):
        return None
    threshold = how == "concept" and facts and all(f.id in _JACCARD_THRESHOLDS for f in facts)
    jaccard = lex.concepts.get("K*.jaccard")
    # a bare bound on no indicator, in a sentence that spoke of the Jaccard before it: the Jaccard's bound
    unbound = (how == "subject" and not facts and jaccard is not None and not any(start <= m.start < end for m in scope.features)
               and rx(jaccard).search(scope.text, 0, number.start))
    if not (threshold or unbound):
        return None
    found = [verifier.facts.index.get(f"K{c}.jaccard") for c in scope.clusters_for(number.start)]
    return found if found and None not in found else None
