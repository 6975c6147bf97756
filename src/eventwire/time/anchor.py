"""Dating events: each event gets the time expression of its own clause,
resolved against the publication date or the day its words were spoken.

Moved from coder.py; the expressions themselves are found in expressions.py.
"""
from __future__ import annotations

import datetime as dt
from functools import cache

from ..model import Event, Quote, TimeMention
from ..nlp.parse import doc_text
from ..quotes.find import cues as quote_cues
from . import expressions as dates

HISTORY_PRECISIONS = {"decade", "century"}


def date_events(events: list[Event], doc, published: dt.date | None, quotes: list[Quote] = ()) -> None:
    """Give each event the time expression of its own clause (else the nearest in
    its sentence), or else the publication date marked as inferred. Deadlines
    and spans ("by 2025", "since 2012", "until March") do not date an event.
    Inside a quotation, "today", "yesterday" or "on Monday" count from the day
    the words were spoken when the cue gives it ("said on Tuesday: “Tonight
    ...”"), not from the publication date."""
    sents = list(doc.sents)
    cache: dict[tuple[int, dt.date | None], list[dates.DateMention]] = {}
    spoken = _spoken_dates(doc, sents, published, quotes)
    for e in events:
        sent = sents[e.sentence_index]
        anchor = next((day for (qs, qe), day in spoken if qs <= e.span[0] and e.span[1] <= qe), published)
        key = (e.sentence_index, anchor)
        if key not in cache:
            now = sentence_dates(doc, sent, anchor)
            if anchor != published:  # only relative days count from when the words were said
                then = {d.span: d for d in sentence_dates(doc, sent, published)}
                now = [d if d.relative and d.precision == "day" else then[d.span] for d in now]
            cache[key] = [d for d in now if (d.date is not None or d.precision in HISTORY_PRECISIONS)
                          and not _is_span_bound(sent.text, d)]
        trigger = doc[e.trigger_token] if e.trigger_token is not None else None
        found = [(_clause_distance(doc, sent, d, trigger), d) for d in cache[key]]
        found = [(n, d) for n, d in found if n != BELOW]
        if found:
            trigger_at = e.span[0] - sent.start_char
            _, d = min(found, key=lambda nd: (nd[0], abs(nd[1].span[0] - trigger_at)))
            e.date, e.date_precision = d.date, d.precision
            if _historical(d, published) and e.modality in ("asserted",):
                e.modality = "past background"
        elif published is not None:
            e.date, e.date_precision, e.date_inferred = published, "day", True


def _spoken_dates(doc, sents, published: dt.date | None, quotes) -> list[tuple[tuple[int, int], dt.date]]:
    """(quote span, day the words were spoken) for quotations whose cue's own
    clause has a day-precision date other than the publication day."""
    out = []
    for q in quotes:
        if q.kind not in ("direct", "mixed") or q.cue_span is None or published is None:
            continue
        cue = doc.char_span(*q.cue_span, alignment_mode="expand")
        if cue is None or len(cue) == 0 or q.span[0] <= q.cue_span[0] < q.span[1]:
            continue
        cue, text = cue[0], doc_text(doc)
        marks = [i for i in (text.find(m, q.span[0] - 1, q.span[1]) for m in "“\"") if i >= 0]
        words_start = min(marks) if marks and q.kind == "mixed" else q.span[0]  # a mixed span opens with the writer's words
        sent = cue.sent
        for d in sentence_dates(doc, sent, published):
            start = sent.start_char + d.span[0]
            if d.precision == "day" and d.date not in (None, published) and not (words_start <= start < q.span[1]) \
                    and _clause_distance(doc, sent, d, cue) != 2:
                out.append((q.span, d.date))
                break
    return out


def sentence_dates(doc, sent, published: dt.date | None) -> list[dates.DateMention]:
    """The sentence's time expressions, each read forward when its own clause
    is future: "said on Friday it will meet Ukraine in June" is last Friday and
    next June. Kept on the doc: events and the times list ask for the same
    sentences."""
    memo = doc.user_data.setdefault("eventwire_sentence_dates", {})
    key = (sent.start, sent.end, published)
    if key not in memo:
        found = dates.find_dates(sent.text, published)
        future = [_future_clause(doc, sent, d) for d in found]
        if any(future):
            ahead = {d.span: d for d in dates.find_dates(sent.text, published, future=True)}
            found = [ahead.get(d.span, d) if f else d for d, f in zip(found, future)]
        memo[key] = found
    return list(memo[key])


def _is_span_bound(text: str, d: "dates.DateMention") -> bool:
    before = text[:d.span[0]].rstrip().rsplit(None, 1)
    return bool(before) and before[-1].lower() in time_words("span_bound")


def _clause_distance(doc, sent, d: "dates.DateMention", trigger) -> int:
    """0 when the date modifies the trigger's own clause, 1 a clause above it,
    2 another clause."""
    if trigger is None:
        return 0
    span = doc.char_span(sent.start_char + d.span[0], sent.start_char + d.span[1], alignment_mode="expand")
    if span is None:
        return 2
    anchor = span.root
    while anchor.pos_ not in ("VERB", "AUX") and anchor.head.i != anchor.i:
        anchor = anchor.head
    clause = trigger
    while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
        clause = clause.head
    if anchor == clause or anchor == trigger:
        return 0
    if anchor.is_ancestor(clause):
        return 1
    if clause.is_ancestor(anchor):
        return BELOW  # "said the talks will resume in June": June is the talks'
    return 2


BELOW = 3


def _future_clause(doc, sent, d: "dates.DateMention") -> bool:
    """The clause a date phrase modifies is about the future: "will resume in
    June", "is scheduled to vote on Friday", "plans to visit in May", or a
    present-tense schedule ("leaves office on Jan. 20"). Measured on PolNeAR
    train, the present-tense rule changes 60 of 5,317 phrases, about 50 of them
    rightly (election days, primaries ahead, "takes office in January")."""
    span = doc.char_span(sent.start_char + d.span[0], sent.start_char + d.span[1], alignment_mode="expand")
    if span is None:
        return False
    verb = span.root
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    if any(c.dep_ == "aux" and c.lower_ in time_words("future_aux") for c in verb.children):
        return True
    root = span.root
    direct = root.head.i == verb.i or (root.head.dep_ == "prep" and root.head.head.i == verb.i
                                       and root.head.lower_ not in ("after", "since", "from"))
    if direct and verb.tag_ in ("VBZ", "VBP") and verb.lemma_.lower() not in quote_cues() \
            and not any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        # A present tense with a date is a schedule: "after Obama leaves office on
        # Jan. 20", "the summit opens on Monday" (not "says on Monday": a report).
        return True
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in time_words("future_governor")


@cache
def time_words(kind: str) -> frozenset[str]:
    """Words of one kind in data/time_clauses.tsv: `future_aux` ("will"),
    `future_governor` (a verb or adjective whose complement is future: "plans
    to", "is due to") and `span_bound` ("by 2025", "since 2012": a deadline or a
    span, which does not date an event)."""
    from ..data import read_tsv

    return frozenset(r["word"].lower() for r in read_tsv("time_clauses.tsv") if r["kind"] == kind)


def _historical(d: "dates.DateMention", published: dt.date | None) -> bool:
    if d.precision in HISTORY_PRECISIONS:
        return True
    return d.date is not None and published is not None and (published - d.date).days > 300


def article_times(doc, published: dt.date | None, quotes: list[Quote] = ()) -> list[TimeMention]:
    """Every time expression of the article as a TIMEX3: dates resolved as
    events are dated (future clauses read forward, a quotation's "today" from
    the day it was spoken), plus durations, sets, references and clock times.
    "today" in a present-tense clause that reports nothing ("can be done
    today") is PRESENT_REF, not the publication day."""
    text = doc_text(doc)
    sents = list(doc.sents)
    spoken = _spoken_dates(doc, sents, published, quotes)
    out: list[TimeMention] = []
    for sent in sents:
        found = sentence_dates(doc, sent, published)
        base = sent.start_char
        for n, d in enumerate(found):
            start = base + d.span[0]
            anchor = next((day for (qs, qe), day in spoken if qs <= start < qe), published)
            if anchor != published and d.relative and d.precision == "day":
                d = next((x for x in sentence_dates(doc, sent, anchor) if x.span == d.span), d)
            out.append(_time_mention(doc, text, base, d))
    taken = [t.span for t in out]
    for o in dates.find_other_timexes(text, published):
        if not any(s < o.span[1] and o.span[0] < e for s, e in taken):
            out.append(TimeMention(o.text, o.span, o.type, o.value, None))
    return sorted(out, key=lambda t: t.span)


def _time_mention(doc, text: str, base: int, d: "dates.DateMention") -> TimeMention:
    span = (base + d.span[0], base + d.span[1])
    part = dates.time_of_day(d.text) if d.precision == "day" else None
    if part and d.date is not None:
        return TimeMention(text[span[0]:span[1]], span, "time", f"{d.date.isoformat()}T{part}", "day")
    if d.text.lower() == "today" and _generic_present(doc, span):
        return TimeMention(text[span[0]:span[1]], span, "date", "PRESENT_REF", None)
    return TimeMention(text[span[0]:span[1]], span, "date", dates.timex_value(d), d.precision)


def _generic_present(doc, span) -> bool:
    """The clause of "today" is in the present tense or under a modal and is not
    a report ("cheaper than is possible today", "Today the region faces")."""
    words = doc.char_span(*span, alignment_mode="expand")
    if words is None:
        return False
    verb = words.root
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    tags = {verb.tag_} | {c.tag_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if "MD" in tags and not any(c.lower_ in time_words("future_aux") for c in verb.children):
        return True
    return verb.tag_ in ("VBZ", "VBP") and not tags & {"VBD", "VBN"} and verb.lemma_.lower() not in quote_cues()
