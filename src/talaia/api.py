"""Talaia's Python API: the one typed layer that the CLI (and later REST) is a thin shell over."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from pathlib import Path

from talaia.ingest.readers import ReadOptions, iter_documents
from talaia.models import Document, ExtractionResult
from talaia.pipeline import Pipeline, PipelineConfig


def extract_text(text: str, *, published: dt.date | str | None = None, language: str | None = None,
                 doc_id: str = "text", title: str | None = None, pipeline: Pipeline | None = None
                 ) -> ExtractionResult:
    """Extract events, quotes and places from one article's text."""
    from talaia.ingest.readers import parse_published

    doc = Document(id=doc_id, text=text, title=title, published=parse_published(published), language=language)
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
