"""Membership said without a list verb, the way a model writes it (read by membership.py).

"Klaster 1 beranggotakan …" is found by its verb (lexicon `membership`). A model as often places a
province in a cluster by the shape of the sentence:

- a cluster in parentheses after a list: "di Maluku dan NTB (Klaster 2)", "in Riau and South Kalimantan (Cluster 3)";
- a list set beside a cluster or a group noun: "Klaster 1—Jakarta, Kepri, Bali—", "Five provinces — NTT, …, Papua —";
- a list right before a locative and a cluster: "Maluku Utara dan NTT di Klaster 2", "Papua in Cluster 4";
- a cluster that frames the clause: "Di dalam Klaster 1, DKI Jakarta …", "Within Cluster 1, Jakarta …";
- a superlative scoped to a cluster: "Riau menjadi yang tertinggi di klaster ini", "Bali is the lowest in the cluster";
- a predicate with the cluster as its object: "Papua bagian dari Klaster 4", "NTB sits in Cluster 4" (lexicon
  `member_predicate`, only with a cluster named right after it: "part of the eastern region" is geography).

Each reading yields (the province mentions, the clusters they are said to be in, whether negated). A province
that no such shape and no membership verb places stays no claim: naming it is not claiming where it belongs.
"""

from __future__ import annotations

from dataclasses import dataclass

from .lexicon import rx
from .scope import AGGREGATE, Mention, Scope


@dataclass(frozen=True)
class Placement:
    """Provinces said to be in `clusters` (negated: said not to be)."""
    units: tuple[Mention, ...]
    clusters: tuple[int, ...]
    negated: bool = False


class MemberCues:
    words = ("member_predicate", "member_locative", "member_group", "member_opener", "member_list_gap", "scope_before", "scope_after",
             "superlative_high", "superlative_low", "superlative_best", "superlative_worst", "compare_high", "compare_low", "comparison_lead",
             "this_cluster", "member_deictic", "list_joiner", "member_alone", "member_also", "member_comitative", "pronoun", "member_extreme", "member_extreme_at")

    def __init__(self, lex, ranked=None):
        # ranked(best) → the cluster ranked best (True) or worst (False) overall, for "the least developed cluster — …"
        self.ranked = ranked
        self.ranked_rx = rx(lex.member_ranked_group) if "member_ranked_group" in lex.words else None
        self.gap_rx = rx(rf"(?:{lex.member_list_gap})")
        self.joiner_rx = rx(rf"(?<!\w)(?:{lex.list_joiner})(?!\w)")
        self.opener_rx = rx(rf"(?:{lex.member_opener})")
        self.group_rx = rx(rf"\b(?:{lex.member_group})\s*$")
        # "(Klaster 2)", "(in Cluster 3)": a cluster opening a parenthesis
        self.paren_before_rx = rx(rf"\(\s*(?:(?:{lex.member_locative})\s+)?$")
        self.locative_rx = rx(rf"\s*,?\s*(?:{lex.member_locative})\s+")
        self.frame_rx = rx(lex.scope_before)
        self.frame_after_rx = rx(r"\s*(?:\([^()]*\))?\s*,\s*")
        self.predicate_rx = rx(rf"\b(?:{lex.member_predicate})\b")
        self.negated_rx = rx(rf"(?:{lex.negation})\s+(?:\w+\s+)?$")
        self.superlative_rx = rx(rf"\b(?:{lex.superlative_high}|{lex.superlative_low}|{lex.superlative_best}|{lex.superlative_worst})\b")
        self.scope_after_rx = rx(rf"^[^,;:()\d]{{0,60}}?\b(?:{lex.scope_after})\s+$")
        self.comparison_rx = rx(rf"\b(?:{lex.compare_high}|{lex.compare_low})\b|{lex.comparison_lead}")
        self.this_rx = rx(lex.this_cluster)
        self.deictic_rx = rx(lex.member_deictic)
        self.scope_pronoun_rx = rx(lex.member_scope_pronoun) if "member_scope_pronoun" in lex.words else None
        self.alone_rx = rx(rf"\b(?:{lex.member_alone})")
        self.also_rx = rx(lex.member_also)
        self.comitative_rx = rx(lex.member_comitative)
        self.pronoun_rx = rx(lex.pronoun)
        self.extreme_rx = rx(rf"(?:{lex.member_extreme})")
        # what may stand between the extreme and the province: its indicator and value, no clause mark ("… 68,17 tahun di")
        self.extreme_at_rx = rx(rf"(?:[^,;:()]|(?<=\d)[.,](?=\d)){{0,50}}?\b(?:{lex.member_extreme_at})\s+(?:(?:{lex.article})\s+)?$")
        self.object_gap_rx = rx(r"\s*(?:[^\W\d]+\s+){0,2}")  # "termasuk (dalam) Klaster 2", "part of (the) Cluster 3"

    # -- lists of provinces ------------------------------------------------------------------------
    def lists(self, scope: Scope) -> list[list[Mention]]:
        """The provinces named by name, grouped into lists ("Aceh, Maluku, hingga Kalimantan Timur")."""
        names = [m for m in scope.unit_names if m.value != AGGREGATE]
        groups: list[list[Mention]] = []
        for m in names:
            if groups and self.gap_rx.fullmatch(scope.text, groups[-1][-1].end, m.start) and scope.clause(m.start)[0] <= groups[-1][-1].start:
                groups[-1].append(m)
            else:
                groups.append([m])
        return groups

    def subject(self, scope: Scope, group: list[Mention]) -> list[Mention]:
        """A list read before what places it: with no "dan" / "and" in it, only its last name ("Unlike Papua, Jakarta
        (Cluster 1) …": Papua is what Jakarta is compared with; "Bali, Jakarta dan Kepri (Klaster 1)" stays whole)."""
        if len(group) > 1 and not any(self.joiner_rx.search(scope.text, a.end, b.start) for a, b in zip(group, group[1:])):
            return group[-1:]
        return group

    def _list_ending(self, scope: Scope, position: int, lists) -> list[Mention] | None:
        """The list that ends right before `position` (spaces only between)."""
        for group in lists:
            if group[-1].end <= position and not scope.text[group[-1].end : position].strip():
                return self.subject(scope, group)
        return None

    def _list_starting(self, scope: Scope, position: int, lists) -> list[Mention] | None:
        for group in lists:
            if group[0].start >= position and not scope.text[position : group[0].start].strip():
                return group
        return None

    def _clusters(self, scope: Scope):
        """Every cluster mention, with "klaster ini" / "the cluster" / "within it" resolved even where the section names no cluster yet:
        then it is the sentence's cluster named before it ("Di dalam Klaster 1, …, sedangkan Bali terendah di klaster ini")."""
        found = list(scope.clusters)
        scoped = list(self.scope_pronoun_rx.finditer(scope.text)) if self.scope_pronoun_rx is not None else []
        for match in list(self.this_rx.finditer(scope.text)) + scoped:  # "klaster ini", "within it"
            if any(m.start <= match.start() < m.end for m in found):
                continue
            earlier = [m for m in scope.clusters if m.end <= match.start()]
            if earlier:
                found.append(Mention(match.start(), match.end(), earlier[-1].value, match.group(0)))
        return sorted(found, key=lambda m: m.start)

    # -- the readings ------------------------------------------------------------------------------
    def placements(self, scope: Scope) -> list[Placement]:
        lists = self.lists(scope)
        if not lists:
            return []
        clusters = self._clusters(scope)
        found: list[Placement] = self._predicates(scope, lists, clusters)  # the most explicit: "Papua bagian dari Klaster 4"
        text = scope.text
        for c in clusters:
            start, end = scope.clause(c.start)
            # "Maluku dan NTB (Klaster 2)"
            paren = self.paren_before_rx.search(text, max(0, c.start - 20), c.start)
            if paren:
                group = self._list_ending(scope, paren.start(), lists)
                if group:
                    found.append(Placement(tuple(group), (c.value,)))
                    continue
            # "Maluku Utara dan NTT di Klaster 2", "Papua, in Cluster 4"
            for group in lists:
                if group[-1].end <= c.start and self.locative_rx.fullmatch(text, group[-1].end, c.start):
                    found.append(Placement(tuple(self.subject(scope, group)), (c.value,)))
            # "Klaster 1—Jakarta, Kepri, Bali—", "Cluster 1 (DKI Jakarta, Bali)"
            opener = self.opener_rx.match(text, c.end)
            if opener:
                group = self._list_starting(scope, opener.end(), lists)
                if group:
                    found.append(Placement(tuple(group), (c.value,)))
            # "Di dalam Klaster 1, DKI Jakarta dan DIY menonjol …": the frame, then the clause's subject
            if self.frame_rx.search(text[start : c.start]):
                after = self.frame_after_rx.match(text, c.end)
                group = self._list_starting(scope, after.end(), lists) if after else None
                if group:
                    found.append(Placement(tuple(group), (c.value,)))
        found += self._beside_group(scope, lists)
        found += self._superlatives(scope, lists, clusters)
        found += self._extremes(scope, lists)
        return found

    def _beside_group(self, scope: Scope, lists) -> list[Placement]:
        """"Lima provinsi — NTT, …, Papua — …", "This eleven-province group — Aceh, … among them —": the cluster the
        sentence is about (else the one the section last named)."""
        found = []
        for opener in self.opener_rx.finditer(scope.text):
            ranked = self._ranked_before(scope, opener.start())  # "Klaster paling tertinggal — …": the noun before its adjective
            if not ranked and not self.group_rx.search(scope.text, max(0, opener.start() - 40), opener.start()):
                continue
            group = self._list_starting(scope, opener.end(), lists)
            if not group or any(c.end == opener.start() or scope.text[c.end : opener.start()].isspace() for c in scope.clusters):
                continue
            clusters = ranked or scope.clusters_for(opener.start()) or self.topic(scope, opener.start())
            if clusters:
                found.append(Placement(tuple(group), clusters))
        return found

    def _ranked_before(self, scope: Scope, position: int) -> tuple[int, ...]:
        """"The least developed cluster — …": the cluster the group noun names by its overall rank, if it does."""
        if self.ranked is None or self.ranked_rx is None:
            return ()
        match = self.ranked_rx.search(scope.text, max(0, position - 40), position)
        cluster = self.ranked(bool(match.group("best"))) if match else None
        return (cluster,) if cluster is not None else ()

    def _superlatives(self, scope: Scope, lists, clusters) -> list[Placement]:
        """"Riau menjadi yang tertinggi di klaster ini", "Jawa Barat mencatat UHH tertinggi di Klaster 3": ranked among a
        cluster's members, so said to be one. Not inside a comparison ("lebih rendah daripada yang tertinggi di Klaster 1")."""
        found = []
        for match in self.superlative_rx.finditer(scope.text):
            start, end = scope.clause(match.start())
            after = [c for c in clusters if match.end() <= c.start < end]
            if not after or not self.scope_after_rx.search(scope.text[match.end() : after[0].start]):
                continue
            before = [g for g in lists if start <= g[0].start and g[-1].end <= match.start() and match.start() - g[-1].end <= 80]
            if not before or self.comparison_rx.search(scope.text, before[-1][-1].end, match.start()):
                continue
            found.append(Placement(tuple(self.subject(scope, before[-1])), (after[0].value,)))
        return found

    def _extremes(self, scope: Scope, lists) -> list[Placement]:
        """"nilai terendahnya 68,17 tahun di Papua", "its lowest life expectancy, held by Papua": a cluster's own extreme
        is a member's value, so the province it is located at is said to be a member of the cluster."""
        found = []
        for match in self.extreme_rx.finditer(scope.text):
            _, end = scope.clause(match.start())
            group = next((g for g in lists if match.end() <= g[0].start < end), None)
            if group is None or not self.extreme_at_rx.fullmatch(scope.text, match.end(), group[0].start):
                continue
            clusters = scope.clusters_for(match.start())
            if len(clusters) == 1:
                found.append(Placement(tuple(group), clusters))
        return found

    def _predicates(self, scope: Scope, lists, clusters) -> list[Placement]:
        """"Papua bagian dari Klaster 4", "West Nusa Tenggara sits in Cluster 4": the subject list before the predicate."""
        found = []
        for match in self.predicate_rx.finditer(scope.text):
            target = self.cluster_after(scope, match.end(), clusters)
            if target is None:
                continue
            group = self.subject_before(scope, match.start(), lists)
            if group:
                negated = bool(self.negated_rx.search(scope.text, max(0, match.start() - 30), match.start()))
                found.append(Placement(tuple(group), (target.value,), negated))
        return found

    def alone(self, scope: Scope, lists) -> list[tuple[Mention, int, int, Mention | None]]:
        """"Papua membentuk klaster tersendiri", "berdiri sendiri sebagai Klaster 5", "the singleton Papua cluster": a province
        said to be a cluster's only member. (the province, where the phrase starts and ends, the cluster it names if any)."""
        found = []
        for match in self.alone_rx.finditer(scope.text):
            inside = [m for m in scope.unit_names if match.start() <= m.start < match.end() and m.value != AGGREGATE]
            subject = inside[-1:] or self.subject_before(scope, match.start(), lists)
            if not subject or len(subject) != 1:
                continue
            named = next((c for c in scope.clusters if c.start >= match.end() and not scope.text[match.end() : c.start].strip()), None)
            start = min(subject[0].start, match.start())
            end = named.end if named is not None else match.end()
            found.append((subject[0], start, end, named))
        return found

    def also(self, scope: Scope, lists) -> list[tuple[int, bool, list[Mention], list[Mention]]]:
        """"…, as does Papua Barat", "begitu pula NTT", "NTB … bersama NTT", "together with Papua": (where the phrase is,
        whether it is a comitative, the list right before it, the list it adds). A comitative joins both lists; "as does" adds the one after it."""
        found = []
        for pattern, joins in ((self.also_rx, False), (self.comitative_rx, True)):
            for match in pattern.finditer(scope.text):
                after = self._list_starting(scope, match.end(), lists)
                before = next((g for g in lists if g[-1].end <= match.start() and scope.text[g[-1].end : match.start()].strip(" ,") == ""), None)
                if after or before and joins:
                    found.append((match.start(), joins, list(before or []) if joins else [], list(after or [])))
        return found

    # -- shared with the membership verbs ----------------------------------------------------------
    def topic(self, scope: Scope, position: int) -> tuple[int, ...]:
        """The cluster the section last named, when the clause points at it ("provinsi ini", "this group", "here")
        and names none itself: a bold line "**Klaster 2 – …**" above is no heading, yet the paragraph is about it."""
        start, end = scope.clause(position)
        if scope.this_cluster and self.deictic_rx.search(scope.text, start, end):
            return (scope.this_cluster,)
        return ()

    def cluster_after(self, scope: Scope, position: int, clusters=None) -> Mention | None:
        """The cluster a membership word takes as its object: "termasuk Klaster 2", "anggota Klaster 1"."""
        for c in clusters if clusters is not None else scope.clusters:
            if c.start >= position:
                gap = self.object_gap_rx.fullmatch(scope.text, position, c.start)
                return c if gap and not any(position <= m.start < c.start for m in scope.unit_names) else None
        return None

    def subject_before(self, scope: Scope, position: int, lists) -> list[Mention] | None:
        """The last list before `position` in its clause, with no cluster named between ("Kepulauan Riau, yang notabene
        anggota Klaster 1"; not Jawa Barat earlier in the sentence)."""
        start, _ = scope.clause(position)
        before = [g for g in lists if start <= g[0].start and g[-1].end <= position]
        # a pronoun between ("Sulawesi Utara, for its part, sits in …") names no other cluster
        if not before or any(before[-1][-1].end <= c.start < position and not self.pronoun_rx.fullmatch(c.text) for c in scope.clusters):
            return None
        return self.subject(scope, before[-1])
