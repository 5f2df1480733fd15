"""Event dates: temporal expressions resolved against the publication date, with ACLED's precision.

Precision follows ACLED: 1 the day is known ("on Monday", "yesterday", "October 14"),
2 within a week or a few days ("this week", "last weekend"), 3 only the month ("last
month", "in October"). Weekdays resolve to the latest such day not after publication, and
so do ranges ("over the weekend" its Sunday, "this week" the day before publication,
"between Saturday and Sunday" the Sunday): a report counts what happened up to it.
Some expressions name a day that is no event's ("500 murders since January 1", "next Sunday",
"Mexico security update 10 December 2018"): they hide the dates they cover.
A sentence without any expression takes the day before publication, with precision 2:
news reports what happened before it was published, most often the day before, and a
day-before estimate is within a day of the truth for reports published 0-2 days after.

The expressions are data: ``lang/<code>/date_patterns.tsv`` (by kind; the kind's resolution
is here), ``months.tsv``, ``weekdays.tsv`` and ``date_name_cues.tsv``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

from talaia.events.gates import Gates
from talaia.events.tables import NOTHING, alternation, ordered
from talaia.knowledge import Knowledge
from talaia.nlp.numbers import NumberWords

NOT_A_DATE = "not_a_date"  # the kind of expressions whose dates are no event's


@dataclass(frozen=True, slots=True)
class DateLexicon:
    months: Mapping[str, int]  # name, lowercase -> month
    weekdays: Mapping[str, int]  # name, lowercase -> weekday (0 Monday)
    lowercase_weekdays: frozenset[str]  # names their language writes in lowercase ('lunes')
    patterns: tuple[tuple[str, re.Pattern[str]], ...]  # (kind, pattern), in row order; 'not_a_date' hides
    order: Mapping[str, int]  # kind -> rank: at the same place, the kind listed first wins
    name_before: re.Pattern[str]  # 'Colonia 5 de Febrero', 'since January 1'
    name_after: re.Pattern[str]  # 'the 16 de Septiembre neighborhood', 'on 5 de Mayo street'
    numbers: NumberWords
    gates: Gates  # per pattern, the words it cannot match without

    @classmethod
    def from_knowledge(cls, knowledge: Knowledge, numbers: NumberWords) -> DateLexicon:
        months = [(r["word"], int(r["month"])) for r in knowledge.union("months").records()]
        weekdays = [(r["word"], int(r["weekday"])) for r in knowledge.union("weekdays").records()]
        # longest names first, so that 'sept' is not read as 'sep'
        month = "(?P<month>" + alternation(sorted(dict.fromkeys(w.lower() for w, _ in months), key=len, reverse=True),
                                           escape=True) + ")"
        names = alternation(sorted(dict.fromkeys(w.lower() for w, _ in weekdays), key=len, reverse=True), escape=True)
        # {weekday_to} is a range's last day: 'between Saturday and Sunday'
        wday, wday_to = "(?P<wday>" + names + ")", "(?P<wday_to>" + names + ")"
        patterns = tuple((r["kind"], re.compile(r["pattern"].replace("{month}", month).replace("{weekday}", wday)
                                                .replace("{weekday_to}", wday_to), re.IGNORECASE))
                         for r in knowledge.union("date_patterns").records())
        kinds = dict.fromkeys(kind for kind, _ in patterns)
        cues = ordered(knowledge.union("date_name_cues"), "pattern")
        after = ordered(knowledge.union("date_name_after_cues"), "pattern")
        return cls(
            months=MappingProxyType({w.lower(): n for w, n in months}),
            weekdays=MappingProxyType({w.lower(): n for w, n in weekdays}),
            lowercase_weekdays=frozenset(w for w, _ in weekdays if w == w.lower()),
            patterns=patterns, order=MappingProxyType({kind: i for i, kind in enumerate(kinds)}),
            name_before=re.compile(r"(?:\b(?:" + alternation(cues) + r")\s+)$" if cues else NOTHING, re.IGNORECASE),
            name_after=re.compile(r"\s+(?:" + alternation(after) + r")\b" if after else NOTHING, re.IGNORECASE),
            numbers=numbers, gates=Gates.of(p for _, p in patterns),
        )


@dataclass(frozen=True, slots=True)
class EventDate:
    date: dt.date | None
    precision: int
    start: int | None = None
    end: int | None = None


def _last_weekday(published: dt.date, weekday: int) -> dt.date:
    return published - dt.timedelta(days=(published.weekday() - weekday) % 7)


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


def find_date(sentence: str, offset: int, published: dt.date | None, lexicon: DateLexicon,
              hide: Sequence[tuple[int, int]] = ()) -> EventDate | None:
    """The first resolvable temporal expression of the sentence, or None; ``hide``: spans of the sentence
    (offsets in it) whose dates are not the event's (the day a source spoke)."""
    hits: list[tuple[int, str, re.Match[str]]] = []
    hidden: list[tuple[int, int]] = list(hide)
    for (kind, pattern), may_match in zip(lexicon.patterns, lexicon.gates.open(sentence), strict=True):
        if not may_match:
            continue  # it cannot match: a word it needs is missing
        for m in pattern.finditer(sentence):
            if kind == NOT_A_DATE:
                hidden.append(m.span())
            else:
                hits.append((m.start(), kind, m))
    # a date inside a longer one is part of it ('June 2019' in '21 June 2019'); a hidden one is no event's
    spans = [m.span() for _, _, m in hits]
    hits = [(at, kind, m) for at, kind, m in hits
            if not any(s <= m.start() and m.end() <= e and (s, e) != m.span() for s, e in spans)
            and not any(s < m.end() and m.start() < e for s, e in hidden)]
    found: list[EventDate] = []
    for _, kind, m in sorted(hits, key=lambda h: (h[0], lexicon.order[h[1]])):
        if kind in {"month_day", "day_month"} and _names_a_place_or_period(sentence, m.start(), m.end(), lexicon):
            continue
        resolved = _resolve(kind, m, published, lexicon)
        if resolved is not None and published is not None and resolved[0] > published + dt.timedelta(days=1):
            continue  # news tells what happened: a day after publication is a name, a plan or a misreading
        if resolved is not None and published is not None and resolved[1] == 3 and \
                (resolved[0].year, resolved[0].month if kind != "in_year" else 0) == \
                (published.year, published.month if kind != "in_year" else 0):
            # 'in October' in an October report, 'in 2019' in a 2019 one: up to now, most likely the day before
            resolved = (published - dt.timedelta(days=1), 3)
        if resolved is not None:
            date, precision = resolved
            found.append(EventDate(date, precision, offset + m.start(), offset + m.end()))
    if not found:
        return None
    # "Murders go on in 2021; five shot on Sunday night": a month or a year alone gives way to a day or a week
    if found[0].precision == 3 and any(d.precision < 3 for d in found[1:]):
        return min(found, key=lambda d: d.precision)
    return found[0]


def _names_a_place_or_period(sentence: str, start: int, end: int, lexicon: DateLexicon) -> bool:
    """'la 10 de Mayo', 'Colonia 5 de Febrero', 'the street September 16', 'the 16 de Septiembre
    neighborhood': Mexican streets and neighbourhoods named after dates; 'since January 1' starts a
    period, it is not the event's day."""
    return bool(lexicon.name_before.search(sentence[max(0, start - 20):start]) or
                lexicon.name_after.match(sentence, end))


def _resolve(kind: str, m: re.Match[str], published: dt.date | None, lexicon: DateLexicon
             ) -> tuple[dt.date, int] | None:
    g = m.groupdict()
    if kind == "iso":
        try:
            return dt.date(int(g["y"]), int(g["m"]), int(g["d"])), 1
        except ValueError:
            return None
    if kind in {"month_day", "day_month"}:
        date = _with_year(published, lexicon.months[g["month"].lower()], int(g["day"]), g.get("year"))
        return (date, 1) if date else None
    if kind == "month_year":
        year = int(g["year"])
        if published is not None and year > published.year:
            return None
        return dt.date(year, lexicon.months[g["month"].lower()], 1), 3
    if kind == "in_year":
        year = int(g["year"])
        if published is not None and year > published.year:
            return None
        return dt.date(year, 1, 1), 3
    if kind == "in_month":
        month = lexicon.months[g["month"].lower()]
        if g.get("year"):
            return dt.date(int(g["year"]), month, 1), 3
        if published is None:
            return None
        year = published.year if month <= published.month else published.year - 1
        return dt.date(year, month, 1), 3
    if published is None:
        return None
    if kind == "ago":
        n = lexicon.numbers.parse(g.get("n") or "")
        weeks = bool(g.get("weeks"))
        if n is None or n > 366:
            return None
        days = n * 7 if weeks else n
        return published - dt.timedelta(days=days), (1 if days <= 3 and not weeks else 2)
    if kind == "yesterday":
        return published - dt.timedelta(days=1), 1
    if kind == "today":
        return published, 1
    if kind == "weekday":
        if g["wday"][0].isupper() and g["wday"].lower() in lexicon.lowercase_weekdays and \
                not (g.get("last") or g.get("this")):
            return None  # "Santo Domingo", "Colonia Lunes": a name, not a day
        wday = lexicon.weekdays[g["wday"].lower()]
        date = _last_weekday(published, wday)
        if g.get("last") and date == published:  # "last Friday" on a Friday: a week ago
            date -= dt.timedelta(days=7)
        return date, 1
    if kind in {"weekday_range", "overnight"}:  # its last day, the latest not after publication
        last = _last_weekday(published, lexicon.weekdays[g["wday_to"].lower()])
        if kind == "weekday_range":
            return last, 2
        # 'the night from Friday to Saturday' that ended by publication: the Friday's
        return last - dt.timedelta(days=(last.weekday() - lexicon.weekdays[g["wday"].lower()]) % 7 or 7), 1
    if kind == "last_weekend":  # its Sunday; on a Saturday, the weekend under way unless 'last'
        if published.weekday() == 5 and not g.get("last"):
            return published, 2
        return _last_weekday(published - dt.timedelta(days=1 if g.get("last") else 0), 6), 2
    if kind == "this_week":  # up to now, most likely the day before
        return max(published - dt.timedelta(days=1), published - dt.timedelta(days=published.weekday())), 2
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
