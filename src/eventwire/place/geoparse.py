"""Geoparsing: every place named in an article, resolved to one GeoNames entry.

Mentions come from the recognizer (GPE, LOC and FAC names found in the
gazetteer) and from the parse where the recognizer missed a name: a proper
noun that is the object of a place preposition ("a rally in Lanexa"), or of
"of" after a person ("Maria Lopez of Grand Prairie"), or joined to a place
("Gainesville and Duluth"), and that the gazetteer knows; one word the
recognizer took for a person counts there unless the article's people bear it.

Resolution, one sense per name per article (the field's usual assumption):
1. every name's entries are ranked by priors: population (log10) and feature
   class (a country before a state of its name, a state before a county);
2. then again with the article as context: an entry gains when the other
   names of the article resolved into its country, and more when into its
   first-level division ("Gainesville" near "Georgia" and "Atlanta"); the
   dateline (the article's first place) counts twice.

A division or country written after a town ("Gainesville, Fla.") keeps only
the town's entries in it; a dateline in capitals ("CARTHAGE, N.C. (AP) —")
is a place and the article's first context. A place name the gazetteer
lacks yields the known names inside it ("Oxford" of "East Oxford"); a town
or county opening a name of its local life ("Winona police", "the Boone
County Jail") is a place.

A name used for its government ("Ankara said", "Russia warned") is an actor,
not a place: the subject of a speech verb is left out. Does not resolve
places the gazetteer lacks (rivers, mountains, regions, buildings).
"""
from __future__ import annotations

import re
from collections import Counter
from functools import cache

from ..model import PlaceMention
from ..nlp.parse import doc_text
from ..quotes.find import cues as quote_cues
from .gazetteer import Entry, distance_km, fold, gazetteer, population_prior

PLACE_LABELS = {"GPE", "LOC", "FAC"}
PLACE_PREPS = {"in", "at", "near", "outside", "from", "to", "across", "throughout", "around", "into"}
FEATURE_PRIOR = {"PCLI": 3.0, "CONT": 3.0, "ADM1": 1.5, "PPLC": 2.5, "PPL": 0.0, "ADM2": -1.0}
COUNTRY_CONTEXT = 2.0
LOCAL_CONTEXT = 3.0  # more, in the share of the article's other places that lie in the country
ADMIN1_CONTEXT = 4.0
MIN_PARSE_POPULATION = 5000  # a name only the parse found must be a town of some size
MAX_CANDIDATES = 60
CITY_SHARE_OF_PROVINCE = 0.2


_boost: dict[Entry, float] = {}  # cities that carry the weight of the province of their name


def _prior(e: Entry) -> float:
    boosted = _boost.get(e)
    return boosted if boosted is not None else population_prior(e) + FEATURE_PRIOR.get(e.feature, 0.0)


def _mentions(doc) -> list[tuple[int, int, str]]:
    """(start char, end char, name) of every candidate place mention: the
    recognizer's and the parse's places, demonyms of countries ("Russian"),
    names of countries and states whatever the recognizer called them
    ("University of Texas"), and every other use of a name the article has
    shown to be a place ("Gainesville Police")."""
    text = doc_text(doc)
    out = []
    covered = set()
    g = gazetteer()
    ent_of = {i: e for e in doc.ents for i in range(e.start, e.end)}
    for ent in doc.ents:
        if ent.label_ == "NORP":
            # "Russian", "Americans", and each half of "Russian-American"
            start = ent.start_char
            for part in ent.text.split("-"):
                key = fold(part)
                if key in g.demonyms or key.endswith("s") and key[:-1] in g.demonyms:
                    covered.update(range(ent.start, ent.end))
                    out.append((start, start + len(part), part))
                start += len(part) + 1
            continue
        if ent.label_ == "ORG" and len(ent) > 1:
            # "the Russian Foreign Ministry", "the Lebanese Army": the country of its demonym
            first = ent[1] if ent[0].lower_ == "the" and len(ent) > 2 else ent[0]
            if fold(first.text) in g.demonyms and first.text[:1].isupper():
                out.append((first.idx, first.idx + len(first.text), first.text))
                covered.add(first.i)
            out += _town_after_of(ent, covered)
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
        if _candidates(text[start:end]) or len(toks) == 1:
            out.append((start, end, text[start:end]))
        else:  # "East Oxford", "the Titus County Jail", "North Texas": the known names inside
            out += _inner_names(toks, text)
    people = _people_words(doc)
    person_words = Counter(fold(e.text) for e in doc.ents if e.label_ == "PERSON" and len(e) == 1)
    for tok in doc:
        # the parse's own places: a capitalized proper noun under a place preposition,
        # not the first word of a longer name ("at the University of Hartford")
        home = _home_of_a_person(tok)
        beside = tok.dep_ == "conj" and tok.head.i in covered  # "Gainesville and Duluth"
        if tok.i in covered or tok.pos_ != "PROPN" or not tok.text[:1].isupper() \
                or not (tok.dep_ == "pobj" and (tok.head.lower_ in PLACE_PREPS or home) or beside):
            continue
        if tok.ent_type_ == "PERSON" and (len(ent_of[tok.i]) > 1 or fold(tok.text) in people
                                          or person_words[fold(tok.text)] > 1):
            continue  # a person's name, not a town the recognizer took for one ("to Sherman")
        first = tok
        while first.i > 0 and doc[first.i - 1].dep_ == "compound" and doc[first.i - 1].pos_ == "PROPN" \
                and doc[first.i - 1].head.i == tok.i:
            first = doc[first.i - 1]
        ent = ent_of.get(tok.i)
        if ent is not None and (ent.start < first.i or ent.end > tok.i + 1):
            continue
        start, end = first.idx, tok.idx + len(tok.text)
        name = text[start:end]
        if any(e.population >= (MIN_INNER_POPULATION if home or beside and tok.ent_type_ != "PERSON"
                                else MIN_PARSE_POPULATION)
               or e.feature in ("PCLI", "ADM1") for e in g.lookup(name)):
            out.append((start, end, name))
            covered.update(range(first.i, tok.i + 1))
    out += _other_uses(doc, text, out, covered, ent_of)
    return sorted(out)


MIN_TOWN_AFTER_OF = 10000


def _town_after_of(ent, covered: set[int]) -> list[tuple[int, int, str]]:
    """A town that ends an organization's name after "of" ("the University
    of Rochester", "the Ballet Society of Jackson"): a town of some size."""
    for j in range(ent.end - 1, max(ent.start, ent.end - 1 - MAX_NAME_TOKENS), -1):
        if ent.doc[j - 1].lower_ != "of" or j - 1 <= ent.start:
            continue
        words = ent.doc[j:ent.end]
        if not all(t.text[:1].isupper() for t in words) or any(t.i in covered for t in words) \
                or all(fold(t.text) in _generic_words() for t in words):  # "the Department of Justice"
            return []
        cands = _candidates(words.text)
        if cands and cands[0].feature.startswith("PPL") and cands[0].population >= MIN_TOWN_AFTER_OF:
            covered.update(range(words.start, words.end))
            return [(words.start_char, words.end_char, words.text)]
        return []
    return []


def _home_of_a_person(tok) -> bool:
    """"Kalena Horhn of Grand Prairie": the object of "of" after a person's
    name is where the person lives."""
    return tok.head.lower_ == "of" and tok.head.head.ent_type_ == "PERSON"


MAX_NAME_TOKENS = 3
MIN_INNER_POPULATION = 1000  # a town named inside a longer place name


def _inner_names(toks, text: str) -> list[tuple[int, int, str]]:
    """The gazetteer's names inside a place name it does not know, longest
    first, left to right: capitalized words that name a country, a division
    or a town of some size ("Oxford" of "East Oxford", "Titus County" of "the
    Titus County Jail"); not words alone that name a kind of place or a
    direction ("Street", "North"), nor a county without its "County"."""
    out = []
    i = 0
    while i < len(toks):
        for n in range(min(MAX_NAME_TOKENS, len(toks) - i), 0, -1):
            window = toks[i:i + n]
            if n == len(toks) or not all(t.text[:1].isupper() for t in window) \
                    or window[0].lower_ in _calendar_words() or all(fold(t.text) in _generic_words() for t in window):
                continue
            start, end = window[0].idx, window[-1].idx + len(window[-1].text)
            name = text[start:end]
            cands = _candidates(name)
            if cands and not (n == 1 and cands[0].feature == "ADM2") and any(  # not "Licking" alone
                    e.feature in ("PCLI", "ADM1", "CONT") or e.feature == "ADM2" and n > 1
                    or e.feature.startswith("PPL") and e.population >= MIN_INNER_POPULATION for e in cands):
                out.append((start, end, name))
                i += n - 1
                break
        i += 1
    return out


def _other_uses(doc, text: str, found, covered: set[int], ent_of) -> list[tuple[int, int, str]]:
    """Each further use of a place name already found, and each name of a
    country or first-level division, whatever the recognizer called it;
    not a person's name ("Paris Hilton", "Georgia Smith") nor a government
    that speaks."""
    g = gazetteer()
    names = {fold(name) for _, _, name in found if name[:1].isupper() and len(name) > 2 and g.lookup(name)}
    names -= _generic_words()  # "Olympic", "Refuge": a word of the name of something else
    tops = [c[0] for c in map(_candidates, {name for _, _, name in found}) if c]
    countries = {e.country for e in tops}
    admins = {(e.country, e.admin1) for e in tops if e.feature != "PCLI"}
    people = _people_words(doc)
    out = []
    for _ in range(2):  # again, when this pass found names the earlier uses of which it passed by
        before = len(names)
        names |= {fold(name) for _, _, name in out if len(name) > 2} - _generic_words()
        if out and len(names) == before:
            break
        out += _scan(doc, names, countries, admins, people, covered, ent_of)
    return out


def _scan(doc, names, countries, admins, people, covered, ent_of) -> list[tuple[int, int, str]]:
    g = gazetteer()
    out = []
    i = 0
    while i < len(doc):
        tok = doc[i]
        if i in covered or not tok.text[:1].isupper() or _calendar_words().__contains__(tok.lower_):
            i += 1
            continue
        hit = None
        head = fold(tok.text)
        for n in range(MAX_NAME_TOKENS, 0, -1):
            if i + n > len(doc) or any(j in covered for j in range(i, i + n)) \
                    or n > 1 and head not in g.first_words:
                continue
            span = doc[i:i + n]
            key = fold(span.text) if n > 1 else head
            if key in names or _is_country_or_state(key, countries) or \
                    key not in people and (_is_town_in_a_name(span, admins, ent_of) or _names_its_town(span, ent_of)):
                hit = span
                break
        if hit is None or _person(hit, ent_of) or _speaks(hit.root):
            i += 1
            continue
        out.append((hit.start_char, hit.end_char, hit.text))
        covered.update(range(hit.start, hit.end))
        i = hit.end
    return out


def _is_country_or_state(key: str, countries: set[str]) -> bool:
    """A country's name, or the own name of a first-level division of a
    country the article's places are in ("Illinois" in a US story, not
    "Central" or the abbreviation "Miss.")."""
    g = gazetteer()
    for j in g.ids_of(key):
        if g.feature[j] == 0 or g.feature[j] == 1 and g._iso3[g.country[j]] in countries \
                and fold(g.name[j]) == key:
            return True
    return False


MIN_TOWN_IN_NAME = 10000  # "Gainesville Police", "the Alexandria Zoo": a town of some size
MIN_CITY_IN_NAME = 1_000_000  # ... in the article's divisions, or a city of a million anywhere ("The Moscow Times")


def _is_town_in_a_name(span, admins: set, ent_of) -> bool:
    """A town's name that opens an organization's name ("Gainesville Police",
    "the Alexandria Zoo") or is all of what the recognizer took for a person or
    organization, when the town lies in a state or province of the article's
    other places."""
    ent = ent_of.get(span.start)
    if ent is None or ent.label_ not in ("ORG", "PERSON", "FAC") or span.root.pos_ != "PROPN":
        return False
    first = ent.start + (ent[0].lower_ == "the")
    if span.start != first or span.end < ent.end and ent.label_ == "PERSON" \
            or span.end >= ent.end and ent.end - first > 1:  # all of a longer name is the organization
        return False
    cands = _candidates(span.text)
    return bool(cands) and cands[0].feature.startswith("PPL") and cands[0].population >= MIN_TOWN_IN_NAME \
        and ((cands[0].country, cands[0].admin1) in admins or cands[0].population >= MIN_CITY_IN_NAME)


def _names_its_town(span, ent_of) -> bool:
    """A county ("Licking County Genealogy Society") or a town of some size
    that a word of local life follows: its institutions and its people
    ("Oxford City Council", "Winona police", "a Paris man", "Gainesville
    residents", data/places/local_heads.tsv); at the start of the name the
    recognizer found, if any."""
    if span.end >= len(span.doc) or span.root.pos_ != "PROPN" \
            or all(fold(t.text) in _local_heads() or fold(t.text) in _generic_words() for t in span):
        return False  # "Police Chief", "Valley High"
    ent = ent_of.get(span.start)
    if ent is not None and span.start != ent.start + (ent[0].lower_ == "the"):
        return False
    if len(span) > 1 and span[-1].lower_ in ("county", "parish"):
        return any(e.feature == "ADM2" for e in _candidates(span.text))
    nxt = span.doc[span.end]
    if fold(nxt.text) not in _local_heads():
        return False
    return any(e.feature.startswith("PPL") and e.population >= MIN_INNER_POPULATION or e.feature == "ADM2" and len(span) > 1
               for e in _candidates(span.text))


@cache
def _local_heads() -> frozenset[str]:
    """Folded words of a town's local life (data/places/local_heads.tsv)."""
    from ..data import read_tsv

    return frozenset(fold(r["word"]) for r in read_tsv("places/local_heads.tsv"))


def _people_words(doc) -> set[str]:
    """Folded first and last words of the article's people of two words or
    more: a single "Underwood" or "Hamilton" is then a surname, not a town."""
    out = set()
    for e in doc.ents:
        if e.label_ == "PERSON" and len(e) > 1:
            out.add(fold(e[0].text))
            out.add(fold(e[-1].text))
    return out


def _person(span, ent_of) -> bool:
    """The words are (part of) a person's name of more than these words."""
    ent = ent_of.get(span.start)
    if span.end < len(span.doc) and fold(span.doc[span.end].text) in _local_heads() \
            and not all(fold(t.text) in _local_heads() or fold(t.text) in _generic_words() for t in span):
        return False  # "Fort Mill Town Manager Dana Price", "Kenosha Mayor Ruth Alder"
    return ent is not None and ent.label_ == "PERSON" and (ent.start < span.start or ent.end > span.end)


@cache
def _generic_words() -> frozenset[str]:
    """Folded words that alone are no place found inside a longer name
    (data/places/generic_words.tsv: "Street", "Valley", "North")."""
    from ..data import read_tsv

    return frozenset(fold(r["word"]) for r in read_tsv("places/generic_words.tsv"))


@cache
def _calendar_words() -> frozenset[str]:
    from ..time.expressions import MONTHS, WEEKDAYS

    return frozenset(MONTHS) | frozenset(WEEKDAYS)


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
    # "Istanbul", "Gaza": the city, not the province named after it and
    # mostly made of it, with the province's weight ("Quebec" stays the province)
    shadow = {}
    for e in found:
        if e.feature == "ADM1":
            city = max((c for c in found if c.feature.startswith("PPL") and (c.country, c.admin1) == (e.country, e.name)),
                       key=lambda c: c.population, default=None)
            if city is not None and city.population >= CITY_SHARE_OF_PROVINCE * e.population:
                shadow[e] = city
    for adm, city in shadow.items():
        _boost[city] = max(_prior(city), _prior(adm))
    found = [e for e in found if e not in shadow]
    found.sort(key=_prior, reverse=True)
    return found[:MAX_CANDIDATES]


def resolve_names(names: list[str], within: dict[str, set] | None = None,
                  qualifiers: set[str] = frozenset()) -> dict[str, Entry]:
    """One entry per distinct name (folded), in the article's context; the
    first name is the dateline's. Two rounds: the priors' choice of every name
    gives the countries and divisions of the article; then each name is chosen
    again with them, and with the nearness of the other names' places."""
    keys = list(dict.fromkeys(fold(n) for n in names))
    cands = {k: _candidates(n) for k, n in {fold(n): n for n in reversed(names)}.items()}
    cands = {k: v for k, v in cands.items() if v}
    for k, places in (within or {}).items():  # "Grantville, Pennsylvania": only those of the division
        inside = [e for e in cands.get(k, ()) if (e.country, e.admin1) in places or (e.country, None) in places]
        if inside:
            cands[k] = inside
    chosen = {k: v[0] for k, v in cands.items()}
    counties = {k: {e.county for e in v if e.county} for k, v in cands.items()}
    top_pop = {k: max(e.population for e in v) for k, v in cands.items()}
    for _ in range(ROUNDS):  # each name chosen again in turn, with the others' latest choices
        for k, entries in cands.items():
            chosen[k] = max(_contenders(entries), key=_scorer(k, chosen, keys[0] if keys else None, counties,
                                                                                qualifiers, top_pop[k]))
    return chosen


HAMLET = 1000


def _contenders(entries: list[Entry]) -> list[Entry]:
    """A hamlet never takes the name of a country or first-level division from
    it, whatever the context ("Queensland" in a story from Alberta); nor does
    a county of that division that bears its name ("New York" is the state,
    not New York County, beside Manhattan)."""
    if any(e.feature in ("PCLI", "ADM1") for e in entries):
        states = {(e.country, e.name) for e in entries if e.feature == "ADM1"}
        return [e for e in entries if not (e.feature.startswith("PPL") and e.population < HAMLET)
                and not (e.feature == "ADM2" and (e.country, e.admin1) in states)]
    return entries


ROUNDS = 2
NAMED_DIVISION = 5  # a division the article names outweighs the divisions of its towns
NEAR_KM = 200.0
NEAR_CONTEXT = 2.0


SAME_COUNTY = 3.0
SMALLER_NAMESAKE = 30  # a town with a namesake this many times its size ...
SMALLER_NAMESAKE_CONTEXT = 0.25  # ... gains this share of the division and nearness context


def _scorer(key: str, chosen: dict[str, Entry], dateline: str | None, counties: dict[str, set] | None = None,
            qualifiers: set[str] = frozenset(), top_population: int = 0):
    """Score of an entry for name `key` given the other names' current
    choices; and a town and a county, or two towns, that can be of one
    county gain ("Lebanon" and "Boone County" are both of Indiana's Boone
    County). A town far smaller than the biggest place of its name gains
    less from the division and the nearness of the other places: "Boston"
    beside "Albany, N.Y." is still the city of Massachusetts."""
    near = set().union(*(v for k, v in counties.items() if k != key)) if counties else set()
    countries, admins, points = Counter(), Counter(), []
    for k, e in chosen.items():
        if k == key:
            continue
        weight = 2 if k == dateline else 1
        if e.country:
            countries[e.country] += weight
        if e.admin1 and e.feature != "PCLI":
            admins[e.admin1] += weight * (NAMED_DIVISION if e.feature == "ADM1" and k not in qualifiers else 1)
        if e.feature not in ("PCLI", "CONT", "ADM1") and e.lat is not None:
            points.append((e.lat, e.lon))

    total = sum(countries.values()) or 1
    top_admin = max(admins.values(), default=1)

    def score(e: Entry) -> float:
        s = _prior(e)
        local = SMALLER_NAMESAKE_CONTEXT if e.feature.startswith("PPL") \
            and e.population * SMALLER_NAMESAKE < top_population else 1.0
        if e.country and countries[e.country]:
            s += COUNTRY_CONTEXT + LOCAL_CONTEXT * countries[e.country] / total
        if e.admin1 and e.feature not in ("PCLI", "ADM1") and admins[e.admin1]:
            s += local * ADMIN1_CONTEXT * admins[e.admin1] / top_admin
        if e.county and e.county in near:
            s += SAME_COUNTY
        if e.lat is not None and e.feature not in ("PCLI", "CONT") and any(
                distance_km(e.lat, e.lon, lat, lon) <= NEAR_KM for lat, lon in points):
            s += local * NEAR_CONTEXT
        return s

    return score


QUALIFIER = re.compile(r",\s*([A-Z][\w.]*(?: [A-Z][\w.]*)?)")


def _qualified(text: str, mentions: list[tuple[int, int, str]],
               dateline: tuple | None = None) -> tuple[list, dict[str, set], set[int]]:
    """A town's division or country written after it ("Grantville,
    Pennsylvania", "Carthage, N.C.", "London, Ont."): the divisions or
    countries each name is said to lie in, the qualifiers as mentions of
    their own where no mention covers them yet, and where the qualifiers
    start (but the dateline's, which is the article's own division)."""
    within: dict[str, set] = {}
    added = []
    starts = set()
    taken = {(s, e) for s, e, _ in mentions}
    ends = sorted(s for s, _, _ in mentions)
    for start, end, name in mentions:
        m = QUALIFIER.match(text, end)
        if m is None:
            continue
        for qual in (m.group(1), m.group(1).split(" ")[0]):
            tops = [e for e in _candidates(qual) if e.feature in ("ADM1", "PCLI")]
            if tops and not any(e.feature in ("ADM1", "PCLI") for e in _candidates(name)):
                within.setdefault(fold(name), set()).update((e.country, e.name if e.feature == "ADM1" else None)
                                                           for e in tops)
                q_start = m.start(1)
                if (start, end, name) != dateline:
                    starts.add(q_start)
                if (q_start, q_start + len(qual)) not in taken and not any(q_start <= s < q_start + len(qual) for s in ends):
                    added.append((q_start, q_start + len(qual), qual))
                break
    return added, within, starts


DATELINE = re.compile(r"(?:^|(?<=[.!?])\s+|\n\s*)([A-Z][A-Z'.]+(?:[ -][A-Z][A-Z'.]+){0,3})"
                      r"(?=(?:, [A-Z][\w.]*(?: [A-Z][\w.]*)?)?(?: \([A-Z][\w ]*\))?(?: ?(?:—|–|-{1,3})\s|:\s|\s{2,}[A-Z]))")
DATELINE_CHARS = 400


def _dateline(text: str, mentions: list[tuple[int, int, str]]) -> tuple[int, int, str] | None:
    """The dateline, a place name in capitals opening the report after the
    headline, before a dash, a colon or a wide space ("CARTHAGE, N.C. (AP) —",
    "WINONA --", "HALIFAX:"), when the
    gazetteer knows it; the parse takes it for a word of the first sentence."""
    for m in DATELINE.finditer(text, 0, DATELINE_CHARS):
        name = m.group(1)
        if len(name) > 2 and _candidates(name):
            return m.start(1), m.end(1), name
    return None


PARTY_HOME = re.compile(r"(?:,|\()\s?[DRI]-([A-Z][\w.']*(?: [A-Z][\w.']*)?)")


def _party_homes(text: str, mentions: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The home a legislator's party tag names ("Rep. Jay Roberts (R-Ocilla)",
    "Sen. Tom Jensen, R-London", "D-N.D."), where the gazetteer knows it and
    no mention covers it yet."""
    out = []
    for m in PARTY_HOME.finditer(text):
        start = m.start(1)
        for name in (m.group(1), m.group(1).split(" ")[0]):
            name = name.rstrip(".") if not _candidates(name) else name
            if _candidates(name) and not any(s < start + len(name) and e > start for s, e, _ in mentions):
                out.append((start, start + len(name), name))
                break
    return out


LIST_JOINS = {",", "and", "or", "&", "nor"}


def _listed_counties(doc, mentions: list[tuple[int, int, str]]) -> dict[tuple[int, int, str], str]:
    """Names listed before "counties" ("Butler, Clark or Warren counties"):
    each mention -> the county name it is looked up by ("Clark County").
    The list is read from the words, right to left: names of up to three
    capitalized words, joined by commas, "and", "or"; whatever order the
    parse gave the coordination, every name of the list is read."""
    out = {}
    text = doc_text(doc)
    low = text.lower()
    if "counties" not in low and "parishes" not in low:  # most articles: no walk over the tokens
        return out
    taken = set(mentions)
    for tok in doc:
        if tok.lower_ not in ("counties", "parishes"):
            continue
        word = "County" if tok.lower_ == "counties" else "Parish"
        i = tok.i - 1
        while i >= 0:
            end = i
            while i >= 0 and end - i < MAX_NAME_TOKENS and doc[i].text[:1].isupper() and doc[i].is_alpha:
                i -= 1
            if i == end:
                break
            first, last = doc[i + 1], doc[end]
            start, stop = first.idx, last.idx + len(last.text)
            name = text[start:stop]
            same = (start, stop, name) in taken  # a mention of exactly the name is read as the county
            if (same or not any(s < stop and e > start for s, e, _ in mentions)) and \
                    any(e.feature == "ADM2" for e in _candidates(f"{name} {word}")):
                out[(start, stop, name)] = f"{name} {word}"
            joined = False
            while i >= 0 and doc[i].lower_ in LIST_JOINS:
                joined = True
                i -= 1
            if not joined:
                break
    return out


def article_places(doc) -> list[PlaceMention]:
    """Every place mention of a parsed article, resolved."""
    text = doc_text(doc)
    mentions = _mentions(doc)
    dateline = _dateline(text, mentions)
    if dateline is not None:
        mentions = [m for m in mentions if not (m[0] < dateline[1] and m[1] > dateline[0])] + [dateline]
    mentions += _party_homes(text, mentions)
    counties = _listed_counties(doc, mentions)
    mentions += [m for m in counties if m not in set(mentions)]
    added, within, starts = _qualified(text, mentions, dateline)
    mentions = sorted(mentions + added)
    names = [counties.get(m, m[2]) for m in mentions]
    # a division named only after towns ("Louisville, Ky., and Boston, Mass.") says where they lie,
    # not where the article is: it weighs as any place, not as a named division
    qualifiers = {fold(n) for n in names} - {fold(n) for m, n in zip(mentions, names) if m[0] not in starts}
    if dateline is not None:  # the dateline's name first: it counts twice as context
        names.insert(0, dateline[2])
    resolved = resolve_names(names, within, qualifiers)
    out = []
    for start, end, name in mentions:
        e = resolved.get(fold(counties.get((start, end, name), name)))
        if e is None:
            continue
        out.append(PlaceMention(name, (start, end), e.name, e.geonameid, e.country, e.admin1,
                                None if e.lat is None else round(e.lat, 4),
                                None if e.lon is None else round(e.lon, 4), e.feature))
    return out
