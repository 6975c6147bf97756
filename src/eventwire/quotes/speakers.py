"""Who speaks a quotation: the strategies, tried in order.

Each strategy looks at one quotation (`Quotation`) and the article around it
(`Search`), and fills in or overrides the cue and the speaker:

1. the attribution right after the closing mark: “...,” X said / said X / X, a
   senator, told reporters / “...,” she beamed / “...” ― Name (a signature);
2. a transcript label ("BARNES: ...");
3. the words before an introducing colon ("Okafor said:", "The mayor released
   this statement:", "Continued Okafor:");
4. the cue verb whose clause holds the quote, or one in the same sentence; the
   cue's subject speaks (`syntax.speaker_of`);
5. a cue in a neighbouring sentence of the same paragraph;
6. (a correction) a word of the quotation the parse took for the cue's
   subject gives way to the name before the cue;
7. "according to X", which overrides the cue's subject;
8. reported speech ending the paragraph before a paragraph of quotation.

A quotation none of them attributes is left to `find`: a fragment in the
writer's clause (`mixed.clause_quote`) or a continuation of the previous
speaker.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .attribution import attribution_after, colon_intro, speech_ending_paragraph
from .constants import MIN_DIRECT_WORDS
from .cues import cue_outside, governing_cue, is_cue
from .finding import QuoteFinding
from .marks import AS_SAID, OPENING, TRANSCRIPT_LABEL, colon_before, next_paragraph, opens
from .syntax import according_to, name_before, root_subject, speaker_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


@dataclass
class Search:
    """One article's quote search: its text and sentences, and the quotes found so far."""

    doc: Doc
    text: str
    sents: list[Span]
    sent_of: dict[int, int]
    out: list[QuoteFinding] = field(default_factory=list)
    previous: QuoteFinding | None = None
    # Paragraphs of quotation whose speaker is named only after them, in a later paragraph.
    pending: list[Quotation] = field(default_factory=list)

    def sent_at(self, char: int) -> int:
        """The index of the sentence holding character `char`."""
        tok = self.doc.char_span(char, char + 1, alignment_mode="expand")
        if tok is None or len(tok) == 0:
            return 0
        return self.sent_of[tok[0].i]

    def same_para(self, q: Quotation) -> bool:
        """The quotation is in the paragraph of the previous quote."""
        return self.previous is not None and "\n" not in self.text[self.previous.span[1]:q.start]


@dataclass
class Quotation:
    """One pair of quotation marks, and the cue and speaker found for it so far."""

    start: int  # the quoted words, marks excluded
    end: int
    content: str  # as marked, before a transcript label is cut off
    first_si: int
    last_si: int
    cue: Token | None = None
    speaker: Token | None = None
    tail: bool = False  # named by the words right after it, or by a transcript label

    @property
    def attributed(self) -> bool:
        return self.cue is not None and self.speaker is not None

    @property
    def full(self) -> bool:
        """Long enough to be a direct quote on its own."""
        return len(self.content.split()) >= MIN_DIRECT_WORDS


def said_after(s: Search, q: Quotation) -> None:
    """1. “...,” X said / said X / a signature, when the quotation opens a
    sentence, follows a colon or is followed by "as X said"."""
    text = s.text
    if opens(text, q.start) or AS_SAID.match(text, q.end + 1) is not None or colon_before(text, q.start):
        tail = attribution_after(s.doc, q.end)
        if tail and _new_sentence(q, tail[0]):
            tail = None
        if tail:
            q.cue, q.speaker = tail
            q.tail = True


def _new_sentence(q: Quotation, cue: Token) -> bool:
    """“... not how we work.” Ortiz said she would have resigned: after a
    quotation closed by a full stop, a cue that reports words of its own opens
    a new sentence about someone else, not an attribution of the quotation."""
    content = q.content.rstrip()
    if not content.endswith(".") or content.endswith(("..", "…")) or not is_cue(cue):
        return False  # (a signature, “...” ― Ruth Kemper, is no sentence)
    doc = cue.doc
    # (“...” He added, “...”: words in quotation marks after the cue go on with the quotation)
    return any((c.dep_ in ("ccomp", "xcomp") or (c.dep_ == "dobj" and c.pos_ != "PRON"))
               and not any(t.text in OPENING for t in doc[cue.i + 1:c.left_edge.i + 1])
               for c in cue.children if c.i > cue.i)


def transcript_label(s: Search, q: Quotation) -> None:
    """2. A transcript line: "BARNES: Will the governor take part ..."; the label is cut off the quotation."""
    label = TRANSCRIPT_LABEL.match(q.content)
    if not label or q.tail:
        return
    doc, start = s.doc, q.start
    who = doc.char_span(start + label.start(1), start + label.end(1), alignment_mode="expand")
    if who is not None and len(who):
        mark = doc.char_span(start + label.end(1), start + label.end(1) + 1, alignment_mode="expand")
        q.cue, q.speaker = (mark[0] if mark is not None and len(mark) else who[-1]), who[-1]
        q.tail = True
        q.start = start + label.end()


def colon_introduction(s: Search, q: Quotation) -> None:
    """3. "Okafor said: “...”", "Continued Okafor: “...”"."""
    if q.tail or not colon_before(s.text, q.start):
        return
    intro = colon_intro(s.doc, s.sents, s.sent_at, q.start)
    if intro is not None:
        q.cue, q.speaker = intro


def cue_of_the_sentence(s: Search, q: Quotation) -> None:
    """4. The cue whose clause holds the quotation, else the nearest cue of its last or first sentence."""
    if q.tail or q.cue is not None:
        return
    cue = governing_cue(s.doc, q.start, q.end)
    if cue is None:
        cue = cue_outside(s.sents[q.last_si], q.start - 1, q.end + 1)
    if cue is None and q.first_si != q.last_si:
        cue = cue_outside(s.sents[q.first_si], q.start - 1, q.end + 1)
    if cue is not None:
        q.cue, q.speaker = cue, speaker_of(cue)


def cue_of_a_neighbour(s: Search, q: Quotation) -> None:
    """5. A cue in the next or the previous sentence of the same paragraph:
    "“...” he said. “...”", unless the quotation follows another in its paragraph."""
    if q.cue is not None or s.same_para(q):
        return
    start, end, text, sents = q.start, q.end, s.text, s.sents
    for si in (q.last_si + 1, q.first_si - 1):
        if 0 <= si < len(sents) and \
                "\n" not in text[min(start, sents[si].start_char):max(end, sents[si].end_char)].strip():
            cue = cue_outside(sents[si], start - 1, end + 1)
            if cue is not None:
                q.cue, q.speaker = cue, speaker_of(cue)
                return


def speaker_outside_the_quotation(s: Search, q: Quotation) -> None:
    """6. The parse took a word of the quotation for the subject: the name
    right before the cue is the speaker (or the sentence's subject, when the
    cue comes first)."""
    cue, speaker, start, end = q.cue, q.speaker, q.start, q.end
    if speaker is not None and start <= speaker.idx < end and cue is not None and not (start <= cue.idx < end):
        q.speaker = name_before(cue) if cue.idx > end else root_subject(cue, start, end)


def according_to_source(s: Search, q: Quotation) -> None:
    """7. "according to X": the source of a quotation with no cue, and of one
    whose cue names a speaker (“...,” Reyes said, according to the Courier: the
    source is who reports it)."""
    acc = None
    if q.cue is None:
        acc = according_to(s.sents[q.last_si], q.start, q.end) or according_to(s.sents[q.first_si], q.start, q.end)
    elif q.speaker is not None:
        acc = according_to(q.cue.sent, q.start, q.end)
    if acc:
        q.cue, q.speaker = acc


def speech_before_the_paragraph(s: Search, q: Quotation) -> None:
    """8. A paragraph of quotation after a paragraph that ends in someone's
    reported speech: "The mayor said that 5,000 homes would be built.\\n\\n“That is a start ...”"."""
    text, start = s.text, q.start
    para_start = text.rfind("\n", 0, start - 1) + 1
    if q.attributed or not q.full or text[para_start:start - 1].strip() \
            or (s.previous is not None and next_paragraph(text, s.previous.span[1], start)):
        return
    found = speech_ending_paragraph(s.doc, s.sents, s.sent_at, para_start)
    if found is not None:
        q.cue, q.speaker = found


STRATEGIES: tuple[Callable[[Search, Quotation], None], ...] = (
    said_after, transcript_label, colon_introduction, cue_of_the_sentence, cue_of_a_neighbour,
    speaker_outside_the_quotation, according_to_source, speech_before_the_paragraph)


def attribute(s: Search, q: Quotation) -> None:
    """Try every strategy in order on the quotation."""
    for strategy in STRATEGIES:
        strategy(s, q)
