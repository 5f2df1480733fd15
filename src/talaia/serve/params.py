"""The query parameters shared by the endpoints that read events: one dependency builds the filter."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Query, Request

from talaia.api import MAX_PAGE
from talaia.store import EventFilter
from talaia.store.filters import CERTAINTIES, REVIEW_STATUSES, acled_types

MAX_TEXT = 200  # the longest name or search a filter takes


def _text(description: str, **schema: object) -> Any:
    """A query parameter taking a name or words (at most MAX_TEXT characters)."""
    return Query(max_length=MAX_TEXT, description=description, json_schema_extra=schema or None)


def event_filter(
    country: Annotated[str | None, _text("A name or an ISO alpha-2/alpha-3 code: Mexico, MX, MEX")] = None,
    admin1: Annotated[str | None, _text("First-level unit (accents and case ignored)")] = None,
    admin2: Annotated[str | None, _text("Second-level unit (accents and case ignored)")] = None,
    event_type: Annotated[str | None, _text("ACLED event type, any case", enum=list(acled_types()[0]))] = None,
    sub_event_type: Annotated[str | None, _text("ACLED sub-event type, any case", enum=list(acled_types()[1]))
                              ] = None,
    actor: Annotated[str | None, _text("Any alias of an actor of the actor knowledge base ('AMLO'), or part of "
                                       "an actor's name")] = None,
    date_from: Annotated[str | None, _text("Earliest event date, YYYY-MM-DD", format="date")] = None,
    date_to: Annotated[str | None, _text("Latest event date, YYYY-MM-DD", format="date")] = None,
    certainty: Annotated[str | None, _text("How sure the report is", enum=list(CERTAINTIES))] = None,
    q: Annotated[str | None, _text("Text searched (accents and case ignored) in the notes, the actors, the place "
                                   "and the evidence")] = None,
    review: Annotated[str | None, _text("Review status", enum=list(REVIEW_STATUSES))] = None,
) -> EventFilter:
    """Every value is checked by :class:`EventFilter` (400 with the parameter's name when it is not valid)."""
    return EventFilter(country=country, admin1=admin1, admin2=admin2, event_type=event_type,
                       sub_event_type=sub_event_type, actor=actor, date_from=date_from, date_to=date_to,
                       certainty=certainty, text=q, review=review)


Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description=f"Page size, 1 to {MAX_PAGE}")]
Offset = Annotated[int, Query(ge=0, le=10**9, description="How many to skip")]


def db_of(request: Request) -> str:
    return str(request.app.state.settings.db)


def count_limit_of(request: Request) -> int | None:
    """The matches an events page's total is counted exactly up to (``talaia serve --count-limit``)."""
    limit: int | None = request.app.state.settings.count_limit
    return limit
