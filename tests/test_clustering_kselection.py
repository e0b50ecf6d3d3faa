"""The k panel: six indices pinned to scikit-learn or to hand-computed examples, votes, consensus."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from sklearn.metrics import calinski_harabasz_score, davies_bouldin_score, silhouette_score

from clustering import connectivity, find_knee, gap_choice, gap_statistic, select_k, zscore
from clustering.kselection import consensus, pooled_within

from .conftest import DEFAULT_CSV


def _default_matrix():
    table = pd.read_csv(DEFAULT_CSV)
    return zscore(table[["UHH", "HLS", "RLS", "Pengeluaran"]].to_numpy(float)).values


def _blobs(n_per: int, centers, sd: float = 0.4, seed: int = 0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    return np.vstack([rng.normal(c, sd, size=(n_per, len(c))) for c in centers])


@pytest.fixture(scope="module")
def default_panel():
    X = _default_matrix()
    return X, select_k(X, list(range(2, 11)), seed=42, gap_references=10)


def test_the_panel_on_the_default_data_reports_all_six_indices_for_k_2_to_10(default_panel):
    X, panel = default_panel
    assert panel.k_values == list(range(2, 11))
    for name in ("wss", "silhouette", "gap", "dbi", "ch", "connectivity", "gap_se"):
        assert len(panel.indices[name]) == 9 and np.all(np.isfinite(panel.indices[name])), name
    assert panel.sample_size is None  # 34 units: no sampling
    assert set(panel.votes) <= {"wss", "silhouette", "gap", "dbi", "ch", "connectivity"}
    assert {"silhouette", "gap", "dbi", "ch", "connectivity"} <= set(panel.votes)


def test_panel_indices_equal_scikit_learn_on_the_same_partitions(default_panel):
    X, panel = default_panel
    for j, k in enumerate(panel.k_values):
        labels = panel.partitions[k].labels
        assert panel.indices["silhouette"][j] == pytest.approx(silhouette_score(X, labels))
        assert panel.indices["dbi"][j] == pytest.approx(davies_bouldin_score(X, labels))
        assert panel.indices["ch"][j] == pytest.approx(calinski_harabasz_score(X, labels))
        wss = sum(((X[labels == c] - X[labels == c].mean(axis=0)) ** 2).sum() for c in range(k))
        assert panel.indices["wss"][j] == pytest.approx(wss)
    # The default data at k = 4 is the published partition: WSS 48,915.
    assert panel.indices["wss"][2] == pytest.approx(48.915, abs=5e-4)


def test_votes_follow_each_index_rule(default_panel):
    _, panel = default_panel
    # 34 provinces (n ≥ 30): the k whose partition has a one-province cluster take no vote
    assert panel.excluded == [k for k in panel.k_values if min(panel.partitions[k].sizes) < 2] and panel.excluded
    keep = [j for j, k in enumerate(panel.k_values) if k not in panel.excluded]
    ks = [panel.k_values[j] for j in keep]
    ind = {name: [values[j] for j in keep] for name, values in panel.indices.items()}
    assert panel.votes["silhouette"] == ks[int(np.argmax(ind["silhouette"]))]
    assert panel.votes["ch"] == ks[int(np.argmax(ind["ch"]))]
    assert panel.votes["dbi"] == ks[int(np.argmin(ind["dbi"]))]
    assert panel.votes["connectivity"] == ks[int(np.argmin(ind["connectivity"]))]
    assert panel.votes["gap"] == gap_choice(ks, ind["gap"], ind["gap_se"])
    assert panel.chosen_k in panel.votes.values()


def test_connectivity_by_hand():
    # Points 0, 1, 3, 7 on a line, clusters {0, 1} and {3, 7}, L = 2 neighbours:
    # point 0: 2nd neighbour (3) differs → 1/2; point 1: 2nd (3) → 1/2;
    # point 3: 1st (1) and 2nd (0) differ → 1 + 1/2; point 7: 2nd (1) → 1/2.  Total 3.
    X = np.array([[0.0], [1.0], [3.0], [7.0]])
    assert connectivity(X, np.array([0, 0, 1, 1]), neighbours=2) == pytest.approx(3.0)
    assert connectivity(X, np.array([0, 0, 0, 0]), neighbours=3) == 0.0
    # Manhattan equals Euclidean in one dimension; L larger than n − 1 is cut to n − 1.
    assert connectivity(X, np.array([0, 0, 1, 1]), neighbours=10, metric="manhattan") == pytest.approx(3.0 + 1 / 3 * 3)


def test_pooled_within_by_hand():
    # Clusters {0, 2} and {5, 6, 10}: squared-Euclidean W = 2 + 14 = 16 (the within SS);
    # Manhattan W = 2·2/(2·2) + 2·(1 + 5 + 4)/(2·3) = 1 + 10/3.
    X = np.array([[0.0], [2.0], [5.0], [6.0], [10.0]])
    labels = np.array([0, 0, 1, 1, 1])
    assert pooled_within(X, labels) == pytest.approx(16.0)
    assert pooled_within(X, labels, "manhattan") == pytest.approx(1 + 10 / 3)


def test_gap_statistic_follows_tibshirani_with_seeded_reference_sets():
    X = np.array([[0.0, 0.0], [0.2, 0.1], [0.1, 0.3], [5.0, 5.0], [5.2, 4.9], [4.9, 5.3]])

    def halves(data, k, seed):  # a deterministic "clustering": split on the first coordinate
        return np.minimum((np.argsort(np.argsort(data[:, 0])) * k) // len(data), k - 1)

    gap, s, log_w = gap_statistic(X, [2, 3], halves, references=3, seed=7)
    rng = np.random.default_rng(7)
    low, high = X.min(axis=0), X.max(axis=0)
    ref = np.empty((3, 2))
    for b in range(3):
        R = rng.uniform(low, high, size=X.shape)
        for j, k in enumerate([2, 3]):
            ref[b, j] = np.log(pooled_within(R, halves(R, k, 0)))
    expected_log_w = [np.log(pooled_within(X, halves(X, k, 0))) for k in (2, 3)]
    assert log_w == pytest.approx(expected_log_w)
    assert gap == pytest.approx((ref.mean(axis=0) - expected_log_w).tolist())
    assert s == pytest.approx((ref.std(axis=0) * np.sqrt(1 + 1 / 3)).tolist())
    assert gap_statistic(X, [2, 3], halves, references=3, seed=7) == (gap, s, log_w)  # reproducible


def test_the_one_standard_error_rule():
    ks = [2, 3, 4, 5]
    assert gap_choice(ks, [0.5, 0.9, 0.95, 1.0], [0.1] * 4) == 3  # 0.9 ≥ 0.95 − 0.1
    assert gap_choice(ks, [0.5, 0.45, 0.9, 1.0], [0.1] * 4) == 2  # 0.5 ≥ 0.45 − 0.1
    assert gap_choice(ks, [0.1, 0.5, 0.9, 1.3], [0.01] * 4) == 5  # never: the largest gap


def test_knee_by_hand_and_no_clear_elbow():
    # Kneedle: normalised x = 0, 1/6, …; flipped normalised WSS = 0, .659, .879, .934, …;
    # the difference peaks at the third point, k = 4.
    assert find_knee([2, 3, 4, 5, 6, 7, 8], [100, 40, 20, 15, 12, 10, 9]) == 4
    assert find_knee([2, 3, 4, 5, 6], [50, 40, 30, 20, 10]) is None


def test_consensus_majority_and_silhouette_tie_break():
    ks = [2, 3, 4, 5]
    sil = [0.30, 0.41, 0.38, 0.20]
    assert consensus({"silhouette": 3, "gap": 3, "dbi": 5, "ch": 4}, ks, sil) == (3, None)
    assert consensus({"silhouette": 3, "gap": 4, "dbi": 4, "ch": 3}, ks, sil) == (3, "silhouette")
    assert consensus({"dbi": 5, "ch": 4}, ks, sil) == (4, "silhouette")


def test_three_blobs_get_k_3_from_most_indices():
    X = _blobs(25, ([0, 0], [6, 0], [3, 6]))
    panel = select_k(X, list(range(2, 9)), seed=1, gap_references=10)
    assert panel.chosen_k == 3
    assert panel.votes["silhouette"] == 3 and panel.votes["gap"] == 3 and panel.knee == 3


def test_sampled_indices_choose_the_same_k_as_the_full_data():
    X = _blobs(160, ([0, 0, 0, 0], [5, 0, 0, 0], [0, 5, 0, 0], [0, 0, 5, 0], [0, 0, 0, 5]), sd=0.8, seed=2)
    full = select_k(X, list(range(2, 8)), seed=3, n_init=10, gap_references=5, sample_size=None)
    sampled = select_k(X, list(range(2, 8)), seed=3, n_init=10, gap_references=5, sample_size=300)
    assert full.sample_size is None and sampled.sample_size == 300
    assert full.chosen_k == sampled.chosen_k == 5
    # WSS, DBI and CH always use every unit: identical in both panels.
    assert sampled.indices["wss"] == pytest.approx(full.indices["wss"])
    assert sampled.indices["ch"] == pytest.approx(full.indices["ch"])


def test_panel_with_kmedoids_manhattan_and_ward():
    X = _blobs(15, ([0, 0], [5, 0], [0, 5]), seed=4)
    for method, metric in (("kmedoids", "manhattan"), ("ward", "euclidean")):
        panel = select_k(X, [2, 3, 4, 5], method=method, metric=metric, seed=1, gap_references=5)
        assert panel.chosen_k == 3
        assert panel.partitions[3].method == method
        assert panel.indices["silhouette"][1] == pytest.approx(silhouette_score(X, panel.partitions[3].labels, metric=metric))


def test_too_few_candidates_is_an_error():
    with pytest.raises(ValueError, match="at least two values"):
        select_k(np.arange(6.0).reshape(3, 2), [2, 3, 4])


# -- issue 15: k rules, degenerate partitions, the gap statistic's k = 1 -------------------------------
@pytest.mark.parametrize("rule, index", [("dbi", "dbi"), ("silhouette", "silhouette"), ("gap", "gap"), ("elbow", "wss")])
def test_a_rule_chooses_the_vote_of_its_index(rule, index):
    X = _blobs(20, ([0, 0], [6, 0], [0, 6], [6, 6]))
    panel = select_k(X, list(range(2, 8)), seed=1, gap_references=5, rule=rule)
    assert panel.rule == rule
    if index in panel.votes:
        assert panel.chosen_k == panel.votes[index] and not panel.rule_fallback
    else:  # elbow without a knee: the consensus decides, and says so
        assert panel.rule_fallback


def test_an_unknown_rule_is_refused():
    with pytest.raises(ValueError, match="unknown k rule"):
        select_k(_blobs(10, ([0, 0], [5, 5])), [2, 3], rule="median")


def test_uniform_noise_makes_the_gap_statistic_prefer_one_cluster_and_blobs_do_not():
    noise = np.random.default_rng(3).uniform(size=(120, 3))
    assert select_k(noise, [2, 3, 4], seed=2, gap_references=10).gap_prefers_one
    blobs = _blobs(30, ([0, 0], [8, 0], [0, 8]))
    assert not select_k(blobs, [2, 3, 4], seed=2, gap_references=10).gap_prefers_one


def test_gap_of_one_cluster_is_the_log_of_the_total_sum_of_squares():
    X = _blobs(15, ([0, 0], [5, 5]))
    gap, s, log_w = gap_statistic(X, [1, 2], lambda data, k, seed: np.zeros(len(data), dtype=int) if k == 1 else
                                  (data[:, 0] > data[:, 0].mean()).astype(int), references=4, seed=0)
    assert log_w[0] == pytest.approx(np.log(((X - X.mean(axis=0)) ** 2).sum()))


def test_a_choice_at_the_top_of_the_range_is_flagged_as_an_edge():
    X = _blobs(20, ([0, 0], [8, 0], [0, 8], [8, 8]), sd=0.3)
    top = select_k(X, [2, 3, 4], seed=0, gap_references=5)
    assert top.chosen_k == 4 and top.edge and top.excluded == []
    wide = select_k(X, [2, 3, 4, 5, 6], seed=0, gap_references=5)
    assert wide.chosen_k == 4 and not wide.edge
