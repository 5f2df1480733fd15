"""The API's docs page in headless Chromium (Debian's, driven by Playwright; never a browser download):
Swagger UI renders every operation under the server's Content-Security-Policy and asks no other host."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from talaia.serve import ServeSettings, create_app

pytestmark = pytest.mark.slow
CHROMIUM = Path("/usr/bin/chromium")


@pytest.fixture(scope="module")
def server(desk_db: Path) -> Iterator[str]:
    import uvicorn

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    app = create_app(ServeSettings.for_host(desk_db, "127.0.0.1"))
    running = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not running.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    running.should_exit = True
    thread.join(timeout=10)


def test_docs_render_offline_under_the_csp(server: str) -> None:
    if not CHROMIUM.is_file():
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    sync_playwright = pytest.importorskip("playwright.sync_api", reason="playwright is not installed").sync_playwright
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        try:
            page = browser.new_page()
            problems: list[str] = []
            hosts: set[str] = set()
            page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
            page.on("request", lambda r: hosts.add(r.url.split("/")[2]))
            page.goto(f"{server}/docs")
            page.wait_for_selector(".opblock", timeout=20000)
            assert page.locator(".opblock").count() == len(
                [m for path in page.request.get(f"{server}/openapi.json").json()["paths"].values() for m in path])
            assert page.locator(".info .title").inner_text().startswith("Talaia")
        finally:
            browser.close()
    assert hosts == {server.split("/")[2]} and problems == []
