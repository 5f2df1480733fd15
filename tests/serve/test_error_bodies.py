"""No error body names a path of the server's disk: every route of the API, refused for every reason it
has (an unknown id, a bad parameter, a bad body, a missing or broken database)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from talaia.models import Document, Event, Evidence, ExtractionResult
from talaia.serve import ServeSettings, create_app
from talaia.serve.routes import ROUTERS
from talaia.store import StoreItem, open_store

TOKEN = {"Authorization": "Bearer t0ken"}
TEXT = "Gunmen killed two police officers in Celaya on Monday."
# what a request may carry that is wrong, per parameter name (a route takes those it knows)
BAD_QUERY = {"date_from": "14/10/2019", "country": "Narnia", "limit": "0", "format": "docx", "week": "2019-X1",
             "since": "yesterday", "by": "planet", "period": "decade", "area": "", "event_id": "zz"}


def _database(folder: Path) -> Path:
    db = folder / "private" / "analysts" / "desk.db"
    db.parent.mkdir(parents=True)
    event = Event(event_id="e1e1e1e1", event_date="2020-01-13", time_precision=1,
                  event_type="Violence against civilians", sub_event_type="Attack",
                  actor1="Unidentified Armed Group (Mexico)", actor2="Police Forces of Mexico", inter1=None,
                  inter2=None, assoc_actor_1=(), assoc_actor_2=(), country="Mexico", country_code="MX",
                  admin1="Guanajuato", admin2="Celaya", location="Celaya", latitude=20.5, longitude=-100.8,
                  geo_precision=1, fatalities=2, fatalities_high=None, certainty="stated", notes="",
                  evidence=(Evidence(0, len(TEXT)),))
    with open_store(db) as store:
        result = ExtractionResult(id="a", language="en", published="2020-01-14", events=(event,), extractor="t/1")
        store.write_batch([StoreItem(Document(id="a", text=TEXT, published=dt.date(2020, 1, 14)), "k", "h",
                                     result=result)])
    return db


def _requests() -> list[tuple[str, str, dict[str, object] | None]]:
    """(method, url, json body) that each route refuses: unknown ids, every bad parameter, a bad body."""
    out: list[tuple[str, str, dict[str, object] | None]] = []
    for route in (r for router in ROUTERS for r in router.routes):
        if not isinstance(route, APIRoute):
            continue
        url = re.sub(r"\{(\w+)(:path)?\}", "zzzz-no-such-thing", route.path)
        for method in route.methods:
            if method == "GET":
                out.append((method, url, None))
                out += [(method, f"{url}?{name}={value}", None) for name, value in BAD_QUERY.items()]
            else:
                out.append((method, url, {"action": "accept", "reviewer": "a"}))
                out.append((method, url, {"action": "correct", "field": "fatalities", "value": 10**30,
                                          "reviewer": "a"}))
                if "{event_id}" in route.path:
                    known = route.path.replace("{event_id}", "e1e1e1e1")
                    for body in ({"action": "correct", "field": "admin1", "value": "Narnia", "reviewer": "a"},
                                 {"action": "merge", "reviewer": "a"}, {"other": "zzzz", "reviewer": "a"}):
                        out.append((method, known, body))
    return out


def _refusals(client: TestClient) -> list[tuple[str, int, str]]:
    found = []
    for method, url, body in _requests():
        response = client.request(method, url, json=body, headers=TOKEN)
        if response.status_code >= 400:
            found.append((url, response.status_code, response.text))
    return found


def test_no_error_body_names_a_path_of_the_server(tmp_path: Path) -> None:
    db = _database(tmp_path)
    client = TestClient(create_app(ServeSettings(db, token="t0ken")), raise_server_exceptions=False)
    refused = _refusals(client)
    statuses = {status for _, status, _ in refused}
    assert {400, 404} <= statuses and len(refused) > 50
    db.unlink()  # the database gone while serving: 503 everywhere
    gone = _refusals(client)
    assert 503 in {status for _, status, _ in gone}
    db.write_bytes(b"this is not a database" * 100)  # a broken one: 500
    broken = _refusals(client)
    assert 500 in {status for _, status, _ in broken}
    for url, status, text in refused + gone + broken:
        assert str(tmp_path) not in text and "private/analysts" not in text, (url, status, text)
        assert not re.search(r"(?<![\w:/.])/(?!api\b|docs\b)[\w.-]+/[\w.-]+", text), (url, status, text)
    assert any("desk.db" in text for _, _, text in gone)  # the database is named by its name alone


@pytest.mark.parametrize("message", ["no event in /home/ana/talaia/desk.db", r"C:\data\desk.db is locked"])
def test_public_messages_leave_paths_out(message: str) -> None:
    from talaia.serve.errors import _ABSOLUTE_PATH

    assert "desk.db" not in _ABSOLUTE_PATH.sub("(a path)", message)
    assert _ABSOLUTE_PATH.sub("(a path)", "see /docs and /api/events") == "see /docs and /api/events"
