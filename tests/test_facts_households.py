"""Household facts: weighted class shares of households and persons, and coded answers, computed by
hand on a six-household table (interpret/facts_households.py)."""

from __future__ import annotations

import numpy as np
import pytest

from interpret.data import load_dataset
from interpret.facts_households import household_facts, household_index

from .support.households import HOUSEHOLD_SPEC_HEAD, categorical_block

SPEC = HOUSEHOLD_SPEC_HEAD + """
[[features]]
column = "x"
label = "X"
""" + categorical_block("atap", "Atap", {1: "Genteng", 2: "Seng", 3: "Asbes"}) + """

[weights]
households = "w"
household_size = "art"

[thresholds]
measure = "kap"
line.value = 100
"""
# kap / 100 is the multiple of the line: .7 sangat miskin, .9 and .85 miskin, 1.1 hampir miskin,
# 1.5 rentan miskin, 2.0 tidak miskin.
CSV = """id,x,kap,w,art,atap
h1,1,70,10,4,2
h2,2,90,20,5,2
h3,3,110,30,2,1
h4,4,150,40,1,1
h5,5,200,50,3,1
h6,6,85,10,6,3.0
"""
LABELS = np.array([0, 0, 0, 1, 1, 1])


@pytest.fixture
def section(write_file):
    spec = write_file("rt.toml", SPEC)
    data = write_file("rt.csv", CSV)
    return household_facts(load_dataset(data, spec), LABELS, 2)


def test_weighted_class_shares_of_households_and_persons_by_hand(section):
    one, two = section.clusters[1], section.clusters[2]
    assert (one.households, one.persons) == (60.0, 200.0)  # 10+20+30; 10·4 + 20·5 + 30·2
    assert (two.households, two.persons) == (100.0, 250.0)
    assert one.classes["sangat_miskin"].households_pct == pytest.approx(100 * 10 / 60)
    assert one.classes["sangat_miskin"].persons_pct == pytest.approx(20.0)
    assert one.classes["miskin"].households == 20.0 and one.classes["miskin"].persons_pct == pytest.approx(50.0)
    assert one.classes["hampir_miskin"].households_pct == pytest.approx(50.0)
    assert one.classes["tidak_miskin"].households == 0.0
    assert (one.below_line.households_pct, one.below_line.persons_pct) == (pytest.approx(50.0), pytest.approx(70.0))
    assert (one.near_poor.households, one.near_poor.persons) == (30.0, 60.0)
    assert two.classes["miskin"].households_pct == pytest.approx(10.0)
    assert two.classes["miskin"].persons_pct == pytest.approx(24.0)  # 60 of 250 persons
    assert two.classes["rentan_miskin"].persons_pct == pytest.approx(16.0)
    assert two.classes["tidak_miskin"].persons == 150.0
    assert section.total.below_line.households == 40.0 and section.total.below_line.persons_pct == pytest.approx(100 * 200 / 450)
    assert sum(s.households_pct for s in two.classes.values()) == pytest.approx(100.0)


def test_categorical_shares_and_modal_category(section):
    one, two = section.clusters[1].categories["atap"], section.clusters[2].categories["atap"]
    assert one.shares_pct == {"1": pytest.approx(50.0), "2": pytest.approx(50.0), "3": 0.0}
    assert (one.modal, one.modal_pct) == ("1", pytest.approx(50.0))  # a tie: the first declared code
    assert two.shares_pct["1"] == pytest.approx(90.0) and two.shares_pct["3"] == pytest.approx(10.0)  # "3.0" read as code 3
    assert two.modal == "1"


def test_the_index_has_one_fact_per_share_with_stable_ids(section):
    index = {}
    household_index(lambda fact: index.setdefault(fact.id, fact), section)
    fact = index["K2.class.miskin.persons_pct"]
    assert (fact.value, fact.unit, fact.cluster, fact.text) == (pytest.approx(24.0), "%", 2, "24,0 %")
    assert index["K1.below_line.households"].value == 30.0 and index["K1.below_line.households"].kind == "count"
    assert index["K1.cat.atap.modal"].value == "1" and index["K2.cat.atap.share.3"].value == pytest.approx(10.0)
    assert index["DATA.persons"].value == 450.0
    assert index["LINE.mean"].value == 100.0


def test_without_person_weights_there_are_no_person_facts(write_file):
    spec = write_file("rt.toml", SPEC.replace('household_size = "art"\n', ""))
    section = household_facts(load_dataset(write_file("rt.csv", CSV), spec), LABELS, 2)
    assert section.persons_source is None and section.clusters[1].persons is None
    assert section.clusters[1].classes["miskin"].persons_pct is None
    index = {}
    household_index(lambda fact: index.setdefault(fact.id, fact), section)
    assert "K1.persons" not in index and "K1.class.miskin.households_pct" in index


def test_unweighted_households_are_counted_one_each(write_file):
    spec = write_file("rt.toml", SPEC.replace('[weights]\nhouseholds = "w"\nhousehold_size = "art"\n', ""))
    section = household_facts(load_dataset(write_file("rt.csv", CSV), spec), LABELS, 2)
    assert not section.weighted and section.clusters[1].households == 3.0
    assert section.clusters[1].classes["miskin"].households_pct == pytest.approx(100 / 3)
