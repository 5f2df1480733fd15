"""Places in short headlines and local reports (issue 11), one test per family, in sentences of our
own: a title-case place taken for an organisation, abbreviated, short and late-started town names, a
Spanish verb or a date taken for a place, a state's phrase, a local outlet's own neighbourhoods."""

from __future__ import annotations

from typing import Any

import pytest

from talaia.api import extract_text
from talaia.geo.gazetteer import NameKey
from talaia.geo.resolve import _own_name

pytestmark = pytest.mark.slow


def _result(pipeline: Any, text: str, language: str = "en", source: str | None = None) -> Any:
    return extract_text(text, published="2012-06-05", language=language, source=source, pipeline=pipeline)


def test_a_title_case_place_before_common_nouns_is_the_event_s_place(pipeline: Any) -> None:
    result = _result(pipeline, "Two Killed at Torreón Bars")
    assert any(p.name == "Torreón" and not p.embedded for p in result.places), result.places
    assert result.events and result.events[0].admin1 == "Coahuila"


def test_a_state_opening_a_headline_before_its_nouns(pipeline: Any) -> None:
    result = _result(pipeline, "Zacatecas Shootings leave three dead")
    assert result.events and result.events[0].admin1 == "Zacatecas", result.places


def test_an_institution_after_the_place_keeps_the_organisation(pipeline: Any) -> None:
    result = _result(pipeline, "The Texas Department of Health counted four deaths from the flu.")
    assert all(p.embedded for p in result.places if p.name == "Texas"), result.places


def test_a_town_written_with_an_abbreviated_word(pipeline: Any) -> None:
    result = _result(pipeline, "Hallan sin vida a tres hombres en Cd. Juárez", language="es")
    assert any(p.name == "Cd. Juárez" and p.geoname == "Ciudad Juárez" for p in result.places), result.places
    result = _result(pipeline, "Police Find Nine Bodies in CD Juarez")
    assert result.events and result.events[0].admin1 == "Chihuahua", result.places


def test_a_town_s_short_name_is_the_big_town(pipeline: Any) -> None:
    # 'Parral' is what news writes for Hidalgo del Parral (Chihuahua), not the village El Parral
    result = _result(pipeline, "Balacera en Parral deja dos muertos", language="es", source="El Universal")
    assert any(p.name == "Parral" and p.admin1 == "Chihuahua" for p in result.places), result.places


def test_a_capitalised_spanish_verb_is_not_a_place(pipeline: Any) -> None:
    result = _result(pipeline, "Acribillan a dos agentes en Durango", language="es")
    assert not any(p.name == "Acribillan" for p in result.places), result.places
    assert any(p.name == "Durango" for p in result.places), result.places


def test_short_forms_count_as_the_place_s_own_name() -> None:
    joiners = frozenset({"de", "del"})
    assert _own_name("hidalgo del parral", "parral", joiners)
    assert _own_name("acapulco de juarez", "acapulco", joiners)
    assert not _own_name("parralito", "parral", joiners)  # only whole words
    assert not _own_name("mexico city", "mexico", joiners)  # the country is not its capital
    assert not _own_name("la canada flintridge", "canada", joiners)


def test_name_keys_spell_abbreviated_words_out() -> None:
    key = NameKey.from_articles(["el"], [("Cd", "Ciudad"), ("Gral", "General")])
    assert key("Cd. Juárez") == key("CD Juarez") == key("Ciudad Juárez") == "ciudad juarez"
    assert key("Gral. Escobedo") == "general escobedo"
    assert key("Cd") == "cd"  # alone, an abbreviation is no name



def test_the_state_named_like_a_city_stays_the_state(pipeline: Any) -> None:
    # 'Mexico' is also a name of Mexico City: after 'the State of' only the unit is meant
    result = _result(pipeline, "A shootout in the State of Mexico left six dead")
    assert any(p.name == "Mexico" and p.feature == "admin1" and p.admin1 == "México" for p in result.places), \
        result.places


def test_a_local_outlet_s_small_place_elsewhere_is_its_own_neighbourhood(pipeline: Any) -> None:
    # no Los Tepetates in Sinaloa is known; a Sinaloa paper naming one means its own, not one in Guerrero
    result = _result(pipeline, "Gunmen kill a man in Los Tepetates", source="El Sol de Sinaloa")
    assert not any(p.admin1 not in {None, "Sinaloa"} for p in result.places), result.places
    assert result.events and result.events[0].admin1 == "Sinaloa"
    # a state the report names is where its towns are
    result = _result(pipeline, "Two men shot dead in Fresnillo, Zacatecas", source="El Sol de Sinaloa")
    assert result.events and result.events[0].admin1 == "Zacatecas"


def test_a_name_the_ner_starts_late_takes_the_words_before_it(pipeline: Any) -> None:
    # 'Baja' is a common word, so the NER starts at 'California': the gazetteer knows the whole name
    result = _result(pipeline, "Three Killed in Baja California Sur")
    assert result.events and result.events[0].admin1 == "Baja California Sur", result.places
    result = _result(pipeline, "Ensenada Baja California: police find two men shot")
    assert not any(p.admin1 == "California" for p in result.places), result.places


def test_a_month_after_a_day_names_a_street_not_a_place(pipeline: Any) -> None:
    result = _result(pipeline, "Dos heridos tras un ataque en la avenida 5 de Mayo", language="es")
    assert not any(p.name == "Mayo" for p in result.places), result.places


def test_a_title_case_headline_keeps_its_accented_place_names(pipeline: Any) -> None:
    # case restoration reads 'León' whole: not the common 'Le' left lower case ('Nuevo león')
    result = _result(pipeline, "Cartel Boss Reportedly Killed in Nuevo León")
    assert result.events and result.events[0].admin1 == "Nuevo León", result.places


def test_a_municipality_s_phrase_keeps_its_seat(pipeline: Any) -> None:
    # only a state's phrase drops the city named like it: the municipality of Culiacán is at its town
    result = _result(pipeline, "Hallan dos cuerpos en el municipio de Culiacán", language="es")
    assert any(p.name == "Culiacán" and p.feature == "city" for p in result.places), result.places
