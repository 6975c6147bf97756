"""Where an event happened: the location phrases attached to its clause.

A place is a location phrase attached to the event's clause ("spoke to reporters
after the talks in Lima"): the object of in/at/near/from under the
trigger or its noun phrases. A place name that is the event's source or target
("Ankara and Tehran are among supporters") is an actor, not a place; the
actor stage owns it and events.py never looks at it. Which GeoNames entry a
name is, is geoparse.py's business.
"""
from __future__ import annotations

PLACE_PREPS = {"in", "at", "near", "outside", "inside", "from", "across", "throughout"}


def _location_phrases(token):
    """Location heads under a token: objects of place prepositions, one level of
    noun-phrase nesting deep ("a press conference ... in Istanbul")."""
    for c in token.children:
        if c.dep_ == "prep" and c.lower_ in PLACE_PREPS:
            for g in c.children:
                if g.dep_ == "pobj":
                    yield g


def location_heads(trigger) -> list:
    """Heads of the location phrases of an event's trigger, nearest first."""
    heads = list(_location_phrases(trigger))
    for c in trigger.children:
        if c.dep_ in ("dobj", "dative", "npadvmod", "prep") or c.dep_ == "pobj":
            heads.extend(_location_phrases(c))
            for g in c.children:
                if g.dep_ == "pobj":
                    heads.extend(_location_phrases(g))
    return heads
