"""The small measures every scorer shares: span overlap, a ratio rounded as
`eval` prints it, and a figure formatted for the report."""
from __future__ import annotations


def overlap(a, b) -> int:
    """Characters two [start, end) spans share; 0 when they do not meet."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def ratio(a: int, b: int) -> float | None:
    """a / b to three places, None when there is nothing to divide by."""
    return round(a / b, 3) if b else None


def figure(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.3f}"
