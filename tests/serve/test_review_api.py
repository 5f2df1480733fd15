"""POST /api/events/{id}/review: refused without the operator's token; corrections in every read."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from talaia.serve import ServeSettings, create_app

pytestmark = pytest.mark.slow
TOKEN = {"Authorization": "Bearer s3cret"}


@pytest.fixture()
def client(desk_db_copy: str | Path) -> TestClient:
    return TestClient(create_app(ServeSettings(desk_db_copy, token="s3cret")))


def _michoacan(client: TestClient) -> dict[str, Any]:
    items = client.get("/api/events", params={"admin1": "Michoacán", "date_from": "2019-10-14",
                                              "date_to": "2019-10-14"}).json()["items"]
    assert items
    event: dict[str, Any] = items[0]
    return event


def test_writes_without_a_configured_token_are_403(desk_db_copy: str | Path) -> None:
    client = TestClient(create_app(ServeSettings(desk_db_copy)))
    event = _michoacan(client)
    response = client.post(f"/api/events/{event['event_id']}/review", json={"action": "accept", "reviewer": "a"},
                           headers=TOKEN)
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "E602 read-only" and "--token" in response.json()["error"]["message"]
    assert client.get("/api/reviews").json()["items"] == []


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong"}, {"Authorization": "s3cret"},
                                     {"Authorization": "Basic s3cret"}])
def test_writes_without_the_right_token_are_401(client: TestClient, headers: dict[str, str]) -> None:
    event = _michoacan(client)
    response = client.post(f"/api/events/{event['event_id']}/review", json={"action": "accept", "reviewer": "a"},
                           headers=headers)
    assert response.status_code == 401 and response.headers["www-authenticate"] == "Bearer"
    assert response.json()["error"]["code"] == "E601 unauthorized"
    assert client.get("/api/reviews").json()["items"] == []


def test_a_corrected_date_shows_everywhere(client: TestClient) -> None:
    event = _michoacan(client)
    event_id = event["event_id"]
    response = client.post(f"/api/events/{event_id[:8]}/review", headers=TOKEN, json={
        "action": "correct", "field": "event_date", "value": "2019-10-13", "reviewer": "ana", "note": "Sunday"})
    assert response.status_code == 200, response.text
    updated = response.json()
    assert updated["event_date"] == "2019-10-13" and updated["review"]["status"] == "corrected"
    assert updated["review"]["corrections"]["event_date"] == "2019-10-13"
    # the list, the filters, the detail, the exports, the log and the gold all read the correction
    on_13 = client.get("/api/events", params={"admin1": "Michoacán", "date_from": "2019-10-13",
                                              "date_to": "2019-10-13"}).json()["items"]
    assert [e["event_id"] for e in on_13] == [event_id]
    assert event_id not in [e["event_id"] for e in client.get(
        "/api/events", params={"date_from": "2019-10-14", "date_to": "2019-10-14"}).json()["items"]]
    assert client.get(f"/api/events/{event_id}").json()["event_date"] == "2019-10-13"
    rows = list(csv.DictReader(io.StringIO(client.get("/api/export", params={"admin1": "Michoacán"}).text)))
    assert "2019-10-13" in {r["event_date"] for r in rows}
    log = client.get("/api/reviews").json()["items"]
    assert len(log) == 1
    entry = log[0]
    assert (entry["reviewer"], entry["field"], entry["before"], entry["after"], entry["note"]) == (
        "ana", "event_date", "2019-10-14", "2019-10-13", "Sunday")
    assert entry["applies_to"] in [event_id, *event.get("mentions", [])] and entry["reviewed_at"]
    history = client.get(f"/api/events/{event_id}").json()["review_history"]
    assert [h["review_id"] for h in history] == [entry["review_id"]]
    gold = [json.loads(line) for line in client.get("/api/reviews/gold").text.splitlines()]
    assert gold[0]["corrections"] == {"event_date": {"before": "2019-10-14", "after": "2019-10-13"}}
    assert gold[0]["event"]["event_date"] == "2019-10-13" and gold[0]["status"] == "corrected"


def test_corrections_set_what_follows_and_the_latest_wins(client: TestClient) -> None:
    event_id = _michoacan(client)["event_id"]
    for field, value in (("sub_event_type", "attack"), ("fatalities", 20), ("fatalities", 15),
                         ("actor1", "CJNG"), ("admin2", None)):
        response = client.post(f"/api/events/{event_id}/review", headers=TOKEN, json={
            "action": "correct", "field": field, "value": value, "reviewer": "ana", "clear": value is None})
        assert response.status_code == 200, response.text
    event = response.json()
    assert (event["sub_event_type"], event["event_type"]) == ("Attack", "Violence against civilians")
    assert (event["fatalities"], event["fatalities_high"]) == (15, None)
    # the acronym is stored as the actor knowledge base's canonical name: one actor, one spelling
    assert event["actor1"] == "CJNG: Jalisco New Generation Cartel" and event["admin2"] is None
    assert len(client.get("/api/reviews", params={"event_id": event_id}).json()["items"]) == 5


@pytest.mark.parametrize(("field", "value", "words"), [
    ("fatalities", 10**30, "0 to 100,000"), ("event_date", "2099-01-01", "after the first report"),
    ("admin1", "Narnia", "not a first-level unit"), ("actor1", "The Purple Hand Brotherhood", "new actor"),
    ("admin2", "Celaya", "not of Michoacán"), ("location", "El Aguaje", "no 'El Aguaje' in Michoacán"),
    ("actor2", "", "give the corrected actor2"),
])
def test_corrections_are_checked_like_input(client: TestClient, field: str, value: object, words: str) -> None:
    event_id = _michoacan(client)["event_id"]
    response = client.post(f"/api/events/{event_id}/review", headers=TOKEN, json={
        "action": "correct", "field": field, "value": value, "reviewer": "ana"})
    assert response.status_code == 400, response.text
    assert words in response.json()["error"]["message"] and response.json()["error"]["field"] == "value"
    assert client.get("/api/reviews").json()["items"] == []
    assert client.get("/api/events").status_code == 200 and client.get("/api/export").status_code == 200


def test_a_place_sets_its_state_and_point_and_undo_takes_it_back(client: TestClient) -> None:
    event = _michoacan(client)
    event_id = event["event_id"]
    moved = client.post(f"/api/events/{event_id}/review", headers=TOKEN, json={
        "action": "correct", "field": "location", "value": "Celaya, Guanajuato", "reviewer": "ana"}).json()
    assert (moved["location"], moved["admin2"], moved["admin1"]) == ("Celaya", "Celaya", "Guanajuato")
    assert abs(moved["latitude"] - 20.5) < 0.2
    log = client.get("/api/reviews", params={"event_id": event_id}).json()["items"]
    assert log[0]["field"] == "location" and {"admin1", "latitude"} <= {e["field"] for e in log}
    new = client.post(f"/api/events/{event_id}/review", headers=TOKEN, json={
        "action": "correct", "field": "actor1", "value": "The Purple Hand Brotherhood", "new_actor": True,
        "reviewer": "ana"}).json()
    assert new["actor1"] == "The Purple Hand Brotherhood"
    undone = client.post(f"/api/events/{event_id}/review", headers=TOKEN, json={"action": "undo", "reviewer": "bo"})
    assert undone.json()["actor1"] == event["actor1"] and undone.json()["admin1"] == "Guanajuato"
    back = client.post(f"/api/events/{event_id}/review", headers=TOKEN, json={"action": "undo", "reviewer": "bo"})
    assert (back.json()["admin1"], back.json()["location"]) == (event["admin1"], event["location"])
    assert back.json()["review"]["status"] == "unreviewed"
    actions = [e["action"] for e in client.get("/api/reviews", params={"event_id": event_id}).json()["items"]]
    assert actions[:2] == ["undo", "undo"]  # the log keeps every row: undo is a new one
    again = client.post(f"/api/events/{event_id}/review", headers=TOKEN, json={"action": "undo", "reviewer": "bo"})
    assert again.status_code == 400 and "no review left to undo" in again.json()["error"]["message"]


def test_reject_then_accept_and_exports_leave_rejected_out(client: TestClient) -> None:
    event_id = _michoacan(client)["event_id"]
    rejected = client.post(f"/api/events/{event_id}/review", headers=TOKEN,
                           json={"action": "reject", "reviewer": "bo"}).json()
    assert rejected["review"]["status"] == "rejected"
    assert [e["event_id"] for e in client.get("/api/events", params={"review": "rejected"}).json()["items"]] == [
        event_id]
    ids_in_export = [json.loads(line)["event_id"] for line in
                     client.get("/api/export", params={"format": "jsonl"}).text.splitlines()]
    assert event_id not in ids_in_export
    assert event_id in [json.loads(line)["event_id"] for line in client.get(
        "/api/export", params={"format": "jsonl", "rejected": "true"}).text.splitlines()]
    accepted = client.post(f"/api/events/{event_id}/review", headers=TOKEN,
                           json={"action": "accept", "reviewer": "bo"}).json()
    assert accepted["review"]["status"] == "accepted" and accepted["review"]["reviews"] == 2


@pytest.mark.parametrize(("body", "field"), [
    ({"action": "approve", "reviewer": "a"}, "action"),
    ({"action": "correct", "field": "country", "value": "Peru", "reviewer": "a"}, "field"),
    ({"action": "correct", "field": "event_date", "value": "14/10/2019", "reviewer": "a"}, "value"),
    ({"action": "correct", "field": "fatalities", "value": -2, "reviewer": "a"}, "value"),
    ({"action": "correct", "field": "fatalities", "value": True, "reviewer": "a"}, "value"),
    ({"action": "correct", "field": "latitude", "value": 95.0, "reviewer": "a"}, "value"),
    ({"action": "correct", "field": "sub_event_type", "value": "Skirmish", "reviewer": "a"}, "value"),
    ({"action": "correct", "field": "actor1", "value": None, "reviewer": "a"}, "value"),
    ({"action": "accept", "field": "admin1", "value": "Jalisco", "reviewer": "a"}, "field"),
    ({"action": "accept"}, "reviewer"),
    ({"action": "accept", "reviewer": ""}, "reviewer"),
    ({"action": "accept", "reviewer": "a", "stamp": "x"}, "stamp"),
])
def test_bad_reviews_are_400_and_change_nothing(client: TestClient, body: dict[str, Any], field: str) -> None:
    event_id = _michoacan(client)["event_id"]
    response = client.post(f"/api/events/{event_id}/review", headers=TOKEN, json=body)
    assert response.status_code == 400, response.text
    assert response.json()["error"]["field"] == field
    assert client.get("/api/reviews").json()["items"] == []


def test_reviewing_an_unknown_event_is_404_and_a_bad_body_400(client: TestClient) -> None:
    response = client.post("/api/events/ffff0000/review", headers=TOKEN, json={"action": "accept", "reviewer": "a"})
    assert response.status_code == 404
    garbled = client.post("/api/events/ffff0000/review", headers=TOKEN | {"content-type": "application/json"},
                          content=b"{not json")
    assert garbled.status_code == 400 and "JSON" in garbled.json()["error"]["message"]


def test_merge_and_split_are_logged_and_seen_everywhere(client: TestClient) -> None:
    items = client.get("/api/events", params={"limit": 500}).json()["items"]
    lone = [e for e in items if not e.get("mentions")]
    first, second = lone[0]["event_id"], lone[1]["event_id"]
    total = len(items)
    assert client.post(f"/api/events/{first}/merge", json={"other": second, "reviewer": "a"}).status_code == 401
    merged = client.post(f"/api/events/{first}/merge", headers=TOKEN,
                         json={"other": second[:8], "reviewer": "ana", "note": "one ambush"})
    assert merged.status_code == 200, merged.text
    incident = merged.json()
    assert set(incident["mentions"]) == {first, second}
    after = client.get("/api/events", params={"limit": 500}).json()
    assert after["total"] == total - 1
    assert client.get("/api").json()["counts"]["events"] == total - 1
    history = client.get(f"/api/events/{incident['event_id']}").json()["review_history"]
    assert [(h["action"], h["after"], h["note"]) for h in history] == [("merge", second, "one ambush")]
    again = client.post(f"/api/events/{first}/merge", headers=TOKEN, json={"other": second, "reviewer": "ana"})
    assert again.status_code == 400 and "one incident already" in again.json()["error"]["message"]
    split = client.post(f"/api/events/{incident['event_id']}/split", headers=TOKEN, json={"reviewer": "bo"})
    assert split.status_code == 200 and set(split.json()["apart"]) == {first, second}
    assert client.get("/api/events", params={"limit": 500}).json()["total"] == total
    log = [e["action"] for e in client.get("/api/reviews").json()["items"]]
    assert log == ["split", "merge"]
    alone = client.post(f"/api/events/{first}/split", headers=TOKEN, json={"reviewer": "bo"})
    assert alone.status_code == 400 and "nothing to split" in alone.json()["error"]["message"]


def test_the_review_queue_orders_by_confidence_and_drops_reviewed_events(client: TestClient) -> None:
    queue = client.get("/api/review/queue", params={"limit": 500}).json()
    confidences = [q["confidence"] for q in queue["items"]]
    assert confidences == sorted(confidences) and queue["total"] == len(queue["items"]) > 3
    # every extracted event carries its confidence (contract v1.2): the queue reads the extractor's
    assert all(q["reasons"] for q in queue["items"][:3]) and queue["items"][0]["confidence_from"] == "extractor"
    first = queue["items"][0]["event"]["event_id"]
    client.post(f"/api/events/{first}/review", headers=TOKEN, json={"action": "accept", "reviewer": "ana"})
    again = client.get("/api/review/queue", params={"limit": 500}).json()
    assert again["total"] == queue["total"] - 1 and first not in {q["event"]["event_id"] for q in again["items"]}
