"""Derived features' expression grammar (interpret/derive.py): what it reads, what it refuses."""

import numpy as np
import pytest

from interpret.derive import evaluate, names, parse_expression


def test_share_ratio_and_scaled_share_evaluate_on_arrays():
    columns = {"MAKANAN": np.array([50.0, 30.0]), "TOTAL": np.array([100.0, 120.0]), "gk": np.array([25.0, 40.0])}
    assert evaluate(parse_expression("MAKANAN / TOTAL"), columns.__getitem__).tolist() == [0.5, 0.25]
    assert evaluate(parse_expression("100 * MAKANAN / TOTAL"), columns.__getitem__).tolist() == [50.0, 25.0]
    assert evaluate(parse_expression("(TOTAL - MAKANAN) / gk"), columns.__getitem__).tolist() == [2.0, 2.25]
    assert evaluate(parse_expression("-MAKANAN"), columns.__getitem__).tolist() == [-50.0, -30.0]


def test_names_are_listed_once_in_order_of_use():
    assert names(parse_expression("TOTAL / gk + MAKANAN / TOTAL")) == ["TOTAL", "gk", "MAKANAN"]


@pytest.mark.parametrize("text, word", [
    ("__import__('os').system('x')", "Call"),
    ("TOTAL ** 2", "Pow"),
    ("TOTAL.real", "Attribute"),
    ("TOTAL > 1", "Compare"),
    ("'a' / TOTAL", "Constant"),
])
def test_anything_outside_the_grammar_is_refused_with_what_it_used(text, word):
    with pytest.raises(ValueError, match=word):
        parse_expression(text)


def test_a_broken_formula_or_one_without_a_column_is_refused():
    with pytest.raises(ValueError, match="not a formula"):
        parse_expression("MAKANAN /")
    with pytest.raises(ValueError, match="names no column"):
        parse_expression("100 / 4")


def test_division_by_zero_gives_a_non_finite_value_for_the_caller_to_report():
    out = evaluate(parse_expression("A / B"), {"A": np.array([1.0, 2.0]), "B": np.array([1.0, 0.0])}.__getitem__)
    assert out[0] == 1.0 and not np.isfinite(out[1])
