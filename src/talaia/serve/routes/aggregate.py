"""Events and fatalities per week or month and per area, actor or type."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends

from talaia import api
from talaia.serve import schemas
from talaia.serve.params import db_of, event_filter
from talaia.store import EventFilter

router = APIRouter(prefix="/api", tags=["analysis"])


@router.get("/aggregate",
            response_model=schemas.Aggregate, summary="Events and fatalities per period and group")
def aggregate(where: Annotated[EventFilter, Depends(event_filter)], db: Annotated[str, Depends(db_of)],
              period: Literal["week", "month", "year"] = "week",
              by: Literal["country", "admin1", "admin2", "actor", "event_type", "sub_event_type"] = "admin1",
              ) -> dict[str, Any]:
    """`{"period", "by", "rows": [{"period": "2019-W42", "key": "Michoacán", "events", "fatalities"}],
    "undated"}` over the events matching the filters (corrections applied, rejected events left out)."""
    return api.aggregate_events(db=db, where=where, period=period, by=by).to_dict()
