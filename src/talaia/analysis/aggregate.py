"""Events and fatalities per period (ISO week, month or year) and per area, actor or type.

Counts are of incidents (fused events), reviewers' corrections applied, events they rejected left
out. An event without a date is in no period and is counted in ``undated``; an event counts once
for each distinct actor on its sides when grouped by actor, and under ``key`` null when it has no
value for the grouping (no admin2, no actor).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from talaia.analysis.series import check_grouping, iso_week
from talaia.errors import QueryError
from talaia.models import Event
from talaia.store import StoredEvent

__all__ = ["GROUPS", "PERIODS", "Aggregate", "AggregateRow", "aggregate", "check_aggregation", "counted_aggregate",
           "period_of"]

PERIODS = ("week", "month", "year")
GROUPS = ("country", "admin1", "admin2", "actor", "event_type", "sub_event_type")


@dataclass(frozen=True, slots=True)
class AggregateRow:
    period: str  # '2019-W42' (ISO week) or '2019-10'
    key: str | None
    events: int
    fatalities: int  # the events' lowest reported tolls summed (ACLED's rule), unknown tolls as 0

    def to_dict(self) -> dict[str, object]:
        return {"period": self.period, "key": self.key, "events": self.events, "fatalities": self.fatalities}


@dataclass(frozen=True, slots=True)
class Aggregate:
    period: str
    by: str
    rows: tuple[AggregateRow, ...]  # by period, then by key (null last)
    undated: int = 0  # events in no period

    def to_dict(self) -> dict[str, object]:
        return {"period": self.period, "by": self.by, "rows": [r.to_dict() for r in self.rows],
                "undated": self.undated}


def period_of(date: str, period: str) -> str:
    """The ISO week ('2019-W42'), month ('2019-10') or year ('2019') of an ISO date."""
    day = dt.date.fromisoformat(date[:10])
    if period == "week":
        return iso_week(day)
    if period == "year":
        return str(day.year)
    return f"{day.year}-{day.month:02d}"


def _keys(event: Event, by: str) -> list[str | None]:
    if by == "actor":
        return list(dict.fromkeys(a for a in (event.actor1, event.actor2) if a)) or [None]
    value = getattr(event, by)
    return [value or None]


def check_aggregation(period: str, by: str) -> None:
    """QueryError naming ``period`` or ``by`` when either is not one of the choices."""
    if period not in PERIODS:
        raise QueryError(f"unknown period {period!r} (one of: {', '.join(PERIODS)})", field="period")
    check_grouping(by, GROUPS)


def aggregate(events: Sequence[StoredEvent], *, period: str = "week", by: str = "admin1") -> Aggregate:
    """Events and fatalities per ``period`` (week or month) and per value of ``by``."""
    check_aggregation(period, by)
    tally: dict[tuple[str, str | None], list[int]] = {}
    undated = 0
    for stored in events:
        if stored.rejected:
            continue
        event = stored.event
        if not event.event_date:
            undated += 1
            continue
        when = period_of(event.event_date, period)
        for key in _keys(event, by):
            counts = tally.setdefault((when, key), [0, 0])
            counts[0] += 1
            counts[1] += event.fatalities or 0
    rows = tuple(AggregateRow(p, k, n, f) for (p, k), (n, f) in
                 sorted(tally.items(), key=lambda item: (item[0][0], item[0][1] is None, item[0][1] or "")))
    return Aggregate(period, by, rows, undated)


def counted_aggregate(rows: Sequence[tuple[str, str | None, int, int]], undated: int, *, period: str = "week",
                      by: str = "admin1") -> Aggregate:
    """An :class:`Aggregate` from (period, key, events, fatalities) rows a store grouped (the same rows,
    in the same order, as :func:`aggregate` of the incidents)."""
    check_aggregation(period, by)
    ordered = sorted(rows, key=lambda r: (r[0], r[1] is None, r[1] or ""))
    return Aggregate(period, by, tuple(AggregateRow(p, k, n, f) for p, k, n, f in ordered), undated)
