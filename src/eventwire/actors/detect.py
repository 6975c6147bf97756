"""Detection: the mentions of actors in a parsed article. Names the knowledge
base knows (longest match first), misspelled country names, peoples placed by
their context, names only the entity recognizer found, bare surnames, and
title-only mentions ("the spokesperson", "Turkish officials").

It does not trust spaCy's entity labels for names the knowledge base knows (the
small model tags "Araqchi" as a place); labels are used only for names it does
not know. Pronouns are `pronouns`' business.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import Actor
from .constants import NAME_LABELS, NP_MODIFIER_DEPS, actor_words
from .context import (country_modifier_conjuncts, is_ethnic, np_context, other_country, phrase_start,
                      prep_conjunct_countries, prep_country, resolve_role, role_at, with_role)
from .index import Found, Mentions
from .knowledge import Role, actor_code, first_name_genders, kind_rank, names_in, slug, start_key, valid_at
from .organizations import absorb_places, name_sector

if TYPE_CHECKING:
    from spacy.tokens import Span


def find_named(m: Mentions) -> None:
    """Every name: known ones, peoples, then the entity recognizer's unknown ones and bare surnames."""
    doc = m.doc
    skipped = _find_known_names(m)
    _place_state_bodies(m)
    _find_peoples(m)
    _disambiguate_places(m)
    for f in m.found:
        if f.actor.kind == "person" and f.role is None:
            f.role = np_context(m, doc[f.end - 1])[0]
    known_people = {f.actor.id: f.actor for f in m.found if f.actor.kind == "person"}
    for ent in _join_wrapped_names(doc):
        if ent.label_ not in NAME_LABELS or any(i in skipped for i in range(ent.start, ent.end)):
            continue
        if any(i in m.by_token for i in range(ent.start, ent.end)):
            if ent.label_ in ("ORG", "FAC") and not role_at(m, ent.end - 1):
                absorb_places(m, ent)  # "Tehran University", "Bank of Canada": the body, not the place
            continue
        if _inside_title(m, ent):
            continue  # "Defence" of "Defence Minister", "State" of "Secretary of State"
        _add_unknown_entity(m, ent, known_people)
    _find_bare_surnames(m)
    _place_office_holders(m)


def _join_wrapped_names(doc) -> list:
    """The entity recognizer's names, with a person's name that a line break
    splits ("Anna<newline>Berg" in hard-wrapped copy: two entities around a
    space token) made one: the first is one proper noun the parser attaches
    to the second as a compound, and one of them is a person."""
    from spacy.tokens import Span

    ents = list(doc.ents)
    out = []
    k = 0
    while k < len(ents):
        a = ents[k]
        b = ents[k + 1] if k + 1 < len(ents) else None
        if b is not None and b.start == a.end + 1 and doc[a.end].is_space and "\n" in doc[a.end].text \
                and len(a) == 1 and a[0].pos_ == "PROPN" and a[0].dep_ == "compound" \
                and b.start <= a[0].head.i < b.end and b[0].pos_ == "PROPN" \
                and "PERSON" in (a.label_, b.label_) and a.label_ in NAME_LABELS and b.label_ in NAME_LABELS:
            out.append(Span(doc, a.start, b.end, label="PERSON"))
            k += 2
            continue
        out.append(a)
        k += 1
    return out


def _find_known_names(m: Mentions) -> set[int]:
    """The knowledge base's surface forms, longest first, and misspelled
    country names. Returns the tokens of names that are no actor here."""
    doc, kb = m.doc, m.kb
    n = len(doc)
    skipped: set[int] = set()
    longest = _known_names(m)
    i = 0
    while i < n:
        match = longest.get(i)
        if match and _stance_prefix(m, i) and all(e.actor.kind == "country" for e in match[1]):
            skipped.update(range(i, i + match[0]))
            i += match[0]  # "an anti-Syria journalist", "pro-American protesters": a stance, not an actor
            continue
        if match and i + match[0] < n and doc[i + match[0]].lower_ in actor_words("document_noun") and \
                all(e.form in ("capital", "place") for e in match[1]):
            skipped.update(range(i, i + match[0]))
            i += match[0]  # "the Geneva Conventions", "the Oslo accords", "the Minsk agreements": no actor
            continue
        if match:
            length, entries = match
            valid = [e for e in entries if valid_at(e, m.year, m.published)]
            # the person's latest office held that year (Rutte in late 2024: NATO, not the Netherlands)
            e = max(valid or entries, key=lambda e: (-kind_rank(e.actor), start_key(e)))
            actor = e.actor
            if not valid and _out_of_office(m, e):
                # a person whose every office ended before the article: one of the elites (CAMEO ELI)
                actor = Actor(actor.id, actor.name, actor_code(actor.country, "ELI"), actor.country, "ELI",
                              actor.kind, actor.role)
            m.add(Found(actor, i, i + length, e.form))
            i += length
        else:
            actor = _misspelled(m, i)
            if actor is not None:
                m.add(Found(actor, i, i + 1, "misspelling"))
            i += 1
    return skipped


def _out_of_office(m: Mentions, e) -> bool:
    """A curated person (years in office) whose office ended before the
    article's year; never without a date, nor for an international body's people."""
    hi = e.valid[1]
    return e.actor.kind == "person" and m.year is not None and isinstance(hi, int) and hi < m.year \
        and e.actor.country is not None and e.actor.sector in actor_words("state_sector")


def _known_names(m: Mentions) -> dict[int, tuple[int, list]]:
    """Start token -> (length, entries) of the longest known form there: one
    pass of the knowledge base's automaton. A curated form must match the
    text exactly; an imported one in the text's own casing of a name."""
    doc, kb = m.doc, m.kb
    longest: dict[int, tuple[int, list]] = {}
    for start, end in names_in(kb, [t.lower_ for t in doc]):
        if start in longest and longest[start][0] >= end - start:
            continue
        span = doc[start:end]
        entries = kb.surface.get(tuple(t.text for t in span))
        if not entries:
            entries = kb.imported.get(tuple(t.lower_ for t in span))
            if not entries or not cased_as_name(span):
                continue
        longest[start] = (end - start, entries)
    return longest


def cased_as_name(span) -> bool:
    """The words are written as a name: each capitalised or all capitals, or a
    connector inside ("Front for the Liberation of ..."), the first one
    capitalised unless it is an Arabic article ("al-Qaeda"). One word alone must
    be a proper noun or an entity to the tagger, and a function word must be in
    capitals: "US" in "the US said" is a name, "us" in "let us" and "Us" are not."""
    words = [t for t in span if any(ch.isalpha() for ch in t.text)]
    if not words or not any(t.text[:1].isupper() for t in words):
        return False
    if not words[0].text[:1].isupper() and words[0].lower_ not in actor_words("name_article"):
        return False  # "the United States": the name starts after "the" ("al-Qaeda" keeps its "al")
    if not all(t.text[:1].isupper() or t.lower_ in actor_words("name_connector") for t in words):
        return False
    if len(span) == 1:
        t = span[0]
        if t.is_stop:
            return t.is_upper and len(t.text) > 1
        return t.is_upper or t.pos_ == "PROPN" or bool(t.ent_type_)
    return True


def _place_state_bodies(m: Mentions) -> None:
    """A known body of one state named with another country right before it
    ("Japan's Joint Chiefs of Staff", "the Ghanaian Defence Ministry")
    is that country's body of the same sector: the tables give generic
    names ("Joint Chiefs of Staff", "Defense Department") to one state."""
    doc = m.doc
    for f in list(m.found):
        a = f.actor
        if a.kind not in ("organization", "group") or not a.country or a.sector not in actor_words("state_sector"):
            continue
        before = f.start - 1 if f.start > 0 and doc[f.start - 1].text in ("’s", "'s") else f.start
        g = m.by_token.get(before - 1)
        if g is None or g.end != before or g.actor.kind != "country" or g.actor.country == a.country:
            continue
        c = g.actor.country
        name = f"{m.kb.countries[c].name} {doc[f.start:f.end].text}"
        body = Actor(f"organization/{slug(name)}", name, actor_code(c, a.sector), c, a.sector, "organization")
        m.found.remove(f)
        m.add(Found(body, f.start, f.end, f.form))


def _place_office_holders(m: Mentions) -> None:
    """A person the tables do not know, whose title is an office with one
    holder ("Prime Minister Marape") and who has no country, is not of a
    country whose holder of that office that year the tables or the article
    name as someone else (Australia's prime minister is Albanese); of the
    countries the article names, the one left that it names most is his."""
    doc, kb = m.doc, m.kb
    offices = {role for _, role in kb.people_by_role}
    counts: dict[str, int] = {}
    for f in m.found:
        if f.actor.kind == "country":
            counts[f.actor.country] = counts.get(f.actor.country, 0) + 1
    for f in list(m.found):
        a = f.actor
        role = f.role.role if f.role else a.role
        if a.kind != "person" or a.country or f.form != "entity" or role not in offices:
            continue
        taken = {c for c in counts for e in kb.people_by_role.get((c, role), [])
                 if valid_at(e, m.year, m.published) and e.actor.id != a.id}
        taken |= {g.actor.country for g in m.found if g.actor.kind == "person" and g.actor.id != a.id
                  and g.actor.country and (g.role.role if g.role else g.actor.role) == role}
        left = sorted(((n, c) for c, n in counts.items() if c not in taken), reverse=True)
        if not taken & counts.keys() or not left or len(left) > 1 and left[0][0] == left[1][0]:
            continue
        c = left[0][1]
        placed = Actor(a.id, a.name, actor_code(c, a.sector), c, a.sector, a.kind, a.role)
        for g in m.found:
            if g.actor.id == a.id:
                g.actor = placed


def _find_bare_surnames(m: Mentions) -> None:
    """A surname standing alone after the full name, that the entity
    recognizer missed ("Lindqvist shot back" after "Greta Lindqvist"): the
    person of that name named last."""
    def full_name(f: Found) -> bool:
        return f.actor.kind == "person" and len(f.actor.name.split()) >= 2 and f.end - f.start >= 2

    surnames = {f.actor.name.split()[-1] for f in m.found if full_name(f)}
    doc = m.doc
    for t in doc:
        if t.text not in surnames or t.i in m.by_token or t.pos_ != "PROPN":
            continue
        if any(n.pos_ == "PROPN" for n in (doc[t.i - 1:t.i] if t.i > 0 else [])) or \
                (t.i + 1 < len(doc) and doc[t.i + 1].pos_ == "PROPN"):
            continue  # part of another name
        last = m.named_last_before(t.i, lambda f: full_name(f) and f.actor.name.split()[-1] == t.text)
        if last is not None:
            m.add(Found(last.actor, t.i, t.i + 1, "surname"))


def _disambiguate_places(m: Mentions) -> None:
    """A place name that several countries have (Tripoli: Libya's capital and
    a Lebanese port) is the other country's when its sentence names that
    country and not the usual one, or, when its sentence names neither, the
    rest of the article names no mention of the usual one and a town of one
    other ("Atlanta ... Georgia will certify": the US state)."""
    doc = m.doc
    ambiguous = [f for f in m.found if f.actor.kind == "country" and
                 m.kb.ambiguous.get(tuple(t.text for t in doc[f.start:f.end]))]
    if not ambiguous:
        return
    # what the rest of the article names: any country mention, and the towns (no capitals) that place one
    rest = [g for g in m.found if g.actor.kind == "country" and g not in ambiguous]
    article = {g.actor.country for g in rest}
    towns = {g.actor.country for g in rest if g.form == "place"}
    by_name = {g.actor.country for g in rest if g.form != "place"}
    for f in ambiguous:
        alternatives = m.kb.ambiguous.get(tuple(t.text for t in doc[f.start:f.end]))
        if not alternatives or f.actor.kind != "country":
            continue
        sent = doc[f.start].sent
        named = {g.actor.country for g in rest if g.actor.kind == "country"
                 and sent.start <= g.start < sent.end}
        # a country's own name ("Georgia") yields to another only by that one's towns, not by its name
        evidence = named if f.form != "name" else {g.actor.country for g in rest if g.form == "place"
                                                   and sent.start <= g.start < sent.end}
        others = [c for c in alternatives[1:] if c in evidence]
        if not others and alternatives[0] not in named and alternatives[0] not in article:
            # the sentence says neither: the article's towns may ("Atlanta ... Georgia will certify")
            # (a country's own name only when the other country is named by its towns alone)
            others = [c for c in alternatives[1:] if c in towns and (f.form != "name" or c not in by_name)]
        if alternatives[0] not in named and len(others) == 1:
            m.found.remove(f)
            m.add(Found(m.kb.countries[others[0]], f.start, f.end, f.form))


def _stance_prefix(m: Mentions, i: int) -> bool:
    doc = m.doc
    return i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ in actor_words("stance_prefix")


def _find_peoples(m: Mentions) -> None:
    """A people named by a demonym or an ethnic name is coded by where it
    lives when the text says so: "Bosnian Serbs" and "Iraqi Kurds" (a
    demonym before it), "Albanians of southern Serbia" (of/in a country),
    "ethnic Albanians ... in Serbia" (a minority: the one other country of
    its sentence). "Serbs" alone stays Serbia, "Kurds" alone stays without
    a country for the event coder to place."""
    doc = m.doc
    for f in list(m.found):
        a = f.actor
        if not (a.kind == "country" and f.form == "alias" or a.role == "ethnic"):
            continue
        head = doc[f.end - 1]
        if head.dep_ in ("amod", "compound", "nmod", "poss") and head.head.i not in m.by_token:
            continue  # a modifier ("Serb forces", "Kurdish refugees"): the phrase's head decides
        country = None
        for c in head.children:
            g = m.by_token.get(c.i)
            if c.i < f.start and c.dep_ in ("amod", "compound", "nmod") and g is not None \
                    and g.actor.kind == "country" and g.actor.country != a.country \
                    and a.country not in actor_words("immigrant_nation"):
                country = g.actor.country  # "Bosnian Serbs" (but "Polish Americans" are American)
        homed = a.kind != "country" and a.country is not None  # "Jewish settlers in the West Bank" stay Israel's
        if country is None and not homed:
            country = prep_country(m, head)[0]
        if country is None and not homed and is_ethnic(head):
            country = other_country(m, head.sent, a.country)
        if country is None or country == a.country:
            continue
        words = doc[min([f.start] + [c.i for c in head.children if c.i < f.start and c.dep_ in ("amod", "compound")]):f.end]
        name = f"{m.kb.countries[country].name} {words.text}" if country in m.kb.countries else words.text
        people = Actor(f"group/{slug(name)}", name, actor_code(country, None), country, None, "group", "ethnic")
        m.found.remove(f)
        m.add(Found(people, f.start, f.end, "ethnic"))


def _inside_title(m: Mentions, ent: Span) -> bool:
    """An entity that is only part of a title: the portfolio of a minister."""
    for j in range(ent.end - 1, min(ent.end + 2, len(m.doc))):
        hit = role_at(m, j)
        if hit and hit[1] <= ent.start and hit[0].kind == "person":
            return True
    return False


def _misspelled(m: Mentions, i: int) -> Actor | None:
    """A country name or demonym with a letter missing or doubled, on a
    proper noun standing alone (not part of a name: "Frances Townsend")."""
    doc = m.doc
    t = doc[i]
    if t.pos_ != "PROPN" or t.ent_type_ == "PERSON":
        return None
    if any(n.pos_ == "PROPN" or n.is_title for n in (doc[i - 1:i] if i > 0 else []) if not n.is_sent_start) \
            or (i + 1 < len(doc) and (doc[i + 1].pos_ == "PROPN" or doc[i + 1].is_title)):
        return None
    return m.kb.misspelled_country(t.text)


def _trim(m: Mentions, ent: Span) -> Span:
    """The name inside an entity span: without leading titles ("Spokesperson
    Reza Karimi") and a trailing possessive ("Assad’s")."""
    start, end = ent.start, ent.end
    while end - start > 1 and m.doc[end - 1].dep_ == "case":
        end -= 1
    while end - start > 1 and (role_at(m, start) or m.doc[start].is_lower or m.doc[start].is_punct):
        start += 1
    return m.doc[start:end]


def _add_unknown_entity(m: Mentions, ent: Span, known_people: dict[str, Actor]) -> None:
    ent = _trim(m, ent)
    text = " ".join(ent.text.split())  # one space where a line break wrapped the name
    if not any(ch.isalpha() for ch in text):
        return
    # Surname of a person named earlier in the article ("Karimi" after "Reza Karimi").
    namesakes = {a.id for a in known_people.values() if a.name.split() and a.name.split()[-1] == text}
    if not namesakes and len(words := text.split()) == 1:
        # "Rahman" after "Rahman Tahir", "Sukarno" after "Sukarno Putra": many names are used by
        # their first word; only when one person named before has it and no one has it as surname
        firsts = {a.id for a in known_people.values() if len(a.name.split()) >= 2 and a.name.split()[0] == text}
        namesakes = firsts if len(firsts) == 1 else set()
    if namesakes:
        # "Clinton" after Bill and Hillary Clinton: the one named last
        last = m.named_last_before(ent.start, lambda f: f.actor.id in namesakes)
        actor = last.actor if last is not None else known_people[min(namesakes)]
        m.add(Found(actor, ent.start, ent.end, "surname"))
        return
    role, country, org = np_context(m, ent.root)
    label = ent.root.ent_type_ or ent.label_
    words = text.split()
    looks_person = label == "PERSON" or (role is not None and role.kind == "person") or (
        # "Carly Fiorina" tagged an organization: a common first name and a surname
        len(words) in (2, 3) and words[0] in first_name_genders() and all(w[:1].isupper() for w in words))
    typed = None if looks_person or role is not None else name_sector(words)
    if label in ("GPE", "LOC", "FAC", "NORP") and not looks_person and typed is None:
        return  # places are the place stage's business; unknown demonyms give no country
    if looks_person and role is None and ent.root.dep_ == "conj":
        # "Prime Ministers A of X and B of Y": a plural title before the first name is the second's too
        plural = [t for t in ent.root.head.children if t.dep_ == "compound" and t.i < ent.root.head.i
                  and _plural(t) and role_at(m, t.i)]
        role = role_at(m, plural[0].i)[0] if plural else None
    if looks_person and role is not None and country is None and org is None:
        # "President Anna Berg of Norway", "Presidents A of X and B of Y": a titled name's own of-country
        country = prep_country(m, ent.root, ("of",))[0]
    if looks_person:
        sector = org.sector if org is not None and org.sector else (role.sector if role else None)
        if sector in actor_words("state_sector") and _former(ent.root):
            sector = "ELI"  # "former defence minister Ana Ruiz": out of office, one of the elites
        actor = Actor(f"person/{slug(text)}", text, actor_code(country, sector), country, sector,
                      "person", role.role if role else None)
        known_people[actor.id] = actor
    else:
        sector = role.sector if role else typed  # "United Airlines", "Cityville University"
        if sector is None and country is None and org is None and label == "ORG" and \
                any(w in actor_words("ngo_name_word") for w in text.split()):
            sector = "NGO"  # "the Association of Coastal Fishermen", "the Global Seed Forum"
        actor = Actor(f"organization/{slug(text)}", text, actor_code(country, sector), country,
                      sector, "organization")
    m.add(Found(actor, ent.start, ent.end, "entity", role))


def _former(head) -> bool:
    """The noun phrase of a name, or its apposition, says "former" or "ex-"."""
    heads = [head] + [c for c in head.children if c.dep_ == "appos"] + ([head.head] if head.dep_ == "appos" else [])
    return any(t.lower_ in actor_words("former_word") for h in heads for t in h.subtree if t.i < h.i + 1
               and t.dep_ in ("amod", "compound", "advmod"))


def find_roles(m: Mentions) -> None:
    """Title-only mentions: 'the spokesperson', 'Iran's top diplomat', 'Turkish officials'."""
    doc = m.doc
    for tok in doc:
        if tok.pos_ not in ("NOUN", "PROPN") or tok.i in m.by_token:
            continue
        # Only the head of its noun phrase: "Foreign Ministry Spokesperson Reza Karimi"
        # gives the name its role, it is not a mention of its own.
        if tok.dep_ == "compound" and tok.head.pos_ in ("NOUN", "PROPN"):
            continue
        hit = role_at(m, tok.i)
        if not hit:
            continue
        role, start = hit
        role = _modifier_sector(m, tok, role, start)
        appos = [c for c in tok.children if c.dep_ == "appos" and c.i in m.by_token]
        _, country, org = np_context(m, tok)
        if country is None and org is None and tok.dep_ == "conj" and tok.head.i < tok.i \
                and not any(c.dep_ in ("det", "poss", "amod", "compound") for c in tok.children):
            # "Israeli helicopters and tanks": a bare conjunct shares the first one's country modifier
            country = np_context(m, tok.head)[1]
        placed: list[str] = []
        if country is None and org is None and role.sector != "IGO":  # "a peacekeeping force in Liberia" is no Liberian
            preps = ("of", "from") if role.kind == "person" else ("in", "of", "from", "inside")
            country, org = prep_country(m, tok, preps)
            if country:  # "the presidents of Chile and Peru": one actor per country
                placed = prep_conjunct_countries(m, tok, preps, country)
        elif org is None and is_ethnic(tok):  # "ethnic Albanian guerrillas" in Macedonia
            country = prep_country(m, tok)[0] or other_country(m, tok.sent, country) or country
        first = phrase_start(tok)
        left = min([start] + [t.i for t in tok.subtree if first <= t.i < start and t.dep_ in NP_MODIFIER_DEPS])
        end = tok.i + 1
        if appos:
            named = m.by_token[appos[0].i]
            if named.actor.kind == "person":
                end = named.end
                actor = _give_role(m, named.actor, role, country or prep_country(m, appos[0], ("of",))[0])
                m.add(Found(actor, left, end, "role", role))
                if _plural(tok):
                    # "Presidents A of X and B of Y": each coordinated name holds the title
                    for c in appos[0].conjuncts:
                        g = m.by_token.get(c.i)
                        if g is not None and g.actor.kind == "person" and g is not named:
                            _give_role(m, g.actor, role, country or prep_country(m, c, ("of",))[0])
                continue
        end = _portfolio_end(m, tok, role) or end
        actor = resolve_role(m, role, country, tok.i, org)
        more = country_modifier_conjuncts(m, tok)[1:] + placed
        m.add(Found(actor, left, end, "role", role))
        # "Iranian and Turkish officials": one actor per coordinated country.
        for c in more:
            m.extra.setdefault(tok.i, []).append(
                Found(resolve_role(m, role, c, tok.i, org), left, end, "role", role))


def _plural(t) -> bool:
    """A plural noun; a capitalised title in plural ("Foreign Ministers") the
    small tagger often calls a singular proper noun."""
    return t.tag_ in ("NNS", "NNPS") or (t.pos_ == "PROPN" and t.text[:1].isupper() and t.is_alpha
                                         and t.text.endswith("s") and not t.text.endswith("ss"))


def _give_role(m: Mentions, person: Actor, role, country: str | None) -> Actor:
    """The person completed by a title in front of the name; the name's
    other mentions are the same person, now with an office."""
    actor = with_role(person, role, country)
    for f in m.found:
        if f.actor.id == actor.id:
            f.actor = actor
    return actor


def _modifier_sector(m: Mentions, tok, role, start: int):
    """A state title word under a modifier that is itself a role of another
    sector belongs to that sector: "a cartel leader" (CRM), "the union
    spokesman" (LAB), "rebel commanders" (REB), "company officials" (BUS);
    so does a person's title "for" or "of" a group of another sector: "a
    spokesman for the navy" (MIL), "a commander of the rebel group" (REB)."""
    if role.sector != "GOV" and not (role.kind == "person" and role.sector == "MIL"):
        return role
    for c in tok.children:
        if role.sector != "GOV" or c.i >= start or c.dep_ not in ("compound", "amod", "nmod") or c.i in m.by_token:
            continue
        hit = role_at(m, c.i)
        if hit and hit[1] == c.i and hit[0].sector != role.sector:
            return Role(role.phrase, hit[0].sector, role.kind, role.role)
    if role.kind != "person" or tok.lower_ in actor_words("portfolio_title"):
        return role  # "the minister of police" holds a portfolio
    for p in tok.children:
        if p.dep_ != "prep" or p.lower_ not in ("for", "of"):
            continue
        for g in p.children:
            hit = role_at(m, g.i) if g.dep_ == "pobj" else None
            sector = hit[0].sector if hit and hit[0].kind == "group" else None
            if sector and sector != role.sector and sector not in ("GOV", "IGO", "NGO") \
                    and (role.sector == "GOV" or sector in actor_words("armed_sector")):
                return Role(role.phrase, sector, role.kind, role.role)
    return role


PORTFOLIO_LINKS = {"of", "the", "and", "for", "&"}


def _portfolio_end(m: Mentions, tok, role) -> int | None:
    """The end of a body's name that goes on past its title word: "the Chilean
    Ministry of Mines", "the Department of Fisheries", "the Office of the
    Chief Inspector of Prisons". Capitalised words after "of", over
    entities the recognizer found there and no table knows ("Commerce")."""
    doc = m.doc
    if role.kind != "group" or not tok.text[:1].isupper() or tok.i + 2 >= len(doc) or doc[tok.i + 1].lower_ != "of":
        return None
    last = None
    for k in range(tok.i + 2, min(len(doc), tok.i + 10)):
        t, f = doc[k], m.by_token.get(k)
        if f is not None and not (f.form == "entity" and f.actor.code == "UNK"):
            break
        if t.is_alpha and t.text[:1].isupper():
            last = k
        elif t.lower_ not in PORTFOLIO_LINKS:
            break
    if last is None:
        return None
    for f in [f for f in m.found if tok.i < f.start <= last]:
        m.found.remove(f)
        for i in range(f.start, f.end):
            if m.by_token.get(i) is f:
                del m.by_token[i]
    return last + 1
