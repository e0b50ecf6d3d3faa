"""Derived features: a feature computed from other columns, e.g. a share (`MAKANAN / TOTAL`), a ratio,
a per-capita value (`belanja / penduduk`) or a value deflated by a second table's line (`TOTAL / gk`,
gk read by interpret.lookup).

The grammar is deliberately small: column or lookup names (Python identifiers), numbers, + − × ÷
and parentheses. It is parsed with Python's `ast` and anything else (calls, attributes, powers,
comparisons) is refused, so a spec can never run code.
"""

from __future__ import annotations

import ast
from collections.abc import Callable

import numpy as np

_OPERATORS = {ast.Add: np.add, ast.Sub: np.subtract, ast.Mult: np.multiply, ast.Div: np.divide}


def parse_expression(text: str) -> ast.Expression:
    """The expression's tree; ValueError (naming what is not allowed) for anything outside the grammar."""
    try:
        tree = ast.parse(text.strip(), mode="eval")
    except SyntaxError:
        raise ValueError(f"expression {text!r} is not a formula; write e.g. \"MAKANAN / TOTAL\" or \"100 * MAKANAN / TOTAL\"") from None
    for node in ast.walk(tree):
        if isinstance(node, (ast.Expression, ast.Name, ast.Load, *_OPERATORS)):
            continue
        if isinstance(node, ast.BinOp) and type(node.op) in _OPERATORS:
            continue
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
            continue
        if isinstance(node, ast.USub):
            continue
        if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)) and not isinstance(node.value, bool):
            continue
        used = type(node.op).__name__ if isinstance(node, (ast.BinOp, ast.UnaryOp)) else type(node).__name__
        raise ValueError(f"expression {text!r} uses {used}, which is not allowed: only names, numbers, + - * / and parentheses")
    if not names(tree):
        raise ValueError(f"expression {text!r} names no column")
    return tree


def names(tree: ast.Expression) -> list[str]:
    """The column and lookup names the expression reads, in order of first use."""
    seen: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and node.id not in seen:
            seen.append(node.id)
    return seen


def evaluate(tree: ast.Expression, value_of: Callable[[str], np.ndarray]) -> np.ndarray:
    """The expression on arrays; `value_of(name)` gives a name's values (float). A division by zero
    gives inf or NaN, which the caller reports with the row."""

    def walk(node):
        if isinstance(node, ast.Expression):
            return walk(node.body)
        if isinstance(node, ast.Name):
            return np.asarray(value_of(node.id), dtype=float)
        if isinstance(node, ast.Constant):
            return float(node.value)
        if isinstance(node, ast.UnaryOp):
            return -walk(node.operand)
        return _OPERATORS[type(node.op)](walk(node.left), walk(node.right))

    with np.errstate(divide="ignore", invalid="ignore"):
        return np.asarray(walk(tree), dtype=float)


__all__ = ["evaluate", "names", "parse_expression"]
