"""Quotes: what was said, by whom (any alias of a known speaker)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query

from talaia import api
from talaia.serve import schemas
from talaia.serve.params import Limit, Offset, db_of

router = APIRouter(prefix="/api", tags=["quotes"])


@router.get("/quotes",
            response_model=schemas.QuotePage, summary="Stored quotes, optionally of one speaker")
def quotes(db: Annotated[str, Depends(db_of)],
           speaker: Annotated[str | None, Query(max_length=200, description=(
               "Any alias of an actor of the knowledge base ('AMLO'), or part of the speaker's name"))] = None,
           event: Annotated[str | None, Query(min_length=4, max_length=64, description=(
               "Only the quotes about this event (an id or a unique prefix): next to the evidence of a report of "
               "its incident"))] = None,
           limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    """`{"total", "limit", "offset", "items": [{"document_id", "text", "start", "end", "speaker", "cue",
    "direct", "certainty", "event_id"}]}`; `certainty` is 'stated' or 'reported' (second-hand: 'reportedly',
    'according to', an unnamed source), `event_id` the stored event the quote speaks about."""
    rows = api.list_quotes(db=db, speaker=speaker, event=event)
    return {"total": len(rows), "limit": limit, "offset": offset, "items": rows[offset:offset + limit]}
