"""`talaia watch SOURCES --db DB --once` on a feed of real reports (the bundled Wikinews samples, served
as news pages from 127.0.0.1) stores their reports and events exactly as `talaia ingest` of the same
pages does; a second `--once` fetches and stores nothing new; failures exit 1, naming the source."""

from __future__ import annotations

import json
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from talaia.cli import cli
from talaia.store import open_store
from watch.site import Route, Site, article_html, rfc822, rss, serving

pytestmark = pytest.mark.slow

SITE_NAME = "Wikinews"
REPORTS = ("wikinews-206", "wikinews-88", "wikinews-124", "wikinews-141")
DATES = ("2012-06-04", "2013-04-15", "2012-07-23", "2013-03-05")  # dates for the pages (the samples have none)
DOCUMENT_COLUMNS = "title, published, language, source, url, text, duplicate_of IS NULL"
EVENT_COLUMNS = ("rank, event_date, time_precision, event_type, sub_event_type, actor1, actor2, inter1, inter2, "
                 "assoc_actor_1, assoc_actor_2, country, country_code, admin1, admin2, location, latitude, longitude, "
                 "geo_precision, fatalities, fatalities_high, certainty, notes, evidence, actor1_mentions, "
                 "actor2_mentions, confidence, extractor_version")


def _samples() -> dict[str, dict[str, Any]]:
    text = resources.files("talaia").joinpath("samples/wikinews.jsonl").read_text(encoding="utf-8")
    records = {r["id"]: r for r in map(json.loads, text.splitlines())}
    return {doc_id: records[doc_id] for doc_id in REPORTS}


@pytest.fixture()
def site() -> Iterator[Site]:
    with serving() as running:
        items = []
        for (doc_id, record), day in zip(_samples().items(), DATES, strict=True):
            path = f"/wiki/{doc_id}"
            running.routes[path] = Route(article_html(record["title"], record["text"], published=day,
                                                      url=running.url(path), site_name=SITE_NAME))
            items.append((record["title"], running.url(path), rfc822(day)))
        running.routes["/feed.xml"] = Route(rss(SITE_NAME, items), content_type="application/rss+xml",
                                            last_modified="Tue, 05 Mar 2013 09:00:00 GMT")
        yield running


def _run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def _rows(db: str) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]], int]:
    """Documents and events as stored, without what names the input (ids, keys, where it was read), and
    the number of incidents."""
    with open_store(db) as store:
        documents = sorted(tuple(r) for r in store.fetch_all(f"SELECT {DOCUMENT_COLUMNS} FROM documents"))
        events = sorted(tuple(r) for r in store.fetch_all(
            f"SELECT d.url, {', '.join('e.' + c.strip() for c in EVENT_COLUMNS.split(','))} "
            "FROM events e JOIN documents d ON d.key = e.document_key"))
        incidents = store.fetch_all("SELECT COUNT(DISTINCT incident_id) FROM events")[0][0]
    return documents, events, incidents


def test_watch_once_stores_what_ingest_of_the_same_pages_stores(site: Site, tmp_path: Path) -> None:
    sources = tmp_path / "sources.toml"
    sources.write_text(f'[[source]]\nname = "{SITE_NAME}"\nurl = "{site.url("/feed.xml")}"\nlanguage = "en"\n',
                       encoding="utf-8")
    watched = str(tmp_path / "watched.db")
    result = _run("watch", str(sources), "--db", watched, "--once", "--host-interval", "0", "--timeout", "5",
                  "--json")
    assert result.exit_code == 0, result.output
    cycle = json.loads(result.stdout.splitlines()[-1])
    assert cycle["failures"] == [] and cycle["ingest"]["stored"] == 4 and cycle["sources"][0]["stored"] == 4

    pages = tmp_path / "pages"  # the same pages, saved as a browser would, ingested from files
    pages.mkdir()
    for doc_id in REPORTS:
        (pages / f"{doc_id}.html").write_bytes(site.routes[f"/wiki/{doc_id}"].body)
    ingested = str(tmp_path / "ingested.db")
    assert _run("ingest", str(pages), "--db", ingested, "--language", "en").exit_code == 0

    watched_rows, ingested_rows = _rows(watched), _rows(ingested)
    assert watched_rows == ingested_rows
    documents, events, incidents = watched_rows
    assert len(documents) == 4 and len(events) >= 4 and incidents >= 4
    assert {d[3] for d in documents} == {SITE_NAME} and {d[1] for d in documents} == set(DATES)

    again = _run("watch", str(sources), "--db", watched, "--once", "--host-interval", "0", "--json")
    assert again.exit_code == 0, again.output
    assert json.loads(again.stdout.splitlines()[-1])["sources"][0]["not_modified"] is True
    assert _rows(watched) == watched_rows
    assert [r.status for r in site.gets("/feed.xml")] == [200, 304]
    assert all(len(site.gets(f"/wiki/{doc_id}")) == 1 for doc_id in REPORTS)


def test_a_failing_source_exits_1_naming_it_and_bad_usage_exits_2(site: Site, tmp_path: Path) -> None:
    site.routes["/down.xml"] = Route(b"", failures=10**6)
    sources = tmp_path / "sources.toml"
    sources.write_text(f'[[source]]\nname = "Down"\nurl = "{site.url("/down.xml")}"\n', encoding="utf-8")
    result = _run("watch", str(sources), "--db", str(tmp_path / "w.db"), "--once", "--retries", "1",
                  "--backoff", "0", "--host-interval", "0")
    assert result.exit_code == 1
    assert "talaia: watch " in result.stderr and "Down: FAILED E802 fetch: HTTP 500 (after 2 tries)" in result.stderr
    bad = tmp_path / "bad.toml"
    bad.write_text("[[source]]\nname = 'X'\n", encoding="utf-8")
    result = _run("watch", str(bad), "--db", str(tmp_path / "w.db"), "--once")
    assert result.exit_code == 2 and "E801 sources-file" in result.stderr and "'url' must be" in result.stderr
    assert _run("watch", str(sources), "--every", "soon", "--once").exit_code == 2
    no_scheme = _run("watch", str(sources), "--alert-webhook", "hooks.example.org/x", "--once")
    assert no_scheme.exit_code == 2 and "--alert-webhook" in no_scheme.stderr
