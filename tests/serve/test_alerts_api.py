"""GET /api/alerts and /api/alerts/history on a synthetic 3-year history with one injected spike."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

import talaia
from analysis.synthetic import SPIKE_WEEK, write_spike_history
from talaia.serve import ServeSettings, create_app


@pytest.fixture(scope="module")
def history_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("alerts-api") / "history.db"
    write_spike_history(db)
    return db


@pytest.fixture(scope="module")
def client(history_db: Path) -> TestClient:
    return TestClient(create_app(ServeSettings(history_db)))


def test_alerts_are_the_python_apis(client: TestClient, history_db: Path) -> None:
    answer = client.get("/api/alerts", params={"week": SPIKE_WEEK, "by": "admin2", "admin1": "michoacan"})
    assert answer.status_code == 200, answer.text
    body: dict[str, Any] = answer.json()
    assert body == talaia.alerts(db=history_db, week=SPIKE_WEEK, by="admin2",
                                 where=talaia.EventFilter(admin1="michoacan")).to_dict()
    assert body["weeks"] == [SPIKE_WEEK] and body["areas"] == 2  # Guerrero's municipality is not judged
    (alert,) = body["alerts"]
    assert alert["area"] == {"by": "admin2", "label": "Apatzingán, Michoacán, MX", "country_code": "MX",
                             "admin1": "Michoacán", "admin2": "Apatzingán"}
    assert alert["observed"] >= 12 and alert["p_value"] <= 0.005 and len(alert["top_events"]) == 3
    quiet = client.get("/api/alerts", params={"week": "2019-W36", "by": "admin2"}).json()
    assert quiet["alerts"] == [] and quiet["areas"] == 3


def test_alerts_take_the_commands_parameters(client: TestClient) -> None:
    since = client.get("/api/alerts", params={"since": "2018-01-01", "by": "admin1", "top": 1}).json()
    assert len(since["weeks"]) == 104 and [a["week"] for a in since["alerts"]] == [SPIKE_WEEK]
    assert len(since["alerts"][0]["top_events"]) == 1
    strict = client.get("/api/alerts", params={"week": SPIKE_WEEK, "threshold": 1e-12, "min_count": 40}).json()
    assert strict["alerts"] == [] and strict["settings"]["threshold"] == 1e-12 and strict["settings"]["min_count"] == 40
    deaths = client.get("/api/alerts", params={"week": SPIKE_WEEK, "measure": "fatalities", "area": ["Guerrero"]})
    assert deaths.json()["settings"]["measure"] == "fatalities" and deaths.json()["alerts"] == []
    history = client.get("/api/alerts/history", params={"area": "apatzingan", "by": "admin2", "since": "2019-08-26",
                                                        "week": "2019-W39"}).json()
    assert [(w["week"], w["alert"]) for w in history["weeks"]] == [
        ("2019-W35", False), ("2019-W36", False), ("2019-W37", True), ("2019-W38", False), ("2019-W39", False)]


@pytest.mark.parametrize(("params", "field", "words"), [
    ({"week": "2019-W99"}, "week", "not an ISO week"),
    ({"week": "last week"}, "week", "not an ISO week"),
    ({"since": "yesterday"}, "since", "not a date"),
    ({"week": SPIKE_WEEK, "since": "2019-01-01"}, "since", "not both"),
    ({"by": "planet"}, "by", "by"),
    ({"measure": "tears"}, "measure", "measure"),
    ({"threshold": "0"}, "threshold", "threshold"),
    ({"threshold": "often"}, "threshold", "threshold"),
    ({"min_history": "0"}, "min_history", "min_history"),
    ({"top": "-1"}, "top", "top"),
    ({"country": "Atlantis"}, "country", "Atlantis"),
    ({"area": "x" * 201}, "area", "200"),
])
def test_bad_parameters_are_400_naming_them(client: TestClient, params: dict[str, str], field: str, words: str
                                            ) -> None:
    answer = client.get("/api/alerts", params=params)
    assert answer.status_code == 400, answer.text
    error = answer.json()["error"]
    assert error["field"] == field and words in error["message"]


def test_history_of_an_unknown_area_is_400_with_a_suggestion(client: TestClient) -> None:
    answer = client.get("/api/alerts/history", params={"area": "Michoacam"})
    assert answer.status_code == 400
    assert "did you mean 'Michoacán, MX'" in answer.json()["error"]["message"]
    assert client.get("/api/alerts/history").status_code == 400  # area is required
