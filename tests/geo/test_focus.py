"""The document's focus: small homonyms abroad and parts of towns resolve where the story is."""

from __future__ import annotations

from typing import Any

import pytest

from talaia.api import extract_text

pytestmark = pytest.mark.slow


def test_a_small_town_abroad_is_not_taken_for_an_unknown_local_place(pipeline: Any) -> None:
    # 'Agua Clara' exists in Brazil and Colombia; in a story about Jalisco it is a place the gazetteer lacks
    text = ("Investigators from the Jalisco prosecutor's office found a clandestine grave in Tonalá, near "
            "Guadalajara, on Monday. The site lies next to the Agua Clara ranch, residents said.")
    result = extract_text(text, published="2024-05-15", pipeline=pipeline)
    assert all(p.country_code in {None, "MX"} for p in result.places)


def test_a_neighbourhood_with_an_article_stays_in_the_story_s_state(pipeline: Any) -> None:
    text = ("Hombres armados asesinaron a un taxista en Chilpancingo, Guerrero. Los agresores venían de la "
            "colonia Las Palmas, según medios locales.")
    result = extract_text(text, published="2024-05-15", language="es", pipeline=pipeline)
    palmas = [p for p in result.places if "Palmas" in p.name]
    assert palmas and all(p.admin1 in {None, "Guerrero"} for p in palmas)


def test_a_common_word_is_not_a_small_town(pipeline: Any) -> None:
    for text, place in (("The Superior Court judge in Phoenix ruled on Monday that the activists can march.",
                         "Phoenix"),
                        ("Protesters gathered at the Port entrance in Mombasa, Kenya, on Monday.", "Mombasa")):
        names = {p.name for p in extract_text(text, published="2024-05-15", pipeline=pipeline).places}
        assert place in names and not names & {"Superior", "Port"}
