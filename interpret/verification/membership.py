"""Membership and counts: "Klaster 2 beranggotakan Aceh, Bengkulu, …", "DIY termasuk Klaster 1",
"terdiri dari lima provinsi", "hanya terdiri dari DKI Jakarta dan Bali", and the national aggregate
(INDONESIA) named as a member, which is always false: it is the reference, never clustered.
Province names are matched through the alias table of interpret/provinces.py.
"""

from __future__ import annotations

import re

from ..terms import ClaimKind, Verdict
from .checkers import register
from .counts import covered
from .lexicon import rx
from .member_cues import MemberCues
from .scope import AGGREGATE, Scope


@register
class MembershipChecker:
    """Membership claims and counts of members or clusters (ClaimKind.COUNT) both read member lists."""

    kind = ClaimKind.MEMBERSHIP
    words = ("membership", "member_label", "member_verbs", "exclusive", "count_units", "cluster_units", "geographic_prefix", "data_scope_count",
             "compare_high", "compare_low", "compare_connector", "compare_all_members") + MemberCues.words

    def __init__(self, verifier):
        self.v = verifier
        lex = verifier.lex
        self.number_words = lex.number_words
        self.geographic_rx = rx(rf"(?:{lex.geographic_prefix})\s*-?\s*$")
        self.data_scope_rx = rx(lex.data_scope_count)
        self.cue_rx = rx(rf"\b(?:{lex.membership})|\*\*(?:{lex.member_label})\b|(?:{lex.member_header})\s*\)?\s*:|:\s*(?=\S)")
        self.negation_rx = rx(rf"(?:{lex.negation})\s+(?:\w+\s+)?(?:{lex.membership}|{lex.member_verbs})")
        words = "|".join(sorted(lex.number_words, key=len, reverse=True))
        self.count_word_rx = rx(rf"\b(?P<word>{words})\s+(?:(?:{lex.count_units})\b|(?P<k>{lex.cluster_units})\b)")
        # "lebih tinggi dari seluruh anggota Klaster 1": the members are what a unit is compared with, not a member list
        self.compared_members_rx = rx(rf"(?:{lex.compare_high}|{lex.compare_low})\s+(?:(?:{lex.compare_connector})\s+)?(?:{lex.compare_all_members})")
        self.exclusive_rx = rx(rf"(?:{lex.exclusive})\s+(?:\w+\s+)?(?:{lex.membership})")
        self.cues = MemberCues(lex)

    def check(self, scope: Scope) -> None:
        self._members(scope)
        self._count_words(scope)

    def _members(self, scope: Scope) -> None:
        v = self.v
        done = set()
        claimed: set[int] = set()  # a province is placed once, by the first reading that places it
        lists = self.cues.lists(scope)
        # the shapes that place a province without a list verb (member_cues.py) first: they name their cluster exactly
        for placement in self.cues.placements(scope):
            self._place(scope, [m for m in placement.units if m.start not in claimed], placement.clusters, placement.negated, claimed)
        compared = [m.span() for m in self.compared_members_rx.finditer(scope.text)]
        for cue in self.cue_rx.finditer(scope.text):
            if any(a <= cue.start() < b for a, b in compared):
                continue
            start, end = scope.clause(cue.start())
            if (start, end) in done:
                continue
            named = [m for m in scope.unit_names if start <= m.start < end]  # by name: "its" stands for a unit, it does not place one
            listed = [m for m in named if m.start not in claimed]
            if not listed:
                continue
            negated = bool(self.negation_rx.search(scope.text, start, end))
            target = self.cues.cluster_after(scope, cue.end()) if cue.group(0)[:1].isalpha() else None
            if target is not None:
                # "Kepulauan Riau, yang notabene anggota Klaster 1": the cluster named right after the word, said of the
                # list before it (not of Jawa Barat earlier in the clause); the clause stays open for another cue
                subject = self.cues.subject_before(scope, cue.start(), lists)
                units = [m for m in (subject or listed) if m.start not in claimed]
                self._place(scope, units, (target.value,), negated, claimed)
                continue
            done.add((start, end))
            clusters = scope.clusters_for(cue.start()) or self.cues.topic(scope, cue.start())
            if not clusters:
                continue
            self._place(scope, listed, clusters, negated, claimed)
            exclusive = self.exclusive_rx.search(scope.text, start, end)
            if exclusive and len(clusters) == 1 and not negated and not re.search(r"\d", scope.masked[start:end]) and not self.count_word_rx.search(scope.text, start, end):
                cluster = clusters[0]
                real = [m for m in named if m.value != AGGREGATE]
                names = set(m.value for m in real)
                size = v.facts.cluster(cluster).size
                v.claim(scope, ClaimKind.COUNT, exclusive.group(0), clusters, (), v.facts.index.get(f"K{cluster}.size"),
                        Verdict.TRUE if len(names) == size else Verdict.FALSE, f"daftar {len(names)} anggota, klaster berisi {size}")

    def _place(self, scope: Scope, listed, clusters, negated: bool, claimed: set[int]) -> None:
        """Each listed province is claimed to be in (negated: not in) `clusters`; the national aggregate never is."""
        v = self.v
        for mention in listed:
            claimed.add(mention.start)
            if mention.value == AGGREGATE:
                if self.geographic_rx.search(scope.text[max(0, mention.start - 14) : mention.start]):
                    continue
                verdict = Verdict.TRUE if negated else Verdict.FALSE
                v.claim(scope, ClaimKind.MEMBERSHIP, mention.text, clusters, (), None, verdict,
                        f"{mention.text} adalah agregat nasional (pembanding), bukan anggota klaster", expected="bukan anggota klaster mana pun")
                continue
            actual = v.cluster_of(mention.value)
            inside = actual in clusters
            ok = inside != negated
            fact = v.facts.index.get(f"K{actual}.members") if actual else None
            note = "" if ok else (f"{mention.value} berada di Klaster {actual}" if actual else f"{mention.value} tidak ada dalam data")
            v.claim(scope, ClaimKind.MEMBERSHIP, mention.text, clusters, (), fact, Verdict.TRUE if ok else Verdict.FALSE, note,
                    expected=f"{mention.value} ∈ Klaster {actual}" if actual else "tidak ditemukan")

    def _count_words(self, scope: Scope) -> None:
        v = self.v
        for match in self.count_word_rx.finditer(scope.text):
            if covered(v, scope, match.start()):
                continue  # "tiga dari lima anggota … di bawah rata-rata": a count of members satisfying a condition (counts.py)
            value = self.number_words[match.group("word").lower()]
            if match.group("k"):
                after = scope.text[match.end() : match.end() + 3]
                if re.match(r"\s*\d", after):
                    continue  # "dua klaster 3" is not a count
                fact = v.facts.index.get("RUN.k")
                wanted = fact.value if fact else None
                if wanted is not None and "other_word" in v.lex.words and (rx(v.lex.other_word).search(scope.text, max(0, match.start() - 15), match.start())
                                                                          or rx(v.lex.other_after).match(scope.text, match.end())):
                    wanted -= 1  # "the other three clusters", "ketiga klaster lainnya": all but the one the sentence is about
                v.claim(scope, ClaimKind.COUNT, match.group(0), (), (), fact, Verdict.TRUE if wanted == value else Verdict.FALSE,
                        "" if wanted == (fact.value if fact else None) else f"klaster lain: {wanted}")
                continue
            start, _ = scope.clause(match.start())
            listed = list(dict.fromkeys(m.value for m in scope.members if start <= m.start < match.start() and m.value != AGGREGATE))
            if listed and len(listed) == value and match.start() - max(m.end for m in scope.members if m.start < match.start()) < 4:
                # "Papua dan Papua Barat, dua provinsi …": the count describes the list just written
                cluster = self.v.cluster_of(listed[0])
                v.claim(scope, ClaimKind.COUNT, match.group(0), (cluster,), (), v.facts.index.get(f"K{cluster}.members"), Verdict.TRUE, "jumlah daftar yang disebut")
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
