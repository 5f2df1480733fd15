"""Where an event happened, not where someone or something came from ('beef imports from the United
States', 'U.S. beef'), and a day's incident told again ('Saturday's gun battle'). Sentences written
for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from talaia.api import extract_text

pytestmark = pytest.mark.slow


def _events(pipeline: Any, text: str) -> list[Any]:
    return list(extract_text(text, published="2024-05-14", pipeline=pipeline).events)


def test_a_country_goods_come_from_is_not_where_the_protest_was(pipeline: Any) -> None:
    text = ("Hundreds were injured on Saturday in clashes between riot police and protesters opposed to beef "
            "imports from Argentina.\n\nThe protesters gathered in front of Santiago City Hall, chanting slogans "
            "against Argentine beef and U.S. pork imports.")
    events = _events(pipeline, text)
    assert events and all(e.country == "Chile" for e in events), [(e.country, e.location) for e in events]


def test_a_country_that_qualifies_traded_goods_is_not_the_place(pipeline: Any) -> None:
    events = _events(pipeline, "Protesters denouncing U.S. beef imports clashed with riot police in South Korea "
                               "on Sunday.")
    assert [e.country for e in events] == ["South Korea"]


def test_a_country_that_qualifies_a_person_is_the_place(pipeline: Any) -> None:
    events = _events(pipeline, "HONG KONG (Reuters) - Hong Kong media tycoon Jimmy Lai was arrested on Monday. "
                               "U.S. Secretary of State Mike Pompeo said he was troubled by the arrest.")
    assert events and events[0].country == "Hong Kong"


def test_a_town_people_come_from_after_a_verb_is_still_the_place(pipeline: Any) -> None:
    events = _events(pipeline, "Gunmen kidnapped 20 pupils from Zaria on Sunday.")
    assert [e.location for e in events] == ["Zaria"]


def test_the_days_incident_told_again_is_the_same_incident(pipeline: Any) -> None:
    text = ("Soldiers and gunmen fought a two-hour gun battle in Culiacán on Saturday, leaving 12 dead.\n\n"
            "The hotel next door was empty on Sunday, a week after Saturday's gun battle had been planned.")
    events = _events(pipeline, text)
    assert len(events) == 1 and events[0].fatalities == 12
