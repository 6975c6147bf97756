"""Quotes: who said what, from quotation marks, cue verbs and the parse.

Direct quotes are the text between paired quotation marks (curly or straight,
also mismatched pairs; an unclosed mark runs to the end of its paragraph). The
speaker comes, in this order, from:
- the attribution right after the closing mark: “...,” X said / said X / X, a
  senator, told reporters / “...,” she beamed / “...” ― Name (a signature);
- a transcript label ("WALLACE: ...") or the words before an introducing colon
  ("Sullivan said:", "Clinton released this statement:", "Continued Stone:");
- the cue verb ("said", "told", "points out") whose clause holds the quote, or
  one in the same or a neighbouring sentence of the same paragraph; the cue's
  subject speaks (the agent of a passive cue, "was asked by X"; through "began
  by saying" and the like up to the clause's subject; the name before the cue
  when the parse lost it), "according to X" overrides it; a cue inside another
  cue's reported clause ("said he would tell them “...”") gives way to it;
- a quote with no cue of its own continues the previous speaker when it follows
  the previous quote or opens the next paragraph (and is then one quote with
  it), or takes the speaker of reported speech ending the paragraph before.
A short quoted fragment inside a sentence whose verb is a cue ("characterized
relations as “very privileged”", "vowed that Iran would “pay”", "Guns are “a
crisis,” Dean said", "Voters, she said, want “change”") is a mixed quote
spanning the cue's reported words. One with no cue inside the writer's own
clause is the clause subject's words ("Trump has vowed to build a “beautiful
wall”", "Both oppose the “chained CPI”"): a mixed quote with the subject as
speaker, kept only when the subject is a known actor and the verb is not a
copula or an event-less verb (data/quote_clause_verbs.tsv); titles and scare
quotes ("the so-called “deal”", "the “alt-right” movement") are not reported. Indirect speech is a cue verb's that-clause ("X said that
...", "..., X said"), the clause around a parenthetical cue ("Congress, he said,
can still act") or the object of an evaluative cue ("called the plan a disgrace"), or
"according to X". Nothing is attributed across a paragraph break except through
the paragraph-opening rules above; speakers named only in a headline are not found.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..nlp.parse import doc_text
from ..data import read_tsv

OPENING = {"“": "”", '"': '"', "«": "»"}
MIN_DIRECT_WORDS = 4
SUBJECT_DEPS = ("nsubj", "nsubjpass")


@dataclass(frozen=True, slots=True)
class QuoteFinding:
    span: tuple[int, int]
    text: str
    kind: str
    cue: str | None
    cue_span: tuple[int, int] | None
    speaker_span: tuple[int, int] | None
    speaker_token: int | None
    sentence_index: int
    speaker_refs: tuple[tuple[int, int], ...] = ()  # other words naming the speaker ("who")
    needs_actor: bool = False  # kept only if the speaker resolves to a known actor


@cache
def cues() -> frozenset[str]:
    """Lemmas of verbs that introduce speech (data/quote_cues.tsv)."""
    return frozenset(r["lemma"] for r in read_tsv("quote_cues.tsv"))


# Phrasal cues: the verb speaks only with its particle ("points out", "fired back").
PHRASAL_CUES = {"point": "out", "fire": "back", "shoot": "back", "hit": "back", "spell": "out", "lash": "out", "go": "on",
                "speak": "out", "cry": "out", "sum": "up", "put": "it"}


def _is_cue(t) -> bool:
    if t.pos_ not in ("VERB", "AUX"):
        return False
    lemma = t.lemma_.lower()
    if lemma == "quote" and any(c.dep_ in SUBJECT_DEPS and c.lower_ in ("i", "we") for c in t.children):
        return False  # "Trump said, and I quote, “...”": the writer's aside, not a speaker
    if lemma in cues():
        return True
    prt = PHRASAL_CUES.get(lemma)
    return prt is not None and any(c.dep_ in ("prt", "advmod", "dobj") and c.lower_ == prt for c in t.children)


def _quote_marks(text: str) -> list[tuple[int, int]]:
    """[start, end) of quoted contents, marks excluded. Curly quotes pair by
    direction, straight quotes alternate; an unclosed quote ends its paragraph."""
    spans = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        stray = ch == '"' and ((i > 0 and text[i - 1].isalnum() and i + 1 < n and text[i + 1].isalnum())
                               or (i + 1 < n and text[i + 1] in "“”") or (i > 0 and text[i - 1] in "“”"))
        if ch in OPENING and not stray:
            close = OPENING[ch]
            para_end = text.find("\n", i + 1)
            para_end = n if para_end < 0 else para_end
            j = text.find(close, i + 1, para_end)
            if ch == '"':
                # Opened straight, closed curly: "...,” said X.
                k = text.find("”", i + 1, para_end)
                if k >= 0 and (j < 0 or k < j) and text.find("“", i + 1, k) < 0:
                    j = k
            if ch == "“" and j >= 0:
                # “...," Trump said. "...”: the first straight mark, if it closes, ends this one.
                k = text.find('"', i + 1, j)
                if k > i + 1 and not text[k - 1].isspace() and (k + 1 >= n or text[k + 1] in " \t\n,.;:!?") \
                        and text.find("“", i + 1, k) < 0:
                    j = k
            if ch == "“" and j < 0:
                # Closed with a straight mark: “...," he said.
                m = re.compile(r'[^\s]"(?=[\s,.;:!?]|$)').search(text, i + 1, para_end)
                if m is not None and text.find("“", i + 1, m.start()) < 0:
                    j = m.start() + 1
            if ch == "“":
                # Nested ‘...’ are inside; a new “ before the close means this one was left open.
                k = text.find("“", i + 1, j if j >= 0 else para_end)
                if k >= 0:
                    j = -1
                    para_end = k
            end = j if j >= 0 else para_end
            content_start = i + 1
            if end > content_start and text[content_start:end].strip():
                spans.append((content_start, end))
            i = (j + 1) if j >= 0 else para_end
        elif ch == "”" and (i == 0 or text[i - 1] == "\n") and i + 1 < n and text[i + 1].isalpha():
            # A paragraph opened with the wrong curly mark: ”Mr. Smith ...”
            para_end = text.find("\n", i + 1)
            para_end = n if para_end < 0 else para_end
            j = text.find("”", i + 1, para_end)
            end = j if j >= 0 else para_end
            spans.append((i + 1, end))
            i = (j + 1) if j >= 0 else para_end
        else:
            i += 1
    return spans


# Cues whose speaker may follow them ("..., said Pavone"); for the others a noun
# after the verb is who is told or described ("telling CNN", "calling Christie").
INVERSION_CUES = {"say", "add", "write", "continue", "ask", "explain", "recall", "note", "tweet", "declare",
                  "insist", "exclaim", "reply", "answer", "respond", "counter", "conclude", "observe", "quip",
                  "retort", "joke", "warn", "argue", "state", "report", "announce", "claim", "cry", "shout"}


def _speaker(verb):
    """The speaker token of a cue verb: its subject, or the inverted subject
    ("..., said the spokesperson"), or the pobj of "according to"."""
    for agent in (c for c in verb.children if c.dep_ == "agent"):
        # "Sanders was asked by host Bill Maher, “...”": the agent speaks.
        for c in agent.children:
            if c.dep_ == "pobj" and c.ent_type_ not in NOT_SPEAKERS:
                return c
    for c in _subjects(verb):
        if c.ent_type_ not in NOT_SPEAKERS and any(ch.isalnum() for ch in c.text):
            if c.lower_ in ("who", "that") and verb.dep_ == "relcl":
                return verb.head
            if (c.pos_ not in ("PROPN", "PRON", "NOUN", "NUM") and c.ent_type_ not in NAME_ENTITIES) or \
                    any(t.text in ("―", "—", "–") for t in verb.doc[c.i + 1:verb.i]):
                return _name_before(verb) or c  # "made public ― Trump boasted"
            return c
    return _inverted_speaker(verb) or _clause_subject(verb) or _name_before(verb)


def _root_subject(cue, start: int, end: int):
    """"Clinton seemed ready, telling the crowd, “Some people ...”" when the parse
    hangs the cue under a verb of the quotation: the subject of the sentence's
    main verb, outside the quotation."""
    root = cue.sent.root
    if start <= root.idx < end or root.i == cue.i:
        return None
    subj = next(iter(_subjects(root)), None)
    if subj is None or start <= subj.idx < end or subj.ent_type_ in NOT_SPEAKERS or subj.pos_ not in ("PROPN", "NOUN", "PRON") \
            or subj.lower_ in ("it", "this", "that", "there", "what", "which"):
        return None
    return subj


def _inverted_speaker(verb, objects: bool = True):
    """"..., said the spokesperson": the subject after the cue (with `objects`,
    also one the parse took for an object)."""
    if verb.lemma_.lower() in INVERSION_CUES:
        for c in verb.children if objects else ():
            if c.dep_ in ("dobj", "attr", "npadvmod", "nsubj") and c.i > verb.i and c.pos_ in ("PROPN", "NOUN", "PRON") \
                    and c.ent_type_ not in NOT_SPEAKERS and (c.pos_ != "PRON" or c.lower_ in SUBJECT_PRONOUNS):
                return c
        after = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
        if after is not None and after.head.i == verb.i and after.is_title and not after.is_stop \
                and after.pos_ in ("PROPN", "NOUN", "ADV", "ADJ") and after.ent_type_ not in NOT_SPEAKERS \
                and verb.i > verb.sent.start and verb.doc[verb.i - 1].is_punct:
            return after  # "“...,” said Skelly, explaining": a name the tagger took for an adverb
    return None


# An inverted subject pronoun is nominative ("..., said he"); "declaring it “...”" has an object.
SUBJECT_PRONOUNS = {"he", "she", "they", "we", "i", "one"}
NAME_ENTITIES = ("PERSON", "ORG", "NORP", "GPE")


def _subjects(verb) -> list:
    """The verb's subjects, nearest first: in "Speaking in Salem, New Hampshire,
    Trump went on" the parse may give two, and the one next to the verb is it."""
    subj = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    # "Trump, in Kentucky, said": a place the parse gives as a second subject comes last.
    return sorted(subj, key=lambda c: (len(subj) > 1 and c.ent_type_ in ("GPE", "LOC", "FAC"), c.i > verb.i,
                                       -c.i if c.i < verb.i else c.i))


def _name_before(verb):
    """The parse lost the subject: "..., Jake Sullivan, said: “...”" takes the
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


# Links from a subjectless cue up to the verb whose subject speaks: "began by
# saying", "took to Twitter, writing", "went on to say", "said and added".
UP_DEPS = ("conj", "advcl", "xcomp", "pcomp", "prep", "acl", "ccomp")


def _clause_subject(verb):
    tok = verb
    for _ in range(4):
        if tok.dep_ not in UP_DEPS or tok.head.i == tok.i:
            return None
        tok = tok.head
        if tok.pos_ not in ("VERB", "AUX"):
            if tok.dep_ == "prep" or tok.pos_ == "ADP":
                continue
            return None
        for c in _subjects(tok):
            if c.dep_ in SUBJECT_DEPS:
                if c.lower_ in ("who", "that") and tok.dep_ == "relcl":
                    return tok.head
                return c
        inverted = _inverted_speaker(tok, objects=False) if _is_cue(tok) else None
        if inverted is not None:
            return inverted  # "..., said Skelly, explaining he ..."
    return None


# Inflected cues that open an inverted name line ("Continued Stone: “...”").
CUE_FORMS = {"said", "added", "stated", "continued", "wrote", "asked", "explained", "noted", "concluded",
             "replied", "responded", "tweeted", "declared", "insisted", "argued"}


def _token_span(tok) -> tuple[int, int]:
    """Char span of a speaker mention: the noun phrase without clauses after it."""
    left = tok.left_edge
    right = tok
    for c in tok.children:
        if c.i > tok.i and c.dep_ in ("compound", "appos", "flat") :
            right = max(right, c.right_edge, key=lambda t: t.i)
    if tok.head.i > tok.i:
        right = min(right, tok.doc[max(tok.i, tok.head.i - 1)], key=lambda t: t.i)  # not past its verb
    for t in tok.doc[tok.i + 1:right.i + 1]:
        if "\n" in t.text or t.text in ("―", "—", "–", ":"):
            right = tok.doc[t.i - 1]  # nor past a line break or a dash
            break
    for t in tok.doc[left.i:tok.i]:
        if t.text == "-" and not t.whitespace_ and not tok.doc[t.i - 1].whitespace_:
            continue  # a hyphen inside a word: "the 46-year-old"
        if t.is_space or t.text in ("-", "—", "–", ":") or "\n" in t.text:
            left = tok.doc[t.i + 1]  # a headline or a line above is not part of the name
    while right.i > tok.i and (right.is_space or right.text in (",", ";", ":", "—", "–")):
        right = tok.doc[right.i - 1]
    while left.i < tok.i and (left.is_punct or left.is_space or left.dep_ == "cc" or left.lower_ in CUE_FORMS):
        left = tok.doc[left.i + 1]
    start, end = left.idx, right.idx + len(right)
    text = doc_text(tok.doc)
    if text.count("(", start, end) > text.count(")", start, end):
        close = text.find(")", end, end + 12)  # "Mike Pence (R-IN)" keeps its parenthesis
        if close >= 0 and "\n" not in text[end:close]:
            end = close + 1
    return start, end


def _cue_outside(sent, start: int, end: int):
    """A cue verb in `sent` outside [start, end), nearest to the quote."""
    best = None
    text = doc_text(sent.doc)
    for t in sent:
        if start <= t.idx < end:
            continue
        if _is_cue(t) and "\n" not in text[min(t.idx, end):max(t.idx, start)]:  # not across a paragraph break
            d = min(abs(t.idx - start), abs(t.idx - end))
            if best is None or d < best[0]:
                best = (d, t)
    return best[1] if best else None


# Cue lemmas that often are not speech ("would continue to", "think", "ask for").
WEAK_CUES = {"continue", "think", "believe", "ask", "call", "urge", "agree", "refer", "describe", "charge"}


def _governing_cue(doc, start: int, end: int):
    """The cue verb whose clause the quoted words sit in: "called both Trump and
    Clinton “crazy”", "vowed that Iran would “pay”"."""
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
        if _is_cue(tok) and "\n" not in doc_text(doc)[min(tok.idx, end):max(tok.idx, start)]:
            found.append(tok)
            if tok.lemma_.lower() not in WEAK_CUES:
                break
    # "said that her campaign would continue “to break barriers”": the speech verb
    # above a verb that only sometimes reports speech.
    strong = [t for t in found if t.lemma_.lower() not in WEAK_CUES]
    cue = strong[0] if strong else (found[0] if found else None)
    # "Kasich said he'd sit Putin down and tell him “no more nonsense”": a cue
    # whose subject is a pronoun inside another cue's reported clause is part
    # of that report; the outer cue's words hold the quotation.
    for _ in range(2):
        if cue is None or not any(c.dep_ in SUBJECT_DEPS and c.lower_ in ("he", "she", "they") for c in cue.children):
            break
        outer = next((a for a in cue.ancestors if _is_cue(a) and a.lemma_.lower() in ("say", "tell", "add", "write")
                      and not (start <= a.idx < end) and a.sent == cue.sent), None)
        if outer is None or not _reported_by(cue, outer):
            break
        cue = outer
    return cue


def _reported_by(tok, cue) -> bool:
    """`tok` sits in `cue`'s reported clause (below a ccomp on the way up), not in
    a clause joined to the cue's ("said ..., but he said ...")."""
    while tok.i != cue.i:
        if tok.dep_ == "ccomp":
            return True
        if tok.dep_ == "conj" and tok.head.i == cue.i:
            return False
        tok = tok.head
    return False


def _parenthetical(cue) -> bool:
    """A cue set off inside the clause it reports, with its own subject: "Her
    countrymen, she said, should not listen to “...”"."""
    return cue.dep_ == "parataxis" and cue.head.i != cue.i and any(c.dep_ in SUBJECT_DEPS for c in cue.children)


def _complement_span(cue, start: int, end: int) -> tuple[int, int]:
    """The cue's reported words around a quoted fragment: everything the cue
    governs after itself (objects, clauses, "as ..." phrases), or the clause
    before it ("Guns are “a crisis,” Dean said"), or the whole clause a
    parenthetical cue sits in; quote included."""
    parts = [c for c in cue.children if c.i > cue.i and c.dep_ not in ("punct", "cc", "conj", "advcl", "npadvmod")]
    before = [c for c in cue.children if c.i < cue.i and c.dep_ not in SUBJECT_DEPS + ("punct", "cc", "aux", "neg")
              and c.left_edge.idx <= start and end <= c.right_edge.idx + len(c.right_edge) + 1]
    if _parenthetical(cue) and not _governs(cue, start, end):
        parts = [cue.head]
    elif before:
        parts = before
    holder = next((c for c in cue.children if c.i > cue.i and c.dep_ in ("conj", "advcl", "npadvmod")
                   and c.left_edge.idx <= start and end <= c.right_edge.idx + len(c.right_edge) + 1), None)
    if parts and not before and not _parenthetical(cue):
        # "rejected the idea as “ludicrous” because ...": the reason goes with the words.
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
        # "vowed that Iran would “pay” and is said to be deliberating": a joined
        # clause that is itself reported speech is the writer's, not the cue's words.
        for t in p.subtree:
            if t.dep_ == "conj" and t.idx > end and t.lemma_.lower() in ("say", "report", "believe") \
                    and any(c.dep_ == "auxpass" for c in t.children):
                cut = min((c for c in t.head.children if c.dep_ == "cc" and end <= c.idx < t.idx),
                          key=lambda c: c.idx, default=t.left_edge)
                before = cue.doc[cut.i - 1]
                right = min(right, before.idx + len(before))
    text = doc_text(cue.doc)
    left = max(left, text.rfind("\n", 0, start) + 1)  # never past the quote's paragraph
    para_end = text.find("\n", end)
    right = min(right, len(text) if para_end < 0 else para_end)
    if not (left <= start and end <= right + 1):
        return start, end
    return min(left, start), max(right, end)


def _colon_before(text: str, start: int) -> bool:
    return text[:max(0, start - 1)].rstrip().endswith(":")


def _according_to(sent, start: int, end: int):
    for t in sent:
        if t.lower_ == "according" and not (start <= t.idx < end):
            for c in t.children:
                if c.dep_ == "prep" and c.lower_ == "to":
                    for g in c.children:
                        if g.dep_ == "pobj":
                            return t, g
    return None


def find_quotes(doc) -> list[QuoteFinding]:
    """Direct, mixed and indirect quotes of a parsed article, in text order."""
    text = doc_text(doc)
    sents = list(doc.sents)
    sent_of = {}
    for si, s in enumerate(sents):
        for t in s:
            sent_of[t.i] = si

    def sent_at(char: int) -> int:
        tok = doc.char_span(char, char + 1, alignment_mode="expand")
        if tok is None or len(tok) == 0:
            return 0
        return sent_of[tok[0].i]

    out: list[QuoteFinding] = []
    quoted = _quote_marks(text)
    previous: QuoteFinding | None = None
    for start, end in quoted:
        content = text[start:end]
        words = len(content.split())
        first_si, last_si = sent_at(start), sent_at(max(start, end - 1))
        core_end = start + len(content.rstrip(" ,.;:!?"))
        if any(q.span[0] <= start and core_end <= q.span[1] for q in out):
            continue  # a quotation inside a quotation (or inside reported words already taken) is part of it
        as_said = AS_SAID.match(text, end + 1) is not None
        tail = _attribution_after(doc, end) if _opens(text, start) or as_said or _colon_before(text, start) \
            else None
        label = TRANSCRIPT_LABEL.match(content)
        if label and tail is None:
            # A transcript line: "WALLACE: If I may, sir, ..."
            who = doc.char_span(start + label.start(1), start + label.end(1), alignment_mode="expand")
            if who is not None and len(who):
                mark = doc.char_span(start + label.end(1), start + label.end(1) + 1, alignment_mode="expand")
                tail = ((mark[0] if mark is not None and len(mark) else who[-1]), who[-1])
                start = start + label.end()
        cue = tail[0] if tail else _governing_cue(doc, start, end)
        if cue is None:
            cue = _cue_outside(sents[last_si], start - 1, end + 1)
        if cue is None and first_si != last_si:
            cue = _cue_outside(sents[first_si], start - 1, end + 1)
        colon_speaker = None
        if not tail and _colon_before(text, start):
            intro = _colon_intro(doc, sents, sent_at, start)
            if intro is not None:
                cue, colon_speaker = intro
        same_para = previous is not None and "\n" not in text[previous.span[1]:start]
        if cue is None and not same_para:
            # Neighbouring sentences of the same paragraph: "“...” he said. “...”"
            for si in (last_si + 1, first_si - 1):
                if 0 <= si < len(sents) and \
                        "\n" not in text[min(start, sents[si].start_char):max(end, sents[si].end_char)].strip():
                    cue = _cue_outside(sents[si], start - 1, end + 1)
                    if cue is not None:
                        break
        speaker = tail[1] if tail else colon_speaker or (_speaker(cue) if cue is not None else None)
        if speaker is not None and start <= speaker.idx < end and cue is not None and not (start <= cue.idx < end):
            # The parse took a word of the quotation for the subject: the name
            # right before the cue is the speaker.
            speaker = _name_before(cue) if cue.idx > end else _root_subject(cue, start, end)
        acc = None
        if cue is None:
            acc = _according_to(sents[last_si], start, end) or _according_to(sents[first_si], start, end)
        elif speaker is not None:
            # “...,” Sanders said, according to CNN: the source is who reports it.
            acc = _according_to(cue.sent, start, end)
        if acc:
            cue, speaker = acc
        full = words >= MIN_DIRECT_WORDS
        para_start = text.rfind("\n", 0, start - 1) + 1
        if (cue is None or speaker is None) and full and not text[para_start:start - 1].strip() \
                and not (previous is not None and _next_paragraph(text, previous.span[1], start)):
            # A paragraph of quotation after a paragraph that ends in someone's
            # reported speech: "Kerry said that 100,000 would come.\n\n“That adds up ...”"
            found = _speech_ending_paragraph(doc, sents, sent_at, para_start)
            if found is not None:
                cue, speaker = found
        if (cue is None or speaker is None) and not _opens(text, start):
            # A fragment in the writer's own clause: its subject's words.
            found = _clause_quote(doc, start, end, first_si)
            if found is not None:
                out.append(found)
                continue
        if cue is None or speaker is None:
            # A quote with no cue of its own continues the previous speaker when it
            # opens a paragraph or follows the previous quote in the same one.
            para_start = text.rfind("\n", 0, start - 1) + 1
            # A short sentence of its own counts too: “...,” she said. “Never again.”
            sentence = _opens(text, start) and content.rstrip()[-1:] in (".", "!", "?", "…")
            if (full or sentence) and previous is not None and (same_para or text[para_start:start - 1].strip() == ""):
                span = (start, end)
                # Also after a mixed quote whose cue follows it: Teachers are “...,” she said. “...”
                told_after = previous.kind == "mixed" and previous.cue_span is not None \
                    and previous.cue_span[0] >= previous.span[1] and same_para
                if (same_para or _next_paragraph(text, previous.span[1], start)) \
                        and (previous.kind == "direct" or told_after) and out and out[-1] is previous:
                    # “...,” X said. “...” is one quotation with its cue inside; so is a
                    # quotation that runs on into the next paragraph with no new cue.
                    out.pop()
                    span = (previous.span[0], end)
                merged = span[0] == previous.span[0] and previous.kind == "mixed"
                out.append(QuoteFinding(span, text[span[0]:span[1]], "mixed" if merged else "direct",
                                        previous.cue, previous.cue_span,
                                        previous.speaker_span, previous.speaker_token, previous.sentence_index
                                        if span[0] == previous.span[0] else first_si, previous.speaker_refs))
                previous = out[-1]
            continue
        # “...,” X said, “...”: the second part of a quotation split around its cue.
        split = previous is not None and previous.kind == "direct" and out and out[-1] is previous and same_para \
            and previous.cue_span == (cue.idx, cue.idx + len(cue)) and cue.idx < start
        # A short quotation is direct when it opens a sentence and names its speaker: “They sue,” he said.
        kind = "direct" if split or ((full or (tail and _opens(text, start))) and _stands_alone(text, start, cue)) \
            else "mixed"
        if kind == "direct" and not split and cue.idx < start and _governs(cue, start, end):
            # A quotation inside a reported clause is part of it: "said that Muslims
            # have two choices: “...”", "said “it gets me mad” every time ...".
            cs, ce = _complement_span(cue, start, end)
            if text[cs:start - 1].strip(" ,:—–\"“") or text[end + 1:ce].strip(" ,.:;—–\"”"):
                kind = "mixed"
        if kind == "mixed":
            if not (tail or _governs(cue, start, end) or _parenthetical(cue)):
                # Not the cue's words: the clause's subject's, or a scare quote or a title.
                found = _clause_quote(doc, start, end, first_si)
                if found is not None:
                    out.append(found)
                continue
            # The reported words run past the marks: "hailed the vote as “fantastic”".
            start, end = _complement_span(cue, start, end)
            if end < len(text) and text[end] in CLOSING and text.count("“", start, end) > text.count("”", start, end):
                end += 1  # keep the closing mark of a quotation the span opens
        elif previous is not None and previous.cue_span == (cue.idx, cue.idx + len(cue)) and same_para:
            # One quote split around its cue: “...,” the judge exclaimed, “...”
            out.pop()
            start = previous.span[0]
        q = QuoteFinding((start, end), text[start:end], kind, cue.text, (cue.idx, cue.idx + len(cue)),
                         _token_span(speaker), speaker.i, first_si, _relative_refs(speaker, cue))
        out.append(q)
        previous = q
    out.extend(_indirect(doc, sents, [q.span for q in out], quoted))
    out.sort(key=lambda q: q.span[0])
    return out


CLOSING = set(OPENING.values())


@cache
def clause_words(use: str) -> frozenset[str]:
    """Words of data/quote_clause_verbs.tsv by use: "not" verbs (copulas,
    event-less verbs) that leave a quoted fragment in their clause the writer's
    (any other verb gives it to its subject), "title" words after which a capitalised
    quotation is a title, "words" nouns after which it is someone's words
    ("the slogan “...”"), "scare" words that mark a scare quote."""
    return frozenset(r["lemma"] for r in read_tsv("quote_clause_verbs.tsv") if r["use"] == use)


def _title_or_scare(doc, span, start: int, end: int) -> bool:
    """A title (“Modern Family”, the film “The Road Home”) or a scare quote
    (the so-called “deal”, the “alt-right” movement) is nobody's words."""
    text = doc_text(doc)
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


def _clause_quote(doc, start: int, end: int, si: int):
    """A quoted fragment with no cue of its own inside the writer's clause is
    the clause subject's words ("Trump has vowed to build a “beautiful wall”",
    "Both oppose the “chained CPI” formula"): a mixed quote spanning the verb's
    complement, kept (needs_actor) only if the subject resolves to a known actor. Copulas and event-less verbs leave the words the writer's."""
    text = doc_text(doc)
    if text[max(0, start - 2):start - 1] == "=" or not any(ch.isalpha() for ch in text[start:end]):
        return None  # a markup attribute (author="..."), a number
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0 or _title_or_scare(doc, span, start, end):
        return None
    tok = span.root
    verbs = 0
    while tok.head.i != tok.i and verbs < 2:
        tok = tok.head
        if start <= tok.idx < end:
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
            subj = next(iter(_subjects(verb)), None)
            if subj is not None or verb.dep_ not in ("xcomp", "conj") or verb.head.pos_ not in ("VERB", "AUX"):
                break
            verb = verb.head  # "has vowed to build a “wall”": the subject of vowed
        if subj is None or subj.left_edge.idx <= start < subj.right_edge.idx + len(subj.right_edge):
            continue  # no subject, or the quotation is part of it ("the “new” Nixon turned")
        if subj.lower_ in ("who", "that") and verb.dep_ == "relcl":
            subj = verb.head
        if subj.pos_ not in ("PROPN", "NOUN", "PRON") or subj.ent_type_ in NOT_SPEAKERS:
            continue
        if subj.pos_ == "PRON" and subj.lower_ not in ("he", "she", "they"):
            continue
        cs, ce = _complement_span(verb, start, end)
        return QuoteFinding((cs, ce), text[cs:ce], "mixed", verb.text, (verb.idx, verb.idx + len(verb)),
                            _token_span(subj), subj.i, si, _relative_refs(subj, verb), needs_actor=True)
    return None
TRANSCRIPT_LABEL = re.compile(r"\s*([A-Z][A-Z.'’\- ]{1,30}[A-Z]):\s+(?=\S)")
AS_SAID = re.compile(r",?\s+as\s")
NOT_SPEAKERS = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "CARDINAL", "ORDINAL"}


def _attribution_after(doc, end: int):
    """(cue, speaker) of an attribution right after a closing mark: “...,” X said /
    “...,” said X / “...,” X, a senator, told reporters. The words between the
    mark and the cue must be the speaker's noun phrase, nothing else."""
    span = doc.char_span(end, min(len(doc_text(doc)), end + 1), alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    i = span[0].i
    if doc[i].text in CLOSING or doc[i].text in ("'", "’"):
        i += 1
    while i < len(doc) and doc[i].is_space and "\n" not in doc[i].text:
        i += 1
    if i < len(doc) and doc[i].text.lstrip("”\"'’") in ("―", "—", "–", "-", "--"):
        # A signature: “...” ― Sonya Herridge
        line_end = doc_text(doc).find("\n", doc[i].idx)
        line_end = len(doc_text(doc)) if line_end < 0 else line_end
        sig = [t for t in doc[i + 1:min(len(doc), i + 12)] if t.idx < line_end]
        names = [t for t in sig if t.pos_ == "PROPN" and t.ent_type_ not in NOT_SPEAKERS]
        if names and names[0].i <= i + 2 and not any(t.pos_ in ("VERB", "AUX") for t in sig):
            last = names[0]
            while last.i + 1 < len(doc) and doc[last.i + 1] in names:
                last = doc[last.i + 1]
            return doc[i], last
        return None
    while i < len(doc) and doc[i].text in (",", "—", "–"):
        i += 1
    if i < len(doc) and doc[i].lower_ == "as":  # “...,” as Cruz said
        i += 1
    if i >= len(doc) or doc[i].is_space:
        return None
    first = i
    for j in range(first, min(len(doc), first + 25)):
        t = doc[j]
        if t.is_space or t.text in OPENING or t.text in CLOSING or t.text in (".", "!", "?", ";", ":"):
            return None
        if _is_cue(t) or _speech_manner(t, first):
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


def _age_noun(t) -> bool:
    """"the 46-year-old": an age used as a noun names a person (the small
    model tags it an adjective and a date)."""
    return t.lower_ == "old" and t.dep_ not in ("amod", "acomp") and any(
        x.lower_ in ("year", "years") for x in t.subtree)


def _speech_manner(t, first: int) -> bool:
    """A verb with nothing after it but adverbials, right after a quotation,
    tells how it was said: “...,” she beamed / “...,” a sign reads / “...,”
    laughed the host."""
    # the tagger takes some past tenses right after a name for participles ("Trump barked")
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


def _speech_ending_paragraph(doc, sents, sent_at, para_start: int):
    """(cue, speaker) of the last sentence of the paragraph before `para_start`
    when that sentence reports someone's speech and holds no quotation."""
    text = doc_text(doc)
    end = len(text[:para_start].rstrip())
    if end == 0 or text[end - 1] in CLOSING or text[end - 1] in "'’":
        return None
    sent = sents[sent_at(end - 1)]
    if any(t.text in OPENING or t.text in CLOSING for t in sent):
        return None
    for t in reversed(list(sent)):
        if _is_cue(t) and t.idx < end:
            speaker = _speaker(t)
            if speaker is not None and speaker.lower_ not in ("it", "this", "that", "which", "what", "you"):
                return t, speaker
    return None


def _colon_intro(doc, sents, sent_at, start: int):
    """(cue, speaker) of the words before the colon that introduces a quote: a
    cue and its subject ("Sullivan said:"), else the subject of the clause ("Clinton
    released the following statement:", "Potts echoed:"), else a short line of a
    name ("Continued Stone:", "HEADLINE - Michael Hale:")."""
    text = doc_text(doc)
    colon = text.rfind(":", 0, start)
    line_start = text.rfind("\n", 0, colon) + 1
    dashes = list(re.finditer(r"\s[-—–]+|[-—–]+\s", text[line_start:colon]))
    if dashes:
        line_start += dashes[-1].end()
    intro = [t for t in sents[sent_at(colon)] if line_start <= t.idx < colon]
    cue = next((t for t in reversed(intro) if _is_cue(t)), None)
    if cue is not None and _speaker(cue) is not None:
        return cue, _speaker(cue)
    for verb in reversed(intro):
        subj = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None) \
            if verb.pos_ in ("VERB", "AUX") else None
        if subj is not None:
            if subj.lower_ == "who" and verb.dep_ == "relcl":
                subj = verb.head  # "..., with Chrabaszcz, who was responsible for data:"
            if subj.pos_ in ("PROPN", "PRON", "NOUN") and subj.ent_type_ not in NOT_SPEAKERS \
                    and subj.lower_ not in ("it", "this", "that", "there", "what", "which"):
                return verb, subj
            break
    # A name line: "Continued Stone:", "Rep. Trey Gowdy (R-S.C.):", not the party tag in brackets.
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


def _next_paragraph(text: str, prev_end: int, start: int) -> bool:
    """The quote at `start` opens the paragraph right after the one `prev_end` is in."""
    lines = text[prev_end:max(prev_end, start - 1)].split("\n")
    return len(lines) >= 2 and all(not line.strip() for line in lines[1:])


def _opens(text: str, start: int) -> bool:
    """The quotation opens a paragraph or a sentence."""
    head = text[:start - 1].rstrip(" \t\xa0")
    return head[-1:] in ("", "\n", ".", "?", "!") or head.endswith((".”", "?”", "!”", '."'))


def _stands_alone(text: str, start: int, cue) -> bool:
    """A direct quote opens a sentence or follows a colon, a comma or its cue
    ("said: “...”", "said “...”"); a quote the writer's own syntax runs into
    ("arguing ... but “a fight between ...”") is mixed."""
    head = text[:start - 1].rstrip(" \t\xa0")
    if head[-1:] in ("", "\n"):
        return True  # it opens a paragraph
    head = head.rstrip()
    return head[-1:] in (":", ",", ".", "?", "!", "—", "–") or head.endswith(cue.text)


def _governs(cue, start: int, end: int) -> bool:
    """The cue's clause contains the quoted fragment."""
    return any(start <= t.idx < end for t in cue.subtree)


# Cues whose object is who is spoken to or a plain noun, not what is said.
OBJECT_NOT_CONTENT = {"say", "tell", "ask", "answer", "thank", "post", "tweet", "write", "continue", "quote",
                      "report", "state", "add", "note", "think", "believe", "agree", "refer", "comment"}


def _indirect(doc, sents, taken: list[tuple[int, int]], quoted) -> list[QuoteFinding]:
    out = []
    text = doc_text(doc)  # spaCy rebuilds doc_text(doc) on every access
    for si, sent in enumerate(sents):
        found = _according_clause(sent)
        if found is not None:
            (start, end), acc, source = found
            if not any(s < end and start < e for s, e in taken) and \
                    not any(qs - 1 <= start and end <= qe + 1 for qs, qe in quoted):
                out.append(QuoteFinding((start, end), text[start:end], "indirect", acc.text,
                                        (acc.idx, acc.idx + len(acc)), _token_span(source), source.i, si))
        for t in sent:
            if not _is_cue(t) or _purpose(t):
                continue
            comp = next((c for c in t.children if c.dep_ == "ccomp"), None)
            if comp is None and t.lemma_.lower() not in OBJECT_NOT_CONTENT:
                # "praised the deal", "called the plan a disgrace", "urged voters to stay home"
                comp = next((c for c in t.children if c.dep_ in ("dobj", "xcomp") and c.i > t.i
                             and c.pos_ not in ("PRON",)), None)
            if comp is None and _parenthetical(t) and t.head.pos_ in ("VERB", "AUX") \
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
                        or (c.dep_ == "prep" and c.lower_ in REASON_PREPS and c.i > comp.i))]
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
            speaker = _speaker(t)
            if speaker is None:
                continue
            out.append(QuoteFinding((start, end), text[start:end], "indirect", t.text,
                                    (t.idx, t.idx + len(t)), _token_span(speaker), speaker.i, si,
                                    _relative_refs(speaker, t)))
    return out


# "accused Washington of preparing an invasion", "praised the deal for its
# fairness": what the object is accused or praised of is part of the words.
REASON_PREPS = ("of", "for", "over", "as")


def _purpose(cue) -> bool:
    """"visited Ankara to discuss the war": a cue in a purpose clause tells why
    something was done, not what was said."""
    return cue.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in cue.children)


def _according_clause(sent):
    """((start, end), "according", source) of a sentence that reports what a
    source says: "Clinton leads by six points, according to a new poll." The
    words are the sentence without the "according to" phrase when it opens or
    closes the sentence, else the whole sentence."""
    found = _according_to(sent, -1, -1)
    if found is None:
        return None
    acc, source = found
    if source.ent_type_ in NOT_SPEAKERS:
        return None
    text = doc_text(sent.doc)
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


RELATIVE_PRONOUNS = ("who", "that", "which")


def _relative_refs(speaker, cue) -> tuple[tuple[int, int], ...]:
    """"Mike Lee, who declared “...”": the relative pronoun that is the cue's
    subject is another mention of the speaker (the name it refers to)."""
    for v in [cue, *cue.ancestors]:
        if v.i == speaker.i:
            break
        if v.dep_ == "relcl" and v.head.i == speaker.i:
            return tuple((c.idx, c.idx + len(c)) for c in v.children
                         if c.dep_ in SUBJECT_DEPS and c.lower_ in RELATIVE_PRONOUNS)
    return ()
