"""The coding step: a pure function from articles to records.

read -> parse -> actors -> events -> quotes / dates / places. Nothing here
touches a store, so the same step runs in the CLI, in `ingest`, and on a Dask
cluster.
"""
from __future__ import annotations

import datetime as dt
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from functools import cache

from .time import expressions as dates
from .actors import ArticleActors
from .events import code_events
from .model import Article, Event, InputError, Quote, Record
from .nlp.parse import doc_text, parse_many
from .place.resolve import place_of
from .quotes import attach_quote_speakers, quotes_with_speakers, with_speakers
from .quotes.find import cues as quote_cues
from .io.files import read_inputs

HISTORY_PRECISIONS = {"decade", "century"}
MIN_WORDS_FOR_LANGUAGE_CHECK = 20


LANGUAGE_SAMPLE_CHARS = 3000
MIN_LETTERS_FOR_SCRIPT_CHECK = 10
MIN_LATIN_SHARE = 0.5
MIN_LANGUAGE_PROBABILITY = 0.9
MIN_ENGLISH_STOPWORD_SHARE = 0.25


@cache
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


@cache
def _language_identifier():
    """py3langid's identifier (its model ships inside the package), probabilities normalised."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _language_name(code: str) -> str:
    import pycountry

    lang = pycountry.languages.get(alpha_2=code) or pycountry.languages.get(alpha_3=code)
    return lang.name if lang is not None else code


def check_language(article: Article) -> None:
    """Refuse text that is clearly not English: the coder's lexicons are English.

    Two tests, for any script. Text whose letters are mostly not Latin (Cyrillic,
    Arabic, Chinese, ...) is refused however short. Latin-script text of at least
    MIN_WORDS_FOR_LANGUAGE_CHECK words is refused when py3langid names another
    language with probability MIN_LANGUAGE_PROBABILITY or more and English function
    words are under MIN_ENGLISH_STOPWORD_SHARE of its words; both must agree, so a
    short English report full of foreign names is not refused. Measured: none of
    the 505 English texts of the dev sets (news, PolNeAR, codebook, PLOVER) is
    refused. Does not find an English article with a foreign paragraph in it."""
    sample = article.text[:LANGUAGE_SAMPLE_CHARS]
    letters = [c for c in sample if c.isalpha()]
    if len(letters) >= MIN_LETTERS_FOR_SCRIPT_CHECK:
        scripts = Counter(unicodedata.name(c, "UNKNOWN").split()[0] for c in letters)
        if scripts["LATIN"] / len(letters) < MIN_LATIN_SHARE:
            script = next(s for s, _ in scripts.most_common() if s != "LATIN")
            lang, _ = _language_identifier().classify(sample)
            raise InputError(article.id, f"not English: the text is in {script.title()} script "
                                         f"(it looks like {_language_name(lang)}); eventwire codes English news")
    words = [w.lower().strip(".,;:!?\"'“”‘’()") for w in sample.split()[:400]]
    words = [w for w in words if w.isalpha()]
    if len(words) < MIN_WORDS_FOR_LANGUAGE_CHECK:
        return
    share = sum(w in _stop_words() for w in words) / len(words)
    lang, p = _language_identifier().classify(sample)
    if lang != "en" and p >= MIN_LANGUAGE_PROBABILITY and share < MIN_ENGLISH_STOPWORD_SHARE:
        raise InputError(article.id, f"not English: it looks like {_language_name(lang)} "
                                     f"({share:.0%} English function words); eventwire codes English news")


def _date_events(events: list[Event], doc, published: dt.date | None, quotes: list[Quote] = ()) -> None:
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
    next June."""
    found = dates.find_dates(sent.text, published)
    future = [_future_clause(doc, sent, d) for d in found]
    if not any(future):
        return found
    ahead = {d.span: d for d in dates.find_dates(sent.text, published, future=True)}
    return [ahead.get(d.span, d) if f else d for d, f in zip(found, future)]


_SPAN_BOUNDS = ("by", "since", "until", "till", "through")


def _is_span_bound(text: str, d: "dates.DateMention") -> bool:
    before = text[:d.span[0]].rstrip().rsplit(None, 1)
    return bool(before) and before[-1].lower() in _SPAN_BOUNDS


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
    if any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in verb.children):
        return True
    root = span.root
    direct = root.head.i == verb.i or (root.head.dep_ == "prep" and root.head.head.i == verb.i
                                       and root.head.lower_ not in ("after", "since", "from"))
    if direct and verb.tag_ in ("VBZ", "VBP") and verb.lemma_.lower() not in quote_cues() \
            and not any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        # A present tense with a date is a schedule: "after Obama leaves office on
        # Jan. 20", "the summit opens on Monday" (not "says on Monday": a report).
        return True
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in FUTURE_GOVERNORS


FUTURE_AUX = {"will", "'ll", "shall", "wo"}
FUTURE_GOVERNORS = {"plan", "schedule", "expect", "intend", "due", "set", "aim", "hope", "vow", "promise", "pledge",
                    "likely", "want", "need", "urge", "persuade", "convince", "poise", "slate", "eligible", "ready",
                    "go",  # "going to"
                    "hop", "slat"}  # the lemmatizer's "hoping", "slated"


def _historical(d: "dates.DateMention", published: dt.date | None) -> bool:
    if d.precision in HISTORY_PRECISIONS:
        return True
    return d.date is not None and published is not None and (published - d.date).days > 300


def _place_events(events: list[Event], doc) -> None:
    for e in events:
        if e.trigger_token is None:
            continue
        exclude = set()
        for m in (e.source, e.target):
            if m is not None:
                exclude.update(t.i for t in doc.char_span(*m.span, alignment_mode="expand") or [])
        e.place = place_of(doc[e.trigger_token], exclude)


def code_doc(article: Article, doc, min_confidence: float | None = None) -> Record:
    """Code one parsed article."""
    actors = ArticleActors(doc, article.published)
    quotes = quotes_with_speakers(doc, actors)
    actors.add_speaker_pronouns([(q.span, q.speaker.actor) for q in quotes
                                 if q.kind in ("direct", "mixed") and q.speaker is not None])
    events = code_events(doc, actors, article.id, min_confidence)
    attach_quote_speakers(events, quotes)
    _date_events(events, doc, article.published, quotes)
    _place_events(events, doc)
    return Record(article, events, quotes, with_speakers(actors.entries(), quotes))


def code_articles(articles: Iterable[Article], batch_size: int = 16,
                  min_confidence: float | None = None) -> Iterator[Record | InputError]:
    """Records for articles, in order; an article that cannot be coded yields an
    InputError in its place and the rest go on. Events less sure than
    `min_confidence` (a calibrated probability; by default the coder's own
    ranking, events.MIN_SCORE) are left out."""
    pending: list[Article] = []
    for a in articles:
        try:
            check_language(a)
        except InputError as e:
            yield from _flush(pending, batch_size, min_confidence)
            pending = []
            yield e
            continue
        pending.append(a)
        if len(pending) >= batch_size:
            yield from _flush(pending, batch_size, min_confidence)
            pending = []
    yield from _flush(pending, batch_size, min_confidence)


def _flush(articles: list[Article], batch_size: int, min_confidence: float | None) -> Iterator[Record | InputError]:
    if not articles:
        return
    for article, doc in zip(articles, parse_many([a.text for a in articles], batch_size)):
        try:
            yield code_doc(article, doc, min_confidence)
        except Exception as e:  # one odd article must not stop a corpus; name it and go on
            yield InputError(article.id, f"could not be coded ({type(e).__name__}: {e})")


def code_inputs(inputs: Iterable[str], published: dt.date | None = None,
                min_confidence: float | None = None) -> Iterator[Record | InputError]:
    """Records (or errors) for files, folders and '-', as the CLI's `code` does."""
    def articles():
        for item in read_inputs(inputs, published):
            if isinstance(item, InputError):
                errors.append(item)
            else:
                yield item

    errors: list[InputError] = []
    for r in code_articles(articles(), min_confidence=min_confidence):
        while errors:
            yield errors.pop(0)
        yield r
    yield from errors


def code_text(text: str, published: dt.date | str | None = None, id: str = "text",
              min_confidence: float | None = None) -> Record:
    """Code one text. Raises InputError for text that cannot be coded."""
    from .io.files import check_text, parse_date

    article = Article(id=id, text=check_text(text, id), published=parse_date(published))
    result = next(code_articles([article], min_confidence=min_confidence))
    if isinstance(result, InputError):
        raise result
    return result


def code_file(path: str, published: dt.date | str | None = None) -> list[Record]:
    """Code every article of one file. Raises the first InputError met."""
    from .io.files import parse_date

    out = []
    for r in code_inputs([str(path)], parse_date(published)):
        if isinstance(r, InputError):
            raise r
        out.append(r)
    return out
