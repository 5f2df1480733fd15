"""`talaia watch` end to end against a news site on 127.0.0.1 whose feeds change between polls: new
items, a 304, a 500, a timeout, a malformed feed, a page of boilerplate, a redirect, a copy under
another URL and a path robots.txt forbids. Each article is fetched and ingested once; a failing
source is reported by name and polled again; a restart resumes. On SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from talaia import api
from talaia.cli import cli
from talaia.store import open_store
from talaia.store.watchstate import WatchState
from talaia.watch import AlertTargets, FetchSettings, Source, WatchRun, WatchSettings
from watch.site import Route, Site, article_html, boilerplate_html, rfc822, rss, serving

pytestmark = pytest.mark.slow

NAME = "Noroeste"
ARTICLES = {  # path: (title, published, text); text written for these tests
    "/news/culiacan-ambush": (
        "Three police officers killed in Culiacán ambush", "2024-05-06",
        "Gunmen ambushed a municipal police patrol in Culiacán, Sinaloa, on Monday, killing three officers, "
        "the state prosecutor's office said.\nThe attackers fired from two pickup trucks and fled before "
        "soldiers arrived, officials said. No arrests have been made."),
    "/news/apatzingan-clash": (
        "Soldiers and gunmen clash near Apatzingán", "2024-05-07",
        "Soldiers clashed with members of a criminal group near Apatzingán, Michoacán, on Tuesday, the "
        "Defence Ministry said.\nTwo gunmen were killed and a soldier was wounded in the fighting, which "
        "lasted more than an hour."),
    "/news/acapulco-shooting": (
        "Man shot dead outside a bar in Acapulco", "2024-05-08",
        "A man was shot dead outside a bar in Acapulco, Guerrero, on Wednesday night, police said.\n"
        "Witnesses said two men on a motorcycle opened fire and escaped along the coastal avenue."),
    "/news/celaya-buses": (
        "Buses set on fire in Celaya", "2024-05-09",
        "Armed men set fire to two buses in Celaya, Guanajuato, on Thursday after the arrest of a local "
        "gang leader, police said.\nNobody was hurt, but traffic was blocked for several hours."),
}
FAST = FetchSettings(timeout=0.3, attempts=2, backoff=0.01, max_backoff=0.02, host_interval=0.0)


def _page(site: Site, path: str, copy_of: str | None = None) -> Route:
    title, published, text = ARTICLES[copy_of or path]
    return Route(article_html(title, text, published=published, url=site.url(path), site_name=NAME))


def _feed(site: Site, paths: list[str], etag: str) -> Route:
    items = [(p, site.url(p), rfc822(ARTICLES.get(p, ("", "2024-05-05", ""))[1])) for p in paths]
    return Route(rss(NAME, items), content_type="application/rss+xml", etag=etag)


@pytest.fixture()
def site() -> Iterator[Site]:
    with serving() as running:
        running.routes["/robots.txt"] = Route(b"User-agent: *\nDisallow: /private/\n", content_type="text/plain")
        for path in ARTICLES:
            running.routes[path] = _page(running, path)
        running.routes["/news/culiacan-ambush-copy"] = _page(running, "/news/culiacan-ambush-copy",
                                                             "/news/culiacan-ambush")
        running.routes["/news/subscribe"] = Route(boilerplate_html())
        running.routes["/news/old-link"] = Route(location="/news/acapulco-shooting", status=301)
        running.routes["/private/leak"] = Route(b"<html><body><p>secret</p></body></html>")
        running.routes["/feed.xml"] = _feed(running, [
            "/news/culiacan-ambush", "/news/apatzingan-clash", "/news/old-link", "/news/subscribe",
            "/private/leak", "/news/culiacan-ambush-copy"], '"v1"')
        running.routes["/broken.xml"] = Route(b"", failures=10**6)
        running.routes["/slow.xml"] = Route(rss("Slow", []), delay=1.0)
        running.routes["/garbled.xml"] = Route(b"<rss><channel><<<>>> not xml", content_type="application/rss+xml")
        yield running


def _sources(site: Site) -> list[Source]:
    return [Source(NAME, site.url("/feed.xml")), Source("Broken", site.url("/broken.xml")),
            Source("Slow", site.url("/slow.xml")), Source("Garbled", site.url("/garbled.xml"))]


def _article_gets(site: Site) -> dict[str, int]:
    return {p: len(site.gets(p)) for p in [*ARTICLES, "/news/culiacan-ambush-copy", "/news/subscribe",
                                           "/news/old-link", "/private/leak"]}


def _outcomes(report: Any) -> dict[str, str]:
    return {a.url.rsplit("/", 1)[-1]: a.outcome for s in report.sources for a in s.articles}


def test_feeds_that_change_between_polls_are_ingested_exactly_once(site: Site, store_db: str, pipeline: Any
                                                                   ) -> None:
    run = WatchRun(fetch=FAST)
    sources = _sources(site)
    first, = api.watch(sources, db=store_db, run=run, once=True, pipeline=pipeline)
    by_name = {s.name: s for s in first.sources}
    assert by_name[NAME].ok and by_name[NAME].listed == 6 and by_name[NAME].new == 6
    assert _outcomes(first) == {"culiacan-ambush": "stored", "apatzingan-clash": "stored",
                                "acapulco-shooting": "stored", "subscribe": "empty", "leak": "forbidden",
                                "culiacan-ambush-copy": "duplicate"}
    assert first.failures[:2] == [
        "Broken: E802 fetch: HTTP 500 (after 2 tries)", "Slow: E802 fetch: no answer within 0.3 s (after 2 tries)"]
    assert first.failures[2].startswith("Garbled: E804 feed: not a readable feed (SAXParseException: ")
    assert len(first.failures) == 3
    assert site.gets("/private/leak") == []  # robots.txt obeyed: never requested
    assert first.ingest is not None and first.ingest.stored == 4 and first.ingest.duplicates == 1  # the copy linked

    # the same feed again: a 304, no article fetched; the broken source is back
    site.routes["/broken.xml"] = Route(rss("Broken", []), content_type="application/rss+xml")
    second, = api.watch(sources, db=store_db, run=run, once=True, pipeline=pipeline)
    assert {s.name: s.not_modified for s in second.sources}[NAME] is True
    assert [r.status for r in site.gets("/feed.xml")] == [200, 304]
    assert {s.name for s in second.sources if s.ok} == {NAME, "Broken"} and second.ingest is None

    # the feed changes: one new item, an old one under a tracking link; only the new one is fetched
    site.routes["/feed.xml"] = _feed(site, ["/news/celaya-buses", "/news/culiacan-ambush?utm_source=rss",
                                            "/news/apatzingan-clash"], '"v2"')
    third, = api.watch(sources, db=store_db, run=run, once=True, pipeline=pipeline)
    assert _outcomes(third) == {"celaya-buses": "stored"}

    # a restart (a new process's connection and client) with the feed changed again: nothing fetched
    site.routes["/feed.xml"] = _feed(site, ["/news/celaya-buses", "/news/apatzingan-clash"], '"v3"')
    fourth, = api.watch(sources, db=store_db, run=run, once=True, pipeline=pipeline)
    assert _outcomes(fourth) == {} and fourth.ingest is None
    assert _article_gets(site) == {"/news/culiacan-ambush": 1, "/news/apatzingan-clash": 1,
                                   "/news/acapulco-shooting": 1, "/news/celaya-buses": 1,
                                   "/news/culiacan-ambush-copy": 1, "/news/subscribe": 1, "/news/old-link": 1,
                                   "/private/leak": 0}

    with open_store(store_db) as store:
        documents = store.fetch_all("SELECT doc_id, source, url, duplicate_of IS NOT NULL FROM documents "
                                    "ORDER BY doc_id")
        events = store.count("events")
        health = {s.name: s for s in WatchState(store).sources()}
    assert [tuple(row) for row in documents] == [
        (site.url(p), NAME, site.url(p), p.endswith("-copy")) for p in sorted(
            ["/news/acapulco-shooting", "/news/apatzingan-clash", "/news/celaya-buses", "/news/culiacan-ambush",
             "/news/culiacan-ambush-copy"])]
    assert events >= 4  # every article tells of at least one incident
    assert health[NAME].articles_ingested == 4 and health[NAME].articles_seen == 7
    assert health["Broken"].failures == 0 and health["Broken"].last_error.startswith("E802 fetch: HTTP 500")
    assert health["Slow"].failures == 4 and health["Slow"].last_success_at is None


def test_sources_command_and_arrivals(site: Site, tmp_path: Path, pipeline: Any) -> None:
    db = str(tmp_path / "watch.db")
    start = dt.datetime.now(dt.UTC) - dt.timedelta(seconds=1)
    api.watch(_sources(site)[:2], db=db, run=WatchRun(fetch=FAST), once=True, pipeline=pipeline)
    sources = tmp_path / "sources.toml"
    sources.write_text(f'[[source]]\nname = "{NAME}"\nurl = "{site.url("/feed.xml")}"\nevery = "10m"\n\n'
                       f'[[source]]\nname = "Broken"\nurl = "{site.url("/broken.xml")}"\n\n'
                       f'[[source]]\nname = "Later"\nurl = "{site.url("/later.xml")}"\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["sources", str(sources), "--db", db])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split()[:4] == ["SOURCE", "STATUS", "LAST", "SUCCESS"]
    assert lines[1].split()[:2] == [NAME, "ok"] and lines[1].split()[3:5] == ["6", "3"]
    assert lines[2].split()[:3] == ["Broken", "failing", "-"] and "HTTP 500" in lines[2]
    assert lines[3].split()[:2] == ["Later", "new"]
    arrived = api.arrivals(start, db=db)
    assert sorted(a.url or "" for a in arrived if a.duplicate_of is None) == sorted(
        site.url(p) for p in ["/news/culiacan-ambush", "/news/apatzingan-clash", "/news/acapulco-shooting"])
    assert all(a.events >= 1 for a in arrived)
    assert api.arrivals("1h", db=db) == arrived and api.arrivals(dt.datetime.now(dt.UTC) + dt.timedelta(1), db=db) == []

    from fastapi.testclient import TestClient

    from talaia.serve import ServeSettings, create_app

    client = TestClient(create_app(ServeSettings(db)))
    body = client.get("/api/arrivals", params={"since": "1h"}).json()
    assert body["count"] == len(arrived) == 4 and body["items"] == [a.to_dict() for a in arrived]
    assert client.get("/api/arrivals", params={"since": "2999-01-01"}).json()["items"] == []
    bad = client.get("/api/arrivals", params={"since": "lately"})
    assert bad.status_code == 400 and "since must be an ISO date" in bad.text
    watched = client.get("/api/watch/sources").json()["items"]
    assert [(w["name"], w["articles_ingested"], w["failures"]) for w in watched] == [("Broken", 0, 1), (NAME, 3, 0)]


def test_an_article_that_fails_is_tried_again_then_given_up(site: Site, tmp_path: Path, pipeline: Any) -> None:
    db = str(tmp_path / "watch.db")
    site.routes["/feed.xml"] = _feed(site, ["/news/culiacan-ambush", "/news/gone"], '"v1"')
    site.routes["/news/gone"] = Route(b"", failures=10**6)
    run = WatchRun(WatchSettings(max_attempts=2), fetch=FAST)
    outcomes = [_outcomes(api.watch([Source(NAME, site.url("/feed.xml"))], db=db, run=run, once=True,
                                    pipeline=pipeline)[0]) for _ in range(3)]
    assert outcomes == [{"culiacan-ambush": "stored", "gone": "failed"}, {"gone": "gave-up"}, {}]
    # the feed is read whole while an article is unsettled, then conditionally
    assert [r.status for r in site.gets("/feed.xml")] == [200, 200, 304]


def test_the_loop_polls_each_source_on_its_schedule(site: Site, tmp_path: Path, pipeline: Any) -> None:
    db = str(tmp_path / "watch.db")
    site.routes["/other.xml"] = Route(rss("Other", []), content_type="application/rss+xml")
    now = [dt.datetime(2026, 1, 5, 12, 0, tzinfo=dt.UTC)]
    sources = [Source(NAME, site.url("/feed.xml"), every=dt.timedelta(minutes=10)),
               Source("Other", site.url("/other.xml"))]
    reports = []

    def tick(report: Any) -> None:
        reports.append(sorted(s.name for s in report.sources))
        now[0] += dt.timedelta(minutes=10)

    from talaia.watch import watch

    watch(sources, db, run=WatchRun(WatchSettings(every=dt.timedelta(minutes=30)), fetch=FAST), pipeline=pipeline,
          cycles=4, on_cycle=tick, now=lambda: now[0])
    assert reports == [[NAME, "Other"], [NAME], [NAME], [NAME, "Other"]]


def test_a_webhook_on_loopback_gets_the_alert_for_an_injected_spike(site: Site, tmp_path: Path, pipeline: Any
                                                                    ) -> None:
    import numpy as np

    from analysis.synthetic import event, write_history
    from talaia.models import Document, ExtractionResult
    from talaia.store.sqlite import SQLiteStore, StoreItem

    db = tmp_path / "watch.db"
    rng = np.random.default_rng(3)
    write_history(db, {("Michoacán", "Apatzingán"): list(rng.poisson(1, 150))})  # 2017-W01 .. 2019-W46
    time.sleep(1.1)  # stored times have whole seconds: the watch starts after the history was stored
    site.routes["/quiet.xml"] = Route(rss("Quiet", []), content_type="application/rss+xml")
    alerts_file = tmp_path / "alerts.jsonl"
    run = WatchRun(fetch=FAST, targets=AlertTargets(webhook=site.url("/hook"), file=alerts_file, by="admin2"))
    sources = [Source("Quiet", site.url("/quiet.xml"))]
    first, = api.watch(sources, db=db, run=run, once=True, pipeline=pipeline)
    assert first.alerts == [] and site.posts() == []  # the history was there before the watch: not judged

    spike_week = dt.date(2019, 11, 11)  # 2019-W46, the history's last week
    events = tuple(event(f"spike-{i}", spike_week + dt.timedelta(days=i % 5), "Michoacán", "Apatzingán")
                   for i in range(12))
    with SQLiteStore(db) as store:
        store.write_batch([StoreItem(Document(id="spike", text="Twelve attacks in Apatzingán.",
                                              published=spike_week), "spike", "hash-spike",
                                     result=ExtractionResult("spike", "en", spike_week.isoformat(), events,
                                                             extractor="synthetic/1"))])
    site.post_status = 500  # the receiver is down: the alert is reported, kept, and sent on the next cycle
    second, = api.watch(sources, db=db, run=run, once=True, pipeline=pipeline)
    assert [a["key"] for a in second.alerts] == ["admin2|Michoacán|Apatzingán|MX|2019-W46|events"]
    assert len(second.delivery_errors) == 1 and "HTTP 500" in second.delivery_errors[0]
    site.post_status = 200
    third, = api.watch(sources, db=db, run=run, once=True, pipeline=pipeline)
    assert site.posts() == [third.alerts[0]] and third.delivery_errors == []
    delivered = site.posts()[0]
    assert delivered["alert"]["area"]["label"] == "Apatzingán, Michoacán, MX" and delivered["alert"]["week"] == \
        "2019-W46" and delivered["alert"]["observed"] >= 12 and delivered["alert"]["p_value"] <= 0.005
    assert len(alerts_file.read_text(encoding="utf-8").splitlines()) == 1  # written once, on the second cycle
    fourth, = api.watch(sources, db=db, run=run, once=True, pipeline=pipeline)
    assert fourth.alerts == [] and len(site.posts()) == 1
    with open_store(db) as store:
        deliveries = [(r["status"], r["outcome"]) for r in WatchState(store).fetches() if r["source"] == "(alerts)"]
    assert deliveries == [(500, "retry"), (500, "error"), (200, "ok")]  # in the request log, with the retry


def test_a_sitemap_index_and_an_article_page_as_sources(site: Site, tmp_path: Path, pipeline: Any) -> None:
    db = str(tmp_path / "watch.db")
    site.routes["/sitemap.xml"] = Route(f"""<?xml version="1.0"?>
        <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
        <sitemap><loc>{site.url("/sitemap-news.xml")}</loc></sitemap></sitemapindex>""".encode(),
                                        content_type="application/xml")
    site.routes["/sitemap-news.xml"] = Route(f"""<?xml version="1.0"?>
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
        <url><loc>{site.url("/news/apatzingan-clash")}</loc><lastmod>2024-05-07</lastmod></url>
        <url><loc>{site.url("/news/culiacan-ambush")}</loc><lastmod>2024-05-06</lastmod></url>
        </urlset>""".encode(), content_type="application/xml")
    page = _page(site, "/news/celaya-buses")
    page.etag = '"p1"'
    site.routes["/news/celaya-buses"] = page
    sources = [Source("Sitemap", site.url("/sitemap.xml")), Source("Page", site.url("/news/celaya-buses"))]
    run = WatchRun(fetch=FAST)
    first, = api.watch(sources, db=db, run=run, once=True, pipeline=pipeline)
    assert {s.name: s.listed for s in first.sources} == {"Sitemap": 2, "Page": 1}
    assert _outcomes(first) == {"apatzingan-clash": "stored", "culiacan-ambush": "stored", "celaya-buses": "stored"}
    second, = api.watch(sources, db=db, run=run, once=True, pipeline=pipeline)
    assert _outcomes(second) == {} and [s.not_modified for s in second.sources] == [False, True]
    title, published, text = ARTICLES["/news/celaya-buses"]  # the page is corrected: the new text replaces it
    site.routes["/news/celaya-buses"] = Route(article_html(title, text.replace("two buses", "three buses"),
                                                           published=published, url=site.url("/news/celaya-buses"),
                                                           site_name=NAME), etag='"p2"')
    third, = api.watch(sources, db=db, run=run, once=True, pipeline=pipeline)
    assert _outcomes(third) == {"celaya-buses": "stored"}
    with open_store(db) as store:
        texts = store.fetch_all("SELECT text FROM documents WHERE doc_id = ?", (site.url("/news/celaya-buses"),))
        log = WatchState(store).fetches()
    assert len(texts) == 1 and "three buses" in texts[0][0]
    assert {(r["source"], r["outcome"]) for r in log} >= {("Sitemap", "ok"), ("Page", "ok"), ("Page", "not-modified")}


def test_a_watch_killed_before_it_settled_its_articles_does_not_fetch_them_again(site: Site, tmp_path: Path,
                                                                                 pipeline: Any) -> None:
    db = str(tmp_path / "watch.db")
    sources = [Source(NAME, site.url("/feed.xml"))]
    api.watch(sources, db=db, run=WatchRun(fetch=FAST), once=True, pipeline=pipeline)
    with open_store(db) as store:  # as if killed after the ingest committed, before the watch's own state
        store.fetch_all("DELETE FROM watch_articles RETURNING url")
        store.fetch_all("UPDATE watch_sources SET etag = NULL, last_modified = NULL RETURNING name")
        stored = store.count("documents")
    before = _article_gets(site)
    again, = api.watch(sources, db=db, run=WatchRun(fetch=FAST), once=True, pipeline=pipeline)
    assert [r.status for r in site.gets("/feed.xml")] == [200, 200]  # the listing is read whole ...
    fetched_again = {p: n - before[p] for p, n in _article_gets(site).items() if n != before[p]}
    # ... but the stored articles are found by URL: only the pages that gave no document under the URL the
    # feed lists are asked again (the boilerplate page; the redirect, followed to learn where it leads)
    assert fetched_again == {"/news/subscribe": 1, "/news/old-link": 1, "/news/acapulco-shooting": 1}
    assert _outcomes(again) == {"subscribe": "empty", "old-link": "unchanged", "leak": "forbidden"}
    with open_store(db) as store:
        assert store.count("documents") == stored
