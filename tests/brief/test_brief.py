"""Weekly briefs on a store written by hand (no spaCy): the week's events, the trend, the HTML."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

import talaia
from analysis.synthetic import write_spike_history
from talaia.api import write_brief
from talaia.brief import gather_brief, html_to_pdf, render_brief
from talaia.brief.pdf import find_chromium
from talaia.cli import cli
from talaia.errors import BrowserUnavailableError
from talaia.models import Document, Event, Evidence, ExtractionResult
from talaia.review.service import record_review
from talaia.store.sqlite import SQLiteStore, StoreItem

PAYLOAD = '<script>alert("x")</script> <img src=x onerror=alert(1)>'
TEXT = (f"Gunmen killed {{n}} police officers near Aguililla on Tuesday. {PAYLOAD} The governor spoke later.\n"
        "Unrelated closing line.")
TUESDAY, GOVERNOR = TEXT.index("Tuesday"), TEXT.index("The governor")


def _event(event_id: str, date: str, dead: int, *, admin1: str = "Michoacán", lat: float = 19.2,
           lon: float = -102.4) -> Event:
    return Event(
        event_id=event_id, event_date=date, time_precision=1, event_type="Battles", sub_event_type="Armed clash",
        actor1="Unidentified Armed Group (Mexico)", actor2="Police Forces of Mexico (2018-2024)", inter1=None,
        inter2=None, assoc_actor_1=(), assoc_actor_2=(), country="Mexico", country_code="MX", admin1=admin1,
        admin2=None, location="Aguililla", latitude=lat, longitude=lon, geo_precision=2, fatalities=dead,
        fatalities_high=None, certainty="stated", notes="",
        # a span within the first sentence, and one running on into the next: both sentences, quoted once
        evidence=(Evidence(0, 13), Evidence(TUESDAY, GOVERNOR + 12)),
    )


def _store(path: Path, events: list[Event], url: str = "https://news.example/a") -> None:
    with SQLiteStore(path) as store:
        for e in events:
            text = TEXT.format(n=e.fatalities)
            doc = Document(id=f"doc-{e.event_id}", text=text, title=f"Ambush {e.event_id}",
                           published=dt.date.fromisoformat(e.event_date or "2019-01-01"), source="Wire", url=url)
            result = ExtractionResult(id=doc.id, language="en", published=None, events=(e,), extractor="test/1")
            store.write_batch([StoreItem(doc, f"key-{e.event_id}", f"hash-{e.event_id}", result=result)])


@pytest.fixture()
def history_db(tmp_path: Path) -> Path:
    """Week 2019-W42 (14–20 October) has three events; the weeks before have one each now and then."""
    events = [_event("week-a", "2019-10-15", 14), _event("week-b", "2019-10-17", 3),
              _event("week-c", "2019-10-20", 0, admin1="Sinaloa", lat=24.8, lon=-107.4),
              _event("old-1", "2019-08-01", 2), _event("old-2", "2019-09-10", 1),
              _event("too-old", "2019-06-01", 9), _event("after", "2019-10-21", 5)]
    path = tmp_path / "brief.db"
    _store(path, events)
    return path


def test_brief_gathers_the_week_and_its_trend(history_db: Path) -> None:
    with SQLiteStore(history_db) as store:
        brief = gather_brief(store, "2019-W42")
    assert [s.event.event_id for s in brief.events] == ["week-a", "week-b", "week-c"]  # most deaths first
    assert brief.fatalities == 17
    assert brief.area == "all areas" and brief.alerts is None
    assert len(brief.trend) == 13 and brief.trend[-1].week == "2019-W42" and brief.trend[0].week == "2019-W30"
    assert (brief.trend[-1].events, brief.trend[-1].fatalities) == (3, 17)
    by_week = {w.week: (w.events, w.fatalities) for w in brief.trend}
    assert by_week["2019-W31"] == (1, 2) and by_week["2019-W37"] == (1, 1)
    assert sum(w.events for w in brief.trend) == 5  # neither June's event nor the week after
    first = brief.incidents[0]
    assert first.number == 1 and first.event.event_id == "week-a"
    # the evidence spans are widened to their sentences; the source keeps its title and address
    assert first.evidence == (f"Gunmen killed 14 police officers near Aguililla on Tuesday. {PAYLOAD} The governor "
                              "spoke later.",)
    assert first.sources[0].title == "Ambush week-a" and first.sources[0].url == "https://news.example/a"


def test_brief_for_one_state(history_db: Path) -> None:
    with SQLiteStore(history_db) as store:
        brief = gather_brief(store, "2019-W42", admin1="michoacan")
    assert [s.event.event_id for s in brief.events] == ["week-a", "week-b"]
    assert brief.area == "Michoacán, Mexico" and brief.file_stem == "brief-2019-W42-michoacan"
    with SQLiteStore(history_db) as store:
        quiet = gather_brief(store, "2019-W42", country="KEN")
    assert quiet.area == "Kenya" and quiet.events == () and quiet.file_stem == "brief-2019-W42-ke"
    assert render_brief(quiet).count("No event was recorded in this week.") == 1


def test_brief_applies_reviews(history_db: Path) -> None:
    with SQLiteStore(history_db) as store:
        record_review(store, "week-a", action="correct", field="fatalities", value=1, reviewer="ana")
        record_review(store, "week-b", action="reject", reviewer="ana")
        brief = gather_brief(store, "2019-W42")
    assert [s.event.event_id for s in brief.events] == ["week-a", "week-c"]  # week-b marked wrong
    assert brief.fatalities == 1 and brief.incidents[0].event.fatalities == 1  # corrected from 14


def test_brief_html_is_self_contained_and_inert(history_db: Path) -> None:
    with SQLiteStore(history_db) as store:
        brief = gather_brief(store, "2019-W42", admin1="Michoacán")
    # an evidence sentence carrying markup, as an article might
    incident = dataclasses.replace(brief.incidents[0], evidence=(PAYLOAD,))
    page = render_brief(dataclasses.replace(brief, incidents=(incident, *brief.incidents[1:])))
    assert "<script" not in page and "<img" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert not re.search(r"""<[^>]*\ssrc=|url\(|@import""", page)  # nothing fetched: links to sources are only links
    assert page.count('<svg class="map"') == 1 and "Michoacán</text>" in page  # the state is named on the map
    assert len(re.findall(r'<circle[^>]*fill="#c0392b"', page)) == 2  # the week's two events
    assert '<text x="' in page and ">1, 2</text>" in page  # two incidents at one spot, labelled together
    assert len(re.findall(r"<rect x=", page)) == 13  # one bar per week of the trend
    assert "Alerts this week" in page and "No alerts were computed for this brief." in page
    assert '<a href="https://news.example/a">Wire — Ambush week-a</a>' in page


@pytest.fixture(scope="module")
def spike_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("spike") / "history.db"
    write_spike_history(db)
    return db


def _alerts_section(page: str) -> str:
    return page.split("Alerts this week", 1)[1].split("<h2", 1)[0]


def test_brief_tells_the_weeks_alerts(spike_db: Path, tmp_path: Path) -> None:
    """The alerts of talaia.alerts for the brief's week and area: a state's municipalities, else the states."""
    state = write_brief("2019-W37", db=spike_db, admin1="Michoacán", out_dir=tmp_path)
    assert state.brief.alerts is not None and [a.area for a in state.brief.alerts] == ["Apatzingán, Michoacán, MX"]
    (alert,) = talaia.alerts(db=spike_db, week="2019-W37", by="admin2",
                             where=talaia.EventFilter(admin1="Michoacán")).alerts
    section = _alerts_section(state.html.read_text(encoding="utf-8"))
    assert f"<b>Apatzingán, Michoacán, MX</b>: {alert.observed} events against {alert.expected:.1f} expected" in section
    everywhere = write_brief("2019-W37", db=spike_db, out_dir=tmp_path)
    assert [a.area for a in everywhere.brief.alerts or ()] == ["Michoacán, MX"]
    guerrero = write_brief("2019-W37", db=spike_db, admin1="Guerrero", out_dir=tmp_path)
    assert guerrero.brief.alerts == ()
    assert "No area had unusual violence this week" in _alerts_section(guerrero.html.read_text(encoding="utf-8"))


def test_brief_links_only_web_addresses(tmp_path: Path) -> None:
    path = tmp_path / "js.db"
    _store(path, [_event("e1", "2019-10-15", 1)], url="javascript:alert(1)")
    written = write_brief("2019-W42", db=path, out_dir=tmp_path / "out")
    page = written.html.read_text(encoding="utf-8")
    assert "javascript:" not in page and "Wire — Ambush e1" in page


def test_brief_cli_writes_html(history_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "briefs"
    result = CliRunner().invoke(cli, ["brief", "--week", "2019-W42", "--admin1", "Michoacán", "--db",
                                      str(history_db), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "2019-W42 (Michoacán, Mexico): 2 events, 17 reported deaths" in result.output
    assert (out / "brief-2019-W42-michoacan.html").is_file()
    bad = CliRunner().invoke(cli, ["brief", "--week", "2019-42", "--db", str(history_db), "--out", str(out)])
    assert bad.exit_code == 2 and "--week" in bad.output and "YYYY-Www" in bad.output
    missing = CliRunner().invoke(cli, ["brief", "--week", "2019-W42", "--db", str(tmp_path / "none.db")])
    assert missing.exit_code == 2 and "no database" in missing.output


def test_brief_pdf_needs_chromium(history_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TALAIA_CHROMIUM", str(tmp_path / "no-such-browser"))
    with pytest.raises(BrowserUnavailableError, match="TALAIA_CHROMIUM"):
        write_brief("2019-W42", db=history_db, out_dir=tmp_path, pdf=True)
    assert (tmp_path / "brief-2019-W42.html").is_file()  # the HTML is written first
    monkeypatch.delenv("TALAIA_CHROMIUM")
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(BrowserUnavailableError, match="apt-get install chromium"):
        find_chromium()
    result = CliRunner().invoke(cli, ["brief", "--week", "2019-W42", "--db", str(history_db), "--out",
                                      str(tmp_path), "--pdf"])
    assert result.exit_code == 1 and "E701 browser-unavailable" in result.output


def test_brief_pdf_printed_by_chromium(history_db: Path, tmp_path: Path) -> None:
    try:
        find_chromium()
    except BrowserUnavailableError:
        pytest.skip("headless Chromium is not installed (Debian: apt-get install chromium; `make setup` does it)")
    written = write_brief("2019-W42", db=history_db, out_dir=tmp_path, pdf=True)
    assert written.pdf is not None and written.pdf.read_bytes()[:5] == b"%PDF-"
    with pytest.raises(BrowserUnavailableError, match="could not print"):
        html_to_pdf(tmp_path / "missing.html", tmp_path / "missing.pdf")
