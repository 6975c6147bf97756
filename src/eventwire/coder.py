"""The coding step: a pure function from articles to records.

read -> parse -> actors -> events -> quotes / dates / places. Nothing here
touches a store, so the same step runs in the CLI, in `ingest`, and on a Dask
cluster.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from functools import cache

from .actors import ArticleActors, contradicts, unknown_actor
from .events import code_events
from .model import ActorEntry, Article, Event, InputError, Mention, Quote, Record
from .nlp.parse import doc_text, parse_many
from .place.events import place_events
from .place.geoparse import article_places
from .time.anchor import article_times, date_events
from .quotes.find import find_quotes
from .io.files import read_inputs

MIN_WORDS_FOR_LANGUAGE_CHECK = 20
MIN_ENGLISH_STOPWORD_SHARE = 0.12


@cache
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def check_language(article: Article) -> None:
    """Refuse text that is clearly not English: the coder's lexicons are English."""
    words = [w.lower().strip(".,;:!?\"'“”‘’()") for w in article.text.split()[:400]]
    words = [w for w in words if w.isalpha()]
    if len(words) < MIN_WORDS_FOR_LANGUAGE_CHECK:
        return
    share = sum(w in _stop_words() for w in words) / len(words)
    if share < MIN_ENGLISH_STOPWORD_SHARE:
        raise InputError(article.id, f"does not look like English ({share:.0%} English function words)")


def _quotes(doc, actors: ArticleActors) -> list[Quote]:
    """Quotes with their speakers. A speaker the actor stage cannot resolve still
    gets a mention: "he" falls back to the last quoted person (quotes come in
    runs from one speaker) or the last person named; any other phrase becomes an
    unknown actor named by its own words."""
    quotes = []
    last_person = None
    text = doc_text(doc)
    for q in find_quotes(doc):
        speaker = None
        if q.speaker_token is not None:
            tok = doc[q.speaker_token]
            span = q.speaker_span or (tok.idx, tok.idx + len(tok.text))
            words = text[span[0]:span[1]]
            found = actors.for_phrase(tok)
            if found:
                # Keep the speaker's own words in the record ("the spokesperson"), resolved.
                speaker = Mention(found[0].actor, words, span)
            elif tok.lower_ in PERSON_PRONOUNS:
                person = last_person if last_person is not None and not contradicts(tok.lower_, last_person) \
                    else actors.last_person_before(tok.i, tok.lower_)
                if person is not None:
                    speaker = Mention(person, words, span)
            elif tok.lower_ in GROUP_PRONOUNS:
                group = _last_group_before(actors, tok.i)
                if group is not None:
                    speaker = Mention(group, words, span)
            if speaker is None and tok.lower_ in ("i", "me"):
                # The writer speaking in the first person.
                speaker = Mention(unknown_actor(words, tok), words, span)
            if speaker is None and tok.lower_ not in ("it", "they", "we", "i", "you"):
                speaker = Mention(unknown_actor(words, tok), words, span)
        if q.needs_actor and not (speaker is not None and _resolved(speaker, doc[q.speaker_token], actors)):
            continue  # a fragment of the writer's clause whose subject is nobody who speaks
        if speaker is not None and speaker.actor.kind == "person":
            last_person = speaker.actor
        quotes.append(Quote(speaker, q.text, q.span, q.cue, q.kind, q.sentence_index,
                            q.speaker_refs if speaker is not None else (), q.cue_span))
    return quotes


PERSON_PRONOUNS = {"he", "she"}
CLAUSE_SPEAKER_KINDS = ("person", "organization", "group", "country")


def _resolved(speaker: Mention, tok, actors: ArticleActors) -> bool:
    """The speaker of a clause's quoted fragment is an actor the actor stage
    knows (a person, an organization, a group, a country's government; or
    he/she/they resolved to one), not an unknown phrase."""
    if speaker.actor.kind not in CLAUSE_SPEAKER_KINDS:
        return False
    return bool(actors.for_phrase(tok)) or tok.lower_ in PERSON_PRONOUNS | GROUP_PRONOUNS
GROUP_PRONOUNS = {"they", "it", "we"}


def _last_group_before(actors: ArticleActors, i: int):
    """"they", "it", "we": the organization, group or country named last before
    token i, within the same stretch of text."""
    best = actors.named_last_before(i, lambda f: f.actor.kind != "person")
    if best is None or i - best.start > 400:
        return None
    return best.actor


def _attach_quote_speakers(events: list[Event], quotes: list[Quote]) -> None:
    """An event inside a quote is claimed by the quote's speaker."""
    for e in events:
        if e.reported_by is not None:
            continue
        for q in quotes:
            if q.speaker is not None and q.span[0] <= e.span[0] and e.span[1] <= q.span[1]:
                e.reported_by = q.speaker
                break


def code_doc(article: Article, doc, min_confidence: float | None = None) -> Record:
    """Code one parsed article."""
    actors = ArticleActors(doc, article.published)
    quotes = _quotes(doc, actors)
    actors.add_speaker_pronouns([(q.span, q.speaker.actor) for q in quotes
                                 if q.kind in ("direct", "mixed") and q.speaker is not None])
    events = code_events(doc, actors, article.id, min_confidence)
    _attach_quote_speakers(events, quotes)
    date_events(events, doc, article.published, quotes)
    places = article_places(doc)
    place_events(events, doc, places)
    return Record(article, events, quotes, _with_speakers(actors.entries(), quotes),
                  places=places, times=article_times(doc, article.published, quotes))


def _with_speakers(entries: list[ActorEntry], quotes: list[Quote]) -> list[ActorEntry]:
    """Every quote speaker's mention is listed under its actor, even an actor
    only the quote stage found, and so is a relative pronoun naming the speaker
    ("Lee, who said ...")."""
    by_id = {e.actor.id: e for e in entries}
    for q in quotes:
        if q.speaker is None:
            continue
        entry = by_id.get(q.speaker.actor.id)
        if entry is None:
            entry = by_id[q.speaker.actor.id] = ActorEntry(q.speaker.actor, [])
            entries.append(entry)
        for span in (tuple(q.speaker.span), *q.speaker_refs):
            if span not in {tuple(m) for m in entry.mentions}:
                entry.mentions.append(span)
                entry.mentions.sort()
    return entries


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
