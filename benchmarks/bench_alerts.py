#!/usr/bin/env python3
"""Alerts benchmark: seconds to judge a year of weeks for every area of a store, and the ratio to a
baseline run in the same process (reading the same events from the store), so the figure compares
across machines. Also the spikes view of one area (every week fitted).

    .venv/bin/python benchmarks/bench_alerts.py [--areas 50 200] [--bounds]

``--bounds``: what an unauthenticated client can make the server do: ``since=0001-01-01`` against
``since`` = the first stored day (the weeks before the first event are not judged: the ratio should be
about 1: the ~2,000-year span was judged before), and an area's history from 0001-01-01 asked twice
(the second reads the cached events while the file is unchanged).

The store is synthetic: N municipalities over three years, 0.5-6 events a week each (seeded), written
through the store's normal write path into a temporary file.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))


def main() -> None:
    from analysis.synthetic import write_history
    from talaia.api import alerts, area_history, open_store

    ap = argparse.ArgumentParser()
    ap.add_argument("--areas", type=int, nargs="+", default=[50, 200])
    ap.add_argument("--bounds", action="store_true", help="time the bounded requests (see above)")
    args = ap.parse_args()
    if args.bounds:
        for n in args.areas:
            bounds(n)
        return
    for n in args.areas:
        rng = np.random.default_rng(n)
        counts = {(f"State{i % 32}", f"Town{i}"): list(rng.poisson(rng.uniform(0.5, 6.0), 156)) for i in range(n)}
        with tempfile.TemporaryDirectory() as folder:
            db = Path(folder) / "bench.db"
            write_history(db, counts)
            t0 = time.perf_counter()
            with open_store(db, must_exist=True) as store:
                events = store.events()
            baseline_s = time.perf_counter() - t0
            t0 = time.perf_counter()
            report = alerts(db=db, since="2019-01-01", by="admin2")
            alerts_s = time.perf_counter() - t0
            t0 = time.perf_counter()
            area_history("Town0", db=db, by="admin2")
            history_s = time.perf_counter() - t0
        area_weeks = n * len(report.weeks)
        print(f"{n:>4} areas, {len(events):,} events: {area_weeks:,} area-weeks judged in {alerts_s:.2f} s "
              f"({alerts_s / area_weeks * 1e3:.2f} ms each, {alerts_s / baseline_s:.1f}x reading the events; "
              f"{len(report.alerts)} alerts); one area's 156 weeks: {history_s:.2f} s "
              f"({history_s / baseline_s:.1f}x)")



def bounds(n: int) -> None:
    from analysis.synthetic import START, write_history
    from talaia.api import alerts, area_history

    rng = np.random.default_rng(n)
    counts = {(f"State{i % 32}", f"Town{i}"): list(rng.poisson(rng.uniform(0.5, 6.0), 156)) for i in range(n)}
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "bench.db"
        write_history(db, counts)
        first = START.isoformat()
        timings = {}
        for label, since in (("since = first stored day", first), ("since = 0001-01-01", "0001-01-01")):
            t0 = time.perf_counter()
            report = alerts(db=db, since=since, by="admin2")
            timings[label] = (time.perf_counter() - t0, len(report.weeks))
        cold = _timed(lambda: area_history("Town0", db=db, by="admin2", since="0001-01-01"))
        warm = _timed(lambda: area_history("Town0", db=db, by="admin2", since="0001-01-01"))
    base = timings["since = first stored day"][0]
    for label, (seconds, weeks) in timings.items():
        print(f"{n:>4} areas, alerts {label}: {seconds:.2f} s, {weeks} weeks judged ({seconds / base:.2f}x)")
    print(f"{n:>4} areas, one area's history since 0001-01-01: {cold:.2f} s, again {warm:.2f} s "
          f"({warm / cold:.2f}x; the second reads the events from the cache, so what is left is the fitting)")


def _timed(work: object) -> float:
    t0 = time.perf_counter()
    work()  # type: ignore[operator]
    return time.perf_counter() - t0


if __name__ == "__main__":
    main()
