"""Spikes: the area-weeks with unusually much violence against each area's own history (docs/ALERTS.md),
with the parameters of ``talaia alerts``; and one area's weeks with their expected band."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query

from talaia import api
from talaia.analysis.spikes import AlertSettings
from talaia.errors import QueryError
from talaia.serve import schemas
from talaia.serve.params import MAX_TEXT, db_of
from talaia.store import EventFilter

router = APIRouter(prefix="/api", tags=["analysis"])
Grouping = Literal["country", "admin1", "admin2", "actor", "event_type"]
Week = Annotated[str | None, Query(max_length=16, description="An ISO week, YYYY-Www (e.g. 2019-W42)")]
Since = Annotated[str | None, Query(max_length=10, description="A date, YYYY-MM-DD", json_schema_extra={
    "format": "date"})]
Text = Annotated[str | None, Query(max_length=MAX_TEXT)]
MAX_AREAS = 50


def alert_settings(
    measure: Annotated[Literal["events", "fatalities"], Query(description="What is counted per week")] = "events",
    threshold: Annotated[float | None, Query(gt=0, lt=1, description="Alert when p <= this (default 0.005)")] = None,
    min_count: Annotated[int | None, Query(ge=0, le=10**6, description="A week with fewer never alerts "
                                                                       "(default 3)")] = None,
    min_history: Annotated[int | None, Query(ge=1, le=5200, description="Weeks of history an area needs before "
                                                                        "it can alert (default 52)")] = None,
) -> AlertSettings:
    return AlertSettings.chosen(measure=measure, threshold=threshold, min_count=min_count,
                                min_history_weeks=min_history)


def alert_filter(country: Text = None, admin1: Text = None, event_type: Text = None, actor: Text = None
                 ) -> EventFilter:
    """The events whose areas are judged (their whole history: dates are not a filter here)."""
    return EventFilter(country=country, admin1=admin1, event_type=event_type, actor=actor)


Settings = Annotated[AlertSettings, Depends(alert_settings)]
Where = Annotated[EventFilter, Depends(alert_filter)]
Db = Annotated[str, Depends(db_of)]


@router.get("/alerts", response_model=schemas.AlertReport, response_model_exclude_unset=True,
            summary="Area-weeks with unusually much violence against the area's own history")
def alerts(settings: Settings, where: Where, db: Db, week: Week = None, since: Since = None, until: Since = None,
           by: Grouping = "admin1",
           area: Annotated[list[str], Query(max_length=MAX_AREAS, description="Only these areas (names of `by`'s "
                                                                                "kind); repeatable")] = [],  # noqa: B006
           top: Annotated[int, Query(ge=0, le=50, description="Events listed per alert")] = 3) -> dict[str, Any]:
    """`{"weeks", "by", "areas", "settings", "alerts": [{"area", "week", "observed", "expected", "upper",
    "p_value", "top_events", ...}]}`: the weeks judged are `week`, or every week from `since`'s to
    `until`'s (default: the latest stored event's), else the latest stored event's week (or `until`'s);
    never before the first stored event or after the last. Reviewers' corrections apply; events
    marked wrong are not counted."""
    if week and (since or until):
        raise QueryError("give week, or since and until, not both", field="since")
    if any(len(name) > MAX_TEXT for name in area):
        raise QueryError(f"an area name is at most {MAX_TEXT} characters", field="area")
    return api.alerts(db=db, week=week, since=since, until=until, by=by, where=where, areas=area,
                      settings=settings, top=top).to_dict()


@router.get("/alerts/history", response_model=schemas.AreaHistory, response_model_exclude_unset=True,
            summary="One area's weeks, each with its expected band")
def area_history(settings: Settings, where: Where, db: Db,
                 area: Annotated[str, Query(min_length=1, max_length=MAX_TEXT, description="The area's name (of "
                                                                                          "`by`'s kind)")],
                 by: Grouping = "admin1", since: Since = None,
                 week: Week = None) -> dict[str, Any]:
    """`{"area", "settings", "weeks": [{"week", "events", "fatalities", "observed", "expected", "upper",
    "p_value", "alert"}]}` from the area's first event's week (or `since`'s) to `week` (default: the
    latest stored event's)."""
    return api.area_history(area, db=db, since=since, until=week, by=by, where=where, settings=settings).to_dict()
