"""What the server serves: versions, counts, whether it takes writes, and the choices of every parameter."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request

from talaia.about import EXTRACTOR_VERSION, __version__
from talaia.analysis.aggregate import GROUPS, PERIODS
from talaia.api import MAX_PAGE, open_store
from talaia.review import ACTIONS, CORRECTABLE_FIELDS
from talaia.store.filters import CERTAINTIES, REVIEW_STATUSES, EventFilter, acled_types

router = APIRouter(prefix="/api", tags=["meta"])
# what each count counts: an event is an incident, told by one or more reports (the dashboard's count)
COUNT_LABELS = {
    "documents": "stored articles, copies included",
    "reports": "events as each article reports them, before reports of one incident are fused",
    "events": "incidents (reports of one incident fused), the ones analysts marked wrong left out: what the "
              "dashboard, /api/events and the exports count",
    "rejected": "incidents analysts marked wrong", "quotes": "stored quotes", "reviews": "rows of the audit log"}


@router.get("", summary="The server: versions, counts, write access, parameter choices")
def meta(request: Request) -> dict[str, Any]:
    """`counts` labelled by `count_labels` (reports vs incidents). For a client to build its forms:
    ACLED's event types with their sub-types, certainties, review
    statuses and actions, the correctable fields, aggregation periods and groups; `writes`: whether
    the server was started with a token."""
    settings = request.app.state.settings
    with open_store(settings.db, must_exist=True) as store:
        # counted in the database (the kept counts and indexes), not read
        counts = {"documents": store.count("documents"), "reports": store.count("events"),
                  "events": store.count_incidents(rejected=False),
                  "rejected": store.count_incidents(EventFilter(review="rejected")), "quotes": store.count("quotes"),
                  "reviews": store.count_reviews()}
    event_types, sub_types = acled_types()
    return {
        "talaia": __version__, "extractor": EXTRACTOR_VERSION, "database": settings.database_name, "counts": counts,
        "count_labels": COUNT_LABELS,
        "writes": bool(settings.token), "max_page": MAX_PAGE,
        "event_types": {t: [s for s, parent in sub_types.items() if parent == t] for t in event_types},
        "certainties": list(CERTAINTIES), "review_statuses": list(REVIEW_STATUSES), "review_actions": list(ACTIONS),
        "correctable_fields": list(CORRECTABLE_FIELDS), "periods": list(PERIODS), "groups": list(GROUPS),
    }
