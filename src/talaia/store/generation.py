"""The store's change generation, and results kept in memory until it changes.

``store_generation`` holds one row: the store's identity (a random id made when the table is made, so two
stores, or a file replaced by another, never share a result) and a counter that every change to the
incidents table adds one to, in the change's own transaction (:meth:`IncidentTables._refresh` and
:meth:`IncidentTables.rebuild_incidents`). A result computed from the incidents alone (the alerts of a
week: areas x weeks of kept counts and a baseline fitted per area) is then the same for as long as the
counter is, so a process answering many requests (``talaia serve``) computes it once per change and
reads one row otherwise. Other processes' writes are seen: the counter is read from the database.
"""

from __future__ import annotations

import threading
import uuid
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

__all__ = ["GENERATION_MIGRATION", "GENERATION_TABLE", "KeptResults", "generation_ddl", "kept_results"]

T = TypeVar("T")
GENERATION_TABLE = "store_generation"
GENERATION_MIGRATION = "015_scale_reads"  # the migration that makes the table (talaia.store.migrations)


def generation_ddl() -> list[str]:
    """The generation's table and its one row (a fresh identity for this store)."""
    return [f"CREATE TABLE IF NOT EXISTS {GENERATION_TABLE} (store_id TEXT PRIMARY KEY, "
            "generation INTEGER NOT NULL)",
            f"INSERT INTO {GENERATION_TABLE} (store_id, generation) SELECT '{uuid.uuid4().hex}', 0 "
            f"WHERE NOT EXISTS (SELECT 1 FROM {GENERATION_TABLE})"]


class KeptResults:
    """The latest ``size`` results computed, each under (store id, generation, what was asked): a result
    of an older generation is never returned (its key is never asked again) and falls out as newer come."""

    def __init__(self, size: int = 64) -> None:
        self.size = size
        self._results: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable | None, compute: Callable[[], T]) -> T:
        """The result kept under ``key``, else ``compute()`` kept there (``key`` None: computed, not kept)."""
        if key is None:
            return compute()
        with self._lock:
            if key in self._results:
                self._results.move_to_end(key)
                return self._results[key]  # type: ignore[no-any-return]
        result = compute()
        with self._lock:
            self._results[key] = result
            while len(self._results) > self.size:
                self._results.popitem(last=False)
        return result

    def clear(self) -> None:
        with self._lock:
            self._results.clear()


kept_results = KeptResults()  # the process's: talaia.api's reads keep their results here
