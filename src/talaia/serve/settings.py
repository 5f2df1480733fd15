"""What ``talaia serve`` is started with."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from talaia.store.pages import COUNT_LIMIT
from talaia.store.postgres import is_postgres_url, redact

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8765
DEFAULT_MAX_BODY = 64 * 1024  # bytes: a review is a few hundred
LOOPBACK = ("127.0.0.1", "localhost", "::1")


@dataclass(frozen=True, slots=True)
class ServeSettings:
    """``db``: the database served; ``token``: the bearer token that write requests must carry (None:
    the server is read-only); ``allowed_hosts``: the Host headers answered (a guard against DNS
    rebinding, on by default for a loopback server; ``("*",)`` answers any); ``max_body``: the
    largest request body in bytes; ``count_limit``: the matches an events page's total is counted
    exactly up to (beyond it reported as a lower bound, talaia.store.pages; None: always exact)."""

    db: Path | str  # a SQLite file, or a postgresql:// URL
    token: str | None = None
    allowed_hosts: tuple[str, ...] = ("*",)
    max_body: int = DEFAULT_MAX_BODY
    count_limit: int | None = COUNT_LIMIT

    def __post_init__(self) -> None:
        if not is_postgres_url(self.db):
            object.__setattr__(self, "db", Path(self.db))

    @property
    def database_name(self) -> str:
        """The database's name, for clients: the file's, or the PostgreSQL database's (no password)."""
        if isinstance(self.db, Path):
            return self.db.name
        return redact(self.db).rsplit("/", 1)[-1].split("?", 1)[0]

    @classmethod
    def for_host(cls, db: str | Path, host: str, *, token: str | None = None,
                 max_body: int = DEFAULT_MAX_BODY, count_limit: int | None = COUNT_LIMIT) -> ServeSettings:
        """Settings for a server bound to ``host``: on a loopback address only loopback names are
        answered, so a web page cannot reach the server by pointing its own name at 127.0.0.1."""
        hosts = LOOPBACK if host in LOOPBACK else ("*",)
        return cls(db, token or None, hosts, max_body, count_limit)
