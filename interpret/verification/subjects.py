"""Who a number is about, when the nearest name before it is not the answer.

- "dari 68,17 tahun di Papua hingga 75,81 tahun di DKI Jakarta", "69.90 years in Cluster 4": a
  subject named right after the number (lexicon `subject_after`) is its subject;
- "Klaster 2 berbanding Klaster 3 adalah 12,92 berbanding 13,77" (lexicon `pair_words`): the i-th
  number of the clause belongs to the i-th subject, like "masing-masing";
- "Semua klaster kecuali Klaster 4 … di atas 8 tahun" (lexicon `all_clusters`, `except_word`): every
  cluster but the excepted ones, within the sentence only;
- "Sumatera Barat memiliki UHH tertinggi di Klaster 2, 74,14 tahun": after a superlative the number
  is the named unit's own value, not the cluster's mean.
"""

from __future__ import annotations

import re

from .lexicon import rx
from .scope import AGGREGATE, Scope


def subject_after(scope, number, lex):
    """The cluster or unit named right after the number ("… tahun di Klaster 4"), else None."""
    _, end = scope.clause(number.start)
    for mention in sorted(scope.clusters + scope.members, key=lambda m: m.start):
        if number.end <= mention.start < min(end, number.end + 40):
            between = scope.text[number.end : mention.start]
            if re.fullmatch(r"\s*(?:[^\W\d]+\s*)?\(\s*", between) and re.match(r"\s*\)", scope.text[mention.end :]):
                return mention  # "68,17 tahun (Papua)": the name in parentheses right after the number is its subject
            if re.search(r"[,;:()\d]", between):
                return None
            if rx(rf"(?:^|\s)(?:{lex.subject_after})\s+(?:(?:{lex.article})\s+)?$").search(between):  # "… years in the Papua singleton"
                return mention
            return None
    return None


def quantified_clusters(scope, number, lex, k: int) -> tuple[int, ...] | None:
    """"Semua klaster kecuali Klaster 4": the clusters a quantified clause is about, else None."""
    start, _ = scope.clause(number.start)
    quantifier = next((m for m in rx(lex.all_clusters).finditer(scope.text, start) if m.end() <= number.start), None)
    if quantifier is None:
        return None
    words = superlatives(lex)
    if words and rx(rf"(?:{words})\s+(?:\w+\s+){{0,2}}$").search(scope.text, max(0, quantifier.start() - 40), quantifier.start()):
        return None  # "its spending is the lowest of all clusters (about IDR 9 million)": one cluster, the first or last of all
    excepted = set()
    cue = rx(rf"\b(?:{lex.except_word})\b").search(scope.text, quantifier.end(), number.start)
    if cue:
        excepted = {m.value for m in scope.clusters if cue.end() <= m.start < number.start}
    named_between = [m for m in scope.clusters if quantifier.end() <= m.start < number.start and m.value not in excepted]
    if named_between:
        return None  # "semua klaster, terutama Klaster 2, …": the named one is the subject
    return tuple(c for c in range(1, k + 1) if c not in excepted)


def superlatives(lex) -> str:
    """The lexicon's superlative words, highest to worst, as one alternation."""
    return "|".join(lex.words[w] for w in ("superlative_high", "superlative_low", "superlative_best", "superlative_worst") if w in lex.words)


def bracketed_after(scope, end: int, position: int) -> bool:
    """Only an opening bracket (and a currency) stands between `end` and `position`: "Papua (68,17 tahun)", the value
    of the name just before it."""
    return re.fullmatch(rf"\s*\(\s*(?:(?:{scope.lex.currency_sign})\s*)?", scope.text[end:position]) is not None


def superlative_member(scope, number, lex):
    """The one unit of the sentence, when a superlative stands between it and the number."""
    start, _ = scope.clause(number.start)
    superlative = [m for m in rx(superlatives(lex)).finditer(scope.text, 0) if m.end() <= number.start]
    members = {m.value for m in scope.members if m.value != AGGREGATE}
    if superlative and len(members) > 1:
        # "Maluku posts the highest … in Cluster 2, 10.2 years, … after DKI Jakarta and …": the one unit before the
        # superlative, in the number's clause if it names one ("…, while Gorontalo has the highest … at 13.16 years")
        before = [m for m in scope.members if m.value != AGGREGATE and m.end <= superlative[-1].start()]
        in_clause = {m.value for m in before if m.start >= start}
        between = {m.value for m in scope.members if superlative[-1].end() <= m.start < number.start and m.value != AGGREGATE}
        # "DIY mencatat … tertinggi …, sementara Maluku … 10,20 tahun": a unit named after the superlative owns what follows
        members = in_clause if len(in_clause) == 1 else (set() if between else {m.value for m in before})
    if not superlative or len(members) != 1:
        return None
    return next(iter(members))


def within_cluster_extreme(scope, number, lex) -> str | None:
    """"UHH tertinggi di Klaster 4 hanya 71,57 tahun": a superlative scoped to a cluster states its max (or min); "…,
    sementara yang terendah 68,17 tahun": a bare superlative right before the number, after such a scoped one in the
    sentence and with no unit of its own, states the other extreme of that cluster."""
    start, _ = scope.clause(number.start)
    scoped = None
    for kind, stat in (("superlative_high", "max"), ("superlative_low", "min")):
        for match in rx(lex.words[kind]).finditer(scope.text, 0):
            if match.end() > number.start:
                break
            following = [m for m in scope.clusters if match.end() <= m.start < number.start]
            # the indicator may stand between ("the highest life expectancy in Cluster 4"): read with the indicators blanked
            if following and rx(rf"\s*(?:{lex.subject_after})\s+$").fullmatch(scope.masked[match.end() : following[0].start]):
                if match.start() >= start:
                    return stat
                scoped = scoped or following[0]
    if scoped is not None and not any(start <= m.start < number.start for m in scope.members + scope.clusters):
        for kind, stat in (("superlative_high", "max"), ("superlative_low", "min")):
            bare = rx(rf"(?:{lex.words[kind]})\s*(?:,|:|\b(?:{lex.extreme_link})\b)?\s*(?:(?:{lex.approx})\s+)?$").search(scope.text, start, number.start)
            if bare:
                return stat
    return None


def paired(scope, number, found, lex):
    """"A berbanding B adalah x berbanding y": the number's own cluster, or None."""
    if not rx(rf"\b(?:{lex.pair_words})").search(scope.text):
        return None
    peers = [n for n in found if n.percent == number.percent]  # the sentence: "versus" may break its clauses
    named = list(dict.fromkeys(m.value for m in scope.clusters))
    if len(named) == len(peers) == 2:
        return named[peers.index(number)]
    return None


def in_unit_list(scope: Scope, anchor, number) -> bool:
    """"… in Maluku and West Nusa Tenggara (Cluster 2) could lift spending, which lags at about IDR 10.3 million": a
    number after a list of units, with no "masing-masing" to share it out, is no single unit's value; one bracketed
    right after the last name is that name's ("Bengkulu and Sulawesi Selatan (8.76 years)")."""
    if bracketed_after(scope, anchor.end, number.start):
        return False
    before = [m for m in scope.members if m.end <= anchor.start and m.value != anchor.value]
    return bool(before) and scope.list_gap is not None and scope.list_gap.fullmatch(scope.text[before[-1].end : anchor.start]) is not None


def located_unit(scope: Scope, cluster, number, lex) -> str | None:
    """"Maluku, meski tergolong Klaster 2, memiliki rata-rata lama sekolah 10,20 tahun": a cluster that only says where
    the unit before it belongs (a membership word between them, an aside closed by a comma) leaves the unit the subject."""
    units = [m for m in scope.members if m.end <= cluster.start and m.value != AGGREGATE]
    if not units or not any(units[-1].end <= c < cluster.start for c in scope.membership_cues):
        return None
    after = scope.text[cluster.end : number.start]
    # "… Klaster 4, yang rata-rata UHH-nya 69,90 tahun": a relative clause on the cluster speaks of the cluster
    # "… Klaster 4, klaster dengan UHH rata-rata 69,90 tahun": an apposition that names the cluster again is about it
    about_cluster = rx(rf"\b(?:{lex.relative_pronoun})\b|{lex.cluster_word}|\b(?:{lex.cluster_noun})\b").search(after)
    return units[-1].value if re.match(r"\s*[,)—–]", after) and not about_cluster else None
