"""Counts of members that satisfy a condition: "12 provinsi memiliki UHH di bawah rata-rata provinsi", "tiga dari lima
anggota Klaster 4 …", "separuh anggota Klaster 2 …", "four of the five members of Cluster 4 spend less than 10 million
rupiah", "most provinces in Cluster 2 …".

Such a count is not the size of a cluster (which the same words state in "Klaster 4 beranggotakan lima provinsi"): it is
bound to the members of its group (the clusters its clause names, else every unit of the data) that satisfy the
condition its clause states after it, an indicator above or below the reference (the facts K{n}.{f}.n_above /
n_below, summed over the group) or above or below a written threshold (counted on the units' values). "X dari Y" /
"X of the Y" also states the group's size: Y must be it. A fraction ("separuh", "half", lexicon [fractions]) agrees when
it is the share of the group's size to the nearest member; "sebagian besar" / "most" (`count_majority`) means more
than half; "lebih dari separuh" / "fewer than half" (`count_more_than`, `count_fewer_than`) bound the share strictly.
A count set in an aside right after another ("separuh anggotanya—delapan provinsi—memiliki …") restates it, under the
same condition and group. A count whose clause says its units are unstable ("13 provinsi tergolong tidak stabil") is
bound to the bootstrap (STAB.n_unstable_units, or a cluster's members with UNIT.*.moved_pct at the switching threshold).
A count with a membership cue before it ("terdiri dari 10 provinsi") stays a size claim (membership.py,
numbers.py), and so does one whose clause states no condition.

`CountChecker` makes the claims (a bound said of every member, and a count of unstable members: count_bounds.py, split off
to keep this module short); `count_spans(verifier, scope)` tells the number and membership checkers which written
counts are conditional, so they do not judge them again as sizes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..facts import Fact
from ..terms import ClaimKind, Verdict
from .checkers import register
from .count_bounds import MemberBounds
from .count_quantifiers import elided_condition, excepted_members, topic_group, universal_patterns
from .lexicon import rx
from .scope import AGGREGATE, Scope

_CONDITION_REACH = 60  # how far (characters) after its direction word the reference or threshold may stand


@dataclass(frozen=True)
class CountPhrase:
    start: int
    end: int
    written: str
    count: int | None  # the members claimed; None for a fraction or a majority
    of_size: int | None  # "X dari Y": Y, the group's size as written
    fraction: float | None  # "separuh" = 0.5
    majority: bool  # "sebagian besar", "most"
    bound: str | None = None  # "more than half" → "above", "fewer than half" → "below": the share is a strict bound
    elided: bool = False  # "…, and just 4 top the national figure": no unit noun, the group of the count before it
    rest: bool = False  # "tiga lainnya", "the other three": the members the count before it did not count
    universal: bool = False  # "every Cluster 2 province", "seluruh anggotanya": the whole group (count_quantifiers.py)
    but: int = 0  # "all but one of its members", "semua anggota kecuali satu": the members a universal leaves out
    ellipsis: bool = False  # "…, while in Cluster 4 only one of five is": the condition of the count before it, elided


def _number_alternatives(lex) -> str:
    words = "|".join(sorted((re.escape(w) for w in lex.number_words), key=len, reverse=True))
    return rf"\d{{1,4}}|{words}" if words else r"\d{1,4}"


def _value(written: str, lex) -> int | None:
    written = written.strip().lower()
    if written.isdigit():
        return int(written)
    return lex.number_words.get(written)


class _Patterns:
    def __init__(self, lex):
        n = _number_alternatives(lex)
        suffix = rf"(?:{lex.feature_suffix})?" if "feature_suffix" in lex.words else ""  # "anggotanya", "provinsinya"
        units = rf"(?:{lex.count_units}){suffix}"
        filler = r"(?:[\w-]+\s+){0,2}?"  # "five best-performing provinces", "lima provinsi anggota"
        # "hanya tiga provinsi", "only one of its ten provinces": the restriction is part of what is claimed
        only = rf"(?:(?:{lex.count_only})\s+)?" if "count_only" in lex.words else ""
        self.of = rx(rf"(?<![\w,.]){only}(?P<x>{n})\s+(?:{lex.count_of})\s+(?:(?:{lex.count_of_determiner})\s+)*(?P<y>{n})\s+{filler}(?:{units})\b")
        # "only one of them", "hanya satu di antaranya": a count of the members of the cluster the text is about
        them = lex.words.get("count_of_them")
        self.of_them = rx(rf"(?<![\w,.]){only}(?P<x>{n})\s+(?:{them})\b") if them else None
        self.plain = rx(rf"(?<![\w,.]){only}(?P<x>{n})\s+{filler}(?:{units})\b")
        self.sole = rx(rf"(?<![\w-])(?P<x>{lex.count_sole})\s+{filler}(?:{units})\b") if "count_sole" in lex.words else None  # "the only member"
        self.universal, self.bare_universal, self.universal_but = universal_patterns(lex, n, units, filler)
        self.all_members = rx(lex.all_members)
        # "…, while in Cluster 4 only one of five is": "X of Y" with no unit noun, its predicate elided (an auxiliary or
        # nothing before the clause ends): the condition of the count before it
        verbs = rf"\s+(?:{lex.count_ellipsis_verb})" if "count_ellipsis_verb" in lex.words else ""
        self.of_elided = rx(rf"(?<![\w,.]){only}(?P<x>{n})\s+(?:{lex.count_of})\s+(?P<y>{n})(?P<tail>(?:{verbs})?\s*(?=[.;!?]|$))")
        # "6 of them are above …, and just 4 top the national figure": a restricted number right before a direction word
        # counts what the count before it counted (kept only after such a count, `_conditional`)
        self.elided = rx(rf"(?<![\w,.])(?:{lex.count_only})\s+(?P<x>{n})(?![\w.,%])(?=\s+(?:\w+\s+)?(?:{lex.count_above}|{lex.count_below})\b)") \
            if "count_only" in lex.words else None
        # "… hanya tiga provinsi.": a count that ends its clause states no predicate of its own (`_conditional`)
        self.clause_rest = rx(r"[\s.!?)*]*")
        fractions = "|".join(sorted((re.escape(w) for w in lex.fractions), key=len, reverse=True)) or r"(?!)"
        more, fewer = lex.words.get("count_more_than", "(?!)"), lex.words.get("count_fewer_than", "(?!)")
        bound = rf"(?:(?:(?P<more>{more})|(?P<fewer>{fewer}))\s+)?"
        # "half of its fourteen members": the group's size may be written after the share, as in "X of the Y"
        self.fraction = rx(rf"(?<![\w-]){bound}(?:(?P<frac>{fractions})|(?P<most>{lex.count_majority}))\s+(?:(?:{lex.count_of})\s+)?(?:(?:{lex.count_of_determiner})\s+)?(?:(?P<y>{n})\s+)?{filler}(?:{units})\b")
        self.apposition = rx(rf"\s*[,—–(:-]\s*(?:(?:{lex.article}|{lex.relative_pronoun})\s+)?")  # "Klaster 4, lima provinsi …"
        self.frame = rx(rf"\b(?:{lex.subject_after})\s+(?:(?:{lex.article})\s+)?$")  # "Di Klaster 3, …", "In Cluster 3, …": a frame, no apposition
        self.no_member = rx(lex.no_member)
        self.quantifier = rx(rf"(?:{lex.no_member})|(?:{lex.all_members})")
        self.size_cue = rx(rf"(?:{lex.size_cue})\s+(?:\w+\s+)?$")
        # "di atasnya", "melampauinya": the direction with the possessive suffix standing for the reference named before it
        pronoun = rf"(?P<pron>{lex.feature_suffix})?" if "feature_suffix" in lex.words else "(?P<pron>(?!))?"
        self.above = rx(rf"(?P<neg>(?:{lex.negation})\s+(?:\w+\s+)?)?(?:(?P<above>{lex.count_above})|(?P<below>{lex.count_below})){pronoun}\b")
        self.reference = rx(rf"(?:{lex.reference}|{lex.count_reference})")
        self.reference_pronoun = rx(rf"\s+(?:{lex.reference_pronoun})") if "reference_pronoun" in lex.words else None  # "… above it"
        # "hanya dua provinsi …; tiga lainnya …", "the other three": the rest of the group the count before it counted
        rest = lex.words.get("count_rest")
        self.rest = rx(rf"(?<![\w,.]){rest.replace('{n}', f'(?P<x>{n})')}") if rest else None
        self.unstable = rx(lex.unstable) if "unstable" in lex.words else None
        self.target = rx(rf"\s*(?:(?:\S+\s+){{0,4}}?)(?:(?P<ref>{lex.reference}|{lex.count_reference})|(?P<num>(?:{lex.currency_sign})?\s*\d))")


def find_count_phrases(scope: Scope, lex) -> list[CountPhrase]:
    patterns = _pattern_cache(lex)
    found: list[CountPhrase] = []

    def free(start: int, end: int) -> bool:
        return not any(p.start < end and start < p.end for p in found)

    def matches(pattern):
        """The pattern's matches whose count is no cluster's name ("Klaster 1 beranggotakan lima provinsi" counts five,
        not one): such a match is retried after the name."""
        position = 0
        key = "x" if "x" in pattern.groupindex else "y"
        while (match := pattern.search(scope.text, position)) is not None:
            if match.group(key) is not None and any(m.start <= match.start(key) < m.end for m in scope.clusters + scope.unknown_clusters):
                position = match.end(key)
                continue
            yield match
            position = match.end()

    of_before = rx(rf"\b(?:{lex.count_of})\s+$")  # "four of all five members", "separuh dari seluruh provinsi": a determiner
    for pattern in (patterns.universal, patterns.bare_universal):
        for match in matches(pattern) if pattern is not None else ():
            if of_before.search(scope.text, max(0, match.start() - 15), match.start()):
                continue
            if not match.group("but") and not (patterns.universal_but and patterns.universal_but.match(scope.text, match.end())) \
                    and patterns.all_members.match(scope.text, match.start()):
                continue  # "every member of Cluster 2 …", "seluruh anggota Klaster 1 …": the quantified direction (directions.py)
            y = _value(match.group("y"), lex) if match.group("y") else None
            but = _value(match.group("but"), lex) if match.group("but") else 0
            end = match.end()
            trailing = patterns.universal_but.match(scope.text, end) if patterns.universal_but is not None and not but else None
            if trailing is not None and _value(trailing.group("but"), lex):
                but, end = _value(trailing.group("but"), lex), trailing.end()
            if but is not None and (match.group("y") is None or y is not None) and free(match.start(), end):
                found.append(CountPhrase(match.start(), end, scope.text[match.start() : end], None, y, None, False, universal=True, but=but))
    for match in matches(patterns.of_elided):
        x, y = _value(match.group("x"), lex), _value(match.group("y"), lex)
        if x is not None and y is not None and free(match.start(), match.end()):
            found.append(CountPhrase(match.start(), match.end(), scope.text[match.start() : match.start("tail")], x, y, None, False, ellipsis=True))
    for match in matches(patterns.of):
        x, y = _value(match.group("x"), lex), _value(match.group("y"), lex)
        if x is not None and y is not None and free(match.start(), match.end()):
            found.append(CountPhrase(match.start(), match.end(), match.group(0), x, y, None, False))
    for match in matches(patterns.of_them) if patterns.of_them is not None else ():
        x = _value(match.group("x"), lex)
        if x is not None and free(match.start(), match.end()):
            found.append(CountPhrase(match.start(), match.end(), match.group(0), x, None, None, False))
    for match in patterns.fraction.finditer(scope.text):
        if free(match.start(), match.end()):
            fraction = lex.fractions.get(match.group("frac").lower()) if match.group("frac") else None
            bound = "above" if match.group("more") else "below" if match.group("fewer") else None
            size = _value(match.group("y"), lex) if match.group("y") else None
            found.append(CountPhrase(match.start(), match.end(), match.group(0), None, size, fraction, bool(match.group("most")), bound))
    for match in matches(patterns.rest) if patterns.rest is not None else ():
        x = _value(match.group("x"), lex)
        if x is not None and free(match.start(), match.end()):
            found.append(CountPhrase(match.start(), match.end(), match.group(0), x, None, None, False, rest=True))
    for match in matches(patterns.sole) if patterns.sole is not None else ():
        if free(match.start(), match.end()):
            found.append(CountPhrase(match.start(), match.end(), match.group(0), 1, None, None, False))
    for match in matches(patterns.plain):
        x = _value(match.group("x"), lex)
        if x is not None and free(match.start(), match.end()):
            found.append(CountPhrase(match.start(), match.end(), match.group(0), x, None, None, False))
    for match in matches(patterns.elided) if patterns.elided is not None else ():
        x = _value(match.group("x"), lex)
        if x is not None and free(match.start(), match.end()):
            found.append(CountPhrase(match.start(), match.end(), match.group(0), x, None, None, False, elided=True))
    # "every one of its members", "setiap satu …": a universal quantifier, not a count of one (directions.py reads it)
    every = rx(rf"\b(?:{lex.universal_before})\s+$")
    # "the plain average of the 34 provinces … at 73.13 years": the count names whose mean it is, no condition on members
    means = [(m.start(), m.end()) for m in rx(lex.unit_mean).finditer(scope.text)] if "unit_mean" in lex.words else []
    # "Klaster 3 memiliki Jumlah anggota …": the number names the cluster, it counts nothing (but "Kelompok sebelas
    # provinsi ini" counts: the unit follows the number at once)
    named, adjacent = rx(rf"(?:{lex.cluster_word})\s*$"), rx(rf"\S+\s+(?:{lex.count_units})\b")
    return sorted((p for p in found if not every.search(scope.text, max(0, p.start - 12), p.start)
                   and not (named.search(scope.text, max(0, p.start - 20), p.start) and not adjacent.match(p.written))
                   and not any(a <= p.start and p.end <= b for a, b in means)), key=lambda p: p.start)


_CACHE: dict[tuple[str, str], _Patterns] = {}


def _pattern_cache(lex) -> _Patterns:
    # keyed by the reference words too: a run adds its data set's own reference phrases (references.py)
    key = (lex.path, lex.words.get("reference", ""))
    if key not in _CACHE:
        _CACHE[key] = _Patterns(lex)
    return _CACHE[key]


@dataclass(frozen=True)
class Condition:
    position: int  # where its direction word stands
    above: bool
    negated: bool
    threshold: object | None  # a WrittenNumber, or None: the reference
    unstable: bool = False  # "13 provinsi tergolong tidak stabil": the members the bootstrap finds unstable
    follows: int | None = None  # where the count stands whose group (and, elided, condition) this one shares


def condition_after(verifier, scope: Scope, phrase: CountPhrase) -> Condition | None:
    """The condition a count's clause states after it: above / below the reference or a written threshold."""
    patterns = _pattern_cache(verifier.lex)
    _, end = scope.clause(phrase.end - 1)  # (the clause the phrase ends in: "all but one of …" spans a "but")
    for match in patterns.above.finditer(scope.text, phrase.end, end):
        # "tiga lainnya sedikit di atasnya", "the other three sit above it": above the reference the sentence named
        pronoun = patterns.reference_pronoun is not None and patterns.reference_pronoun.match(scope.text, match.end(), end)
        if match.group("pron") or pronoun:
            # ("… below the national 73.93 years. Cluster 3 does better: nine of its 14 members are above that line": a
            # demonstrative, not "it", may stand for the reference the paragraph's previous sentence named)
            demonstrative = pronoun and not rx(r"\w+").fullmatch(pronoun.group(0).strip())
            if patterns.reference.search(scope.text, 0, match.start()) or demonstrative and patterns.reference.search(getattr(scope, "previous_sentence", "")):
                return Condition(match.start("above") if match.group("above") else match.start("below"), bool(match.group("above")),
                                 bool(match.group("neg")), None)
            continue
        target = patterns.target.match(scope.text, match.end(), min(end, match.end() + _CONDITION_REACH))
        if not target:
            continue
        threshold = None
        if target.group("num"):
            from .numbers import find_numbers

            threshold = next((n for n in find_numbers(scope, verifier.lex) if n.start >= match.end()), None)
            if threshold is None:
                continue
        return Condition(match.start("above") if match.group("above") else match.start("below"), bool(match.group("above")),
                         bool(match.group("neg")), threshold)
    # "13 of the 34 provinces are flagged as unstable": a count of the units whose placement the bootstrap found unstable
    unstable = patterns.unstable.search(scope.text, phrase.end, min(end, phrase.end + _CONDITION_REACH)) if patterns.unstable else None
    if unstable is not None:
        return Condition(unstable.start(), False, False, None, unstable=True)
    return None


def patterns_sole(lex, phrase: CountPhrase) -> bool:
    """Whether the count is "the only member" / "satu-satunya anggota" (one, said of the unit its clause names)."""
    return _pattern_cache(lex).sole is not None and bool(_pattern_cache(lex).sole.fullmatch(phrase.written))


def _cached(verifier, scope: Scope) -> list[tuple[CountPhrase, Condition]]:
    found = getattr(scope, "_conditional_counts", None)
    if found is None:
        found = _conditional(verifier, scope)
        scope._conditional_counts = found
    return found


def count_spans(verifier, scope: Scope) -> list[tuple[int, int]]:
    """What the conditional counts of the scope cover: the written count, its condition's direction word and threshold.
    The number, direction and membership checkers leave these to `CountChecker` (a member count's condition says
    nothing about the cluster's mean, and its threshold is no claim)."""
    spans = []
    for phrase, condition in _cached(verifier, scope):
        spans.append((phrase.start, phrase.end))
        spans.append((condition.position, condition.position + 1))
        if condition.threshold is not None:
            spans.append((condition.threshold.start, condition.threshold.end))
    return spans


def covered(verifier, scope: Scope, position: int) -> bool:
    return any(a <= position < b for a, b in count_spans(verifier, scope))


def restated(scope: Scope, lex, phrases: list[CountPhrase], phrase: CountPhrase) -> CountPhrase | None:
    """The count an aside holding `phrase` follows at once ("separuh anggotanya—delapan provinsi—"), if any."""
    aside = next(((a, b) for a, b in scope.parentheses if a < phrase.start < b), None)
    if aside is None:
        return None

    def follows(p: CountPhrase) -> bool:  # at once, or after the cluster it counts ("separuh anggota Klaster 2—tiga provinsi—")
        gap = scope.text[p.end : aside[0]]
        for m in scope.clusters:
            if p.end <= m.start and m.end <= aside[0]:
                gap = gap.replace(m.text, " ")
        return not gap.strip() or bool(rx(rf"\s*(?:{lex.count_of})\s*").fullmatch(gap))

    return next((p for p in phrases if p.end <= aside[0] and follows(p)), None)


def _conditional(verifier, scope: Scope):
    patterns = _pattern_cache(verifier.lex)
    out = []
    phrases = find_count_phrases(scope, verifier.lex)
    for phrase in phrases:
        start, _ = scope.clause(phrase.start)
        if patterns.size_cue.search(scope.text, start, phrase.start):
            continue  # "terdiri dari 10 provinsi …": the cluster's size
        if any(m.start() <= phrase.start and re.fullmatch(r"\s*(?:[\w']+\s+)?", scope.text[m.end() : phrase.start])
               for m in patterns.no_member.finditer(scope.text, start, phrase.end)):
            continue  # "tidak satu pun provinsi …" / "not a single province": the quantifier of directions.py
        # "separuh anggota Klaster 2—tiga provinsi—memiliki …" restates the count the aside follows, under the same condition
        head = restated(scope, verifier.lex, phrases, phrase)
        if head is None and any(a < phrase.start < b for a, b in scope.parentheses):
            continue  # "Klaster 1 (5 provinsi) berada di atas …": the cluster's size, in passing
        if head is None and any(start <= m.end <= phrase.start and patterns.apposition.fullmatch(scope.text[m.end : phrase.start])
               and not patterns.frame.search(scope.text, start, m.start) for m in scope.clusters):
            continue  # "Klaster 4, lima provinsi di timur, …" / "Cluster 1 — the five best-performing provinces —": an apposition
        condition = condition_after(verifier, scope, phrase)
        if condition is not None and patterns.quantifier.search(scope.text, phrase.end, condition.position):
            continue  # "Dari sepuluh anggota Klaster 2, seluruhnya memiliki HLS di atas …": the condition is the quantifier's
        earlier = [(p, c) for p, c in out if p.end <= phrase.start]
        if (phrase.elided or phrase.rest) and (condition is None or not earlier) or phrase.ellipsis and not earlier:
            continue  # "…, and just 4 top the national figure": only after a count whose group it shares
        if condition is None and earlier:
            condition = elided_condition(scope, patterns, phrase, earlier[-1])
        elif condition is not None and earlier:
            # "…, tetapi untuk HLS hanya empat provinsi yang melampauinya": a clause naming no cluster counts the group
            # the sentence's count before it counted
            condition = replace(condition, follows=earlier[-1][0].start)
        if condition is not None:
            out.append((phrase, condition))
    return out


@register
class CountChecker(MemberBounds):
    kind = ClaimKind.COUNT
    words = ("count_of", "count_majority", "count_above", "count_below", "count_reference", "size_cue", "count_units")

    def __init__(self, verifier):
        self.v = verifier

    def covers(self, scope: Scope, position: int) -> bool:
        """Whether a written number at `position` is a conditional count or part of its condition (see `count_spans`)."""
        return covered(self.v, scope, position)

    def check(self, scope: Scope) -> None:
        for phrase, condition in _cached(self.v, scope):
            self._judge(scope, phrase, condition)

    def _judge(self, scope: Scope, phrase: CountPhrase, condition: Condition) -> None:
        v = self.v
        start, _ = scope.clause(phrase.start)
        # the group is what the clause names before the condition ("Di Klaster 3, sepuluh dari 14 provinsi …", "three of
        # the five members of Cluster 4 …"); "12 provinsi …, seluruhnya di Klaster 2 dan 4" counts every unit
        # a cluster named as the object of a comparison ("lower than Cluster 3's, and only one of its ten provinces …") is
        # no part of the group
        clusters = self._group(scope, phrase, condition)
        if clusters is None:
            v.claim(scope, ClaimKind.COUNT, phrase.written, (), (), None, Verdict.UNVERIFIABLE, v.say("count_no_group"))
            return  # "one of them" with no cluster to stand for: never every unit of the data
        if condition.unstable:
            self._judge_unstable(scope, phrase, clusters)
            return
        features = self._features(scope, phrase, condition)
        if not features or (len(features) > 1 and condition.threshold is not None):
            v.claim(scope, ClaimKind.COUNT, phrase.written, clusters, features, None, Verdict.UNVERIFIABLE,
                    v.say("count_no_feature"))
            return
        members = [m for c in v.facts.clusters if not clusters or c.number in clusters for m in c.members]
        whole = len(members)
        # "Apart from Sumatera Barat, every Cluster 2 province …": the members a universal leaves out by name are not counted
        excepted = excepted_members(scope, v.lex, 0, condition.position) & set(members) if phrase.universal else set()
        members = [m for m in members if m not in excepted]
        size = len(members)
        satisfying, fact = self._satisfying(clusters, features, members, condition, by_unit=bool(excepted))
        if satisfying is None:
            v.claim(scope, ClaimKind.COUNT, phrase.written, clusters, features, None, Verdict.UNVERIFIABLE, v.say("member_values_absent"))
            return
        if condition.negated:
            satisfying = size - satisfying
        if phrase.universal:  # every member (but the `but` left out) and, when written, the group's size
            ok = satisfying == size - phrase.but and phrase.of_size in (None, whole)
        elif phrase.count is not None:
            ok = satisfying == phrase.count and (phrase.of_size is None or phrase.of_size == size)
        elif phrase.majority:
            ok = satisfying > size / 2
        elif phrase.bound == "above":
            ok = satisfying > phrase.fraction * size
        elif phrase.bound == "below":
            ok = satisfying < phrase.fraction * size
        else:
            ok = abs(satisfying - phrase.fraction * size) <= 0.5
        if phrase.count is None and phrase.of_size not in (None, whole):
            ok = False
        head = next((p for p, _ in _cached(v, scope) if p.start == condition.follows), None) if phrase.rest else None
        if head is not None and head.count is not None and head.count + phrase.count != size:
            ok = False  # "hanya dua provinsi …; tiga lainnya …": the two and the rest are the whole group
        failing = self._named_failing(scope, phrase, condition, features[0]) if len(features) == 1 else []
        if patterns_sole(v.lex, phrase) and len(features) == 1:  # "Sulawesi Barat is the only member with …": it must be that one
            failing += self._failing_subject(scope, phrase, condition, features[0])
        note = v.say("members_satisfying", satisfying=satisfying, size=size) + ("; " + v.say("group_size_differs", size=whole, stated=phrase.of_size) if phrase.of_size not in (None, whole) else "")
        if failing:  # "only one of them, Jawa Timur, …": the province named as the one must be one
            ok, note = False, note + "; " + v.say("named_not_satisfying", members=", ".join(failing))
        v.claim(scope, ClaimKind.COUNT, phrase.written, clusters or (), features, fact, Verdict.TRUE if ok else Verdict.FALSE, note,
                expected=f"{satisfying} / {size}")
        self.threshold_reference(scope, condition.threshold, features)
        beside, after = self._named(scope, phrase, condition), self._named_after(scope, condition)
        named = beside if len(beside) > 1 else after  # (one beside it is the one the count's verdict checks)
        # a list of the counted, each named, against a written threshold: each a claim of its own (against the reference, the
        # units listed with a count are directions.py's)
        if named and len(features) == 1 and condition.threshold is not None:
            self.named_members(scope, named, features[0], self._limit(features[0], condition), condition.above, condition.negated)

    def _features(self, scope: Scope, phrase: CountPhrase, condition: Condition) -> tuple[str, ...]:
        """The indicator named between the count and its condition's reference ("seluruh anggotanya memiliki RLS di atas …,
        meski dua anggotanya mencatat HLS di bawah …"), else the count's whose predicate it elides, else the clause's."""
        _, clause_end = scope.clause(condition.position)
        target_end = min(clause_end, condition.threshold.end if condition.threshold is not None else condition.position + _CONDITION_REACH)
        nexts = [o.start for o, _ in self._others(scope, phrase) if o.start > phrase.end]
        stop = min([condition.position] + nexts)
        before = tuple(dict.fromkeys(m.value for m in scope.features if phrase.start <= m.start < stop))
        after = tuple(dict.fromkeys(m.value for m in scope.features if condition.position <= m.start < min([target_end] + nexts)))
        head = next(((p, c) for p, c in _cached(self.v, scope) if p.start == condition.follows), None) if phrase.ellipsis else None
        return before or after or (self._features(scope, *head) if head else ()) or scope.features_for(condition.position)

    def _group(self, scope: Scope, phrase: CountPhrase, condition: Condition) -> tuple[int, ...] | None:
        """The clusters whose members a count counts (() = every unit of the data, None = unclear)."""
        v = self.v
        start, _ = scope.clause(phrase.start)
        clusters = tuple(dict.fromkeys(m.value for m in scope.clusters if start <= m.start < condition.position and m not in scope.governed))
        if clusters:
            return clusters
        if condition.follows is not None:  # "…, sedangkan untuk HLS hanya tiga provinsi", "and just 4 top …": the count before it
            head = next(((p, c) for p, c in _cached(v, scope) if p.start == condition.follows), None)
            if head is not None:
                return self._group(scope, *head)
        head = restated(scope, v.lex, find_count_phrases(scope, v.lex), phrase)  # "separuh anggotanya—delapan provinsi—"
        clusters = self._owner(scope, head or phrase)  # "tiga dari sepuluh anggotanya", "eleven of its 14 provinces"
        if not clusters and "count_of_them" in v.lex.words and rx(rf"(?:{v.lex.count_of_them})$").search(phrase.written):
            return None
        # "Only one member — Jawa Timur — exceeds …", "all seven fall short …": members are some cluster's, the one the text
        # is about (never every unit of the data)
        members_word = "count_member_units" in v.lex.words and rx(rf"\b(?:{v.lex.count_member_units})\b").search(phrase.written)
        if not clusters and (members_word or phrase.ellipsis or phrase.universal and not rx(rf"(?:{v.lex.count_units})").search(phrase.written)):
            return topic_group(scope, phrase.start) or None
        return clusters

    def _others(self, scope: Scope, phrase: CountPhrase):
        """The other conditional counts of the scope (a count's indicator is never one written after the next count)."""
        return [(p, c) for p, c in _cached(self.v, scope) if p.start != phrase.start]

    def _owner(self, scope: Scope, phrase: CountPhrase) -> tuple[int, ...]:
        lex = self.v.lex
        possessive = (("feature_suffix" in lex.words and rx(rf"(?:{lex.feature_suffix})$").search(phrase.written)) or rx(r"\b(?:its|their)\b").search(phrase.written)
                      or ("count_of_them" in lex.words and rx(rf"(?:{lex.count_of_them})$").search(phrase.written)))
        if not possessive:
            return ()
        # "Only 3 of the 14 provinces in Cluster 3 …, while 6 of them …": the cluster the sentence named before the count
        return topic_group(scope, phrase.start)

    def _satisfying(self, clusters, features, members: list[str], condition: Condition, by_unit: bool = False) -> tuple[int | None, Fact | None]:
        """How many members satisfy the condition, and the fact that says so (the stored count when there is one)."""
        v = self.v
        side = "above" if condition.above else "below"
        group = "+".join(f"K{c}" for c in clusters) if clusters else "DATA"
        if len(features) > 1:  # "dua provinsi memiliki UHH dan HLS di atas rata-rata": every indicator at once
            ref = v.facts.reference.values
            rows = [[v.unit_value(m, f) for f in features] for m in members]
            if any(value is None for row in rows for value in row):
                return None, None
            total = sum(all((value > float(ref[f])) if condition.above else (value < float(ref[f])) for value, f in zip(row, features)) for row in rows)
            return total, Fact(f"{group}.{'+'.join(features)}.n_{side}", total, "count", 0, "", clusters[0] if len(clusters) == 1 else None, None, str(total))
        feature = features[0]
        if condition.threshold is None and not by_unit:  # (by_unit: some members left out, counted on the units' values)
            facts = [v.facts.index.get(f"K{c.number}.{feature}.n_{side}") for c in v.facts.clusters if not clusters or c.number in clusters]
            if facts and all(f is not None for f in facts):
                total = int(sum(f.value for f in facts))
                if len(facts) == 1:
                    return total, facts[0]
                return total, Fact(f"{group}.{feature}.n_{side}", total, "count", 0, "", None, feature, str(total))
        limit = self._limit(feature, condition)
        values = [v.unit_value(m, feature) for m in members]
        if any(value is None for value in values):
            return None, None
        total = sum((value > limit) if condition.above else (value < limit) for value in values)
        shown = f"{limit:g}"
        return total, Fact(f"{group}.{feature}.n_{side}[{shown}]", total, "count", 0, "", clusters[0] if len(clusters) == 1 else None, feature, str(total))


__all__ = ["CountChecker", "count_spans", "find_count_phrases"]
