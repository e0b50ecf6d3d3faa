"""What a sentence talks about: the clusters, indicators and units it names, and where.

Every check asks the same questions ("which cluster is this number about?"), so the answers are
computed once per sentence here. A claim is bound to the nearest cluster named before it in its
clause, else the nearest after it, else the clusters of the whole sentence, else the section's
cluster ("## Klaster 2", "klaster ini"). Clauses break at ";", "sedangkan", "dibanding" and the like.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..facts import Facts
from ..markdown_text import md_text
from ..terms import Direction
from ..provinces import aliases as province_aliases
from ..provinces import canonical_name
from .lexicon import Lexicon, load_lexicon, rx
from .name_matcher import Mention, NameMatcher, printed_forms  # re-exported: checks import Mention from here

# Roman numerals and the letters A–H name clusters the way digits do, in every language.
ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10}
AGGREGATE = "__AGREGAT__"  # the national aggregate named as if it were a unit


@dataclass(frozen=True)
class _Pronoun:
    """A possessive suffix read as a pronoun: the shape of a regex match (start(), end(), group(0))."""
    s: int
    e: int
    t: str

    def start(self) -> int:
        return self.s

    def end(self) -> int:
        return self.e

    def group(self, _=0) -> str:
        return self.t


@dataclass
class Scope:
    text: str  # what is analysed
    shown: str  # what a claim quotes (the sentence, or the whole table row)
    section: str
    default_clusters: tuple[int, ...]
    default_features: tuple[str, ...]
    stat: str | None
    clusters: list[Mention]
    features: list[Mention]
    members: list[Mention]
    unknown_clusters: list[Mention]
    breaks: list[int]
    masked: str  # the text with names blanked, same length, for number extraction
    all_features: tuple[str, ...] = field(default=())
    table_directions: list[tuple[str, Direction]] = field(default_factory=list)  # a table's position cell: (as written, its direction)
    parentheses: list[tuple[int, int]] = field(default_factory=list)
    membership_cues: list[int] = field(default_factory=list)
    pronoun_starts: set[int] = field(default_factory=set)  # mentions a pronoun stands for ("its"): never one item of a list
    tag: str | None = None  # a recommendation's sector tag ("bansos"), shown before the sentence
    list_gap: re.Pattern | None = None  # what may separate two names of one list (", dan"): lexicon `list_joiner`
    row_key: int | None = None  # a table row's k (the k-selection panel), which its cells are about
    governed: list = field(default_factory=list)  # cluster mentions governed by a comparison word ("setelah Klaster 1")
    antecedent: dict | None = None  # the previous sentence's subject in the paragraph ({"one": …, "many": …}, engine._last_subject)
    this_cluster: int | None = None  # what "klaster ini" / "this group" names here: the cluster last named in the section
    unit_names: list = field(default_factory=list)  # the units named by name (members also holds the units a pronoun stands for)
    lex: Lexicon | None = None  # the language's words, for the checks' small grammar words (`article`, `currency_sign`)

    def clause(self, position: int) -> tuple[int, int]:
        start, end = 0, len(self.text)
        for b in self.breaks:
            if b <= position:
                start = b
            elif b > position:
                end = b
                break
        return start, end

    def clusters_for(self, position: int, *, clause_only: bool = False) -> tuple[int, ...]:
        start, end = self.clause(position)
        before = [m for m in self.clusters if start <= m.start < position]
        if before:
            group = [before[-1]]
            for m in reversed(before[:-1]):
                # "… that of Cluster 2 and its mean schooling …": "its" joins no list with the name before it
                if not _same_list(self.text, m, group[-1], self.list_gap) or (group[-1].start in self.pronoun_starts and m.start != group[-1].start):
                    break
                group.append(m)
            return tuple(dict.fromkeys(m.value for m in reversed(group)))
        after = [m for m in self.clusters if position <= m.start < end]
        if after:
            group = [after[0]]
            for m in after[1:]:
                if not _same_list(self.text, group[-1], m, self.list_gap):
                    break
                group.append(m)
            return tuple(dict.fromkeys(m.value for m in group))
        if clause_only:
            return ()
        # a clause that names no cluster is about the sentence's subject so far: the last cluster named before it that no
        # comparison word governs ("…, kedua tertinggi setelah Klaster 1, tetapi … 0,3 tahun di bawah" is not about Klaster 1)
        earlier = [m for m in self.clusters if m.start < start and m not in self.governed]
        if earlier and len(earlier) < len([m for m in self.clusters if m.start < start]):
            return (earlier[-1].value,)
        named = tuple(dict.fromkeys(m.value for m in self.clusters))
        return named or self.default_clusters

    def clusters_in_clause(self, position: int) -> tuple[int, ...]:
        start, end = self.clause(position)
        return tuple(dict.fromkeys(m.value for m in self.clusters if start <= m.start < end))

    def features_for(self, position: int, *, after_only: bool = False) -> tuple[str, ...]:
        start, end = self.clause(position)
        if self.all_features and any(start <= p < end for p in self._all_feature_positions()):
            if not after_only or any(position <= p < end for p in self._all_feature_positions()):
                return self.all_features
        lo = position if after_only else start
        found = tuple(dict.fromkeys(m.value for m in self.features if lo <= m.start < end))
        if found or after_only:
            return found
        return tuple(dict.fromkeys(m.value for m in self.features)) or self.default_features

    def members_in(self, start: int, end: int) -> list[Mention]:
        return [m for m in self.members if start <= m.start < end]

    def nearest_before(self, position: int) -> Mention | None:
        """The last cluster or unit named before `position` in its clause."""
        start, _ = self.clause(position)
        hidden = [(a, b) for a, b in self.parentheses if b < position]
        candidates = [m for m in self.clusters + self.members if start <= m.start < position
                      and not any(a < m.start < b for a, b in hidden)]
        if not candidates:
            # "Papua's shortfall against the national average is widest on spending (about 36 %)": a clause with no
            # name of its own speaks of the one unit the sentence named before it, when it names no cluster
            # (not "…, sedangkan angka nasional 73,93 tahun": a clause that names the reference speaks of it)
            earlier = {m.value for m in self.members if m.start < position and m.value != AGGREGATE}
            names_reference = self.lex is not None and any(
                not rx(rf"(?:{self.lex.comparison_lead}|\b(?:{self.lex.gap_object}|{self.lex.compare_connector}))\s+$").search(self.text, max(0, r.start() - 25), r.start())
                for r in rx(self.lex.reference).finditer(self.text, start, position))  # "against the national average" is a measure
            # not past a semicolon: "A berpindah … 35,9 %; B berpindah … 27,6 %" is a list whose items each have their
            # own subject, even one the name matcher did not read (a name written with Markdown escapes)
            last = max((m.end for m in self.members if m.start < position), default=position)
            if len(earlier) == 1 and not names_reference and not any(m.start < position for m in self.clusters) \
                    and ";" not in self.text[last:position]:
                return max((m for m in self.members if m.start < position), key=lambda m: m.start)
            return None
        best = max(candidates, key=lambda m: m.start)
        if best in self.clusters:
            # "Kalimantan Utara, anggota Klaster 2, memiliki …": the unit is the subject, the cluster an apposition
            members = [m for m in candidates if m in self.members and m.end <= best.start]
            if members and re.fullmatch(r",\s*(?:anggota|bagian\s+dari|dari|di|a\s+member\s+of|in)\s+", self.text[members[-1].end : best.start], re.IGNORECASE) \
                    and self.text[best.end : best.end + 1] == ",":
                return members[-1]
        if best in self.members and best.start not in self.pronoun_starts:  # a pronoun's unit is no member listed
            # "Klaster 4 yang beranggotakan NTT dan Papua tertinggal …": the cluster is the subject
            clusters = [m for m in candidates if m in self.clusters and m.start < best.start]
            if clusters and any(clusters[-1].end <= c < best.start for c in self.membership_cues):
                return clusters[-1]
        return best

    def _all_feature_positions(self) -> list[int]:
        return self._all_positions

    _all_positions: list[int] = field(default_factory=list)


def opens_with_unit(text: str, unit: Mention, clusters: list[Mention], place: re.Pattern) -> bool:
    """The sentence opens with the unit (at most one word before it: "Meanwhile, Maluku …") and names the clusters after
    it only as a place (`place` right before each: "… in Cluster 2", "is part of Cluster 2"): the unit is the subject,
    the clusters its setting. Read by the pronoun of the same sentence (Analyzer) and of the next one (engine)."""
    if len(re.findall(r"\w+", text[: unit.start])) > 1 or any(c.start < unit.end for c in clusters):
        return False
    return all(place.search(text, max(0, c.start - 40), c.start) for c in clusters)


def _same_list(text: str, a: Mention, b: Mention, gap: re.Pattern | None) -> bool:
    """Two cluster names belong to one list ("Klaster 1 dan Klaster 3") when only list words separate them."""
    lo, hi = sorted((a, b), key=lambda m: m.start)
    between = text[lo.end : hi.start]
    return lo is hi or (gap is not None and gap.fullmatch(between) is not None)


class Analyzer:
    """Finds clusters, features and units in text, for one facts object and one locale."""

    def __init__(self, facts: Facts, lexicon: Lexicon | str = "id", cluster_map: dict[str, int] | None = None,
                 feature_aliases: dict[str, list[str]] | None = None):
        self.facts = facts
        self.lex: Lexicon = load_lexicon(lexicon) if isinstance(lexicon, str) else lexicon
        self.locale = self.lex.code
        self.cluster_map = {str(k).strip().upper(): int(v) for k, v in (cluster_map or {}).items()}
        self.digit_offset = 0
        lex = self.lex
        ordinals = "|".join(lex.ordinals)
        # a cluster's name: a digit, a letter A–H or a Roman numeral, unless a unit follows ("2 provinsi")
        item = rf"(\d{{1,2}}|[A-H]|[IVX]{{1,4}})(?![\w]|[.,]\d)(?!\s*(?:{lex.item_units}))"
        # "In Cluster 3, 10 of the 14 provinces …": a number that counts members after a comma is no list item
        more_guard = rf"(?!\s+(?:{lex.count_of})\s)" if "count_of" in lex.words else ""
        # "14 fall in Cluster 3, 10 in Cluster 2": a number placed in another cluster right after it is a count, no list item
        more_guard += rf"(?!\s+(?:\w+\s+)?(?:{lex.subject_after})\s+{lex.cluster_word})" if "subject_after" in lex.words else ""
        self.cluster_rx = rx(
            rf"\b{lex.cluster_word}\s+(?:{lex.ordinal_prefix})?(?:(?P<ord>(?i:{ordinals}))\b(?!\s+(?:{lex.ordinal_superlatives}))|{item}"
            rf"(?P<more>(?:\s*(?:,|{lex.list_joiner})\s*(?:{lex.cluster_word}\s+)?{item}{more_guard})*))",
            0,
        )
        self.item_rx = rx(item, 0)
        # "Cluster 2 members have …": a capitalised name before its members' noun, which the unit guard above rejects
        # (that guard keeps "groups 14 provinces" from naming a Cluster 14)
        self.name_before_members_rx = rx(rf"\b{lex.cluster_word}\s+(\d{{1,2}}|[A-H]|[IVX]{{1,4}})(?=\s+(?:{lex.cluster_members_after})\b)", 0) \
            if "cluster_members_after" in lex.words else None
        # "the third cluster": languages that put the ordinal before the noun (lexicon `ordinal_before_noun`)
        before = lex.words.get("ordinal_before_noun", "")
        self.ordinal_noun_rx = rx(rf"\b(?P<ord>{before})\s+{lex.cluster_word}\b(?!\s+(?:{lex.ordinal_prefix})?(?:\d|{ordinals}))", 0) if before else None
        self.list_gap = rx(rf"[\s,]*(?:(?:{lex.list_joiner})\s*)?(?:{lex.cluster_word}\s+)?", 0)  # "Klaster 2 dan Klaster 4": one list
        self.this_rx = rx(lex.this_cluster)
        self.label_rx = rx(rf"(?P<top>{lex.cluster_label_top})|(?P<bottom>{lex.cluster_label_bottom})") if "cluster_label_top" in lex.words else None
        self.labels_read: set[str] = set()  # the labels read by composite order (the engine reports them as inferred)
        # "Its life expectancy …", "Keduanya …", "Mereka …": a pronoun names its antecedent (lexicon `pronoun`)
        self.pronoun_rx = rx(lex.pronoun, 0) if "pronoun" in lex.words else None
        self.governed_rx = rx(rf"(?:{lex.comparison_lead})\s*$") if "comparison_lead" in lex.words else None
        self.compared_rx = rx(rf"(?:\b(?:{lex.comparison_lead})|\b(?:{lex.ratio})\b(?:\s+(?:{lex.ratio_after}))*|\b(?:{lex.compared_as}))\s*$") \
            if "comparison_lead" in lex.words and "compared_as" in lex.words else None
        self.located_rx = rx(rf"^[^,;:()]*\b(?:{lex.membership})\s+$") if "membership" in lex.words else None  # "Aceh belongs to Cluster 2"
        self.place_rx = rx(rf"(?:\b(?:{lex.scope_after})|{lex.membership})\s+$") \
            if "scope_after" in lex.words and "membership" in lex.words else None  # "… in Cluster 2", "is part of Cluster 2"
        self.suffix_rx = rx(rf"(?:{lex.feature_suffix})$") if "feature_suffix" in lex.words else None
        self.plural_rx = rx(lex.pronoun_plural, 0) if "pronoun_plural" in lex.words else None
        self.non_claim_rx = rx(lex.non_claim_numbers)
        patterns = []
        extra = feature_aliases or {}
        suffix = rf"(?:{lex.feature_suffix})?" if "feature_suffix" in lex.words else ""  # "harapan hidupnya"
        for f in facts.features:
            labels = [label for label in (f.label, getattr(f, "label_en", None)) if label]  # label_en: the English brief's words
            names = {f.name, f.column, *labels, *(re.sub(r"\s*\(.*?\)\s*", " ", label).strip() for label in labels), *f.aliases, *extra.get(f.name, [])}
            names |= {md_text(n) for n in names if n}  # as the brief prints a label: markup characters escaped
            for name in names:
                if name:
                    # "life-expectancy gap" is the indicator "life expectancy": a space of the name may be written as a hyphen
                    patterns.append((f.name, rx(r"(?<![\w-])" + self._plural(re.escape(name).replace(r"\ ", r"[\s-]+")) + suffix + r"(?![\w])")))
        patterns.sort(key=lambda item: len(item[1].pattern), reverse=True)
        self.feature_patterns = patterns
        # a dimension word ("aspek kesehatan") names every indicator of its theme, unless its clause names one itself
        self.theme_patterns = [(f.name, rx(rf"(?<![\w-])(?:{self.lex.theme_words[f.theme]})(?![\w])"))
                               for f in facts.features if f.theme in self.lex.theme_words]
        self.feature_negation = rx(rf"(?:{self.lex.feature_negation})\s*-?\s*$") if "feature_negation" in self.lex.words else None
        self.all_features_rx = rx(self.lex.all_features)
        # "… dalam indikator ini", "on this measure": the one indicator the previous sentence named
        self.feature_deictic_rx = rx(self.lex.feature_deictic) if "feature_deictic" in self.lex.words else None
        self.member_patterns = self._member_patterns()
        self.data_names_rx = self._data_names()

    def _plural(self, pattern: str) -> str:
        """"life expectancies", "expenditures": a name's last word in the plural (lexicon feature_plural, English only)."""
        last = re.split(r"\W+", pattern.rstrip("+"))[-1]
        if self.lex.words.get("feature_plural", "(?!)") == "(?!)" or not (len(last) >= 4 and last.isalpha() and last.islower()):
            return pattern  # a code ("B", "UHH", "IPM") takes no plural: "Unit BS" names no indicator B
        if pattern.endswith("y") and pattern[-2:-1].isalpha() and pattern[-2].lower() not in "aeiou":
            return pattern[:-1] + "(?:y|ies)"
        return pattern + f"(?:{self.lex.feature_plural})?"

    def _data_names(self) -> re.Pattern | None:
        """The data set's title and source, and the reference's source ("…, 15 November 2023"), as the brief
        prints them: data, never claims ("IPM 2007-2022 …")."""
        dataset = self.facts.dataset
        labels = [text for f in self.facts.features for text in (f.label, getattr(f, "label_en", None), getattr(f, "short", None))]  # "Indikator 2020 …": its digits are no claim
        titles = (dataset.title, getattr(dataset, "title_en", None), dataset.source, getattr(dataset, "source_en", None))
        names = {n for name in (*titles, self.facts.reference.source, *labels) if name and re.search(r"\d", name) for n in (name, md_text(name))}
        if not names:
            return None
        return re.compile("|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)), re.IGNORECASE)

    def _member_patterns(self):
        variants: dict[str, str] = {}
        aliased = self.facts.dataset.n_units <= 10_000  # province spellings: a table of regions, never of households
        for c in self.facts.clusters:
            for member in c.members:
                variants[member] = member
                for printed in printed_forms(member):  # as the brief prints it: markup characters escaped
                    variants.setdefault(printed, member)
                canonical = canonical_name(member) if aliased else None
                if canonical and canonical != "INDONESIA":
                    for alias in province_aliases(canonical):
                        variants.setdefault(alias, member)
        aggregate_names = ["Indonesia", "INDONESIA"]
        if self.facts.reference.kind == "row" and self.facts.reference.label:
            aggregate_names.append(str(self.facts.reference.label))
        for name in aggregate_names:
            variants.setdefault(name, AGGREGATE)
        # units the facts name outside the member lists (an outlier, a unit that moves: a large run lists few members)
        for fact in self.facts.index.values():
            if fact.member and fact.member not in variants:
                variants[fact.member] = fact.member
                for printed in printed_forms(fact.member):
                    variants.setdefault(printed, fact.member)
        lex = self.lex
        units = {f.unit.split()[0] for f in self.facts.features if f.unit and f.unit.split()}
        measures = "|".join([lex.measure_units, lex.count_units, lex.percent_words, *map(re.escape, lex.multipliers), lex.currency_after,
                             *(re.escape(u) for u in units)])
        return NameMatcher(variants, rx(rf"\s*(?:{measures})(?![\w])"))

    @staticmethod
    def _clause_start(breaks: list[int], position: int) -> int:
        return max((b for b in breaks if b <= position), default=0)

    def _antecedent(self, text: str, match, clusters: list[Mention], members: list[Mention], previous) -> tuple[str, tuple]:
        """What a pronoun refers to: the last cluster (list) named before it in its sentence, else the previous
        sentence's subject: its first subject for "its"/"ia", every cluster it names for "their"/"keduanya"
        (the engine passes it within a paragraph only, never across a heading)."""
        # "Jawa Barat … narrowly ahead of Jawa Timur, yet its …", "twice as much as Papua's …, and its …": a unit a
        # comparison word (or a ratio) governs is the compared one, no antecedent
        # ("Cluster 4 (NTT, …, Maluku Utara) needs …: its expenditure …": the members a bracket lists are no antecedent either)
        brackets = [(b.start(), b.end()) for b in re.finditer(r"\([^()]*\)", text) if b.end() <= match.start()]
        units = [m for m in members if m.start < match.start() and m.value != AGGREGATE
                 and not any(a < m.start < b for a, b in brackets)
                 and not (self.compared_rx is not None and self.compared_rx.search(text, max(0, m.start - 40), m.start))]
        # "kedua tertinggi setelah Klaster 1, tetapi pendidikannya …": a cluster governed by a comparison word is no antecedent
        compared = self.compared_rx or self.governed_rx
        governed: list[Mention] = []
        for m in sorted(clusters, key=lambda m: m.start):
            # "Papua lags Cluster 2 and Cluster 4 …, while its …": a list the comparison word governs, all of it
            if (compared is not None and compared.search(text, max(0, m.start - 40), m.start)) \
                    or (governed and _same_list(text, governed[-1], m, self.list_gap)):
                governed.append(m)
        before = [m for m in clusters if m.start < match.start() and m not in governed
                  and not (units and any(a < m.start < b for a, b in brackets))]  # "Papua (Cluster 4) …, and its …": the unit's
        # "Nusa Tenggara Barat belongs to Cluster 2, yet its schooling …": a cluster that only locates the unit is no antecedent
        located = bool(units and before) and units[-1].start < before[-1].start and self.located_rx is not None \
            and self.located_rx.search(text[units[-1].end : before[-1].start]) is not None
        if units and (not before or units[-1].start > before[-1].start or located):
            return "member", (units[-1].value,)  # "Papua mencatat … terendah di klasternya"
        if units and before and self.place_rx is not None and opens_with_unit(text, units[0], before, self.place_rx):
            return "member", (units[0].value,)  # "Nusa Tenggara Barat is part of Cluster 2 even though its …"
        if before:
            group = [before[-1]]
            for m in reversed(before[:-1]):
                if not _same_list(text, m, group[-1], self.list_gap):
                    break
                group.append(m)
            return "cluster", tuple(dict.fromkeys(m.value for m in reversed(group)))
        if not previous:
            return "cluster", ()
        plural = self.plural_rx is not None and self.plural_rx.fullmatch(match.group(0))
        return previous["many" if plural else "one"]

    # -- names -------------------------------------------------------------------------------------
    def resolve(self, name: str) -> int | None:
        key = name.strip().upper()
        if key in self.cluster_map:
            return self.cluster_map[key]
        if name.lower() in self.lex.ordinals:
            return self.lex.ordinals[name.lower()]
        if key.isdigit():
            return int(key) + self.digit_offset  # 1 when the text numbers its clusters from 0 (engine: zero-based)
        if key in ROMAN:
            return ROMAN[key]
        if len(key) == 1 and "A" <= key <= "H":
            return ord(key) - ord("A") + 1
        return None

    def cluster_names(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, name) of every cluster name, before mapping."""
        found = []
        for match in self.cluster_rx.finditer(text):
            first = match.group("ord") or match.group(2)
            found.append((match.start(), match.end() if not match.group("more") else match.start("more"), first))
            if match.group("more"):
                for item in self.item_rx.finditer(match.group("more")):
                    found.append((match.start("more") + item.start(), match.start("more") + item.end(), item.group(1)))
        for match in self.name_before_members_rx.finditer(text) if self.name_before_members_rx is not None else ():
            if match.group(0)[0].isupper() and not any(s <= match.start() < e for s, e, _ in found):
                found.append((match.start(), match.end(), match.group(1)))
        found.sort()
        if self.ordinal_noun_rx is not None:
            taken = [(s, e) for s, e, _ in found]
            for match in self.ordinal_noun_rx.finditer(text):
                if not any(s < match.end() and match.start() < e for s, e in taken):
                    found.append((match.start(), match.end(), match.group("ord").lower()))
            found.sort()
        return found

    def scope(self, text: str, section: str = "", default_clusters: tuple[int, ...] = (), default_features: tuple[str, ...] = (),
              stat: str | None = None, shown: str | None = None, this_cluster: int | None = None,
              antecedent: tuple[str, tuple] | None = None) -> Scope:
        """`antecedent`: the previous sentence's last subject in the paragraph, ("cluster", numbers) or ("member", (unit,)),
        which a pronoun that has none before it in its own sentence refers to ("Its …", "Keduanya …")."""
        blank = list(text)

        def blank_out(start: int, end: int) -> None:
            for i in range(start, end):
                blank[i] = " "

        clusters, unknown = [], []
        for start, end, name in self.cluster_names(text):
            number = self.resolve(name)
            mention = Mention(start, end, number, text[start:end])
            if number is None or number < 1 or number > self.facts.k:
                unknown.append(mention)
            else:
                clusters.append(mention)
            blank_out(start, end)
        for match in self.cluster_rx.finditer(text):
            blank_out(match.start(), match.end())
        for match in self.label_rx.finditer(text) if self.label_rx is not None else ():
            # "klaster capaian rendah" / "the low-achievement cluster": the cluster last (first) in the composite order
            rank = 1 if match.group("top") else self.facts.k
            number = next((c.number for c in self.facts.clusters if c.composite_rank == rank), None)
            if number is not None and not any(m.start <= match.start() < m.end for m in clusters):
                clusters.append(Mention(match.start(), match.end(), number, match.group(0)))
                self.labels_read.add(match.group(0).lower())
                blank_out(match.start(), match.end())
        this = this_cluster if this_cluster is not None else (default_clusters[0] if len(default_clusters) == 1 else None)
        pronouns = [m for m in self.pronoun_rx.finditer(text)] if self.pronoun_rx is not None else []
        for match in self.this_rx.finditer(text):
            if this is not None and not any(p.start() <= match.start() < p.end() for p in pronouns):
                clusters.append(Mention(match.start(), match.end(), this, match.group(0)))
        clusters.sort(key=lambda m: m.start)

        def find(patterns, work: str, negation: re.Pattern | None = None) -> tuple[list[Mention], str]:
            """Each (value, pattern) in turn, longest first: a match is blanked so a shorter name cannot match inside it.
            A name after `negation` ("bukan makanan") is not that name."""
            found = []
            for value, pattern in patterns:
                hits = [m for m in pattern.finditer(work) if negation is None or not negation.search(text, max(0, m.start() - 12), m.start())]
                for match in hits:
                    found.append(Mention(match.start(), match.end(), value, match.group(0)))
                    blank_out(match.start(), match.end())
                chars = list(work)
                for match in hits:
                    chars[match.start() : match.end()] = " " * (match.end() - match.start())
                work = "".join(chars)
            return sorted(found, key=lambda m: m.start), work

        features, work = find(self.feature_patterns, text, self.feature_negation)
        themed = [Mention(m.start(), m.end(), name, m.group(0)) for name, pattern in self.theme_patterns for m in pattern.finditer(work)
                  if not (self.feature_negation and self.feature_negation.search(text, max(0, m.start() - 12), m.start()))]
        breaks = sorted({m.start() for m in rx(self.lex.clause_break).finditer(text)})
        clause_of = lambda pos: sum(1 for b in breaks if b <= pos)  # noqa: E731
        # a dimension word gives way to an indicator of its own theme named in its clause ("pendidikannya …: rata-rata
        # lama sekolah 8,63"), not to one of another theme ("the life-expectancy gap …, and Cluster 1 spends …")
        theme_of = {f.name: f.theme for f in self.facts.features}
        named_clauses = {(clause_of(m.start), theme_of.get(m.value)) for m in features}
        # ("… tidak hidup lebih lama: umur harapan hidup …"): a word that implies the very indicator its clause names stays
        named_features = {(clause_of(m.start), m.value) for m in features}
        features = sorted(features + [m for m in themed if (clause_of(m.start), theme_of.get(m.value)) not in named_clauses
                                      or (clause_of(m.start), m.value) in named_features], key=lambda m: m.start)
        if self.feature_deictic_rx is not None and len(default_features) == 1:
            features = sorted(features + [Mention(m.start(), m.end(), default_features[0], m.group(0)) for m in self.feature_deictic_rx.finditer(work)],
                              key=lambda m: m.start)
        members = self.member_patterns.find(work)  # in the text with the indicators already blanked, as before
        names = list(members)
        # "Its …", "Keduanya …", and an indicator with the possessive suffix ("umur harapan hidupnya") that opens
        # its clause: the antecedent, named at the pronoun, so it outranks a name after it in the clause
        # (a colon opens one too: "Maluku merupakan anomali di Klaster 2: rata-rata lama sekolahnya 10,20 tahun")
        suffixed = [_Pronoun(m.start, m.end, m.text) for m in features if self.suffix_rx is not None and self.suffix_rx.search(m.text)
                    and not any(max(self._clause_start(breaks, m.start), text.rfind(":", 0, m.start) + 1) <= n.start < m.start
                                for n in clusters + members)]
        pronoun_starts: set[int] = set()
        for match in sorted(pronouns + suffixed, key=lambda p: p.start()):
            kind, values = self._antecedent(text, match, clusters, members, antecedent)
            target = clusters if kind == "cluster" else members
            target.extend(Mention(match.start(), match.end(), value, match.group(0)) for value in values)
            pronoun_starts.add(match.start())
        clusters.sort(key=lambda m: m.start)
        members.sort(key=lambda m: m.start)
        for m in members:
            blank_out(m.start, m.end)
        for match in self.non_claim_rx.finditer(text):
            blank_out(match.start(), match.end())
        for match in self.data_names_rx.finditer(text) if self.data_names_rx is not None else ():
            blank_out(match.start(), match.end())

        scope = Scope(
            text=text, shown=shown or text, section=section, default_clusters=default_clusters, default_features=default_features,
            stat=stat, clusters=clusters, features=features, members=members, unknown_clusters=unknown, breaks=breaks,
            masked="".join(blank), all_features=tuple(f.name for f in self.facts.features), list_gap=self.list_gap, lex=self.lex,
        )
        scope.antecedent = antecedent
        scope.pronoun_starts = pronoun_starts
        scope.this_cluster, scope.unit_names = this, names
        if self.governed_rx is not None:
            scope.governed = [m for m in clusters if self.governed_rx.search(text, max(0, m.start - 30), m.start)]
        scope._all_positions = [m.start() for m in self.all_features_rx.finditer(text)]
        # "(…)" and a dash-delimited aside ("Cluster 1 — DKI Jakarta, …, Bali — leads …"): what they list is no subject
        scope.parentheses = [(m.start(), m.end()) for m in re.finditer(r"\([^()]*\)|—[^—]+—|\s–\s[^–]+\s–\s", text)]
        scope.membership_cues = [m.start() for m in rx(rf"\b(?:{self.lex.membership})|:").finditer(text)]
        return scope
