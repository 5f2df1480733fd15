"""The API's routers, one module per resource; :data:`ROUTERS` is what the app includes (a new
resource is a module with a ``router`` and one line here)."""

from __future__ import annotations

from fastapi import APIRouter

from talaia.serve.routes import (
    actors,
    aggregate,
    alerts,
    arrivals,
    docs,
    documents,
    events,
    export,
    meta,
    quotes,
    reviews,
)

ROUTERS: tuple[APIRouter, ...] = (meta.router, events.router, reviews.router, aggregate.router, alerts.router,
                                  documents.router, actors.router, quotes.router, export.router, arrivals.router,
                                  docs.router)

__all__ = ["ROUTERS"]
