"""The Indonesian wording of the clustering analyses: the consensus paragraph of the k panel and
the stability ratings. Separate from interpret/analysis.py so the words can be read (and changed)
in one place; every number they contain is a fact added by analysis.py.
"""

from __future__ import annotations

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


def consensus_reasoning(sel, user_k: int | None) -> str:
    """The paragraph the brief quotes: which index votes for which k, and how the choice was made."""
    by_k: dict[int, list[str]] = {}
    for name, k in sel.votes.items():
        if name != "wss":
            by_k.setdefault(k, []).append(INDEX_NAMES[name])
    # No sentence ends on a number ("k = 5."): the knee comes first, index names close each clause.
    parts = [f"k = {k} dipilih oleh {_join(names)}" for k, names in sorted(by_k.items(), key=lambda item: (-len(item[1]), item[0]))]
    sentences = []
    counts = sel.vote_counts()
    knee = f"Kurva WSS menekuk (elbow) pada k = {sel.knee}; " if sel.knee is not None else ""
    if len(counts) == 1:
        sentences.append(f"{knee}{'semua' if knee else 'Semua'} indeks yang memberi suara sepakat: {'; '.join(parts)}.")
    else:
        sentences.append(f"{knee}{'indeks' if knee else 'Indeks'}-indeks tidak sepakat: {'; '.join(parts)}.")
    if sel.knee is None:
        sentences.append("Kurva WSS tidak menunjukkan siku (elbow) yang jelas, sehingga tidak ikut memberi suara.")
    if len(counts) > 1:
        top = counts[sel.chosen_k]
        if sel.tie_break:
            tied = sorted(k for k, c in counts.items() if c == top)
            sentences.append(
                f"Suara terbanyak ({top} dari {len(sel.votes)} indeks) terbagi antara "
                + _join([f"k = {k}" for k in tied])
                + f"; dipilih k = {sel.chosen_k}, yang nilai silhouette-nya tertinggi (ukuran kekompakan sekaligus keterpisahan)."
            )
        else:
            sentences.append(f"Konsensus jatuh pada k = {sel.chosen_k}, dengan suara terbanyak ({top} dari {len(sel.votes)} indeks).")
    if user_k is not None:
        same = "sama dengan" if user_k == sel.chosen_k else "berbeda dari"
        sentences.append(f"Analisis ini memakai k = {user_k} yang ditetapkan ({same} pilihan konsensus); panel ditampilkan sebagai pembanding.")
    else:
        sentences.append(f"Analisis ini memakai k = {sel.chosen_k} hasil konsensus tersebut.")
    return " ".join(sentences)


def _join(items: list[str]) -> str:
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " dan " + items[-1]


def stability_rating(jaccard: float) -> str:
    """Hennig's reading of the clusterboot Jaccard, in the brief's words."""
    if jaccard >= 0.85:
        return "sangat stabil"
    if jaccard >= STABLE_JACCARD:
        return "stabil"
    if jaccard >= UNSTABLE_JACCARD:
        return "kurang stabil"
    return "tidak stabil"
