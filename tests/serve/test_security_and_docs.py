"""Offline docs, JSON errors, the Host and body-size guards, and the errors a bug must not leak."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from talaia.errors import MissingDatabaseError
from talaia.serve import ServeSettings, create_app

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def client(desk_db: Path) -> TestClient:
    return TestClient(create_app(ServeSettings(desk_db)))


def test_docs_load_nothing_from_elsewhere(client: TestClient) -> None:
    page = client.get("/docs")
    assert page.status_code == 200 and "swagger-ui" in page.text
    assert not re.search(r"(src|href)=\"(https?:)?//", page.text)
    for asset in re.findall(r"(?:src|href)=\"([^\"]+)\"", page.text):
        assert client.get(asset).status_code == 200, asset
    assert "<script>" not in page.text.replace('<script src=', '')  # no inline script (the CSP forbids them)
    spec = client.get("/openapi.json").json()
    assert {"/api/events", "/api/events/{event_id}", "/api/events/{event_id}/review", "/api/aggregate",
            "/api/reviews", "/api/export"} <= set(spec["paths"])
    assert client.get("/redoc").status_code == 404


def test_unknown_endpoint_and_method_are_json(client: TestClient) -> None:
    missing = client.get("/api/nothing")
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "E404 not-found"
    wrong = client.delete("/api/events")
    assert wrong.status_code == 405 and "error" in wrong.json()


def test_a_loopback_server_answers_only_loopback_names(desk_db: Path) -> None:
    settings = ServeSettings.for_host(desk_db, "127.0.0.1")
    client = TestClient(create_app(settings), base_url="http://127.0.0.1:8765")
    assert client.get("/api").status_code == 200
    assert client.get("/api", headers={"host": "localhost:8765"}).status_code == 200
    rebound = client.get("/api", headers={"host": "evil.example:8765"})
    assert rebound.status_code == 400 and rebound.json()["error"]["code"] == "E421 bad-host"
    anywhere = ServeSettings.for_host(desk_db, "0.0.0.0")
    assert anywhere.allowed_hosts == ("*",)


def test_request_bodies_over_the_limit_are_refused(desk_db: Path) -> None:
    client = TestClient(create_app(ServeSettings(desk_db, token="t", max_body=2048)))
    big = {"action": "accept", "reviewer": "x", "note": "n" * 4000}
    response = client.post("/api/events/abcd/review", json=big, headers={"Authorization": "Bearer t"})
    assert response.status_code == 413 and response.json()["error"]["code"] == "E413 too-large"

    def chunks():  # type: ignore[no-untyped-def]  # no Content-Length: the size is counted as it comes
        for _ in range(4):
            yield b"x" * 1024

    streamed = client.post("/api/events/abcd/review", content=chunks(), headers={"Authorization": "Bearer t"})
    assert streamed.status_code == 413


def test_a_bug_is_a_json_500_without_a_traceback(desk_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from talaia import api

    def broken(**_: object) -> None:
        raise RuntimeError("secret internals /etc/passwd")

    monkeypatch.setattr(api, "aggregate_events", broken)
    client = TestClient(create_app(ServeSettings(desk_db)), raise_server_exceptions=False)
    response = client.get("/api/aggregate")
    assert response.status_code == 500 and response.json()["error"]["code"] == "E500 internal"
    assert "secret" not in response.text and "Traceback" not in response.text


def test_the_database_must_exist(tmp_path: Path) -> None:
    with pytest.raises(MissingDatabaseError):
        create_app(ServeSettings(tmp_path / "missing.db"))
    assert not (tmp_path / "missing.db").exists()


def test_the_openapi_document_tells_the_errors_it_gives(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    events = spec["paths"]["/api/events"]["get"]
    assert "422" not in events["responses"] and {"200", "400", "404"} <= set(events["responses"])
    review = spec["paths"]["/api/events/{event_id}/review"]["post"]
    assert {"401", "403", "413"} <= set(review["responses"])
    params = {p["name"]: p["schema"] for p in events["parameters"]}
    assert params["date_from"]["format"] == "date" and "Armed clash" in params["sub_event_type"]["enum"]


def test_a_team_database_is_served_by_its_url_and_named_without_its_password() -> None:
    settings = ServeSettings.for_host("postgresql://ana:s3cret@db.example.org:5432/talaia?sslmode=require", "::1")
    assert settings.db == "postgresql://ana:s3cret@db.example.org:5432/talaia?sslmode=require"  # not a Path
    assert settings.database_name == "talaia"
    assert ServeSettings("data/desk.db").database_name == "desk.db"
