"""Indirect speech: a cue verb's that-clause ("X said that ..."), the clause
around a parenthetical cue ("Congress, he said, can still act"), the object of
an evaluative cue ("called the plan a disgrace"), and "according to X".
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from .marks import quote_text
from .constants import NOT_SPEAKERS, quote_words
from .cues import is_cue, parenthetical, purpose
from .finding import QuoteFinding
from .syntax import according_to, relative_refs, speaker_of, token_span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


def indirect_quotes(doc: Doc, sents: list[Span], taken: list[tuple[int, int]],
                    quoted: list[tuple[int, int]]) -> list[QuoteFinding]:
    """Indirect quotes of every sentence, except words already quoted (`quoted`) or taken
    by a direct or mixed quote (`taken`)."""
    out = []
    text = quote_text(doc)  # built once; spaCy rebuilds doc.text on every access
    for si, sent in enumerate(sents):
        found = _according_clause(sent)
        if found is not None:
            (start, end), acc, source = found
            if not any(s < end and start < e for s, e in taken) and \
                    not any(qs - 1 <= start and end <= qe + 1 for qs, qe in quoted):
                out.append(QuoteFinding((start, end), text[start:end], "indirect", acc.text,
                                        (acc.idx, acc.idx + len(acc)), token_span(source), source.i, si))
        for t in sent:
            if not is_cue(t) or purpose(t):
                continue
            comp = next((c for c in t.children if c.dep_ == "ccomp"), None)
            if comp is None and t.lemma_.lower() not in quote_words("object_not_content"):
                # "praised the deal", "called the plan a disgrace", "urged voters to stay home"
                comp = next((c for c in t.children if c.dep_ in ("dobj", "xcomp") and c.i > t.i
                             and c.pos_ not in ("PRON",)), None)
            if comp is None and parenthetical(t) and t.head.pos_ in ("VERB", "AUX") \
                    and not any(c.dep_ in ("dobj", "ccomp", "xcomp", "attr") for c in t.children):
                # "Congress, he said, can still pass the bill": the clause around the cue.
                comp = t.head
            if comp is None:
                continue
            toks = [x for x in comp.subtree]
            if comp.i == t.head.i:
                while toks and (toks[-1].is_punct or toks[-1].is_space):
                    toks.pop()
            elif comp.dep_ != "ccomp":
                # The object with what is said of it: "called the plan a disgrace".
                more = [c for c in t.children if c.i > t.i and (c.dep_ in ("dobj", "xcomp", "oprd", "ccomp")
                        or (c.dep_ == "prep" and c.lower_ in quote_words("reason_prep") and c.i > comp.i))]
                last = max((c.right_edge for c in more), key=lambda x: x.i)
                if last.i + 1 < sent.end and doc[last.i + 1].pos_ in ("AUX", "VERB"):
                    # The parse took a clause's subject for the object: "warned
                    # Netanyahu's administration may target Türkiye next".
                    last = sent[-1] if not sent[-1].is_punct and not sent[-1].is_space else doc[sent.end - 2]
                    while last.i > comp.i and (last.is_punct or last.is_space):
                        last = doc[last.i - 1]
                toks = list(doc[comp.left_edge.i:last.i + 1])
            start, end = toks[0].idx, toks[-1].idx + len(toks[-1])
            while start < end and text[start] in "“\"":
                start += 1
            if any(s <= start < e or s < end <= e for s, e in taken):
                continue
            if any(qs - 1 <= start and end <= qe + 1 for qs, qe in quoted):
                continue
            speaker = speaker_of(t)
            if speaker is None:
                continue
            out.append(QuoteFinding((start, end), text[start:end], "indirect", t.text,
                                    (t.idx, t.idx + len(t)), token_span(speaker), speaker.i, si,
                                    relative_refs(speaker, t)))
    return out


def _according_clause(sent: Span) -> tuple[tuple[int, int], Token, Token] | None:
    """((start, end), "according", source) of a sentence that reports what a
    source says: "The mayor is ahead by four points, according to a city survey." The
    words are the sentence without the "according to" phrase when it opens or
    closes the sentence, else the whole sentence."""
    found = according_to(sent, -1, -1)
    if found is None:
        return None
    acc, source = found
    if source.ent_type_ in NOT_SPEAKERS:
        return None
    text = quote_text(sent.doc)
    phrase = list(acc.subtree)
    toks = [t for t in sent if not t.is_space]
    if phrase[0].i <= toks[0].i + 1:  # "According to X, ..." (also "But according to X, ...")
        toks = [t for t in toks if t.i > phrase[-1].i]
    elif phrase[-1].i >= toks[-1].i - 1 or all(t.is_punct for t in toks if t.i > phrase[-1].i):
        toks = [t for t in toks if t.i < phrase[0].i]  # "..., according to X."
    while toks and (toks[0].is_punct or toks[0].is_space):
        toks.pop(0)
    while toks and (toks[-1].is_punct or toks[-1].is_space):
        toks.pop()
    if len(toks) < 3:
        return None
    start, end = toks[0].idx, toks[-1].idx + len(toks[-1])
    para = text.rfind("\n", 0, acc.idx) + 1, text.find("\n", acc.idx)
    start, end = max(start, para[0]), end if para[1] < 0 else min(end, para[1])
    return ((start, end), acc, source) if end - start > 10 else None
