"""Aggregates, documents, actors, quotes, exports and the server's description, over HTTP."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from talaia.serve import ServeSettings, create_app

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def client(desk_backend: str | Path) -> TestClient:
    return TestClient(create_app(ServeSettings(desk_backend)))


def test_meta_lists_choices_and_write_access(client: TestClient) -> None:
    body = client.get("/api").json()
    assert body["writes"] is False and body["counts"]["events"] > 0 and body["counts"]["reviews"] == 0
    assert "Armed clash" in body["event_types"]["Battles"]
    assert "event_date" in body["correctable_fields"] and body["periods"] == ["week", "month", "year"]


def test_aggregate_counts_events_and_fatalities_per_week(client: TestClient) -> None:
    events = client.get("/api/events", params={"admin1": "Michoacán", "limit": 500}).json()["items"]
    body = client.get("/api/aggregate", params={"admin1": "Michoacán", "period": "week", "by": "admin1"}).json()
    assert body["period"] == "week" and body["by"] == "admin1"
    assert sum(r["events"] for r in body["rows"]) + body["undated"] == len(events)
    assert sum(r["fatalities"] for r in body["rows"]) == sum(e["fatalities"] or 0 for e in events if e["event_date"])
    assert all(r["key"] == "Michoacán" for r in body["rows"])
    assert "2019-W42" in {r["period"] for r in body["rows"]}  # the Aguililla ambush, Monday 14 October 2019
    months = client.get("/api/aggregate", params={"period": "month", "by": "event_type"}).json()["rows"]
    assert all(len(r["period"]) == 7 for r in months) and "Battles" in {r["key"] for r in months}
    years = client.get("/api/aggregate", params={"period": "year", "by": "event_type"}).json()["rows"]
    assert {r["period"] for r in years} == {r["period"][:4] for r in months}
    assert sum(r["events"] for r in years) == sum(r["events"] for r in months)


@pytest.mark.parametrize(("params", "field"), [({"period": "decade"}, "period"), ({"by": "colour"}, "by"),
                                               ({"date_from": "2019-1-1"}, "date_from")])
def test_aggregate_bad_parameters(client: TestClient, params: dict[str, str], field: str) -> None:
    response = client.get("/api/aggregate", params=params)
    assert response.status_code == 400 and response.json()["error"]["field"] == field


def test_document_text_and_its_events(client: TestClient) -> None:
    body = client.get("/api/documents/outlet-b.txt").json()
    assert body["document_id"] == "outlet-b.txt" and body["text"].startswith("At least 13 police")
    assert body["events"] and body["events"][0]["admin1"] == "Michoacán" and body["duplicate_of"] is None
    missing = client.get("/api/documents/no-such-document")
    assert missing.status_code == 404 and "no-such-document" in missing.json()["error"]["message"]


def test_actors_by_any_alias_with_counts(client: TestClient) -> None:
    body = client.get("/api/actors", params={"q": "sinaloa"}).json()
    cartel = next(a for a in body["items"] if a["id"] == "sinaloa-cartel")
    assert cartel["events"] >= 1 and "CDS" in cartel["aliases"]
    amlo = client.get("/api/actors/AMLO").json()
    assert amlo["name"] == "Andrés Manuel López Obrador" and amlo["quotes"] >= 1
    assert "items" in amlo["latest_events"]
    assert client.get("/api/actors/sinaloa-cartel").json()["latest_events"]["total"] >= 1
    assert client.get("/api/actors/Nobody%20Known").status_code == 404
    assert client.get("/api/actors", params={"limit": 0}).status_code == 400


def test_quotes_by_any_alias_of_the_speaker(client: TestClient) -> None:
    body = client.get("/api/quotes", params={"speaker": "AMLO"}).json()
    assert body["total"] >= 1 and all(q["speaker"] == "Andrés Manuel López Obrador" for q in body["items"])
    assert client.get("/api/quotes", params={"limit": 1}).json()["items"].__len__() == 1
    assert client.get("/api/quotes", params={"offset": -1}).status_code == 400


def test_an_events_detail_lists_what_was_said_about_it(client: TestClient) -> None:
    quotes = client.get("/api/quotes", params={"limit": 500}).json()["items"]
    assert {q["certainty"] for q in quotes} == {"stated", "reported"}
    (official,) = [q for q in quotes if q["speaker"] == "an unnamed senior Mexican military official"]
    assert official["certainty"] == "reported" and official["cue"] == "told The Post"
    # outlet-b.txt: the governor speaks about the ambush in the paragraph that tells it
    (governor,) = [q for q in quotes if q["document_id"] == "outlet-b.txt" and "those responsible" in q["text"]]
    assert governor["event_id"] and governor["speaker"] == "Silvano Aureoles"
    detail = client.get(f"/api/events/{governor['event_id']}").json()
    assert governor["text"] in [q["text"] for q in detail["quotes"]]
    assert all(q["event_id"] in (detail["mentions"] or [detail["event_id"]]) for q in detail["quotes"])
    about = client.get("/api/quotes", params={"event": governor["event_id"][:8]}).json()["items"]
    assert sorted(q["text"] for q in about) == sorted(q["text"] for q in detail["quotes"])
    assert client.get("/api/quotes", params={"event": "zzzzzzzz"}).status_code == 404


def test_exports_in_every_format(client: TestClient, tmp_path: Path) -> None:
    csv_text = client.get("/api/export", params={"format": "csv", "admin1": "Michoacán"})
    assert csv_text.headers["content-type"].startswith("text/csv")
    assert "attachment" in csv_text.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(csv_text.text)))
    assert rows and {r["admin1"] for r in rows} == {"Michoacán"}
    geo = client.get("/api/export", params={"format": "geojson"}).json()
    assert geo["type"] == "FeatureCollection"
    lines = client.get("/api/export", params={"format": "jsonl"}).text.splitlines()
    assert all("review" in json.loads(line) for line in lines)
    parquet = client.get("/api/export", params={"format": "parquet"})
    (tmp_path / "e.parquet").write_bytes(parquet.content)
    import pyarrow.parquet as pq

    assert pq.read_table(tmp_path / "e.parquet").num_rows == len(lines)
    assert client.get("/api/export", params={"format": "xml"}).status_code == 400


def test_untrusted_text_comes_back_as_json_strings(client: TestClient) -> None:
    body = client.get("/api/documents/wire/payload-1")
    assert body.headers["content-type"] == "application/json"
    assert "<script>alert('x')</script>" in body.json()["text"]  # as data, never as markup
    assert body.headers["x-content-type-options"] == "nosniff"
    assert "script-src 'self'" in body.headers["content-security-policy"]
