"""The shapes of the API's JSON answers, for the OpenAPI document (and checked on every answer).

The records' own ``to_dict`` methods make the JSON; these models only describe it, so a field added
to a record must be added here too (the API tests fail otherwise: FastAPI validates each answer).
"""

from __future__ import annotations

import dataclasses
from typing import Any, get_type_hints

from pydantic import BaseModel, ConfigDict, create_model

from talaia import models
from talaia.analysis import spikes
from talaia.review import records


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


def record_model(name: str, record: type[Any], base: type[BaseModel] | None = None, **more: Any) -> type[BaseModel]:
    """A model of a record's ``to_dict()`` read from its dataclass fields (nested records, tuples as
    lists), with ``more`` fields (name=(type, default)), so the shapes are written once."""
    hints = get_type_hints(record)
    # a field the record may leave out of its dict (default None: 'confidence', contract v1.2) is optional
    fields: dict[str, Any] = {f.name: (hints[f.name], None if f.default is None else ...)
                              for f in dataclasses.fields(record)}
    if base is None:
        return create_model(name, __config__=ConfigDict(extra="forbid"), **fields, **more)
    return create_model(name, __base__=base, **fields, **more)


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


# an event: the fields of the extraction contract (docs/SCHEMA.md) plus sources and review
Event = record_model("Event", models.Event, sources=(list[Source], ...), mentions=(list[str] | None, None),
                     review=(ReviewInfo, ...))


class EventPage(_Model):
    total: int
    total_is_lower_bound: bool = False  # more match than the server counts (talaia.store.pages)
    limit: int
    offset: int
    items: list[Event]  # type: ignore[valid-type]


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


ReviewEntry = record_model("ReviewEntry", records.Review, applies_to=(str | None, ...))


class Quote(_Model):
    document_id: str
    text: str | None
    start: int | None
    end: int | None
    speaker: str | None
    cue: str | None
    direct: bool
    certainty: str | None  # 'stated' or 'reported'; null for quotes stored by an older extractor
    event_id: str | None  # the stored event (one report of an incident) the quote speaks about


EventDetail = create_model("EventDetail", __base__=Event, quotes=(list[Quote], ...),
                           documents=(list[EventDocument], ...),
                           review_history=(list[ReviewEntry], ...))  # type: ignore[valid-type]


class DocumentDetail(EventDocument):
    duplicate_of: str | None
    events: list[Event]  # type: ignore[valid-type]


class ReviewLog(_Model):
    limit: int
    offset: int
    items: list[ReviewEntry]  # type: ignore[valid-type]


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
    unknown_total: int
    unknown: list[UnknownName]


class QueueItem(_Model):
    confidence: float
    confidence_from: str
    reasons: list[str]
    event: Event  # type: ignore[valid-type]


class ReviewQueue(_Model):
    total: int
    limit: int
    offset: int
    items: list[QueueItem]


class ActorDetail(Actor):
    latest_events: EventPage


class AlertArea(_Model):
    """An area of ``by``'s kind: the values that identify it (those of its kind only) and a label."""

    by: str
    label: str
    country_code: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    actor: str | None = None
    event_type: str | None = None


class AlertEvent(_Model):
    """One of an alerting week's main events, in short."""

    event_id: str
    event_date: str | None
    sub_event_type: str | None
    actor1: str | None
    actor2: str | None
    location: str | None
    admin1: str | None
    admin2: str | None
    fatalities: int | None
    sources: int


AlertSettings = record_model("AlertSettings", spikes.AlertSettings)


class Alert(_Model):
    area: AlertArea
    week: str
    measure: str
    observed: int
    expected: float
    upper: int
    p_value: float
    ratio: float | None
    events: int
    fatalities: int
    dispersion: float
    history_weeks: int
    trend: bool
    top_events: list[AlertEvent]


class AlertReport(_Model):
    weeks: list[str]
    by: str
    areas: int
    settings: AlertSettings  # type: ignore[valid-type]
    alerts: list[Alert]


WeekAssessment = record_model("WeekAssessment", spikes.WeekAssessment)


class AreaHistory(_Model):
    area: AlertArea
    settings: AlertSettings  # type: ignore[valid-type]
    weeks: list[WeekAssessment]  # type: ignore[valid-type]


class FollowUpReason(_Model):
    reason: str
    points: float


class FollowUp(_Model):
    """A report with no event of its own linked to an incident as its follow-up (talaia.fuse.followups)."""

    document_id: str
    event_id: str
    kind: str
    phrase: str
    figure: int | None
    score: float
    reasons: list[FollowUpReason]
