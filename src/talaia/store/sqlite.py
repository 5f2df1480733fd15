"""The SQLite store: documents, events with their sources, quotes, places; one file, WAL mode.

Writes happen in ``BEGIN IMMEDIATE`` transactions, one per batch of documents, so a crash
loses at most the batch in flight and never leaves half a document behind.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from talaia.about import EXTRACTOR_VERSION
from talaia.errors import StoreError, TalaiaError
from talaia.models import Document, Event, Evidence, ExtractionResult
from talaia.store.migrations import apply_migrations

EVENT_COLUMNS = (
    "event_id", "event_date", "time_precision", "event_type", "sub_event_type", "actor1", "actor2", "inter1",
    "inter2", "assoc_actor_1", "assoc_actor_2", "country", "country_code", "admin1", "admin2", "location",
    "latitude", "longitude", "geo_precision", "fatalities", "fatalities_high", "certainty", "notes", "evidence",
)


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
    text = unicodedata.normalize("NFKD", str(value))
    return "".join(ch for ch in text if not unicodedata.combining(ch)).lower().strip()


@dataclass(frozen=True, slots=True)
class EventFilter:
    country: str | None = None
    admin1: str | None = None
    sub_event_type: str | None = None
    event_type: str | None = None
    actor: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    limit: int | None = None


@dataclass(frozen=True, slots=True)
class StoredEvent:
    event: Event
    sources: tuple[dict[str, str | None], ...] = field(default_factory=tuple)

    def to_dict(self) -> dict[str, Any]:
        data = self.event.to_dict()
        data["sources"] = list(self.sources)
        return data


@dataclass(frozen=True, slots=True)
class StoredDocument:
    key: str
    doc_id: str
    content_hash: str
    minhash: bytes | None


class SQLiteStore:
    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        try:
            if str(path) != ":memory:":
                self.path.parent.mkdir(parents=True, exist_ok=True)
            self.conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.create_function("fold", 1, _fold, deterministic=True)
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
        row = self.conn.execute(
            "SELECT key, doc_id, content_hash, minhash FROM documents WHERE key = ?", (key,)).fetchone()
        return StoredDocument(row[0], row[1], row[2], row[3]) if row else None

    def find_by_content(self, content_hash: str) -> StoredDocument | None:
        row = self.conn.execute(
            "SELECT key, doc_id, content_hash, minhash FROM documents WHERE content_hash = ? "
            "AND duplicate_of IS NULL ORDER BY ingested_at LIMIT 1", (content_hash,)).fetchone()
        return StoredDocument(row[0], row[1], row[2], row[3]) if row else None

    def signatures(self) -> Iterator[tuple[str, bytes]]:
        for row in self.conn.execute("SELECT key, minhash FROM documents WHERE minhash IS NOT NULL "
                                     "AND duplicate_of IS NULL"):
            yield row[0], row[1]

    def write_batch(self, items: Sequence[tuple[Document, str, str, bytes | None, str | None, float | None,
                                                ExtractionResult | None]]) -> None:
        """Store documents with their results in one transaction.

        Each item: (document, key, content_hash, minhash, duplicate_of, similarity, result); a
        duplicate has no result of its own and becomes a source of its original's events.
        """
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        conn = self.conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            for doc, key, chash, minhash, duplicate_of, similarity, result in items:
                # the same id with other text is a new version of the article: replace it
                conn.execute("DELETE FROM documents WHERE doc_id = ? AND key != ?", (doc.id, key))
                conn.execute(
                    "INSERT INTO documents (key, doc_id, content_hash, title, published, language, source, url, "
                    "origin, text, minhash, duplicate_of, similarity, extractor_version, ingested_at) "
                    "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(key) DO NOTHING",
                    (key, doc.id, chash, doc.title, doc.published.isoformat() if doc.published else None,
                     (result.language if result else None) or doc.language, doc.source, doc.url, doc.origin,
                     doc.text, minhash, duplicate_of, similarity, EXTRACTOR_VERSION, now),
                )
                if duplicate_of is not None:
                    conn.execute(
                        "INSERT OR IGNORE INTO event_sources (event_id, document_key) "
                        "SELECT event_id, ? FROM event_sources WHERE document_key = ?", (key, duplicate_of))
                    continue
                if result is None or result.error is not None:
                    continue
                self._write_result(key, result)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise

    def _write_result(self, key: str, result: ExtractionResult) -> None:
        conn = self.conn
        for rank, e in enumerate(result.events):
            values = _event_row(e)
            conn.execute(
                f"INSERT INTO events (document_key, rank, extractor_version, {', '.join(EVENT_COLUMNS)}) "
                f"VALUES (?, ?, ?, {', '.join('?' * len(EVENT_COLUMNS))}) "
                "ON CONFLICT(event_id) DO NOTHING", (key, rank, EXTRACTOR_VERSION, *values))
            conn.execute("INSERT OR IGNORE INTO event_sources VALUES (?, ?)", (e.event_id, key))
        for i, q in enumerate(result.quotes):
            conn.execute(
                "INSERT OR REPLACE INTO quotes VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (key, i, q.text, q.start, q.end, q.speaker, q.speaker_start, q.speaker_end, q.cue,
                 int(q.direct), EXTRACTOR_VERSION))
        for i, p in enumerate(result.places):
            conn.execute(
                "INSERT OR REPLACE INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (key, i, p.name, p.start, p.end, p.latitude, p.longitude, p.country_code, p.admin1, p.admin2,
                 p.geonames_id, p.feature, EXTRACTOR_VERSION))

    def record_error(self, error: TalaiaError | dict[str, str], label: str) -> None:
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        if isinstance(error, TalaiaError):
            code, message = f"{error.code} {error.slug}", error.message
        else:
            code, message = error.get("code", "E100"), error.get("message", "")
        self.conn.execute("INSERT INTO ingest_errors VALUES (?,?,?,?)", (label, code, message, now))

    # ---- queries ---------------------------------------------------------------------------
    def count(self, table: str) -> int:
        if table not in {"documents", "events", "quotes", "places", "ingest_errors", "event_sources"}:
            raise ValueError(table)
        return int(self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])

    def events(self, flt: EventFilter | None = None) -> list[StoredEvent]:
        flt = flt or EventFilter()
        where, args = [], []
        for column, value in (("country", flt.country), ("admin1", flt.admin1),
                              ("sub_event_type", flt.sub_event_type), ("event_type", flt.event_type)):
            if value:
                where.append(f"(fold(e.{column}) = fold(?) OR fold(e.country_code) = fold(?))"
                             if column == "country" else f"fold(e.{column}) = fold(?)")
                args.extend([value, value] if column == "country" else [value])
        if flt.actor:
            where.append("(fold(e.actor1) LIKE ? OR fold(e.actor2) LIKE ? OR fold(e.assoc_actor_1) LIKE ? "
                         "OR fold(e.assoc_actor_2) LIKE ?)")
            args.extend([f"%{_fold(flt.actor)}%"] * 4)
        if flt.date_from:
            where.append("e.event_date >= ?")
            args.append(flt.date_from)
        if flt.date_to:
            where.append("e.event_date <= ?")
            args.append(flt.date_to)
        sql = (f"SELECT e.* FROM events e JOIN documents d ON d.key = e.document_key "
               f"{'WHERE ' + ' AND '.join(where) if where else ''} "
               "ORDER BY e.event_date, d.doc_id, e.rank")
        if flt.limit:
            sql += f" LIMIT {int(flt.limit)}"
        rows = self.conn.execute(sql, args).fetchall()
        sources = self._sources([r["event_id"] for r in rows])
        return [StoredEvent(_event_from_row(r), tuple(sources.get(r["event_id"], ()))) for r in rows]

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

    def errors(self) -> list[dict[str, str]]:
        return [dict(r) for r in self.conn.execute("SELECT * FROM ingest_errors ORDER BY at")]


def _event_row(e: Event) -> tuple[Any, ...]:
    d = e.to_dict()
    return tuple(
        json.dumps(d[c], ensure_ascii=False) if c in {"assoc_actor_1", "assoc_actor_2", "evidence"} else d[c]
        for c in EVENT_COLUMNS
    )


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
    )
