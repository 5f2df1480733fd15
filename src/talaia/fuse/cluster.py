"""Mentions into incidents: blocked by country and time, joined greedily in a canonical order.

The result depends only on the set of mentions, never on the order documents were ingested:
pairs of mentions are scored, and incidents merge best pair first (ties broken by event id,
a hash of the document id and the evidence offset) while no pair across them is ruled out
and their mean score reaches the threshold. Only mentions of one country (or one naming none),
within the widest date tolerance and of the same first-level unit (or one naming none) are paired, so the work
grows with the number of mentions times the mentions of a month in one unit, not with the
square of the store.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from talaia.fuse.match import FusionSettings, Mention, match


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
    dated = [m for m in mentions if m.event_date is not None]  # an undated event stands alone
    incident_of = {m.event_id: m.event_id for m in mentions}
    incident_of.update(_fuse_block(dated, settings, corrections, idf))
    by_id = {m.event_id: m for m in mentions}
    return _join(incident_of, corrections.together, by_id)


def _fuse_block(block: list[Mention], settings: FusionSettings, corrections: Corrections,
                idf: dict[str, float]) -> dict[str, str]:
    """Best pairs first: the two incidents of the highest-scoring pair merge when no pair across them
    is ruled out and their mean score reaches the threshold; so a document's two events compete for
    another report on merit, not on which came first."""
    block.sort(key=lambda m: (m.event_date, m.event_id))
    horizon = dt.timedelta(days=max(settings.date_tolerance))
    scores: dict[tuple[str, str], float | None] = {}

    def score(a: Mention, b: Mention) -> float | None:
        key = (a.event_id, b.event_id) if a.event_id < b.event_id else (b.event_id, a.event_id)
        if key not in scores:
            apart = frozenset(key) in corrections.apart
            scores[key] = None if apart else match(a, b, settings, idf).score
        return scores[key]

    pairs: list[tuple[float, str, str]] = []
    for i, a in enumerate(block):
        assert a.event_date is not None
        for b in block[i + 1:]:
            assert b.event_date is not None
            if b.event_date - a.event_date > horizon:
                break
            if _unit(a) and _unit(b) and _unit(a) != _unit(b):
                continue
            # a headline naming no place has no country: it may be any country's report
            if a.country_code and b.country_code and a.country_code != b.country_code:
                continue
            s = score(a, b)
            if s is not None and s >= settings.threshold:
                pairs.append((-s, a.event_id, b.event_id))
    pairs.sort()
    by_id = {m.event_id: m for m in block}
    members: dict[str, list[Mention]] = {m.event_id: [m] for m in block}  # incident -> its mentions
    incident: dict[str, str] = {m.event_id: m.event_id for m in block}
    for _, a_id, b_id in pairs:
        first, second = incident[a_id], incident[b_id]
        if first == second:
            continue
        cross = [score(x, y) for x in members[first] for y in members[second]]
        if any(c is None for c in cross) or sum(c for c in cross if c is not None) / len(cross) < settings.threshold:
            continue
        keep, gone = sorted((first, second), key=lambda i: (by_id[i].event_date, i))
        for m in members.pop(gone):
            incident[m.event_id] = keep
            members[keep].append(m)
    return incident


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
