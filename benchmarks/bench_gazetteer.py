#!/usr/bin/env python3
"""Gazetteer benchmark: start-up time, memory, and lookups per second, with the lookup rate
also given as a ratio to a plain dict lookup run in the same process (machine-independent).

    .venv/bin/python benchmarks/bench_gazetteer.py [--lookups 200000]
"""

from __future__ import annotations

import argparse
import random
import resource
import time


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--lookups", type=int, default=200_000)
    args = ap.parse_args()
    from talaia.geo.gazetteer import GazetteerTables, GeoNamesGazetteer, _cache_path
    from talaia.knowledge import load_knowledge

    warm = _cache_path(None, GazetteerTables.from_knowledge(load_knowledge()).digest).exists()
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.perf_counter()
    gazetteer = GeoNamesGazetteer.load()
    startup = time.perf_counter() - t0
    rss1 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    names = ["Culiacán", "Michoacan", "Mexico", "Tepalcatepec", "United States", "Paris", "Aguililla", "Kabul",
             "Sinaloa", "Ciudad Juárez", "Nairobi", "Springfield", "Georgia", "Unknownville", "Celaya", "Lagos"]
    queries = [random.Random(1).choice(names) for _ in range(args.lookups)]
    t0 = time.perf_counter()
    found = sum(len(gazetteer.lookup(q)) for q in queries)
    lookup_s = time.perf_counter() - t0
    normalize_name = gazetteer.normalize
    plain = {normalize_name(n): n for n in names}
    t0 = time.perf_counter()
    sum(1 for q in queries if normalize_name(q) in plain)
    baseline_s = time.perf_counter() - t0
    print(f"places: {len(gazetteer):,}")
    print(f"start-up ({'disk cache' if warm else 'first build, cache written'}): {startup:.2f} s")
    print(f"memory: +{(rss1 - rss0) / 1024:.0f} MiB max RSS")
    print(f"lookups: {args.lookups / lookup_s:,.0f}/s ({found:,} candidates)")
    print(f"ratio to a plain normalised dict lookup: {lookup_s / baseline_s:.2f}x the time")


if __name__ == "__main__":
    main()
