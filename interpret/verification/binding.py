"""Which fact a written number is about: its subject, attribute and statistic, never its value.

A number is bound before it is compared. The binding reads, in order:

1. a table row keyed by k (the k-selection panel): the cell's column names the index, the row's k
   the candidate: "0,769 ± 0,087" in the row k = 2 is KSEL.k2.gap and KSEL.k2.gap_se;
2. a method concept named next to the number (lexicon [concepts]: "benih 42" → RUN.seed,
   "200 inisialisasi" → RUN.n_init, "setara … 1,0 %" → METHOD.tolerance_pct, "|r| > 0,80" →
   ASSUME.r_threshold): the nearest phrase in the clause wins; a concept key may hold "*" (any
   cluster, unit or indicator), narrowed by the claim's own cluster, unit and indicator;
3. otherwise the subject (the cluster or unit the clause names, the reference), the attribute (the
   indicator named nearest the number) and the statistic (a table header, a statistic word, a
   percentage = the % difference, a reference cue, else the mean).

The result is the facts of that one identity (normally one). Nothing here looks at the value:
`NumberChecker` then compares the number with its bound fact, so a number that happens to equal
some other fact is never "benar" by coincidence; a number that binds to nothing is unverifiable.
A number about a concept the data do not hold binds to nothing (foreign.py, split from this module).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..facts import Fact
from .lexicon import rx
from .scope import AGGREGATE
from .subjects import within_cluster_extreme
from .households import household_binding
from .parts import parts_binding
from .jaccard_bounds import bounded_jaccards
from .unit_mean import unit_mean_binding
from .foreign import foreign_concept, foreign_noun_after

FEATURE_STATS = {"mean", "median", "min", "max", "sd", "diff", "diff_pct", "z", "rank", "reference", "kmo"}
PANEL_STATS = {"k", "wss", "silhouette", "gap", "gap_se", "dbi", "ch", "connectivity"}
EITHER_MEAN_OR_DIFF = "mean|diff"  # a statistic the text leaves open between two facts of one subject and attribute
_WINDOW = 45  # how far (characters) a concept phrase may stand from its number
_AFTER_PENALTY = 20  # "silhouette 0,289" before "1,197 ± 0,104": a phrase after the number counts as this much farther


@dataclass(frozen=True)
class Binding:
    facts: tuple[Fact, ...]  # the facts of the bound identity; empty: the number binds to nothing
    how: str  # "table", "concept", "subject", "bound" (one bound said of each cluster: jaccard_bounds.py)
    stat: str | None = None
    ambiguous: bool = False  # several identities fit: the text does not say which one
    about: str | None = None  # how="foreign": the concept the number is about, which the data do not hold

    @property
    def fact(self) -> Fact | None:
        return self.facts[0] if len(self.facts) == 1 else None


def _compatible(number, fact: Fact) -> bool:
    """A percentage binds only to a percentage fact, a count or plain number never to one."""
    return number.percent == (fact.unit == "%")


def concept_binding(checker, scope, number, clusters, features, member) -> Binding | None:
    """The method concept named nearest the number in its clause, if any (lexicon [concepts])."""
    start, end = scope.clause(number.start)
    text = _without_unit_names(scope)
    best: tuple[int, int, list[Fact]] | None = None
    panel_k = _panel_k(scope, number, start, end, checker.v.lex)
    is_k_value = bool(re.search(r"\bk\s*=\s*$", scope.text[start : number.start]))  # "k = 4" is a k, not the index named after it
    if is_k_value and float(number.number).is_integer():  # "K-means (Euclidean, k = 3)": a row of the method comparison
        rows = compared_facts(checker, scope.text[start:end], int(number.number), "k")
        if rows:
            return Binding(tuple(rows[:1]), "concept", "k")
    for order, (entry, pattern) in enumerate(checker.v.lex.concepts.items()):
        key = entry.split("#", 1)[0]  # "STAB.stable_jaccard#after": a second phrase for one fact (lexicon keys are unique)
        if ".k*" in key:  # "pada k = 4, silhouette 0,289": the panel's value at the k the clause names
            k_here = panel_k
            if k_here is None and rx(rf"(?:{pattern})(?:\s*(?:{_INDEX_FILLER}))*\s*$").search(text, start, number.start):
                k_here = _final_k(checker, key)  # "koefisien silhouette 0,32", "a silhouette score of 0.32": the chosen model's
            fact = checker.v.facts.index.get(key.replace("k*", f"k{k_here}")) if k_here is not None else None
            facts = [fact] if fact else []
            if key.startswith("KSEL.") and panel_k is not None:  # "Ward (Euclidean, k = 4): silhouette 0,312": the comparison's row
                facts = compared_facts(checker, scope.text, panel_k, key.rsplit(".", 1)[1]) or facts
        else:
            facts = _concept_facts(checker.v, key, clusters, features, member)
        if not facts and "*" not in key and key not in checker.v.facts.index:
            # a method parameter this run does not have ("pada sampel acak 2.000" when nothing was sampled): the phrase
            # still names what the number is about, so no farther concept (the seed) may claim it
            if not pattern.startswith("^") and rx(rf"(?:{pattern})\s*$").search(text, start, number.start) and (best is None or (0, order) < best[:2]):
                best = (0, order, [])
            continue
        facts = [f for f in facts if _compatible(number, f) and (f.kind == "k" or not is_k_value)]
        if not facts:
            continue
        if pattern.startswith("^"):  # a phrase that must follow the number ("2 dari 6 indeks")
            match = rx(pattern[1:]).match(scope.text, number.end, end)
            if match and (best is None or (0, order) < best[:2]):
                best = (0, order, facts)
            continue
        # a phrase ending right before the number, even inside a longer match ("terbagi antara k = 2 dan k = 8")
        if rx(rf"(?:{pattern})\s*$").search(text, start, number.start) and (best is None or (0, order) < best[:2]):
            best = (0, order, facts)
        for match in rx(pattern).finditer(text, start, end):
            if match.end() <= number.start:
                distance = number.start - match.end()
                if distance <= _WINDOW and re.search(r"\d", scope.text[match.end() : number.start]):
                    # "benih (seed) 42 dan 100 kali inisialisasi": the phrase has its own number before this one, so
                    # it names this one no sooner than a phrase after it does (the window is the phrase's own reach)
                    distance = _WINDOW
            elif match.start() >= number.end and not re.search(r"[,;:()]", scope.text[number.end : match.start()]):
                distance = match.start() - number.end + _AFTER_PENALTY  # a phrase before the number names it first
            else:
                continue
            if distance <= _WINDOW and (best is None or (distance, order) < best[:2]):
                best = (distance, order, facts)
    if best is None and clusters and re.search(r"\(\s*$", scope.text[start : number.start]):
        # "Klaster 3 stabil (Jaccard 0,77), …, sedangkan Klaster 2 (0,52) dan Klaster 4 (0,58) tidak stabil": a bracketed
        # value after a cluster, in a sentence that named a per-cluster concept before it, is that concept's value
        for order, (entry, pattern) in enumerate(checker.v.lex.concepts.items()):
            key = entry.split("#", 1)[0]
            if "*" in key and ".k*" not in key and rx(pattern).search(text, 0, number.start):
                facts = [f for f in _concept_facts(checker.v, key, clusters, features, member) if _compatible(number, f)]
                if facts:
                    best = (_WINDOW, order, facts)
                    break
    if best is None:
        return None
    if not best[2]:
        return Binding((), "concept")
    return Binding(tuple(best[2]), "concept", best[2][0].kind, ambiguous=len(best[2]) > 1)


def _without_unit_names(scope) -> str:
    """The sentence with the units' names blanked (same length): a method phrase inside a name ("Wilayah CH", a unit
    called after the Calinski-Harabasz index) is data, never the concept its letters spell."""
    if not scope.members:
        return scope.text
    text = list(scope.text)
    for member in scope.members:
        text[member.start : member.end] = " " * (member.end - member.start)
    return "".join(text)


def _panel_k(scope, number, start: int, end: int, lex=None) -> int | None:
    """The k the clause names: "64,3 pada tiga klaster", "0.316 at 3 clusters" right after the number, else "k = 4",
    the one nearest before the number first."""
    if lex is not None and "k_after" in lex.words:
        words = "|".join(sorted(map(re.escape, lex.number_words), key=len, reverse=True))
        after = rx(rf"\s*(?:{lex.k_after})\s+(?P<k>\d{{1,2}}{'|' + words if words else ''})\s+(?:{lex.cluster_units})\b").match(scope.text, number.end, end)
        if after:
            k = after.group("k")
            return int(k) if k.isdigit() else int(lex.number_words[k.lower()])
    found = [(m.start(), int(m.group(1))) for m in re.finditer(r"\bk\s*=\s*(\d{1,2})\b", scope.text[start:end])]
    before = [k for pos, k in found if start + pos < number.start]
    return before[-1] if before else (found[0][1] if found else None)


# the indices of a clustering that a text quotes for the chosen model without naming its k ("koefisien silhouette
# 0,32"): the run's own k. Not the gap statistic or its "±" (words a text uses for other things: "a gap of 1.6 years")
_FINAL_MODEL_INDICES = {"silhouette", "dbi", "ch", "connectivity", "wss"}


_INDEX_FILLER = r"score|coefficient|index|value|koefisien|skor|indeks|nilai|of|is|was|sebesar|adalah|yaitu|hanya|only|[=:]"


def _final_k(checker, key: str) -> int | None:
    if not key.startswith("KSEL.") or key.rsplit(".", 1)[1] not in _FINAL_MODEL_INDICES:
        return None
    run_k = checker.v.facts.index.get("RUN.k")
    return int(run_k.value) if run_k is not None else None


def _concept_facts(verifier, key: str, clusters, features, member) -> list[Fact]:
    index = verifier.facts.index
    if "*" not in key:
        return [index[key]] if key in index else []
    facts = verifier.wildcard_matches.get(key)
    if facts is None:  # the same for every claim: matched once per verifier (this was most of the verifier's time at k = 10)
        pattern = re.compile("^" + re.escape(key).replace(r"\*", "[^.]+(?:\\.[^.]+)*?") + "$")
        facts = verifier.wildcard_matches[key] = [f for f in index.values() if pattern.match(f.id)]
    facts = list(facts)
    if member is not None:
        facts = [f for f in facts if f.member is None or f.member == member]
    if clusters:
        facts = [f for f in facts if f.cluster is None or f.cluster in clusters]
    if features:
        facts = [f for f in facts if f.feature is None or f.feature in features]
    return facts


def panel_binding(checker, scope, number) -> Binding | None:
    """A cell of the k-selection panel: its row's k and its column's index."""
    if scope.row_key is None or scope.stat not in PANEL_STATS:
        return None
    stat = scope.stat
    if stat == "gap" and re.search(r"±\s*$", scope.text[: number.start]):
        stat = "gap_se"
    # a row of the method comparison names its method and distance ("K-medoids | Euclidean | 3 | 0,299 …"): CMP facts
    compared = compared_facts(checker, scope.shown, scope.row_key, stat)
    if compared:
        return Binding(tuple(compared), "table", stat, ambiguous=len(compared) > 1)
    fact = checker.v.facts.index.get(f"KSEL.k{scope.row_key}.{stat}")
    return Binding((fact,) if fact else (), "table", stat)


def compared_facts(checker, text: str, k: int, stat: str) -> list[Fact]:
    """The method comparison's facts (CMP.<method>.<metric>.k<k>.<stat>) of the method and distance the text names."""
    plain = re.sub(r"[^a-z0-9]", "", text.lower())
    return [f for f in checker.v.facts.index.values() if f.id.startswith("CMP.") and f.id.endswith(f".k{k}.{stat}")
            and all(part in plain for part in f.id.split(".")[1:3])]


def statistic(checker, scope, number) -> str:
    """The statistic the number states: the table's column, a statistic word, else what its form implies."""
    if scope.stat:
        return scope.stat
    paired = _paired_with_reference(checker, scope, number)
    if paired:
        return paired
    if number.unit == "clusters" and re.search(r"\bk\s*=\s*$", scope.text[scope.clause(number.start)[0] : number.start]):
        return "k"  # "on z-score standardised indicators, using k = 4": the value after "k =" is a k, whatever statistic is named before it
    cue = checker.stat_cue(scope, number)
    if cue:
        return cue
    lex = checker.v.lex
    if number.unit not in {"count", "clusters", "year"} and rx(rf"^[\s-]*(?:(?:{lex.measure_units}|{lex.currency_after})[\s-]+)?(?:{lex.gap_cue})\b").match(scope.text[number.end : number.end + 40]):
        return "diff_pct" if number.percent else "diff"  # "its 4.0-year gap to the national average", "the Rp2.9 million gap"
    if number.signed and not number.percent and number.unit not in {"count", "clusters", "year"} and not _levels_can_be_negative(checker, scope, number):
        return "diff"  # "setara (+0,29 tahun)", "against the national figure: −IDR 2.9 million": a level is never signed, a difference is
    extreme = within_cluster_extreme(scope, number, checker.v.lex)
    if extreme and not scope.members:
        return extreme
    if number.unit == "count":
        return "size"
    if number.unit == "clusters":
        return "k"
    if number.unit == "year":
        return "year"
    lex = checker.v.lex
    start, end = scope.clause(number.start)
    if number.points and _percent_feature(checker, scope, start, end):
        return "diff"  # "7,0 poin persen di atas rata-rata": two shares' difference in points is the absolute gap, not the relative one
    if number.percent and not (_percent_feature(checker, scope, start, end) and not rx(lex.reference_after).match(scope.text[number.end : end])):
        return "diff_pct"  # a percentage is the gap, unless its indicator is itself in % ("pangsa makanan 40,8 %")
    if reference_just_before(scope, number, lex):  # "di atas rata-rata 8,93 tahun"
        return "reference"
    if "reference_adverb_after" in lex.words and rx(lex.reference_adverb_after).match(scope.text[number.end : end]):
        return "reference"  # "74.15 years against 73.93 nationally", "73,93 tahun secara nasional"
    if checker.reference_phrase_rx and checker.reference_phrase_rx.search(scope.text[start : number.start]):
        return "reference"  # "di bawah rata-rata rumah tangga (668.548 rupiah)": the phrase the brief names its reference with
    if rx(lex.reference_after).match(scope.text[number.end : end]):  # "1,3 tahun di atas rata-rata provinsi"
        return "diff"
    if "reference_elided_after" in lex.words and rx(lex.reference_elided_after).match(scope.text[number.end :]) \
            and rx(lex.reference).search(scope.text, 0, number.start):
        return "diff"  # "Against the national average it is 0.14 years below", "… while Cluster 2 is 1,156 thousand rupiah below it"
    # "unggul sekitar 1,3 tahun dalam RLS dibandingkan rata-rata provinsi", "lags 3.2 years behind … the average": a lead
    # or a lag stated before the number and the reference it is measured from later in the clause
    lead = rx(rf"(?:{lex.better}|{lex.worse})\s+(?:(?:{lex.approx}|{lex.above_bound}|{lex.below_bound})\s+)?$")  # not "di atas 75 tahun": a bound
    if lead.search(scope.text, start, number.start) and rx(rf"(?:{lex.reference_connector}|{lex.compare_connector})\s+(?:(?:{lex.article})\s+)?(?:{lex.reference})").search(scope.text, number.end, scope.clause(end)[1] if end < len(scope.text) else end):
        return "diff"  # the reference may stand after a comparison word that opens the next clause ("dibandingkan …")
    if lead.search(scope.text, start, number.start) and not any(number.end <= m.start < end for m in scope.clusters + scope.members):
        return "diff"  # "UHH-nya memang tertinggal sekitar 3,2 tahun", "lags by 1.6 years": measured from nothing else, the reference
    if "gap_by" in lex.words and rx(rf"(?:{lex.better}|{lex.worse}|{lex.direction_above}|{lex.direction_below})\s+(?:(?:{lex.compare_connector})\s+)?(?:(?:{lex.article})\s+)?(?:{lex.reference})\s+(?:(?:\(\w+\)\s*)?(?:(?:{lex.reference_value_joiner})\s+)?(?:{lex.currency_sign})?\s*\d[\d.,]*\s*(?:{lex.measure_units})?\s+)?(?:(?:{lex.quality_preposition})\s+)?(?:{lex.gap_by})\s+(?:(?:{lex.approx}|{lex.above_bound}|{lex.below_bound}|{lex.nearly})\s+)?$").search(scope.masked, start, number.start):
        return "diff"  # "leads the provincial average by about 1,3 years", "trails the national 73.93 by 1.6 years", "tertinggal dari rata-rata provinsi sekitar 3,2 tahun"
    if rx(rf"(?:{lex.direction_above}|{lex.direction_below}|{lex.better}|{lex.worse})\s+(?:(?:{lex.compare_connector})\s+)?(?:(?:{lex.article})\s+)?(?:{lex.reference})[^\d,;.()]{{0,40}},\s*(?:{lex.approx}|{lex.above_bound}|{lex.below_bound})\s+$").search(scope.text, start, number.start):
        # "Klaster 3 berada sedikit di atas rata-rata provinsi dalam indikator ini, sekitar 1 tahun": the size of that lead,
        # or the level said again ("… above the national figure, about 74 years"): the grammar leaves both open
        return EITHER_MEAN_OR_DIFF
    if "appositive_or" in lex.words:  # "1,2 juta rupiah atau 10 % di bawah rata-rata": both numbers state the gap
        alternative = rx(rf"^\s*,?\s*(?:{lex.appositive_or})\s+(?:(?:{lex.approx})\s+)?[+\-−]?\d[\d.,]*\s*(?:{lex.percent_words})?\s*,?").match(scope.text[number.end : end])
        if alternative and rx(lex.reference_after).match(scope.text[number.end + alternative.end() : end]):
            # "Rp9 juta, atau 21,5 % di bawah rata-rata" states the mean, "1,2 juta rupiah atau 10 % di bawah" the gap:
            # the grammar does not say which, so both facts of that subject and attribute are candidates
            return EITHER_MEAN_OR_DIFF
    if checker.reference_before(scope, number):
        return "reference"
    if not scope.clusters and not scope.default_clusters and checker.reference_rx.search(scope.text):
        return "reference"  # "Rata-rata provinsi untuk UHH 73,13 tahun, sedangkan HLS 13,30 tahun": no cluster in sight
    return "mean"


def reference_just_before(scope, number, lex) -> bool:
    """"… melampaui rata-rata nasional 8,77 tahun", "exceed the national 8.77 years": the reference named right before the
    number, in its clause; the number is the reference's value (numbers.py lets it outrank a unit named earlier)."""
    start, _ = scope.clause(number.start)
    return bool(rx(lex.reference_just_before).search(scope.text[start : number.start]))


def _levels_can_be_negative(checker, scope, number) -> bool:
    """Whether a level of the clause's indicators (all of them when it names none) may be below zero, as a standardised
    score or a balance can: then "-0,15" in a table cell or after "rata-rata" is a level, not a difference."""
    start, end = scope.clause(number.start)
    named = {m.value for m in scope.features if start <= m.start < end} or {f.name for f in checker.v.facts.features}
    return any(c.features[name].min is not None and c.features[name].min < 0
               for c in checker.v.facts.clusters for name in named if name in c.features)


def _paired_with_reference(checker, scope, number) -> str | None:
    """"setara dengan angka nasional … (74,15 tahun dibanding 73,93 tahun)", "(74.15 versus 73.93 years)": two numbers set
    side by side after a reference named with one subject: the first is the subject's, the second the reference's."""
    lex = checker.v.lex
    if "pair_value_words" not in lex.words or len({m.value for m in scope.clusters + scope.members}) > 1:
        return None
    pair = rf"(?:{lex.pair_value_words})"
    unit = rf"(?:\s*(?:{lex.measure_units}))?"
    after = rx(rf"^{unit}\s+{pair}\s+(?:(?:{lex.currency_sign})\s*)?\d").match(scope.text[number.end :])
    before = rx(rf"\d[\d.,]*{unit}\s+{pair}\s+(?:(?:{lex.currency_sign})\s*)?$").search(scope.text, max(0, number.start - 40), number.start)
    if not (after or before) or not rx(lex.reference).search(scope.text, 0, number.start):
        return None
    return "mean" if after else "reference"


def _percent_feature(checker, scope, start: int, end: int) -> bool:
    """The clause names an indicator measured in % (a share): its percentages may be its values."""
    percent = {f.name for f in checker.v.facts.features if f.unit == "%"}
    return bool(percent) and any(m.value in percent and start <= m.start < end for m in scope.features)


def nearest_features(scope, number, features) -> tuple[str, ...]:
    """Of the indicators of the clause, the one named nearest before the number (else nearest after)."""
    if len(features) <= 1:
        return tuple(features)
    start, end = scope.clause(number.start)
    named = [m for m in scope.features if start <= m.start < end and m.value in features]
    before = [m for m in named if m.end <= number.start]
    after = [m for m in named if m.start >= number.end]
    if not (before or after):
        return tuple(features)
    nearest = before[-1] if before else after[0]
    # a dimension word ("pendidikan") names several indicators at one place: all of them
    return tuple(dict.fromkeys(m.value for m in named if m.start == nearest.start))


def subject_binding(checker, scope, number, clusters, features, member) -> Binding:
    """The facts of the clause's subject, attribute and statistic."""
    stat = statistic(checker, scope, number)
    index = checker.v.facts.index
    if member == AGGREGATE:  # "Indonesia 73,13 tahun": the national figure is the reference
        member, stat = None, ("reference" if stat == "mean" else stat)
    if stat == "size":
        if clusters:
            facts = [index[f"K{c}.size"] for c in clusters if f"K{c}.size" in index]
            total = index.get("DATA.n_units")
            if len(facts) == 1 and total is not None and "count_of" in checker.v.lex.words and not checker.equal(number, facts[0]) \
                    and rx(rf"\b(?:{checker.v.lex.count_of})\s+(?:(?:{checker.v.lex.count_of_determiner})\s+)?$").search(scope.text, max(0, number.start - 20), number.start) \
                    and checker.equal(number, total):
                return Binding((total,), "subject", stat)  # "Cluster 3 holds 14 of the 34 provinces": the whole, not the cluster
            return Binding(tuple(facts), "subject", stat, ambiguous=len(facts) > 1)
        fact = index.get("DATA.n_units")
        return Binding((fact,) if fact else (), "subject", stat)
    if stat == "k":
        fact = index.get("RUN.k")
        return Binding((fact,) if fact else (), "subject", stat)
    if stat == "year":
        # a year is the data's year only when the sentence speaks of the data ("tahun 2023" of the source, the
        # title's indicator); "ditargetkan 5 % pada 2025" is about something else
        fact = index.get("DATA.year")
        title = re.split(r"\s*\d", checker.v.facts.dataset.title or "")[0].strip()
        about_data = rx(checker.v.lex.data_scope).search(scope.text) or scope.features or (title and title.lower() in scope.text.lower())
        return Binding((fact,) if fact and about_data else (), "subject", stat)
    if stat == "r":  # "Pengeluaran … dan Luas lantai … (r = +0,90)": the pair the clause names last, in either order
        pair = _named_pair(scope, number)
        facts = [index[f"ASSUME.r.{a}.{b}"] for a, b in (pair, pair[::-1]) if pair and f"ASSUME.r.{a}.{b}" in index]
        if facts:
            return Binding(tuple(facts[:1]), "subject", stat)
    features = nearest_features(scope, number, features)
    if number.money and features and not any(_in_rupiah(checker, f) for f in features):
        # "… average 74.0 years of life expectancy and Rp11.8 million in expenditure": a sum of money is about the
        # clause's indicator in rupiah, not the nearest one in years
        start, end = scope.clause(number.start)
        money = tuple(f for f in dict.fromkeys(m.value for m in scope.features if start <= m.start < end) if _in_rupiah(checker, f))
        features = money if len(money) == 1 else features
    if (stat in FEATURE_STATS or stat == EITHER_MEAN_OR_DIFF) and not features:
        features = _features_of_unit(checker, scope, number)  # "9.000 ribu rupiah": the one indicator in rupiah
        if not features:
            return Binding((), "subject", stat)  # "kemiskinan turun 3,1 %": no indicator of the data is named
    stats = set(stat.split("|"))
    facts = []
    for f in checker.numeric:
        if f.kind not in stats:
            continue
        if member is not None and f.member is not None and f.member != member:
            continue
        if f.member is not None and member is None:
            continue
        if stat == "reference" or f.cluster is None:
            if clusters and stat != "reference" and f.kind in FEATURE_STATS:
                continue
        elif clusters and f.cluster not in clusters:
            continue
        if features and f.feature is not None and f.feature not in features:
            continue
        if features and f.feature is None and (stat in FEATURE_STATS or stat == EITHER_MEAN_OR_DIFF):
            continue
        facts.append(f)
    if member is not None:  # "DKI Jakarta … (z = +3,49)": the unit's own fact, when it has one
        facts = [f for f in facts if f.member == member] or facts
    facts = _by_unit_word(checker, scope, number, facts)
    identities = {(f.cluster, f.feature, f.member, f.kind) for f in facts}
    return Binding(tuple(facts), "subject", stat, ambiguous=len(identities) > 1)


def _named_pair(scope, number) -> tuple[str, str] | None:
    """The last two distinct indicators named in the clause before the number."""
    start, _ = scope.clause(number.start)
    named: list[str] = []
    for m in sorted((m for m in scope.features if start <= m.start and m.end <= number.start), key=lambda m: m.start, reverse=True):
        if m.value not in named:
            named.append(m.value)
        if len(named) == 2:
            return named[1], named[0]
    return None


def _features_of_unit(checker, scope, number) -> tuple[str, ...]:
    """The one indicator whose unit the number carries, if exactly one does."""
    infos = checker.v.facts.features
    if number.money:
        found = [f.name for f in infos if _is_rupiah(f.unit)]
    else:
        word = re.match(r"\s*([^\W\d_]+)", scope.text[number.end : number.end + 20])
        found = [f.name for f in infos if word and f.unit and f.unit.lower().startswith(word.group(1).lower())]
    return tuple(found) if len(found) == 1 else ()


def _in_rupiah(checker, feature: str) -> bool:
    return _is_rupiah(checker.v.facts.feature(feature).unit)


def _is_rupiah(unit: str | None) -> bool:
    """A unit of money: "ribu rupiah/orang/tahun"."""
    return "rupiah" in (unit or "").lower()


def _by_unit_word(checker, scope, number, facts: list[Fact]) -> list[Fact]:
    """"72 tahun" is about an indicator in years, "Rp 10 juta" about one in rupiah."""
    if len(facts) <= 1:
        return facts
    if number.money:
        money = [f for f in facts if _is_rupiah(f.unit)]
        return money or facts
    word = re.match(r"\s*([A-Za-z]+)", scope.text[number.end : number.end + 20])
    if word:
        same = [f for f in facts if (f.unit or "").lower().startswith(word.group(1).lower())]
        return same or facts
    return facts


def _household(checker, scope, number, clusters) -> Binding | None:
    found = household_binding(checker, scope, number, clusters)
    return Binding(*found) if found is not None else None


def foreign_binding(checker, scope, number) -> Binding | None:
    """The number is about a concept the data do not hold (foreign.py): it binds to nothing."""
    about = foreign_concept(checker, scope, number)
    return Binding((), "foreign", about=about) if about is not None else None


def _foreign_noun_after(checker, scope, number) -> Binding | None:
    about = foreign_noun_after(checker, scope, number)
    return Binding((), "foreign", about=about) if about is not None else None


def _parts(checker, scope, number, features) -> Binding | None:
    found = parts_binding(checker, scope, number, nearest_features(scope, number, features) if features else ())
    return Binding(*found) if found is not None else None


def bind(checker, scope, number, clusters, features, member) -> Binding:
    binding = unit_mean_binding(checker, scope, number, _bind(checker, scope, number, clusters, features, member))
    jaccards = bounded_jaccards(checker.v, scope, number, binding.facts, binding.how)  # "Klaster 1 dan 4 … Jaccard di bawah 0,60"
    if jaccards:
        return Binding(tuple(jaccards), "bound", "jaccard", ambiguous=len(jaccards) > 1)
    return binding


def _bind(checker, scope, number, clusters, features, member) -> Binding:
    return (panel_binding(checker, scope, number)
            or _parts(checker, scope, number, features)
            or _household(checker, scope, number, clusters)
            or _foreign_noun_after(checker, scope, number)
            or concept_binding(checker, scope, number, clusters, features, member)
            or foreign_binding(checker, scope, number)
            or subject_binding(checker, scope, number, clusters, features, member))
