"""The analyst's desk, round 2, in headless Chromium against ``talaia serve`` on a fresh copy of the samples'
database per test: a rejected event leaves the table, map, timeline, brief and export at once; a merge is
seen everywhere; bad corrections are refused with a clear message and the database still reads; the
filtered view exports; the review queue is ordered by confidence; the alerts follow the date filter."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from dashboard.test_dashboard_browser import CHROMIUM, CHROMIUM_ARGS, TOKEN, _get, _playwright, _serving

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    sync_playwright = _playwright()
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture()
def served(desk_db: Path, tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """``talaia serve`` with the review token on a fresh copy of the samples' database: (its URL, the copy)."""
    db = tmp_path / "desk.db"
    with sqlite3.connect(desk_db) as source, sqlite3.connect(db) as target:
        source.backup(target)
    with _serving(db) as url:
        yield url, db


@pytest.fixture()
def page(browser, served: tuple[str, Path]):  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, base_url=served[0],
                                  accept_downloads=True)
    tab = context.new_page()
    tab.errors = []
    tab.on("pageerror", lambda err: tab.errors.append(str(err)))
    yield tab
    context.close()


def _api(url: str, path: str) -> dict[str, object]:
    return dict(json.loads(_get(url + path)))


def _overview(page, query: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"/#/?{query}")
    page.wait_for_selector(f'section.overview[data-shown^="{query.split("&")[0]}"]')


def _timeline_events(page) -> int:  # type: ignore[no-untyped-def]
    """The events the timeline's bars count (each bar's title: 'PERIOD: N events, ...'), and the undated."""
    titles = page.evaluate("[...document.querySelectorAll('svg.timeline rect.bar title')].map((t) => t.textContent)")
    undated = page.locator("#undated").all_inner_texts()
    return sum(int(t.split(": ")[1].split()[0]) for t in titles) + sum(int(u.split()[0]) for u in undated)


def _shown_ids(page) -> tuple[set[str], set[str]]:  # type: ignore[no-untyped-def]
    table = {r.get_attribute("data-event-id") for r in page.locator("#events-table tbody tr").all()}
    markers = {m.get_attribute("data-event-id") for m in page.locator("path.event-marker").all()}
    return {i for i in table if i}, {i for i in markers if i}


def _type_token(page) -> None:  # type: ignore[no-untyped-def]
    page.fill("#review-token", TOKEN)  # typed, not "Use"d: it takes effect on the first action
    page.fill("#reviewer", "browser test")


def test_a_rejected_event_leaves_table_map_timeline_brief_and_export_at_once(  # type: ignore[no-untyped-def]
        page, served: tuple[str, Path], tmp_path: Path) -> None:
    url, db = served
    query = "admin1=Michoac%C3%A1n"
    _overview(page, query)
    table, markers = _shown_ids(page)
    events = _timeline_events(page)
    assert events == len(table) and markers <= table and markers
    target = sorted(markers)[0]
    page.goto(f"/#/event/{target}")
    page.wait_for_selector("#fields")
    _type_token(page)
    page.click("#reject-event")
    page.wait_for_selector("#review-status .message.ok")
    _overview(page, query)
    after_table, after_markers = _shown_ids(page)
    assert after_table == table - {target} and after_markers == markers - {target}
    assert _timeline_events(page) == events - 1
    exported = page.request.get(f"/api/export?format=jsonl&{query}").text().splitlines()
    assert target not in {json.loads(line)["event_id"] for line in exported} and len(exported) == len(table) - 1
    # the brief of the event's week leaves it out too
    from click.testing import CliRunner

    from talaia.cli import cli

    event = _api(url, f"/api/events/{target}")
    week = _week(str(event["event_date"]))
    done = CliRunner().invoke(cli, ["brief", "--week", week, "--admin1", "Michoacán", "--db", str(db), "--out",
                                    str(tmp_path)])
    assert done.exit_code == 0, done.output
    assert target[:8] not in next(tmp_path.glob("brief-*.html")).read_text(encoding="utf-8")
    # asked for by the review filter, it is listed, with its status in the review column
    _overview(page, f"{query}&review=rejected")
    assert _shown_ids(page)[0] == {target}
    assert page.locator("#events-table td.review").inner_text() == "rejected"
    assert page.errors == []


def _week(day: str) -> str:
    import datetime as dt

    year, week, _ = dt.date.fromisoformat(day).isocalendar()
    return f"{year}-W{week:02d}"


def test_a_merge_of_two_incidents_is_seen_everywhere(page, served: tuple[str, Path]) -> None:  # type: ignore[no-untyped-def]
    url, _ = served
    items = _api(url, "/api/events?limit=500")["items"]
    lone = [e for e in items if not e.get("mentions")]  # type: ignore[union-attr]
    first, second = lone[0], lone[1]
    total = _api(url, "/api")["counts"]["events"]  # type: ignore[index]
    page.goto(f"/#/event/{first['event_id']}")
    page.wait_for_selector("#fields")
    _type_token(page)
    page.fill("#merge-other", second["event_id"][:8])
    page.click("#merge-event")
    page.wait_for_selector("#review-status .message.ok")
    assert "one incident" in page.locator("#review-status").inner_text()
    assert page.locator("article.document").count() >= 2  # both reports on the incident's page
    assert "merge" in page.locator("#review-history").inner_text()
    merged = page.url.rsplit("/", 1)[-1]
    assert _api(url, "/api")["counts"]["events"] == total - 1  # type: ignore[index]
    page.goto("/#/?limit=500")
    page.wait_for_selector("section.overview[data-shown]")
    table, _ = _shown_ids(page)
    assert len(table) == total - 1 and merged in table
    assert not ({first["event_id"], second["event_id"]} - {merged}) & table
    sources = {s["document_id"] for s in _api(url, f"/api/events/{merged}")["sources"]}  # type: ignore[union-attr]
    assert {s["document_id"] for s in first["sources"] + second["sources"]} <= sources
    # and split again from its page: two incidents, the log keeps both changes
    page.goto(f"/#/event/{merged}")
    page.wait_for_selector("#split-event")
    page.click("#split-event")
    page.wait_for_selector("#review-status .message.ok")
    assert _api(url, "/api")["counts"]["events"] == total  # type: ignore[index]
    assert [r["action"] for r in _api(url, "/api/reviews")["items"]] == ["split", "merge"]  # type: ignore[index]
    assert page.errors == []


BAD_CORRECTIONS = (("fatalities", "1e30", "0 to 100,000"), ("event_date", "2099-01-01", "after the first report"),
                   ("admin1", "Narnia", "not a first-level unit"))


def test_bad_corrections_are_refused_and_the_desk_still_reads(page, served: tuple[str, Path]) -> None:  # type: ignore[no-untyped-def]
    url, _ = served
    event_id = _api(url, "/api/events?admin1=Michoac%C3%A1n&limit=1")["items"][0]["event_id"]  # type: ignore[index]
    page.goto(f"/#/event/{event_id}")
    page.wait_for_selector("#fields")
    _type_token(page)
    for field, value, words in BAD_CORRECTIONS:
        before = page.locator(f'td.value[data-field="{field}"]').inner_text()
        page.click(f'button.correct[data-field="{field}"]')
        page.fill(f"#correct-{field}", value)
        page.click(f"#save-{field}")
        page.wait_for_selector("#review-status .message.error")
        refusal = page.locator("#review-status").inner_text()
        assert words in refusal and "400" in refusal, refusal
        page.reload()
        page.wait_for_selector("#fields")
        assert page.locator(f'td.value[data-field="{field}"]').inner_text() == before
    assert _api(url, "/api/reviews")["items"] == []
    _overview(page, "admin1=Michoac%C3%A1n")  # every read still works
    assert page.locator("#events-table tbody tr").count() > 0
    assert page.request.get("/api/export?format=csv").ok and page.request.get("/api/aggregate").ok
    assert page.errors == []


def test_the_filtered_view_exports_as_csv_and_geojson(page, served: tuple[str, Path]) -> None:  # type: ignore[no-untyped-def]
    _overview(page, "admin1=Michoac%C3%A1n&event_type=Battles")
    table, _ = _shown_ids(page)
    with page.expect_download() as download:
        page.click("#export-csv")
    rows = list(csv.DictReader(io.StringIO(Path(download.value.path()).read_text(encoding="utf-8"))))
    assert rows and len(rows) == len(table)
    assert {r["admin1"] for r in rows} == {"Michoacán"} and {r["event_type"] for r in rows} == {"Battles"}
    with page.expect_download() as download:
        page.click("#export-geojson")
    features = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))["features"]
    assert {f["properties"]["event_id"] for f in features} == table
    assert page.errors == []


def test_the_review_queue_is_ordered_by_confidence(page, served: tuple[str, Path]) -> None:  # type: ignore[no-untyped-def]
    page.goto("/#/queue")
    page.wait_for_selector("#queue-table tbody tr")
    rows = page.locator("#queue-table tbody tr")
    confidences = [float(r.get_attribute("data-confidence") or "nan") for r in rows.all()]
    assert len(confidences) > 3 and confidences == sorted(confidences)
    assert page.locator("#queue-table td.reasons li").count() >= 3
    assert "place is" in page.locator("#queue-table").inner_text() or "report" in page.locator(
        "#queue-table").inner_text()
    first = rows.first.get_attribute("data-event-id")
    rows.first.locator("a.event-link").click()
    page.wait_for_selector("#fields")
    _type_token(page)
    page.click("#accept-event")
    page.wait_for_selector("#review-status .message.ok")
    page.goto("/#/queue")
    page.wait_for_selector("#queue-table tbody tr")
    assert first not in {r.get_attribute("data-event-id") for r in page.locator("#queue-table tbody tr").all()}
    assert page.errors == []


@pytest.fixture(scope="module")
def alerts_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from analysis.synthetic import write_spike_history

    db = tmp_path_factory.mktemp("alerts") / "history.db"
    write_spike_history(db)
    with _serving(db) as url:
        yield url


def test_alerts_follow_the_date_filter(browser, alerts_url: str) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, base_url=alerts_url)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda err: errors.append(str(err)))
    # a view of early 2018: the weeks judged are those of the filter, not the last stored ones
    _overview(page, "date_from=2018-01-01&date_to=2018-03-31")
    assert "2018-W01 to 2018-W13" in page.locator("#alerts-summary").inner_text()
    # only a "to" date: the 12 weeks up to it, the spike's week among them
    _overview(page, "date_to=2019-09-22")
    assert "to 2019-W38" in page.locator("#alerts-summary").inner_text()
    assert page.locator("#alerts-list li").first.get_attribute("data-week") == "2019-W37"
    _overview(page, "date_to=2019-08-31")  # before the spike: nothing unusual
    assert page.locator("#alerts-summary").inner_text().startswith("Nothing unusual")
    # followed, the clicked alert stays in the panel
    page.goto("/#/?date_from=2019-09-01")
    page.wait_for_selector("#alerts-list li a")
    clicked = page.locator("#alerts-list li").first.inner_text()
    page.click("#alerts-list li a")
    page.wait_for_selector("#alert-followed")
    assert clicked.split(" — ")[0] in page.locator("#alert-followed").inner_text()
    assert "municipalities" in page.locator("#alerts-summary").inner_text() or "municipality" in page.locator(
        "#alerts-summary").inner_text()
    assert errors == []
    context.close()


def test_a_long_address_in_an_article_keeps_the_review_controls_on_screen(  # type: ignore[no-untyped-def]
        page, served: tuple[str, Path]) -> None:
    import datetime as dt

    from talaia.models import Document, Event, Evidence, ExtractionResult
    from talaia.store import StoreItem, open_store

    address = "https://example.org/" + "averylongpathsegment" * 30  # no hyphen: nowhere to break
    text = f"Gunmen killed two farmers in Coyuca on Monday. Source: {address} (archived)."
    event = Event(event_id="longurl000000001", event_date="2019-10-14", time_precision=1,
                  event_type="Violence against civilians", sub_event_type="Attack", actor1="Unidentified Armed Group "
                  "(Mexico)", actor2="Civilians (Mexico)", inter1=None, inter2=None, assoc_actor_1=(),
                  assoc_actor_2=(), country="Mexico", country_code="MX", admin1="Guerrero", admin2=None,
                  location="Coyuca", latitude=17.0, longitude=-100.1, geo_precision=2, fatalities=2,
                  fatalities_high=None, certainty="stated", notes="", evidence=(Evidence(0, 47),))
    with open_store(served[1]) as store:
        result = ExtractionResult(id="long", language="en", published=None, events=(event,), extractor="test/1")
        store.write_batch([StoreItem(Document(id="long", text=text, url=address, published=dt.date(2019, 10, 15)),
                                     "key-long", "hash-long", result=result)])
    for width in (1400, 900):  # side by side, and one column on a narrow screen
        page.set_viewport_size({"width": width, "height": 900})
        page.goto("/#/event/longurl000000001")
        page.reload()
        page.wait_for_selector("#fields")
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), width
        assert page.evaluate("[...document.querySelectorAll('article.document')].every("
                             "(a) => a.scrollWidth <= a.clientWidth)"), width  # the text wraps in its box
        box = page.locator('button.correct[data-field="event_date"]').bounding_box()
        assert box is not None and box["x"] + box["width"] <= width
    assert page.errors == []
