"""Scoring places against a `toponyms` gold file (format in SPEC.md).

- found: a gold toponym is found when a predicted place's span overlaps it.
- within 161 km: found, and the predicted coordinates lie within 161 km (100
  miles, the field's usual threshold) of the gold coordinates; a predicted
  place without coordinates is never within.
- precision: predicted places that overlap a gold toponym, over all predicted
  places; `resolved precision` also asks for the 161 km.

Does not score the GeoNames id itself: two entries a few km apart (a city and
its district) are the same answer to a map.
"""
from __future__ import annotations

from ..model import Record
from .measures import figure, overlap, ratio
from ..place.gazetteer import distance_km

WITHIN_KM = 161.0


def score_places(pairs: list[tuple[dict, Record | None]]) -> dict:
    """Metrics over (gold item, record) pairs; a record of None failed to code."""
    gold = found = within = pred = pred_hit = pred_within = 0
    for item, rec in pairs:
        places = rec.places if rec is not None else []
        toponyms = item.get("toponyms") or []
        gold += len(toponyms)
        pred += len(places)
        for t in toponyms:
            hits = [p for p in places if overlap(p.span, t["span"]) > 0]
            if not hits:
                continue
            found += 1
            if any(p.lat is not None and t.get("lat") is not None
                   and distance_km(p.lat, p.lon, t["lat"], t["lon"]) <= WITHIN_KM for p in hits):
                within += 1
        for p in places:
            hits = [t for t in toponyms if overlap(p.span, t["span"]) > 0]
            if hits:
                pred_hit += 1
                if p.lat is not None and any(t.get("lat") is not None and distance_km(
                        p.lat, p.lon, t["lat"], t["lon"]) <= WITHIN_KM for t in hits):
                    pred_within += 1

    return {"kind": "places", "gold": gold, "predicted": pred, "found": ratio(found, gold),
            "within_161km": ratio(within, gold), "precision": ratio(pred_hit, pred),
            "resolved_precision": ratio(pred_within, pred)}


def format_places(m: dict) -> str:
    f = figure
    return "\n".join([
        f"file            {m['file']} ({m['items']} items, {m['failed']} failed)",
        f"places          found {f(m['found'])}  within 161 km {f(m['within_161km'])}"
        f"  ({m['gold']} gold toponyms)",
        f"places output   precision {f(m['precision'])}  resolved precision {f(m['resolved_precision'])}"
        f"  ({m['predicted']} predicted)",
    ])
