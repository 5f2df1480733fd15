"""Which words report an event and which sub-type they give: families of errors, in sentences written here."""

from __future__ import annotations

from typing import Any

import pytest

from talaia.api import extract_text

pytestmark = pytest.mark.slow


def _sub_types(pipeline: Any, text: str) -> list[str]:
    return [e.sub_event_type for e in extract_text(text, published="2024-05-10", pipeline=pipeline).events]


def test_riot_police_are_police_not_a_riot(pipeline: Any) -> None:
    text = "Riot police stood guard as nurses marched peacefully through the centre of Valencia on Thursday."
    assert _sub_types(pipeline, text)[:1] == ["Peaceful protest"]


def test_a_violently_suppressed_protest_is_excessive_force(pipeline: Any) -> None:
    text = "Security forces violently dispersed a peaceful protest by students in the capital on Tuesday."
    assert _sub_types(pipeline, text)[:1] == ["Excessive force against protesters"]


def test_warplanes_destroying_a_depot_is_an_air_strike(pipeline: Any) -> None:
    text = "Government warplanes destroyed a weapons depot used by the rebels in the hills north of the city on Monday."
    assert _sub_types(pipeline, text)[:1] == ["Air/drone strike"]


def test_a_headquarters_hit_from_the_air_is_the_strike_not_a_base(pipeline: Any) -> None:
    text = "Fighter jets struck the militia's regional headquarters near the border on Sunday, the army said."
    assert _sub_types(pipeline, text)[:1] == ["Air/drone strike"]


def test_weapons_found_by_soldiers_are_still_disrupted_weapons(pipeline: Any) -> None:
    text = "Soldiers destroyed dozens of rockets and homemade mines found in an abandoned camp on Friday."
    assert _sub_types(pipeline, text)[:1] == ["Disrupted weapons use"]


# -- statistics and commentary: a violence noun that modifies a statistic names the statistic -------------

OPINION_EN = (
    "Why crime numbers can mislead\n\n"
    "Every spring, interior ministries across the region publish their homicide figures for the year before. "
    "One country reported a sharp fall, while its neighbour recorded the highest murder rate in its history.\n\n"
    "Researchers caution that the numbers hide as much as they reveal. Until police data are combined with "
    "hospital records, comparisons between countries should be read with care.")

OPINION_ES = (
    "La violencia, un problema sin resolver\n\n"
    "Ocho años después de la firma del acuerdo de paz, la violencia sigue marcando la vida de muchas regiones. "
    "Las cifras de homicidios publicadas por el gobierno muestran pocas mejoras, "
    "y la tasa de asesinatos sigue alta.\n\n"
    "Los expertos coinciden en que el Estado no ha llegado a los territorios más apartados.")


@pytest.mark.parametrize("text", [OPINION_EN, OPINION_ES], ids=["en", "es"])
def test_commentary_on_statistics_gives_no_event(pipeline: Any, text: str) -> None:
    result = extract_text(text, published="2024-03-12", title=text.split("\n")[0], pipeline=pipeline)
    assert result.events == ()


def test_homicides_rising_is_a_statistic(pipeline: Any) -> None:
    text = "Homicides have risen sharply in the state, with 310 murders recorded by the end of March."
    assert _sub_types(pipeline, text) == []


def test_a_death_toll_that_rises_is_still_the_incident(pipeline: Any) -> None:
    text = "The death toll from Sunday's bombing of a market in Kabul rose to 14 on Monday, officials said."
    assert _sub_types(pipeline, text)[:1] == ["Remote explosive/landmine/IED"]


def test_remains_count_when_found_and_a_headline_about_remains_says_they_were(pipeline: Any) -> None:
    told = "Solo se han identificado en diez años los restos de dos de los estudiantes desaparecidos en 2014."
    found = "Localizan restos humanos en un predio baldío de Irapuato"
    assert _sub_types(pipeline, "Los peritos trabajaron varias semanas. " * 12 + told) == []
    assert _sub_types(pipeline, found) != []
