"""Number claims: "Rp 11,47 juta", "73,13 tahun", "62,9 %", "sekitar 1,3 juta", "lebih dari 75 tahun",
"1,327,782" and "73.13", each bound to the fact it is about (binding.py, subjects.py), then compared.

A written number covers the interval its precision implies (73,13 → [73,125; 73,135], "11,47 juta"
→ ±5.000) plus the configured tolerance; "sekitar" is the same rounding (an integer's trailing zeros count as rounding),
"hampir" means below and within one unit, "lebih dari" and "kurang dari" are strict bounds
(docs/verification.md). A multiplier or currency must match the fact's scale ("ribu rupiah").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..facts import Fact
from ..language import load_language
from ..numbers import format_number
from ..terms import ClaimKind, Verdict
from .checkers import register
from .lexicon import Lexicon, load_lexicon, rx
from .number_order import in_list_order, respective
from . import subjects
from .binding import EITHER_MEAN_OR_DIFF, bind, nearest_features, reference_just_before
from .fraction_words import fraction_ratios
from .gaps import GapChecks, comparison_subjects, subjects_at
from .relations import RelationChecks
from .scope import AGGREGATE, Scope
from .unit_gaps import UnitGapChecks
from .unit_mean import UnitMeanPhrases

# "±2 %" (no space after the sign): a band quoted with its number, read like "± 2 %"
_TOKEN = re.compile(r"(?:(?<=^)|(?<=[\s(\[:/=±])|(?<=Rp))(?P<sign>[+\-−])?(?P<num>\d{1,3}(?:[.,]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)(?![\w]|[.,]\d)")


@dataclass(frozen=True)
class WrittenNumber:
    start: int
    end: int
    written: str  # as written, with sign, % and multiplier
    value: float  # in the written scale times its multiplier
    number: float  # the bare number
    decimals: int
    multiplier: float
    signed: bool
    percent: bool
    money: bool
    unit: str  # count | clusters | year | ratio | percent | money | plain
    qualifier: str | None  # approx | above | below | nearly
    points: bool = False  # "7,1 poin persen", "7.1 percentage points": a difference of two percentages


def after_number_rx(lex: Lexicon) -> re.Pattern:
    """What may follow a number: a percent sign or word, a multiplier ("juta"), a currency ("rupiah")."""
    multipliers = "|".join(lex.multipliers)
    return rx(rf"\s*(?P<pct>{lex.percent_words})?(?:\s*(?P<mult>{multipliers})\b\.?)?(?:\s*(?P<rp>{lex.currency_after})\b)?")


def sentence_lexicon(text: str, lex: Lexicon) -> Lexicon:
    """A mixed draft may hold a sentence of the `mixed_with` language: read its numbers that language's way."""
    if not lex.mixed_with:
        return lex
    other = load_lexicon(lex.mixed_with)
    theirs, ours = len(rx(other.function_words).findall(text)), len(rx(lex.function_words).findall(text))
    return other if theirs >= 3 and theirs > 2 * ours else lex


def find_numbers(scope: Scope, lex: Lexicon) -> list[WrittenNumber]:
    found = []
    text, masked = scope.text, scope.masked
    reading = sentence_lexicon(text, lex).numbers
    after_rx = after_number_rx(lex)
    money_before = rx(rf"(?:{lex.currency_before})\s*$")
    points_rx = rx(rf"\s*(?:{lex.percentage_points})") if "percentage_points" in lex.words else None
    for match in _TOKEN.finditer(masked):
        raw = match.group("num")
        number, decimals = reading.read(raw)
        sign = match.group("sign")
        if sign in {"-", "−"}:
            number = -number
        after = after_rx.match(text, match.end())
        end = match.end()
        points_match = points_rx.match(text, match.end()) if points_rx is not None else None
        percent = bool(after and after.group("pct")) or points_match is not None
        mult_word = after.group("mult").lower() if after and after.group("mult") else None
        multiplier = lex.multipliers.get(mult_word, 1.0) if mult_word else 1.0
        prefix = money_before.search(text[: match.start()])
        money = bool(prefix or (after and after.group("rp")))
        sign_before_currency = prefix is not None and sign is None and prefix.start() > 0 and text[prefix.start() - 1] in "+-−"
        if sign_before_currency and text[prefix.start() - 1] != "+":  # "+Rp3.477", "−IDR 2.9 million": the sign stands before the currency
            number = -number
        if after and (percent or mult_word or after.group("rp")):
            end = after.end()
        tail = text[end : end + 30]
        before = text[max(0, match.start() - 40) : match.start()]
        if percent:
            unit = "percent"
        elif money or mult_word:
            unit = "money"
        elif "repetition" in lex.words and rx(rf"^\s*(?:{lex.repetition})").match(tail):
            unit = "plain"  # "100 kali inisialisasi ulang": how often the method ran, not a ratio (a method concept binds it)
        elif rx(rf"^\s*(?:{lex.ratio})").match(tail) or ("ratio_before" in lex.words and rx(rf"(?:{lex.ratio_before})\s*(?:(?:{lex.approx})\s+)?$").search(before)):
            unit = "ratio"  # "1,7 kali lipat", and "rasionya 1,7", "a ratio of about 1.7": the noun before the number
        elif decimals == 0 and 1900 <= abs(number) <= 2100 and not sign and rx(rf"\b(?:{lex.year_before}|year)\W*$").search(before):
            unit = "year"  # "tahun 2023", "year 2023": a year, whatever follows
        elif rx(rf"^\s*(?:[⟦\[(]\S*[⟧\])]\s+)?(?:{lex.count_units})\b").match(tail) and decimals == 0:  # also "5 ⟦x⟧ provinces"
            unit = "count"
        elif rx(rf"^\s*(?:[⟦\[(]\S*[⟧\])]\s+)?(?:{lex.cluster_units})\b").match(tail) or rx(r"\bk\s*=\s*$").search(before) \
                or ("k_compound_after" in lex.words and rx(lex.k_compound_after).match(tail)):
            unit = "clusters"
        elif decimals == 0 and 1900 <= abs(number) <= 2100 and not sign:
            unit = "year"
        else:
            unit = "plain"
        qualifier = None
        for name, pattern in (("approx", lex.approx), ("nearly", lex.nearly), ("above", lex.above_bound), ("below", lex.below_bound)):
            if rx(rf"(?:{pattern})\s*(?:(?:{lex.currency_sign})\s*)?$").search(before):
                qualifier = name
                break
        if decimals == 0 and unit in {"money", "plain"} and (abs(number) >= 10_000 or qualifier == "approx" and abs(number) >= 100):
            # "Rp 15.376.000", "sekitar 11.500 ribu rupiah": trailing zeros are rounding, so they set the precision
            zeros = len(raw.replace(".", "").replace(",", "")) - len(raw.replace(".", "").replace(",", "").rstrip("0"))
            decimals = -min(zeros, 6)  # "Rp 15.376.000" is rounded to thousands: ±500
        # the claim's value is the number as written (with its sign and %); the unit goes in the note
        written = text[match.start() : after.end("pct") if after and after.group("pct") else match.end()].strip()
        if points_match is not None:
            written, end = text[match.start() : points_match.end()].strip(), max(end, points_match.end())
        glued = rx(rf"(?:{lex.currency_sign})$").search(text, 0, match.start())
        if glued and not (sign or percent):  # "Rp15,4 juta": one word, one amount, written with its currency and multiplier
            written = text[glued.start() : after.end("mult") if after and after.group("mult") else match.end()].strip()
        found.append(WrittenNumber(match.start(), end, written, number * multiplier, number, decimals, multiplier, sign is not None or sign_before_currency,
                                   percent, money, unit, qualifier, points_match is not None))
    return found


def number_words(scope: Scope, lex: Lexicon, found: list[WrittenNumber]) -> list[WrittenNumber]:
    """"hampir dua tahun di atas rata-rata", "more than three years below": a count word is a measured number when a unit
    of measure follows it (lexicon `measure_units`) and a qualifier precedes it or a reference follows (a bare
    "dua tahun terakhir" is time, not a claim). Its precision is the whole unit it names."""
    if "measure_units" not in lex.words or not lex.number_words:
        return []
    words = "|".join(sorted(map(re.escape, lex.number_words), key=len, reverse=True))
    pattern = rx(rf"(?<![\w-])(?P<word>{words})(?=\s+(?:{lex.measure_units})(?![\w]))")
    taken = [(n.start, n.end) for n in found]
    extra = []
    # "dua kali lipat", "three times", "twice": a ratio written in words (lexicon `ratio`, `twice`)
    ratio_rx = rx(rf"(?<![\w-])(?:(?P<word>{words})\s+(?=(?:{lex.ratio})(?![\w]))|(?P<twice>{lex.twice})(?![\w]))") if "twice" in lex.words else None
    for match in ratio_rx.finditer(scope.masked) if ratio_rx is not None else ():
        if any(a <= match.start() < b for a, b in taken):
            continue
        before = scope.text[max(0, match.start() - 40) : match.start()]
        qualifier = next((name for name, p in (("approx", lex.approx), ("nearly", lex.nearly), ("above", lex.above_bound),
                                                 ("below", lex.below_bound)) if rx(rf"(?:{p})\s*$").search(before)), None)
        written = match.group(0).strip()
        # "terhitung dua kali", "count twice": a repetition, not a ratio. A ratio says so ("dua kali lipat", "threefold")
        # or is followed by what it compares ("dua kali rata-rata", "twice as high as")
        ratio_word = rx(rf"(?:{lex.ratio})").match(scope.text, match.end())  # "dua |kali| lipat": the ratio word after the count word
        after = ratio_word.end() if ratio_word else match.end()
        if "ratio_after" in lex.words and not rx(lex.ratio_explicit).search(scope.text[match.start() : after]) \
                and not rx(lex.ratio_after).match(scope.text, after):
            continue
        value = 2.0 if match.group("twice") else float(lex.number_words[match.group("word").lower()])
        # a ratio in words states a whole ratio: "twice" is 2,0 (1,95–2,05), not anything from 1,5 to 2,5
        extra.append(WrittenNumber(match.start(), match.end(), written, value, value, 1, 1.0, False, False, False, "ratio", qualifier))
        taken.append((match.start(), match.end()))
    if "method_count_after" in lex.words:  # "dari lima indeks validasi, hanya dua yang memilih k = 3": counts of the method
        for match in rx(rf"(?<![\w-])(?P<word>{words})(?=\s+(?:{lex.method_count_after}))").finditer(scope.masked):
            if not any(a <= match.start() < b for a, b in taken):
                value = float(lex.number_words[match.group("word").lower()])
                extra.append(WrittenNumber(match.start(), match.end(), match.group("word"), value, value, 0, 1.0, False, False, False, "plain", None))
                taken.append((match.start(), match.end()))
    if "k_compound_after" in lex.words:  # "the five-cluster solution": the model's number of clusters, in a word
        for match in rx(rf"(?<![\w-])(?P<word>{words})(?={lex.k_compound_after})").finditer(scope.masked):
            if not any(a <= match.start() < b for a, b in taken):
                value = float(lex.number_words[match.group("word").lower()])
                extra.append(WrittenNumber(match.start(), match.end(), match.group("word"), value, value, 0, 1.0, False, False, False, "clusters", None))
                taken.append((match.start(), match.end()))
    for match in pattern.finditer(scope.masked):
        if any(a <= match.start() < b for a, b in taken):
            continue
        before = scope.text[max(0, match.start() - 40) : match.start()]
        qualifier = next((name for name, p in (("approx", lex.approx), ("nearly", lex.nearly), ("above", lex.above_bound),
                                                 ("below", lex.below_bound)) if rx(rf"(?:{p})\s*$").search(before)), None)
        unit_end = rx(rf"\s+(?:{lex.measure_units})").match(scope.text, match.end()).end()
        if qualifier is None and not rx(lex.reference_after).match(scope.text[unit_end:]):
            continue
        value = float(lex.number_words[match.group("word").lower()])
        percent = bool(rx(rf"\s+(?:{lex.percent_words})").match(scope.text, match.end()))
        extra.append(WrittenNumber(match.start(), unit_end, match.group("word"), value, value, 0, 1.0, False, percent, False,
                                   "percent" if percent else "plain", qualifier))
    return extra


def _fact_scale(fact: Fact, lex: Lexicon) -> float:
    """A fact in "ribu rupiah" is in thousands: the factor that turns it into plain rupiah."""
    unit = (fact.unit or "").lower()
    for word, factor in lex.multipliers.items():
        if unit.startswith(word):
            return factor
    return 1.0


def _reference_phrase_rx(verifier):
    """The phrases the language's catalogue names the reference with ("rata-rata rumah tangga", "angka nasional"),
    standing right before the number ("… (668.548 rupiah)", "… (Rp669 ribu)"): the brief's own words, not one more lexicon entry."""
    try:
        lang = load_language(verifier.lex.code, [verifier.languages_dir] if getattr(verifier, "languages_dir", None) else [])
        phrases = {lang.reference_phrase(verifier.facts)}
    except Exception:  # a lexicon without a catalogue (or facts without a dataset): the lexicon's words only
        return None
    phrases = sorted((p for p in phrases if p and p.strip()), key=len, reverse=True)
    if not phrases:
        return None
    alternatives = "|".join(re.escape(p.strip()).replace(r"\ ", r"\s+") for p in phrases)
    # "(668.548 rupiah)" or, as the drafter writes money, "(Rp669 ribu)": the currency sign may stand before the number;
    # or joined by the lexicon's `reference_value_joiner` ("… angka nasional (BPS) sebesar Rp11,9 juta": no bracket after a bracket)
    joiner = rf"|\s+(?:{verifier.lex.reference_value_joiner})" if "reference_value_joiner" in verifier.lex.words else ""
    return rx(rf"(?<![\w-])(?:{alternatives})(?:\s*\({joiner})\s*(?:{verifier.lex.currency_sign})?\s*$")


@register
class NumberChecker(RelationChecks, GapChecks, UnitGapChecks):
    kind = ClaimKind.NUMBER
    words = ("reference", "respectively", "ratio", "count_units", "cluster_units", "approx", "nearly", "above_bound", "below_bound",
             "percent_words", "currency_after", "currency_before", "currency_sign", "data_scope", "gap_cue", "range_cue",
             "reference_just_before", "reference_after", "subject_after", "all_clusters", "except_word", "foreign_units", "period_month", "period_year", "pair_words",
             "superlative_high", "superlative_low", "superlative_best", "superlative_worst", "direction_above", "direction_below",
             "compare_high", "compare_low", "compare_connector", "compare_filler", "quality_comparison", "gap_by", "gap_filler", "gap_object",
             "better", "worse", "comparison_lead")

    def __init__(self, verifier):
        self.v = verifier
        self.reference_rx = rx(verifier.lex.reference)
        self.month_rx, self.year_rx = rx(verifier.lex.period_month), rx(verifier.lex.period_year)
        lex = verifier.lex
        self.quality_rx = rx(lex.quality_comparison)
        self.relative_rx = rx(rf"\s*(?:(?:{lex.measure_units})\s+)?(?:(?P<high>{lex.compare_high})|(?P<low>{lex.compare_low}))\b\s+(?:(?:{lex.compare_connector}|{lex.compare_filler})\s+)*(?={lex.cluster_word}\b)")
        self.reference_phrase_rx = _reference_phrase_rx(verifier)
        self.unit_mean = UnitMeanPhrases(verifier)  # "rata-rata provinsi" beside a published reference (unit_mean.py)
        self.numeric = [f for f in verifier.facts.index.values() if isinstance(f.value, (int, float)) and not isinstance(f.value, bool)
                        and f.kind not in {"direction", "members"}]

    def check(self, scope: Scope) -> None:
        v = self.v
        respectively = bool(rx(v.lex.respectively).search(scope.text))
        found = find_numbers(scope, v.lex)
        found = sorted(found + number_words(scope, v.lex, found), key=lambda n: n.start)
        found = sorted(found + fraction_ratios(scope, v.lex, found, WrittenNumber), key=lambda n: n.start)  # "a third as much
        for number in found:
            counts = v.checks.get(ClaimKind.COUNT)  # counts.py reads numbers (thresholds): reached through the registry, not imported
            if counts is not None and counts.covers(scope, number.start):
                continue  # a count of members satisfying a condition, or its threshold: counts.py judges it
            clusters = subjects_at(scope, number.start)  # a cluster a comparison word governs is not the subject
            features = scope.features_for(number.start)
            anchor = scope.nearest_before(number.start)
            named_member = None
            if anchor is not None and anchor in scope.members and not subjects.in_unit_list(scope, anchor, number):
                named_member = anchor.value
            elif anchor is not None and anchor in scope.clusters:
                named_member = subjects.located_unit(scope, anchor, number, v.lex)
            if respectively:
                clusters, features, named_member = respective(scope, number, found, clusters, features, named_member)
            after = subjects.subject_after(scope, number, v.lex)
            if after is not None:  # "69,90 tahun di Klaster 4", "68,17 tahun di Papua"
                clusters, named_member = ((after.value,), None) if after in scope.clusters else (clusters, after.value)
            pair = subjects.paired(scope, number, found, v.lex)
            if pair is not None:
                clusters = (pair,)
            if named_member is None or named_member == AGGREGATE:
                named_member = subjects.superlative_member(scope, number, v.lex) or named_member
            if number.unit == "ratio":
                self.ratio(scope, number, features)
                continue
            if (self.between_clusters(scope, number, features) or self.relative_to_cluster(scope, number, comparison_subjects(scope, number), features)
                    or self.lead_or_lag(scope, number, features)):
                continue
            binding = bind(self, scope, number, clusters, features, named_member)
            if (named_member is not None and named_member != AGGREGATE and binding.how == "subject" and number.unit not in {"count", "clusters"}
                    and self.own_cluster_after(scope, number)):
                # "Papua … more than Rp1.5 million below its cluster's average": the unit's gap to its own cluster's mean
                self.unit_gap(scope, number, named_member, nearest_features(scope, number, features), "diff_pct" if number.percent else "diff")
                continue
            if (named_member is not None and named_member != AGGREGATE and binding.how == "subject" and binding.stat in {"diff", "diff_pct"}
                    and not any(f.member == named_member for f in binding.facts)):
                # "Papua … lebih dari 6 tahun di bawah angka nasional": the unit's gap, not its level nor every cluster's gap
                self.unit_gap(scope, number, named_member, nearest_features(scope, number, features), binding.stat)
                continue
            if binding.ambiguous and binding.how != "bound":  # one bound for every cluster named is no list of values
                binding = in_list_order(scope, number, found, binding)
            if binding.ambiguous and binding.stat == EITHER_MEAN_OR_DIFF:
                binding = self.either_statistic(number, binding)
            if binding.ambiguous and number.qualifier in {"above", "below"} and self.bound_for_each(scope, number, binding):
                continue
            quantified = subjects.quantified_clusters(scope, number, v.lex, v.facts.k) if binding.how == "subject" else None
            if quantified and len(quantified) > 1:
                self.judge_every(scope, number, quantified, features)
                continue
            if (named_member is not None and named_member != AGGREGATE and binding.how == "subject" and number.unit not in {"count", "clusters"}
                    and not (binding.stat == "reference" and reference_just_before(scope, number, v.lex))
                    and not any(f.member == named_member for f in binding.facts)):
                v.unit_number(scope, number, named_member, nearest_features(scope, number, features))
                continue
            counts = v.checks.get(ClaimKind.COUNT)
            if counts is not None and not binding.ambiguous and counts.member_bound(scope, number, binding):
                continue  # "All provinces in Cluster 4 … below IDR 11 million": every member, not the mean (counts.py)
            self.judge(scope, number, binding, clusters, features)

    def bound_for_each(self, scope: Scope, number: WrittenNumber, binding) -> bool:
        """"Klaster 2 dan Klaster 4 tidak stabil karena Jaccard-nya di bawah 0,60": a bound stated for several clusters
        at once holds when it holds for each of them (one fact per cluster, of one kind and indicator)."""
        facts = binding.facts
        clusters = [f.cluster for f in facts]
        if scope.members and not scope.clusters:
            return False  # "Jakarta's lead over Yogyakarta … widens to more than Rp4.5 million": about units, not a bound for each cluster
        if None in clusters or len(set(clusters)) != len(clusters) or len({(f.kind, f.feature) for f in facts}) != 1:
            return False
        failing = [f for f in facts if not self.equal(number, f)]
        fact = failing[0] if failing else facts[0]
        self.v.claim(scope, ClaimKind.NUMBER, number.written, tuple(clusters), (), fact, Verdict.FALSE if failing else Verdict.TRUE,
                     self.v.say("every_cluster", clusters=", ".join(str(c) for c in clusters)) + ("; " + self.v.say("fails_for", fact=fact.id) if failing else ""))
        return True

    def either_statistic(self, number: WrittenNumber, binding):
        """A number the text leaves open between the mean and the gap of one subject and attribute: the one it agrees
        with (else the mean, so the claim is false against the subject's own level)."""
        identities = {(f.cluster, f.feature, f.member) for f in binding.facts}
        if len(identities) != 1:
            return binding
        chosen = next((f for f in binding.facts if self.equal(number, f)), None) or next((f for f in binding.facts if f.kind == "mean"), binding.facts[0])
        return type(binding)((chosen,), binding.how, chosen.kind)

    def judge_every(self, scope: Scope, number: WrittenNumber, clusters: tuple[int, ...], features) -> None:
        """"Semua klaster kecuali Klaster 4 … di atas 8 tahun": true only when it holds for each cluster."""
        bindings = [bind(self, scope, number, (c,), features, None) for c in clusters]
        if any(b.fact is None for b in bindings):
            self.v.claim(scope, ClaimKind.NUMBER, number.written, clusters, features, None, Verdict.UNVERIFIABLE,
                         self.v.say("not_bound_every_cluster"))
            return
        failing = [b.fact for b in bindings if not self.equal(number, b.fact)]
        fact = failing[0] if failing else bindings[0].fact
        self.v.claim(scope, ClaimKind.NUMBER, number.written, clusters, features, fact, Verdict.FALSE if failing else Verdict.TRUE,
                     self.v.say("every_cluster", clusters=", ".join(str(c) for c in clusters)) + ("; " + self.v.say("fails_for", fact=fact.id) if failing else ""))

    def reference_before(self, scope: Scope, number: WrittenNumber, window: int = 50) -> bool:
        start, _ = scope.clause(number.start)
        # searched in the whole text (not up to the number), so "rata-rata" + end of text cannot match before a number
        # "above the provincial average on expected schooling (13.77 …)": a comparison about an indicator, not the reference
        # ("roughly at the national level on life expectancy (74.1 years)": a level stated beside the reference, too)
        equal = f"|{self.v.lex.direction_equal}" if "direction_equal" in self.v.lex.words else ""
        compared = rx(rf"(?:{self.v.lex.direction_above}|{self.v.lex.direction_below}{equal})\s+(?:(?:{self.v.lex.article})\s+)?$")

        def comparison(m) -> bool:
            return bool(compared.search(scope.text, max(0, m.start() - 25), m.start())) and any(m.end() <= f.start < number.start for f in scope.features)

        def earlier_statement(m) -> bool:  # "… below the provincial average, and per capita expenditure is around Rp9 million"
            comma = re.search(r"[,;]", scope.text[m.end() : number.start])  # ("…, and the cluster's mean of about 12.8 years")
            return bool(comma) and any(m.end() + comma.start() < f.start < number.start for f in scope.features + scope.clusters)

        return any(m.end() <= number.start and not comparison(m) and not earlier_statement(m)
                   for m in self.reference_rx.finditer(scope.text, max(start, number.start - window)) if m.start() < number.start)

    def stat_cue(self, scope: Scope, number: WrittenNumber) -> str | None:
        start, _ = scope.clause(number.start)
        before = scope.text[max(start, number.start - 60) : number.start]
        for pattern, kind in self.v.lex.stat_words:
            # a gap may be named before the comparison that opens the number's clause ("the shortfall | against the
            # national figure is over 5 years"): its phrase, anchored at the number, is read across that clause mark
            if rx(pattern).search(scope.text[max(0, number.start - 80) : number.start] if kind == "diff" else before):
                return kind
        cue = next((m for m in rx(rf"\b(?:{self.v.lex.range_cue})\b").finditer(scope.text, start) if m.end() <= number.start), None)
        _, end = scope.clause(number.start)
        subjects_named = {m.value for m in scope.clusters + scope.members if start <= m.start < end and m.value != AGGREGATE}
        # "berkisar Rp9 juta" (one number) is "about", not a range: a range has its two ends in the clause
        two_ends = len(re.findall(r"\d+(?:[.,]\d+)*", scope.masked[cue.end() : end])) >= 2 if cue else False
        if cue and two_ends and len(subjects_named) < 2:  # "dari 69,90 di Klaster 4 hingga 75,10 di Klaster 1": two means, not a range
            between = scope.masked[cue.end() : number.start]
            return "max" if re.search(r"\d", between) else "min"
        return None

    def equal(self, number: WrittenNumber, fact: Fact, *, exact: bool = False) -> bool:
        """Does the written number agree with its fact? Precision is what the digits imply (see docs/verification.md):
        exact = within half a unit of the last written digit; "sekitar" = the same (its trailing zeros are rounding too); "hampir" = below and within
        one unit; "lebih dari"/"kurang dari" = strict bounds. A multiplier or currency must match the fact's scale."""
        tolerance = self.v.tolerance
        unit_of_last_digit = 10 ** (-number.decimals) * number.multiplier
        # the fact as the brief shows it (75,096 is "75,10"): "hampir 75,1" is not below it, "lebih dari 75,10" not above it
        value = round(float(fact.value), fact.decimals) if isinstance(fact.decimals, int) and fact.decimals >= 0 else float(fact.value)
        if number.qualifier in {None, "approx"} and isinstance(fact.decimals, int) and number.decimals < fact.decimals and number.multiplier == 1.0:
            # fewer digits than the fact: the rounding of the value itself, not of its shown text (74,148 is "74,15" but "74,1")
            value = float(fact.value)
        scale = _fact_scale(fact, self.v.lex) if (number.multiplier != 1.0 or number.money) else 1.0
        if number.qualifier in {None, "approx"} and isinstance(fact.decimals, int) and fact.decimals >= 0 \
                and unit_of_last_digit < 10 ** (-fact.decimals) * scale - 1e-12:
            # more digits than the brief shows ("0,97 %" where it shows "-1,0 %", "11.783,5 ribu" for "11.784"): the text
            # quotes the value itself, so it is read against the value, not against the rounding of its shown text
            value = float(fact.value)
        if not number.signed and fact.kind in {"diff", "diff_pct", "diff_umean", "diff_pct_umean", "umean_diff_ref", "z"}:
            value = abs(value)
        target = round(value * scale, 12)
        written = number.value
        qualifier = None if exact else number.qualifier
        if qualifier == "approx":  # the precision the digits imply: "sekitar 12 juta" is 11,5–12,5 juta, so 11,47 juta is not
            return abs(target - written) <= 0.5 * unit_of_last_digit + tolerance
        if qualifier == "nearly":  # below, and close: within one unit of the last digit, at most a tenth of N ("hampir 2 kali lipat" is 1,8–2)
            reach = min(unit_of_last_digit, 0.1 * abs(written)) if written else unit_of_last_digit
            return written - reach - tolerance <= target < written - tolerance
        if qualifier == "above":
            return target > written
        if qualifier == "below":
            return target < written
        return abs(target - written) <= 0.5 * unit_of_last_digit + tolerance

    def judge(self, scope: Scope, number: WrittenNumber, binding, clusters, features) -> None:
        v = self.v
        reading = self.reading(number)
        if not binding.facts:
            why = v.say("about_absent", about=repr(binding.about)) if binding.about else v.say("bound_to_nothing")
            v.claim(scope, ClaimKind.NUMBER, number.written, clusters, features, None, Verdict.UNVERIFIABLE,
                    why + (f"; {reading}" if reading else ""))
            return
        if binding.ambiguous:
            ids = ", ".join(f.id for f in binding.facts[:4])
            v.claim(scope, ClaimKind.NUMBER, number.written, clusters, features, None, Verdict.UNVERIFIABLE,
                    v.say("ambiguous", facts=ids + (", …" if len(binding.facts) > 4 else "")))
            return
        fact = binding.fact
        unit_word = rx(rf"\s*(?:{v.lex.foreign_units})\b").match(scope.text, number.end)
        if unit_word and not (fact.unit or "").lower().startswith(unit_word.group(0).strip().lower()):
            v.claim(scope, ClaimKind.NUMBER, number.written, clusters, features, fact, Verdict.FALSE,
                    v.say("wrong_unit", written=repr(unit_word.group(0).strip()), fact=fact.id, unit=fact.unit or "–"))
            return
        if number.money and abs(number.value) >= 1e9 and "/" in (fact.unit or "") \
                and not ("per_unit_after" in v.lex.words and rx(rf"^\s*(?:{v.lex.per_unit_after})\b").match(scope.text[number.end : number.end + 30])):
            # "alokasi KUR sebesar Rp2,5 triliun": a total in billions is a budget, never a per-person figure ("…/orang/tahun")
            v.claim(scope, ClaimKind.NUMBER, number.written, clusters, features, None, Verdict.UNVERIFIABLE,
                    v.say("total_not_per_unit", fact=fact.id, unit=fact.unit))
            return
        period = self.wrong_period(scope, number, fact)
        if period:
            v.claim(scope, ClaimKind.NUMBER, number.written, clusters, features, fact, Verdict.FALSE,
                    v.say("wrong_period", written=repr(period), fact=fact.id, unit=fact.unit))
            return
        if fact.kind in {"diff", "diff_pct", "diff_umean", "diff_pct_umean", "umean_diff_ref"} and not number.signed and not self.sign_agrees(scope, number, float(fact.value)):
            v.claim(scope, ClaimKind.NUMBER, number.written, clusters, features, fact, Verdict.FALSE,
                    v.say("reversed_fact", fact=fact.id, value=fact.text))
            return
        # a method concept quoted with its bound ("di bawah 0,60", "tidak lebih dari 1,0 %") states the threshold itself
        exact = binding.how == "concept" and fact.kind in DEFINITIONS
        ok = self.equal(number, fact, exact=exact)
        why = v.say("bound_to", how=binding.how, fact=fact.id) + (f"; {reading}" if reading else "")
        v.claim(scope, ClaimKind.NUMBER, number.written, clusters, features, fact, Verdict.TRUE if ok else Verdict.FALSE, why)  # true or not: why this fact

    def wrong_period(self, scope, number, fact) -> str | None:
        """The period written after a figure ("Rp15,4 juta per bulan", "IDR 15.4 million a month") when the fact is per
        another one (its unit "ribu rupiah/orang/tahun"): a monthly figure is not a yearly one."""
        unit = fact.unit or ""
        fact_month, fact_year = bool(self.month_rx.search(unit)), bool(self.year_rx.search(unit))
        if fact_month == fact_year:
            return None
        window = scope.text[number.end : number.end + 40]
        window = re.split(r"[,;:()]", window, maxsplit=1)[0]
        written = self.month_rx.search(window) if fact_year else self.year_rx.search(window)
        return written.group(0).strip() if written else None

    def sign_agrees(self, scope: Scope, number: WrittenNumber, value: float) -> bool:
        """"2,7 % di bawah rata-rata" for a difference of +2,7 %: the size is right, the direction is not."""
        start, end = scope.clause(number.start)
        after = scope.text[number.end : min(end, number.end + 30)]
        above = rx(rf"^\s*(?:\S+\s+){{0,2}}?(?:{self.v.lex.direction_above})").search(after)
        below = rx(rf"^\s*(?:\S+\s+){{0,2}}?(?:{self.v.lex.direction_below})").search(after)
        if not (above or below):  # "lebih rendah sekitar 1 tahun dari rata-rata provinsi": the direction before the number
            before = scope.text[start : number.start]
            lex = self.v.lex
            if rx(rf"\b(?:{lex.gap_cue})\b").search(scope.text, max(0, number.start - 80), number.start) and rx(rf"(?:{lex.above_bound}|{lex.below_bound})\s+(?:(?:{lex.approx})\s+)?$").search(before):
                return True  # "the gap to the national figure exceeds 4 years": a bound on the gap's size, not its direction
            lead = rf"\s+(?:(?:{self.v.lex.approx})\s+)?$"
            above = rx(rf"(?:{self.v.lex.direction_above}){lead}").search(before)
            below = rx(rf"(?:{self.v.lex.direction_below}){lead}").search(before)
        if above and not below:
            return value >= 0
        if below and not above:
            return value <= 0
        return True

    def reading(self, number: WrittenNumber) -> str:
        """How the number was read, when a multiplier or a currency changed it ("dibaca sebagai sekitar 15376000 rupiah")."""
        if number.multiplier == 1.0 and not number.money:
            return ""
        say = self.v.say
        qualifier = say(f"qualifier_{number.qualifier}") + " " if number.qualifier in {"approx", "above", "below", "nearly"} else ""
        return say("read_as", value=qualifier + format_number(number.value, 0) + (" " + say("rupiah") if number.money else ""))


# kinds of fact that a sentence states as a definition, bound word included ("Jaccard di bawah 0,60")
DEFINITIONS = {"threshold", "threshold_pct", "tolerance_pct", "seed", "n_init", "B", "count"}
