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
