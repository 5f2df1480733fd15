"""Places, round 2 (issue 22): the event's place, not a namesake's, at the event's point; in sentences of our own."""

from __future__ import annotations

import math
from typing import Any

import pytest

from talaia.api import extract_text

pytestmark = pytest.mark.slow


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 12742 * math.asin(math.sqrt(h))


def _resolved(pipeline: Any, text: str, **kwargs: Any) -> list[tuple[str, str | None]]:
    result = extract_text(text, published="2023-05-02", pipeline=pipeline, **kwargs)
    return [(p.name, p.country_code) for p in result.places if p.latitude is not None]


# --- family 2: namesakes never beat the document's own country -------------------------------------------

@pytest.mark.parametrize(("text", "word"), [
    # a common word that is only an alternate name of a far-away city is no place
    ("Officers said there was a second attack in the Hindi area of Lamu county, Kenya, on Monday.", "Hindi"),
    ("Tan pronto como llegó el Ejército a Tlapehuala, Guerrero, los hombres armados huyeron.", "Tan"),
    ("Van drivers blocked the road to Celaya, Guanajuato, for three hours.", "Van"),
    # a common word named like a small town, or named like a big city only in another language, is no place
    ("Sir Keir visited the families in Camden, London, after the attack.", "Sir"),
    ("Green activists were detained by police in Brisbane on Friday.", "Green"),
])
def test_a_common_word_needs_strong_evidence(pipeline: Any, text: str, word: str) -> None:
    assert not any(name == word for name, _ in _resolved(pipeline, text))


@pytest.mark.parametrize(("text", "names"), [
    # ... but the tables' names of countries and units, and the exonyms of the world's big cities, stay
    ("The US sent aid to the UK on Monday.", {"The US": "US", "UK": "GB"}),
    ("He moved to Springfield, Mass., from Kiev last year.", {"Kiev": "UA", "Mass.": "US"}),
    ("Floods hit Calcutta on Monday.", {"Calcutta": "IN"}),
])
def test_names_the_tables_give_are_strong_evidence(pipeline: Any, text: str, names: dict[str, str]) -> None:
    resolved = dict(_resolved(pipeline, text))
    assert all(resolved.get(name) == country for name, country in names.items()), resolved


@pytest.mark.parametrize("text", [
    "Soldiers of the 21st Military Zone clashed with gunmen near Morelia on Sunday.",
    "Elementos de la 35 Zona Militar repelieron una agresión en Chilpancingo.",
])
def test_a_phrase_with_a_number_is_no_town(pipeline: Any, text: str) -> None:
    assert all(country == "MX" for _, country in _resolved(pipeline, text))


@pytest.mark.parametrize("text", [
    # a small town named twice does not vote for its own country against the rest of the document
    ("La emboscada fue en la localidad de Arroyito, departamento de Concepción, Paraguay. Los vecinos de "
     "Arroyito dijeron que el grupo armado opera en la zona desde hace años."),
    ("The ambush happened near Arroyito, in Paraguay's Concepción department. Residents of Arroyito said "
     "the armed group has operated there for years."),
])
def test_a_name_repeated_does_not_vote_for_itself(pipeline: Any, text: str) -> None:
    assert all(country == "PY" for _, country in _resolved(pipeline, text))


def test_the_word_for_a_neighbourhood_is_not_a_place(pipeline: Any) -> None:
    # 'Colonia' opening a neighbourhood's name is not the Uruguayan department
    for text in ("A man was shot dead in Colonia Santa Rosa on Friday night.",
                 "Asesinan a un hombre en la Colonia Lomas del Valle."):
        assert not any(country == "UY" for _, country in _resolved(pipeline, text, source="Milenio"))


@pytest.mark.parametrize(("text", "town", "state"), [
    ("Two bodies found in Nogales Sonora on Monday", "Nogales", "Sonora"),
    ("Ensenada Baja California: three men shot dead at a taco stand", "Ensenada", "Baja California"),
    ("Hallan sin vida a un hombre en Uruapan Michoacán", "Uruapan", "Michoacán"),
])
def test_a_town_and_its_state_without_a_comma(pipeline: Any, text: str, town: str, state: str) -> None:
    result = extract_text(text, published="2023-05-02", pipeline=pipeline)
    assert result.events and result.events[0].location == town and result.events[0].admin1 == state


# --- family 3: the event's point ---------------------------------------------------------------------

@pytest.mark.parametrize(("text", "city"), [
    # a municipality named like its seat is placed at the seat, not in the middle of the municipality
    ("Gunmen killed three men in the municipality of Juárez, Chihuahua, on Saturday.", (31.72, -106.46)),
    ("Asesinan a dos hombres en el municipio de Hermosillo, Sonora.", (29.09, -110.96)),
])
def test_a_municipality_is_placed_at_its_seat(pipeline: Any, text: str, city: tuple[float, float]) -> None:
    result = extract_text(text, published="2023-05-02", pipeline=pipeline)
    event = result.events[0]
    assert event.latitude is not None and event.longitude is not None
    assert _km((event.latitude, event.longitude), city) < 10


@pytest.mark.parametrize(("text", "state"), [
    ("Seven bodies were found in Guerrero state on Tuesday.", "Guerrero"),
    ("Hallan siete cuerpos en el estado de Zacatecas.", "Zacatecas"),
])
def test_a_state_is_placed_inside_its_shape_at_precision_3(pipeline: Any, text: str, state: str) -> None:
    from talaia.maps.boundaries import load_boundaries

    result = extract_text(text, published="2023-05-02", pipeline=pipeline)
    event = result.events[0]
    assert event.admin1 == state and event.geo_precision == 3 and event.admin2 is None
    (shape,) = [b for b in load_boundaries() if b.level == 1 and b.country == "MX" and b.matches(state)]
    assert event.latitude is not None and event.longitude is not None
    box = shape.bbox
    assert box.south <= event.latitude <= box.north and box.west <= event.longitude <= box.east


def test_location_and_admin_units_agree_with_the_point(pipeline: Any) -> None:
    for text in ("Gunmen killed a police officer in Ciudad Juárez on Monday.",
                 "Matan a un policía en Culiacán, Sinaloa."):
        event = extract_text(text, published="2023-05-02", pipeline=pipeline).events[0]
        place = next(p for p in extract_text(text, published="2023-05-02", pipeline=pipeline).places
                     if p.geoname == event.location or p.name == event.location)
        assert (event.latitude, event.longitude, event.admin1) == (place.latitude, place.longitude, place.admin1)


@pytest.mark.parametrize(("text", "state"), [
    ("Dos muertos y un herido deja un ataque a una base de taxis en NL", "Nuevo León"),
    ("Hallan cinco cuerpos calcinados en QR; ligan el caso al narco", "Quintana Roo"),
    ("Gunmen killed two police officers in Gto. on Sunday night.", "Guanajuato"),
])
def test_a_states_abbreviation_after_a_locative(pipeline: Any, text: str, state: str) -> None:
    result = extract_text(text, published="2023-05-02", pipeline=pipeline)
    assert result.events and result.events[0].admin1 == state


@pytest.mark.parametrize(("text", "source", "word"), [
    # in an outlet's report on its country, a common word is no unit or town abroad that nothing else supports
    ("An elderly man was shot dead in Infonavit Las Flores on Sunday.", "Borderland Beat", "Las Flores"),
    ("Asesinan a un hombre en la colonia Sur de la ciudad.", "Milenio", "Sur"),
    ("A woman was killed in a van and two more were injured.", "El Sol de León", "van"),
])
def test_a_common_word_is_no_place_abroad_in_an_outlets_report(pipeline: Any, text: str, source: str,
                                                               word: str) -> None:
    result = extract_text(text, published="2023-05-02", pipeline=pipeline, source=source)
    assert not any(p.name == word and p.country_code != "MX" for p in result.places if p.latitude is not None)


def test_a_place_abroad_the_report_names_with_its_country_stays(pipeline: Any) -> None:
    result = extract_text("Gunmen killed two tourists in Van, Turkey, on Monday, the ministry said.",
                          published="2023-05-02", pipeline=pipeline, source="Milenio")
    assert result.events and (result.events[0].location, result.events[0].country) == ("Van", "Turkey")
