"""The query parameters shared by the endpoints that read events: one dependency builds the filter."""

from __future__ import annotations

from typing import Annotated

from fastapi import Query, Request

from talaia.api import MAX_PAGE
from talaia.store.filters import CERTAINTIES, REVIEW_STATUSES, acled_types
from talaia.store.sqlite import EventFilter

# what the OpenAPI document says a value looks like; EventFilter checks it (in any case, with hints)
DATE = {"format": "date"}


def _one_of(values: tuple[str, ...] | list[str]) -> dict[str, object]:
    return {"enum": list(values)}


def event_filter(
    country: Annotated[str | None, Query(description="A name or an ISO alpha-2/alpha-3 code: Mexico, MX, MEX")] = None,
    admin1: Annotated[str | None, Query(description="First-level unit (accents and case ignored)")] = None,
    admin2: Annotated[str | None, Query(description="Second-level unit (accents and case ignored)")] = None,
    event_type: Annotated[str | None, Query(description="ACLED event type, any case",
                                            json_schema_extra=_one_of(acled_types()[0]))] = None,
    sub_event_type: Annotated[str | None, Query(description="ACLED sub-event type, any case",
                                                json_schema_extra=_one_of(list(acled_types()[1])))] = None,
    actor: Annotated[str | None, Query(
        description="Any alias of an actor of the actor knowledge base ('AMLO'), or part of an actor's name")] = None,
    date_from: Annotated[str | None, Query(description="Earliest event date, YYYY-MM-DD", json_schema_extra=DATE)
                         ] = None,
    date_to: Annotated[str | None, Query(description="Latest event date, YYYY-MM-DD", json_schema_extra=DATE)] = None,
    certainty: Annotated[str | None, Query(description="How sure the report is",
                                           json_schema_extra=_one_of(CERTAINTIES))] = None,
    q: Annotated[str | None, Query(max_length=200, description=(
        "Text searched (accents and case ignored) in the notes, the actors, the place and the evidence"))] = None,
    review: Annotated[str | None, Query(description="Review status", json_schema_extra=_one_of(REVIEW_STATUSES))
                      ] = None,
) -> EventFilter:
    """Every value is checked by :class:`EventFilter` (400 with the parameter's name when it is not valid)."""
    return EventFilter(country=country, admin1=admin1, admin2=admin2, event_type=event_type,
                       sub_event_type=sub_event_type, actor=actor, date_from=date_from, date_to=date_to,
                       certainty=certainty, text=q, review=review)


Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description=f"Page size, 1 to {MAX_PAGE}")]
Offset = Annotated[int, Query(ge=0, le=10**9, description="How many to skip")]


def db_of(request: Request) -> str:
    return str(request.app.state.settings.db)
