"""The small pieces the direction checks share (directions.py and its mixins directions_carried.py,
directions_cluster_mean.py): the better/worse words' sense and a match extended over its indicator. A module of its
own so that the mixins import them at the top, not directions.py back (an import cycle)."""

from __future__ import annotations

from ..terms import Direction

BETTER, WORSE = "better", "worse"  # "unggul / tertinggal": a direction that depends on the indicator's sense


def wanted_direction(quality: str, higher_is_better: bool) -> Direction:
    """"Better" is above the reference for an indicator where higher is better, below otherwise."""
    return Direction.ABOVE if (quality == BETTER) == higher_is_better else Direction.BELOW


class _At:
    """A position as the number-like object the subject helpers read (`start`, `end`)."""

    def __init__(self, position: int):
        self.start = self.end = position


class _WithIndicator:
    """A direction match extended over the indicator that names its reference ("exceed the national life expectancy"):
    the claim quotes it, and the indicator inside the claim is the one it is about."""

    def __init__(self, match, indicator):
        self.match, self.stop, self.feature = match, indicator.end, indicator.value

    def start(self, group=0) -> int:
        return self.match.start(group)

    def end(self, group=0) -> int:
        return self.stop if group == 0 else self.match.end(group)

    def group(self, group=0):
        return self.match.string[self.start() : self.stop] if group == 0 else self.match.group(group)
