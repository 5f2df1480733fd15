"""Actors of the actor knowledge base, with the stored events and quotes that name them."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query

from talaia import api
from talaia.serve import schemas
from talaia.serve.params import Limit, Offset, db_of

router = APIRouter(prefix="/api", tags=["actors"])
Db = Annotated[str, Depends(db_of)]


def actor_dict(found: api.ActorCount) -> dict[str, Any]:
    return found.actor.to_dict() | {"events": found.events, "quotes": found.quotes, "names": list(found.names)}


@router.get("/actors",
            response_model=schemas.ActorPage, summary="Actors found by any alias, with event and quote counts")
def actors(db: Db, q: Annotated[str | None, Query(max_length=200, description="Any part of any alias")] = None,
           limit: Limit = 100, offset: Offset = 0) -> dict[str, Any]:
    """`items`: the knowledge base's actors (the one `q` names first), each with its aliases, the
    stored events and quotes that name it and the stored names that resolved to it; `unknown`:
    stored names no actor has, with their counts (paged as `items`; `unknown_total` of them). An actor's
    `events` are incidents (an incident once, whichever side names it; rejected ones left out): the
    events its page lists."""
    listing = api.list_actors(q, db=db)
    return {"total": len(listing.known), "limit": limit, "offset": offset,
            "items": [actor_dict(a) for a in listing.known[offset:offset + limit]],
            "unknown_total": len(listing.unknown),
            "unknown": [{"name": n, "events": e, "quotes": c} for n, e, c in listing.unknown[offset:offset + limit]]}


@router.get("/actors/{name:path}",
            response_model=schemas.ActorDetail, summary="One actor, by its id or any alias, with its latest events")
def actor(name: Annotated[str, Path(max_length=200)], db: Db,
          limit: Annotated[int, Query(ge=1, le=api.MAX_PAGE)] = 20, offset: Offset = 0) -> dict[str, Any]:
    """The actor with its counts, and a page of its events (newest first): the incidents its `events`
    counts. 404 when the knowledge base has no actor of that name."""
    found, page = api.actor_events(name, db=db, limit=limit, offset=offset)
    return actor_dict(found) | {"latest_events": page.to_dict()}
