import pytest

from talaia.geo.resolve import resolve_mentions
from talaia.geo.toponyms import find_toponyms

pytestmark = pytest.mark.slow


def _places(nlp, gazetteer, text: str):  # type: ignore[no-untyped-def]
    doc = nlp(text)
    return resolve_mentions(find_toponyms(doc, gazetteer), gazetteer, text)


def test_toponyms_demonyms_are_not_places(nlp_en, gazetteer) -> None:  # type: ignore[no-untyped-def]
    places = _places(nlp_en, gazetteer, "Mexican officials said soldiers patrolled the western state of Michoacan.")
    names = [p.name for p in places]
    assert "Mexican" not in names
    assert "Michoacan" in names


def test_toponyms_state_phrase_gives_the_name(nlp_en, gazetteer) -> None:  # type: ignore[no-untyped-def]
    places = _places(nlp_en, gazetteer, "The fighting in Sinaloa State continued for hours.")
    assert [(p.name, p.feature) for p in places] == [("Sinaloa", "admin1")]


def test_toponyms_town_state_pair_resolves_in_context(nlp_en, gazetteer) -> None:  # type: ignore[no-untyped-def]
    places = _places(nlp_en, gazetteer, "Police arrested three men in Culiacán, Sinaloa, on Monday.")
    town = next(p for p in places if p.name == "Culiacán")
    assert (town.feature, town.admin1, town.country_code) == ("city", "Sinaloa", "MX")


def test_toponyms_offsets_point_at_the_name(nlp_en, gazetteer) -> None:  # type: ignore[no-untyped-def]
    text = "Soldiers were deployed to the United States border and to Tijuana."
    for p in _places(nlp_en, gazetteer, text):
        assert text[p.start:p.end] == p.name
