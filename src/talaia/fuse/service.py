"""Fusion over a store: read every stored event, group them into incidents, record the groups.

Run after every ingest and reprocess (and by ``talaia fuse``). It reads the whole store, so the
incidents never depend on the order documents arrived in; blocking keeps it near-linear.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from talaia.fuse.cluster import Corrections, fuse
from talaia.fuse.match import FusionSettings, Mention
from talaia.store.base import Store
from talaia.text import content_words


@dataclass(frozen=True, slots=True)
class FusionReport:
    mentions: int
    incidents: int
    changed: int

    def to_dict(self) -> dict[str, int]:
        return {"mentions": self.mentions, "incidents": self.incidents, "changed": self.changed}


def mention_of(row: Any) -> Mention:
    """A fusion mention from a stored event row (with the text of its first evidence span)."""
    return Mention(
        event_id=row["event_id"], document_key=row["document_key"],
        event_date=dt.date.fromisoformat(row["event_date"]) if row["event_date"] else None,
        time_precision=row["time_precision"] or 3, event_type=row["event_type"], sub_event_type=row["sub_event_type"],
        country_code=row["country_code"], admin1=row["admin1"], admin2=row["admin2"], location=row["location"],
        geo_precision=row["geo_precision"] or 3, fatalities=row["fatalities"], actor1=row["actor1"],
        actor2=row["actor2"], words=content_words(row["sentence"]),
    )


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


def fuse_store(store: Store, settings: FusionSettings | None = None) -> FusionReport:
    def fuse_and_record() -> FusionReport:
        mentions = [mention_of(r) for r in store.fusion_rows()]
        incident_of = fuse(mentions, settings, Corrections.from_records(store.overrides()))
        changed = store.set_incidents(incident_of)
        return FusionReport(len(mentions), len(set(incident_of.values())), changed)

    return store.fusing(fuse_and_record)
