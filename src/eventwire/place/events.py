"""Placing events: each event gets the place phrase attached to its trigger,
chosen from the article's places (geoparse.py), so an event's `place` is one of
the record's `places`.
"""
from __future__ import annotations

from ..model import Event, PlaceMention
from .resolve import location_heads


def place_events(events: list[Event], doc, places: list[PlaceMention]) -> None:
    """An event's place: the first of its trigger's location phrases that is
    one of the article's places and not the event's source or target."""
    for e in events:
        if e.trigger_token is None:
            continue
        exclude = set()
        for m in (e.source, e.target):
            if m is not None:
                exclude.update(t.i for t in doc.char_span(*m.span, alignment_mode="expand") or [])
        for h in location_heads(doc[e.trigger_token]):
            if h.i in exclude:
                continue
            found = next((p for p in places if p.span[0] <= h.idx < p.span[1]), None)
            if found is not None and found.lat is not None or found is not None and found.feature == "PCLI":
                e.place = found.place()
                break
