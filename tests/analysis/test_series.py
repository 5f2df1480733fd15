"""Weekly series per area: ISO weeks, zero-filled from the area's first event, month-dated events left out,
an incident told by several documents counted once."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from analysis.synthetic import event, write_history
from talaia.analysis.series import Area, iso_week, parse_week, weekly_series
from talaia.errors import QueryError
from talaia.store.sqlite import SQLiteStore, StoredEvent


def _stored(*events: object) -> list[StoredEvent]:
    return [StoredEvent(e) for e in events]  # type: ignore[arg-type]


def test_iso_weeks_are_read_and_written() -> None:
    assert iso_week(dt.date(2019, 10, 17)) == "2019-W42"
    assert iso_week(dt.date(2021, 1, 3)) == "2020-W53"  # a Sunday belongs to the ISO year of its Thursday
    assert parse_week("2019-W42") == dt.date(2019, 10, 14)
    assert parse_week("2019w42") == dt.date(2019, 10, 14)
    for bad in ("2019-42", "2019-W54", "2019-W53", "last week"):  # 2019 has no week 53
        with pytest.raises(QueryError, match="not an ISO week") as err:
            parse_week(bad)
        assert err.value.field == "week"


def test_series_is_zero_filled_from_the_first_event_to_the_week_asked() -> None:
    stored = _stored(
        event("a", dt.date(2019, 1, 9), "Michoacán", "Aguililla", fatalities=3),
        event("b", dt.date(2019, 1, 10), "Michoacán", "Aguililla", fatalities=None),
        event("c", dt.date(2019, 1, 30), "Michoacán", "Apatzingán", fatalities=2),
        event("d", dt.date(2019, 1, 15), "Michoacán", "Aguililla", time_precision=3),  # only the month known
        event("e", dt.date(2019, 3, 1), "Michoacán", "Aguililla"),  # after the week asked
        event("f", dt.date(2019, 1, 20), "Guerrero", "Acapulco"),
    )
    series = weekly_series(stored, "admin1", dt.date(2019, 2, 6))
    assert [s.area.label for s in series] == ["Guerrero, MX", "Michoacán, MX"]
    michoacan = series[1]
    assert michoacan.start == dt.date(2019, 1, 7)
    assert [michoacan.week(i) for i in range(len(michoacan))] == ["2019-W02", "2019-W03", "2019-W04", "2019-W05",
                                                                  "2019-W06"]
    assert michoacan.events == (2, 0, 0, 1, 0)
    assert michoacan.fatalities == (3, 0, 0, 2, 0)  # an unknown toll counts 0
    assert [s.event.event_id for s in michoacan.stored[0]] == ["a", "b"]
    assert series[0].start == dt.date(2019, 1, 14) and series[0].events == (1, 0, 0, 0)


def test_areas_by_admin2_actor_and_a_chosen_name() -> None:
    stored = _stored(
        event("a", dt.date(2019, 1, 9), "Michoacán", "Aguililla", actor1="CJNG", actor2="Police Forces of Mexico"),
        event("b", dt.date(2019, 1, 9), "Michoacán", "Aguililla", actor1="CJNG", actor2="CJNG"),
        event("c", dt.date(2019, 1, 9), "Guerrero", "Acapulco", actor1="Police Forces of Mexico", actor2=None),
    )
    until = dt.date(2019, 1, 13)
    by_admin2 = weekly_series(stored, "admin2", until)
    assert [(s.area.key, s.area.label) for s in by_admin2] == [
        (("MX", "Guerrero", "Acapulco"), "Acapulco, Guerrero, MX"),
        (("MX", "Michoacán", "Aguililla"), "Aguililla, Michoacán, MX")]
    actors = {s.area.name: s.events for s in weekly_series(stored, "actor", until)}
    assert actors == {"CJNG": (2,), "Police Forces of Mexico": (2,)}  # one count per event, whichever side
    only = weekly_series(stored, "admin1", until, only=["michoacan"])
    assert [s.area.name for s in only] == ["Michoacán"]
    assert [s.area.key for s in weekly_series(stored, "country", until, only=["México"])] == [("MX",)]
    assert weekly_series(stored, "country", until, only=["Narnia"]) == []
    assert Area("admin2", ("MX", "Michoacán", "Aguililla")).to_dict() == {
        "by": "admin2", "label": "Aguililla, Michoacán, MX", "country_code": "MX", "admin1": "Michoacán",
        "admin2": "Aguililla"}
    with pytest.raises(QueryError, match="cannot group by"):
        weekly_series(stored, "city", until)  # type: ignore[arg-type]


def test_an_incident_told_by_two_documents_counts_once(tmp_path: Path) -> None:
    db = tmp_path / "fused.db"
    write_history(db, {("Michoacán", "Aguililla"): [2, 1]})  # documents Aguililla-0 (2 events) and Aguililla-1
    with SQLiteStore(db) as store:
        store.set_incidents({"Aguililla-0-0": "Aguililla-0-0", "Aguililla-0-1": "Aguililla-0-0"})
        series = weekly_series(store.events(), "admin2", dt.date(2017, 1, 9))
        mentions = weekly_series(store.events(fused=False), "admin2", dt.date(2017, 1, 9))
    assert series[0].events == (1, 1) and mentions[0].events == (2, 1)
    assert series[0].fatalities == (0, 1)  # the incident's lowest reported toll (0 and 1 deaths told)
