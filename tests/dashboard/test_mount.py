"""The dashboard served by ``talaia serve``'s app (no browser needed): the page, its policy, its files."""

from __future__ import annotations

import re
from pathlib import Path

from fastapi.testclient import TestClient

from talaia.dashboard import STATIC_DIR
from talaia.serve import ServeSettings, create_app
from talaia.store.sqlite import SQLiteStore


def _client(tmp_path: Path) -> TestClient:
    db = tmp_path / "empty.db"
    SQLiteStore(db).close()
    return TestClient(create_app(ServeSettings(db)), base_url="http://127.0.0.1")


def test_dashboard_page_with_a_strict_policy(tmp_path: Path) -> None:
    client = _client(tmp_path)
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    policy = page.headers["content-security-policy"]
    assert "script-src 'self';" in policy and "unsafe-inline" not in policy  # stricter than the API's
    assert page.headers["x-content-type-options"] == "nosniff"
    for asset in re.findall(r'(?:src|href)="(/assets/[^"]+)"', page.text):
        assert client.get(asset).status_code == 200, asset
    script = client.get("/assets/app.js")
    assert "javascript" in script.headers["content-type"]
    boundaries = client.get("/assets/boundaries.geojson")
    assert boundaries.status_code == 200 and boundaries.json()["type"] == "FeatureCollection"
    assert client.get("/assets/missing.js").status_code == 404
    assert client.get("/api").status_code == 200  # the API beside it is untouched


def test_dashboard_fetches_nothing_from_elsewhere() -> None:
    """Our own pages and scripts name no other origin (the vendored Leaflet is its upstream file)."""
    for path in STATIC_DIR.glob("*.*"):
        # comments aside, and SVG's namespace (a name, not an address that is fetched)
        text = re.sub(r"(?m)^\s*//[^\n]*$|/\*.*?\*/|<!--.*?-->", "", path.read_text(encoding="utf-8"), flags=re.S)
        text = text.replace('"http://www.w3.org/2000/svg"', "")
        assert not re.search(r"https?://", text), path.name
        if path.suffix == ".js":  # article text never goes in as HTML
            assert not re.search(r"innerHTML|outerHTML|insertAdjacentHTML|document\.write", text), path.name
