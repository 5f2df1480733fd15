"""Counts kept per area and period, and per map cell, so that an unfiltered aggregate, an alert's weekly
history or the map of a whole store reads a few thousand rows instead of every incident.

Each incident contributes to rows of ``incident_counts`` (kind, grouping, area, period): one per
value of each grouping of ``/api/aggregate`` per ISO week, month and year (``week``, ``month``, ``year``; rejected
and undated incidents left out, as aggregates leave them out), one per alert area per Monday
(``series``, as :func:`talaia.analysis.series.area_keys` counts), and to one cell of each zoom level's
grid in ``incident_cells`` (every located incident, as the map shows them). When the store computes
an incident again it subtracts what the old row contributed and adds what the new one does, in the
same transaction; a rebuild counts everything again.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from talaia.store.records import Row

__all__ = ["AGGREGATE_GROUPS", "CELL_ZOOMS", "SERIES_GROUPS", "CountDeltas", "cell_size", "counts_ddl"]

AGGREGATE_GROUPS = ("country", "admin1", "admin2", "actor", "event_type", "sub_event_type")
SERIES_GROUPS = ("country", "admin1", "admin2", "actor", "event_type")
CELL_ZOOMS = range(0, 8)  # the map's grid kept for zoom 0 to 7; closer views group the view's incidents
SEPARATOR = "\x1f"  # between the parts of an alert area's key (country code, admin1, admin2)


def cell_size(zoom: int) -> float:
    """The side, in degrees, of the map grid's cells at ``zoom``."""
    return 360.0 / float(2 ** (zoom + 3))


def counts_ddl(real: str, *, clustered: str = "") -> list[str]:
    """The counts' tables; ``clustered``: what makes a table stored in its key's order (SQLite's
    ``WITHOUT ROWID``: a grouping's rows are then read in one range, ~8x faster than by index lookups)."""
    return [
        "CREATE TABLE IF NOT EXISTS incident_counts (kind TEXT NOT NULL, grouping TEXT NOT NULL, area TEXT NOT NULL, "
        "period TEXT NOT NULL, events INTEGER NOT NULL, fatalities INTEGER NOT NULL, "
        f"PRIMARY KEY (kind, grouping, area, period)){clustered}",
        f"CREATE TABLE IF NOT EXISTS incident_cells (zoom INTEGER NOT NULL, y INTEGER NOT NULL, x INTEGER NOT NULL, "
        f"events INTEGER NOT NULL, fatalities INTEGER NOT NULL, latitude_sum {real} NOT NULL, "
        f"longitude_sum {real} NOT NULL, PRIMARY KEY (zoom, y, x)){clustered}",
    ]


def _aggregate_keys(row: Row | Mapping[str, Any], by: str) -> list[str]:
    if by == "actor":
        return list(dict.fromkeys(a for a in (row["actor1"], row["actor2"]) if a)) or [""]
    return [row[by] or ""]


def _series_keys(row: Row | Mapping[str, Any], by: str) -> list[str]:
    code = (row["country_code"] or "").upper()
    if by == "country":
        return [code] if code else []
    if by == "admin1":
        return [SEPARATOR.join((code, row["admin1"]))] if code and row["admin1"] else []
    if by == "admin2":
        return [SEPARATOR.join((code, row["admin1"] or "", row["admin2"]))] if code and row["admin2"] else []
    if by == "actor":
        return list(dict.fromkeys(a for a in (row["actor1"], row["actor2"]) if a))
    return [row["event_type"]] if row["event_type"] else []


class CountDeltas:
    """What some incidents add to (``sign`` 1) or take from (-1) the kept counts, applied at once."""

    def __init__(self) -> None:
        self.counts: dict[tuple[str, str, str, str], list[int]] = {}
        self.cells: dict[tuple[int, int, int], list[float]] = {}

    def add(self, rows: Iterable[Row | Mapping[str, Any]], sign: int) -> None:
        for row in rows:
            self._add(row, sign)

    def _add(self, row: Row | Mapping[str, Any], sign: int) -> None:
        if row["review_status"] == "rejected":  # no reader counts or draws it unless asked
            return
        dead = row["fatalities"] or 0
        lat, lon = row["latitude"], row["longitude"]
        if lat is not None and lon is not None:
            for zoom in CELL_ZOOMS:
                size = cell_size(zoom)
                cell = self.cells.setdefault((zoom, math.floor((lat + 90) / size), math.floor((lon + 180) / size)),
                                             [0, 0, 0.0, 0.0])
                cell[0] += sign
                cell[1] += sign * dead
                cell[2] += sign * lat
                cell[3] += sign * lon
        if not row["event_date"]:
            return
        for kind, period in (("week", row["week"]), ("month", row["month"]), ("year", row["month"][:4])):
            for by in AGGREGATE_GROUPS:
                for area in _aggregate_keys(row, by):
                    self._count((kind, by, area, period), sign, dead)
        if row["series_week"]:
            for by in SERIES_GROUPS:
                for area in _series_keys(row, by):
                    self._count(("series", by, area, row["series_week"]), sign, dead)

    def _count(self, key: tuple[str, str, str, str], sign: int, dead: int) -> None:
        counts = self.counts.setdefault(key, [0, 0])
        counts[0] += sign
        counts[1] += sign * dead

    def statements(self) -> list[tuple[str, Sequence[Sequence[Any]]]]:
        """The upserts that apply the deltas (rows that cancel out left out)."""
        counts = [(*k, n, f) for k, (n, f) in self.counts.items() if n or f]
        cells = [(*k, int(n), int(f), lat, lon) for k, (n, f, lat, lon) in self.cells.items() if n or f or lat or lon]
        return [
            ("INSERT INTO incident_counts (kind, grouping, area, period, events, fatalities) VALUES (?, ?, ?, ?, ?, ?) "
             "ON CONFLICT (kind, grouping, area, period) DO UPDATE SET events = incident_counts.events + "
             "excluded.events, fatalities = incident_counts.fatalities + excluded.fatalities", counts),
            ("INSERT INTO incident_cells (zoom, y, x, events, fatalities, latitude_sum, longitude_sum) "
             "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (zoom, y, x) DO UPDATE SET "
             "events = incident_cells.events + excluded.events, "
             "fatalities = incident_cells.fatalities + excluded.fatalities, "
             "latitude_sum = incident_cells.latitude_sum + excluded.latitude_sum, "
             "longitude_sum = incident_cells.longitude_sum + excluded.longitude_sum", cells),
        ]
