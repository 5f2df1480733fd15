#!/usr/bin/env python3
"""Ingesting new reports into a large store against ingesting them into an empty one (issue 23: 1,000
reports into a store of 1,000,000 events, fusion included, in at most 2x the time).

The large store is generated (tests/store/generated.py, as ``bench_fusion_incremental.py`` and
``bench_scale_store.py --build`` build it: events bulk-inserted over seven countries and eight years) and its
documents given MinHash signatures (seeded, shaped as real ones: each value the least of a few hundred
hashes), so near-duplicate detection has a million stored signatures to search, as a real store's ingest
does. The reports are the generated news articles of ``benchmarks/corpus.py``, dated in the fortnight after
the store's last day (a day's news is of the latest days), ingested through ``talaia.api.ingest_paths`` (what
``talaia ingest`` calls) with its defaults: near-duplicate detection, extraction, writing, and fusion (by
block in the large store, in full in the empty one). One pipeline, its models loaded and warmed before any
clock starts, serves both runs; the large store is ingested into first, so whatever the first run leaves
warm favours the baseline. Wall and CPU seconds, and the fusion's share, are taken within one run.

    .venv/bin/python benchmarks/bench_ingest_scale.py [--size 1000000] [--reports 1000] [--keep DIR]

``--keep DIR``: the generated store is kept in DIR (``store-<size>.db``, built and signed when absent) and
each run ingests into a copy.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import documents

import talaia.ingest.service as ingest_service
from store.generated import FORTNIGHT, LAST_DAY, embed_recent, kept_store
from talaia.api import ingest_paths
from talaia.fuse import similarity
from talaia.fuse.match import fitted_settings
from talaia.fuse.service import block_days
from talaia.ingest.dedupe import NUM_PERM
from talaia.pipeline import Pipeline
from talaia.store import open_store

SHINGLES = 400  # about the 5-word shingles of a news article: each signature value is the least of so many hashes


def sign(db: str, batch: int = 20_000) -> float:
    """Give the generated documents that have none a MinHash signature (seeded); returns the seconds taken."""
    import numpy as np

    rng = np.random.default_rng(23)
    t0 = time.perf_counter()
    with open_store(db) as store:
        if store.dialect.name == "sqlite":
            for pragma in ("journal_mode=OFF", "synchronous=OFF", "cache_size=-524288"):
                store._execute(f"PRAGMA {pragma}")
        keys = [r[0] for r in store.fetch_all("SELECT key FROM documents WHERE minhash IS NULL ORDER BY key")]
        for start in range(0, len(keys), batch):
            part = keys[start:start + batch]
            # the least of SHINGLES uniform 32-bit hashes: 1 - U ** (1 / SHINGLES) of the range
            values = ((1 - rng.random((len(part), NUM_PERM)) ** (1 / SHINGLES)) * (2**32 - 1)).astype("<u8")
            rows = [(values[i].tobytes(), key) for i, key in enumerate(part)]
            store.atomically(lambda rows=rows: store._execute_many(
                "UPDATE documents SET minhash = ? WHERE key = ?", rows))
        if store.dialect.name == "sqlite":
            store._execute("PRAGMA journal_mode=WAL")
            store._execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return time.perf_counter() - t0


def reports(path: Path, count: int, seed: int, prefix: str) -> None:
    """``count`` generated articles as JSON Lines, dated in the fortnight after the store's last day."""
    with path.open("w", encoding="utf-8") as out:
        for i, doc in enumerate(documents(count, seed=seed)):
            day = LAST_DAY + dt.timedelta(days=1 + i % FORTNIGHT)
            out.write(json.dumps({**doc, "id": f"{prefix}-{i:05d}", "published": day.isoformat()}) + "\n")


@contextmanager
def timed_fusion(spent: list[float]) -> Iterator[None]:
    """Time the fusion ingest runs at its end (the rest is reading, deduplication, extraction, writing)."""
    real = ingest_service.fuse_store

    def fuse_store(store: Any, *args: Any, **kwargs: Any) -> Any:
        t0 = time.perf_counter()
        try:
            return real(store, *args, **kwargs)
        finally:
            spent.append(time.perf_counter() - t0)

    ingest_service.fuse_store = fuse_store  # type: ignore[assignment]
    try:
        yield
    finally:
        ingest_service.fuse_store = real  # type: ignore[assignment]


def ingest(path: Path, db: str, pipeline: Pipeline) -> dict[str, Any]:
    fusion: list[float] = []
    os.sync()  # the copied store's pages written out first: the clock times the ingest, not the copy's writeback
    similarity.forget()  # each run embeds its reports' sentences itself (none remembered from the other run)
    with timed_fusion(fusion):
        cpu, t0 = time.process_time(), time.perf_counter()
        report = ingest_paths([path], db=db, pipeline=pipeline)
        wall, cpu = time.perf_counter() - t0, time.process_time() - cpu
    return {"wall": wall, "cpu": cpu, "fusion": sum(fusion), "stored": report.stored, "events": report.events,
            "duplicates": report.duplicates, "incidents": report.incidents}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=1_000_000, help="events in the large store")
    parser.add_argument("--reports", type=int, default=1_000, help="reports ingested")
    parser.add_argument("--keep", metavar="DIR", help="the generated store kept in DIR, built when absent")
    args = parser.parse_args()
    print(f"load average at start: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    with tempfile.TemporaryDirectory() as folder:
        new, warm = Path(folder) / "new.jsonl", Path(folder) / "warm.jsonl"
        reports(new, args.reports, seed=31, prefix="scale")
        reports(warm, 5, seed=37, prefix="warm")
        large = str(Path(folder) / "large.db")
        t0 = time.perf_counter()
        kept, built = kept_store(args.keep or folder, args.size)
        signed = sign(kept)
        # the stored events the new reports' blocks read keep their sentence vectors, as ingest keeps them
        embedded, spent = embed_recent(kept, LAST_DAY - dt.timedelta(days=block_days(fitted_settings())))
        print(f"{embedded:,} stored events of the last {block_days(fitted_settings())} days given their sentence "
              f"vectors in {spent:.0f} s (not timed: a store built by ingest holds them)")
        shutil.copyfile(kept, large)
        print(f"store of {args.size:,} events ready in {time.perf_counter() - t0:.0f} s (built in {built:.0f} s, "
              f"signed in {signed:.0f} s)")
        pipeline = Pipeline()
        ingest_paths([warm], db=str(Path(folder) / "warm.db"), pipeline=pipeline)  # models loaded and warmed
        results = {}
        for label, db in (("large", large), ("empty", str(Path(folder) / "empty.db"))):
            results[label] = ingest(new, db, pipeline)
            r = results[label]
            print(f"{args.reports:,} reports into the {label} store: {r['wall']:.1f} s wall, {r['cpu']:.1f} s CPU, "
                  f"fusion {r['fusion']:.1f} s ({r['stored']} stored, {r['duplicates']} duplicates, {r['events']} "
                  f"events, {r['incidents']:,} incidents)")
        big, empty = results["large"], results["empty"]
        print(f"into {args.size:,} events vs an empty store: {big['wall'] / empty['wall']:.2f}x wall, "
              f"{big['cpu'] / empty['cpu']:.2f}x CPU (fusion {big['fusion']:.1f} s vs {empty['fusion']:.1f} s)")
        print(f"load average at end: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
