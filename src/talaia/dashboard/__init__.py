"""The analyst's dashboard: plain JavaScript modules and CSS in ``static/`` (no build step), Leaflet
vendored, the base map from :mod:`talaia.maps`; everything is served by ``talaia serve``'s app.

``mount_dashboard(app)`` adds three things to a FastAPI (Starlette) app:

* ``/`` the page (``static/index.html``), with a Content-Security-Policy that allows only the
  app's own scripts and styles: article text is rendered as text by the scripts, and the policy
  is a second wall should a script ever put it in as HTML;
* ``/assets/boundaries.geojson`` the packaged country and state boundaries;
* ``/assets/…`` the static files.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from talaia.maps import BOUNDARIES_FILE

if TYPE_CHECKING:
    from starlette.applications import Starlette

__all__ = ["CONTENT_SECURITY_POLICY", "STATIC_DIR", "mount_dashboard"]

STATIC_DIR = Path(str(resources.files("talaia.dashboard") / "static"))

# 'self' only: no inline script, no inline handler, no other origin; Leaflet sets element styles
# from script (allowed: the policy governs style sheets and style attributes written as markup)
CONTENT_SECURITY_POLICY = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                           "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
                           "frame-ancestors 'none'")
# the page's own policy, stricter than the API's (no inline style either); serve's Guard adds the rest
_PAGE_HEADERS = {"Content-Security-Policy": CONTENT_SECURITY_POLICY, "Cache-Control": "no-cache"}


def mount_dashboard(app: Starlette) -> None:
    """Serve the dashboard from ``app``: the page at ``/``, its files under ``/assets``."""
    from starlette.responses import FileResponse
    from starlette.routing import Mount, Route
    from starlette.staticfiles import StaticFiles

    async def page(_request: object) -> FileResponse:
        return FileResponse(STATIC_DIR / "index.html", media_type="text/html", headers=_PAGE_HEADERS)

    async def boundaries(_request: object) -> FileResponse:
        return FileResponse(BOUNDARIES_FILE, media_type="application/geo+json",
                            headers={"Cache-Control": "max-age=86400"})

    app.router.routes.extend([
        Route("/", page, methods=["GET"], name="dashboard"),
        Route("/assets/boundaries.geojson", boundaries, methods=["GET"], name="dashboard_boundaries"),
        Mount("/assets", StaticFiles(directory=STATIC_DIR), name="dashboard_assets"),
    ])
