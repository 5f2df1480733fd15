#!/usr/bin/env python3
"""Store benchmark: documents written per second by ``Store.write_batch`` (documents, events, sources,
quotes and places, 64 documents a transaction) and events listed per second by ``Store.events``, on
SQLite and on PostgreSQL, each as a ratio to a baseline on the same backend in the same process: the
same rows inserted into bare tables (no keys, no indexes), one INSERT a row in the same
transactions, and read back with one SELECT. So the figures compare across machines and show what the store's upserts,
keys and fusion of mentions cost over the database itself.

    .venv/bin/python benchmarks/bench_store.py [--documents 2000] [--postgres postgresql://...]

Without ``--postgres`` (or $TALAIA_TEST_POSTGRES) a private PostgreSQL server is started when its
binaries are installed (tests/postgres_server.py); otherwise only SQLite is measured.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

BATCH = 64


def synthetic(n: int) -> list[Any]:
    from talaia.models import Document, Event, Evidence, ExtractionResult, Place, Quote
    from talaia.store import StoreItem

    items = []
    for i in range(n):
        text = f"Gunmen killed {i % 9 + 1} police officers in Town{i % 300}, State{i % 32}, on Monday. " * 8
        events = tuple(Event(
            event_id=f"{i:08d}{k:08d}", event_date=f"2021-{1 + i % 12:02d}-{1 + i % 28:02d}", time_precision=1,
            event_type="Violence against civilians", sub_event_type="Attack",
            actor1="Unidentified Armed Group (Mexico)", actor2="Police Forces of Mexico (2018-2024)",
            inter1="Political militia", inter2="State forces",
            assoc_actor_1=(), assoc_actor_2=(), country="Mexico", country_code="MX", admin1=f"State{i % 32}",
            admin2=None, location=f"Town{i % 300}", latitude=19.0, longitude=-101.0, geo_precision=2,
            fatalities=i % 9 + 1, fatalities_high=None, certainty="stated", notes="On 1 March 2021: test.",
            evidence=(Evidence(0, 60),)) for k in range(2))
        quotes = (Quote("We will find them", 70, 87, "the governor", 90, 102, "said", True),)
        places = (Place(f"Town{i % 300}", 40, 46, 19.0, -101.0, "MX", f"State{i % 32}", 1000 + i, "PPL"),)
        result = ExtractionResult(f"doc-{i}", "en", "2021-03-02", events=events, quotes=quotes, places=places,
                                  extractor="bench/1")
        doc = Document(id=f"doc-{i}", text=text, published=dt.date(2021, 3, 2), source="Wire")
        items.append(StoreItem(doc, f"key-{i}", f"hash-{i}", b"\x00" * 512, result=result))
    return items


def _baseline(store: Any, items: list[Any]) -> tuple[float, float]:
    """Seconds to insert the same rows into bare tables and to read the events back."""
    suffix = uuid.uuid4().hex[:8]
    names = {t: f"bare_{t}_{suffix}" for t in ("documents", "events", "quotes", "places")}
    store._execute(f"CREATE TABLE {names['documents']} (key TEXT, doc_id TEXT, text TEXT, minhash "
                   f"{store.dialect.blob})")
    store._execute(f"CREATE TABLE {names['events']} (event_id TEXT, document_key TEXT, notes TEXT, evidence TEXT)")
    store._execute(f"CREATE TABLE {names['quotes']} (document_key TEXT, idx INTEGER, text TEXT)")
    store._execute(f"CREATE TABLE {names['places']} (document_key TEXT, idx INTEGER, name TEXT)")
    def rows(it: Any) -> dict[str, list[tuple[Any, ...]]]:
        return {"documents": [(it.key, it.document.id, it.document.text, it.minhash)],
                "events": [(e.event_id, it.key, e.notes, "[]") for e in it.result.events],
                "quotes": [(it.key, i, q.text) for i, q in enumerate(it.result.quotes)],
                "places": [(it.key, i, p.name) for i, p in enumerate(it.result.places)]}

    t0 = time.perf_counter()
    for start in range(0, len(items), BATCH):
        def insert(batch: list[Any] = items[start:start + BATCH]) -> None:
            for it in batch:
                for table, values in rows(it).items():
                    for value in values:
                        store._execute(f"INSERT INTO {names[table]} VALUES ({', '.join('?' * len(value))})", value)
        store.atomically(insert)
    write_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    store.fetch_all(f"SELECT * FROM {names['events']} e JOIN {names['documents']} d ON d.key = e.document_key")
    read_s = time.perf_counter() - t0
    for name in names.values():
        store._execute(f"DROP TABLE {name}")
    return write_s, read_s


def measure(db: str, items: list[Any]) -> None:
    from talaia.store import open_store

    with open_store(db) as store:
        baseline_write, baseline_read = _baseline(store, items)
        t0 = time.perf_counter()
        for start in range(0, len(items), BATCH):
            store.write_batch(items[start:start + BATCH])
        write_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        listed = store.events(fused=False)
        read_s = time.perf_counter() - t0
        name = type(store).__name__
    n = len(items)
    print(f"{name:>14}: write {n / write_s:,.0f} docs/s ({write_s / baseline_write:.1f}x the bare inserts), "
          f"list {len(listed) / read_s:,.0f} events/s ({read_s / baseline_read:.1f}x a bare SELECT)")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--documents", type=int, default=2000)
    ap.add_argument("--postgres", default=os.environ.get("TALAIA_TEST_POSTGRES"))
    args = ap.parse_args()
    items = synthetic(args.documents)
    with tempfile.TemporaryDirectory() as folder:
        measure(str(Path(folder) / "bench.db"), items)
    server = None
    url = args.postgres
    if not url:
        from postgres_server import ServerUnavailableError, start

        try:
            server = start()
            url = server.url
        except ServerUnavailableError as exc:
            print(f"    PostgreSQL: not measured ({exc})")
    if url:
        schema = f"bench_{uuid.uuid4().hex[:8]}"
        import psycopg

        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(f"CREATE SCHEMA {schema}")
        try:
            measure(f"{url}{'&' if '?' in url else '?'}options=-csearch_path%3D{schema}", items)
        finally:
            with psycopg.connect(url, autocommit=True) as conn:
                conn.execute(f"DROP SCHEMA {schema} CASCADE")
    if server is not None:
        server.stop()


if __name__ == "__main__":
    main()
