"""Families of place errors from issue 22 (places, round 2), one test each, in sentences of our own, English
and Spanish: places inside what the NER took for one long name, parts of towns (neighbourhoods, names the
gazetteer lacks) falling back to their town, roads named by their ends."""

from __future__ import annotations

from typing import Any

import pytest

from talaia.api import extract_text
from talaia.models import ExtractionResult

pytestmark = pytest.mark.slow


def _extract(pipeline: Any, text: str, **kwargs: Any) -> ExtractionResult:
    return extract_text(text, published="2023-03-14", pipeline=pipeline, **kwargs)


def _resolved(result: ExtractionResult) -> list[tuple[str, str | None, str | None]]:
    return [(p.name, p.geoname, p.admin1) for p in result.places if p.latitude is not None]


@pytest.mark.parametrize(("text", "language", "town"), [
    ("Matan a un taxista en Guadalajara", "es", "Guadalajara"),
    ("Dos muertos más en Nuevo Laredo", "es", "Nuevo Laredo"),
    ("Two more bodies turn up in Nuevo Laredo", "es", "Nuevo Laredo"),  # a headline whose language was guessed wrong
    ("Guadalajara bar attack leaves two dead", "en", "Guadalajara"),
])
def test_a_place_inside_what_the_ner_took_for_one_long_name(pipeline: Any, text: str, language: str,
                                                              town: str) -> None:
    result = _extract(pipeline, text, language=language)
    assert any(geoname == town for _, geoname, _ in _resolved(result)), result.places


@pytest.mark.parametrize(("text", "language", "source", "home", "state"), [
    ("Two men were shot dead in the Colonia Juárez neighborhood", "en", "El Sol de Irapuato", "Irapuato",
     "Guanajuato"),
    ("Balean a un joven en la colonia Santa Cruz", "es", "El Sol de Acapulco", "Acapulco de Juárez", "Guerrero"),
    ("A vendor was killed in the Galeana neighborhood on Sunday night", "en", "El Heraldo de Juárez", "Juárez",
     "Chihuahua"),
])
def test_a_neighbourhood_in_a_local_outlet_s_report_is_in_the_outlet_s_town(
        pipeline: Any, text: str, language: str, source: str, home: str, state: str) -> None:
    result = _extract(pipeline, text, language=language, source=source)
    assert result.events and result.events[0].admin1 == state, (result.events, result.places)
    assert all(admin1 == state for _, _, admin1 in _resolved(result)), result.places
    assert result.events[0].admin2 == home or result.events[0].location == home, result.events


def test_a_neighbourhood_lies_in_the_town_the_report_names(pipeline: Any) -> None:
    result = _extract(pipeline, "Pistoleros asesinaron a un comerciante en la colonia Santa Cruz, en Tlapa de "
                                "Comonfort, la noche del domingo.", language="es")
    assert result.events and result.events[0].admin2 == "Tlapa de Comonfort", (result.events, result.places)


@pytest.mark.parametrize(("text", "language", "source", "state"), [
    # each name only opens a longer one the gazetteer lacks: a neighbourhood, not the town it sounds like
    ("Hallan sin vida a un hombre en San Pedro de los Arcos Viejos", "es", "El Sol de León", "Guanajuato"),
    ("A taxi driver was killed in Rancho Guadalupe on Friday", "en", "El Sol de Irapuato", "Guanajuato"),
    ("Gunmen killed two women in Barrio del Puente de Guadalupe", "en", "El Sol de Irapuato", "Guanajuato"),
])
def test_part_of_a_longer_name_is_no_namesake_town(pipeline: Any, text: str, language: str, source: str,
                                                   state: str) -> None:
    result = _extract(pipeline, text, language=language, source=source)
    assert all(admin1 == state for _, _, admin1 in _resolved(result)), result.places
    assert result.events and result.events[0].admin1 == state, result.events


@pytest.mark.parametrize(("text", "language", "town", "state"), [
    ("Encuentran un cuerpo en Villas Nuevas de Morelia", "es", "Morelia", "Michoacán"),
    ("Gunmen shot two brothers in Lomas Altas de Celaya on Friday.", "en", "Celaya", "Guanajuato"),
])
def test_a_part_named_after_its_town_is_in_that_town(pipeline: Any, text: str, language: str, town: str,
                                                     state: str) -> None:
    result = _extract(pipeline, text, language=language)
    assert (town, town, state) in [(n, g, a) for n, g, a in _resolved(result)], result.places


@pytest.mark.parametrize(("text", "language", "towns", "state"), [
    ("Soldiers found three bodies on the Taxco-Iguala highway.", "en", {"Taxco de Alarcón", "Iguala de la "
                                                                                              "Independencia"},
     "Guerrero"),
    ("Abandonan un cuerpo en la carretera Uruapan-Paracho", "es", {"Uruapan", "Paracho", "Paracho de Verduzco"},
     "Michoacán"),
])
def test_a_road_named_by_its_ends_is_placed_at_them(pipeline: Any, text: str, language: str, towns: set[str],
                                                     state: str) -> None:
    result = _extract(pipeline, text, language=language)
    resolved = _resolved(result)
    assert resolved and all(admin1 == state for _, _, admin1 in resolved), result.places
    assert {geoname for _, geoname, _ in resolved} & towns, resolved


def test_a_highway_named_after_a_town_leads_to_that_town(pipeline: Any) -> None:
    result = _extract(pipeline, "Two bodies were left on the Casas Grandes highway", source="El Heraldo de Juárez")
    assert any(geoname == "Casas Grandes" for _, geoname, _ in _resolved(result)), result.places


def test_a_neighbourhood_of_a_town_names_the_town(pipeline: Any) -> None:
    result = _extract(pipeline, "Police found a man shot dead in a neighborhood of Acámbaro",
                      source="El Sol del Bajío")
    assert result.events and result.events[0].location == "Acámbaro", (result.events, result.places)


@pytest.mark.parametrize(("text", "language", "state"), [
    ("Chetumal, QRoo - gunmen shoot a lawyer dead at his office", "en", "Quintana Roo"),
    ("Soldiers and gunmen clash near Dr Coss, Nuevo León", "en", "Nuevo León"),
    ("Celaya, GTO: three men shot dead outside a bar", "en", "Guanajuato"),
    ("Matan a un policía en Ciudad Victoria, Tamps", "es", "Tamaulipas"),
])
def test_state_abbreviations_as_news_writes_them(pipeline: Any, text: str, language: str, state: str) -> None:
    result = _extract(pipeline, text, language=language)
    assert result.events and result.events[0].admin1 == state, (result.events, result.places)


@pytest.mark.parametrize(("text", "language", "place", "state"), [
    ("Soldiers found two bodies near Yepachi, Chihuahua", "en", None, "Chihuahua"),  # a town the gazetteer lacks
    ("Police say gunmen killed three men at a car wash in the Monterrey, Nuevo Leon, area", "en", "Monterrey",
     "Nuevo León"),
    ("Chetumal, Quintana Roo: a taxi driver is murdered", "en", "Chetumal", "Quintana Roo"),
])
def test_a_town_then_its_state_after_a_comma(pipeline: Any, text: str, language: str, place: str | None,
                                             state: str) -> None:
    result = _extract(pipeline, text, language=language)
    assert result.events and result.events[0].admin1 == state, (result.events, result.places)
    if place is None:  # the state itself, not the big city of its name
        assert not any(p.feature == "city" for p in result.places if p.latitude is not None), result.places
    else:
        assert result.events[0].location == place, result.events


@pytest.mark.parametrize(("text", "language", "town"), [
    ("Matan a un comerciante en Guadalajara\r\n\r\nPOR \t\r\nMaría López", "es", "Guadalajara"),  # a byline
    ("Tiroteo en Celaya deja dos muertos; suman tres víctimas de Celaya esta semana", "es", "Celaya"),
    ("Two tourists were wounded at a Cancun beach", "en", "Cancún"),
])
def test_names_the_ner_runs_on_past_the_place(pipeline: Any, text: str, language: str, town: str) -> None:
    result = _extract(pipeline, text, language=language)
    assert any(geoname == town for _, geoname, _ in _resolved(result)), result.places


@pytest.mark.parametrize(("source", "town", "state"), [
    ("El Sol de Sinaloa", "Culiacán", "Sinaloa"),  # from the outlet table
    ("El Sol de Zacatecas", "Zacatecas", "Zacatecas"),  # a state and its capital of one name: the city
])
def test_a_paper_named_after_a_state_is_published_in_a_town(pipeline: Any, source: str, town: str,
                                                           state: str) -> None:
    result = _extract(pipeline, "Two men were found shot dead on a dirt road on Sunday", source=source)
    assert result.events and result.events[0].admin1 == state, result.events
    assert town in {result.events[0].location, result.events[0].admin2}, result.events


def test_a_bare_village_name_in_a_local_paper_is_a_neighbourhood_of_its_town(pipeline: Any) -> None:
    # every El Carmen of Guanajuato is a village outside León: in León's paper, named bare, it is León's
    result = _extract(pipeline, "Matan a un joven en El Carmen", language="es", source="El Sol de León")
    assert result.events and result.events[0].admin2 == "León", (result.events, result.places)
    # with its municipality written after it, it is that municipality's village
    result = _extract(pipeline, "Matan a un joven en El Carmen, Salvatierra", language="es", source="El Sol de León")
    assert result.events and result.events[0].admin2 == "Salvatierra", (result.events, result.places)
    # in the paper of the town one El Carmen lies in, that one
    result = _extract(pipeline, "Matan a un joven en El Carmen", language="es", source="El Sol de Irapuato")
    assert any(p.geoname == "El Carmen" and p.admin2 == "Irapuato" for p in result.places), result.places


@pytest.mark.parametrize("text", [
    "Relatives said their son, Michael Okafor, was killed by the kidnappers.",  # a name after a comma: no parish
    "A spokesman told the official Xinhua news agency that the lawyer was a criminal.",  # an agency's name
    "The siege by Somali al Shabaab fighters left many dead.",  # a particle inside a name
])
def test_names_that_hold_no_place(pipeline: Any, text: str) -> None:
    result = _extract(pipeline, text)
    assert not _resolved(result), result.places
