"""Store: SQLite by default (one file, WAL) or PostgreSQL for a team; named migrations, idempotent upserts.

:func:`open_store` picks the backend from ``db``: a ``postgresql://`` URL opens
:class:`~talaia.store.postgres.PostgresStore`, anything else is a SQLite file.
"""

from __future__ import annotations

import os
from pathlib import Path

from talaia.store.base import Store
from talaia.store.filters import EventFilter
from talaia.store.followups import FollowUpLink
from talaia.store.postgres import PostgresStore, is_postgres_url
from talaia.store.records import EventDetail, StoredEvent, StoreItem
from talaia.store.sqlite import SQLiteStore, default_db_path

__all__ = ["EventDetail", "EventFilter", "FollowUpLink", "PostgresStore", "SQLiteStore", "Store", "StoreItem",
           "StoredEvent",
           "default_db", "default_db_path", "is_postgres_url", "open_store"]


def default_db() -> str | Path:
    """$TALAIA_DB (a file or a ``postgresql://`` URL), else talaia.db in the user's data folder."""
    env = os.environ.get("TALAIA_DB")
    if env and is_postgres_url(env):
        return env
    return default_db_path()


def open_store(db: str | Path | None = None, *, must_exist: bool = False) -> Store:
    """The store at ``db``: a ``postgresql://user@host/name`` URL, or a SQLite file (default:
    :func:`default_db`). ``must_exist``: raise :class:`~talaia.errors.MissingDatabaseError` rather
    than create the file or the tables (what every command that only reads does)."""
    db = db if db not in (None, "") else default_db()
    if is_postgres_url(db):
        assert isinstance(db, str)
        return PostgresStore(db, must_exist=must_exist)
    return SQLiteStore(db, must_exist=must_exist)
