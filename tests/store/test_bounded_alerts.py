"""Alerts read only the weekly counts they can need (the areas with events in a judged week, as far back as
a reference reaches): the same report as judging every stored area on its whole history."""

from __future__ import annotations

import datetime as dt

import pytest

from talaia import api
from talaia.analysis.series import counted_series
from talaia.analysis.spikes import AlertSettings, detect_in, weeks_between
from talaia.store import open_store

from .generated import build


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> str:
    db = str(tmp_path_factory.mktemp("alerts") / "alerts.db")
    build(db, 3_000)
    return db


@pytest.mark.parametrize("years_back", [1, 5])
def test_bounded_alerts_are_those_of_every_count(generated: str, years_back: int) -> None:
    db = generated
    settings = AlertSettings(threshold=0.3, years_back=years_back, min_history_weeks=20)
    with open_store(db) as store:
        latest = store.latest_day()
        assert latest is not None
        every = store.series_counts(None, "admin1")
    alerting = set()
    for since in (latest - dt.timedelta(weeks=30), latest):
        for by in ("admin1", "country"):
            judged = weeks_between(since, latest)
            with open_store(db) as store:
                counts = store.series_counts(None, by)
            expected = detect_in(lambda end, only, counts=counts, by=by: counted_series(counts, by, end, only),
                                 judged, by=by, settings=settings, top=0)
            found = api.alerts(db=db, since=since, by=by, settings=settings, top=0)
            assert found == expected, (since, by)
            alerting |= {a.area for a in found.alerts}
    assert len(alerting) > 1  # the comparison judged alerts
    with open_store(db) as store:  # bounded: fewer rows read than every count
        bounded = store.series_counts(None, "admin1", judged=[latest - dt.timedelta(days=latest.weekday())],
                                      since=latest - dt.timedelta(weeks=52))
    assert 0 < len(bounded) < len(every)
