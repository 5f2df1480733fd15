"""The watch's HTTP client against a site on 127.0.0.1: conditional requests, retries with back-off,
timeouts, redirects, robots.txt, the per-host interval, the User-Agent and the size limit."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from talaia import __version__
from talaia.errors import FetchError, RobotsError
from talaia.watch.http import Fetcher, FetchRecord, FetchSettings
from watch.site import Route, Site, serving

FAST = FetchSettings(timeout=0.5, attempts=3, backoff=0.01, max_backoff=0.05, host_interval=0.0)


@pytest.fixture()
def site() -> Iterator[Site]:
    with serving() as running:
        running.routes["/robots.txt"] = Route(b"User-agent: *\nDisallow: /private/\n", content_type="text/plain")
        yield running


def test_conditional_requests_get_304_and_the_user_agent_names_the_version(site: Site) -> None:
    site.routes["/feed"] = Route(b"<rss/>", etag='"v1"', last_modified="Mon, 02 Dec 2024 08:00:00 GMT")
    with Fetcher(FAST) as fetcher:
        first = fetcher.get(site.url("/feed"))
        assert first.status == 200 and first.etag == '"v1"' and first.content == b"<rss/>"
        again = fetcher.get(site.url("/feed"), etag=first.etag, last_modified=first.last_modified)
    assert again.not_modified and again.content == b""
    sent = site.gets("/feed")[1].headers
    assert sent["If-None-Match"] == '"v1"' and sent["If-Modified-Since"] == "Mon, 02 Dec 2024 08:00:00 GMT"
    assert sent["User-Agent"].startswith(f"Talaia/{__version__} (news monitoring")
    assert site.gets("/robots.txt") and len(site.gets("/robots.txt")) == 1  # read once per site


def test_a_server_error_is_retried_with_growing_waits_then_succeeds(site: Site) -> None:
    site.routes["/flaky"] = Route(b"ok", failures=2)
    waits: list[float] = []
    log: list[FetchRecord] = []
    fetcher = Fetcher(FetchSettings(timeout=0.5, attempts=3, backoff=0.01, host_interval=0.0), log=log.append,
                      sleep=waits.append)
    assert fetcher.get(site.url("/flaky")).content == b"ok"
    assert [r.status for r in site.gets("/flaky")] == [500, 500, 200]
    assert len(waits) == 2 and 0.01 <= waits[0] < waits[1] <= 0.025 * 2  # doubled, with jitter
    assert [r.outcome for r in log if r.url.endswith("/flaky")] == ["retry", "retry", "ok"]


def test_a_persistent_error_fails_after_the_tries_and_a_404_at_once(site: Site) -> None:
    site.routes["/down"] = Route(b"", failures=99)
    with Fetcher(FAST) as fetcher:
        with pytest.raises(FetchError, match=r"HTTP 500 \(after 3 tries\)") as info:
            fetcher.get(site.url("/down"))
        assert info.value.status == 500 and info.value.code == "E802"
        with pytest.raises(FetchError, match="HTTP 404"):
            fetcher.get(site.url("/missing"))
    assert len(site.gets("/down")) == 3 and len(site.gets("/missing")) == 1


def test_a_stalled_server_times_out(site: Site) -> None:
    site.routes["/slow"] = Route(b"late", delay=1.0)
    with Fetcher(FetchSettings(timeout=0.2, attempts=2, backoff=0.01, host_interval=0.0)) as fetcher, \
            pytest.raises(FetchError, match=r"no answer within 0.2 s \(after 2 tries\)"):
        fetcher.get(site.url("/slow"))


def test_retry_after_is_honoured_up_to_the_cap(site: Site) -> None:
    site.routes["/busy"] = Route(b"ok", failures=0, status=200)
    site.routes["/limited"] = Route(b"slow down", status=429, headers={"Retry-After": "30"})
    waits: list[float] = []
    fetcher = Fetcher(FetchSettings(timeout=0.5, attempts=2, backoff=0.01, max_backoff=0.5, host_interval=0.0),
                      sleep=waits.append)
    with pytest.raises(FetchError, match="HTTP 429"):
        fetcher.get(site.url("/limited"))
    assert waits == [0.5]


def test_redirects_are_followed_and_each_hop_obeys_robots(site: Site) -> None:
    site.routes["/old"] = Route(location="/new", status=301)
    site.routes["/new"] = Route(b"moved here")
    site.routes["/sneaky"] = Route(location="/private/page")
    site.routes["/private/page"] = Route(b"secret")
    site.routes["/loop"] = Route(location="/loop")
    with Fetcher(FAST) as fetcher:
        page = fetcher.get(site.url("/old"))
        assert page.url == site.url("/new") and page.content == b"moved here"
        with pytest.raises(RobotsError, match=r"robots\.txt forbids it"):
            fetcher.get(site.url("/sneaky"))
        with pytest.raises(RobotsError):
            fetcher.get(site.url("/private/page"))
        with pytest.raises(FetchError, match="more than 5 redirects"):
            fetcher.get(site.url("/loop"))
    assert site.gets("/private/page") == []  # never requested


def test_a_site_whose_robots_txt_fails_is_left_alone_and_a_missing_one_allows_all() -> None:
    with serving() as site:
        site.routes["/robots.txt"] = Route(b"", failures=99)
        site.routes["/page"] = Route(b"x")
        with Fetcher(FAST) as fetcher, pytest.raises(FetchError, match="cannot be read now"):
            fetcher.get(site.url("/page"))
        assert site.gets("/page") == []
    with serving() as site:
        site.routes["/page"] = Route(b"x")
        with Fetcher(FAST) as fetcher:
            assert fetcher.get(site.url("/page")).content == b"x"


def test_requests_to_one_host_are_spaced_and_crawl_delay_is_honoured(site: Site) -> None:
    site.routes["/a"] = Route(b"a")
    now = [100.0]
    waits: list[float] = []

    def sleep(seconds: float) -> None:
        waits.append(round(seconds, 3))
        now[0] += seconds

    fetcher = Fetcher(FetchSettings(timeout=0.5, host_interval=2.0), clock=lambda: now[0], sleep=sleep)
    fetcher.get(site.url("/a"))  # robots.txt, then /a: 2 s apart
    fetcher.get(site.url("/a"))
    assert waits == [2.0, 2.0]
    site.routes["/robots.txt"] = Route(b"User-agent: talaia\nCrawl-delay: 5\n", content_type="text/plain")
    slow = Fetcher(FetchSettings(timeout=0.5, host_interval=0.0), clock=lambda: now[0], sleep=sleep)
    waits.clear()
    slow.get(site.url("/a"))
    slow.get(site.url("/a"))
    assert waits == [5.0, 5.0]  # robots.txt, then /a twice: 5 s apart


def test_a_body_over_the_limit_is_refused(site: Site) -> None:
    site.routes["/big"] = Route(b"x" * 5000)
    with Fetcher(FetchSettings(timeout=0.5, max_bytes=1000, host_interval=0.0)) as fetcher, \
            pytest.raises(FetchError, match="over the limit of 1,000"):
        fetcher.get(site.url("/big"))


def test_post_json_reaches_a_webhook(site: Site) -> None:
    with Fetcher(FAST) as fetcher:
        assert fetcher.post_json(site.url("/hook"), {"alert": "x"}) == 200
    assert site.posts() == [{"alert": "x"}]


def test_pages_are_decoded_by_their_declared_charset_or_their_meta_or_as_windows_1252() -> None:
    from talaia.watch.http import Page

    latin = "Matan a tres en Culiacán".encode("latin-1")
    assert Page("u", 200, latin, "text/html; charset=ISO-8859-1").text().endswith("Culiacán")
    assert Page("u", 200, b'<meta charset="iso-8859-1">' + latin, "text/html").text().endswith("Culiacán")
    assert Page("u", 200, latin, "text/html").text().endswith("Culiacán")  # not UTF-8: Windows-1252
    assert Page("u", 200, "Culiacán".encode(), "text/html").text() == "Culiacán"
