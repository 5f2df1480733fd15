"""The bundled samples that `talaia demo` ingests, read as an ACLED coder would read them: every
one dated, and each one's events pinned (type, place, day, toll); the reports of an outbreak, a
poisoned brew, a death tested for Ebola and the two court cases give none. Only what an analyst
would accept from the text alone is pinned (see src/talaia/samples/ATTRIBUTION.md for the dates)."""

from __future__ import annotations

import datetime as dt
import json
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from talaia.api import extract_paths

pytestmark = pytest.mark.slow

SAMPLES = Path(str(resources.files("talaia") / "samples"))
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

# the reports with no incident of political violence: deaths from cholera, from poisoned liquor, a soldier's
# death tested for Ebola, a jail term after a ricin sting, a jail term for spitting on a police officer
NO_EVENTS = ("wikinews-83", "wikinews-120", "wikinews-3", "wikinews-79", "wikinews-57")


@pytest.fixture(scope="module")
def results(pipeline: Any) -> dict[str, Any]:
    paths = [SAMPLES / "seed-sinaloa.txt", SAMPLES / "wikinews.jsonl"]
    return {r.id: r for r in extract_paths(paths, pipeline=pipeline)}


def _only(results: dict[str, Any], doc_id: str) -> Any:
    events = results[doc_id].events
    assert len(events) == 1, [(e.sub_event_type, e.location, e.fatalities) for e in events]
    return events[0]


def test_every_sample_is_dated_and_read_without_error(results: dict[str, Any]) -> None:
    assert len(results) == 11
    for result in results.values():
        assert result.ok, result.error
        assert result.published is not None, result.id


def test_the_weekdays_the_articles_name_fall_in_the_week_before_their_date() -> None:
    # 'on Saturday', 'Wednesday': each named day is within the six days before publication
    for line in (SAMPLES / "wikinews.jsonl").read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        published = dt.date.fromisoformat(doc["published"])
        named = {w for w in WEEKDAYS if w in doc["text"].lower()}
        week = {(published - dt.timedelta(days=n)).strftime("%A").lower() for n in range(7)}
        assert named <= week, (doc["id"], named)


@pytest.mark.parametrize("doc_id", NO_EVENTS)
def test_reports_with_no_political_violence_give_no_event(results: dict[str, Any], doc_id: str) -> None:
    assert results[doc_id].events == ()


def test_acapulco_gun_battle(results: dict[str, Any]) -> None:
    event = results["wikinews-206"].events[0]
    assert (event.event_type, event.sub_event_type) == ("Battles", "Armed clash")
    assert (event.country, event.admin1) == ("Mexico", "Guerrero")
    assert event.event_date == "2009-06-06" and event.time_precision == 1  # 'on Saturday'
    assert event.fatalities == 18  # two soldiers and 16 gunmen
    assert event.inter1 == "State forces" and event.actor1.startswith("Military Forces of Mexico")


def test_acapulco_gun_battle_is_one_event(results: dict[str, Any]) -> None:
    _only(results, "wikinews-206")


def test_south_sudan_aid_workers_ambush(results: dict[str, Any]) -> None:
    event = _only(results, "wikinews-88")
    assert (event.event_type, event.sub_event_type) == ("Violence against civilians", "Attack")
    assert (event.country, event.admin1) == ("South Sudan", "Central Equatoria")  # the road from Juba
    assert event.event_date == "2017-03-25" and event.time_precision == 1
    assert event.fatalities == 6
    assert event.inter2 == "Civilians"


def test_kenyan_cattle_rustlers_raid(results: dict[str, Any]) -> None:
    raid = results["wikinews-124"].events[0]
    assert (raid.event_type, raid.sub_event_type) == ("Violence against civilians", "Attack")
    assert (raid.country, raid.admin1, raid.location) == ("Kenya", "Isiolo", "Isiolo")
    assert raid.event_date == "2009-11-15" and raid.time_precision == 1  # 'early this morning', said today
    assert raid.fatalities == 11
    assert raid.inter2 == "Civilians"
    # the September raid the article recalls: thirty killed, in September
    recalled = results["wikinews-124"].events[1:]
    assert [(e.event_date, e.fatalities) for e in recalled] == [("2009-09-01", 30)]


def test_south_african_typhoid_protest(results: dict[str, Any]) -> None:
    event = _only(results, "wikinews-141")
    assert (event.event_type, event.sub_event_type) == ("Protests", "Protest with intervention")  # rubber bullets
    assert (event.country, event.admin1, event.location) == ("South Africa", "Mpumalanga", "Delmas")
    assert event.event_date == "2005-09-21"  # broken up the day before the report, around then
    assert not event.fatalities  # the dead died of typhoid
    assert event.inter1 == "Protesters" and event.actor2 == "Police Forces of South Africa"


def test_south_korean_beef_protest_turned_violent(results: dict[str, Any]) -> None:
    event = _only(results, "wikinews-66")
    assert (event.event_type, event.sub_event_type) == ("Riots", "Violent demonstration")
    assert (event.country, event.location) == ("South Korea", "Seoul")  # not the United States the beef is from
    assert event.event_date == "2008-06-28" and event.time_precision == 1  # 'overnight Saturday'
    assert not event.fatalities
    assert event.inter1 == "Rioters" and event.actor2 == "Police Forces of South Korea"


def test_seed_michoacan_ambush_and_the_operation_after_it(results: dict[str, Any]) -> None:
    events = results["seed-sinaloa.txt"].events
    ambush, operation = events[:2]
    # the third, when given, is the Culiacán battle of 17 October 2019 the seed also reports: a real incident
    assert all((e.event_type, e.admin1) == ("Battles", "Sinaloa") for e in events[2:]) and len(events) <= 3
    assert (ambush.event_type, ambush.sub_event_type) == ("Battles", "Armed clash")  # on-duty police ambushed
    assert (ambush.country, ambush.admin1) == ("Mexico", "Michoacán")
    assert "2019-10-12" <= (ambush.event_date or "") <= "2019-10-18" and ambush.time_precision == 2
    assert ambush.fatalities == 14 and ambush.certainty == "alleged"
    assert {ambush.inter1, ambush.inter2} == {"Political militia", "State forces"}
    # the text does not say where the operation was: only its country, type and toll are the text's
    assert (operation.event_type, operation.country, operation.fatalities) == ("Battles", "Mexico", 14)


def test_seed_quotes_the_president_twice_and_the_unnamed_officials_claim_second_hand(results: dict[str, Any]
                                                                                      ) -> None:
    from talaia.api import actor_kb

    quotes = results["seed-sinaloa.txt"].quotes
    president = [q for q in quotes if q.speaker == "Andrés Manuel López Obrador"]
    assert [(q.direct, q.certainty) for q in president] == [(True, "stated"), (True, "stated")]
    assert president[0].text.startswith("We took this decision") and president[1].text.endswith("We don’t want war")
    amlo = actor_kb().resolve("AMLO")  # what `talaia quotes --speaker AMLO` looks the speaker up by
    assert amlo is not None and amlo.name == president[0].speaker
    (official,) = [q for q in quotes if q.speaker == "an unnamed senior Mexican military official"]
    assert (official.direct, official.cue, official.certainty) == (False, "told The Post", "reported")
    assert official.text.startswith("the decision to release Ovidio") and official.text.endswith("political deal")
    assert len(quotes) == 3  # "abrazos, no balazos", a campaign slogan, is no statement
