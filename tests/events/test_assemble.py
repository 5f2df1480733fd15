"""Grouping mentions into incidents (events.incidents.assemble), mention by mention, without a parse."""

from __future__ import annotations

import datetime as dt

from talaia.events.dates import EventDate
from talaia.events.fatalities import FatalityCount
from talaia.events.incidents import JOIN_MODEL, Mention, assemble
from talaia.events.logistic import LogisticModel
from talaia.events.taxonomy import Taxonomy
from talaia.knowledge import load_knowledge
from talaia.models import Place

TAXONOMY = Taxonomy.from_knowledge(load_knowledge())
JOINS = LogisticModel.from_knowledge(load_knowledge(), JOIN_MODEL)
TOWN = Place("Tijuana", 0, 7, 32.5, -117.0, "MX", "Baja California", feature="city", admin2="Tijuana")
OTHER_TOWN = Place("Mexicali", 0, 8, 32.6, -115.5, "MX", "Baja California", feature="city", admin2="Mexicali")
REGION = Place("Baja California", 0, 15, 30.0, -115.0, "MX", "Baja California", feature="admin1")


def _mention(sent: int, paragraph: int, sub: str = "Attack", places: tuple[Place, ...] = (), day: int | None = None,
             deaths: int | None = None, agent: str | None = None, back: bool = False) -> Mention:
    date = EventDate(dt.date(2024, 5, day), 1, None, None) if day else None
    count = FatalityCount(deaths, deaths, 0, 1) if deaths is not None else None
    return Mention(sent, paragraph, sub, list(places), date, count, agent, False, back, frozenset())


def test_the_same_toll_told_again_far_away_is_the_same_incident() -> None:
    told = [_mention(0, 0, places=(TOWN,), day=10, deaths=4, agent="Police Forces of Mexico (2024-)"),
            _mention(8, 4, deaths=4)]
    assert assemble(told, TAXONOMY, JOINS) == [[0, 1]]


def test_a_toll_far_away_in_another_town_is_another_incident() -> None:
    told = [_mention(0, 0, places=(TOWN,), day=10, deaths=4), _mention(8, 4, places=(OTHER_TOWN,), deaths=4)]
    assert assemble(told, TAXONOMY, JOINS) == [[0], [1]]


def test_a_vague_mention_joins_the_only_incident_that_can_take_it() -> None:
    told = [_mention(0, 0, "Violent demonstration", places=(TOWN,), day=9), _mention(5, 3, places=(REGION,))]
    assert assemble(told, TAXONOMY, JOINS) == [[0, 1]]


def test_a_vague_mention_is_no_guess_between_two_incidents() -> None:
    told = [_mention(0, 0, places=(TOWN,), day=9), _mention(5, 2, places=(OTHER_TOWN,), day=6),
            _mention(10, 4, places=(REGION,))]
    assert assemble(told, TAXONOMY, JOINS) == [[0], [1], [2]]


def test_a_back_reference_with_a_later_day_still_joins() -> None:
    told = [_mention(0, 0, "Other", places=(TOWN,), day=5), _mention(7, 5, "Other", day=9, back=True)]
    assert assemble(told, TAXONOMY, JOINS) == [[0, 1]]


def test_the_next_sentence_in_a_town_far_away_is_another_incident() -> None:
    told = [_mention(0, 0, places=(TOWN,), day=10), _mention(1, 1, "Abduction/forced disappearance",
                                                            places=(OTHER_TOWN,))]
    assert assemble(told, TAXONOMY, JOINS) == [[0], [1]]


def test_the_next_sentence_in_a_neighbouring_municipality_is_another_incident() -> None:
    # ACLED: an event per location; a round-up's next town is its next incident, however close
    neighbour = Place("Rosarito", 0, 8, 32.36, -117.05, "MX", "Baja California", feature="city",
                      admin2="Playas de Rosarito")
    told = [_mention(0, 0, places=(TOWN,), day=10), _mention(1, 0, places=(neighbour,))]
    assert assemble(told, TAXONOMY, JOINS) == [[0], [1]]


def test_the_next_sentence_in_a_village_of_the_same_municipality_is_the_same_incident() -> None:
    village = Place("La Presa", 0, 8, 32.45, -116.92, "MX", "Baja California", feature="village", admin2="Tijuana")
    told = [_mention(0, 0, places=(TOWN,), day=10), _mention(1, 0, places=(village,))]
    assert assemble(told, TAXONOMY, JOINS) == [[0, 1]]


def test_a_lead_that_names_only_the_country_joins_the_state_told_next() -> None:
    country = Place("Mexico", 0, 6, 23.0, -102.0, "MX", None, feature="country")
    told = [_mention(0, 0, places=(country,), day=14, deaths=13, agent="Unidentified Armed Group (Mexico)"),
            _mention(1, 1, places=(TOWN,), day=14)]
    assert assemble(told, TAXONOMY, JOINS) == [[0, 1]]
