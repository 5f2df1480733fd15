"""The Python API of live monitoring (``talaia watch``, docs/WATCH.md), re-exported by :mod:`talaia.api`: polling
sources into the store, their health, and what arrived since a time. The watch's own modules (httpx, feedparser)
are imported only when a watch runs, so no other command pays for them at start-up."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from talaia.errors import QueryError, TalaiaError
from talaia.pipeline import Pipeline
from talaia.store import default_db, open_store

if TYPE_CHECKING:
    import threading

    from talaia.store.watchstate import Arrival, SourceState
    from talaia.watch import CycleReport, Source, SourceHealth, WatchRun

__all__ = ["arrivals", "since_moment", "source_health", "watch", "watched_sources"]


def watch(sources: str | Path | Sequence[Source], *, db: str | Path | None = None, run: WatchRun | None = None,
          once: bool = False, pipeline: Pipeline | None = None, stop: threading.Event | None = None,
          cycles: int | None = None, on_cycle: Callable[[CycleReport], None] | None = None,
          on_error: Callable[[str], None] | None = None) -> list[CycleReport]:
    """Poll the sources of a sources file (TOML, docs/WATCH.md) into the store, ingesting their new
    articles as :func:`ingest_paths` would and delivering new alerts (``run.targets``); ``once``:
    one cycle polling every source, else each source on its schedule until ``stop`` is set (or
    ``cycles`` cycles ran). Returns each cycle's report. SourcesFileError for a bad sources file."""
    from talaia.watch import watch as run_watch

    return run_watch(sources, str(db if db not in (None, "") else default_db()), run=run, once=once,
                     pipeline=pipeline, stop=stop, cycles=cycles, on_cycle=on_cycle, on_error=on_error)


def source_health(sources: str | Path | Sequence[Source], *, db: str | Path | None = None) -> list[SourceHealth]:
    """Each source of a sources file with its health in the store: last success, last error, articles
    seen and ingested, next poll."""
    from talaia.watch import source_health as health

    return health(sources, str(db if db not in (None, "") else default_db()))


def arrivals(since: str | dt.datetime, *, db: str | Path | None = None, limit: int | None = None) -> list[Arrival]:
    """The documents stored at or after ``since`` (an ISO date or time, UTC unless it says; or a
    duration back from now: '90m', '6h', '2d'), newest first, each with its events."""
    from talaia.store.watchstate import WatchState, utc_text

    moment = since if isinstance(since, dt.datetime) else since_moment(since)
    with open_store(db, must_exist=True) as store:
        return WatchState(store).arrivals(utc_text(moment), limit=limit)


def watched_sources(*, db: str | Path | None = None) -> list[SourceState]:
    """Every source a watch has polled into the store, with its health (by name)."""
    from talaia.store.watchstate import WatchState

    with open_store(db, must_exist=True) as store:
        return WatchState(store).sources()


def since_moment(text: str) -> dt.datetime:
    """An ISO date or time (UTC unless it says), or a duration back from now ('90m', '6h', '2d'), as
    an aware time; QueryError naming ``since`` otherwise."""
    from talaia.watch.sources import parse_interval

    value = text.strip()
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        try:
            return dt.datetime.now(dt.UTC) - parse_interval(value, "since")
        except TalaiaError:
            raise QueryError(f"since must be an ISO date or time (2026-12-07, 2026-12-07T09:30) or a duration "
                             f"back from now (90m, 6h, 2d), not {text!r}", field="since") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)
