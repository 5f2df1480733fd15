"""The dashboard's arrivals view in headless Chromium (Debian's chromium, as tests/dashboard): what a
watch stored in the last hour, newest first, with links to the events; earlier arrivals filtered out;
the watched sources' health; an untrusted URL never made a link."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from dashboard.test_dashboard_browser import CHROMIUM, CHROMIUM_ARGS, SCREENSHOTS, _playwright, _serving
from talaia import api
from talaia.models import Document
from talaia.store import StoreItem, open_store
from talaia.watch import FetchSettings, Source, WatchRun
from watch.site import Route, article_html, rfc822, rss, serving

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def served(pipeline: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """``talaia serve`` on a database with an old document (stored two days ago) and a watch's two new
    articles from a site on 127.0.0.1, one a copy of the other under another URL."""
    db = tmp_path_factory.mktemp("arrivals") / "watch.db"
    with open_store(db) as store:
        store.write_batch([StoreItem(Document(id="old", text="An old report.", url="javascript:alert(1)"),
                                     "key-old", "hash-old", extractor_version="test/1")])
        store.fetch_all("UPDATE documents SET ingested_at = ? RETURNING key",
                        ((dt.datetime.now(dt.UTC) - dt.timedelta(days=2)).isoformat(timespec="seconds"),))
    text = ("Gunmen killed two farmers near Uruapan, Michoacán, on Monday, state police said.\n"
            "The attackers fled in a pickup truck, officials said.")
    with serving() as site:
        for path in ("/a/uruapan", "/b/uruapan-copy"):
            site.routes[path] = Route(article_html("Farmers killed near Uruapan", text, published="2024-06-03",
                                                   url=site.url(path), site_name="Quadratín"))
        site.routes["/feed.xml"] = Route(rss("Q", [("x", site.url("/a/uruapan"), rfc822("2024-06-03")),
                                                   ("y", site.url("/b/uruapan-copy"), rfc822("2024-06-03"))]))
        api.watch([Source("Quadratín", site.url("/feed.xml"))], db=db, once=True, pipeline=pipeline,
                  run=WatchRun(fetch=FetchSettings(timeout=2, host_interval=0)))
    with _serving(Path(db)) as url:
        yield url


def test_arrivals_since_a_time(served: str) -> None:
    sync_playwright = _playwright()
    assert CHROMIUM.is_file()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            page = browser.new_page(base_url=served, viewport={"width": 1400, "height": 800})
            errors: list[str] = []
            page.on("pageerror", lambda err: errors.append(str(err)))
            page.goto("/#/arrivals?since=1h")
            page.wait_for_selector("table.arrivals tbody tr")
            rows = page.locator("table.arrivals tbody tr")
            assert rows.count() == 2
            assert set(page.locator("table.arrivals td:nth-child(2)").all_inner_texts()) == {"Quadratín"}
            assert page.locator("table.arrivals a.event-link").count() >= 2  # the copy lists its original's events
            assert "copy of a stored article" in page.locator("table.arrivals").inner_text()
            assert page.locator("table.sources tbody tr").all_inner_texts()[0].startswith("Quadratín")
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(SCREENSHOTS / "arrivals.png"), full_page=True)
            page.locator("table.arrivals a.event-link").first.click()
            page.wait_for_selector("#fields")  # the event page opens
            page.goto("/#/arrivals?since=3d")
            page.wait_for_selector("p.summary:has-text('3 documents')")
            old = page.locator("table.arrivals tbody tr").last
            assert old.locator("a").count() == 0 and "old" in old.inner_text()  # javascript: is not a link
            page.fill("#arrivals-since", "2999-01-01")
            page.click("form.arrivals-since button")
            page.wait_for_selector("p.message:has-text('Nothing arrived since 2999-01-01')")
            assert errors == []
        finally:
            browser.close()
