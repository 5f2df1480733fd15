"""Ingest killed with SIGKILL at random points, then run to the end; or several ingests of one corpus
into one database at the same time (driven by test_crash.py).

``python crash_ingest.py --corpus DIR --db DB --clean-db DB2 --kills 10 --seed N`` loads the
pipeline once, ingests DIR into DB2 in a child process that runs to the end (the reference),
then ingests DIR into DB in child processes of which ``--kills`` are killed with SIGKILL, each
just before the N-th SQL statement it would run (N drawn from a seeded RNG, up to the number of
statements of the last run that was not killed: a point anywhere in reading, extracting,
writing a batch, committing or fusing), and a last one that runs to the end. Every child is a
real process (forked after the models are loaded, so a run costs no model load) killed by the
kernel, mid-transaction where the point falls in one. Prints one JSON line: the runs.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import sys
import tempfile
from pathlib import Path
from typing import Any

WRITE_BATCH = 4  # documents per transaction, so a corpus of a few dozen has many commits to fall between


def _child(corpus: str, db: str, kill_at: int, count_file: str, pipeline: Any) -> None:
    from talaia.api import ingest_paths
    from talaia.ingest import service
    from talaia.store.postgres import PostgresStore
    from talaia.store.sqlite import SQLiteStore

    assert hasattr(service, "WRITE_BATCH"), "ingest no longer batches its writes: update this harness"
    service.WRITE_BATCH = WRITE_BATCH
    executed = 0

    def counting(execute: Any) -> Any:
        def run(self: Any, sql: str, args: Any = ()) -> Any:
            nonlocal executed
            executed += 1
            if executed == kill_at:
                os.kill(os.getpid(), signal.SIGKILL)
            return execute(self, sql, args)
        return run

    for backend in (SQLiteStore, PostgresStore):
        backend._execute = counting(backend._execute)  # type: ignore[method-assign]
    ingest_paths([corpus], db=db, pipeline=pipeline)
    Path(count_file).write_text(str(executed), encoding="utf-8")


def _run(corpus: str, db: str, kill_at: int, pipeline: Any) -> dict[str, int]:
    """One ingest in a child process; its exit status (-9: killed) and the statements it ran."""
    return _wait(*_start(corpus, db, kill_at, pipeline))


def _start(corpus: str, db: str, kill_at: int, pipeline: Any) -> tuple[int, str, int]:
    with tempfile.NamedTemporaryFile(suffix=".count", delete=False) as handle:
        count_file = handle.name
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:  # the child: ingest, then leave without running the parent's clean-up
        status = 0
        try:
            _child(corpus, db, kill_at, count_file, pipeline)
        except BaseException as exc:  # reported by the parent through the status
            print(f"crash_ingest: child failed: {exc!r}", file=sys.stderr)
            status = 1
        os._exit(status)
    return pid, count_file, kill_at


def _wait(pid: int, count_file: str, kill_at: int) -> dict[str, int]:
    _, wait_status = os.waitpid(pid, 0)
    code = -os.WTERMSIG(wait_status) if os.WIFSIGNALED(wait_status) else os.WEXITSTATUS(wait_status)
    text = Path(count_file).read_text(encoding="utf-8")
    Path(count_file).unlink()
    return {"kill_at": kill_at, "status": code, "statements": int(text) if text else kill_at - 1}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", required=True)
    parser.add_argument("--db", required=True)
    parser.add_argument("--clean-db", required=True)
    parser.add_argument("--kills", type=int, default=10)
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--together", type=int, default=0,
                        help="instead of kills: this many ingests of the corpus into --db at the same time")
    args = parser.parse_args()
    from talaia.models import Document
    from talaia.pipeline import Pipeline

    pipeline = Pipeline()
    # load both languages' models, the gazetteer and the knowledge before forking
    list(pipeline.run([Document("warm-en", "Gunmen killed two police officers in Culiacán, Sinaloa, on Monday."),
                       Document("warm-es", "Hombres armados mataron a dos policías en Culiacán, Sinaloa, el lunes.")]))
    clean = _run(args.corpus, args.clean_db, 0, pipeline)
    if args.together:
        started = [_start(args.corpus, args.db, 0, pipeline) for _ in range(args.together)]
        print(json.dumps({"clean": clean, "runs": [_wait(*child) for child in started]}))
        return 0
    rng = random.Random(args.seed)
    runs = []
    bound = clean["statements"]
    while sum(r["status"] == -signal.SIGKILL for r in runs) < args.kills and len(runs) < 4 * args.kills:
        run = _run(args.corpus, args.db, rng.randint(1, bound), pipeline)
        runs.append(run)
        if run["status"] == 0:
            bound = run["statements"]
    runs.append(_run(args.corpus, args.db, 0, pipeline))
    print(json.dumps({"clean": clean, "runs": runs}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
