"""Extraction on several processes: local worker processes, or Ray workers on one machine or a cluster.

Each worker builds its own pipeline from the :class:`~talaia.pipeline.PipelineConfig` (data,
not objects: the same components, settings and knowledge folders), so it loads the models
once and extracts chunks of documents sent to it. The results come back to the main process
in input order, so whatever consumes them (``talaia extract``'s output, the store that
``ingest`` writes in the main process) sees exactly what one process gives: same results,
same order, same idempotency.

    ParallelPipeline(config, Engine("local", workers=4))
    ParallelPipeline(config, Engine("ray", workers=8, address="ray://head:10001"))
"""

from __future__ import annotations

import logging
import time
import weakref
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any, Literal

from talaia.errors import PipelineConfigError, ProcessingError, TalaiaError
from talaia.models import Document, ExtractionResult
from talaia.pipeline import Pipeline, PipelineConfig

EngineKind = Literal["local", "ray"]
Chunk = list[Document | TalaiaError]  # what one task sends a worker
ENGINES: tuple[EngineKind, ...] = ("local", "ray")
CHUNK_DOCUMENTS = 8  # documents per task: small enough to keep every worker busy, large enough for nlp.pipe


@dataclass(frozen=True, slots=True)
class Engine:
    """Where extraction runs. ``local`` with one worker: in this process. ``workers`` None: local, 1;
    Ray, one per CPU of the cluster. ``address``: a Ray cluster to join (None: start one here)."""

    kind: EngineKind = "local"
    workers: int | None = None
    address: str | None = None

    def __post_init__(self) -> None:
        if self.kind not in ENGINES:
            raise PipelineConfigError(f"unknown engine {self.kind!r}: use one of {', '.join(ENGINES)}")
        if self.workers is not None and self.workers < 1:
            raise PipelineConfigError(f"{self.workers} workers: give at least 1")
        if self.address is not None and self.kind != "ray":
            raise PipelineConfigError("an address is a Ray cluster's: it needs the ray engine")

    @property
    def in_process(self) -> bool:
        return self.kind == "local" and (self.workers or 1) == 1


def make_pipeline(config: PipelineConfig | None = None, engine: Engine | None = None,
                  pipeline: Pipeline | None = None) -> Pipeline:
    """``pipeline`` (else one built from ``config``) when ``engine`` runs in this process; else a pipeline
    that sends the work to ``engine``'s workers, built from the same configuration."""
    if engine is None or engine.in_process:
        return pipeline or Pipeline(config)
    return ParallelPipeline(pipeline.config if pipeline is not None else config, engine)


class ParallelPipeline(Pipeline):
    """A :class:`~talaia.pipeline.Pipeline` whose ``run`` extracts on worker processes (same results, same order).

    The components built here are only used for what the main process needs (the extractor
    version, checks): the models load in the workers. The workers start on the first ``run``
    and serve every later one (ingest runs a batch at a time) until :meth:`close`.
    """

    def __init__(self, config: PipelineConfig | None, engine: Engine) -> None:
        super().__init__(config)
        self.engine = engine
        self._backend: _ProcessBackend | _RayBackend | None = None

    def run(self, items: Iterable[Document | TalaiaError]) -> Iterator[ExtractionResult]:
        if self._backend is None:
            if self.engine.kind == "local" or self.engine.address is None:
                # built here once, before workers on this machine each start building the same files
                from talaia.caches import build_caches

                build_caches(self.resources.knowledge)
            self._backend = _RayBackend(self.config, self.engine) if self.engine.kind == "ray" else \
                _ProcessBackend(self.config, self.engine.workers or 1)
            # the workers go when the pipeline does, if nobody closes it first
            weakref.finalize(self, self._backend.close)
        backend = self._backend
        yield from _in_order(self._chunks(items), backend.submit, backend.collect, 2 * backend.workers,
                             self.failed_result)

    def close(self) -> None:
        """Stop the workers (a later ``run`` starts new ones)."""
        if self._backend is not None:
            self._backend.close()
            self._backend = None

    def _chunks(self, items: Iterable[Document | TalaiaError]) -> Iterator[Chunk]:
        chunk: Chunk = []
        chars = 0
        for item in items:
            if isinstance(item, TalaiaError) and self.config.on_error == "raise":
                raise item
            chunk.append(item)
            chars += len(item.text) if isinstance(item, Document) else 0
            if len(chunk) >= CHUNK_DOCUMENTS or chars >= self.config.batch_chars:
                yield chunk
                chunk, chars = [], 0
        if chunk:
            yield chunk


def _in_order(chunks: Iterable[Chunk], submit: Callable[[Chunk], Any], collect: Callable[[Any], list[ExtractionResult]],
              in_flight: int, failed: Callable[[TalaiaError], ExtractionResult]) -> Iterator[ExtractionResult]:
    """The chunks' results in order, with at most ``in_flight`` chunks sent and not yet collected; the
    documents of a chunk whose worker failed get ``failed``'s result for an E110 error, the others go on."""
    pending: deque[tuple[Chunk, Any]] = deque()
    for chunk in chunks:
        try:
            handle = submit(chunk)
        except Exception as exc:  # the workers are gone: this chunk's documents fail, as a worker's failure does
            handle = exc
        pending.append((chunk, handle))
        if len(pending) >= in_flight:
            yield from _collected(*pending.popleft(), collect, failed)
    while pending:
        yield from _collected(*pending.popleft(), collect, failed)


def _collected(chunk: Chunk, handle: Any, collect: Callable[[Any], list[ExtractionResult]],
               failed: Callable[[TalaiaError], ExtractionResult]) -> list[ExtractionResult]:
    try:
        if isinstance(handle, Exception):
            raise handle
        return collect(handle)
    except TalaiaError:
        raise
    except Exception as exc:
        return [failed(item if isinstance(item, TalaiaError) else ProcessingError(
            f"the worker failed: {type(exc).__name__}: {exc}", document=item.label(), doc_id=item.id))
            for item in chunk]


# --- local processes ----------------------------------------------------------------------------------------------

_WORKER_PIPELINE: Pipeline | None = None


def _start_worker(config: PipelineConfig) -> None:
    global _WORKER_PIPELINE
    _WORKER_PIPELINE = Pipeline(config)


def _extract_chunk(chunk: Chunk) -> list[ExtractionResult]:
    assert _WORKER_PIPELINE is not None, "the worker was started without its pipeline"
    return list(_WORKER_PIPELINE.run(chunk))


class _ProcessBackend:
    def __init__(self, config: PipelineConfig, workers: int) -> None:
        import multiprocessing

        self.workers = workers
        # spawn: a fresh interpreter per worker, whatever threads this process runs (progress bars, servers)
        self.pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                                        initializer=_start_worker, initargs=(config,))

    def submit(self, chunk: Chunk) -> Future[list[ExtractionResult]]:
        return self.pool.submit(_extract_chunk, chunk)

    @staticmethod
    def collect(future: Future[list[ExtractionResult]]) -> list[ExtractionResult]:
        return future.result()

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)  # a second call does nothing


# --- Ray ----------------------------------------------------------------------------------------------------------

class RayWorker:
    """A Ray actor: one pipeline (one model load) per worker, built from the configuration."""

    def __init__(self, config: PipelineConfig) -> None:
        self.pipeline = Pipeline(config)

    def run(self, chunk: Chunk) -> list[ExtractionResult]:
        return list(self.pipeline.run(chunk))


def _free_cpus(ray: Any, wanted: int, patience_s: float = 15.0) -> float:
    """The cluster's free CPUs, waiting up to ``patience_s`` for ``wanted`` (killed workers free theirs late)."""
    deadline = time.monotonic() + patience_s
    while True:
        free = float(ray.available_resources().get("CPU", 0))
        if free >= wanted or time.monotonic() > deadline:
            return free
        time.sleep(0.2)


class _RayBackend:
    def __init__(self, config: PipelineConfig, engine: Engine) -> None:
        try:
            import ray as ray_module
        except ImportError as exc:
            raise PipelineConfigError("the ray engine needs Ray: pip install 'talaia[ray]'") from exc
        ray: Any = ray_module  # typed loosely: Ray's own annotations are partial
        self.ray = ray
        self.started = not ray.is_initialized()
        if self.started:
            # a local Ray sized to the workers asked for; a cluster brings its own
            ray.init(address=engine.address, num_cpus=engine.workers if engine.address is None else None,
                     include_dashboard=False, logging_level=logging.WARNING, log_to_driver=False)
        self.workers = engine.workers or max(1, int(ray.cluster_resources().get("CPU", 1)))
        free = _free_cpus(ray, self.workers)
        if free < self.workers:  # the workers would wait for CPUs that nothing frees
            if self.started:
                ray.shutdown()
            raise PipelineConfigError(f"the Ray cluster has {free:g} free CPUs for {self.workers} workers: ask for "
                                      "fewer workers, or close the pipelines that hold them")
        actor: Any = ray.remote(num_cpus=1)(RayWorker)
        self.actors: list[Any] = [actor.remote(config) for _ in range(self.workers)]
        self.turn = 0

    def submit(self, chunk: Chunk) -> Any:
        worker = self.actors[self.turn % len(self.actors)]  # chunks go round the workers, like cards dealt
        self.turn += 1
        return worker.run.remote(chunk)

    def collect(self, ref: Any) -> list[ExtractionResult]:
        results: list[ExtractionResult] = self.ray.get(ref)
        return results

    def close(self) -> None:
        actors, self.actors = self.actors, []
        if not actors or not self.ray.is_initialized():
            return
        for actor in actors:
            self.ray.kill(actor)
        if self.started:
            self.ray.shutdown()
