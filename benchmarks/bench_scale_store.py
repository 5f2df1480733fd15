#!/usr/bin/env python3
"""The store at national scale: the dashboard's requests and a filtered export, timed on stores of
10,000, 100,000 (and, with ``--sizes``, 1,000,000) events, on SQLite and on PostgreSQL.

The stores are generated, not extracted: documents, events and their sources bulk-inserted (one
executemany per table and batch) with a realistic spread over countries (Mexico most), states, event
types and eight years of weeks growing over time, a sixth of incidents told by two reports; then the
incidents table is computed once (``Store.refresh_incidents(everything=True)``), as a migration does.
Each request is timed warm, the median of 5, through the Python API the HTTP routes call:

* ``page``: ``/api/events?limit=25`` (newest first), ``page admin1``: the same for one state, ``page
  text``: for a text search (``q``: through the text index of migration 012);
* ``agg month``: ``/api/aggregate?period=month&by=admin1``, ``agg week``: ``period=week&by=admin1``
  for the latest 12 ISO weeks (from a Monday);
* ``map``: ``/api/events.geojson`` (clusters beyond 500 located events);
* ``alerts``: ``/api/alerts`` (the latest week, by admin1; a report is kept until the incidents change), ``alerts
  computed``: the same computed afresh (as the first request after a change); ``actors``: ``/api/actors``
  (every actor's count);
* ``export``: CSV of one country's incidents of one year, to a file; for the largest store, a CSV
  export of every incident in a process of its own, with its peak memory.

    .venv/bin/python benchmarks/bench_scale_store.py [--sizes 10000,100000] [--postgres URL] [--no-postgres|--no-sqlite]
        [--keep DIR] [--skip export,full export]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import resource
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from store.generated import build


def _median(work: Callable[[], Any], runs: int = 5) -> float:
    work()  # warm
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        work()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def requests(db: str) -> dict[str, Callable[[], Any]]:
    from talaia import api
    from talaia.store import EventFilter, open_store
    from talaia.store.generation import kept_results

    with open_store(db, must_exist=True) as store:
        latest = store.latest_day()
    assert latest is not None
    # the latest 12 ISO weeks, from a Monday: whole weeks, read from the kept weekly counts
    recent = EventFilter(date_from=(latest - dt.timedelta(days=latest.weekday(), weeks=11)).isoformat())
    folder = tempfile.mkdtemp()
    return {
        "page": lambda: api.search_events(db=db, limit=25),
        "page admin1": lambda: api.search_events(db=db, where=EventFilter(admin1="Mexico State 3"), limit=25),
        "page text": lambda: api.search_events(db=db, where=EventFilter(text="town 7"), limit=25),
        "page actor": lambda: api.search_events(db=db, where=EventFilter(actor="CJNG"), limit=25),
        "agg month": lambda: api.aggregate_events(db=db, period="month", by="admin1"),
        "agg week": lambda: api.aggregate_events(db=db, where=recent, period="week", by="admin1"),
        "map": lambda: api.map_features(db=db),
        "alerts": lambda: api.alerts(db=db),  # kept until the incidents change: warm, one read
        "alerts computed": lambda: (kept_results.clear(), api.alerts(db=db)),  # as after any change
        "actors": lambda: api.list_actors(db=db),  # its pairs of sides kept until the incidents change
        "actors computed": lambda: (kept_results.clear(), api.list_actors(db=db)),
        "export": lambda: api.export_events("acled-csv", db=db, path=Path(folder) / "x.csv",
                                            where=EventFilter(country="MX", date_from="2024-01-01",
                                                              date_to="2024-12-31")),
    }


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(label: str, db_of: Callable[[int], Any], sizes: list[int], skip: frozenset[str] = frozenset()) -> None:
    rows: dict[int, dict[str, float]] = {}
    for n in sizes:
        with db_of(n) as db:
            kept = _built(db)  # --keep: built by an earlier run
            built = "kept from an earlier run" if kept else f"built in {build(db, n):.0f} s"
            timed = {name: _median(work) for name, work in requests(db).items() if name not in skip}
            rows[n] = timed
            print(f"{label} {n:>9,} events ({built}): "
                  + ", ".join(f"{k} {v * 1000:.0f} ms" for k, v in timed.items()), flush=True)
            if n == max(sizes) and "full export" not in skip:
                _export_peak(label, db, n)
    first = sizes[0]
    for n in sizes[1:]:
        print(f"{label} {n:,} / {first:,}: " + ", ".join(f"{k} {rows[n][k] / rows[first][k]:.1f}x"
                                                        for k in rows[n]), flush=True)


def _built(db: str) -> bool:
    """Whether ``db`` holds a store already (a kept SQLite file, a kept PostgreSQL schema with incidents)."""
    if not db.startswith("postgres"):
        return Path(db).is_file()
    import psycopg

    with psycopg.connect(db, autocommit=True) as conn:
        found = conn.execute("SELECT to_regclass('incidents')").fetchone()
    return bool(found and found[0])


def _export_peak(label: str, db: str, n: int) -> None:
    """Time and peak memory of a CSV export of every incident, in a process of its own."""
    import subprocess

    with tempfile.TemporaryDirectory() as folder:
        script = ("import sys, time, resource; from talaia import api; t = time.perf_counter(); "
                  "api.export_events('acled-csv', db=sys.argv[1], path=sys.argv[2]); "
                  "print(f'{time.perf_counter() - t:.1f} s, peak RSS '"
                  "f'{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB')")
        out = subprocess.run([sys.executable, "-c", script, db, str(Path(folder) / "all.csv")], capture_output=True,
                             text=True, check=True).stdout.strip()
        size = (Path(folder) / "all.csv").stat().st_size / 1e6
    print(f"{label} export of all {n:,} events as CSV ({size:.0f} MB): {out}", flush=True)


@contextmanager
def _sqlite(n: int, keep: str | None = None) -> Iterator[str]:
    if keep:  # the stores kept in ``keep`` and used again by later runs (built once)
        Path(keep).mkdir(parents=True, exist_ok=True)
        yield str(Path(keep) / f"scale-{n}.db")
        return
    with tempfile.TemporaryDirectory() as folder:
        yield str(Path(folder) / f"scale-{n}.db")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="10000,100000")
    ap.add_argument("--postgres", default=os.environ.get("TALAIA_TEST_POSTGRES"))
    ap.add_argument("--no-postgres", action="store_true")
    ap.add_argument("--no-sqlite", action="store_true")
    ap.add_argument("--skip", default="", help="requests not timed, comma-separated ('export', 'full export', ...)")
    ap.add_argument("--keep", metavar="DIR", help="SQLite stores kept in DIR, PostgreSQL ones in schemas "
                    "talaia_scale_N of the server --postgres names: built when absent, else timed again")
    ap.add_argument("--build", metavar="DB", help="only build a store of the first size at DB (a file or URL)")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    skip = frozenset(filter(None, args.skip.split(",")))
    if args.build:
        print(f"built {sizes[0]:,} events at {args.build} in {build(args.build, sizes[0]):.0f} s")
        return
    if not args.no_sqlite:
        measure("SQLite    ", lambda n: _sqlite(n, args.keep), sizes, skip)
    if args.no_postgres:
        return
    server = None
    url = args.postgres
    if not url:
        from postgres_server import ServerUnavailableError, start

        try:
            server = start()
            url = server.url
        except ServerUnavailableError as exc:
            print(f"PostgreSQL: not measured ({exc})")
            return
    import psycopg

    @contextmanager
    def _postgres(n: int) -> Iterator[str]:
        kept = bool(args.keep)  # a schema of its own per size, kept for later runs (with --postgres URL)
        schema = f"talaia_scale_{n}" if kept else f"scale_{uuid.uuid4().hex[:8]}"
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(f"CREATE SCHEMA IF NOT EXISTS {schema}")
        if kept:
            yield f"{url}{'&' if '?' in url else '?'}options=-csearch_path%3D{schema}"
            return
        try:
            yield f"{url}{'&' if '?' in url else '?'}options=-csearch_path%3D{schema}"
        finally:
            with psycopg.connect(url, autocommit=True) as conn:
                conn.execute(f"DROP SCHEMA {schema} CASCADE")

    try:
        measure("PostgreSQL", _postgres, sizes, skip)
    finally:
        if server is not None:
            server.stop()


if __name__ == "__main__":
    main()
