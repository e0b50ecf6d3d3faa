"""Language-neutral values of the core: what a stage decides, never how a language says it.

The words for each value live in the language catalogues (`interpret/languages/<code>/`); code
compares these enums, never words. Each is a `StrEnum`: it equals, hashes, prints and serialises to JSON as its value.
"""

from __future__ import annotations

from enum import StrEnum


class Direction(StrEnum):
    """A value against the reference, within the "setara" tolerance."""

    ABOVE = "above"
    BELOW = "below"
    EQUAL = "equal"


class Verdict(StrEnum):
    """The verifier's judgement of one claim."""

    TRUE = "true"
    FALSE = "false"
    UNVERIFIABLE = "unverifiable"


class ClaimKind(StrEnum):
    """What a claim states; each kind has one checker in the verifier's registry."""

    NUMBER = "number"
    DIRECTION = "direction"
    RANK = "rank"
    MEMBERSHIP = "membership"
    COUNT = "count"
    SPREAD = "spread"
    STABILITY = "stability"
    POLICY = "policy"


class StabilityLevel(StrEnum):
    """Hennig's reading of a cluster's mean bootstrap Jaccard."""

    VERY_STABLE = "very_stable"
    STABLE = "stable"
    WEAK = "weak"
    UNSTABLE = "unstable"


__all__ = ["ClaimKind", "Direction", "StabilityLevel", "Verdict"]
