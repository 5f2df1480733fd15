"""The store's records: what ingest hands to a store, what a store hands back, and how rows map to them.

Shared by every backend (:mod:`talaia.store.sqlite`, :mod:`talaia.store.postgres`): a row is
anything indexable by column name, as both drivers' rows are.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any, Protocol

from talaia.models import Document, Event, Evidence, ExtractionResult, Participant
from talaia.store.overlay import UNREVIEWED, ReviewState

__all__ = ["EVENT_COLUMNS", "EventDetail", "Row", "StoreItem", "StoredDocument", "StoredEvent"]

# the events table holds every field of the record, in its order (a new field needs a migration)
EVENT_COLUMNS = tuple(f.name for f in dataclasses.fields(Event))
JSON_COLUMNS = frozenset({"assoc_actor_1", "assoc_actor_2", "evidence", "actor1_mentions", "actor2_mentions"})


class Row(Protocol):
    """A result row of either backend: by position or by column name."""

    def __getitem__(self, key: Any, /) -> Any: ...

    def keys(self) -> list[str]: ...


@dataclass(frozen=True, slots=True)
class StoredEvent:
    """An event with its sources. A fused event (one incident told by several documents) lists
    the stored events it was fused from in ``mentions`` (their ids; itself first)."""

    event: Event
    sources: tuple[dict[str, str | None], ...] = field(default_factory=tuple)
    mentions: tuple[str, ...] = ()
    review: ReviewState | None = None  # an analyst's review, its corrections already in ``event``

    @property
    def rejected(self) -> bool:
        """Whether an analyst marked it wrong (not an event): exports, aggregates, alerts and briefs
        leave it out."""
        return self.review is not None and self.review.status == "rejected"

    def to_dict(self) -> dict[str, Any]:
        data = self.event.to_dict()
        data["sources"] = list(self.sources)
        if self.mentions:
            data["mentions"] = list(self.mentions)
        data["review"] = (self.review or UNREVIEWED).to_dict()
        return data


@dataclass(frozen=True, slots=True)
class StoredDocument:
    key: str
    doc_id: str
    content_hash: str
    minhash: bytes | None
    duplicate_of: str | None = None
    extractor_version: str = ""


@dataclass(frozen=True, slots=True)
class StoreItem:
    """One document handed from ingest to the store, with its extraction.

    ``duplicate_of`` is the key of the stored original of an exact copy or near-duplicate
    (then ``result`` is None: it becomes another source of the original's events).
    ``extractor_version`` is the version of the pipeline in use; the result's own
    ``extractor`` wins when it has one.
    """

    document: Document
    key: str
    content_hash: str
    minhash: bytes | None = None
    duplicate_of: str | None = None
    similarity: float | None = None
    result: ExtractionResult | None = None
    extractor_version: str = ""

    def __post_init__(self) -> None:
        if self.duplicate_of is not None and self.result is not None:
            raise ValueError("a duplicate has no extraction of its own")
        if not self.version:
            raise ValueError("a StoreItem needs the extractor version (result.extractor or extractor_version)")

    @property
    def version(self) -> str:
        """The version of the extractor that produced (or would have produced) this document's rows."""
        return (self.result.extractor if self.result is not None else "") or self.extractor_version


@dataclass(frozen=True, slots=True)
class EventDetail:
    """An event with its sources and the document it was read from (its evidence indexes that text)."""

    stored: StoredEvent
    document: Document
    document_key: str
    extractor_version: str


def event_row(e: Event) -> tuple[Any, ...]:
    d = e.to_dict()
    return tuple(
        json.dumps(d[c], ensure_ascii=False) if c in JSON_COLUMNS else d.get(c)
        for c in EVENT_COLUMNS
    )


def document_from_row(r: Row) -> Document:
    published = dt.date.fromisoformat(r["published"][:10]) if r["published"] else None
    return Document(id=r["doc_id"], text=r["text"], title=r["title"], published=published, language=r["language"],
                    source=r["source"], url=r["url"], origin=r["origin"])


def event_from_row(r: Row) -> Event:
    return Event(
        event_id=r["event_id"], event_date=r["event_date"], time_precision=r["time_precision"],
        event_type=r["event_type"], sub_event_type=r["sub_event_type"], actor1=r["actor1"], actor2=r["actor2"],
        inter1=r["inter1"], inter2=r["inter2"], assoc_actor_1=tuple(json.loads(r["assoc_actor_1"] or "[]")),
        assoc_actor_2=tuple(json.loads(r["assoc_actor_2"] or "[]")), country=r["country"],
        country_code=r["country_code"], admin1=r["admin1"], admin2=r["admin2"], location=r["location"],
        latitude=r["latitude"], longitude=r["longitude"], geo_precision=r["geo_precision"],
        fatalities=r["fatalities"], fatalities_high=r["fatalities_high"], certainty=r["certainty"],
        notes=r["notes"], evidence=tuple(Evidence(**ev) for ev in json.loads(r["evidence"] or "[]")),
        actor1_mentions=tuple(Participant(**m) for m in json.loads(r["actor1_mentions"] or "[]")),
        actor2_mentions=tuple(Participant(**m) for m in json.loads(r["actor2_mentions"] or "[]")),
        confidence=r["confidence"],
    )


def fused_event(members: list[Row], sources: dict[str, list[dict[str, str | None]]]) -> StoredEvent:
    """One incident's mentions as one event: the record of the mention the incident is named after
    (else the first listed), the lowest toll as fatalities and the highest as fatalities_high (ACLED's rule),
    every mention's sources once."""
    incident = members[0]["incident_id"]
    first = event_from_row(next((r for r in members if r["event_id"] == incident), members[0]))
    tolls = [t for r in members for t in (r["fatalities"], r["fatalities_high"]) if t is not None]
    low = min((r["fatalities"] for r in members if r["fatalities"] is not None), default=None)
    high = max(tolls, default=None)
    event = dataclasses.replace(first, fatalities=low, fatalities_high=high if high is not None and low is not None
                                and high > low else None)
    return StoredEvent(event, merged_sources(members, sources),
                       tuple(r["event_id"] for r in members) if len(members) > 1 else ())


def merged_sources(members: list[Row], sources: dict[str, list[dict[str, str | None]]]
                   ) -> tuple[dict[str, str | None], ...]:
    """Every mention's sources once, earliest published first."""
    seen: dict[str | None, dict[str, str | None]] = {}
    for r in members:
        for source in sources.get(r["event_id"], ()):
            seen.setdefault(source["document_id"], source)
    return tuple(sorted(seen.values(), key=lambda src: (src["published"] or "", src["document_id"] or "")))
