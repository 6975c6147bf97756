"""What a dashboard page shows of a stored row: names of codes, safe links,
sentences cut into highlighted runs, sparklines."""
from __future__ import annotations

import re
from functools import cache
from urllib.parse import urlparse

from ..data import read_tsv


@cache
def cameo_names() -> dict[str, str]:
    return {r["code"]: r["name"] for r in read_tsv("cameo.tsv")}


@cache
def country_names() -> dict[str, str]:
    return {r["code"]: r["name"] for r in read_tsv("actors/countries.tsv")}


@cache
def quad_names() -> dict[int, str]:
    """CAMEO's four quad classes by number (data/quad_classes.tsv)."""
    return {int(r["quad_class"]): r["name"] for r in read_tsv("quad_classes.tsv")}


def safe_url(url: str | None) -> str | None:
    """An article's URL if it is http(s); anything else (javascript:, data:) is not linked."""
    if not url:
        return None
    try:
        scheme = urlparse(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None


def highlight(text: str, base: int, spans: list[tuple]) -> list[tuple[str, str | None]]:
    """`text` cut into (piece, kind) runs, kind naming a highlighted span or None.

    `spans` are (start, end, kind, expected) in article offsets, `base` the
    article offset of text[0]. A span whose offsets do not reproduce `expected`
    (a store written by an older coder) is looked up by its words instead; a
    span that overlaps one already placed is left out. A span with no offsets
    (the trigger) is found by its words, as a whole word, outside the others."""
    placed: list[tuple[int, int, str]] = []

    def free(s, e):
        return all(e <= ps or s >= pe for ps, pe, _ in placed)

    def place_by_words(words, kind):
        if not words:
            return
        for m in re.finditer(r"(?<!\w)" + re.escape(words) + r"(?!\w)", text, flags=re.IGNORECASE):
            if free(m.start(), m.end()):
                placed.append((m.start(), m.end(), kind))
                return

    for start, end, kind, expected in spans:
        if start is None or end is None:
            place_by_words(expected, kind)
            continue
        s, e = start - base, end - base
        if 0 <= s < e <= len(text) and (not expected or text[s:e] == expected):
            if free(s, e):
                placed.append((s, e, kind))
        else:
            place_by_words(expected, kind)
    placed.sort()
    out, pos = [], 0
    for s, e, kind in placed:
        if s > pos:
            out.append((text[pos:s], None))
        out.append((text[s:e], kind))
        pos = e
    if pos < len(text):
        out.append((text[pos:], None))
    return out


def sparkline(values: list[int], width: int = 120, height: int = 24) -> str:
    """SVG polyline points (numbers only) of a series scaled into width x height."""
    if not values:
        return ""
    top = max(values) or 1
    step = width / max(1, len(values) - 1)
    pts = [(i * step, height - 1 - (v / top) * (height - 2)) for i, v in enumerate(values)]
    if len(pts) == 1:
        pts = [(0, pts[0][1]), (width, pts[0][1])]
    return " ".join(f"{x:.1f},{y:.1f}" for x, y in pts)
