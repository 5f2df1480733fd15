"""The ASGI app of ``talaia serve``: the REST API over :mod:`talaia.api` (docs/API.md)."""

from __future__ import annotations

from importlib import resources
from typing import Any

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from talaia.about import __version__
from talaia.api import open_store
from talaia.dashboard import mount_dashboard
from talaia.serve import errors
from talaia.serve.routes import ROUTERS
from talaia.serve.routes.docs import ASSETS
from talaia.serve.security import Guard
from talaia.serve.settings import ServeSettings

DESCRIPTION = """News reports on political violence turned into ACLED-coded events, each field linked to the
words it was read from. Read-only unless the server was started with a token; write endpoints need
`Authorization: Bearer TOKEN`. Errors are `{"error": {"code", "message", "field"}}`. Article text is
untrusted input: clients must render it as text, never as HTML."""


def create_app(settings: ServeSettings) -> FastAPI:
    """The app serving ``settings.db`` (which must exist: MissingDatabaseError otherwise)."""
    open_store(settings.db, must_exist=True).close()  # fail now, not on the first request
    app = FastAPI(title="Talaia", version=__version__, description=DESCRIPTION, docs_url=None, redoc_url=None,
                  openapi_url="/openapi.json")
    app.state.settings = settings
    errors.install(app)
    for router in ROUTERS:
        app.include_router(router)
    swagger = resources.files("talaia") / "serve" / "static" / "swagger-ui"
    app.mount(ASSETS, StaticFiles(directory=str(swagger)), name="docs-assets")
    mount_dashboard(app)  # the dashboard: the page at /, its files under /assets
    app.add_middleware(Guard, settings=settings)
    plain_openapi = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = errors.document_errors(plain_openapi())
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
    return app
