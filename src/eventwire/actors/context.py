"""Context: what the words around a mention say about it. Role phrases, the
country or organization a noun phrase is placed in ("security forces in
Guinea", "Hamas chief"), the country of a role-only actor, and the country an
act happens in.

These read the mentions found so far; only `resolve_role` and `with_role` make
new actors, and nothing here adds a mention.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import Actor
from .constants import NP_MODIFIER_DEPS, actor_words
from .index import Found, Mentions
from .knowledge import Role, actor_code, international_codes, slug, valid_at

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


def role_at(m: Mentions, i: int) -> tuple[Role, int] | None:
    """The longest role phrase ending at token i (lowercased lemmas or texts)."""
    doc, kb = m.doc, m.kb
    last = doc[i]
    if last.lower_ not in kb.role_ends and last.lemma_.lower() not in kb.role_ends:
        return None  # most words end no role phrase
    for length in range(min(kb.max_role_tokens, i + 1), 0, -1):
        span = doc[i - length + 1:i + 1]
        for key in (tuple(t.lower_ for t in span), tuple(t.lemma_.lower() for t in span)):
            if key in kb.roles:
                return kb.roles[key], i - length + 1
    return None


def phrase_start(head: Token) -> int:
    """The first token that can belong to a noun phrase: its article, when
    it has one, and nothing the parser hangs on it before that ("Photo:
    Reuters<newline>The firm denied it": the credit line's name is no
    modifier of "the firm")."""
    for c in head.children:
        if c.dep_ == "det" and c.i < head.i and c.lower_ in ("the", "a", "an"):
            return c.i
        if c.i >= head.i:
            break
    return 0


def np_context(m: Mentions, head: Token) -> tuple[Role | None, str | None, Actor | None]:
    """Role, country and organization from the modifiers of a noun phrase's
    head: "Iranian Foreign Ministry Spokesperson Reza Karimi" gives
    spokesperson and IRN; "Hamas chief Ismail Haniyeh" gives leader, PSE and
    Hamas, whose sector the person takes."""
    role = country = org = None
    first = phrase_start(head)
    tokens = [head] + [t for t in head.subtree if first <= t.i < head.i and t.dep_ in NP_MODIFIER_DEPS | {"appos"}]
    appos = [c for c in head.children if c.dep_ == "appos"]
    # "Yusuf Demir, Türkiye’s most quoted human rights activist": the apposition's modifiers too
    tokens += appos + [t for a in appos for t in a.children if t.i < a.i and t.dep_ in ("poss", "amod", "compound")]
    # "Vietnamese-led forces": the leader of a coalition names it
    tokens += [g for c in head.children if c.dep_ == "amod" and c.lower_ == "led"
               for g in c.children if g.dep_ in ("npadvmod", "compound", "nmod") and g.i in m.by_token]
    for t in sorted(tokens, key=lambda t: -t.i):
        if role is None:
            hit = role_at(m, t.i)
            if hit:
                role = hit[0]
        f = m.by_token.get(t.i)
        if f is None or t.i == head.i:
            continue
        if org is None and f.actor.kind in ("organization", "group") and f.actor.role != "ethnic":
            org = f.actor
        # the leftmost country wins: "Bosnian Serb leader", "Iraqi Kurdish refugees" live where the first says,
        # but not before a demonym of a nation of immigrants: "Polish American voters" are American
        if f.actor.country and not (country in actor_words("immigrant_nation") and f.actor.kind == "country"
                                    and country != f.actor.country):
            country = f.actor.country
    return role, country, org


def prep_country(m: Mentions, head: Token, preps=("in", "of", "from", "inside")) -> tuple[str | None, Actor | None]:
    """The country (or organization) a noun phrase is placed in by a
    prepositional phrase: "security forces in Guinea", "leaders of Romania's
    new government", "the government of President Aristide", "a group
    based in Trinidad"."""
    objects = [g for p in head.children if p.dep_ == "prep" and p.lower_ in preps
               for g in p.children if g.dep_ == "pobj"]
    for v in head.children:  # "based in", "stationed in", "operating in"
        if v.dep_ == "acl" and v.lemma_.lower() in actor_words("placed_verb"):
            objects += [g for p in v.children if p.dep_ == "prep" and p.lower_ in ("in", "inside")
                        for g in p.children if g.dep_ == "pobj"]
    for g in objects:
        f = m.by_token.get(g.i)
        if f is not None and f.actor.role != "ethnic":
            if f.actor.country:
                return f.actor.country, None
            if f.actor.kind == "organization":
                return None, f.actor
        _, country, org = np_context(m, g)
        if country or org:
            return country, org
    return None, None


def prep_conjunct_countries(m: Mentions, head: Token, preps, first: str) -> list[str]:
    """The further countries coordinated with the first in the head's
    prepositional phrase ("of Iraq and Egypt")."""
    out: list[str] = []
    for p in head.children:
        if p.dep_ == "prep" and p.lower_ in preps:
            for g in p.children:
                if g.dep_ != "pobj":
                    continue
                for c in g.conjuncts:
                    f = m.by_token.get(c.i)
                    if f is not None and f.actor.kind == "country" and f.actor.country not in (first, *out):
                        out.append(f.actor.country)
    return out


def country_modifier_conjuncts(m: Mentions, head: Token) -> list[str]:
    """The countries of a coordinated country modifier: "Iranian and Turkish officials"."""
    for c in head.children:
        f = m.by_token.get(c.i)
        if c.dep_ in ("amod", "compound", "nmod", "poss") and f is not None and f.actor.kind == "country":
            out = [f.actor.country]
            for cc in c.conjuncts:
                g = m.by_token.get(cc.i)
                if g is not None and g.actor.kind == "country" and g.actor.country not in out:
                    out.append(g.actor.country)
            return out
    return []


def is_ethnic(head: Token) -> bool:
    """ "ethnic Albanians", "ethnic Serb civilians": a minority."""
    return any(c.lower_ == "ethnic" for c in head.children) or \
        any(c.lower_ == "ethnic" for h in [head.head] if head.dep_ in ("amod", "compound") for c in h.children)


def other_country(m: Mentions, sent: Span, own: str | None) -> str | None:
    """The country other than `own` named most often in the sentence, when
    one is named more often than any other ("ethnic Greeks ... near
    Albania's border with Macedonia, Albanian officials said")."""
    counts: dict[str, int] = {}
    for f in m.found:
        if f.actor.kind == "country" and sent.start <= f.start < sent.end and f.actor.country != own:
            counts[f.actor.country] = counts.get(f.actor.country, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def with_role(actor: Actor, role: Role, country: str | None) -> Actor:
    """A named actor completed by its title's sector and country."""
    if actor.sector and actor.country:
        return actor
    c = actor.country or country
    s = actor.sector or role.sector
    return Actor(actor.id, actor.name, actor_code(c, s), c, s, actor.kind, actor.role or role.role)


def resolve_role(m: Mentions, role: Role, country: str | None, before: int, org: Actor | None = None) -> Actor:
    """The actor a title-only mention stands for: an earlier person of the
    article with that role, the knowledge base's holder of the office that
    year, or else an actor named by the role and its country."""
    if org is not None:  # "Hamas chief", "the UN spokesperson": the organization's people
        country = org.country
        role = Role(role.phrase, org.sector or role.sector, role.kind, role.role)
    if role.kind == "person":
        # An earlier person of the article with this role (and country, when given).
        for f in reversed(m.found):
            if f.start >= before or f.actor.kind != "person":
                continue
            r = f.role.role if f.role else f.actor.role
            if r == role.role and (country is None or f.actor.country == country):
                return f.actor
        if country:
            for e in m.kb.people_by_role.get((country, role.role), []):
                if valid_at(e, m.year, m.published):
                    return e.actor
    name = f"{m.kb.countries[country].name} {role.role}" if country in m.kb.countries else role.role
    kind = "person" if role.kind == "person" else "group"
    # the people of an international body carry its code: "NATO troops" IGOWSTNAT, "UN officials" IGOUNO
    base = org.code if org is not None and org.country is None and org.sector in international_codes() else None
    if base:
        name = f"{org.name} {role.role}"
    return Actor(f"{kind}/{slug(name)}", name, actor_code(country, role.sector, base), country,
                 role.sector, kind, role.role)


def sentence_country(m: Mentions, found: Found | None, sent: Span) -> Found | None:
    """A role-only or unknown actor with no country takes the country of its
    sentence when exactly one is named there ("Rebels in Mali
    attacked...", "Police in Bamako arrested...")."""
    a = found.actor if found else None
    if a is None or a.country or not (a.kind in ("group", "person") or _unplaced_body(a)) or \
            a.sector in international_codes() and not (a.kind == "person" and a.sector == "NGO"):
        return found  # an activist is of his country; the UN and "a rights group" are of none
    countries = {f.actor.country for f in m.found
                 if f.actor.kind == "country" and sent.start <= f.start < sent.end}
    aimed = aimed_countries(m, found)
    # "The Foreign Ministry summoned the French ambassador": the subject is of the country that acted before
    c = acting_country(m, sent, aimed) if aimed and countries <= aimed else None
    if c is None:
        c = next(iter(countries)) if len(countries) == 1 else act_place(m, found) or \
            opposed_government(m, a, sent) or (article_country(m) if not countries or article_country(m) in countries else None)
    if c is None and not countries:
        c = placed_elsewhere(m, found)
    if c is None:
        return found
    name = f"{m.kb.countries[c].name} {a.name}" if a.sector and c in m.kb.countries else a.name
    ident = a.id if a.kind == "person" else f"{'organization' if a.kind == 'organization' else 'group'}/{slug(name)}"
    actor = Actor(ident, name if a.kind != "person" else a.name, actor_code(c, a.sector), c, a.sector, a.kind, a.role)
    return Found(actor, found.start, found.end, found.form, found.role)


AIMED_PREPS = {"to", "with", "against", "on", "over"}


def aimed_countries(m: Mentions, found: Found) -> set[str]:
    """The countries a subject's verb acts on: its objects (or the objects of
    "to", "with", "against", "on", "over") that are a country or an actor of one
    by a country word modifying them ("summoned the French ambassador",
    "protested to Norway"); not places where it acts ("in Mali")."""
    head = m.doc[found.end - 1]
    if head.dep_ != "nsubj" or not (found.start <= head.i < found.end):
        return set()
    verbs = [head.head] + [v for v in head.head.conjuncts if v.pos_ == "VERB" and
                           not any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children)]
    objects = [c for v in verbs for c in v.children if c.dep_ in ("dobj", "dative")]
    objects += [g for v in verbs for p in v.children if p.dep_ == "prep" and p.lower_ in AIMED_PREPS
                for g in p.children if g.dep_ == "pobj"]
    out: set[str] = set()
    for o in objects:
        f = m.by_token.get(o.i)
        if f is not None and f.actor.country and f.form != "pronoun":
            out.add(f.actor.country)
        mods = {c.i for c in o.children if c.dep_ in ("amod", "compound", "poss", "nmod") and c.i < o.i}
        out |= {g.actor.country for g in m.found if g.actor.kind == "country" and g.start in mods}
    return out


def acting_country(m: Mentions, sent: Span, aimed: set[str]) -> str | None:
    """The country of the last subject before this sentence that is not one
    the sentence's act is aimed at ("Algeria recalled its envoy ... The
    ministry summoned the French ambassador": Algeria's ministry)."""
    doc = m.doc
    for f in sorted(m.found, key=lambda f: -f.start):
        if f.start >= sent.start or not f.actor.country or f.actor.country in aimed:
            continue
        if doc[f.end - 1].dep_ in ("nsubj", "nsubjpass") and f.form != "pronoun":
            return f.actor.country
    return None


def placed_elsewhere(m: Mentions, found: Found) -> str | None:
    """A name the article repeats where its sentence names no country ("The
    Lakeside Trust said ..." after "the Lakeside Trust (LT) in Kenya's capital")
    keeps the country the sentence of its first placed mention gives it: the
    one country named there. Not for titles ("officials") or pronouns, which
    each sentence places anew."""
    if found.form in ("role", "pronoun"):
        return None
    doc = m.doc
    here = doc[found.start].sent.start
    for g in sorted(m.found, key=lambda g: g.start):
        if g.actor.id != found.actor.id or g is found or doc[g.start].sent.start == here:
            continue
        sent = doc[g.start].sent
        countries = {f.actor.country for f in m.found
                     if f.actor.kind == "country" and sent.start <= f.start < sent.end}
        if len(countries) == 1:
            return next(iter(countries))
    return None


def _unplaced_body(a: Actor) -> bool:
    """A body the text names with a title word of a state sector and no
    country ("the High Court", "Parliament", "the Border Service"), or an
    organization no table knows and nothing types ("Zentro", "the Lakeside
    Trust"): one of the country its sentence or article is about, as a
    role-only group is."""
    return a.kind == "organization" and a.sector not in international_codes()


def article_country(m: Mentions) -> str | None:
    """The country an article is about, when its mentions say so: the
    country of at least half the mentions that have one, and of at least two
    (a report from Lima names Peru, Peruvian police, the Peruvian ministry).
    Actors a sentence leaves without a country ("the security forces",
    "protesters") are that country's."""
    counts: dict[str, int] = {}
    for f in m.found:
        if f.actor.country and f.form != "pronoun":
            counts[f.actor.country] = counts.get(f.actor.country, 0) + 1
    if not counts:
        return None
    top, n = max(counts.items(), key=lambda kv: kv[1])
    return top if n >= 2 and 2 * n >= sum(counts.values()) else None


def opposed_government(m: Mentions, a: Actor, sent: Span) -> str | None:
    """An opposition stands against a government: "Kenya supporting the Ethiopian
    government and Uganda backing the opposition" is Ethiopia's opposition,
    when the sentence names one country's government. Not rebels or
    militants: "Baghaei said ... arming terrorist groups" are not Iran's."""
    if a.sector != "OPP":
        return None
    governments = {f.actor.country for f in m.found if sent.start <= f.start < sent.end
                   and f.actor.sector == "GOV" and f.actor.kind != "country" and f.actor.country}
    return next(iter(governments)) if len(governments) == 1 else None


def act_place(m: Mentions, found: Found) -> str | None:
    """The country where the clause of a subject or object happens, when
    the sentence names several: "people filled the squares in Hong Kong to
    protest against Chinese officials" are Hong Kong's."""
    tok = m.doc[found.end - 1]
    while tok.dep_ == "pobj" and tok.head.lower_ == "of" and \
            (tok.head.head.lemma_.lower() in actor_words("quantity_head") or tok.head.head.like_num):
        tok = tok.head.head  # "thousands of people"
    if tok.dep_ not in ("nsubj", "nsubjpass", "dobj"):
        return None
    verb = tok.head
    places = [verb] + [c for c in verb.children if c.dep_ == "dobj"]
    for h in places:
        c = located_in(m, h, ("in", "inside", "at"), 2)
        if c:
            return c
    return None


def unidentified_attackers(m: Mentions, verb: Token) -> Found | None:
    """"Three civilians were killed in a car bombing in Baghdad": no one
    is named, so the attackers are unidentified armed forces (UAF) of the
    country it happened in, as event datasets code them."""
    country = located_in(m, verb, actor_words("place_prep"), 3)
    if country is None:
        return None
    name = f"{m.kb.countries[country].name} unidentified attackers" if country in m.kb.countries else \
        "unidentified attackers"
    actor = Actor(f"group/{slug(name)}", name, actor_code(country, "UAF"), country, "UAF", "group", None)
    return Found(actor, verb.i, verb.i + 1, "inferred")


def located_in(m: Mentions, h: Token, preps, depth: int) -> str | None:
    """The country of an in/at phrase on h, following nested places: "set fires
    at a prison in Bolivia's capital"."""
    for prep in h.children:
        if prep.dep_ != "prep" or prep.lower_ not in preps:
            continue
        # "outside of the city of Basra": the place hangs on a second preposition
        objects = [g for g in prep.children if g.dep_ == "pobj"] or \
            [g for q in prep.children if q.dep_ == "prep" and q.lower_ == "of" for g in q.children if g.dep_ == "pobj"]
        for g in objects:
            f = m.by_token.get(g.i)
            if f is not None and f.actor.kind == "country":
                return f.actor.country
            if f is None:
                country = np_context(m, g)[1]
                if country:
                    return country
            if depth > 1:
                c = located_in(m, g, ("in", "inside", "of"), depth - 1)
                if c:
                    return c
    return None
