"""A news site on 127.0.0.1 for the watch's tests: an http.server in a thread whose pages the test
changes between polls, answering conditional requests, failing, stalling and redirecting on demand,
and logging every request. Also a webhook receiver (POSTs recorded). Nothing leaves loopback."""

from __future__ import annotations

import html
import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit


@dataclass
class Route:
    """What the site answers at one path."""

    body: bytes = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    etag: str | None = None  # answer 304 to a matching If-None-Match
    last_modified: str | None = None  # answer 304 to a matching If-Modified-Since
    delay: float = 0.0  # seconds to wait before answering (a stalled server)
    location: str | None = None  # a redirect's target
    failures: int = 0  # answer 500 this many times first
    headers: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Request:
    method: str
    path: str
    status: int
    headers: dict[str, str]
    body: bytes


class Site:
    """The site: ``routes`` by path (the query string ignored), ``requests`` as they came."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[Request] = []
        self.post_status = 200
        self.lock = threading.Lock()
        site = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:  # quiet
                pass

            def do_GET(self) -> None:
                site._answer(self, b"")

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                site._answer(self, body)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def gets(self, path: str) -> list[Request]:
        """The GET requests of ``path`` (any query string)."""
        with self.lock:
            return [r for r in self.requests if r.method == "GET" and r.path == path]

    def posts(self) -> list[dict[str, Any]]:
        with self.lock:
            return [json.loads(r.body) for r in self.requests if r.method == "POST" and r.status == 200]

    def _answer(self, handler: BaseHTTPRequestHandler, body: bytes) -> None:
        path = urlsplit(handler.path).path
        route = self.routes.get(path)
        status, payload, headers = self._respond(handler, route, body)
        with self.lock:
            self.requests.append(Request(handler.command, path, status, dict(handler.headers.items()), body))
        if route is not None and route.delay:
            time.sleep(route.delay)
        try:
            handler.send_response(status)
            for name, value in headers.items():
                handler.send_header(name, value)
            handler.send_header("Content-Length", str(len(payload)))
            handler.end_headers()
            handler.wfile.write(payload)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up waiting
            pass

    def _respond(self, handler: BaseHTTPRequestHandler, route: Route | None, body: bytes
                 ) -> tuple[int, bytes, dict[str, str]]:
        if handler.command == "POST":
            return self.post_status, b"{}", {"Content-Type": "application/json"}
        if route is None:
            return 404, b"not found", {"Content-Type": "text/plain"}
        if route.failures > 0:
            route.failures -= 1
            return 500, b"server error", {"Content-Type": "text/plain"}
        headers = {"Content-Type": route.content_type, **route.headers}
        if route.location:
            return route.status if route.status in (301, 302, 307, 308) else 302, b"", {"Location": route.location}
        if route.etag:
            headers["ETag"] = route.etag
            if handler.headers.get("If-None-Match") == route.etag:
                return 304, b"", headers
        if route.last_modified:
            headers["Last-Modified"] = route.last_modified
            if handler.headers.get("If-Modified-Since") == route.last_modified:
                return 304, b"", headers
        return route.status, route.body, headers


@contextmanager
def serving() -> Iterator[Site]:
    site = Site()
    site.thread.start()
    try:
        yield site
    finally:
        site.server.shutdown()
        site.server.server_close()


def article_html(title: str, text: str, *, published: str, url: str, site_name: str) -> bytes:
    """A news page as sites write them: menus, a cookie banner and a footer around the article."""
    paragraphs = "\n".join(f"<p>{html.escape(p)}</p>" for p in text.split("\n") if p.strip())
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)} | {html.escape(site_name)}</title>
<meta property="og:title" content="{html.escape(title)}">
<meta property="og:site_name" content="{html.escape(site_name)}">
<meta property="og:url" content="{html.escape(url)}">
<meta property="article:published_time" content="{published}T08:30:00+00:00">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/politics">Politics</a></li><li><a href="/sports">Sports</a></li>
</ul></nav>
<div class="cookies">We use cookies to improve your experience. Accept all cookies.</div>
<main><article><h1>{html.escape(title)}</h1>
<time datetime="{published}">{published}</time>
{paragraphs}
</article></main>
<footer><p>Copyright 2024 {html.escape(site_name)}. All rights reserved.</p><p>Contact us | Privacy policy</p></footer>
</body></html>""".encode()


def boilerplate_html() -> bytes:
    """A page with no article: only a menu, a banner and a footer."""
    return b"""<!DOCTYPE html><html><head><title>Subscribe</title></head><body>
<nav><a href="/">Home</a> | <a href="/login">Log in</a> | <a href="/subscribe">Subscribe</a></nav>
<div class="cookies">We use cookies. Accept all cookies.</div>
<footer>Copyright 2024. All rights reserved. Contact us | Privacy policy</footer></body></html>"""


def rss(title: str, items: list[tuple[str, str, str]]) -> bytes:
    """An RSS 2.0 feed of (title, link, RFC 822 date) items."""
    entries = "".join(f"<item><title>{html.escape(t)}</title><link>{html.escape(link)}</link>"
                      f"<pubDate>{date}</pubDate><guid>{html.escape(link)}</guid></item>" for t, link, date in items)
    return (f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>{html.escape(title)}</title>'
            f"<link>http://127.0.0.1/</link><description>news</description>{entries}</channel></rss>").encode()


def rfc822(day: str) -> str:
    import datetime as dt

    return format_datetime(dt.datetime.fromisoformat(day + "T08:30:00+00:00"))
