"""Incidents kept as a table: what the API, the dashboard and the exports read, one row per incident.

Fusion groups stored events (one document's mention each) into incidents and reviewers' corrections
apply on top; reading them back used to mean reading every stored event into Python. Instead the
store keeps the result: ``review_states`` holds every stored event's review state (the overlay of
:mod:`talaia.store.overlay`, kept rather than loaded per read) and ``incidents`` one row per incident,
its fused record (:func:`~talaia.store.records.fused_event`, corrections applied), its sources, its
review and the keys reads filter, order and group by. Every write that can change an incident
(a document stored or replaced, fusion, a review) marks the incidents it touches, and they are
computed again before its transaction commits, the rest left as they are. A read is then one SQL
query: filters, ordering, paging, counting and grouping in the database, served by indexes.

Filters select incidents by their fused, corrected record (and text search by any of their mentions'
evidence): one definition of "the events" for the table, the map, the aggregates and the exports.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from talaia.store.counts import CELL_ZOOMS, SEPARATOR, CountDeltas, cell_size, counts_ddl
from talaia.store.filters import EventFilter, shared_conditions
from talaia.store.generation import GENERATION_MIGRATION, GENERATION_TABLE
from talaia.store.overlay import STORED_TABLE, UNREVIEWED, ReviewState, events_source, state_of
from talaia.store.records import (
    EVENT_COLUMNS,
    Row,
    StoredEvent,
    event_from_row,
    event_row,
    fused_event,
    merged_sources,
)
from talaia.text import fold

__all__ = ["INCIDENT_COLUMNS", "IncidentTables", "incident_ddl"]

# besides the fused record's columns: the incident, its review, sources and mentions ...
_HELD = ("incident_id", "review_status", "review_values", "reviews", "reviewer", "reviewed_at", "sources",
         "source_count", "mentions")
# ... and what reads order, filter, group and search by
_KEYS = ("sort_date", "sort_doc", "sort_rank", "country_key", "admin1_key", "admin2_key", "event_type_key",
         "sub_event_type_key", "week", "month", "series_week", "actors_text", "search_text")
INCIDENT_COLUMNS = (*_HELD, *_KEYS, *EVENT_COLUMNS)
_CHUNK = 500
# the columns text search reads (with the words of every mention's evidence)
_SEARCHED = ("notes", "actor1", "actor2", "assoc_actor_1", "assoc_actor_2", "actor1_mentions", "actor2_mentions",
             "location", "admin2", "admin1")
_ACTORS = ("actor1", "actor2", "assoc_actor_1", "assoc_actor_2")
# between the folded parts of actors_text and search_text: a search never matches across two of them
_PART = "\x1f"
_EVIDENCE_WORDS = "evidence_text(d.text, e.evidence) AS evidence_words"
# an event not fused yet (its incident is itself), written so that the event id's index serves the IN list
_UNFUSED = "coalesce(e.incident_id, e.event_id) = e.event_id"
_MENTIONS = events_source(EVENT_COLUMNS, overlaid=True, table=STORED_TABLE)  # corrected as the states say


def incident_ddl(real: str, *, sqlite: bool = False) -> list[str]:
    """The statements that create the incidents table, the stored review states and their indexes."""
    from talaia.store.overlay import overlay_table

    types = {**dict.fromkeys(("latitude", "longitude", "confidence"), real),
             **dict.fromkeys(("time_precision", "geo_precision", "fatalities", "fatalities_high", "sort_rank"),
                             "INTEGER"),
             **dict.fromkeys(("reviews", "source_count"), "INTEGER NOT NULL"),
             "incident_id": "TEXT PRIMARY KEY", "review_status": "TEXT NOT NULL"}
    columns = ", ".join(f"{c} {types.get(c, 'TEXT')}" for c in INCIDENT_COLUMNS)
    # one index per filter of the API, each then in the page's order
    filters = ("country_key", "admin1_key", "admin2_key", "event_type_key", "sub_event_type_key", "certainty",
               "review_status")
    indexes = {
        "order": "sort_date, sort_doc, sort_rank",  # the events page, newest first; exports, oldest first
        "event_date": "event_date", **{c: f"{c}, sort_date" for c in filters},
        # no index led by a period: a filtered aggregate reads its filter's range (the whole store's are kept
        # counts, talaia.store.counts), not every incident in period order
        "series_week": "series_week", "map": "latitude, longitude",
    }
    return [f"CREATE TABLE IF NOT EXISTS incidents ({columns})", overlay_table(STORED_TABLE, temporary=False),
            *counts_ddl(real, clustered=" WITHOUT ROWID" if sqlite else ""),
            *(f"CREATE INDEX IF NOT EXISTS incidents_{name} ON incidents({cols})" for name, cols in indexes.items())]


def _key(value: Any) -> str | None:
    return None if value is None else fold(str(value)).strip()


def incident_row(values: Mapping[str, Any], sources: Sequence[dict[str, Any]], mentions: Sequence[str],
                 review: ReviewState | None, members: Sequence[Row]) -> tuple[Any, ...]:
    """The incidents table's row of a fused event: ``values``, its record's columns as the events table
    holds them; ``members``: its stored events in reading order (with their ``evidence_words``).
    ``actors_text`` and ``search_text`` hold what the actor and text filters read, folded once here
    rather than on every read: the actors' names, and the searched columns with every mention's
    evidence words."""
    first = members[0]
    actors = _PART.join(_key(values[c]) or "" for c in _ACTORS if values[c] is not None)
    searched = [_key(values[c]) for c in _SEARCHED if values[c] is not None]
    searched += [_key(m["evidence_words"]) for m in members if m["evidence_words"] is not None]
    state = review or UNREVIEWED
    dated = values["event_date"] or None
    return (
        first["incident_id"] or first["event_id"], state.status,
        json.dumps([list(pair) for pair in state.values], ensure_ascii=False), state.reviews, state.reviewer,
        state.reviewed_at, json.dumps(list(sources), ensure_ascii=False), len(sources),
        json.dumps(list(mentions)), first["event_date"], first["doc_id"], first["rank"],
        (values["country_code"] or "").upper() or None, _key(values["admin1"]), _key(values["admin2"]),
        _key(values["event_type"]), _key(values["sub_event_type"]), iso_week_of(dated), iso_month(dated),
        series_week(dated, values["time_precision"]), actors, _PART.join(t or "" for t in searched),
        *(values[c] for c in EVENT_COLUMNS))


def _alone(member: Row) -> dict[str, Any]:
    """The record of an incident told by one stored event, as :func:`fused_event` makes it (its high
    toll only when above its toll), read from the row without building the event."""
    values = {c: member[c] for c in EVENT_COLUMNS}
    low, high = values["fatalities"], values["fatalities_high"]
    values["fatalities_high"] = high if low is not None and high is not None and high > low else None
    return values


def _with_followup(values: dict[str, Any], figure: int) -> dict[str, Any]:
    """An incident's record with the higher toll a follow-up gives ('the toll rose to 23') as its high toll
    (ACLED's rule for differing reports: the lowest toll, the highest beside it), or as its toll when it
    had none."""
    low, high = values["fatalities"], values["fatalities_high"]
    if figure <= max(low or 0, high or 0):
        return values
    return {**values, "fatalities": figure} if low is None else {**values, "fatalities_high": figure}


def stored_of(row: Row) -> StoredEvent:
    """The fused event an incidents row holds, as :meth:`Store.events` returns it."""
    review = state_of(row) if row["review_status"] != "unreviewed" or row["reviews"] else None
    return StoredEvent(event_from_row(row), tuple(json.loads(row["sources"] or "[]")),
                       tuple(json.loads(row["mentions"] or "[]")), review)


def conditions(flt: EventFilter, *, text_index: bool = False) -> tuple[list[str], list[Any]]:
    """SQL conditions on the incidents table ``i`` and their arguments for ``flt``; ``text_index``: the
    text filter reads SQLite's trigram index ``incidents_search`` (migration 012) first."""
    where: list[str] = []
    args: list[Any] = []
    if flt.country:
        where.append("i.country_key = ?")
        args.append(flt.country)
    for column, value in (("admin1", flt.admin1), ("admin2", flt.admin2), ("sub_event_type", flt.sub_event_type),
                          ("event_type", flt.event_type)):
        if value:
            where.append(f"i.{column}_key = ?")
            args.append(_key(value))
    named, named_args, shared, shared_args = shared_conditions(flt, "i")
    if flt.actor:
        either = ["i.actors_text LIKE ? ESCAPE '\\'"]
        args.append(_like(flt.actor))
        either += named
        args.extend(named_args)
        where.append(f"({' OR '.join(either)})")
    where.extend(shared)
    args.extend(shared_args)
    if flt.text:
        where.extend(text_conditions(flt.text, text_index=text_index))
        args.extend(_text_args(flt.text, text_index=text_index))
    return where, args


# the fewest characters a trigram index can look up; a shorter text is searched by a scan
_TRIGRAM = 3


def text_conditions(text: str, *, text_index: bool) -> list[str]:
    """The conditions of a text filter: the folded words contain the folded text (one part of them:
    a search never matches across two). On PostgreSQL the ``LIKE`` is served by the pg_trgm index; on
    SQLite (``text_index``) the FTS5 trigram index finds the incidents holding every trigram of the text
    (every row that contains it, and some more: the ``LIKE`` after it keeps exactly the scan's)."""
    like = "i.search_text LIKE ? ESCAPE '\\'"
    if not text_index or len(_folded(text)) < _TRIGRAM:
        return [like]
    return ["i.rowid IN (SELECT rowid FROM incidents_search WHERE incidents_search MATCH ?)", like]


def _text_args(text: str, *, text_index: bool) -> list[str]:
    folded = _folded(text)
    if not text_index or len(folded) < _TRIGRAM:
        return [_like(text)]
    # every trigram of the text, each a token: a superset the LIKE then narrows, read by seeking each
    # trigram's list of rows from the rarest on (a phrase would check positions in every row holding
    # the common ones: ~15x slower for 'town 7' over 100,000 incidents)
    trigrams = dict.fromkeys(folded[i:i + _TRIGRAM] for i in range(len(folded) - _TRIGRAM + 1))
    return [" AND ".join('"' + t.replace('"', '""') + '"' for t in trigrams), _like(text)]


def _folded(value: str) -> str:
    return fold(value).strip().replace(_PART, "")


def _like(value: str) -> str:
    folded = _folded(value).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{folded}%"


def where_sql(where: Sequence[str], *more: str) -> str:
    parts = [*where, *more]
    return f"WHERE {' AND '.join(parts)}" if parts else ""


class IncidentTables:
    """The incidents table's upkeep and reads, mixed into :class:`~talaia.store.base.Store`."""

    _stale: set[str]
    _generation_kept: bool | None = None  # whether the store has its generation's table (None: not read yet)

    def _execute(self, sql: str, args: Sequence[Any] = ()) -> Any:
        raise NotImplementedError

    def _execute_many(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        raise NotImplementedError

    def _sources(self, event_ids: list[str]) -> dict[str, list[dict[str, str | None]]]:
        raise NotImplementedError

    def followup_figures(self, event_ids: Sequence[str]) -> dict[str, int]:
        raise NotImplementedError

    # ---- upkeep ------------------------------------------------------------------------------
    def _mark(self, incident_ids: Sequence[str | None]) -> None:
        """Incidents to compute again before the write's transaction commits."""
        if not hasattr(self, "_stale") or self._stale is None:
            self._stale = set()
        self._stale.update(i for i in incident_ids if i)

    def _mark_events(self, event_ids: Sequence[str]) -> None:
        """The incidents of stored events, as they are now."""
        ids = list(dict.fromkeys(event_ids))
        for chunk in range(0, len(ids), _CHUNK):
            part = ids[chunk:chunk + _CHUNK]
            self._mark([r[0] for r in self._execute(
                f"SELECT coalesce(incident_id, event_id) FROM events WHERE event_id IN ({','.join('?' * len(part))})",
                part)])

    def _mark_document(self, key: str) -> None:
        """The incidents a stored document is a source of (its own events', or its original's)."""
        self._mark([r[0] for r in self._execute(
            "SELECT coalesce(e.incident_id, e.event_id) FROM event_sources s JOIN events e ON e.event_id = s.event_id "
            "WHERE s.document_key = ?", (key,))])

    def sync_review_states(self, overlay: dict[str, Any]) -> int:
        """Keep ``overlay`` (stored event id -> :class:`ReviewState`) as the stored review states, marking
        the incidents of the events whose state changed; returns how many changed."""
        from talaia.store.overlay import STATE_NAMES, state_row

        wanted = {event_id: state_row(event_id, state) for event_id, state in overlay.items()}
        held = {r[0]: tuple(r) for r in self._execute(f"SELECT {', '.join(STATE_NAMES)} FROM {STORED_TABLE}")}
        changed = [i for i in set(wanted) | set(held) if wanted.get(i) != held.get(i)]
        if not changed:
            return 0
        self._mark_events(changed)
        for chunk in range(0, len(changed), _CHUNK):
            part = changed[chunk:chunk + _CHUNK]
            self._execute(f"DELETE FROM {STORED_TABLE} WHERE event_id IN ({','.join('?' * len(part))})", part)
        rows = [wanted[i] for i in changed if i in wanted]
        if rows:
            self._execute_many(f"INSERT INTO {STORED_TABLE} ({', '.join(STATE_NAMES)}) "
                               f"VALUES ({', '.join('?' * len(STATE_NAMES))})", rows)
        return len(changed)

    def _refresh_stale(self) -> int:
        """Compute the marked incidents again (an incident with no stored event left goes); returns how many."""
        stale = sorted(getattr(self, "_stale", None) or ())
        self._stale = set()
        for chunk in range(0, len(stale), _CHUNK):
            self._refresh(stale[chunk:chunk + _CHUNK])
        return len(stale)

    def _refresh(self, incident_ids: Sequence[str]) -> None:
        marks = ",".join("?" * len(incident_ids))
        rows = self._execute(
            f"SELECT e.*, d.doc_id, {_EVIDENCE_WORDS} FROM {_MENTIONS} "
            f"JOIN documents d ON d.key = e.document_key WHERE e.incident_id IN ({marks}) "
            f"OR (e.event_id IN ({marks}) AND {_UNFUSED}) "
            "ORDER BY e.event_date IS NULL, e.event_date, d.doc_id, e.rank", [*incident_ids, *incident_ids]).fetchall()
        deltas = CountDeltas()
        deltas.add(self._execute(f"SELECT * FROM incidents WHERE incident_id IN ({marks})", list(incident_ids)), -1)
        self._execute(f"DELETE FROM incidents WHERE incident_id IN ({marks})", list(incident_ids))
        self._insert_incidents(rows, deltas)
        self._apply(deltas)
        self._bump_generation()

    def _bump_generation(self) -> None:
        """One more change to the incidents (talaia.store.generation), in the change's own transaction."""
        if self._has_generation():
            self._execute(f"UPDATE {GENERATION_TABLE} SET generation = generation + 1")

    def _has_generation(self) -> bool:
        if self._generation_kept is None:  # read once per connection (apply_migrations forgets it)
            self._generation_kept = self._execute("SELECT 1 FROM _migrations WHERE name = ?",
                                                  (GENERATION_MIGRATION,)).fetchone() is not None
        return self._generation_kept

    def generation(self) -> tuple[str, int] | None:
        """(the store's id, how many changes its incidents have had): what a kept result is kept under;
        None for a store without them (a result is then computed each time)."""
        if not self._has_generation():
            return None
        row = self._execute(f"SELECT store_id, generation FROM {GENERATION_TABLE}").fetchone()
        return None if row is None else (str(row[0]), int(row[1]))

    def _apply(self, deltas: CountDeltas) -> None:
        for sql, rows in deltas.statements():
            if rows:
                self._execute_many(sql, rows)

    def _insert_incidents(self, rows: Sequence[Row], deltas: CountDeltas) -> None:
        """Fuse ``rows`` (stored events in reading order, review columns from the stored states) by
        incident and insert them."""
        groups: dict[str, list[Row]] = {}
        for r in rows:
            groups.setdefault(r["incident_id"] or r["event_id"], []).append(r)
        sources = self._sources([r["event_id"] for r in rows])
        states = self._states([m[0]["incident_id"] or m[0]["event_id"] for m in groups.values()]
                              + [r["event_id"] for m in groups.values() for r in m])
        figures = self.followup_figures([r["event_id"] for r in rows])
        out = []
        for members in groups.values():
            raised = max((figures.get(m["event_id"], 0) for m in members), default=0)
            if len(members) == 1:  # most incidents: the row as it is (no event built and written back)
                out.append(incident_row(_with_followup(_alone(members[0]), raised), merged_sources(members, sources),
                                        (), states.get(members[0]["event_id"]), members))
                continue
            stored = fused_event(members, sources)
            values = dict(zip(EVENT_COLUMNS, event_row(stored.event), strict=True))
            out.append(incident_row(_with_followup(values, raised), stored.sources,
                                    stored.mentions, states.get(stored.event.event_id), members))
        deltas.add((dict(zip(INCIDENT_COLUMNS, row, strict=True)) for row in out), 1)
        if out:
            self._execute_many(f"INSERT INTO incidents ({', '.join(INCIDENT_COLUMNS)}) "
                               f"VALUES ({', '.join('?' * len(INCIDENT_COLUMNS))})", out)

    def _states(self, event_ids: Sequence[str]) -> dict[str, Any]:
        ids = list(dict.fromkeys(event_ids))
        found = {}
        for chunk in range(0, len(ids), _CHUNK):
            part = ids[chunk:chunk + _CHUNK]
            for r in self._execute(f"SELECT * FROM {STORED_TABLE} WHERE event_id IN ({','.join('?' * len(part))})",
                                   part):
                found[r["event_id"]] = state_of(r)
        return found

    def rebuild_incidents(self, batch: int = 20_000) -> int:
        """Compute every incident again from the stored events and review states (after a migration,
        or a bulk load); returns how many there are."""
        for table in ("incidents", "incident_counts", "incident_cells"):
            self._execute(f"DELETE FROM {table}")
        # every incident's id, read once (a million short strings: a few tens of MB), then computed a
        # batch at a time through the indexes (incident_id, and the event id of one not fused yet)
        ids = sorted({r[0] for r in self._execute("SELECT coalesce(incident_id, event_id) FROM events")})
        for start in range(0, len(ids), batch):
            deltas = CountDeltas()
            for chunk in range(start, min(start + batch, len(ids)), _CHUNK):
                part = ids[chunk:min(chunk + _CHUNK, start + batch)]
                marks = ",".join("?" * len(part))
                self._insert_incidents(deltas=deltas, rows=self._execute(
                    f"SELECT e.*, d.doc_id, {_EVIDENCE_WORDS} FROM {_MENTIONS} "
                    f"JOIN documents d ON d.key = e.document_key WHERE e.incident_id IN ({marks}) "
                    f"OR (e.event_id IN ({marks}) AND {_UNFUSED}) "
                    "ORDER BY e.event_date IS NULL, e.event_date, d.doc_id, e.rank", [*part, *part]).fetchall())
            self._apply(deltas)
        self._bump_generation()
        return len(ids)

    # ---- reads -------------------------------------------------------------------------------
    @property
    def _text_index(self) -> bool:
        """Whether text filters read SQLite's FTS5 index (PostgreSQL's trigram index serves the LIKE itself)."""
        return getattr(getattr(self, "dialect", None), "name", "") == "sqlite"

    def _where(self, flt: EventFilter | None) -> tuple[list[str], list[Any]]:
        return conditions(flt or EventFilter(), text_index=self._text_index)

    def actor_pairs(self) -> list[tuple[str | None, str | None, int]]:
        """(actor1, actor2, incidents) of every pair of sides among the incidents (rejected ones left out),
        grouped in the database, in the order of each pair's first incident (as :meth:`iter_incidents`
        reads them): what the actors' counts need, without reading the incidents."""
        undated = "CASE WHEN sort_date IS NULL THEN 1 ELSE 0 END"
        rows = self._execute(
            f"SELECT actor1, actor2, count(*), min({undated}), min(sort_date), min(sort_doc) FROM incidents "
            "WHERE review_status != 'rejected' GROUP BY actor1, actor2").fetchall()
        ordered = sorted(rows, key=lambda r: (r[3], r[4] or "", r[5] or "", r[0] or "", r[1] or ""))
        return [(r[0], r[1], int(r[2])) for r in ordered]

    def iter_incidents(self, flt: EventFilter | None = None, *, rejected: bool = True,
                       batch: int = 2_000) -> Iterator[StoredEvent]:
        """Every incident matching ``flt``, oldest first (undated last), read ``batch`` at a time by
        keyset paging: memory stays flat whatever the store's size (exports stream from it)."""
        where, args = self._where(flt)
        if not rejected:
            where.append("i.review_status != 'rejected'")
        for nulls, condition in ((0, "i.sort_date IS NOT NULL"), (1, "i.sort_date IS NULL")):
            after: tuple[Any, ...] | None = None
            while True:
                keyset: list[str] = []
                more: list[Any] = []
                if after is not None:
                    if nulls:
                        keyset.append("(i.sort_doc > ? OR (i.sort_doc = ? AND i.sort_rank > ?))")
                        more += [after[1], after[1], after[2]]
                    else:
                        keyset.append("(i.sort_date > ? OR (i.sort_date = ? AND (i.sort_doc > ? OR "
                                      "(i.sort_doc = ? AND i.sort_rank > ?))))")
                        more += [after[0], after[0], after[1], after[1], after[2]]
                rows = self._execute(
                    f"SELECT * FROM incidents i {where_sql(where, condition, *keyset)} "
                    f"ORDER BY i.sort_date, i.sort_doc, i.sort_rank LIMIT {int(batch)}", [*args, *more]).fetchall()
                for r in rows:
                    yield stored_of(r)
                if len(rows) < batch:
                    break
                after = (rows[-1]["sort_date"], rows[-1]["sort_doc"], rows[-1]["sort_rank"])

    def incident_counts(self, flt: EventFilter | None, *, period: str, by: str) -> tuple[list[tuple[Any, ...]], int]:
        """([(period, key, events, fatalities)], undated): the incidents matching ``flt`` (rejected ones
        left out) per ``period`` ('week' or 'month') and value of ``by``, grouped in the database."""
        where, args = self._where(flt)
        periods = _whole_periods(flt, period)
        if periods is not None:  # whole weeks, months or years of the whole store: its kept counts in that range
            kept = self._execute("SELECT period, area, events, fatalities FROM incident_counts WHERE kind = ? AND "
                                 "grouping = ? AND events > 0 AND period >= ? AND period <= ?", (period, by, *periods))
            return [(r[0], r[1] or None, int(r[2]), int(r[3])) for r in kept], 0  # a date range: none undated
        if not where:  # the whole store: its kept counts
            kept = self._execute("SELECT period, area, events, fatalities FROM incident_counts WHERE kind = ? AND "
                                 "grouping = ? AND events > 0", (period, by))
            undated = self._execute("SELECT count(*) FROM incidents WHERE event_date IS NULL "
                                    "AND review_status != 'rejected'").fetchone()[0]
            return [(r[0], r[1] or None, int(r[2]), int(r[3])) for r in kept], int(undated)
        where.append("i.review_status != 'rejected'")
        column = {"week": "i.week", "month": "i.month", "year": "substr(i.month, 1, 4)"}[period]
        if by == "actor":  # once for each distinct actor on its sides (under null when it has none)
            first = ("CASE WHEN coalesce(i.actor1, '') != '' THEN i.actor1 WHEN coalesce(i.actor2, '') != '' "
                     "THEN i.actor2 END")
            both = (f"{column} IS NOT NULL", _NONEMPTY.format("actor1"), _NONEMPTY.format("actor2"),
                    "i.actor2 != i.actor1")
            keyed = (f"SELECT {column} AS p, {first} AS k, i.fatalities AS f FROM incidents i "
                     f"{where_sql(where, f'{column} IS NOT NULL')} UNION ALL "
                     f"SELECT {column}, i.actor2, i.fatalities FROM incidents i {where_sql(where, *both)}")
            rows = self._execute(f"SELECT p, k, count(*), sum(coalesce(f, 0)) FROM ({keyed}) AS t GROUP BY p, k",
                                 [*args, *args]).fetchall()
        else:
            # grouped by the column itself, so a covering index's order serves the grouping; '' is null
            rows = _merged(self._execute(
                f"SELECT {column}, i.{by}, count(*), sum(coalesce(i.fatalities, 0)) FROM incidents i "
                f"{where_sql(where, f'{column} IS NOT NULL')} GROUP BY {column}, i.{by}", args).fetchall())
        undated = int(self._execute(f"SELECT count(*) FROM incidents i {where_sql(where, 'i.event_date IS NULL')}",
                                    args).fetchone()[0])
        return [(r[0], r[1], int(r[2]), int(r[3] or 0)) for r in rows], undated

    def map_cells(self, flt: EventFilter | None, *, zoom: int, bbox: Sequence[float] | None = None,
                  limit: int | None = None) -> list[tuple[float, float, int, int]] | None:
        """The incidents matching ``flt`` that have coordinates (inside ``bbox``: west, south, east, north)
        grouped in the square cells of the grid of ``zoom`` (:func:`~talaia.store.counts.cell_size`):
        [(mean latitude, mean longitude, incidents, deaths)]; None when ``limit`` is given and no more
        than that many are located (then points are sent). Without filters, read from the kept cells
        (those that meet ``bbox``)."""
        where, args = _located(flt, bbox, text_index=self._text_index)
        if not self._where(flt)[0] and zoom in CELL_ZOOMS:
            return self._kept_cells(zoom, bbox, limit)
        if limit is not None and len(self._execute(
                f"SELECT 1 FROM incidents i {where_sql(where)} LIMIT {int(limit) + 1}", args).fetchall()) <= limit:
            return None
        floor = "floor({0})" if getattr(getattr(self, "dialect", None), "name", "") == "postgresql" \
            else "CAST({0} AS INTEGER)"  # SQLite: truncation, the same as floor for the positive values here
        size = repr(cell_size(zoom))
        y, x = floor.format(f"(i.latitude + 90) / {size}"), floor.format(f"(i.longitude + 180) / {size}")
        return [(float(r[0]), float(r[1]), int(r[2]), int(r[3] or 0)) for r in self._execute(
            f"SELECT avg(i.latitude), avg(i.longitude), count(*), sum(coalesce(i.fatalities, 0)) FROM incidents i "
            f"{where_sql(where)} GROUP BY {y}, {x}", args)]

    def _kept_cells(self, zoom: int, bbox: Sequence[float] | None, limit: int | None
                    ) -> list[tuple[float, float, int, int]] | None:
        def cells(level: int) -> list[Row]:
            where, args = ["zoom = ?", "events > 0"], [level]
            if bbox is not None:
                size = cell_size(level)
                where += ["y BETWEEN ? AND ?", "x BETWEEN ? AND ?"]
                args += [math.floor((bbox[1] + 90) / size), math.floor((bbox[3] + 90) / size),
                         math.floor((bbox[0] + 180) / size), math.floor((bbox[2] + 180) / size)]
            found: list[Row] = self._execute(f"SELECT events, fatalities, latitude_sum, longitude_sum "
                                             f"FROM incident_cells {where_sql(where)}", args).fetchall()
            return found

        if limit is not None and sum(int(r[0]) for r in cells(0 if bbox is None else zoom)) <= limit:
            return None
        return [(float(r[2]) / int(r[0]), float(r[3]) / int(r[0]), int(r[0]), int(r[1])) for r in cells(zoom)]

    def located_incidents(self, flt: EventFilter | None, bbox: Sequence[float] | None, limit: int
                          ) -> list[StoredEvent]:
        """Up to ``limit`` incidents matching ``flt`` with coordinates inside ``bbox``, newest first."""
        where, args = _located(flt, bbox, text_index=self._text_index)
        return [stored_of(r) for r in self._execute(
            f"SELECT * FROM incidents i {where_sql(where)} ORDER BY i.sort_date IS NULL, i.sort_date DESC, "
            f"i.sort_doc DESC, i.sort_rank DESC LIMIT {int(limit)}", args)]

    def latest_day(self, flt: EventFilter | None = None) -> dt.date | None:
        """The latest day of the incidents matching ``flt`` (rejected ones left out)."""
        return self._day("max", flt)

    def earliest_day(self, flt: EventFilter | None = None) -> dt.date | None:
        """The earliest day of the incidents matching ``flt`` (rejected ones left out)."""
        return self._day("min", flt)

    def _day(self, which: str, flt: EventFilter | None) -> dt.date | None:
        where, args = self._where(flt)
        found = self._execute(f"SELECT {which}(i.event_date) FROM incidents i "
                              f"{where_sql(where, 'i.review_status != ' + repr('rejected'))}", args).fetchone()[0]
        try:
            return dt.date.fromisoformat(found[:10]) if found else None
        except ValueError:
            return None

    def series_counts(self, flt: EventFilter | None, by: str, *, judged: Sequence[dt.date] = (),
                      since: dt.date | None = None) -> list[tuple[tuple[str, ...], dt.date, int, int]]:
        """(area key, Monday, events, fatalities) of every area of ``by`` and week with incidents matching
        ``flt`` (rejected ones and those dated only to the month left out), counted in the database.

        For the whole store (its kept counts) the read can be bounded by what alerts on the weeks
        ``judged`` need: only the areas with events in one of them (no other can alert) and, with
        ``since``, only the weeks from that Monday on, an area with events before it starting there
        with a week of none (its reference, which reaches back no further, is then the same)."""
        if not self._where(flt)[0]:  # the whole store: its kept counts
            return self._kept_series(by, judged, since)
        selects, args = _area_selects(flt, by, text_index=self._text_index)
        out = []
        for key, where in selects:
            width, columns = len(key), ", ".join(key)
            for r in self._execute(f"SELECT {columns}, i.series_week, count(*), sum(coalesce(i.fatalities, 0)) "
                                   f"FROM incidents i {where} GROUP BY {columns}, i.series_week", args):
                out.append((tuple(r)[:width], dt.date.fromisoformat(r[width]), int(r[width + 1]),
                            int(r[width + 2] or 0)))
        if by == "actor":  # an actor on the first side of some incidents and the second of others
            merged: dict[tuple[tuple[str, ...], dt.date], list[int]] = {}
            for key, monday, events, fatalities in out:
                counts = merged.setdefault((key, monday), [0, 0])
                counts[0] += events
                counts[1] += fatalities
            out = [(k, m, n, f) for (k, m), (n, f) in merged.items()]
        return out

    def alert_counts(self, flt: EventFilter | None, by: str, judged: Sequence[dt.date], *, areas: Sequence[str] = (),
                     reach: dt.timedelta) -> tuple[list[tuple[tuple[str, ...], dt.date, int, int]], int | None]:
        """The weekly counts the alerts on ``judged`` need, and how many areas were judged when the store
        counted them apart (None: as many as series). Without a choice of ``areas``, bounded by areas x weeks
        alerting can touch: the areas with events in a judged week, from as far back as a reference
        reaches (``reach`` before the earliest judged week): the same alerts as every count gives."""
        if areas or not judged:
            return self.series_counts(flt, by), None
        counts = self.series_counts(flt, by, judged=judged, since=min(judged) - reach)
        return counts, self.series_areas(flt, by, max(judged))

    def _kept_series(self, by: str, judged: Sequence[dt.date], since: dt.date | None
                     ) -> list[tuple[tuple[str, ...], dt.date, int, int]]:
        """:meth:`series_counts` of the whole store, from its kept counts."""
        where, args = ["kind = 'series'", "grouping = ?", "events > 0"], [by]
        if judged:
            marks = ",".join("?" * len(judged))
            where.append("area IN (SELECT area FROM incident_counts WHERE kind = 'series' AND grouping = ? "
                         f"AND events > 0 AND period IN ({marks}))")
            args += [by, *(m.isoformat() for m in judged)]
        earlier: list[Row] = []
        if since is not None:
            earlier = self._execute(f"SELECT DISTINCT area FROM incident_counts {where_sql(where, 'period < ?')}",
                                    [*args, since.isoformat()]).fetchall()
            where.append("period >= ?")
            args.append(since.isoformat())
        days: dict[str, dt.date] = {}  # a few hundred Mondays, each parsed once
        rows = [(r[0], days.get(r[1]) or days.setdefault(r[1], dt.date.fromisoformat(r[1])), r[2], r[3])
                for r in self._execute(f"SELECT area, period, events, fatalities FROM incident_counts "
                                       f"{where_sql(where)}", args)]
        # the areas with events before ``since`` start there: counted first, overwritten by a week read
        starts = [(r[0], since, 0, 0) for r in earlier if since is not None]
        return [(tuple(a.split(SEPARATOR)), m, int(n), int(f)) for a, m, n, f in [*starts, *rows]]

    def series_areas(self, flt: EventFilter | None, by: str, until: dt.date) -> int | None:
        """How many areas of ``by`` have events up to the week of ``until`` (what an alert report counts as
        judged), from the kept counts; None when ``flt`` filters (then the series read say)."""
        if self._where(flt)[0]:
            return None
        return int(self._execute("SELECT count(DISTINCT area) FROM incident_counts WHERE kind = 'series' "
                                 "AND grouping = ? AND events > 0 AND period <= ?",
                                 (by, until.isoformat())).fetchone()[0])

    def series_events(self, flt: EventFilter | None, by: str, mondays: Sequence[dt.date]
                      ) -> dict[tuple[tuple[str, ...], dt.date], list[StoredEvent]]:
        """The incidents of the weeks starting on ``mondays``, by (area key of ``by``, Monday)."""
        if not mondays:
            return {}
        marks = ",".join("?" * len(mondays))
        selects, args = _area_selects(flt, by, f"i.series_week IN ({marks})", text_index=self._text_index)
        found: dict[tuple[tuple[str, ...], dt.date], list[StoredEvent]] = {}
        for key_columns, where in selects:
            width = len(key_columns)
            for r in self._execute(f"SELECT {', '.join(key_columns)}, i.* FROM incidents i {where}",
                                   [*args, *(m.isoformat() for m in mondays)]):
                key = tuple(r)[:width]
                found.setdefault((key, dt.date.fromisoformat(r["series_week"])), []).append(stored_of(r))
        return found


_NONEMPTY = "coalesce(i.{0}, '') != ''"
_LAST_PERIOD = {"week": "9999-W99", "month": "9999-99", "year": "9999"}


def _whole_periods(flt: EventFilter | None, period: str) -> tuple[str, str] | None:
    """(first, last period) when ``flt`` selects by dates alone, from the first day of a ``period`` to the
    last day of one (either end open): the kept counts of those periods are then its counts."""
    if flt is None or (not flt.date_from and not flt.date_to) or period not in _LAST_PERIOD:
        return None
    if any(getattr(flt, f) for f in EventFilter.__dataclass_fields__ if f not in {"date_from", "date_to"}):
        return None
    first, last = "0000", _LAST_PERIOD[period]
    if flt.date_from:
        day = dt.date.fromisoformat(flt.date_from)
        if _period_of(day, period) == _period_of(day - dt.timedelta(days=1), period):
            return None  # not the first day of its period
        first = _period_of(day, period)
    if flt.date_to:
        day = dt.date.fromisoformat(flt.date_to)
        if _period_of(day, period) == _period_of(day + dt.timedelta(days=1), period):
            return None  # not the last day of its period
        last = _period_of(day, period)
    return first, last


def _period_of(day: dt.date, period: str) -> str:
    """The period of ``day`` as the kept counts write it ('2019-W42', '2019-10', '2019')."""
    if period == "week":
        return iso_week_of(day.isoformat()) or ""
    return day.isoformat()[:7] if period == "month" else day.isoformat()[:4]


def _merged(rows: Sequence[Row]) -> list[tuple[Any, ...]]:
    """(period, key, events, fatalities) rows with an empty key counted under null."""
    merged: dict[tuple[Any, Any], list[int]] = {}
    for r in rows:
        counts = merged.setdefault((r[0], r[1] or None), [0, 0])
        counts[0] += int(r[2])
        counts[1] += int(r[3] or 0)
    return [(p, k, n, f) for (p, k), (n, f) in merged.items()]
# an alert area's key columns (talaia.analysis.series.area_keys), and what it needs to be an area
_AREAS = {"country": (("i.country_key",), ("country_key",)),
          "admin1": (("i.country_key", "i.admin1"), ("country_key", "admin1")),
          "admin2": (("i.country_key", "coalesce(i.admin1, '')", "i.admin2"), ("country_key", "admin2")),
          "event_type": (("i.event_type",), ("event_type",))}


def _located(flt: EventFilter | None, bbox: Sequence[float] | None, *, text_index: bool
             ) -> tuple[list[str], list[Any]]:
    where, args = conditions(flt or EventFilter(), text_index=text_index)
    where += ["i.latitude IS NOT NULL", "i.longitude IS NOT NULL"]
    if flt is None or flt.review != "rejected":  # the map shows no rejected events unless asked (as the kept cells)
        where.append("i.review_status != 'rejected'")
    if bbox is not None:
        west, south, east, north = bbox
        where += ["i.latitude BETWEEN ? AND ?", "i.longitude BETWEEN ? AND ?"]
        args += [south, north, west, east]
    return where, args


def _area_selects(flt: EventFilter | None, by: str, *more: str, text_index: bool
                  ) -> tuple[list[tuple[tuple[str, ...], str]], list[Any]]:
    """[(key columns, WHERE)] of the selects whose union is every (area, incident) of ``by`` (an actor
    area once for each distinct actor on an incident's sides), with the arguments of one WHERE."""
    where, args = conditions(flt or EventFilter(), text_index=text_index)
    where += ["i.review_status != 'rejected'", "i.series_week IS NOT NULL", *more]
    if by == "actor":
        first = where_sql(where, _NONEMPTY.format("actor1"))
        second = where_sql(where, _NONEMPTY.format("actor2"), "i.actor2 != coalesce(i.actor1, '')")
        return [(("i.actor1",), first), (("i.actor2",), second)], args
    columns, needed = _AREAS[by]
    return [(columns, where_sql(where, *(_NONEMPTY.format(c) for c in needed)))], args




def iso_week_of(date: str | None) -> str | None:
    """The ISO week ('2019-W42') of an ISO date, as talaia.analysis.series.iso_week writes it."""
    if not date:
        return None
    year, week, _ = dt.date.fromisoformat(date[:10]).isocalendar()
    return f"{year}-W{week:02d}"


def iso_month(date: str | None) -> str | None:
    return f"{date[:4]}-{date[5:7]}" if date else None


MONTH_PRECISION = 3  # a date known only to the month is in no week's series (talaia.analysis.series)


def series_week(date: str | None, precision: int | None) -> str | None:
    """The Monday (ISO date) of the week an alert series counts the incident in, None when it counts in none."""
    if not date or (precision or 0) >= MONTH_PRECISION:
        return None
    day = dt.date.fromisoformat(date[:10])
    return (day - dt.timedelta(days=day.weekday())).isoformat()

