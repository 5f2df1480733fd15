"""The review queue: unreviewed events, the least confident first, each with its reasons."""

from __future__ import annotations

import dataclasses

from talaia.models import Event, Evidence
from talaia.review.queue import queue
from talaia.store.overlay import ReviewState
from talaia.store.records import StoredEvent

ONE = ({"document_id": "a", "source": "Wire", "published": "2020-01-14"},)
TWO = (*ONE, {"document_id": "b", "source": "Diario", "published": "2020-01-14"})


def _stored(event_id: str, *, sources: tuple[dict[str, str | None], ...] = TWO, **fields: object) -> StoredEvent:
    event = Event(event_id=event_id, event_date="2020-01-13", time_precision=1, event_type="Battles",
                  sub_event_type="Armed clash", actor1="Sinaloa Cartel", actor2="Military Forces of Mexico",
                  inter1=None, inter2=None, assoc_actor_1=(), assoc_actor_2=(), country="Mexico", country_code="MX",
                  admin1="Sinaloa", admin2="Culiacán", location="Culiacán", latitude=24.8, longitude=-107.4,
                  geo_precision=1, fatalities=3, fatalities_high=None, certainty="stated", notes="",
                  evidence=(Evidence(0, 5),))
    return StoredEvent(dataclasses.replace(event, **fields), sources)  # type: ignore[arg-type]


def test_the_least_sure_come_first_with_their_reasons() -> None:
    sure = _stored("sure")
    state = _stored("state", admin2=None, location="Sinaloa", geo_precision=3)
    disputed = _stored("disputed", fatalities=2, fatalities_high=5)
    vague = _stored("vague", admin2=None, location="Sinaloa", geo_precision=3, fatalities=2, fatalities_high=5,
                    certainty="alleged", sources=ONE)
    items = queue([sure, state, disputed, vague])
    assert [q.stored.event.event_id for q in items] == ["vague", "state", "disputed", "sure"]
    reasons = {q.stored.event.event_id: q.reasons for q in items}
    assert reasons["state"] == ("place is a state only",)
    assert reasons["disputed"] == ("reports disagree on deaths (2 to 5)",)
    assert reasons["sure"] == () and items[-1].confidence == 1.0 and items[-1].source == "signals"


def test_the_events_own_confidence_orders_the_queue_and_reviewed_ones_leave_it() -> None:
    low = dataclasses.replace(_stored("low"), event=_WithConfidence(_stored("low").event, 0.2))
    state = _stored("high", admin2=None, location="Sinaloa", geo_precision=3)
    high = dataclasses.replace(state, event=_WithConfidence(state.event, 0.9))
    accepted = dataclasses.replace(_stored("done", admin2=None, location="Sinaloa"), review=ReviewState("accepted"))
    items = queue([high, accepted, low])
    assert [(q.stored.event.event_id, q.confidence, q.source) for q in items] == [
        ("low", 0.2, "extractor"), ("high", 0.9, "extractor")]
    assert items[1].reasons == ("place is a state only",)  # the reasons are shown all the same


class _WithConfidence:
    """An event with a ``confidence`` field (the lead adds it to Event as SCHEMA v1.2)."""

    def __init__(self, event: Event, confidence: float) -> None:
        self._event = event
        self.confidence = confidence

    def __getattr__(self, name: str) -> object:
        return getattr(self._event, name)
