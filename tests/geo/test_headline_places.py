"""Places in short headlines (issue 11), one test per family, in sentences of our own: a title-case
place taken for an organisation, abbreviated and short town names, a Spanish verb taken for a place,
and first-level units at their recorded centre."""

from __future__ import annotations

import importlib.util
import math
from typing import Any

import pytest

from talaia.api import extract_text
from talaia.geo.gazetteer import NameKey
from talaia.geo.resolve import _own_name

pytestmark = pytest.mark.slow


def _result(pipeline: Any, text: str, language: str = "en", source: str | None = None) -> Any:
    return extract_text(text, published="2012-06-05", language=language, source=source, pipeline=pipeline)


def test_a_title_case_place_before_common_nouns_is_the_event_s_place(pipeline: Any) -> None:
    result = _result(pipeline, "Two Killed in Torreón Bars")
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
    result = _result(pipeline, "Nine Found Dead in CD Juarez")
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
    assert _own_name("hidalgo del parral", "parral")
    assert _own_name("ciudad juarez", "juarez")
    assert not _own_name("parralito", "parral")  # only whole words


def test_name_keys_spell_abbreviated_words_out() -> None:
    key = NameKey.from_articles(["el"], [("Cd", "Ciudad"), ("Gral", "General")])
    assert key("Cd. Juárez") == key("CD Juarez") == key("Ciudad Juárez") == "ciudad juarez"
    assert key("Gral. Escobedo") == "general escobedo"
    assert key("Cd") == "cd"  # alone, an abbreviation is no name


@pytest.mark.skipif(importlib.util.find_spec("countrystatecity_countries") is None,
                    reason="the geo-points extra (countrystatecity-countries) is not installed")
def test_a_state_stands_at_its_recorded_centre(gazetteer: Any) -> None:
    from countrystatecity_countries import get_state_by_code

    texas = next(e for e in gazetteer.lookup("Texas") if e.feature == "admin1")
    recorded = get_state_by_code("US", "TX")
    assert recorded is not None and recorded.latitude and recorded.longitude
    assert math.isclose(texas.latitude, float(recorded.latitude), abs_tol=1e-6)
    assert math.isclose(texas.longitude, float(recorded.longitude), abs_tol=1e-6)


def test_the_state_named_like_a_city_stays_the_state(pipeline: Any) -> None:
    # 'Mexico' is also a name of Mexico City: after 'the State of' only the unit is meant
    result = _result(pipeline, "A shootout in the State of Mexico left six dead")
    assert any(p.name == "Mexico" and p.feature == "admin1" and p.admin1 == "México" for p in result.places), \
        result.places


def test_a_local_outlet_s_small_place_elsewhere_is_its_own_neighbourhood(pipeline: Any) -> None:
    # no Las Huertas in Sinaloa is known; a Sinaloa paper naming one means its own, not the one in México
    result = _result(pipeline, "Gunmen kill a man in Las Huertas", source="El Sol de Sinaloa")
    assert not any(p.admin1 == "México" for p in result.places), result.places
    assert result.events and result.events[0].admin1 == "Sinaloa"
    # a state the report names is where its towns are
    result = _result(pipeline, "Two men shot dead in Fresnillo, Zacatecas", source="El Sol de Sinaloa")
    assert result.events and result.events[0].admin1 == "Zacatecas"


def test_a_name_the_ner_starts_late_takes_the_words_before_it(pipeline: Any) -> None:
    # 'Baja' is a common word, so the NER starts at 'California': the gazetteer knows the whole name
    result = _result(pipeline, "Three Killed in Baja California Sur")
    assert result.events and result.events[0].admin1 == "Baja California Sur", result.places
    result = _result(pipeline, "Ensenada Baja California: four bodies on the highway")
    assert not any(p.admin1 == "California" for p in result.places), result.places


def test_a_month_after_a_day_names_a_street_not_a_place(pipeline: Any) -> None:
    result = _result(pipeline, "Matan a un hombre en la colonia 10 de Mayo", language="es")
    assert not any(p.name == "Mayo" for p in result.places), result.places


def test_a_title_case_headline_keeps_its_accented_place_names(pipeline: Any) -> None:
    # case restoration reads 'León' whole: not the common 'Le' left lower case ('Nuevo león')
    result = _result(pipeline, "Cartel Boss Reportedly Killed in Nuevo León")
    assert result.events and result.events[0].admin1 == "Nuevo León", result.places
