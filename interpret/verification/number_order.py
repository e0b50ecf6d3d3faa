"""Which of several numbers in a clause is about which name: "Klaster 2 dan Klaster 4 … (Jaccard 0,52 dan 0,58)" and
"UHH dan HLS masing-masing 72,3 dan 13,2 tahun" pair the i-th number with the i-th name (split from numbers.py to keep
each module small)."""

from __future__ import annotations

from .scope import Scope


def in_list_order(scope: Scope, number, found: list, binding):
    """"Klaster 2 dan Klaster 4 … (Jaccard 0,52 dan 0,58)": as many numbers as clusters, one each, in order."""
    clusters = [f.cluster for f in binding.facts]
    if None in clusters or len(set(clusters)) != len(clusters):
        return binding
    start, end = scope.clause(number.start)
    peers = [n for n in found if start <= n.start < end and n.percent == number.percent]
    order = [m.value for m in scope.clusters if m.value in clusters]
    order = list(dict.fromkeys(order))
    if len(peers) != len(clusters) or len(order) != len(clusters):
        return binding
    wanted = order[peers.index(number)]
    fact = next(f for f in binding.facts if f.cluster == wanted)
    return type(binding)((fact,), binding.how, binding.stat)


def respective(scope: Scope, number, found: list, clusters, features, member=None):
    """"UHH dan HLS masing-masing 72,3 dan 13,2 tahun", "DKI Jakarta dan DI Yogyakarta … masing-masing sekitar 75,8 dan
    75,2 tahun": the i-th number of the clause is about the i-th name (cluster, indicator or unit named before it)."""
    start, end = scope.clause(number.start)
    peers = [n for n in found if start <= n.start < end and n.percent == number.percent]
    i = peers.index(number)
    named_clusters = scope.clusters_in_clause(number.start)
    named_features = tuple(dict.fromkeys(m.value for m in scope.features if start <= m.start < end))
    named_members = tuple(dict.fromkeys(m.value for m in scope.members if start <= m.start < peers[0].start))
    if len(named_clusters) == len(peers) > 1:
        clusters = (named_clusters[i],)
    if len(named_features) == len(peers) > 1:
        features = (named_features[i],)
    if len(named_members) == len(peers) > 1:
        member = named_members[i]
    return clusters, features, member
