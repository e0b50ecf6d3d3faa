"""How well the verifier judges claims written the way a model writes: the labelled corpus of issue 10.

    .venv/bin/python benchmarks/verification_eval.py [--split tune|heldout|all] [--format md|text|json]
                                                     [--by split,lang,kind,class] [--misses] [--files GLOB]

The corpus (tests/corpus/eval_*.toml, format in tests/corpus/README.md) holds sentences and short
paragraphs about the default data (IPM 2023, 34 provinces), each with labelled claims: the written
value or phrase, its verdict ("true" | "false" | "unverifiable"), the failure class it exercises
and the kind of claim. Every case is verified on its own with
`Verifier(facts, locale=lang, units=unit values).verify_markdown(text)`; the facts are those of a
fresh run of the default data with the case's k (computed once per k).

Alignment (label ↔ the verifier's claims), per case:
  1. a claim *matches* a label when the normalised written values are equal, or one contains the
     other as whole words (normalised = case-folded, spaces collapsed, outer punctuation stripped,
     province names reduced to their canonical name through interpret/provinces.py);
  2. equal values win over containment: when any claim equals the label, only those count;
  3. a label matched by several claims takes the harshest of their verdicts (false > true >
     unverifiable): the sentence would be flagged if any of them is false;
  4. a label no claim matches is "not extracted": it counts against coverage, and a false label
     not extracted is a false negative (a false claim that would ship);
  5. claims that match no label are ignored (the corpus labels what it tests, not every number).

Metrics (the positive class is FALSE, "salah"):
  precision  = labelled false and judged false / judged false (among labelled claims)
  recall     = labelled false and judged false / labelled false (not extracted counts as missed)
  false→true = labelled false judged TRUE / labelled false  ("false claims judged benar"; the
               promise of the product is that this is 0)
  true→false = labelled true judged FALSE / labelled true
  coverage   = labelled claims extracted / labelled claims
Unverifiable labels: a verdict of "true" on them is counted in `unverif→true` (a number that binds
to nothing must never be "benar").

Not a test: the targets of issue 10 are benchmark figures, written up in docs/verification.md.
tests/test_verify_eval.py checks the corpus, the split rule, the alignment and the metrics, and
guards the held-out false→true count against getting worse than the recorded baseline.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import tomllib
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS_DIR = ROOT / "tests" / "corpus"
CORPUS_GLOB = "eval_*.toml"
VERDICTS = ("true", "false", "unverifiable")
KINDS = ("number", "direction", "rank", "membership", "count", "spread", "stability", "policy")
HARSHNESS = {"false": 2, "true": 1, "unverifiable": 0}
TARGETS = {"recall": 0.95, "precision": 0.95, "false_judged_true": 0.01, "coverage": 0.97, "lang_gap": 0.03}


# --- the corpus --------------------------------------------------------------------------------


def load_cases(corpus_dir: Path = CORPUS_DIR, glob: str = CORPUS_GLOB) -> list[dict]:
    """Every case of every eval_*.toml (or of the files `glob` names), with k defaulted to 4, reference to
    "mean" and its file name under `file`."""
    cases = []
    for path in sorted(corpus_dir.glob(glob)):
        for case in tomllib.loads(path.read_text(encoding="utf-8"))["case"]:
            case.setdefault("k", 4)
            case.setdefault("reference", "mean")
            case["file"] = path.name
            cases.append(case)
    return cases


def stratum(case: dict) -> tuple[str, str]:
    """A case's stratum for the split: its language and its group, the second part of its id
    ("id-exmeth-004" → ("id", "exmeth")); a group gathers the cases of one failure class."""
    return case["lang"], case["id"].split("-")[1]


def id_hash(case_id: str) -> str:
    return hashlib.sha256(case_id.encode("utf-8")).hexdigest()


def assign_splits(cases: list[dict]) -> dict[str, str]:
    """The held-out rule, fixed before any tuning: within each stratum, order the cases by the
    SHA-256 of their id; positions 0, 3, 6, … are "heldout", the rest "tune" (so every stratum
    keeps ⌈n/3⌉ cases out, a third overall)."""
    by_stratum: dict[tuple[str, str], list[str]] = defaultdict(list)
    for case in cases:
        by_stratum[stratum(case)].append(case["id"])
    split = {}
    for ids in by_stratum.values():
        for position, case_id in enumerate(sorted(ids, key=id_hash)):
            split[case_id] = "heldout" if position % 3 == 0 else "tune"
    return split


# --- running the verifier ----------------------------------------------------------------------


REFERENCES = ("mean", "official")


@lru_cache(maxsize=None)
def facts_for(k: int, reference: str = "mean"):
    """The facts and unit values of the default data clustered with k (once per k and reference).
    reference "mean" (the default of a case): against the plain mean of the provinces, the corpus's
    first fact base (tests/corpus/ipm_2023_mean_reference.toml); "official": the default spec as
    `interpret run` uses it, against BPS's national figures, with the plain mean beside them (UMEAN)."""
    from interpret import resolve_settings
    from interpret.pipeline import facts_of_data

    options = {"provider": "none", "pdf": "off", "k": k}
    if reference == "mean":
        options["spec"] = Path(__file__).resolve().parent.parent / "tests" / "corpus" / "ipm_2023_mean_reference.toml"
    settings = resolve_settings(options, environ={}, dotenv_path=None)
    return facts_of_data(settings)


def verify_case(case: dict) -> list[tuple[str, str, str]]:
    """(written value, verdict, kind) of every claim the verifier extracts from the case's text."""
    from interpret.verification import Verifier

    facts, units = facts_for(case["k"], case["reference"])
    report = Verifier(facts, locale=case["lang"], units=units).verify_markdown(case["text"])
    return [(str(c.value), str(c.verdict), str(c.kind)) for c in report.claims]


# --- alignment ---------------------------------------------------------------------------------

_PUNCT = " \t\n.,;:!?()[]\"'“”‘’*_`"


def normalise(value: str) -> str:
    from interpret.provinces import canonical_name

    from interpret.verification.engine import without_emphasis

    # "about **29%**" and "about 29%" are one written value: emphasis is Markdown, not the claim
    text = re.sub(r"\s+", " ", without_emphasis(value).replace("\u00a0", " ")).strip(_PUNCT).casefold()
    canonical = canonical_name(text)  # "DIY" and "D.I. Yogyakarta" are one written value
    return canonical.casefold() if canonical else text


def _contains(outer: str, inner: str) -> bool:
    """`inner` occurs in `outer` as whole words (a number is not part of a longer number)."""
    if not inner:
        return False
    return re.search(r"(?<![\w.,])" + re.escape(inner) + r"(?![\w]|[.,]\d)", outer) is not None


def match_strength(label: str, claim: str) -> int:
    """2 = equal, 1 = one contains the other as whole words, 0 = no match."""
    a, b = normalise(label), normalise(claim)
    if a == b:
        return 2
    return 1 if _contains(a, b) or _contains(b, a) else 0


@dataclass(frozen=True)
class Outcome:
    case_id: str
    split: str
    lang: str
    kind: str
    cls: str
    value: str
    want: str
    got: str | None  # None: not extracted

    @property
    def extracted(self) -> bool:
        return self.got is not None


def align(case: dict, extracted: list[tuple[str, str, str]]) -> list[Outcome]:
    outcomes = []
    for label in case["claims"]:
        strengths = [(match_strength(label["value"], value), verdict) for value, verdict, _ in extracted]
        best = max((s for s, _ in strengths), default=0)
        verdicts = [v for s, v in strengths if best and s == best]
        got = max(verdicts, key=HARSHNESS.__getitem__) if verdicts else None
        outcomes.append(Outcome(case["id"], case["split"], case["lang"], label["kind"], label["class"],
                                label["value"], label["verdict"], got))
    return outcomes


# --- metrics -----------------------------------------------------------------------------------


def metrics(outcomes: list[Outcome]) -> dict:
    want_false = [o for o in outcomes if o.want == "false"]
    want_true = [o for o in outcomes if o.want == "true"]
    want_unverif = [o for o in outcomes if o.want == "unverifiable"]
    judged_false = [o for o in outcomes if o.got == "false"]
    tp = sum(o.want == "false" for o in judged_false)

    def share(part: int, whole: int) -> float | None:
        return part / whole if whole else None

    return {
        "claims": len(outcomes),
        "false_labels": len(want_false),
        "precision": share(tp, len(judged_false)),
        "recall": share(tp, len(want_false)),
        "false_judged_true": share(sum(o.got == "true" for o in want_false), len(want_false)),
        "false_judged_true_n": sum(o.got == "true" for o in want_false),
        "true_judged_false": share(sum(o.got == "false" for o in want_true), len(want_true)),
        "unverif_judged_true": share(sum(o.got == "true" for o in want_unverif), len(want_unverif)),
        "coverage": share(sum(o.extracted for o in outcomes), len(outcomes)),
    }


def grouped(outcomes: list[Outcome], by: str) -> dict[str, dict]:
    groups: dict[str, list[Outcome]] = defaultdict(list)
    for o in outcomes:
        groups[{"split": o.split, "lang": o.lang, "kind": o.kind, "class": o.cls}[by]].append(o)
    return {key: metrics(groups[key]) for key in sorted(groups)}


def evaluate(cases: list[dict], verify=verify_case) -> list[Outcome]:
    outcomes = []
    for case in cases:
        outcomes.extend(align(case, verify(case)))
    return outcomes


# --- output ------------------------------------------------------------------------------------

COLUMNS = (("claims", "claims"), ("false_labels", "false"), ("precision", "precision"), ("recall", "recall"),
           ("false_judged_true", "false→true"), ("true_judged_false", "true→false"),
           ("unverif_judged_true", "unverif→true"), ("coverage", "coverage"))


def _cell(value) -> str:
    if value is None:
        return "–"
    return f"{value:.2f}" if isinstance(value, float) else str(value)


def render_md(sections: dict[str, dict[str, dict]]) -> str:
    lines = []
    for title, rows in sections.items():
        lines += [f"**{title}**", "", "| " + " | ".join(["group"] + [h for _, h in COLUMNS]) + " |",
                  "|" + "---|" * (len(COLUMNS) + 1)]
        lines += ["| " + " | ".join([key] + [_cell(row[c]) for c, _ in COLUMNS]) + " |" for key, row in rows.items()]
        lines.append("")
    return "\n".join(lines)


def render_text(sections: dict[str, dict[str, dict]]) -> str:
    lines = []
    for title, rows in sections.items():
        lines.append(title)
        lines.append("  " + "".join(f"{h:>14}" for h in ["group"] + [h for _, h in COLUMNS]))
        for key, row in rows.items():
            lines.append("  " + f"{key[:14]:>14}" + "".join(f"{_cell(row[c]):>14}" for c, _ in COLUMNS))
        lines.append("")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=("tune", "heldout", "all"), default="heldout")
    parser.add_argument("--format", choices=("md", "text", "json"), default="text")
    parser.add_argument("--by", default="lang,kind,class", help="comma-separated: split, lang, kind, class")
    parser.add_argument("--misses", action="store_true", help="list every labelled claim judged wrongly")
    parser.add_argument("--files", default=CORPUS_GLOB, help="which corpus files (a glob under tests/corpus), e.g. 'eval_*6.toml' for one round")
    args = parser.parse_args(argv)

    cases = load_cases(glob=args.files)
    if args.split != "all":
        cases = [c for c in cases if c["split"] == args.split]
    outcomes = evaluate(cases)
    sections = {f"all ({args.split})": {"all": metrics(outcomes)}}
    for by in [b.strip() for b in args.by.split(",") if b.strip()]:
        sections[f"by {by} ({args.split})"] = grouped(outcomes, by)
    if args.format == "json":
        print(json.dumps(sections, indent=1, ensure_ascii=False))
    else:
        print((render_md if args.format == "md" else render_text)(sections))
    if args.misses:
        for o in outcomes:
            if o.got != o.want:
                print(f"{o.case_id:18} {o.kind:11} {o.cls:22} want {o.want:12} got {o.got or 'not extracted':13} {o.value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
