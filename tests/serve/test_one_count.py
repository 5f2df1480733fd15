"""One definition of "the events" (talaia.api.the_events): the table, the map, the timeline, the exports,
the counts, `talaia show` and the actors' counts all read the same incidents, rejected ones out."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from talaia.cli import cli
from talaia.serve import ServeSettings, create_app

pytestmark = pytest.mark.slow
TOKEN = {"Authorization": "Bearer s3cret"}


@pytest.fixture()
def client(desk_db_copy: str | Path) -> TestClient:
    return TestClient(create_app(ServeSettings(desk_db_copy, token="s3cret")))


def _views(client: TestClient, **params: str) -> dict[str, Any]:
    """The ids each reader shows for ``params``, and the timeline's count."""
    page = client.get("/api/events", params={**params, "limit": 500}).json()
    points = client.get("/api/events.geojson", params=params).json()
    aggregate = client.get("/api/aggregate", params={**params, "period": "month"}).json()
    exported = [json.loads(line)["event_id"] for line in
                client.get("/api/export", params={**params, "format": "jsonl"}).text.splitlines()]
    return {"table": {e["event_id"] for e in page["items"]}, "total": page["total"],
            "map": {f["id"] for f in points["features"]}, "export": set(exported),
            "timeline": sum(r["events"] for r in aggregate["rows"]) + aggregate["undated"]}


def test_a_rejected_event_leaves_every_view_at_once(client: TestClient) -> None:
    before = _views(client)
    assert before["table"] == before["export"] and before["total"] == before["timeline"] == len(before["table"])
    assert before["map"] <= before["table"]
    counts = client.get("/api").json()["counts"]
    assert counts["events"] == before["total"] and counts["reports"] >= counts["events"]
    assert set(client.get("/api").json()["count_labels"]) == set(counts)
    event_id = sorted(before["map"])[0]
    assert client.post(f"/api/events/{event_id}/review", headers=TOKEN,
                       json={"action": "reject", "reviewer": "ana"}).status_code == 200
    after = _views(client)
    assert after["table"] == before["table"] - {event_id} == after["export"]
    assert after["map"] == before["map"] - {event_id}
    assert after["total"] == after["timeline"] == before["total"] - 1
    assert client.get("/api").json()["counts"] == counts | {"events": counts["events"] - 1, "rejected": 1,
                                                            "reviews": 1}
    # asked for, the rejected event is there
    asked = client.get("/api/events", params={"review": "rejected"}).json()["items"]
    assert [e["event_id"] for e in asked] == [event_id]


def test_show_lists_the_incidents_sources_as_the_api_does(client: TestClient, desk_db_copy: str | Path) -> None:
    items = client.get("/api/events", params={"limit": 500}).json()["items"]
    fused = max(items, key=lambda e: len(e["sources"]))
    assert len(fused["sources"]) > 1
    shown = CliRunner().invoke(cli, ["show", fused["event_id"], "--db", str(desk_db_copy), "--no-color"]).output
    listed = shown.split("Sources")[1].split("Article")[0]
    assert all(s["document_id"] in listed for s in fused["sources"])


def test_an_actors_count_is_its_pages_events(client: TestClient) -> None:
    actors = client.get("/api/actors", params={"limit": 500}).json()
    counted = [a for a in actors["items"] if a["events"]]
    assert counted
    for actor in counted[:5]:
        page = client.get(f"/api/actors/{actor['id']}", params={"limit": 500}).json()
        assert page["events"] == actor["events"] == page["latest_events"]["total"], actor["name"]
    second = client.get("/api/actors", params={"limit": 2, "offset": 2}).json()
    assert [a["id"] for a in second["items"]] == [a["id"] for a in actors["items"][2:4]]
