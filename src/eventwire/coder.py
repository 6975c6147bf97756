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

from .actors import ArticleActors
from .events import code_events
from .model import Article, InputError, Record
from .nlp.parse import parse_many
from .place.events import place_events
from .place.geoparse import article_places
from .quotes import attach_quote_speakers, quotes_with_speakers, with_speakers
from .time.anchor import article_times, date_events
from .io.files import read_inputs

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


def code_doc(article: Article, doc, min_confidence: float | None = None) -> Record:
    """Code one parsed article."""
    actors = ArticleActors(doc, article.published)
    quotes = quotes_with_speakers(doc, actors)
    actors.add_speaker_pronouns([(q.span, q.speaker.actor) for q in quotes
                                 if q.kind in ("direct", "mixed") and q.speaker is not None])
    events = code_events(doc, actors, article.id, min_confidence)
    attach_quote_speakers(events, quotes)
    date_events(events, doc, article.published, quotes)
    places = article_places(doc)
    place_events(events, doc, places)
    return Record(article, events, quotes, with_speakers(actors.entries(), quotes),
                  places=places, times=article_times(doc, article.published, quotes))


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
