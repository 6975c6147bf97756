"""What the quote finder returns for one quotation, before its speaker is resolved to an actor."""
from __future__ import annotations

from dataclasses import dataclass


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
