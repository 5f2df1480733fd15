"""Mentions into incidents: blocked by country and time, joined greedily in a canonical order.

The result depends only on the set of mentions, never on the order documents were ingested:
mentions are visited sorted by (date, event id) — the event id is a hash of the document id
and the evidence offset — and each joins the open incident it matches best (the mean of its
scores with the incident's mentions, none of them ruled out) when that reaches the
threshold, else opens a new one. Only incidents of the same country whose last mention is
within the widest date tolerance are compared, so the work grows with the number of mentions
times the incidents open in a month of one country, not with the square of the store.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from talaia.fuse.match import FusionSettings, Mention, match


@dataclass(slots=True)
class _Incident:
    mentions: list[Mention] = field(default_factory=list)
    last: dt.date = dt.date.min


@dataclass(frozen=True, slots=True)
class Corrections:
    """An analyst's corrections, which fusion obeys whatever the scores say: pairs of stored events
    that are never one incident (``apart``) and pairs that always are (``together``)."""

    apart: frozenset[frozenset[str]] = frozenset()
    together: tuple[tuple[str, str], ...] = ()

    @classmethod
    def from_records(cls, records: Iterable[tuple[str, str, str]]) -> Corrections:
        records = list(records)
        return cls(frozenset(frozenset((a, b)) for kind, a, b in records if kind == "apart"),
                   tuple((a, b) for kind, a, b in records if kind == "together"))


def fuse(mentions: Iterable[Mention], settings: FusionSettings | None = None,
         corrections: Corrections | None = None) -> dict[str, str]:
    """event id -> incident id (the event id of the incident's first mention in canonical order)."""
    settings = settings or FusionSettings()
    corrections = corrections or Corrections()
    mentions = list(mentions)
    idf = inverse_document_frequency(mentions)
    horizon = dt.timedelta(days=max(settings.date_tolerance))
    by_country: dict[str, list[Mention]] = defaultdict(list)
    assigned: dict[str, str] = {}
    for m in mentions:
        if m.event_date is None:
            assigned[m.event_id] = m.event_id  # an undated event stands alone
        else:
            by_country[m.country_code or ""].append(m)
    for block in by_country.values():
        block.sort(key=lambda m: (m.event_date, m.event_id))
        # open incidents by the first-level unit of their first mention ("": none named); a mention
        # is compared with its own unit's and the unnamed ones (with all, when it names none)
        open_by_unit: dict[str, list[_Incident]] = defaultdict(list)
        for mention in block:
            assert mention.event_date is not None
            unit = _unit(mention)
            for key in list(open_by_unit) if not unit else [unit, ""]:
                open_by_unit[key] = [i for i in open_by_unit[key] if mention.event_date - i.last <= horizon]
            candidates = [i for key in (list(open_by_unit) if not unit else [unit, ""]) for i in open_by_unit[key]]
            best, best_score = None, settings.threshold
            for incident in candidates:
                if any(frozenset((mention.event_id, o.event_id)) in corrections.apart for o in incident.mentions):
                    continue
                scores = [match(mention, other, settings, idf).score for other in incident.mentions]
                if any(s is None for s in scores):
                    continue
                mean = sum(s for s in scores if s is not None) / len(scores)
                if mean >= best_score:
                    best, best_score = incident, mean
            if best is None:
                best = _Incident()
                open_by_unit[unit].append(best)
            best.mentions.append(mention)
            best.last = max(best.last, mention.event_date)
            assigned[mention.event_id] = best.mentions[0].event_id
    return _join(assigned, corrections.together, {m.event_id: m for m in mentions})


def _join(assigned: dict[str, str], together: tuple[tuple[str, str], ...],
          by_id: dict[str, Mention]) -> dict[str, str]:
    """Incidents an analyst merged become one, named after their earliest mention (canonical order)."""
    parent = {i: i for i in set(assigned.values())}

    def root(i: str) -> str:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def order(i: str) -> tuple[dt.date, str]:
        m = by_id.get(i)
        return (m.event_date or dt.date.max if m else dt.date.max, i)

    for a, b in together:
        if a in assigned and b in assigned:
            ra, rb = root(assigned[a]), root(assigned[b])
            if ra != rb:
                first, second = sorted((ra, rb), key=order)
                parent[second] = first
    return {event_id: root(incident) for event_id, incident in assigned.items()}


def _unit(mention: Mention) -> str:
    return (mention.admin1 or "").casefold()


def inverse_document_frequency(mentions: list[Mention]) -> dict[str, float]:
    """log(N / df) of every word over the mentions' sentences: a place or a name shared by two reports
    says more than 'killed'."""
    df: dict[str, int] = defaultdict(int)
    for m in mentions:
        for w in m.words:
            df[w] += 1
    n = max(len(mentions), 1)
    return {w: math.log(n / c) for w, c in df.items()}
