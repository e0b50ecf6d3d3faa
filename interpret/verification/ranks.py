"""Rank claims: "UHH tertinggi", "kedua terendah", "capaian terendah" (the composite order),
"anggota terbanyak", "lebih tinggi dari Klaster 2", "kesenjangan antarklaster terbesar pada X" and
"ketertinggalan terbesar pada X". Ranks compare cluster means (1 = highest mean).
The comparisons between clusters ("lebih tinggi dari Klaster 2") live in cluster_compare.py (a mixin).
"""

from __future__ import annotations

import re

from ..terms import ClaimKind, Verdict
from .checkers import register
from .cluster_compare import ClusterComparisons
from .comparison_parts import ComparisonParts
from .lexicon import rx
from .rank_positions import PositionReader
from .scope import AGGREGATE, Scope, _same_list
from .unit_compare import UnitComparisons


@register
class RankChecker(ClusterComparisons):
    kind = ClaimKind.RANK
    words = ("superlative_high", "superlative_low", "superlative_best", "superlative_worst", "compare_high", "compare_low", "compare_connector",
             "compare_filler", "spread_nouns", "gap_between", "size_words", "composite", "within_cluster", "cluster_noun", "position_words", "position_last",
             "ordinal_prefix", "quality_comparison", "largest_shortfall", "largest_lead", "scope_after", "scope_before", "cluster_members_frame", "superlative_top", "runner_up", "gap_widest", "gap_narrowest", "sd_scale", "width_object", "gap_deepest",
             "national_scope", "among_clusters", "multi_member_clusters", "ranked_unit_after", "within_possessive", "compare_all_others", "compare_end", "compare_degree", "quality_preposition", "size_superlative", "position_filler", "ordinal_suffix", "position_continuation", "placed_before_unit", "any_pair", "followed_by", "group_top", "group_bottom", "position_copula", "name_possessive", "member_label") + UnitComparisons.words

    def __init__(self, verifier):
        self.v = verifier
        lex = verifier.lex
        self.ordinals = lex.ordinals
        ordinal_after_first = "|".join(w for w, n in lex.ordinals.items() if n != 1)  # "kedua terendah"; "pertama" alone is no rank
        _ORD = ordinal_after_first
        self.superlative_rx = rx(
            rf"(?:(?P<ord>{_ORD})[\s-]+)?(?:(?P<high>{lex.superlative_high})|(?P<low>{lex.superlative_low})|(?P<best>{lex.superlative_best})|(?P<worst>{lex.superlative_worst}))\b(?:\s+(?P<ord2>{_ORD})\b)?"
            # "the top province nationally", "the national runner-up": a place said by a noun (highest, second highest)
            rf"|\b(?P<top>{lex.superlative_top})\b|\b(?P<runner>{lex.runner_up})(?![\w-])"
        )
        self.cluster_noun_before_rx = rx(rf"\b(?:{lex.cluster_noun})\s+$")
        # "the gap between Cluster 1 and Cluster 4 is widest on expenditure" (cluster_compare._gap_width)
        self.gap_width_rx = rx(rf"\b(?:(?P<wide>{lex.gap_widest})|(?P<narrow>{lex.gap_narrowest}))")
        # "the widest gap between any two groups", "selisih terlebar antara dua klaster mana pun" (cluster_compare._extreme_pair)
        widest = rf"(?:{lex.gap_widest}|{lex.superlative_high})"
        self.extreme_pair_rx = rx(rf"(?:\b(?:{lex.article})\s+)?(?:\b{widest}\s+(?:{lex.spread_nouns})|\b(?:{lex.spread_nouns})\s+(?:(?:{lex.relative_pronoun})\s+)?{widest})\s+(?:{lex.any_pair})")
        self.width_object_rx = rx(rf"\s+(?:{lex.width_object})\s+(?:(?:{lex.article})\s+)?")
        self.sd_scale_rx = rx(lex.sd_scale)
        self.gap_deepest_rx = rx(rf"\b(?:{lex.gap_deepest})\b")
        self.spread_any_rx = rx(rf"\b(?:{lex.spread_nouns})\b")
        self.top_of_cluster_rx = rx(rf"\s+(?:(?:{lex.count_of})\s+)?(?:(?:{lex.cluster_determiner})\s+)?(?:{lex.cluster_noun})(?:{lex.possessive_suffix})?\b")  # "puncak klaster": its own cluster's top
        self.national_before_rx = rx(rf"\b(?:{lex.national_scope})\s+$")
        lead = rf"(?:(?P<high>{lex.compare_high})|(?P<low>{lex.compare_low}))\b"
        # the object may be a cluster named by an ordinal before the noun ("just below the fourth cluster")
        ordinal_noun = rf"|(?:{lex.ordinal_before_noun})\s+{lex.cluster_word}\b" if "ordinal_before_noun" in lex.words else ""
        self.compare_rx = rx(rf"{lead}\s+(?:(?:{lex.compare_connector}|{lex.compare_filler})\s+)*(?={lex.cluster_word}\b{ordinal_noun})")
        # "enjoys a higher life expectancy than Cluster II": the indicator between the comparison word and its object
        self.lead_rx = rx(rf"{lead}\s+")
        self.elided_rx = rx(rf"{lead}\s+(?:(?:{lex.quality_preposition})\s+)(?:(?:{lex.article})\s+)?")
        self.then_object_rx = rx(rf"\s*(?:{lex.compare_connector})\s+(?:(?:{lex.compare_filler})\s+)*")
        self.degree_rx = rx(rf"\b(?:{lex.compare_degree})\s+$")
        # "… daripada klaster lain mana pun" / "than any other cluster": the first (or last) of all
        self.compare_all_rx = rx(rf"{lead}\s+(?:(?:{lex.compare_connector}|{lex.compare_filler})\s+)*(?P<all>{lex.compare_all_others})\b")
        # "Klaster 3 bahkan lebih tinggi lagi." / "Cluster 2 is slightly lower.": compared with the subject named before it
        self.compare_end_rx = rx(rf"{lead}(?:\s+(?:{lex.compare_filler})){{0,2}}(?:\s+{lex.compare_end})?\s*(?=[.;,:!?]|$)")
        # "Kesenjangan pengeluaran Klaster 4 adalah yang terdalam": up to five words between the gap noun and its superlative
        self.spread_noun_rx = rx(rf"\b(?:{lex.spread_nouns})\s+(?:[^\s,;:()]+\s+){{0,5}}$")
        self.gap_rx = rx(rf"(?:{lex.gap_between})")
        self.size_rx = rx(lex.size_words)
        self.within_rx = rx(lex.within_cluster)
        self.cluster_noun_rx = rx(rf"(?:{lex.cluster_noun})\s+(?:(?:{lex.relative_pronoun})\s+)?(?:(?:{lex.most_word})\s+)?$")
        # "UHH tertinggi dimiliki DKI Jakarta", "the highest … is held by Aceh": the unit after a passive verb is ranked
        self.held_by_rx = rx(rf"^[^,;:()\d]{{0,50}}?\b(?:{lex.held_by})\s+$") if "held_by" in lex.words else None
        self.quality_rx = rx(lex.quality_comparison)
        self.composite_rx = rx(lex.composite)
        self.unit_comparisons = UnitComparisons(verifier)
        self.parts = ComparisonParts(verifier)  # subject, indicator after the object, negation, unit against cluster
        self.unit_comparisons.ranks = self
        self.scope_after_rx = rx(rf"^[^,;:()\d]{{0,60}}?\b(?:{lex.scope_after})\s+$")
        self.scope_before_rx = rx(lex.scope_before)
        self.members_frame_rx = rx(rf"\b(?:{lex.cluster_members_frame})\s+$")
        # "…, HLS tertinggi di klaster ini, sementara Gorontalo mencatat pengeluaran tertinggi": an earlier clause's scope
        self.earlier_scope_rx = rx(rf"(?:{lex.superlative_high}|{lex.superlative_low}|{lex.superlative_best}|{lex.superlative_worst})\b"
                                   rf"[^,;:()]*\b(?:{lex.scope_after})\s+$")
        self.names_cluster_after_rx = rx(rf"[\w-]*\s+(?:{lex.cluster_noun})\b")
        # "the largest group", "the smallest cluster": a size superlative before the cluster noun ranks the sizes
        self.size_superlative_rx = rx(lex.size_superlative)
        self.followed_rx = rx(rf"\b(?:{lex.followed_by})\s+") if "followed_by" in lex.words else None  # "…, disusul Klaster 2"
        self.foreign_rx = rx(lex.words["foreign_concepts"]) if "foreign_concepts" in lex.words else None  # what the data do not hold
        self.noun_after_rx = rx(rf"\s+(?:{lex.cluster_noun})\b")
        self.national_rx = rx(rf"^[^,;:()\d]{{0,60}}?\b(?:{lex.national_scope})\b")
        # "the lowest of the four clusters", "terendah di antara keempat klaster": the clusters are ranked, not a unit
        # "the cluster's best performer, Sulawesi Utara, …": the unit named in apposition right after the superlative
        self.ranked_unit_after_rx = rx(rf"(?:{lex.ranked_unit_after})")
        # "the cluster's best performer": a possessive cluster right before the superlative scopes it to the unit's cluster
        self.within_possessive_rx = rx(rf"(?:{lex.within_possessive})$")
        self.member_before_rx = rx(rf"\b(?:{lex.member_label})\s+$")
        self.possessive_before_rx = rx(rf"(?:{lex.name_possessive})\s+(?:[\w-]+\s+)?")  # "Cluster 4's (best-)performing"
        self.among_clusters_rx = rx(rf"^[^,;:()\d]{{0,40}}?(?:{lex.among_clusters})")
        # "of the four multi-province clusters": the singletons left out of the order
        self.multi_member_rx = rx(rf"^[^,;:()\d]{{0,40}}?(?:{lex.among_clusters})[^,;:()\d]{{0,10}}?(?:{lex.multi_member_clusters})|"
                                  rf"^[^,;:()\d]{{0,70}}?(?:{lex.multi_member_clusters})")  # "… expected years of schooling of the four multi-province clusters"

        self.positions = PositionReader(self)  # "urutan kedua untuk UHH", "ranks last on expenditure" (rank_positions.py)

    def check(self, scope: Scope) -> None:
        self._next_to(scope)
        self._gap_width(scope)
        self._extreme_pair(scope)
        self._followed_by(scope)
        self._comparisons(scope)
        self.unit_comparisons.check(scope)
        self.positions.check(scope)
        for match in self.superlative_rx.finditer(scope.text):
            before = scope.text[max(scope.clause(match.start())[0], match.start() - 70) : match.start()]
            if self.spread_noun_rx.search(before):
                self._gap_or_shortfall(scope, match)
                continue
            if self._inside_comparison(scope, match.start()) or self.positions.in_group_place(scope, match.start()) or any(m.start() <= match.start() < m.end() for m in self.extreme_pair_rx.finditer(scope.text)):
                continue  # "the largest gap between any two clusters" ranks the pair (_extreme_pair), not a cluster
            self._superlative(scope, match)
        for match in self.gap_deepest_rx.finditer(scope.text):
            before = scope.text[max(scope.clause(match.start())[0], match.start() - 70) : match.start()]
            if self.spread_noun_rx.search(before) and self.among_clusters_rx.search(scope.text[match.end() : scope.clause(match.start())[1]]):
                self._deepest_shortfall(scope, match)  # "its spending gap is the deepest of any cluster"

    def _names_coded_answer(self, text: str) -> bool:
        section = getattr(self.v.facts, "households", None)
        if section is None:
            return False
        names = [n for info in section.categorical for n in (info.label, getattr(info, "label_en", None)) if n]  # label_en: the English brief's
        return any(rx(r"(?<![\w-])" + re.escape(name).replace(r"\ ", r"\s+") + r"(?![\w-])").search(text) for name in names)

    def _inside_comparison(self, scope: Scope, position: int) -> bool:
        return any(m.start() <= position < m.end() for m in self.compare_rx.finditer(scope.text))

    # -- superlatives -------------------------------------------------------------------------------
    def _superlative(self, scope: Scope, match) -> None:
        v = self.v
        ordinal = 2 if match.group("runner") else self.ordinals.get((match.group("ord") or match.group("ord2") or "").lower(), 1)
        if match.group("ord") and self.cluster_noun_before_rx.search(scope.text, max(0, match.start() - 20), match.start()):
            ordinal = 1  # "Kelompok keempat tertinggal paling jauh": the ordinal names the cluster, not a place
        kind = next((k for k in ("high", "low", "best", "worst") if match.group(k)), "high")  # "top", "runner-up": from the top
        phrase = match.group(0).strip()
        start, end = scope.clause(match.start())
        clause = scope.text[start:end]
        if self._ranks_foreign(scope, match, start, end, phrase):
            return
        anchor = scope.nearest_before(match.start())
        listed = [m.value for m in scope.members if start <= m.start < match.start() and m.value != AGGREGATE]
        held = [m for m in scope.members if match.end() <= m.start < end and m.value != AGGREGATE
                and self.held_by_rx.search(scope.text[match.end() : m.start])] if self.held_by_rx is not None else []
        named_before = [m for m in scope.members if start <= m.start < match.start() and m.value != AGGREGATE]
        if len(listed) > 1 and re.fullmatch(r"\s*[,—–(]\s*(?:[\w-]+\s+){0,2}", scope.text[named_before[-1].end : match.start()]):
            listed = listed[-1:]  # "A …, well ahead of B, the national runner-up": the unit in apposition is the one ranked
        if len(named_before) > 1 and len(listed) > 1:
            # "A and B sit above …, and C's life expectancy is the highest": only the last list of names before it is ranked
            run = [named_before[-1]]
            for m in reversed(named_before[:-1]):
                if not _same_list(scope.text, m, run[-1], scope.list_gap):
                    break
                run.append(m)
            listed = [m.value for m in reversed(run)]
        if held:  # "…, sedangkan HLS tertinggi dipegang Aceh": the unit after the passive verb, whatever the clause named before
            listed = [held[0].value]
        appositive = [] if listed else [m for m in scope.members if m.start >= match.end() and m.value != AGGREGATE
                                        and self.ranked_unit_after_rx.fullmatch(scope.text, match.end(), m.start)][:1]
        if appositive:
            listed = [appositive[0].value]
        if anchor is None and not listed and not scope.clusters_for(match.start()):
            return  # a superlative about nothing we can name ("klaster terkecil" in a method note)
        top_of_cluster = bool(match.group("top")) and self.top_of_cluster_rx.match(scope.text, match.end())
        if self.names_cluster_after_rx.match(scope.text, match.end()) and not top_of_cluster and not appositive:
            listed = []  # "Klaster 1 — DKI Jakarta, …, Bali — adalah kelompok dengan capaian terbaik" / "the best-performing group"
        national = self.national_rx.search(scope.text[match.end() : self._own_end(scope, match, end)]) or self._national_before(scope, match, start)
        if not listed and national and not [m for m in scope.clusters if start <= m.start < match.start()]:
            # "West Sumatra has the highest … in Cluster 2 and, at 74.14 years, the highest in the country": a national
            # place said of the unit that is the sentence's subject, in an earlier clause
            listed = self._earlier_unit_subject(scope, start)
        if not listed and national:
            # "## Klaster 5 — Papua … pengeluaran terendah dari 34 provinsi": a one-member cluster's national place is its member's
            own = scope.clusters_for(match.start())
            if len(own) == 1 and v.facts.cluster(own[0]).size == 1:
                listed = list(v.facts.cluster(own[0]).members)
        among_clusters = self.among_clusters_rx.search(scope.text[match.end() : end])
        if among_clusters:
            # "its expected schooling is the lowest of the four clusters", even with a unit or "in this cluster" in the
            # clause: the clusters are ranked
            singletons = [c for c in (v.cluster_of(u) for u in listed[-1:]) if c and v.facts.cluster(c).size == 1]
            listed, held = [], []
            phrase = scope.text[match.start() : match.end() + among_clusters.end()].strip()
        framed = self._membership_frame(scope, match, start, listed)
        if framed is not None:
            # "Sumatera Barat menjadi anggota Klaster 2 dengan pengeluaran tertinggi": ranked among that cluster's members
            v.unit_rank(scope, phrase, listed[-1:], (framed,), self._features_at(scope, match, start, end), kind, ordinal)
            return
        if not among_clusters and (self.within_rx.search(clause) or top_of_cluster) or listed and (held or appositive or anchor is not None and anchor in scope.members or national
                                                         or self._named_scope(scope, match, start, end, listed[-1]) is not None):
            within, phrase = self._unit_scope(scope, match, start, end, listed)
            written = [m for m in scope.features if m.start > match.end() and not scope.text[match.end() : m.start].strip()]
            if phrase == match.group(0).strip() and written:
                phrase = scope.text[match.start() : written[0].end].strip()  # "the lowest mean schooling": the indicator it ranks
            features = self._features_at(scope, match, start, end)
            v.unit_rank(scope, phrase, listed, within, features, kind, ordinal)
            if len(listed) == 1:  # "the third-highest in Indonesia after A and B"
                self.unit_comparisons.ranked_behind(scope, match.end(), self._own_end(scope, match, end), listed[0], within, features, kind, ordinal)
            return
        clusters = scope.clusters_for(match.start())
        if not clusters and among_clusters:
            clusters = tuple(singletons)  # "Papua membentuk klaster tersendiri …, terendah di antara seluruh klaster": its own cluster
        if not clusters:
            return  # a superlative about nothing we can name (e.g. "prioritas tertinggi"): not a claim about the facts
        k = v.facts.k
        after = scope.text[match.end() : match.end() + 25]
        cluster_noun = self.cluster_noun_rx.search(scope.text[max(0, match.start() - 30) : match.start()])
        size_word = self.size_superlative_rx.fullmatch(match.group(kind) or match.group(0)) and self.noun_after_rx.match(scope.text, match.end())
        if kind in {"high", "low"} and (self.size_rx.match(after.strip()) or cluster_noun or size_word) or self.size_rx.search(scope.text[max(start, match.start() - 20) : match.start()]) and not scope.features_for(match.start()):
            sizes = {c.number: c.size for c in v.facts.clusters}
            target = max(sizes.values()) if kind in {"high", "best"} else min(sizes.values())
            for cluster in clusters:
                fact = v.facts.index.get(f"K{cluster}.size")
                v.claim(scope, ClaimKind.RANK, phrase, (cluster,), (), fact, Verdict.TRUE if sizes[cluster] == target else Verdict.FALSE, v.say("cluster_size"))
            return
        features = self._features_at(scope, match, start, end, fallback=False)
        if scope.all_features and any(start <= p < end for p in scope._all_positions):
            features = list(scope.all_features)
        if not features and self._names_coded_answer(clause):
            return  # "Atap rumah yang terbanyak adalah Genteng": the modal answer of a coded question (its share is bound), not a rank of the clusters
        if not features:
            if self.composite_rx.search(clause) or not scope.features_for(match.start()):
                if not self.composite_rx.search(clause):
                    return
                wanted = ordinal if kind in {"high", "best"} else k + 1 - ordinal
                for cluster in clusters:
                    fact = v.facts.index.get(f"K{cluster}.composite_rank")
                    if fact is not None:
                        v.claim(scope, ClaimKind.RANK, phrase, (cluster,), (), fact, Verdict.TRUE if fact.value == wanted else Verdict.FALSE, v.say("composite_order"))
                return
            features = list(scope.features_for(match.start()))
        multi_member = among_clusters and self.multi_member_rx.search(scope.text[match.end() : end])
        written_before = [m for m in scope.features if m.end <= match.start() and not scope.text[m.end : match.start()].strip()]
        if written_before and phrase == match.group(0).strip():
            phrase = scope.text[written_before[-1].start : match.end()].strip()  # "Pengeluaran per kapita tertinggi kedua": the indicator it ranks
        for cluster in clusters:
            for feature in features:
                fact = v.facts.index.get(f"K{cluster}.{feature}.rank")
                if fact is None:
                    continue
                from_top = v.counts_from_top(kind, feature)
                if multi_member:
                    self._rank_among_multi_member(scope, phrase, cluster, feature, fact, from_top, ordinal)
                    continue
                wanted = ordinal if from_top else k + 1 - ordinal
                v.claim(scope, ClaimKind.RANK, phrase, (cluster,), (feature,), fact, Verdict.TRUE if fact.value == wanted else Verdict.FALSE)

    def _ranks_foreign(self, scope: Scope, match, start: int, end: int, phrase: str) -> bool:
        """"the highest stunting rates in the country", "angka stunting tertinggi": a superlative of a concept the data do
        not hold (lexicon `foreign_concepts`), written next to it with no indicator of the data between, is unverifiable."""
        if self.foreign_rx is None:
            return False
        after = self.foreign_rx.search(scope.text, match.end(), min(end, match.end() + 30))
        before = [m for m in self.foreign_rx.finditer(scope.text, max(start, match.start() - 30), match.start())]
        for hit, lo, hi in ((after, match.end(), after.start() if after else 0), (before[-1] if before else None, before[-1].end() if before else 0, match.start())):
            if hit is None or re.search(r"[,;:()]", scope.text[lo:hi]) or any(lo <= f.start < hi or f.start <= hit.start() < f.end for f in scope.features):
                continue
            self.v.claim(scope, ClaimKind.RANK, scope.text[min(match.start(), hit.start()) : max(match.end(), hit.end())].strip(),
                         scope.clusters_for(match.start()), (), None, Verdict.UNVERIFIABLE, self.v.say("about_absent", about=hit.group(0)))
            return True
        return False

    def _rank_among_multi_member(self, scope: Scope, phrase: str, cluster: int, feature: str, fact, from_top: bool, ordinal: int) -> None:
        """"the lowest of the four multi-province clusters": the place among the clusters of more than one member (a
        one-province cluster is out of the order); a singleton said to rank there is false."""
        v = self.v
        peers = [c for c in v.facts.clusters if c.size > 1]
        order = sorted(peers, key=lambda c: c.features[feature].mean, reverse=from_top)
        numbers = [c.number for c in order]
        ok = cluster in numbers and numbers.index(cluster) == ordinal - 1
        v.claim(scope, ClaimKind.RANK, phrase, (cluster,), (feature,), fact, Verdict.TRUE if ok else Verdict.FALSE,
                v.say("cluster_order", order=", ".join(str(n) for n in numbers)))

    def _features_at(self, scope: Scope, match, start: int, end: int, fallback: bool = True) -> list[str]:
        """The indicators a superlative ranks: those its clause names, but when it names several, the one written right
        next to the superlative ("the lowest life expectancy and the highest expected schooling", "RLS terendah,
        sedangkan … pengeluaran tertinggi"), so each superlative is judged on its own indicator."""
        # "B has the lowest at 73.54 years and C the lowest mean schooling": an indicator past the next superlative is that one's
        own_end = self._own_end(scope, match, end)
        inside = [m for m in scope.features if start <= m.start < own_end]
        if not inside and [m for m in scope.features if start <= m.start < end]:
            earlier = [m for m in scope.features if m.start < start]
            if earlier and self.superlative_rx.search(scope.text, 0, start):
                return [earlier[-1].value]  # "A has the highest life expectancy, whereas B has the lowest …": the same indicator
        deictic = self.v.analyzer.feature_deictic_rx
        if deictic is not None and any(not deictic.fullmatch(m.text) for m in inside):
            # "X, with expected schooling of 15.7 years, is the top province on that indicator": the one it names
            inside = [m for m in inside if not deictic.fullmatch(m.text)]
        before = [m for m in inside if m.end <= match.start()]
        after = [m for m in inside if m.start >= match.end()]
        if before and after and re.search(r"[,;:()]", scope.text[match.end() : after[0].start]):
            # "Its life expectancy … is the second highest, yet its residents spend less …": the indicator after a comma
            # belongs to the next statement; the superlative ranks the one its subject names
            inside = before
        units_before = [m for m in scope.members if start <= m.start < match.start() and m.value != AGGREGATE]
        if len({m.value for m in inside}) > 1 and units_before and not self.superlative_rx.search(scope.text, units_before[-1].end, match.start()):
            # "A and B sit above …, and C's life expectancy … is the highest in Cluster 4": the indicator the ranked unit's
            # own phrase names, between it and the superlative
            own = [m for m in inside if units_before[-1].end <= m.start and m.end <= match.start()]
            if own:
                inside = own
        if len({m.value for m in inside}) > 1:
            gaps = [(m.start - match.end() if m.start >= match.end() else match.start() - m.end, m) for m in inside]
            near = [(gap, m) for gap, m in gaps if 0 <= gap <= 12 and not re.search(r"[,;:()]", scope.text[min(m.end, match.end()) : max(m.start, match.start())])]
            if near:
                return [min(near, key=lambda pair: pair[0])[1].value]
        found = list(dict.fromkeys(m.value for m in inside))
        return found or (list(scope.features_for(match.start())) if fallback else [])

    def _earlier_unit_subject(self, scope: Scope, start: int) -> list[str]:
        """The unit an earlier clause is about, when no cluster opens a clause after it ("Sulawesi Utara, …, has …,
        ranking fourth nationally")."""
        subject = [m for m in scope.members if m.start < start and m.value != AGGREGATE]
        if subject and not [m for m in scope.clusters if subject[-1].end <= m.start < start and self._opens_clause(scope, m)]:
            return [subject[-1].value]
        return []

    @staticmethod
    def _opens_clause(scope: Scope, cluster) -> bool:
        """A cluster named before any unit of its clause is that clause's subject ("…, while Cluster 3 …"); one named
        after a unit scopes or locates it ("highest … in Cluster 2")."""
        start, _ = scope.clause(cluster.start)
        return not [m for m in scope.members if start <= m.start < cluster.start]

    def _membership_frame(self, scope: Scope, match, start: int, listed: list[str]):
        """The cluster of "<unit> <membership cue> Klaster 2 dengan <indicator> tertinggi": the unit, placed in the
        cluster and then ranked with no comma and no cluster noun between ("the cluster with …" is about the cluster)."""
        if not listed:
            return None
        units = [m for m in scope.members if start <= m.start < match.start() and m.value == listed[-1]]
        if not units:
            return None  # the unit is named after the superlative or in an earlier clause: no frame between them
        unit = units[-1]
        clusters = [m for m in scope.clusters if unit.end <= m.start < match.start()]
        if len(clusters) != 1 or not any(unit.end <= c < clusters[0].start for c in scope.membership_cues):
            return None
        between = scope.text[clusters[0].end : match.start()]
        if re.search(r"[,;:()—–]", between) or rx(rf"\b(?:{self.v.lex.cluster_noun})\b").search(between):
            return None
        return clusters[0].value

    def _named_scope(self, scope: Scope, match, start: int, end: int, unit: str | None = None):
        """The cluster a unit's superlative is scoped to by name: "tertinggi di Klaster 3", "Di dalam Klaster 4, … tertinggi",
        and for a member of it, the frame an earlier part of the sentence set (`_sentence_frame`)."""
        after = [m for m in scope.clusters if match.end() <= m.start < end]
        between = scope.text[match.end() : after[0].start] if after else ""
        # "the lowest in that cluster and below every member of Cluster 4": the scope said first, not a comparison's object
        if after and self.scope_after_rx.search(between) and not self.within_rx.search(between) and not self.lead_rx.search(between):
            return after[0]
        if after and not between.strip() and self.member_before_rx.search(scope.text, max(0, match.start() - 20), match.start()):
            return after[0]  # "Anggota terkuat Klaster 4 …": the cluster whose member is ranked
        before = [m for m in scope.clusters if start <= m.start < match.start()]
        if before and self.possessive_before_rx.fullmatch(scope.text, before[-1].end, match.start()):
            return before[-1]  # "Cluster 4's strongest member …": the cluster whose member is ranked
        units_after = [m for m in scope.members if before and before[-1].end <= m.start < match.start()]
        if before and units_after and self.scope_before_rx.search(scope.text[start : before[-1].start]):
            return before[-1]  # the frame comes first, then the unit ("Di dalam Klaster 4, Gorontalo …"), not "Jakarta is in Cluster 1, the …"
        return self._sentence_frame(scope, match, start, end, unit)

    def _sentence_frame(self, scope: Scope, match, start: int, end: int, unit: str | None):
        """The cluster an earlier part of the sentence ranks its units in, when the unit ranked is its member and its own
        clause names no cluster: "Within Cluster 3, A has the highest …, whereas B has the lowest", "A … tertinggi di
        klaster ini, sementara B mencatat pengeluaran tertinggi", "six of the seven members of Cluster 4 …, with B the
        highest". A cluster named after the unit ("B, a member of Cluster 3, …") says where it is, not a frame."""
        if unit is None or [m for m in scope.clusters if start <= m.start < end and not self.members_frame_rx.search(scope.text, 0, m.start)]:
            return None
        named = [m for m in scope.members if m.value == unit and m.start < match.start()]
        if not named:
            return None
        for cluster in reversed([m for m in scope.clusters if m.start < named[-1].start]):
            if cluster.value != self.v.cluster_of(unit):
                return None  # another cluster is the frame nearest the unit
            opening, _ = scope.clause(cluster.start)
            if (self.members_frame_rx.search(scope.text, max(0, cluster.start - 30), cluster.start)
                    or opening == 0 and self.scope_before_rx.search(scope.text[: cluster.start])
                    or opening < start and self.earlier_scope_rx.search(scope.text, opening, cluster.start)):
                return cluster
        return None

    def _unit_scope(self, scope: Scope, match, start: int, end: int, listed: list[str]) -> tuple[tuple[int, ...], str]:
        """Which units a unit's superlative ranks it among, and the phrase that says so.

        A cluster named right after it ("tertinggi di Klaster 3", "highest … in Cluster 2") or framing the
        clause before it ("Di dalam Klaster 4, …") scopes it to that cluster; "di klasternya" / "in its
        cluster" to the unit's own cluster; "secara nasional" / "of all provinces" (or nothing) to all units.
        """
        phrase = match.group(0).strip()
        named = self._named_scope(scope, match, start, end, listed[-1] if listed else None)
        national_before = self._national_before(scope, match, start)
        if national_before and (named is None or named.start < match.start()):
            return (), scope.text[national_before.start() : match.end()].strip()  # "the national runner-up"
        national = self.national_rx.search(scope.text[match.end() : self._own_end(scope, match, end)])
        if national and (named is None or named.start < match.start()):
            # "Within Cluster 1, Jakarta records the highest expenditure nationwide": the national scope said after the
            # superlative outranks the frame before it
            return (), scope.text[match.start() : match.end() + national.end()].strip()
        if named is not None:
            own = self.v.cluster_of(listed[-1]) if listed else None
            if own and own != named.value and self.v.analyzer.this_rx.fullmatch(named.text):
                named = None  # "It … the highest … in the cluster" after a sentence naming another: a unit ranks in its own cluster
        if named is not None:
            if named.start > match.end():
                phrase = scope.text[match.start() : named.end].strip()
            return (named.value,), phrase
        top_of_cluster = "top" in match.re.groupindex and match.group("top") and self.top_of_cluster_rx.match(scope.text, match.end())  # "puncak klaster"
        if top_of_cluster:
            phrase = scope.text[match.start() : top_of_cluster.end()].strip()
        if self.within_rx.search(scope.text[start:end]) or top_of_cluster or self.within_possessive_rx.search(scope.text, max(0, match.start() - 30), match.start()):
            said = self.within_rx.search(scope.text, match.end(), self._own_end(scope, match, end))
            if said and not re.search(r"[,;:()]", scope.text[match.end() : said.start()]):
                phrase = scope.text[match.start() : said.end()].strip()  # "lowest in its cluster"
            own = tuple(dict.fromkeys(c for c in (self.v.cluster_of(m) for m in listed) if c))
            return own or scope.clusters_for(match.start()), phrase
        return (), phrase

    def _national_before(self, scope: Scope, match, start: int):
        """The national scope said right before the superlative ("the national runner-up")."""
        return self.national_before_rx.search(scope.text, max(start, match.start() - 25), match.start())

    def _own_end(self, scope: Scope, match, end: int) -> int:
        """Where what a superlative says about its scope ends: at the next superlative of its clause ("the lowest in its
        cluster and the lowest in the country": the first is not national)."""
        following = self.superlative_rx.search(scope.text, match.end(), end)
        placed = self.positions.position_rx.search(scope.text, match.end(), end)  # "…, and it comes fourth on RLS": that place's
        stops = [m.start() for m in (following, placed) if m and m.start() > match.end()]
        return min(stops) if stops else end

    # -- which indicator has the largest gap / shortfall ---------------------------------------------
    def _gap_or_shortfall(self, scope: Scope, match) -> None:
        v = self.v
        start, end = scope.clause(match.start())
        clause = scope.text[start:end]
        named = [m.value for m in scope.features if m.start >= match.end() and m.start < end] or [m.value for m in scope.features if start <= m.start < end]
        if not named:
            return
        feature = named[0]
        phrase = scope.text[max(start, match.start() - 30) : match.end()].strip()
        if self.gap_rx.search(clause):
            spreads = {}
            for f in v.facts.features:
                means = [c.features[f.name].mean for c in v.facts.clusters]
                spreads[f.name] = (max(means) - min(means)) / abs(v.facts.reference.values[f.name] or 1)
            best = max(spreads, key=spreads.get)
            hi = max(v.facts.clusters, key=lambda c: c.features[feature].mean)
            v.claim(scope, ClaimKind.RANK, phrase, (), (feature,), v.facts.index.get(f"K{hi.number}.{feature}.mean"),
                    Verdict.TRUE if best == feature else Verdict.FALSE, v.say("largest_relative_gap", feature=best))
            return
        shortfall = rx(v.lex.largest_shortfall).search(clause)
        lead = rx(v.lex.largest_lead).search(clause)
        if not (shortfall or lead):
            return
        for cluster in scope.clusters_for(match.start()):
            c = v.facts.cluster(cluster)
            wanted = False if shortfall else True
            candidates = [f.name for f in v.facts.features if c.features[f.name].better is wanted]
            if not candidates:
                v.claim(scope, ClaimKind.RANK, phrase, (cluster,), (feature,), v.facts.index.get(f"K{cluster}.{feature}.diff_pct"), Verdict.FALSE, v.say("no_feature_qualifies"))
                continue
            best = max(candidates, key=lambda name: abs(c.features[name].diff_pct))
            v.claim(scope, ClaimKind.RANK, phrase, (cluster,), (feature,), v.facts.index.get(f"K{cluster}.{feature}.diff_pct"),
                    Verdict.TRUE if best == feature else Verdict.FALSE, v.say("largest_gap", feature=best))

    def _deepest_shortfall(self, scope: Scope, match) -> None:
        """"Its spending gap is the deepest of any cluster": the cluster is below the reference on that indicator and
        the furthest below of all clusters (the last of the order, or the first where lower is better)."""
        v = self.v
        start, end = scope.clause(match.start())
        named = [m.value for m in scope.features if start <= m.start < end]
        if len(set(named)) != 1:
            return
        feature = named[0]
        higher = v.facts.feature(feature).direction == "higher_is_better"
        for cluster in scope.clusters_for(match.start()):
            fact = v.facts.index.get(f"K{cluster}.{feature}.rank")
            if fact is None:
                continue
            below = v.facts.cluster(cluster).features[feature].better is False
            ok = below and fact.value == (v.facts.k if higher else 1)
            phrase = scope.text[match.start() : match.end() + self.among_clusters_rx.search(scope.text[match.end() :]).end()].strip()
            v.claim(scope, ClaimKind.RANK, phrase, (cluster,), (feature,), fact, Verdict.TRUE if ok else Verdict.FALSE)
