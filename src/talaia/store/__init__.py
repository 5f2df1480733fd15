"""Store: SQLite by default (one file, WAL), named migrations, idempotent upserts."""

from talaia.store.filters import EventFilter
from talaia.store.sqlite import EventDetail, SQLiteStore, StoredEvent, StoreItem, default_db_path

__all__ = ["EventDetail", "EventFilter", "SQLiteStore", "StoreItem", "StoredEvent", "default_db_path"]
