"""What every store does, in SQL that SQLite and PostgreSQL both run; the backends add the rest.

Writes happen in one transaction per batch of documents, so a crash (even ``kill -9``) loses at
most the batch in flight and never leaves half a document behind; the next ingest stores what
was lost, once. Every row carries the version of the extractor that produced it
(``ExtractionResult.extractor``); writing a stored document again replaces its events, quotes
and places (a re-extraction) and keeps its duplicates linked as sources of the new events.

SQL here uses ``?`` placeholders; a backend translates them (:meth:`Store._execute`). What
differs between backends is small: how to connect, transactions, a lock around migrations,
column types (:class:`~talaia.store.migrations.Dialect`) and one JSON expression.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import random
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from contextlib import AbstractContextManager, nullcontext
from typing import Any, TypeVar

from talaia.errors import StoreError, TalaiaError
from talaia.models import Document, Evidence, ExtractionResult
from talaia.review.records import REVIEW_COLUMNS, Review
from talaia.store.filters import EventFilter, shared_conditions
from talaia.store.followups import FollowUpTables
from talaia.store.migrations import (
    INCIDENTS_MIGRATION,
    MIGRATIONS,
    MINHASH_BAND_VALUES,
    MINHASH_BANDS,
    MINHASH_VALUE_BYTES,
    Dialect,
    minhash_band_key,
)
from talaia.store.overlay import ReviewState, events_source, overlay_load
from talaia.store.records import (
    EVENT_COLUMNS,
    EventDetail,
    Row,
    StoredDocument,
    StoredEvent,
    StoreItem,
    document_from_row,
    event_from_row,
    event_row,
    fused_event,
)
from talaia.store.vectors import SentenceVectorTables
from talaia.text import fold

__all__ = ["ConflictError", "Store"]

_DOCUMENT_COLUMNS = "key, doc_id, content_hash, minhash, duplicate_of, extractor_version"
_QUOTE_COLUMNS = ("text", "start", '"end"', "speaker", "speaker_start", "speaker_end", "cue", "direct",
                  "extractor_version", "certainty", "event_id")
_QUOTE_FIELDS = ('d.doc_id AS document_id, q.text, q.start, q."end", q.speaker, q.cue, q.direct, q.certainty, '
                 'q.event_id')
_PLACE_COLUMNS = ("name", "start", '"end"', "latitude", "longitude", "country_code", "admin1", "admin2",
                  "geonames_id", "feature", "extractor_version")
_CHUNK = 500  # ids per IN (...) list
_ATTEMPTS = 5  # of a transaction a concurrent one made the database abort
T = TypeVar("T")


def fold_key(value: Any) -> str | None:
    """Accent- and case-insensitive comparison key, the SQL function fold() of every backend."""
    if value is None:
        return None
    return _folded(value)


def _folded(value: Any) -> str:
    return fold(str(value)).strip()


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _upsert(table: str, columns: Sequence[str]) -> str:
    """INSERT of ``(document_key, idx, *columns)`` that replaces the row with the same key and index."""
    names = ", ".join(("document_key", "idx", *columns))
    updates = ", ".join(f"{c} = excluded.{c}" for c in columns)
    return (f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' * (len(columns) + 2))}) "
            f"ON CONFLICT (document_key, idx) DO UPDATE SET {updates}")


class ConflictError(StoreError):
    """A transaction the database aborted because of a concurrent one (deadlock, serialisation
    failure); :meth:`Store.atomically` runs it again."""


class Store(FollowUpTables, SentenceVectorTables):
    """A Talaia database. Open one with :func:`talaia.store.open_store`; backends subclass this."""

    dialect: Dialect
    label: str  # where it is, for messages (a path, or a URL without its password)
    _nested = False  # inside atomically()
    _overlay_loaded: object = None  # the review overlay now in this connection's temporary table

    # ---- what a backend provides ------------------------------------------------------------
    def _execute(self, sql: str, args: Sequence[Any] = ()) -> Any:
        """Run ``sql`` (``?`` placeholders); returns a cursor (iterable of rows, fetchone, rowcount)."""
        raise NotImplementedError

    def _transaction(self) -> AbstractContextManager[object]:
        """A write transaction: committed when the block ends, rolled back when it raises; inside
        another, part of it."""
        raise NotImplementedError

    def _lock_fusion(self) -> None:
        """Inside a transaction: wait until no other connection is fusing (a backend whose write
        transactions do not already exclude each other takes a lock)."""

    def _migration_lock(self) -> AbstractContextManager[object]:
        """Held while migrations are checked and applied (a backend whose transactions do not
        serialise writers takes a lock)."""
        return nullcontext()

    def _first_evidence_sql(self) -> tuple[str, str]:
        """SQL for the (start, end) offsets of an event row ``e``'s first evidence span."""
        raise NotImplementedError

    def _execute_many(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        """Run ``sql`` (``?`` placeholders) once per row of ``rows``."""
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    # ---- shared ----------------------------------------------------------------------------
    def __enter__(self) -> Store:
        return self

    def atomically(self, work: Callable[[], T]) -> T:
        """``work()`` in one transaction, run again (up to 5 times) when a concurrent writer made the
        database abort it (a deadlock between team members' ingests); inside another transaction,
        part of that one."""
        if self._nested:
            return work()
        for attempt in range(_ATTEMPTS):
            self._nested = True
            try:
                with self._transaction():
                    return work()
            except ConflictError:
                if attempt == _ATTEMPTS - 1:
                    raise
                time.sleep(random.uniform(0.02, 0.1) * 2 ** attempt)
            finally:
                self._nested = False
        raise AssertionError("unreachable")

    def fusing(self, work: Callable[[], T]) -> T:
        """``work()`` (read the events, record their incidents) atomically and one fusion at a time per
        database: team members ingesting at once never have incidents computed from fewer events
        overwrite later ones."""
        def locked() -> T:
            self._lock_fusion()
            return work()
        return self.atomically(locked)

    def __exit__(self, *exc: object) -> None:
        self.close()

    def fetch_all(self, sql: str, args: Sequence[Any] = ()) -> list[Row]:
        """Rows of a query written with ``?`` placeholders (for tools and tests; the methods below
        are the store's interface)."""
        return list(self._execute(sql, args).fetchall())

    def apply_migrations(self) -> list[str]:
        """Apply the pending migrations of :data:`~talaia.store.migrations.MIGRATIONS`, each in its own
        transaction, checked again inside it; returns their names."""
        applied: list[str] = []
        if not self._migrations_pending():
            return applied  # a current schema: no lock taken, so opening never waits on another opener
        with self._migration_lock():
            self._execute("CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
            done = {row[0] for row in self._execute("SELECT name FROM _migrations")}
            for name, step in MIGRATIONS:
                if name in done:
                    continue
                with self._transaction():
                    if self._execute("SELECT 1 FROM _migrations WHERE name = ?", (name,)).fetchone() is None:
                        for sql in step(self.dialect):
                            self._execute(sql)
                        self._execute("INSERT INTO _migrations (name, applied_at) VALUES (?, ?)", (name, _now()))
                        if name == INCIDENTS_MIGRATION:  # a database with events: its incidents computed
                            self._nested = True
                            try:
                                self._after_write(everything=True)
                            finally:
                                self._nested = False
                        applied.append(name)
        self._generation_kept = None  # read again: a migration may have made its table
        return applied

    def refresh_incidents(self, *, everything: bool = False) -> None:
        """Bring the review states and incidents up to date after a change made outside the store's
        methods (rows deleted in SQL, a bulk load); ``everything``: compute every incident again."""
        self.atomically(lambda: self._after_write(everything=everything))

    def _after_write(self, *, everything: bool = False) -> None:
        """Inside a write's transaction: keep the review states as the audit log now resolves them and
        compute the incidents the write touched again (``everything``: every incident)."""
        from talaia.review.service import review_overlay

        # one refresh at a time per database: two writers touching one incident would otherwise both
        # replace its row and both apply its counts' deltas (the lock is the fusion's, held to commit)
        self._lock_fusion()
        self.sync_review_states(review_overlay(self))
        if everything:
            self._stale = set()
            self.rebuild_incidents()
        else:
            self._refresh_stale()

    def _migrations_pending(self) -> bool:
        """Whether some migration is not applied, read without the lock (what is pending is read again
        under it); also True for a database without Talaia's tables yet."""
        try:
            done = {row[0] for row in self._execute("SELECT name FROM _migrations")}
        except StoreError:
            return True
        return any(name not in done for name, _ in MIGRATIONS)

    def migrations(self) -> list[str]:
        """The names of the applied migrations, in the order they were applied."""
        return [r[0] for r in self._execute("SELECT name FROM _migrations ORDER BY applied_at, name")]

    # ---- documents -------------------------------------------------------------------------
    def find_document(self, key: str) -> StoredDocument | None:
        row = self._execute(f"SELECT {_DOCUMENT_COLUMNS} FROM documents WHERE key = ?", (key,)).fetchone()
        return StoredDocument(*row) if row else None

    def find_by_content(self, content_hash: str) -> StoredDocument | None:
        row = self._execute(
            f"SELECT {_DOCUMENT_COLUMNS} FROM documents WHERE content_hash = ? "
            "AND duplicate_of IS NULL ORDER BY ingested_at, key LIMIT 1", (content_hash,)).fetchone()
        return StoredDocument(*row) if row else None

    def near_duplicate_candidates(self, signature: bytes) -> list[tuple[str, bytes]]:
        """(key, signature) of the stored originals whose MinHash signature shares a whole band with
        ``signature`` (the LSH's candidates, looked up by the indexed first value of each band)."""
        width = MINHASH_BAND_VALUES * MINHASH_VALUE_BYTES
        bands = [signature[b * width:(b + 1) * width] for b in range(MINHASH_BANDS)]
        found: dict[str, bytes] = {}
        for b, band in enumerate(bands):
            for key, stored in self._execute(
                    f"SELECT key, minhash FROM documents WHERE {minhash_band_key(b)} = ? AND duplicate_of IS NULL",
                    (band[:MINHASH_VALUE_BYTES],)):
                stored = bytes(stored)
                if key not in found and stored[b * width:(b + 1) * width] == band:
                    found[key] = stored
        return sorted(found.items())

    def superseded(self, key: str) -> bool:
        """Whether ``key`` is a version of an article that a later version replaced."""
        return self._execute("SELECT 1 FROM superseded_documents WHERE key = ?", (key,)).fetchone() is not None

    def keys_of(self, doc_id: str) -> list[str]:
        """Keys of the stored documents with the id ``doc_id`` (versions of one article)."""
        return [r[0] for r in self._execute("SELECT key FROM documents WHERE doc_id = ?", (doc_id,))]

    def document_titles(self, doc_ids: Sequence[str]) -> dict[str, tuple[str | None, str | None]]:
        """doc_id -> (title, url) of the first stored version of each of ``doc_ids`` (those that exist),
        without their texts: what a list of sources shows."""
        found: dict[str, tuple[str | None, str | None]] = {}
        wanted = list(dict.fromkeys(doc_ids))
        for chunk in range(0, len(wanted), _CHUNK):
            part = wanted[chunk:chunk + _CHUNK]
            for r in self._execute(f"SELECT doc_id, title, url FROM documents WHERE doc_id IN "
                                   f"({','.join('?' * len(part))}) ORDER BY key", part).fetchall():
                found.setdefault(r[0], (r[1], r[2]))
        return found

    def count_originals(self) -> int:
        """How many stored documents are not duplicates."""
        return int(self._execute("SELECT count(*) FROM documents WHERE duplicate_of IS NULL").fetchone()[0])

    def outdated(self, version: str | None) -> list[str]:
        """Keys of the stored originals (not duplicates) whose extractor version is not ``version``
        (None: every original), oldest first."""
        sql = "SELECT key FROM documents WHERE duplicate_of IS NULL"
        args: tuple[str, ...] = ()
        if version is not None:
            sql += " AND extractor_version != ?"
            args = (version,)
        return [r[0] for r in self._execute(sql + " ORDER BY ingested_at, doc_id", args)]

    def load_documents(self, keys: Sequence[str]) -> list[tuple[StoredDocument, Document]]:
        """The stored documents of ``keys`` (those that exist), in the order of ``keys``."""
        found: dict[str, tuple[StoredDocument, Document]] = {}
        for chunk in range(0, len(keys), _CHUNK):
            part = list(keys[chunk:chunk + _CHUNK])
            rows = self._execute(
                f"SELECT {_DOCUMENT_COLUMNS}, text, title, published, language, source, url, origin FROM documents "
                f"WHERE key IN ({','.join('?' * len(part))})", part).fetchall()
            for r in rows:
                found[r["key"]] = (StoredDocument(*tuple(r)[:6]), document_from_row(r))
        return [found[k] for k in keys if k in found]

    def write_batch(self, items: Sequence[StoreItem]) -> None:
        """Store documents with their results in one transaction.

        A new document is inserted. A document stored before under the same key has its
        events, quotes and places replaced by the new result's (a re-extraction); documents
        linked to it as duplicates become sources of the new events. A duplicate has no
        result of its own and becomes a source of its original's events. Another document
        with the same id (an earlier version of the article) is replaced.
        """
        now = _now()

        def write() -> None:
            for item in items:
                self._write_item(item, now)
            self._after_write()
        self.atomically(write)

    def _write_item(self, item: StoreItem, now: str) -> None:
        doc, key, result, version = item.document, item.key, item.result, item.version
        ok = result is not None and result.error is None
        language = (result.language if result else None) or doc.language
        published = doc.published.isoformat() if doc.published else None
        inserted = self._execute(
            "INSERT INTO documents (key, doc_id, content_hash, title, published, language, source, url, "
            "origin, text, minhash, duplicate_of, similarity, extractor_version, ingested_at) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT (key) DO NOTHING",
            (key, doc.id, item.content_hash, doc.title, published, language, doc.source, doc.url, doc.origin,
             doc.text, item.minhash, item.duplicate_of, item.similarity, version, now),
        ).rowcount
        if inserted:
            self._execute("DELETE FROM superseded_documents WHERE key = ?", (key,))
        elif item.duplicate_of is None and self._execute(
                "SELECT 1 FROM documents WHERE key = ? AND duplicate_of IS NOT NULL", (key,)).fetchone():
            return  # another ingest, at the same time, stored it as a copy: it stays one (no rows of its own)
        # the same id with other text is an earlier version of the article: replace it (remembered, so
        # reading it again does not bring it back), and link its duplicates to what replaces it
        target = item.duplicate_of or key
        for (old,) in self._execute("SELECT key FROM documents WHERE doc_id = ? AND key NOT IN (?, ?)",
                                    (doc.id, key, target)).fetchall():
            self._mark_document(old)
            self._execute("UPDATE documents SET duplicate_of = ? WHERE duplicate_of = ?", (target, old))
            self._execute("DELETE FROM documents WHERE key = ?", (old,))
            self._execute("INSERT INTO superseded_documents (key, doc_id, replaced_by, at) VALUES (?, ?, ?, ?) "
                          "ON CONFLICT (key) DO UPDATE SET replaced_by = excluded.replaced_by, at = excluded.at",
                          (old, doc.id, key, now))
        if item.duplicate_of is not None:
            self._link_duplicates(item.duplicate_of)
            self._mark_document(item.duplicate_of)
            return
        if not ok:
            return
        assert result is not None
        if not inserted:  # stored before: a re-extraction replaces what the older extractor found
            self._execute(
                "UPDATE documents SET title = ?, published = ?, language = ?, source = ?, url = ?, origin = ?, "
                "extractor_version = ? WHERE key = ?",
                (doc.title, published, language, doc.source, doc.url, doc.origin, version, key))
            self._execute("UPDATE documents SET extractor_version = ? WHERE duplicate_of = ?", (version, key))
            self._mark_document(key)
            for table in ("events", "quotes", "places"):
                self._execute(f"DELETE FROM {table} WHERE document_key = ?", (key,))
        self._write_result(key, result, version)
        self._link_duplicates(key)
        self._mark_document(key)

    # the documents as the duplicates of one original are looked up in them (SQLite names its index: see there)
    _DUPLICATES_SOURCE = "documents d"

    def _link_duplicates(self, original: str) -> None:
        """Make every duplicate of ``original`` a source of each of its events."""
        self._execute(
            "INSERT INTO event_sources (event_id, document_key) "
            f"SELECT e.event_id, d.key FROM events e JOIN {self._DUPLICATES_SOURCE} ON d.duplicate_of = e.document_key "
            "WHERE e.document_key = ? ON CONFLICT DO NOTHING", (original,))

    def _write_result(self, key: str, result: ExtractionResult, version: str) -> None:
        for rank, e in enumerate(result.events):
            self._execute(
                f"INSERT INTO events (document_key, rank, extractor_version, {', '.join(EVENT_COLUMNS)}) "
                f"VALUES (?, ?, ?, {', '.join('?' * len(EVENT_COLUMNS))}) "
                "ON CONFLICT (event_id) DO NOTHING", (key, rank, version, *event_row(e)))
            self._execute("INSERT INTO event_sources (event_id, document_key) VALUES (?, ?) ON CONFLICT DO NOTHING",
                          (e.event_id, key))
        for i, q in enumerate(result.quotes):
            self._execute(_upsert("quotes", _QUOTE_COLUMNS),
                          (key, i, q.text, q.start, q.end, q.speaker, q.speaker_start, q.speaker_end, q.cue,
                           int(q.direct), version, q.certainty, q.event_id))
        for i, p in enumerate(result.places):
            self._execute(_upsert("places", _PLACE_COLUMNS),
                          (key, i, p.name, p.start, p.end, p.latitude, p.longitude, p.country_code, p.admin1,
                           p.admin2, p.geonames_id, p.feature, version))

    def record_error(self, error: TalaiaError | dict[str, str], label: str) -> None:
        if isinstance(error, TalaiaError):
            code, message = f"{error.code} {error.slug}", error.message
        else:
            code, message = error.get("code", "E100"), error.get("message", "")
        self._execute("INSERT INTO ingest_errors (label, code, message, at) VALUES (?,?,?,?)",
                      (label, code, message, _now()))

    # ---- queries ---------------------------------------------------------------------------
    def count(self, table: str) -> int:
        if table not in {"documents", "events", "quotes", "places", "ingest_errors", "event_sources"}:
            raise ValueError(table)
        return int(self._execute(f"SELECT count(*) FROM {table}").fetchone()[0])

    def events(self, flt: EventFilter | None = None, *, fused: bool = True,
               overlay: Mapping[str, ReviewState] | None = None, incident: str | None = None) -> list[StoredEvent]:
        """Stored events matching ``flt``: one per incident (``fused``, the default), else one per
        document's mention. A fused event is its first mention's record with ACLED's reconciled
        figures (the lowest reported toll as ``fatalities``, the highest as ``fatalities_high``)
        and the sources of every mention; the filters select mentions. ``overlay``: the review state
        of each reviewed stored event (``talaia.review``), applied before filtering; ``incident``: only
        the stored events of that incident."""
        flt = flt or EventFilter()
        where, args = _conditions(flt)
        if incident is not None:  # written so that the indexes serve it
            where.append("(e.incident_id = ? OR (e.incident_id IS NULL AND e.event_id = ?))")
            args.extend([incident, incident])
        sql = (f"SELECT e.* FROM {self._source(overlay)} JOIN documents d ON d.key = e.document_key "
               f"{'WHERE ' + ' AND '.join(where) if where else ''} "
               "ORDER BY e.event_date IS NULL, e.event_date, d.doc_id, e.rank")
        if flt.limit and not fused:
            sql += f" LIMIT {int(flt.limit)}"
        rows = self._execute(sql, args).fetchall()
        sources = self._sources([r["event_id"] for r in rows])
        states = overlay or {}
        if not fused:
            return [StoredEvent(event_from_row(r), tuple(sources.get(r["event_id"], ())),
                                review=states.get(r["event_id"])) for r in rows]
        groups: dict[str, list[Row]] = {}
        for r in rows:
            groups.setdefault(r["incident_id"] or r["event_id"], []).append(r)
        fused_events = [fused_event(members, sources) for members in groups.values()][:flt.limit or None]
        return [dataclasses.replace(f, review=states.get(f.event.event_id)) for f in fused_events]

    def _source(self, overlay: Mapping[str, ReviewState] | None) -> str:
        """The events to read from: with ``overlay`` loaded into this connection's temporary table
        when there is one."""
        if overlay and overlay is not self._overlay_loaded:  # the same overlay again: already in the table
            load = overlay_load(overlay)
            self._execute(load.create)
            self._execute(load.clear)
            self._execute_many(load.insert, load.rows)
            self._overlay_loaded = overlay
        return events_source(EVENT_COLUMNS, overlaid=bool(overlay))

    def fusion_rows(self, where: str = "", args: Sequence[Any] = ()) -> list[Row]:
        """Every stored event (``where``: those it selects, SQL on ``e``, the events) with what fusion reads,
        its incident as stored, the text of its first evidence span as ``sentence`` (cut in SQL: the
        documents' whole texts are not read) and its document's ``outlet``."""
        start, end = self._first_evidence_sql()
        return list(self._execute(
            "SELECT e.event_id, e.document_key, e.event_date, e.time_precision, e.event_type, e.sub_event_type, "
            "e.country_code, e.admin1, e.admin2, e.location, e.geo_precision, e.fatalities, e.actor1, e.actor2, "
            f"coalesce(substr(d.text, {start} + 1, {end} - {start}), '') AS sentence, d.source AS outlet, "
            "coalesce(e.incident_id, e.event_id) AS incident "
            f"FROM events e JOIN documents d ON d.key = e.document_key {where} ORDER BY e.event_id", args).fetchall())

    def fusion_block_rows(self, keys: Sequence[str], days: int) -> tuple[list[Row], set[str]]:
        """The fusion rows of the blocks of the documents ``keys`` (the stored events they compare with:
        those of their countries within ``days`` of their dates, every country's for one naming no
        first-level unit, as fusion's blocking pairs them; with every other event of the incidents read,
        whole), and the ids of the documents' own events."""
        own = [r for chunk in range(0, len(keys), _CHUNK) for r in self.fusion_rows(
            f"WHERE e.document_key IN ({','.join('?' * len(keys[chunk:chunk + _CHUNK]))})",
            list(keys[chunk:chunk + _CHUNK]))]
        spans: dict[str | None, list[str]] = {}
        for r in own:
            if r["event_date"]:
                spans.setdefault(r["country_code"] if r["admin1"] else None, []).append(r["event_date"][:10])
        found = {r["event_id"]: r for r in own}
        for country, dates in spans.items():
            low = (dt.date.fromisoformat(min(dates)) - dt.timedelta(days=days)).isoformat()
            high = (dt.date.fromisoformat(max(dates)) + dt.timedelta(days=days)).isoformat()
            where, args = "WHERE e.event_date BETWEEN ? AND ?", [low, high]
            if country is not None:
                where += " AND (e.country_code = ? OR e.country_code IS NULL OR e.admin1 IS NULL)"
                args.append(country)
            found.update((r["event_id"], r) for r in self.fusion_rows(where, args))
        incidents = sorted({r["incident"] for r in found.values()})
        for chunk in range(0, len(incidents), _CHUNK):
            part = incidents[chunk:chunk + _CHUNK]
            found.update((r["event_id"], r) for r in self.fusion_rows(
                f"WHERE e.incident_id IN ({','.join('?' * len(part))})", part))
        return [found[i] for i in sorted(found)], {r["event_id"] for r in own}

    def incident_mentions(self, event_id: str) -> tuple[str, list[str]]:
        """(incident id, the ids of its stored events) of a stored event or of a fused event's id."""
        row = self._execute("SELECT coalesce(incident_id, event_id) FROM events WHERE event_id = ?",
                            (event_id,)).fetchone()
        if row is None:
            return "", []
        incident = row[0]
        ids = [r[0] for r in self._execute(
            "SELECT event_id FROM events WHERE coalesce(incident_id, event_id) = ? ORDER BY event_id", (incident,))]
        return incident, ids

    def set_overrides(self, kind: str, pairs: Iterable[tuple[str, str]]) -> None:
        """Record that each pair of stored events is 'apart' or 'together' (the opposite record goes),
        in one transaction."""
        now = _now()
        chosen = sorted({tuple(sorted(p)) for p in pairs if p[0] != p[1]})

        def record() -> None:
            for a, b in chosen:
                self._execute("DELETE FROM fusion_overrides WHERE event_a = ? AND event_b = ?", (a, b))
                self._execute("INSERT INTO fusion_overrides (kind, event_a, event_b, at) VALUES (?, ?, ?, ?)",
                              (kind, a, b, now))
        self.atomically(record)

    def overrides(self) -> list[tuple[str, str, str]]:
        """(kind, event a, event b) of every recorded correction of fusion."""
        return [(r[0], r[1], r[2]) for r in self._execute(
            "SELECT kind, event_a, event_b FROM fusion_overrides ORDER BY event_a, event_b")]

    def set_incidents(self, incident_of: dict[str, str]) -> int:
        """Record the incident of each event (event id -> incident id), in one transaction; returns
        how many changed."""
        def record() -> int:
            wanted = sorted(incident_of.items())
            held: dict[str, str | None] = {}
            for chunk in range(0, len(wanted), _CHUNK):
                part = [event_id for event_id, _ in wanted[chunk:chunk + _CHUNK]]
                held.update((r[0], r[1]) for r in self._execute(
                    f"SELECT event_id, incident_id FROM events WHERE event_id IN ({','.join('?' * len(part))})", part))
            changed = [(i, e) for e, i in wanted if e in held and held[e] != i]
            self._mark([held[e] or e for _, e in changed] + [i for i, _ in changed])
            if changed:
                self._execute_many("UPDATE events SET incident_id = ? WHERE event_id = ?", changed)
            self._after_write()
            return len(changed)
        return self.atomically(record)

    def event_ids(self, prefix: str, limit: int = 10) -> list[str]:
        """Ids of the events whose id starts with ``prefix`` (case ignored), at most ``limit``."""
        pattern = prefix.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        return [r[0] for r in self._execute(
            "SELECT event_id FROM events WHERE lower(event_id) LIKE ? ESCAPE '\\' ORDER BY event_id LIMIT ?",
            (pattern, limit))]

    def event_detail(self, event_id: str, overlay: Mapping[str, ReviewState] | None = None) -> EventDetail | None:
        """The event ``event_id`` with its sources and the text it was read from (``overlay``: as
        :meth:`events`)."""
        row = self._execute(f"SELECT e.* FROM {self._source(overlay)} WHERE e.event_id = ?", (event_id,)).fetchone()
        if row is None:
            return None
        doc = self._execute(
            "SELECT doc_id, text, title, published, language, source, url, origin FROM documents WHERE key = ?",
            (row["document_key"],)).fetchone()
        stored = StoredEvent(event_from_row(row), tuple(self._sources([event_id]).get(event_id, ())),
                             review=(overlay or {}).get(event_id))
        return EventDetail(stored, document_from_row(doc), row["document_key"], row["extractor_version"])

    def _sources(self, event_ids: list[str]) -> dict[str, list[dict[str, str | None]]]:
        out: dict[str, list[dict[str, str | None]]] = {}
        for chunk in range(0, len(event_ids), _CHUNK):
            ids = event_ids[chunk:chunk + _CHUNK]
            marks = ",".join("?" * len(ids))
            # a follow-up report linked to an event is a source of it too (talaia.store.followups)
            followed = (f"UNION ALL SELECT f.event_id, d.doc_id, d.source, d.published FROM incident_followups f "
                        f"JOIN documents d ON d.key = f.document_key WHERE f.event_id IN ({marks})"
                        if self._followups_ready() else "")
            rows = self._execute(
                f"SELECT t.* FROM (SELECT s.event_id, d.doc_id, d.source, d.published FROM event_sources s "
                f"JOIN documents d ON d.key = s.document_key WHERE s.event_id IN ({marks}) {followed}) AS t "
                "ORDER BY t.published IS NOT NULL, t.published, t.doc_id",
                [*ids, *ids] if followed else ids).fetchall()
            for r in rows:
                out.setdefault(r[0], []).append({"document_id": r[1], "source": r[2], "published": r[3]})
        return out

    def quotes(self, speaker: str | None = None, limit: int | None = None) -> list[dict[str, Any]]:
        sql = f"SELECT {_QUOTE_FIELDS} FROM quotes q JOIN documents d ON d.key = q.document_key"
        args: list[Any] = []
        if speaker:
            sql += " WHERE fold(q.speaker) LIKE ?"
            args.append(f"%{_folded(speaker)}%")
        sql += " ORDER BY d.doc_id, q.start"
        if limit:
            sql += f" LIMIT {int(limit)}"
        return [dict(r) | {"direct": bool(r["direct"])} for r in self._execute(sql, args)]

    # ---- reviews (talaia.review): the audit log -------------------------------------------------
    def add_review(self, review: Review) -> None:
        def record() -> None:
            self._execute(f"INSERT INTO reviews ({', '.join(REVIEW_COLUMNS)}) "
                          f"VALUES ({', '.join('?' * len(REVIEW_COLUMNS))})", review.row())
            self._after_write()
        self.atomically(record)

    def reviews(self, *, event_ids: Sequence[str] = (), document_ids: Sequence[str] = (), newest_first: bool = False,
                limit: int | None = None, offset: int = 0) -> list[Review]:
        """Reviews, oldest first (``newest_first``: newest first), of ``event_ids`` or anchored in
        ``document_ids`` when either is given."""
        where, args = [], []
        if event_ids or document_ids:
            where.append(f"(event_id IN ({','.join('?' * len(event_ids)) or 'NULL'}) "
                         f"OR document_id IN ({','.join('?' * len(document_ids)) or 'NULL'}))")
            args.extend([*event_ids, *document_ids])
        order = "DESC" if newest_first else "ASC"
        sql = (f"SELECT * FROM reviews {'WHERE ' + ' AND '.join(where) if where else ''} "
               f"ORDER BY reviewed_at {order}, review_id {order}")
        if limit is not None:
            sql += f" LIMIT {int(limit)} OFFSET {int(offset)}"
        return [Review.from_row(r) for r in self._execute(sql, args)]

    def count_reviews(self) -> int:
        return int(self._execute("SELECT count(*) FROM reviews").fetchone()[0])

    def document_events(self, doc_id: str) -> tuple[str | None, list[tuple[str, tuple[Evidence, ...]]]]:
        """(the text of the stored original with the id ``doc_id``, [(its event's id, evidence)]):
        what a review's anchor is found again in."""
        doc = self._execute("SELECT key, text FROM documents WHERE doc_id = ? AND duplicate_of IS NULL "
                            "ORDER BY ingested_at DESC LIMIT 1", (doc_id,)).fetchone()
        if doc is None:
            return None, []
        rows = self._execute("SELECT event_id, evidence FROM events WHERE document_key = ? ORDER BY rank",
                             (doc["key"],)).fetchall()
        return doc["text"], [(r[0], tuple(Evidence(**ev) for ev in json.loads(r[1] or "[]"))) for r in rows]

    def incidents(self, event_ids: Sequence[str]) -> dict[str, tuple[str, list[str]]]:
        """Stored event id -> (its incident's id, the ids of the incident's stored events), for the ids
        that exist; :meth:`incident_mentions` for many events in a few queries."""
        incident_of: dict[str, str] = {}
        wanted = list(dict.fromkeys(event_ids))
        for chunk in range(0, len(wanted), _CHUNK):
            part = wanted[chunk:chunk + _CHUNK]
            for r in self._execute(f"SELECT event_id, incident_id FROM events WHERE event_id IN "
                                   f"({','.join('?' * len(part))})", part):
                incident_of[r[0]] = r[1] or r[0]
        members: dict[str, list[str]] = {i: [] for i in incident_of.values()}
        incidents = list(members)
        for chunk in range(0, len(incidents), _CHUNK):
            part = incidents[chunk:chunk + _CHUNK]
            marks = ",".join("?" * len(part))
            for r in self._execute(
                    f"SELECT event_id, coalesce(incident_id, event_id) FROM events WHERE incident_id IN ({marks}) "
                    f"OR (incident_id IS NULL AND event_id IN ({marks})) ORDER BY event_id", [*part, *part]):
                members[r[1]].append(r[0])
        return {e: (i, members[i]) for e, i in incident_of.items()}

    def document_event_ids(self, key: str) -> list[str]:
        """Ids of the stored events the document ``key`` is a source of (its own, or its original's)."""
        return [r[0] for r in self._execute(
            "SELECT s.event_id FROM event_sources s JOIN events e ON e.event_id = s.event_id "
            "WHERE s.document_key = ? ORDER BY e.rank", (key,))]

    def event_documents(self, event_ids: Sequence[str]) -> dict[str, tuple[str, str]]:
        """Stored event id -> (its document's own id, its document's text), for the ids that exist."""
        out: dict[str, tuple[str, str]] = {}
        for chunk in range(0, len(event_ids), _CHUNK):
            part = list(event_ids[chunk:chunk + _CHUNK])
            for r in self._execute(
                    f"SELECT e.event_id, d.doc_id, d.text FROM events e JOIN documents d ON d.key = e.document_key "
                    f"WHERE e.event_id IN ({','.join('?' * len(part))})", part):
                out[r[0]] = (r[1], r[2])
        return out

    def errors(self) -> list[dict[str, str]]:
        return [dict(r) for r in self._execute("SELECT label, code, message, at FROM ingest_errors ORDER BY at")]

    # ---- names, for the actor knowledge base (talaia.kb) ---------------------------------------
    def name_counts(self, *, actors: bool = True) -> dict[str, dict[str, int]]:
        """The distinct names stored: ``{"actors": {actor1 or actor2: events}, "speakers": {speaker: quotes}}``
        (without ``actors``, the speakers' alone)."""
        named: dict[str, int] = {}
        for side in ("actor1", "actor2") if actors else ():  # each side grouped through its index (migration 015)
            for name, n in self._execute(f"SELECT {side}, count(*) FROM events WHERE {side} IS NOT NULL AND "
                                         f"{side} != '' GROUP BY {side}"):
                named[name] = named.get(name, 0) + int(n)
        speakers = self._execute(
            "SELECT speaker, count(*) FROM quotes WHERE speaker IS NOT NULL AND speaker != '' GROUP BY speaker"
        ).fetchall()
        return {"actors": dict(sorted(named.items())), "speakers": {r[0]: int(r[1]) for r in speakers}}

    def event_quotes(self, event_ids: Sequence[str]) -> list[dict[str, Any]]:
        """Stored quotes linked to one of the stored events ``event_ids`` (talaia.quotes.incidents), in
        quotes()'s order."""
        return self._quotes_in("q.event_id", event_ids)

    def quotes_of(self, speakers: Sequence[str], limit: int | None = None) -> list[dict[str, Any]]:
        """Stored quotes whose speaker is exactly one of ``speakers`` (as stored), in quotes()'s order."""
        rows = self._quotes_in("q.speaker", speakers)
        return rows[:limit] if limit else rows

    def _quotes_in(self, column: str, values: Sequence[str]) -> list[dict[str, Any]]:
        wanted = list(dict.fromkeys(values))
        rows: list[dict[str, Any]] = []
        for chunk in range(0, len(wanted), _CHUNK):
            part = wanted[chunk:chunk + _CHUNK]
            rows.extend(dict(r) | {"direct": bool(r["direct"])} for r in self._execute(
                f"SELECT {_QUOTE_FIELDS} FROM quotes q JOIN documents d ON d.key = q.document_key "
                f"WHERE {column} IN ({','.join('?' * len(part))})", part))
        rows.sort(key=lambda q: (q["document_id"], q["start"]))
        return rows


def _like(value: str) -> str:
    """A LIKE pattern (with ESCAPE '\\') for the folded ``value`` anywhere in a folded column."""
    folded = _folded(value).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{folded}%"


# the columns text search reads (with the words of the evidence, evidence_text())
_SEARCHED = ("notes", "actor1", "actor2", "assoc_actor_1", "assoc_actor_2", "actor1_mentions", "actor2_mentions",
             "location", "admin2", "admin1")


def _conditions(flt: EventFilter) -> tuple[list[str], list[Any]]:
    """SQL conditions (on events ``e`` joined to documents ``d``) and their arguments for ``flt``."""
    where: list[str] = []
    args: list[Any] = []
    if flt.country:  # an alpha-2 code (EventFilter normalises names and alpha-3 codes)
        where.append("upper(e.country_code) = ?")
        args.append(flt.country)
    for column, value in (("admin1", flt.admin1), ("admin2", flt.admin2), ("sub_event_type", flt.sub_event_type),
                          ("event_type", flt.event_type)):
        if value:
            where.append(f"fold(e.{column}) = ?")
            args.append(_folded(value))
    named, named_args, shared, shared_args = shared_conditions(flt, "e")
    if flt.actor:
        columns = ("actor1", "actor2", "assoc_actor_1", "assoc_actor_2")
        either = [f"fold(e.{c}) LIKE ? ESCAPE '\\'" for c in columns]
        args.extend([_like(flt.actor)] * len(columns))
        either += named
        args.extend(named_args)
        where.append(f"({' OR '.join(either)})")
    where.extend(shared)
    args.extend(shared_args)
    if flt.text:
        found = [f"fold(e.{c}) LIKE ? ESCAPE '\\'" for c in _SEARCHED]
        found.append("fold(evidence_text(d.text, e.evidence)) LIKE ? ESCAPE '\\'")
        where.append(f"({' OR '.join(found)})")
        args.extend([_like(flt.text)] * len(found))
    return where, args


def evidence_text(text: str | None, evidence: str | None) -> str | None:
    """The words of an event's evidence spans, one space between spans: the SQL function
    evidence_text() (SQLite registers this; PostgreSQL's is in SQL, made by a migration)."""
    if not text or not evidence:
        return None
    return " ".join(text[span["start"]:span["end"]] for span in json.loads(evidence)) or None
