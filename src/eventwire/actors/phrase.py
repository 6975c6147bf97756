"""The actors a noun phrase denotes, read from the mentions already found:
coordinated members, appositions, an actor modifier ("Iranian officials"), the
people counted ("thousands of Iraqi Kurds").
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from .constants import actor_words
from .index import Found, Mentions

if TYPE_CHECKING:
    from spacy.tokens import Token


def absolute_subject(verb: Token) -> Token | None:
    """"with Kenya supporting the government and Uganda backing the opposition":
    the small parser can make "Uganda" a second object of "supporting" and hang
    "backing" under it; the noun just before the participle is its subject."""
    if verb.dep_ != "advcl" or verb.tag_ != "VBG" or verb.i == 0:
        return None
    noun = verb.doc[verb.i - 1]
    if noun.dep_ == "conj" and noun.pos_ in ("PROPN", "NOUN") and noun.head.dep_ == "dobj" \
            and noun.head.head.i == verb.head.i:
        return noun
    return None


def is_absolute_subject(noun: Token) -> bool:
    """The noun is the subject of the participle after it, not a conjunct."""
    nxt = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    subject = absolute_subject(nxt) if nxt is not None else None
    return subject is not None and subject.i == noun.i


def for_phrase(m: Mentions, head: Token) -> list[Found]:
    """The actors a noun phrase headed by `head` denotes: coordinated members
    each ("Iran and Türkiye"), a name before a role word, the role before a
    bare country."""
    if head.i in m.datelines:
        # "OSLO (AP) — Chile and Peru agreed": the parser makes the dateline the
        # subject and the real one its apposition
        real = [c for c in head.children if c.dep_ == "appos" and c.i not in m.datelines]
        return for_phrase(m, real[0]) if real else []
    members = [head] + [c for c in head.conjuncts if c.i > head.i and not is_absolute_subject(c)]
    out: list[Found] = []
    for member in members:
        f = phrase_actor(m, member)
        more = m.extra.get(member.i, [])
        if f is not None and not more and f.form == "pronoun" and f.start != member.i:
            more = m.extra.get(f.start, [])  # "their ties" after "Congo and Costa Rica": both own them
        if f is not None and f.actor.kind == "country" and not (f.start <= member.i < f.end) and not more:
            # "the Serbian and Croatian sides": each coordinated country modifier
            for c in member.children:
                if c.dep_ in ("amod", "compound", "nmod") and m.by_token.get(c.i) is f:
                    more = [m.by_token[cc.i] for cc in c.conjuncts if cc.i in m.by_token
                            and m.by_token[cc.i].actor.kind == "country"]
        for g in ([f] if f is not None else []) + more:
            if all(g.actor.id != o.actor.id for o in out):
                out.append(g)
    return out


def phrase_actor(m: Mentions, head: Token) -> Found | None:
    """The one actor a phrase's head stands for, or None."""
    f = m.by_token.get(head.i)
    if f is not None:
        return f
    for c in head.children:
        if c.dep_ == "appos" and c.i in m.by_token:
            return m.by_token[c.i]
    # "Iranian officials", "U.N. helicopters", "Reagan's statement": an actor modifier
    inner_found = None
    # a named modifier before a possessive pronoun: "its European Community partners" are the EC
    modifiers = [c for c in head.children if c.dep_ in ("amod", "compound", "poss", "nmod") and c.i in m.by_token]
    named = [c for c in modifiers if c.pos_ != "PRON"]
    countries = [m.by_token[c.i] for c in named if m.by_token[c.i].actor.kind == "country"]
    if countries:  # the leftmost, unless the last is a nation of immigrants ("Lithuanian American voters")
        return countries[-1] if countries[-1].actor.country in actor_words("immigrant_nation") else countries[0]
    for c in named:
        inner = m.by_token[c.i]
        if inner.actor.kind in ("group", "organization") or c.dep_ == "poss":
            inner_found = inner_found or inner
    if inner_found is not None:
        return inner_found
    pronouns = [m.by_token[c.i] for c in modifiers if c.pos_ == "PRON" and c.dep_ == "poss"]
    if pronouns and pronouns[0].actor.kind == "country":  # "its partners": the country it stands for
        return pronouns[0]
    # "The Red Cross operating in Gaza reported": a participle misparsed as the subject, its own subject the actor
    if head.pos_ == "VERB" and head.dep_ in ("nsubj", "nsubjpass"):
        for c in head.children:
            if c.dep_ in ("nsubj", "nsubjpass") and c.i < head.i and c.i in m.by_token:
                return m.by_token[c.i]
    # "thousands of Iraqi Kurds", "a team of Kenyan doctors": the people counted
    if head.lemma_.lower() in actor_words("quantity_head") or head.like_num:
        for p in head.children:
            if p.dep_ == "prep" and p.lower_ == "of":
                for g in p.children:
                    if g.dep_ == "pobj":
                        return phrase_actor(m, g)
    return None
