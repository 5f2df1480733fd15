"""The PostgreSQL store: one database shared by a team (``--db postgresql://user@host/db``).

The same schema, migrations and behaviour as the SQLite store (:mod:`talaia.store.base` holds
the SQL both run). The database must exist (``createdb talaia``); the first command that writes
creates the tables. Writes run in one transaction per batch, so a client killed mid-batch
leaves nothing of it behind (the server rolls back its transaction) and the next ingest stores
it once. Migrations are applied under an advisory lock, so team members starting at the same
time apply each once. Needs the ``postgres`` extra: ``pip install 'talaia[postgres]'``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit, urlunsplit

from talaia.errors import MissingDatabaseError, StoreError
from talaia.store.base import ConflictError, Store
from talaia.store.migrations import POSTGRESQL

if TYPE_CHECKING:
    import psycopg

__all__ = ["PostgresStore", "is_postgres_url", "redact"]

_SCHEMES = ("postgresql://", "postgres://")
_MIGRATION_LOCK = 7_461_617_105  # pg_advisory_lock keys: "talaia" migrations, fusion
_FUSION_LOCK = 7_461_617_106


def is_postgres_url(db: object) -> bool:
    """Whether ``db`` names a PostgreSQL database (a ``postgresql://`` or ``postgres://`` URL)."""
    return isinstance(db, str) and db.lower().startswith(_SCHEMES)


def redact(url: str) -> str:
    """``url`` without its password, for messages."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
    return urlunsplit(parts._replace(netloc=netloc))


class _Row(tuple[Any, ...]):
    """A row by position or by column name, as sqlite3.Row (what the shared SQL reads)."""

    columns: dict[str, int]

    def __new__(cls, values: Sequence[Any], index: dict[str, int]) -> _Row:
        row = super().__new__(cls, values)
        row.columns = index
        return row

    def __getitem__(self, key: Any) -> Any:
        if isinstance(key, str):
            return tuple.__getitem__(self, self.columns[key])
        return tuple.__getitem__(self, key)

    def keys(self) -> list[str]:
        return list(self.columns)


def _row_factory(cursor: Any) -> Any:
    index = {d.name: i for i, d in enumerate(cursor.description or ())}
    return lambda values: _Row(values, index)


@functools.lru_cache(maxsize=512)
def _placeholders(sql: str) -> str:
    """``?`` placeholders as psycopg's ``%s`` (a literal ``%`` doubled). The shared SQL has no ``?``
    inside string literals."""
    return re.sub(r"\?", "%s", sql.replace("%", "%%"))


class PostgresStore(Store):
    """The store in the PostgreSQL database at ``url``; ``must_exist``: raise MissingDatabaseError
    when it has no Talaia tables yet (a read-only command), instead of creating them."""

    dialect = POSTGRESQL

    def __init__(self, url: str, *, must_exist: bool = False) -> None:
        self.url = url
        self.label = redact(url)
        try:
            import psycopg
        except ImportError:
            raise StoreError("a PostgreSQL database needs psycopg: pip install 'talaia[postgres]'") from None
        self._errors: type[Exception] = psycopg.Error
        try:
            self.conn: psycopg.Connection[Any] = psycopg.connect(url, autocommit=True, row_factory=_row_factory)
        except psycopg.Error as exc:
            raise StoreError(f"cannot connect to the database {self.label}: {_first_line(exc)} "
                             "(the database must exist: create it with `createdb`)") from None
        try:
            if must_exist and self._execute("SELECT to_regclass('_migrations')").fetchone()[0] is None:
                raise MissingDatabaseError(f"no Talaia database at {self.label} "
                                           f"(create one with: talaia ingest FILES --db {self.label})")
            self.apply_migrations()
        except BaseException:
            self.conn.close()
            raise

    def _execute(self, sql: str, args: Sequence[Any] = ()) -> Any:
        try:
            if not args:  # no parameters: psycopg reads % literally
                return self.conn.execute(sql)
            return self.conn.execute(_placeholders(sql), tuple(args))
        except self._errors as exc:
            raise self._error(exc) from exc

    def _execute_many(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        try:
            with self.conn.cursor() as cursor:
                cursor.executemany(_placeholders(sql), [tuple(r) for r in rows])
        except self._errors as exc:
            raise self._error(exc) from exc

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        try:  # inside another transaction, a savepoint
            with self.conn.transaction():
                yield
        except self._errors as exc:  # raised at COMMIT
            raise self._error(exc) from exc

    def _error(self, exc: Exception) -> StoreError:
        """Talaia's error for a driver's: a conflict with a concurrent transaction (deadlock,
        serialisation failure: SQLSTATE class 40) can be run again."""
        kind = ConflictError if str(getattr(exc, "sqlstate", "") or "").startswith("40") else StoreError
        return kind(f"{self.label}: {_first_line(exc)}")

    def _lock_fusion(self) -> None:
        self._execute("SELECT pg_advisory_xact_lock(?)", (_FUSION_LOCK,))

    @contextmanager
    def _migration_lock(self) -> Iterator[None]:
        self._execute("SELECT pg_advisory_lock(?)", (_MIGRATION_LOCK,))
        try:
            yield
        finally:
            self._execute("SELECT pg_advisory_unlock(?)", (_MIGRATION_LOCK,))

    def _first_evidence_sql(self) -> tuple[str, str]:
        return "((e.evidence::jsonb) -> 0 ->> 'start')::int", "((e.evidence::jsonb) -> 0 ->> 'end')::int"

    def close(self) -> None:
        self.conn.close()


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]
