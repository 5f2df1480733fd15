"""Filters on stored events, validated and normalised when they are built.

An :class:`EventFilter` only ever holds values the store can match: ACLED's spelling of
event and sub-event types (given in any case), an ISO 3166 alpha-2 country code (given as a
name, alpha-2 or alpha-3 code) and ISO dates. A value that is not valid raises
:class:`~talaia.errors.QueryError` naming the field, with close matches where there are some,
so the CLI and the Python API report the same errors.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from talaia.errors import QueryError
from talaia.text import fold as fold_text

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
CERTAINTIES = ("stated", "reported", "alleged")
# codes GeoNames uses that ISO 3166 has not assigned
_EXTRA_COUNTRIES = {"XK": "Kosovo"}


def fold(value: str) -> str:
    """Accent-, case- and space-insensitive comparison key."""
    return " ".join(fold_text(value).split())


def suggest(value: str, choices: Sequence[str], n: int = 3) -> str:
    """"; did you mean 'X' or 'Y'?" naming the ``choices`` closest to ``value`` (accents and case
    ignored), or "" when none is close: the tail of an error message about an unknown name."""
    by_fold = {fold(c): c for c in choices}
    close = difflib.get_close_matches(fold(value), list(by_fold), n=n, cutoff=0.6)
    return f"; did you mean {' or '.join(repr(by_fold[c]) for c in close)}?" if close else ""


@cache
def acled_types() -> tuple[tuple[str, ...], dict[str, str]]:
    """(ACLED's event types, sub-event type -> its event type), from the codebook."""
    from talaia.knowledge import load_knowledge

    codebook = load_knowledge()
    return (codebook.table("event_types").column("event_type"),
            codebook.table("sub_event_types").mapping("sub_event_type", "event_type"))


def sub_event_type_name(value: str) -> str:
    """ACLED's spelling of a sub-event type given in any case ("armed clash" -> "Armed clash")."""
    event_types, sub_event_types = acled_types()
    names = tuple(sub_event_types)
    for name in names:
        if fold(name) == fold(value):
            return name
    for name in event_types:
        if fold(name) == fold(value):
            raise QueryError(f"{value!r} is an event type, not a sub-event type (filter it with the event type)",
                             field="sub_event_type")
    raise QueryError(f"unknown ACLED sub-event type {value!r}{suggest(value, names)}", field="sub_event_type")


def event_type_name(value: str) -> str:
    """ACLED's spelling of an event type given in any case ("battles" -> "Battles")."""
    event_types, sub_event_types = acled_types()
    for name in event_types:
        if fold(name) == fold(value):
            return name
    for name in sub_event_types:
        if fold(name) == fold(value):
            raise QueryError(f"{value!r} is a sub-event type, not an event type (filter it with the sub-event type)",
                             field="event_type")
    raise QueryError(f"unknown ACLED event type {value!r} (one of: {', '.join(event_types)})"
                     f"{suggest(value, event_types)}", field="event_type")


@cache
def _countries() -> tuple[dict[str, str], dict[str, str]]:
    """(folded name, official name, common name, alpha-2 or alpha-3 code -> alpha-2 code,
    folded name -> the name as pycountry spells it)."""
    import pycountry

    codes: dict[str, str] = {}
    names: dict[str, str] = {}
    for c in pycountry.countries:
        for attr in ("alpha_2", "alpha_3", "name", "common_name", "official_name"):
            value = getattr(c, attr, None)
            if value:
                codes.setdefault(fold(value), c.alpha_2)
                if attr not in {"alpha_2", "alpha_3"}:
                    names.setdefault(fold(value), value)
    for code, name in _EXTRA_COUNTRIES.items():
        codes.setdefault(fold(code), code)
        codes.setdefault(fold(name), code)
        names.setdefault(fold(name), name)
    return codes, names


def country_code(value: str) -> str:
    """The ISO 3166 alpha-2 code of a country given by name, alpha-2 or alpha-3 code ("México" -> "MX")."""
    codes, names = _countries()
    code = codes.get(fold(value))
    if code is not None:
        return code
    close = difflib.get_close_matches(fold(value), list(names), n=3, cutoff=0.6)
    hint = f"; did you mean {' or '.join(repr(names[c]) for c in close)}?" if close else ""
    raise QueryError(f"unknown country {value!r} (give a name, or an ISO alpha-2 or alpha-3 code){hint}",
                     field="country")


def iso_date(value: str, field: str) -> str:
    """``value`` if it is a valid ``YYYY-MM-DD`` date."""
    text = value.strip()
    try:
        if not _ISO_DATE.fullmatch(text):
            raise ValueError
        dt.date.fromisoformat(text)
    except ValueError:
        raise QueryError(f"{value!r} is not a date; write it as YYYY-MM-DD (e.g. 2019-10-17)", field=field) from None
    return text


REVIEW_STATUSES = ("unreviewed", "accepted", "corrected", "rejected")


def _one_of(value: str, choices: tuple[str, ...], field: str) -> str:
    """``value`` (any case) if it is one of ``choices``; QueryError naming them otherwise."""
    wanted = value.strip().lower()
    if wanted in choices:
        return wanted
    raise QueryError(f"unknown {field} {value!r} (one of: {', '.join(choices)}){suggest(value, choices)}",
                     field=field)


@dataclass(frozen=True, slots=True)
class EventFilter:
    """What to select from the stored events; every value is checked and normalised on creation.

    ``country`` becomes an alpha-2 code, ``sub_event_type``/``event_type`` ACLED's spelling;
    ``admin1``, ``admin2`` and ``actor`` are matched ignoring accents and case (``actor``: part of
    a name, or exactly one of ``actor_names``, the stored names the actor knowledge base resolves
    to the same actor, which :mod:`talaia.api` fills in). ``text`` is searched, accents and case
    ignored, in the notes, the actors and participants, the place and the evidence's words.
    ``review`` selects by review status (``unreviewed``, ``accepted``, ``corrected``, ``rejected``).
    """

    country: str | None = None
    admin1: str | None = None
    sub_event_type: str | None = None
    event_type: str | None = None
    actor: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    limit: int | None = None
    admin2: str | None = None
    certainty: str | None = None
    text: str | None = None
    review: str | None = None
    actor_names: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        def put(name: str, value: object) -> None:
            object.__setattr__(self, name, value)

        for name in ("country", "admin1", "sub_event_type", "event_type", "actor", "date_from", "date_to", "admin2",
                     "certainty", "text", "review"):
            value = getattr(self, name)
            if value is not None and not isinstance(value, str):
                raise QueryError(f"{name} must be a string, not {type(value).__name__}", field=name)
            if value is not None and not value.strip():
                put(name, None)
        if self.country:
            put("country", country_code(self.country))
        if self.sub_event_type:
            put("sub_event_type", sub_event_type_name(self.sub_event_type))
        if self.event_type:
            put("event_type", event_type_name(self.event_type))
        if self.date_from:
            put("date_from", iso_date(self.date_from, "date_from"))
        if self.date_to:
            put("date_to", iso_date(self.date_to, "date_to"))
        if self.certainty:
            put("certainty", _one_of(self.certainty, CERTAINTIES, "certainty"))
        if self.review:
            put("review", _one_of(self.review, REVIEW_STATUSES, "review"))
        put("actor_names", tuple(dict.fromkeys(self.actor_names)))
        parent = acled_types()[1].get(self.sub_event_type or "")
        if parent and self.event_type and parent != self.event_type:
            raise QueryError(f"{self.sub_event_type!r} is a sub-event type of {parent!r}, not of {self.event_type!r}",
                             field="sub_event_type")
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise QueryError(f"the earliest date {self.date_from} is after the latest {self.date_to}",
                             field="date_from")
        if self.limit is not None and (isinstance(self.limit, bool) or not isinstance(self.limit, int)
                                       or self.limit < 1):
            raise QueryError(f"limit must be a whole number of at least 1, not {self.limit!r}", field="limit")


def shared_conditions(flt: EventFilter, alias: str) -> tuple[list[str], list[object], list[str], list[object]]:
    """The SQL both the events' and the incidents' reads build alike from a filter, on the table ``alias``:
    (the actor names' alternatives, their arguments) to join to each table's own actor match, and (the date
    range, certainty and review conditions, their arguments)."""
    either: list[str] = []
    either_args: list[object] = []
    if flt.actor and flt.actor_names:
        marks = ", ".join("?" * len(flt.actor_names))
        either = [f"{alias}.actor1 IN ({marks})", f"{alias}.actor2 IN ({marks})"]
        either_args = [*flt.actor_names, *flt.actor_names]
    where: list[str] = []
    args: list[object] = []
    for condition, value in ((f"{alias}.event_date >= ?", flt.date_from), (f"{alias}.event_date <= ?", flt.date_to),
                             (f"{alias}.certainty = ?", flt.certainty), (f"{alias}.review_status = ?", flt.review)):
        if value:
            where.append(condition)
            args.append(value)
    return either, either_args, where, args
