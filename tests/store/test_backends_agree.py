"""Every command that takes ``--db`` gives the same output on SQLite and on PostgreSQL, for the same
articles (the fixtures and the bundled samples); and PostgreSQL's own cases: a database without
Talaia's tables, a server that does not answer, a password kept out of messages."""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path

import pytest
from click.testing import CliRunner

from talaia.cli import cli
from talaia.errors import MissingDatabaseError, StoreError
from talaia.store import PostgresStore, open_store
from talaia.store.base import evidence_text
from talaia.store.postgres import redact
from talaia.text import fold

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def _outputs(db: str, tmp_path: Path) -> dict[str, str]:
    samples = resources.files("talaia") / "samples"
    _run("ingest", "--db", db, str(FIXTURES), str(samples / "seed-sinaloa.txt"), str(samples / "wikinews.jsonl"))
    mentions = [json.loads(line) for line in _run("events", "--db", db, "--format", "jsonl", "--mentions").splitlines()]
    first = mentions[0]["event_id"]
    export = tmp_path / f"export-{'pg' if db.startswith('postgresql') else 'sqlite'}.csv"
    _run("export", "--db", db, "--format", "acled-csv", "--output", str(export))
    return {
        "events": _run("events", "--db", db, "--format", "jsonl"),
        "mentions": json.dumps(mentions),
        "filtered": _run("events", "--db", db, "--format", "jsonl", "--country", "mexico", "--actor", "polic"),
        "table": _run("events", "--db", db),
        "search": _run("events", "--db", db, "--format", "jsonl", "--search", "killed", "--certainty", "stated"),
        "searched-evidence": _run("events", "--db", db, "--format", "jsonl", "--search", "gunmen"),
        "admin2": _run("events", "--db", db, "--format", "jsonl", "--admin2", "culiacan"),
        "alerts": _run("alerts", "--db", db, "--since", "2019-01-01", "--by", "country", "--min-history", "1",
                       "--format", "json"),
        "quotes": _run("quotes", "--db", db, "--format", "jsonl"),
        "speaker": _run("quotes", "--db", db, "--format", "jsonl", "--speaker", "garcia"),
        "actors": _run("actors", "--db", db, "--format", "jsonl"),
        "show": _run("show", first[:8], "--db", db, "--no-color"),
        "export": re.sub(r",\d{10}$", ",<timestamp>", export.read_text(encoding="utf-8"), flags=re.M),
        "split": _run("events", "split", first, "--db", db) + _run("events", "--db", db, "--format", "jsonl"),
        "fuse": _run("fuse", "--db", db),
        "again": _run("ingest", "--db", db, str(FIXTURES)),
        "reprocess": _run("reprocess", "--db", db, "--all"),
        "reviewed": re.sub(r'"reviewed_at": "[^"]+"', '"reviewed_at": "<time>"', "".join([
            _run("review", "correct", first[:8], "fatalities", "7", "--db", db, "--reviewer", "ana"),
            _run("review", "reject", mentions[-1]["event_id"][:8], "--db", db, "--reviewer", "bo"),
            _run("events", "--db", db, "--format", "jsonl", "--review", "corrected"),
            _run("events", "--db", db, "--format", "jsonl", "--admin1", "jalisco"),
            _run("events", "--db", db, "--review", "rejected")])),
    }


@pytest.mark.slow
def test_every_command_gives_the_same_output_on_both_backends(tmp_path: Path, postgres_db: str) -> None:
    sqlite = _outputs(str(tmp_path / "t.db"), tmp_path)
    postgres = _outputs(postgres_db, tmp_path)
    assert sqlite["events"].count("\n") >= 5
    assert all(sqlite[name] for name in ("search", "searched-evidence", "admin2")), "the filters select nothing"
    for name, output in sqlite.items():
        assert postgres[name] == output, name


def test_postgres_fold_is_talaia_fold(postgres_db: str) -> None:
    words = ["Michoacán", "MICHOACÁN", "Ciudad Juárez", "São Paulo", "Straße", "Łódź", "İstanbul", "Ελλάδα",
             "Ærø", "ǅemal", "Nguyễn", "  Zürich  ", "Москва", "plain"]
    with open_store(postgres_db) as store:
        for word in words:
            (row,) = store.fetch_all("SELECT fold(?)", (word,))
            assert row[0] == fold(word).strip(), word


def test_postgres_evidence_text_is_talaia_evidence_text(postgres_db: str) -> None:
    text = "Gunmen killed two officers. Más tarde, ¡ataque en Culiacán! The end."
    spans = ["[]", '[{"start": 0, "end": 26}]', '[{"start": 28, "end": 38}, {"start": 41, "end": 61}]']
    with open_store(postgres_db) as store:
        for evidence in [*spans, None]:
            (row,) = store.fetch_all("SELECT evidence_text(?, ?)", (text, evidence))
            assert row[0] == evidence_text(text, evidence), evidence


def test_read_only_commands_need_talaia_tables(postgres_db: str) -> None:
    with pytest.raises(MissingDatabaseError, match="no Talaia database"):
        open_store(postgres_db, must_exist=True)
    result = CliRunner().invoke(cli, ["events", "--db", postgres_db])
    assert result.exit_code == 2 and "no Talaia database" in result.output
    with open_store(postgres_db) as store:  # a command that writes creates them
        assert store.count("documents") == 0
    with open_store(postgres_db, must_exist=True) as store:
        assert isinstance(store, PostgresStore)


def test_an_unreachable_server_is_a_store_error_without_the_password() -> None:
    url = "postgresql://analyst:s3cret@127.0.0.1:1/talaia?connect_timeout=2"
    with pytest.raises(StoreError, match="cannot connect") as caught:
        open_store(url)
    assert "s3cret" not in str(caught.value) and "analyst:***@127.0.0.1:1" in str(caught.value)
    assert redact("postgresql://u@h/db") == "postgresql://u@h/db"


def test_two_processes_opening_a_new_database_apply_each_migration_once(postgres_db: str) -> None:
    from concurrent.futures import ThreadPoolExecutor

    def open_and_list(_: int) -> list[str]:
        with open_store(postgres_db) as store:
            return store.migrations()

    with ThreadPoolExecutor(4) as pool:
        lists = list(pool.map(open_and_list, range(4)))
    assert all(names == lists[0] for names in lists) and len(set(lists[0])) == len(lists[0])


def test_opening_a_current_database_does_not_wait_for_the_migration_lock(postgres_db: str) -> None:
    """Only a database with a pending migration takes the lock: a team member's open does not queue
    behind another's."""
    import threading

    import psycopg

    from talaia.store.postgres import _MIGRATION_LOCK

    with open_store(postgres_db) as store:  # migrated
        assert store.migrations()
    with psycopg.connect(postgres_db, autocommit=True) as holder:
        holder.execute("SELECT pg_advisory_lock(%s)", (_MIGRATION_LOCK,))
        opened = threading.Event()

        def open_it() -> None:
            with open_store(postgres_db):
                opened.set()

        thread = threading.Thread(target=open_it, daemon=True)
        thread.start()
        assert opened.wait(timeout=20), "opening a current database waited for the migration lock"
        holder.execute("SELECT pg_advisory_unlock(%s)", (_MIGRATION_LOCK,))
        thread.join(timeout=20)
