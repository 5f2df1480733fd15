#!/usr/bin/env python3
"""Gazetteer benchmark: start-up time, memory, and lookups per second, with the lookup rate
also given as a ratio to a plain dict lookup run in the same process (machine-independent);
then the geo stage's time per document (recognition and resolution of its places), as a
ratio to spaCy's parse of the same documents.

    .venv/bin/python benchmarks/bench_gazetteer.py [--lookups 200000] [--documents 200]
"""

from __future__ import annotations

import argparse
import random
import resource
import time


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--lookups", type=int, default=200_000)
    ap.add_argument("--documents", type=int, default=200)
    args = ap.parse_args()
    from talaia.geo.gazetteer import GazetteerTables, GeoNamesGazetteer, gazetteer_cache_path
    from talaia.knowledge import load_knowledge

    warm = gazetteer_cache_path(GazetteerTables.from_knowledge(load_knowledge()).digest).exists()
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
    bench_resolution(args.documents)


# documents of the kinds the geo stage reads: towns with their states, units, outlets' homes, homonyms
DOCUMENTS = (
    "Gunmen killed four police officers in Aguililla, Michoacán, on Monday, the state prosecutor said.",
    "Hombres armados asesinaron a tres personas en el municipio de Tlapa de Comonfort, Guerrero.",
    "CULIACÁN, Sin. (OEM).- Two men were found dead in the Las Quintas neighborhood of the city.",
    "Soldiers clashed with gunmen near Reynosa, Tamaulipas, and in the town of Nuevo Laredo.",
    "Protesters marched in Nairobi and Mombasa, Kenya, while police in Lagos arrested ten people.",
    "A car bomb exploded in Kabul, Afghanistan, near the Ministry of Defence, killing seven.",
)


def bench_resolution(documents: int) -> None:
    """The geo stage's time per document, against spaCy's parse of the same text (both in this process)."""
    from talaia.component import Analysis
    from talaia.models import Document
    from talaia.pipeline import Pipeline

    pipeline = Pipeline()
    before_geo = [c for c in pipeline.components if not c.name.startswith(("geo.", "quotes.", "events."))]
    geo = [c for c in pipeline.components if c.name.startswith("geo.")]
    batch = [Analysis(document=Document(id=str(i), text=DOCUMENTS[i % len(DOCUMENTS)])) for i in range(documents)]
    t0 = time.perf_counter()
    for component in before_geo:
        component.process_batch(batch)
    parse_s = time.perf_counter() - t0
    geo[0].process_batch(batch[:1])  # the gazetteer loads on first use
    t0 = time.perf_counter()
    for component in geo:
        component.process_batch(batch)
    geo_s = time.perf_counter() - t0
    print(f"geo stage ({geo[0].name}): {1000 * geo_s / documents:.2f} ms per document, "
          f"{geo_s / parse_s:.3f}x the time of the language stages on the same {documents} documents")


if __name__ == "__main__":
    main()
