"""Dependency helpers the event stages share: subjects, complements, clauses."""
from __future__ import annotations

from typing import TYPE_CHECKING

from .lexicon import lexicon

if TYPE_CHECKING:
    from spacy.tokens import Token


# Subjects of a verb in the active voice (nominal and clausal); quotes.find has
# its own SUBJECT_DEPS, the nominal subjects of either voice.
ACTIVE_SUBJECT_DEPS = {"nsubj", "csubj"}
PASSIVE_SUBJECT_DEPS = {"nsubjpass", "csubjpass"}


def is_for_infinitive(tok: Token) -> bool:
    """"called for Israel to withdraw", "pressed for Iran to release them": a
    for-to clause, which the small parser makes an adverbial clause marked
    "for"; it is what the appeal asks."""
    return tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "for" for c in tok.children) \
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def is_complement(tok: Token) -> bool:
    """An infinitive or that-clause the head verb governs. The small parser
    makes "threatened on Tuesday to resume strikes" an adverbial clause."""
    if tok.dep_ in ("xcomp", "ccomp") or is_for_infinitive(tok):
        return True
    # only under verbs that take an infinitive ("threaten to", "vow to"); a
    # purpose clause ("worked together to stop the war") is not what they did
    return tok.dep_ == "advcl" and ("governor", tok.head.lemma_.lower()) in lexicon().modality \
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children) \
        and not any(c.dep_ == "mark" for c in tok.children)


def is_noun_clause(tok: Token) -> bool:
    """A that- or to-clause completing the verb's object noun: "its demand
    that Israel ease restrictions", "a request to hand over the suspects"."""
    return tok.dep_ == "acl" and tok.head.dep_ in ("dobj", "pobj") and any(
        (c.dep_ == "mark" and c.lower_ == "that") or (c.dep_ == "aux" and c.lower_ == "to") for c in tok.children)


def complement_nouns(verb: Token) -> list[Token]:
    """The verb's object and the objects of its prepositions, one level down."""
    out = []
    for c in verb.children:
        if c.dep_ in ("dobj", "attr", "oprd"):
            out.append(c)
        elif c.dep_ == "prep":
            out += [g for g in c.children if g.dep_ == "pobj"]
    for n in list(out):
        for p in n.children:
            if p.dep_ == "prep":
                out += [g for g in p.children if g.dep_ == "pobj"]
    return [n for n in out if n.pos_ in ("NOUN", "PROPN")]


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in PASSIVE_SUBJECT_DEPS or c.dep_ == "auxpass" for c in verb.children)


def is_reduced_passive(verb: Token) -> bool:
    """A past participle modifying a noun, a passive whose subject is that noun:
    "a curfew imposed in the capital", "sanctions imposed by the EU"."""
    return verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.pos_ in ("NOUN", "PROPN") \
        and not any(c.dep_ in ("nsubj", "nsubjpass", "auxpass", "aux") for c in verb.children)


def head_chain(tok: Token) -> set[int]:
    out = set()
    while tok.head.i != tok.i:
        tok = tok.head
        out.add(tok.i)
    return out
