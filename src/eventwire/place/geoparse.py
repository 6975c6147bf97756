"""Geoparsing: every place named in an article, resolved to one GeoNames entry.

Mentions come from the recognizer (GPE, LOC and FAC names found in the
gazetteer) and from the parse where the recognizer missed a name: a proper
noun that is the object of a place preposition ("a rally in Lanexa") and that
the gazetteer knows.

Resolution, one sense per name per article (the field's usual assumption):
1. every name's entries are ranked by priors: population (log10) and feature
   class (a country before a state of its name, a state before a county);
2. then again with the article as context: an entry gains when the other
   names of the article resolved into its country, and more when into its
   first-level division ("Gainesville" near "Georgia" and "Atlanta"); the
   dateline (the article's first place) counts twice.

A name used for its government ("Ankara said", "Russia warned") is an actor,
not a place: the subject of a speech verb is left out. Does not resolve
places the gazetteer lacks (rivers, mountains, regions, buildings) and does
not read "Gainesville, Fla." abbreviations of states.
"""
from __future__ import annotations

from collections import Counter
from functools import cache

from ..model import PlaceMention
from ..nlp.parse import doc_text
from ..quotes.find import cues as quote_cues
from .gazetteer import Entry, fold, gazetteer, population_prior

PLACE_LABELS = {"GPE", "LOC", "FAC"}
PLACE_PREPS = {"in", "at", "near", "outside", "from", "to", "across", "throughout", "around", "into"}
FEATURE_PRIOR = {"PCLI": 3.0, "CONT": 3.0, "ADM1": 1.5, "PPLC": 2.5, "PPL": 0.0, "ADM2": -1.0}
COUNTRY_CONTEXT = 2.0
ADMIN1_CONTEXT = 4.0
MIN_PARSE_POPULATION = 5000  # a name only the parse found must be a town of some size
MAX_CANDIDATES = 60


_boost: dict[Entry, float] = {}  # cities that carry the weight of the province of their name


def _prior(e: Entry) -> float:
    boosted = _boost.get(e)
    return boosted if boosted is not None else population_prior(e) + FEATURE_PRIOR.get(e.feature, 0.0)


def _mentions(doc) -> list[tuple[int, int, str]]:
    """(start char, end char, name) of every candidate place mention: the
    recognizer's and the parse's places, demonyms of countries ("Russian"),
    and every other use of a name the article has shown to be a place
    ("Gainesville Police", where the recognizer saw an organization)."""
    text = doc_text(doc)
    out = []
    covered = set()
    g = gazetteer()
    for ent in doc.ents:
        if ent.label_ == "NORP":
            key = fold(ent.text)
            if key in g.demonyms or key.endswith("s") and key[:-1] in g.demonyms:
                covered.update(range(ent.start, ent.end))
                out.append((ent.start_char, ent.end_char, ent.text))
            continue
        if ent.label_ not in PLACE_LABELS:
            continue
        covered.update(range(ent.start, ent.end))
        toks = list(ent)
        while toks and toks[0].lower_ == "the":
            toks = toks[1:]
        while toks and toks[-1].tag_ == "POS":
            toks = toks[:-1]
        if not toks or _speaks(ent.root):
            continue
        start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
        out.append((start, end, text[start:end]))
    for tok in doc:
        # the parse's own places: a capitalized proper noun under a place preposition
        if tok.i in covered or tok.pos_ != "PROPN" or not tok.text[:1].isupper() or tok.dep_ != "pobj" \
                or tok.head.lower_ not in PLACE_PREPS or tok.ent_type_ == "PERSON":
            continue
        first = tok
        while first.i > 0 and doc[first.i - 1].dep_ == "compound" and doc[first.i - 1].pos_ == "PROPN" \
                and doc[first.i - 1].head.i == tok.i:
            first = doc[first.i - 1]
        start, end = first.idx, tok.idx + len(tok.text)
        name = text[start:end]
        if any(e.population >= MIN_PARSE_POPULATION or e.feature in ("PCLI", "ADM1")
               for e in gazetteer().lookup(name)):
            out.append((start, end, name))
            covered.update(range(first.i, tok.i + 1))
    return sorted(out + _other_uses(doc, text, out, covered))


def _other_uses(doc, text: str, found, covered: set[int]) -> list[tuple[int, int, str]]:
    """Each further use of a place name already found, whatever the recognizer
    called it, unless it is a person's name ("Paris Hilton")."""
    names = {name for _, _, name in found if name[:1].isupper() and len(name) > 2 and name in _known(name)}
    out = []
    for tok in doc:
        if tok.i in covered or not tok.text[:1].isupper():
            continue
        for name in names:
            if not text.startswith(name, tok.idx):
                continue
            end = tok.idx + len(name)
            span = doc.char_span(tok.idx, end)
            if span is None or any(t.i in covered for t in span):
                continue
            if span[-1].ent_type_ == "PERSON" and span[-1].ent_iob_ == "I" or \
                    span.end < len(doc) and doc[span.end].ent_type_ == "PERSON" and doc[span.end].ent_iob_ == "I":
                continue
            out.append((tok.idx, end, name))
            covered.update(range(span.start, span.end))
            break
    return out


@cache
def _calendar_words() -> frozenset[str]:
    from ..time.expressions import MONTHS, WEEKDAYS

    return frozenset(MONTHS) | frozenset(WEEKDAYS)


def _known(name: str) -> set[str]:
    return {name} if gazetteer().lookup(name) else set()


def _speaks(tok) -> bool:
    """"Ankara said", "Moscow warned": the place is the subject of a speech verb."""
    return tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_.lower() in quote_cues()


def _candidates(name: str) -> list[Entry]:
    g = gazetteer()
    key = fold(name)
    if key in _calendar_words():  # "in March", "on Monday"
        return []
    demonym = g.demonyms.get(key, g.demonyms.get(key[:-1]) if key.endswith("s") else None)
    if demonym is not None:
        return [g.entry(demonym)]
    found = g.lookup(name)
    if not found and name.lower().startswith("the "):
        found = g.lookup(name[4:])
    # "Istanbul", "Gaza": the city, not the province named after it, with the
    # province's weight
    shadowed = {(e.country, e.name): _prior(e) for e in found if e.feature == "ADM1"}
    found = [e for e in found if not (e.feature == "ADM1" and any(
        c.feature.startswith("PPL") and (c.country, c.admin1) == (e.country, e.name) for c in found))]
    for e in found:
        if e.feature.startswith("PPL") and (e.country, e.admin1) in shadowed:
            _boost[e] = max(_prior(e), shadowed[(e.country, e.admin1)])
    found.sort(key=_prior, reverse=True)
    return found[:MAX_CANDIDATES]


def resolve_names(names: list[str]) -> dict[str, Entry]:
    """One entry per distinct name (folded), in the article's context; the
    first name is the dateline's."""
    keys = list(dict.fromkeys(fold(n) for n in names))
    cands = {k: _candidates(n) for k, n in {fold(n): n for n in reversed(names)}.items()}
    cands = {k: v for k, v in cands.items() if v}
    first = {k: v[0] for k, v in cands.items()}
    countries: dict[str, Counter] = {}
    admins: dict[str, Counter] = {}
    for k, e in first.items():
        weight = 2 if keys and k == keys[0] else 1
        countries[k] = Counter({e.country: weight}) if e.country else Counter()
        admins[k] = Counter({e.admin1: weight}) if e.admin1 and e.feature != "PCLI" else Counter()
    total_c = sum(countries.values(), Counter())
    total_a = sum(admins.values(), Counter())
    out = {}
    for k, entries in cands.items():
        other_c = total_c - countries[k]
        other_a = total_a - admins[k]

        def score(e: Entry) -> float:
            s = _prior(e)
            if e.country and other_c[e.country]:
                s += COUNTRY_CONTEXT
            if e.admin1 and e.feature not in ("PCLI", "ADM1") and other_a[e.admin1]:
                s += ADMIN1_CONTEXT
            return s

        out[k] = max(entries, key=score)
    return out


def article_places(doc) -> list[PlaceMention]:
    """Every place mention of a parsed article, resolved."""
    mentions = _mentions(doc)
    resolved = resolve_names([name for _, _, name in mentions])
    out = []
    for start, end, name in mentions:
        e = resolved.get(fold(name))
        if e is None:
            continue
        out.append(PlaceMention(name, (start, end), e.name, e.geonameid, e.country, e.admin1,
                                None if e.lat is None else round(e.lat, 4),
                                None if e.lon is None else round(e.lon, 4), e.feature))
    return out
