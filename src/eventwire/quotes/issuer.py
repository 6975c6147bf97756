"""A speaker that is a document: "the statement said", "Friday's statement
reads", "a joint statement by UN chiefs said". The words are its issuer's: the
actor it is by or from, else the speaker of the quote before it (wire copy
quotes one statement in several pieces), else the organization, group or
country named last before it. The document nouns are the `document` rows of
data/quote_clause_verbs.tsv."""
from __future__ import annotations

from ..model import Actor, Quote
from .mixed import clause_words

ISSUER_WINDOW = 400  # tokens back to an organization named before


def document_issuer(tok, actors, earlier: list[Quote]) -> Actor | None:
    if tok.lemma_.lower() not in clause_words("document") and tok.lower_ not in clause_words("document"):
        return None
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ in ("by", "from", "of"):
            for g in prep.children:
                found = actors.for_phrase(g) if g.dep_ == "pobj" else []
                if found:
                    return found[0].actor
    for q in reversed(earlier):
        s = q.speaker
        if s is not None and s.actor.code != "UNK" and \
                s.actor.name.split()[-1].lower() not in clause_words("document"):
            return s.actor
    best = actors.named_last_before(tok.i, lambda f: f.actor.kind != "person" and f.actor.code != "UNK")
    if best is not None and tok.i - best.start <= ISSUER_WINDOW:
        return best.actor
    return None
