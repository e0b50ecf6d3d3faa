"""Membership and counts: "Klaster 2 beranggotakan Aceh, Bengkulu, …", "DIY termasuk Klaster 1",
"terdiri dari lima provinsi", "hanya terdiri dari DKI Jakarta dan Bali", and the national aggregate
(INDONESIA) named as a member, which is always false: it is the reference, never clustered.
Province names are matched through the alias table of interpret/provinces.py.
"""

from __future__ import annotations

import re

from ..facts import Fact
from ..terms import ClaimKind, Verdict
from .checkers import register
from .count_quantifiers import excepted_members
from .counts import covered
from .lexicon import rx
from .member_cues import MemberCues
from .scope import AGGREGATE, Scope


@register
class MembershipChecker:
    """Membership claims and counts of members or clusters (ClaimKind.COUNT) both read member lists."""

    kind = ClaimKind.MEMBERSHIP
    words = ("membership", "member_label", "member_verbs", "exclusive", "count_units", "cluster_units", "geographic_prefix", "data_scope_count",
             "compare_high", "compare_low", "compare_connector", "compare_all_members", "member_others") + MemberCues.words

    def __init__(self, verifier):
        self.v = verifier
        lex = verifier.lex
        self.number_words = lex.number_words
        self.geographic_rx = rx(rf"(?:{lex.geographic_prefix})\s*-?\s*$")
        self.data_scope_rx = rx(lex.data_scope_count)
        leaves = rf"{lex.member_leaves}|" if "member_leaves" in lex.words else ""
        self.cue_rx = rx(rf"{leaves}\b(?:{lex.membership})|\*\*(?:{lex.member_label})\b|(?:{lex.member_header})\s*\)?\s*:|:\s*(?=\S)")
        self.negation_rx = rx(rf"(?:{lex.negation})\s+(?:\w+\s+)?(?:{lex.membership}|{lex.member_verbs})")
        # "Riau keluar dari Klaster 2", "Bengkulu leaves Cluster 2": a membership word that places its units outside the cluster
        self.leaves_rx = rx(lex.member_leaves) if "member_leaves" in lex.words else None
        words = "|".join(sorted(lex.number_words, key=len, reverse=True))
        # "seven eastern provinces", "lima provinsi", "this eleven-province group": up to two describing words, or the
        # number joined to the unit by a hyphen; never a function word ("three of the provinces" counts a part)
        describing = rf"(?:(?!(?:{lex.count_filler_not})\b)[^\W\d][\w-]*\s+){{0,2}}?" if "count_filler_not" in lex.words else ""
        # (not before clusters: "the four multi-province clusters" are some of them, not the run's k)
        collective = rf"(?:{lex.count_collective})?" if "count_collective" in lex.words else ""  # "kelima provinsi ini"
        self.count_word_rx = rx(rf"\b{collective}(?P<word>{words})(?:\s+(?P<k>{lex.cluster_units})\b|\s+{describing}(?:{lex.count_units})\b|-(?:{lex.count_units})\b)")
        self.no_member_rx = rx(lex.no_member)
        # "lebih tinggi dari seluruh anggota Klaster 1": the members are what a unit is compared with, not a member list
        self.compared_members_rx = rx(rf"(?:{lex.compare_high}|{lex.compare_low})\s+(?:(?:{lex.compare_connector})\s+)?(?:{lex.compare_all_members})")
        self.exclusive_rx = rx(rf"(?:{lex.exclusive})\s+(?:\w+\s+)?(?:{lex.membership})")
        self.cues = MemberCues(lex, ranked=self._ranked)
        self.others_rx = rx(lex.member_others)
        self.apposition_rx = rx(r"\s*,\s*(?:[^\W\d]+\s+){0,3}")  # "Sulawesi Utara, a member of …", "Kepri, yang notabene anggota …"

    def _ranked(self, best: bool) -> int | None:
        """The cluster ranked first (best) or last overall (K{n}.composite_rank), None when the facts hold no rank."""
        ranks = {c.number: self.v.facts.index.get(f"K{c.number}.composite_rank") for c in self.v.facts.clusters}
        if not ranks or any(f is None for f in ranks.values()):
            return None
        wanted = 1 if best else len(ranks)
        return next((n for n, f in ranks.items() if int(f.value) == wanted), None)

    def check(self, scope: Scope) -> None:
        self._members(scope)
        self._count_words(scope)

    def _members(self, scope: Scope) -> None:
        v = self.v
        done = set()
        claimed: dict[int, tuple[int, ...]] = {}  # a province is placed once, by the first reading that places it (→ its clusters)
        lists = self.cues.lists(scope)
        compared = [m.span() for m in self.compared_members_rx.finditer(scope.text)]
        cues = [cue for cue in self.cue_rx.finditer(scope.text) if not any(a <= cue.start() < b for a, b in compared)]
        # 1. a membership word with the cluster as its object ("Kepulauan Riau, yang notabene anggota Klaster 1"): said of
        # the list before it (not of Jawa Barat earlier in the clause), of the clause's provinces when none is before it
        plain = []
        for cue in cues:
            target = self.cues.cluster_after(scope, cue.end()) if cue.group(0)[:1].isalpha() else None
            if target is None:
                plain.append(cue)
                continue
            start, end = scope.clause(cue.start())
            negated = bool(self.negation_rx.search(scope.text, start, end)) != self._leaves(cue)
            # (a province with another cluster named between it and the cue is that cluster's: "Papua, now alone in Cluster
            # 5, spends … as the average member of Cluster 1")
            subject = self.cues.subject_before(scope, cue.start(), lists) or [
                m for m in scope.unit_names if start <= m.start < end and not any(m.end <= c.start < cue.start() for c in scope.clusters)]
            # "Sulawesi Utara, a member of Cluster 3, …", "DKI Jakarta, anggota Klaster 1": one province set beside the
            # phrase that places it is quoted with it
            beside = len(subject) == 1 and subject[0].end <= cue.start() and self.apposition_rx.fullmatch(scope.text, subject[0].end, cue.start())
            quote = scope.text[subject[0].start : target.end] if beside else None
            self._place(scope, [m for m in subject if m.start not in claimed], (target.value,), negated, claimed, quote=quote)
        # 2. the shapes that place a province without a list verb (member_cues.py): they name their cluster exactly
        for placement in self.cues.placements(scope):
            self._place(scope, [m for m in placement.units if m.start not in claimed], placement.clusters, placement.negated, claimed)
        # 3. a membership word in a clause: every province the clause names is in the cluster it is about
        for cue in plain:
            start, end = scope.clause(cue.start())
            if (start, end) in done:
                continue
            named = [m for m in scope.unit_names if start <= m.start < end]  # by name: "its" stands for a unit, it does not place one
            listed = [m for m in named if m.start not in claimed]
            if not listed:
                continue
            negated = bool(self.negation_rx.search(scope.text, start, end)) != self._leaves(cue)
            done.add((start, end))
            clusters = scope.clusters_for(cue.start()) or self.cues.topic(scope, cue.start())
            if not clusters:
                continue
            # "mencakup seluruh provinsi di Pulau Jawa kecuali DKI Jakarta dan D.I. Yogyakarta": the units an exception after the
            # membership word leaves out are not placed in the cluster (nor claimed outside it: what the exception implies of
            # their cluster is not said); "Selain Papua, seluruh anggota …" leaves Papua out of what is said of the members
            # (only after a list verb whose object is "all" of a wider set: "every member of Cluster 1 except Papua …" says Papua
            # is a member, and so may a colon or "comprises the eastern provinces other than …")
            excepted = self._left_out(scope, [c for c in cues if start <= c.start() < end], start, end)
            self._place(scope, [m for m in listed if m.value not in excepted], clusters, negated, claimed)
            for m in listed:
                if m.value in excepted:
                    claimed[m.start] = ()
            exclusive = self.exclusive_rx.search(scope.text, start, end)
            if exclusive and covered(v, scope, exclusive.start()):
                exclusive = None  # "hanya satu di antaranya … di atas rata-rata": a count of members meeting a condition (counts.py)
            if exclusive and len(clusters) == 1 and not negated and not re.search(r"\d", scope.masked[start:end]) and not self.count_word_rx.search(scope.text, start, end):
                cluster = clusters[0]
                real = [m for m in named if m.value != AGGREGATE]
                names = set(m.value for m in real)
                size = v.facts.cluster(cluster).size
                v.claim(scope, ClaimKind.COUNT, exclusive.group(0), clusters, (), v.facts.index.get(f"K{cluster}.size"),
                        Verdict.TRUE if len(names) == size else Verdict.FALSE, v.say("listed_vs_size", listed=len(names), size=size))
        self._also(scope, lists, claimed)
        self._alone(scope, lists, claimed)
        self._others(scope, lists, claimed)

    def _leaves(self, cue) -> bool:
        """Whether the cue is a word of leaving ("keluar dari", "leaves"), read in its sentence (its lookahead needs what follows)."""
        match = self.leaves_rx.match(cue.string, cue.start()) if self.leaves_rx is not None else None
        return match is not None and match.end() == cue.end()

    def _left_out(self, scope: Scope, cues, start: int, end: int) -> set[str]:
        """The units "all … except" leaves out of a list verb's object in [start, end) ("mencakup seluruh provinsi di Pulau
        Jawa kecuali …"); not those a quantifier over the members leaves out ("every member of Cluster 1 except Papua …" says
        Papua is a member), nor after a colon."""
        lex = self.v.lex
        if "count_all" not in lex.words:
            return set()
        members_word = rx(rf"\b(?:{lex.count_member_units})\b") if "count_member_units" in lex.words else None
        verbs = [c.end() for c in cues if c.group(0)[:1].isalpha() and not (members_word and members_word.fullmatch(c.group(0)))]
        out = set()
        for universal in rx(rf"\b(?:{lex.count_all})\b").finditer(scope.text, start, end):
            if not any(universal.start() - 40 <= v <= universal.start() for v in verbs):
                continue
            for name in excepted_members(scope, lex, universal.end(), end):
                first = next(m for m in scope.members if m.value == name and m.start >= universal.end())
                if not (members_word and members_word.search(scope.text, universal.start(), first.start)):
                    out.add(name)
        return out

    def _also(self, scope: Scope, lists, claimed: dict[int, tuple[int, ...]]) -> None:
        """"Kalimantan Barat sits in Cluster 2 as well, as does Papua Barat", "NTB termasuk Klaster 4 bersama NTT": placed
        where one of the lists it joins is, else where the province before it in the sentence was. "Papua, alongside NTT,
        trails" places neither: nothing says where they are."""
        for position, joins, before, after in self.cues.also(scope, lists):
            known = [claimed[m.start] for m in after + before if claimed.get(m.start)]
            # "as does X" continues the sentence's placement; a comitative only its own clause's ("Klaster 1 mencakup Bali;
            # Papua bersama NTT tertinggal" says nothing of Papua's cluster)
            since = scope.clause(position)[0] if joins else 0
            earlier = [p for p in claimed if since <= p < position and claimed[p]]
            clusters = known[0] if known else (claimed[max(earlier)] if earlier else ())
            units = [m for m in before + after if m.start not in claimed]
            if clusters and units:
                self._place(scope, units, clusters, False, claimed)

    def _alone(self, scope: Scope, lists, claimed: dict[int, tuple[int, ...]]) -> None:
        """"Papua membentuk klaster tersendiri": true when the province's cluster has it as its only member (and is the
        cluster named, if one is)."""
        v = self.v
        for mention, start, end, named in self.cues.alone(scope, lists):
            actual = v.cluster_of(mention.value)
            if actual is None:
                continue
            size = v.facts.cluster(actual).size
            ok = size == 1 and (named is None or named.value == actual)
            claimed[mention.start] = (actual,) if ok else ()
            note = "" if ok else v.say("member_in_cluster_of", member=mention.value, cluster=actual, size=size)
            v.claim(scope, ClaimKind.MEMBERSHIP, scope.text[start:end], (named.value,) if named else (actual,), (), v.facts.index.get(f"K{actual}.members"),
                    Verdict.TRUE if ok else Verdict.FALSE, note, expected=v.say("member_of_cluster_sized", member=mention.value, cluster=actual, size=size))

    def _others(self, scope: Scope, lists, placed: dict[int, tuple[int, ...]]) -> None:
        """"NTT, Gorontalo, and four others": a member list that counts the rest states the cluster's size."""
        v = self.v
        for group in lists:
            clusters = placed.get(group[-1].start)
            match = self.others_rx.match(scope.text, group[-1].end)
            if not match or not clusters or len(clusters) != 1:
                continue
            word = match.group("n").lower()
            rest = int(word) if word.isdigit() else self.number_words.get(word)
            if rest is None:
                continue
            fact = v.facts.index.get(f"K{clusters[0]}.size")
            if fact is None:
                continue
            stated = len({m.value for m in group}) + rest
            v.claim(scope, ClaimKind.COUNT, scope.text[group[0].start : match.end()], clusters, (), fact,
                    Verdict.TRUE if stated == fact.value else Verdict.FALSE, v.say("list_and_rest", stated=stated, size=fact.value))

    def _place(self, scope: Scope, listed, clusters, negated: bool, claimed: dict[int, tuple[int, ...]], quote: str | None = None) -> None:
        """Each listed province is claimed to be in (negated: not in) `clusters`; the national aggregate never is. The
        claim quotes the province's name as written (a list verb places several provinces at once), or `quote` for one
        province set beside what places it."""
        v = self.v
        for mention in listed:
            claimed[mention.start] = () if negated else tuple(clusters)
            if mention.value == AGGREGATE:
                if self.geographic_rx.search(scope.text[max(0, mention.start - 14) : mention.start]):
                    continue
                verdict = Verdict.TRUE if negated else Verdict.FALSE
                v.claim(scope, ClaimKind.MEMBERSHIP, mention.text, clusters, (), None, verdict,
                        v.say("aggregate_not_member", name=mention.text), expected=v.say("in_no_cluster"))
                continue
            actual = v.cluster_of(mention.value)
            inside = actual in clusters
            ok = inside != negated
            fact = v.facts.index.get(f"K{actual}.members") if actual else None
            note = "" if ok else (v.say("member_in_cluster", member=mention.value, cluster=actual) if actual else v.say("unit_not_in_data", member=mention.value))
            v.claim(scope, ClaimKind.MEMBERSHIP, quote if quote and len(listed) == 1 else mention.text, clusters, (), fact, Verdict.TRUE if ok else Verdict.FALSE, note,
                    expected=v.say("member_of_cluster", member=mention.value, cluster=actual) if actual else v.say("not_found"))

    def _indicator_counts(self, scope: Scope) -> None:
        """"keempat indikator", "all four indicators": how many indicators the data has (its features)."""
        v = self.v
        for match in rx(v.lex.indicator_count).finditer(scope.text) if "indicator_count" in v.lex.words else ():
            stated, actual = self.number_words.get(match.group("n").lower()), len(v.facts.features)
            fact = Fact("DATA.n_features", actual, "count", 0, "", None, None, str(actual))
            v.claim(scope, ClaimKind.COUNT, match.group(0), (), (), fact, Verdict.TRUE if stated == actual else Verdict.FALSE)

    def _count_words(self, scope: Scope) -> None:
        v = self.v
        self._indicator_counts(scope)
        others = [m.span() for m in self.others_rx.finditer(scope.text)]
        # "tidak satu pun anggota …": the quantifier's "one" counts nothing
        others += [m.span() for m in self.no_member_rx.finditer(scope.text)]
        for match in self.count_word_rx.finditer(scope.text):
            if any(a <= match.start() < b for a, b in others):
                continue  # "NTT, Papua, dan tiga provinsi lainnya": the rest of a list, counted with it (_others)
            if covered(v, scope, match.start()):
                continue  # "tiga dari lima anggota … di bawah rata-rata": a count of members satisfying a condition (counts.py)
            value = self.number_words[match.group("word").lower()]
            if match.group("k"):
                after = scope.text[match.end() : match.end() + 3]
                if re.match(r"\s*\d", after):
                    continue  # "dua klaster 3" is not a count
                if "cluster_subset_before" in v.lex.words and (rx(v.lex.cluster_subset_before).search(scope.text, max(0, match.start() - 20), match.start())
                                                               or rx(v.lex.cluster_subset_after).match(scope.text[match.end() :])):
                    continue  # "the top two clusters", "dua klaster teratas": some of the clusters, not how many there are
                fact = v.facts.index.get("RUN.k")
                wanted = fact.value if fact else None
                if wanted is not None and "other_word" in v.lex.words and (rx(v.lex.other_word).search(scope.text, max(0, match.start() - 15), match.start())
                                                                          or rx(v.lex.other_after).match(scope.text[match.end() :])):
                    wanted -= 1  # "the other three clusters", "ketiga klaster lainnya": all but the one the sentence is about
                v.claim(scope, ClaimKind.COUNT, match.group(0), (), (), fact, Verdict.TRUE if wanted == value else Verdict.FALSE,
                        "" if wanted == (fact.value if fact else None) else v.say("other_clusters", n=wanted))
                continue
            start, _ = scope.clause(match.start())
            listed = list(dict.fromkeys(m.value for m in scope.members if start <= m.start < match.start() and m.value != AGGREGATE))
            if listed and len(listed) == value and match.start() - max(m.end for m in scope.members if m.start < match.start()) < 4:
                # "Papua dan Papua Barat, dua provinsi …": the count describes the list just written
                cluster = self.v.cluster_of(listed[0])
                v.claim(scope, ClaimKind.COUNT, match.group(0), (cluster,), (), v.facts.index.get(f"K{cluster}.members"), Verdict.TRUE, v.say("listed_count"))
                continue
            clusters = scope.clusters_for(match.start())
            if not clusters:
                if value == 1 or not self.data_scope_rx.search(scope.text):  # "a single unit", "satu provinsi": never the data's size
                    continue  # "keputusan untuk satu provinsi": not a count of anything in the facts
                fact = v.facts.index.get("DATA.n_units")
                v.claim(scope, ClaimKind.COUNT, match.group(0), (), (), fact, Verdict.TRUE if fact and fact.value == value else Verdict.FALSE)
                continue
            for cluster in clusters:
                fact = v.facts.index.get(f"K{cluster}.size")
                v.claim(scope, ClaimKind.COUNT, match.group(0), (cluster,), (), fact, Verdict.TRUE if fact.value == value else Verdict.FALSE)
