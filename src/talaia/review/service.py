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
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from talaia.errors import NotFoundError, QueryError
from talaia.models import Evidence
from talaia.review.records import ACTIONS, CORRECTABLE_FIELDS, STATUS_OF_ACTION, Anchor, Review
from talaia.review.validate import MAX_TEXT, NOT_NULL, applicable, check_correction, check_value
from talaia.store.base import Store
from talaia.store.filters import EventFilter, acled_types
from talaia.store.overlay import ReviewState
from talaia.store.records import StoredEvent

__all__ = ["MAX_NOTE", "MAX_TEXT", "ReviewLogEntry", "check_value", "gold_records", "record_fusion_change",
           "record_review", "review_log", "review_overlay"]

MAX_NOTE = 2000
FUSION_ACTIONS = ("merge", "split")  # logged with the reviews; they change the incidents, not a field


@dataclass(frozen=True, slots=True)
class ReviewLogEntry:
    """A review of the audit log with the stored event it applies to now (None: to nothing)."""

    review: Review
    applies_to: str | None

    def to_dict(self) -> dict[str, Any]:
        return self.review.to_dict() | {"applies_to": self.applies_to}


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
                  value: Any = None, note: str | None = None, new_actor: bool = False, clear: bool = False
                  ) -> Review:
    """Record ``reviewer``'s ``action`` on the stored event ``event_id`` (an exact id): accept, reject,
    correct ``field`` to ``value`` (checked against the event: :func:`talaia.review.validate.check_correction`;
    ``new_actor``: an actor name the knowledge base does not know, as written; ``clear``: set a field that
    may be empty to nothing, said explicitly since a correction without a value is refused), or undo the latest review
    of its incident (a new row of the log). A correction that moves other columns with it (a place sets
    its admin1, admin2 and coordinates) logs one row per column, all at one time. Returns the first row."""
    if action not in ACTIONS:
        raise QueryError(f"unknown action {action!r} (one of: {', '.join(ACTIONS)})", field="action")
    _check_who(reviewer, note)
    if action == "correct" and clear:
        if value is not None or field in NOT_NULL or field not in CORRECTABLE_FIELDS:
            raise QueryError(f"clear takes no value, and {field!r} cannot be cleared (these can: "
                             f"{', '.join(f for f in CORRECTABLE_FIELDS if f not in NOT_NULL)})", field="field")
    elif action == "correct":
        check_value(field, value)  # the value's type and range before the event is read
    elif clear:
        raise QueryError(f"clear goes with action 'correct', not {action!r}", field="clear")
    elif field is not None or value is not None:
        raise QueryError(f"field and value go with action 'correct', not {action!r}", field="field")
    detail, incident = _reviewed(store, event_id)
    changes: list[tuple[str | None, Any]] = [(None, None)]
    if action == "correct":
        assert field is not None
        published = [s.get("published") for s in incident.sources]
        columns = {field: None} if clear else check_correction(field, value, incident.event, published,
                                                               new_actor=new_actor)
        main = columns.pop(field)
        changes = [*columns.items(), (field, main)]  # the field corrected last: first in the log, newest first
    elif action == "undo":
        changes = [(None, _undoable(store, event_id))]
    return _log(store, detail, incident, action, changes, reviewer, note)[-1]


def record_fusion_change(store: Store, event_id: str, action: str, after: Any, *, reviewer: str,
                         note: str | None = None) -> Review:
    """Log a merge or split an analyst made (``after``: the other event's id, the ids set apart) with the
    reviews, anchored to ``event_id``: the incident's history shows it."""
    if action not in FUSION_ACTIONS:
        raise ValueError(action)
    _check_who(reviewer, note)
    detail, incident = _reviewed(store, event_id)
    return _log(store, detail, incident, action, [(None, after)], reviewer, note)[0]


def _check_who(reviewer: str, note: str | None) -> None:
    if not isinstance(reviewer, str) or not reviewer.strip() or len(reviewer) > MAX_TEXT:
        raise QueryError(f"give the reviewer's name (at most {MAX_TEXT} characters)", field="reviewer")
    if note is not None and (not isinstance(note, str) or len(note) > MAX_NOTE):
        raise QueryError(f"note takes a string of at most {MAX_NOTE} characters", field="note")


def _reviewed(store: Store, event_id: str) -> tuple[Any, StoredEvent]:
    """The stored event ``event_id`` with its document, and its incident as it reads now (fused, corrected)."""
    overlay = review_overlay(store)
    detail = store.event_detail(event_id, overlay)
    if detail is None:
        raise NotFoundError(f"no event with id {event_id!r}", field="event_id")
    incident_id, _ = store.incident_mentions(event_id)
    found = store.events(EventFilter(), overlay=overlay, incident=incident_id or event_id)
    return detail, found[0] if found else detail.stored


def _log(store: Store, detail: Any, incident: StoredEvent, action: str, changes: list[tuple[str | None, Any]],
         reviewer: str, note: str | None) -> list[Review]:
    spans = sorted((e.start, e.end) for e in detail.stored.event.evidence) or [(0, 0)]
    start, end = spans[0]
    anchor = Anchor(detail.document.id, start, end, detail.document.text[start:end])
    now = dt.datetime.now(dt.UTC)
    reviews = [Review(review_id=f"{now:%Y%m%d%H%M%S%f}-{i:02d}{uuid.uuid4().hex[:6]}",  # in the order written
                      event_id=detail.stored.event.event_id,
                      anchor=anchor, action=action, field=field,
                      before=getattr(incident.event, field) if field else None, after=after,
                      reviewer=reviewer.strip(), note=note, reviewed_at=now.isoformat(timespec="microseconds"))
               for i, (field, after) in enumerate(changes)]

    def write() -> None:
        for review in reviews:
            store.add_review(review)
    store.atomically(write)
    return reviews


def _undoable(store: Store, event_id: str) -> list[str]:
    """The ids of the latest review of ``event_id``'s incident not undone yet (every row it logged)."""
    entries = [e.review for e in review_log(store, event_id=event_id)]  # newest first
    undone = {i for r in entries if r.action == "undo" for i in _ids(r.after)}
    left = [r for r in entries if r.action in STATUS_OF_ACTION and r.review_id not in undone]
    if not left:
        raise QueryError("this event has no review left to undo", field="action")
    latest = left[0]
    return [r.review_id for r in left if (r.reviewed_at, r.reviewer) == (latest.reviewed_at, latest.reviewer)]


def _ids(value: Any) -> list[str]:
    return [str(v) for v in value] if isinstance(value, list) else []


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
    correction applied in order; undone reviews and the undo rows themselves skipped, and so is a stored
    correction that would not pass today's checks (no stored value can make a read fail)."""
    undone = {i for r in reviews if r.action == "undo" for i in _ids(r.after)}
    kept = [r for r in reviews if r.action in STATUS_OF_ACTION and r.review_id not in undone]
    values: dict[str, Any] = {}
    for r in kept:
        if r.action == "correct" and r.field is not None and applicable(r.field, r.after):
            values.update(_derived(r.field, r.after))
    last = reviews[-1]
    status = STATUS_OF_ACTION[kept[-1].action] if kept else "unreviewed"
    return ReviewState(status, tuple(values.items()), len(reviews), last.reviewer, last.reviewed_at)


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
        undone = {i for r in reviews if r.action == "undo" for i in _ids(r.after)}
        for r in reviews:
            if r.action == "correct" and r.field is not None and r.review_id not in undone:
                fields.setdefault(r.field, {"before": r.before})["after"] = r.after
        stored = events.get(incident)
        records.append({
            "document_id": reviews[0].anchor.document_id, "anchor": reviews[0].anchor.to_dict(),
            "event_id": incident, "status": state.status, "corrections": fields,
            "reviewers": sorted({r.reviewer for r in reviews}), "reviewed_at": state.reviewed_at,
            "event": stored.to_dict() if stored is not None else None,
        })
    return records

