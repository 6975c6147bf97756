"""Quotes: who said what, from quotation marks, cue verbs and the parse.

Direct quotes are the text between paired quotation marks (curly or straight,
also mismatched pairs; an unclosed mark runs to the end of its paragraph;
`marks`). The line breaks of hard-wrapped copy are read as spaces
(`marks.unwrap`), so a paragraph is what a line break that ends a sentence,
or a short line, closes. The speaker comes from the strategies of `speakers`, tried in order:
the attribution right after the closing mark, a transcript label, the words
before an introducing colon, the cue verb whose clause holds the quote or one
of the same or a neighbouring sentence of the same paragraph (the cue's
subject speaks; `syntax`), "according to X", and reported speech ending the
paragraph before. A quote with no cue of its own continues the previous
speaker when it follows the previous quote or opens the next paragraph (and is
then one quote with it).

A short quoted fragment inside a sentence whose verb is a cue ("described
the talks as “very friendly”", "warned that the smugglers would “regret” it", "Tolls are “a
scandal,” Reed said", "Voters, she said, want “change”") is a mixed quote
spanning the cue's reported words; one with no cue inside the writer's own
clause is the clause subject's words (`mixed`). Indirect speech is a cue verb's
that-clause, the clause around a parenthetical cue, the object of an evaluative
cue, or "according to X" (`indirect`). Nothing is attributed across a paragraph
break except through the paragraph-opening rules above; speakers named only in
a headline are not found.
"""
from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ..nlp.parse import doc_text
from .cues import cues, governs, parenthetical
from .finding import QuoteFinding
from .indirect import indirect_quotes
from .marks import CLOSING, next_paragraph, opens, quote_marks, quote_text, stands_alone
from .mixed import clause_quote, complement_span
from .speakers import Quotation, Search, attribute
from .syntax import relative_refs, token_span

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["QuoteFinding", "cues", "find_quotes"]  # cues: still importable from here, as coder.py does


def find_quotes(doc: Doc) -> list[QuoteFinding]:
    """Direct, mixed and indirect quotes of a parsed article, in text order."""
    text = quote_text(doc)
    sents = list(doc.sents)
    sent_of = {}
    for si, s in enumerate(sents):
        for t in s:
            sent_of[t.i] = si
    search = Search(doc, text, sents, sent_of)
    out = search.out
    quoted = quote_marks(text)
    for start, end in quoted:
        content = text[start:end]
        core_end = start + len(content.rstrip(" ,.;:!?"))
        if any(q.span[0] <= start and core_end <= q.span[1] for q in out):
            continue  # a quotation inside a quotation (or inside reported words already taken) is part of it
        q = Quotation(start, end, content, search.sent_at(start), search.sent_at(max(start, end - 1)))
        attribute(search, q)
        if not q.attributed and not opens(text, q.start):
            # A fragment in the writer's own clause: its subject's words.
            found = clause_quote(doc, q.start, q.end, q.first_si)
            if found is not None:
                out.append(found)
                continue
        if not q.attributed:
            _continue_previous(search, q)
        else:
            _add_attributed(search, q)
    out.extend(indirect_quotes(doc, sents, [q.span for q in out], quoted))
    out.sort(key=lambda q: q.span[0])
    original = doc_text(doc)
    if original != text:  # the quoted words as written, wrapped lines and all
        out = [replace(q, text=original[q.span[0]:q.span[1]]) for q in out]
    return out


def _continue_previous(s: Search, q: Quotation) -> None:
    """A quote with no cue of its own continues the previous speaker when it
    opens a paragraph or follows the previous quote in the same one."""
    text, out, previous, start, end = s.text, s.out, s.previous, q.start, q.end
    same_para = s.same_para(q)
    para_start = text.rfind("\n", 0, start - 1) + 1
    # A short sentence of its own counts too: “...,” she said. “Never again.”
    sentence = opens(text, start) and q.content.rstrip()[-1:] in (".", "!", "?", "…")
    if not ((q.full or sentence) and previous is not None and (same_para or text[para_start:start - 1].strip() == "")):
        if q.full and not text[para_start:start - 1].strip():
            s.pending.append(q)  # a paragraph of quotation whose speaker may come after it
        return
    span = (start, end)
    # Also after a mixed quote whose cue follows it: Teachers are “...,” she said. “...”
    told_after = previous.kind == "mixed" and previous.cue_span is not None \
        and previous.cue_span[0] >= previous.span[1] and same_para
    if (same_para or next_paragraph(text, previous.span[1], start)) \
            and (previous.kind == "direct" or told_after) and out and out[-1] is previous:
        # “...,” X said. “...” is one quotation with its cue inside; so is a
        # quotation that runs on into the next paragraph with no new cue.
        out.pop()
        span = (previous.span[0], end)
    merged = span[0] == previous.span[0] and previous.kind == "mixed"
    out.append(QuoteFinding(span, text[span[0]:span[1]], "mixed" if merged else "direct",
                            previous.cue, previous.cue_span,
                            previous.speaker_span, previous.speaker_token, previous.sentence_index
                            if span[0] == previous.span[0] else q.first_si, previous.speaker_refs))
    s.previous = out[-1]


def _kind(s: Search, q: Quotation, split: bool) -> str:
    """Direct or mixed. A short quotation is direct when it opens a sentence
    and names its speaker (“They sue,” he said); one inside a reported clause
    with more of the cue's words around it is mixed."""
    text, cue, start, end = s.text, q.cue, q.start, q.end
    kind = "direct" if split or ((q.full or (q.tail and opens(text, start))) and stands_alone(text, start, cue)) \
        else "mixed"
    if kind == "direct" and not split and cue.idx < start and governs(cue, start, end):
        # A quotation inside a reported clause is part of it: "said that farmers
        # face two paths: “...”", "said “it makes me angry” every time ...".
        cs, ce = complement_span(cue, start, end)
        if text[cs:start - 1].strip(" ,:—–\"“") or text[end + 1:ce].strip(" ,.:;—–\"”"):
            kind = "mixed"
    return kind


def _add_attributed(s: Search, q: Quotation) -> None:
    """Record a quotation whose cue and speaker are known, as direct or mixed."""
    text, out, previous, cue, speaker, start, end = s.text, s.out, s.previous, q.cue, q.speaker, q.start, q.end
    same_para = s.same_para(q)
    # “...,” X said, “...”: the second part of a quotation split around its cue.
    split = previous is not None and previous.kind == "direct" and out and out[-1] is previous and same_para \
        and previous.cue_span == (cue.idx, cue.idx + len(cue)) and cue.idx < start
    kind = _kind(s, q, split)
    if kind == "mixed":
        if not (q.tail or governs(cue, start, end) or parenthetical(cue)):
            # Not the cue's words: the clause's subject's, or a scare quote or a title.
            found = clause_quote(s.doc, start, end, q.first_si)
            if found is not None:
                out.append(found)
            return
        # The reported words run past the marks: "hailed the vote as “fantastic”".
        start, end = complement_span(cue, start, end)
        if end < len(text) and text[end] in CLOSING and text.count("“", start, end) > text.count("”", start, end):
            end += 1  # keep the closing mark of a quotation the span opens
    elif previous is not None and previous.cue_span == (cue.idx, cue.idx + len(cue)) and same_para:
        # One quote split around its cue: “...,” the judge exclaimed, “...”
        out.pop()
        start = previous.span[0]
    found = QuoteFinding((start, end), text[start:end], kind, cue.text, (cue.idx, cue.idx + len(cue)),
                         token_span(speaker), speaker.i, q.first_si, relative_refs(speaker, cue))
    if kind == "direct":
        _speaker_named_after(s, found)
    out.append(found)
    s.previous = found


def _speaker_named_after(s: Search, found: QuoteFinding) -> None:
    """Paragraphs of quotation with no cue, right before the paragraph of a
    quotation whose speaker is named (“...\\n\\n“...,” the statement said),
    are that speaker's: a quotation of several paragraphs opens each with a
    mark, and wire copy names the speaker at the end of its last."""
    text, start = s.text, found.span[0]
    if text[text.rfind("\n", 0, start - 1) + 1:start - 1].strip():
        s.pending.clear()
        return  # the quotation does not open its paragraph
    run = []
    for q in reversed(s.pending):
        if not next_paragraph(text, q.end, (run[0].start if run else start)):
            break
        run.insert(0, q)
    s.pending.clear()
    for q in run:
        s.out.append(QuoteFinding((q.start, q.end), text[q.start:q.end], "direct", found.cue, found.cue_span,
                                  found.speaker_span, found.speaker_token, q.first_si, found.speaker_refs))
