"""Reviews over a store: record an analyst's verdict or correction, resolve the audit log into the
overlay the store reads events through, list the log, export corrections as gold.

Why anchors: an event's id is derived from its document, the extractor version and its first
evidence span, so re-extraction by another version gives new ids, and fusion names an incident
after one of its events. A review is therefore keyed to the reviewed event's document id and
first evidence span (offsets and words). On read it applies to the stored event that now has that
id, else to the event of that document whose evidence overlaps the anchor most (the anchor's
words are looked up again when the article's text changed), and then to the whole incident that
event belongs to now. A review whose document is gone, or whose words no event covers, is kept in
the log but applies to nothing (``applies_to`` is null).
"""

from __future__ import annotations

import datetime as dt
import math
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from talaia.errors import QueryError
from talaia.models import Evidence
from talaia.review.records import ACTIONS, CORRECTABLE_FIELDS, STATUS_OF_ACTION, Anchor, Review
from talaia.store.base import Store
from talaia.store.filters import EventFilter, acled_types, event_type_name, iso_date, sub_event_type_name
from talaia.store.overlay import ReviewState

__all__ = ["ReviewLogEntry", "check_value", "gold_records", "record_review", "review_log", "review_overlay"]

MAX_TEXT = 200  # the longest name an analyst may enter
MAX_NOTE = 2000
_NOT_NULL = frozenset({"event_type", "sub_event_type", "actor1"})
_TEXT_FIELDS = frozenset({"actor1", "actor2", "admin1", "admin2", "location"})


@dataclass(frozen=True, slots=True)
class ReviewLogEntry:
    """A review of the audit log with the stored event it applies to now (None: to nothing)."""

    review: Review
    applies_to: str | None

    def to_dict(self) -> dict[str, Any]:
        return self.review.to_dict() | {"applies_to": self.applies_to}


def check_value(field: str | None, value: Any) -> Any:
    """The value a correction of ``field`` sets, checked and normalised (ACLED's spelling, a date,
    a number in range); :class:`~talaia.errors.QueryError` naming ``field`` or ``value``."""
    if field not in CORRECTABLE_FIELDS:
        raise QueryError(f"field {field!r} cannot be corrected (one of: {', '.join(CORRECTABLE_FIELDS)})",
                         field="field")
    if value is None:
        if field in _NOT_NULL:
            raise QueryError(f"{field} cannot be empty", field="value")
        return None
    if field in _TEXT_FIELDS or field in {"event_type", "sub_event_type", "event_date"}:
        if not isinstance(value, str) or not value.strip():
            raise QueryError(f"{field} takes a non-empty string, not {value!r}", field="value")
        if len(value) > MAX_TEXT:
            raise QueryError(f"{field} is longer than {MAX_TEXT} characters", field="value")
    try:
        if field == "event_type":
            return event_type_name(value)
        if field == "sub_event_type":
            return sub_event_type_name(value)
    except QueryError as err:  # the body's value is at fault, whatever the filter would call it
        raise QueryError(err.message, field="value") from None
    if field == "event_date":
        return iso_date(value, "value")
    if field in _TEXT_FIELDS:
        return " ".join(str(value).split())
    if field == "fatalities":
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise QueryError(f"fatalities takes a whole number of at least 0, not {value!r}", field="value")
        return value
    bound = 90.0 if field == "latitude" else 180.0
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value) \
            or abs(value) > bound:
        raise QueryError(f"{field} takes a number between -{bound:g} and {bound:g}, not {value!r}", field="value")
    return float(value)


def _derived(field: str, value: Any) -> dict[str, Any]:
    """The columns a correction sets: the field, and what follows from it."""
    columns = {field: value}
    if field == "sub_event_type":
        columns["event_type"] = acled_types()[1][value]
    elif field == "event_date":
        columns["time_precision"] = 1  # the analyst gives the day
    elif field == "fatalities":
        columns["fatalities_high"] = None  # the analyst's figure replaces the reported range
    elif field in {"actor1", "actor2"}:
        inter = "inter1" if field == "actor1" else "inter2"
        if value is None:
            columns[inter] = None
        else:
            from talaia.api import actor_kb

            known = actor_kb().named(value)
            if known is not None and known.type:
                columns[inter] = known.type
    return columns


def record_review(store: Store, event_id: str, *, action: str, reviewer: str, field: str | None = None,
                  value: Any = None, note: str | None = None) -> Review:
    """Record ``reviewer``'s ``action`` (accept, reject, correct ``field`` to ``value``) on the stored
    event ``event_id`` (an exact id); returns the audit-log entry."""
    if action not in ACTIONS:
        raise QueryError(f"unknown action {action!r} (one of: {', '.join(ACTIONS)})", field="action")
    if not isinstance(reviewer, str) or not reviewer.strip() or len(reviewer) > MAX_TEXT:
        raise QueryError(f"give the reviewer's name (at most {MAX_TEXT} characters)", field="reviewer")
    if note is not None and (not isinstance(note, str) or len(note) > MAX_NOTE):
        raise QueryError(f"note takes a string of at most {MAX_NOTE} characters", field="note")
    if action == "correct":
        value = check_value(field, value)
    elif field is not None or value is not None:
        raise QueryError(f"field and value go with action 'correct', not {action!r}", field="field")
    detail = store.event_detail(event_id, review_overlay(store))
    if detail is None:
        raise QueryError(f"no event with id {event_id!r}", field="event_id")
    before = getattr(detail.stored.event, field) if field else None
    spans = sorted((e.start, e.end) for e in detail.stored.event.evidence) or [(0, 0)]
    start, end = spans[0]
    anchor = Anchor(detail.document.id, start, end, detail.document.text[start:end])
    now = dt.datetime.now(dt.UTC)
    review = Review(review_id=f"{now:%Y%m%d%H%M%S%f}-{uuid.uuid4().hex[:8]}", event_id=event_id, anchor=anchor,
                    action=action, field=field, before=before, after=value, reviewer=reviewer.strip(), note=note,
                    reviewed_at=now.isoformat(timespec="microseconds"))
    store.add_review(review)
    return review


def _overlap(spans: Sequence[Evidence], start: int, end: int) -> int:
    return sum(max(0, min(end, e.end) - max(start, e.start)) for e in spans)


class _Resolver:
    """Finds the stored event each review applies to now, and that event's incident (cached per call)."""

    def __init__(self, store: Store, reviews: Sequence[Review]) -> None:
        self.store = store
        self.present = store.event_documents(list(dict.fromkeys(r.event_id for r in reviews)))
        self.documents: dict[str, tuple[str | None, list[tuple[str, tuple[Evidence, ...]]]]] = {}
        self.incident_of: dict[str, str] = {}  # stored event -> its incident
        self.members_of: dict[str, list[str]] = {}  # incident -> its stored events

    def target(self, review: Review) -> str | None:
        anchor = review.anchor
        found = self.present.get(review.event_id)
        if found is not None and found[0] == anchor.document_id:
            return review.event_id
        if anchor.document_id not in self.documents:
            self.documents[anchor.document_id] = self.store.document_events(anchor.document_id)
        text, events = self.documents[anchor.document_id]
        if text is None or not events:
            return None
        start, end = anchor.start, anchor.end
        if text[start:end] != anchor.text:  # another version of the article: find the words again
            at = text.find(anchor.text) if anchor.text else -1
            if at < 0:
                return None
            start, end = at, at + len(anchor.text)
        best = max(events, key=lambda ev: (_overlap(ev[1], start, end),
                                           -min((abs(e.start - start) for e in ev[1]), default=len(text))))
        return best[0] if _overlap(best[1], start, end) > 0 else None

    def incident(self, event_id: str) -> tuple[str, list[str]]:
        """(incident id, its stored events) of a stored event (itself alone when it is gone)."""
        if event_id not in self.incident_of:
            self.load_incidents([event_id])
        incident = self.incident_of.get(event_id, event_id)
        return incident, self.members_of.get(incident, [])

    def members(self, incident: str) -> list[str]:
        """The stored events of ``incident`` (an incident id found through :meth:`incident`)."""
        return self.members_of.get(incident) or [incident]

    def load_incidents(self, event_ids: Sequence[str]) -> None:
        """Look the incidents of many stored events up at once."""
        for event_id, (incident, members) in self.store.incidents(
                [i for i in event_ids if i not in self.incident_of]).items():
            self.incident_of[event_id] = incident
            self.members_of[incident] = members


def _resolved(store: Store) -> tuple[list[tuple[Review, str | None]], _Resolver]:
    reviews = store.reviews()
    resolver = _Resolver(store, reviews)
    resolved = [(r, resolver.target(r)) for r in reviews]
    resolver.load_incidents([t for _, t in resolved if t is not None])
    return resolved, resolver


def _fold(reviews: Sequence[Review]) -> ReviewState:
    """The state an incident's reviews (oldest first) leave it in: the latest action's status, every
    correction applied in order."""
    values: dict[str, Any] = {}
    for r in reviews:
        if r.action == "correct" and r.field is not None:
            values.update(_derived(r.field, r.after))
    last = reviews[-1]
    return ReviewState(STATUS_OF_ACTION[last.action], tuple(values.items()), len(reviews), last.reviewer,
                       last.reviewed_at)


def _by_incident(store: Store) -> tuple[dict[str, list[Review]], _Resolver]:
    resolved, resolver = _resolved(store)
    by_incident: dict[str, list[Review]] = {}
    for review, target in resolved:
        if target is not None:
            by_incident.setdefault(resolver.incident(target)[0], []).append(review)
    return by_incident, resolver


def review_overlay(store: Store) -> dict[str, ReviewState]:
    """Stored event id -> its review state, for every stored event of every reviewed incident."""
    if not store.count_reviews():
        return {}
    return _overlay_of(*_by_incident(store))


def _overlay_of(by_incident: dict[str, list[Review]], resolver: _Resolver) -> dict[str, ReviewState]:
    overlay: dict[str, ReviewState] = {}
    for incident, reviews in by_incident.items():
        state = _fold(reviews)
        for member in resolver.members(incident):
            overlay[member] = state
    return overlay


def review_log(store: Store, *, event_id: str | None = None, limit: int | None = None,
               offset: int = 0) -> list[ReviewLogEntry]:
    """The audit log, newest first: every review, or those applying now to ``event_id``'s incident
    (an exact stored id) or made on it."""
    resolved, resolver = _resolved(store)
    entries = [ReviewLogEntry(r, target) for r, target in resolved]
    if event_id is not None:
        members = set(resolver.incident(event_id)[1]) | {event_id}
        entries = [e for e in entries if e.applies_to in members or e.review.event_id in members]
    entries.reverse()
    return entries[offset:offset + limit if limit is not None else None]


def gold_records(store: Store) -> list[dict[str, Any]]:
    """One record per reviewed incident, for measuring the extractor: the anchor document and span,
    the status (rejected: the extractor's event is not an event), the reviewed event's fields after
    the corrections, and each corrected field's first value before and last value after."""
    by_incident, resolver = _by_incident(store)
    overlay = _overlay_of(by_incident, resolver)
    events = {s.event.event_id: s for s in store.events(EventFilter(), overlay=overlay)}
    records = []
    for incident, reviews in by_incident.items():
        state = _fold(reviews)
        fields: dict[str, dict[str, Any]] = {}
        for r in reviews:
            if r.action == "correct" and r.field is not None:
                fields.setdefault(r.field, {"before": r.before})["after"] = r.after
        stored = events.get(incident)
        records.append({
            "document_id": reviews[0].anchor.document_id, "anchor": reviews[0].anchor.to_dict(),
            "event_id": incident, "status": state.status, "corrections": fields,
            "reviewers": sorted({r.reviewer for r in reviews}), "reviewed_at": state.reviewed_at,
            "event": stored.to_dict() if stored is not None else None,
        })
    return records

