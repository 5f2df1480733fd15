"""Event dates: temporal expressions resolved against the publication date, with ACLED's precision.

Precision follows ACLED: 1 the day is known ("on Monday", "yesterday", "October 14"),
2 within a week or a few days ("this week", "last weekend"), 3 only the month ("last
month", "in October"). Weekdays resolve to the latest such day not after publication.
A sentence without any expression takes the day before publication, with precision 2:
news reports what happened before it was published, most often the day before, and a
day-before estimate is within a day of the truth for reports published 0-2 days after.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
    "lunes": 0, "martes": 1, "miércoles": 2, "miercoles": 2, "jueves": 3, "viernes": 4, "sábado": 5,
    "sabado": 5, "domingo": 6,
}
SPANISH_WEEKDAYS = {"lunes", "martes", "miércoles", "miercoles", "jueves", "viernes", "sábado", "sabado", "domingo"}
MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7, "agosto": 8,
    "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
}
_MONTH = r"\b(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WDAY = r"(?P<wday>" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + r")"
_YEAR = r"(?:,?\s*(?:de\s+|del\s+)?(?P<year>(?:19|20)\d{2}))?"

PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<y>(?:19|20)\d{2})-(?P<m>\d{1,2})-(?P<d>\d{1,2})\b")),
    ("month_day", re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b" + _YEAR, re.IGNORECASE)),
    ("day_month", re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:de\s+|of\s+)?" + _MONTH + r"\b" + _YEAR,
                             re.IGNORECASE)),
    ("ago", re.compile(r"\b(?:(?P<n>\w+)\s+(?P<unit>days?|weeks?)\s+ago|hace\s+(?P<n2>\w+)\s+(?P<unit2>días?|"
                       r"semanas?))\b", re.IGNORECASE)),
    ("yesterday", re.compile(r"\b(?:yesterday|last night|ayer|anoche|la noche del (?:pasado )?(?=\w))\b",
                             re.IGNORECASE)),
    ("today", re.compile(r"\b(?:today|this morning|tonight|earlier today|hoy|esta mañana|este día)\b",
                         re.IGNORECASE)),
    ("weekday", re.compile(r"\b(?:(?P<last>last|this past|past|el pasado|pasado|este|el)\s+)?" + _WDAY + r"\b",
                           re.IGNORECASE)),
    ("last_weekend", re.compile(r"\b(?:last|this past|over the|el pasado|este) (?:weekend|fin de semana)\b",
                                re.IGNORECASE)),
    ("this_week", re.compile(r"\b(?:this week|earlier this week|esta semana|in recent days|en días recientes|"
                             r"over the past few days|in the past few days|recent days)\b", re.IGNORECASE)),
    ("last_week", re.compile(r"\b(?:last week|la semana pasada|the previous week)\b", re.IGNORECASE)),
    ("this_month", re.compile(r"\b(?:this month|earlier this month|este mes)\b", re.IGNORECASE)),
    ("last_month", re.compile(r"\b(?:last month|el mes pasado)\b", re.IGNORECASE)),
    ("month_year", re.compile(_MONTH + r"\s+(?:de\s+|of\s+)?(?P<year>(?:19|20)\d{2})\b", re.IGNORECASE)),
    ("in_year", re.compile(
        r"\b(?:in|en|during|durante|early|late|mid|since|desde)[\s-]+(?P<year>(?:19|20)\d{2})\b(?!-)", re.IGNORECASE)),
    ("in_month", re.compile(r"\b(?:in|en|during|since|early|late|mid)[\s-]+(?:de\s+)?" + _MONTH + r"\b" + _YEAR,
                            re.IGNORECASE)),
]


@dataclass(frozen=True, slots=True)
class EventDate:
    date: dt.date | None
    precision: int
    start: int | None = None
    end: int | None = None


def _last_weekday(published: dt.date, weekday: int) -> dt.date:
    return published - dt.timedelta(days=(published.weekday() - weekday) % 7)


def _number(word: str) -> int | None:
    from talaia.nlp.numbers import parse_number

    return parse_number(word)


def _with_year(published: dt.date | None, month: int, day: int, year: str | None) -> dt.date | None:
    try:
        if year:
            return dt.date(int(year), month, day)
        if published is None:
            return None
        candidate = dt.date(published.year, month, day)
        # a date after publication without a year is last year's
        return candidate if candidate <= published + dt.timedelta(days=1) else dt.date(published.year - 1, month, day)
    except ValueError:
        return None


def find_date(sentence: str, offset: int, published: dt.date | None) -> EventDate | None:
    """The first resolvable temporal expression of the sentence, or None."""
    hits: list[tuple[int, str, re.Match[str]]] = []
    for kind, pattern in PATTERNS:
        for m in pattern.finditer(sentence):
            hits.append((m.start(), kind, m))
    found: list[EventDate] = []
    for _, kind, m in sorted(hits, key=lambda h: (h[0], PATTERNS_ORDER[h[1]])):
        if kind in {"month_day", "day_month"} and _names_a_place_or_period(sentence, m.start()):
            continue
        resolved = _resolve(kind, m, published)
        if resolved is not None:
            date, precision = resolved
            found.append(EventDate(date, precision, offset + m.start(), offset + m.end()))
    if not found:
        return None
    # "Murders go on in 2021; five shot on Sunday night": a year alone gives way to a day
    if found[0].precision == 3 and any(d.precision == 1 for d in found[1:]):
        return next(d for d in found if d.precision == 1)
    return found[0]


# "la 10 de Mayo", "Colonia 5 de Febrero", "the street September 16": Mexican streets and
# neighbourhoods named after dates; "since January 1" starts a period, it is not the event's day
_DATE_AS_NAME = re.compile(
    r"(?:\b(?:la|las|the|colonia|col\.|calle|avenida|av\.|street|avenue|neighbou?rhood|fraccionamiento|barrio|"
    r"ejido|unidad|plaza|boulevard|blvd\.?|bulevar|ampliación|since|desde|from)\s+)$", re.IGNORECASE)


def _names_a_place_or_period(sentence: str, start: int) -> bool:
    return bool(_DATE_AS_NAME.search(sentence[max(0, start - 20):start]))


PATTERNS_ORDER = {kind: i for i, (kind, _) in enumerate(PATTERNS)}


def _resolve(kind: str, m: re.Match[str], published: dt.date | None) -> tuple[dt.date, int] | None:
    g = m.groupdict()
    if kind == "iso":
        try:
            return dt.date(int(g["y"]), int(g["m"]), int(g["d"])), 1
        except ValueError:
            return None
    if kind in {"month_day", "day_month"}:
        date = _with_year(published, MONTHS[g["month"].lower()], int(g["day"]), g.get("year"))
        return (date, 1) if date else None
    if kind == "month_year":
        year = int(g["year"])
        if published is not None and year > published.year:
            return None
        return dt.date(year, MONTHS[g["month"].lower()], 1), 3
    if kind == "in_year":
        year = int(g["year"])
        if published is not None and year > published.year:
            return None
        return dt.date(year, 1, 1), 3
    if kind == "in_month":
        month = MONTHS[g["month"].lower()]
        if g.get("year"):
            return dt.date(int(g["year"]), month, 1), 3
        if published is None:
            return None
        year = published.year if month <= published.month else published.year - 1
        return dt.date(year, month, 1), 3
    if published is None:
        return None
    if kind == "ago":
        n = _number(g.get("n") or g.get("n2") or "")
        unit = (g.get("unit") or g.get("unit2") or "").lower()
        if n is None or n > 366:
            return None
        days = n * 7 if unit.startswith(("week", "semana")) else n
        return published - dt.timedelta(days=days), (1 if days <= 3 and not unit.startswith(("week", "sem")) else 2)
    if kind == "yesterday":
        return published - dt.timedelta(days=1), 1
    if kind == "today":
        return published, 1
    if kind == "weekday":
        if g["wday"][0].isupper() and g["wday"].lower() in SPANISH_WEEKDAYS and not g.get("last"):
            return None  # "Santo Domingo", "Colonia Lunes": a name, not a day
        wday = WEEKDAYS[g["wday"].lower()]
        date = _last_weekday(published, wday)
        if (g.get("last") or "").lower() in {"last", "this past", "past", "el pasado", "pasado"} and date == published:
            date -= dt.timedelta(days=7)
        return date, 1
    if kind == "last_weekend":
        return _last_weekday(published - dt.timedelta(days=1), 5), 2
    if kind == "this_week":
        return published - dt.timedelta(days=published.weekday()), 2
    if kind == "last_week":
        return published - dt.timedelta(days=published.weekday() + 7), 2
    if kind == "this_month":
        return published.replace(day=1), 3
    if kind == "last_month":
        first = published.replace(day=1) - dt.timedelta(days=1)
        return first.replace(day=1), 3
    return None


def default_date(published: dt.date | None) -> EventDate:
    return EventDate(published - dt.timedelta(days=1), 2) if published else EventDate(None, 3)
