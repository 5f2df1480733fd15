"""GET /api/events, /api/events.geojson and /api/events/{id} on a database built from the samples."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from talaia.serve import ServeSettings, create_app

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def client(desk_backend: str | Path) -> TestClient:
    return TestClient(create_app(ServeSettings(desk_backend, token="s3cret")))


def _items(client: TestClient, **params: Any) -> list[dict[str, Any]]:
    response = client.get("/api/events", params=params)
    assert response.status_code == 200, response.text
    items: list[dict[str, Any]] = response.json()["items"]
    return items


def test_events_page_has_the_contract_fields_newest_first(client: TestClient) -> None:
    body = client.get("/api/events").json()
    assert body["limit"] == 50 and body["offset"] == 0 and body["total"] == len(body["items"]) > 10
    first = body["items"][0]
    for name in ("event_id", "event_date", "event_type", "sub_event_type", "actor1", "actor2", "admin1",
                 "latitude", "longitude", "fatalities", "certainty", "evidence", "sources", "review"):
        assert name in first
    assert first["review"]["status"] == "unreviewed"
    assert {"document_id", "source", "published"} <= set(first["sources"][0])
    dates = [e["event_date"] for e in body["items"] if e["event_date"]]
    assert dates == sorted(dates, reverse=True)
    undated = [i for i, e in enumerate(body["items"]) if not e["event_date"]]
    assert not undated or undated[0] == len(dates)  # undated last


def test_events_pagination_covers_every_event_once(client: TestClient) -> None:
    total = client.get("/api/events").json()["total"]
    seen = []
    for offset in range(0, total, 4):
        page = client.get("/api/events", params={"limit": 4, "offset": offset}).json()
        assert page["total"] == total and len(page["items"]) <= 4
        seen += [e["event_id"] for e in page["items"]]
    assert len(seen) == total == len(set(seen))
    assert client.get("/api/events", params={"offset": total}).json()["items"] == []


@pytest.mark.parametrize(("params", "check"), [
    ({"admin1": "michoacan"}, lambda e: e["admin1"] == "Michoacán"),
    ({"country": "MEX"}, lambda e: e["country_code"] == "MX"),
    ({"admin2": "aguililla"}, lambda e: e["admin2"] == "Aguililla"),
    ({"event_type": "battles"}, lambda e: e["event_type"] == "Battles"),
    ({"sub_event_type": "ARMED CLASH"}, lambda e: e["sub_event_type"] == "Armed clash"),
    ({"certainty": "alleged"}, lambda e: e["certainty"] == "alleged"),
    ({"date_from": "2019-10-01", "date_to": "2019-10-31"}, lambda e: "2019-10-01" <= e["event_date"] <= "2019-10-31"),
    ({"actor": "CDS"}, lambda e: "Sinaloa Cartel" in (e["actor1"], e["actor2"])),
    ({"actor": "Cártel de Sinaloa"}, lambda e: "Sinaloa Cartel" in (e["actor1"], e["actor2"])),
])
def test_events_filters_select_what_they_name(client: TestClient, params: dict[str, str], check: Any) -> None:
    items = _items(client, **params)
    assert items, params
    assert all(check(e) for e in items)
    assert len(items) < client.get("/api/events").json()["total"]


def test_events_text_search_reads_the_evidence_and_is_literal(client: TestClient) -> None:
    # 'convoy' is in the ambush reports' evidence, not in any coded field
    found = _items(client, q="CONVOY")
    assert found and all(any(s["document_id"].startswith("outlet-") for s in e["sources"]) for e in found)
    assert _items(client, q="celaya") and _items(client, q="Culiacan")
    assert _items(client, q="%") == [] and _items(client, q="_") == []  # LIKE wildcards are plain characters


@pytest.mark.parametrize(("params", "field", "words"), [
    ({"date_from": "2019-13-01"}, "date_from", "YYYY-MM-DD"),
    ({"date_to": "yesterday"}, "date_to", "YYYY-MM-DD"),
    ({"date_from": "2020-01-02", "date_to": "2020-01-01"}, "date_from", "after"),
    ({"limit": 501}, "limit", "500"),
    ({"limit": 0}, "limit", "1"),
    ({"limit": "many"}, "limit", "integer"),
    ({"offset": -1}, "offset", "0"),
    ({"sub_event_type": "armed clahs"}, "sub_event_type", "Armed clash"),
    ({"event_type": "Attack"}, "event_type", "sub-event type"),
    ({"country": "Mexcio"}, "country", "Mexico"),
    ({"certainty": "sure"}, "certainty", "stated"),
    ({"review": "done"}, "review", "accepted"),
    ({"actor": "x" * 201}, "actor", "200"),
    ({"q": "x" * 201}, "q", "200"),
])
def test_events_bad_parameters_are_400_with_the_parameter(client: TestClient, params: dict[str, Any], field: str,
                                                           words: str) -> None:
    response = client.get("/api/events", params=params)
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["field"] == field and words in error["message"] and error["code"] == "E401 query"


def test_events_geojson_points_carry_the_event(client: TestClient) -> None:
    body = client.get("/api/events.geojson", params={"admin1": "Michoacán"}).json()
    assert body["type"] == "FeatureCollection" and body["features"]
    assert body["total"] == client.get("/api/events", params={"admin1": "Michoacán"}).json()["total"]
    for feature in body["features"]:
        lon, lat = feature["geometry"]["coordinates"]
        props = feature["properties"]
        assert feature["geometry"]["type"] == "Point" and feature["id"] == props["event_id"]
        assert (lon, lat) == (props["longitude"], props["latitude"]) and 17 < lat < 21 and -104 < lon < -100
    assert client.get("/api/events.geojson", params={"date_to": "bad"}).status_code == 400


def test_event_detail_has_documents_evidence_and_history(client: TestClient) -> None:
    ambush = _items(client, admin2="Aguililla", date_from="2019-10-14", date_to="2019-10-14")
    assert ambush
    event = ambush[0]
    detail = client.get(f"/api/events/{event['event_id'][:8]}").json()
    assert detail["event_id"] == event["event_id"] and detail["review_history"] == []
    # the filter picked the incident's reports from Aguililla on the 14th; the detail has all its reports
    assert {s["document_id"] for s in event["sources"]} <= {d["document_id"] for d in detail["documents"]}
    assert {d["document_id"] for d in detail["documents"]} == {s["document_id"] for s in detail["sources"]}
    fields = set()
    for doc in detail["documents"]:
        assert doc["text"] and doc["evidence"]
        for span in doc["evidence"]:
            assert doc["text"][span["start"]:span["end"]] == span["text"]
            fields.add(span["field"])
    assert {"actor1", "actor2", "location", None} <= fields


def test_event_detail_unknown_or_bad_ids(client: TestClient) -> None:
    missing = client.get("/api/events/ffff0000")
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "E404 not-found"
    assert client.get("/api/events/abc").status_code == 400  # too short a prefix
    assert client.get("/api/events/" + "a" * 65).status_code == 400
