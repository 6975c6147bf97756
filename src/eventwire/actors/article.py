"""ArticleActors: every actor mention of one parsed article, resolved.

It composes the stage's parts: the knowledge base (`knowledge`), the mention
index (`index`), detection of names and titles (`detect`), pronouns
(`pronouns`), context (`context`) and noun phrases (`phrase`), and answers the
questions the event and quote stages ask about an article.
"""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from ..model import Actor, ActorEntry
from . import context, definitions, phrase, pronouns
from .detect import find_named, find_roles
from .index import Found, Mentions
from .knowledge import KnowledgeBase, knowledge_base

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


class ArticleActors:
    """Every actor mention of one parsed article, resolved."""

    def __init__(self, doc: Doc, published: dt.date | None = None):
        self.mentions = Mentions(doc, knowledge_base(), published.year if published else None, published)
        find_named(self.mentions)
        definitions.read_definitions(self.mentions)
        find_roles(self.mentions)
        definitions.find_late_pairs(self.mentions)
        pronouns.find_pronouns(self.mentions)

    @property
    def doc(self) -> Doc:
        return self.mentions.doc

    @property
    def kb(self) -> KnowledgeBase:
        return self.mentions.kb

    @property
    def found(self) -> list[Found]:
        return self.mentions.found

    @property
    def by_token(self) -> dict[int, Found]:
        return self.mentions.by_token

    @property
    def extra(self) -> dict[int, list[Found]]:
        return self.mentions.extra

    def at(self, token: Token) -> Found | None:
        return self.mentions.at(token)

    def named_last_before(self, i: int, keep) -> Found | None:
        """The mention that `keep` accepts named last before token i."""
        return self.mentions.named_last_before(i, keep)

    def last_person_before(self, i: int, pronoun: str | None = None) -> Actor | None:
        """The person mentioned last before token i, of the pronoun's gender when a first name tells."""
        return pronouns.last_person_before(self.mentions, i, pronoun)

    def for_phrase(self, head: Token) -> list[Found]:
        """The actors a noun phrase headed by `head` denotes."""
        return phrase.for_phrase(self.mentions, head)

    def sentence_country(self, found: Found | None, sent: Span) -> Found | None:
        """A role-only or unknown actor takes the one country of its sentence."""
        return context.sentence_country(self.mentions, found, sent)

    def settled(self, found: Found) -> Found:
        """A mention with the country its sentence (or article) gives it; a
        pronoun takes what its antecedent, the actor's last named mention
        before it, was given, so "farmers ... they" stay one actor."""
        if found.form == "pronoun":
            named = self.named_last_before(found.start, lambda g: g.actor.id == found.actor.id and g.form != "pronoun")
            if named is not None:
                actor = self.sentence_country(named, self.doc[named.start].sent).actor
                return Found(actor, found.start, found.end, found.form, found.role)
        return self.sentence_country(found, self.doc[found.start].sent)

    def unidentified_attackers(self, verb: Token) -> Found | None:
        """Unidentified attackers of the country an unattributed attack happened in."""
        return context.unidentified_attackers(self.mentions, verb)

    def add_speaker_pronouns(self, quoted: list[tuple[tuple[int, int], Actor]]) -> None:
        """"we"/"our" inside a direct quote as the quote's speaker."""
        pronouns.add_speaker_pronouns(self.mentions, quoted)

    def entries(self) -> list[ActorEntry]:
        """One entry per actor, with the character spans of all its mentions."""
        grouped: dict[str, ActorEntry] = {}
        coordinated = [f for fs in self.extra.values() for f in fs]  # "Iranian and Turkish officials": both
        for f in sorted(self.found + coordinated, key=lambda f: f.start):
            f = self.settled(f)  # "the opposition" as Syria's
            span = self.doc[f.start:f.end]
            e = grouped.setdefault(f.actor.id, ActorEntry(f.actor))
            e.mentions.append((span.start_char, span.end_char))
        return list(grouped.values())
