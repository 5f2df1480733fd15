#!/usr/bin/env python3
"""The desk's read path: a page of events (``talaia.api.search_events``, what ``GET /api/events``
calls) over N stored events, with 0, 100 and 1,000 reviews applied on read, as a ratio to the
store's plain read of the same events in the same process (so the figure says what the review
overlay and the paging add).

    .venv/bin/python benchmarks/bench_serve.py [--events 10000] [--reviews 0 100 1000]

Events are synthetic: one per document, 32 states over two years; reviews correct a date or a
toll, or accept, of events drawn at random.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import tempfile
import time
from pathlib import Path


def build(db: Path, n: int, seed: int = 7) -> list[str]:
    from talaia.models import Document, Event, Evidence, ExtractionResult
    from talaia.store.sqlite import SQLiteStore, StoreItem

    rng = random.Random(seed)
    items, ids = [], []
    for i in range(n):
        text = f"Gunmen killed {i % 9 + 1} people in town{i % 600}, State{i % 32}, on Monday. Police said so."
        day = dt.date(2019, 1, 1) + dt.timedelta(days=rng.randrange(730))
        event = Event(f"ev{i:07d}", day.isoformat(), 1, "Violence against civilians", "Attack",
                      "Unidentified Armed Group (Mexico)", "Civilians (Mexico)", "Political militia", "Civilians", (),
                      (), "Mexico", "MX", f"State{i % 32}", f"town{i % 600}", f"town{i % 600}", 19.0, -101.0, 1,
                      i % 9 + 1, None, "stated", "synthetic", (Evidence(0, 60),))
        doc = Document(id=f"doc{i}", text=text, published=day, source="Wire")
        items.append(StoreItem(doc, f"k{i}", f"h{i}", None, None, None,
                               ExtractionResult(f"doc{i}", "en", day.isoformat(), (event,), extractor="bench"),
                               extractor_version="bench"))
        ids.append(event.event_id)
    with SQLiteStore(db) as store:
        for chunk in range(0, n, 2000):
            store.write_batch(items[chunk:chunk + 2000])
    return ids


def review(db: Path, ids: list[str], count: int, seed: int = 11) -> None:
    from talaia.review.service import record_review
    from talaia.store.sqlite import SQLiteStore

    rng = random.Random(seed)
    with SQLiteStore(db) as store:
        for event_id in rng.sample(ids, count):
            kind = rng.randrange(3)
            if kind == 0:
                record_review(store, event_id, action="correct", field="event_date", value="2020-06-01", reviewer="b")
            elif kind == 1:
                record_review(store, event_id, action="correct", field="fatalities", value=0, reviewer="b")
            else:
                record_review(store, event_id, action="accept", reviewer="b")


def timed(fn: object, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()  # type: ignore[operator]
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--events", type=int, default=10000)
    ap.add_argument("--reviews", type=int, nargs="+", default=[0, 100, 1000])
    args = ap.parse_args()
    from talaia.api import search_events
    from talaia.store.sqlite import EventFilter, SQLiteStore

    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "bench.db"
        ids = build(db, args.events)
        done = 0
        for count in sorted(args.reviews):
            review(db, ids, count - done)
            done = count

            def plain() -> None:
                with SQLiteStore(db) as store:
                    store.events(EventFilter())

            base = timed(plain)
            page = timed(lambda: search_events(db=db, limit=50))
            filtered = timed(lambda: search_events(db=db, where=EventFilter(admin1="State3"), limit=50))
            print(f"{args.events:,} events, {count:>5,} reviews: a page {page * 1000:.0f} ms "
                  f"({page / base:.2f}x the store's plain read, {base * 1000:.0f} ms); "
                  f"one state {filtered * 1000:.0f} ms")


if __name__ == "__main__":
    main()
