"""First contact with the command line: help, missing files, bad filters, `show`, `reprocess`,
`--knowledge`, progress and the demo's last line. Tests marked slow load spaCy."""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click
import pytest
from click.testing import CliRunner, Result

from talaia.cli import cli
from talaia.export.formats import FORMATS, text_formats
from talaia.models import Document, Event, Evidence, ExtractionResult
from talaia.store.sqlite import SQLiteStore, StoreItem

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
TEXT = "Gunmen killed two police officers in Celaya, Guanajuato, on Monday, officials said."
READ_ONLY = (["events"], ["export", "--format", "jsonl"], ["quotes"], ["show", "abcd1234"], ["reprocess"])


def _run(*args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False, env=env)


def _commands(group: click.Group, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], click.Command]]:
    for name, command in group.commands.items():
        yield (*path, name), command
        if isinstance(command, click.Group):
            yield from _commands(command, (*path, name))


def _event(event_id: str, **changes: Any) -> Event:
    fields: dict[str, Any] = {
        "event_id": event_id, "event_date": "2021-03-01", "time_precision": 1,
        "event_type": "Violence against civilians", "sub_event_type": "Attack",
        "actor1": "Unidentified Armed Group (Mexico)", "actor2": "Police Forces of Mexico",
        "inter1": "Political militia", "inter2": "State forces", "assoc_actor_1": (), "assoc_actor_2": (),
        "country": "Mexico", "country_code": "MX", "admin1": "Guanajuato", "admin2": "Celaya", "location": "Celaya",
        "latitude": 20.52, "longitude": -100.81, "geo_precision": 1, "fatalities": 2, "fatalities_high": None,
        "certainty": "reported", "notes": "On 1 March 2021: test.",
        "evidence": (Evidence(7, 13), Evidence(14, 17), Evidence(0, 6), Evidence(14, 24)),
    }
    return Event(**(fields | changes))


@pytest.fixture()
def small_db(tmp_path: Path) -> Path:
    """A database written through the store (no extraction): two events of one article and a copy."""
    db = tmp_path / "small.db"
    doc = Document(id="celaya.txt", text=TEXT, published=dt.date(2021, 3, 2), source="El Sol del Bajío")
    result = ExtractionResult(id="celaya.txt", language="en", published="2021-03-02", extractor="test/1",
                              events=(_event("abcd1234aaaa0000"),
                                      _event("abce5678bbbb0000", sub_event_type="Armed clash", event_type="Battles",
                                             country="Guatemala", country_code="GT", evidence=())))
    copy = Document(id="wire.txt", text=TEXT + " (AP)", published=dt.date(2021, 3, 2), source="AP")
    with SQLiteStore(db) as store:
        store.write_batch([StoreItem(doc, "k1", "h1", result=result),
                           StoreItem(copy, "k2", "h2", duplicate_of="k1", similarity=0.9, extractor_version="test/1")])
    return db


# ---- fast: no extraction ------------------------------------------------------------------

def test_every_option_of_every_command_has_help() -> None:
    missing = [f"{' '.join(path)} {'/'.join(p.opts)}" for path, command in _commands(cli) for p in command.params
               if isinstance(p, click.Option) and not (p.help or "").strip()]
    assert missing == []
    for path, _ in _commands(cli):
        result = _run(*path, "--help")
        assert result.exit_code == 0 and "Usage:" in result.output


def test_format_choices_come_from_the_writer_registry() -> None:
    def choices(command: str) -> tuple[str, ...]:
        (option,) = [p for p in cli.commands[command].params if p.name == "fmt"]
        assert isinstance(option.type, click.Choice)
        return tuple(option.type.choices)

    assert choices("export") == FORMATS
    assert choices("events") == ("table", *text_formats(aliases=True))
    assert "parquet" not in choices("events")


@pytest.mark.parametrize("command", READ_ONLY, ids=lambda c: c[0])
def test_read_only_commands_refuse_a_missing_database_without_creating_it(tmp_path: Path,
                                                                          command: list[str]) -> None:
    db = tmp_path / "nowhere" / "none.db"
    result = _run(*command, "--db", str(db))
    assert result.exit_code == 2
    assert "no database at" in result.output and str(db) in result.output
    assert not db.exists() and not db.parent.exists()


def test_read_only_commands_refuse_a_missing_default_database(tmp_path: Path) -> None:
    db = tmp_path / "default.db"
    result = _run("events", env={"TALAIA_DB": str(db)})
    assert result.exit_code == 2 and "no database at" in result.output and not db.exists()


@pytest.mark.parametrize(("args", "option", "hint"), [
    (["--sub-type", "armed clahs"], "--sub-type", "did you mean 'Armed clash'?"),
    (["--sub-type", "Battles"], "--sub-type", "is an event type"),
    (["--event-type", "protest"], "--event-type", "did you mean 'Protests'"),
    (["--country", "Mexcio"], "--country", "did you mean 'Mexico'?"),
    (["--since", "17/10/2019"], "--since", "YYYY-MM-DD"),
    (["--until", "2019-02-30"], "--until", "YYYY-MM-DD"),
    (["--limit", "0"], "--limit", "at least 1"),
])
def test_filters_are_validated_with_suggestions(small_db: Path, args: list[str], option: str, hint: str) -> None:
    for command in (["events"], ["export", "--format", "jsonl"]):
        result = _run(*command, "--db", str(small_db), *args)
        assert result.exit_code == 2, result.output
        assert f"Invalid value for {option}" in result.output and hint in result.output


@pytest.mark.parametrize("country", ["Mexico", "méxico", "MX", "mex"])
def test_filters_are_normalised(small_db: Path, country: str) -> None:
    result = _run("events", "--db", str(small_db), "--format", "jsonl", "--country", country,
                  "--sub-type", "ATTACK", "--event-type", "violence against civilians", "--since", "2021-03-01")
    assert result.exit_code == 0
    assert [json.loads(line)["event_id"] for line in result.output.splitlines()] == ["abcd1234aaaa0000"]
    both = _run("events", "--db", str(small_db), "--format", "csv").output.splitlines()
    assert both[0].startswith("event_id_cnty,") and len(both) == 3


def test_events_table_shows_ids_for_show(small_db: Path) -> None:
    result = _run("events", "--db", str(small_db))
    assert result.exit_code == 0 and "abcd1234" in result.output and "abce5678" in result.output


def test_show_prints_fields_evidence_in_the_text_and_sources(small_db: Path) -> None:
    result = _run("show", "abcd1234", "--db", str(small_db))
    assert result.exit_code == 0, result.output
    out = result.output
    assert "Event abcd1234aaaa0000" in out and "Attack (Violence against civilians)" in out
    assert "Celaya, Guanajuato, Mexico" in out and "test/1" in out
    assert '"killed"' in out and '"two"' in out
    assert "\n[[Gunmen]] [[killed]] [[two police]] officers in" in out  # marked, without a terminal
    assert "celaya.txt  El Sol del Bajío  2021-03-02" in out and "wire.txt  AP" in out
    assert "\x1b[" not in out
    coloured = _run("show", "ABCD1234AAAA0000", "--db", str(small_db), "--color").output
    assert "\x1b[" in coloured and "[[" not in coloured


@pytest.mark.parametrize(("event_id", "message"), [
    ("ffff0000", "no event with id"), ("abc", "too short"), ("abc1", "no event"), ("abc%", "no event"),
    ("abc_", "no event"),
])
def test_show_unknown_id(small_db: Path, event_id: str, message: str) -> None:
    result = _run("show", event_id, "--db", str(small_db))
    assert result.exit_code == 2 and message in result.output


def test_show_ambiguous_prefix(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    doc = Document(id="a", text=TEXT)
    result = ExtractionResult(id="a", language="en", published=None, extractor="v",
                              events=(_event("abcd0001"), _event("abcd0002")))
    with SQLiteStore(db) as store:
        store.write_batch([StoreItem(doc, "k", "h", result=result)])
    out = _run("show", "abcd", "--db", str(db))
    assert out.exit_code == 2 and "ambiguous" in out.output and "abcd0001" in out.output


@pytest.mark.parametrize("command", [["extract"], ["ingest", "--db", "DB"], ["reprocess", "--db", "DB"]],
                         ids=lambda c: c[0])
def test_knowledge_folder_must_exist(tmp_path: Path, command: list[str], small_db: Path) -> None:
    args = [a.replace("DB", str(small_db)) for a in command]
    inputs = [str(FIXTURES / "michoacan-ambush.txt")] if command[0] != "reprocess" else []
    result = _run(*args, *inputs, "--knowledge", str(tmp_path / "no-such-folder"))
    assert result.exit_code == 2 and "no-such-folder" in result.output and "does not exist" in result.output
    env = {"TALAIA_KNOWLEDGE": os.pathsep.join([str(tmp_path), str(tmp_path / "also-missing")])}
    result = _run(*args, *inputs, env=env)
    assert result.exit_code == 2 and "also-missing" in result.output


def test_knowledge_folders_reach_the_pipeline_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import talaia.pipeline
    from talaia.errors import PipelineConfigError

    seen = []

    class Recorder:
        def __init__(self, config: talaia.pipeline.PipelineConfig) -> None:
            seen.append(config.knowledge_dirs)
            raise PipelineConfigError("stop here")

    monkeypatch.setattr(talaia.pipeline, "Pipeline", Recorder)
    one, two = tmp_path / "one", tmp_path / "two"
    one.mkdir()
    two.mkdir()
    sample = str(FIXTURES / "michoacan-ambush.txt")
    assert _run("extract", sample, "--knowledge", str(one), "--knowledge", str(two)).exit_code == 2
    assert _run("ingest", sample, "--db", str(tmp_path / "t.db"),
                env={"TALAIA_KNOWLEDGE": os.pathsep.join([str(one), str(two)])}).exit_code == 2
    assert seen == [(str(one), str(two))] * 2


def test_ingest_and_extract_with_no_existing_input_exit_2(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    result = _run("ingest", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--db", str(db))
    assert result.exit_code == 2 and "a.txt" in result.output and "b.txt" in result.output
    assert not db.exists()
    out = tmp_path / "out.jsonl"
    result = _run("extract", str(tmp_path / "a.txt"), "-o", str(out))
    assert result.exit_code == 2 and "a.txt" in result.output and not out.exists()


def test_exit_statuses_are_documented() -> None:
    for command in ("extract", "ingest"):
        text = _run(command, "--help").output
        assert "Exit status" in text and "none of the inputs exists" in text and "does not exist" in text


def test_demo_command_is_the_running_script(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from talaia.cli.main import talaia_command

    script = tmp_path / ".venv" / "bin" / "talaia"
    script.parent.mkdir(parents=True)
    script.write_text("#!/bin/sh\n", encoding="utf-8")
    script.chmod(0o755)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PATH", "/usr/bin:/bin")
    monkeypatch.setattr(sys, "argv", [".venv/bin/talaia", "demo"])
    assert talaia_command() == ".venv/bin/talaia"
    monkeypatch.setenv("PATH", f"{script.parent}{os.pathsep}/usr/bin")
    assert talaia_command() == "talaia"
    monkeypatch.setattr(sys, "argv", ["/somewhere/pytest"])
    assert talaia_command().endswith(" -m talaia")


# ---- slow: extraction ----------------------------------------------------------------------

@pytest.mark.slow
def test_ingest_and_extract_go_on_past_a_missing_input(tmp_path: Path) -> None:
    good = tmp_path / "good.jsonl"
    good.write_text(json.dumps({"id": "ok-1", "text": TEXT, "published": "2021-03-02"}) + "\n", encoding="utf-8")
    missing = tmp_path / "missing.txt"
    db = tmp_path / "t.db"
    result = _run("ingest", str(good), str(missing), "--db", str(db))
    assert result.exit_code == 1
    assert f"{missing}: E001 input: no such file or folder" in result.stderr
    assert "1 stored" in result.stderr and "1 missing" in result.stderr
    assert json.loads(_run("events", "--db", str(db), "--format", "jsonl").output.splitlines()[0])["sources"]
    out = tmp_path / "out.jsonl"
    result = _run("extract", str(missing), str(good), "-o", str(out))
    assert result.exit_code == 1 and str(missing) in result.stderr
    assert [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()] == ["ok-1"]


@pytest.mark.slow
def test_extract_progress_counts_documents_extracted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import talaia.api

    bars = []
    make = talaia.api.progress_bar

    def recording(total: int | None, desc: str, enabled: bool):  # type: ignore[no-untyped-def]
        bars.append(make(total, desc, enabled))
        return bars[-1]

    monkeypatch.setattr(talaia.api, "progress_bar", recording)
    result = _run("extract", str(FIXTURES / "sucesos.jsonl"), "-o", str(tmp_path / "o.jsonl"), "--progress")
    assert result.exit_code == 0
    assert [(b.n, b.total, b.desc) for b in bars] == [(3, 3, "extract")]
    assert _run("extract", str(FIXTURES / "sucesos.jsonl"), "-o", str(tmp_path / "o.jsonl"),
                "--no-progress").exit_code == 0
    assert len(bars) == 1


@pytest.mark.slow
def test_reextraction_on_ingest_and_reprocess(tmp_path: Path) -> None:
    text = (FIXTURES / "michoacan-ambush.txt").read_text(encoding="utf-8")
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "b.txt").write_text(text.replace("officials said", "officials told reporters") + "\n(Wire copy)",
                                    encoding="utf-8")
    db = tmp_path / "t.db"
    first = _run("ingest", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--db", str(db))
    assert "1 stored" in first.stderr or "2 stored" in first.stderr
    assert "0 reextracted" in first.stderr and "1 duplicates" in first.stderr
    before = _run("events", "--db", str(db), "--format", "jsonl").output

    def age() -> None:  # as if an older extractor had stored it
        with sqlite3.connect(db) as conn:
            conn.execute("UPDATE documents SET extractor_version = 'talaia-extract/0.0.1'")

    assert "0 reextracted, 2 unchanged" in _run("ingest", str(tmp_path), "--db", str(db)).stderr
    age()
    again = _run("ingest", str(tmp_path), "--db", str(db))
    assert again.exit_code == 0 and "1 reextracted" in again.stderr and "1 unchanged" in again.stderr
    assert _run("events", "--db", str(db), "--format", "jsonl").output == before
    age()
    result = _run("reprocess", "--db", str(db))
    assert result.exit_code == 0 and "1 extracted again" in result.stderr
    assert "0 extracted again" in _run("reprocess", "--db", str(db)).stderr
    assert "1 extracted again" in _run("reprocess", "--db", str(db), "--all").stderr
    after = [json.loads(line) for line in _run("events", "--db", str(db), "--format", "jsonl").output.splitlines()]
    assert after and {s["document_id"] for s in after[0]["sources"]} == {"a.txt", "b.txt"}
    with sqlite3.connect(db) as conn:
        versions = {r[0] for r in conn.execute("SELECT extractor_version FROM documents UNION "
                                                "SELECT extractor_version FROM events")}
    assert len(versions) == 1 and "talaia-extract/0.0.1" not in versions


@pytest.mark.slow
def test_demo_ends_with_a_command_that_works_from_the_project_root(tmp_path: Path) -> None:
    talaia = ROOT / ".venv" / "bin" / "talaia"
    if not talaia.is_file():
        pytest.skip("no .venv/bin/talaia (run `make setup`)")
    env = {k: v for k, v in os.environ.items() if k != "TALAIA_DB"} | {"PATH": "/usr/bin:/bin"}
    demo = subprocess.run([".venv/bin/talaia", "demo", "--db", str(tmp_path / "demo.db"), "--export",
                           str(tmp_path / "demo.csv")], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    last = demo.stdout.rstrip().splitlines()[-1]
    assert last.strip().startswith(".venv/bin/talaia events --db") and str(tmp_path) in last
    pasted = subprocess.run(last, shell=True, cwd=ROOT, env=env,  # the whole line, as pasted
                            capture_output=True, text=True)
    assert pasted.returncode == 0, pasted.stderr
    assert "Michoacán" in pasted.stdout


@pytest.mark.slow
def test_a_changed_knowledge_entry_reextracts_once(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "ambush.txt").write_text(
        "date 2019-10-18\nGunmen killed fourteen police officers in an ambush in Aguililla, Michoacán, on Monday.\n",
        encoding="utf-8")
    mine = tmp_path / "mine" / "lang" / "en"
    mine.mkdir(parents=True)
    (mine / "numbers.tsv").write_text("word\tkind\tvalue\nfourteen\tunit\t40\n", encoding="utf-8")
    db = str(tmp_path / "t.db")

    def fatalities() -> list[int]:
        lines = _run("events", "--db", db, "--format", "jsonl").output.splitlines()
        return [json.loads(line)["fatalities"] for line in lines]

    assert "1 stored" in _run("ingest", str(articles), "--db", db).stderr and fatalities() == [14]
    assert "1 unchanged" in _run("ingest", str(articles), "--db", db).stderr
    changed = _run("ingest", str(articles), "--db", db, "--knowledge", str(tmp_path / "mine"))
    assert "1 reextracted" in changed.stderr and fatalities() == [40]
    again = _run("ingest", str(articles), "--db", db, "--knowledge", str(tmp_path / "mine"))
    assert "0 reextracted" in again.stderr and "1 unchanged" in again.stderr and fatalities() == [40]
