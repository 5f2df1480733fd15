#!/usr/bin/env python3
"""Incremental fusion by block: fusing 10,000 new mentions into a large store against fusing them into an
empty one (issue 26: at most 2x for a store of 1,000,000 events).

The stores are generated (tests/store/generated.py: events bulk-inserted with a realistic spread over
countries, states, types and eight years, a sixth of incidents told twice), then fused once in full. The new
mentions are generated the same way but dated in the fortnight after the store's last day (a day's news is
of the latest days), stored unfused as new documents, and fused with ``fuse_store(store, documents=keys)``:
only their blocks (their country, every country for one naming no state, within the widest window of their
dates) are read, the incidents there kept, and the new mentions join them or one another. The baseline is
the same 10,000 mentions fused into an empty store, in the same run.

    .venv/bin/python benchmarks/bench_fusion_incremental.py [--sizes 100000,1000000] [--new 10000] [--keep DIR]

``--keep DIR``: the generated stores are kept in DIR (``store-<size>.db``, built when absent, as
``bench_ingest_scale.py`` and ``bench_scale_store.py --build`` build them) and each run fuses into a copy.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from store.generated import LAST_DAY, add_recent, build, embed_recent, kept_store
from talaia.fuse import fuse_store, similarity
from talaia.fuse.match import fitted_settings
from talaia.fuse.service import block_days
from talaia.store import open_store


def read_through(db: str) -> None:
    """Read the store's file once, as a store in daily use is read: a copy made just before would otherwise be
    read back from disk (at a million events, 4 GB: the cold and warm runs differ by seconds)."""
    with open(db, "rb") as f:
        while f.read(1 << 24):
            pass


def fuse_new(db: str, keys: list[str], cold: bool = False) -> tuple[float, int]:
    os.sync()  # the copied store's pages written out first: the clock times the fusion, not the copy's writeback
    if not cold:
        read_through(db)
    similarity.forget()  # each run embeds its new mentions' sentences itself (none are remembered from the last)
    with open_store(db) as store:
        t0, cpu = time.perf_counter(), time.process_time()
        report = fuse_store(store, documents=keys)
        seconds, cpu = time.perf_counter() - t0, time.process_time() - cpu
    print(f"  ({seconds:.2f} s wall, {cpu:.2f} s CPU, load average {os.getloadavg()[0]:.1f})")
    return seconds, report.mentions


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="100000", help="store sizes, comma-separated (1000000 takes long)")
    parser.add_argument("--new", type=int, default=10_000, help="new mentions fused")
    parser.add_argument("--no-full", action="store_true", help="keep the generated incidents instead of fusing "
                        "each store in full first (a million events take long to fuse)")
    parser.add_argument("--cold", action="store_true", help="do not read each store's file before the clock")
    parser.add_argument("--keep", metavar="DIR", help="generated stores kept in DIR, built when absent; fused "
                        "into a copy")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        warm = str(Path(folder) / "warm.db")  # the knowledge fusion reads loaded before any clock starts
        open_store(warm).close()
        fuse_new(warm, add_recent(warm, 10, LAST_DAY))
        empty = str(Path(folder) / "empty.db")
        open_store(empty).close()
        baseline, read = fuse_new(empty, add_recent(empty, args.new, LAST_DAY), args.cold)
        print(f"{args.new:,} new mentions into an empty store: {baseline:.2f} s ({read:,} mentions read)")
        for size in (int(s) for s in args.sizes.split(",")):
            db = str(Path(folder) / f"store{size}.db")
            if args.keep:
                kept, built = kept_store(args.keep, size)
                shutil.copyfile(kept, db)
            else:
                built = build(db, size)
            # the stored events a new mention's block reads keep their sentence vectors, as ingest keeps them
            embedded, spent = embed_recent(db, LAST_DAY - dt.timedelta(days=block_days(fitted_settings())))
            print(f"  {embedded:,} stored events of the last {block_days(fitted_settings())} days given their "
                  f"sentence vectors in {spent:.0f} s (not timed: a store built by ingest holds them)")
            full = float("nan")
            if not args.no_full:
                with open_store(db) as store:
                    t0 = time.perf_counter()
                    fuse_store(store)
                    full = time.perf_counter() - t0
            seconds, read = fuse_new(db, add_recent(db, args.new, LAST_DAY), args.cold)
            print(f"{args.new:,} new mentions into {size:,} events (built in {built:.0f} s, fused in full in "
                  f"{full:.1f} s): {seconds:.2f} s ({read:,} mentions read), {seconds / baseline:.2f}x the empty "
                  f"store")
    return 0


if __name__ == "__main__":
    sys.exit(main())
