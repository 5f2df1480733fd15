"""Corrections are checked like input: a value of the right type and range (:func:`check_value`), then
against the event it corrects (:func:`check_correction`): a date not after the reports' publication, a
place the gazetteer knows in the event's country with admin1, admin2 and location consistent, an actor
resolved through the actor knowledge base to its canonical name (a name it does not know only when
asked). :func:`applicable` is the read side: a stored correction that would not pass (an older
version's, a hand-edited row) is skipped, so no stored value can make reading the events fail.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from talaia.errors import QueryError
from talaia.review.records import CORRECTABLE_FIELDS
from talaia.store.filters import event_type_name, fold, iso_date, sub_event_type_name

if TYPE_CHECKING:
    from talaia.geo.gazetteer import GazetteerEntry, GeoNamesGazetteer
    from talaia.models import Event

__all__ = ["MAX_FATALITIES", "applicable", "check_correction", "check_value"]

MAX_TEXT = 200  # the longest name an analyst may enter
MAX_FATALITIES = 100_000  # more dead in one event is a typing error
EARLIEST_DATE = "1900-01-01"
NOT_NULL = frozenset({"event_type", "sub_event_type", "actor1"})
TEXT_FIELDS = frozenset({"actor1", "actor2", "admin1", "admin2", "location"})
_PLACE_FEATURES = ("city", "admin2", "admin1")


def check_value(field: str | None, value: Any) -> Any:
    """The value a correction of ``field`` sets, checked and normalised (ACLED's spelling, a date,
    a number in range); :class:`~talaia.errors.QueryError` naming ``field`` or ``value``. A correction
    always gives a value: an empty one would silently clear the field."""
    if field not in CORRECTABLE_FIELDS:
        raise QueryError(f"field {field!r} cannot be corrected (one of: {', '.join(CORRECTABLE_FIELDS)})",
                         field="field")
    if value is None or (isinstance(value, str) and not value.strip()):
        raise QueryError(f"give the corrected {field} (a correction without a value would clear it)",
                         field="value")
    if field in TEXT_FIELDS or field in {"event_type", "sub_event_type", "event_date"}:
        if not isinstance(value, str):
            raise QueryError(f"{field} takes a non-empty string, not {value!r}", field="value")
        if len(value) > MAX_TEXT:
            raise QueryError(f"{field} is longer than {MAX_TEXT} characters", field="value")
    try:
        if field == "event_type":
            return event_type_name(value)
        if field == "sub_event_type":
            return sub_event_type_name(value)
    except QueryError as err:  # the body's value is at fault, whatever the filter would call it
        raise QueryError(err.message, field="value") from None
    if field == "event_date":
        day = iso_date(value, "value")
        if day < EARLIEST_DATE:
            raise QueryError(f"event_date {day} is before {EARLIEST_DATE}", field="value")
        return day
    if field in TEXT_FIELDS:
        return " ".join(str(value).split())
    if field == "fatalities":
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_FATALITIES:
            raise QueryError(f"fatalities takes a whole number from 0 to {MAX_FATALITIES:,}, not {value!r}",
                             field="value")
        return value
    bound = 90.0 if field == "latitude" else 180.0
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value) \
            or abs(value) > bound:
        raise QueryError(f"{field} takes a number between -{bound:g} and {bound:g}, not {value!r}", field="value")
    return float(value)


def applicable(field: str | None, value: Any) -> bool:
    """Whether a stored correction may be applied on read: a value :func:`check_value` passes (or, for
    a field that may be empty, none: a place's columns cleared with it)."""
    if field not in CORRECTABLE_FIELDS:
        return False
    if value is None:
        return field not in NOT_NULL
    try:
        check_value(field, value)
    except QueryError:
        return False
    return True


# ---- against the event --------------------------------------------------------------------------

def check_correction(field: str, value: Any, event: Event, published: Sequence[str | None], *,
                     new_actor: bool = False) -> dict[str, Any]:
    """The columns a correction of ``event``'s ``field`` to ``value`` sets (the field, in its canonical
    form, and what must change with it: a corrected place sets its admin1, admin2 and coordinates);
    QueryError with a message an analyst can act on. ``published``: the dates of the event's reports
    (an event is not dated after its first report); ``new_actor``: take an actor name the knowledge
    base does not know, as written."""
    value = check_value(field, value)
    if field == "event_date":
        days = sorted(p[:10] for p in published if p)
        if days and value > days[0]:
            raise QueryError(f"event_date {value} is after the first report of the event ({days[0]}): "
                             "an event cannot be dated after it was reported", field="value")
        return {field: value}
    if field in {"actor1", "actor2"}:
        return {field: actor_name(value, event.country_code, new_actor=new_actor)}
    if field in {"admin1", "admin2", "location"}:
        return _place(field, value, event)
    return {field: value}


def actor_name(value: str, country: str | None, *, new_actor: bool = False) -> str:
    """The canonical name of the actor ``value`` names: the actor knowledge base's name for any of its
    aliases ('CJNG'), ACLED's generic names as ACLED writes them ('Civilians (Mexico)'); a name neither
    knows only with ``new_actor``."""
    from talaia.api import actor_kb

    kb = actor_kb()
    known = kb.named(value, country) or kb.resolve(value, country)
    if known is not None:
        return known.name
    for pattern in _generic_actor_patterns():
        if pattern.fullmatch(value):
            return value
    if new_actor:
        return value
    raise QueryError(f"the actor knowledge base has no actor named {value!r}; give a known name or alias "
                     "(search them with `talaia actors` or the Actors page), or record it as a new actor "
                     "(new_actor: true, `--new-actor`)", field="value")


@functools.cache
def _generic_actor_patterns() -> tuple[re.Pattern[str], ...]:
    """ACLED's generic actor names (codebook/actor_names.tsv) as patterns: {country}, {name} any words,
    {term} a state force's period or nothing."""
    from talaia.knowledge import load_knowledge

    patterns = []
    for row in load_knowledge().table("actor_names").records():
        for template in (row["name"], row["without_country"]):
            if not template:
                continue
            parts = re.split(r"(\{\w+\})", template)
            regex = "".join(r"(?: \(\d{4}-\d{4}\))?" if p == "{term}" else r"[^()]+" if p.startswith("{")
                            else re.escape(p) for p in parts)
            patterns.append(re.compile(regex, re.IGNORECASE))
    return tuple(patterns)


def _gazetteer() -> GeoNamesGazetteer:
    from talaia.geo.gazetteer import GeoNamesGazetteer
    from talaia.knowledge import load_knowledge

    return GeoNamesGazetteer.for_knowledge(load_knowledge())


def _same(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and fold(a) == fold(b)


def _in_country(entries: Sequence[GazetteerEntry], country: str | None) -> list[GazetteerEntry]:
    return [e for e in entries if not country or e.country_code.upper() == country.upper()]


def _states(name: str, country: str | None) -> list[GazetteerEntry]:
    return [e for e in _in_country(_gazetteer().lookup(name), country) if e.feature == "admin1"]


def _where(event: Event) -> str:
    return event.country or event.country_code or "any country"


def _place(field: str, value: str, event: Event) -> dict[str, Any]:
    return _state_columns(value, event) if field == "admin1" else _town_columns(field, value, event)


def _state_columns(value: str, event: Event) -> dict[str, Any]:
    """A corrected admin1: the state; in another state, the event placed at it (its municipality and
    place of the other state go) until a place in it is given."""
    states = _states(value, event.country_code)
    if not states:
        raise QueryError(f"{value!r} is not a first-level unit (state, department, province) of "
                         f"{_where(event)} in the gazetteer", field="value")
    state = states[0].name
    columns: dict[str, Any] = {"admin1": state}
    if _same(state, event.admin1):
        return columns
    # the municipality and place of another state go: the event is placed at the state until a
    # place in it is given (a correction of the location)
    columns |= {"admin2": None, "location": state, "latitude": states[0].latitude,
                "longitude": states[0].longitude}
    return {k: v for k, v in columns.items() if v is not None or getattr(event, k) is not None}


def _town_columns(field: str, value: str, event: Event) -> dict[str, Any]:
    """A corrected admin2 (a municipality of the event's state), or location (a place of the event's
    state, or of the state written after it) with the admin1, admin2 and point it sets."""
    country = event.country_code
    town, _, state_name = value.partition(",") if field == "location" else (value, "", "")
    town, state_name = town.strip(), state_name.strip()
    if state_name:  # 'Tala, Jalisco': the state given with the place
        given = _states(state_name, country)
        if not given:
            raise QueryError(f"{state_name!r} is not a first-level unit of {_where(event)} in the gazetteer",
                             field="value")
        state_name = given[0].name
    features = ("admin2",) if field == "admin2" else _PLACE_FEATURES
    found = [e for e in _in_country(_gazetteer().lookup(town), country) if e.feature in features]
    if state_name:
        found = [e for e in found if _same(e.admin1, state_name) or (e.feature == "admin1" and _same(e.name,
                                                                                                    state_name))]
    if not found:
        kind = "a municipality (admin2)" if field == "admin2" else "a place"
        raise QueryError(f"{town!r} is not {kind} of {_where(event)} in the gazetteer"
                         + (f" in {state_name}" if state_name else ""), field="value")
    found.sort(key=lambda e: fold(e.name) != fold(town))  # the exact name before its spelling variants
    in_state = [e for e in found if _same(e.admin1, event.admin1) or (e.feature == "admin1"
                                                                     and _same(e.name, event.admin1))]
    if field == "location" and event.admin1 and not in_state and not state_name:
        elsewhere = list(dict.fromkeys(e.admin1 or e.name for e in found))
        raise QueryError(f"the gazetteer has no {town!r} in {event.admin1} (it has one in {', '.join(elsewhere)}): "
                         f"write '{town}, {elsewhere[0]}' to move the event there, or correct admin1 first",
                         field="value")
    if field == "admin2":
        if event.admin1 and not in_state:
            elsewhere = sorted({e.admin1 or "?" for e in found})
            raise QueryError(f"{town!r} is a municipality of {', '.join(elsewhere)}, not of {event.admin1}: correct "
                             f"the location (e.g. '{town}, {elsewhere[0]}') to move the event there",
                             field="value")
        entry = (in_state or found)[0]
        return {"admin2": entry.name}
    entry = max(in_state or found, key=lambda e: (e.feature != "admin1", e.population))
    columns = {"location": entry.name,
               "admin1": entry.name if entry.feature == "admin1" else entry.admin1,
               "admin2": entry.name if entry.feature == "admin2" else entry.admin2,
               "latitude": entry.latitude, "longitude": entry.longitude}
    return {"location": entry.name} | {k: v for k, v in columns.items()
                                       if k != "location" and v != getattr(event, k)}

