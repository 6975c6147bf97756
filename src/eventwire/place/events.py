"""Placing events: each event gets the place phrase attached to its trigger.

Moved from coder.py; geocoding is in resolve.py.
"""
from __future__ import annotations

from ..model import Event
from .resolve import place_of


def place_events(events: list[Event], doc) -> None:
    for e in events:
        if e.trigger_token is None:
            continue
        exclude = set()
        for m in (e.source, e.target):
            if m is not None:
                exclude.update(t.i for t in doc.char_span(*m.span, alignment_mode="expand") or [])
        e.place = place_of(doc[e.trigger_token], exclude)
