"""Store: SQLite by default (one file, WAL), named migrations, idempotent upserts."""

from talaia.store.sqlite import EventFilter, SQLiteStore, StoredEvent, default_db_path

__all__ = ["EventFilter", "SQLiteStore", "StoredEvent", "default_db_path"]
