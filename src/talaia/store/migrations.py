"""Named schema migrations, applied in order and recorded in the ``_migrations`` table."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

Migration = tuple[str, Callable[[sqlite3.Connection], None]]


def _m001_initial(conn: sqlite3.Connection) -> None:
    conn.executescript(
        """
        CREATE TABLE documents (
            key TEXT PRIMARY KEY,              -- sha256 of id + normalised text: re-ingesting is a no-op
            doc_id TEXT NOT NULL,              -- the input document's own id
            content_hash TEXT NOT NULL,
            title TEXT, published TEXT, language TEXT, source TEXT, url TEXT, origin TEXT,
            text TEXT NOT NULL,
            minhash BLOB,
            duplicate_of TEXT REFERENCES documents(key),  -- exact or near-duplicate of an earlier document
            similarity REAL,
            extractor_version TEXT NOT NULL,
            ingested_at TEXT NOT NULL
        );
        CREATE INDEX documents_doc_id ON documents(doc_id);
        CREATE INDEX documents_content ON documents(content_hash);
        CREATE TABLE events (
            event_id TEXT PRIMARY KEY,
            document_key TEXT NOT NULL REFERENCES documents(key) ON DELETE CASCADE,
            rank INTEGER NOT NULL,
            event_date TEXT, time_precision INTEGER, event_type TEXT, sub_event_type TEXT,
            actor1 TEXT, actor2 TEXT, inter1 TEXT, inter2 TEXT, assoc_actor_1 TEXT, assoc_actor_2 TEXT,
            country TEXT, country_code TEXT, admin1 TEXT, admin2 TEXT, location TEXT,
            latitude REAL, longitude REAL, geo_precision INTEGER,
            fatalities INTEGER, fatalities_high INTEGER, certainty TEXT, notes TEXT, evidence TEXT,
            extractor_version TEXT NOT NULL
        );
        CREATE INDEX events_date ON events(event_date);
        CREATE INDEX events_admin1 ON events(admin1);
        CREATE TABLE event_sources (
            event_id TEXT NOT NULL REFERENCES events(event_id) ON DELETE CASCADE,
            document_key TEXT NOT NULL REFERENCES documents(key) ON DELETE CASCADE,
            PRIMARY KEY (event_id, document_key)
        );
        CREATE TABLE quotes (
            document_key TEXT NOT NULL REFERENCES documents(key) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            text TEXT, start INTEGER, "end" INTEGER, speaker TEXT, speaker_start INTEGER, speaker_end INTEGER,
            cue TEXT, direct INTEGER, extractor_version TEXT NOT NULL,
            PRIMARY KEY (document_key, idx)
        );
        CREATE TABLE places (
            document_key TEXT NOT NULL REFERENCES documents(key) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            name TEXT, start INTEGER, "end" INTEGER, latitude REAL, longitude REAL, country_code TEXT,
            admin1 TEXT, admin2 TEXT, geonames_id INTEGER, feature TEXT, extractor_version TEXT NOT NULL,
            PRIMARY KEY (document_key, idx)
        );
        CREATE TABLE ingest_errors (
            label TEXT NOT NULL, code TEXT NOT NULL, message TEXT NOT NULL, at TEXT NOT NULL
        );
        """
    )


def _m002_reextraction_indexes(conn: sqlite3.Connection) -> None:
    """Indexes for re-extraction: a document's events and duplicates, the documents of an older
    extractor version, the events a document is a source of."""
    for sql in (
        "CREATE INDEX IF NOT EXISTS documents_duplicate_of ON documents(duplicate_of)",
        "CREATE INDEX IF NOT EXISTS documents_extractor_version ON documents(extractor_version)",
        "CREATE INDEX IF NOT EXISTS events_document_key ON events(document_key)",
        "CREATE INDEX IF NOT EXISTS event_sources_document_key ON event_sources(document_key)",
    ):
        conn.execute(sql)


def _m003_incidents(conn: sqlite3.Connection) -> None:
    """Fusion: each stored event (one document's mention of an incident) names the incident it was
    fused into, by the event id of the incident's first mention; NULL until fusion has run."""
    conn.execute("ALTER TABLE events ADD COLUMN incident_id TEXT")
    conn.execute("CREATE INDEX IF NOT EXISTS events_incident_id ON events(incident_id)")


def _m004_fusion_overrides(conn: sqlite3.Connection) -> None:
    """An analyst's corrections of fusion, kept across re-fusion: two stored events 'apart' (never one
    incident) or 'together' (always one)."""
    conn.execute(
        "CREATE TABLE fusion_overrides (kind TEXT NOT NULL CHECK (kind IN ('apart', 'together')), "
        "event_a TEXT NOT NULL, event_b TEXT NOT NULL, at TEXT NOT NULL, PRIMARY KEY (kind, event_a, event_b))")


def _m005_participants(conn: sqlite3.Connection) -> None:
    """Contract v1.1: each event's participants in the text's own words, as JSON lists."""
    conn.execute("ALTER TABLE events ADD COLUMN actor1_mentions TEXT")
    conn.execute("ALTER TABLE events ADD COLUMN actor2_mentions TEXT")


def _m006_reviews(conn: sqlite3.Connection) -> None:
    """An analyst's reviews of events, the audit log (talaia.review): who, when, what, before and after.

    A review is anchored to the stored event it was made on by what survives re-extraction and
    re-fusion: the document's own id and the event's first evidence span (offsets and text), not
    only the event id (which changes with the extractor version). Values are JSON text.
    """
    conn.execute(
        "CREATE TABLE reviews ("
        " review_id TEXT PRIMARY KEY,"
        " event_id TEXT NOT NULL,"  # the stored event reviewed (a fused event's id is its lead event's)
        " document_id TEXT NOT NULL,"  # the anchor: that event's document (the input's own id) ...
        " anchor_start INTEGER NOT NULL,"  # ... and its first evidence span
        " anchor_end INTEGER NOT NULL,"
        " anchor_text TEXT NOT NULL,"
        " action TEXT NOT NULL CHECK (action IN ('accept', 'reject', 'correct')),"
        " field TEXT,"
        " before_value TEXT,"
        " after_value TEXT,"
        " reviewer TEXT NOT NULL,"
        " note TEXT,"
        " reviewed_at TEXT NOT NULL)")
    conn.execute("CREATE INDEX reviews_event_id ON reviews(event_id)")
    conn.execute("CREATE INDEX reviews_document_id ON reviews(document_id)")


MIGRATIONS: list[Migration] = [
    ("001_initial", _m001_initial),
    ("002_reextraction_indexes", _m002_reextraction_indexes),
    ("003_incidents", _m003_incidents),
    ("004_fusion_overrides", _m004_fusion_overrides),
    ("005_participants", _m005_participants),
    ("006_reviews", _m006_reviews),
]


def apply_migrations(conn: sqlite3.Connection) -> list[str]:
    """Apply the pending migrations, each in its own transaction; returns their names.

    Each is checked again inside its ``BEGIN IMMEDIATE`` transaction, so two processes opening
    the same new database do not both apply it. (001 uses ``executescript``, which commits
    first: it is not atomic.)
    """
    conn.execute("CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    done = {row[0] for row in conn.execute("SELECT name FROM _migrations")}
    applied = []
    for name, step in MIGRATIONS:
        if name in done:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            if conn.execute("SELECT 1 FROM _migrations WHERE name = ?", (name,)).fetchone() is None:
                step(conn)
                conn.execute("INSERT INTO _migrations (name, applied_at) VALUES (?, datetime('now'))", (name,))
                applied.append(name)
            if conn.in_transaction:
                conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
    return applied
