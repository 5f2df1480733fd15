"""The watch's HTTP client (httpx): polite and resilient by default.

* a User-Agent naming Talaia and its version (``--contact`` adds how to reach the operator);
* robots.txt read per site and obeyed (RFC 9309: a missing file allows everything, a site whose
  file cannot be read because of a server error or no answer is left alone until it can), its
  ``Crawl-delay`` honoured;
* at most one request per ``host_interval`` seconds to a host (longer when robots.txt asks);
* conditional requests (``If-None-Match`` / ``If-Modified-Since``) when validators are given;
* a timeout per request, and retries with exponential back-off (and ``Retry-After``, capped) on
  network errors, timeouts, 429 and 5xx; other 4xx fail at once;
* redirects followed by hand (at most ``max_redirects``), each hop checked against robots.txt;
* bodies over ``max_bytes`` refused without being held in memory.

Every request, retried or not, is reported to ``log`` (the store's request log).
"""

from __future__ import annotations

import datetime as dt
import email.utils
import json
import random
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from talaia.about import __version__
from talaia.errors import FetchError, RobotsError

__all__ = ["FetchRecord", "FetchSettings", "Fetcher", "Page", "user_agent"]

REDIRECTS = frozenset({301, 302, 303, 307, 308})
RETRIED = frozenset({429, 500, 502, 503, 504})
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
ROBOTS_FAILURE_TTL = 300.0  # seconds a site whose robots.txt could not be read is left alone


def user_agent(contact: str | None = None) -> str:
    """``Talaia/0.1.0 (news monitoring; +contact)``: who is asking, and how to reach them."""
    return f"Talaia/{__version__} (news monitoring{'; +' + contact if contact else ''})"


@dataclass(frozen=True, slots=True)
class FetchSettings:
    """How the watch talks to sites; every time in seconds (tests use small ones)."""

    timeout: float = 20.0  # per request: connecting, and each wait for data
    attempts: int = 3  # tries of one request (network errors, timeouts, 429, 5xx)
    backoff: float = 2.0  # wait before the first retry, doubled each time (with jitter)
    max_backoff: float = 60.0  # no wait (back-off or Retry-After) longer than this
    host_interval: float = 1.0  # at least this between two requests to one host
    max_bytes: int = 10 * 1024 * 1024  # a longer body is refused
    max_redirects: int = 5
    robots_ttl: float = 3600.0  # how long a site's robots.txt is trusted
    contact: str | None = None  # a URL or address for the User-Agent

    def __post_init__(self) -> None:
        for name in ("timeout", "backoff", "max_backoff", "host_interval", "robots_ttl"):
            value = getattr(self, name)
            if not isinstance(value, int | float) or value < 0 or (name == "timeout" and value == 0):
                raise ValueError(f"{name} must be a positive number of seconds, not {value!r}")
        for name in ("attempts", "max_bytes"):
            if not isinstance(getattr(self, name), int) or getattr(self, name) < 1:
                raise ValueError(f"{name} must be a whole number of at least 1, not {getattr(self, name)!r}")


@dataclass(frozen=True, slots=True)
class Page:
    """A response: the URL it came from after redirects, its status, body and validators."""

    url: str
    status: int
    content: bytes = b""
    content_type: str = ""
    etag: str | None = None
    last_modified: str | None = None
    retry_after: float | None = None  # seconds a 429 or 503 asked to wait

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    def text(self) -> str:
        """The body decoded by the charset its Content-Type declares, else the one its ``<meta>`` declares,
        else UTF-8, else Windows-1252 (what an undeclared page that is not UTF-8 most often is)."""
        declared = None
        for part in self.content_type.split(";")[1:]:
            key, _, value = part.strip().partition("=")
            if key.lower() == "charset" and value:
                declared = value.strip('"\' ')
        if declared is None:
            meta = _META_CHARSET.search(self.content[:4096])
            declared = meta.group(1).decode("ascii") if meta else None
        for charset in (declared, "utf-8"):
            if charset:
                try:
                    return self.content.decode(charset)
                except (LookupError, UnicodeDecodeError):
                    continue
        return self.content.decode("cp1252", errors="replace")


@dataclass(frozen=True, slots=True)
class FetchRecord:
    """One request made (for the log): its URL, status (None: no answer), outcome and time taken."""

    url: str
    status: int | None
    outcome: str  # ok, not-modified, redirect, retry, error, robots
    message: str | None
    elapsed_ms: int


@dataclass(slots=True)
class _Robots:
    parser: RobotFileParser | None  # None: the site is left alone until ``until``
    until: float
    delay: float = 0.0


@dataclass(slots=True)
class Fetcher:
    """One client for a watch: keeps connections, robots.txt and the per-host clock between requests."""

    settings: FetchSettings = field(default_factory=FetchSettings)
    log: Callable[[FetchRecord], None] | None = None
    clock: Callable[[], float] = time.monotonic
    sleep: Callable[[float], None] = time.sleep
    _client: httpx.Client | None = None
    _robots: dict[str, _Robots] = field(default_factory=dict)
    _last: dict[str, float] = field(default_factory=dict)

    @property
    def client(self) -> httpx.Client:
        if self._client is None:
            timeout = httpx.Timeout(self.settings.timeout)
            self._client = httpx.Client(timeout=timeout, follow_redirects=False, trust_env=False,
                                        headers={"User-Agent": user_agent(self.settings.contact)})
        return self._client

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---- GET -------------------------------------------------------------------------------
    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> Page:
        """``url`` (redirects followed), conditionally when validators are given: a 304 comes back
        as a Page with ``not_modified``. FetchError after the retries; RobotsError when robots.txt
        forbids the URL or one it redirects to."""
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        current = url
        for _ in range(self.settings.max_redirects + 1):
            self._check_robots(current)
            page = self._request("GET", current, headers)
            if page.status not in REDIRECTS:
                if page.status >= 400:
                    raise FetchError(f"HTTP {page.status}", document=current, status=page.status)
                return page
            location = page.content.decode("utf-8", "replace")  # _request puts Location there
            if not location:
                raise FetchError(f"HTTP {page.status} without a Location", document=current, status=page.status)
            current = urljoin(current, location)
        raise FetchError(f"more than {self.settings.max_redirects} redirects", document=url)

    def post_json(self, url: str, payload: Any) -> int:
        """POST ``payload`` as JSON (an alert to a webhook), with the retries; the status (2xx), else
        FetchError."""
        body = json.dumps(payload, ensure_ascii=False).encode()
        page = self._request("POST", url, {"Content-Type": "application/json"}, body)
        if page.status >= 300:
            raise FetchError(f"HTTP {page.status}", document=url, status=page.status)
        return page.status

    def _request(self, method: str, url: str, headers: dict[str, str], body: bytes | None = None) -> Page:
        """One request with its retries. A redirect comes back with its Location as the body."""
        last_error = ""
        last_status: int | None = None
        for attempt in range(self.settings.attempts):
            self._wait_for_host(url)
            started = self.clock()
            wait = None
            try:
                page = self._once(method, url, headers, body)
            except httpx.TimeoutException:
                last_error, last_status = f"no answer within {self.settings.timeout:g} s", None
            except httpx.TransportError as exc:
                last_error, last_status = f"cannot connect: {exc}" if str(exc) else type(exc).__name__, None
            except FetchError as exc:  # too large: retrying would not help
                self._record(url, exc.status, "error", exc.message, started)
                raise
            else:
                last_status = page.status
                if page.status not in RETRIED:
                    outcome = ("not-modified" if page.status == 304 else "redirect" if page.status in REDIRECTS
                               else "error" if page.status >= 400 else "ok")
                    self._record(url, page.status, outcome, None, started)
                    return page
                last_error = f"HTTP {page.status}"
                wait = page.retry_after
            final = attempt == self.settings.attempts - 1
            self._record(url, last_status, "error" if final else "retry", last_error, started)
            if not final:
                backoff = self.settings.backoff * 2 ** attempt * random.uniform(1.0, 1.25)
                self.sleep(min(self.settings.max_backoff, max(backoff, wait or 0.0)))
        tries = f" (after {self.settings.attempts} tries)" if self.settings.attempts > 1 else ""
        raise FetchError(last_error + tries, document=url, status=last_status)

    def _once(self, method: str, url: str, headers: dict[str, str], body: bytes | None) -> Page:
        with self.client.stream(method, url, headers=headers, content=body) as response:
            if response.status_code in REDIRECTS:
                return Page(url, response.status_code, response.headers.get("location", "").encode())
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > self.settings.max_bytes:
                raise FetchError(f"{int(declared):,} bytes is over the limit of {self.settings.max_bytes:,}",
                                 document=url, status=response.status_code)
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > self.settings.max_bytes:
                    raise FetchError(f"over the limit of {self.settings.max_bytes:,} bytes", document=url,
                                     status=response.status_code)
                chunks.append(chunk)
            return Page(str(response.url), response.status_code, b"".join(chunks),
                        response.headers.get("content-type", ""), response.headers.get("etag"),
                        response.headers.get("last-modified"), _retry_after(response.headers.get("retry-after")))

    def _record(self, url: str, status: int | None, outcome: str, message: str | None, started: float) -> None:
        if self.log is not None:
            self.log(FetchRecord(url, status, outcome, message, int((self.clock() - started) * 1000)))

    def _wait_for_host(self, url: str) -> None:
        host = _origin(url)
        robots = self._robots.get(host)
        interval = max(self.settings.host_interval, robots.delay if robots else 0.0)
        last = self._last.get(host)
        if last is not None:
            pause = last + interval - self.clock()
            if pause > 0:
                self.sleep(pause)
        self._last[host] = self.clock()

    # ---- robots.txt ------------------------------------------------------------------------
    def _check_robots(self, url: str) -> None:
        robots = self._robots_for(url)
        if robots.parser is None:  # a failure to fetch, tried again later; not a refusal
            raise FetchError("the site's robots.txt cannot be read now (server error or no answer): "
                             "the site is left alone until it can", document=url)
        if not robots.parser.can_fetch(user_agent(self.settings.contact), url):
            raise RobotsError("robots.txt forbids it", document=url)

    def _robots_for(self, url: str) -> _Robots:
        origin = _origin(url)
        known = self._robots.get(origin)
        now = self.clock()
        if known is not None and known.until > now:
            return known
        parser = RobotFileParser()
        robots_url = origin + "/robots.txt"
        try:
            page = self._robots_page(robots_url)
        except FetchError:
            robots = _Robots(None, now + min(ROBOTS_FAILURE_TTL, self.settings.robots_ttl))
        else:
            if page.status >= 400:  # RFC 9309: an unavailable robots.txt (4xx) allows everything
                parser.parse([])
            else:
                parser.parse(page.text().splitlines())
            delay = parser.crawl_delay(user_agent(self.settings.contact))
            robots = _Robots(parser, now + self.settings.robots_ttl, float(delay or 0.0))
        self._robots[origin] = robots
        return robots

    def _robots_page(self, url: str) -> Page:
        """robots.txt, following redirects on the same site (RFC 9309 asks for at least five)."""
        current = url
        for _ in range(self.settings.max_redirects + 1):
            page = self._request("GET", current, {})
            if page.status not in REDIRECTS:
                if page.status >= 500:
                    raise FetchError(f"HTTP {page.status}", document=current, status=page.status)
                return page
            current = urljoin(current, page.content.decode("utf-8", "replace"))
        return Page(current, 404)  # a redirect loop: treated as no robots.txt


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


def _retry_after(value: str | None) -> float | None:
    """A ``Retry-After`` header (seconds, or an HTTP date) as seconds from now; None if absent or unreadable."""
    if not value:
        return None
    if value.strip().isdigit():
        return float(value.strip())
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return max(0.0, (when - dt.datetime.now(dt.UTC)).total_seconds())
