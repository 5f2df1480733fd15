"""Events: a filtered page, the same as GeoJSON, and one event with its documents and reviews."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query

from talaia import api
from talaia.errors import QueryError
from talaia.serve import schemas
from talaia.serve.params import Limit, Offset, count_limit_of, db_of, event_filter
from talaia.store import EventFilter

router = APIRouter(prefix="/api", tags=["events"])
Filter = Annotated[EventFilter, Depends(event_filter)]
Db = Annotated[str, Depends(db_of)]
EventId = Annotated[str, Path(min_length=4, max_length=64, description="An event id, or a unique prefix of "
                                                                         "at least 4 characters")]


@router.get("/events",
            response_model=schemas.EventPage, summary="Events matching the filters, newest first")
def list_events(where: Filter, db: Db, count_limit: Annotated[int | None, Depends(count_limit_of)],
                limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    """One event per incident (reports of one incident fused), reviewers' corrections applied:
    `{"total", "total_is_lower_bound", "limit", "offset", "items": [event]}`; each event has the fields of
    SCHEMA.md plus `sources` and `review`. `total` is counted exactly up to the server's count limit
    (`talaia serve --count-limit`, 10,000 by default); beyond it, it is a lower bound and
    `total_is_lower_bound` is true (a text or actor search on a large store: the matches among the newest
    incidents)."""
    return api.search_events(db=db, where=where, limit=limit, offset=offset, count_limit=count_limit).to_dict()


@router.get("/events.geojson", summary="Events matching the filters with coordinates, as GeoJSON")
def events_geojson(where: Filter, db: Db, limit: Limit = api.MAX_PAGE, offset: Offset = 0,
                   zoom: Annotated[int, Query(ge=0, le=18, description="The map's zoom level: the size of the "
                                                                       "clusters' cells")] = 4,
                   bbox: Annotated[str | None, Query(description="Only this box: west,south,east,north (degrees)",
                                                     max_length=100)] = None,
                   cluster: Annotated[bool, Query(description="Beyond `limit` located events, send clusters")] = True,
                   ) -> dict[str, Any]:
    """A FeatureCollection of Point features (the events with coordinates among the page asked for);
    each feature's properties are the event as `/api/events` gives it. `total` counts every event
    matching the filters (with or without coordinates). When more than `limit` events with coordinates
    match (and `cluster`, on the first page), the features are clusters instead: one per cell of a grid
    whose cells halve with each `zoom` level, at the mean position of its events, with
    `{"cluster": true, "count", "fatalities"}`, and `clustered` is true."""
    return api.map_features(db=db, where=where, limit=limit, offset=offset, zoom=zoom, bbox=_bbox(bbox),
                            cluster=cluster)


def _bbox(value: str | None) -> tuple[float, float, float, float] | None:
    if not value:
        return None
    try:
        west, south, east, north = (float(v) for v in value.split(","))
    except ValueError:
        raise QueryError(f"bbox {value!r} is not four numbers west,south,east,north", field="bbox") from None
    return west, south, east, north


@router.get("/events/{event_id}",
            response_model=schemas.EventDetail, summary="One event with its documents, evidence and reviews")
def show_event(event_id: EventId, db: Db) -> dict[str, Any]:
    """The event as its incident (fused, corrected), every document that reports it with its full
    text and the evidence spans in it (`field`: the field a span tells, where known), and its
    `review_history` (newest first). 404 for an unknown id."""
    return api.event_record(event_id, db=db).to_dict()


@router.get("/events/{event_id}/followups",
            response_model=list[schemas.FollowUp], summary="The follow-up reports linked to an event's incident")
def event_followups(event_id: EventId, db: Db) -> list[dict[str, Any]]:
    """Reports with no event of their own whose words refer back to the incident ("the toll rose to 23",
    "arrested over the massacre"): each with those words (`phrase`, of `kind`), the figure they give,
    and fusion's score of the report against the event it is linked to, with its `reasons`. 404 for an
    unknown id."""
    return [link.to_dict() for link in api.incident_followups(event_id, db=db)]
