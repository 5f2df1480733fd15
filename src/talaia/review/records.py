"""The review records: one entry of the audit log, and the fields an analyst may correct."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

__all__ = ["ACTIONS", "CORRECTABLE_FIELDS", "Anchor", "Review"]

ACTIONS = ("accept", "reject", "correct", "undo")  # undo: the latest review of the incident, as a new row
CORRECTABLE_FIELDS = ("event_type", "sub_event_type", "actor1", "actor2", "admin1", "admin2", "location",
                      "latitude", "longitude", "event_date", "fatalities")
STATUS_OF_ACTION = {"accept": "accepted", "reject": "rejected", "correct": "corrected"}


@dataclass(frozen=True, slots=True)
class Anchor:
    """What a review is keyed to, stable across re-extraction and re-fusion: the reviewed event's
    document (the input's own id) and the event's first evidence span there (offsets and words)."""

    document_id: str
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"document_id": self.document_id, "start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True, slots=True)
class Review:
    """One entry of the audit log: who did what to which event, when, and the value before and after.

    ``event_id`` is the id the event had when it was reviewed; ``before``/``after`` are the field's
    values (None for accept and reject)."""

    review_id: str
    event_id: str
    anchor: Anchor
    action: str
    field: str | None
    before: Any
    after: Any
    reviewer: str
    note: str | None
    reviewed_at: str

    def to_dict(self) -> dict[str, Any]:
        return {"review_id": self.review_id, "event_id": self.event_id, "action": self.action, "field": self.field,
                "before": self.before, "after": self.after, "reviewer": self.reviewer, "note": self.note,
                "reviewed_at": self.reviewed_at, "anchor": self.anchor.to_dict()}

    def row(self) -> tuple[Any, ...]:
        """The values of a ``reviews`` row, in :data:`REVIEW_COLUMNS` order."""
        return (self.review_id, self.event_id, self.anchor.document_id, self.anchor.start, self.anchor.end,
                self.anchor.text, self.action, self.field, json.dumps(self.before, ensure_ascii=False),
                json.dumps(self.after, ensure_ascii=False), self.reviewer, self.note, self.reviewed_at)

    @classmethod
    def from_row(cls, row: Any) -> Review:
        return cls(review_id=row["review_id"], event_id=row["event_id"],
                   anchor=Anchor(row["document_id"], row["anchor_start"], row["anchor_end"], row["anchor_text"]),
                   action=row["action"], field=row["field"], before=json.loads(row["before_value"] or "null"),
                   after=json.loads(row["after_value"] or "null"), reviewer=row["reviewer"], note=row["note"],
                   reviewed_at=row["reviewed_at"])


REVIEW_COLUMNS = ("review_id", "event_id", "document_id", "anchor_start", "anchor_end", "anchor_text", "action",
                  "field", "before_value", "after_value", "reviewer", "note", "reviewed_at")
