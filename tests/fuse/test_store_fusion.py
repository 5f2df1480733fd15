"""Fusion in the store: three outlets' reports of one ambush (written for these tests) become one event;
on every backend (``store_db``: a SQLite file, a PostgreSQL URL)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from talaia.cli import cli

pytestmark = pytest.mark.slow
AMBUSH = Path(__file__).resolve().parents[1] / "fixtures" / "ambush"


def _events(db: str, *extra: str) -> list[dict[str, object]]:
    result = CliRunner().invoke(cli, ["events", "--db", db, "--format", "jsonl", *extra])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.output.splitlines()]


def _ingest(db: str, *paths: Path) -> str:
    result = CliRunner().invoke(cli, ["ingest", "--db", db, *map(str, paths)])
    assert result.exit_code == 0, result.output
    return result.output


def test_three_outlets_reports_of_one_ambush_are_one_event(store_db: str) -> None:
    db = store_db
    _ingest(db, AMBUSH)
    events = _events(db)
    assert len(events) == 1
    event = events[0]
    assert {s["document_id"] for s in event["sources"]} == {"outlet-a.txt", "outlet-b.txt", "outlet-c.txt"}
    assert (event["fatalities"], event["fatalities_high"]) == (13, 14)  # ACLED: the lowest toll, the highest beside it
    assert len(event["mentions"]) == 3 and len(_events(db, "--mentions")) == 3


def test_the_order_of_ingest_gives_the_same_incidents(tmp_path: Path) -> None:
    files = sorted(AMBUSH.glob("*.txt"))
    results = []
    for n, order in enumerate((files, files[::-1], [files[1], files[2], files[0]])):
        db = str(tmp_path / f"order{n}.db")
        for path in order:  # one ingest per file: fusion runs after each
            _ingest(db, path)
        results.append(sorted(sorted(s["document_id"] for s in e["sources"]) for e in _events(db)))
    assert results[0] == results[1] == results[2]


def test_one_article_three_times_under_other_ids_and_wording_is_one_event(tmp_path: Path, store_db: str) -> None:
    folder = tmp_path / "copies"
    folder.mkdir()
    text = (AMBUSH / "outlet-a.txt").read_text(encoding="utf-8")
    shutil.copy(AMBUSH / "outlet-a.txt", folder / "wire.txt")
    (folder / "site.txt").write_text(text.replace("Gunmen ambushed", "Armed men ambushed"), encoding="utf-8")
    (folder / "paper.txt").write_text(text.replace("state officials said", "officials of the state said")
                                      .replace("on fire", "ablaze"), encoding="utf-8")
    db = store_db
    _ingest(db, folder)
    events = _events(db)
    assert len(events) == 1 and len(events[0]["sources"]) == 3


def test_a_wrong_merge_is_undone_and_stays_undone(store_db: str) -> None:
    db = store_db
    _ingest(db, AMBUSH)
    fused = _events(db)[0]
    runner = CliRunner()
    c_id = next(e["event_id"] for e in _events(db, "--mentions")
                if e["sources"][0]["document_id"] == "outlet-c.txt")
    assert runner.invoke(cli, ["events", "split", c_id[:8], "--db", db]).exit_code == 0
    assert sorted(len(e["sources"]) for e in _events(db)) == [1, 2]
    _ingest(db, AMBUSH)  # re-ingesting (and fusing again) keeps the correction
    assert runner.invoke(cli, ["fuse", "--db", db]).exit_code == 0
    assert sorted(len(e["sources"]) for e in _events(db)) == [1, 2]
    # merged back by hand
    ids = [e["event_id"] for e in _events(db)]
    assert runner.invoke(cli, ["events", "merge", ids[0], ids[1], "--db", db]).exit_code == 0
    assert [len(e["sources"]) for e in _events(db)] == [3] and _events(db)[0]["event_id"] == fused["event_id"]
    unknown = runner.invoke(cli, ["events", "split", "ffffffff", "--db", db])
    assert unknown.exit_code == 2 and "no event with id" in unknown.output


def test_the_seed_and_two_other_outlets_give_one_ambush_with_three_sources(store_db: str) -> None:
    from importlib import resources

    seed = Path(str(resources.files("talaia") / "samples" / "seed-sinaloa.txt"))
    db = store_db
    _ingest(db, seed, AMBUSH / "outlet-a.txt", AMBUSH / "outlet-b.txt")
    shared = [e for e in _events(db) if len(e["sources"]) > 1]
    assert len(shared) == 1 and {s["document_id"] for s in shared[0]["sources"]} == {
        "seed-sinaloa.txt", "outlet-a.txt", "outlet-b.txt"}
    # the seed's ambush joined the other reports, not its police operation with the same toll
    seed_mention = next(e for e in _events(db, "--mentions") if e["event_id"] in shared[0]["mentions"]
                        and e["sources"][0]["document_id"] == "seed-sinaloa.txt")
    detail = CliRunner().invoke(cli, ["show", seed_mention["event_id"], "--db", db, "--no-color"]).output
    assert "[[Just this week, suspected cartel gunmen massacred 14 police officers in an ambush" in detail


def test_explain_gives_a_pairs_score_reasons_and_points(store_db: str) -> None:
    db = store_db
    _ingest(db, AMBUSH)
    first, second = sorted(e["event_id"] for e in _events(db, "--mentions"))[:2]
    result = CliRunner().invoke(cli, ["events", "explain", first[:6], second, "--db", db, "--json"])
    assert result.exit_code == 0, result.output
    found = json.loads(result.output)
    assert found["same_incident"] is True and found["score"] >= found["threshold"]
    points = [r["points"] for r in found["reasons"]]
    assert found["score"] == pytest.approx(sum(points), abs=0.01)
    assert any(r["reason"] == "same death toll" for r in found["reasons"])
    text = CliRunner().invoke(cli, ["events", "explain", first, second, "--db", db])
    assert "one incident" in text.output and "same death toll" in text.output
    unknown = CliRunner().invoke(cli, ["events", "explain", first, "ffffffff", "--db", db])
    assert unknown.exit_code != 0 and "no event with id" in unknown.output
