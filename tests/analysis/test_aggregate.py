"""Events and fatalities per ISO week or month and per group, on hand-built events."""

from __future__ import annotations

import dataclasses

import pytest

from talaia.analysis.aggregate import aggregate, period_of
from talaia.errors import QueryError
from talaia.models import Event
from talaia.store.overlay import ReviewState
from talaia.store.sqlite import StoredEvent


def _stored(date: str | None, admin1: str | None, deaths: int | None, actor2: str | None = "Civilians (Mexico)",
            status: str | None = None) -> StoredEvent:
    event = Event(
        event_id=f"{date}-{admin1}", event_date=date, time_precision=1, event_type="Violence against civilians",
        sub_event_type="Attack", actor1="Sinaloa Cartel", actor2=actor2, inter1="Political militia",
        inter2="Civilians", assoc_actor_1=(), assoc_actor_2=(), country="Mexico", country_code="MX", admin1=admin1,
        admin2=None, location=admin1, latitude=None, longitude=None, geo_precision=3, fatalities=deaths,
        fatalities_high=None, certainty="stated", notes="", evidence=())
    return StoredEvent(event, review=ReviewState(status) if status else None)


EVENTS = [
    _stored("2019-10-14", "Michoacán", 13), _stored("2019-10-17", "Michoacán", 14),  # ISO week 42
    _stored("2019-10-17", "Sinaloa", None), _stored("2019-10-21", "Michoacán", 1),  # week 43
    _stored(None, "Michoacán", 5), _stored("2019-10-15", "Michoacán", 100, status="rejected"),
    _stored("2019-12-30", None, 2, actor2="Sinaloa Cartel"),  # ISO week 1 of 2020, December 2019
]


def test_period_of_is_the_iso_week_or_the_month() -> None:
    assert period_of("2019-10-14", "week") == "2019-W42" and period_of("2019-12-30", "week") == "2020-W01"
    assert period_of("2019-12-30", "month") == "2019-12" and period_of("2021-01-03", "week") == "2020-W53"


def test_per_week_and_admin1() -> None:
    result = aggregate(EVENTS, period="week", by="admin1")
    rows = [(r.period, r.key, r.events, r.fatalities) for r in result.rows]
    assert rows == [("2019-W42", "Michoacán", 2, 27), ("2019-W42", "Sinaloa", 1, 0), ("2019-W43", "Michoacán", 1, 1),
                    ("2020-W01", None, 1, 2)]
    assert result.undated == 1  # the rejected event is not counted at all
    assert result.to_dict()["rows"][0] == {"period": "2019-W42", "key": "Michoacán", "events": 2, "fatalities": 27}


def test_per_month_and_actor_counts_each_distinct_actor_once() -> None:
    rows = {(r.period, r.key): r.events for r in aggregate(EVENTS, period="month", by="actor").rows}
    assert rows[("2019-10", "Sinaloa Cartel")] == 4 and rows[("2019-10", "Civilians (Mexico)")] == 4
    assert rows[("2019-12", "Sinaloa Cartel")] == 1  # on both sides, counted once


def test_unknown_period_or_group() -> None:
    for kwargs in ({"period": "decade"}, {"by": "weather"}):
        with pytest.raises(QueryError) as info:
            aggregate(EVENTS, **kwargs)
        assert info.value.field == next(iter(kwargs))


def test_empty() -> None:
    assert aggregate([]).rows == () and dataclasses.asdict(aggregate([]))["undated"] == 0
