#!/usr/bin/env python3
"""Extraction throughput on the bundled sample articles, as a ratio to spaCy alone on the same
texts in the same process (so the figure says what Talaia adds on top of parsing).

    .venv/bin/python benchmarks/bench_extract.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import time
from importlib import resources


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    from talaia.ingest.readers import iter_documents
    from talaia.models import Document
    from talaia.nlp.spacy_backend import SpacyModels
    from talaia.pipeline import Pipeline

    samples = resources.files("talaia") / "samples"
    docs = [d for d in iter_documents([str(samples / "seed-sinaloa.txt"), str(samples / "wikinews.jsonl")])
            if isinstance(d, Document)] * args.repeat
    pipeline = Pipeline()
    list(pipeline.run(docs[:2]))  # load models and the gazetteer outside the timing
    nlp = SpacyModels().get("en")
    t0 = time.perf_counter()
    list(nlp.pipe(d.text for d in docs))
    spacy_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    results = list(pipeline.run(docs))
    talaia_s = time.perf_counter() - t0
    chars = sum(len(d.text) for d in docs)
    print(f"documents: {len(docs)} ({chars:,} characters); events: {sum(len(r.events) for r in results)}")
    print(f"talaia: {len(docs) / talaia_s:.1f} docs/s; spaCy alone: {len(docs) / spacy_s:.1f} docs/s")
    print(f"ratio: talaia takes {talaia_s / spacy_s:.2f}x the time of parsing alone")


if __name__ == "__main__":
    main()
