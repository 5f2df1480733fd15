"""`talaia alerts` end to end: a synthetic 3-year history written through the store, one injected spike."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner, Result

import talaia
from analysis.synthetic import write_history
from talaia.cli import cli
from talaia.errors import MissingDatabaseError
from talaia.review.service import record_review
from talaia.store import EventFilter, open_store

SPIKE_WEEK = "2019-W37"  # week 140 of the history, which starts in 2017-W01


@pytest.fixture(scope="module")
def history_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three municipalities in two states over 156 weeks (seeded): Poisson 2 a week in Apatzingán, an
    over-dispersed 3 in Acapulco, a quiet 0.5 in Chilpancingo; 12 more events in Apatzingán in week 140."""
    rng = np.random.default_rng(42)
    weeks = 156
    counts = {("Michoacán", "Apatzingán"): list(rng.poisson(2, weeks)),
              ("Guerrero", "Acapulco"): list(rng.negative_binomial(2, 2 / 5, weeks)),
              ("Guerrero", "Chilpancingo"): list(rng.poisson(0.5, weeks))}
    counts[("Michoacán", "Apatzingán")][140] += 12
    db = tmp_path_factory.mktemp("alerts") / "history.db"
    write_history(db, counts)
    return db


def _run(*args: str) -> Result:
    return CliRunner().invoke(cli, ["alerts", *args], catch_exceptions=False)


def test_the_injected_spike_is_the_only_alert_of_two_years(history_db: Path) -> None:
    """Every week of 2018 and 2019 judged, each area against its own history: 104 weeks x 2 states and
    x 3 municipalities (the false-alarm rate itself is checked in test_spikes.py)."""
    for by, label in (("admin1", "Michoacán, MX"), ("admin2", "Apatzingán, Michoacán, MX")):
        result = _run("--since", "2018-01-01", "--by", by, "--db", str(history_db), "--format", "json")
        assert result.exit_code == 0, result.output
        report = json.loads(result.output)
        assert len(report["weeks"]) == 104 and report["weeks"][0] == "2018-W01"
        assert [(a["week"], a["area"]["label"]) for a in report["alerts"]] == [(SPIKE_WEEK, label)]
        alert = report["alerts"][0]
        assert alert["observed"] >= 12 and alert["expected"] < 3 and alert["p_value"] <= 0.005
        assert alert["observed"] > alert["upper"] and alert["history_weeks"] == 140
        top = alert["top_events"]
        assert len(top) == 3 and all(e["event_id"].startswith("Apatzingán-140-") for e in top)
        assert [e["fatalities"] for e in top] == sorted((e["fatalities"] for e in top), reverse=True)


def test_table_csv_and_one_week(history_db: Path) -> None:
    table = _run("--week", SPIKE_WEEK, "--db", str(history_db))
    assert table.exit_code == 0
    assert table.output.startswith(f"1 alert in {SPIKE_WEEK}, 2 areas by admin1")
    assert "Michoacán, MX" in table.output and "Attack: Apatzingán, Michoacán" in table.output
    quiet = _run("--week", "2019-W36", "--db", str(history_db))
    assert quiet.output.startswith("0 alerts in 2019-W36")
    rows = list(csv.DictReader(io.StringIO(_run("--week", SPIKE_WEEK, "--by", "admin2", "--format", "csv",
                                                "--db", str(history_db)).output)))
    assert [(r["week"], r["admin2"], r["admin1"]) for r in rows] == [(SPIKE_WEEK, "Apatzingán", "Michoacán")]
    assert len(rows[0]["top_events"].split()) == 3


def test_history_shows_the_band_and_marks_the_spike(history_db: Path) -> None:
    result = _run("--history", "apatzingan", "--by", "admin2", "--since", "2019-08-26", "--week", "2019-W39",
                  "--format", "csv", "--db", str(history_db))
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert [r["week"] for r in rows] == ["2019-W35", "2019-W36", "2019-W37", "2019-W38", "2019-W39"]
    assert [r["alert"] for r in rows] == ["False", "False", "True", "False", "False"]
    assert all(float(r["expected"]) < int(r["upper"]) for r in rows)
    table = _run("--history", "Michoacán", "--since", "2019-09-01", "--week", "2019-W38", "--db", str(history_db))
    lines = table.output.splitlines()
    assert lines[0].startswith("Michoacán, MX: events per week")
    assert lines[-2].startswith(SPIKE_WEEK) and lines[-2].endswith("!") and not lines[-1].endswith("!")


def test_python_api(history_db: Path) -> None:
    report = talaia.alerts(db=history_db, since="2018-01-01", by="admin2")
    assert report.areas == 3 and [a.area.name for a in report.alerts] == ["Apatzingán"]
    json.dumps(report.to_dict())
    assert talaia.alerts(db=history_db, since="2018-01-01", by="admin2", areas=["Acapulco"]).alerts == ()
    latest = talaia.alerts(db=history_db)  # the week of the latest stored event
    assert latest.weeks == ("2019-W52",)
    deaths = talaia.alerts(db=history_db, week=SPIKE_WEEK, settings=talaia.AlertSettings(measure="fatalities"))
    assert deaths.settings.measure == "fatalities"
    history = talaia.area_history("Guerrero", db=history_db)
    assert history.area.label == "Guerrero, MX" and len(history.weeks) == 156
    assert history.weeks[51].expected is None and history.weeks[52].expected is not None  # 52 weeks of history
    with pytest.raises(MissingDatabaseError):
        talaia.alerts(db=history_db.parent / "none.db")


def test_analysts_reviews_apply_to_alerts(history_db: Path, tmp_path: Path) -> None:
    """Events marked wrong are no longer counted: with the spike week's extra events rejected, it is no alert."""
    db = tmp_path / "reviewed.db"
    shutil.copyfile(history_db, db)
    with open_store(db) as store:
        spike = [s.event.event_id for s in store.events(EventFilter(admin2="Apatzingán", date_from="2019-09-09",
                                                                    date_to="2019-09-15"))]
        for event_id in spike[2:]:  # two left, the usual count
            record_review(store, event_id, action="reject", reviewer="ana")
    assert talaia.alerts(db=history_db, week=SPIKE_WEEK, by="admin2").alerts
    assert talaia.alerts(db=db, week=SPIKE_WEEK, by="admin2").alerts == ()


@pytest.mark.parametrize(("args", "message"), [
    (["--week", "2019-W99"], "Invalid value for --week: '2019-W99' is not an ISO week"),
    (["--since", "yesterday"], "Invalid value for --since"),
    (["--threshold", "0"], "Invalid value for --threshold"),
    (["--history", "Narnia"], "Invalid value for --history: no admin1 named 'Narnia'"),
    (["--history", "guerro"], "did you mean 'Guerrero, MX'"),
    (["--week", "2019-W01", "--since", "2019-01-01"], "give --week, or --since and --until, not both"),
    (["--country", "Atlantis"], "Invalid value for --country"),
])
def test_bad_options_are_usage_errors(history_db: Path, args: list[str], message: str) -> None:
    result = _run(*args, "--db", str(history_db))
    assert result.exit_code == 2 and message in result.output


def test_a_missing_database_is_a_usage_error(tmp_path: Path) -> None:
    result = _run("--db", str(tmp_path / "none.db"))
    assert result.exit_code == 2 and "no database at" in result.output
