"""Quote speakers as actors: the speaker token of each quote the finder
returns, resolved through the actor stage; events inside a quote claimed by its
speaker; speaker mentions listed under their actors.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from ..actors import ArticleActors, contradicts, unknown_actor
from ..model import ActorEntry, Actor, Event, Mention, Quote
from ..nlp.parse import doc_text
from .constants import CLAUSE_SPEAKER_KINDS, quote_words
from .find import find_quotes
from .issuer import document_issuer
from .marks import quote_text

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def quotes_with_speakers(doc: Doc, actors: ArticleActors) -> list[Quote]:
    """Quotes with their speakers. A speaker the actor stage cannot resolve still
    gets a mention: "he" falls back to the last quoted person (quotes come in
    runs from one speaker) or the last person named; a role with a name in
    apposition is the name; a definite description of no one known ("the
    former banker") is the named person who spoke just before; any other
    phrase becomes an unknown actor named by its own words."""
    quotes = []
    last_person = None
    text = doc_text(doc)
    for q in find_quotes(doc):
        speaker = None
        if q.speaker_token is not None:
            tok = doc[q.speaker_token]
            span = q.speaker_span or (tok.idx, tok.idx + len(tok.text))
            speaker = _speaker_mention(tok, text[span[0]:span[1]], span, actors, last_person, quotes,
                                       _token_range(doc, q.span) if q.kind != "indirect" else (0, 0))
            if speaker is not None and (named := _epithet_of(tok, speaker, quotes)) is not None:
                speaker = Mention(named, speaker.text, speaker.span)
        if q.needs_actor and not (speaker is not None and _resolved(speaker, doc[q.speaker_token], actors)):
            continue  # a fragment of the writer's clause whose subject is nobody who speaks
        if speaker is not None and speaker.actor.kind == "person":
            last_person = speaker.actor
        quotes.append(Quote(speaker, q.text, q.span, q.cue, q.kind, q.sentence_index,
                            q.speaker_refs if speaker is not None else (), q.cue_span))
    _role_holders(doc, actors, quotes)
    return quotes


def _epithet_of(tok: Token, speaker: Mention, earlier: list[Quote]) -> Actor | None:
    """"“...,” the former banker added", "the Ohio Democrat asked": a definite
    description that names no one the article knows (no name, no office) is
    the named person who spoke just before, in this paragraph or the one before."""
    actor = speaker.actor
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children) or \
            any(t.ent_type_ == "PERSON" for t in tok.subtree):
        return None
    if actor.kind == "person":
        if actor.code != "UNK" or actor.role or tok.pos_ != "NOUN" or tok.tag_ != "NN":
            return None
    elif not (actor.kind == "country" and tok.ent_type_ == "NORP" and tok.tag_ == "NNP"):
        return None  # "the Ohio Democrat" reads as its country
    before = next((q for q in reversed(earlier) if q.span[1] <= tok.idx), None)
    if before is None or before.speaker is None or before.speaker.actor.kind != "person" \
            or (before.speaker.actor.code == "UNK"
                and not any(t.pos_ == "PROPN" for t in _words(tok.doc, before.speaker.span))):
        return None
    if len(re.findall(r"\n\s*", quote_text(tok.doc)[before.span[1]:tok.idx])) > 1:
        return None
    return before.speaker.actor


def _words(doc: Doc, span: tuple[int, int]):
    found = doc.char_span(span[0], span[1], alignment_mode="expand")
    return list(found) if found is not None else []


ROLE_WINDOW = 120  # tokens after a role-only speaker to the named speaker who holds the role


def _role_holders(doc: Doc, actors: ArticleActors, quotes: list[Quote]) -> None:
    """A speaker named only by a role ("the high commissioner said") is the
    person the article names with that role ("Louis Vidal, the high
    commissioner"), the nearest before, else the first after; a spokesperson
    named by role alone in the lead is the named person who speaks next,
    wire copy's lead-then-name order ("..., the unit's spokesperson said. Ana
    Lim of the unit told reporters ...")."""
    named = sorted((f for f in actors.found if f.actor.kind == "person" and f.form in ("entity", "surname", "name")
                    and any(t.pos_ == "PROPN" for t in doc[f.start:f.end])), key=lambda f: f.start)
    has_name = {f.actor.id for f in named}
    for k, q in enumerate(quotes):
        sp = q.speaker
        if sp is None or sp.actor.kind != "person" or not sp.actor.role or sp.actor.id in has_name \
                or not sp.actor.name.lower().endswith(sp.actor.role.lower()):
            continue  # (a president whom the tables or the article name is already someone)
        head = doc.char_span(sp.span[0], sp.span[1], alignment_mode="expand")
        if head is None or any(t.pos_ == "PROPN" for t in head):
            continue  # named in its own words
        at = head.start
        same = [f for f in named if f.actor.role == sp.actor.role and f.actor.id != sp.actor.id]
        holder = next((f for f in reversed(same) if f.start < at), None) or next((f for f in same if f.start > at), None)
        if holder is None and sp.actor.role in quote_words("spokes_role"):
            later = next((r for r in quotes[k + 1:] if r.speaker is not None and r.speaker.actor.kind == "person"
                          and not r.speaker.actor.role), None)
            if later is not None:
                words = doc.char_span(later.speaker.span[0], later.speaker.span[1], alignment_mode="expand")
                if words is not None and words.start - at <= ROLE_WINDOW and any(t.pos_ == "PROPN" for t in words):
                    holder = next((f for f in named if f.actor.id == later.speaker.actor.id), None)
        if holder is not None:
            quotes[k] = replace(q, speaker=Mention(holder.actor, sp.text, sp.span))


def _speaker_mention(tok: Token, words: str, span: tuple[int, int], actors: ArticleActors,
                     last_person: Actor | None, earlier: list[Quote] = (),
                     quote: tuple[int, int] = (0, 0)) -> Mention | None:
    """The speaker's own words ("the spokesperson") with the actor they resolve to."""
    speaker = None
    if (named := _named_apposition(tok)) is not None and actors.for_phrase(named):
        tok = named  # "The head of the dockers' union, Ana Lim, says": the name beside the role speaks
    found = actors.for_phrase(tok)
    if (subject := _main_clause_subject(tok, actors)) is not None:
        found = [subject]
    if found and (named := _named_body(tok, actors)) is not None:
        found = [named]  # "the ministry said": the ministry the article named
    if found:
        # Keep the speaker's own words in the record ("the spokesperson"), resolved, with the
        # country its sentence or article gives it, as the actor's other mentions have it.
        speaker = Mention(actors.settled(found[0]).actor, words, span)
    elif tok.lower_ in quote_words("person_pronoun"):
        person = last_person if last_person is not None and not contradicts(tok.lower_, last_person) \
            else actors.last_person_before(min(tok.i, quote[0]), tok.lower_)
        if person is not None:
            speaker = Mention(person, words, span)
    elif tok.lower_ in quote_words("group_pronoun"):
        group = _last_group_before(actors, tok.i)
        if group is not None:
            speaker = Mention(group, words, span)
    if speaker is None and (issuer := document_issuer(tok, actors, list(earlier))) is not None:
        speaker = Mention(issuer, words, span)  # "the statement said": its issuer's words
    if speaker is None and tok.lower_ in ("i", "me"):
        # The writer speaking in the first person.
        speaker = Mention(unknown_actor(words, tok), words, span)
    if speaker is None and tok.lower_ not in ("it", "they", "we", "i", "you"):
        speaker = Mention(unknown_actor(words, tok), words, span)
    return speaker


def _named_apposition(tok: Token) -> Token | None:
    """A person's name in apposition to a speaker named by a common noun, inside
    its noun phrase ("the head of the port board and a crane owner, Ana Lim")."""
    if tok.pos_ != "NOUN":
        return None
    for t in tok.subtree:
        if t.dep_ != "appos" or t.i <= tok.i or t.pos_ != "PROPN" or t.ent_type_ != "PERSON":
            continue
        path = []
        for a in t.ancestors:
            if a.i == tok.i:
                break
            path.append(a)
        if all(a.pos_ not in ("VERB", "AUX") and a.i > tok.i for a in path):
            return t
    return None


BODY_WINDOW = 400  # tokens back to the body a bare "the ministry" points to


def _named_body(tok: Token, actors: ArticleActors):
    """"The ministry said", "the agency added": a bare definite noun is the body
    named last with that word in its name ("China's Ministry of Commerce"),
    not one its sentence's country would make of it."""
    if tok.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children) or \
            any(c.dep_ in ("compound", "amod", "poss", "nmod", "prep") for c in tok.children):
        return None
    word = tok.lemma_.lower()
    doc = tok.doc
    best = actors.named_last_before(tok.left_edge.i, lambda f: f.actor.kind in ("organization", "group")
                                    and f.actor.code != "UNK" and tok.left_edge.i - f.start <= BODY_WINDOW
                                    and any(t.lemma_.lower() == word for t in doc[f.start:f.end])
                                    and any(t.pos_ == "PROPN" for t in doc[f.start:f.end]))
    return best


def _token_range(doc: Doc, span: tuple[int, int]) -> tuple[int, int]:
    """The tokens [start, end) of a character span."""
    found = doc.char_span(span[0], span[1], alignment_mode="expand")
    return (found.start, found.end) if found is not None else (0, 0)


def _resolved(speaker: Mention, tok: Token, actors: ArticleActors) -> bool:
    """The speaker of a clause's quoted fragment is an actor the actor stage
    knows (a person, an organization, a group, a country's government; or
    he/she/they resolved to one), not an unknown phrase."""
    if speaker.actor.kind not in CLAUSE_SPEAKER_KINDS:
        return False
    pronouns = quote_words("person_pronoun") | quote_words("group_pronoun")
    return bool(actors.for_phrase(tok)) or tok.lower_ in pronouns


def _main_clause_subject(tok: Token, actors: ArticleActors):
    """"Protesters marched on the palace as they say the vote was stolen":
    "they" in a clause under another verb is that verb's plural subject."""
    if tok.lower_ != "they" or tok.dep_ != "nsubj" or tok.head.dep_ not in ("advcl", "conj"):
        return None
    verb, subj = tok.head, None
    for _ in range(4):  # up through the clauses it hangs from, to one with a subject
        if verb.dep_ not in ("advcl", "conj") or verb.head.i == verb.i:
            return None
        verb = verb.head
        subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < tok.i), None)
        if subj is not None:
            break
    if subj is None or subj.pos_ not in ("NOUN", "PROPN"):
        return None
    heads = [subj] + [c for c in subj.children if c.dep_ == "prep" and c.lower_ == "of"
                      for c in c.children if c.dep_ == "pobj"]  # "thousands of protesters"
    for h in reversed(heads):
        if h.tag_ in ("NNS", "NNPS") and (found := actors.for_phrase(h)):
            return found[0]
    return None


def _last_group_before(actors: ArticleActors, i: int) -> Actor | None:
    """"they", "it", "we": the organization, group or country named last before
    token i, within the same stretch of text."""
    best = actors.named_last_before(i, lambda f: f.actor.kind != "person")
    if best is None or i - best.start > 400:
        return None
    return actors.settled(best).actor


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
