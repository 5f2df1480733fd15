"""Talaia's Python API: the one typed layer that the CLI (and later REST) is a thin shell over."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from talaia.errors import InputError, QueryError
from talaia.export.formats import write_export
from talaia.ingest.readers import ReadOptions, count_documents, iter_documents
from talaia.ingest.service import IngestReport, ReprocessReport, check_inputs, ingest, progress_bar
from talaia.ingest.service import reprocess as reprocess_store
from talaia.models import Document, ExtractionResult
from talaia.pipeline import Pipeline, PipelineConfig
from talaia.store.sqlite import EventDetail, EventFilter, SQLiteStore, StoredEvent, default_db_path

__all__ = ["export_events", "extract_paths", "extract_text", "ingest_paths", "list_events", "list_quotes",
           "open_store", "reprocess", "show_event"]


def extract_text(text: str, *, published: dt.date | str | None = None, language: str | None = None,
                 doc_id: str = "text", title: str | None = None, source: str | None = None,
                 pipeline: Pipeline | None = None) -> ExtractionResult:
    """Extract events, quotes and places from one article's text; ``source`` is the outlet's name."""
    from talaia.ingest.readers import parse_published

    doc = Document(id=doc_id, text=text, title=title, published=parse_published(published), language=language,
                   source=source)
    return next(iter((pipeline or Pipeline()).run([doc])))


def extract_paths(paths: Sequence[str | Path], *, options: ReadOptions | None = None,
                  pipeline: Pipeline | None = None, config: PipelineConfig | None = None,
                  progress: bool = False, on_missing: Callable[[InputError], None] | None = None
                  ) -> Iterator[ExtractionResult]:
    """One result per document of every input (files, folders, '-'), in input order.

    A document that cannot be read or processed yields a result with ``error`` set; the
    others go on. A path that does not exist raises :class:`~talaia.errors.InputError` before
    anything is read, unless ``on_missing`` takes it (then the other paths are read; still
    InputError when none exists). ``progress``: a bar on standard error counting documents
    extracted, with a total and ETA unless an input is standard input.
    """
    existing = check_inputs([str(p) for p in paths], on_missing)
    pipe = pipeline or Pipeline(config)
    return _with_progress(pipe.run(iter_documents(existing, options)), count_documents(existing) if progress
                          else None, "extract", progress)


def _with_progress(results: Iterator[ExtractionResult], total: int | None, desc: str, enabled: bool
                   ) -> Iterator[ExtractionResult]:
    if not enabled:
        yield from results
        return
    bar = progress_bar(total, desc, enabled)
    try:
        for result in results:
            bar.update(1)
            yield result
    finally:
        bar.close()


def open_store(db: str | Path | None = None, *, must_exist: bool = False) -> SQLiteStore:
    """The SQLite store at ``db`` (default: $TALAIA_DB, else talaia.db in the user's data folder).

    ``must_exist``: raise :class:`~talaia.errors.MissingDatabaseError` rather than create the file
    (what every function that only reads does).
    """
    return SQLiteStore(db or default_db_path(), must_exist=must_exist)


def ingest_paths(paths: Sequence[str | Path], *, db: str | Path | None = None, options: ReadOptions | None = None,
                 progress: bool = False, on_error: Callable[[str], None] | None = None,
                 pipeline: Pipeline | None = None, config: PipelineConfig | None = None,
                 on_missing: Callable[[InputError], None] | None = None) -> IngestReport:
    """Read, extract and store every document of ``paths``; duplicates linked, not re-counted.

    Idempotent for the same extractor version; a document stored by another version is
    extracted again and its events, quotes and places replaced (``report.reextracted``).
    Missing paths: as :func:`extract_paths` (checked before the database is opened).
    """
    existing = check_inputs([str(p) for p in paths], on_missing)
    pipe = pipeline or Pipeline(config)
    with open_store(db) as store:
        report = ingest(existing, store, pipeline=pipe, options=options, progress=progress, on_error=on_error)
    report.missing = len(paths) - len(existing)
    return report


def reprocess(*, db: str | Path | None = None, pipeline: Pipeline | None = None,
              config: PipelineConfig | None = None, all_documents: bool = False, progress: bool = False,
              on_error: Callable[[str], None] | None = None) -> ReprocessReport:
    """Extract again, from the stored text, every stored document (duplicates aside) that an
    extractor version other than ``pipeline``'s produced (``all_documents``: every one), and
    replace its events, quotes and places; duplicates stay linked to the new events."""
    pipe = pipeline or Pipeline(config)
    with open_store(db, must_exist=True) as store:
        return reprocess_store(store, pipeline=pipe, everything=all_documents, progress=progress, on_error=on_error)


def list_events(*, db: str | Path | None = None, where: EventFilter | None = None) -> list[StoredEvent]:
    """Stored events matching ``where``, with their sources."""
    with open_store(db, must_exist=True) as store:
        return store.events(where)


def list_quotes(*, db: str | Path | None = None, speaker: str | None = None, limit: int | None = None
                ) -> list[dict[str, object]]:
    """Stored quotes, optionally those of speakers whose name contains ``speaker``."""
    with open_store(db, must_exist=True) as store:
        return store.quotes(speaker=speaker, limit=limit)


def show_event(event_id: str, *, db: str | Path | None = None) -> EventDetail:
    """One stored event with its sources and the text of the document it was read from.

    ``event_id`` may be a unique prefix of at least 4 characters (the table of ``talaia events``
    shows 8); raises :class:`~talaia.errors.QueryError` for an unknown or ambiguous id.
    """
    wanted = event_id.strip().lower()
    if len(wanted) < 4:
        raise QueryError(f"event id {event_id!r} is too short: give at least 4 characters", field="event_id")
    with open_store(db, must_exist=True) as store:
        ids = store.event_ids(wanted, limit=6)
        exact = [i for i in ids if i == wanted]
        if exact:
            ids = exact
        if not ids:
            raise QueryError(f"no event with id {event_id!r} in {store.path} "
                             "(ids are in the first column of `talaia events`)", field="event_id")
        if len(ids) > 1:
            more = ", ..." if len(ids) > 5 else ""
            raise QueryError(f"event id {event_id!r} is ambiguous: {', '.join(ids[:5])}{more}", field="event_id")
        detail = store.event_detail(ids[0])
        assert detail is not None
        return detail


def export_events(fmt: str, *, db: str | Path | None = None, path: str | Path | None = None,
                  where: EventFilter | None = None) -> str | None:
    """Export stored events in a format of ``talaia.export.WRITERS`` (acled-csv, geojson, jsonl,
    parquet) to ``path``, else return the text."""
    return write_export(list_events(db=db, where=where), fmt, path)
