"""Attributions that name a speaker outside a cue's clause: the words right
after a closing mark (“...,” X said / said X / a signature), the words before
an introducing colon, and reported speech ending the paragraph before.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from .constants import NOT_SPEAKERS, SUBJECT_DEPS
from .cues import is_cue
from .marks import CLOSING, OPENING, hard_break, quote_text
from .syntax import speaker_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


def attribution_after(doc: Doc, end: int) -> tuple[Token, Token] | None:
    """(cue, speaker) of an attribution right after a closing mark: “...,” X said /
    “...,” said X / “...,” X, a senator, told reporters. The words between the
    mark and the cue must be the speaker's noun phrase, nothing else."""
    span = doc.char_span(end, min(len(quote_text(doc)), end + 1), alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    i = span[0].i
    if doc[i].text in CLOSING or doc[i].text in ("'", "’"):
        i += 1
    while i < len(doc) and doc[i].is_space and not hard_break(doc[i]):
        i += 1
    if i < len(doc) and doc[i].text.lstrip("”\"'’") in ("―", "—", "–", "-", "--"):
        # A signature: “...” ― Ines Carvalho
        line_end = quote_text(doc).find("\n", doc[i].idx)
        line_end = len(quote_text(doc)) if line_end < 0 else line_end
        sig = [t for t in doc[i + 1:min(len(doc), i + 12)] if t.idx < line_end]
        names = [t for t in sig if t.pos_ == "PROPN" and t.ent_type_ not in NOT_SPEAKERS]
        if names and names[0].i <= i + 2 and not any(t.pos_ in ("VERB", "AUX") for t in sig):
            last = names[0]
            while last.i + 1 < len(doc) and doc[last.i + 1] in names:
                last = doc[last.i + 1]
            return doc[i], last
        return None
    while i < len(doc) and (doc[i].text in (",", "—", "–") or (doc[i].is_space and not hard_break(doc[i]))):
        i += 1
    if i < len(doc) and doc[i].lower_ == "as":  # “...,” as Okafor said
        i += 1
    if i >= len(doc) or doc[i].is_space:
        return None
    first = i
    for j in range(first, min(len(doc), first + 25)):
        t = doc[j]
        if t.is_space and not hard_break(t):
            continue  # a wrapped line
        if t.is_space or t.text in OPENING or t.text in CLOSING or t.text in (".", "!", "?", ";", ":"):
            return None
        if is_cue(t) or _speech_manner(t, first):
            if j == first:  # “...,” said X
                sp = next((c for c in t.children if c.i > t.i and c.dep_ in ("nsubj", "nsubjpass", "dobj", "attr",
                                                                               "npadvmod", "appos")
                           and (c.pos_ in ("PROPN", "NOUN", "PRON") or c.lower_ in ("one", "another")
                                or _age_noun(c))
                           and (c.ent_type_ not in NOT_SPEAKERS or c.lower_ == "one" or _age_noun(c))), None)
                if sp is None and j + 1 < len(doc) and doc[j + 1].pos_ in ("PROPN", "PRON", "DET", "NOUN"):
                    k = j + 1
                    while k + 1 < len(doc) and doc[k + 1].pos_ in ("PROPN", "NOUN", "ADJ", "DET") \
                            and doc[k].pos_ != "PRON":
                        k += 1
                    sp = doc[k] if doc[k].pos_ in ("PROPN", "NOUN", "PRON") else None
                return (t, sp) if sp is not None and (sp.ent_type_ not in NOT_SPEAKERS or sp.lower_ == "one"
                                                      or _age_noun(sp)) else None
            subj = next((c for c in t.children if c.dep_ in SUBJECT_DEPS and first <= c.i < j), None)
            if subj is None:
                # The parse missed it: the head of the words before the cue.
                heads = [x for x in doc[first:j] if x.head.i >= j or x.head.i < first or x.head == x]
                subj = next((x for x in heads if x.pos_ in ("PROPN", "NOUN", "PRON") or _age_noun(x)), None)
            if subj is None or (subj.ent_type_ in NOT_SPEAKERS and not _age_noun(subj)):
                return None
            return t, subj
        if t.pos_ in ("VERB", "AUX") and not any(a.i < first for a in t.ancestors if a.i < j) \
                and t.dep_ not in ("acl", "relcl", "amod", "compound"):
            return None  # the writer's own clause, not an attribution
    return None


def _age_noun(t: Token) -> bool:
    """"the 46-year-old": an age used as a noun names a person (the small
    model tags it an adjective and a date)."""
    return t.lower_ == "old" and t.dep_ not in ("amod", "acomp") and any(
        x.lower_ in ("year", "years") for x in t.subtree)


def _speech_manner(t: Token, first: int) -> bool:
    """A verb with nothing after it but adverbials, right after a quotation,
    tells how it was said: “...,” she beamed / “...,” a sign reads / “...,”
    laughed the host."""
    # the tagger takes some past tenses right after a name for participles ("Reyes barked")
    past_participle = t.tag_ == "VBN" and t.i > first and not any(x.pos_ == "AUX" for x in t.doc[first:t.i])
    if t.pos_ != "VERB" or (t.tag_ not in ("VBD", "VBZ", "VBP") + (("VB",) if t.i == first else ())
                            and not past_participle):
        return False
    if t.i == first:  # the parse may take the inverted subject for an object
        return t.i + 1 < len(t.doc) and (t.doc[t.i + 1].pos_ in ("PROPN", "DET")
                                         or t.doc[t.i + 1].lower_ in ("one", "another"))
    if any(c.i > t.i and c.dep_ in ("dobj", "attr", "acomp", "xcomp", "ccomp", "oprd", "dative") for c in t.children):
        return False
    return all(x.pos_ in ("PROPN", "NOUN", "DET", "ADJ", "PRON", "PUNCT", "NUM", "ADP", "CCONJ") or x.is_space
               for x in t.doc[first:t.i]) and t.i - first <= 12


def colon_intro(doc: Doc, sents: list[Span], sent_at: Callable[[int], int],
                start: int) -> tuple[Token, Token] | None:
    """(cue, speaker) of the words before the colon that introduces a quote: a
    cue and its subject ("Okafor said:"), else the subject of the clause ("The mayor
    released the following statement:", "Lind echoed:"), else a short line of a
    name ("Continued Okafor:", "HEADLINE - Ruth Kemper:")."""
    text = quote_text(doc)
    colon = text.rfind(":", 0, start)
    line_start = text.rfind("\n", 0, colon) + 1
    dashes = list(re.finditer(r"\s[-—–]+|[-—–]+\s", text[line_start:colon]))
    if dashes:
        line_start += dashes[-1].end()
    intro = [t for t in sents[sent_at(colon)] if line_start <= t.idx < colon]
    cue = next((t for t in reversed(intro) if is_cue(t)), None)
    if cue is not None and speaker_of(cue) is not None:
        return cue, speaker_of(cue)
    for verb in reversed(intro):
        subj = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None) \
            if verb.pos_ in ("VERB", "AUX") else None
        if subj is not None:
            if subj.lower_ == "who" and verb.dep_ == "relcl":
                subj = verb.head  # "..., with Kemper, who ran the count:"
            if subj.pos_ in ("PROPN", "PRON", "NOUN") and subj.ent_type_ not in NOT_SPEAKERS \
                    and subj.lower_ not in ("it", "this", "that", "there", "what", "which"):
                return verb, subj
            break
    # A name line: "Continued Okafor:", "Sen. Ruth Okafor (D-Ore.):", not the party tag in brackets.
    words = [t for t in intro if not (t.is_punct or t.is_space)]
    bracket = text.find("(", line_start, colon)
    propn = [t for t in intro if t.pos_ == "PROPN" and t.ent_type_ not in NOT_SPEAKERS
             and not (0 <= bracket <= t.idx)]
    if propn and len(words) <= 8 and not any(t.pos_ == "VERB" and t.i > propn[-1].i for t in intro):
        mark = doc.char_span(colon, colon + 1)
        return (mark[0] if mark is not None else propn[-1]), propn[-1]
    nouns = [t for t in intro if t.pos_ == "NOUN" and t.ent_type_ not in NOT_SPEAKERS]
    if nouns and len(words) <= 6 and not any(t.pos_ == "VERB" for t in intro):
        # "From the report:", "More from the statement:"
        mark = doc.char_span(colon, colon + 1)
        return (mark[0] if mark is not None else nouns[-1]), nouns[-1]
    return None


def speech_ending_paragraph(doc: Doc, sents: list[Span], sent_at: Callable[[int], int],
                            para_start: int) -> tuple[Token, Token] | None:
    """(cue, speaker) of the last sentence of the paragraph before `para_start`
    when that sentence reports someone's speech and holds no quotation."""
    text = quote_text(doc)
    end = len(text[:para_start].rstrip())
    if end == 0 or text[end - 1] in CLOSING or text[end - 1] in "'’":
        return None
    sent = sents[sent_at(end - 1)]
    if any(t.text in OPENING or t.text in CLOSING for t in sent):
        return None
    for t in reversed(list(sent)):
        if is_cue(t) and t.idx < end:
            speaker = speaker_of(t)
            if speaker is not None and speaker.lower_ not in ("it", "this", "that", "which", "what", "you"):
                return t, speaker
    return None
