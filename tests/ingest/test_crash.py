"""Crash safety: an ingest killed with SIGKILL ten times at random points (seeded), then run to
the end, stores every document exactly once: the same documents, events, quotes, places, sources
and incidents as one uninterrupted run; so do three ingests of one corpus at the same time. On
SQLite and on PostgreSQL. The corpus is written here."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from talaia.store import Store, open_store

pytestmark = pytest.mark.slow
HARNESS = Path(__file__).with_name("crash_ingest.py")

PLACES = [("Culiacán", "Sinaloa"), ("Celaya", "Guanajuato"), ("Aguililla", "Michoacán"), ("Tijuana", "Baja California"),
          ("Acapulco", "Guerrero"), ("Reynosa", "Tamaulipas"), ("Fresnillo", "Zacatecas"), ("Cuernavaca", "Morelos")]
EN = ("Gunmen killed {n} police officers in an ambush in {city}, in the state of {state}, on {day}, officials said. "
      "\"We will find those responsible,\" Governor {name} said on {day}.")
ES = ("Hombres armados asesinaron a {n} policías municipales en {city}, {state}, el pasado {dia}, informó la "
      "fiscalía estatal. \"No habrá impunidad\", dijo el fiscal {name}.")
NAMES = ["Ana Torres", "Luis Romero", "Marta Gil", "Jorge Pineda", "Rosa Medina", "Pablo Ortiz"]


def write_corpus(folder: Path) -> int:
    """A few dozen short reports (English text files, Spanish JSON Lines), with exact copies under
    other ids, a near-duplicate, an article corrected under its own id and two bad documents; returns
    how many documents it holds."""
    folder.mkdir()
    count = 0
    records = []
    for i in range(30):
        city, state = PLACES[i % len(PLACES)]
        name, n = NAMES[i % len(NAMES)], 2 + i % 9
        if i % 2:
            (folder / f"report-{i:02d}.txt").write_text(
                f"date 2021-{1 + i % 12:02d}-{1 + i % 27:02d}\n" + EN.format(
                    n=n, city=city, state=state, day=("Monday", "Friday")[i % 2 - 1], name=name), encoding="utf-8")
        else:
            records.append({"id": f"nota-{i:02d}", "published": f"2020-{1 + i % 12:02d}-{1 + i % 27:02d}",
                            "text": ES.format(n=n, city=city, state=state, dia=("lunes", "jueves")[i % 4 // 2],
                                              name=name)})
        count += 1
    records += [dict(records[0], id="copy-of-nota-00"), dict(records[1], id="copy-of-nota-02"),  # exact copies
                dict(records[2], id="near-nota-04", text=records[2]["text"].replace("el pasado", "este")),
                dict(records[3], text=records[3]["text"] + " El gobierno envió refuerzos."),  # corrected, same id
                {"id": "empty", "text": "  "}]
    count += 5
    lines = [json.dumps(r, ensure_ascii=False) for r in records] + ['{"id": "cut", "text": "Hombres arm']
    (folder / "notas.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return count + 1


def _snapshot(store: Store) -> dict[str, object]:
    def rows(sql: str) -> list[tuple[object, ...]]:
        return sorted(tuple(r) for r in store.fetch_all(sql))

    return {
        "counts": {t: store.count(t) for t in ("documents", "events", "quotes", "places", "event_sources")},
        "documents": rows("SELECT key, doc_id, duplicate_of, extractor_version FROM documents"),
        "events": rows("SELECT event_id, document_key, rank, incident_id, fatalities FROM events"),
        "quotes": rows('SELECT document_key, idx, text, speaker FROM quotes'),
        "places": rows("SELECT document_key, idx, name FROM places"),
        "sources": rows("SELECT event_id, document_key FROM event_sources"),
    }


def _harness(tmp_path: Path, db: str, *options: str) -> tuple[list[dict[str, int]], dict[str, object]]:
    """Run crash_ingest.py on a corpus written here: (its runs into ``db``, the snapshot of a clean run)."""
    write_corpus(tmp_path / "corpus")
    clean_db = str(tmp_path / "clean.db")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(Path(__file__).parents[2] / "src"),
                                                         os.environ.get("PYTHONPATH", "")])}
    done = subprocess.run([sys.executable, str(HARNESS), "--corpus", str(tmp_path / "corpus"), "--db", db,
                           "--clean-db", clean_db, *options], capture_output=True, text=True, timeout=300, env=env,
                          check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["clean"]["status"] == 0, done.stderr[-3000:]
    with open_store(clean_db, must_exist=True) as clean:
        expected = _snapshot(clean)
    assert expected["counts"]["documents"] >= 30 and expected["counts"]["events"] >= 20  # type: ignore[index]
    assert expected["counts"]["quotes"] > 0 and expected["counts"]["places"] > 0  # type: ignore[index]
    return report["runs"], expected


def test_ingest_killed_ten_times_stores_every_document_once(tmp_path: Path, store_db: str) -> None:
    runs, expected = _harness(tmp_path, store_db, "--kills", "10", "--seed", "14")
    assert runs[-1]["status"] == 0, runs
    assert sum(r["status"] == -signal.SIGKILL for r in runs) == 10
    assert all(r["status"] in (0, -signal.SIGKILL) for r in runs), runs
    # the kills fell before, inside and after the writes, not all at the start
    assert max(r["kill_at"] for r in runs if r["status"] == -signal.SIGKILL) > 20
    with open_store(store_db, must_exist=True) as crashed:
        got = _snapshot(crashed)
    for part in expected:
        assert got[part] == expected[part], part


def test_three_ingests_of_one_corpus_at_once_store_it_once(tmp_path: Path, store_db: str) -> None:
    """A team: three people ingest the same folder into one database at the same moment."""
    runs, expected = _harness(tmp_path, store_db, "--together", "3")
    assert [r["status"] for r in runs] == [0, 0, 0]
    with open_store(store_db, must_exist=True) as shared:
        got = _snapshot(shared)
    for part in expected:
        assert got[part] == expected[part], part
