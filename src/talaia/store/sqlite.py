"""The SQLite store: one file, WAL mode; the default, for one analyst on one machine.

Writes happen in ``BEGIN IMMEDIATE`` transactions (see :mod:`talaia.store.base`), so a crash
loses at most the batch in flight; WAL with ``synchronous=NORMAL`` keeps every committed batch
across a killed process.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from talaia.errors import MissingDatabaseError, StoreError
from talaia.store.base import Store, evidence_text, fold_key
from talaia.store.filters import EventFilter
from talaia.store.migrations import SQLITE
from talaia.store.records import EVENT_COLUMNS, EventDetail, StoredDocument, StoredEvent, StoreItem

__all__ = [
    "EVENT_COLUMNS", "EventDetail", "EventFilter", "SQLiteStore", "StoreItem", "StoredDocument", "StoredEvent",
    "default_db_path",
]


def default_db_path() -> Path:
    """$TALAIA_DB as a path, else talaia.db in the user's data folder (see :func:`talaia.store.default_db`)."""
    env = os.environ.get("TALAIA_DB")
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_data_dir("talaia")) / "talaia.db"


class SQLiteStore(Store):
    """The store at ``path``; ``must_exist``: raise MissingDatabaseError instead of creating the file."""

    dialect = SQLITE
    # SQLite's statistics do not tell NULLs apart: analysed while no document was a duplicate, a store's index
    # of duplicate_of looks useless, and linking an original's duplicates read every document per event (a
    # million for each batch); the index is the way whatever the statistics say
    _DUPLICATES_SOURCE = "documents d INDEXED BY documents_duplicate_of"

    def __init__(self, path: str | Path, *, must_exist: bool = False) -> None:
        self.path = Path(path)
        self.label = str(path)
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
            self.conn.execute("PRAGMA busy_timeout=30000")  # another process's write transaction: wait for it
            self.conn.create_function("fold", 1, fold_key, deterministic=True)
            self.conn.create_function("evidence_text", 2, evidence_text, deterministic=True)
            self.apply_migrations()
        except (sqlite3.Error, OSError) as exc:
            raise StoreError(f"cannot open the database {path}: {exc}") from exc

    def _execute(self, sql: str, args: Sequence[Any] = ()) -> sqlite3.Cursor:
        try:
            return self.conn.execute(sql, args)
        except sqlite3.Error as exc:
            raise StoreError(f"{self.label}: {exc}") from exc

    def _execute_many(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        try:
            self.conn.executemany(sql, rows)
        except sqlite3.Error as exc:
            raise StoreError(f"{self.label}: {exc}") from exc

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        if self.conn.in_transaction:  # inside another: part of it
            yield
            return
        self._execute("BEGIN IMMEDIATE")  # the write lock from the start: no other writer in between
        try:
            yield
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        self._execute("COMMIT")

    def _first_evidence_sql(self) -> tuple[str, str]:
        return "json_extract(e.evidence, '$[0].start')", "json_extract(e.evidence, '$[0].end')"

    def close(self) -> None:
        self.conn.close()
