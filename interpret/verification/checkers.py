"""The checker registry: one checker per kind of claim, run by the engine in the order of `ClaimKind`.

A checker is a class with `kind` (the ClaimKind it judges), `words` (the lexicon [words] entries
it reads, checked when a Verifier is built so a new language file that lacks one fails with a
clear message) and `check(scope)`; it is built with the verifier (`Checker(verifier)`).
A new kind of claim is one module that defines its checker with `@register` and adds its words
to each lexicon.toml; the engine imports the shipped checkers (engine.py) and iterates `CHECKERS`.
"""

from __future__ import annotations

from typing import Protocol

from ..terms import ClaimKind


class Checker(Protocol):
    kind: ClaimKind
    words: tuple[str, ...]

    def __init__(self, verifier) -> None: ...

    def check(self, scope) -> None: ...


CHECKERS: list[type[Checker]] = []  # sorted by ClaimKind


def register(checker: type[Checker]) -> type[Checker]:
    """Class decorator: add a checker to the registry (once; its kind must be new)."""
    if checker in CHECKERS:
        return checker
    taken = {c.kind for c in CHECKERS}
    if checker.kind in taken:
        raise ValueError(f"two checkers for claims of kind {checker.kind!r}: {checker.__name__} and {next(c.__name__ for c in CHECKERS if c.kind == checker.kind)}")
    CHECKERS.append(checker)
    # the order of ClaimKind, not of the imports: it fixes the order (and so the ids) of the claims
    CHECKERS.sort(key=lambda c: list(ClaimKind).index(c.kind))
    return checker


__all__ = ["CHECKERS", "Checker", "register"]
