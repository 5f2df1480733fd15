"""The command line, end to end on fixtures written for these tests."""

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from talaia.cli import cli

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
pytestmark = pytest.mark.slow


def _run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_cli_extract_one_line_per_document(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    result = _run("extract", str(FIXTURES / "sucesos.jsonl"), "-o", str(out))
    assert result.exit_code == 0
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in lines] == ["es-1", "en-2", "en-3"]
    assert lines[2]["events"] == [] and lines[2]["quotes"] == [] and lines[2]["places"] == []
    for r in lines:
        assert set(r) >= {"id", "language", "published", "events", "quotes", "places"}


def test_cli_bad_input_gives_errors_and_keeps_good_documents(tmp_path: Path) -> None:
    docs = tmp_path / "in"
    docs.mkdir()
    (docs / "empty.txt").write_bytes(b"")
    (docs / "binary.dat").write_bytes(bytes(range(256)) * 40)
    (docs / "latin1.txt").write_bytes("Polic\xeda".encode("latin-1"))
    with open(docs / "huge.txt", "wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    (docs / "mixed.jsonl").write_text(
        '{"id": "ok-1", "text": "Gunmen killed two police officers in Celaya on Monday.", "published": "2020-01-15"}\n'
        '{"id": broken\n'
        '{"id": "ok-2", "text": "Police arrested three men in Culiacán.", "published": "2020-01-15"}\n',
        encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = _run("extract", str(docs), "-o", str(out))
    assert result.exit_code == 0
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    errors = {r["id"]: r["error"]["code"] for r in lines if "error" in r}
    assert len(lines) == 7 and len(errors) == 5
    assert sorted(c.split()[0] for c in errors.values()) == ["E101", "E102", "E103", "E104", "E105"]
    good = {r["id"]: r for r in lines if "error" not in r}
    assert set(good) >= {"ok-1", "ok-2"} and good["ok-1"]["events"]
    for reason in ("empty", "binary", "encoding", "too-large", "malformed-json"):
        assert reason in result.stderr


def test_cli_every_document_failed_exits_1(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    assert _run("extract", str(tmp_path / "empty.txt")).exit_code == 1
    assert _run("extract", str(tmp_path / "missing.txt")).exit_code == 2


def test_cli_help_documents_exit_status() -> None:
    for command in ("extract", "ingest"):
        assert "Exit status" in _run(command, "--help").output


def test_cli_ingest_twice_events_filters_and_export(tmp_path: Path) -> None:
    import pandas as pd

    folder = tmp_path / "articles"
    folder.mkdir()
    shutil.copy(FIXTURES / "michoacan-ambush.txt", folder)
    shutil.copy(FIXTURES / "sucesos.jsonl", folder)
    db = str(tmp_path / "t.db")
    assert _run("ingest", str(folder), "--db", db).exit_code == 0
    first = _run("events", "--db", db, "--format", "jsonl").output.splitlines()
    assert _run("ingest", str(folder), "--db", db).exit_code == 0
    second = _run("events", "--db", db, "--format", "jsonl").output.splitlines()
    assert len(first) == len(second) > 0
    michoacan = _run("events", "--db", db, "--admin1", "Michoacán").output
    assert "Aguililla" in michoacan and "Celaya" not in michoacan
    event = json.loads(first[0])
    assert event["sources"] and set(event["sources"][0]) == {"document_id", "source", "published"}
    csv_path = tmp_path / "acled.csv"
    assert _run("export", "--db", db, "--format", "acled-csv", "-o", str(csv_path)).exit_code == 0
    frame = pd.read_csv(csv_path)
    from talaia.export.formats import acled_columns

    assert tuple(frame.columns) == acled_columns() and len(frame) == len(first)
    parquet = tmp_path / "events.parquet"
    assert _run("export", "--db", db, "--format", "parquet", "-o", str(parquet)).exit_code == 0
    assert len(pd.read_parquet(parquet)) == len(first)
    geo = json.loads(_run("export", "--db", db, "--format", "geojson").output)
    assert geo["type"] == "FeatureCollection" and len(geo["features"]) == len(first)


def test_cli_near_duplicate_is_linked_not_counted(tmp_path: Path) -> None:
    text = (FIXTURES / "michoacan-ambush.txt").read_text(encoding="utf-8")
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "b.txt").write_text(text.replace("officials said", "officials told reporters") + "\n(Wire copy)",
                                    encoding="utf-8")
    db = str(tmp_path / "t.db")
    _run("ingest", str(tmp_path / "a.txt"), "--db", db)
    before = _run("events", "--db", db, "--format", "jsonl").output.splitlines()
    result = _run("ingest", str(tmp_path / "b.txt"), "--db", db)
    assert "1 duplicates" in result.stderr
    after = [json.loads(line) for line in _run("events", "--db", db, "--format", "jsonl").output.splitlines()]
    assert len(after) == len(before)
    assert {s["document_id"] for s in after[0]["sources"]} == {"a.txt", "b.txt"}
