"""The dashboard in headless Chromium (Debian's ``chromium``, driven by Playwright; never a browser
download), against ``talaia serve`` on a database of the bundled samples: filter to Michoacán, find the
seed's ambush on the map and in the table, open it, see its evidence marked, correct its date with the
review token and find the correction in the table and in an export; an article carrying markup renders
as inert text. The tests also take the screenshots in docs/screenshots/."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from analysis.synthetic import write_spike_history
from talaia.models import Document, Event, Evidence, ExtractionResult, Participant
from talaia.store import StoreItem, open_store

pytestmark = pytest.mark.slow  # the sample database is built with spaCy

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
TOKEN = "desk-test-token"
# what a hostile article carries: a script, an image whose error handler runs code, and an attribute
# breaking out of its quotes; any of them running sets window.__pwned or opens a dialog
SCRIPT = "<script>window.__pwned = 'script'; alert('script')</script>"
IMAGE = "<img src=x onerror=\"window.__pwned = 'img'; alert('img')\">"
ATTRIBUTE = "\" onmouseover=\"window.__pwned = 'attr'; alert('attr')\" x=\""
HOSTILE_TEXT = (f"Gunmen killed two farmers in Coyuca on Monday. {SCRIPT} Witnesses saw {IMAGE} near the "
                f"road {ATTRIBUTE} before dawn.")


def _playwright():  # type: ignore[no-untyped-def]
    if not CHROMIUM.is_file():
        pytest.skip("Debian's chromium is not installed (apt-get install chromium; `make setup` installs it)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("playwright is not installed (pip install playwright; `make setup` installs it)")
    return sync_playwright


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=10) as response:
        return bytes(response.read())


def _hostile_event() -> tuple[Document, Event]:
    """A stored article whose text, title and coded names carry markup (written by hand: no spaCy)."""
    start = HOSTILE_TEXT.index(SCRIPT)
    event = Event(
        event_id="hostile0000000001", event_date="2019-10-14", time_precision=1,
        event_type="Violence against civilians", sub_event_type="Attack", actor1=f"Gunmen {IMAGE}",
        actor2="Civilians (Mexico)", inter1=None, inter2=None, assoc_actor_1=(), assoc_actor_2=(), country="Mexico",
        country_code="MX", admin1="Guerrero", admin2=None, location=f"Coyuca {ATTRIBUTE}", latitude=17.01,
        longitude=-100.09, geo_precision=2, fatalities=2, fatalities_high=None, certainty="stated",
        notes=f"On 14 October 2019: {SCRIPT}",
        # the script inside a marked span, the image and the attribute in plain text: both paths are checked
        evidence=(Evidence(0, HOSTILE_TEXT.index(".") + 1), Evidence(start, start + len(SCRIPT))),
        actor1_mentions=(Participant("Gunmen", 0, 6, "group", None),),
    )
    document = Document(id="hostile-article", text=HOSTILE_TEXT, title=f"Attack {IMAGE}",
                        published=dt.date(2019, 10, 15), source=f"Wire {SCRIPT}", url="javascript:alert('url')")
    return document, event


@pytest.fixture(scope="module")
def server(desk_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """``talaia serve`` with a review token on a copy of the samples' database plus the hostile article."""
    db = tmp_path_factory.mktemp("desk") / "desk.db"
    with sqlite3.connect(desk_db) as source, sqlite3.connect(db) as target:
        source.backup(target)
    document, event = _hostile_event()
    with open_store(db) as store:
        result = ExtractionResult(id=document.id, language="en", published=None, events=(event,), extractor="test/1")
        store.write_batch([StoreItem(document, "key-hostile", "hash-hostile", result=result)])
    with _serving(db) as url:
        yield url


@contextlib.contextmanager
def _serving(db: Path, *options: str) -> Iterator[str]:
    """``talaia serve`` on ``db`` with the review token (and ``options``), in its own process; its URL."""
    port = _free_port()
    process = subprocess.Popen([sys.executable, "-m", "talaia", "serve", "--db", str(db), "--port", str(port),
                                "--token", TOKEN, *options], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               env={k: v for k, v in os.environ.items() if k != "TALAIA_TOKEN"})
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            if process.poll() is not None:
                output = process.stdout.read().decode() if process.stdout else ""
                pytest.fail(f"talaia serve exited with {process.returncode}: {output}")
            try:
                _get(url + "/api")
                break
            except OSError:
                time.sleep(0.2)
        else:
            pytest.fail("talaia serve did not answer within 30 s")
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="module")
def browser(server: str) -> Iterator[object]:
    sync_playwright = _playwright()
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture()
def page(browser, server: str):  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, base_url=server)
    tab = context.new_page()
    tab.errors = []
    tab.on("pageerror", lambda err: tab.errors.append(str(err)))
    yield tab
    context.close()


def _seed_ambush(server: str) -> dict[str, object]:
    """The seed article's Michoacán ambush, as the API lists it."""
    found = json.loads(_get(server + "/api/events?admin1=Michoac%C3%A1n&q=ambush&limit=50"))
    seeds = [e for e in found["items"] if any(s["document_id"] == "seed-sinaloa.txt" for s in e["sources"])]
    assert seeds, f"the seed's ambush is not among the Michoacán events: {found}"
    return dict(seeds[0])


def test_dashboard_filter_open_and_correct(page, server: str) -> None:  # type: ignore[no-untyped-def]
    seed = _seed_ambush(server)
    seed_id, coded = str(seed["event_id"]), str(seed["event_date"])
    corrected = (dt.date.fromisoformat(coded) - dt.timedelta(days=1)).isoformat()
    page.goto("/")
    page.wait_for_selector("#events-table tbody tr")
    page.select_option("#filter-admin1", "Michoacán")
    page.wait_for_selector('section.overview[data-shown^="admin1=Michoac"]')  # drawn for the filter
    page.wait_for_selector(f'#events-table tr[data-event-id="{seed_id}"]')
    admin1s = page.locator("#events-table tbody tr td:nth-child(8)").all_inner_texts()
    assert admin1s and set(admin1s) == {"Michoacán"}, admin1s
    # on the map: a marker for the event, over the packaged boundaries (countries and states drawn)
    page.wait_for_selector(f'path.event-marker[data-event-id="{seed_id}"]', state="attached")
    assert page.locator(".leaflet-overlay-pane path").count() > 50
    assert page.locator("path.chosen-state").count() == 1  # Michoacán shaded
    assert page.locator("svg.timeline rect.bar").count() >= 12
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "dashboard.png"))

    page.click(f'#events-table tr[data-event-id="{seed_id}"] a.event-link')
    page.wait_for_selector("#fields")
    evidence = " ".join(page.locator(".article-text mark.span-evidence").all_inner_texts())
    assert "massacred" in evidence and "ambush" in evidence
    assert page.locator(".article-text mark.span-actor1").count() >= 1
    assert page.locator('td.value[data-field="event_date"]').inner_text() == coded
    page.screenshot(path=str(SCREENSHOTS / "event.png"), full_page=True)

    # a correction without the token is refused and changes nothing
    page.click('button.correct[data-field="event_date"]')
    page.fill("#correct-event_date", corrected)
    page.click("#save-event_date")
    assert "token" in page.locator("#review-status").inner_text().lower()
    # with the token typed (kept in sessionStorage, not in the address), it is recorded
    page.fill("#review-token", TOKEN)
    page.fill("#reviewer", "browser test")
    page.click("#token-form button[type=submit]")
    assert page.evaluate("sessionStorage.getItem('talaia.token')") == TOKEN and TOKEN not in page.url
    assert page.input_value("#correct-event_date") == corrected  # the editor waited for the token
    page.click("#save-event_date")
    page.wait_for_selector("#review-status .message.ok")
    assert page.locator('td.value[data-field="event_date"]').inner_text() == corrected
    assert page.locator("#review-state").inner_text() == "corrected"
    assert f"event_date: {coded} → {corrected}" in page.locator("#review-history").inner_text()

    page.go_back()  # the filtered table shows the corrected date
    page.wait_for_selector('section.overview[data-shown^="admin1=Michoac"]')
    row = page.locator(f'#events-table tr[data-event-id="{seed_id}"] td.date')
    assert row.inner_text() == corrected
    exported = page.request.get("/api/export?format=geojson&admin1=Michoac%C3%A1n").json()
    dates = {f["properties"]["event_id"]: f["properties"]["event_date"] for f in exported["features"]}
    assert dates[seed_id] == corrected
    rows = page.request.get("/api/export?format=csv&admin1=Michoac%C3%A1n").text().splitlines()
    assert any(f",{corrected}," in row and "seed-sinaloa.txt" in row for row in rows)  # ACLED's CSV
    assert page.errors == []


def test_dashboard_renders_hostile_article_inert(page, server: str) -> None:  # type: ignore[no-untyped-def]
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto("/#/event/hostile0000000001")
    page.wait_for_selector(".article-text")
    text = page.locator(".article-text").inner_text()
    for payload in (SCRIPT, IMAGE, ATTRIBUTE):
        assert payload in text  # shown literally, as the article's words
    assert page.locator(".article-text mark.span-evidence").count() >= 2
    assert page.locator("article.document h3").inner_text() == f"Attack {IMAGE}"  # the title, literally
    assert "javascript:alert('url')" in page.locator("article.document .meta").inner_text()
    assert page.locator("article.document .meta a").count() == 0  # not a link
    assert IMAGE in page.locator('td.value[data-field="actor1"]').inner_text()
    assert ATTRIBUTE in page.locator('td.value[data-field="location"]').inner_text()
    page.hover(".article-text")
    page.goto("/#/?q=farmers")  # the table and the map's popup too
    page.wait_for_selector('section.overview[data-shown^="q=farmers"]')
    assert page.locator("#events-table tbody tr").count() == 1
    assert IMAGE in page.locator('#events-table tr[data-event-id="hostile0000000001"]').inner_text()
    page.click('path.event-marker[data-event-id="hostile0000000001"]', force=True)
    page.wait_for_selector(".leaflet-popup-content")
    assert ATTRIBUTE in page.locator(".leaflet-popup-content").inner_text()
    page.wait_for_timeout(300)  # an image's error handler would have fired by now
    assert page.evaluate("window.__pwned") is None
    assert dialogs == []
    assert page.locator("main img, main script").count() == 0
    assert page.errors == []


def test_brief_of_the_samples_html_pdf_and_screenshot(desk_db: Path, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                     browser) -> None:
    from click.testing import CliRunner

    from talaia.cli import cli

    result = CliRunner().invoke(cli, ["brief", "--week", "2019-W42", "--admin1", "Michoacán", "--db", str(desk_db),
                                      "--out", str(tmp_path), "--pdf"])
    assert result.exit_code == 0, result.output
    html, pdf = tmp_path / "brief-2019-W42-michoacan.html", tmp_path / "brief-2019-W42-michoacan.pdf"
    page_text = html.read_text(encoding="utf-8")
    assert "El Aguaje" in page_text  # the ambush, told in the outlets' words
    assert "seed-sinaloa.txt (2019-10-18)" in page_text
    assert pdf.read_bytes()[:5] == b"%PDF-" and pdf.stat().st_size > 10_000
    # the screenshot's page carries a fixed generation time, so docs/screenshots/brief.png changes only
    # when the brief does
    from talaia.brief import gather_brief, render_brief
    from talaia.store import open_store

    with open_store(desk_db) as store:
        brief = gather_brief(store, "2019-W42", admin1="Michoacán")
    shown = tmp_path / "shown.html"
    shown.write_text(render_brief(brief, generated=dt.datetime(2019, 10, 21, 8, 0, tzinfo=dt.UTC)), encoding="utf-8")
    context = browser.new_context(viewport={"width": 820, "height": 1100}, java_script_enabled=False)
    tab = context.new_page()
    tab.goto(shown.as_uri())
    assert tab.locator("svg.map circle").count() >= 1
    tab.screenshot(path=str(SCREENSHOTS / "brief.png"), full_page=True)
    context.close()


def test_dashboard_modules_mark_spans_and_fill_weeks(page) -> None:  # type: ignore[no-untyped-def]
    """The pure parts of the scripts, run in the browser: overlapping spans and ISO weeks across years."""
    page.goto("/assets/vendor/leaflet/leaflet.css")  # a page of the server: modules load from its origin
    pieces = page.evaluate("""async () => (await import('/assets/event.js')).segments('Gunmen shot two men',
        [{start: 0, end: 11, kind: 'evidence'}, {start: 0, end: 6, kind: 'actor1'}, {start: 7, end: 30, kind: 'x'},
         {start: 16, end: 19, kind: 'actor2'}])""")
    assert [(p["text"], p["kinds"]) for p in pieces] == [
        # a span past the end of the text is left out, not cut
        ("Gunmen", ["evidence", "actor1"]), (" shot", ["evidence"]), (" two ", []), ("men", ["actor2"])]
    weeks = page.evaluate("""async () => (await import('/assets/timeline.js')).continuous(
        [{period: '2020-W52', events: 1, fatalities: 2}, {period: '2021-W02', events: 3, fatalities: 0}])
        .map((w) => w.period + ':' + w.events)""")
    assert weeks[-4:] == ["2020-W52:1", "2020-W53:0", "2021-W01:0", "2021-W02:3"] and len(weeks) == 12
    assert weeks[0] == "2020-W44:0"


@pytest.fixture(scope="module")
def alerts_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """``talaia serve`` on a synthetic 3-year history with one spike (Apatzingán, Michoacán, 2019-W37)."""
    db = tmp_path_factory.mktemp("alerts") / "history.db"
    write_spike_history(db)
    with _serving(db) as url:
        yield url


def test_dashboard_alerts_link_to_the_area_week(browser, alerts_server: str) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, base_url=alerts_server)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda err: errors.append(str(err)))
    page.goto("/#/?date_from=2019-09-01")
    page.wait_for_selector("#alerts-list li a")
    items = page.locator("#alerts-list li")
    assert items.count() == 1 and items.first.get_attribute("data-week") == "2019-W37"
    text = items.first.inner_text()
    assert text.startswith("2019-W37 · Michoacán, MX — ") and "events against" in text
    observed = int(text.split(" — ")[1].split()[0])
    page.click("#alerts-list li a")
    page.wait_for_selector(".overview[data-shown*='date_to=2019-09-15']")
    shown = page.locator(".overview").get_attribute("data-shown") or ""
    assert "admin1=Michoac%C3%A1n" in shown and "date_from=2019-09-09" in shown
    # the area's events of that week: as many as the alert counted
    assert f"of {observed} events" in page.locator("#summary").inner_text()
    # the state's own view judges its municipalities, and the week is flagged there too
    page.wait_for_selector("#alerts-list li a")
    assert "Apatzingán, Michoacán, MX" in page.locator("#alerts-list").inner_text()
    assert errors == []
    context.close()


def test_dashboard_mark_wrong_actors_and_quotes(page, server: str) -> None:  # type: ignore[no-untyped-def]
    # the state's incident (the seed's mention fused with the outlets' reports), marked wrong: it leaves
    # the exports
    found = json.loads(_get(server + "/api/events?q=ambush&admin1=Michoac%C3%A1n"))
    operation = next(e for e in found["items"] if "seed-sinaloa.txt" in json.dumps(e["sources"]))
    page.goto(f"/#/event/{operation['event_id']}")
    page.wait_for_selector("#fields")
    page.fill("#review-token", TOKEN)  # a new tab: the token is typed again
    page.click("#token-form button[type=submit]")
    page.fill("#review-note", "told in passing")
    page.click("#reject-event")
    page.wait_for_selector("#review-status .message.ok")
    assert page.locator("#review-state").inner_text() == "rejected"
    assert "told in passing" in page.locator("#review-history").inner_text()
    exported = page.request.get("/api/export?format=geojson&admin1=Michoac%C3%A1n").json()
    assert operation["event_id"] not in {f["properties"]["event_id"] for f in exported["features"]}
    # actors: found by an alias, with the quotes of every name that resolves to them
    page.goto("/#/actors?q=AMLO")
    page.wait_for_selector("#actors-table tbody tr")
    assert "Andrés Manuel López Obrador" in page.locator("#actors-table").inner_text()
    page.click("#actors-table a")
    page.wait_for_selector("#quote-list li")
    assert "fight fire with fire" in page.locator("#quote-list").inner_text()
    page.goto("/#/quotes?speaker=AMLO")
    page.wait_for_selector(".quotes-page #quote-list li")
    assert page.locator(".quotes-page #quote-list li").count() >= 2
    assert page.errors == []


def test_dashboard_event_page_shows_what_was_said_about_it(page, server: str) -> None:  # type: ignore[no-untyped-def]
    quotes = json.loads(_get(server + "/api/quotes?limit=500"))["items"]
    governor = next(q for q in quotes if q["document_id"] == "outlet-b.txt" and "those responsible" in q["text"])
    page.goto(f"/#/event/{governor['event_id']}")
    page.wait_for_selector("#event-quote-list li")
    said = page.locator("#event-quotes").inner_text()
    assert "those responsible would be found" in said and "Silvano Aureoles" in said
    # a second-hand claim says so where quotes are listed
    page.goto("/#/quotes?speaker=unnamed")
    page.wait_for_selector(".quotes-page #quote-list li")
    listed = page.locator(".quotes-page #quote-list").inner_text()
    assert "political deal" in listed and "second-hand (reported)" in listed
    assert page.errors == []
