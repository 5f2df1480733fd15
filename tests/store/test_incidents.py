"""Incidents kept as a table: the same events as fusing the stored events on read, on every backend;
kept up to date by ingest, fusion and reviews; read, grouped and mapped in the database."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

from talaia import api
from talaia.analysis.aggregate import aggregate
from talaia.models import Document, Event, Evidence, ExtractionResult
from talaia.review.service import record_review, review_overlay
from talaia.store import EventFilter, Store, StoreItem, open_store


def _event(event_id: str, admin1: str, date: str | None, *, dead: int = 2, lat: float = 19.0,
           actor1: str = "CJNG") -> Event:
    return Event(
        event_id=event_id, event_date=date, time_precision=1, event_type="Violence against civilians",
        sub_event_type="Attack", actor1=actor1, actor2="Civilians (Mexico)", inter1="Political militia",
        inter2="Civilians", assoc_actor_1=(), assoc_actor_2=(), country="Mexico", country_code="MX", admin1=admin1,
        admin2=None, location=admin1, latitude=lat, longitude=-101.0, geo_precision=3, fatalities=dead,
        fatalities_high=None, certainty="stated", notes="A test.", evidence=(Evidence(0, 4),), confidence=0.42)


def _write(store: Store, doc_id: str, *events: Event) -> None:
    doc = Document(id=doc_id, text=f"text of {doc_id}", published=dt.date(2021, 3, 2), source="Wire")
    result = ExtractionResult(id=doc_id, language="en", published="2021-03-02", events=events, extractor="test/1")
    store.write_batch([StoreItem(doc, f"key-{doc_id}", f"hash-{doc_id}", None, None, None, result,
                                 extractor_version="test/1")])


def _fill(store: Store) -> None:
    _write(store, "a", _event("e1", "Michoacán", "2021-03-01", dead=2))
    _write(store, "b", _event("e2", "Michoacán", "2021-03-01", dead=5))  # fused with e1 below
    _write(store, "c", _event("e3", "Jalisco", "2021-03-09", dead=1, lat=20.5))
    _write(store, "d", _event("e4", "Jalisco", None, dead=0, actor1=""))
    store.set_incidents({"e1": "e1", "e2": "e1", "e3": "e3", "e4": "e4"})


def _fused_on_read(store: Store) -> list:  # type: ignore[type-arg]
    return store.events(overlay=review_overlay(store))


def test_the_table_holds_what_fusing_on_read_gives(store_db: str) -> None:
    with open_store(store_db) as store:
        _fill(store)
        assert list(store.iter_incidents()) == _fused_on_read(store)
        (incident,) = [s for s in store.iter_incidents() if s.mentions]
        assert incident.event.fatalities == 2 and incident.event.fatalities_high == 5 and len(incident.sources) == 2
        record_review(store, "e2", action="correct", field="fatalities", value=7, reviewer="ana")
        record_review(store, "e3", action="reject", reviewer="ana")
        assert list(store.iter_incidents()) == _fused_on_read(store)
        assert [s.review.status if s.review else None for s in store.iter_incidents()] == \
            ["corrected", "rejected", None]
        _write(store, "c", _event("e3", "Colima", "2021-03-10", dead=3))  # re-extracted: a new record, same id
        assert list(store.iter_incidents()) == _fused_on_read(store)
        store.set_incidents({"e1": "e1", "e2": "e2"})  # fusion splits them: two incidents
        assert list(store.iter_incidents()) == _fused_on_read(store)
        assert store.count_incidents() == 4


def test_a_page_is_newest_first_with_the_undated_last_and_counted(store_db: str) -> None:
    with open_store(store_db) as store:
        _fill(store)
        everything = _fused_on_read(store)
        dated = [s for s in everything if s.event.event_date][::-1]
        expected = dated + [s for s in everything if not s.event.event_date]
        for offset in range(4):
            total, items, _ = store.incident_page(None, limit=2, offset=offset)
            assert total == 3 and items == expected[offset:offset + 2]
        total, items, _ = store.incident_page(EventFilter(admin1="jalisco"), limit=10, offset=0)
        assert total == 2 and [s.event.event_id for s in items] == ["e3", "e4"]
        assert store.count_incidents(EventFilter(actor="cjng")) == 2  # e4 names no actor 1
        for flt in (EventFilter(actor="civilians"), EventFilter(actor="cjng"), EventFilter(text="TEXT"),
                    EventFilter(text="a test"), EventFilter(text="michoacan"), EventFilter(text="of b"),
                    EventFilter(text="nowhere")):  # the same selection as filtering the mentions
            assert list(store.iter_incidents(flt)) == store.events(flt, overlay=review_overlay(store)), flt
        assert store.count_incidents(EventFilter(text="of b")) == 0  # evidence is the span "text", not the text


def test_aggregates_and_weekly_counts_are_grouped_in_the_database(store_db: str) -> None:
    with open_store(store_db) as store:
        _fill(store)
        record_review(store, "e3", action="reject", reviewer="ana")
        for period in ("week", "month", "year"):
            for by in ("country", "admin1", "actor", "sub_event_type"):
                rows, undated = store.incident_counts(None, period=period, by=by)
                expected = aggregate(_fused_on_read(store), period=period, by=by)
                assert sorted(rows, key=repr) == sorted(((r.period, r.key, r.events, r.fatalities)
                                                         for r in expected.rows), key=repr)
                assert undated == expected.undated
        assert store.series_counts(None, "admin1") == [(("MX", "Michoacán"), dt.date(2021, 3, 1), 1, 2)]
        assert store.latest_day() == dt.date(2021, 3, 1)  # the rejected 9 March one left out


def test_the_map_sends_clusters_beyond_its_limit(db_path: str) -> None:
    with open_store(db_path) as store:
        _fill(store)
    few = api.map_features(db=db_path, limit=10)
    assert not few["clustered"] and len(few["features"]) == 3
    many = api.map_features(db=db_path, limit=1, zoom=4)
    assert many["clustered"] and many["total"] == 3
    assert sum(f["properties"]["count"] for f in many["features"]) == 3
    assert len(many["features"]) == 2  # 19.0 and 20.5 degrees north: two cells at zoom 4 (2.8 degrees)
    inside = api.map_features(db=db_path, limit=1, bbox=(-102, 20, -100, 21))
    assert not inside["clustered"] and [f["id"] for f in inside["features"]] == ["e3"]


def test_rejected_incidents_are_out_of_every_read_unless_asked(db_path: str) -> None:
    with open_store(db_path) as store:
        _fill(store)
        record_review(store, "e3", action="reject", reviewer="ana")
        assert [s.event.event_id for s in api.the_events(store)] == ["e1", "e4"]
        assert [s.event.event_id for s in api.the_events(store, rejected=True)] == ["e1", "e3", "e4"]
    page = api.search_events(db=db_path)
    assert page.total == 2 and [s.event.event_id for s in page.items] == ["e1", "e4"]
    assert [s.event.event_id for s in api.search_events(db=db_path, where=EventFilter(review="rejected")).items] \
        == ["e3"]
    points = api.map_features(db=db_path, limit=10)
    assert [f["id"] for f in points["features"]] == ["e1", "e4"]
    for where in (None, EventFilter(country="MX")):  # the kept cells and the grouped ones
        clusters = api.map_features(db=db_path, where=where, limit=0, zoom=4)
        assert clusters["clustered"] and sum(f["properties"]["count"] for f in clusters["features"]) == 2
    inside = api.map_features(db=db_path, limit=1, bbox=(-102, 20, -100, 21))
    assert inside["features"] == []  # e3, the only one in the box, is rejected
    lines = api.export_events("jsonl", db=db_path) or ""
    assert [json.loads(x)["event_id"] for x in lines.splitlines()] == ["e1", "e4"]
    assert "e3" in (api.export_events("jsonl", db=db_path, rejected=True) or "")


def test_exports_stream_every_incident_in_reading_order(db_path: str) -> None:
    with open_store(db_path) as store:
        _fill(store)
        expected = [dataclasses.replace(s).event.event_id for s in _fused_on_read(store)]
    lines = api.export_events("jsonl", db=db_path)
    assert lines is not None and [json.loads(x)["event_id"] for x in lines.splitlines()] == expected
    streamed = "".join(api.export_chunks("geojson", db=db_path))
    assert [f["properties"]["event_id"] for f in json.loads(streamed)["features"]] == expected


def test_kept_counts_follow_every_change(store_db: str) -> None:
    from talaia.store.counts import AGGREGATE_GROUPS, CELL_ZOOMS, SERIES_GROUPS
    from talaia.store.incidents import _whole_periods

    for period, first, last in (("week", "2021-03-02", None), ("month", None, "2021-03-30"),
                                ("year", "2021-02-01", None)):
        assert _whole_periods(EventFilter(date_from=first, date_to=last), period) is None  # not whole: grouped
    assert _whole_periods(EventFilter(date_from="2021-03-01", admin1="Jalisco"), "week") is None

    everything = EventFilter(country="MX")  # every stored incident, counted by the grouped queries instead

    def check(store: Store) -> None:
        for rejected in (False, True):  # totals of the whole store: from the kept counts
            assert store.count_incidents(rejected=rejected) == store.count_incidents(everything, rejected=rejected)
            assert store.incident_page(None, limit=1, offset=0, rejected=rejected)[0] == \
                store.incident_page(everything, limit=1, offset=0, rejected=rejected)[0]
        for period in ("week", "month", "year"):
            for by in AGGREGATE_GROUPS:
                kept, undated = store.incident_counts(None, period=period, by=by)
                grouped, also = store.incident_counts(everything, period=period, by=by)
                assert sorted(kept, key=repr) == sorted(grouped, key=repr) and undated == also
        for period, first, last in (("week", "2021-03-01", "2021-03-07"), ("week", "2021-03-08", None),
                                    ("month", "2021-03-01", "2021-04-30"), ("year", None, "2021-12-31")):
            assert _whole_periods(EventFilter(date_from=first, date_to=last), period)  # read from the kept counts
            for by in AGGREGATE_GROUPS:
                kept, undated = store.incident_counts(EventFilter(date_from=first, date_to=last), period=period, by=by)
                grouped, also = store.incident_counts(dataclasses.replace(everything, date_from=first, date_to=last),
                                                      period=period, by=by)
                assert sorted(kept, key=repr) == sorted(grouped, key=repr) and undated == also
        for by in SERIES_GROUPS:
            assert sorted(store.series_counts(None, by)) == sorted(store.series_counts(everything, by))
        for zoom in CELL_ZOOMS:
            def rounded(cells: list[tuple[float, float, int, int]] | None) -> list[tuple[float, ...]]:
                return sorted((round(a, 6), round(b, 6), n, f) for a, b, n, f in cells or [])
            assert rounded(store.map_cells(None, zoom=zoom)) == rounded(store.map_cells(everything, zoom=zoom))

    with open_store(store_db) as store:
        _fill(store)
        check(store)
        record_review(store, "e2", action="correct", field="fatalities", value=7, reviewer="ana")
        record_review(store, "e1", action="correct", field="admin1", value="Jalisco", reviewer="ana")
        check(store)
        record_review(store, "e3", action="reject", reviewer="ana")
        check(store)
        _write(store, "d", _event("e4", "Colima", "2021-04-10", dead=3, lat=18.9))  # re-extracted, now dated
        check(store)
        store.set_incidents({"e1": "e1", "e2": "e2"})
        check(store)
        store.refresh_incidents(everything=True)
        check(store)


def test_the_migration_computes_the_incidents_of_an_existing_database(store_db: str) -> None:
    with open_store(store_db) as store:
        _fill(store)
        record_review(store, "e3", action="reject", reviewer="ana")
        expected = _fused_on_read(store)

        def downgrade() -> None:  # as a database made before migration 008
            for table in ("incidents", "review_states", "incident_counts", "incident_cells", "incident_followups"):
                store._execute(f"DROP TABLE {table}")
            store._execute("DELETE FROM _migrations WHERE name IN ('011_incidents', '013_incident_followups')")
        store.atomically(downgrade)
    with open_store(store_db) as store:  # 011 computes the incidents before 013 makes the follow-ups' table
        assert {"011_incidents", "013_incident_followups"} <= set(store.migrations())
        assert list(store.iter_incidents()) == expected and store.count_incidents() == 3
        assert store.incident_counts(None, period="month", by="admin1")[0] == [("2021-03", "Michoacán", 1, 2)]
