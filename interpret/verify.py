"""Stage 5: check every number and every "di atas / di bawah" claim of a text against the facts.

The verifier reads Markdown (the brief body, or any narrative): headings set the cluster context
("Klaster 2"), table rows get their context from the row label and column header, and sentences
from the clusters and features they name. Each number becomes a `Claim` with a verdict:

- "benar": it equals a fact in its context within the rounding its written precision implies
  (73,13 covers [73,125, 73,135]) plus the configured tolerance;
- "salah": its context (cluster and/or feature) is known and no fact there matches; the nearest
  fact is reported;
- "tidak dapat diverifikasi": no context and no fact matches.

Written by hand: no kept library parses Indonesian number formats with their rounding intervals
against a facts table.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Literal

from .facts import Fact, Facts

Verdict = Literal["benar", "salah", "tidak dapat diverifikasi"]
VERDICTS: tuple[Verdict, ...] = ("benar", "salah", "tidak dapat diverifikasi")

# A number: Indonesian thousands groups and decimal comma, or a plain integer/decimal.
_NUMBER = re.compile(r"(?<![\w.,])([+-]|−)?(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)(?![\w])(\s?%)?")
_CLUSTER = re.compile(r"\b[Kk]laster\s+(?:ke-?\s*)?(\d+)\b")
_DIRECTION = re.compile(
    r"\b(di atas|di bawah|lebih tinggi(?: dari(?:pada)?)?|lebih rendah(?: dari(?:pada)?)?|setara(?: dengan)?|sama dengan)\s+"
    r"(?:angka nasional|rata-rata nasional|rata-rata provinsi|rata-rata unit|referensi|rata-rata)",
    re.IGNORECASE,
)
_DIRECTION_WORD = {"di atas": "di atas", "lebih tinggi": "di atas", "di bawah": "di bawah", "lebih rendah": "di bawah", "setara": "setara", "sama dengan": "setara"}
_HEADER_STATS = {
    "rata-rata": "mean", "median": "median", "min": "min", "maks": "max", "simpangan baku": "sd",
    "referensi": "reference", "selisih (%)": "diff_pct", "selisih": "diff", "z": "z", "peringkat": "rank",
    "jumlah": "size", "posisi": "direction",
}
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"(\[*])")
_ABBREVIATIONS = re.compile(r"\b(?:Kep|Kab|Prov|No|dll|dkk|Rp|D\.I|[A-Z])\.$")


@dataclass
class Claim:
    id: str
    kind: Literal["angka", "arah"]
    text: str  # the sentence or table row the claim is in
    value: str  # the number or phrase as written
    section: str
    cluster: int | None
    feature: str | None
    fact_id: str | None
    expected: str | None  # the fact as the brief would write it
    verdict: Verdict
    note: str = ""


@dataclass
class VerificationReport:
    claims: list[Claim] = field(default_factory=list)

    @property
    def counts(self) -> dict[str, int]:
        counter = Counter(c.verdict for c in self.claims)
        return {v: counter.get(v, 0) for v in VERDICTS}

    @property
    def ok(self) -> bool:
        return self.counts["salah"] == 0

    def failing(self) -> list[Claim]:
        return [c for c in self.claims if c.verdict != "benar"]

    def to_dict(self) -> dict:
        return {"counts": self.counts, "claims": [asdict(c) for c in self.claims]}


@dataclass(frozen=True)
class _Context:
    section: str
    clusters: tuple[int, ...]
    features: tuple[str, ...]
    stat: str | None = None


class Verifier:
    def __init__(self, facts: Facts, tolerance: float = 1e-9):
        self.facts = facts
        self.tolerance = tolerance
        self._feature_patterns = []
        for f in facts.features:
            names = {f.name, f.column, f.label, re.sub(r"\s*\(.*?\)\s*", " ", f.label).strip()}
            for name in sorted(names, key=len, reverse=True):
                if name:
                    self._feature_patterns.append((f.name, re.compile(r"(?<!\w)" + re.escape(name) + r"(?!\w)", re.IGNORECASE)))
        # Longest names first, across features, so "bukan makanan" is not read as "makanan".
        self._feature_patterns.sort(key=lambda item: len(item[1].pattern), reverse=True)
        members = sorted({m for c in facts.clusters for m in c.members}, key=len, reverse=True)
        self._member_patterns = [re.compile(r"(?<!\w)" + re.escape(m) + r"(?!\w)") for m in members if re.search(r"\d", m)]
        self._numeric = [f for f in facts.index.values() if isinstance(f.value, (int, float)) and f.kind != "direction"]

    # -- text structure -------------------------------------------------------------------------
    def verify_markdown(self, text: str) -> VerificationReport:
        report = VerificationReport()
        section, section_cluster = "", None
        header: list[str] | None = None
        in_code = False
        for line in text.splitlines():
            stripped = line.strip()
            if stripped.startswith("```"):
                in_code = not in_code
                continue
            if in_code or not stripped:
                header = None if not stripped else header
                continue
            if stripped.startswith("#"):
                level = len(stripped) - len(stripped.lstrip("#"))
                title = stripped.lstrip("#").strip()
                found = _CLUSTER.findall(title)
                if level <= 2:  # a sub-heading (### Karakteristik) stays inside its cluster
                    section_cluster = int(found[0]) if found and level == 2 else None
                    section = title
                else:
                    section = f"{section.split(' › ')[0]} › {title}"
                self._verify_sentence(report, title, _Context(section, (), ()))
                header = None
                continue
            if stripped.startswith("|"):
                cells = [c.strip() for c in stripped.strip("|").split("|")]
                if all(re.fullmatch(r":?-+:?", c) for c in cells if c):
                    continue
                if header is None:
                    header = cells
                    continue
                self._verify_row(report, cells, header, section, section_cluster)
                continue
            header = None
            body = re.sub(r"^([-*+]|\d+\.)\s+", "", stripped)
            for sentence in split_sentences(body):
                ctx = self._context(sentence, section, section_cluster)
                self._verify_sentence(report, sentence, ctx)
        return report

    def verify_text(self, text: str, section: str = "", cluster: int | None = None) -> VerificationReport:
        report = VerificationReport()
        for sentence in split_sentences(text):
            self._verify_sentence(report, sentence, self._context(sentence, section, cluster))
        return report

    def _context(self, sentence: str, section: str, section_cluster: int | None) -> _Context:
        named = tuple(dict.fromkeys(int(n) for n in _CLUSTER.findall(sentence)))
        clusters = named or ((section_cluster,) if section_cluster else ())
        return _Context(section, clusters, self._features_in(sentence))

    def _features_in(self, text: str) -> tuple[str, ...]:
        found = []
        for name, pattern in self._feature_patterns:
            if pattern.search(text):
                if name not in found:
                    found.append(name)
                text = pattern.sub(lambda m: " " * len(m.group(0)), text)
        return tuple(found)

    def _mask(self, text: str) -> str:
        """Blank out what holds digits but is no number claim: cluster names, feature and unit names."""
        text = _CLUSTER.sub(lambda m: " " * len(m.group(0)), text)
        for _, pattern in self._feature_patterns:
            text = pattern.sub(lambda m: " " * len(m.group(0)), text)
        for pattern in self._member_patterns:
            text = pattern.sub(lambda m: " " * len(m.group(0)), text)
        return text

    def _verify_row(self, report, cells, header, section, section_cluster) -> None:
        label = cells[0]
        row_clusters = tuple(int(n) for n in _CLUSTER.findall(label)) or ((section_cluster,) if section_cluster else ())
        row_features = self._features_in(label)
        row_text = " | ".join(cells)
        for idx, cell in enumerate(cells[1:], start=1):
            head = header[idx] if idx < len(header) else ""
            stat = _HEADER_STATS.get(head.lower()) or next((v for k, v in _HEADER_STATS.items() if head.lower().startswith(k)), None)
            features = row_features or self._features_in(head)
            ctx = _Context(section, row_clusters, features, stat)
            if stat == "direction":
                self._check_direction(report, row_text, cell, ctx)
                continue
            self._verify_sentence(report, cell, ctx, shown=row_text)

    # -- claims ---------------------------------------------------------------------------------
    def _verify_sentence(self, report: VerificationReport, sentence: str, ctx: _Context, shown: str | None = None) -> None:
        shown = shown or sentence
        for bad in (int(n) for n in _CLUSTER.findall(sentence)):
            if bad < 1 or bad > self.facts.k:
                self._add(report, "angka", shown, f"Klaster {bad}", ctx, None, "salah", f"hanya ada {self.facts.k} klaster")
        masked = self._mask(sentence)
        for match in _NUMBER.finditer(masked):
            self._check_number(report, shown, match, ctx)
        for match in _DIRECTION.finditer(sentence):
            clause = _clause_around(sentence, match.start())
            features = self._features_in(clause) or ctx.features
            word = next(v for k, v in _DIRECTION_WORD.items() if match.group(1).lower().startswith(k))
            self._check_direction(report, shown, word, _Context(ctx.section, ctx.clusters, features, "direction"), phrase=match.group(0))

    def _check_number(self, report, shown: str, match: re.Match, ctx: _Context) -> None:
        sign, digits, percent = match.group(1), match.group(2), match.group(3)
        written = digits + (percent or "")
        value = float(digits.replace(".", "").replace(",", "."))
        if sign in {"-", "−"}:
            value = -value
        decimals = len(digits.split(",")[1]) if "," in digits else 0
        slack = 0.5 * 10 ** (-decimals) + self.tolerance
        pool = self._pool(ctx, percent=bool(percent) or ctx.stat == "diff_pct")
        matched = [f for f in pool if self._equal(value, f, slack, signed=sign is not None)]
        if matched:
            best = min(matched, key=lambda f: self._priority(f, ctx))
            self._add(report, "angka", shown, (sign or "") + written, ctx, best, "benar")
            return
        specific = bool(ctx.clusters or ctx.features)
        if specific:
            candidates = [f for f in pool if f.cluster is not None or f.feature is not None] or pool
            nearest = min(candidates, key=lambda f: abs(abs(float(f.value)) - abs(value)) / (abs(float(f.value)) or 1)) if candidates else None
            self._add(report, "angka", shown, (sign or "") + written, ctx, nearest, "salah", "tidak cocok dengan fakta dalam konteksnya")
        else:
            self._add(report, "angka", shown, (sign or "") + written, ctx, None, "tidak dapat diverifikasi", "tidak ditemukan")

    def _pool(self, ctx: _Context, percent: bool) -> list[Fact]:
        pool = []
        for f in self._numeric:
            if ctx.clusters and f.cluster is not None and f.cluster not in ctx.clusters:
                continue
            if ctx.features and f.feature is not None and f.feature not in ctx.features:
                continue
            if percent != (f.unit == "%"):
                continue
            pool.append(f)
        return pool

    @staticmethod
    def _equal(value: float, fact: Fact, slack: float, signed: bool) -> bool:
        target = float(fact.value)
        if not signed and fact.kind in {"diff", "diff_pct", "z"}:
            target = abs(target)
        return abs(round(target, 12) - value) <= slack

    @staticmethod
    def _priority(fact: Fact, ctx: _Context) -> tuple:
        return (
            0 if ctx.stat and fact.kind == ctx.stat else 1,
            0 if fact.cluster is not None and fact.cluster in ctx.clusters else 1,
            0 if fact.feature is not None and fact.feature in ctx.features else 1,
            fact.id,
        )

    def _check_direction(self, report, shown: str, word: str, ctx: _Context, phrase: str | None = None) -> None:
        word = word.strip().lower()
        if word not in {"di atas", "di bawah", "setara"}:
            return
        phrase = phrase or word
        if len(ctx.clusters) != 1 or not ctx.features:
            self._add(report, "arah", shown, phrase, ctx, None, "tidak dapat diverifikasi", "klaster atau indikator tidak jelas")
            return
        cluster = ctx.clusters[0]
        for feature in ctx.features:
            fact = self.facts.index.get(f"K{cluster}.{feature}.direction")
            if fact is None:
                self._add(report, "arah", shown, phrase, _Context(ctx.section, ctx.clusters, (feature,)), None, "salah", f"Klaster {cluster} tidak ada")
                continue
            verdict: Verdict = "benar" if fact.value == word else "salah"
            self._add(report, "arah", shown, phrase, _Context(ctx.section, ctx.clusters, (feature,)), fact, verdict)

    def _add(self, report, kind, shown, value, ctx: _Context, fact: Fact | None, verdict: Verdict, note: str = "") -> None:
        report.claims.append(
            Claim(
                id=f"C{len(report.claims) + 1:03d}",
                kind=kind,
                text=shown,
                value=value,
                section=ctx.section,
                cluster=ctx.clusters[0] if len(ctx.clusters) == 1 else None,
                feature=(fact.feature if fact else None) or (ctx.features[0] if len(ctx.features) == 1 else None),
                fact_id=fact.id if fact else None,
                expected=fact.text if fact else None,
                verdict=verdict,
                note=note,
            )
        )


def split_sentences(text: str) -> list[str]:
    parts = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        head = text[start : match.start()]
        if _ABBREVIATIONS.search(head):
            continue
        parts.append(head.strip())
        start = match.end()
    parts.append(text[start:].strip())
    return [p for p in parts if p]


def _clause_around(sentence: str, position: int) -> str:
    """The clause holding a direction phrase: from the previous ';' or sentence start to the next ';'."""
    start = max(sentence.rfind(";", 0, position), sentence.rfind(" sedangkan ", 0, position), -1) + 1
    end = sentence.find(";", position)
    return sentence[start : end if end != -1 else len(sentence)]


def verify_markdown(text: str, facts: Facts, tolerance: float = 1e-9) -> VerificationReport:
    return Verifier(facts, tolerance).verify_markdown(text)
