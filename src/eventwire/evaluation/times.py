"""Scoring time expressions against a `timexes` gold file (format in SPEC.md).

TempEval-3's own measures, restricted as SPEC.md says to DATE and TIME
expressions (durations and sets are listed but not scored here):
- found: a gold DATE/TIME expression is found when a predicted date or time
  overlaps it (TempEval-3's relaxed match).
- value right: found, and the predicted TIMEX3 value equals the gold one.
- precision: predicted dates and times that overlap any gold expression,
  over all predicted dates and times; `value precision` also asks for the
  value.
"""
from __future__ import annotations

from ..model import Record
from .measures import figure, overlap, ratio

SCORED_TYPES = ("date", "time")


def score_times(pairs: list[tuple[dict, Record | None]]) -> dict:
    """Metrics over (gold item, record) pairs; a record of None failed to code."""
    gold = found = right = pred = pred_hit = pred_right = 0
    for item, rec in pairs:
        timexes = item.get("timexes") or []
        scored = [t for t in timexes if t.get("type", "").lower() in SCORED_TYPES]
        times = [t for t in (rec.times if rec is not None else []) if t.type in SCORED_TYPES]
        gold += len(scored)
        pred += len(times)
        for g in scored:
            hits = [t for t in times if overlap(t.span, g["span"]) > 0]
            if hits:
                found += 1
                right += any(t.value == g.get("value") for t in hits)
        for t in times:
            hits = [g for g in timexes if overlap(t.span, g["span"]) > 0]
            if hits:
                pred_hit += 1
                pred_right += any(t.value == g.get("value") for g in hits)

    return {"kind": "times", "gold": gold, "predicted": pred, "found": ratio(found, gold),
            "value_right": ratio(right, gold), "precision": ratio(pred_hit, pred),
            "value_precision": ratio(pred_right, pred)}


def format_times(m: dict) -> str:
    f = figure
    return "\n".join([
        f"file            {m['file']} ({m['items']} items, {m['failed']} failed)",
        f"times           found {f(m['found'])}  value right {f(m['value_right'])}"
        f"  ({m['gold']} gold dates and times)",
        f"times output    precision {f(m['precision'])}  value precision {f(m['value_precision'])}"
        f"  ({m['predicted']} predicted dates and times)",
    ])
