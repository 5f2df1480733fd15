"""Follow-ups: a report with no event of its own whose words refer back to an incident is one of its sources,
with its higher toll; shown on reports written for these tests, through the store, the CLI and REST."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from talaia import api
from talaia.cli import cli
from talaia.fuse.followups import followup_cue
from talaia.serve import ServeSettings, create_app

REPORTS = Path(__file__).resolve().parents[1] / "fixtures" / "followups" / "reports.jsonl"


@pytest.mark.parametrize(("text", "kind", "figure"), [
    ("The toll from Monday's attack rose to 23", "toll", 23),
    ("Death toll in bar fire attack climbs to 28", "toll", 28),
    ("Police arrest three over the massacre of 19", "arrest", None),
    ("Funeral of the police killed in the ambush", "funeral", None),
    ("Sube a 23 la cifra de muertos en Tepuche", "toll", 23),
    ("Detienen a tres por la masacre de Tepuche", "arrest", None),
    ("Sepultan a las víctimas de la emboscada", "funeral", None),
])
def test_words_that_refer_back_to_an_incident(text: str, kind: str, figure: int | None) -> None:
    cue = followup_cue(text)
    assert cue is not None and (cue.kind, cue.figure) == (kind, figure)


@pytest.mark.parametrize("text", ["Gunmen kill 19 in attack on village in Sinaloa", "Hallan dos cuerpos en Culiacán"])
def test_a_first_report_refers_back_to_nothing(text: str) -> None:
    assert followup_cue(text) is None


@pytest.fixture(scope="module")
def followup_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    db = str(tmp_path_factory.mktemp("followups") / "followups.db")
    result = CliRunner().invoke(cli, ["ingest", "--db", db, str(REPORTS)])
    assert result.exit_code == 0, result.output
    return db


def _incident_of(db: str, document_id: str) -> dict[str, object]:
    events = [e.to_dict() for e in api.list_events(db=db)]
    [found] = [e for e in events if document_id in {s["document_id"] for s in e["sources"]}]  # type: ignore[attr-defined]
    return found


@pytest.mark.slow
def test_follow_ups_with_no_event_are_sources_of_their_incident(followup_db: str) -> None:
    incident = _incident_of(followup_db, "first")
    assert {s["document_id"] for s in incident["sources"]} == {"first", "identified", "toll"}  # type: ignore[attr-defined]
    assert (incident["fatalities"], incident["fatalities_high"]) == (19, 23)  # the Spanish follow-up's higher toll
    # the same words of a report from another state refer back to no incident here
    assert all("elsewhere" not in {s["document_id"] for s in e.to_dict()["sources"]}  # type: ignore[attr-defined]
               for e in api.list_events(db=followup_db))
    links = api.incident_followups(str(incident["event_id"]), db=followup_db)
    assert {(link.document_id, link.kind, link.figure) for link in links} == {
        ("identified", "identification", None), ("toll", "toll", 23)}
    assert all(link.score > 0 and "same municipality" in dict(link.reasons)
               for link in links)


@pytest.mark.slow
def test_explain_and_rest_show_the_follow_ups_and_why(followup_db: str) -> None:
    event_id = str(_incident_of(followup_db, "first")["event_id"])
    result = CliRunner().invoke(cli, ["events", "explain", event_id[:8], "--db", followup_db])
    assert result.exit_code == 0, result.output
    assert "2 follow-up reports" in result.output and "toll 'Sube a 23" in result.output
    as_json = json.loads(CliRunner().invoke(cli, ["events", "explain", event_id, "--db", followup_db, "--json"]).output)
    assert {f["document_id"] for f in as_json["followups"]} == {"identified", "toll"}
    client = TestClient(create_app(ServeSettings(Path(followup_db))))
    response = client.get(f"/api/events/{event_id}/followups")
    assert response.status_code == 200 and response.json() == as_json["followups"]
    assert client.get("/api/events/ffffffff/followups").status_code == 404


@pytest.mark.slow
def test_an_incremental_ingest_links_follow_ups_on_every_backend(store_db: str, tmp_path: Path) -> None:
    # the first report alone, then the others with --incremental-fusion: only their blocks are fused
    lines = REPORTS.read_text(encoding="utf-8").splitlines()
    first, later = tmp_path / "first.jsonl", tmp_path / "later.jsonl"
    first.write_text(lines[0] + "\n", encoding="utf-8")
    later.write_text("\n".join(lines[1:]) + "\n", encoding="utf-8")
    for path, more in ((first, []), (later, ["--incremental-fusion"])):
        result = CliRunner().invoke(cli, ["ingest", "--db", store_db, str(path), *more])
        assert result.exit_code == 0, result.output
    incident = _incident_of(store_db, "first")
    assert {s["document_id"] for s in incident["sources"]} == {"first", "identified", "toll"}  # type: ignore[attr-defined]
    assert (incident["fatalities"], incident["fatalities_high"]) == (19, 23)
