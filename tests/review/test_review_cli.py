"""``talaia review`` and ``talaia serve`` from the shell, over the same API as HTTP."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from talaia.cli import cli
from talaia.store import open_store

from .test_review_service import _event, _write


def _run(*args: str) -> Any:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.fixture()
def db(store_db: str) -> str:
    """A database of each backend with one event."""
    with open_store(store_db) as store:
        _write(store, "a", (_event("e1aaaaaa"),))
    return store_db


def test_review_correct_shows_in_events_export_and_log(db: str) -> None:
    done = _run("review", "correct", "e1aa", "admin1", "Jalisco", "--db", db, "--reviewer", "ana", "--note", "x")
    assert done.exit_code == 0, done.output
    assert "Jalisco" in _run("events", "--db", db).output
    exported = _run("export", "--db", db, "--format", "jsonl").output
    assert json.loads(exported)["admin1"] == "Jalisco" and json.loads(exported)["review"]["status"] == "corrected"
    assert "Jalisco" in _run("export", "--db", db, "--format", "acled-csv").output
    log = _run("review", "log", "--db", db, "--format", "jsonl").output.splitlines()
    entry = json.loads(log[0])
    assert (entry["reviewer"], entry["before"], entry["after"], entry["note"]) == ("ana", "Guanajuato", "Jalisco", "x")
    assert "ana  correct admin1" in _run("review", "log", "--db", db).output


def test_review_reject_leaves_the_event_out_of_exports(db: str) -> None:
    assert _run("review", "reject", "e1aaaaaa", "--db", db, "--reviewer", "bo").exit_code == 0
    assert _run("export", "--db", db, "--format", "jsonl").output == ""
    gold = json.loads(_run("review", "gold", "--db", db).output)
    assert gold["status"] == "rejected" and gold["document_id"] == "a"


def test_review_usage_errors(db: str) -> None:
    assert _run("review", "correct", "e1aa", "fatalities", "many", "--db", db).exit_code == 2
    assert _run("review", "correct", "e1aa", "admin2", "--db", db).exit_code == 2  # neither VALUE nor --clear
    assert _run("review", "correct", "e1aa", "country", "Peru", "--db", db).exit_code == 2
    unknown = _run("review", "accept", "ffff0000", "--db", db)
    assert unknown.exit_code == 2 and "no event" in unknown.output
    assert _run("review", "correct", "e1aa", "admin2", "--clear", "--db", db).exit_code == 0
    assert _run("review", "correct", "e1aa", "fatalities", "4", "--db", db).exit_code == 0


def test_serve_builds_the_app_and_checks_the_database(db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                                      ) -> None:
    import uvicorn

    started: dict[str, Any] = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: started.update(app=app, **kw))
    monkeypatch.setenv("TALAIA_TOKEN", "from-env")
    result = _run("serve", "--db", db, "--port", "8999")
    assert result.exit_code == 0 and (started["host"], started["port"]) == ("127.0.0.1", 8999)
    settings = started["app"].state.settings
    assert settings.token == "from-env" and "127.0.0.1" in settings.allowed_hosts
    assert "reviews need its bearer token" in result.output
    missing = _run("serve", "--db", str(tmp_path / "none.db"))
    assert missing.exit_code == 2 and "no database" in missing.output


def test_events_table_shows_the_review_status(db: str) -> None:
    assert "corrected" not in _run("events", "--db", db).output
    _run("review", "correct", "e1aa", "fatalities", "7", "--db", db)
    line = _run("events", "--db", db).output.splitlines()[2]
    assert line.split()[-1] == "corrected" and " 7 " in line


def test_show_tells_the_review(db: str) -> None:
    _run("review", "correct", "e1aa", "location", "León", "--db", db, "--reviewer", "ana")
    shown = _run("show", "e1aa", "--db", db, "--no-color").output
    assert "León" in shown and "corrected by ana" in shown and "location León" in shown


def test_events_filters_by_review_status_search_and_admin2(db: str) -> None:
    assert "1 event" in _run("events", "--db", db, "--review", "unreviewed").output
    _run("review", "accept", "e1aa", "--db", db)
    assert "0 events" in _run("events", "--db", db, "--review", "unreviewed").output
    assert "1 event" in _run("events", "--db", db, "--review", "accepted", "--admin2", "celaya",
                             "--search", "OFFICERS", "--certainty", "stated").output
    bad = _run("events", "--db", db, "--review", "maybe")
    assert bad.exit_code == 2 and "--review" in bad.output


def test_serve_warns_when_it_listens_beyond_loopback(db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn

    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: None)
    monkeypatch.delenv("TALAIA_TOKEN", raising=False)
    result = _run("serve", "--db", db, "--host", "0.0.0.0")
    assert result.exit_code == 0 and "not a loopback address" in result.output and "read-only" in result.output


def test_exports_tell_the_review_status(db: str, tmp_path: Path) -> None:
    _run("review", "correct", "e1aa", "fatalities", "6", "--db", db)
    assert "certainty: stated; review: corrected" in _run("export", "--db", db, "--format", "acled-csv").output
    out = tmp_path / "e.parquet"
    assert _run("export", "--db", db, "--format", "parquet", "-o", str(out)).exit_code == 0
    import pyarrow.parquet as pq

    table = pq.read_table(out).to_pydict()
    assert table["review"] == ["corrected"] and table["fatalities"] == [6]
