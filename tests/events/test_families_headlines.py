"""Construction families of headlines that several outlets give one incident (fusion round 2), in sentences
written for these tests, English and Spanish: a toll revised or raised to a new figure, a wire service's slug
('UPDATE 6-'), clashes between cartels told as a 'choque', armed engagements and encounters."""

from __future__ import annotations

from typing import Any

import pytest

from talaia.api import extract_text

pytestmark = pytest.mark.slow


def _events(pipeline: Any, text: str, published: str = "2024-05-20") -> list[Any]:
    return list(extract_text(text, published=published, pipeline=pipeline).events)


@pytest.mark.parametrize(("text", "toll"), [
    ("Authorities revise the death toll in the prison riot to 41", 41),
    ("Officials raise death toll in nightclub arson attack to 27", 27),
    ("Prosecutors put the toll from the Saturday massacre at the ranch up to 15", 15),
    ("The toll from the bar attack was raised to 19 on Tuesday", 19),
    ("Death toll in Tuesday's ambush on state police revised to 11", 11),
    ("Sube a 23 la cifra de muertos por la masacre en el palenque de Tlajomulco", 23),
    ("Eleva la Fiscalía a 14 el número de víctimas de la masacre en Salvatierra", 14),
    ("Asciende a 9 el número de muertos por el ataque armado en el bar de Uruapan", 9),
])
def test_a_toll_revised_to_a_figure_is_that_figure(pipeline: Any, text: str, toll: int) -> None:
    events = _events(pipeline, text)
    assert events and events[0].fatalities == toll


@pytest.mark.parametrize(("text", "toll"), [
    ("UPDATE 6-Cartel battle kills 49 in northern Mexican prison", 49),
    ("UPDATE 2-Gunmen kill 11 at a birthday party in Guanajuato", 11),
    ("WRAPUP 3-Ambush leaves 13 police officers dead in Michoacan", 13),
    ("REFILE-Gunmen kill 7 at a bar in Zacatecas", 7),
])
def test_a_wire_slugs_number_is_no_toll(pipeline: Any, text: str, toll: int) -> None:
    events = _events(pipeline, text)
    assert events and events[0].fatalities == toll and events[0].fatalities_high in (None, toll)


@pytest.mark.parametrize("text", [
    "Choque de cárteles deja por lo menos 30 muertos en Zacatecas",
    "Choque entre bandas rivales deja cuatro muertos en Celaya",
    "Un choque entre sicarios y policías estatales deja tres muertos en Fresnillo",
    "Cartel gunmen and soldiers in armed engagement near Apatzingán, three dead",
    "The armed encounter between police and gunmen left two dead in Culiacán",
])
def test_a_clash_between_armed_sides_is_a_battle(pipeline: Any, text: str) -> None:
    events = _events(pipeline, text)
    assert events and events[0].event_type == "Battles"


@pytest.mark.parametrize("text", [
    "Choque entre dos autos deja tres muertos en la autopista a Puebla",
    "Mueren cuatro en choque de tráiler contra autobús en Puebla",
    "Un choque de trenes deja 12 muertos en el centro del país",
])
def test_a_road_or_rail_crash_is_no_clash(pipeline: Any, text: str) -> None:
    assert not _events(pipeline, text)
