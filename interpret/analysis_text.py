"""The Indonesian wording of the clustering analyses: the consensus paragraph of the k panel and
the stability ratings. Separate from interpret/analysis.py so the words can be read (and changed)
in one place; every number they contain is a fact added by analysis.py.
"""

from __future__ import annotations

from dataclasses import dataclass

from .thresholds import load_thresholds

UNSTABLE_JACCARD = load_thresholds().tidak_stabil_maks  # below: "tidak stabil" (Hennig: such clusters should not be trusted)
STABLE_JACCARD = load_thresholds().stabil_min  # from here: "stabil" (Hennig); a partition with no cluster this stable is unstable

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
    """From the panel's votes (SelectionResult.votes or facts.analysis["k_selection"]["votes"])."""
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


def consensus_reasoning(sel, user_k: int | None) -> str:
    """The paragraph the brief quotes: which index votes for which k, and how the choice was made."""
    d = consensus_decision(dict(sel.votes), sel.knee, sel.chosen_k, sel.tie_break, user_k)
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


def stability_level(jaccard: float) -> str:
    """Hennig's reading of the clusterboot Jaccard, as a key both languages word (RATINGS_ID, english.RATINGS)."""
    if jaccard >= load_thresholds().sangat_stabil_min:
        return "very_stable"
    if jaccard >= STABLE_JACCARD:
        return "stable"
    if jaccard >= UNSTABLE_JACCARD:
        return "weak"
    return "unstable"


RATINGS_ID = {"very_stable": "sangat stabil", "stable": "stabil", "weak": "kurang stabil", "unstable": "tidak stabil"}


def stability_rating(jaccard: float) -> str:
    """Hennig's reading of the clusterboot Jaccard, in the brief's words."""
    return RATINGS_ID[stability_level(jaccard)]
