"""Talaia's Python API: the one typed layer that the CLI (and later REST) is a thin shell over."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from talaia.export.formats import write_export
from talaia.ingest.readers import ReadOptions, iter_documents
from talaia.ingest.service import IngestReport, ingest
from talaia.models import Document, ExtractionResult
from talaia.pipeline import Pipeline, PipelineConfig
from talaia.store.sqlite import EventFilter, SQLiteStore, StoredEvent, default_db_path


def extract_text(text: str, *, published: dt.date | str | None = None, language: str | None = None,
                 doc_id: str = "text", title: str | None = None, source: str | None = None,
                 pipeline: Pipeline | None = None) -> ExtractionResult:
    """Extract events, quotes and places from one article's text; ``source`` is the outlet's name."""
    from talaia.ingest.readers import parse_published

    doc = Document(id=doc_id, text=text, title=title, published=parse_published(published), language=language,
                   source=source)
    return next(iter((pipeline or Pipeline()).run([doc])))


def extract_paths(paths: Sequence[str | Path], *, options: ReadOptions | None = None,
                  pipeline: Pipeline | None = None, config: PipelineConfig | None = None
                  ) -> Iterator[ExtractionResult]:
    """One result per document of every input (files, folders, '-'), in input order.

    A document that cannot be read or processed yields a result with ``error`` set; the
    others go on. Raises :class:`~talaia.errors.InputError` for a path that does not exist.
    """
    pipe = pipeline or Pipeline(config)
    return pipe.run(iter_documents([str(p) for p in paths], options))


def open_store(db: str | Path | None = None) -> SQLiteStore:
    """The SQLite store at ``db`` (default: $TALAIA_DB, else talaia.db in the user's data folder)."""
    return SQLiteStore(db or default_db_path())


def ingest_paths(paths: Sequence[str | Path], *, db: str | Path | None = None, options: ReadOptions | None = None,
                 progress: bool = False, on_error: Callable[[str], None] | None = None,
                 pipeline: Pipeline | None = None) -> IngestReport:
    """Read, extract and store every document of ``paths``; idempotent; duplicates linked, not re-counted."""
    with open_store(db) as store:
        return ingest([str(p) for p in paths], store, pipeline=pipeline, options=options, progress=progress,
                      on_error=on_error)


def list_events(*, db: str | Path | None = None, where: EventFilter | None = None) -> list[StoredEvent]:
    """Stored events matching ``where``, with their sources."""
    with open_store(db) as store:
        return store.events(where)


def list_quotes(*, db: str | Path | None = None, speaker: str | None = None, limit: int | None = None
                ) -> list[dict[str, object]]:
    with open_store(db) as store:
        return store.quotes(speaker=speaker, limit=limit)


def export_events(fmt: str, *, db: str | Path | None = None, path: str | Path | None = None,
                  where: EventFilter | None = None) -> str | None:
    """Export stored events as acled-csv, geojson, jsonl or parquet (to ``path``, else returned as text)."""
    return write_export(list_events(db=db, where=where), fmt, path)
