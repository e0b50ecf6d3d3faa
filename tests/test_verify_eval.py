"""The evaluation corpus of issue 10 and its harness (benchmarks/verification_eval.py).

The harness's figures (precision, recall, false claims judged "benar", coverage) are benchmark
results written up in docs/verification.md, not asserted here; what is asserted is that the corpus
is well formed, that the held-out split is the documented rule, that alignment and metrics compute
what the harness documents, and one regression guard: on the held-out split, the number of false
claims judged TRUE may not exceed the baseline measured on main's verifier.
"""

from __future__ import annotations

import importlib.util
import math
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from interpret.language import load_language

ROOT = Path(__file__).resolve().parents[1]

# Held-out false claims judged "true" by the verifier of main at the time the corpus was written
# (docs/verification.md, "Evaluation on the labelled corpus"). Lower it when the verifier improves.
# 4 since 2026-12-02 (branch verify3): an amount with a glued currency ("Rp15,4 juta") is now one claim the harness
# aligns with its label, which exposed a held-out false claim that was "not extracted" before (recall counted it
# as missed either way); docs/verification.md.
# Still 4 after round 4 (branch verify, 2026-12-02): 4 of 155 held-out false claims, all among the 387 claims measured before.
BASELINE_HELDOUT_FALSE_JUDGED_TRUE = 15  # 2026-12-04, after round 8's merges: rounds 1–8: 14 (16 before them), plus round 9's blind batches, measured once after: 1

CLASSES = {
    "plain", "existential-method", "existential-stat", "existential-cluster", "existential-attribute",
    "existential-count", "within-scope", "national-superlative", "province-comparison", "two-subject",
    "pronoun", "kecuali", "dimension", "qualifier", "approx", "unit", "cluster-name", "quantifier",
    "ratio", "singleton", "parts-total", "policy", "launder", "unbound", "percentage-point", "implied-attribute",
}
WITHOUT_FALSE_LABELS = {"launder", "unbound"}  # their claims bind to nothing: "unverifiable" by design


def _load_harness():
    spec = importlib.util.spec_from_file_location("verification_eval", ROOT / "benchmarks" / "verification_eval.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses resolve their module by name
    spec.loader.exec_module(module)
    return module


ev = _load_harness()
CASES = ev.load_cases()


def claims(cases=CASES):
    return [(case, label) for case in cases for label in case["claims"]]


# --- the corpus --------------------------------------------------------------------------------


def test_the_corpus_is_large_bilingual_and_balanced():
    labelled = claims()
    assert len(CASES) >= 250 and len(labelled) >= 500
    by_lang = Counter(case["lang"] for case, _ in labelled)
    assert set(by_lang) == {"id", "en"}
    assert by_lang["en"] / len(labelled) >= 0.35
    verdicts = Counter(label["verdict"] for _, label in labelled)
    assert set(verdicts) == set(ev.VERDICTS)
    assert 0.35 <= verdicts["false"] / len(labelled) <= 0.65, verdicts


def test_ids_are_unique_and_name_their_language():
    ids = [case["id"] for case in CASES]
    assert len(ids) == len(set(ids))
    for case in CASES:
        assert case["id"].startswith(case["lang"] + "-"), case["id"]
        # eval_id.toml, or a later batch eval_id_<batch>.toml
        assert re.fullmatch(rf"eval_{case['lang']}(_[a-z0-9]+)?\.toml", case["file"]), case["id"]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["id"])
def test_every_label_is_a_unique_substring_with_known_terms(case):
    values = [label["value"] for label in case["claims"]]
    assert values and len(values) == len(set(values)), values
    for label in case["claims"]:
        assert label["value"] in case["text"], label["value"]
        assert label["verdict"] in ev.VERDICTS
        assert label["kind"] in ev.KINDS
        assert label["class"] in CLASSES
    assert case["k"] in (4, 5)
    assert case["reference"] in ev.REFERENCES


def test_every_case_language_is_a_supported_language():
    for lang in {case["lang"] for case in CASES}:
        assert load_language(lang).code == lang


def test_every_failure_class_is_covered_in_both_languages():
    seen = defaultdict(Counter)
    for case, label in claims():
        seen[label["class"]][(case["lang"], label["verdict"])] += 1
    assert set(seen) == CLASSES
    for cls, counts in seen.items():
        for lang in ("id", "en"):
            assert sum(n for (lg, _), n in counts.items() if lg == lang), (cls, lang)
        if cls not in WITHOUT_FALSE_LABELS:
            assert counts[("id", "false")] + counts[("en", "false")], cls


def test_one_member_cases_name_k5():
    # a one-member cluster exists only with k = 5 (Papua alone): the "single*" groups and every claim of class
    # "singleton" that holds name it (with k = 4 "the only province in its cluster" is a false claim of that class);
    # later rounds mix k = 5 cases into their groups, the first rounds used the default k
    for case in CASES:
        if stratum_group(case).startswith("single") or any(c["class"] == "singleton" and c["verdict"] == "true" for c in case["claims"]):
            assert case["k"] == 5, case["id"]
        assert case["k"] in (4, 5), case["id"]


def stratum_group(case):
    return ev.stratum(case)[1]


# --- the split ---------------------------------------------------------------------------------


def test_the_split_field_is_the_documented_rule():
    rule = ev.assign_splits(CASES)
    wrong = [case["id"] for case in CASES if case["split"] != rule[case["id"]]]
    assert not wrong


def test_the_rule_keeps_a_third_of_every_stratum_out():
    by_stratum = defaultdict(list)
    for case in CASES:
        by_stratum[ev.stratum(case)].append(case["split"])
    for key, splits in by_stratum.items():
        assert splits.count("heldout") == math.ceil(len(splits) / 3), key
    heldout_cases = sum(c["split"] == "heldout" for c in CASES) / len(CASES)
    heldout_claims = sum(c["split"] == "heldout" for c, _ in claims()) / len(claims())
    assert 0.30 <= heldout_cases <= 0.40 and 0.30 <= heldout_claims <= 0.40


def test_the_rule_is_deterministic_and_does_not_depend_on_order():
    fake = [{"id": f"id-x-{n:03}", "lang": "id"} for n in range(9)] + [{"id": "en-y-001", "lang": "en"}]
    first = ev.assign_splits(fake)
    assert first == ev.assign_splits(list(reversed(fake)))
    assert list(first.values()).count("heldout") == 3 + 1
    assert first["en-y-001"] == "heldout"  # a stratum of one is held out


# --- alignment and metrics on a hand-made example ----------------------------------------------


def test_match_strength_equal_beats_containment_and_numbers_stay_whole():
    assert ev.match_strength("72,32", "72,32") == 2
    assert ev.match_strength("lebih dari 75 tahun", "75 tahun") == 1
    assert ev.match_strength("1,0 %", "1,05 %") == 0
    assert ev.match_strength("1,0", "1") == 0
    assert ev.match_strength("15.376", "15") == 0
    assert ev.match_strength("Tertinggi,", "tertinggi") == 2
    assert ev.match_strength("DIY", "D.I. Yogyakarta") == 2  # province aliases


def _case(text, *labels, split="tune", lang="id"):
    return {"id": "id-t-001", "lang": lang, "split": split, "k": 4, "text": text,
            "claims": [{"value": v, "verdict": w, "class": "plain", "kind": k} for v, w, k in labels]}


def test_align_takes_the_harshest_of_equal_matches_and_marks_the_unextracted():
    case = _case("x", ("72,32", "false", "number"), ("di atas", "true", "direction"), ("Aceh", "true", "membership"))
    extracted = [("72,32", "true", "number"), ("72,32", "false", "number"),
                 ("di atas rata-rata provinsi", "true", "direction"), ("di atas", "unverifiable", "direction"),
                 ("9,25", "false", "number")]  # unlabelled: ignored
    got = {o.value: o.got for o in ev.align(case, extracted)}
    assert got == {"72,32": "false", "di atas": "unverifiable", "Aceh": None}


def test_metrics_on_a_fake_verifier():
    cases = [
        _case("a", ("1", "false", "number"), ("2", "false", "number"), ("3", "false", "number"), ("4", "false", "number")),
        _case("b", ("5", "true", "number"), ("6", "true", "rank"), ("7", "unverifiable", "number"), ("8", "true", "rank")),
    ]
    answers = {"1": "false", "2": "false", "3": "true", "5": "false", "6": "true", "7": "true", "8": "true"}  # 4 missing

    def fake_verify(case):
        return [(label["value"], answers[label["value"]], label["kind"]) for label in case["claims"] if label["value"] in answers]

    m = ev.metrics(ev.evaluate(cases, verify=fake_verify))
    assert m["claims"] == 8 and m["false_labels"] == 4
    assert m["precision"] == pytest.approx(2 / 3)  # 1, 2 right; 5 wrongly judged false
    assert m["recall"] == pytest.approx(2 / 4)  # 3 judged true, 4 not extracted
    assert m["false_judged_true"] == pytest.approx(1 / 4) and m["false_judged_true_n"] == 1
    assert m["true_judged_false"] == pytest.approx(1 / 3)
    assert m["unverif_judged_true"] == pytest.approx(1.0)
    assert m["coverage"] == pytest.approx(7 / 8)
    by_kind = ev.grouped(ev.evaluate(cases, verify=fake_verify), "kind")
    assert set(by_kind) == {"number", "rank"} and by_kind["rank"]["claims"] == 2


def test_metrics_of_nothing_are_none_not_a_division_error():
    m = ev.metrics([])
    assert m["precision"] is None and m["recall"] is None and m["coverage"] is None


def test_the_markdown_table_has_one_row_per_group():
    table = ev.render_md({"by lang": {"en": ev.metrics([]), "id": ev.metrics([])}})
    rows = [line for line in table.splitlines() if line.startswith("| ") and "group" not in line]
    assert [row.split(" | ")[0] for row in rows] == ["| en", "| id"]


# --- the regression guard ----------------------------------------------------------------------


def test_heldout_false_claims_judged_true_do_not_exceed_the_baseline():
    heldout = [case for case in CASES if case["split"] == "heldout"]
    result = ev.metrics(ev.evaluate(heldout))
    # Counts only: the held-out texts are not shown to whoever tunes the verifier.
    assert result["false_judged_true_n"] <= BASELINE_HELDOUT_FALSE_JUDGED_TRUE, (
        f"{result['false_judged_true_n']} held-out false claims judged true (baseline "
        f"{BASELINE_HELDOUT_FALSE_JUDGED_TRUE}); run benchmarks/verification_eval.py --split tune --misses")
