"""Reviews over a hand-built store: applied on read, kept across re-extraction, text changes and re-fusion."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator

import pytest

from talaia.errors import QueryError
from talaia.models import Document, Event, Evidence, ExtractionResult
from talaia.review.service import check_value, gold_records, record_review, review_log, review_overlay
from talaia.store import EventFilter, Store, StoreItem, open_store

TEXT = "Gunmen killed two police officers in Celaya on Monday. The mayor condemned the attack."


def _event(event_id: str, start: int = 0, end: int = 54, admin1: str = "Guanajuato") -> Event:
    return Event(
        event_id=event_id, event_date="2020-01-13", time_precision=1, event_type="Violence against civilians",
        sub_event_type="Attack", actor1="Unidentified Armed Group (Mexico)", actor2="Police Forces of Mexico",
        inter1="Political militia", inter2="State forces", assoc_actor_1=(), assoc_actor_2=(), country="Mexico",
        country_code="MX", admin1=admin1, admin2="Celaya", location="Celaya", latitude=20.5, longitude=-100.8,
        geo_precision=1, fatalities=2, fatalities_high=None, certainty="stated", notes="test",
        evidence=(Evidence(start, end),))


def _write(store: Store, doc_id: str, events: tuple[Event, ...], *, text: str = TEXT,
           version: str = "v1") -> None:
    doc = Document(id=doc_id, text=text, published=dt.date(2020, 1, 14), source="Wire")
    result = ExtractionResult(id=doc_id, language="en", published="2020-01-14", events=events, extractor=version)
    store.write_batch([StoreItem(doc, f"key-{doc_id}-{hash(text)}", f"hash-{doc_id}-{hash(text)}", None, None,
                                 None, result, extractor_version=version)])


def _read(store: Store, flt: EventFilter | None = None) -> dict[str, Event]:
    return {s.event.event_id: s.event for s in store.events(flt, overlay=review_overlay(store))}


@pytest.fixture()
def store(store_db: str) -> Iterator[Store]:
    """A fresh store of each backend (SQLite, PostgreSQL)."""
    with open_store(store_db) as opened:
        yield opened


def test_a_correction_is_applied_on_read_and_the_rows_stay(store: Store) -> None:
    _write(store, "a", (_event("e1"),))
    review = record_review(store, "e1", action="correct", field="admin1", value="Jalisco", reviewer="ana")
    assert (review.before, review.after, review.anchor.document_id) == ("Guanajuato", "Jalisco", "a")
    assert review.anchor.text == TEXT[:54]
    assert _read(store)["e1"].admin1 == "Jalisco"
    assert store.events()[0].event.admin1 == "Guanajuato"  # the extracted row is untouched
    assert list(_read(store, EventFilter(admin1="jalisco"))) == ["e1"]
    assert _read(store, EventFilter(admin1="Guanajuato")) == {}


def test_a_correction_survives_re_extraction_under_new_ids(store: Store) -> None:
    _write(store, "a", (_event("e1"),))
    record_review(store, "e1", action="correct", field="fatalities", value=3, reviewer="ana")
    _write(store, "a", (_event("e1-v2", 0, 56),), version="v2")  # another extractor: another id, wider span
    assert set(_read(store)) == {"e1-v2"} and _read(store)["e1-v2"].fatalities == 3
    [entry] = review_log(store)
    assert entry.applies_to == "e1-v2" and entry.review.event_id == "e1"


def test_a_correction_follows_its_words_when_the_article_text_changes(store: Store) -> None:
    _write(store, "a", (_event("e1"),))
    record_review(store, "e1", action="reject", reviewer="ana")
    moved = "UPDATED. " + TEXT
    _write(store, "a", (_event("e2", 9, 63),), text=moved, version="v2")
    assert _read(store)["e2"] is not None
    states = review_overlay(store)
    assert states["e2"].status == "rejected"
    _write(store, "a", (_event("e3", 0, 20),), text="A different story altogether, no such words.", version="v3")
    assert review_overlay(store) == {}  # the reviewed words are gone: the review applies to nothing
    assert review_log(store)[0].applies_to is None


def test_a_review_applies_to_the_incident_its_event_belongs_to_now(store: Store) -> None:
    _write(store, "a", (_event("e1"),))
    _write(store, "b", (_event("e2"),), text=TEXT + " More.")
    _write(store, "c", (_event("e3"),), text=TEXT + " Even more.")
    store.set_incidents({"e1": "e1", "e2": "e1", "e3": "e3"})
    record_review(store, "e1", action="correct", field="event_date", value="2020-01-12", reviewer="ana")
    states = review_overlay(store)
    assert set(states) == {"e1", "e2"} and states["e2"].corrections["time_precision"] == 1
    fused = store.events(overlay=states)
    assert {s.event.event_id: s.event.event_date for s in fused} == {"e1": "2020-01-12", "e3": "2020-01-13"}
    store.set_incidents({"e1": "e3", "e2": "e3", "e3": "e3"})  # re-fusion: one incident, named after e3
    assert set(review_overlay(store)) == {"e1", "e2", "e3"}
    [incident] = store.events(overlay=review_overlay(store))
    assert incident.event.event_date == "2020-01-12" and incident.review is not None


def test_the_latest_correction_wins_and_the_latest_action_gives_the_status(store: Store) -> None:
    _write(store, "a", (_event("e1"),))
    record_review(store, "e1", action="correct", field="fatalities", value=5, reviewer="ana")
    record_review(store, "e1", action="correct", field="fatalities", value=4, reviewer="bo", note="recount")
    record_review(store, "e1", action="accept", reviewer="cy")
    state = review_overlay(store)["e1"]
    assert (state.status, state.corrections["fatalities"], state.reviews, state.reviewer) == ("accepted", 4, 3, "cy")
    log = review_log(store)
    assert [e.review.reviewer for e in log] == ["cy", "bo", "ana"]  # newest first
    assert (log[1].review.before, log[1].review.after) == (5, 4)
    [gold] = gold_records(store)
    assert gold["corrections"] == {"fatalities": {"before": 2, "after": 4}} and gold["status"] == "accepted"
    assert gold["event"]["fatalities"] == 4 and gold["reviewers"] == ["ana", "bo", "cy"]


@pytest.mark.parametrize(("field", "value", "expected"), [
    ("sub_event_type", "armed clash", "Armed clash"), ("event_type", "riots", "Riots"),
    ("event_date", "2020-02-29", "2020-02-29"), ("latitude", 19, 19.0), ("admin1", "  Nuevo   León ", "Nuevo León"),
])
def test_values_are_normalised(field: str, value: object, expected: object) -> None:
    assert check_value(field, value) == expected


@pytest.mark.parametrize(("field", "value"), [
    ("country", "Peru"), ("event_date", "2020-02-30"), ("fatalities", 1.5), ("longitude", 181), ("latitude", "19"),
    ("event_type", None), ("admin1", ""), ("actor2", None), ("fatalities", 10**30), ("fatalities", 100_001),
    ("location", "x" * 201), ("longitude", float("nan")),
])
def test_bad_values_are_refused(field: str, value: object) -> None:
    with pytest.raises(QueryError):
        check_value(field, value)


def test_reviews_of_an_unknown_event_or_with_bad_arguments_store_nothing(store: Store) -> None:
    _write(store, "a", (_event("e1"),))
    with pytest.raises(QueryError):
        record_review(store, "nope", action="accept", reviewer="ana")
    for kwargs in ({"action": "delete", "reviewer": "a"}, {"action": "accept", "reviewer": " "},
                   {"action": "reject", "reviewer": "a", "field": "admin1"}):
        with pytest.raises(QueryError):
            record_review(store, "e1", **kwargs)  # type: ignore[arg-type]
    assert store.count_reviews() == 0


def test_unreviewed_events_read_as_before(store: Store) -> None:
    _write(store, "a", (_event("e1"),))
    before = store.events()
    assert review_overlay(store) == {} and store.events(overlay={}) == before
    assert before[0].to_dict()["review"]["status"] == "unreviewed"
    assert dataclasses.replace(before[0], review=None) == before[0]


def test_no_stored_correction_can_make_reads_fail(store: Store) -> None:
    """A row no check passes today (an older version's, a hand-edited one) is skipped on read: the
    events, their filters and the gold still read, and a later valid correction applies."""
    _write(store, "a", (_event("e1"),))
    record_review(store, "e1", action="correct", field="fatalities", value=3, reviewer="ana")
    bad = dataclasses.replace(store.reviews()[0], review_id="0-bad", after=10**30, reviewed_at="9999")
    store.add_review(bad)
    store.add_review(dataclasses.replace(bad, review_id="0-worse", field="event_date", after="2020-13-45"))
    assert _read(store)["e1"].fatalities == 3 and _read(store)["e1"].event_date == "2020-01-13"
    assert gold_records(store)[0]["event"]["fatalities"] == 3
    record_review(store, "e1", action="correct", field="fatalities", value=4, reviewer="bo")
    assert _read(store, EventFilter(admin1="Guanajuato"))["e1"].fatalities == 4


def test_corrections_are_checked_against_the_event(store: Store) -> None:
    _write(store, "a", (_event("e1"),))  # published 2020-01-14, in Celaya, Guanajuato
    for field, value, words in (("event_date", "2020-01-15", "after the first report"),
                                ("admin1", "Atlantis", "not a first-level unit"),
                                ("admin2", "Aguililla", "municipality of Michoacán, not of Guanajuato"),
                                ("actor1", "Nobody Knows These Guys", "no actor named"),
                                ("fatalities", 100_001, "0 to 100,000")):
        with pytest.raises(QueryError, match=words):
            record_review(store, "e1", action="correct", field=field, value=value, reviewer="ana")
    assert store.count_reviews() == 0
    record_review(store, "e1", action="correct", field="actor1", value="cjng", reviewer="ana")
    record_review(store, "e1", action="correct", field="admin1", value="michoacan", reviewer="ana")
    moved = _read(store)["e1"]
    assert moved.actor1 == "CJNG: Jalisco New Generation Cartel"
    # another state: its municipality and place go, the event is placed at the state
    assert (moved.admin1, moved.admin2, moved.location) == ("Michoacán", None, "Michoacán")
    record_review(store, "e1", action="undo", reviewer="ana")
    assert (_read(store)["e1"].admin1, _read(store)["e1"].location) == ("Guanajuato", "Celaya")
