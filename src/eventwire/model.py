"""The data model every stage shares: articles in, records out.

Stages pass these dataclasses, never raw dicts; `to_dict` gives the JSON
record of ../shared/SPEC.md.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

Span = tuple[int, int]

MODALITIES = ("asserted", "intended", "hypothetical", "negated", "past background")
QUOTE_KINDS = ("direct", "mixed", "indirect")


@dataclass(frozen=True, slots=True)
class Article:
    """One news article as read from an input; `text` is exactly what spans index."""

    id: str
    text: str
    published: dt.date | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None


@dataclass(frozen=True, slots=True)
class Actor:
    """Who someone or something is, independent of where it is mentioned."""

    id: str
    name: str
    code: str
    country: str | None
    sector: str | None
    kind: str  # country | person | organization | group
    role: str | None = None

    def to_dict(self) -> dict:
        return {"id": self.id, "name": self.name, "code": self.code,
                "country": self.country, "sector": self.sector, "kind": self.kind}


@dataclass(frozen=True, slots=True)
class Mention:
    """An actor at one place in the text."""

    actor: Actor
    text: str
    span: Span

    def to_dict(self) -> dict:
        return {**self.actor.to_dict(), "text": self.text, "span": list(self.span)}


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    country: str | None
    lat: float | None
    lon: float | None

    def to_dict(self) -> dict:
        return {"name": self.name, "country": self.country, "lat": self.lat, "lon": self.lon}


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A place named in the text, resolved to one GeoNames entry."""

    text: str
    span: Span
    name: str
    geonameid: int | None
    country: str | None  # ISO 3166-1 alpha-3
    admin1: str | None  # first-level division's name
    lat: float | None
    lon: float | None
    feature: str | None  # GeoNames feature code (PCLI, ADM1, PPL, ...)

    def place(self) -> Place:
        return Place(self.name, self.country, self.lat, self.lon)

    def to_dict(self) -> dict:
        return {"text": self.text, "span": list(self.span), "name": self.name, "geonameid": self.geonameid,
                "country": self.country, "admin1": self.admin1, "lat": self.lat, "lon": self.lon,
                "feature": self.feature}


@dataclass(frozen=True, slots=True)
class TimeMention:
    """A time expression normalised as a TimeML TIMEX3 value."""

    text: str
    span: Span
    type: str  # date | time | duration | set
    value: str  # 2024-10-21, 2024-W42, 2024-10, PRESENT_REF, P5Y, ...
    precision: str | None = None  # for dates: day, week, month, season, quarter, year, decade, century

    def to_dict(self) -> dict:
        return {"text": self.text, "span": list(self.span), "type": self.type, "value": self.value,
                "precision": self.precision}


@dataclass(slots=True)
class Event:
    id: str
    source: Mention | None
    target: Mention | None
    cameo: str
    root: str
    quad_class: int
    goldstein: float
    plover: str | None
    modality: str
    trigger: str
    sentence_index: int
    span: Span
    confidence: float
    date: dt.date | None = None
    date_precision: str | None = None
    date_inferred: bool = False
    place: Place | None = None
    reported_by: Mention | None = None
    trigger_token: int | None = None  # token index in the parsed doc; not part of the record
    score: float | None = None  # the coder's own ranking of candidates; not part of the record

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "source": self.source.to_dict() if self.source else None,
            "target": self.target.to_dict() if self.target else None,
            "cameo": self.cameo,
            "root": self.root,
            "quad_class": self.quad_class,
            "goldstein": self.goldstein,
            "plover": self.plover,
            "modality": self.modality,
            "date": self.date.isoformat() if self.date else None,
            "date_precision": self.date_precision,
            "date_inferred": self.date_inferred,
            "place": self.place.to_dict() if self.place else None,
            "reported_by": self.reported_by.to_dict() if self.reported_by else None,
            "trigger": self.trigger,
            "sentence_index": self.sentence_index,
            "span": list(self.span),
            "confidence": round(self.confidence, 2),
        }


@dataclass(slots=True)
class Quote:
    speaker: Mention | None
    text: str
    span: Span
    cue: str | None
    kind: str  # direct | mixed | indirect
    sentence_index: int = 0
    speaker_refs: tuple = ()  # spans of other words naming the speaker ("who"), listed under its actor
    cue_span: Span | None = None  # where the cue verb is; dates the words ("said on Tuesday")

    def to_dict(self) -> dict:
        return {
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "text": self.text,
            "span": list(self.span),
            "cue": self.cue,
            "kind": self.kind,
        }


@dataclass(slots=True)
class ActorEntry:
    """One resolved actor of an article with every span that mentions it."""

    actor: Actor
    mentions: list[Span] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {**self.actor.to_dict(), "mentions": [list(s) for s in self.mentions]}


@dataclass(slots=True)
class Record:
    """Everything eventwire says about one article."""

    article: Article
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    actors: list[ActorEntry] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    times: list[TimeMention] = field(default_factory=list)

    def to_dict(self) -> dict:
        a = self.article
        return {
            "id": a.id,
            "title": a.title,
            "published": a.published.isoformat() if a.published else None,
            "url": a.url,
            "source": a.source,
            "events": [e.to_dict() for e in self.events],
            "quotes": [q.to_dict() for q in self.quotes],
            "actors": [x.to_dict() for x in self.actors],
            "places": [p.to_dict() for p in self.places],
            "times": [t.to_dict() for t in self.times],
        }


class InputError(Exception):
    """An input that cannot be read as articles; the message names it and says why."""

    def __init__(self, name: str, reason: str):
        super().__init__(f"{name}: {reason}")
        self.name = name
        self.reason = reason

    def __reduce__(self):
        # Rebuilt from (name, reason), so the error crosses a process boundary
        # (a worker of `ingest` sends it back to the parent) intact.
        return (type(self), (self.name, self.reason))
