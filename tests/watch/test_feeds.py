"""Listings: RSS, Atom, sitemaps and article pages read into the articles they point to."""

from __future__ import annotations

import datetime as dt

import pytest

from talaia.errors import FeedError
from talaia.watch.feeds import canonical_url, read_listing
from talaia.watch.http import Page
from watch.site import article_html, rfc822, rss

BASE = "http://127.0.0.1:8000"


def _page(body: bytes, content_type: str = "application/rss+xml", url: str = BASE + "/feed") -> Page:
    return Page(url, 200, body, content_type)


def test_rss_items_newest_first_with_relative_links_resolved_and_tracking_dropped() -> None:
    body = rss("Noroeste", [("Older", "/a/1?utm_source=rss", rfc822("2024-05-01")),
                            ("Newer", BASE + "/a/2#comments", rfc822("2024-05-03")),
                            ("Again", "/a/1", rfc822("2024-05-01"))])
    listing = read_listing(_page(body))
    assert listing.kind == "feed" and listing.warning is None
    assert [(link.url, link.title, link.published) for link in listing.links] == [
        (BASE + "/a/2", "Newer", dt.date(2024, 5, 3)), (BASE + "/a/1", "Older", dt.date(2024, 5, 1))]


def test_atom_feed() -> None:
    body = b"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>
    <id>urn:x</id><updated>2024-05-02T10:00:00Z</updated>
    <entry><title>One</title><link href="http://127.0.0.1:8000/one"/><id>urn:1</id>
    <updated>2024-05-02T10:00:00Z</updated></entry></feed>"""
    listing = read_listing(_page(body, "application/atom+xml"))
    assert [(link.url, link.published) for link in listing.links] == [(BASE + "/one", dt.date(2024, 5, 2))]


def test_a_sitemap_and_a_sitemap_index() -> None:
    body = b"""<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
      xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
      <url><loc>http://127.0.0.1:8000/x</loc><lastmod>2024-04-01</lastmod></url>
      <url><loc>http://127.0.0.1:8000/y</loc><news:news><news:publication_date>2024-04-05T10:00:00Z</news:publication_date>
      <news:title>Y happened</news:title></news:news></url></urlset>"""
    listing = read_listing(_page(body, "application/xml"))
    assert listing.kind == "sitemap"
    assert [(link.url, link.title) for link in listing.links] == [(BASE + "/y", "Y happened"), (BASE + "/x", None)]
    index = b"""<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
      <sitemap><loc>/sitemap-1.xml</loc></sitemap></sitemapindex>"""
    assert read_listing(_page(index, "text/xml")).sitemaps == (BASE + "/sitemap-1.xml",)


def test_an_html_page_is_an_article() -> None:
    body = article_html("T", "Text.", published="2024-01-01", url=BASE + "/p", site_name="S")
    listing = read_listing(_page(body, "text/html", BASE + "/p"))
    assert listing.kind == "article" and [link.url for link in listing.links] == [BASE + "/p"]


def test_a_malformed_feed_is_an_error_and_a_truncated_one_gives_its_items_with_a_warning() -> None:
    with pytest.raises(FeedError, match=r"E804 feed: not a readable feed \(SAXParseException"):
        read_listing(_page(b"<rss><channel><<<>>> not xml"))
    with pytest.raises(FeedError, match="not a readable feed"):
        read_listing(_page(b"just some words", "text/plain"))
    with pytest.raises(FeedError, match="not an RSS or Atom feed"):
        read_listing(_page(b"<?xml version='1.0'?><catalog><book>x</book></catalog>", "application/xml"))
    truncated = b'<rss version="2.0"><channel><item><title>a</title><link>/a</link></item><item><title>br'
    listing = read_listing(_page(truncated))
    assert [link.url for link in listing.links] == [BASE + "/a"] and "problems" in (listing.warning or "")
    with pytest.raises(FeedError, match="not a readable sitemap"):
        read_listing(_page(b"<urlset><url><loc>x</loc>", "application/xml"), "sitemap")


def test_canonical_url() -> None:
    assert canonical_url("HTTP://Example.MX:80/a?b=1&utm_medium=x&fbclid=2#top") == "http://example.mx/a?b=1"
    assert canonical_url("https://example.mx") == "https://example.mx/"
    assert canonical_url("https://example.mx:8443/x") == "https://example.mx:8443/x"
