import datetime as dt
import sqlite3
from pathlib import Path

from talaia.models import Document, Event, Evidence, ExtractionResult
from talaia.store.migrations import MIGRATIONS
from talaia.store.sqlite import EventFilter, SQLiteStore


def _event(event_id: str, admin1: str, date: str, sub: str = "Attack") -> Event:
    return Event(
        event_id=event_id, event_date=date, time_precision=1, event_type="Violence against civilians",
        sub_event_type=sub, actor1="Unidentified Armed Group (Mexico)", actor2="Civilians (Mexico)",
        inter1="Political militia", inter2="Civilians", assoc_actor_1=(), assoc_actor_2=("Journalists (Mexico)",),
        country="Mexico", country_code="MX", admin1=admin1, admin2=None, location=admin1, latitude=19.0,
        longitude=-101.0, geo_precision=3, fatalities=2, fatalities_high=None, certainty="stated",
        notes="On 1 March 2021: test.", evidence=(Evidence(0, 10),),
    )


def _write(store: SQLiteStore, doc_id: str, events: tuple[Event, ...], dup: str | None = None) -> str:
    doc = Document(id=doc_id, text=f"text of {doc_id}", published=dt.date(2021, 3, 2), source="Wire")
    key = f"key-{doc_id}"
    result = None if dup else ExtractionResult(id=doc_id, language="en", published="2021-03-02", events=events)
    store.write_batch([(doc, key, f"hash-{doc_id}", None, dup, 1.0 if dup else None, result)])
    return key


def test_store_migrations_recorded(db_path: Path) -> None:
    with SQLiteStore(db_path):
        pass
    conn = sqlite3.connect(db_path)
    assert [r[0] for r in conn.execute("SELECT name FROM _migrations")] == [m[0] for m in MIGRATIONS]
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_store_upsert_is_idempotent(db_path: Path) -> None:
    with SQLiteStore(db_path) as store:
        _write(store, "a", (_event("e1", "Michoacán", "2021-03-01"),))
        _write(store, "a", (_event("e1", "Michoacán", "2021-03-01"),))
        assert store.count("events") == 1 and store.count("documents") == 1


def test_store_filters_ignore_accents_and_case(db_path: Path) -> None:
    with SQLiteStore(db_path) as store:
        _write(store, "a", (_event("e1", "Michoacán", "2021-03-01"), _event("e2", "Sinaloa", "2021-04-01")))
        assert [e.event.event_id for e in store.events(EventFilter(admin1="michoacan"))] == ["e1"]
        assert [e.event.event_id for e in store.events(EventFilter(country="MX", date_from="2021-03-15"))] == ["e2"]
        assert len(store.events(EventFilter(actor="journalists"))) == 2
        assert store.events(EventFilter(sub_event_type="Armed clash")) == []


def test_store_duplicates_become_sources(db_path: Path) -> None:
    with SQLiteStore(db_path) as store:
        original = _write(store, "a", (_event("e1", "Michoacán", "2021-03-01"),))
        _write(store, "b", (), dup=original)
        (stored,) = store.events()
        assert [s["document_id"] for s in stored.sources] == ["a", "b"]
        assert stored.to_dict()["sources"][0] == {"document_id": "a", "source": "Wire", "published": "2021-03-02"}
