"""What a source's page lists: the articles of an RSS or Atom feed (feedparser), of a sitemap (lxml),
or the page itself when it is an article.

A feed that parses with problems but still yields items gives those items and a warning; one that
yields none is a :class:`~talaia.errors.FeedError` naming the parser's complaint.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from dataclasses import dataclass
from typing import Any, Literal
from urllib.parse import urljoin, urlsplit, urlunsplit

from talaia.errors import FeedError
from talaia.watch.http import Page
from talaia.watch.sources import SourceKind

__all__ = ["Link", "Listing", "canonical_url", "read_listing"]

_TRACKING = re.compile(r"\A(utm_[a-z]+|fbclid|gclid|mc_cid|mc_eid)\Z", re.IGNORECASE)
_SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
_NEWS_NS = "{http://www.google.com/schemas/sitemap-news/0.9}"
_HTML_START = re.compile(rb"\A\s*(<!--.*?-->\s*)*<(!doctype\s+html|html)[\s>]", re.IGNORECASE | re.DOTALL)


def canonical_url(url: str) -> str:
    """``url`` as the watch remembers it: scheme and host in lower case, no fragment, no default
    port, tracking parameters (utm_*, fbclid ...) dropped, so one article is one URL."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    port = parts.port
    if port and not ((parts.scheme == "http" and port == 80) or (parts.scheme == "https" and port == 443)):
        host = f"{host}:{port}"
    query = "&".join(p for p in parts.query.split("&") if p and not _TRACKING.match(p.split("=", 1)[0]))
    return urlunsplit((parts.scheme.lower(), host, parts.path or "/", query, ""))


@dataclass(frozen=True, slots=True)
class Link:
    """An article a listing points to, with what the listing says of it."""

    url: str
    title: str | None = None
    published: dt.date | None = None


@dataclass(frozen=True, slots=True)
class Listing:
    """A source page read: its kind, the articles it lists (newest first where dated), the sitemaps a
    sitemap index points to, and a warning when it parsed with problems."""

    kind: Literal["feed", "sitemap", "article"]
    links: tuple[Link, ...] = ()
    sitemaps: tuple[str, ...] = ()
    warning: str | None = None


def read_listing(page: Page, kind: SourceKind = "auto") -> Listing:
    """The articles ``page`` lists, read as ``kind`` (``auto``: told by its content)."""
    if kind == "auto":
        kind = _sniff(page)
    if kind == "article":
        return Listing("article", (Link(canonical_url(page.url)),))
    if kind == "sitemap":
        return _sitemap(page)
    return _feed(page)


def _sniff(page: Page) -> Literal["feed", "sitemap", "article"]:
    head = page.content[:2048]
    if _HTML_START.match(head) or ("html" in page.content_type.lower() and b"<rss" not in head
                                   and b"<feed" not in head):
        return "article"
    if re.search(rb"<(\w+:)?(urlset|sitemapindex)[\s>]", head):
        return "sitemap"
    return "feed"


def _feed(page: Page) -> Listing:
    import feedparser  # lazy: only a watch needs it

    parsed = feedparser.parse(page.content, response_headers={"content-location": page.url,
                                                              "content-type": page.content_type or "application/xml"})
    problem = _complaint(parsed)
    links = _newest_first([link for link in (_entry_link(e, page.url) for e in parsed.entries) if link is not None])
    if problem and not links:
        raise FeedError(f"not a readable feed ({problem})", document=page.url)
    if not problem and not parsed.get("version") and not parsed.entries:
        raise FeedError("not an RSS or Atom feed (no feed element found)", document=page.url)
    return Listing("feed", tuple(links), warning=f"feed read with problems ({problem})" if problem else None)


def _complaint(parsed: Any) -> str | None:
    if not parsed.get("bozo"):
        return None
    exc = parsed.get("bozo_exception")
    if exc is not None and type(exc).__name__ == "CharacterEncodingOverride":  # a wrong charset label: harmless
        return None
    return f"{type(exc).__name__}: {exc}" if exc is not None else "malformed"


def _entry_link(entry: Any, base: str) -> Link | None:
    href = entry.get("link") or next((x.get("href") for x in entry.get("links", ()) if x.get("href")), None)
    if not href:
        return None
    url = urljoin(base, href)
    if urlsplit(url).scheme not in ("http", "https"):
        return None
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    published = dt.date(*stamp[:3]) if isinstance(stamp, time.struct_time) else None
    return Link(canonical_url(url), (entry.get("title") or "").strip() or None, published)


def _sitemap(page: Page) -> Listing:
    from lxml import etree  # trafilatura's dependency

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=False)
    try:
        root = etree.fromstring(page.content, parser=parser)
    except etree.XMLSyntaxError as exc:
        raise FeedError(f"not a readable sitemap ({exc})", document=page.url) from None
    name = etree.QName(root).localname
    if name == "sitemapindex":
        children = [urljoin(page.url, (loc.text or "").strip()) for loc in root.iter(f"{_SITEMAP_NS}loc", "loc")]
        return Listing("sitemap", sitemaps=tuple(c for c in children if c))
    if name != "urlset":
        raise FeedError(f"not a sitemap: its root element is <{name}>", document=page.url)
    links: list[Link] = []
    for entry in root.iter(f"{_SITEMAP_NS}url", "url"):
        loc = entry.findtext(f"{_SITEMAP_NS}loc") or entry.findtext("loc")
        if not loc or urlsplit(urljoin(page.url, loc.strip())).scheme not in ("http", "https"):
            continue
        news = entry.find(f"{_NEWS_NS}news")
        title = news.findtext(f"{_NEWS_NS}title") if news is not None else None
        stamp = (news.findtext(f"{_NEWS_NS}publication_date") if news is not None else None) or \
            entry.findtext(f"{_SITEMAP_NS}lastmod") or entry.findtext("lastmod")
        links.append(Link(canonical_url(urljoin(page.url, loc.strip())), title, _date(stamp)))
    return Listing("sitemap", tuple(_newest_first(links)))


def _date(text: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text.strip()[:10]) if text else None
    except ValueError:
        return None


def _newest_first(links: list[Link]) -> list[Link]:
    """Dated links newest first (a stable sort: undated ones keep their place after them), each URL once."""
    seen: set[str] = set()
    unique = [link for link in links if not (link.url in seen or seen.add(link.url))]  # type: ignore[func-returns-value]
    return sorted(unique, key=lambda link: link.published or dt.date.min, reverse=True)
