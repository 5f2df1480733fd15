"""`talaia quotes --speaker` and `talaia actors` over a small store written without extraction."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from talaia.api import list_actors, list_quotes
from talaia.cli import cli
from talaia.models import Document, Event, ExtractionResult, Quote
from talaia.store.sqlite import SQLiteStore, StoreItem

TEXT = ("Andrés Manuel López Obrador said the army would stay. López Obrador added: \"We will not fight fire "
        "with fire.\" Juan Pérez said gunmen of the Sinaloa Cartel clashed with the National Guard.")


def _run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def _quote(speaker: str, text: str, start: int) -> Quote:
    return Quote(text=text, start=start, end=start + len(text), speaker=speaker, speaker_start=0, speaker_end=5,
                 cue="said", direct=False)


def _event(event_id: str, actor1: str, actor2: str | None) -> Event:
    names = [f.name for f in dataclasses.fields(Event)]
    fields = dict.fromkeys(names)
    fields.update(event_id=event_id, event_date="2021-03-01", time_precision=1, event_type="Battles",
                  sub_event_type="Armed clash", actor1=actor1, actor2=actor2, inter1="Political militia",
                  inter2="State forces", assoc_actor_1=(), assoc_actor_2=(), country="Mexico", country_code="MX",
                  fatalities=0, certainty="reported", notes="test", evidence=(), actor1_mentions=(), actor2_mentions=())
    return Event(**fields)


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    path = tmp_path / "kb.db"
    doc = Document(id="amlo.txt", text=TEXT, published=dt.date(2021, 3, 2), source="Test")
    result = ExtractionResult(
        id="amlo.txt", language="en", published="2021-03-02", extractor="test/1",
        events=(_event("aaaa1111aaaa0000", "Sinaloa Cartel", "Police Forces of Mexico (2018-2024) National Guard"),
                _event("bbbb2222bbbb0000", "Cártel de Sinaloa", "Military Forces of Mexico (2018-2024)"),
                _event("cccc3333cccc0000", "Unidentified Armed Group (Mexico)", "Civilians (Mexico)")),
        quotes=(_quote("Andrés Manuel López Obrador", "the army would stay", 40),
                _quote("López Obrador", "We will not fight fire with fire.", 80),
                dataclasses.replace(_quote("Juan Pérez", "gunmen of the Sinaloa Cartel clashed", 140),
                                    certainty="reported", event_id="aaaa1111aaaa0000")))
    with SQLiteStore(path) as store:
        store.write_batch([StoreItem(doc, "k1", "h1", result=result)])
    return path


def test_quotes_by_any_alias_of_a_kb_actor(db: Path) -> None:
    result = _run("quotes", "--db", str(db), "--speaker", "AMLO", "--format", "jsonl")
    speakers = [json.loads(line)["speaker"] for line in result.output.splitlines()]
    assert result.exit_code == 0 and speakers == ["Andrés Manuel López Obrador", "López Obrador"]
    table = _run("quotes", "--db", str(db), "--speaker", "Andres Manuel Lopez Obrador")
    assert "2 quotes" in table.output


def test_quotes_of_a_name_outside_the_kb_fall_back_to_part_of_the_name(db: Path) -> None:
    assert [q["speaker"] for q in list_quotes(db=db, speaker="pérez")] == ["Juan Pérez"]
    assert [q["speaker"] for q in list_quotes(db=db, speaker="Obrador")] == ["Andrés Manuel López Obrador",
                                                                              "López Obrador"]
    assert list_quotes(db=db, speaker="Nadie") == []
    assert len(list_quotes(db=db, speaker="AMLO", limit=1)) == 1


def test_actors_lists_counts_and_unknown_names(db: Path) -> None:
    listing = list_actors(db=db)
    by_id = {row.actor.id: row for row in listing.known}
    assert (by_id["amlo"].events, by_id["amlo"].quotes) == (0, 2)
    assert set(by_id["amlo"].names) == {"Andrés Manuel López Obrador", "López Obrador"}
    assert (by_id["sinaloa-cartel"].events, by_id["sinaloa-cartel"].quotes) == (2, 0)
    assert by_id["mx-military-2018"].events == 1
    assert by_id["el-chapo"].events == 0
    unknown = {name: (events, quotes) for name, events, quotes in listing.unknown}
    assert unknown["Unidentified Armed Group (Mexico)"] == (1, 0)
    assert unknown["Civilians (Mexico)"] == (1, 0)
    assert unknown["Juan Pérez"] == (0, 1)

    result = _run("actors", "--db", str(db))
    assert result.exit_code == 0
    out = result.output
    assert "Sinaloa Cartel  [Political militia; MX US]  events: 2  quotes: 0" in out
    assert "Andrés Manuel López Obrador  [State forces; MX]  events: 0  quotes: 2  aliases: AMLO" in out
    assert out.index("unknown:") < out.index("Unidentified Armed Group (Mexico)  events: 1  quotes: 0")
    assert "Juan Pérez  events: 0  quotes: 1" in out


def test_actors_with_a_query(db: Path) -> None:
    result = _run("actors", "AMLO", "--db", str(db), "--format", "jsonl")
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert rows[0]["name"] == "Andrés Manuel López Obrador" and rows[0]["quotes"] == 2
    assert "López Obrador" in rows[0]["aliases"]
    assert all("unknown" not in r for r in rows)  # no stored unknown name contains 'amlo'
    result = _run("actors", "pérez", "--db", str(db))
    assert "unknown:" in result.output and "Juan Pérez  events: 0  quotes: 1" in result.output


def test_actors_without_a_database_lists_the_kb(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TALAIA_DB", str(tmp_path / "none.db"))
    result = _run("actors", "El Chapo")
    assert result.exit_code == 0 and result.output.startswith("Joaquín Guzmán Loera  [Political militia; MX]")
    missing = CliRunner().invoke(cli, ["actors", "--db", str(tmp_path / "missing.db")])
    assert missing.exit_code == 2 and "no database" in missing.output


def test_quotes_about_one_event_with_their_certainty(db: Path) -> None:
    result = _run("quotes", "--db", str(db), "--event", "aaaa1111", "--format", "jsonl")
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [(q["speaker"], q["certainty"], q["event_id"]) for q in rows] == [
        ("Juan Pérez", "reported", "aaaa1111aaaa0000")]
    table = _run("quotes", "--db", str(db), "--speaker", "Juan")
    line = "Juan Pérez [indirect, said, reported]: gunmen of the Sinaloa Cartel clashed  (event aaaa1111)"
    assert line in table.output
    assert _run("quotes", "--db", str(db), "--event", "bbbb2222").output.strip() == "0 quotes"
    shown = _run("show", "aaaa1111", "--db", str(db)).output
    assert "1 quote about it:" in shown and "gunmen of the Sinaloa Cartel clashed" in shown
    assert "quote" not in _run("show", "bbbb2222", "--db", str(db)).output.split("extractor")[-1]
    missing = CliRunner().invoke(cli, ["quotes", "--db", str(db), "--event", "zzzz9999"])
    assert missing.exit_code != 0 and "zzzz9999" in missing.output
