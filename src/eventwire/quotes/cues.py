"""Cue verbs: the verbs that introduce speech ("said", "told", "points out",
data/quote_cues.tsv), and the cue a quotation belongs to.
"""
from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from ..data import read_tsv
from .marks import quote_text
from .constants import SUBJECT_DEPS, phrasal_cues, quote_words
if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


@cache
def cues() -> frozenset[str]:
    """Lemmas of verbs that introduce speech (data/quote_cues.tsv)."""
    return frozenset(r["lemma"] for r in read_tsv("quote_cues.tsv"))


def is_cue(t: Token) -> bool:
    if t.pos_ not in ("VERB", "AUX"):
        return False
    lemma = t.lemma_.lower()
    if lemma == "quote" and any(c.dep_ in SUBJECT_DEPS and c.lower_ in ("i", "we") for c in t.children):
        return False  # "The mayor said, and I quote, “...”": the writer's aside, not a speaker
    if lemma in cues():
        # "recalled its ambassador", "concluded a trade deal": an act, not speech
        return not any(c.dep_ == "dobj" and f"{lemma} {c.lemma_.lower()}" in quote_words("act_object")
                       for c in t.children)
    prt = phrasal_cues().get(lemma)
    return prt is not None and any(c.dep_ in ("prt", "advmod", "dobj") and c.lower_ == prt for c in t.children)


def cue_outside(sent: Span, start: int, end: int) -> Token | None:
    """A cue verb in `sent` outside [start, end), nearest to the quote."""
    best = None
    text = quote_text(sent.doc)
    for t in sent:
        if start <= t.idx < end:
            continue
        if is_cue(t) and "\n" not in text[min(t.idx, end):max(t.idx, start)]:  # not across a paragraph break
            d = min(abs(t.idx - start), abs(t.idx - end))
            if best is None or d < best[0]:
                best = (d, t)
    return best[1] if best else None


def governing_cue(doc: Doc, start: int, end: int) -> Token | None:
    """The cue verb whose clause the quoted words sit in: "called both rivals
    “reckless”", "warned that the smugglers would “regret” it"."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    tok = span.root
    found = []
    for _ in range(6):
        if tok.head.i == tok.i:
            break
        tok = tok.head
        if start <= tok.idx < end:
            continue
        if is_cue(tok) and "\n" not in quote_text(doc)[min(tok.idx, end):max(tok.idx, start)]:
            found.append(tok)
            if tok.lemma_.lower() not in quote_words("weak_cue"):
                break
    # "said that her union would continue “to fight for every job”": the speech verb
    # above a verb that only sometimes reports speech.
    strong = [t for t in found if t.lemma_.lower() not in quote_words("weak_cue")]
    cue = strong[0] if strong else (found[0] if found else None)
    # "Reyes said he would call the minister and tell him “enough is enough”": a cue
    # whose subject is a pronoun inside another cue's reported clause is part
    # of that report; the outer cue's words hold the quotation. So is one whose
    # subject is a common noun naming nobody ("said any new deal would demand “...”").
    for _ in range(2):
        if cue is None or not any(c.dep_ in SUBJECT_DEPS and (c.lower_ in ("he", "she", "they")
                                                              or (c.pos_ == "NOUN" and not c.ent_type_))
                                  for c in cue.children):
            break
        outer = next((a for a in cue.ancestors if is_cue(a) and a.lemma_.lower() in ("say", "tell", "add", "write")
                      and not (start <= a.idx < end) and a.sent == cue.sent), None)
        if outer is None or not _reported_by(cue, outer):
            break
        cue = outer
    return cue


def _reported_by(tok: Token, cue: Token) -> bool:
    """`tok` sits in `cue`'s reported clause (below a ccomp on the way up), not in
    a clause joined to the cue's ("said ..., but he said ...")."""
    while tok.i != cue.i:
        if tok.dep_ == "ccomp":
            return True
        if tok.dep_ == "conj" and tok.head.i == cue.i:
            return False
        tok = tok.head
    return False


def parenthetical(cue: Token) -> bool:
    """A cue set off inside the clause it reports, with its own subject: "Her
    neighbours, she said, should not believe “...”"."""
    return cue.dep_ == "parataxis" and cue.head.i != cue.i and any(c.dep_ in SUBJECT_DEPS for c in cue.children)


def governs(cue: Token, start: int, end: int) -> bool:
    """The cue's clause contains the quoted fragment."""
    return any(start <= t.idx < end for t in cue.subtree)


def purpose(cue: Token) -> bool:
    """"visited Ankara to discuss the war": a cue in a purpose clause tells why
    something was done, not what was said."""
    return cue.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in cue.children)
