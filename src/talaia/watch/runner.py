"""``talaia watch``: cycles of polling, ingesting and alerting, once or on each source's schedule.

With ``once`` every source is polled now (what a cron job or a systemd timer wants); otherwise the
loop polls the sources that are due, then sleeps until the next one is (at most ``MAX_SLEEP``
seconds at a time, so a stop request is seen), for ever or until ``stop`` is set. The state lives
in the database, so a watch stopped at any point and started again resumes.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from talaia.pipeline import Pipeline
from talaia.store import open_store
from talaia.store.watchstate import WatchState, utc_text
from talaia.watch.alerts import AlertTargets, check_alerts
from talaia.watch.http import Fetcher, FetchSettings
from talaia.watch.service import CycleReport, WatchSettings, due_sources, request_log, run_cycle
from talaia.watch.sources import Source, load_sources

__all__ = ["MAX_SLEEP", "SourceHealth", "WatchRun", "source_health", "watch"]

MAX_SLEEP = 60.0  # seconds the loop sleeps at most before looking again
DEFAULT_EVERY = WatchSettings().every
ALERTS_LOG = "(alerts)"  # the request log's source for alert deliveries


@dataclass(frozen=True, slots=True)
class WatchRun:
    """Everything a watch needs besides its sources and database."""

    settings: WatchSettings = field(default_factory=WatchSettings)
    fetch: FetchSettings = field(default_factory=FetchSettings)
    targets: AlertTargets = field(default_factory=AlertTargets)


def watch(sources: str | Path | Sequence[Source], db: str, *, run: WatchRun | None = None, once: bool = False,
          pipeline: Pipeline | None = None, stop: threading.Event | None = None, cycles: int | None = None,
          on_cycle: Callable[[CycleReport], None] | None = None, on_error: Callable[[str], None] | None = None,
          now: Callable[[], dt.datetime] | None = None) -> list[CycleReport]:
    """Watch ``sources`` (a sources file, or the sources) into the store at ``db``; returns the
    cycles' reports (``once``: one). ``cycles``: stop after this many cycles that polled something."""
    listed = load_sources(sources) if isinstance(sources, str | Path) else list(sources)
    r = run or WatchRun()
    clock = now or (lambda: dt.datetime.now(dt.UTC))
    pipe = pipeline or Pipeline()
    halt = stop or threading.Event()
    reports: list[CycleReport] = []
    with open_store(db) as store, Fetcher(r.fetch) as fetcher:
        state = WatchState(store)
        while not halt.is_set():
            due = listed if once else due_sources(listed, state, clock())
            if due:
                report = run_cycle(due, store, fetcher=fetcher, pipeline=pipe, settings=r.settings, now=clock,
                                   on_error=on_error)
                fetcher.log = request_log(state, ALERTS_LOG, clock)
                checked = check_alerts(db, state, r.targets, fetcher, first_mark=report.started_at, clock=clock)
                report.alerts, report.delivery_errors = checked.alerts, checked.errors
                if on_error:
                    for message in checked.errors:
                        on_error(message)
                reports.append(report)
                if on_cycle:
                    on_cycle(report)
            if once or (cycles is not None and len(reports) >= cycles):
                break
            halt.wait(_pause(listed, state, r.settings, clock()))
    return reports


def _pause(sources: Sequence[Source], state: WatchState, settings: WatchSettings, now: dt.datetime) -> float:
    """Seconds until the next source is due (at most MAX_SLEEP)."""
    waits = []
    for source in sources:
        known = state.source(source.name)
        if known is None or not known.next_poll_at:
            return 0.0
        waits.append((dt.datetime.fromisoformat(known.next_poll_at) - now).total_seconds())
    return max(0.0, min([MAX_SLEEP, *waits]))


@dataclass(frozen=True, slots=True)
class SourceHealth:
    """A source of the file and what the store knows of it (``talaia sources``)."""

    name: str
    url: str
    every: float  # seconds
    last_poll_at: str | None
    last_success_at: str | None
    last_error: str | None
    last_error_at: str | None
    failures: int
    articles_seen: int
    articles_ingested: int
    next_poll_at: str | None
    status: str  # new (never polled), ok, failing

    def to_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.__slots__}


def source_health(sources: str | Path | Sequence[Source], db: str, *,
                  every: dt.timedelta = DEFAULT_EVERY) -> list[SourceHealth]:
    """Each source's health as the store knows it (a source polled from another URL before: new)."""
    listed = load_sources(sources) if isinstance(sources, str | Path) else list(sources)
    with open_store(db, must_exist=True) as store:
        state = WatchState(store)
        found = []
        for source in listed:
            known = state.source(source.name)
            if known is not None and known.url != source.url:
                known = None
            status = "new" if known is None else "failing" if known.failures else "ok"
            found.append(SourceHealth(
                source.name, source.url, (source.every or every).total_seconds(),
                known.last_poll_at if known else None, known.last_success_at if known else None,
                known.last_error if known else None, known.last_error_at if known else None,
                known.failures if known else 0, known.articles_seen if known else 0,
                known.articles_ingested if known else 0,
                known.next_poll_at if known else utc_text(dt.datetime.now(dt.UTC)), status))
    return found
