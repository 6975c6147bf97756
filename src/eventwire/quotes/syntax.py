"""Who a cue verb's syntax names as speaking: its subject (nearest first), the
agent of a passive cue, an inverted subject ("..., said the spokesperson"), the
subject up the clause ("began by saying"), the name before the cue when the
parse lost it, the source of "according to"; and the words of a speaker
mention.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from .marks import hard_break, quote_text
from .constants import NAME_ENTITIES, NOT_SPEAKERS, SUBJECT_DEPS, UP_DEPS, quote_words
from .cues import is_cue

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


def speaker_of(verb: Token) -> Token | None:
    """The speaker token of a cue verb: its subject, or the inverted subject
    ("..., said the spokesperson"), or the pobj of "according to"."""
    if (quoted := quoted_as(verb)) is not None:
        return quoted
    for agent in (c for c in verb.children if c.dep_ == "agent"):
        # "Reyes was asked by host Dana Cole, “...”": the agent speaks.
        for c in agent.children:
            if c.dep_ == "pobj" and c.ent_type_ not in NOT_SPEAKERS:
                return c
    for c in subjects(verb):
        if c.ent_type_ not in NOT_SPEAKERS and any(ch.isalnum() for ch in c.text):
            if c.lower_ in ("who", "that") and verb.dep_ == "relcl":
                return verb.head
            if (c.pos_ not in ("PROPN", "PRON", "NOUN", "NUM") and c.ent_type_ not in NAME_ENTITIES) or \
                    any(t.text in ("―", "—", "–") for t in verb.doc[c.i + 1:verb.i]):
                return name_before(verb) or c  # "made public ― Reyes boasted"
            return c
    return inverted_speaker(verb) or clause_subject(verb) or name_before(verb)


def root_subject(cue: Token, start: int, end: int) -> Token | None:
    """"The mayor seemed calm, telling the crowd, “Some of you ...”" when the parse
    hangs the cue under a verb of the quotation: the subject of the sentence's
    main verb, outside the quotation."""
    root = cue.sent.root
    if start <= root.idx < end or root.i == cue.i:
        return None
    subj = next(iter(subjects(root)), None)
    if subj is None or start <= subj.idx < end or subj.ent_type_ in NOT_SPEAKERS or subj.pos_ not in ("PROPN", "NOUN", "PRON") \
            or subj.lower_ in ("it", "this", "that", "there", "what", "which"):
        return None
    return subj


def inverted_speaker(verb: Token, objects: bool = True) -> Token | None:
    """"..., said the spokesperson": the subject after the cue (with `objects`,
    also one the parse took for an object)."""
    if verb.lemma_.lower() in quote_words("inversion_cue"):
        # Only a finite cue inverts: in "she said, describing her first campaign" or
        # "adding the details" the noun after a participle is its object.
        finite = verb.tag_ not in ("VBG", "VB", "TO")
        for c in verb.children if objects and finite else ():
            if c.dep_ in ("dobj", "attr", "npadvmod", "nsubj") and c.i > verb.i and c.pos_ in ("PROPN", "NOUN", "PRON") \
                    and c.ent_type_ not in NOT_SPEAKERS \
                    and (c.pos_ != "PRON" or c.lower_ in quote_words("inverted_subject_pronoun")):
                return c
        after = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
        if after is not None and after.head.i == verb.i and after.is_title and not after.is_stop \
                and after.pos_ in ("PROPN", "NOUN", "ADV", "ADJ") and after.ent_type_ not in NOT_SPEAKERS \
                and verb.i > verb.sent.start and verb.doc[verb.i - 1].is_punct:
            return after  # "“...,” said Lind, explaining": a name the tagger took for an adverb
    return None


def subjects(verb: Token) -> list[Token]:
    """The verb's subjects, nearest first: in "Speaking in Dover, Delaware,
    Kline went on" the parse may give two, and the one next to the verb is it."""
    subj = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    # "Kline, in Ohio, said": a place the parse gives as a second subject comes last.
    return sorted(subj, key=lambda c: (len(subj) > 1 and c.ent_type_ in ("GPE", "LOC", "FAC"), c.i > verb.i,
                                       -c.i if c.i < verb.i else c.i))


def name_before(verb: Token) -> Token | None:
    """The parse lost the subject: "..., Ruth Kemper, said: “...”" takes the
    name or pronoun right before the cue."""
    i = verb.i - 1
    while i >= verb.sent.start and verb.doc[i].text in (",", "—", "–") :
        i -= 1
    if i < verb.sent.start:
        return None
    t = verb.doc[i]
    if t.pos_ in ("PROPN", "PRON") and t.ent_type_ not in NOT_SPEAKERS and t.lower_ not in ("it", "this", "that", "which", "what"):
        return t
    return None


def quoted_as(verb: Token) -> Token | None:
    """"The radio quoted a court clerk as saying ...": the one quoted
    speaks, not the one quoting."""
    if verb.lemma_.lower() != "quote" or not any(c.lower_ == "as" for c in verb.children):
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.ent_type_ not in NOT_SPEAKERS), None)
    return obj if obj is not None and obj.pos_ in ("PROPN", "NOUN", "PRON") else None


def clause_subject(verb: Token) -> Token | None:
    tok = verb
    for _ in range(4):
        if tok.dep_ not in UP_DEPS or tok.head.i == tok.i:
            return None
        tok = tok.head
        if (quoted := quoted_as(tok)) is not None:
            return quoted  # "quoted the minister as saying"
        if tok.pos_ not in ("VERB", "AUX"):
            if tok.dep_ == "prep" or tok.pos_ == "ADP":
                continue
            return None
        for c in subjects(tok):
            if c.dep_ in SUBJECT_DEPS:
                if c.lower_ in ("who", "that") and tok.dep_ == "relcl":
                    return tok.head
                return c
        inverted = inverted_speaker(tok, objects=False) if is_cue(tok) else None
        if inverted is not None:
            return inverted  # "..., said Lind, explaining he ..."
    return None


def token_span(tok: Token) -> tuple[int, int]:
    """Char span of a speaker mention: the noun phrase without clauses after it."""
    left = tok.left_edge
    right = tok
    for c in tok.children:
        if c.i > tok.i and c.dep_ in ("compound", "appos", "flat") :
            right = max(right, c.right_edge, key=lambda t: t.i)
        elif c.i == tok.i + 1 and c.dep_ == "prep" and c.lower_ == "of" and tok.pos_ in ("NOUN", "PROPN") \
                and tok.ent_type_ != "PERSON":
            # "the director of public prosecutions", "the Office of the Director of ...", not a clause after it
            end = next((t for t in tok.doc[c.i:c.right_edge.i + 1] if t.text == "," or t.dep_ in ("relcl", "acl")),
                       tok.doc[c.right_edge.i + 1] if c.right_edge.i + 1 < len(tok.doc) else None)
            last = tok.doc[end.i - 1] if end is not None else c.right_edge
            right = max(right, last, key=lambda t: t.i)
    if tok.head.i > tok.i:
        right = min(right, tok.doc[max(tok.i, tok.head.i - 1)], key=lambda t: t.i)  # not past its verb
    for t in tok.doc[tok.i + 1:right.i + 1]:
        if hard_break(t) or t.text in ("―", "—", "–", ":"):
            right = tok.doc[t.i - 1]  # nor past a line break or a dash
            break
    for t in tok.doc[left.i:tok.i]:
        if t.text == "-" and not t.whitespace_ and not tok.doc[t.i - 1].whitespace_:
            continue  # a hyphen inside a word: "the 46-year-old"
        if (t.is_space and (hard_break(t) or "\n" not in t.text)) or t.text in ("-", "—", "–", ":"):
            left = tok.doc[t.i + 1]  # a headline or a line above is not part of the name
    while right.i > tok.i and (right.is_space or right.text in (",", ";", ":", "—", "–")):
        right = tok.doc[right.i - 1]
    cue_forms = quote_words("cue_form")
    while left.i < tok.i and (left.is_punct or left.is_space or left.dep_ == "cc" or left.lower_ in cue_forms):
        left = tok.doc[left.i + 1]
    start, end = left.idx, right.idx + len(right)
    text = quote_text(tok.doc)
    if text.count("(", start, end) > text.count(")", start, end):
        close = text.find(")", end, end + 12)  # "Ruth Okafor (D-Ore.)" keeps its parenthesis
        if close >= 0 and "\n" not in text[end:close]:
            end = close + 1
    return start, end


def according_to(sent: Span, start: int, end: int) -> tuple[Token, Token] | None:
    for t in sent:
        if t.lower_ == "according" and not (start <= t.idx < end):
            for c in t.children:
                if c.dep_ == "prep" and c.lower_ == "to":
                    for g in c.children:
                        if g.dep_ == "pobj":
                            return t, g
    return None


def relative_refs(speaker: Token, cue: Token) -> tuple[tuple[int, int], ...]:
    """"Ruth Okafor, who declared “...”": the relative pronoun that is the cue's
    subject is another mention of the speaker (the name it refers to)."""
    for v in [cue, *cue.ancestors]:
        if v.i == speaker.i:
            break
        if v.dep_ == "relcl" and v.head.i == speaker.i:
            return tuple((c.idx, c.idx + len(c)) for c in v.children
                         if c.dep_ in SUBJECT_DEPS and c.lower_ in quote_words("relative_pronoun"))
    return ()
