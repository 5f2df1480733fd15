import pytest

from talaia.geo.lexicon import PlaceLexicon
from talaia.geo.resolve import place_of_source, resolve_mentions
from talaia.geo.toponyms import find_toponyms
from talaia.knowledge import load_knowledge

pytestmark = pytest.mark.slow

LEXICON = PlaceLexicon.from_knowledge(load_knowledge())


def _places(nlp, gazetteer, text: str):  # type: ignore[no-untyped-def]
    doc = nlp(text)
    return resolve_mentions(find_toponyms(doc, gazetteer, LEXICON), gazetteer, LEXICON, text)


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


def test_toponyms_abbreviation_after_a_comma(nlp_en, gazetteer) -> None:  # type: ignore[no-untyped-def]
    places = _places(nlp_en, gazetteer, "Two officers were shot in Springfield, Ill., on Sunday night.")
    assert ("Ill.", "admin1", "Illinois") in [(p.name, p.feature, p.geoname) for p in places]


def test_toponyms_place_of_an_outlet(gazetteer) -> None:  # type: ignore[no-untyped-def]
    source = place_of_source("El Sol de León", gazetteer, LEXICON)
    assert source is not None and (source.name, source.admin1) == ("León", "Guanajuato")
    assert place_of_source("El Diario", gazetteer, LEXICON) is None  # outlet words are not places
