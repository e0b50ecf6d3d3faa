"""Facts about single units and the members-above/below counts (interpret/facts_units.py), default data, k = 4."""

from __future__ import annotations

import pandas as pd

from interpret import facts_units
from interpret.facts import Fact, FeatureInfo

from .test_verify import facts_for


def test_every_unit_has_its_value_and_its_ranks_overall_and_within_its_cluster():
    index = facts_for().index
    assert index["UNIT.Papua.UHH.value"].value == 68.17 and index["UNIT.Papua.UHH.value"].member == "Papua"
    assert index["UNIT.Papua.UHH.rank_low"].value == 1 and index["UNIT.Papua.UHH.rank_high"].value == 34
    assert index["UNIT.DKI_Jakarta.Pengeluaran.rank_high"].value == 1
    assert index["UNIT.Kepulauan_Riau.Pengeluaran.rank_high"].value == 2
    assert index["UNIT.Sumatera_Barat.UHH.rank_high_cluster"].value == 1 and index["UNIT.Sumatera_Barat.UHH.rank_high"].value > 1
    assert index["UNIT.Sumatera_Barat.UHH.rank_high_cluster"].cluster == 2
    assert index["UNIT.Maluku.UHH.rank_low_cluster"].value == 1


def test_members_above_and_below_the_reference_are_counted_per_cluster_and_indicator():
    index = facts_for().index
    assert (index["K2.Pengeluaran.n_below"].value, index["K2.Pengeluaran.n_above"].value) == (10, 0)
    assert (index["K3.UHH.n_above"].value, index["K2.HLS.n_below"].value, index["K4.HLS.n_above"].value) == (14, 1, 1)
    assert all(index[f"K{c.number}.UHH.n_above"].value + index[f"K{c.number}.UHH.n_below"].value <= c.size for c in facts_for().clusters)


def test_ties_share_the_best_place_and_large_tables_get_counts_only(monkeypatch):
    values = pd.DataFrame({"x": [1.0, 2.0, 2.0, 3.0]}, index=["a", "b", "c", "d"])
    features = [FeatureInfo(name="x", column="x", label="x", unit="", direction="higher_is_better", decimals=1, theme="")]
    facts: dict[str, Fact] = {}
    facts_units.unit_facts(lambda f: facts.setdefault(f.id, f), values, [0, 0, 1, 1], {"x": 1.5}, features, {u: u for u in values.index})
    assert (facts["UNIT.b.x.rank_high"].value, facts["UNIT.c.x.rank_high"].value, facts["UNIT.c.x.rank_low_cluster"].value) == (2, 2, 1)
    assert (facts["K1.x.n_above"].value, facts["K1.x.n_below"].value, facts["K2.x.n_above"].value) == (1, 1, 2)
    monkeypatch.setattr(facts_units, "UNIT_FACTS_MAX", 3)
    bounded: dict[str, Fact] = {}
    facts_units.unit_facts(lambda f: bounded.setdefault(f.id, f), values, [0, 0, 1, 1], {"x": 1.5}, features, {u: u for u in values.index})
    assert not any(i.startswith("UNIT.") for i in bounded) and "K2.x.n_above" in bounded
