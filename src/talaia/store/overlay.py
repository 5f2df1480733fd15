"""Reviews applied on read: an overlay of corrected values over the stored events.

The events table keeps what the extractor found; an analyst's corrections (``talaia.review``) are
applied when events are read, so they survive re-extraction and re-fusion. The review layer
resolves its audit log into one :class:`ReviewState` per stored event (every event of a reviewed
incident); the store loads them into a temporary table (one per connection, on SQLite and
PostgreSQL alike) and reads events through a ``LEFT JOIN`` that takes a corrected column where
there is one. Filters, fusion of the records and exports then all see the corrected values.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

__all__ = ["OVERLAID_COLUMNS", "STATE_NAMES", "STORED_TABLE", "UNREVIEWED", "OverlayLoad", "ReviewState",
           "events_source", "overlay_load", "overlay_table", "state_of", "state_row"]

# the columns a review can set: the correctable fields and what follows from them (a corrected
# sub-event type sets its event type, a corrected date its precision, a corrected toll its high figure)
OVERLAID_COLUMNS = ("event_type", "sub_event_type", "actor1", "actor2", "inter1", "inter2", "admin1", "admin2",
                    "location", "latitude", "longitude", "event_date", "time_precision", "fatalities",
                    "fatalities_high")
_TABLE = "review_overlay"
# the columns' types, in standard SQL (SQLite reads DOUBLE PRECISION as REAL), and the Python type
# each value is given (PostgreSQL's driver binds a value by its type: one type per column)
_TYPES: dict[str, tuple[str, Callable[[Any], Any]]] = {
    "latitude": ("DOUBLE PRECISION", float), "longitude": ("DOUBLE PRECISION", float),
    "time_precision": ("INTEGER", int), "fatalities": ("INTEGER", int), "fatalities_high": ("INTEGER", int)}


@dataclass(frozen=True, slots=True)
class ReviewState:
    """Where the reviews of an event leave it: ``status`` (accepted, corrected, rejected), the
    corrected values (column -> value, derived columns included) and the latest review's who and when."""

    status: str
    values: tuple[tuple[str, Any], ...] = ()
    reviews: int = 0
    reviewer: str | None = None
    reviewed_at: str | None = None

    @property
    def corrections(self) -> dict[str, Any]:
        return dict(self.values)

    def to_dict(self) -> dict[str, Any]:
        return {"status": self.status, "corrections": self.corrections, "reviews": self.reviews,
                "reviewer": self.reviewer, "reviewed_at": self.reviewed_at}


UNREVIEWED = ReviewState("unreviewed")


@dataclass(frozen=True, slots=True)
class OverlayLoad:
    """The statements that (re)fill a connection's temporary overlay table: run ``create`` and
    ``clear``, then ``insert`` (``?`` placeholders) once per row of ``rows``."""

    create: str
    clear: str
    insert: str
    rows: list[tuple[Any, ...]]


_MAX_INTEGER = 2 ** 63 - 1  # what an INTEGER column holds on either backend


def _typed(column: str, value: Any) -> Any:
    """``value`` as the column's type; None for one the column cannot hold (the review layer checks
    values first; this keeps a hand-edited row from breaking every read)."""
    cast = _TYPES.get(column, ("TEXT", str))[1]
    try:
        typed = None if value is None else cast(value)
    except (TypeError, ValueError, OverflowError):
        return None
    return None if isinstance(typed, int) and abs(typed) > _MAX_INTEGER else typed


# the table the store keeps the review states of the last write in (talaia.store.incidents reads it)
STORED_TABLE = "review_states"
STATE_NAMES = ("event_id", "review_status", "reviews", "reviewer", "reviewed_at", "review_values",
               *(n for c in OVERLAID_COLUMNS for n in (c, f"{c}_set")))


def overlay_table(table: str = _TABLE, *, temporary: bool = True) -> str:
    """The CREATE statement of an overlay table: a connection's temporary one, or the stored one."""
    columns = ", ".join(f"{c} {_TYPES.get(c, ('TEXT', str))[0]}, {c}_set INTEGER NOT NULL DEFAULT 0"
                        for c in OVERLAID_COLUMNS)
    return (f"CREATE {'TEMPORARY ' if temporary else ''}TABLE IF NOT EXISTS {table} (event_id TEXT PRIMARY KEY, "
            f"review_status TEXT NOT NULL, reviews INTEGER NOT NULL, reviewer TEXT, reviewed_at TEXT, "
            f"review_values TEXT, {columns})")


def state_row(event_id: str, state: ReviewState) -> tuple[Any, ...]:
    """The overlay table's row of one event's review state (``review_values``: the corrections as
    JSON pairs, in their order, so the state reads back as it was)."""
    values = state.corrections
    return (event_id, state.status, state.reviews, state.reviewer, state.reviewed_at,
            json.dumps([list(pair) for pair in state.values], ensure_ascii=False),
            *(v for c in OVERLAID_COLUMNS for v in (_typed(c, values.get(c)), int(c in values))))


def state_of(row: Any) -> ReviewState:
    """The review state an overlay table's row (or an incident row's review columns) holds."""
    return ReviewState(row["review_status"], tuple((c, v) for c, v in json.loads(row["review_values"] or "[]")),
                       row["reviews"], row["reviewer"], row["reviewed_at"])


def overlay_load(overlay: Mapping[str, ReviewState]) -> OverlayLoad:
    """What loads ``overlay`` (stored event id -> state) into the temporary table :func:`events_source` reads."""
    return OverlayLoad(
        create=overlay_table(),
        clear=f"DELETE FROM {_TABLE}",
        insert=f"INSERT INTO {_TABLE} ({', '.join(STATE_NAMES)}) VALUES ({', '.join('?' * len(STATE_NAMES))})",
        rows=[state_row(event_id, state) for event_id, state in overlay.items()])


def events_source(event_columns: tuple[str, ...], *, overlaid: bool, table: str = _TABLE) -> str:
    """A FROM item named ``e``: the events table, with the overlay's values where it has them
    (``overlaid``: :func:`overlay_load`'s statements ran on this connection, or ``table`` is the
    stored states) and the review columns."""
    if not overlaid:
        return ("(SELECT events.*, 'unreviewed' AS review_status, 0 AS reviews, NULL AS reviewer, "
                "NULL AS reviewed_at FROM events) e")
    fixed = [c for c in ("event_id", "document_key", "rank", "extractor_version", "incident_id", *event_columns)
             if c not in OVERLAID_COLUMNS]
    parts = [f"ev.{c}" for c in dict.fromkeys(fixed)]
    parts += [f"CASE WHEN o.{c}_set = 1 THEN o.{c} ELSE ev.{c} END AS {c}" for c in OVERLAID_COLUMNS]
    parts += ["coalesce(o.review_status, 'unreviewed') AS review_status", "coalesce(o.reviews, 0) AS reviews",
              "o.reviewer", "o.reviewed_at"]
    return f"(SELECT {', '.join(parts)} FROM events ev LEFT JOIN {table} o ON o.event_id = ev.event_id) e"
