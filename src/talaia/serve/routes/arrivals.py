"""What arrived: the documents stored since a time (a watch's new articles, or an ingest's), and the
health of the sources ``talaia watch`` polls into this database."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query

from talaia import api
from talaia.serve.params import db_of
from talaia.serve.schemas import _Model, record_model
from talaia.store.watchstate import Arrival, SourceState

router = APIRouter(prefix="/api", tags=["watch"])
MAX_ARRIVALS = 1000

ArrivalModel = record_model("Arrival", Arrival)
SourceModel = record_model("WatchedSource", SourceState)


class Arrivals(_Model):
    since: str
    count: int
    items: list[ArrivalModel]  # type: ignore[valid-type]


class WatchedSources(_Model):
    items: list[SourceModel]  # type: ignore[valid-type]


@router.get("/arrivals", response_model=Arrivals, summary="The documents stored since a time, with their events")
def arrivals(db: Annotated[str, Depends(db_of)],
             since: Annotated[str, Query(max_length=40, description="An ISO date or time (UTC unless it says: "
                                                                    "2026-12-07, 2026-12-07T09:30) or a duration "
                                                                    "back from now (90m, 6h, 2d)")] = "1d",
             limit: Annotated[int, Query(ge=1, le=MAX_ARRIVALS, description="At most this many, newest "
                                                                            "first")] = 200) -> dict[str, Any]:
    """`{"since", "count", "items": [{"doc_id", "title", "source", "url", "published", "ingested_at",
    "duplicate_of", "events", "event_ids"}]}`: newest first; a copy of a stored article lists its
    original's events. 400 for a `since` that is neither a time nor a duration."""
    moment = api.since_moment(since)
    items = [a.to_dict() for a in api.arrivals(moment, db=db, limit=limit)]
    return {"since": moment.isoformat(timespec="seconds"), "count": len(items), "items": items}


@router.get("/watch/sources", response_model=WatchedSources, summary="The sources talaia watch polls, with their "
                                                                     "health")
def watched_sources(db: Annotated[str, Depends(db_of)]) -> dict[str, Any]:
    """Each source a watch has polled into this database: last poll, success and error, consecutive
    failures, articles seen and ingested, next poll."""
    return {"items": [s.to_dict() for s in api.watched_sources(db=db)]}
