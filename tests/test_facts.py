"""Stage 3: the facts object and its stable IDs."""

from __future__ import annotations

import json

import numpy as np
import pytest


def test_fact_ids_cover_every_cluster_feature_and_stat(default_brief):
    facts = default_brief.facts
    for c in facts.clusters:
        assert f"K{c.number}.size" in facts.index
        for f in facts.features:
            for stat in ("mean", "median", "min", "max", "sd", "diff", "diff_pct", "z", "rank", "direction"):
                assert f"K{c.number}.{f.name}.{stat}" in facts.index
    for key in ("DATA.n_units", "DATA.year", "RUN.k", "RUN.seed", "FIT.between_pct", "METHOD.tolerance_pct", "REF.UHH"):
        assert key in facts.index


def test_profile_numbers_match_a_direct_computation(default_brief):
    facts, values = default_brief.facts, default_brief.dataset.values
    for c in facts.clusters:
        block = values.loc[c.members]
        for f in facts.features:
            s = c.features[f.name]
            assert s.mean == pytest.approx(block[f.name].mean())
            assert s.median == pytest.approx(block[f.name].median())
            assert s.sd == pytest.approx(block[f.name].std(ddof=1))
            ref = values[f.name].mean()
            assert s.diff_pct == pytest.approx(100 * (s.mean - ref) / ref)
            assert s.z == pytest.approx((s.mean - ref) / values[f.name].std(ddof=1))


def test_directions_respect_the_tolerance(default_brief):
    facts = default_brief.facts
    tol = facts.method["tolerance_pct"]
    for c in facts.clusters:
        for f in facts.features:
            s = c.features[f.name]
            expected = "setara" if abs(s.diff_pct) <= tol else ("di atas" if s.diff_pct > 0 else "di bawah")
            assert s.direction == expected


def test_ranks_and_composite_order(default_brief):
    facts = default_brief.facts
    for f in facts.features:
        means = [c.features[f.name].mean for c in facts.clusters]
        ranks = [c.features[f.name].rank for c in facts.clusters]
        assert ranks == list((-np.array(means)).argsort().argsort() + 1)
    composites = [c.composite for c in facts.clusters]
    assert composites == sorted(composites, reverse=True)  # Klaster 1 = best, by construction
    assert [c.composite_rank for c in facts.clusters] == [1, 2, 3, 4]


def test_small_n_flags_and_sd_of_a_singleton():
    from .conftest import settings
    from interpret.data import load_dataset
    from interpret.pipeline import stage_cluster

    _, facts = stage_cluster(load_dataset(), settings(k=12, seed=0, bootstrap=0))
    sizes = {c.size for c in facts.clusters}
    assert 1 in sizes
    for c in facts.clusters:
        assert c.small_n == ("n=1" if c.size == 1 else "n=2" if c.size == 2 else None)
        if c.size == 1:
            assert all(s.sd is None for s in c.features.values())
            assert f"K{c.number}.UHH.sd" not in facts.index


def test_facts_are_json_serializable(default_brief):
    text = json.dumps(default_brief.facts.to_dict())
    assert '"K1.UHH.mean"' in text
