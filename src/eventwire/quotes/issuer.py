"""A speaker that is a document: "the statement said", "Friday's statement
reads", "a statement by the relief agencies said". The words are its issuer's: the
actor it is by or from ("a statement by X", "X's statement", "an X
statement"), else the issuer of the document named before it ("X said in a
statement ... the statement added", "An X statement says ... “...,” the
statement reads"), else the speaker of the quote before it (wire copy quotes
one statement in several pieces), else the organization, group or country
named last before it. The document nouns are the `document` rows of
data/quote_clause_verbs.tsv."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import Actor, Quote
from .constants import SUBJECT_DEPS, quote_words
from .mixed import clause_words

if TYPE_CHECKING:
    from spacy.tokens import Token

ISSUER_WINDOW = 400  # tokens back to an organization named before, or to the document named before


def _is_document(tok: Token) -> bool:
    return tok.pos_ in ("NOUN", "PROPN") and (tok.lemma_.lower() in clause_words("document")
                                              or tok.lower_ in clause_words("document"))


def _is_authored(tok: Token) -> bool:
    """A text that speaks for the author it names, and only for one it names:
    "a letter signed by X", "X released a video that says" (not "the Post", a paper)."""
    return tok.pos_ == "NOUN" and (tok.lemma_.lower() in clause_words("authored")
                                   or tok.lower_ in clause_words("authored"))


def _own_issuer(tok: Token, actors) -> Actor | None:
    """The actor a document noun names as its author: "a statement by/from X",
    "a document filed by X", "X's statement", "an X statement", "X said in a
    statement", "X issued a statement"."""
    by = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("by", "from", "of")]
    # "a court document filed by X", "a letter signed by X": the agent of the verb that describes it
    by += [a for v in tok.children if v.dep_ == "acl" and v.tag_ == "VBN" for a in v.children if a.dep_ == "agent"]
    for c in by:
        for g in c.children:
            found = actors.for_phrase(g) if g.dep_ == "pobj" else []
            if found:
                return found[0].actor
    for c in tok.children:
        if c.dep_ in ("poss", "compound", "nmod") and c.i < tok.i:
            found = actors.for_phrase(c)
            if found and found[0].actor.code != "UNK":
                return found[0].actor
    verb = tok.head
    if tok.dep_ == "pobj" and verb.dep_ == "prep" and verb.lower_ in ("in", "through"):
        verb = verb.head  # "X said in a statement"
    elif tok.dep_ != "dobj" or verb.lemma_.lower() not in quote_words("document_verb"):
        return None  # "X issued a statement", not "X rejected the statement"
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    for c in verb.children:
        if c.dep_ in SUBJECT_DEPS and not _is_document(c):
            found = actors.for_phrase(c)
            if found and (found[0].actor.code != "UNK" or _is_authored(tok)):
                return found[0].actor
    return None


def document_issuer(tok: Token, actors, earlier: list[Quote]) -> Actor | None:
    if _is_authored(tok) and not _is_document(tok):
        return _own_issuer(tok, actors)
    if not _is_document(tok):
        return None
    own = _own_issuer(tok, actors)
    if own is not None:
        return own
    doc = tok.doc
    for t in reversed(doc[max(0, tok.i - ISSUER_WINDOW):tok.i]):
        if _is_document(t) and (found := _own_issuer(t, actors)) is not None:
            return found
    for q in reversed(earlier):
        s = q.speaker
        if s is not None and s.actor.code != "UNK" and \
                s.actor.name.split()[-1].lower() not in clause_words("document"):
            return s.actor
    best = actors.named_last_before(tok.i, lambda f: f.actor.kind != "person" and f.actor.code != "UNK")
    if best is not None and tok.i - best.start <= ISSUER_WINDOW:
        return best.actor
    return None
