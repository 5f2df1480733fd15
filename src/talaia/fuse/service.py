"""Fusion over a store: read every stored event, group them into incidents, record the groups.

Run after every ingest and reprocess (and by ``talaia fuse``). It reads the whole store, so the
incidents never depend on the order documents arrived in; blocking keeps it near-linear.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from talaia.fuse.cluster import Corrections, fuse, inverse_document_frequency, with_crowding, with_sentence_vectors
from talaia.fuse.followups import followup_cue, link_followups
from talaia.fuse.match import CROWD_DAYS, FusionSettings, Mention, fitted_settings, match
from talaia.store.base import Store
from talaia.text import content_words, fold


@dataclass(frozen=True, slots=True)
class FusionReport:
    mentions: int
    incidents: int
    changed: int
    followups: int = 0  # reports with no event of their own linked to an incident (talaia.fuse.followups)

    def to_dict(self) -> dict[str, int]:
        return {"mentions": self.mentions, "incidents": self.incidents, "changed": self.changed,
                "followups": self.followups}


def mention_of(row: Any) -> Mention:
    """A fusion mention from a stored event row (with the text of its first evidence span)."""
    return Mention(
        event_id=row["event_id"], document_key=row["document_key"],
        event_date=dt.date.fromisoformat(row["event_date"]) if row["event_date"] else None,
        time_precision=row["time_precision"] or 3, event_type=row["event_type"], sub_event_type=row["sub_event_type"],
        country_code=row["country_code"], admin1=row["admin1"], admin2=row["admin2"], location=row["location"],
        geo_precision=row["geo_precision"] or 3, fatalities=row["fatalities"], actor1=row["actor1"],
        actor2=row["actor2"], words=content_words(row["sentence"]), sentence=row["sentence"] or "",
        outlet=fold(row["outlet"]).strip() or None if row["outlet"] else None,
        figures=frozenset(int(n) for n in _FIGURE.findall(row["sentence"]) if int(n) < YEARS_FROM),
        named_actors=frozenset(a for a in (row["actor1"], row["actor2"]) if a and not generic_actor().match(a)),
        refers_back=followup_cue(row["sentence"]) is not None,
    )


YEARS_FROM = 1000  # a number this big in a headline is a year, not a count
_FIGURE = re.compile(r"(?<![\d.,:/-])\d+(?![\d.,:/-]?\d)")


@functools.cache
def generic_actor() -> re.Pattern[str]:
    """ACLED's generic actors ('Civilians (Mexico)', 'Police Forces of Mexico (2018-2024)', 'Unidentified Armed
    Group'), from the names in ``codebook/actor_names.tsv``: shared by most reports, they tell no incident."""
    from talaia.knowledge import load_knowledge

    templates = [r[column] for r in load_knowledge().table("actor_names").records()
                 for column in ("name", "without_country")]
    fields = re.compile(r"\\\{\w+\\\}")
    return re.compile("|".join(fields.sub(".*", re.escape(t)) for t in templates), re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class FusionExplanation:
    """Why two stored events are, or are not, one incident: their pair's score with its reasons, and the
    thresholds it is held to (docs/FUSION.md)."""

    first: str
    second: str
    score: float | None  # None: ruled out (the first reason says why)
    reasons: tuple[str, ...]
    points: tuple[float, ...]  # what each reason added to the score
    threshold: float  # a pair scoring this much may start or join an incident
    join_threshold: float  # the mean score with an incident's every mention needed to join it
    same_incident: bool  # fused into one event by the last fusion (corrections included)

    def to_dict(self) -> dict[str, object]:
        return {"first": self.first, "second": self.second, "score": self.score,
                "reasons": [{"reason": r, "points": p} for r, p in itertools.zip_longest(self.reasons, self.points)],
                "threshold": self.threshold, "join_threshold": self.join_threshold,
                "same_incident": self.same_incident}


def explain_pair(store: Store, first: str, second: str, settings: FusionSettings | None = None
                 ) -> FusionExplanation:
    """The score of two stored events (ids as stored) as fusion computes it, words weighed over the store."""
    settings = settings or fitted_settings()
    mentions = with_sentence_vectors(with_crowding(mention_of(r) for r in store.fusion_rows()), settings, store)
    by_id = {m.event_id: m for m in mentions}
    result = match(by_id[first], by_id[second], settings,
                   inverse_document_frequency(mentions, settings.stem_length))
    return FusionExplanation(first, second, result.score, result.reasons, result.points, settings.threshold,
                             settings.join_threshold,
                             store.incident_mentions(first)[0] == store.incident_mentions(second)[0])


def split_event(store: Store, event_id: str) -> list[str]:
    """Undo a wrong merge: the stored event ``event_id`` is set apart from the rest of its incident (a
    fused event's id: all its stored events apart from one another), recorded so fusing again keeps
    it; fusion runs. Returns the stored events set apart ([] for an unknown id)."""
    incident, members = store.incident_mentions(event_id)
    if not members:
        return []
    chosen = members if event_id == incident else [event_id]
    store.set_overrides("apart", ((a, b) for a in chosen for b in members))
    fuse_store(store)
    return chosen


def merge_events(store: Store, first: str, second: str) -> bool:
    """Two events an analyst knows to be one incident become one, recorded so fusing again keeps it;
    False when either id is unknown."""
    a, b = store.incident_mentions(first)[1], store.incident_mentions(second)[1]
    if not a or not b:
        return False
    store.set_overrides("together", ((x, y) for x in a for y in b))
    fuse_store(store)
    return True


def fuse_store(store: Store, settings: FusionSettings | None = None, *,
               documents: Sequence[str] | None = None) -> FusionReport:
    """Fuse the stored events into incidents and link the follow-ups; recorded in one transaction.

    With ``documents`` (the keys of documents just stored), fusion is incremental, by block: only the
    stored events those documents' events can be paired with are read (their country, or every country
    for one naming no first-level unit, within the widest window of their dates), their incidents are
    kept as they are, and the new events join them or one another; the other blocks are left untouched.
    Without, every stored event is fused again in canonical order (``talaia fuse``)."""
    chosen = settings or fitted_settings()

    def fuse_and_record() -> FusionReport:
        if documents is None:
            rows, new = store.fusion_rows(), None
        else:
            rows, own = store.fusion_block_rows(documents, block_days(chosen))
            new = frozenset(own)
        mentions = with_sentence_vectors(with_crowding(mention_of(r) for r in rows), chosen, store)
        kept = None if new is None else {r["event_id"]: r["incident"] for r in rows if r["event_id"] not in new}
        incident_of = fuse(mentions, chosen, Corrections.from_records(store.overrides()), kept=kept, new=new)
        changed = store.set_incidents(incident_of)
        candidates = store.followup_documents(documents)
        links = link_followups(candidates, mentions, chosen, inverse_document_frequency(
            mentions, chosen.stem_length)) if candidates else []
        store.set_followups(links, documents)
        return FusionReport(len(mentions), store.count_incidents(), changed, len(links))

    return store.fusing(fuse_and_record)


def block_days(settings: FusionSettings) -> int:
    """The days around a new event that its block spans: the widest window fusion pairs two events in
    (month-precise ones, or a follow-up), and the days their crowd is counted over."""
    return max(settings.date_tolerance[-1], settings.follow_up_days) + CROWD_DAYS
