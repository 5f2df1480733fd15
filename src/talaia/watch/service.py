"""One watch cycle: poll the sources, fetch their new articles, ingest them, check for alerts.

Each source is polled conditionally; its listing's articles whose URL is neither settled in the
watch's state nor stored (by a watch or an ingest) are fetched, read as ingest reads HTML
(trafilatura, :func:`talaia.ingest.readers.document_from_html`) and handed to
:func:`talaia.ingest.service.ingest_items` together, so they are stored, deduplicated (same text:
linked as another source) and fused exactly as ``talaia ingest`` of the same pages would. A source
that fails is reported and polled again later; the others go on. A feed's validators (ETag,
Last-Modified) are kept only once every article it listed is settled, so an article that failed is
tried again on the next poll (at most ``max_attempts`` times) and a cycle killed half-way resumes.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from talaia.errors import DocumentError, FeedError, FetchError, RobotsError, TalaiaError
from talaia.ingest.dedupe import content_hash
from talaia.ingest.readers import ReadOptions, document_from_html
from talaia.ingest.service import IngestReport, document_key, ingest_items
from talaia.models import Document
from talaia.pipeline import Pipeline
from talaia.store.base import Store
from talaia.store.watchstate import SETTLED_OUTCOMES, WatchState, utc_text
from talaia.watch.feeds import Link, Listing, canonical_url, read_listing
from talaia.watch.http import Fetcher, FetchRecord, Page
from talaia.watch.sources import Source

__all__ = ["ArticleOutcome", "CycleReport", "SourceReport", "WatchSettings", "due_sources", "request_log",
           "run_cycle"]

MAX_SITEMAPS = 5  # child sitemaps of a sitemap index read per poll
MAX_BACKOFF_POLLS = 8  # a failing source waits at most this many of its intervals


@dataclass(frozen=True, slots=True)
class WatchSettings:
    """How a watch runs (the fetcher's own settings are :class:`~talaia.watch.http.FetchSettings`)."""

    every: dt.timedelta = dt.timedelta(minutes=15)  # a source's interval unless it sets its own
    max_attempts: int = 3  # polls on which one article is tried before it is given up
    log_days: int = 30  # the request log keeps this many days
    max_bytes: int = 20 * 1024 * 1024  # an article's text limit, as ingest's --max-bytes


@dataclass(frozen=True, slots=True)
class ArticleOutcome:
    """What came of one article this cycle: stored, duplicate (linked to a stored original),
    unchanged (stored before), empty (no article text: boilerplate), unreadable, failed (tried
    again later), gave-up (failed too often), forbidden (robots.txt)."""

    url: str
    outcome: str
    message: str | None = None


@dataclass(slots=True)
class SourceReport:
    """One source's poll: whether it was read, what it listed and what came of its new articles."""

    name: str
    url: str
    error: str | None = None
    not_modified: bool = False
    listed: int = 0  # articles the listing holds
    new: int = 0  # of them, not settled or stored before: fetched now
    first_seen: int = 0  # of those, never met before
    more: bool = False  # more new articles than the source's max_articles: the rest on the next poll
    warning: str | None = None
    articles: list[ArticleOutcome] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.error is None

    def count(self, outcome: str) -> int:
        return sum(1 for a in self.articles if a.outcome == outcome)

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "url": self.url, "ok": self.ok, "error": self.error,
                "not_modified": self.not_modified, "listed": self.listed, "new": self.new,
                "stored": self.count("stored"), "duplicates": self.count("duplicate"), "warning": self.warning,
                "articles": [dataclasses.asdict(a) for a in self.articles]}


@dataclass(slots=True)
class CycleReport:
    """A cycle: each source's report, the ingest's, and the alerts found and delivered."""

    started_at: str
    finished_at: str = ""
    sources: list[SourceReport] = field(default_factory=list)
    ingest: IngestReport | None = None
    alerts: list[dict[str, Any]] = field(default_factory=list)  # new alerts (each delivered or not)
    delivery_errors: list[str] = field(default_factory=list)

    @property
    def failures(self) -> list[str]:
        """Each source that could not be read and each delivery that failed, named."""
        return [f"{s.name}: {s.error}" for s in self.sources if s.error] + self.delivery_errors

    def to_dict(self) -> dict[str, Any]:
        return {"started_at": self.started_at, "finished_at": self.finished_at,
                "sources": [s.to_dict() for s in self.sources],
                "ingest": self.ingest.to_dict() if self.ingest else None, "alerts": self.alerts,
                "failures": self.failures}


@dataclass(slots=True)
class _Fetched:
    """An article fetched this cycle, on its way to the store."""

    source: SourceReport
    urls: list[str]  # as listed and, after redirects, as served
    item: Document | TalaiaError
    existed: bool = False  # its key was stored before this cycle


def due_sources(sources: Sequence[Source], state: WatchState, now: dt.datetime) -> list[Source]:
    """The sources whose next poll is due at ``now`` (never polled, or polled from another URL: due)."""
    due = []
    for source in sources:
        known = state.source(source.name)
        if known is None or known.url != source.url or not known.next_poll_at \
                or known.next_poll_at <= utc_text(now):
            due.append(source)
    return due


def run_cycle(sources: Sequence[Source], store: Store, *, fetcher: Fetcher, pipeline: Pipeline,
              settings: WatchSettings | None = None, now: Callable[[], dt.datetime] | None = None,
              on_error: Callable[[str], None] | None = None) -> CycleReport:
    """Poll ``sources`` once each and ingest their new articles into ``store`` (see the module)."""
    s = settings or WatchSettings()
    clock = now or (lambda: dt.datetime.now(dt.UTC))
    state = WatchState(store)
    report = CycleReport(started_at=utc_text(clock()))
    current: list[str] = [""]  # the source whose requests are being logged
    fetcher.log = lambda record: request_log(state, current[0], clock)(record)
    fetched: list[_Fetched] = []
    polls: list[tuple[Source, SourceReport, Page | None]] = []
    for source in sources:
        current[0] = source.name
        source_report, page, articles = _poll(source, state, fetcher, s, clock)
        report.sources.append(source_report)
        polls.append((source, source_report, page))
        fetched.extend(articles)
        if source_report.error and on_error:
            on_error(f"{source.name}: {source_report.error}")
    report.ingest = _ingest(fetched, store, pipeline, on_error)
    at = utc_text(clock())
    for article in fetched:
        outcome = _settle(article, store, state, s, at)
        article.source.articles.append(outcome)
    for source, source_report, page in polls:
        _record_poll(source, source_report, page, state, s, clock())
    state.prune_log(utc_text(clock() - dt.timedelta(days=s.log_days)))
    report.finished_at = utc_text(clock())
    return report


def request_log(state: WatchState, source: str, clock: Callable[[], dt.datetime]) -> Callable[[FetchRecord], None]:
    """What writes a request made for ``source`` to the store's request log."""
    def log(record: FetchRecord) -> None:
        state.log_fetch(at=utc_text(clock()), source=source, url=record.url, status=record.status,
                        outcome=record.outcome, message=record.message, elapsed_ms=record.elapsed_ms)
    return log


def _poll(source: Source, state: WatchState, fetcher: Fetcher, settings: WatchSettings,
          clock: Callable[[], dt.datetime]) -> tuple[SourceReport, Page | None, list[_Fetched]]:
    """Read ``source``'s listing and fetch its new articles (not yet ingested)."""
    report = SourceReport(source.name, source.url)
    known = state.source(source.name)
    same = known is not None and known.url == source.url
    try:
        page = fetcher.get(source.url, etag=known.etag if same and known else None,
                           last_modified=known.last_modified if same and known else None)
    except FetchError as err:
        report.error = f"{err.code} {err.slug}: {err.message}"
        return report, None, []
    if page.not_modified:
        report.not_modified = True
        return report, page, []
    try:
        listing = _listing(source, page, fetcher)
    except (FeedError, FetchError) as err:
        report.error = f"{err.code} {err.slug}: {err.message}"
        return report, None, []
    report.listed = len(listing.links)
    report.warning = listing.warning
    options = ReadOptions(max_bytes=settings.max_bytes, language=source.language)
    if listing.kind == "article":  # the source is one page, polled for changes: read what was fetched
        url = listing.links[0].url
        report.new, report.first_seen = 1, int(state.attempts(url) == 0)
        return report, page, [_Fetched(report, [url], _document(page, Link(page.url), source, options))]
    fresh = [link for link in listing.links if not state.known([link.url])]
    report.more = len(fresh) > source.max_articles
    fresh = fresh[:source.max_articles]
    report.new = len(fresh)
    articles: list[_Fetched] = []
    for link in fresh:
        tried = state.attempts(link.url)
        report.first_seen += tried == 0
        if tried >= settings.max_attempts:
            state.record_article(link.url, source.name, at=utc_text(clock()), outcome="gave-up",
                                 message=f"failed on {settings.max_attempts} polls")
            report.articles.append(ArticleOutcome(link.url, "gave-up"))
            continue
        try:
            article = fetcher.get(link.url)
        except FetchError as err:
            outcome = "forbidden" if isinstance(err, RobotsError) else _failed(state, link.url, settings)
            message = f"{err.code} {err.slug}: {err.message}"
            state.record_article(link.url, source.name, at=utc_text(clock()), outcome=outcome, message=message)
            report.articles.append(ArticleOutcome(link.url, outcome, message))
            continue
        served = canonical_url(article.url)
        if served != link.url and state.known([served]):  # redirected to an article stored before
            state.record_article(link.url, source.name, at=utc_text(clock()), outcome="unchanged",
                                 message=f"redirects to {served}, stored before")
            report.articles.append(ArticleOutcome(link.url, "unchanged", f"redirects to {served}"))
            continue
        articles.append(_Fetched(report, list(dict.fromkeys([link.url, served])),
                                 _document(article, link, source, options)))
    return report, page, articles


def _listing(source: Source, page: Page, fetcher: Fetcher) -> Listing:
    """The source's listing; a sitemap index's child sitemaps (the first few) read into one."""
    listing = read_listing(page, source.kind)
    if listing.kind != "sitemap" or not listing.sitemaps:
        return listing
    links: list[Link] = []
    for child in listing.sitemaps[:MAX_SITEMAPS]:
        links.extend(read_listing(fetcher.get(child), "sitemap").links)
    return Listing("sitemap", tuple(sorted(links, key=lambda link: link.published or dt.date.min, reverse=True)))


def _document(page: Page, link: Link, source: Source, options: ReadOptions) -> Document | TalaiaError:
    """An article page as ingest reads an HTML file (its text, title, date by trafilatura), its id and
    URL the URL it was served from, its source the source's name; the listing's title and date where
    the page has none."""
    url = canonical_url(page.url)
    kind = page.content_type.split(";")[0].strip().lower()
    if kind and "html" not in kind and page.content.lstrip()[:1] != b"<":
        return DocumentError(f"not an HTML page ({kind})", document=url, doc_id=url)
    item = document_from_html(page.text(), url, url, options)
    if not isinstance(item, Document):
        return item
    return dataclasses.replace(item, source=source.name, url=url, title=item.title or link.title,
                               published=item.published or link.published)


def _ingest(fetched: list[_Fetched], store: Store, pipeline: Pipeline,
            on_error: Callable[[str], None] | None) -> IngestReport | None:
    if not fetched:
        return None
    for article in fetched:
        if isinstance(article.item, Document):
            article.existed = store.find_document(_key(article.item)) is not None
    return ingest_items([a.item for a in fetched], store, total=len(fetched), pipeline=pipeline, on_error=on_error)


def _key(doc: Document) -> str:
    return document_key(doc, content_hash(doc.text))


def _settle(article: _Fetched, store: Store, state: WatchState, settings: WatchSettings, at: str) -> ArticleOutcome:
    """Record what came of a fetched article under each of its URLs."""
    item = article.item
    key = None
    message = None
    if isinstance(item, Document):
        key = _key(item)
        stored = store.find_document(key)
        if stored is None:
            outcome, message = "failed", "extraction or storage failed (see talaia's errors)"
        elif article.existed:
            outcome = "unchanged"
        else:
            outcome = "duplicate" if stored.duplicate_of else "stored"
    else:
        outcome = "empty" if item.code == "E101" else "unreadable"
        message = f"{item.code} {item.slug}: {item.message}"
    name = article.source.name
    if outcome == "failed":
        outcome = _failed(state, article.urls[0], settings)
    for url in article.urls:
        state.record_article(url, name, at=at, outcome=outcome, document_key=key, message=message)
    return ArticleOutcome(article.urls[-1], outcome, message)


def _failed(state: WatchState, url: str, settings: WatchSettings) -> str:
    """``failed`` (tried again on the next poll), or ``gave-up`` on the last of ``max_attempts`` tries."""
    return "gave-up" if state.attempts(url) + 1 >= settings.max_attempts else "failed"


def _record_poll(source: Source, report: SourceReport, page: Page | None, state: WatchState,
                 settings: WatchSettings, now: dt.datetime) -> None:
    """The poll's result; the listing's validators kept only when every article it listed is settled
    (else the next poll reads it whole again and tries the rest)."""
    every = source.every or settings.every
    known = state.source(source.name)
    failures = (known.failures if known and known.url == source.url else 0) + 1 if report.error else 0
    wait = every * min(2 ** max(0, failures - 1), MAX_BACKOFF_POLLS) if failures else every
    complete = page is not None and not page.not_modified and not report.more \
        and all(a.outcome in SETTLED_OUTCOMES for a in report.articles)
    validators = (page.etag, page.last_modified) if complete and page is not None else None
    state.record_poll(source.name, source.url, at=utc_text(now), error=report.error,
                      next_poll_at=utc_text(now + wait), validators=validators, seen=report.first_seen,
                      ingested=report.count("stored"))
