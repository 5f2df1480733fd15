"""Alert reports computed from a store's kept weekly counts (docs/ALERTS.md): the weeks judged, each area's
history read once through the store, the alerting weeks' deadliest events; what :func:`talaia.api.alerts`
serves (and keeps until the store's incidents change)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence

from talaia.analysis.series import Grouping, counted_series, parse_week
from talaia.analysis.spikes import YEAR_WEEKS, AlertReport, AlertSettings, detect, detect_in, top_of, weeks_between
from talaia.store import EventFilter, Store
from talaia.store.filters import iso_date

__all__ = ["alert_report", "since_day"]


def alert_report(store: Store, flt: EventFilter, earliest: dt.date | None, latest: dt.date | None, *,
                 week: str | None, since: str | dt.date | None, by: Grouping, areas: Sequence[str],
                 settings: AlertSettings | None, top: int, until: str | dt.date | None,
                 weeks: Sequence[str]) -> AlertReport:
    """The alerts of the incidents ``flt`` selects (whatever their dates), stored from ``earliest`` to
    ``latest``: the weeks judged as :func:`talaia.api.alerts` describes them."""
    first, last = since_day(since), since_day(until)
    if weeks:
        judged = sorted({parse_week(w, "weeks") for w in weeks})
    elif week is not None:
        judged = [parse_week(week, "week")]
    elif latest is None:
        return detect([], [], by=by, settings=settings)
    else:
        last = min(last or latest, latest)
        first = max(first or last, earliest or last)
        judged = weeks_between(first, last) if first <= last else []
    reach = dt.timedelta(weeks=round((settings or AlertSettings()).years_back * YEAR_WEEKS))
    counts, judged_areas = store.alert_counts(flt, by, judged, areas=areas, reach=reach)
    report = detect_in(lambda end, only: counted_series(counts, by, end, only), judged, by=by, only=areas,
                       settings=settings, top=top)
    if judged_areas is not None:
        report = dataclasses.replace(report, areas=judged_areas)
    if not report.alerts or not top:
        return report
    stored = store.series_events(flt, by, sorted({parse_week(a.week) for a in report.alerts}))
    found = tuple(dataclasses.replace(a, top_events=top_of(stored.get((a.area.key, parse_week(a.week)), ()), top))
                  for a in report.alerts)
    return dataclasses.replace(report, alerts=found)


def since_day(value: str | dt.date | None) -> dt.date | None:
    """A day given as a date or an ISO date string (None stays None)."""
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(iso_date(value, "since"))
