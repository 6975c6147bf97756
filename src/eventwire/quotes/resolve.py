"""Quote speakers as actors: the speaker token of each quote the finder
returns, resolved through the actor stage; events inside a quote claimed by its
speaker; speaker mentions listed under their actors.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..actors import ArticleActors, contradicts, unknown_actor
from ..model import ActorEntry, Actor, Event, Mention, Quote
from ..nlp.parse import doc_text
from .constants import CLAUSE_SPEAKER_KINDS, quote_words
from .find import find_quotes

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def quotes_with_speakers(doc: Doc, actors: ArticleActors) -> list[Quote]:
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
            speaker = _speaker_mention(tok, text[span[0]:span[1]], span, actors, last_person)
        if q.needs_actor and not (speaker is not None and _resolved(speaker, doc[q.speaker_token], actors)):
            continue  # a fragment of the writer's clause whose subject is nobody who speaks
        if speaker is not None and speaker.actor.kind == "person":
            last_person = speaker.actor
        quotes.append(Quote(speaker, q.text, q.span, q.cue, q.kind, q.sentence_index,
                            q.speaker_refs if speaker is not None else (), q.cue_span))
    return quotes


def _speaker_mention(tok: Token, words: str, span: tuple[int, int], actors: ArticleActors,
                     last_person: Actor | None) -> Mention | None:
    """The speaker's own words ("the spokesperson") with the actor they resolve to."""
    speaker = None
    found = actors.for_phrase(tok)
    if found:
        # Keep the speaker's own words in the record ("the spokesperson"), resolved.
        speaker = Mention(found[0].actor, words, span)
    elif tok.lower_ in quote_words("person_pronoun"):
        person = last_person if last_person is not None and not contradicts(tok.lower_, last_person) \
            else actors.last_person_before(tok.i, tok.lower_)
        if person is not None:
            speaker = Mention(person, words, span)
    elif tok.lower_ in quote_words("group_pronoun"):
        group = _last_group_before(actors, tok.i)
        if group is not None:
            speaker = Mention(group, words, span)
    if speaker is None and tok.lower_ in ("i", "me"):
        # The writer speaking in the first person.
        speaker = Mention(unknown_actor(words, tok), words, span)
    if speaker is None and tok.lower_ not in ("it", "they", "we", "i", "you"):
        speaker = Mention(unknown_actor(words, tok), words, span)
    return speaker


def _resolved(speaker: Mention, tok: Token, actors: ArticleActors) -> bool:
    """The speaker of a clause's quoted fragment is an actor the actor stage
    knows (a person, an organization, a group, a country's government; or
    he/she/they resolved to one), not an unknown phrase."""
    if speaker.actor.kind not in CLAUSE_SPEAKER_KINDS:
        return False
    pronouns = quote_words("person_pronoun") | quote_words("group_pronoun")
    return bool(actors.for_phrase(tok)) or tok.lower_ in pronouns


def _last_group_before(actors: ArticleActors, i: int) -> Actor | None:
    """"they", "it", "we": the organization, group or country named last before
    token i, within the same stretch of text."""
    best = actors.named_last_before(i, lambda f: f.actor.kind != "person")
    if best is None or i - best.start > 400:
        return None
    return best.actor


def attach_quote_speakers(events: list[Event], quotes: list[Quote]) -> None:
    """An event inside a quote is claimed by the quote's speaker."""
    for e in events:
        if e.reported_by is not None:
            continue
        for q in quotes:
            if q.speaker is not None and q.span[0] <= e.span[0] and e.span[1] <= q.span[1]:
                e.reported_by = q.speaker
                break


def with_speakers(entries: list[ActorEntry], quotes: list[Quote]) -> list[ActorEntry]:
    """Every quote speaker's mention is listed under its actor, even an actor
    only the quote stage found, and so is a relative pronoun naming the speaker
    ("Okafor, who said ...")."""
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
