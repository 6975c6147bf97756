"""What the article itself says about its actors, read after the names and
before the titles: acronyms it defines ("the Democratic Forces for the
Liberation of Rwanda (FDLR)": after that "FDLR" is them, whatever else the
letters could mean), descriptions that point back to an actor it named ("the
bloc", "the alliance", "the Gulf state", "the island nation"; the words are in
data/actors/descriptions.tsv), and common nouns the tables give one country's
actor ("junta") that stay a plain title when the article never names that
country.
"""
from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from ..data import read_tsv
from ..model import Actor
from .context import resolve_role, role_at
from .index import Found, Mentions
from .knowledge import actor_code, slug

if TYPE_CHECKING:
    from spacy.tokens import Token

ACRONYM = re.compile(r"^[A-Z][A-Za-z0-9&-]*[A-Z0-9]$")
LINK_WORDS = {"of", "for", "and", "the", "de", "du", "des", "la", "le", "in", "on", "’s", "'s", "-", "&"}
MAX_LONG_FORM = 12  # tokens


def read_definitions(m: Mentions) -> None:
    _drop_datelines(m)
    _drop_foreign_common_nouns(m)
    _find_acronyms(m)
    _find_pairs(m)
    _find_descriptions(m)
    _find_demonym_people(m)


def _replace(m: Mentions, new: Found) -> None:
    """`new` takes its tokens from whatever mention held them."""
    for f in [f for f in m.found if f.start < new.end and new.start < f.end]:
        m.found.remove(f)
        for i in range(f.start, f.end):
            if m.by_token.get(i) is f:
                del m.by_token[i]
    m.add(new)


DATELINE_DASHES = {"—", "–", "-", "--", ":"}
MAX_DATELINE = 16  # tokens


def dateline_end(m: Mentions, start: int) -> int | None:
    """The end of a wire dateline opening the paragraph at `start`: "OSLO
    (AP) —", "(Agency) -", "LIMA (Agency / Wire - 3rd March, 2024)",
    "Nairobi:", "CHILE, March 3 -": a place in capitals or
    an agency in brackets, or a place and a colon, before a dash, with no verb."""
    doc = m.doc
    depth, caps, bracket = 0, False, False
    for i in range(start, min(len(doc), start + MAX_DATELINE)):
        t = doc[i]
        if "\n" in t.text:
            return None
        if t.text == "(":
            depth += 1
            bracket = True
            continue
        if t.text[:1] == ")" and t.text[1:] in DATELINE_DASHES and depth == 1:
            return i + 1  # "JAKARTA (Agency):", where the tokenizer keeps "):" as one token
        if t.text == ")":
            depth -= 1
            if depth == 0 and i + 1 < len(doc) and doc[i + 1].text not in DATELINE_DASHES and i > start + 1:
                # "LIMA (... 2024) After the vote ...": the bracket closes the dateline; "(Agency) -Chile's"
                return i + 1 if caps or doc[i + 1].text[:1] in "-—–" else None
            continue
        if depth:
            continue
        if t.text in DATELINE_DASHES and i > start:
            if caps or bracket or (t.text == ":" and i - start <= 3 and _only_places(m, start, i)):
                return i + 1
            return None
        if t.pos_ in ("VERB", "AUX") and not t.is_upper:
            return None
        if t.is_upper and t.is_alpha and len(t.text) > 1:
            # a place in capitals; a headline in capitals ("TALKS FAIL —") is no dateline
            f = m.by_token.get(t.i)
            if f is None or f.actor.kind != "country":
                if not any(x.text == "(" for x in doc[t.i:min(len(doc), t.i + 7)]):
                    return None
            caps = True
        elif not (t.is_punct or t.like_num or t.text[:1].isupper()):
            return None
    return None


def _only_places(m: Mentions, start: int, end: int) -> bool:
    """"Nairobi:" is a dateline, "Anna Smith:" a headline's speaker."""
    found = [m.by_token.get(i) for i in range(start, end)]
    return all(f is not None and f.actor.kind == "country" for f in found)


def _drop_datelines(m: Mentions) -> None:
    """A dateline names where the report was filed and who filed it, no actor."""
    doc = m.doc
    for t in doc:
        if not (t.i == 0 or "\n" in doc[t.i - 1].text or doc[t.i - 1].text.endswith("\n")) or t.is_space:
            continue
        end = dateline_end(m, t.i)
        if end is None:
            continue
        m.datelines.update(range(t.i, end))
        for f in [f for f in m.found if t.i <= f.start < end]:
            m.found.remove(f)
            for i in range(f.start, f.end):
                if m.by_token.get(i) is f:
                    del m.by_token[i]


def _drop_foreign_common_nouns(m: Mentions) -> None:
    """"the junta" is Myanmar's military in the tables; in an article that
    never names Myanmar it is the junta of the article's own country, a
    title the role stage resolves."""
    named = {f.actor.country for f in m.found
             if f.actor.country and not all(t.is_lower for t in m.doc[f.start:f.end])}
    for f in list(m.found):
        if f.actor.country and f.actor.kind != "country" and f.actor.country not in named and \
                all(t.is_lower for t in m.doc[f.start:f.end] if t.lower_ != "the"):
            m.found.remove(f)
            for i in range(f.start, f.end):
                if m.by_token.get(i) is f:
                    del m.by_token[i]


def _initials_match(acronym: str, words: list[Token]) -> bool:
    """ "MOM" for "Ministry of Mines", "NDMA" for "National Disaster
    Management Authority": every capitalised word gives its first letter, link words may."""
    letters = [c for c in acronym if c.isalpha()]

    def walk(k: int, w: int) -> bool:
        if w == len(words):
            return k == len(letters)
        t = words[w]
        if t.text in LINK_WORDS and not t.text[:1].isupper() or t.is_punct:
            take = k < len(letters) and t.text[:1].upper() == letters[k] and t.is_alpha
            return walk(k, w + 1) or (take and walk(k + 1, w + 1))
        if not t.text[:1].isupper():
            return False
        if k < len(letters) and t.text[:1] == letters[k]:
            # a hyphenated or compound word may give two letters ("Inter-Services")
            return walk(k + 1, w + 1)
        return False

    return bool(letters) and walk(0, 0)


def _long_form(m: Mentions, open_paren: int, acronym: str) -> tuple[int, int] | None:
    """The words before "(ACRONYM)" that it abbreviates: the shortest run of
    capitalised words (and link words) whose initials give it, else a known
    name of two words or more ending there (the French "FDLR" of the Democratic
    Forces for the Liberation of Rwanda), else the shortest run whose initials
    are its letters in another order, else None."""
    doc = m.doc
    end = open_paren
    sent_start = doc[open_paren].sent.start
    for start in range(end - 1, max(sent_start, end - MAX_LONG_FORM) - 1, -1):
        t = doc[start]
        if not (t.text[:1].isupper() or t.text in LINK_WORDS):
            break
        if t.text[:1].isupper() and _initials_match(acronym, list(doc[start:end])):
            return start, end
    f = m.by_token.get(end - 1)
    if f is not None and f.end == end and f.end - f.start >= 2 and f.actor.kind != "person":
        return f.start, f.end
    letters = sorted(c for c in acronym if c.isalpha())
    if len(letters) >= 3:
        # the letters in another order than the words ("Movement for Justice and Equality", JEM): each
        # capitalised word gives one of them, every letter used once
        for start in range(end - 1, max(sent_start, end - MAX_LONG_FORM) - 1, -1):
            t = doc[start]
            if not (t.text[:1].isupper() or t.text in LINK_WORDS):
                break
            words = [w for w in doc[start:end] if not (w.text in LINK_WORDS and not w.text[:1].isupper())]
            if t.text[:1].isupper() and all(w.is_alpha and w.text[:1].isupper() for w in words) \
                    and sorted(w.text[:1] for w in words) == letters:
                return start, end
    return None


def _actor_of(m: Mentions, start: int, end: int) -> Actor:
    """The actor a defined long form names: the known actor that spans it, or
    a new organization with the country of its modifiers ("China's Ministry of
    Commerce") and the sector of its title words ("Ministry", "Police")."""
    doc = m.doc
    inside = [f for f in m.found if start <= f.start and f.end <= end]
    whole = [f for f in inside if f.end - f.start == end - start] + \
        [f for f in m.found if f.start <= start and f.end >= end]
    if whole and whole[0].actor.code != "UNK" and whole[0].form != "entity":
        return whole[0].actor
    country = sector = None
    left = start
    while left > 0 and doc[left - 1].text in ("’s", "'s"):
        left -= 1
    for f in sorted(m.found, key=lambda f: f.start):
        if f.end <= left - 1 or f.start >= end:
            continue
        if f.end in (start, left) or start <= f.start:  # "China's", "Kenyan", or inside the name
            if f.actor.kind == "country" and country is None:
                country = f.actor.country
            elif f.actor.country and country is None and f.actor.kind != "person":
                country = f.actor.country
    for i in range(end - 1, start - 1, -1):
        hit = role_at(m, i)
        if hit and hit[0].kind == "group" and hit[1] >= start:
            sector = hit[0].sector
            break
    name = doc[start:end].text
    if name.lower().startswith("the "):
        name = name[4:]
    return Actor(f"organization/{slug(name)}", name, actor_code(country, sector), country, sector, "organization")


def _find_acronyms(m: Mentions) -> None:
    doc = m.doc
    defined: dict[str, Actor] = {}
    for t in doc:
        if t.text != "(" or t.i + 2 >= len(doc) or doc[t.i + 2].text != ")":
            continue
        acronym = doc[t.i + 1].text
        if not ACRONYM.match(acronym) or sum(c.isupper() for c in acronym) < 2 or acronym in defined:
            continue
        span = _long_form(m, t.i, acronym)
        if span is None:
            continue
        actor = _actor_of(m, *span)
        defined[acronym] = actor
        if not any(f.actor is actor and f.start == span[0] for f in m.found):
            _replace(m, Found(actor, span[0], span[1], "defined"))
    if not defined:
        return
    for t in doc:
        actor = defined.get(t.text)
        if actor is None:
            continue
        f = m.by_token.get(t.i)
        # the acronym alone ("FDLR", "the FDLR"), not inside a longer name ("FDLR Youth Congress")
        if f is not None and (f.actor is actor or f.end - f.start > 1 + (doc[f.start].lower_ == "the")):
            continue
        _replace(m, Found(actor, t.i, t.i + 1, "acronym"))


@cache
def _descriptions() -> dict[str, str]:
    return {r["word"]: r["refers_to"] for r in read_tsv("actors/descriptions.tsv")}


def _is_modifier(m: Mentions, f: Found) -> bool:
    """A name used as a modifier: "the SADC summit", "the Danish envoy"."""
    last = m.doc[f.end - 1]
    return last.dep_ in ("amod", "compound", "nmod") and not (f.start <= last.head.i < f.end)


def _fits(m: Mentions, kind: str, head: Token, f: Found) -> bool:
    """Whether a mention can be what a description of `kind` points back to."""
    a = f.actor
    if f.form in ("pronoun", "description") or (kind != "country" and (a.kind == "person" or f.form == "role")):
        return False
    words = set(a.name.lower().split())
    if kind == "country":  # a country, or the country of a person or body ("Ghana's former president")
        return a.country is not None and a.country in m.kb.countries
    if kind == "body":  # the bloc, the alliance: an intergovernmental body, or one so named
        return a.kind == "organization" and (a.sector == "IGO" or head.lower_ in words or
                                             any(_descriptions().get(w) == "body" for w in words))
    # the movement, the militia: an armed or political group named so or of that sector
    return a.kind in ("organization", "group") and \
        (a.sector in ("REB", "OPP", "PTY", "IMG", "NGO") or head.lower_ in words)


def _find_descriptions(m: Mentions) -> None:
    """"the bloc", "the alliance", "the Gulf state", "the island nation": a
    definite noun phrase whose head says what kind of actor it is, with no
    name or place of its own ("the alliance of opposition parties" is new),
    is the one of that kind named last before it."""
    doc = m.doc
    table = _descriptions()
    for tok in doc:
        kind = table.get(tok.lower_)
        if kind is None or tok.i in m.by_token or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        dets = [c for c in tok.children if c.dep_ == "det"]
        if not dets or dets[0].lower_ != "the" or tok.dep_ == "compound":
            continue
        mods = [c for c in tok.children if c.dep_ in ("amod", "compound", "nmod", "poss") and c.i < tok.i]
        if any(c.i in m.by_token or c.pos_ in ("NUM",) or c.lower_ in ("other", "new", "former", "same", "two")
               for c in mods):
            continue  # "the Kenyan state", "the new alliance": not a pointer back
        if any(c.dep_ in ("prep", "acl", "relcl", "appos") for c in tok.children if c.i > tok.i):
            continue
        start = dets[0].i
        # a name standing as a noun phrase of its own first, a modifier only when there is none;
        # a country within this sentence and the one before, a country's own name first
        window = 0
        if kind == "country":
            window = doc[tok.sent.start - 1].sent.start if tok.sent.start else 0
        fits = [lambda f: _fits(m, kind, tok, f) and not _is_modifier(m, f) and f.actor.kind == "country",
                lambda f: _fits(m, kind, tok, f) and not _is_modifier(m, f),
                lambda f: _fits(m, kind, tok, f)]
        last = None
        for keep in fits if kind == "country" else fits[1:]:
            last = m.named_last_before(start, lambda f: f.start >= window and keep(f))
            if last is not None:
                break
        if last is None:
            continue
        actor = m.kb.countries[last.actor.country] if kind == "country" else last.actor
        m.add(Found(actor, start, tok.i + 1, "description"))


def _subject_actors(m: Mentions, verb: Token) -> set[str]:
    """The ids of the actors named in the verb's subject."""
    return {m.by_token[t.i].actor.id for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")
            for t in c.subtree if t.i in m.by_token}


def _subject_countries(m: Mentions, verb: Token) -> set[str]:
    return {m.by_token[t.i].actor.country for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")
            for t in c.subtree if t.i in m.by_token and m.by_token[t.i].actor.country in m.kb.countries}


COUNTS = {"two": 2, "both": 2, "three": 3}


def _find_demonym_people(m: Mentions) -> None:
    """"Ana Ruiz and Tomas Vidal were held at the airport. The two Chileans
    were freed": a definite demonym standing as a noun ("the Canadian", "the
    two Canadians") just after people whose country the article has not
    given is they, and gives them its country."""
    doc = m.doc
    for f in list(m.found):
        head = doc[f.end - 1]
        if f.actor.kind != "country" or f.form != "alias" or head.pos_ not in ("NOUN", "PROPN") or \
                head.dep_ in ("amod", "compound", "nmod", "poss") or f.end - f.start != 1:
            continue
        dets = [c for c in head.children if c.dep_ in ("det", "nummod", "predet") and c.i < head.i]
        if not any(c.lower_ == "the" for c in dets):
            continue
        n = max([COUNTS.get(c.lower_, 0) for c in dets] + [1 if head.tag_ in ("NN", "NNP") else 0])
        if n == 0:
            continue
        window = doc[head.sent.start - 1].sent.start if head.sent.start else 0
        people: list[Found] = []
        for g in sorted(m.found, key=lambda g: -g.start):
            if g.start >= f.start or g.start < window or len(people) == n:
                continue
            if g.actor.kind == "person" and all(g.actor.id != p.actor.id for p in people):
                people.append(g)
        if len(people) != n or any(p.actor.country for p in people):
            continue
        start = min(c.i for c in dets)
        placed = []
        for p in reversed(people):
            a = p.actor
            actor = Actor(a.id, a.name, actor_code(f.actor.country, a.sector), f.actor.country, a.sector, a.kind, a.role)
            for g in m.found:
                if g.actor.id == a.id:
                    g.actor = actor
            placed.append(actor)
        _replace(m, Found(placed[0], start, head.i + 1, "description"))
        for actor in placed[1:]:
            m.extra.setdefault(head.i, []).append(Found(actor, start, head.i + 1, "description"))


def _noun_is_subject(n) -> bool:
    """The noun, or the one it is "of" ("a new round of talks"), is its clause's subject."""
    while n.dep_ == "pobj" and n.head.lower_ == "of" and n.head.head.i != n.i:
        n = n.head.head
    return n.dep_ in ("nsubj", "nsubjpass", "ROOT")


def _pair_member(m: Mentions, kind: str, f: Found | None) -> Found | None:
    if f is None or f.form in ("pronoun", "description", "place", "capital") or f.actor.code == "UNK":
        return None
    a = f.actor
    if kind == "pair_people":  # a person, or a country's leaders ("the Thai and Cambodian leaders")
        return f if a.country and (a.kind == "person" or f.form == "role" and a.sector == "GOV") else None
    if kind == "pair_countries":
        return Found(m.kb.countries[a.country], f.start, f.end, f.form) if a.country in m.kb.countries else None
    return f


def _coordinated_pairs(m: Mentions, kind: str, lo: int, hi: int) -> list[tuple[Found, Found]]:
    """The pairs of coordinated actors ("the Chilean and Peruvian envoys",
    "Chile and Peru") named between tokens lo and hi, of the kind a pair
    word wants."""
    doc = m.doc
    out = []
    for f in m.found:
        if not (lo <= f.start < hi):
            continue
        head = doc[f.end - 1]
        partners = [m.by_token.get(c.i) for c in head.conjuncts if c.i > head.i] + \
            [g for i in range(f.start, f.end) for g in m.extra.get(i, [])] + \
            [g for c in doc[f.start:f.end] for g in m.extra.get(c.head.i, []) if c.head.i >= f.end]
        for g in partners:
            a, b = _pair_member(m, kind, f), _pair_member(m, kind, g)
            if a is None or b is None or a.actor.id == b.actor.id or g.start >= hi:
                continue
            out.append((a, b))
    return out


def _last_coordinated_pair(m: Mentions, kind: str, before: int) -> tuple[Found, Found] | None:
    """The two actors of the last coordination in this sentence or the three
    before: when the article has just named a pair, "both sides" are they."""
    doc = m.doc
    window = doc[before].sent.start
    for _ in range(3):
        if window > 0:
            window = doc[window - 1].sent.start
    pairs = _coordinated_pairs(m, kind, window, before)
    return max(pairs, key=lambda p: max(p[0].start, p[1].start), default=None)


LEAD_SENTENCES = 3


def _lead_pair(m: Mentions, before: int) -> tuple[Found, Found] | None:
    """The first two countries the article's lead coordinates ("The leaders
    of Chile and Peru signed ..."): news names its two parties first,
    so a pair word far from any other pair ("both leaders", "the parties")
    is they."""
    doc = m.doc
    sents = list(doc.sents)
    hi = min(before, sents[min(LEAD_SENTENCES, len(sents)) - 1].end)
    pairs = _coordinated_pairs(m, "pair_countries", 0, hi)
    return min(pairs, key=lambda p: min(p[0].start, p[1].start), default=None)


def find_late_pairs(m: Mentions) -> None:
    """The pair words the first pass left to the titles ("the parties" after
    "talks between the government and the rebels"), now that the titles'
    own mentions can be one of the pair."""
    _find_pairs(m, late=True)


def _find_pairs(m: Mentions, late: bool = False) -> None:
    """"the two leaders", "both sides", "both the countries": the two actors
    of that kind named last before, each a mention of the phrase (the second
    as a coordinated one), so "the two leaders met" is a meeting of both.
    Leaders are the last two people of different countries; countries and
    nations the last two countries; sides and parties the last two actors."""
    doc = m.doc
    table = _descriptions()
    for tok in doc:
        kind = table.get(tok.lower_)
        if kind not in ("pair_people", "pair_countries", "pair_sides") or tok.tag_ != "NNS":
            continue
        held = m.by_token.get(tok.i)
        if held is not None and not (late and held.form == "role" and not held.actor.country):
            continue
        nums = [c for c in tok.children if c.lower_ in ("two", "both") and c.dep_ in ("nummod", "det", "predet")]
        # "the parties", "the neighbours" with no number: only right after a coordinated pair
        the = [c for c in tok.children if c.dep_ == "det" and c.lower_ == "the"] if kind != "pair_people" else []
        if not (nums or the) or any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
            continue
        if any(c.i in m.by_token and c.dep_ in ("amod", "compound", "nmod", "poss") for c in tok.children):
            continue  # "the two Korean leaders", "the Thai parties": named by their modifier
        # the doers of a clause ("the two leaders met"), those a verb acts on ("Trump called both
        # leaders"), or the parties of a noun that is one ("talks between the two sides are
        # scheduled"); not inside another act's object ("rejected an offer of talks between the
        # two neighbours", "agreed a pact between the two countries")
        if not (tok.dep_ in ("nsubj", "nsubjpass", "dobj") or tok.dep_ == "pobj" and tok.head.lower_ == "between"
                and _noun_is_subject(tok.head.head)):
            continue
        start = min([c.i for c in tok.children if c.i < tok.i and c.dep_ in ("det", "nummod", "predet", "amod")])
        coordinated = _last_coordinated_pair(m, kind, start)
        if coordinated is not None and tok.dep_ == "dobj" and \
                {f.actor.id for f in coordinated} & _subject_actors(m, tok.head):
            coordinated = None  # "Trump called both leaders": not Trump himself
        if coordinated is None and late:
            lead = _lead_pair(m, start)
            if lead is not None and not (tok.dep_ == "dobj" and {f.actor.country for f in lead} &
                                         _subject_countries(m, tok.head)):
                # the lead's two countries, as actors of the title the pair word is ("leaders": their governments)
                coordinated = tuple(Found(resolve_role(m, held.role, f.actor.country, start) if held and held.role else f.actor,
                                          start, tok.i + 1, "description") for f in lead)
        if coordinated is None and (not nums or late):
            continue
        if coordinated is not None:
            first, second = coordinated
            if held is not None:
                _replace(m, Found(first.actor, start, tok.i + 1, "description"))
            else:
                m.add(Found(first.actor, start, tok.i + 1, "description"))
            m.extra.setdefault(tok.i, []).append(Found(second.actor, start, tok.i + 1, "description"))
            continue
        picked: list[Found] = []
        for f in sorted((f for f in m.found if f.end <= start), key=lambda f: -f.start):
            a = f.actor
            if f.form in ("pronoun", "description") or a.code == "UNK":
                continue
            if kind == "pair_people" and (a.kind != "person" or not a.country):
                continue
            if kind == "pair_countries":
                if not a.country or a.country not in m.kb.countries:
                    continue
                f = Found(m.kb.countries[a.country], f.start, f.end, f.form)
            if kind == "pair_sides" and f.form in ("place", "capital"):
                continue  # where they met is no side
            if tok.dep_ == "dobj" and a.id in _subject_actors(m, tok.head):
                continue  # "Trump called both leaders": the two are others
            same = (lambda g: g.actor.country == f.actor.country) if kind != "pair_sides" else \
                (lambda g: g.actor.id == f.actor.id or
                 g.actor.country is not None and (g.actor.country, g.actor.sector) == (f.actor.country, f.actor.sector))
            if not any(same(g) for g in picked):
                picked.append(f)
            if len(picked) == 2:
                break
        if len(picked) < 2:
            continue
        first, second = picked[1], picked[0]  # in text order
        m.add(Found(first.actor, start, tok.i + 1, "description"))
        m.extra.setdefault(tok.i, []).append(Found(second.actor, start, tok.i + 1, "description"))
