"""A page of the incidents and how many match, at a cost bounded on a large store.

The events page shows 25 incidents and how many match. Counting every match costs as many rows as match
(a text found in 2 % of a million incidents: 20,000 rows read twice, for the total and for the page), so,
as search engines do, a total is counted exactly up to ``count_limit`` matches (:data:`COUNT_LIMIT`) and
beyond it reported as a lower bound (``lower_bound``: "10,000+"); it becomes exact again once a page
reaches the last match. The whole store's total is always exact (the kept yearly counts).

A text or actor search (filters no index serves) where more than ``count_limit`` incidents match the other
filters first looks in the newest 2,000 of them (:data:`WINDOW`), then five times as many up to
``count_limit``, walked in the page's order (a text found in many incidents is found within the first few
hundred): when they hold the page, the page comes from them and the total is those found there, a lower
bound. When they do not (a rare text), the text index finds every incident holding the text (SQLite's FTS5
trigram index, PostgreSQL's pg_trgm), as before, and the total is counted up to ``count_limit``. One
state's, district's or type's total alone is exact, from the kept yearly counts.
Without ``count_limit`` every total is counted exactly.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any, NamedTuple

from talaia.store.filters import EventFilter
from talaia.store.incidents import IncidentTables, _key, conditions, stored_of, where_sql
from talaia.store.records import StoredEvent

__all__ = ["COUNT_LIMIT", "WINDOW", "IncidentPage", "PageReads"]

COUNT_LIMIT = 10_000  # matches a page's total is counted exactly up to (the API's and the server's default)
_NEWEST = "i.sort_date DESC, i.sort_doc DESC, i.sort_rank DESC"
_UNDATED = "i.sort_date IS NULL, i.sort_date, i.sort_doc, i.sort_rank"
_ACCEPTED = "i.review_status != 'rejected'"
_KEPT_GROUPINGS = ("admin1", "admin2", "event_type", "sub_event_type")  # the filters kept counts can total
WINDOW = 2_000  # the newest incidents a text or actor search on a large store reads first


class IncidentPage(NamedTuple):
    """How many incidents match (at least that many with ``lower_bound``) and the page asked."""

    total: int
    items: list[StoredEvent]
    lower_bound: bool = False


class PageReads(IncidentTables):
    """The incidents' pages and totals, mixed into :class:`~talaia.store.base.Store`."""

    def _count(self, where: Sequence[str], args: Sequence[Any], *more: str, limit: int | None = None) -> int:
        """How many incidents meet ``where`` and ``more`` (counted up to ``limit`` + 1 with ``limit``)."""
        if limit is None:
            return int(self._execute(f"SELECT count(*) FROM incidents i {where_sql(where, *more)}", args).fetchone()[0])
        return int(self._execute(f"SELECT count(*) FROM (SELECT 1 FROM incidents i {where_sql(where, *more)} "
                                 f"LIMIT {int(limit) + 1}) AS t", args).fetchone()[0])

    def count_incidents(self, flt: EventFilter | None = None, *, rejected: bool = True) -> int:
        where, args = self._where(flt)
        if not where:
            return sum(self._kept_totals(rejected=rejected))
        return self._count(where, args, *(() if rejected else (_ACCEPTED,)))

    def _kept_totals(self, *, rejected: bool) -> tuple[int, int]:
        """(dated, undated) incidents of the whole store, rejected ones only with ``rejected``: the dated
        from the kept yearly counts (a few hundred rows, whatever the store's size), the rest (undated,
        rejected: few) counted through their indexes."""
        def count(sql: str) -> int:
            return int(self._execute(f"SELECT count(*) FROM incidents WHERE {sql}").fetchone()[0])

        kept = self._execute("SELECT sum(events) FROM incident_counts WHERE kind = 'year' AND grouping = 'country'"
                             ).fetchone()[0]
        dated = int(kept or 0) + count("event_date = '' AND review_status != 'rejected'")  # '' is dated, uncounted
        undated = count("event_date IS NULL AND review_status != 'rejected'")
        if rejected:  # written so that the planner reads an index (review status alone: its covering one)
            unplaced = count("event_date IS NULL AND review_status = 'rejected'")
            dated += count("review_status = 'rejected'") - unplaced
            undated += unplaced
        return dated, undated

    def incident_page(self, flt: EventFilter | None, *, limit: int, offset: int, rejected: bool = True,
                      count_limit: int | None = None) -> IncidentPage:
        """(how many incidents match ``flt``, the page of ``limit`` from ``offset``, whether the total is a
        lower bound): newest first, the undated after the dated, in the order :meth:`Store.events` reads
        them; rejected ones only with ``rejected``; ``count_limit``: the total counted exactly up to that
        many matches, beyond it a lower bound (the module's docstring)."""
        where, args = self._where(flt)
        if not where:  # the whole store: counted already
            dated, undated = self._kept_totals(rejected=rejected)
            if not rejected:
                where.append(_ACCEPTED)
            return IncidentPage(dated + undated, self._rows(where, args, dated, undated, limit, offset)[0])
        if not rejected:
            where.append(_ACCEPTED)
        if count_limit is not None and flt is not None and (flt.text or flt.actor):
            probed = self._window_page(flt, rejected, limit, offset, count_limit)
            if probed is not None:
                return probed
        if count_limit is None and flt is not None and flt.text:  # both counts in one pass over the text's matches
            counted = self._execute(f"SELECT count(*), count(i.event_date) FROM incidents i {where_sql(where)}",
                                    args).fetchone()
            known: int | None = int(counted[1])
            undated = int(counted[0]) - int(counted[1])
        else:  # the matches through the filter's index alone (up to the limit), the (few) undated through theirs
            undated = self._count(where, args, "i.event_date IS NULL")
            known = None if rejected or flt is None else self._kept_dated(flt, where, args)
            if known is None:
                total = self._count(where, args, limit=count_limit)
                known = total - undated if count_limit is None or total <= count_limit else None
        items, found = self._rows(where, args, known, undated, limit, offset)
        if found is None:  # more than the limit, the page before their end
            return IncidentPage(int(count_limit or 0), items, lower_bound=True)
        return IncidentPage(found + undated, items)

    def _kept_dated(self, flt: EventFilter, where: Sequence[str], args: Sequence[Any]) -> int | None:
        """How many dated incidents, rejected ones left out, match ``flt`` when it selects by one state, district,
        event type or sub-event type alone: from the kept yearly counts of that grouping (a row per value and
        year, whatever the store's size), those whose value is the filter's (accents and case ignored); None
        for another filter."""
        named = [f for f in _KEPT_GROUPINGS if getattr(flt, f)]
        others = [f for f in EventFilter.__dataclass_fields__ if f not in _KEPT_GROUPINGS and f != "limit"
                  and getattr(flt, f)]
        if len(named) != 1 or others:
            return None
        wanted = _key(getattr(flt, named[0]))
        kept = sum(int(r[1]) for r in self._execute(
            "SELECT area, sum(events) FROM incident_counts WHERE kind = 'year' AND grouping = ? GROUP BY area",
            (named[0],)) if _key(r[0]) == wanted)
        return kept + self._count(where, args, "i.event_date = ''")  # dated, yet not counted by period

    def _rows(self, where: list[str], args: Sequence[Any], dated: int | None, undated: int, limit: int,
              offset: int) -> tuple[list[StoredEvent], int | None]:
        """(the page, how many dated incidents match: ``dated``, or found when the page reaches their end)."""
        items: list[StoredEvent] = []
        if dated is None or offset < dated:
            items += [stored_of(r) for r in self._execute(
                f"SELECT * FROM incidents i {where_sql(where, 'i.event_date IS NOT NULL')} "
                f"ORDER BY {_NEWEST} LIMIT {int(limit)} OFFSET {int(offset)}", args)]
            if dated is None and len(items) < limit:  # the dated ones' end reached: how many there are
                dated = offset + len(items) if items else self._count(where, args, "i.event_date IS NOT NULL")
        if len(items) < limit and undated and dated is not None:
            items += self._undated(where, args, max(0, offset - dated), limit - len(items))
        return items, dated

    def _undated(self, where: Sequence[str], args: Sequence[Any], offset: int, limit: int) -> list[StoredEvent]:
        return [stored_of(r) for r in self._execute(
            f"SELECT * FROM incidents i {where_sql(where, 'i.event_date IS NULL')} "
            f"ORDER BY {_UNDATED} LIMIT {int(limit)} OFFSET {int(offset)}", args)]

    def _window_page(self, flt: EventFilter, rejected: bool, limit: int, offset: int, count_limit: int
                     ) -> IncidentPage | None:
        """The page of a text or actor search (filters no index serves) on a store where more than
        ``count_limit`` incidents match the other filters: from the newest of those, walked in the page's
        order (their words and sides compared, no text index), :data:`WINDOW` of them and then five times as
        many up to ``count_limit``, until they hold the page; its total those found, a lower bound. None on a
        smaller store (counted exactly) or when they do not hold it (a rare text: the text index finds it)."""
        where, args = conditions(dataclasses.replace(flt, text=None, actor=None, actor_names=()))
        if not rejected:
            where.append(_ACCEPTED)
        dated = [*where, "i.event_date IS NOT NULL"]
        if self._count(dated, args, limit=count_limit) <= count_limit:
            return None
        # the same conditions as on the table, on the window's rows (named ``i`` too); the text without its index
        scanned, scanned_args = conditions(EventFilter(text=flt.text, actor=flt.actor, actor_names=flt.actor_names))
        window = min(WINDOW, count_limit)
        while True:
            matched = [r[0] for r in self._execute(
                f"SELECT i.incident_id FROM (SELECT i.incident_id, i.search_text, i.actors_text, i.actor1, i.actor2, "
                f"i.sort_date, i.sort_doc, i.sort_rank FROM incidents i {where_sql(dated)} ORDER BY {_NEWEST} "
                f"LIMIT {int(window)}) AS i {where_sql(scanned)} ORDER BY {_NEWEST}", [*args, *scanned_args])]
            if len(matched) >= offset + limit:
                break
            if window >= count_limit:
                return None
            window = min(window * 5, count_limit)
        wanted = matched[offset:offset + limit]
        marks = ",".join("?" * len(wanted))
        items = [stored_of(r) for r in self._execute(
            f"SELECT * FROM incidents i WHERE i.incident_id IN ({marks}) ORDER BY {_NEWEST}", wanted)]
        return IncidentPage(len(matched), items, lower_bound=True)
