"""Talaia's records: frozen, typed, and serialised exactly as SCHEMA.md (v1) specifies."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Evidence:
    """A span of the document's text (Python string indices, end exclusive)."""

    start: int
    end: int

    def to_dict(self) -> dict[str, int]:
        return {"start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class Participant:
    """One participant of an event in the text's own words (contract v1.1: ``actor1_mentions``)."""

    text: str
    start: int
    end: int
    kind: str  # person, organization or group (a described collective: 'gunmen', 'protesters')
    actor: str | None  # the ACLED-style name it was normalised to

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end, "kind": self.kind, "actor": self.actor}


@dataclass(frozen=True, slots=True)
class Document:
    """One article as read by ingest: the contract's input line."""

    id: str
    text: str
    title: str | None = None
    published: dt.date | None = None
    language: str | None = None
    source: str | None = None
    url: str | None = None
    origin: str | None = None  # where it was read from ("path" or "path:line"), for error messages

    def label(self) -> str:
        return self.origin or self.id


@dataclass(frozen=True, slots=True)
class Place:
    """A place-name mention that refers to a place, resolved against the gazetteer."""

    name: str
    start: int
    end: int
    latitude: float | None = None
    longitude: float | None = None
    country_code: str | None = None
    admin1: str | None = None
    geonames_id: int | None = None
    feature: str | None = None
    country: str | None = None
    admin2: str | None = None
    population: int | None = None
    geoname: str | None = None  # the gazetteer's name of the place ("Michoacán" for "Michoacan")
    embedded: bool = False  # part of an organisation's name ("Texas Department of Health"): not where things happen
    dateline: bool = False  # in the dateline ("MEXICO CITY (AP) —"): where the report was filed, not the event

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Quote:
    """What someone said: a direct quote (in quotation marks) or a reported clause."""

    text: str
    start: int
    end: int
    speaker: str | None
    speaker_start: int | None
    speaker_end: int | None
    cue: str | None
    direct: bool
    # v1.3: 'stated' (the speaker's own words, on the record) or 'reported' (second-hand: 'reportedly',
    # 'according to', 'según', an unnamed source)
    certainty: str = "stated"
    # v1.3: the id of the document's event the quote speaks about (nearest evidence in its paragraph), or None
    event_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Actor:
    """An ACLED-style actor with its type (inter)."""

    name: str
    inter: str


@dataclass(frozen=True, slots=True)
class Event:
    """One real-world incident, coded with ACLED's fields, with the spans it was read from."""

    event_id: str
    event_date: str | None
    time_precision: int
    event_type: str
    sub_event_type: str
    actor1: str | None
    actor2: str | None
    inter1: str | None
    inter2: str | None
    assoc_actor_1: tuple[str, ...]
    assoc_actor_2: tuple[str, ...]
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
    evidence: tuple[Evidence, ...]
    # v1.1: every participant on each side in the text's own words (named victims included)
    actor1_mentions: tuple[Participant, ...] = ()
    actor2_mentions: tuple[Participant, ...] = ()
    # v1.2: the probability that the event is right as coded (talaia.events.confidence); None: not scored
    confidence: float | None = None

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        if self.confidence is None:
            del data["confidence"]  # the contract: a number, or absent
        data["assoc_actor_1"] = list(self.assoc_actor_1)
        data["assoc_actor_2"] = list(self.assoc_actor_2)
        data["evidence"] = [e.to_dict() for e in self.evidence]
        data["actor1_mentions"] = [m.to_dict() for m in self.actor1_mentions]
        data["actor2_mentions"] = [m.to_dict() for m in self.actor2_mentions]
        return data


@dataclass(frozen=True, slots=True)
class ExtractionResult:
    """The contract's output line for one document."""

    id: str
    language: str | None
    published: str | None
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    places: tuple[Place, ...] = ()
    error: dict[str, str] | None = None
    extractor: str = field(default="")

    @property
    def ok(self) -> bool:
        return self.error is None

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id,
            "language": self.language,
            "published": self.published,
            "events": [e.to_dict() for e in self.events],
            "quotes": [q.to_dict() for q in self.quotes],
            "places": [p.to_dict() for p in self.places],
        }
        if self.extractor:
            data["extractor"] = self.extractor
        if self.error is not None:
            data["error"] = self.error
        return data
