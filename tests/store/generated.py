"""Generated stores of any size for the scale benchmark and tests: events bulk-inserted with a
realistic spread over countries (Mexico most), states, event types and eight years of dates growing
over time, a sixth of incidents told by two reports; then the incidents computed once, as a
migration does. No extraction: a million events take minutes, not days."""

from __future__ import annotations

import datetime as dt
import json
import random
import time
from collections.abc import Iterator
from typing import Any

COUNTRIES = [("MX", "Mexico", 0.55, 32, (19.4, -99.1)), ("CO", "Colombia", 0.15, 32, (4.6, -74.1)),
             ("GT", "Guatemala", 0.08, 22, (14.6, -90.5)), ("HN", "Honduras", 0.07, 18, (14.1, -87.2)),
             ("SV", "El Salvador", 0.05, 14, (13.7, -89.2)), ("HT", "Haiti", 0.05, 10, (18.5, -72.3)),
             ("VE", "Venezuela", 0.05, 24, (10.5, -66.9))]
TYPES = [("Violence against civilians", "Attack", 0.45), ("Battles", "Armed clash", 0.2),
         ("Protests", "Peaceful protest", 0.2), ("Riots", "Violent demonstration", 0.05),
         ("Explosions/Remote violence", "Remote explosive/landmine/IED", 0.03),
         ("Strategic developments", "Arrests", 0.07)]
ACTORS = ["Unidentified Armed Group (Mexico)", "CJNG: Jalisco New Generation Cartel", "Sinaloa Cartel",
          "Police Forces of Mexico (2018-2024)", "Military Forces of Mexico (2018-2024)", "ELN: National Liberation "
          "Army", "Protesters (Mexico)", "MS-13: Mara Salvatrucha"]
START = dt.date(2018, 1, 1)
DAYS = 8 * 365
BATCH = 5_000


def _columns() -> tuple[str, ...]:
    from talaia.store.records import EVENT_COLUMNS

    return EVENT_COLUMNS


def generate(n: int, seed: int = 7) -> Iterator[tuple[list[tuple[Any, ...]], list[tuple[Any, ...]],
                                                      list[tuple[Any, ...]]]]:
    """Batches of (document rows, event rows, source rows) for ``n`` events."""
    rng = random.Random(seed)
    weights = [c[2] for c in COUNTRIES]
    type_weights = [t[2] for t in TYPES]
    docs: list[tuple[Any, ...]] = []
    events: list[tuple[Any, ...]] = []
    sources: list[tuple[Any, ...]] = []
    lead: tuple[str, str, str, str, str, str, float, float] | None = None
    for i in range(n):
        if lead is not None and rng.random() < 0.17:  # a second report of the previous incident
            incident, date, code, country, state, kind, lat, lon = lead
            lead = None
        else:
            code, country, _, states, (lat0, lon0) = rng.choices(COUNTRIES, weights)[0]
            state = f"{country} State {int(rng.random() ** 1.5 * states) + 1}"
            day = int(DAYS * rng.random() ** 0.6)  # more events in later years
            date = (START + dt.timedelta(days=day)).isoformat()
            kind = rng.choices(range(len(TYPES)), type_weights)[0]
            lat, lon = lat0 + rng.gauss(0, 1.5), lon0 + rng.gauss(0, 1.5)
            incident = f"ev{i:09d}"
            lead = (incident, date, code, country, state, str(kind), lat, lon)
        event_type, sub_type, _ = TYPES[int(kind)]
        key, doc_id = f"key{i:09d}", f"doc-{i:09d}"
        text = f"Report {i}: {sub_type} in {state}, {country}."
        docs.append((key, doc_id, f"h{i}", None, date, "en", rng.choice(["Wire", "Daily", "Radio"]), None, None,
                     text, None, None, None, "bench/1", date))
        dead = int(rng.expovariate(0.6)) if event_type != "Protests" else 0
        record = {"event_id": f"ev{i:09d}", "event_date": date, "time_precision": 1, "event_type": event_type,
                  "sub_event_type": sub_type, "actor1": rng.choice(ACTORS), "actor2": "Civilians (Mexico)",
                  "inter1": "Political militia", "inter2": "Civilians", "assoc_actor_1": "[]", "assoc_actor_2": "[]",
                  "country": country, "country_code": code, "admin1": state, "admin2": f"{state} town {i % 40}",
                  "location": f"{state} town {i % 40}", "latitude": lat, "longitude": lon, "geo_precision": 2,
                  "fatalities": dead, "fatalities_high": None, "certainty": "stated", "notes": text,
                  "evidence": json.dumps([{"start": 0, "end": len(text)}]), "actor1_mentions": "[]",
                  "actor2_mentions": "[]",
                  "confidence": 0.3 + (i % 7) / 10}  # not drawn from rng: the rest stays as generated before
        events.append((key, 0, "bench/1", incident, *(record[c] for c in _columns())))
        sources.append((record["event_id"], key))
        if len(events) == BATCH:
            yield docs, events, sources
            docs, events, sources = [], [], []
    if events:
        yield docs, events, sources


def build(db: str, n: int) -> float:
    """Fill the store at ``db`` with ``n`` generated events; returns the seconds it took."""
    from talaia.store import open_store

    t0 = time.perf_counter()
    with open_store(db) as store:
        sqlite = store.dialect.name == "sqlite"
        if sqlite:  # a generated store, made again if lost: no journal, no syncing, a large page cache
            for pragma in ("journal_mode=OFF", "synchronous=OFF", "cache_size=-524288"):
                store._execute(f"PRAGMA {pragma}")
        columns = ", ".join(("document_key", "rank", "extractor_version", "incident_id", *_columns()))
        for docs, events, sources in generate(n):
            def insert(docs: Any = docs, events: Any = events, sources: Any = sources) -> None:
                store._execute_many(
                    "INSERT INTO documents (key, doc_id, content_hash, title, published, language, source, url, "
                    "origin, text, minhash, duplicate_of, similarity, extractor_version, ingested_at) "
                    f"VALUES ({', '.join('?' * 15)})", docs)
                store._execute_many(f"INSERT INTO events ({columns}) VALUES ({', '.join('?' * len(events[0]))})",
                                    events)
                store._execute_many("INSERT INTO event_sources (event_id, document_key) VALUES (?, ?)", sources)
            store.atomically(insert)
        store.refresh_incidents(everything=True)
        store._execute("ANALYZE")  # the planner's statistics, as after any bulk load
        if sqlite:  # read as every store is: in WAL mode
            store._execute("PRAGMA journal_mode=WAL")
    return time.perf_counter() - t0


def kept_store(folder: str, n: int) -> tuple[str, float]:
    """The generated store of ``n`` events kept in ``folder`` (``store-<n>.db``), built when absent, its
    write-ahead log folded in so the file alone can be copied; with the seconds its build took (0: kept)."""
    from pathlib import Path

    from talaia.store import open_store

    db = str(Path(folder) / f"store-{n}.db")
    built = 0.0
    if not Path(db).is_file():
        Path(folder).mkdir(parents=True, exist_ok=True)
        built = build(db, n)
    with open_store(db) as store:
        if store.dialect.name == "sqlite":
            store._execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return db, built


def embed_recent(db: str, since: dt.date) -> tuple[int, float]:
    """Keep the sentence vectors (talaia.fuse.similarity) of the stored events dated from ``since``, as their own
    ingest's fusion would have kept them: a store built by bulk insert has none, and fusing new reports into
    their block would otherwise first embed every stored sentence there. Returns (events, seconds)."""
    import time

    from talaia.fuse.cluster import with_sentence_vectors
    from talaia.fuse.service import mention_of
    from talaia.store import open_store

    t0 = time.perf_counter()
    with open_store(db) as store:
        mentions = [mention_of(r) for r in store.fusion_rows("WHERE e.event_date >= ?", [since.isoformat()])]
        store.atomically(lambda: with_sentence_vectors(mentions, store=store))
    return len(mentions), time.perf_counter() - t0


FORTNIGHT = 14  # the days new mentions are spread over
LAST_DAY = START + dt.timedelta(days=DAYS)  # no generated event is later


def add_recent(db: str, n: int, after: dt.date) -> list[str]:
    """Store ``n`` generated mentions as new, unfused documents dated in the fortnight after ``after`` (the
    news of the latest days, for incremental fusion); returns their keys."""
    from talaia.store import open_store

    columns, keys = _columns(), []
    date_at, id_at = 4 + columns.index("event_date"), 4 + columns.index("event_id")
    names = ", ".join(("document_key", "rank", "extractor_version", "incident_id", *columns))
    with open_store(db) as store:
        for docs, events, sources in generate(n, seed=11):
            new_docs, new_events, new_sources = [], [], []
            for doc, event, _ in zip(docs, events, sources, strict=True):
                day = (after + dt.timedelta(days=1 + int(doc[0][3:]) % FORTNIGHT)).isoformat()
                key = "new" + doc[0]
                keys.append(key)
                new_docs.append((key, "new" + doc[1], "new" + doc[2], doc[3], day, *doc[5:14], day))
                row: list[Any] = [key, *event[1:3], None, *event[4:]]
                row[date_at], row[id_at] = day, "new" + str(row[id_at])
                new_events.append(tuple(row))
                new_sources.append((row[id_at], key))

            def insert(d: Any = new_docs, e: Any = new_events, s: Any = new_sources) -> None:
                store._execute_many(
                    "INSERT INTO documents (key, doc_id, content_hash, title, published, language, source, url, "
                    "origin, text, minhash, duplicate_of, similarity, extractor_version, ingested_at) "
                    f"VALUES ({', '.join('?' * 15)})", d)
                store._execute_many(f"INSERT INTO events ({names}) VALUES ({', '.join('?' * len(e[0]))})", e)
                store._execute_many("INSERT INTO event_sources (event_id, document_key) VALUES (?, ?)", s)
            store.atomically(insert)
        store.refresh_incidents()
    return keys
