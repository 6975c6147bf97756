"""Mixed quotes: a short quoted fragment inside a sentence. With a cue, the
quote spans the cue's reported words ("hailed the vote as “fantastic”"); with
none, the fragment in the writer's own clause is its subject's words ("Reyes
has vowed to build a “fair and modern” tax system") unless the verb is a copula or
event-less (data/quote_clause_verbs.tsv), or the quotation is a title or a
scare quote.
"""
from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from ..data import read_tsv
from .marks import quote_text
from .constants import NOT_SPEAKERS, SUBJECT_DEPS
from .cues import governs, parenthetical
from .finding import QuoteFinding
from .syntax import relative_refs, subjects, token_span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


def complement_span(cue: Token, start: int, end: int) -> tuple[int, int]:
    """The cue's reported words around a quoted fragment: everything the cue
    governs after itself (objects, clauses, "as ..." phrases), or the clause
    before it ("Tolls are “a scandal,” Reed said"), or the whole clause a
    parenthetical cue sits in; quote included."""
    parts = [c for c in cue.children if c.i > cue.i and c.dep_ not in ("punct", "cc", "conj", "advcl", "npadvmod")]
    before = [c for c in cue.children if c.i < cue.i and c.dep_ not in SUBJECT_DEPS + ("punct", "cc", "aux", "neg")
              and c.left_edge.idx <= start and end <= c.right_edge.idx + len(c.right_edge) + 1]
    if parenthetical(cue) and not governs(cue, start, end):
        parts = [cue.head]
    elif before:
        parts = before
    holder = next((c for c in cue.children if c.i > cue.i and c.dep_ in ("conj", "advcl", "npadvmod")
                   and c.left_edge.idx <= start and end <= c.right_edge.idx + len(c.right_edge) + 1), None)
    if parts and not before and not parenthetical(cue):
        # "dismissed the plan as “absurd” because ...": the reason goes with the words.
        parts += [c for c in cue.children if c.dep_ == "advcl" and c.left_edge.idx >= end
                  and any(m.dep_ == "mark" and m.lower_ in ("because", "since") for m in c.children)]
    if holder is not None and not before and not any(p.left_edge.idx <= start and end <= p.right_edge.idx
                                                     + len(p.right_edge) + 1 for p in parts):
        # "pledged to enact reform, fix the “broken” system": the reported words
        # run on through the conjoined verb that holds the quotation.
        parts = [*parts, holder]
    if not parts:
        return start, end
    left = min(p.left_edge.idx for p in parts)
    last = max(parts, key=lambda p: p.right_edge.i).right_edge
    right = last.idx + len(last)
    for p in parts:
        # "vowed that the smugglers would “regret” it and is reported to be planning": a joined
        # clause that is itself reported speech is the writer's, not the cue's words.
        for t in p.subtree:
            if t.dep_ == "conj" and t.idx > end and t.lemma_.lower() in ("say", "report", "believe") \
                    and any(c.dep_ == "auxpass" for c in t.children):
                cut = min((c for c in t.head.children if c.dep_ == "cc" and end <= c.idx < t.idx),
                          key=lambda c: c.idx, default=t.left_edge)
                before = cue.doc[cut.i - 1]
                right = min(right, before.idx + len(before))
    text = quote_text(cue.doc)
    left = max(left, text.rfind("\n", 0, start) + 1)  # never past the quote's paragraph
    para_end = text.find("\n", end)
    right = min(right, len(text) if para_end < 0 else para_end)
    if not (left <= start and end <= right + 1):
        return start, end
    return min(left, start), max(right, end)


@cache
def clause_words(use: str) -> frozenset[str]:
    """Words of data/quote_clause_verbs.tsv by use: "not" verbs (copulas,
    event-less verbs) that leave a quoted fragment in their clause the writer's
    (any other verb gives it to its subject), "title" words after which a capitalised
    quotation is a title, "words" nouns after which it is someone's words
    ("the slogan “...”"), "scare" words that mark a scare quote."""
    return frozenset(r["lemma"] for r in read_tsv("quote_clause_verbs.tsv") if r["use"] == use)


def _title_or_scare(doc: Doc, span: Span, start: int, end: int) -> bool:
    """A title (“Modern Family”, the film “The Road Home”) or a scare quote
    (the so-called “deal”, the “alt-right” movement) is nobody's words."""
    text = quote_text(doc)
    before = [t for t in doc[max(0, span.start - 3):span.start] if not (t.is_punct or t.is_space)]
    prev = before[-1].lower_ if before else ""
    head = text[max(0, start - 24):start - 1].lower().rstrip(" \t“\"")
    if any(head.endswith(w) for w in clause_words("scare")):
        return True
    words = [w for w in re.findall(r"[A-Za-z][A-Za-z'’\-]*", text[start:end])]
    long = [w for w in words if len(w) > 3]
    if long and all(w[0].isupper() for w in long) and prev not in clause_words("words"):
        return True  # every word capitalised: a title, a name
    inside = [t for t in span if not (t.is_punct or t.is_space)]
    root = span.root
    modifier = ("compound", "nmod") + (("amod",) if len(inside) > 1 else ())
    if len(inside) <= 3 and root.dep_ in modifier and not (start <= root.head.idx < end) and root.head.i > root.i:
        return True  # quoted words that name a kind of thing: the “alt-right” movement, the “new right” movement
    return False


def clause_quote(doc: Doc, start: int, end: int, si: int) -> QuoteFinding | None:
    """A quoted fragment with no cue of its own inside the writer's clause is
    the clause subject's words ("Reyes has vowed to build a “fair and modern” tax system",
    "Both oppose the “pay to play” rules"): a mixed quote spanning the verb's
    complement, kept (needs_actor) only if the subject resolves to a known actor. Copulas and event-less verbs leave the words the writer's."""
    text = quote_text(doc)
    if text[max(0, start - 2):start - 1] == "=" or not any(ch.isalpha() for ch in text[start:end]):
        return None  # a markup attribute (author="..."), a number
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0 or _title_or_scare(doc, span, start, end):
        return None
    tok = span.root
    verbs = 0
    subject_before = tok.pos_ == "VERB" and tok.dep_ == "ROOT" and tok.lemma_.lower() not in clause_words("not") and any(
        c.dep_ in SUBJECT_DEPS and c.idx < start and c.right_edge.i < span.start
        and all(t.is_punct for t in doc[c.right_edge.i + 1:span.start]) for c in tok.children)
    while (tok.head.i != tok.i or subject_before) and verbs < 2:
        if subject_before:
            # "The ministry “condemned the raid”": the quotation is the predicate of the subject before it.
            subject_before = False
        else:
            tok = tok.head
        if start <= tok.idx < end and tok.i != span.root.i:
            continue
        if "\n" in text[min(tok.idx, end):max(tok.idx, start)]:
            return None
        if tok.pos_ not in ("VERB", "AUX"):
            continue
        lemma = tok.lemma_.lower()
        if tok.pos_ == "AUX" or lemma in clause_words("not"):
            return None
        verbs += 1
        verb, subj = tok, None
        for _ in range(3):
            subj = next(iter(subjects(verb)), None)
            if subj is not None or verb.dep_ not in ("xcomp", "conj") or verb.head.pos_ not in ("VERB", "AUX"):
                break
            verb = verb.head  # "has vowed to build a “wall”": the subject of vowed
        if subj is None or subj.left_edge.idx <= start < subj.right_edge.idx + len(subj.right_edge):
            continue  # no subject, or the quotation is part of it ("the “new” mayor turned")
        if subj.lower_ in ("who", "that") and verb.dep_ == "relcl":
            subj = verb.head
        if subj.pos_ not in ("PROPN", "NOUN", "PRON") or subj.ent_type_ in NOT_SPEAKERS:
            continue
        if subj.pos_ == "PRON" and subj.lower_ not in ("he", "she", "they"):
            continue
        cs, ce = complement_span(verb, start, end)
        return QuoteFinding((cs, ce), text[cs:ce], "mixed", verb.text, (verb.idx, verb.idx + len(verb)),
                            token_span(subj), subj.i, si, relative_refs(subj, verb), needs_actor=True)
    return None
