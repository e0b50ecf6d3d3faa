"""The verifier: walks Markdown (or plain text), builds each sentence's scope, runs every check.

Headings set the cluster context ("## Klaster 2"; a "### Karakteristik" sub-heading stays inside
its cluster); table rows take theirs from the row label and the column header; "klaster ini" means
the section's cluster, or in a narrative the cluster last named in the section.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..language import DATA_LANGUAGE, load_language
from ..facts import Fact, Facts
from ..numbers import format_number, with_unit
from ..terms import ClaimKind, Direction, Verdict
from . import counts, directions, membership, numbers, policy, ranks, spread, stability  # noqa: F401  (each registers its checker)
from .checkers import CHECKERS
from .directions import BETTER, WORSE, wanted_direction
from .lexicon import CORE_WORDS, load_lexicon, rx
from .numbers import WrittenNumber
from .policy import LoadedConsistency, load_consistency
from .report import Claim, VerificationReport, split_sentences
from .references import with_data_references
from .scope import AGGREGATE, Analyzer, Scope, opens_with_unit

_SECTOR_TAG = re.compile(r"^\*\*\[([^\]]+)\]\*\*\s*")
# a whole line in bold that is no sentence (no final stop): a heading
_BOLD_LINE = re.compile(r"(\*\*|__)([^*_\n]*[^*_\n.!?\s])\1\s*:?")
# Markdown emphasis around a claim ("**69,9 tahun**", "_about 29%_"): read without it, quoted with it (the
# claim's text stays the sentence as written, so a repair finds it in the draft)
_EMPHASIS = re.compile(r"\*\*|__|(?<![\w*])[*_](?=\S)|(?<=[^\s*])[*_](?![\w*])")



def without_emphasis(text: str) -> str:
    return _EMPHASIS.sub("", text)


class Verifier:
    """`Verifier(facts).verify_markdown(md)` → a `VerificationReport` with one `Claim` per claim."""

    def __init__(self, facts: Facts, tolerance: float = 1e-9, *, locale: str = "id", languages_dir: Path | str | None = None,
                 cluster_map: dict[str, int] | None = None, rules: LoadedConsistency | Path | str | None = None, approx_pct: float = 2.5,
                 units=None, feature_aliases: dict[str, list[str]] | None = None):
        """`locale` is any language code with a lexicon.toml (shipped, or in `languages_dir`)."""
        self.facts = facts
        self.tolerance = tolerance
        self.locale = locale
        self.languages_dir = str(languages_dir) if languages_dir else None
        # the lexicon's words, and this data set's own names for its reference ("rata-rata rumah tangga"; references.py)
        self.lex = with_data_references(load_lexicon(locale, self.languages_dir), facts, self.languages_dir)
        self.lex.require(CORE_WORDS + ("comparison_lead", "inferred_zero_based", "inferred_label"), "the verifier")
        self.approx_pct = approx_pct  # kept for callers; "sekitar" now means the rounding the digits imply (numbers.py)
        self.units = units  # optional DataFrame: unit id → feature values, for claims about one unit
        self.analyzer = Analyzer(facts, self.lex, cluster_map, feature_aliases)
        self.rules = rules if isinstance(rules, LoadedConsistency) else load_consistency(rules)
        self._membership = {m: c.number for c in facts.clusters for m in c.members}
        # the facts about one unit (facts_units.py: value, ranks), by (unit, indicator, kind); empty for large tables
        self._comparison_lead = rx(rf"(?:{self.lex.comparison_lead})\W*$")  # "Unlike Cluster 1, …": not the subject
        self._locative = rx(rf"\b(?:{self.lex.scope_after})\s+$")  # "Maluku posts the highest … in Cluster 2": a place, not the subject
        # "Maluku posts the highest schooling in Cluster 2": a cluster that scopes a unit's superlative is not the subject
        lex = self.lex
        ranking_words = ("superlative_high", "superlative_low", "superlative_best", "superlative_worst", "scope_after")
        self._superlative_word = self._ranking_scope = None
        if all(w in lex.words for w in ranking_words):  # a lexicon without them fails later, naming the missing word
            superlative = rf"\b(?:{lex.superlative_high}|{lex.superlative_low}|{lex.superlative_best}|{lex.superlative_worst})\b"
            self._superlative_word = rx(superlative)
            self._ranking_scope = rx(rf"{superlative}[^,;:()]*\b(?:{lex.scope_after})\s+$")
        self.wildcard_matches: dict[str, list] = {}  # binding.py's cache: a wildcard concept key → the facts it names
        self.unit_facts = {(f.member, f.feature, f.kind): f for f in facts.index.values() if f.id.startswith("UNIT.") and f.feature and f.member}
        for checker in CHECKERS:
            self.lex.require(checker.words, checker.__name__)
        self.checks = {checker.kind: checker(self) for checker in CHECKERS}  # registration order: the order of the claims
        self._report: VerificationReport | None = None

    # -- entry points ---------------------------------------------------------------------------------
    def _infer_names(self, text: str, report: VerificationReport) -> None:
        """How this text numbers its clusters: from 0 when it names a "Klaster 0" (and no --map says otherwise)."""
        names = {name for _, _, name in self.analyzer.cluster_names(text)}
        zero_based = "0" in names and "0" not in self.analyzer.cluster_map
        self.analyzer.digit_offset = 1 if zero_based else 0
        self.analyzer.labels_read = set()
        if zero_based:
            report.inferred.append(self.lex.inferred_zero_based)

    def _close(self, report: VerificationReport) -> None:
        if self.analyzer.labels_read:
            report.inferred.append(f"{self.lex.inferred_label}: {', '.join(sorted(self.analyzer.labels_read))}")
        self.analyzer.digit_offset = 0
        self._report = None

    def verify_markdown(self, text: str) -> VerificationReport:
        report = VerificationReport()
        self._report = report
        self._infer_names(text, report)
        section, section_cluster, last_named = "", None, None
        header: list[str] | None = None
        in_code = False
        title_features: tuple[str, ...] = ()  # the one indicator a heading names: its list items are about it
        lead_in: tuple[int | None, tuple[str, ...]] = (None, ())
        for line in text.splitlines():
            stripped = line.strip()
            if stripped.startswith("```"):
                in_code = not in_code
                continue
            if in_code or not stripped:
                header = None if not stripped else header
                continue
            bold_title = _BOLD_LINE.fullmatch(stripped)
            if stripped.startswith("#") or bold_title:
                # a line that is bold and nothing else ("**Klaster 3 – Capaian Menengah Bawah**", "**Cluster II – Upper-Middle
                # Achievement**") heads what follows, as a third-level heading does: models write headings that way
                level = 3 if bold_title else len(stripped) - len(stripped.lstrip("#"))
                title = bold_title.group(2).strip() if bold_title else without_emphasis(stripped.lstrip("#").strip())
                # the clusters it names, by number, ordinal, Roman numeral or label ("Capaian Tinggi")
                named = list(dict.fromkeys(m.value for m in self.analyzer.scope(title, section).clusters))
                if len(named) == 1:
                    section_cluster, section = named[0], title
                elif level <= 2:
                    section_cluster, section = None, title
                else:
                    section = f"{section.split(' › ')[0]} › {title}"
                last_named = section_cluster
                title_scope = self.analyzer.scope(title, section, shown=title)
                self._run(title_scope)
                named_features = tuple(dict.fromkeys(m.value for m in title_scope.features))
                title_features = named_features if len(named_features) == 1 else ()
                lead_in = (None, ())
                header = None
                continue
            if stripped.startswith("|"):
                cells = [c.strip() for c in stripped.strip("|").split("|")]
                if all(re.fullmatch(r":?-+:?", c) for c in cells if c):
                    continue
                if header is None:
                    header = cells
                    continue
                self._row(cells, header, section, section_cluster)
                continue
            header = None
            body = re.sub(r"^([-*+]|\d+\.)\s+", "", stripped)
            # "- **[bansos]** Prioritaskan …": the sector tag is context, the claim text is the sentence as drafted
            tag_match = _SECTOR_TAG.match(body)
            tag = tag_match.group(1) if tag_match else None
            body = body[tag_match.end() :] if tag_match else body
            self._last_features, self._paragraph_subject, self._antecedent = (), None, None  # carried over within a paragraph only
            is_item = body != stripped or tag_match is not None
            if is_item:  # "**Posisi umur harapan hidup:**" then "- Klaster 1: di atas, selisih +1,17 tahun": the heading's indicator
                self._last_features = lead_in[1] or title_features  # "Ringkasan selisih Klaster 1 …:" then "- harapan hidup: +1,17 tahun"
                self._paragraph_subject = lead_in[0]
            self._previous_sentence = ""  # "… nine of its 14 members are above that line": what "that line" stands for (counts.py)
            for sentence in split_sentences(body):
                last_named = self._sentence(sentence, section, section_cluster, last_named, tag)
                tag = None  # the tag opens the item: its first sentence carries it
            if not is_item:  # a line that leads in to a list (ends with ":") lends its cluster and indicator to the items
                lead_in = (self._paragraph_subject, self._last_features) if stripped.endswith(":") else (None, ())
        self._close(report)
        return report

    def verify_text(self, text: str, section: str = "", cluster: int | None = None) -> VerificationReport:
        report = VerificationReport()
        self._report = report
        self._infer_names(text, report)
        last = cluster
        self._last_features, self._paragraph_subject, self._antecedent = (), None, None
        self._previous_sentence = ""
        for sentence in split_sentences(text):
            last = self._sentence(sentence, section, cluster, last)
        self._close(report)
        return report

    # -- structure ------------------------------------------------------------------------------------
    def _sentence(self, sentence: str, section: str, section_cluster: int | None, last_named: int | None, tag: str | None = None) -> int | None:
        # "Its life expectancy …", "Harapan lama sekolahnya …": a sentence that names no cluster is about the one
        # named last before it (in its section), and one that names no indicator about the previous sentence's one
        subject = getattr(self, "_paragraph_subject", None) or section_cluster
        defaults = (subject,) if subject else ()
        scope = self.analyzer.scope(without_emphasis(sentence), section, defaults, getattr(self, "_last_features", ()), shown=sentence,
                                    this_cluster=last_named or section_cluster, antecedent=getattr(self, "_antecedent", None))
        scope.tag = tag
        scope.previous_sentence = getattr(self, "_previous_sentence", "")  # the paragraph's sentence before it (counts.py)
        self._run(scope)
        self._previous_sentence = scope.text
        self._antecedent = (_last_subject(scope, self._comparison_lead, self._locative, self._ranking_scope, self._superlative_word)
                            or getattr(self, "_antecedent", None))
        features = tuple(dict.fromkeys(m.value for m in scope.features))
        self._last_features = features if len(features) == 1 else (() if features else getattr(self, "_last_features", ()))
        if scope.clusters:  # the next sentence's default cluster: this one's subject ("Klaster 4 tertinggal dari Klaster 1." → 4)
            one = (self._antecedent or {}).get("one")
            self._paragraph_subject = one[1][0] if one and one[0] == "cluster" and one[1] else scope.clusters[-1].value
        # "Pengeluaran Klaster 1 kira-kira 1,7 kali lipat pengeluaran klaster ini": the sentence compares another
        # cluster with the one it is about; "klaster ini" keeps the paragraph's topic for the sentences that follow
        deictic = [m for m in scope.clusters if self.analyzer.this_rx.fullmatch(m.text)]
        if deictic:
            self._paragraph_subject = deictic[0].value
            return deictic[0].value
        named = {m.value for m in scope.clusters}
        return next(iter(named)) if len(named) == 1 else last_named

    def _row(self, cells: list[str], header: list[str], section: str, section_cluster: int | None) -> None:
        label = cells[0]
        label_scope = self.analyzer.scope(label, section)
        if self._unit_row(label_scope, label, cells, header, section):
            return
        row_clusters = tuple(dict.fromkeys(m.value for m in label_scope.clusters)) or ((section_cluster,) if section_cluster else ())
        row_features = tuple(dict.fromkeys(m.value for m in label_scope.features))
        row_text = " | ".join(cells)
        row_key = self._row_key(cells, header)
        for idx, cell in enumerate(cells[1:], start=1):
            head = header[idx] if idx < len(header) else ""
            key = head.lower()
            header_stats = self.lex.header_stats
            stat = header_stats.get(key) or next((v for k, v in header_stats.items() if len(k) > 1 and key.startswith(k)), None)
            head_features = tuple(m.value for m in self.analyzer.scope(head, section).features)
            features = row_features or head_features
            if stat == "direction":
                scope = self.analyzer.scope("", section, row_clusters, features, stat, shown=row_text)
                written = cell.strip().lower()
                direction = self.lex.table_directions.get(written)
                scope.table_directions = [(written, direction)] if direction else []
                self._run(scope)
                continue
            if rx(self.lex.member_header).search(head) and not re.search(r"\d", cell):
                cell = f"{self.lex.member_cell_prefix} {cell}"  # a members column: read the cell as a member list
            cell_scope = self.analyzer.scope(without_emphasis(cell), section, row_clusters, features, stat, shown=row_text)
            cell_scope.row_key = row_key
            self._run(cell_scope)

    def _unit_row(self, label_scope: Scope, label: str, cells: list[str], header: list[str], section: str) -> bool:
        """A row about one unit (the annex of values per unit): its first cell is the unit's name and
        nothing else. Each cell is read as said of that unit, under its column's indicator:
        "Aceh | Klaster 2 | 73,06" claims Aceh's membership of cluster 2 and its value 73,06 (UNIT.Aceh.UHH.value)."""
        members = label_scope.members
        if len(members) != 1 or label_scope.clusters or label_scope.features or label.strip(" *_") != members[0].text:
            return False
        row_text = " | ".join(cells)
        for idx, cell in enumerate(cells[1:], start=1):
            head = header[idx] if idx < len(header) else ""
            features = tuple(dict.fromkeys(m.value for m in self.analyzer.scope(head, section).features))
            self._run(self.analyzer.scope(f"{label}: {cell}", section, (), features, None, shown=row_text))
        return True

    def _row_key(self, cells: list[str], header: list[str]) -> int | None:
        """The k of a row of the k-selection panel: the cell under the header that states k."""
        for idx, head in enumerate(header):
            if self.lex.header_stats.get(head.strip().lower()) == "k" and idx < len(cells) and cells[idx].strip().isdigit():
                return int(cells[idx])
        return None

    def _run(self, scope: Scope) -> None:
        for mention in scope.unknown_clusters:
            self.claim(scope, ClaimKind.NUMBER, mention.text, (), (), self.facts.index.get("RUN.k"), Verdict.FALSE, self.say("only_k_clusters", k=self.facts.k))
        for check in self.checks.values():
            check.check(scope)

    # -- claims ---------------------------------------------------------------------------------------
    def claim(self, scope: Scope, kind: ClaimKind, value: str, clusters, features, fact: Fact | None, verdict: Verdict,
              note: str = "", expected: str | None = None) -> Claim:
        report = self._report
        clusters, features = tuple(clusters or ()), tuple(features or ())
        claim = Claim(
            id=f"C{len(report.claims) + 1:03d}",
            kind=kind,
            text=scope.shown,
            value=value,
            section=scope.section,
            cluster=clusters[0] if len(clusters) == 1 else (fact.cluster if fact else None),
            feature=(fact.feature if fact else None) or (features[0] if len(features) == 1 else None),
            fact_id=fact.id if fact else None,
            expected=expected if expected is not None else (_shown(fact) if fact else None),
            verdict=verdict,
            note=note or ("" if fact or verdict == Verdict.TRUE else self.say("not_found")),
        )
        report.claims.append(claim)
        return claim

    def counts_from_top(self, kind: str, feature: str) -> bool:
        """Whether a place of `kind` ("high", "low", "best", "worst") counts from the highest value of `feature`:
        "best" is the top where higher is better, the bottom otherwise."""
        higher = self.facts.feature(feature).direction == "higher_is_better"
        return kind == "high" or (kind == "best" and higher) or (kind == "worst" and not higher)

    def say(self, key: str, **values) -> str:
        """A verdict's note in the text's language (lexicon [notes])."""
        return self.lex.note(key, **values)

    def cluster_of(self, member: str) -> int | None:
        return self._membership.get(member)

    # -- claims about one unit (need the unit values, e.g. a run's assignments.csv) ---------------------
    def unit_value(self, member: str, feature: str) -> float | None:
        fact = self.unit_facts.get((member, feature, "unit"))
        if fact is not None:
            return float(fact.value)
        if self.units is None or member not in self.units.index or feature not in self.units.columns:
            return None
        return float(self.units.loc[member, feature])

    def unit_fact(self, member: str, feature: str, value: float | None = None) -> Fact:
        """The unit's value fact (UNIT.<unit>.<feature>.value), or one made from the units table when the facts hold none."""
        fact = self.unit_facts.get((member, feature, "unit"))
        if fact is not None:
            return fact
        value = self.unit_value(member, feature) if value is None else value
        info = self.facts.feature(feature)
        return Fact(f"UNIT[{member}].{feature}", value, "unit", info.decimals, info.unit, self.cluster_of(member), feature,
                    with_unit(format_number(value, info.decimals), info.unit), member)

    def unit_number(self, scope: Scope, number: WrittenNumber, member: str, features) -> None:
        """A number about one unit is bound to that unit's value of the one indicator the clause names."""
        features = tuple(features or ())
        if len(features) != 1:
            self.claim(scope, ClaimKind.NUMBER, number.written, (), features, None, Verdict.UNVERIFIABLE,
                       self.say("unit_feature_unclear" if features else "unit_feature_unnamed", member=member))
            return
        value = self.unit_value(member, features[0])
        if value is None:
            self.claim(scope, ClaimKind.NUMBER, number.written, (), features, None, Verdict.UNVERIFIABLE, self.say("unit_number_absent", member=member))
            return
        fact = self.unit_fact(member, features[0], value)
        ok = self.checks[ClaimKind.NUMBER].equal(number, fact)
        self.claim(scope, ClaimKind.NUMBER, number.written, (fact.cluster,), features, fact, Verdict.TRUE if ok else Verdict.FALSE,
                   "" if ok else self.say("unit_value", member=member), expected=fact.text)

    def unit_direction(self, scope: Scope, phrase: str, member: str, feature: str, word: Direction | str, negated: bool,
                       reference: float | None = None, strict: bool = False) -> None:
        """A unit's position against the reference, or against `reference` (the plain mean of the units, unit_mean.py);
        `strict` ("well above"): a gap within the on-par band is not above."""
        value = self.unit_value(member, feature)
        if value is None:
            self.claim(scope, ClaimKind.DIRECTION, phrase, (), (feature,), None, Verdict.UNVERIFIABLE, self.say("unit_value_absent", member=member))
            return
        ref = float(self.facts.reference.values[feature]) if reference is None else reference
        diff_pct = 100 * (value - ref) / abs(ref or 1)
        tolerance = float(self.facts.method.tolerance_pct)
        actual = Direction.EQUAL if abs(diff_pct) <= tolerance else (Direction.ABOVE if diff_pct > 0 else Direction.BELOW)
        if word in {BETTER, WORSE}:
            word = wanted_direction(word, self.facts.feature(feature).direction == "higher_is_better")
        ok = (actual == word or (not strict and actual == Direction.EQUAL and word != Direction.EQUAL and (diff_pct > 0) == (word == Direction.ABOVE))) != negated
        self.claim(scope, ClaimKind.DIRECTION, phrase, (self.cluster_of(member),), (feature,), self.unit_fact(member, feature, value), Verdict.TRUE if ok else Verdict.FALSE)

    def unit_rank(self, scope: Scope, phrase: str, members: list[str], clusters, features, kind: str, ordinal: int) -> None:
        """"Papua dan NTT, dua provinsi dengan pengeluaran terendah": the listed units are the first len(list)."""
        if not members or (self.units is None and not self.unit_facts) or not features:
            self.claim(scope, ClaimKind.RANK, phrase, clusters, features, None, Verdict.UNVERIFIABLE, self.say("unit_ranks_absent"))
            return
        members = list(dict.fromkeys(members))
        peers = [m for m, c in self._membership.items() if not clusters or c in clusters]
        for feature in features:
            values = {m: self.unit_value(m, feature) for m in peers}
            values = {m: v for m, v in values.items() if v is not None}
            if not set(members) <= set(values):
                continue
            from_top = self.counts_from_top(kind, feature)
            order = sorted(values, key=values.get, reverse=from_top)
            first = ordinal - 1 if len(members) == 1 else 0
            ok = set(order[first : first + len(members)]) == set(members)
            rank_kind = ("rank_high" if from_top else "rank_low") + ("_cluster" if clusters else "")
            fact = self.unit_facts.get((members[-1], feature, rank_kind)) if len(members) == 1 and (not clusters or clusters == (self.cluster_of(members[-1]),)) else None
            if fact is not None:
                ok = fact.value == ordinal  # bound to the unit's rank fact in the scope the sentence names
            fact = fact or self.unit_fact(members[-1], feature, values[members[-1]])
            self.claim(scope, ClaimKind.RANK, phrase, (self.cluster_of(members[-1]),), (feature,), fact, Verdict.TRUE if ok else Verdict.FALSE,
                       self.say("unit_order", order=", ".join(order[: max(len(members), ordinal) + 1])))


def _last_subject(scope: Scope, comparison_lead, locative=None, ranking_scope=None, superlative=None) -> dict[str, tuple] | None:
    """What a pronoun in the next sentence refers to. "one" (its, ia, "-nya"): the subject of the sentence's last
    clause that names a cluster, i.e. its first cluster, skipping one governed by a comparison word ("Unlike
    Cluster 1, Cluster 4 still lags" → 4; "…, while Cluster 3 leads" → 3). A cluster that only says where a unit
    belongs ("Papua berada di Klaster 4") or scopes its superlative ("Maluku has the highest … in Cluster 2",
    `ranking_scope`) is no subject; with no cluster left, the same rule picks a unit.
    "many" (their, keduanya): every cluster the sentence names."""
    def located(m) -> bool:
        start, _ = scope.clause(m.start)
        units = [u for u in scope.members if start <= u.start < m.start and u.value != AGGREGATE]
        return bool(units) and (any(units[-1].end <= c < m.start for c in scope.membership_cues)
                                or ranking_scope is not None and bool(ranking_scope.search(scope.text, units[-1].end, m.start)))

    def subject_of(mentions):
        if not mentions:
            return None
        clause = scope.clause(mentions[-1].start)
        inside = [m for m in mentions if clause[0] <= m.start < clause[1]]
        while len(inside) > 1 and comparison_lead.search(scope.text[clause[0] : inside[0].start]):
            clause = (inside[0].end, clause[1])
            inside = inside[1:]
        return inside[0]

    def listed(u) -> bool:  # "beranggotakan 14 provinsi, antara lain Jawa Barat, …": members named, not a subject
        start, _ = scope.clause(u.start)
        return any(start <= c < u.start for c in scope.membership_cues)

    cluster = subject_of([m for m in scope.clusters if not located(m)])
    units = [m for m in scope.members if m.value != AGGREGATE and not listed(m)]
    # a sentence that lists three or more units names a group ("Aceh, Maluku, hingga Kalimantan Timur menonjol …"):
    # "-nya" / "its" in the next one is that group's cluster, not the last unit of the list
    # ("Maluku has the highest …, third after DKI Jakarta and D.I. Yogyakarta": the units after its superlative are its peers)
    first_rank = superlative.search(scope.text) if superlative is not None else None
    grouped = [m for m in scope.members if first_rank is None or m.start < first_rank.start()]
    unit = subject_of(units) if len({m.value for m in grouped}) < 3 else None
    if cluster is None and unit is None:
        return None
    first = min((m for m in scope.members if m.value != AGGREGATE), key=lambda m: m.start, default=None)
    if (units and cluster is not None and locative is not None and first is not None and first.value == units[0].value
            and opens_with_unit(scope.text, first, [c for c in scope.clusters if c.start > first.start], locative)):
        cluster, unit = None, units[0]  # "Maluku posts the highest … in Cluster 2, …. Its life expectancy …": "its" is the unit
    if (unit is not None and cluster is not None and locative is not None
            and all(locative.search(scope.text, max(0, c.start - 40), c.start) for c in scope.clusters)):
        cluster = None  # "Di dalam Klaster 3, Jawa Barat memiliki …. Namun, harapan lama sekolahnya …": the cluster is the setting
    one = ("cluster", (cluster.value,)) if cluster is not None else ("member", (unit.value,))
    many = tuple(dict.fromkeys(m.value for m in scope.clusters))
    subjects = tuple(dict.fromkeys(m.value for m in units))
    if cluster is None and len(many) <= 1 and len(subjects) > 1:
        # "Kepulauan Riau dan Kalimantan Timur sama-sama anggota Klaster 1. Pengeluaran mereka …": "mereka" is the units
        return {"one": one, "many": ("member", subjects), "pair": None}
    # "pair": the two clusters last set side by side in the paragraph, kept while the sentences speak of one of them
    # ("Cluster 2 outpaces Cluster 4. Its residents live … longer. … the second cluster is ahead by …", gaps.py)
    previous = (scope.antecedent or {}).get("pair")
    pair = many if len(many) == 2 else (previous if previous and len(many) == 1 and many[0] in previous else None)
    return {"one": one, "many": ("cluster", many) if len(many) > 1 else one, "pair": pair}


def _shown(fact: Fact) -> str:
    """A fact as the appendix shows it: its own text, a direction in the facts' language ("di atas")."""
    return load_language(DATA_LANGUAGE).word("direction", fact.value) if fact.kind in {"direction", "direction_umean"} else fact.text


def verify_markdown(text: str, facts: Facts, tolerance: float = 1e-9, **options) -> VerificationReport:
    return Verifier(facts, tolerance, **options).verify_markdown(text)
