"""What the event page shows beside an incident: each report's text with the spans it was read from,
labelled by the field they tell in the incident's own coding (talaia.api.event_record builds it)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from talaia.kb import alias_key
from talaia.models import Document, Event
from talaia.review.service import ReviewLogEntry
from talaia.store.records import StoredEvent

__all__ = ["EventDocument", "EventRecord", "EvidenceSpan", "report_spans"]


@dataclass(frozen=True, slots=True)
class EvidenceSpan:
    """A span of a document's text an event was read from; ``field``: the field it tells, where known."""

    start: int
    end: int
    text: str
    field: str | None = None

    def to_dict(self) -> dict[str, object]:
        return {"start": self.start, "end": self.end, "text": self.text, "field": self.field}


@dataclass(frozen=True, slots=True)
class EventDocument:
    """A document that reports an event, with the spans of its text the event was read from (none for
    a duplicate: its text may differ from the original the spans index)."""

    document: Document
    event_id: str | None  # the document's own stored event of the incident (None for a duplicate)
    evidence: tuple[EvidenceSpan, ...]

    def to_dict(self) -> dict[str, object]:
        d = self.document
        return {"document_id": d.id, "title": d.title, "source": d.source, "url": d.url,
                "published": d.published.isoformat() if d.published else None, "language": d.language,
                "text": d.text, "event_id": self.event_id, "evidence": [s.to_dict() for s in self.evidence]}


@dataclass(frozen=True, slots=True)
class EventRecord:
    """An event (its incident, fused and corrected) with its documents' texts and evidence, and its reviews."""

    stored: StoredEvent
    documents: tuple[EventDocument, ...]
    reviews: tuple[ReviewLogEntry, ...]
    quotes: tuple[Mapping[str, Any], ...] = ()  # what was said about it (talaia.quotes.incidents), as Store.quotes

    def to_dict(self) -> dict[str, object]:
        return self.stored.to_dict() | {"documents": [d.to_dict() for d in self.documents],
                                        "review_history": [r.to_dict() for r in self.reviews],
                                        "quotes": [dict(q) for q in self.quotes]}


def report_spans(report: Event, incident: Event, text: str) -> tuple[EvidenceSpan, ...]:
    """A report's evidence and participants as spans of its ``text``, labelled with the field they tell in
    the incident's own coding: a participant is actor1 or actor2 where the report's actor on that side is
    the incident's actor1 or actor2 (resolved through the actor knowledge base), else a plain
    'participant'; the incident's place is marked where a report's evidence names it."""
    spans = [EvidenceSpan(e.start, e.end, text[e.start:e.end]) for e in dict.fromkeys(report.evidence)]
    for name, mentions in ((report.actor1, report.actor1_mentions), (report.actor2, report.actor2_mentions)):
        side = incident_side(name, incident)
        spans += [EvidenceSpan(m.start, m.end, text[m.start:m.end], side) for m in mentions]
    if incident.location:
        from talaia.text import fold

        folded = fold(text)
        for wanted in dict.fromkeys(fold(p) for p in (incident.location, incident.admin2) if p):
            at = next((a for e in dict.fromkeys(report.evidence)
                       if (a := folded.find(wanted, e.start, e.end) if len(folded) == len(text) else -1) >= 0), -1)
            if at >= 0:
                spans.append(EvidenceSpan(at, at + len(wanted), text[at:at + len(wanted)], "location"))
                break
    return tuple(sorted(dict.fromkeys(spans), key=lambda s: (s.start, s.end, s.field or "")))


def incident_side(name: str | None, incident: Event) -> str:
    """Which of the incident's actors the report's actor ``name`` is: 'actor1', 'actor2' or 'participant'."""
    if not name:
        return "participant"
    from talaia.api import actor_kb

    kb = actor_kb()
    key = getattr(kb.resolve(name), "id", None) or alias_key(name)
    for side, other in (("actor1", incident.actor1), ("actor2", incident.actor2)):
        if other and key == (getattr(kb.resolve(other), "id", None) or alias_key(other)):
            return side
    return "participant"
