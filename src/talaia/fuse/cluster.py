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

import dataclasses
import datetime as dt
import math
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from talaia.fuse import similarity
from talaia.fuse.match import (
    BOUND_MARGIN,
    CROWD_DAYS,
    FusionSettings,
    Mention,
    ScoreBound,
    WordWeights,
    fitted_settings,
    pair_score,
    stems,
)
from talaia.store.vectors import SentenceVectorTables


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
         corrections: Corrections | None = None, *, kept: dict[str, str] | None = None,
         new: frozenset[str] | None = None) -> dict[str, str]:
    """event id -> incident id (the event id of the incident's first mention in canonical order).

    Incrementally, with ``new`` (the ids of the mentions just stored) and ``kept`` (every other mention's
    incident as stored, each incident read whole): the kept incidents stay as they are, and only pairs
    with a new mention are scored, so new reports join kept incidents or one another."""
    settings = settings or fitted_settings()
    corrections = corrections or Corrections()
    mentions = with_sentence_vectors(with_crowding(mentions), settings)
    idf = inverse_document_frequency(mentions, settings.stem_length)
    dated = [m for m in mentions if m.event_date is not None]  # an undated event stands alone
    incident_of = {m.event_id: (kept or {}).get(m.event_id, m.event_id) for m in mentions}
    incident_of.update(_fuse_block(dated, settings, corrections, idf, incident_of, new))
    by_id = {m.event_id: m for m in mentions}
    return _join(incident_of, corrections.together, by_id)


def crowd_counter(mentions: Iterable[Mention]) -> Callable[[Mention], int]:
    """A mention's crowd among ``mentions``: the other dated mentions of its country (or of none named)
    within ``CROWD_DAYS`` of its date, counted by bisection in each country's date order."""
    days: dict[str, list[int]] = defaultdict(list)
    for m in mentions:
        if m.event_date is not None:
            days[m.country_code or ""].append(m.event_date.toordinal())
    for found in days.values():
        found.sort()

    def crowd(mention: Mention) -> int:
        if mention.event_date is None:
            return 0
        found, day = days.get(mention.country_code or "", []), mention.event_date.toordinal()
        return max(bisect_right(found, day + CROWD_DAYS) - bisect_left(found, day - CROWD_DAYS) - 1, 0)

    return crowd


def with_crowding(mentions: Iterable[Mention]) -> list[Mention]:
    """The mentions, each with its crowd (:func:`crowd_counter`)."""
    mentions = list(mentions)
    crowd = crowd_counter(mentions)
    return [m if (c := crowd(m)) == m.crowd else dataclasses.replace(m, crowd=c) for m in mentions]


def with_sentence_vectors(mentions: Iterable[Mention], settings: FusionSettings | None = None,
                          store: SentenceVectorTables | None = None) -> list[Mention]:
    """The mentions, each with its sentence's embedding (talaia.fuse.similarity) where it has a sentence and no
    vector yet: read from ``store`` where it keeps one for the same sentence, else computed (and kept there).
    None are computed when ``settings`` gives the similarity no weight."""
    mentions = list(mentions)
    missing = [m for m in mentions if m.vector is None and m.sentence]
    if not missing or (settings or fitted_settings()).similar_sentences == 0:
        return mentions
    kept = store.sentence_vectors([m.event_id for m in missing], similarity.MODEL) if store else {}
    keys = {m.event_id: similarity.sentence_key(m.sentence) for m in missing}
    found = {i: v for i, (key, v) in kept.items() if key == keys[i]}
    todo = [m for m in missing if m.event_id not in found]
    computed = dict(zip((m.event_id for m in todo), similarity.encode([m.sentence for m in todo]), strict=True))
    if store and computed:
        store.keep_sentence_vectors(((i, keys[i], v) for i, v in computed.items()), similarity.MODEL)
    found.update(computed)
    return [dataclasses.replace(m, vector=similarity.as_array(found[m.event_id])) if m.event_id in found else m
            for m in mentions]


def _fuse_block(block: list[Mention], settings: FusionSettings, corrections: Corrections,
                idf: dict[str, float], start: dict[str, str], new: frozenset[str] | None = None) -> dict[str, str]:
    """Best pairs first: the two incidents of the highest-scoring pair merge when no pair across them
    is ruled out and their mean score reaches the threshold; so a document's two events compete for
    another report on merit, not on which came first. ``start``: each mention's incident before (itself,
    or a kept one); ``new``: score only the pairs with one of these."""
    scores: dict[tuple[str, str], float | None] = {}
    weights = WordWeights(idf, settings.stem_length)

    def score(a: Mention, b: Mention) -> float | None:
        key = (a.event_id, b.event_id) if a.event_id < b.event_id else (b.event_id, a.event_id)
        if key not in scores:
            apart = frozenset(key) in corrections.apart
            scores[key] = None if apart else pair_score(a, b, settings, idf, weights)
        return scores[key]

    pairs: list[tuple[float, str, str]] = []
    bound, floor = ScoreBound(settings, weights), settings.threshold - BOUND_MARGIN
    for a, b in candidate_pairs(block, settings, new, bound):
        if bound.pair(a, b) < floor:  # it cannot reach the threshold: scored only if a join asks for it
            continue
        s = score(a, b)
        if s is not None and s >= settings.threshold:
            first, second = sorted((a.event_id, b.event_id))
            pairs.append((-s, first, second))
    pairs.sort()
    incident: dict[str, str] = {m.event_id: start.get(m.event_id, m.event_id) for m in block}
    members: dict[str, list[Mention]] = defaultdict(list)  # incident -> its mentions
    for m in block:
        members[incident[m.event_id]].append(m)
    by_id = {m.event_id: m for m in block}
    for name in list(members):  # an incident is named after a mention of it that is in the block
        if name not in by_id:
            earliest = min(members[name], key=lambda m: (m.event_date, m.event_id))
            members[earliest.event_id] = members.pop(name)
            for m in members[earliest.event_id]:
                incident[m.event_id] = earliest.event_id
    # two incidents refused a join stay refused while neither grows (an incident only grows, by merging): of
    # two large incidents many pairs ask for the same join, and each asking scored every pair across them
    refused: set[tuple[str, int, str, int]] = set()
    for _, a_id, b_id in pairs:
        first, second = incident[a_id], incident[b_id]
        if first == second:
            continue
        asked = (first, len(members[first]), second, len(members[second]))
        if asked in refused or not _joins(members[first], members[second], score, settings.join_threshold):
            refused.add(asked)
            continue
        keep, gone = sorted((first, second), key=lambda i: (by_id[i].event_date, i))
        for m in members.pop(gone):
            incident[m.event_id] = keep
            members[keep].append(m)
    return incident


def _joins(first: list[Mention], second: list[Mention], score: Callable[[Mention, Mention], float | None],
           join_threshold: float) -> bool:
    """Two incidents join when no pair across them is ruled out and their pairs' mean score reaches the join
    threshold (the first pair ruled out ends the count)."""
    total = 0.0
    for x in first:
        for y in second:
            found = score(x, y)
            if found is None:
                return False
            total += found
    return total / (len(first) * len(second)) >= join_threshold


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


def candidate_pairs(mentions: list[Mention], settings: FusionSettings, new: frozenset[str] | None = None,
                    bound: ScoreBound | None = None) -> Iterator[tuple[Mention, Mention]]:
    """The pairs worth scoring: blocked by country (a mention naming no first-level unit meets every
    country's, as match allows), by first-level unit where different units rule a pair out (one naming
    none meets its country's every unit), and by time: within the window the looser time precision of the
    two allows (or ``follow_up_days``), found by bisection in each block's date order. So the work grows
    with the mentions times their block's mentions of a few days, a month only for month-precise ones.
    ``new``: only the pairs with one of these (incremental fusion), found from them alone; then ``bound``: a
    new mention's later reports (beyond the pair's tolerance) are passed over when none can reach the
    threshold (:meth:`ScoreBound.late`)."""
    keys, blocks, days = _blocks(mentions, settings)
    if new is not None:
        yield from _pairs_of_new(keys, blocks, days, new, settings, bound)
        return
    for i, key in enumerate(keys):
        block, block_days = blocks[key], days[key]
        horizon = _window(key[2], key[2], settings)
        for j, a in enumerate(block):
            for b in block[j + 1:bisect_right(block_days, block_days[j] + horizon)]:
                yield a, b
        for other in keys[i + 1:]:
            if not _blocks_meet(key, other):
                continue
            other_block, other_days, horizon = blocks[other], days[other], _window(key[2], other[2], settings)
            for a, day in zip(block, block_days, strict=True):
                for b in other_block[bisect_left(other_days, day - horizon):bisect_right(other_days, day + horizon)]:
                    yield a, b


Block = tuple[str, str, int]  # (country, first-level unit, time precision), '' for none named


def _pairs_of_new(keys: list[Block], blocks: dict[Block, list[Mention]], days: dict[Block, list[int]],
                  new: frozenset[str], settings: FusionSettings, bound: ScoreBound | None = None
                  ) -> Iterator[tuple[Mention, Mention]]:
    """The pairs of ``candidate_pairs`` with a new mention, looked up around each new one (a pair of two
    new ones once): the work follows the new mentions, not the blocks they fall in. With ``bound``, the
    mentions beyond the pair's tolerance are passed over when their ceiling, from the least crowd among them,
    is below the threshold."""
    floor = settings.threshold - BOUND_MARGIN
    crowds = {key: [m.crowd for m in blocks[key]] for key in keys} if bound is not None else {}
    for key in keys:
        meeting = [(other, _window(key[2], other[2], settings), settings.date_tolerance[max(key[2], other[2]) - 1])
                   for other in keys if other == key or _blocks_meet(key, other)]
        for a, day in zip(blocks[key], days[key], strict=True):
            if a.event_id not in new:
                continue
            for other, horizon, tolerance in meeting:
                found, found_days = blocks[other], days[other]
                spans = [(bisect_left(found_days, day - horizon), bisect_right(found_days, day + horizon))]
                if bound is not None and tolerance < horizon:
                    (low, high), crowd = spans[0], crowds[other]
                    near = bisect_left(found_days, day - tolerance), bisect_right(found_days, day + tolerance)
                    least = min(crowd[low:near[0]] + crowd[near[1]:high], default=a.crowd)
                    if bound.late(a, least) < floor:  # no later report can reach the threshold
                        spans = [near]
                for low, high in spans:
                    for b in found[low:high]:
                        if b.event_id != a.event_id and (b.event_id not in new or a.event_id < b.event_id):
                            yield a, b


def _blocks(mentions: list[Mention], settings: FusionSettings
            ) -> tuple[list[Block], dict[Block, list[Mention]], dict[Block, list[int]]]:
    """The dated mentions by block, each block in date order, with their days."""
    blocks: dict[Block, list[Mention]] = defaultdict(list)
    for m in mentions:
        if m.event_date is not None:
            unit = _unit(m) if settings.other_admin1 is None else ""
            # a country read from a headline that names no unit is often the outlet's: it meets every country
            country = m.country_code or "" if m.admin1 else ""
            blocks[(country, unit, _precision(m))].append(m)
    keys = sorted(blocks)
    days: dict[Block, list[int]] = {}
    for key in keys:
        blocks[key].sort(key=lambda m: (m.event_date, m.event_id))
        days[key] = [_day(m) for m in blocks[key]]
    return keys, blocks, days


def _precision(mention: Mention) -> int:
    return min(max(mention.time_precision, 1), 3)


def _window(a: int, b: int, settings: FusionSettings) -> int:
    """Days two mentions of time precisions ``a`` and ``b`` may lie apart (as match allows)."""
    return max(settings.date_tolerance[max(a, b) - 1], settings.follow_up_days)


def _blocks_meet(a: Block, b: Block) -> bool:
    """Blocks keyed (country, unit, precision), '' for none named: one naming none meets every other."""
    return all(x == y or not x or not y for x, y in zip(a[:2], b[:2], strict=True))


def _day(mention: Mention) -> int:
    assert mention.event_date is not None
    return mention.event_date.toordinal()


def _unit(mention: Mention) -> str:
    return (mention.admin1 or "").casefold()


def inverse_document_frequency(mentions: list[Mention], stem_length: int = 0) -> dict[str, float]:
    """log(N / df) of every word (its stem) over the mentions' sentences: a place or a name shared by two
    reports says more than 'killed'."""
    df: dict[str, int] = defaultdict(int)
    for m in mentions:
        for w in stems(m.words, stem_length):
            df[w] += 1
    n = max(len(mentions), 1)
    return {w: math.log(n / c) for w, c in df.items()}
