"""The store's behaviour, the same on every backend: each test runs on SQLite and on PostgreSQL
(``store_db``, see conftest.py)."""

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from talaia.errors import MissingDatabaseError
from talaia.models import Document, Event, Evidence, ExtractionResult, Quote
from talaia.store import EventFilter, SQLiteStore, Store, StoreItem, open_store
from talaia.store.migrations import MIGRATIONS, SQLITE


def _event(event_id: str, admin1: str, date: str, sub: str = "Attack") -> Event:
    return Event(
        event_id=event_id, event_date=date, time_precision=1, event_type="Violence against civilians",
        sub_event_type=sub, actor1="Unidentified Armed Group (Mexico)", actor2="Civilians (Mexico)",
        inter1="Political militia", inter2="Civilians", assoc_actor_1=(), assoc_actor_2=("Journalists (Mexico)",),
        country="Mexico", country_code="MX", admin1=admin1, admin2=None, location=admin1, latitude=19.0,
        longitude=-101.0, geo_precision=3, fatalities=2, fatalities_high=None, certainty="stated",
        notes="On 1 March 2021: test.", evidence=(Evidence(0, 10),),
    )


def _write(store: Store, doc_id: str, events: tuple[Event, ...], dup: str | None = None,
           version: str = "test/1", quotes: tuple[Quote, ...] = ()) -> str:
    doc = Document(id=doc_id, text=f"text of {doc_id}", published=dt.date(2021, 3, 2), source="Wire")
    key = f"key-{doc_id}"
    result = None if dup else ExtractionResult(id=doc_id, language="en", published="2021-03-02", events=events,
                                               quotes=quotes, extractor=version)
    store.write_batch([StoreItem(doc, key, f"hash-{doc_id}", None, dup, 1.0 if dup else None, result,
                                 extractor_version=version)])
    return key


def _versions(store: Store, table: str) -> set[str]:
    return {r[0] for r in store.fetch_all(f"SELECT extractor_version FROM {table}")}


def test_store_migrations_recorded_and_applied_once(store_db: str) -> None:
    with open_store(store_db) as store:
        assert store.migrations() == [m[0] for m in MIGRATIONS]
    with open_store(store_db) as store:  # opened again: nothing to apply
        assert store.apply_migrations() == [] and store.migrations() == [m[0] for m in MIGRATIONS]


def test_sqlite_store_is_in_wal_mode(db_path: Path) -> None:
    with SQLiteStore(db_path):
        pass
    assert sqlite3.connect(db_path).execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_store_upsert_is_idempotent(store_db: str) -> None:
    with open_store(store_db) as store:
        _write(store, "a", (_event("e1", "Michoacán", "2021-03-01"),))
        _write(store, "a", (_event("e1", "Michoacán", "2021-03-01"),))
        assert store.count("events") == 1 and store.count("documents") == 1


def test_store_filters_ignore_accents_and_case(store_db: str) -> None:
    with open_store(store_db) as store:
        _write(store, "a", (_event("e1", "Michoacán", "2021-03-01"), _event("e2", "Sinaloa", "2021-04-01")))
        assert [e.event.event_id for e in store.events(EventFilter(admin1="michoacan"))] == ["e1"]
        assert [e.event.event_id for e in store.events(EventFilter(country="MX", date_from="2021-03-15"))] == ["e2"]
        assert len(store.events(EventFilter(actor="journalists"))) == 2
        assert store.events(EventFilter(sub_event_type="Armed clash")) == []


def test_store_duplicates_become_sources(store_db: str) -> None:
    with open_store(store_db) as store:
        original = _write(store, "a", (_event("e1", "Michoacán", "2021-03-01"),))
        _write(store, "b", (), dup=original)
        (stored,) = store.events()
        assert [s["document_id"] for s in stored.sources] == ["a", "b"]
        assert stored.to_dict()["sources"][0] == {"document_id": "a", "source": "Wire", "published": "2021-03-02"}


def test_store_records_the_version_that_produced_each_row(store_db: str) -> None:
    quote = Quote("it was them", 0, 4, "Mayor", 5, 10, "said", True)
    with open_store(store_db) as store:
        original = _write(store, "a", (_event("e1", "Michoacán", "2021-03-01"),), version="custom/7",
                          quotes=(quote,))
        _write(store, "b", (), dup=original, version="custom/7")
        for table in ("documents", "events", "quotes"):
            assert _versions(store, table) == {"custom/7"}
        assert store.outdated("custom/7") == [] and store.outdated("custom/8") == [original]
        assert store.outdated(None) == [original] and store.count_originals() == 1


def test_store_rewrite_replaces_the_extraction_and_keeps_duplicates_linked(store_db: str) -> None:
    with open_store(store_db) as store:
        original = _write(store, "a", (_event("e1", "Michoacán", "2021-03-01"), _event("e2", "Sinaloa", "2021-03-01")),
                          version="v1")
        dup = _write(store, "b", (), dup=original, version="v1")
        _write(store, "a", (_event("e3", "Jalisco", "2021-03-01"),), version="v2")
        (stored,) = store.events()
        assert stored.event.event_id == "e3"
        assert [s["document_id"] for s in stored.sources] == ["a", "b"]
        assert store.count("documents") == 2 and store.count("event_sources") == 2
        assert _versions(store, "events") == {"v2"} and _versions(store, "documents") == {"v2"}
        assert store.find_document(dup) is not None and store.find_document(dup).duplicate_of == original  # type: ignore[union-attr]


def test_store_new_version_of_a_document_takes_over_its_duplicates(store_db: str) -> None:
    with open_store(store_db) as store:
        old = _write(store, "a", (_event("e1", "Michoacán", "2021-03-01"),))
        _write(store, "b", (), dup=old)
        doc = Document(id="a", text="the corrected text of a", published=dt.date(2021, 3, 2))
        result = ExtractionResult(id="a", language="en", published="2021-03-02",
                                  events=(_event("e1", "Michoacán", "2021-03-01"),), extractor="test/1")
        store.write_batch([StoreItem(doc, "key-a2", "hash-a2", None, None, None, result)])
        assert store.find_document(old) is None
        (stored,) = store.events()
        assert [s["document_id"] for s in stored.sources] == ["a", "b"]
        assert store.find_document("key-b").duplicate_of == "key-a2"  # type: ignore[union-attr]


def test_store_items_are_typed_and_need_a_version() -> None:
    doc = Document(id="a", text="x")
    with pytest.raises(ValueError, match="version"):
        StoreItem(doc, "k", "h")
    with pytest.raises(ValueError, match="duplicate"):
        StoreItem(doc, "k", "h", duplicate_of="o", result=ExtractionResult("a", "en", None, extractor="v"))
    assert StoreItem(doc, "k", "h", result=ExtractionResult("a", "en", None, extractor="v"),
                     extractor_version="w").version == "v"


def test_store_load_documents_round_trips(store_db: str) -> None:
    with open_store(store_db) as store:
        key = _write(store, "a", ())
        ((stored, doc),) = store.load_documents([key, "no-such-key"])
        assert stored.key == key and doc.id == "a" and doc.text == "text of a"
        assert doc.published == dt.date(2021, 3, 2) and doc.source == "Wire" and doc.language == "en"


def test_store_document_titles_without_their_texts(store_db: str) -> None:
    with open_store(store_db) as store:
        doc = Document(id="b", text="text of b", title="Ambush on the highway", url="https://news.example/b")
        store.write_batch([StoreItem(doc, "key-b", "hash-b", None, None, None, None, extractor_version="test/1")])
        _write(store, "a", ())
        assert store.document_titles(["b", "a", "b", "no-such-id"]) == {
            "b": ("Ambush on the highway", "https://news.example/b"), "a": (None, None)}


def test_store_event_detail_and_prefixes(store_db: str) -> None:
    with open_store(store_db) as store:
        _write(store, "a", (_event("abcd1234", "Michoacán", "2021-03-01"), _event("abce5678", "Sinaloa", "2021-03-01")))
        assert store.event_ids("abc") == ["abcd1234", "abce5678"] and store.event_ids("ABCD") == ["abcd1234"]
        assert store.event_ids("a%") == [] and store.event_ids("a_c") == []
        detail = store.event_detail("abce5678")
        assert detail is not None and detail.document.text == "text of a" and detail.extractor_version == "test/1"
        assert store.event_detail("nope") is None


def test_sqlite_store_must_exist_does_not_create_the_file(tmp_path: Path) -> None:
    missing = tmp_path / "sub" / "none.db"
    with pytest.raises(MissingDatabaseError):
        SQLiteStore(missing, must_exist=True)
    assert not missing.exists() and not missing.parent.exists()


def test_store_every_insert_names_its_columns() -> None:
    import re

    from talaia.store import base, migrations, sqlite

    for module in (base, sqlite, migrations):
        source = Path(module.__file__).read_text(encoding="utf-8")  # type: ignore[arg-type]
        for match in re.finditer(r"INSERT (?:OR \w+ )?INTO (\w+)\s*(\S)", source):
            assert match.group(2) == "(", f"{module.__name__}: INSERT INTO {match.group(1)} without columns"


def test_store_migration_002_upgrades_a_001_database(db_path: Path) -> None:
    conn = sqlite3.connect(db_path)
    conn.execute("CREATE TABLE _migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    for sql in MIGRATIONS[0][1](SQLITE):
        conn.execute(sql)
    conn.execute("INSERT INTO _migrations (name, applied_at) VALUES ('001_initial', 'then')")
    conn.commit()
    conn.close()
    with SQLiteStore(db_path) as store:
        indexes = {r[0] for r in store.conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert {"documents_duplicate_of", "events_document_key", "event_sources_document_key"} <= indexes


def test_a_document_stored_as_a_copy_meanwhile_stays_a_copy(store_db: str) -> None:
    """Two ingests at once: one stored 'b' as a copy of 'a' before the other wrote its own extraction of 'b'."""
    with open_store(store_db) as store:
        original = _write(store, "a", (_event("e1", "Michoacán", "2021-03-01"),))
        copy = _write(store, "b", (), dup=original)
        _write(store, "b", (_event("e2", "Sinaloa", "2021-03-01"),))  # the other ingest's extraction of 'b'
        assert store.find_document(copy).duplicate_of == original  # type: ignore[union-attr]
        assert store.count("events") == 1 and store.event_detail("e2") is None


def test_a_transaction_aborted_by_a_concurrent_one_runs_again(store_db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from talaia.store.base import ConflictError

    with open_store(store_db) as store:
        write = type(store)._write_item
        conflicts = [ConflictError("deadlock detected")]

        def once_in_conflict(self: Store, item: StoreItem, now: str) -> None:
            write(self, item, now)
            if conflicts:  # after a row was written: it must be rolled back, then written again
                raise conflicts.pop()

        monkeypatch.setattr(type(store), "_write_item", once_in_conflict)
        _write(store, "a", (_event("e1", "Michoacán", "2021-03-01"),))
        assert not conflicts and store.count("documents") == 1 and store.count("events") == 1
        monkeypatch.setattr(type(store), "_write_item", lambda *a: (_ for _ in ()).throw(ConflictError("again")))
        with pytest.raises(ConflictError):
            _write(store, "b", ())
