"""Talaia's Python API: the one typed layer that the CLI (and later REST) is a thin shell over."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import itertools
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from talaia.analysis.aggregate import Aggregate, check_aggregation, counted_aggregate
from talaia.analysis.alert_reports import alert_report, since_day
from talaia.analysis.series import GROUPINGS, Grouping, check_grouping, counted_series, parse_week
from talaia.analysis.spikes import (
    AlertReport,
    AlertSettings,
    AreaHistory,
    history_in,
)
from talaia.engines import Engine, EngineKind, make_pipeline
from talaia.errors import InputError, NotFoundError, QueryError
from talaia.export.formats import write_export, writer
from talaia.fuse import FusionExplanation, FusionReport, FusionSettings, explain_pair, fuse_store
from talaia.fuse import merge_events as fuse_merge
from talaia.fuse import split_event as fuse_split
from talaia.ingest.readers import ReadOptions, count_documents, iter_documents
from talaia.ingest.service import IngestReport, ReprocessReport, check_inputs, ingest, progress_bar
from talaia.ingest.service import reprocess as reprocess_store
from talaia.kb import ActorKB, KBActor, alias_key
from talaia.models import Document, ExtractionResult
from talaia.pipeline import Pipeline, PipelineConfig
from talaia.review.evidence import EventDocument, EventRecord, EvidenceSpan, report_spans
from talaia.review.queue import QueueItem, queue
from talaia.review.service import ReviewLogEntry, gold_records, record_fusion_change, record_review, review_overlay
from talaia.review.service import review_log as review_log_entries
from talaia.store import EventDetail, EventFilter, FollowUpLink, Store, StoredEvent, default_db, is_postgres_url
from talaia.store import open_store as _open_store
from talaia.store.counts import cell_size
from talaia.store.generation import kept_results
from talaia.store.overlay import ReviewState
from talaia.store.pages import COUNT_LIMIT
from talaia.watch_api import arrivals, since_moment, source_health, watch, watched_sources

if TYPE_CHECKING:
    from talaia.brief import Brief

__all__ = ["ActorCount", "ActorListing", "AlertReport", "AlertSettings", "AreaHistory", "BriefFiles",
           "DocumentRecord", "EventDocument", "EventPage", "EventRecord", "EvidenceSpan", "ReviewQueue",
           "actor_detail", "actor_events", "actor_kb", "aggregate_events", "alerts", "area_history", "arrivals",
           "each_event", "event_record", "explain_fusion", "export_chunks", "export_events", "extract_paths",
           "extract_text", "fuse_events", "incident_followups", "ingest_paths", "list_actors", "list_events",
           "list_quotes", "map_features", "merge_events", "open_store", "reprocess", "review_event", "review_gold",
           "review_log", "review_queue", "search_events", "show_document", "show_event", "since_moment",
           "source_health", "split_event", "the_events", "watch", "watched_sources", "write_brief"]


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


def open_store(db: str | Path | None = None, *, must_exist: bool = False) -> Store:
    """The store at ``db``: a SQLite file, or a PostgreSQL database given as a ``postgresql://user@host/name``
    URL (default: $TALAIA_DB, else talaia.db in the user's data folder).

    ``must_exist``: raise :class:`~talaia.errors.MissingDatabaseError` rather than create the file
    or the tables (what every function that only reads does).
    """
    return _open_store(db, must_exist=must_exist)


def ingest_paths(paths: Sequence[str | Path], *, db: str | Path | None = None, options: ReadOptions | None = None,
                 progress: bool = False, on_error: Callable[[str], None] | None = None,
                 pipeline: Pipeline | None = None, config: PipelineConfig | None = None,
                 on_missing: Callable[[InputError], None] | None = None, workers: int | None = None,
                 engine: EngineKind = "local", address: str | None = None,
                 incremental: bool | None = None) -> IngestReport:
    """Read, extract and store every document of ``paths``; duplicates linked, not re-counted.

    Idempotent for the same extractor version; a document stored by another version is
    extracted again and its events, quotes and places replaced (``report.reextracted``).
    Missing paths: as :func:`extract_paths` (checked before the database is opened); ``workers``,
    ``engine``, ``address`` too (extraction on workers, the store written here: the same rows).
    ``incremental``: fuse only the blocks of the documents stored, the other incidents kept as they are;
    False: every stored event again; None (the default): by block for a large store
    (:data:`~talaia.ingest.service.INCREMENTAL_FUSION_FROM` events).
    """
    existing = check_inputs([str(p) for p in paths], on_missing)
    pipe = make_pipeline(config, Engine(engine, workers, address), pipeline)
    try:
        with open_store(db) as store:
            report = ingest(existing, store, pipeline=pipe, options=options, progress=progress, on_error=on_error,
                            incremental=incremental)
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


def the_events(store: Store, where: EventFilter | None = None, *, rejected: bool = False, mentions: bool = False,
               overlay: dict[str, ReviewState] | None = None) -> list[StoredEvent]:
    """THE events, as every reader shows them (the dashboard's table, map and timeline, the brief, the
    exports, ``talaia events`` and ``show``, the API's counts, the alerts and the actors' counts): one
    per incident (reports of one incident fused; with ``mentions`` one per report), analysts'
    corrections applied, the events they marked wrong left out unless ``rejected`` or ``where`` asks
    for them (``review='rejected'``); ``where.limit`` counts the events kept. ``overlay``: the review
    overlay when the caller has read it already (only ``mentions`` reads it: incidents are kept with
    their reviews applied, talaia.store.incidents). The pages, counts and map clusters the store
    computes in SQL select the same events (:func:`_keeps_rejected`)."""
    return list(each_event(store, where, rejected=rejected, mentions=mentions, overlay=overlay))


def each_event(store: Store, where: EventFilter | None = None, *, rejected: bool = False, mentions: bool = False,
               overlay: dict[str, ReviewState] | None = None) -> Iterator[StoredEvent]:
    """:func:`the_events` one at a time, incidents read from the store's incidents table in batches
    (oldest first, undated last): what exports stream, memory flat whatever the store's size."""
    flt = _with_actor_names(store, where)
    limit = flt.limit if flt is not None else None
    kept = _keeps_rejected(where, rejected)
    if mentions:
        unlimited = dataclasses.replace(flt, limit=None) if flt is not None else None
        found = store.events(unlimited, fused=False, overlay=review_overlay(store) if overlay is None else overlay)
        return itertools.islice((e for e in found if kept or not e.rejected), limit)
    return itertools.islice(store.iter_incidents(flt, rejected=kept), limit)


def _keeps_rejected(where: EventFilter | None, rejected: bool) -> bool:
    """Whether the events analysts marked wrong are read: when asked (``rejected``) or filtered on."""
    return rejected or (where is not None and where.review == "rejected")


def list_events(*, db: str | Path | None = None, where: EventFilter | None = None,
                mentions: bool = False, rejected: bool = False) -> list[StoredEvent]:
    """The events matching ``where`` (:func:`the_events`), with their sources: one per incident (reports of
    one incident from several documents fused), or with ``mentions`` one per document's event; events
    analysts marked wrong only with ``rejected`` (or a filter on them)."""
    with open_store(db, must_exist=True) as store:
        return the_events(store, where, rejected=rejected, mentions=mentions)


def _with_actor_names(store: Store, where: EventFilter | None, knowledge: Sequence[str] = ()
                      ) -> EventFilter | None:
    """``where`` with the stored actor names that the actor knowledge base resolves to the same actor
    as ``where.actor`` ('AMLO' also finds 'Andrés Manuel López Obrador')."""
    if where is None or not where.actor:
        return where
    kb = actor_kb(knowledge)
    actor = kb.resolve(where.actor)
    if actor is None:
        return where
    generation = store.generation()  # the stored names kept until the store changes (a scan of two indexes)
    stored = kept_results.get(None if generation is None else (generation, "actor names"),
                              lambda: tuple(store.name_counts()["actors"]))
    names = [n for n in stored if getattr(kb.resolve(n), "id", None) == actor.id]
    return dataclasses.replace(where, actor_names=(*actor.aliases, *names))


def fuse_events(*, db: str | Path | None = None, settings: FusionSettings | None = None) -> FusionReport:
    """Group the stored events into incidents again (ingest and reprocess do it after each run)."""
    with open_store(db, must_exist=True) as store:
        return fuse_store(store, settings)


def alerts(*, db: str | Path | None = None, week: str | None = None, since: str | dt.date | None = None,
           by: Grouping = "admin1", where: EventFilter | None = None, areas: Sequence[str] = (),
           settings: AlertSettings | None = None, top: int = 3, until: str | dt.date | None = None,
           weeks: Sequence[str] = ()) -> AlertReport:
    """Area-weeks with unusually much violence against each area's own history (docs/ALERTS.md).

    The weeks judged: ``week`` (an ISO week, '2019-W42'); or those of ``weeks`` (ISO weeks: what
    ``talaia watch`` judges, the weeks of the events that arrived); or every week from that of ``since`` (a
    date) to that of ``until`` (a date; default: the latest stored event's); else the latest stored
    event's week, or ``until``'s. Weeks before the first stored event or after the last are not judged
    (nothing to judge there: a far ``since`` costs nothing). Areas are those of ``by`` (country,
    admin1, admin2, actor or event type) among the stored incidents ``where`` selects (its dates are
    ignored: an area's whole history counts), or only those ``areas`` names. ``top``: how many of an
    alerting week's events to list with it (deadliest first). The weekly counts are the store's
    (grouped in the database); only the alerting weeks' events are read. A report is kept in memory until
    the store's incidents change (talaia.store.generation): asked again, it costs one read.
    """
    check_grouping(by, GROUPINGS)
    asked = ("alerts", week, since, by, where, tuple(areas), settings, top, until, tuple(weeks))
    with open_store(db, must_exist=True) as store:
        generation = store.generation()
        return kept_results.get(None if generation is None else (generation, *asked), lambda: alert_report(
            store, *_history(store, where), week=week, since=since, by=by, areas=areas, settings=settings, top=top,
            until=until, weeks=weeks))


def area_history(area: str, *, db: str | Path | None = None, since: str | dt.date | None = None,
                 until: str | None = None, by: Grouping = "admin1", where: EventFilter | None = None,
                 settings: AlertSettings | None = None) -> AreaHistory:
    """The weeks of the area named ``area`` (of ``by``), each with its expectation, band and p-value
    (docs/ALERTS.md), from its first event's week (or ``since``'s, not before the first stored event) to
    the ISO week ``until`` (default: the latest stored event's; not after it)."""
    check_grouping(by, GROUPINGS)
    with open_store(db, must_exist=True) as store:
        flt, earliest, latest = _history(store, where)
        counts = store.series_counts(flt, by)
    last = parse_week(until, "week") if until else latest or dt.date.today()
    first = since_day(since)
    if latest is not None:
        last = min(last, latest)
    if first is not None and earliest is not None:
        first = max(first, earliest)
    return history_in(lambda end, only: counted_series(counts, by, end, only), area, last, by=by, since=first,
                      settings=settings)


def _history(store: Store, where: EventFilter | None) -> tuple[EventFilter, dt.date | None, dt.date | None]:
    """The filter of the stored incidents ``where`` selects, whatever their dates (an area's whole history
    is its baseline), and the earliest and latest day among them; as :func:`the_events` reads them
    (analysts' corrections applied, events they marked wrong left out)."""
    flt = dataclasses.replace(where or EventFilter(), date_from=None, date_to=None, limit=None)
    flt = _with_actor_names(store, flt) or flt
    return flt, store.earliest_day(flt), store.latest_day(flt)



def list_quotes(*, db: str | Path | None = None, speaker: str | None = None, limit: int | None = None,
                knowledge: Sequence[str] = (), event: str | None = None) -> list[dict[str, object]]:
    """Stored quotes, optionally those of one speaker, or those about one event.

    When ``speaker`` names an actor of the actor knowledge base ('AMLO'), the quotes of every
    stored speaker name that resolves to that actor ('Andrés Manuel López Obrador', 'López
    Obrador') are listed, with those whose speaker contains ``speaker``; otherwise, those whose
    speaker's name contains ``speaker`` (accents and case ignored). ``event`` (an id or a unique
    prefix): the quotes linked to any report of its incident (talaia.quotes.incidents).
    """
    with open_store(db, must_exist=True) as store:
        if event is not None:
            rows = store.event_quotes(store.incident_mentions(_event_id(store, event))[1])
            wanted = alias_key(speaker or "")
            return [q for q in rows if wanted in alias_key(str(q["speaker"] or ""))][:limit]
        kb = actor_kb(knowledge)
        actor = kb.resolve(speaker) if speaker else None
        if not speaker or actor is None:
            return store.quotes(speaker=speaker, limit=limit)
        wanted = alias_key(speaker)
        names = [n for n in store.name_counts(actors=False)["speakers"]
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
    events: int  # incidents whose actor1 or actor2 resolves to it (once, whichever side)
    quotes: int  # quotes whose speaker resolves to it
    names: tuple[str, ...]  # the stored names that resolved to it


@dataclass(frozen=True, slots=True)
class ActorListing:
    known: tuple[ActorCount, ...]
    unknown: tuple[tuple[str, int, int], ...]  # (stored name, events, quotes) resolving to no actor


def list_actors(query: str | None = None, *, db: str | Path | None = None, knowledge: Sequence[str] = ()
                ) -> ActorListing:
    """The actors of the knowledge base (those ``query`` finds by any alias), each with the events
    (:func:`the_events`: incidents, rejected ones out; an incident once, whichever side names it) and the
    quotes whose actor or speaker names resolve to it, and the stored names that resolve to none.

    Without a database (``db`` None and none at the default path) the counts are 0."""
    kb = actor_kb(knowledge)
    actors = kb.search(query or "")
    events: dict[str, int] = {}
    quotes: dict[str, int] = {}
    names: dict[str, list[str]] = {}
    unknown: dict[str, list[int]] = {}
    where = db if db is not None else default_db()
    pairs: Sequence[tuple[str | None, str | None, int]] = ()
    speakers: dict[str, int] = {}
    if db is not None or is_postgres_url(where) or Path(where).is_file():
        with open_store(where, must_exist=True) as store:
            generation = store.generation()  # the incidents' sides, counted in the database, kept until they change
            pairs = kept_results.get(None if generation is None else (generation, "actor pairs"),
                                     lambda: tuple(store.actor_pairs()))
            speakers = store.name_counts(actors=False)["speakers"]
    resolved = functools.cache(kb.resolve)
    for actor1, actor2, n in pairs:
        named = {a for a in (actor1, actor2) if a}
        for actor_id in {a.id for a in map(resolved, named) if a is not None}:
            events[actor_id] = events.get(actor_id, 0) + n
        for name in named:
            found = resolved(name)
            if found is None:
                unknown.setdefault(name, [0, 0])[0] += n
            else:
                names.setdefault(found.id, []).append(name)
    for name, n in speakers.items():
        found = resolved(name)
        if found is None:
            unknown.setdefault(name, [0, 0])[1] += n
        else:
            quotes[found.id] = quotes.get(found.id, 0) + n
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
        wanted = _event_id(store, event_id)
        overlay = review_overlay(store)
        detail = store.event_detail(wanted, overlay)
        assert detail is not None
        # the incident's fields and every source, as the dashboard and /api show it; the evidence of this
        # document's own report (its offsets index this document's text)
        incident = _incident_event(store, wanted, overlay)
        own = detail.stored.event
        event = dataclasses.replace(incident.event, evidence=own.evidence, actor1_mentions=own.actor1_mentions,
                                    actor2_mentions=own.actor2_mentions)
        return dataclasses.replace(detail, stored=dataclasses.replace(incident, event=event))


def _event_id(store: Store, event_id: str) -> str:
    """The stored event id a unique prefix (at least 4 characters) names; QueryError otherwise."""
    wanted = event_id.strip().lower()
    if len(wanted) < 4:
        raise QueryError(f"event id {event_id!r} is too short: give at least 4 characters", field="event_id")
    ids = store.event_ids(wanted, limit=6)
    exact = [i for i in ids if i == wanted]
    if exact:
        ids = exact
    if not ids:
        raise NotFoundError(f"no event with id {event_id!r} in {store.label} "
                            "(ids are in the first column of `talaia events`)", field="event_id")
    if len(ids) > 1:
        more = ", ..." if len(ids) > 5 else ""
        raise QueryError(f"event id {event_id!r} is ambiguous: {', '.join(ids[:5])}{more}", field="event_id")
    return ids[0]


def split_event(event_id: str, *, db: str | Path | None = None, reviewer: str | None = None,
                note: str | None = None) -> list[str]:
    """Undo a wrong fusion: a stored event is set apart from the rest of its incident (a fused event's
    id: all its stored events apart); kept when fusion runs again. Returns the ids set apart. With
    ``reviewer``, recorded in the audit log too (the dashboard's split)."""
    with open_store(db, must_exist=True) as store:
        wanted = _event_id(store, event_id)
        if reviewer is not None:
            if len(store.incident_mentions(wanted)[1]) <= 1:
                raise QueryError(f"{event_id!r} is one report alone: nothing to split", field="event_id")
            record_fusion_change(store, wanted, "split", None, reviewer=reviewer, note=note)
        return fuse_split(store, wanted)


def merge_events(first: str, second: str, *, db: str | Path | None = None, reviewer: str | None = None,
                 note: str | None = None) -> StoredEvent:
    """Two events an analyst knows to be one incident become one; kept when fusion runs again. With
    ``reviewer``, recorded in the audit log too (the dashboard's merge). Returns the merged incident."""
    with open_store(db, must_exist=True) as store:
        a, b = _event_id(store, first), _event_id(store, second)
        if store.incident_mentions(a)[0] == store.incident_mentions(b)[0]:
            raise QueryError(f"{first!r} and {second!r} are one incident already", field="other")
        if reviewer is not None:
            record_fusion_change(store, a, "merge", b, reviewer=reviewer, note=note)
        fuse_merge(store, a, b)
        return _incident_event(store, a, review_overlay(store))


def explain_fusion(first: str, second: str, *, db: str | Path | None = None,
                   settings: FusionSettings | None = None) -> FusionExplanation:
    """Why two stored events (ids or unique prefixes, as `talaia events --mentions` lists them) are or are
    not one incident: fusion's score of the pair, with every reason and the thresholds."""
    with open_store(db, must_exist=True) as store:
        return explain_pair(store, _event_id(store, first), _event_id(store, second), settings)


def incident_followups(event_id: str, *, db: str | Path | None = None) -> list[FollowUpLink]:
    """The follow-up reports linked to the incident of an event (id or unique prefix): reports with no
    event of their own whose words refer back to it, with the words, the figure they give and fusion's
    score of the report against the event it was linked to, with its reasons (talaia.fuse.followups)."""
    with open_store(db, must_exist=True) as store:
        return store.followups(store.incident_mentions(_event_id(store, event_id))[1])


def export_events(fmt: str, *, db: str | Path | None = None, path: str | Path | None = None,
                  where: EventFilter | None = None, mentions: bool = False, rejected: bool = False) -> str | None:
    """Export stored events in a format of ``talaia.export.WRITERS`` (acled-csv, geojson, jsonl,
    parquet) to ``path``, else return the text; one per incident unless ``mentions``. Reviewers'
    corrections are applied; events they rejected are left out unless ``rejected`` (:func:`the_events`).
    Incidents stream from the store to the file: memory stays flat whatever the store's size."""
    with open_store(db, must_exist=True) as store:
        return write_export(each_event(store, where, rejected=rejected, mentions=mentions), fmt, path)


def export_chunks(fmt: str, *, db: str | Path | None = None, where: EventFilter | None = None,
                  rejected: bool = False) -> Iterator[str]:
    """A text format's export (as :func:`export_events`) piece by piece, the store open while it is read:
    what the HTTP API streams."""
    chunks = writer(fmt).chunks
    if chunks is None:
        raise QueryError(f"{fmt} is written to a file, not streamed", field="format")
    with open_store(db, must_exist=True) as store:
        yield from chunks(each_event(store, where, rejected=rejected))


# ---- the analyst's desk: pages of events, one event with its documents, reviews ------------------

MAX_PAGE = 500  # the most events one page may hold


@dataclass(frozen=True, slots=True)
class EventPage:
    """One page of the events matching a filter (newest first), and how many match in all."""

    total: int
    limit: int
    offset: int
    items: tuple[StoredEvent, ...]
    total_is_lower_bound: bool = False  # more match than were counted (search_events' count_limit)

    def to_dict(self) -> dict[str, object]:
        return {"total": self.total, "total_is_lower_bound": self.total_is_lower_bound, "limit": self.limit,
                "offset": self.offset, "items": [e.to_dict() for e in self.items]}


def search_events(*, db: str | Path | None = None, where: EventFilter | None = None, limit: int = 50,
                  offset: int = 0, count_limit: int | None = COUNT_LIMIT) -> EventPage:
    """A page of the events (:func:`the_events`) matching ``where``, newest first (undated last); ``limit``
    1 to :data:`MAX_PAGE`, ``offset`` from 0. The total is counted exactly up to ``count_limit`` matches
    (None: always), beyond it at least that many (``total_is_lower_bound``; talaia.store.pages)."""
    _page([], limit, offset)  # the page's bounds checked before the database is read
    if count_limit is not None and (isinstance(count_limit, bool) or not isinstance(count_limit, int)
                                    or count_limit < 1):
        raise QueryError(f"count_limit must be a whole number of at least 1, not {count_limit!r}",
                         field="count_limit")
    with open_store(db, must_exist=True) as store:
        found = store.incident_page(_with_actor_names(store, where), limit=limit, offset=offset,
                                    rejected=_keeps_rejected(where, False), count_limit=count_limit)
    return EventPage(found.total, limit, offset, tuple(found.items), found.lower_bound)


def _page(events: Sequence[StoredEvent], limit: int, offset: int) -> EventPage:
    """A page of ``events`` (oldest first, as the store reads them) newest first, undated last."""
    if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= MAX_PAGE:
        raise QueryError(f"limit must be a whole number from 1 to {MAX_PAGE}, not {limit!r}", field="limit")
    if isinstance(offset, bool) or not isinstance(offset, int) or offset < 0:
        raise QueryError(f"offset must be a whole number of at least 0, not {offset!r}", field="offset")
    dated = [e for e in events if e.event.event_date]
    ordered = dated[::-1] + [e for e in events if not e.event.event_date]
    return EventPage(len(ordered), limit, offset, tuple(ordered[offset:offset + limit]))


def map_features(*, db: str | Path | None = None, where: EventFilter | None = None, limit: int = MAX_PAGE,
                 offset: int = 0, zoom: int = 4, bbox: tuple[float, float, float, float] | None = None,
                 cluster: bool = True) -> dict[str, object]:
    """The map's GeoJSON: the page of events (as :func:`search_events`) with coordinates as points, or,
    when more than ``limit`` located events match (``cluster``, first page), clusters: one feature per
    cell of a grid of 360 / 2^(zoom + 3) degrees (inside ``bbox``: west, south, east, north), grouped in
    the database, so the map's data stays small whatever the store's size."""
    if bbox is not None and not (-180 <= bbox[0] <= bbox[2] <= 180 and -90 <= bbox[1] <= bbox[3] <= 90):
        raise QueryError("bbox must be west,south,east,north within -180..180 and -90..90", field="bbox")
    if cluster and offset == 0:
        zoom = min(max(zoom, 0), 18)
        with open_store(db, must_exist=True) as store:
            flt = _with_actor_names(store, where)
            cells = store.map_cells(flt, zoom=zoom, bbox=bbox, limit=limit)
            if cells is not None:
                features = [{"type": "Feature", "geometry": {"type": "Point", "coordinates": [lon, lat]},
                             "properties": {"cluster": True, "count": n, "fatalities": dead}}
                            for lat, lon, n, dead in cells]
                return {"type": "FeatureCollection", "total": store.count_incidents(flt), "limit": limit,
                        "offset": offset, "clustered": True, "cell": cell_size(zoom), "features": features}
            if bbox is not None:  # few enough in the view: its points
                return {"type": "FeatureCollection", "total": store.count_incidents(flt), "limit": limit,
                        "offset": offset, "clustered": False,
                        "features": _points(store.located_incidents(flt, bbox, limit))}
    page = search_events(db=db, where=where, limit=limit, offset=offset, count_limit=None)
    return {"type": "FeatureCollection", "total": page.total, "limit": page.limit, "offset": page.offset,
            "clustered": False, "features": _points(page.items)}


def _points(events: Sequence[StoredEvent]) -> list[dict[str, object]]:
    return [{"type": "Feature", "id": e.event.event_id,
             "geometry": {"type": "Point", "coordinates": [e.event.longitude, e.event.latitude]},
             "properties": e.to_dict()}
            for e in events if e.event.latitude is not None and e.event.longitude is not None]


def actor_events(name: str, *, db: str | Path | None = None, knowledge: Sequence[str] = (), limit: int = 50,
                 offset: int = 0) -> tuple[ActorCount, EventPage]:
    """The actor of the knowledge base that ``name`` names (as :func:`actor_detail`) and a page of its
    events: the incidents whose actor1 or actor2 resolves to it, those its count in :func:`list_actors`
    counts (newest first)."""
    found = actor_detail(name, db=db, knowledge=knowledge)
    kb = actor_kb(knowledge)
    resolved = functools.cache(kb.resolve)
    with open_store(db, must_exist=True) as store:
        events = [s for s in the_events(store)
                  if any(getattr(resolved(n), "id", None) == found.actor.id
                         for n in (s.event.actor1, s.event.actor2) if n)]
    return found, _page(events, limit, offset)


def _incident_event(store: Store, event_id: str, overlay: dict[str, ReviewState]) -> StoredEvent:
    incident, _ = store.incident_mentions(event_id)
    found = store.events(EventFilter(), overlay=overlay, incident=incident or event_id)
    if not found:
        raise NotFoundError(f"no event with id {event_id!r}", field="event_id")
    return found[0]


def event_record(event_id: str, *, db: str | Path | None = None) -> EventRecord:
    """The event ``event_id`` (a unique prefix will do) as its incident: fused, reviewers' corrections
    applied, every document that reports it with its full text and the evidence spans in it, and the
    reviews that apply to it (newest first). NotFoundError for an unknown id."""
    with open_store(db, must_exist=True) as store:
        wanted = _event_id(store, event_id)
        overlay = review_overlay(store)
        stored = _incident_event(store, wanted, overlay)
        documents: list[EventDocument] = []
        for member in stored.mentions or (stored.event.event_id,):
            detail = store.event_detail(member, overlay)
            if detail is not None:
                documents.append(EventDocument(detail.document, member, report_spans(
                    detail.stored.event, stored.event, detail.document.text)))
        seen = {d.document.id for d in documents}
        for source in stored.sources:
            doc_id = source["document_id"]
            if doc_id and doc_id not in seen:
                seen.add(doc_id)
                documents += [EventDocument(doc, None, ()) for _, doc in store.load_documents(store.keys_of(doc_id))]
        reviews = review_log_entries(store, event_id=stored.event.event_id)
        quotes = store.event_quotes(stored.mentions or (stored.event.event_id,))
        return EventRecord(stored, tuple(documents), tuple(reviews), tuple(quotes))


@dataclass(frozen=True, slots=True)
class DocumentRecord:
    """A stored document with the events it reports (fused, corrected); ``duplicate_of``: the id of
    the document it copies."""

    document: Document
    duplicate_of: str | None
    events: tuple[StoredEvent, ...]

    def to_dict(self) -> dict[str, object]:
        return EventDocument(self.document, None, ()).to_dict() | {
            "duplicate_of": self.duplicate_of, "events": [e.to_dict() for e in self.events]}


def show_document(doc_id: str, *, db: str | Path | None = None) -> DocumentRecord:
    """The stored document whose own id is ``doc_id``, its text and its events; NotFoundError otherwise."""
    with open_store(db, must_exist=True) as store:
        found = store.load_documents(store.keys_of(doc_id))
        if not found:
            raise NotFoundError(f"no document with id {doc_id!r} in {store.label}", field="doc_id")
        stored_doc, doc = found[0]
        original = None
        if stored_doc.duplicate_of:
            originals = store.load_documents([stored_doc.duplicate_of])
            original = originals[0][1].id if originals else None
        overlay = review_overlay(store)
        incidents = dict.fromkeys(store.incident_mentions(i)[0] or i for i in store.document_event_ids(stored_doc.key))
        events = tuple(e for i in incidents for e in store.events(EventFilter(), overlay=overlay, incident=i)[:1])
        return DocumentRecord(doc, original, events)


def actor_detail(name: str, *, db: str | Path | None = None, knowledge: Sequence[str] = ()) -> ActorCount:
    """The actor of the knowledge base that ``name`` (any alias, or its id) names, with its counts;
    NotFoundError when the knowledge base knows no such actor."""
    kb = actor_kb(knowledge)
    actor = kb.get(name) or kb.resolve(name)
    if actor is None:
        raise NotFoundError(f"the actor knowledge base has no actor named {name!r} (search with `talaia actors`)",
                            field="name")
    for found in list_actors(actor.name, db=db, knowledge=knowledge).known:
        if found.actor.id == actor.id:
            return found
    return ActorCount(actor, 0, 0, ())


# ---- reviews -------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class ReviewQueue:
    """A page of the review queue (talaia.review.queue): the unreviewed events, least confident first."""

    total: int
    limit: int
    offset: int
    items: tuple[QueueItem, ...]

    def to_dict(self) -> dict[str, object]:
        return {"total": self.total, "limit": self.limit, "offset": self.offset,
                "items": [q.to_dict() for q in self.items]}


def review_queue(*, db: str | Path | None = None, where: EventFilter | None = None, limit: int = 50,
                 offset: int = 0) -> ReviewQueue:
    """The events (:func:`the_events`, matching ``where``) no analyst has reviewed, ordered by their
    ``confidence`` (lowest first; from the doubts' signals where an event has none), each with its
    reasons ('place is a state only', 'reports disagree on deaths (2 to 5)')."""
    _page([], limit, offset)
    items = queue(list_events(db=db, where=where))
    return ReviewQueue(len(items), limit, offset, tuple(items[offset:offset + limit]))


def review_event(event_id: str, *, action: str, reviewer: str, field: str | None = None, value: object = None,
                 note: str | None = None, new_actor: bool = False, clear: bool = False,
                 db: str | Path | None = None) -> StoredEvent:
    """Record a review of the event ``event_id`` (a unique prefix will do): ``accept`` it, ``reject`` it
    (not an event), ``correct`` one of :data:`talaia.review.CORRECTABLE_FIELDS` to ``value`` (checked like
    input against the event: talaia.review.validate; ``new_actor``: take an actor name the actor knowledge
    base does not know; ``clear``: set a field that may be empty to nothing), or ``undo`` the latest review
    of its incident; kept in the audit log with who, when, before and after, applied whenever events are
    read. Returns the event as it now reads (its incident, corrected). QueryError for a bad action, field or value."""
    with open_store(db, must_exist=True) as store:
        wanted = _event_id(store, event_id)
        record_review(store, wanted, action=action, reviewer=reviewer, field=field, value=value, note=note,
                      new_actor=new_actor, clear=clear)
        return _incident_event(store, wanted, review_overlay(store))


def review_log(*, db: str | Path | None = None, event_id: str | None = None, limit: int | None = None,
               offset: int = 0) -> list[ReviewLogEntry]:
    """The audit log, newest first: every review, or those of ``event_id``'s incident."""
    with open_store(db, must_exist=True) as store:
        return review_log_entries(store, event_id=_event_id(store, event_id) if event_id else None, limit=limit,
                                  offset=offset)


def review_gold(*, db: str | Path | None = None) -> list[dict[str, object]]:
    """The reviewed events as gold records (one per reviewed incident; see talaia.review.service.gold_records)."""
    with open_store(db, must_exist=True) as store:
        return gold_records(store)


def aggregate_events(*, db: str | Path | None = None, where: EventFilter | None = None, period: str = "week",
                     by: str = "admin1") -> Aggregate:
    """Events and fatalities of the stored incidents matching ``where`` per ``period`` (week, month)
    and per ``by`` (country, admin1, admin2, actor, event_type, sub_event_type); corrections applied,
    rejected events left out (talaia.analysis.aggregate)."""
    check_aggregation(period, by)
    with open_store(db, must_exist=True) as store:
        rows, undated = store.incident_counts(_with_actor_names(store, where), period=period, by=by)
    return counted_aggregate(rows, undated, period=period, by=by)


@dataclass(frozen=True, slots=True)
class BriefFiles:
    """A written brief: its HTML page, its PDF (when asked for) and what it says."""

    html: Path
    pdf: Path | None
    brief: Brief


def write_brief(week: str, *, db: str | Path | None = None, admin1: str | None = None, country: str | None = None,
                out_dir: str | Path = ".", pdf: bool = False) -> BriefFiles:
    """Write the brief of ISO ``week`` ('2019-W42') for one state, one country or everything stored:
    a self-contained HTML page (map, 12-week trend, the week's alerts, main incidents with their sources) in
    ``out_dir``
    as ``brief-2019-W42[-state].html``, and with ``pdf`` the same page printed by headless Chromium.

    Raises QueryError for a bad week or filter, BrowserUnavailableError when ``pdf`` finds no
    Chromium (the HTML is written first)."""
    from talaia.brief import BriefAlert, gather_brief, html_to_pdf, render_brief

    with open_store(db, must_exist=True) as store:
        brief = gather_brief(store, week, admin1=admin1, country=country)
    # the week's spikes in the brief's area: its municipalities for a state's brief, else the states
    report = alerts(db=db, week=week, by="admin2" if admin1 else "admin1",
                    where=EventFilter(admin1=admin1, country=country))
    brief = dataclasses.replace(brief, alerts=tuple(BriefAlert.of(a) for a in report.alerts))
    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    html = folder / f"{brief.file_stem}.html"
    html.write_text(render_brief(brief), encoding="utf-8")
    return BriefFiles(html, html_to_pdf(html, folder / f"{brief.file_stem}.pdf") if pdf else None, brief)
