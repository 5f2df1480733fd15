"""``talaia watch``'s state in the store (migration 009): sources, articles met, the request log,
alerts delivered and time marks. The same SQL on SQLite and PostgreSQL; each write is its own
transaction, so a watch killed at any point resumes from what was committed.

Times are UTC ISO 8601 text with seconds (``2026-12-07T11:53:08+00:00``), the form of
``documents.ingested_at``, so they compare as text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from talaia.store.base import Store

__all__ = ["Arrival", "SourceState", "WatchState", "utc_text"]

# what an article's outcome means for the next cycle: settled ones are never fetched again
SETTLED_OUTCOMES = frozenset({"stored", "duplicate", "unchanged", "empty", "unreadable", "forbidden", "gave-up"})
_SOURCE_COLUMNS = ("name, url, etag, last_modified, last_poll_at, last_success_at, last_error, last_error_at, "
                   "failures, articles_seen, articles_ingested, next_poll_at")


def utc_text(moment: dt.datetime) -> str:
    """``moment`` as the store writes times (UTC, seconds)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC).isoformat(timespec="seconds")


@dataclass(frozen=True, slots=True)
class SourceState:
    """What the store knows of one source: its validators, health and schedule."""

    name: str
    url: str
    etag: str | None = None
    last_modified: str | None = None
    last_poll_at: str | None = None
    last_success_at: str | None = None
    last_error: str | None = None
    last_error_at: str | None = None
    failures: int = 0  # consecutive failed polls
    articles_seen: int = 0
    articles_ingested: int = 0
    next_poll_at: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.__slots__}


@dataclass(frozen=True, slots=True)
class Arrival:
    """A document stored since some time: what it is, where from, how many events it gave."""

    doc_id: str
    title: str | None
    source: str | None
    url: str | None
    published: str | None
    ingested_at: str
    duplicate_of: str | None
    events: int
    event_ids: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {name: list(v) if isinstance(v := getattr(self, name), tuple) else v for name in self.__slots__}


class WatchState:
    """The watch's tables of ``store`` (which it does not close)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def _write(self, sql: str, args: Sequence[Any]) -> None:
        self.store.atomically(lambda: self.store._execute(sql, args))

    # ---- sources ---------------------------------------------------------------------------
    def source(self, name: str) -> SourceState | None:
        row = self.store._execute(f"SELECT {_SOURCE_COLUMNS} FROM watch_sources WHERE name = ?", (name,)).fetchone()
        return SourceState(*row) if row else None

    def sources(self) -> list[SourceState]:
        return [SourceState(*r) for r in self.store._execute(f"SELECT {_SOURCE_COLUMNS} FROM watch_sources "
                                                             "ORDER BY name")]

    def record_poll(self, name: str, url: str, *, at: str, error: str | None, next_poll_at: str,
                    validators: tuple[str | None, str | None] | None, seen: int, ingested: int) -> None:
        """One poll of source ``name``: its error (None: read), when to poll next, the feed's new
        (ETag, Last-Modified) (None: keep those stored), articles newly seen and ingested."""
        old = self.source(name) or SourceState(name, url)
        if old.url != url:  # the source now points elsewhere: the old validators mean nothing
            old = SourceState(name, url, articles_seen=old.articles_seen, articles_ingested=old.articles_ingested)
        etag, modified = validators if validators is not None else (old.etag, old.last_modified)
        row = (name, url, etag, modified, at, old.last_success_at if error else at,
               error if error else old.last_error, at if error else old.last_error_at,
               old.failures + 1 if error else 0, old.articles_seen + seen, old.articles_ingested + ingested,
               next_poll_at)
        updates = ", ".join(f"{c.strip()} = excluded.{c.strip()}" for c in _SOURCE_COLUMNS.split(",")[1:])
        self._write(f"INSERT INTO watch_sources ({_SOURCE_COLUMNS}) VALUES ({', '.join('?' * len(row))}) "
                    f"ON CONFLICT (name) DO UPDATE SET {updates}", row)

    # ---- articles --------------------------------------------------------------------------
    def known(self, urls: Sequence[str]) -> bool:
        """Whether an article under any of ``urls`` is settled, or stored (by a watch or an ingest)."""
        marks = ", ".join("?" * len(urls))
        found = self.store._execute(
            f"SELECT 1 FROM watch_articles WHERE url IN ({marks}) AND settled = 1 UNION ALL "
            f"SELECT 1 FROM documents WHERE doc_id IN ({marks}) OR url IN ({marks}) LIMIT 1",
            (*urls, *urls, *urls)).fetchone()
        return found is not None

    def attempts(self, url: str) -> int:
        row = self.store._execute("SELECT attempts FROM watch_articles WHERE url = ?", (url,)).fetchone()
        return int(row[0]) if row else 0

    def record_article(self, url: str, source: str, *, at: str, outcome: str, document_key: str | None = None,
                       message: str | None = None) -> None:
        """What came of fetching (and ingesting) the article at ``url`` this time."""
        settled = 1 if outcome in SETTLED_OUTCOMES else 0
        self._write(
            "INSERT INTO watch_articles (url, source, first_seen_at, last_try_at, attempts, outcome, settled, "
            "document_key, message) VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?) ON CONFLICT (url) DO UPDATE SET "
            "last_try_at = excluded.last_try_at, attempts = watch_articles.attempts + 1, outcome = excluded.outcome, "
            "settled = excluded.settled, document_key = excluded.document_key, message = excluded.message",
            (url, source, at, at, outcome, settled, document_key, message))

    def article_outcomes(self, source: str | None = None) -> dict[str, str]:
        """Each article URL met (of ``source``) and its last outcome."""
        sql = "SELECT url, outcome FROM watch_articles" + (" WHERE source = ?" if source else "")
        return {r[0]: r[1] for r in self.store._execute(sql, (source,) if source else ())}

    # ---- the request log -------------------------------------------------------------------
    def log_fetch(self, *, at: str, source: str, url: str, status: int | None, outcome: str,
                  message: str | None, elapsed_ms: int) -> None:
        self._write("INSERT INTO watch_fetches (at, source, url, status, outcome, message, elapsed_ms) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?)", (at, source, url, status, outcome, message, elapsed_ms))

    def fetches(self, since: str | None = None) -> list[dict[str, Any]]:
        sql = "SELECT at, source, url, status, outcome, message, elapsed_ms FROM watch_fetches"
        rows = self.store._execute(sql + (" WHERE at >= ?" if since else "") + " ORDER BY at",
                                   (since,) if since else ())
        names = ("at", "source", "url", "status", "outcome", "message", "elapsed_ms")
        return [dict(zip(names, r, strict=True)) for r in rows]

    def prune_log(self, before: str) -> None:
        self._write("DELETE FROM watch_fetches WHERE at < ?", (before,))

    # ---- alerts and marks ------------------------------------------------------------------
    def delivered(self, alert_key: str, target: str) -> bool:
        return self.store._execute("SELECT 1 FROM watch_alerts WHERE alert_key = ? AND target = ?",
                                   (alert_key, target)).fetchone() is not None

    def record_delivery(self, alert_key: str, target: str, *, at: str, payload: str) -> None:
        self._write("INSERT INTO watch_alerts (alert_key, target, delivered_at, payload) VALUES (?, ?, ?, ?) "
                    "ON CONFLICT (alert_key, target) DO NOTHING", (alert_key, target, at, payload))

    def mark(self, name: str) -> str | None:
        row = self.store._execute("SELECT value FROM watch_marks WHERE name = ?", (name,)).fetchone()
        return str(row[0]) if row else None

    def set_mark(self, name: str, value: str) -> None:
        self._write("INSERT INTO watch_marks (name, value) VALUES (?, ?) "
                    "ON CONFLICT (name) DO UPDATE SET value = excluded.value", (name, value))

    # ---- what arrived ----------------------------------------------------------------------
    def event_dates_since(self, since: str) -> list[str]:
        """The dates of the events of the documents stored at or after ``since`` (the weeks to judge)."""
        rows = self.store._execute(
            "SELECT DISTINCT e.event_date FROM events e JOIN documents d ON d.key = e.document_key "
            "WHERE d.ingested_at >= ? AND e.event_date IS NOT NULL", (since,))
        return sorted(str(r[0]) for r in rows)

    def arrivals(self, since: str, *, limit: int | None = None) -> list[Arrival]:
        """The documents stored at or after ``since``, newest first, each with its events (a duplicate:
        those of its original, of which it is another source)."""
        sql = ("SELECT d.key, d.doc_id, d.title, d.source, d.url, d.published, d.ingested_at, d.duplicate_of "
               "FROM documents d WHERE d.ingested_at >= ? ORDER BY d.ingested_at DESC, d.doc_id")
        rows = list(self.store._execute(sql + (" LIMIT ?" if limit else ""), (since, limit) if limit else (since,)))
        events: dict[str, list[str]] = {}
        keys = [r[7] or r[0] for r in rows]
        for start in range(0, len(keys), 500):
            chunk = keys[start:start + 500]
            for key, event_id in self.store._execute(
                    f"SELECT document_key, event_id FROM events WHERE document_key IN ({', '.join('?' * len(chunk))}) "
                    "ORDER BY document_key, rank", chunk):
                events.setdefault(key, []).append(event_id)
        return [Arrival(r[1], r[2], r[3], r[4], r[5], r[6], r[7], len(events.get(r[7] or r[0], ())),
                        tuple(events.get(r[7] or r[0], ()))) for r in rows]
