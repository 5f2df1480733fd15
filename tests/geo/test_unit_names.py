"""Places named after a unit noun ('the municipality of El Mezquital') are found when the NER misses them."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(("text", "name", "admin1"), [
    ("Gunmen ambushed a police convoy in the municipality of El Mezquital, killing five officers.",
     "El Mezquital", "Durango"),
    ("Hombres armados emboscaron a policías en el municipio de Aguililla la noche del lunes.",
     "Aguililla", "Michoacán"),
    ("Soldiers clashed with gunmen in the state of Tamaulipas on Sunday.", "Tamaulipas", "Tamaulipas"),
])
def test_a_unit_noun_and_of_introduce_a_place(pipeline, text: str, name: str, admin1: str) -> None:  # type: ignore[no-untyped-def]
    from talaia.api import extract_text

    result = extract_text(text, published="2021-06-08", pipeline=pipeline)
    assert any(p.name == name and p.admin1 == admin1 for p in result.places), result.places
    assert result.events and result.events[0].admin1 == admin1


def test_words_the_gazetteer_does_not_know_are_not_places(pipeline) -> None:  # type: ignore[no-untyped-def]
    from talaia.api import extract_text

    result = extract_text("The state of Emergency Services said nothing.", pipeline=pipeline)
    assert not any(p.name.startswith("Emergency") for p in result.places)
