"""A page's total counted up to a limit (beyond it a lower bound), and a text search on a large store read
from its newest incidents first: the same pages, in the same order, as counting every match."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from talaia import api
from talaia.review.service import record_review
from talaia.serve import ServeSettings, create_app
from talaia.store import EventFilter, open_store
from talaia.store.generation import kept_results

from .generated import build

FILTERS = [EventFilter(text="town 7"), EventFilter(text="town 1", country="MX"), EventFilter(admin1="Mexico State 1"),
           EventFilter(country="MX"), EventFilter(text="report 12"), EventFilter(text="no such words"),
           EventFilter(text="ab"),  # shorter than a trigram: no text index
           EventFilter(text="report"),  # in every incident: a page found among the newest
           EventFilter(event_type="Battles"), EventFilter(sub_event_type="Armed clash"),
           EventFilter(actor="cjng"), EventFilter(actor="sinaloa", admin1="Mexico State 1", text="town")]


@pytest.fixture
def generated(store_db: str) -> str:
    build(store_db, 500)
    with open_store(store_db) as store:  # a few undated and a few rejected, as real stores have
        ids = [r[0] for r in store.fetch_all("SELECT incident_id FROM incidents ORDER BY incident_id LIMIT 12")]
        store.atomically(lambda: store._execute(f"UPDATE events SET event_date = NULL WHERE event_id IN "
                                                f"({','.join('?' * 6)})", ids[:6]))
        store.refresh_incidents(everything=True)
        for event_id in ids[6:]:
            record_review(store, event_id, action="reject", reviewer="ana")
    return store_db


def test_a_bounded_page_is_the_exact_page_and_its_total_at_most_the_exact_one(generated: str) -> None:
    bounded = set()
    with open_store(generated) as store:
        for flt in FILTERS:
            for rejected in (True, False):
                exact = store.incident_page(flt, limit=10, offset=0, rejected=rejected)
                assert not exact.lower_bound
                for count_limit in (3, 40, 10_000):
                    for offset in sorted({0, 10, 35, max(0, exact.total - 4), exact.total + 2}):
                        want = store.incident_page(flt, limit=10, offset=offset, rejected=rejected)
                        got = store.incident_page(flt, limit=10, offset=offset, rejected=rejected,
                                                  count_limit=count_limit)
                        assert got.items == want.items, (flt, count_limit, offset)
                        if got.lower_bound:
                            bounded.add(bool(flt.text))
                            assert 0 < got.total <= want.total, (flt, count_limit, offset)
                        else:
                            assert got.total == want.total, (flt, count_limit, offset)
                    if count_limit >= exact.total:  # fewer matches than the limit: always exact
                        assert not store.incident_page(flt, limit=10, offset=0, rejected=rejected,
                                                       count_limit=count_limit).lower_bound
    assert bounded == {True, False}  # the limit reached by a text search and by the others
    with open_store(generated) as store:  # one state alone, rejected ones out: exact, from the kept counts
        state = store.incident_page(EventFilter(admin1="mexico state 1"), limit=10, offset=0, rejected=False,
                                    count_limit=3)
        assert not state.lower_bound and state.total == store.count_incidents(
            EventFilter(admin1="Mexico State 1"), rejected=False) > 3


def test_the_api_and_the_server_say_when_a_total_is_a_lower_bound(generated: str) -> None:
    page = api.search_events(db=generated, where=EventFilter(country="MX"), limit=5, count_limit=3)
    assert page.total == 3 and page.total_is_lower_bound and len(page.items) == 5
    exact = api.search_events(db=generated, where=EventFilter(country="MX"), limit=5, count_limit=None)
    assert exact.total > 3 and not exact.total_is_lower_bound and exact.items == page.items
    named = EventFilter(actor="CJNG")  # with the stored names the knowledge base resolves to the actor
    bounded = api.search_events(db=generated, where=named, limit=5, count_limit=3)
    exact = api.search_events(db=generated, where=named, limit=5, count_limit=None)
    assert bounded.items == exact.items and bounded.total_is_lower_bound and bounded.total <= exact.total
    client = TestClient(create_app(ServeSettings(generated, count_limit=3)))
    body = client.get("/api/events", params={"country": "MX", "limit": 5}).json()
    assert body["total"] == 3 and body["total_is_lower_bound"] is True
    body = client.get("/api/events", params={"limit": 5}).json()  # the whole store: counted exactly
    assert body["total"] > 3 and body["total_is_lower_bound"] is False


def test_alerts_are_kept_until_the_incidents_change(generated: str) -> None:
    kept_results.clear()
    actors = api.list_actors(db=generated)
    first = api.alerts(db=generated, since="2000-01-01")
    assert api.alerts(db=generated, since="2000-01-01") is first  # kept: one read of the generation
    with open_store(generated) as store:
        before = store.generation()
        (event_id,) = store.fetch_all("SELECT incident_id FROM incidents WHERE review_status = 'unreviewed' "
                                      "ORDER BY sort_date DESC, incident_id LIMIT 1")[0]
        record_review(store, event_id, action="reject", reviewer="ana")
        after = store.generation()
    assert before is not None and after is not None and after[0] == before[0] and after[1] > before[1]
    changed = api.alerts(db=generated, since="2000-01-01")
    assert changed is not first
    def named(listing: api.ActorListing) -> int:  # every side's count, known actor or not
        return sum(a.events for a in listing.known) + sum(u[1] for u in listing.unknown)

    assert named(api.list_actors(db=generated)) < named(actors)  # the rejected incident's sides: counted again
    kept_results.clear()
    assert api.alerts(db=generated, since="2000-01-01") == changed  # what computing it afresh gives
