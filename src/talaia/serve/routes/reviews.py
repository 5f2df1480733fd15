"""Review: accept, reject or correct an event (a bearer token needed); the audit log; gold."""

from __future__ import annotations

import json
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response
from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictFloat, StrictInt, StrictStr

from talaia import api
from talaia.review import CORRECTABLE_FIELDS
from talaia.review.service import MAX_NOTE, MAX_TEXT
from talaia.serve import schemas
from talaia.serve.params import Limit, Offset, db_of, event_filter
from talaia.serve.routes.events import EventId
from talaia.serve.security import require_token
from talaia.store import EventFilter

router = APIRouter(prefix="/api", tags=["review"])
Db = Annotated[str, Depends(db_of)]
Field_ = Literal["event_type", "sub_event_type", "actor1", "actor2", "admin1", "admin2", "location", "latitude",
                 "longitude", "event_date", "fatalities"]
assert set(Field_.__args__) == set(CORRECTABLE_FIELDS)  # type: ignore[attr-defined]


class ReviewRequest(BaseModel):
    """`accept` the event, `reject` it (it is not an event), `correct` one `field` to `value`, or `undo`
    the latest review of its incident (a new row of the audit log)."""

    model_config = ConfigDict(extra="forbid")

    action: Literal["accept", "reject", "correct", "undo"]
    field: Field_ | None = Field(None, description="With `correct`: the field corrected")
    value: StrictStr | StrictInt | StrictFloat | None = Field(
        None, description="With `correct`: the new value, checked like input (a date not after the first "
                          "report, deaths 0 to 100,000, places of the gazetteer, actors of the actor knowledge "
                          "base); required unless `clear`")
    clear: StrictBool = Field(False, description="With `correct` and no value: set actor2, admin1, admin2, "
                                                 "location, coordinates, event_date or fatalities to nothing")
    new_actor: StrictBool = Field(False, description="With `correct` of an actor: take a name the actor "
                                                     "knowledge base does not know, as written")
    reviewer: StrictStr = Field(min_length=1, max_length=MAX_TEXT, description="Who reviews")
    note: StrictStr | None = Field(None, max_length=MAX_NOTE)


@router.post("/events/{event_id}/review",
             response_model=schemas.Event, summary="Review an event (needs the server's bearer token)",
             dependencies=[Depends(require_token)])
def review(event_id: EventId, body: ReviewRequest, db: Db) -> dict[str, Any]:
    """Records the review in the audit log (who, when, the field's value before and after) and
    returns the event as it now reads. Corrections are applied whenever events are read, in every
    endpoint and export, and survive re-extraction and re-fusion (docs/API.md)."""
    return api.review_event(event_id, action=body.action, reviewer=body.reviewer, field=body.field,
                            value=body.value, note=body.note, new_actor=body.new_actor, clear=body.clear,
                            db=db).to_dict()


class MergeRequest(BaseModel):
    """The other event (an id or a unique prefix) that is the same incident."""

    model_config = ConfigDict(extra="forbid")

    other: StrictStr = Field(min_length=4, max_length=64, description="The other event's id")
    reviewer: StrictStr = Field(min_length=1, max_length=MAX_TEXT, description="Who merges")
    note: StrictStr | None = Field(None, max_length=MAX_NOTE)


class SplitRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    reviewer: StrictStr = Field(min_length=1, max_length=MAX_TEXT, description="Who splits")
    note: StrictStr | None = Field(None, max_length=MAX_NOTE)


@router.post("/events/{event_id}/merge", response_model=schemas.Event,
             summary="Make two events one incident (needs the server's bearer token)",
             dependencies=[Depends(require_token)])
def merge(event_id: EventId, body: MergeRequest, db: Db) -> dict[str, Any]:
    """The two incidents become one (kept when fusion runs again), recorded in the audit log; returns the
    merged incident, as every endpoint, export and the dashboard now read it."""
    return api.merge_events(event_id, body.other, db=db, reviewer=body.reviewer, note=body.note).to_dict()


@router.post("/events/{event_id}/split", summary="Set an incident's reports apart (needs the bearer token)",
             dependencies=[Depends(require_token)])
def split(event_id: EventId, body: SplitRequest, db: Db) -> dict[str, Any]:
    """Undo a wrong fusion: the incident's reports (or, given one report's id, that report) are set apart,
    kept when fusion runs again, recorded in the audit log. `{"apart": [ids]}`."""
    return {"apart": api.split_event(event_id, db=db, reviewer=body.reviewer, note=body.note)}


@router.get("/review/queue", response_model=schemas.ReviewQueue,
            summary="Unreviewed events, the least confident first, with why")
def review_queue(where: Annotated[EventFilter, Depends(event_filter)], db: Db, limit: Limit = 50,
                 offset: Offset = 0) -> dict[str, Any]:
    """`{"total", "limit", "offset", "items": [{"confidence", "confidence_from", "reasons", "event"}]}`: the
    events matching the filters that no analyst has reviewed, ordered by the event's `confidence` (lowest
    first; `confidence_from` "signals" where the event has none and it is worked out from the reasons)."""
    return api.review_queue(db=db, where=where, limit=limit, offset=offset).to_dict()


@router.get("/reviews",
            response_model=schemas.ReviewLog, summary="The audit log, newest first")
def reviews(db: Db, event_id: Annotated[str | None, Query(min_length=4, max_length=64)] = None, limit: Limit = 50,
            offset: Offset = 0) -> dict[str, Any]:
    """Every review (or those of `event_id`'s incident): who, when, the action, the field, its
    value before and after, the note, and `applies_to`: the stored event it applies to now."""
    entries = api.review_log(db=db, event_id=event_id, limit=limit, offset=offset)
    return {"limit": limit, "offset": offset, "items": [e.to_dict() for e in entries]}


@router.get("/reviews/gold", summary="Reviewed events as gold, JSON Lines",
            responses={200: {"content": {"application/x-ndjson": {}}}})
def gold(db: Db) -> Response:
    """One JSON object per line and reviewed incident: its anchor document and span, its status,
    its fields after correction, and each corrected field's value before and after."""
    lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in api.review_gold(db=db))
    return Response(lines, media_type="application/x-ndjson",
                    headers={"Content-Disposition": 'attachment; filename="talaia-gold.jsonl"'})
