"""Listed places: which towns a report lists for one action (events/location.py), on hand-made places."""

from __future__ import annotations

from talaia.events.location import PlaceListCues, listed_localities
from talaia.models import Place

CUES = PlaceListCues(listing=frozenset({"and", "y"}), locatives=frozenset({"in", "en"}),
                     spanning=frozenset({"between", "entre"}))


def _place(text: str, name: str, feature: str, admin1: str, admin2: str | None, after: int = 0) -> Place:
    start = text.index(name, after)
    return Place(name, start, start + len(name), latitude=19.0, longitude=-102.0, country_code="MX",
                 admin1=admin1, admin2=admin2, feature=feature, geoname=name)


def test_towns_in_different_municipalities_are_listed() -> None:
    text = "attacks in Uruapan, Zamora and in Zitácuaro"
    places = [_place(text, "Uruapan", "city", "Michoacán", "Uruapan"),
              _place(text, "Zamora", "city", "Michoacán", "Zamora"),
              _place(text, "Zitácuaro", "city", "Michoacán", "Zitácuaro")]
    assert [p.name for p in listed_localities(places, text, CUES)] == ["Uruapan", "Zamora", "Zitácuaro"]


def test_two_villages_of_one_municipality_are_one_locality() -> None:
    text = "shelling of Los Reyes and San Pedro"
    places = [_place(text, "Los Reyes", "city", "Michoacán", "Los Reyes"),
              _place(text, "San Pedro", "city", "Michoacán", "Los Reyes")]
    assert listed_localities(places, text, CUES) == []


def test_a_qualifying_state_does_not_break_the_list() -> None:
    text = "attacks in Uruapan, Michoacán, and Colima, Colima"
    places = [_place(text, "Uruapan", "city", "Michoacán", "Uruapan"),
              _place(text, "Michoacán", "admin1", "Michoacán", None),
              _place(text, "Colima", "city", "Colima", "Colima"),
              _place(text, "Colima", "city", "Colima", "Colima", after=text.index("Colima") + 1)]
    assert [p.name for p in listed_localities(places, text, CUES)] == ["Uruapan", "Colima"]


def test_a_preposition_after_a_bare_comma_says_where_the_first_lies() -> None:
    text = "la colonia Las Flores, en Zamora"
    places = [_place(text, "Las Flores", "city", "Michoacán", "Jacona"),
              _place(text, "Zamora", "city", "Michoacán", "Zamora")]
    assert listed_localities(places, text, CUES) == []


def test_between_two_towns_is_one_stretch() -> None:
    text = "a clash on the road between Uruapan and Zamora"
    places = [_place(text, "Uruapan", "city", "Michoacán", "Uruapan"),
              _place(text, "Zamora", "city", "Michoacán", "Zamora")]
    assert listed_localities(places, text, CUES) == []
