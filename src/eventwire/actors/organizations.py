"""Organizations no table knows, typed by their own name: "United Airlines"
and "Acme Holdings Inc" are businesses, "Cityville University" a school, the
"National Union of Journalists" a trade union, "St Mary's Hospital" a
hospital. The head words and their CAMEO sectors are in
data/actors/org_heads.tsv.
"""
from __future__ import annotations

from functools import cache

from ..data import read_tsv
from ..model import Actor
from .index import Found, Mentions
from .knowledge import actor_code, slug

# the words after which a name's head has ended: "Bank of Canada", "University of Someplace"
_HEAD_END = {"of", "for", "on", "in", "at", "de", "du", "des"}


@cache
def _heads() -> tuple[dict[str, str], dict[str, str]]:
    """(head word -> sector, word anywhere in the name -> sector)."""
    head: dict[str, str] = {}
    anywhere: dict[str, str] = {}
    for r in read_tsv("actors/org_heads.tsv"):
        if r["where"] in ("any", "head"):
            (anywhere if r["where"] == "any" else head)[r["word"]] = r["sector"]
    return head, anywhere


def name_sector(words: list[str]) -> str | None:
    """The CAMEO sector an organization's name says: the word its head
    ends on ("Leeds Motors", "University of Someplace", "Acme Holdings
    Inc."), or a word anywhere in it that only unions use ("Federation of
    Workers"). None for a party's name ("Workers' Party") and unknown heads."""
    if not words or any(w.lower() == "party" for w in words):
        return None
    head, anywhere = _heads()
    for w in words:
        if w in anywhere:
            return anywhere[w]
    stem = []
    for w in words:
        if w.lower() in _HEAD_END and stem:
            break
        stem.append(w)
    stem = [w for w in stem if w not in (",", "'s", "’s")]
    if " ".join(stem[-2:]) in head:  # "the Central Bank of Nigeria": a head of two words
        return head[" ".join(stem[-2:])]
    for w in reversed(stem[-2:]):  # "Acme Holdings Inc.": the legal form or the trade before it
        if w in head:
            return head[w]
    return None


@cache
def _country_bodies() -> dict[str, str]:
    """Head word -> sector of a body named "<head> of <country>" ("Bank of Japan")."""
    return {r["word"]: r["sector"] for r in read_tsv("actors/org_heads.tsv") if r["where"] == "of_country"}


def _country_body_sector(m: Mentions, start: int, end: int, inside: list[Found]) -> str | None:
    """"Bank of Japan": a head word of `_country_bodies`, "of" and the
    country's own name (no city, region or other alias: "Bank of America" is a
    company) closing the name is that state's body."""
    doc = m.doc
    if len(inside) != 1 or inside[0].form != "name" or inside[0].end != end or end - start < 3:
        return None
    f = inside[0]
    head = f.start - 2
    if head < start or doc[f.start - 1].lower_ != "of" or any(doc[k].lower_ != "the" for k in range(start, head)):
        return None  # "(The) Bank of Japan" only
    return _country_bodies().get(doc[head].text)


def typed_org(m: Mentions, start: int, end: int, country: str | None) -> Found | None:
    """The organization of tokens start..end when its name has a head word
    the table knows, of `country` (the place in its name, or None for the
    event coder to place by its sentence)."""
    span = m.doc[start:end]
    words = [t.text for t in span]
    sector = name_sector(words)
    if sector is None:
        return None
    text = span.text.strip()
    actor = Actor(f"organization/{slug(text)}", text, actor_code(country, sector), country, sector, "organization")
    return Found(actor, start, end, "entity")


def absorb_places(m: Mentions, ent) -> Found | None:
    """"Tehran University", "Bank of Canada", "the Ontario Superior Court":
    an entity whose name holds only known places (a country, a city, a
    demonym) and ends on an organization's head word is that organization,
    of the place's country, not the place itself."""
    inside = {id(f): f for i in range(ent.start, ent.end) if (f := m.by_token.get(i)) is not None}
    if not inside or any(f.actor.kind != "country" or f.start < ent.start or f.end > ent.end
                         for f in inside.values()):
        return None
    countries = {f.actor.country for f in inside.values()}
    if len(countries) != 1:
        return None
    start = ent.start
    while start < ent.end and (m.doc[start].is_lower or m.doc[start].is_punct):
        start += 1  # "the Bank of Canada"
    if start >= ent.end:
        return None
    sector = _country_body_sector(m, start, ent.end, list(inside.values()))
    if sector is not None:
        text = m.doc[start:ent.end].text
        c = next(iter(countries))
        found = Found(Actor(f"organization/{slug(text)}", text, actor_code(c, sector), c, sector, "organization"),
                      start, ent.end, "entity")
    else:
        found = typed_org(m, start, ent.end, next(iter(countries)))
    if found is None:
        return None
    for f in inside.values():
        m.found.remove(f)
        for i in range(f.start, f.end):
            if m.by_token.get(i) is f:
                del m.by_token[i]
    m.add(found)
    return found
