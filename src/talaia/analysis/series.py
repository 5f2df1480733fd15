"""Weekly series of stored events and fatalities per area (a country, admin1, admin2, actor or event type).

Weeks are ISO 8601 weeks (Monday to Sunday, written ``2019-W42``). An area's series runs from the
week of its first stored event to the week asked, every week in between present (zero when nothing
was stored), so a quiet week counts as information, not as a gap. Events come from the store as
incidents (reports of one incident by several documents fused into one), so a story told by ten
outlets counts once. An event dated only to the month (ACLED time precision 3) says nothing about
its week and is left out.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, get_args

from talaia.errors import QueryError
from talaia.models import Event
from talaia.store import StoredEvent
from talaia.store.filters import country_code, fold, suggest

__all__ = ["GROUPINGS", "Area", "Grouping", "WeeklySeries", "check_grouping", "counted_series", "iso_week",
           "monday_of", "parse_week", "weekly_series"]

Grouping = Literal["country", "admin1", "admin2", "actor", "event_type"]
GROUPINGS: tuple[str, ...] = get_args(Grouping)
MONTH_PRECISION = 3  # ACLED's time precision of a date known only to the month

_WEEK = re.compile(r"(\d{4})-?W(\d{1,2})", re.IGNORECASE)


def iso_week(day: dt.date) -> str:
    """The ISO week of ``day``, as ``2019-W42``."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def monday_of(day: dt.date) -> dt.date:
    """The Monday that starts the week of ``day``."""
    return day - dt.timedelta(days=day.weekday())


def parse_week(value: str, field: str = "week") -> dt.date:
    """The Monday of the ISO week ``value`` (``2019-W42``, ``2019W42``); QueryError naming ``field`` otherwise."""
    match = _WEEK.fullmatch(value.strip())
    try:
        if not match:
            raise ValueError
        return dt.date.fromisocalendar(int(match[1]), int(match[2]), 1)
    except ValueError:
        raise QueryError(f"{value!r} is not an ISO week; write it as YYYY-Www (e.g. 2019-W42)", field=field) from None


@dataclass(frozen=True, slots=True)
class Area:
    """What a series counts: the events of one place, actor or event type.

    ``key`` holds the values that identify it, widest first: (country code,) for a country,
    (country code, admin1) for admin1, (country code, admin1, admin2) for admin2, (actor,) or
    (event type,). ``name`` is the narrowest of them and ``label`` all of them, for people.
    """

    by: Grouping
    key: tuple[str, ...]

    @property
    def name(self) -> str:
        return self.key[-1]

    @property
    def label(self) -> str:
        if self.by in {"admin1", "admin2"}:
            return ", ".join((*reversed(self.key[1:]), self.key[0]))
        return self.key[-1]

    def to_dict(self) -> dict[str, Any]:
        fields = {"country": ("country_code",), "admin1": ("country_code", "admin1"),
                  "admin2": ("country_code", "admin1", "admin2"), "actor": ("actor",),
                  "event_type": ("event_type",)}[self.by]
        return {"by": self.by, "label": self.label, **dict(zip(fields, self.key, strict=True))}

    def matches(self, name: str) -> bool:
        """Whether ``name`` (accents and case ignored) is this area's name or label; a country also by
        its name or ISO code ('Mexico', 'MEX')."""
        if self.by == "country":
            try:
                return country_code(name) == self.key[0]
            except QueryError:
                return False
        wanted = fold(name)
        return wanted in {fold(self.name), fold(self.label)}


@dataclass(frozen=True, slots=True)
class WeeklySeries:
    """One area's weekly counts from the week of its first event (``start``, a Monday) on.

    ``events[i]`` and ``fatalities[i]`` are those of the week starting ``start + 7 i`` days;
    ``stored[i]`` the events themselves (for an alert's top events). Fatalities are ACLED's
    reconciled toll of each incident (the lowest reported); an unknown toll counts as 0.
    """

    area: Area
    start: dt.date
    events: tuple[int, ...]
    fatalities: tuple[int, ...]
    stored: tuple[tuple[StoredEvent, ...], ...] = field(repr=False, compare=False, default=())

    def __len__(self) -> int:
        return len(self.events)

    def week(self, index: int) -> str:
        return iso_week(self.start + dt.timedelta(weeks=index))

    def index_of(self, monday: dt.date) -> int:
        """The position of the week starting ``monday`` (negative: before the series starts)."""
        return (monday - self.start).days // 7

    def counts(self, measure: Literal["events", "fatalities"]) -> tuple[int, ...]:
        return self.events if measure == "events" else self.fatalities


def check_grouping(by: str, choices: Sequence[str] = GROUPINGS) -> None:
    """QueryError naming ``by`` unless it is one of ``choices`` (the groupings of a series; aggregation
    takes more)."""
    if by not in choices:
        raise QueryError(f"cannot group by {by!r} (one of: {', '.join(choices)}){suggest(by, choices)}", field="by")


def area_keys(event: Event, by: Grouping) -> list[tuple[str, ...]]:
    """The areas an event counts in: none when the field is unknown; an actor for each side it is on."""
    code = (event.country_code or "").upper()
    if by == "country":
        return [(code,)] if code else []
    if by == "admin1":
        return [(code, event.admin1)] if code and event.admin1 else []
    if by == "admin2":
        return [(code, event.admin1 or "", event.admin2)] if code and event.admin2 else []
    if by == "actor":
        return [(a,) for a in dict.fromkeys(x for x in (event.actor1, event.actor2) if x)]
    return [(event.event_type,)] if event.event_type else []


def weekly_series(stored: Iterable[StoredEvent], by: Grouping, until: dt.date,
                  only: Sequence[str] = ()) -> list[WeeklySeries]:
    """The weekly series of every area of ``by`` among ``stored``, each up to the week of ``until``
    (events after that week are left out), ordered by area label.

    ``only``: names (or labels) of the areas wanted, accents and case ignored; empty: every area.
    """
    check_grouping(by)
    last = monday_of(until)
    weeks: dict[Area, dict[dt.date, list[StoredEvent]]] = {}
    for item in stored:
        e = item.event
        if not e.event_date or e.time_precision >= MONTH_PRECISION:
            continue
        try:
            day = dt.date.fromisoformat(e.event_date[:10])
        except ValueError:
            continue
        monday = monday_of(day)
        if monday > last:
            continue
        for key in area_keys(e, by):
            area = Area(by, key)
            if only and not any(area.matches(name) for name in only):
                continue
            weeks.setdefault(area, {}).setdefault(monday, []).append(item)
    out = []
    for area, by_week in weeks.items():
        start = min(by_week)
        n = (last - start).days // 7 + 1
        items = [tuple(by_week.get(start + dt.timedelta(weeks=i), ())) for i in range(n)]
        out.append(WeeklySeries(area, start, tuple(len(w) for w in items),
                                tuple(sum(s.event.fatalities or 0 for s in w) for w in items), tuple(items)))
    return sorted(out, key=lambda s: (fold(s.area.label), s.area.key))


def counted_series(counts: Iterable[tuple[tuple[str, ...], dt.date, int, int]], by: Grouping, until: dt.date,
                   only: Sequence[str] = (),
                   stored: Mapping[tuple[tuple[str, ...], dt.date], Sequence[StoredEvent]] | None = None
                   ) -> list[WeeklySeries]:
    """:func:`weekly_series` from weekly counts a store keeps: (area key, Monday, events, fatalities) rows;
    ``stored``: the events of some (area key, Monday) weeks, for an alert's top events."""
    check_grouping(by)
    last = monday_of(until)
    by_key: dict[tuple[str, ...], dict[dt.date, tuple[int, int]]] = {}  # keyed by tuples: cheap to hash
    for key, monday, events, fatalities in counts:
        if monday <= last:
            by_key.setdefault(key, {})[monday] = (events, fatalities)
    weeks = {Area(by, key): by_week for key, by_week in by_key.items()}
    if only:
        weeks = {area: by_week for area, by_week in weeks.items() if any(area.matches(name) for name in only)}
    out = []
    for area, by_week in weeks.items():
        start = min(by_week)
        n = (last - start).days // 7 + 1
        weekly_events, weekly_deaths = [0] * n, [0] * n
        for monday, (count, dead) in by_week.items():
            weekly_events[(monday - start).days // 7] = count
            weekly_deaths[(monday - start).days // 7] = dead
        mondays = [start + dt.timedelta(weeks=i) for i in range(n)] if stored else []
        out.append(WeeklySeries(area, start, tuple(weekly_events), tuple(weekly_deaths),
                                tuple(tuple((stored or {}).get((area.key, m), ())) for m in mondays)))
    return sorted(out, key=lambda s: (fold(s.area.label), s.area.key))
