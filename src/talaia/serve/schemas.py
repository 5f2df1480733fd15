"""The shapes of the API's JSON answers, for the OpenAPI document (and checked on every answer).

The records' own ``to_dict`` methods make the JSON; these models only describe it, so a field added
to a record must be added here too (the API tests fail otherwise: FastAPI validates each answer).
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Span(_Model):
    start: int
    end: int


class Participant(_Model):
    text: str
    start: int
    end: int
    kind: str
    actor: str | None


class Source(_Model):
    document_id: str | None
    source: str | None
    published: str | None


class ReviewInfo(_Model):
    """Where the reviews leave the event; ``corrections`` are already applied to its fields."""

    status: str
    corrections: dict[str, Any]
    reviews: int
    reviewer: str | None
    reviewed_at: str | None


class Event(_Model):
    """An event: the fields of the extraction contract (docs/SCHEMA.md) plus sources and review."""

    event_id: str
    event_date: str | None
    time_precision: int
    event_type: str
    sub_event_type: str
    actor1: str | None
    actor2: str | None
    inter1: str | None
    inter2: str | None
    assoc_actor_1: list[str]
    assoc_actor_2: list[str]
    country: str | None
    country_code: str | None
    admin1: str | None
    admin2: str | None
    location: str | None
    latitude: float | None
    longitude: float | None
    geo_precision: int
    fatalities: int | None
    fatalities_high: int | None
    certainty: str
    notes: str
    evidence: list[Span]
    actor1_mentions: list[Participant]
    actor2_mentions: list[Participant]
    sources: list[Source]
    mentions: list[str] | None = None
    review: ReviewInfo


class EventPage(_Model):
    total: int
    limit: int
    offset: int
    items: list[Event]


class EvidenceSpan(_Model):
    start: int
    end: int
    text: str
    field: str | None


class Document(_Model):
    document_id: str
    title: str | None
    source: str | None
    url: str | None
    published: str | None
    language: str | None
    text: str


class EventDocument(Document):
    event_id: str | None
    evidence: list[EvidenceSpan]


class Anchor(_Model):
    document_id: str
    start: int
    end: int
    text: str


class ReviewEntry(_Model):
    review_id: str
    event_id: str
    action: str
    field: str | None
    before: Any
    after: Any
    reviewer: str
    note: str | None
    reviewed_at: str
    anchor: Anchor
    applies_to: str | None


class EventDetail(Event):
    documents: list[EventDocument]
    review_history: list[ReviewEntry]


class DocumentDetail(EventDocument):
    duplicate_of: str | None
    events: list[Event]


class ReviewLog(_Model):
    limit: int
    offset: int
    items: list[ReviewEntry]


class AggregateRow(_Model):
    period: str
    key: str | None
    events: int
    fatalities: int


class Aggregate(_Model):
    period: str
    by: str
    rows: list[AggregateRow]
    undated: int


class Quote(_Model):
    document_id: str
    text: str | None
    start: int | None
    end: int | None
    speaker: str | None
    cue: str | None
    direct: bool


class QuotePage(_Model):
    total: int
    limit: int
    offset: int
    items: list[Quote]


class Actor(_Model):
    id: str
    name: str
    type: str | None
    kind: str
    countries: list[str]
    start: int | None
    end: int | None
    note: str
    aliases: list[str]
    relations: list[list[str]]
    events: int
    quotes: int
    names: list[str]


class UnknownName(_Model):
    name: str
    events: int
    quotes: int


class ActorPage(_Model):
    total: int
    limit: int
    offset: int
    items: list[Actor]
    unknown: list[UnknownName]


class ActorDetail(Actor):
    latest_events: EventPage
