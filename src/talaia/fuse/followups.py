"""Follow-ups: a report with no event of its own whose words refer back to an incident ("arrested over the
massacre of 19", "the toll from Monday's attack rose to 23", "funeral of the police killed in the ambush")
is linked to that incident as a source, contributing its figures.

The words are the ``followup_cues`` knowledge table's (each language's). A report with such words is scored,
as fusion scores two reports (:func:`talaia.fuse.match.match`, its fitted weights), against every stored event
of the days before it (up to ``FOLLOW_UP_DAYS``): its place is the first place it names, its date its
publication (known as loosely as a month's: what it refers back to came before it), its toll the figure its
words give; it takes each event's type, having none of its own. The best event scoring the threshold gets
the link (kept by the store, migration 013_incident_followups).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from talaia.fuse.cluster import crowd_counter, with_sentence_vectors
from talaia.fuse.match import FOLLOW_UP_DAYS, FusionSettings, Mention, match
from talaia.store.followups import FollowUpLink
from talaia.text import content_words, fold

__all__ = ["FollowUpCue", "followup_cue", "link_followups"]

_FIGURE = re.compile(r"(?<![\d.,:/-])\d{1,3}(?![\d.,:/-]?\d)")


@dataclass(frozen=True, slots=True)
class FollowUpCue:
    """The words of a report that refer back to an incident: their ``kind`` (toll, arrest, funeral,
    identification, investigation), the ``phrase`` itself and the figure a toll gives."""

    kind: str
    phrase: str
    figure: int | None = None


@functools.cache
def _patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    from talaia.knowledge import load_knowledge

    return tuple((re.compile(r["pattern"], re.IGNORECASE), r["kind"])
                 for r in load_knowledge().union("followup_cues").records())


def followup_cue(text: str) -> FollowUpCue | None:
    """The first words of ``text`` (a title and lead) that refer back to an incident, a toll's first."""
    found = [(m.start(), pattern, kind, m) for pattern, kind in _patterns() if (m := pattern.search(text))]
    if not found:
        return None
    tolls = [f for f in found if f[2] == "toll"]
    _, _, kind, hit = min(tolls or found, key=lambda f: f[0])
    figure = hit.groupdict().get("figure")
    return FollowUpCue(kind, hit.group(0).strip(), int(figure) if figure else None)


def _report(row: Any, cue: FollowUpCue, published: dt.date) -> Mention:
    """The follow-up report as a mention: its first place, its publication date, the figure its words give."""
    headline = row["title"] or (row["lead"] or "").split("\n", 1)[0]
    return Mention(
        # the incident it refers back to happened days before, on a day it seldom names: its date is known as
        # loosely as a month's (the window of the events it is compared with is FOLLOW_UP_DAYS before it)
        event_id="", document_key=row["key"], event_date=published, time_precision=3, event_type="",
        sub_event_type="", country_code=row["country_code"], admin1=row["admin1"], admin2=row["admin2"],
        location=row["place"], geo_precision=2 if row["admin2"] else 3, fatalities=cue.figure, actor1=None,
        actor2=None, words=content_words(headline), sentence=headline,
        figures=frozenset(int(n) for n in _FIGURE.findall(headline)),
        outlet=fold(row["source"]).strip() or None if row["source"] else None, refers_back=True)


def link_followups(rows: Sequence[Any], mentions: Sequence[Mention], settings: FusionSettings,
                   idf: dict[str, float]) -> list[FollowUpLink]:
    """The follow-up link of each candidate document (``Store.followup_documents`` rows) that refers back
    to an incident and fits one of ``mentions`` (the stored events) at the threshold."""
    dated = sorted((m for m in mentions if m.event_date is not None), key=lambda m: (m.event_date, m.event_id))
    days = [m.event_date.toordinal() for m in dated if m.event_date is not None]
    crowd = crowd_counter(mentions)
    candidates = []  # (row, cue, its publication, the report as a mention) of each document whose words refer back
    for row in rows:
        cue = followup_cue(f"{row['title'] or ''}\n{row['lead'] or ''}")
        try:
            published = dt.date.fromisoformat((row["published"] or "")[:10])
        except ValueError:
            continue
        if cue is not None:
            candidates.append((row, cue, published, _report(row, cue, published)))
    # the reports' sentences embedded in one batch
    reports = with_sentence_vectors([report for *_, report in candidates], settings)
    links = []
    for (row, cue, published, _), report in zip(candidates, reports, strict=True):
        report = dataclasses.replace(report, crowd=crowd(report))
        day = published.toordinal()
        best: tuple[float, str, tuple[tuple[str, float], ...]] | None = None
        window = dated[bisect_left(days, day - FOLLOW_UP_DAYS):bisect_right(days, day + settings.date_tolerance[0])]
        for event in window:
            # a follow-up tells no type of its own: it takes the event's
            found = match(dataclasses.replace(report, event_type=event.event_type,
                                              sub_event_type=event.sub_event_type), event, settings, idf)
            if found.score is None or found.score < settings.threshold:
                continue
            if best is None or (found.score, event.event_id) > best[:2]:
                best = (found.score, event.event_id, tuple(zip(found.reasons, found.points, strict=True)))
        if best is not None:
            links.append(FollowUpLink(row["key"], best[1], cue.kind, cue.phrase, cue.figure, best[0], best[2],
                                      row["doc_id"]))
    return links
