"""Talaia's Python API: the one typed layer that the CLI (and later REST) is a thin shell over."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from talaia.engines import Engine, EngineKind, make_pipeline
from talaia.errors import InputError, QueryError
from talaia.export.formats import write_export
from talaia.fuse import FusionReport, FusionSettings, fuse_store
from talaia.fuse import merge_events as fuse_merge
from talaia.fuse import split_event as fuse_split
from talaia.ingest.readers import ReadOptions, count_documents, iter_documents
from talaia.ingest.service import IngestReport, ReprocessReport, check_inputs, ingest, progress_bar
from talaia.ingest.service import reprocess as reprocess_store
from talaia.kb import ActorKB, KBActor, alias_key
from talaia.models import Document, ExtractionResult
from talaia.pipeline import Pipeline, PipelineConfig
from talaia.store.sqlite import EventDetail, EventFilter, SQLiteStore, StoredEvent, default_db_path

__all__ = ["ActorCount", "ActorListing", "actor_kb", "export_events", "extract_paths", "extract_text", "fuse_events",
           "ingest_paths", "list_actors", "list_events", "list_quotes", "merge_events", "open_store", "reprocess",
           "show_event", "split_event"]


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
                  progress: bool = False, on_missing: Callable[[InputError], None] | None = None,
                  workers: int | None = None, engine: EngineKind = "local", address: str | None = None
                  ) -> Iterator[ExtractionResult]:
    """One result per document of every input (files, folders, '-'), in input order.

    A document that cannot be read or processed yields a result with ``error`` set; the
    others go on. A path that does not exist raises :class:`~talaia.errors.InputError` before
    anything is read, unless ``on_missing`` takes it (then the other paths are read; still
    InputError when none exists). ``progress``: a bar on standard error counting documents
    extracted, with a total and ETA unless an input is standard input. ``workers``, ``engine``,
    ``address``: where extraction runs (see :class:`~talaia.engines.Engine`; by default, in this
    process); the results are the same, in the same order.
    """
    existing = check_inputs([str(p) for p in paths], on_missing)
    pipe = make_pipeline(config, Engine(engine, workers, address), pipeline)
    results = _with_progress(pipe.run(iter_documents(existing, options)), count_documents(existing) if progress
                             else None, "extract", progress)
    return results if pipe is pipeline else _closing(results, pipe)


def _closing(results: Iterator[ExtractionResult], pipe: Pipeline) -> Iterator[ExtractionResult]:
    """``results``, then ``pipe`` closed (its workers stopped), however the caller stops reading."""
    try:
        yield from results
    finally:
        pipe.close()


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
                 on_missing: Callable[[InputError], None] | None = None, workers: int | None = None,
                 engine: EngineKind = "local", address: str | None = None) -> IngestReport:
    """Read, extract and store every document of ``paths``; duplicates linked, not re-counted.

    Idempotent for the same extractor version; a document stored by another version is
    extracted again and its events, quotes and places replaced (``report.reextracted``).
    Missing paths: as :func:`extract_paths` (checked before the database is opened); ``workers``,
    ``engine``, ``address`` too (extraction on workers, the store written here: the same rows).
    """
    existing = check_inputs([str(p) for p in paths], on_missing)
    pipe = make_pipeline(config, Engine(engine, workers, address), pipeline)
    try:
        with open_store(db) as store:
            report = ingest(existing, store, pipeline=pipe, options=options, progress=progress, on_error=on_error)
    finally:
        if pipe is not pipeline:
            pipe.close()
    report.missing = len(paths) - len(existing)
    return report


def reprocess(*, db: str | Path | None = None, pipeline: Pipeline | None = None,
              config: PipelineConfig | None = None, all_documents: bool = False, progress: bool = False,
              on_error: Callable[[str], None] | None = None, workers: int | None = None,
              engine: EngineKind = "local", address: str | None = None) -> ReprocessReport:
    """Extract again, from the stored text, every stored document (duplicates aside) that an
    extractor version other than ``pipeline``'s produced (``all_documents``: every one), and
    replace its events, quotes and places; duplicates stay linked to the new events.
    ``workers``, ``engine``, ``address``: as :func:`extract_paths`."""
    pipe = make_pipeline(config, Engine(engine, workers, address), pipeline)
    try:
        with open_store(db, must_exist=True) as store:
            return reprocess_store(store, pipeline=pipe, everything=all_documents, progress=progress,
                                   on_error=on_error)
    finally:
        if pipe is not pipeline:
            pipe.close()


def list_events(*, db: str | Path | None = None, where: EventFilter | None = None,
                mentions: bool = False) -> list[StoredEvent]:
    """Stored events matching ``where``, with their sources: one per incident (reports of one incident
    from several documents fused), or with ``mentions`` one per document's event."""
    with open_store(db, must_exist=True) as store:
        return store.events(where, fused=not mentions)


def fuse_events(*, db: str | Path | None = None, settings: FusionSettings | None = None) -> FusionReport:
    """Group the stored events into incidents again (ingest and reprocess do it after each run)."""
    with open_store(db, must_exist=True) as store:
        return fuse_store(store, settings)


def list_quotes(*, db: str | Path | None = None, speaker: str | None = None, limit: int | None = None,
                knowledge: Sequence[str] = ()) -> list[dict[str, object]]:
    """Stored quotes, optionally those of one speaker.

    When ``speaker`` names an actor of the actor knowledge base ('AMLO'), the quotes of every
    stored speaker name that resolves to that actor ('Andrés Manuel López Obrador', 'López
    Obrador') are listed, with those whose speaker contains ``speaker``; otherwise, those whose
    speaker's name contains ``speaker`` (accents and case ignored).
    """
    with open_store(db, must_exist=True) as store:
        kb = actor_kb(knowledge)
        actor = kb.resolve(speaker) if speaker else None
        if not speaker or actor is None:
            return store.quotes(speaker=speaker, limit=limit)
        wanted = alias_key(speaker)
        names = [n for n in store.name_counts()["speakers"]
                 if wanted in alias_key(n) or getattr(kb.resolve(n), "id", None) == actor.id]
        return store.quotes_of(names, limit=limit)


def actor_kb(knowledge: Sequence[str] = ()) -> ActorKB:
    """The actor knowledge base of the built-in knowledge with ``knowledge`` folders on top."""
    return _actor_kb(tuple(knowledge))


@functools.cache
def _actor_kb(knowledge: tuple[str, ...]) -> ActorKB:
    from talaia.knowledge import load_knowledge

    return ActorKB.from_knowledge(load_knowledge(knowledge))


@dataclass(frozen=True, slots=True)
class ActorCount:
    """An actor of the knowledge base with the stored events and quotes that name it."""

    actor: KBActor
    events: int  # events whose actor1 or actor2 resolves to it (one per side that does)
    quotes: int  # quotes whose speaker resolves to it
    names: tuple[str, ...]  # the stored names that resolved to it


@dataclass(frozen=True, slots=True)
class ActorListing:
    known: tuple[ActorCount, ...]
    unknown: tuple[tuple[str, int, int], ...]  # (stored name, events, quotes) resolving to no actor


def list_actors(query: str | None = None, *, db: str | Path | None = None, knowledge: Sequence[str] = ()
                ) -> ActorListing:
    """The actors of the knowledge base (those ``query`` finds by any alias), each with the stored events
    and quotes whose actor or speaker names resolve to it, and the stored names that resolve to none.

    Without a database (``db`` None and none at the default path) the counts are 0."""
    kb = actor_kb(knowledge)
    actors = kb.search(query or "")
    events: dict[str, int] = {}
    quotes: dict[str, int] = {}
    names: dict[str, list[str]] = {}
    unknown: dict[str, list[int]] = {}
    path = Path(db) if db is not None else default_db_path()
    counts: dict[str, dict[str, int]] = {"actors": {}, "speakers": {}}
    if db is not None or path.is_file():
        with open_store(path, must_exist=True) as store:
            counts = store.name_counts()
    for column, tally, slot in (("actors", events, 0), ("speakers", quotes, 1)):
        for name, n in counts[column].items():
            found = kb.resolve(name)
            if found is None:
                unknown.setdefault(name, [0, 0])[slot] += n
                continue
            tally[found.id] = tally.get(found.id, 0) + n
            names.setdefault(found.id, []).append(name)
    wanted = alias_key(query or "")
    known = tuple(ActorCount(a, events.get(a.id, 0), quotes.get(a.id, 0), tuple(dict.fromkeys(names.get(a.id, ()))))
                  for a in actors)
    missing = tuple((name, e, q) for name, (e, q) in sorted(unknown.items(), key=lambda i: (-sum(i[1]), i[0]))
                    if wanted in alias_key(name))
    return ActorListing(known, missing)


def show_event(event_id: str, *, db: str | Path | None = None) -> EventDetail:
    """One stored event with its sources and the text of the document it was read from.

    ``event_id`` may be a unique prefix of at least 4 characters (the table of ``talaia events``
    shows 8); raises :class:`~talaia.errors.QueryError` for an unknown or ambiguous id.
    """
    with open_store(db, must_exist=True) as store:
        detail = store.event_detail(_event_id(store, event_id))
        assert detail is not None
        return detail


def _event_id(store: SQLiteStore, event_id: str) -> str:
    """The stored event id a unique prefix (at least 4 characters) names; QueryError otherwise."""
    wanted = event_id.strip().lower()
    if len(wanted) < 4:
        raise QueryError(f"event id {event_id!r} is too short: give at least 4 characters", field="event_id")
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
    return ids[0]


def split_event(event_id: str, *, db: str | Path | None = None) -> list[str]:
    """Undo a wrong fusion: a stored event is set apart from the rest of its incident (a fused event's
    id: all its stored events apart); kept when fusion runs again. Returns the ids set apart."""
    with open_store(db, must_exist=True) as store:
        return fuse_split(store, _event_id(store, event_id))


def merge_events(first: str, second: str, *, db: str | Path | None = None) -> None:
    """Two events an analyst knows to be one incident become one; kept when fusion runs again."""
    with open_store(db, must_exist=True) as store:
        fuse_merge(store, _event_id(store, first), _event_id(store, second))


def export_events(fmt: str, *, db: str | Path | None = None, path: str | Path | None = None,
                  where: EventFilter | None = None, mentions: bool = False) -> str | None:
    """Export stored events in a format of ``talaia.export.WRITERS`` (acled-csv, geojson, jsonl,
    parquet) to ``path``, else return the text; one per incident unless ``mentions``."""
    return write_export(list_events(db=db, where=where, mentions=mentions), fmt, path)
