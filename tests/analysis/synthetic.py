"""A synthetic event history written through the store: weekly counts drawn with a seeded RNG."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from pathlib import Path

from talaia.models import Document, Event, ExtractionResult
from talaia.store.sqlite import SQLiteStore, StoreItem

START = dt.date(2017, 1, 2)  # a Monday: week 2017-W01


def event(event_id: str, day: dt.date, admin1: str, admin2: str, fatalities: int | None = 1,
          time_precision: int = 1, actor1: str = "Unidentified Armed Group (Mexico)",
          actor2: str | None = "Civilians (Mexico)") -> Event:
    return Event(
        event_id=event_id, event_date=day.isoformat(), time_precision=time_precision,
        event_type="Violence against civilians", sub_event_type="Attack", actor1=actor1, actor2=actor2,
        inter1="Political militia", inter2="Civilians", assoc_actor_1=(), assoc_actor_2=(), country="Mexico",
        country_code="MX", admin1=admin1, admin2=admin2, location=admin2, latitude=None, longitude=None,
        geo_precision=2, fatalities=fatalities, fatalities_high=None, certainty="reported", notes="synthetic",
        evidence=())


def write_history(db: Path, counts: Mapping[tuple[str, str], Sequence[int]], start: dt.date = START) -> None:
    """Store ``counts[(admin1, admin2)][i]`` events in the week starting ``start + i`` weeks (one document
    per area-week, its events on the week's days in turn, each with week-index % 4 deaths)."""
    items = []
    for (admin1, admin2), weekly in counts.items():
        for week, n in enumerate(weekly):
            if not n:
                continue
            monday = start + dt.timedelta(weeks=week)
            doc_id = f"{admin2}-{week}"
            events = tuple(event(f"{doc_id}-{i}", monday + dt.timedelta(days=i % 7), admin1, admin2,
                                 fatalities=(week + i) % 4) for i in range(n))
            items.append(StoreItem(Document(id=doc_id, text=f"{n} attacks in {admin2}.", published=monday),
                                   doc_id, f"hash-{doc_id}",
                                   result=ExtractionResult(doc_id, "en", monday.isoformat(), events,
                                                           extractor="synthetic/1")))
    with SQLiteStore(db) as store:
        store.write_batch(items)


SPIKE_WEEK = "2019-W37"  # week 140 of a history that starts in 2017-W01


def write_spike_history(db: Path) -> None:
    """Three years of weekly attacks (seeded Poisson): 2 a week in Apatzingán and 1 in Uruapan (Michoacán),
    2 in Acapulco (Guerrero); 12 more in Apatzingán in :data:`SPIKE_WEEK`, the one spike."""
    import numpy as np

    rng = np.random.default_rng(7)
    counts = {("Michoacán", "Apatzingán"): list(rng.poisson(2, 156)),
              ("Michoacán", "Uruapan"): list(rng.poisson(1, 156)),
              ("Guerrero", "Acapulco"): list(rng.poisson(2, 156))}
    counts[("Michoacán", "Apatzingán")][140] += 12
    write_history(db, counts)
