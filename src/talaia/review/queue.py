"""The review queue: the events no analyst has reviewed, the least sure first, each with why it is doubtful.

An event's ``confidence`` (SCHEMA v1.2: a number from 0 to 1 the extractor gives each event) orders the
queue where the event has one; an event stored before it existed gets one from the signals below, the
same ones that are shown as reasons, so an analyst's time goes where the extractor is least sure.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from talaia.store.records import StoredEvent

__all__ = ["QueueItem", "doubts", "queue"]

# (reason, how much it takes off an event's confidence) for an event without a stored confidence
NO_DATE = ("no date", 0.3)
DATE_APPROXIMATE = ("the date is approximate (week or month)", 0.1)
NO_PLACE = ("no place", 0.3)
COUNTRY_ONLY = ("place is a country only", 0.3)
STATE_ONLY = ("place is a state only", 0.25)
NEAR_PLACE = ("place is near the event, not the event's own", 0.1)
DEATHS_DISAGREE = ("reports disagree on deaths ({low} to {high})", 0.2)
ALLEGED = ("the report only alleges it", 0.15)
REPORTED = ("reported, not stated, by the source", 0.05)
UNKNOWN_ACTOR = ("{side} {name!r} is not in the actor knowledge base", 0.1)
ONE_REPORT = ("one report only", 0.05)


@dataclass(frozen=True, slots=True)
class QueueItem:
    """An unreviewed event with the confidence it is queued by, where that came from, and its doubts."""

    stored: StoredEvent
    confidence: float
    source: str  # "extractor": the event's own confidence; "signals": from the reasons below
    reasons: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"confidence": round(self.confidence, 3), "confidence_from": self.source,
                "reasons": list(self.reasons), "event": self.stored.to_dict()}


def doubts(stored: StoredEvent) -> list[tuple[str, float]]:
    """Why an event may be wrong, each reason with its weight (what it takes off a confidence)."""
    e = stored.event
    found: list[tuple[str, float]] = []
    if not e.event_date:
        found.append(NO_DATE)
    elif (e.time_precision or 1) >= 2:
        found.append(DATE_APPROXIMATE)
    if not e.location and e.latitude is None:
        found.append(NO_PLACE)
    elif not e.admin1:
        found.append(COUNTRY_ONLY)
    elif e.geo_precision == 3 or (not e.admin2 and e.location in (None, e.admin1)):
        found.append(STATE_ONLY)
    elif e.geo_precision == 2:
        found.append(NEAR_PLACE)
    if e.fatalities is not None and e.fatalities_high is not None and e.fatalities_high > e.fatalities:
        found.append((DEATHS_DISAGREE[0].format(low=e.fatalities, high=e.fatalities_high), DEATHS_DISAGREE[1]))
    if e.certainty == "alleged":
        found.append(ALLEGED)
    elif e.certainty == "reported":
        found.append(REPORTED)
    for side, name in (("actor 1", e.actor1), ("actor 2", e.actor2)):
        if name and not _known_actor(name):
            found.append((UNKNOWN_ACTOR[0].format(side=side, name=name), UNKNOWN_ACTOR[1]))
    if len(stored.sources) <= 1:
        found.append(ONE_REPORT)
    return found


@functools.lru_cache(maxsize=4096)
def _known_actor(name: str) -> bool:
    from talaia.review.validate import actor_name

    try:
        actor_name(name, None)
    except ValueError:  # QueryError: neither the knowledge base nor ACLED's generic names have it
        return False
    return True


def _confidence(stored: StoredEvent, reasons: Sequence[tuple[str, float]]) -> tuple[float, str]:
    given = getattr(stored.event, "confidence", None)  # SCHEMA v1.2; absent from older events
    if isinstance(given, int | float) and not isinstance(given, bool) and 0 <= given <= 1:
        return float(given), "extractor"
    return max(0.0, 1.0 - sum(weight for _, weight in reasons)), "signals"


def queue(events: Sequence[StoredEvent]) -> list[QueueItem]:
    """The unreviewed ones of ``events``, least confident first (then the most doubts, then newest)."""
    items = []
    for stored in events:
        if stored.review is not None and stored.review.status != "unreviewed":
            continue
        reasons = doubts(stored)
        confidence, source = _confidence(stored, reasons)
        items.append(QueueItem(stored, confidence, source, tuple(r for r, _ in reasons)))
    items.sort(key=lambda q: q.stored.event.event_date or "", reverse=True)
    items.sort(key=lambda q: (q.confidence, -len(q.reasons)))
    return items
