#!/usr/bin/env python3
"""Scale: throughput, memory, document length and workers, each against a bare spaCy pass in the same run.

Every figure is measured in a fresh process (so its peak memory is its own), models loaded
before the clock starts; the baseline is spaCy's ``nlp.pipe`` over the same texts with the same
model, run in the same way in the same invocation, and each figure is given as a ratio to it.
Runs alternate (baseline, measured, baseline, ...) and the fastest of each is kept, because the
machine may be shared (every run is printed).

    .venv/bin/python benchmarks/bench_scale.py throughput [--documents 300] [--repeat 3] [--corpus docs.jsonl]
    .venv/bin/python benchmarks/bench_scale.py length [--sizes 10000,50000,200000,500000,2097152]
    .venv/bin/python benchmarks/bench_scale.py startup [--repeat 3]
    .venv/bin/python benchmarks/bench_scale.py engines [--documents 300] [--repeat 2]

The corpus is generated (benchmarks/corpus.py, seeded): no real article's text.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
from corpus import documents, long_text


def _peak_mb() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024


def _texts(spec: dict[str, Any]) -> list[dict[str, str]]:
    if spec["kind"] == "corpus":
        return list(documents(spec["documents"]))
    if spec["kind"] == "file":  # JSON Lines of documents, or of records holding one under "doc"
        with open(spec["path"], encoding="utf-8") as fh:
            rows = [json.loads(line) for line in fh if line.strip()][:spec["documents"]]
        keys = ("id", "text", "title", "published", "language")
        return [{k: (r.get("doc") or r)[k] for k in keys if (r.get("doc") or r).get(k)} for r in rows]
    text = long_text(spec["chars"])
    if spec["parts"] == 1:
        return [{"id": "long", "text": text, "language": "en"}]
    step = -(-len(text) // spec["parts"])
    return [{"id": f"part-{i}", "text": text[i:i + step], "language": "en"} for i in range(0, len(text), step)]


def _child(task: str, spec: dict[str, Any], queue: Any) -> None:
    """One measurement in a fresh process: (seconds, peak MB, extra) put on ``queue``."""
    from talaia.ingest.readers import iter_documents
    from talaia.models import Document

    records = _texts(spec)
    extra: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        # every pass reads the same documents: extract and ingest from this file, as a user would
        path = Path(tmp) / "docs.jsonl"
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
        if task == "spacy":
            from talaia.nlp.spacy_backend import SpacyModels

            nlp = SpacyModels().get("en")
            nlp("Warm up.")
            start, cpu = time.perf_counter(), time.process_time()
            for _ in nlp.pipe(r["text"] for r in records):
                pass
        elif task in {"extract", "ingest"}:
            from talaia.engines import Engine, make_pipeline
            from talaia.pipeline import Pipeline

            engine = Engine(spec.get("engine", "local"), spec.get("workers"))
            pipe: Pipeline = make_pipeline(None, engine)
            warm = Document(id="warm", text="Gunmen killed two police officers in Culiacán on Monday.", language="en")
            list(pipe.run([warm] * (2 * (engine.workers or 1))))  # workers started, models loaded
            start, cpu = time.perf_counter(), time.process_time()
            if task == "extract":
                results = list(pipe.run(iter_documents([str(path)])))
                extra["events"] = sum(len(r.events) for r in results)
                extra["failed"] = sum(1 for r in results if r.error is not None)
            else:
                from talaia.ingest.service import ingest
                from talaia.store.sqlite import SQLiteStore

                with SQLiteStore(Path(tmp) / "bench.db") as store:
                    report = ingest([str(path)], store, pipeline=pipe)
                extra = {"events": report.events, "stored": report.stored, "duplicates": report.duplicates}
            pipe.close()
        else:
            raise ValueError(task)
        extra["cpu_s"] = round(time.process_time() - cpu, 2)  # this process's own: the workers' is not in it
        queue.put((time.perf_counter() - start, _peak_mb(), extra))


def measure(task: str, spec: dict[str, Any]) -> tuple[float, int, dict[str, Any]]:
    ctx = multiprocessing.get_context("spawn")
    queue = ctx.Queue()
    proc = ctx.Process(target=_child, args=(task, spec, queue))
    proc.start()
    result = queue.get()
    proc.join()
    return result  # type: ignore[no-any-return]


def _alternate(tasks: list[tuple[str, str, dict[str, Any]]], repeat: int
               ) -> dict[str, list[tuple[float, int, float]]]:
    runs: dict[str, list[tuple[float, int, float]]] = {name: [] for name, _, _ in tasks}
    for _ in range(repeat):
        for name, task, spec in tasks:
            seconds, peak, extra = measure(task, spec)
            runs[name].append((seconds, peak, extra["cpu_s"]))
            print(f"  {name}: {seconds:.2f} s, peak {peak} MB {extra or ''}", flush=True)
    return runs


def _best(runs: list[tuple[float, int, float]]) -> tuple[float, int, float]:
    """The fastest run (the one the other users of the machine slowed least), the highest peak, the least CPU."""
    return min(s for s, _, _ in runs), max(m for _, m, _ in runs), min(c for _, _, c in runs)


def _corpus(args: argparse.Namespace) -> dict[str, Any]:
    if args.corpus:
        return {"kind": "file", "path": args.corpus, "documents": args.documents}
    return {"kind": "corpus", "documents": args.documents}


def throughput(args: argparse.Namespace) -> None:
    spec = _corpus(args)
    records = _texts(spec)
    words = sum(len(r["text"].split()) for r in records)
    print(f"corpus: {len(records)} documents, {words:,} words, {sum(len(r['text']) for r in records):,} characters")
    runs = _alternate([("spaCy nlp.pipe", "spacy", spec), ("talaia extract", "extract", spec),
                       ("talaia ingest", "ingest", spec)], args.repeat)
    base, _, base_cpu = _best(runs["spaCy nlp.pipe"])
    print("\n| pass | docs/s | words/s | throughput vs spaCy (wall) | (CPU) | peak MB |\n|---|---|---|---|---|---|")
    for name, found in runs.items():
        seconds, peak, cpu = _best(found)
        print(f"| {name} | {len(records) / seconds:.1f} | {words / seconds:,.0f} | {base / seconds:.2f} | "
              f"{base_cpu / cpu:.2f} | {peak} |")


def length(args: argparse.Namespace) -> None:
    print("| characters | one document s (CPU s) | 50 documents s (CPU s) | ratio wall (CPU) | one document peak MB "
          "| 50 documents peak MB |\n|---|---|---|---|---|---|", flush=True)
    for chars in (int(s) for s in args.sizes.split(",")):
        one = {"kind": "long", "chars": chars, "parts": 1}
        split = {"kind": "long", "chars": chars, "parts": 50}
        runs = _alternate([("one", "extract", one), ("fifty", "extract", split)], args.repeat)
        (s1, m1, c1), (s50, m50, c50) = _best(runs["one"]), _best(runs["fifty"])
        print(f"| {chars:,} | {s1:.1f} ({c1:.1f}) | {s50:.1f} ({c50:.1f}) | {s1 / s50:.2f} ({c1 / c50:.2f}) | {m1} | "
              f"{m50} |", flush=True)


def startup(args: argparse.Namespace) -> None:
    """Wall time and peak memory of whole commands, as a user runs them."""
    sample = Path(tempfile.mkdtemp()) / "one.txt"
    sample.write_text("Gunmen killed two police officers in Culiacán on Monday.\n", encoding="utf-8")
    commands: list[tuple[str, list[str]]] = [
        ("python -c pass", [sys.executable, "-c", "pass"]),
        ("python -c 'import spacy'", [sys.executable, "-c", "import spacy"]),
        ("talaia --help", [sys.executable, "-m", "talaia", "--help"]),
        ("talaia extract one.txt", [sys.executable, "-m", "talaia", "extract", str(sample), "--no-progress"]),
    ]
    print("| command | wall s (fastest) | peak MB |\n|---|---|---|")
    for name, cmd in commands:
        times, peaks = [], []
        for _ in range(args.repeat):
            start = time.perf_counter()
            proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            _, status, usage = os.wait4(proc.pid, 0)  # this command's own peak, not the largest child's so far
            times.append(time.perf_counter() - start)
            peaks.append(usage.ru_maxrss // 1024)
            assert status == 0, f"{name} failed"
        print(f"| {name} | {min(times):.2f} | {max(peaks)} |", flush=True)


def engines(args: argparse.Namespace) -> None:
    spec = _corpus(args)
    tasks = [("one process", "extract", spec),
             ("local, 2 workers", "extract", {**spec, "workers": 2}),
             ("ray, 1 worker", "extract", {**spec, "engine": "ray", "workers": 1}),
             ("ray, 2 workers", "extract", {**spec, "engine": "ray", "workers": 2})]
    runs = _alternate(tasks, args.repeat)
    base, _, _ = _best(runs["one process"])
    print(f"\n{args.documents} documents, workers started and models loaded before the clock starts\n"
          "| engine | s | speed-up vs one process |\n|---|---|---|")
    for name, found in runs.items():
        seconds, _, _ = _best(found)
        print(f"| {name} | {seconds:.1f} | {base / seconds:.2f} |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("what", choices=["throughput", "length", "startup", "engines"])
    ap.add_argument("--documents", type=int, default=300, help="documents of the corpus (the first N of --corpus)")
    ap.add_argument("--corpus", help="a JSON Lines file of documents to read instead of the generated corpus")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--sizes", default="10000,50000,200000,500000,2097152")
    args = ap.parse_args()
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, "
          f"Python {platform.python_version()}, load average {os.getloadavg()[0]:.1f}")
    bench: dict[str, Callable[[argparse.Namespace], None]] = {
        "throughput": throughput, "length": length, "startup": startup, "engines": engines}
    bench[args.what](args)


if __name__ == "__main__":
    main()
