"""The SQLite store: documents, events with their sources, quotes, places; one file, WAL mode.

Writes happen in ``BEGIN IMMEDIATE`` transactions, one per batch of documents, so a crash
loses at most the batch in flight and never leaves half a document behind. Every row carries
the version of the extractor that produced it (``ExtractionResult.extractor``); writing a
stored document again replaces its events, quotes and places (a re-extraction) and keeps its
duplicates linked as sources of the new events.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sqlite3
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from talaia.errors import MissingDatabaseError, StoreError, TalaiaError
from talaia.models import Document, Event, Evidence, ExtractionResult, Participant
from talaia.review.records import REVIEW_COLUMNS, Review
from talaia.store.filters import EventFilter
from talaia.store.migrations import apply_migrations
from talaia.store.overlay import UNREVIEWED, ReviewState, events_source, load_overlay
from talaia.text import fold

__all__ = [
    "EVENT_COLUMNS", "EventDetail", "EventFilter", "SQLiteStore", "StoreItem", "StoredDocument", "StoredEvent",
    "default_db_path",
]

# the events table holds every field of the record, in its order (a new field needs a migration)
EVENT_COLUMNS = tuple(f.name for f in dataclasses.fields(Event))
JSON_COLUMNS = frozenset({"assoc_actor_1", "assoc_actor_2", "evidence", "actor1_mentions", "actor2_mentions"})


def default_db_path() -> Path:
    import os

    import platformdirs

    env = os.environ.get("TALAIA_DB")
    if env:
        return Path(env)
    return Path(platformdirs.user_data_dir("talaia")) / "talaia.db"


def _fold(value: Any) -> str | None:
    """Accent- and case-insensitive comparison key, registered as SQL function fold()."""
    if value is None:
        return None
    return fold(str(value)).strip()


@dataclass(frozen=True, slots=True)
class StoredEvent:
    """An event with its sources. A fused event (one incident told by several documents) lists
    the stored events it was fused from in ``mentions`` (their ids; itself first)."""

    event: Event
    sources: tuple[dict[str, str | None], ...] = field(default_factory=tuple)
    mentions: tuple[str, ...] = ()
    review: ReviewState | None = None  # an analyst's review, its corrections already in ``event``

    def to_dict(self) -> dict[str, Any]:
        data = self.event.to_dict()
        data["sources"] = list(self.sources)
        if self.mentions:
            data["mentions"] = list(self.mentions)
        data["review"] = (self.review or UNREVIEWED).to_dict()
        return data


@dataclass(frozen=True, slots=True)
class StoredDocument:
    key: str
    doc_id: str
    content_hash: str
    minhash: bytes | None
    duplicate_of: str | None = None
    extractor_version: str = ""


@dataclass(frozen=True, slots=True)
class StoreItem:
    """One document handed from ingest to the store, with its extraction.

    ``duplicate_of`` is the key of the stored original of an exact copy or near-duplicate
    (then ``result`` is None: it becomes another source of the original's events).
    ``extractor_version`` is the version of the pipeline in use; the result's own
    ``extractor`` wins when it has one.
    """

    document: Document
    key: str
    content_hash: str
    minhash: bytes | None = None
    duplicate_of: str | None = None
    similarity: float | None = None
    result: ExtractionResult | None = None
    extractor_version: str = ""

    def __post_init__(self) -> None:
        if self.duplicate_of is not None and self.result is not None:
            raise ValueError("a duplicate has no extraction of its own")
        if not self.version:
            raise ValueError("a StoreItem needs the extractor version (result.extractor or extractor_version)")

    @property
    def version(self) -> str:
        """The version of the extractor that produced (or would have produced) this document's rows."""
        return (self.result.extractor if self.result is not None else "") or self.extractor_version


@dataclass(frozen=True, slots=True)
class EventDetail:
    """An event with its sources and the document it was read from (its evidence indexes that text)."""

    stored: StoredEvent
    document: Document
    document_key: str
    extractor_version: str


_DOCUMENT_COLUMNS = "key, doc_id, content_hash, minhash, duplicate_of, extractor_version"


class SQLiteStore:
    """The store at ``path``; ``must_exist``: raise MissingDatabaseError instead of creating the file."""

    def __init__(self, path: str | Path, *, must_exist: bool = False) -> None:
        self.path = Path(path)
        if must_exist and (str(path) == ":memory:" or not self.path.is_file()):
            raise MissingDatabaseError(
                f"no database at {path} (create one with: talaia ingest FILES --db {path})")
        try:
            if str(path) != ":memory:":
                self.path.parent.mkdir(parents=True, exist_ok=True)
            self.conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.create_function("fold", 1, _fold, deterministic=True)
            self.conn.create_function("evidence_text", 2, _evidence_text, deterministic=True)
            apply_migrations(self.conn)
        except (sqlite3.Error, OSError) as exc:
            raise StoreError(f"cannot open the database {path}: {exc}") from exc

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---- documents -------------------------------------------------------------------------
    def find_document(self, key: str) -> StoredDocument | None:
        row = self.conn.execute(f"SELECT {_DOCUMENT_COLUMNS} FROM documents WHERE key = ?", (key,)).fetchone()
        return StoredDocument(*row) if row else None

    def find_by_content(self, content_hash: str) -> StoredDocument | None:
        row = self.conn.execute(
            f"SELECT {_DOCUMENT_COLUMNS} FROM documents WHERE content_hash = ? "
            "AND duplicate_of IS NULL ORDER BY ingested_at LIMIT 1", (content_hash,)).fetchone()
        return StoredDocument(*row) if row else None

    def signatures(self) -> Iterator[tuple[str, bytes]]:
        for row in self.conn.execute("SELECT key, minhash FROM documents WHERE minhash IS NOT NULL "
                                     "AND duplicate_of IS NULL"):
            yield row[0], row[1]

    def keys_of(self, doc_id: str) -> list[str]:
        """Keys of the stored documents with the id ``doc_id`` (versions of one article)."""
        return [r[0] for r in self.conn.execute("SELECT key FROM documents WHERE doc_id = ?", (doc_id,))]

    def count_originals(self) -> int:
        """How many stored documents are not duplicates."""
        return int(self.conn.execute("SELECT count(*) FROM documents WHERE duplicate_of IS NULL").fetchone()[0])

    def outdated(self, version: str | None) -> list[str]:
        """Keys of the stored originals (not duplicates) whose extractor version is not ``version``
        (None: every original), oldest first."""
        sql = "SELECT key FROM documents WHERE duplicate_of IS NULL"
        args: tuple[str, ...] = ()
        if version is not None:
            sql += " AND extractor_version != ?"
            args = (version,)
        return [r[0] for r in self.conn.execute(sql + " ORDER BY ingested_at, doc_id", args)]

    def load_documents(self, keys: Sequence[str]) -> list[tuple[StoredDocument, Document]]:
        """The stored documents of ``keys`` (those that exist), in the order of ``keys``."""
        found: dict[str, tuple[StoredDocument, Document]] = {}
        for chunk in range(0, len(keys), 500):
            part = list(keys[chunk:chunk + 500])
            rows = self.conn.execute(
                f"SELECT {_DOCUMENT_COLUMNS}, text, title, published, language, source, url, origin FROM documents "
                f"WHERE key IN ({','.join('?' * len(part))})", part).fetchall()
            for r in rows:
                found[r["key"]] = (StoredDocument(*tuple(r)[:6]), _document_from_row(r))
        return [found[k] for k in keys if k in found]

    def write_batch(self, items: Sequence[StoreItem]) -> None:
        """Store documents with their results in one transaction.

        A new document is inserted. A document stored before under the same key has its
        events, quotes and places replaced by the new result's (a re-extraction); documents
        linked to it as duplicates become sources of the new events. A duplicate has no
        result of its own and becomes a source of its original's events. Another document
        with the same id (an earlier version of the article) is replaced.
        """
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        conn = self.conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            for item in items:
                self._write_item(item, now)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise

    def _write_item(self, item: StoreItem, now: str) -> None:
        conn = self.conn
        doc, key, result, version = item.document, item.key, item.result, item.version
        ok = result is not None and result.error is None
        language = (result.language if result else None) or doc.language
        published = doc.published.isoformat() if doc.published else None
        inserted = conn.execute(
            "INSERT INTO documents (key, doc_id, content_hash, title, published, language, source, url, "
            "origin, text, minhash, duplicate_of, similarity, extractor_version, ingested_at) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(key) DO NOTHING",
            (key, doc.id, item.content_hash, doc.title, published, language, doc.source, doc.url, doc.origin,
             doc.text, item.minhash, item.duplicate_of, item.similarity, version, now),
        ).rowcount
        # the same id with other text is an earlier version of the article: replace it, and
        # link its duplicates to what replaces it
        target = item.duplicate_of or key
        for (old,) in conn.execute("SELECT key FROM documents WHERE doc_id = ? AND key NOT IN (?, ?)",
                                   (doc.id, key, target)).fetchall():
            conn.execute("UPDATE documents SET duplicate_of = ? WHERE duplicate_of = ?", (target, old))
            conn.execute("DELETE FROM documents WHERE key = ?", (old,))
        if item.duplicate_of is not None:
            self._link_duplicates(item.duplicate_of)
            return
        if not ok:
            return
        assert result is not None
        if not inserted:  # stored before: a re-extraction replaces what the older extractor found
            conn.execute(
                "UPDATE documents SET title = ?, published = ?, language = ?, source = ?, url = ?, origin = ?, "
                "extractor_version = ? WHERE key = ?",
                (doc.title, published, language, doc.source, doc.url, doc.origin, version, key))
            conn.execute("UPDATE documents SET extractor_version = ? WHERE duplicate_of = ?", (version, key))
            for table in ("events", "quotes", "places"):
                conn.execute(f"DELETE FROM {table} WHERE document_key = ?", (key,))
        self._write_result(key, result, version)
        self._link_duplicates(key)

    def _link_duplicates(self, original: str) -> None:
        """Make every duplicate of ``original`` a source of each of its events."""
        self.conn.execute(
            "INSERT OR IGNORE INTO event_sources (event_id, document_key) "
            "SELECT e.event_id, d.key FROM events e JOIN documents d ON d.duplicate_of = e.document_key "
            "WHERE e.document_key = ?", (original,))

    def _write_result(self, key: str, result: ExtractionResult, version: str) -> None:
        conn = self.conn
        for rank, e in enumerate(result.events):
            values = _event_row(e)
            conn.execute(
                f"INSERT INTO events (document_key, rank, extractor_version, {', '.join(EVENT_COLUMNS)}) "
                f"VALUES (?, ?, ?, {', '.join('?' * len(EVENT_COLUMNS))}) "
                "ON CONFLICT(event_id) DO NOTHING", (key, rank, version, *values))
            conn.execute("INSERT OR IGNORE INTO event_sources (event_id, document_key) VALUES (?, ?)",
                         (e.event_id, key))
        for i, q in enumerate(result.quotes):
            conn.execute(
                'INSERT OR REPLACE INTO quotes (document_key, idx, text, start, "end", speaker, speaker_start, '
                "speaker_end, cue, direct, extractor_version) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (key, i, q.text, q.start, q.end, q.speaker, q.speaker_start, q.speaker_end, q.cue,
                 int(q.direct), version))
        for i, p in enumerate(result.places):
            conn.execute(
                'INSERT OR REPLACE INTO places (document_key, idx, name, start, "end", latitude, longitude, '
                "country_code, admin1, admin2, geonames_id, feature, extractor_version) "
                "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (key, i, p.name, p.start, p.end, p.latitude, p.longitude, p.country_code, p.admin1, p.admin2,
                 p.geonames_id, p.feature, version))

    def record_error(self, error: TalaiaError | dict[str, str], label: str) -> None:
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        if isinstance(error, TalaiaError):
            code, message = f"{error.code} {error.slug}", error.message
        else:
            code, message = error.get("code", "E100"), error.get("message", "")
        self.conn.execute("INSERT INTO ingest_errors (label, code, message, at) VALUES (?,?,?,?)",
                          (label, code, message, now))

    # ---- queries ---------------------------------------------------------------------------
    def count(self, table: str) -> int:
        if table not in {"documents", "events", "quotes", "places", "ingest_errors", "event_sources"}:
            raise ValueError(table)
        return int(self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])

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
        rows = self.conn.execute(sql, args).fetchall()
        sources = self._sources([r["event_id"] for r in rows])
        states = overlay or {}
        if not fused:
            return [StoredEvent(_event_from_row(r), tuple(sources.get(r["event_id"], ())),
                                review=states.get(r["event_id"])) for r in rows]
        groups: dict[str, list[sqlite3.Row]] = {}
        for r in rows:
            groups.setdefault(r["incident_id"] or r["event_id"], []).append(r)
        fused_events = [_fused(members, sources) for members in groups.values()][:flt.limit or None]
        return [dataclasses.replace(f, review=states.get(f.event.event_id)) for f in fused_events]

    def _source(self, overlay: Mapping[str, ReviewState] | None) -> str:
        """The events to read from: with ``overlay`` loaded into this connection when there is one."""
        if overlay:
            load_overlay(self.conn, overlay)
        return events_source(EVENT_COLUMNS, overlaid=bool(overlay))

    def fusion_rows(self) -> list[sqlite3.Row]:
        """Every stored event with what fusion reads, and the text of its first evidence span as
        ``sentence`` (cut in SQL: the documents' whole texts are not read)."""
        return self.conn.execute(
            "SELECT e.event_id, e.document_key, e.event_date, e.time_precision, e.event_type, e.sub_event_type, "
            "e.country_code, e.admin1, e.admin2, e.location, e.geo_precision, e.fatalities, e.actor1, e.actor2, "
            "coalesce(substr(d.text, json_extract(e.evidence, '$[0].start') + 1, "
            "json_extract(e.evidence, '$[0].end') - json_extract(e.evidence, '$[0].start')), '') AS sentence "
            "FROM events e JOIN documents d ON d.key = e.document_key").fetchall()

    def incident_mentions(self, event_id: str) -> tuple[str, list[str]]:
        """(incident id, the ids of its stored events) of a stored event or of a fused event's id."""
        row = self.conn.execute("SELECT coalesce(incident_id, event_id) FROM events WHERE event_id = ?",
                                (event_id,)).fetchone()
        if row is None:
            return "", []
        incident = row[0]
        ids = [r[0] for r in self.conn.execute(
            "SELECT event_id FROM events WHERE coalesce(incident_id, event_id) = ? ORDER BY event_id", (incident,))]
        return incident, ids

    def set_overrides(self, kind: str, pairs: Iterable[tuple[str, str]]) -> None:
        """Record that each pair of stored events is 'apart' or 'together' (the opposite record goes),
        in one transaction."""
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        with self.conn:
            for a, b in {tuple(sorted(p)) for p in pairs if p[0] != p[1]}:
                self.conn.execute("DELETE FROM fusion_overrides WHERE event_a = ? AND event_b = ?", (a, b))
                self.conn.execute("INSERT INTO fusion_overrides (kind, event_a, event_b, at) VALUES (?, ?, ?, ?)",
                                  (kind, a, b, now))

    def overrides(self) -> list[tuple[str, str, str]]:
        """(kind, event a, event b) of every recorded correction of fusion."""
        return [(r[0], r[1], r[2]) for r in self.conn.execute(
            "SELECT kind, event_a, event_b FROM fusion_overrides ORDER BY event_a, event_b")]

    def set_incidents(self, incident_of: dict[str, str]) -> int:
        """Record the incident of each event (event id -> incident id); returns how many changed."""
        changed = 0
        with self.conn:
            for event_id, incident_id in incident_of.items():
                changed += self.conn.execute(
                    "UPDATE events SET incident_id = ? WHERE event_id = ? AND incident_id IS NOT ?",
                    (incident_id, event_id, incident_id)).rowcount
        return changed

    def event_ids(self, prefix: str, limit: int = 10) -> list[str]:
        """Ids of the events whose id starts with ``prefix`` (case ignored), at most ``limit``."""
        pattern = prefix.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        return [r[0] for r in self.conn.execute(
            "SELECT event_id FROM events WHERE event_id LIKE ? ESCAPE '\\' ORDER BY event_id LIMIT ?",
            (pattern, limit))]

    def event_detail(self, event_id: str, overlay: Mapping[str, ReviewState] | None = None) -> EventDetail | None:
        """The event ``event_id`` with its sources and the text it was read from (``overlay``: as
        :meth:`events`)."""
        row = self.conn.execute(f"SELECT e.* FROM {self._source(overlay)} WHERE e.event_id = ?",
                                (event_id,)).fetchone()
        if row is None:
            return None
        doc = self.conn.execute(
            "SELECT doc_id, text, title, published, language, source, url, origin FROM documents WHERE key = ?",
            (row["document_key"],)).fetchone()
        stored = StoredEvent(_event_from_row(row), tuple(self._sources([event_id]).get(event_id, ())),
                             review=(overlay or {}).get(event_id))
        return EventDetail(stored, _document_from_row(doc), row["document_key"], row["extractor_version"])

    def _sources(self, event_ids: list[str]) -> dict[str, list[dict[str, str | None]]]:
        out: dict[str, list[dict[str, str | None]]] = {}
        for chunk in range(0, len(event_ids), 500):
            ids = event_ids[chunk:chunk + 500]
            rows = self.conn.execute(
                f"SELECT s.event_id, d.doc_id, d.source, d.published FROM event_sources s "
                f"JOIN documents d ON d.key = s.document_key WHERE s.event_id IN ({','.join('?' * len(ids))}) "
                "ORDER BY d.published, d.doc_id", ids).fetchall()
            for r in rows:
                out.setdefault(r[0], []).append({"document_id": r[1], "source": r[2], "published": r[3]})
        return out

    def quotes(self, speaker: str | None = None, limit: int | None = None) -> list[dict[str, Any]]:
        sql = ("SELECT d.doc_id AS document_id, q.text, q.start, q.\"end\", q.speaker, q.cue, q.direct "
               "FROM quotes q JOIN documents d ON d.key = q.document_key")
        args: list[Any] = []
        if speaker:
            sql += " WHERE fold(q.speaker) LIKE ?"
            args.append(f"%{_fold(speaker)}%")
        sql += " ORDER BY d.doc_id, q.start"
        if limit:
            sql += f" LIMIT {int(limit)}"
        return [dict(r) | {"direct": bool(r["direct"])} for r in self.conn.execute(sql, args)]

    # ---- reviews (talaia.review): the audit log -------------------------------------------------
    def add_review(self, review: Review) -> None:
        with self.conn:
            self.conn.execute(f"INSERT INTO reviews ({', '.join(REVIEW_COLUMNS)}) "
                              f"VALUES ({', '.join('?' * len(REVIEW_COLUMNS))})", review.row())

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
        return [Review.from_row(r) for r in self.conn.execute(sql, args)]

    def count_reviews(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM reviews").fetchone()[0])

    def document_events(self, doc_id: str) -> tuple[str | None, list[tuple[str, tuple[Evidence, ...]]]]:
        """(the text of the stored original with the id ``doc_id``, [(its event's id, evidence)]):
        what a review's anchor is found again in."""
        doc = self.conn.execute("SELECT key, text FROM documents WHERE doc_id = ? AND duplicate_of IS NULL "
                                "ORDER BY ingested_at DESC LIMIT 1", (doc_id,)).fetchone()
        if doc is None:
            return None, []
        rows = self.conn.execute("SELECT event_id, evidence FROM events WHERE document_key = ? ORDER BY rank",
                                 (doc["key"],)).fetchall()
        return doc["text"], [(r[0], tuple(Evidence(**ev) for ev in json.loads(r[1] or "[]"))) for r in rows]

    def incidents(self, event_ids: Sequence[str]) -> dict[str, tuple[str, list[str]]]:
        """Stored event id -> (its incident's id, the ids of the incident's stored events), for the ids
        that exist; :meth:`incident_mentions` for many events in a few queries."""
        incident_of: dict[str, str] = {}
        wanted = list(dict.fromkeys(event_ids))
        for chunk in range(0, len(wanted), 500):
            part = wanted[chunk:chunk + 500]
            for r in self.conn.execute(f"SELECT event_id, incident_id FROM events WHERE event_id IN "
                                       f"({','.join('?' * len(part))})", part):
                incident_of[r[0]] = r[1] or r[0]
        members: dict[str, list[str]] = {i: [] for i in incident_of.values()}
        incidents = list(members)
        for chunk in range(0, len(incidents), 500):
            part = incidents[chunk:chunk + 500]
            marks = ",".join("?" * len(part))
            for r in self.conn.execute(
                    f"SELECT event_id, coalesce(incident_id, event_id) FROM events WHERE incident_id IN ({marks}) "
                    f"OR (incident_id IS NULL AND event_id IN ({marks})) ORDER BY event_id", [*part, *part]):
                members[r[1]].append(r[0])
        return {e: (i, members[i]) for e, i in incident_of.items()}

    def document_event_ids(self, key: str) -> list[str]:
        """Ids of the stored events the document ``key`` is a source of (its own, or its original's)."""
        return [r[0] for r in self.conn.execute(
            "SELECT s.event_id FROM event_sources s JOIN events e ON e.event_id = s.event_id "
            "WHERE s.document_key = ? ORDER BY e.rank", (key,))]

    def event_documents(self, event_ids: Sequence[str]) -> dict[str, tuple[str, str]]:
        """Stored event id -> (its document's own id, its document's text), for the ids that exist."""
        out: dict[str, tuple[str, str]] = {}
        for chunk in range(0, len(event_ids), 500):
            part = list(event_ids[chunk:chunk + 500])
            for r in self.conn.execute(
                    f"SELECT e.event_id, d.doc_id, d.text FROM events e JOIN documents d ON d.key = e.document_key "
                    f"WHERE e.event_id IN ({','.join('?' * len(part))})", part):
                out[r[0]] = (r[1], r[2])
        return out

    def errors(self) -> list[dict[str, str]]:
        return [dict(r) for r in self.conn.execute("SELECT * FROM ingest_errors ORDER BY at")]

    # ---- names, for the actor knowledge base (talaia.kb) ---------------------------------------
    def name_counts(self) -> dict[str, dict[str, int]]:
        """The distinct names stored: ``{"actors": {actor1 or actor2: events}, "speakers": {speaker: quotes}}``."""
        actors = self.conn.execute(
            "SELECT name, count(*) FROM (SELECT actor1 AS name FROM events UNION ALL SELECT actor2 FROM events) "
            "WHERE name IS NOT NULL AND name != '' GROUP BY name").fetchall()
        speakers = self.conn.execute(
            "SELECT speaker, count(*) FROM quotes WHERE speaker IS NOT NULL AND speaker != '' GROUP BY speaker"
        ).fetchall()
        return {"actors": {r[0]: int(r[1]) for r in actors}, "speakers": {r[0]: int(r[1]) for r in speakers}}

    def quotes_of(self, speakers: Sequence[str], limit: int | None = None) -> list[dict[str, Any]]:
        """Stored quotes whose speaker is exactly one of ``speakers`` (as stored), in quotes()'s order."""
        if not speakers:
            return []
        names = list(dict.fromkeys(speakers))
        rows: list[dict[str, Any]] = []
        for chunk in range(0, len(names), 500):
            part = names[chunk:chunk + 500]
            rows.extend(dict(r) | {"direct": bool(r["direct"])} for r in self.conn.execute(
                "SELECT d.doc_id AS document_id, q.text, q.start, q.\"end\", q.speaker, q.cue, q.direct "
                f"FROM quotes q JOIN documents d ON d.key = q.document_key WHERE q.speaker IN "
                f"({','.join('?' * len(part))})", part))
        rows.sort(key=lambda q: (q["document_id"], q["start"]))
        return rows[:limit] if limit else rows


def _like(value: str) -> str:
    """A LIKE pattern (with ESCAPE '\\') for the folded ``value`` anywhere in a folded column."""
    folded = (_fold(value) or "").replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
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
            where.append(f"fold(e.{column}) = fold(?)")
            args.append(value)
    if flt.actor:
        columns = ("actor1", "actor2", "assoc_actor_1", "assoc_actor_2")
        either = [f"fold(e.{c}) LIKE ? ESCAPE '\\'" for c in columns]
        args.extend([_like(flt.actor)] * len(columns))
        if flt.actor_names:
            marks = ", ".join("?" * len(flt.actor_names))
            either += [f"e.actor1 IN ({marks})", f"e.actor2 IN ({marks})"]
            args.extend([*flt.actor_names, *flt.actor_names])
        where.append(f"({' OR '.join(either)})")
    for condition, value in (("e.event_date >= ?", flt.date_from), ("e.event_date <= ?", flt.date_to),
                             ("e.certainty = ?", flt.certainty), ("e.review_status = ?", flt.review)):
        if value:
            where.append(condition)
            args.append(value)
    if flt.text:
        found = [f"fold(e.{c}) LIKE ? ESCAPE '\\'" for c in _SEARCHED]
        found.append("fold(evidence_text(d.text, e.evidence)) LIKE ? ESCAPE '\\'")
        where.append(f"({' OR '.join(found)})")
        args.extend([_like(flt.text)] * len(found))
    return where, args


def _evidence_text(text: str | None, evidence: str | None) -> str | None:
    """The words of an event's evidence spans, one space between spans; SQL function evidence_text()."""
    if not text or not evidence:
        return None
    return " ".join(text[span["start"]:span["end"]] for span in json.loads(evidence))


def _event_row(e: Event) -> tuple[Any, ...]:
    d = e.to_dict()
    return tuple(
        json.dumps(d[c], ensure_ascii=False) if c in JSON_COLUMNS else d[c]
        for c in EVENT_COLUMNS
    )


def _document_from_row(r: sqlite3.Row) -> Document:
    published = dt.date.fromisoformat(r["published"][:10]) if r["published"] else None
    return Document(id=r["doc_id"], text=r["text"], title=r["title"], published=published, language=r["language"],
                    source=r["source"], url=r["url"], origin=r["origin"])


def _event_from_row(r: sqlite3.Row) -> Event:
    return Event(
        event_id=r["event_id"], event_date=r["event_date"], time_precision=r["time_precision"],
        event_type=r["event_type"], sub_event_type=r["sub_event_type"], actor1=r["actor1"], actor2=r["actor2"],
        inter1=r["inter1"], inter2=r["inter2"], assoc_actor_1=tuple(json.loads(r["assoc_actor_1"] or "[]")),
        assoc_actor_2=tuple(json.loads(r["assoc_actor_2"] or "[]")), country=r["country"],
        country_code=r["country_code"], admin1=r["admin1"], admin2=r["admin2"], location=r["location"],
        latitude=r["latitude"], longitude=r["longitude"], geo_precision=r["geo_precision"],
        fatalities=r["fatalities"], fatalities_high=r["fatalities_high"], certainty=r["certainty"],
        notes=r["notes"], evidence=tuple(Evidence(**ev) for ev in json.loads(r["evidence"] or "[]")),
        actor1_mentions=tuple(Participant(**m) for m in json.loads(r["actor1_mentions"] or "[]")),
        actor2_mentions=tuple(Participant(**m) for m in json.loads(r["actor2_mentions"] or "[]")),
    )


def _fused(members: list[sqlite3.Row], sources: dict[str, list[dict[str, str | None]]]) -> StoredEvent:
    """One incident's mentions as one event: the record of the mention the incident is named after
    (else the first listed), the lowest toll as fatalities and the highest as fatalities_high (ACLED's rule),
    every mention's sources once."""
    incident = members[0]["incident_id"]
    first = _event_from_row(next((r for r in members if r["event_id"] == incident), members[0]))
    tolls = [t for r in members for t in (r["fatalities"], r["fatalities_high"]) if t is not None]
    low = min((r["fatalities"] for r in members if r["fatalities"] is not None), default=None)
    high = max(tolls, default=None)
    seen: dict[str | None, dict[str, str | None]] = {}
    for r in members:
        for source in sources.get(r["event_id"], ()):
            seen.setdefault(source["document_id"], source)
    event = dataclasses.replace(first, fatalities=low, fatalities_high=high if high is not None and low is not None
                                and high > low else None)
    ordered = sorted(seen.values(), key=lambda src: (src["published"] or "", src["document_id"] or ""))
    return StoredEvent(event, tuple(ordered), tuple(r["event_id"] for r in members) if len(members) > 1 else ())
