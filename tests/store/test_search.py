"""Text search through the text index (migration 012: SQLite's FTS5 trigrams, PostgreSQL's pg_trgm) selects
exactly what a scan of every incident's words selects, and the index follows every change."""

from __future__ import annotations

import datetime as dt

from talaia.models import Document, Event, Evidence, ExtractionResult
from talaia.review.service import record_review
from talaia.store import EventFilter, Store, StoreItem, open_store
from talaia.store.incidents import conditions, where_sql
from talaia.text import fold

# the searched texts: accents and case, the characters LIKE and FTS5 treat specially, too short for trigrams,
# words of two parts (never matched across them), and texts found nowhere
QUERIES = ("Michoacán", "MICHOACAN", "ataque", "ataque armado", "100%", "50_50", 'say "no"', "back\\slash", "o'neil",
           "of", "a", "ñu", "zz", "cjng civilians", "morelia town", "nowhere at all", "town 1", "report 3", "%", "_",
           "  spaced  ")
NOTES = ("Ataque armado en Morelia, Michoacán: 100% de la calle cerrada.", "Score 50_50 and a back\\slash.",
         'They say "no" to O\'Neil in Ñuñoa.', "Enfrentamiento en Uruapan.", "Protesta pacífica en la plaza.")


def _event(event_id: str, note: str, admin1: str, date: str) -> Event:
    return Event(
        event_id=event_id, event_date=date, time_precision=1, event_type="Violence against civilians",
        sub_event_type="Attack", actor1="CJNG", actor2="Civilians (Mexico)", inter1="Political militia",
        inter2="Civilians", assoc_actor_1=(), assoc_actor_2=(), country="Mexico", country_code="MX", admin1=admin1,
        admin2=None, location=f"{admin1} town {event_id[-1]}", latitude=19.0, longitude=-101.0, geo_precision=3,
        fatalities=1, fatalities_high=None, certainty="stated", notes=note, evidence=(Evidence(0, 6),),
        confidence=0.5)


def _write(store: Store, doc_id: str, *events: Event) -> None:
    doc = Document(id=doc_id, text=f"Report {doc_id} of the day", published=dt.date(2021, 3, 2), source="Wire")
    result = ExtractionResult(id=doc_id, language="es", published="2021-03-02", events=events, extractor="test/1")
    store.write_batch([StoreItem(doc, f"key-{doc_id}", f"hash-{doc_id}", None, None, None, result,
                                 extractor_version="test/1")])


def _scanned(store: Store, text: str) -> list[str]:
    """The incidents whose words hold ``text``, read row by row in Python (what the LIKE scan selects)."""
    wanted = fold(text).strip()
    return sorted(r[0] for r in store._execute("SELECT incident_id, search_text FROM incidents")
                  if wanted in (r[1] or ""))


def _found(store: Store, text: str, *, text_index: bool) -> list[str]:
    """What the SQL conditions select, through SQLite's FTS5 index (``text_index``) or not; PostgreSQL's
    conditions are one LIKE either way, its pg_trgm index serving it."""
    where, args = conditions(EventFilter(text=text), text_index=text_index and store.dialect.name == "sqlite")
    return sorted(r[0] for r in store._execute(f"SELECT incident_id FROM incidents i {where_sql(where)}", args))


def _check(store: Store) -> None:
    for text in QUERIES:
        expected = _scanned(store, text)
        assert _found(store, text, text_index=True) == expected, text
        assert _found(store, text, text_index=False) == expected, text
        flt = EventFilter(text=text)
        assert store.count_incidents(flt) == len(expected), text
        assert sorted(s.event.event_id for s in store.iter_incidents(flt)) == expected, text


def test_the_text_index_finds_what_a_scan_finds_and_follows_changes(store_db: str) -> None:
    with open_store(store_db) as store:
        for i, note in enumerate(NOTES * 3):
            _write(store, f"d{i}", _event(f"e{i:02d}", note, ("Michoacán", "Jalisco", "Colima")[i % 3],
                                          f"2021-03-{i + 1:02d}"))
        assert _scanned(store, "michoacan") and not _scanned(store, "nowhere at all")
        _check(store)
        _write(store, "d0", _event("e00", "Now a clash in Zacatecas.", "Zacatecas", "2021-03-01"))  # re-extracted
        store.set_incidents({"e01": "e01", "e02": "e01"})  # two reports fused into one incident
        record_review(store, "e03", action="correct", field="actor1", value="Nowhere At All Militia",
                      reviewer="ana", new_actor=True)
        _check(store)
        assert _found(store, "nowhere at all", text_index=True) == ["e03"]
        assert _found(store, "zacatecas", text_index=True) == ["e00"]
        store.refresh_incidents(everything=True)
        _check(store)


def test_a_text_filter_reads_the_index(store_db: str) -> None:
    with open_store(store_db) as store:
        _write(store, "a", _event("e1", NOTES[0], "Michoacán", "2021-03-01"))
        where, args = conditions(EventFilter(text="morelia"), text_index=store.dialect.name == "sqlite")
        plan = " ".join(str(tuple(r)) for r in store._execute(
            f"EXPLAIN {'QUERY PLAN ' if store.dialect.name == 'sqlite' else ''}"
            f"SELECT count(*) FROM incidents i {where_sql(where)}", args))
        if store.dialect.name == "sqlite":
            assert "incidents_search" in plan
        else:  # the index exists (the planner may still scan a table this small)
            assert store._execute("SELECT 1 FROM pg_indexes WHERE indexname = 'incidents_search'").fetchone()
