"""Deaths that are not political violence, and court reports that tell no incident: outbreaks,
poisoned or adulterated drink, road accidents, medical deaths, jail terms handed down, laws named
after weapons, weapons bought or sold. ACLED codes none of them; a protest about an outbreak, or an
armed group's killing during one, it does. Sentences written for these tests, in English and
Spanish."""

from __future__ import annotations

from typing import Any

import pytest

from talaia.api import extract_text

pytestmark = pytest.mark.slow

PUBLISHED = "2024-05-14"  # a Tuesday


def _events(pipeline: Any, text: str, language: str = "en") -> list[Any]:
    return list(extract_text(text, published=PUBLISHED, pipeline=pipeline, language=language).events)


# -- outbreaks --------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "language"), [
    ("At least twelve people have died in a cholera outbreak in the town of Kasese, health officials said "
     "on Monday.", "en"),
    ("A typhoid epidemic killed five children in Bulawayo last week, the health ministry said.", "en"),
    ("Ebola killed three more people in Butembo on Sunday, according to the health ministry.", "en"),
    ("Two nurses died of Lassa fever at a hospital in Owo on Saturday.", "en"),
    ("Un brote de cólera dejó cinco muertos en San Juan Chamula, informó el lunes la Secretaría de Salud.", "es"),
    ("Tres personas murieron de dengue en Acapulco el fin de semana, según las autoridades sanitarias.", "es"),
    ("La epidemia de sarampión causó la muerte de doce niños en la sierra de Oaxaca el domingo.", "es"),
])
def test_deaths_from_an_outbreak_are_no_event(pipeline: Any, text: str, language: str) -> None:
    assert _events(pipeline, text, language) == []


@pytest.mark.parametrize(("text", "language"), [
    ("An outbreak of cholera has hit the Kibera slum in Nairobi. Seven people died on Sunday and dozens "
     "more are in hospital.", "en"),
    ("Health officials confirmed a meningitis outbreak in Zinder on Monday.\n\nThe dead include four "
     "pupils of a boarding school, and many of those who died were found at home.", "en"),
    ("La Secretaría de Salud confirmó un brote de cólera en Tlaxcala. Cuatro personas murieron el martes "
     "y otras veinte siguen hospitalizadas.", "es"),
])
def test_the_deaths_told_after_an_outbreak_are_the_outbreaks(pipeline: Any, text: str, language: str) -> None:
    assert _events(pipeline, text, language) == []


def test_an_armed_groups_killing_during_an_outbreak_is_still_an_attack(pipeline: Any) -> None:
    events = _events(pipeline, "Militants killed twelve villagers near Beni on Sunday amid an Ebola outbreak.")
    assert [e.sub_event_type for e in events] == ["Attack"]


def test_a_protest_over_an_outbreak_is_a_protest_and_the_sick_are_not_its_dead(pipeline: Any) -> None:
    text = ("Police fired rubber bullets to break up a protest over a typhoid outbreak in Bulawayo on Monday. "
            "Officials say nine people have died of typhoid since August.")
    events = _events(pipeline, text)
    assert len(events) == 1
    assert events[0].event_type == "Protests" and events[0].country == "Zimbabwe"
    assert not events[0].fatalities


def test_a_killing_told_separately_after_an_outbreak_is_an_event(pipeline: Any) -> None:
    text = ("Cholera has killed six people in Beira this week. Separately, gunmen shot dead two traders in "
            "Chimoio on Sunday.")
    events = _events(pipeline, text)
    assert [e.sub_event_type for e in events] == ["Attack"]
    assert events[0].fatalities == 2


# -- poisoned or adulterated drink ---------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "language"), [
    ("Toxic home-brewed liquor killed 23 people in a village near Nashik on Saturday, police said.", "en"),
    ("Nine wedding guests died after drinking alcohol laced with methanol in Kampala on Sunday.", "en"),
    ("Bootleg alcohol killed 14 people in Sitapur. The man who sold the drink was arrested on Sunday.", "en"),
    ("Al menos 20 personas murieron por consumir alcohol adulterado en Chiconcuautla, Puebla, el domingo.", "es"),
    ("Siete jornaleros murieron intoxicados con metanol en Ayotlán; la policía detuvo al vendedor del "
     "aguardiente.", "es"),
])
def test_deaths_from_poisoned_drink_are_no_event(pipeline: Any, text: str, language: str) -> None:
    assert _events(pipeline, text, language) == []


def test_the_deaths_and_the_arrest_after_a_poisoning_are_the_poisonings(pipeline: Any) -> None:
    text = ("Poisoned moonshine has killed eleven men in Mathare, police said on Monday. Most of those who died "
            "were found in their homes. The woman who brewed it was arrested.")
    assert _events(pipeline, text) == []


# -- accidents and medical deaths ----------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "language"), [
    ("A bus overturned on the highway near Nakuru on Friday, killing 17 passengers.", "en"),
    ("Eleven people were killed on Sunday when a lorry collided with a minibus outside Kano.", "en"),
    ("Two pedestrians were killed in a hit-and-run in Durban on Sunday.", "en"),
    ("A soldier who served in Liberia died of pneumonia at his home near Fort Bliss on Monday.", "en"),
    ("Cinco personas murieron en un accidente carretero en la autopista México-Puebla el domingo.", "es"),
    ("Un camión se volcó en Zacatecas el lunes y murieron nueve migrantes.", "es"),
    ("Dos jóvenes murieron atropellados en Ecatepec el domingo por la noche.", "es"),
])
def test_deaths_in_an_accident_or_of_an_illness_are_no_event(pipeline: Any, text: str, language: str) -> None:
    assert _events(pipeline, text, language) == []


def test_a_soldiers_death_has_no_perpetrator(pipeline: Any) -> None:
    text = ("Tests proved negative for malaria on a soldier who died in Kampala on Monday. Military police "
            "continue to investigate the soldier's death.")
    assert _events(pipeline, text) == []


def test_a_landmine_that_kills_soldiers_is_still_an_explosion(pipeline: Any) -> None:
    events = _events(pipeline, "Two soldiers died on Monday when their truck hit a landmine near Gao.")
    assert [e.sub_event_type for e in events] == ["Remote explosive/landmine/IED"]


# -- court reports: a jail term, a law's name, weapons bought or sold ----------------------------------------

@pytest.mark.parametrize(("text", "language"), [
    ("A judge in Leeds on Friday jailed a man for six years after he tried to buy a gun on the internet.", "en"),
    ("The court in Glasgow sentenced him to life in prison on Monday.", "en"),
    ("He was prosecuted under the Firearms Act after police found rifles for sale on his website.", "en"),
    ("A man from Bristol was convicted on Monday of attempting to possess a chemical weapon.", "en"),
    ("Prosecutors said he had bought explosives and guns for sale on the Dark Web.", "en"),
    ("An HIV-positive man was sentenced to 20 years in prison on Wednesday for spitting on a guard.", "en"),
    ("Un juez condenó el lunes a ocho años de prisión a un hombre que intentó comprar armas por internet.", "es"),
    ("Fue sentenciado a 12 años de cárcel por portación de armas de uso exclusivo del Ejército.", "es"),
])
def test_a_court_report_with_no_violence_is_no_event(pipeline: Any, text: str, language: str) -> None:
    assert _events(pipeline, text, language) == []


def test_an_arrest_for_a_petty_offence_is_no_event(pipeline: Any) -> None:
    assert _events(pipeline, "He was taken into custody in Austin in 2023 for public intoxication.") == []


def test_a_violent_crime_a_verdict_judges_is_still_the_incident(pipeline: Any) -> None:
    # the penalty is no arrest, but the killing it punishes happened (its own year)
    events = _events(pipeline, "A court in Kano jailed two men for life on Monday over the 2019 killing of a "
                               "village chief.")
    assert [e.sub_event_type for e in events] == ["Attack"]
    assert events[0].event_date is not None and events[0].event_date.startswith("2019")


def test_an_arrest_for_a_plot_stays_an_arrest(pipeline: Any) -> None:
    events = _events(pipeline, "Police arrested three men in Leeds on Friday over a plot to bomb a mosque.")
    assert [e.sub_event_type for e in events] == ["Arrests"]
