"""The lookup index of one article's mentions: every `Found` mention, by token.

Detection, context and pronoun resolution all read and add to one `Mentions`;
it holds no rules of its own.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..model import Actor, Mention
from .knowledge import KnowledgeBase, Role

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


@dataclass
class Found:
    """A mention with its token range, as resolution works on tokens."""

    actor: Actor
    start: int  # token index
    end: int  # token index, exclusive
    form: str
    role: Role | None = None

    def mention(self, doc: Doc) -> Mention:
        span = doc[self.start:self.end]
        return Mention(self.actor, span.text, (span.start_char, span.end_char))


@dataclass
class Mentions:
    """The mentions found so far in one parsed article."""

    doc: Doc
    kb: KnowledgeBase
    year: int | None = None
    published: dt.date | None = None
    by_token: dict[int, Found] = field(default_factory=dict)
    found: list[Found] = field(default_factory=list)
    extra: dict[int, list[Found]] = field(default_factory=dict)  # head token -> further coordinated actors
    datelines: set[int] = field(default_factory=set)  # tokens of wire datelines ("OSLO (AP) —"): no actor

    def add(self, f: Found) -> None:
        self.found.append(f)
        for i in range(f.start, f.end):
            self.by_token[i] = f

    def at(self, token: Token) -> Found | None:
        return self.by_token.get(token.i)

    def named_last_before(self, i: int, keep: Callable[[Found], bool]) -> Found | None:
        """The mention that `keep` accepts named last before token i."""
        return max((f for f in self.found if f.start < i and keep(f)), key=lambda f: f.start, default=None)
