"""The Indonesian wording of the facts' decisions: the consensus paragraph of the k panel, the
stability ratings, the method comparison, the reason for k, the reference's name and the direction
words. The facts hold only data and decisions; the brief's words for them are chosen here, at
drafting and rendering time. Every number they contain is a fact (interpret/fact_builder.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from .numbers import format_number
from .terms import Direction, StabilityLevel

UNSTABLE_JACCARD = 0.6  # below: "tidak stabil" (Hennig: such clusters should not be trusted)
STABLE_JACCARD = 0.75  # from here: "stabil" (Hennig); a partition with no cluster this stable is unstable

METHOD_NAMES = {"kmeans": "K-means", "kmedoids": "K-medoids", "ward": "Ward"}
METRIC_NAMES = {"euclidean": "Euclidean", "manhattan": "Manhattan"}
INDEX_NAMES = {
    "wss": "kurva WSS (elbow)",
    "silhouette": "silhouette",
    "gap": "statistik gap",
    "dbi": "Davies–Bouldin",
    "ch": "Calinski–Harabasz",
    "connectivity": "konektivitas",
}


@dataclass(frozen=True)
class Consensus:
    """The decisions behind the consensus paragraph, shared by the Indonesian and English wording."""

    groups: list[tuple[int, list[str]]]  # (k, voting index keys), most votes first; WSS votes through its knee
    knee: int | None
    agree: bool  # every voting index (WSS included) chose the same k
    chosen_k: int
    top: int  # votes for the chosen k
    n_voting: int
    tied: list[int] | None  # the k values that tied for the most votes, when silhouette broke the tie
    user_k: int | None


def consensus_decision(votes: dict[str, int], knee: int | None, chosen_k: int, tie_break: bool, user_k: int | None) -> Consensus:
    """From the panel's votes (facts.k_selection.votes)."""
    by_k: dict[int, list[str]] = {}
    counts: dict[int, int] = {}
    for name, k in votes.items():
        counts[k] = counts.get(k, 0) + 1
        if name != "wss":
            by_k.setdefault(k, []).append(name)
    groups = sorted(by_k.items(), key=lambda item: (-len(item[1]), item[0]))
    top = counts[chosen_k]
    tied = sorted(k for k, c in counts.items() if c == top) if tie_break and len(counts) > 1 else None
    return Consensus(groups, knee, len(counts) == 1, chosen_k, top, len(votes), tied, user_k)


def consensus_reasoning(ks) -> str:
    """The paragraph the brief quotes: which index votes for which k, and how the choice was made
    (`ks`: facts.k_selection)."""
    d = consensus_decision(dict(ks.votes), ks.knee, ks.chosen_k, ks.tie_break, ks.user_k)
    # No sentence ends on a number ("k = 5."): the knee comes first, index names close each clause.
    parts = [f"k = {k} dipilih oleh {_join([INDEX_NAMES[n] for n in names])}" for k, names in d.groups]
    sentences = []
    knee = f"Kurva WSS menekuk (elbow) pada k = {d.knee}; " if d.knee is not None else ""
    if d.agree:
        sentences.append(f"{knee}{'semua' if knee else 'Semua'} indeks yang memberi suara sepakat: {'; '.join(parts)}.")
    else:
        sentences.append(f"{knee}{'indeks' if knee else 'Indeks'}-indeks tidak sepakat: {'; '.join(parts)}.")
    if d.knee is None:
        sentences.append("Kurva WSS tidak menunjukkan siku (elbow) yang jelas, sehingga tidak ikut memberi suara.")
    if not d.agree:
        if d.tied:
            sentences.append(
                f"Suara terbanyak ({d.top} dari {d.n_voting} indeks) terbagi antara "
                + _join([f"k = {k}" for k in d.tied])
                + f"; dipilih k = {d.chosen_k}, yang nilai silhouette-nya tertinggi (ukuran kekompakan sekaligus keterpisahan)."
            )
        else:
            sentences.append(f"Konsensus jatuh pada k = {d.chosen_k}, dengan suara terbanyak ({d.top} dari {d.n_voting} indeks).")
    if d.user_k is not None:
        same = "sama dengan" if d.user_k == d.chosen_k else "berbeda dari"
        sentences.append(f"Analisis ini memakai k = {d.user_k} yang ditetapkan ({same} pilihan konsensus); panel ditampilkan sebagai pembanding.")
    else:
        sentences.append(f"Analisis ini memakai k = {d.chosen_k} hasil konsensus tersebut.")
    return " ".join(sentences)


def _join(items: list[str]) -> str:
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " dan " + items[-1]


def stability_level(jaccard: float) -> StabilityLevel:
    """Hennig's reading of the clusterboot Jaccard, as a level both languages word (RATINGS_ID, english.RATINGS)."""
    if jaccard >= 0.85:
        return StabilityLevel.VERY_STABLE
    if jaccard >= STABLE_JACCARD:
        return StabilityLevel.STABLE
    if jaccard >= UNSTABLE_JACCARD:
        return StabilityLevel.WEAK
    return StabilityLevel.UNSTABLE


RATINGS_ID = {
    StabilityLevel.VERY_STABLE: "sangat stabil",
    StabilityLevel.STABLE: "stabil",
    StabilityLevel.WEAK: "kurang stabil",
    StabilityLevel.UNSTABLE: "tidak stabil",
}
DIRECTION_WORDS = {Direction.ABOVE: "di atas", Direction.BELOW: "di bawah", Direction.EQUAL: "setara"}
WORD_DIRECTIONS = {word: direction for direction, word in DIRECTION_WORDS.items()}


def stability_rating(jaccard: float) -> str:
    """Hennig's reading of the clusterboot Jaccard, in the brief's words."""
    return RATINGS_ID[stability_level(jaccard)]


def direction_word(direction: Direction | str) -> str:
    """ "di atas" / "di bawah" / "setara" for a Direction (a fact's value)."""
    return DIRECTION_WORDS[Direction(direction)]


def reference_phrase(facts) -> str:
    """How the Indonesian brief names its reference: "angka nasional", "rata-rata provinsi", "rata-rata unit"."""
    if facts.reference.kind == "row":
        return "angka nasional"
    return "rata-rata provinsi" if facts.dataset.unit == "provinsi" else "rata-rata unit"


def k_reason_text(method) -> str:
    """Why the brief uses its k (`method`: facts.method): the spec's own reason when the spec set it."""
    if method.k_source == "cli":
        return "ditetapkan pengguna"
    if method.k_source == "spec":
        return method.k_reason or "ditetapkan pada spesifikasi data"
    return "dipilih otomatis menurut konsensus panel indeks pemilihan k"


def _combination(row) -> str:
    return f"{METHOD_NAMES[row.method]} ({METRIC_NAMES[row.metric]}) dengan k = {row.k}"


def _scores(row) -> str:
    return f"silhouette {format_number(row.silhouette, 3)}, DBI {format_number(row.dbi, 3)}, konektivitas {format_number(row.connectivity, 2)}"


def comparison_justification(cmp) -> str:
    """Which combination the comparison ranks best and whether the brief uses it (`cmp`: facts.comparison)."""
    text = f"Menurut rata-rata peringkat ketiga indeks, kombinasi terbaik adalah {_combination(cmp.chosen)} ({_scores(cmp.chosen)})."
    used = cmp.used
    if cmp.best_is_used:
        text += " Kombinasi inilah yang dipakai dalam ringkasan ini."
    elif used is not None:
        text += (
            f" Ringkasan ini memakai {_combination(used)} ({_scores(used)}); "
            "jalankan ulang dengan --method, --metric dan --k untuk memakai kombinasi terbaik."
        )
    return text
