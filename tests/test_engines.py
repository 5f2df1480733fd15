from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from click.testing import CliRunner

from talaia.engines import Engine, ParallelPipeline, make_pipeline
from talaia.errors import PipelineConfigError
from talaia.models import Document
from talaia.pipeline import Pipeline, PipelineConfig

FIXTURES = Path(__file__).parent / "fixtures"
SAMPLES = Path(__file__).parents[1] / "src" / "talaia" / "samples"


def _documents() -> list[Document]:
    from talaia.ingest.readers import iter_documents

    docs = [d for d in iter_documents([str(SAMPLES), str(FIXTURES)]) if isinstance(d, Document)]
    # a long one, read in windows, among them
    return [*docs[:5], Document(id="long", text="\n\n".join(d.text for d in docs), language="en"), *docs[5:]]


def test_an_engine_is_checked_and_one_local_worker_runs_here() -> None:
    assert Engine().in_process and Engine("local", workers=1).in_process
    assert not Engine("local", workers=2).in_process and not Engine("ray").in_process
    with pytest.raises(PipelineConfigError, match="at least 1"):
        Engine("local", workers=0)
    with pytest.raises(PipelineConfigError, match="ray engine"):
        Engine("local", workers=2, address="auto")
    with pytest.raises(PipelineConfigError, match="unknown engine"):
        Engine("spark")  # type: ignore[arg-type]
    pipe = Pipeline()
    assert make_pipeline(engine=Engine(), pipeline=pipe) is pipe
    parallel = make_pipeline(PipelineConfig(batch_size=4), Engine("local", workers=2))
    assert isinstance(parallel, ParallelPipeline) and parallel.config.batch_size == 4
    assert parallel.extractor_version == Pipeline(PipelineConfig(batch_size=4)).extractor_version


def test_results_come_back_in_order_and_a_dead_worker_fails_only_its_chunk() -> None:
    from talaia.engines import _in_order
    from talaia.errors import ProcessingError, TalaiaError
    from talaia.models import ExtractionResult

    docs = [Document(id=str(i), text=f"text {i}") for i in range(7)]
    chunks = [docs[0:3], docs[3:5], docs[5:7]]
    sent: list[int] = []

    def submit(chunk: list[Document | TalaiaError]) -> list[Document | TalaiaError]:
        sent.append(len(sent))
        if chunk[0].id == "5":
            raise RuntimeError("pool broken")
        return chunk

    def collect(chunk: list[Document]) -> list[ExtractionResult]:
        if chunk[0].id == "3":
            raise EOFError("worker died")
        return [ExtractionResult(id=d.id, language="en", published=None) for d in chunk]

    def failed(error: TalaiaError) -> ExtractionResult:
        assert isinstance(error, ProcessingError)
        return ExtractionResult(id=error.doc_id or "", language=None, published=None, error=error.to_dict())

    results = list(_in_order(iter(chunks), submit, collect, 2, failed))
    assert [r.id for r in results] == [d.id for d in docs]
    assert [r.ok for r in results] == [True, True, True, False, False, False, False]
    assert results[3].error is not None and "worker died" in results[3].error["message"]
    assert results[5].error is not None and results[5].error["code"] == "E110 processing"


def test_an_address_without_ray_is_a_usage_error() -> None:
    from talaia.cli.main import cli

    result = CliRunner().invoke(cli, ["extract", str(FIXTURES / "michoacan-ambush.txt"), "--address", "auto"])
    assert result.exit_code == 2 and "--engine ray" in result.output


@pytest.mark.slow
def test_local_workers_give_what_one_process_gives_in_order(pipeline) -> None:  # type: ignore[no-untyped-def]
    docs = _documents()
    expected = [r.to_dict() for r in pipeline.run(docs)]
    parallel = make_pipeline(pipeline.config, Engine("local", workers=2))
    assert [r.to_dict() for r in parallel.run(docs)] == expected
    assert [r.to_dict() for r in parallel.run(docs[:3])] == expected[:3]  # the same workers, a second run
    parallel.close()


@pytest.mark.slow
@pytest.mark.skipif(importlib.util.find_spec("ray") is None, reason="Ray is not installed (pip install 'talaia[ray]')")
def test_ray_workers_give_what_one_process_gives(pipeline, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import ray

    from talaia.api import ingest_paths, list_events

    docs = _documents()
    expected = [r.to_dict() for r in pipeline.run(docs)]
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    try:
        parallel = make_pipeline(pipeline.config, Engine("ray", workers=2))
        assert [r.to_dict() for r in parallel.run(docs)] == expected
        with pytest.raises(PipelineConfigError, match="free CPUs"):  # its workers hold both CPUs
            list(make_pipeline(pipeline.config, Engine("ray", workers=1)).run(docs[:1]))  # after 15 s
        parallel.close()
        # ingest: extraction on Ray, rows written here, the same as one process's; again, nothing new
        report = ingest_paths([FIXTURES], db=tmp_path / "ray.db", engine="ray", workers=2)
        again = ingest_paths([FIXTURES], db=tmp_path / "ray.db", engine="ray", workers=2)
    finally:
        ray.shutdown()
    ingest_paths([FIXTURES], db=tmp_path / "one.db", pipeline=pipeline)
    assert report.stored == report.read > 0 and report.failed == 0
    assert again.unchanged == report.read and again.stored == 0
    rows = [(e.event.event_id, e.event.event_type) for e in list_events(db=tmp_path / "ray.db", mentions=True)]
    assert rows == [(e.event.event_id, e.event.event_type) for e in list_events(db=tmp_path / "one.db", mentions=True)]
