"""What a weekly brief says, read from the store: the week's events, its main incidents with their
sources and evidence, and the weekly trend before it."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from talaia.analysis.series import iso_week, monday_of, parse_week
from talaia.analysis.spikes import Alert
from talaia.models import Event
from talaia.review.service import review_overlay
from talaia.store import EventFilter, Store, StoredEvent
from talaia.store.overlay import ReviewState
from talaia.text import fold

__all__ = ["Brief", "BriefAlert", "BriefIncident", "BriefSource", "WeekCount", "gather_brief"]

TREND_WEEKS = 12  # weeks of history before the brief's week in the trend chart
MAIN_INCIDENTS = 10  # incidents told in full; the rest are counted


@dataclass(frozen=True, slots=True)
class WeekCount:
    """One ISO week of the trend: how many events started in it and how many died in them (lowest toll)."""

    week: str
    monday: dt.date
    events: int
    fatalities: int


@dataclass(frozen=True, slots=True)
class BriefSource:
    """A document that reports an incident."""

    document_id: str
    outlet: str | None
    title: str | None
    url: str | None
    published: str | None


@dataclass(frozen=True, slots=True)
class BriefIncident:
    """One of the week's main incidents, with the words it was read from and the documents that report it."""

    number: int  # its label on the map
    event: Event
    evidence: tuple[str, ...]
    sources: tuple[BriefSource, ...]


@dataclass(frozen=True, slots=True)
class BriefAlert:
    """An unusual week in one area: spike detection's alert (talaia.analysis.spikes), in a sentence's parts."""

    area: str
    week: str
    events: int
    expected: float
    note: str = ""

    @classmethod
    def of(cls, alert: Alert) -> BriefAlert:
        """The brief's line for ``alert``: its area, observed and expected counts, p and deaths."""
        return cls(alert.area.label, alert.week, alert.observed, alert.expected,
                   f"p = {alert.p_value:.2g}; {alert.fatalities} reported deaths")


@dataclass(frozen=True, slots=True)
class Brief:
    week: str
    monday: dt.date
    sunday: dt.date
    area: str  # what the brief covers, in words ('Michoacán, Mexico', 'all areas')
    admin1: str | None
    country: str | None  # alpha-2 code
    events: tuple[StoredEvent, ...]  # the week's events, most deaths first
    incidents: tuple[BriefIncident, ...]  # the main ones, told in full
    history: tuple[StoredEvent, ...]  # the trend's earlier events (context on the map)
    trend: tuple[WeekCount, ...]  # oldest first; the brief's week last
    # the week's alerts in the brief's area (talaia.api.write_brief asks talaia.api.alerts: by municipality
    # for a state's brief, else by state); an empty tuple says nothing was unusual, None that none were computed
    alerts: tuple[BriefAlert, ...] | None = None

    @property
    def file_stem(self) -> str:
        """'brief-2019-W42-michoacan': the week, and the state or country it covers."""
        area = re.sub(r"[^a-z0-9]+", "-", fold(self.admin1 or self.country or "")).strip("-")
        return f"brief-{self.week}" + (f"-{area}" if area else "")

    @property
    def fatalities(self) -> int:
        return sum(s.event.fatalities or 0 for s in self.events)


def gather_brief(store: Store, week: str, *, admin1: str | None = None, country: str | None = None,
                 trend_weeks: int = TREND_WEEKS, main_incidents: int = MAIN_INCIDENTS) -> Brief:
    """The brief of ISO ``week`` for one state (``admin1``), one country, or everything stored."""
    monday = parse_week(week)
    sunday = monday + dt.timedelta(days=6)
    first = monday - dt.timedelta(weeks=trend_weeks)
    flt = EventFilter(admin1=admin1, country=country, date_from=first.isoformat(), date_to=sunday.isoformat())
    from talaia.api import the_events

    overlay = review_overlay(store)  # analysts' corrections apply; an event marked wrong is left out
    stored = the_events(store, flt, overlay=overlay)
    this_week = [s for s in stored if s.event.event_date and s.event.event_date >= monday.isoformat()]
    earlier = [s for s in stored if s.event.event_date and s.event.event_date < monday.isoformat()]
    this_week.sort(key=lambda s: (-(s.event.fatalities or 0), s.event.event_date or "", s.event.event_id))
    incidents = tuple(_incident(store, n, s, overlay) for n, s in enumerate(this_week[:main_incidents], start=1))
    return Brief(week=iso_week(monday), monday=monday, sunday=sunday, area=_area(flt, stored),
                 admin1=flt.admin1, country=flt.country, events=tuple(this_week), incidents=incidents,
                 history=tuple(earlier), trend=_trend(stored, first, trend_weeks + 1))


def _trend(stored: Sequence[StoredEvent], first: dt.date, weeks: int) -> tuple[WeekCount, ...]:
    counts = {first + dt.timedelta(weeks=i): [0, 0] for i in range(weeks)}
    for s in stored:
        if not s.event.event_date:
            continue
        monday = monday_of(dt.date.fromisoformat(s.event.event_date[:10]))
        if monday in counts:
            counts[monday][0] += 1
            counts[monday][1] += s.event.fatalities or 0
    return tuple(WeekCount(iso_week(m), m, n, dead) for m, (n, dead) in counts.items())


def _area(flt: EventFilter, stored: Sequence[StoredEvent]) -> str:
    """The area in words, spelled as the stored events spell it ('Michoacán, Mexico')."""
    country = (next((s.event.country for s in stored if s.event.country), None) or _country_name(flt.country)
               if flt.country or flt.admin1 else None)
    admin1 = next((s.event.admin1 for s in stored if s.event.admin1), None) if flt.admin1 else None
    if flt.admin1:
        return f"{admin1 or flt.admin1}, {country}" if country else (admin1 or flt.admin1)
    return country or "all areas"


def _country_name(code: str | None) -> str | None:
    """'Kenya' for 'KE' (a brief of a country with no stored events still names it)."""
    import pycountry

    found = pycountry.countries.get(alpha_2=code) if code else None
    return str(getattr(found, "common_name", None) or found.name) if found else code


def _sentence_around(text: str, start: int, end: int) -> str:
    """The sentence (or sentences) holding ``text[start:end]``: an evidence span may be one word
    ('suspected'), which says little alone."""
    left = max(text.rfind(stop, 0, start) for stop in (". ", "\n", "? ", "! "))
    rights = [i for i in (text.find(stop, end) for stop in (". ", "\n", "? ", "! ")) if i >= 0]
    return text[left + 1 if left >= 0 else 0:min(rights) + 1 if rights else len(text)]


def _incident(store: Store, number: int, stored: StoredEvent, overlay: Mapping[str, ReviewState]) -> BriefIncident:
    detail = store.event_detail(stored.event.event_id, overlay)
    text = detail.document.text if detail else ""
    sentences = list(dict.fromkeys(" ".join(_sentence_around(text, e.start, e.end).split())
                                   for e in stored.event.evidence if text[e.start:e.end].strip()))
    # a sentence inside a longer passage already quoted is not quoted twice
    evidence = tuple(s for s in sentences if not any(s != other and s in other for other in sentences))
    titles = store.document_titles([src.get("document_id") or "" for src in stored.sources])
    sources = tuple(BriefSource(doc_id, src.get("source"), *titles.get(doc_id, (None, None)), src.get("published"))
                    for src in stored.sources for doc_id in (src.get("document_id") or "",))
    return BriefIncident(number, stored.event, evidence, sources)
