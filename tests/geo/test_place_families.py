"""Families of place errors an analyst sees on a map (issue 11), one test each, in sentences of our own."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from talaia.api import extract_text
from talaia.models import Document

pytestmark = pytest.mark.slow


def _places(pipeline: Any, text: str, **kwargs: Any) -> list[tuple[str, str | None, str | None]]:
    result = extract_text(text, published="2023-03-14", pipeline=pipeline, **kwargs)
    return [(p.name, p.feature, p.admin1) for p in result.places]


def test_a_town_outside_the_state_written_after_it_is_left_to_the_state(pipeline: Any) -> None:
    # every El Paraíso the gazetteer knows lies outside Michoacán: the state after the comma says where it is
    result = extract_text("Gunmen shot a farmer dead in El Paraiso, Michoacan, late on Sunday.",
                          published="2023-03-14", pipeline=pipeline)
    assert not any(p.name.endswith("Paraiso") and p.latitude is not None for p in result.places), result.places
    assert result.events and result.events[0].admin1 == "Michoacán"


def test_the_state_after_a_country_s_possessive_contains_the_town(pipeline: Any) -> None:
    result = extract_text("Attackers killed four men in the village of Aguaje in Mexico's Michoacan state.",
                          published="2023-03-14", pipeline=pipeline)
    assert any(p.name == "Michoacan" and p.admin1 == "Michoacán" for p in result.places), result.places
    assert not any(p.admin1 == "Veracruz" for p in result.places)
    assert result.events and result.events[0].admin1 == "Michoacán"


def test_a_list_of_states_is_not_a_town_inside_a_state(pipeline: Any) -> None:
    places = _places(pipeline, "Storms hit Sonora, Chihuahua and Durango this week.")
    assert ("Sonora", "admin1", "Sonora") in places, places


def test_a_unit_noun_after_a_name_the_ner_calls_a_nationality(pipeline: Any) -> None:
    places = _places(pipeline, "Two soldiers died in an ambush in Mexico's Michoacan state on Friday.")
    assert ("Michoacan", "admin1", "Michoacán") in places, places


def test_the_city_of_a_state_s_name_is_the_city(pipeline: Any) -> None:
    result = extract_text("Police found two bodies in the city of Durango on Tuesday.",
                          published="2023-03-14", pipeline=pipeline)
    durango = [p for p in result.places if p.name == "Durango"]
    assert durango and durango[0].feature == "city" and durango[0].admin1 == "Durango", result.places


def test_a_town_after_a_settlement_noun_and_not_its_article(pipeline: Any) -> None:
    places = _places(pipeline, "Residents of the community of Las Cruces de Abajo, municipality of Elota, fled.")
    assert not any(name == "Las" for name, _, _ in places), places
    assert any(name == "Elota" and admin1 == "Sinaloa" for name, _, admin1 in places), places


def test_a_big_city_the_ner_takes_for_an_organisation(pipeline: Any) -> None:
    places = _places(pipeline, "Hotel workers from Cancun marched on Friday.")
    assert ("Cancun", "city", "Quintana Roo") in places, places


def test_acronyms_and_english_name_words_stay_organisations(pipeline: Any) -> None:
    places = _places(pipeline, "Pupils at Franklin were tested again, and a White House aide said BA would help.")
    assert not {name for name, _, _ in places} & {"Franklin", "White House", "BA"}, places


def test_a_town_after_in_that_the_ner_takes_for_a_firm(pipeline: Any) -> None:
    result = extract_text("Three police officers were shot dead in Tlapa de Comonfort on Monday.",
                          published="2023-03-14", pipeline=pipeline)
    assert result.events and result.events[0].admin2 == "Tlapa de Comonfort"
    assert result.events[0].admin1 == "Guerrero"


def test_a_headline_adjective_taken_into_a_state_s_name(pipeline: Any) -> None:
    places = _places(pipeline, "Bloody Veracruz, another weekend of killings")
    assert any(name == "Veracruz" for name, _, _ in places), places


def test_a_nickname_in_quotes_is_not_a_town(pipeline: Any) -> None:
    places = _places(pipeline, 'Police arrested "El Cabo" and two of his men in Tijuana on Monday.')
    assert not any(name.endswith("Cabo") for name, _, _ in places), places
    assert any(name == "Tijuana" for name, _, _ in places), places


def test_a_nationality_chooses_among_homonyms(pipeline: Any) -> None:
    # the gazetteer knows an 'Iguala' in Honduras too: the Mexican soldiers say which one
    places = _places(pipeline, "Mexican soldiers patrol the streets of Iguala after the attack")
    assert ("Iguala", "city", "Guerrero") in places, places


def test_a_national_outlet_s_country_is_the_focus(pipeline: Any) -> None:
    # 'Iguala' is also a town in Honduras; a Mexican paper's Iguala is the Mexican one
    doc = Document(id="outlet-1", text="Searchers find three more graves near Iguala", published=dt.date(2023, 3, 14),
                   source="Milenio")
    [result] = list(pipeline.run([doc]))
    iguala = [p for p in result.places if p.name == "Iguala"]
    assert iguala and iguala[0].country_code == "MX" and iguala[0].admin1 == "Guerrero", result.places


def test_a_local_outlet_s_state_holds_its_neighbourhoods(pipeline: Any) -> None:
    # a neighbourhood named like a town elsewhere stays unresolved rather than move the event there
    doc = Document(id="outlet-2", text="A man is shot dead in the San Rafael neighborhood",
                   published=dt.date(2023, 3, 14), source="El Sol de Tijuana")
    [result] = list(pipeline.run([doc]))
    assert result.events and result.events[0].admin1 == "Baja California", result.events


def test_the_state_of_a_country_s_name_is_the_state(pipeline: Any) -> None:
    places = _places(pipeline, "Encuentran tres cuerpos en el estado de México, cerca de la autopista.")
    assert ("México", "admin1", "México") in places, places


def test_a_state_written_as_a_state_is_not_its_capital(pipeline: Any) -> None:
    # the capital shares the state's name; 'Chihuahua State' is the state
    places = _places(pipeline, "Soldiers found a drug lab in Chihuahua State on Friday.")
    assert ("Chihuahua", "admin1", "Chihuahua") in places, places


def test_a_part_of_a_state_named_by_a_direction_is_in_the_state(pipeline: Any) -> None:
    places = _places(pipeline, "Heavy rain flooded roads across Southern California and North Texas on Friday.")
    assert ("Southern California", "admin1", "California") in places, places


def test_a_town_outside_the_municipality_written_after_it_is_not_resolved_elsewhere(pipeline: Any) -> None:
    # the only El Aguaje the gazetteer knows is in Veracruz; the text puts this one in Aguililla
    result = extract_text("Gunmen ambushed soldiers in the town of El Aguaje, in the municipality of Aguililla, "
                          "Michoacán, on Monday, killing three.", published="2023-03-14", pipeline=pipeline)
    assert not any(p.admin1 == "Veracruz" for p in result.places), result.places
    assert result.events and result.events[0].admin1 == "Michoacán"


def test_a_user_s_outlet_table_places_a_report_that_names_no_place(tmp_path: Any) -> None:
    from talaia.pipeline import Pipeline, PipelineConfig

    (tmp_path / "codebook").mkdir()
    (tmp_path / "codebook" / "outlet_places.tsv").write_text(
        "outlet\tplace\tcountry\nCuarto Poder\tTuxtla Gutiérrez\tMX\n", encoding="utf-8")
    doc = Document(id="outlet-3", text="Gunmen killed two police officers on Monday night.",
                   published=dt.date(2023, 3, 14), source="Cuarto Poder")
    [result] = list(Pipeline(PipelineConfig(knowledge_dirs=(str(tmp_path),))).run([doc]))
    assert result.events and result.events[0].admin1 == "Chiapas", result.events
    assert result.events[0].geo_precision == 2  # only the outlet's home: somewhere around it


def test_an_international_agency_has_no_home_whatever_its_name_holds(pipeline: Any) -> None:
    doc = Document(id="outlet-3", text="Gunmen kill five in bar attack", published=dt.date(2010, 5, 10),
                   source="Agence France Presse")
    [result] = list(pipeline.run([doc]))
    assert all(e.country != "France" for e in result.events), result.events


@pytest.mark.parametrize(("text", "country"), [
    ("Police broke up a protest in Delmas, north-east South Africa, on Monday.", "South Africa"),
    ("Gunmen killed two traders in Delmas, northern Haiti, on Monday.", "Haiti"),
])
def test_a_direction_before_the_country_after_a_comma_still_places_the_town(pipeline: Any, text: str,
                                                                            country: str) -> None:
    result = extract_text(text, published="2023-03-14", pipeline=pipeline)
    delmas = [p for p in result.places if p.name == "Delmas"]
    assert delmas and delmas[0].country == country
