"""Named schema migrations, the same for every backend, applied in order and recorded in ``_migrations``.

A migration is a name and a function from the backend's :class:`Dialect` to the SQL statements
that make the change; most statements are the same SQL on SQLite and PostgreSQL, and the dialect
names the few types that differ. Each migration runs in its own transaction (DDL is
transactional on both backends), checked again inside it, so two processes opening one new
database apply it once. To change the schema, append a migration; never edit one that has shipped::

    def _m006_review_corrections(d: Dialect) -> list[str]:
        return [f"CREATE TABLE review_corrections (event_id TEXT NOT NULL, value {d.real}, ...)"]
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from talaia.text import fold


@dataclass(frozen=True, slots=True)
class Dialect:
    """What differs between the backends' DDL."""

    name: str  # "sqlite" or "postgresql"
    blob: str  # binary column type
    real: str  # floating-point column type


SQLITE = Dialect("sqlite", "BLOB", "REAL")
POSTGRESQL = Dialect("postgresql", "BYTEA", "DOUBLE PRECISION")

Migration = tuple[str, Callable[[Dialect], list[str]]]


def _m001_initial(d: Dialect) -> list[str]:
    statements = [
        f"""CREATE TABLE documents (
            key TEXT PRIMARY KEY,              -- sha256 of id + normalised text: re-ingesting is a no-op
            doc_id TEXT NOT NULL,              -- the input document's own id
            content_hash TEXT NOT NULL,
            title TEXT, published TEXT, language TEXT, source TEXT, url TEXT, origin TEXT,
            text TEXT NOT NULL,
            minhash {d.blob},
            duplicate_of TEXT REFERENCES documents(key),  -- exact or near-duplicate of an earlier document
            similarity {d.real},
            extractor_version TEXT NOT NULL,
            ingested_at TEXT NOT NULL
        )""",
        "CREATE INDEX documents_doc_id ON documents(doc_id)",
        "CREATE INDEX documents_content ON documents(content_hash)",
        f"""CREATE TABLE events (
            event_id TEXT PRIMARY KEY,
            document_key TEXT NOT NULL REFERENCES documents(key) ON DELETE CASCADE,
            rank INTEGER NOT NULL,
            event_date TEXT, time_precision INTEGER, event_type TEXT, sub_event_type TEXT,
            actor1 TEXT, actor2 TEXT, inter1 TEXT, inter2 TEXT, assoc_actor_1 TEXT, assoc_actor_2 TEXT,
            country TEXT, country_code TEXT, admin1 TEXT, admin2 TEXT, location TEXT,
            latitude {d.real}, longitude {d.real}, geo_precision INTEGER,
            fatalities INTEGER, fatalities_high INTEGER, certainty TEXT, notes TEXT, evidence TEXT,
            extractor_version TEXT NOT NULL
        )""",
        "CREATE INDEX events_date ON events(event_date)",
        "CREATE INDEX events_admin1 ON events(admin1)",
        """CREATE TABLE event_sources (
            event_id TEXT NOT NULL REFERENCES events(event_id) ON DELETE CASCADE,
            document_key TEXT NOT NULL REFERENCES documents(key) ON DELETE CASCADE,
            PRIMARY KEY (event_id, document_key)
        )""",
        """CREATE TABLE quotes (
            document_key TEXT NOT NULL REFERENCES documents(key) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            text TEXT, start INTEGER, "end" INTEGER, speaker TEXT, speaker_start INTEGER, speaker_end INTEGER,
            cue TEXT, direct INTEGER, extractor_version TEXT NOT NULL,
            PRIMARY KEY (document_key, idx)
        )""",
        f"""CREATE TABLE places (
            document_key TEXT NOT NULL REFERENCES documents(key) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            name TEXT, start INTEGER, "end" INTEGER, latitude {d.real}, longitude {d.real}, country_code TEXT,
            admin1 TEXT, admin2 TEXT, geonames_id INTEGER, feature TEXT, extractor_version TEXT NOT NULL,
            PRIMARY KEY (document_key, idx)
        )""",
        "CREATE TABLE ingest_errors (label TEXT NOT NULL, code TEXT NOT NULL, message TEXT NOT NULL, at TEXT NOT NULL)",
    ]
    # SQLite has fold() registered by each connection (talaia.text.fold itself); PostgreSQL gets it in SQL
    return statements + ([postgres_fold_function()] if d.name == "postgresql" else [])


def _m002_reextraction_indexes(d: Dialect) -> list[str]:
    """Indexes for re-extraction: a document's events and duplicates, the documents of an older
    extractor version, the events a document is a source of."""
    return [
        "CREATE INDEX IF NOT EXISTS documents_duplicate_of ON documents(duplicate_of)",
        "CREATE INDEX IF NOT EXISTS documents_extractor_version ON documents(extractor_version)",
        "CREATE INDEX IF NOT EXISTS events_document_key ON events(document_key)",
        "CREATE INDEX IF NOT EXISTS event_sources_document_key ON event_sources(document_key)",
    ]


def _m003_incidents(d: Dialect) -> list[str]:
    """Fusion: each stored event (one document's mention of an incident) names the incident it was
    fused into, by the event id of the incident's first mention; NULL until fusion has run."""
    return ["ALTER TABLE events ADD COLUMN incident_id TEXT",
            "CREATE INDEX IF NOT EXISTS events_incident_id ON events(incident_id)"]


def _m004_fusion_overrides(d: Dialect) -> list[str]:
    """An analyst's corrections of fusion, kept across re-fusion: two stored events 'apart' (never one
    incident) or 'together' (always one)."""
    return ["CREATE TABLE fusion_overrides (kind TEXT NOT NULL CHECK (kind IN ('apart', 'together')), "
            "event_a TEXT NOT NULL, event_b TEXT NOT NULL, at TEXT NOT NULL, PRIMARY KEY (kind, event_a, event_b))"]


def _m005_participants(d: Dialect) -> list[str]:
    """Contract v1.1: each event's participants in the text's own words, as JSON lists."""
    return ["ALTER TABLE events ADD COLUMN actor1_mentions TEXT",
            "ALTER TABLE events ADD COLUMN actor2_mentions TEXT"]


def _m006_superseded_versions(d: Dialect) -> list[str]:
    """The keys of the versions of an article that a later version (same id, other text) replaced, so
    reading the old version again does not bring it back: re-ingesting a folder that holds both
    versions, or resuming an ingest killed between them, changes nothing."""
    return ["CREATE TABLE superseded_documents (key TEXT PRIMARY KEY, doc_id TEXT NOT NULL, "
            "replaced_by TEXT NOT NULL, at TEXT NOT NULL)"]


def _m008_event_confidence(d: Dialect) -> list[str]:
    """Contract v1.2: each event's confidence, the probability that it is right as coded (NULL: not scored)."""
    return [f"ALTER TABLE events ADD COLUMN confidence {d.real}"]


def _m007_reviews(d: Dialect) -> list[str]:
    """An analyst's reviews of events, the audit log (talaia.review): who, when, what, before and after.

    A review is anchored to the stored event it was made on by what survives re-extraction and
    re-fusion: the document's own id and the event's first evidence span (offsets and text), not
    only the event id (which changes with the extractor version). Values are JSON text. (IF NOT
    EXISTS: a SQLite database made while this step was named 006_reviews has the table already.)
    PostgreSQL also gets ``evidence_text()``, which SQLite connections register from Python.
    """
    statements = [
        "CREATE TABLE IF NOT EXISTS reviews ("
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
        " reviewed_at TEXT NOT NULL)",
        "CREATE INDEX IF NOT EXISTS reviews_event_id ON reviews(event_id)",
        "CREATE INDEX IF NOT EXISTS reviews_document_id ON reviews(document_id)",
    ]
    return statements + ([POSTGRES_EVIDENCE_TEXT] if d.name == "postgresql" else [])


def _m009_watch(d: Dialect) -> list[str]:
    """``talaia watch``'s state (talaia.watch, talaia.store.watchstate), so a restart resumes: each
    source's conditional-request validators, health and schedule; each article URL met and what came
    of it (so it is fetched once); a log of every request; the alerts delivered (so each goes out
    once); and named time marks (when alerts were last checked). Documents are also found by URL."""
    return [
        "CREATE TABLE watch_sources (name TEXT PRIMARY KEY, url TEXT NOT NULL, etag TEXT, last_modified TEXT,"
        " last_poll_at TEXT, last_success_at TEXT, last_error TEXT, last_error_at TEXT,"
        " failures INTEGER NOT NULL DEFAULT 0, articles_seen INTEGER NOT NULL DEFAULT 0,"
        " articles_ingested INTEGER NOT NULL DEFAULT 0, next_poll_at TEXT)",
        "CREATE TABLE watch_articles (url TEXT PRIMARY KEY, source TEXT NOT NULL, first_seen_at TEXT NOT NULL,"
        " last_try_at TEXT, attempts INTEGER NOT NULL DEFAULT 0, outcome TEXT NOT NULL, settled INTEGER NOT NULL,"
        " document_key TEXT, message TEXT)",
        "CREATE TABLE watch_fetches (at TEXT NOT NULL, source TEXT NOT NULL, url TEXT NOT NULL, status INTEGER,"
        " outcome TEXT NOT NULL, message TEXT, elapsed_ms INTEGER)",
        "CREATE INDEX watch_fetches_at ON watch_fetches(at)",
        "CREATE TABLE watch_alerts (alert_key TEXT NOT NULL, target TEXT NOT NULL, delivered_at TEXT NOT NULL,"
        " payload TEXT NOT NULL, PRIMARY KEY (alert_key, target))",
        "CREATE TABLE watch_marks (name TEXT PRIMARY KEY, value TEXT NOT NULL)",
        "CREATE INDEX IF NOT EXISTS documents_url ON documents(url)",
        "CREATE INDEX IF NOT EXISTS documents_ingested_at ON documents(ingested_at)",
    ]


def _m010_review_log_actions(d: Dialect) -> list[str]:
    """The audit log also takes an analyst's undo (of a review) and merge and split (of incidents): the
    table is made again with the wider CHECK (neither backend alters one in place the same way)."""
    columns = ("review_id TEXT PRIMARY KEY, event_id TEXT NOT NULL, document_id TEXT NOT NULL, "
               "anchor_start INTEGER NOT NULL, anchor_end INTEGER NOT NULL, anchor_text TEXT NOT NULL, "
               "action TEXT NOT NULL CHECK (action IN ('accept', 'reject', 'correct', 'undo', 'merge', 'split')), "
               "field TEXT, before_value TEXT, after_value TEXT, reviewer TEXT NOT NULL, note TEXT, "
               "reviewed_at TEXT NOT NULL")
    names = ("review_id, event_id, document_id, anchor_start, anchor_end, anchor_text, action, field, before_value, "
             "after_value, reviewer, note, reviewed_at")
    return [f"CREATE TABLE reviews_log ({columns})",
            f"INSERT INTO reviews_log ({names}) SELECT {names} FROM reviews",
            "DROP TABLE reviews",
            "ALTER TABLE reviews_log RENAME TO reviews",
            "CREATE INDEX IF NOT EXISTS reviews_event_id ON reviews(event_id)",
            "CREATE INDEX IF NOT EXISTS reviews_document_id ON reviews(document_id)"]


# evidence_text(document text, evidence JSON): the words of an event's evidence spans, one space
# between spans (text search reads them); the same as talaia.store.base.evidence_text
POSTGRES_EVIDENCE_TEXT = (
    "CREATE OR REPLACE FUNCTION evidence_text(text, text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE "
    "AS $ev$ SELECT string_agg(substr($1, (s ->> 'start')::int + 1, (s ->> 'end')::int - (s ->> 'start')::int), "
    "' ' ORDER BY n) FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS spans(s, n) $ev$")


def _m011_incidents(d: Dialect) -> list[str]:
    """Incidents kept as a table (talaia.store.incidents): one row per incident, its fused and corrected
    record, with the review states it was computed from; filled by the store right after this step."""
    from talaia.store.incidents import incident_ddl

    return incident_ddl(d.real, sqlite=d.name == "sqlite")


def _m012_store_search(d: Dialect) -> list[str]:
    """The filters' indexes with the review status (the totals of pages counted from them), and a text index
    on the incidents' searched words (``search_text``), so a text filter reads the
    incidents holding the words rather than every incident: on SQLite an FTS5 trigram index kept by
    triggers (talaia.store.incidents.text_conditions reads it), on PostgreSQL a pg_trgm GIN index that
    serves the same ``LIKE`` (left out, with a notice, where the server lacks the extension)."""
    # then the planner's statistics of the new indexes (without them SQLite counts a state's few undated
    # incidents through the state's index rather than through the dates': 1 ms -> 280 ms at 1,000,000)
    if d.name == "sqlite":
        return [*_FILTER_INDEXES, SQLITE_SEARCH_TABLE, *SQLITE_SEARCH_TRIGGERS,
                "INSERT INTO incidents_search(incidents_search) VALUES ('rebuild')", "ANALYZE incidents"]
    return [*_FILTER_INDEXES, POSTGRES_TRIGRAM_INDEX, "ANALYZE incidents"]


# each filter's index (011's) also holds the review status, so a page's total (rejected ones left out) is
# counted from the index alone, not from every matching row
_FILTERS = ("country_key", "admin1_key", "admin2_key", "event_type_key", "sub_event_type_key", "certainty")
_FILTER_INDEXES = [statement for c in _FILTERS for statement in (
    f"DROP INDEX IF EXISTS incidents_{c}",
    f"CREATE INDEX IF NOT EXISTS incidents_{c} ON incidents({c}, sort_date, review_status)")]


# external content: the index holds the trigrams, incidents the text (no second copy); the triggers keep
# it as incidents change (rows are replaced, never updated, but an update is kept too)
SQLITE_SEARCH_TABLE = ("CREATE VIRTUAL TABLE IF NOT EXISTS incidents_search USING fts5(search_text, "
                       "content='incidents', tokenize='trigram')")
_SEARCH_ADD = "INSERT INTO incidents_search(rowid, search_text) VALUES (new.rowid, new.search_text);"
_SEARCH_DROP = ("INSERT INTO incidents_search(incidents_search, rowid, search_text) "
                "VALUES ('delete', old.rowid, old.search_text);")
SQLITE_SEARCH_TRIGGERS = (
    f"CREATE TRIGGER IF NOT EXISTS incidents_search_insert AFTER INSERT ON incidents BEGIN {_SEARCH_ADD} END",
    f"CREATE TRIGGER IF NOT EXISTS incidents_search_delete AFTER DELETE ON incidents BEGIN {_SEARCH_DROP} END",
    f"CREATE TRIGGER IF NOT EXISTS incidents_search_update AFTER UPDATE OF search_text ON incidents "
    f"BEGIN {_SEARCH_DROP} {_SEARCH_ADD} END",
)
# pg_trgm is a trusted extension (PostgreSQL 13+: a database owner may add it); its operator class is
# named in whichever schema holds the extension
POSTGRES_TRIGRAM_INDEX = """DO $trgm$
DECLARE found TEXT;
BEGIN
    BEGIN
        CREATE EXTENSION IF NOT EXISTS pg_trgm;
    EXCEPTION WHEN OTHERS THEN
        RAISE NOTICE 'talaia: no pg_trgm extension (%), text search scans the incidents', SQLERRM;
    END;
    SELECT n.nspname INTO found FROM pg_extension x JOIN pg_namespace n ON n.oid = x.extnamespace
        WHERE x.extname = 'pg_trgm';
    IF found IS NOT NULL THEN
        EXECUTE format('CREATE INDEX IF NOT EXISTS incidents_search ON incidents '
                       'USING gin (search_text %I.gin_trgm_ops)', found);
    END IF;
END
$trgm$"""


def _m013_incident_followups(d: Dialect) -> list[str]:
    """Follow-ups (talaia.fuse.followups): a report with no event of its own that refers back to an incident is
    linked to the stored event it fits best, a source of that event's incident, with its cue, its figure
    (a higher toll) and the score's reasons; one link per document, recomputed by every fusion."""
    return [f"CREATE TABLE IF NOT EXISTS incident_followups (document_key TEXT PRIMARY KEY REFERENCES "
            f"documents(key) ON DELETE CASCADE, event_id TEXT NOT NULL REFERENCES events(event_id) ON DELETE "
            f"CASCADE, kind TEXT NOT NULL, phrase TEXT NOT NULL, figure INTEGER, score {d.real} NOT NULL, "
            f"reasons TEXT NOT NULL, at TEXT NOT NULL)",
            "CREATE INDEX IF NOT EXISTS incident_followups_event_id ON incident_followups(event_id)"]


def _m014_quote_incidents(d: Dialect) -> list[str]:
    """Each quote's certainty ('stated', 'reported') and the stored event it speaks about (talaia.quotes.incidents);
    NULL for quotes stored by an older extractor."""
    return ["ALTER TABLE quotes ADD COLUMN certainty TEXT",
            "ALTER TABLE quotes ADD COLUMN event_id TEXT",
            "CREATE INDEX IF NOT EXISTS quotes_event_id ON quotes(event_id)"]


def _m015_scale_reads(d: Dialect) -> list[str]:
    """What keeps a read bounded on a large store: the store's change generation (talaia.store.generation: the
    alerts kept until the incidents change), the kept counts in period order (the latest weeks of every area
    read as one range, not every area's whole history), the pairs of sides in their grouping's order with
    what the actors' list reads (grouped from this index alone, not from every incident's row) and the stored
    events' names on each side (the names an actor filter resolves to, counted from two indexes)."""
    from talaia.store.generation import generation_ddl

    return [*generation_ddl(),
            "CREATE INDEX IF NOT EXISTS incident_counts_period ON incident_counts(kind, grouping, period, area, "
            "events, fatalities)",
            "CREATE INDEX IF NOT EXISTS incidents_actor_pairs ON incidents(actor1, actor2, review_status, sort_date, "
            "sort_doc)",
            "CREATE INDEX IF NOT EXISTS events_actor1 ON events(actor1)",
            "CREATE INDEX IF NOT EXISTS events_actor2 ON events(actor2)",
            "ANALYZE incident_counts"]


def _m016_sentence_vectors(d: Dialect) -> list[str]:
    """Each stored event's sentence embedding (talaia.fuse.similarity), computed once when fusion first reads
    it: the model, a key of the sentence it was computed from, and the vector (int8, talaia.store.vectors)."""
    return [f"CREATE TABLE IF NOT EXISTS sentence_vectors (event_id TEXT PRIMARY KEY REFERENCES events(event_id) "
            f"ON DELETE CASCADE, model TEXT NOT NULL, sentence_key TEXT NOT NULL, vector {d.blob} NOT NULL)"]


# the bands of a document's MinHash signature (128 unsigned 64-bit values, little-endian) that near-duplicate
# detection's LSH compares (talaia.ingest.dedupe: 25 bands of 5 values): the first value of each band is indexed,
# so a new document's candidates are looked up in the store instead of every signature being read into memory
MINHASH_BANDS = 25
MINHASH_BAND_VALUES = 5
MINHASH_VALUE_BYTES = 8


def minhash_band_key(band: int) -> str:
    """The SQL expression of band ``band``'s first value in ``documents.minhash`` (the same on both backends,
    and written exactly so in queries: an expression index is used only for the same expression)."""
    return f"substr(minhash, {1 + band * MINHASH_BAND_VALUES * MINHASH_VALUE_BYTES}, {MINHASH_VALUE_BYTES})"


def _m017_minhash_bands(d: Dialect) -> list[str]:
    """Each MinHash band's first value indexed (:func:`minhash_band_key`): ingest looks a new document's
    near-duplicate candidates up in the store, not in every stored signature read at its start (a million
    signatures took minutes and gigabytes)."""
    return [f"CREATE INDEX IF NOT EXISTS documents_minhash_band_{b} ON documents (({minhash_band_key(b)}))"
            for b in range(MINHASH_BANDS)]


MIGRATIONS: list[Migration] = [
    ("001_initial", _m001_initial),
    ("002_reextraction_indexes", _m002_reextraction_indexes),
    ("003_incidents", _m003_incidents),
    ("004_fusion_overrides", _m004_fusion_overrides),
    ("005_participants", _m005_participants),
    ("006_superseded_versions", _m006_superseded_versions),
    ("007_reviews", _m007_reviews),
    ("008_event_confidence", _m008_event_confidence),
    ("009_watch", _m009_watch),
    ("010_review_log_actions", _m010_review_log_actions),
    ("011_incidents", _m011_incidents),
    ("012_store_search", _m012_store_search),
    ("013_incident_followups", _m013_incident_followups),
    ("014_quote_incidents", _m014_quote_incidents),
    ("015_scale_reads", _m015_scale_reads),  # talaia.store.generation.GENERATION_MIGRATION names it
    ("016_sentence_vectors", _m016_sentence_vectors),
    ("017_minhash_bands", _m017_minhash_bands),
]
INCIDENTS_MIGRATION = "011_incidents"  # (and 013_incident_followups: talaia.store.followups.FOLLOWUPS_MIGRATION)

# the letters fold() is taught in PostgreSQL: Latin (with Vietnamese), combining marks, Greek, Cyrillic
_FOLDED_RANGES = ((0x80, 0x530), (0x1E00, 0x1F00))


def postgres_fold_function() -> str:
    """``fold(text)`` for PostgreSQL, the same key as :func:`talaia.text.fold` for the letters of
    ``_FOLDED_RANGES`` (a table generated from it, independent of the server's locale) and ASCII."""
    source: list[str] = []
    target: list[str] = []
    deleted: list[str] = []
    multi: list[tuple[str, str]] = []
    for first, end in _FOLDED_RANGES:
        for code in range(first, end):
            _fold_char(chr(code), source, target, multi, deleted)
    expr = "$1"
    for char, folded in multi:  # before translate(): ß -> ss, ǆ -> dz ...
        expr = f"replace({expr}, {_literal(char)}, {_literal(folded)})"
    # translate() deletes the characters of its second argument that have none in the third
    expr = f"translate({expr}, {_literal(''.join(source + deleted))}, {_literal(''.join(target))})"
    return (f"CREATE OR REPLACE FUNCTION fold(text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE "
            f"AS $fold$ SELECT btrim(lower({expr}), E' \\t\\n\\r\\f') $fold$")


def _fold_char(char: str, source: list[str], target: list[str], multi: list[tuple[str, str]],
               deleted: list[str]) -> None:
    if unicodedata.category(char) in {"Cn", "Cs", "Co", "Cc"}:
        return
    folded = fold(char)
    if folded == char:
        return
    if folded == "":
        deleted.append(char)
    elif len(folded) == 1:
        source.append(char)
        target.append(folded)
    else:
        multi.append((char, folded))


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"
