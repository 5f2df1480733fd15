"""Headlines, alone or joined by ';', on headlines written for these tests: bodies found, names and
digest titles that hold numbers, the verbs of Mexican crime news, a toll in one part and an incident
in another."""

from typing import Any

import pytest

from talaia.api import extract_text

pytestmark = pytest.mark.slow


def _events(pipeline: Any, text: str, published: str = "2021-03-10") -> list[Any]:
    return list(extract_text(text, published=published, pipeline=pipeline).events)


@pytest.mark.parametrize("headline", [
    'Neighbours find three men "bagged" beside a canal in Salamanca',
    "They locate a woman with signs of torture in a field near Apaseo",
    "Hallan a joven colgado de un puente en Uruapan",
    "Localizan a dos mujeres encobijadas en un lote baldío de Tijuana",
    "Ranchers locate a skeleton in a ravine of Urique",
])
def test_a_body_found_is_a_lethal_event(pipeline: Any, headline: str) -> None:
    events = _events(pipeline, headline)
    assert events and (events[0].fatalities or 0) >= 1


def test_things_found_wrapped_are_no_bodies(pipeline: Any) -> None:
    assert not _events(pipeline, "Soldiers find cocaine wrapped in plastic inside a truck in Sonoyta")


@pytest.mark.parametrize(("headline", "dead"), [
    ("Descuartizan a tres hombres en una bodega de Celaya", 3),
    ("Four decapitations in a week shock Tierra Caliente", 4),
    ("Hallan a dos mujeres encobijadas en Tijuana", 2),
])
def test_the_verbs_and_nouns_of_crime_news_count_their_dead(pipeline: Any, headline: str, dead: int) -> None:
    events = _events(pipeline, headline)
    assert events and events[0].fatalities == dead


def test_a_nickname_with_a_number_counts_no_one(pipeline: Any) -> None:
    events = _events(pipeline, '"El 45" reported killed in Navolato')
    assert events and events[0].fatalities == 1


def test_a_digest_title_joined_to_a_headline_gives_no_count(pipeline: Any) -> None:
    events = _events(pipeline, "Grenade attack on a bar in Morelia kills waiter;Killings 2015")
    assert events and events[0].fatalities == 1


def test_a_toll_in_one_part_leaves_the_incident_of_another(pipeline: Any) -> None:
    events = _events(pipeline, "Matan a cinco en un palenque de Jerez; suman 300 asesinatos en lo que va del año")
    assert events and events[0].fatalities == 5
    assert not _events(pipeline, "Suman 300 asesinatos en Zacatecas en lo que va del año")


def test_title_case_headline_counts_every_victim(pipeline: Any) -> None:
    events = _events(pipeline, "Masked Men Raid Ranch in Sonora and Kill a Farmer and His Two Sons")
    assert events and events[0].fatalities == 3


def test_a_partner_the_parse_left_out_still_counts(pipeline: Any) -> None:
    # headline style restored to lower case, the small model hangs a headline's last noun outside its
    # phrase: 'and his wife' is still a victim
    events = _events(pipeline, "Masked Men Raid Ranch in Sonora and Kill a Farmer and His Wife")
    assert events and events[0].fatalities == 2
    # one with a verb of its own is no victim
    events = _events(pipeline, "Gunmen killed a farmer and his wife fled to the hills.")
    assert events and events[0].fatalities == 1


@pytest.mark.parametrize(("headline", "dead"), [
    ("Localizan tres ejecutados", 3),
])
def test_a_short_headline_keeps_its_count_with_its_verb(pipeline: Any, headline: str, dead: int) -> None:
    events = _events(pipeline, headline)
    assert events and events[0].fatalities == dead


@pytest.mark.parametrize("headline", [
    "Comerciante es ejecutado en el sector 9",
    "Gunman kills a shopkeeper in sector 40 of Ciudad Obregón",
])
def test_a_numbered_neighbourhood_counts_no_one(pipeline: Any, headline: str) -> None:
    events = _events(pipeline, headline)
    assert events and events[0].fatalities == 1


@pytest.mark.parametrize("headline", [
    "October registers 85 homicides in Celaya",
    "Culiacán closed the month of March with 60 murders",
    "Three women are killed every day in the state, activists say",
    "Matan a 40 personas en Fresnillo durante agosto",
    "Van 120 asesinatos en Irapuato desde el 1 de enero",
])
def test_a_toll_over_a_month_is_no_incident(pipeline: Any, headline: str) -> None:
    assert not _events(pipeline, headline)


def test_a_day_named_with_its_month_is_still_an_incident(pipeline: Any) -> None:
    events = _events(pipeline, "Sicarios matan a cuatro durante la madrugada del 3 de marzo en Celaya")
    assert events and events[0].fatalities == 4 and events[0].event_date == "2021-03-03"


def test_those_arrested_are_not_among_the_dead(pipeline: Any) -> None:
    events = _events(pipeline, "Choque armado con soldados deja cuatro muertos y tres detenidos en Tepalcatepec")
    assert events and events[0].fatalities == 4


@pytest.mark.parametrize("headline", [
    "Cartel war in Ciudad Juárez = 640 homicides 2017",
    "Sixty killed so far in Tijuana",
    "Suman 300 homicidios en 2019 en Celaya",
])
def test_a_yearly_or_running_toll_is_no_incident(pipeline: Any, headline: str) -> None:
    assert not _events(pipeline, headline)
