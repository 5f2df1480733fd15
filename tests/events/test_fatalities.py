"""Fatality rules from ACLED's codebook, on sentences written for these tests."""

import pytest

from talaia.events.fatalities import FatalityLexicon, count_fatalities
from talaia.knowledge import load_knowledge
from talaia.nlp.numbers import NumberWords

pytestmark = pytest.mark.slow

LEXICON = FatalityLexicon.from_knowledge(load_knowledge(), NumberWords.from_knowledge(load_knowledge()))


def _count(nlp, sentence: str, lethal: bool = True):  # type: ignore[no-untyped-def]
    doc = nlp(sentence)
    return count_fatalities(next(iter(doc.sents)), lethal, LEXICON)


@pytest.mark.parametrize(
    ("sentence", "low", "high"),
    [
        ("Gunmen killed 14 police officers in an ambush.", 14, 14),
        ("Gunmen killed fourteen police officers in an ambush.", 14, 14),
        ("At least 14 people were killed in the attack.", 14, 14),
        ("The attack left a dozen soldiers dead.", 12, 12),
        ("The operation led to the deaths of 14 alleged cartel members.", 14, 14),
        ("Three soldiers were killed and five were wounded in the clash.", 3, 3),  # injuries are not deaths
        ("Between 10 and 15 villagers were killed by the militia.", 10, 15),
        ("Several people were killed when gunmen opened fire.", 3, 3),
        ("Dozens of civilians were killed in the shelling.", 12, 12),
        ("Gunmen shot and killed a journalist outside his home.", 1, 1),
        ("Two soldiers and three civilians were killed in the attack.", 5, 5),  # victims of one attack add up
        ("Gunmen killed a young man with 13 bullets.", 1, 1),  # bullets, hours, years are not victims
        ("Two armed attacks in the city left 7 killed.", 7, 7),
        ("Gunmen killed 3 men and a woman at a party.", 4, 4),  # a victim joined by 'and a' adds one
        ("Prison riot in the north kills 20", 20, 20),  # headline parses: a number next to the death word
        ("4 Slain in southern Mexico", 4, 4),
    ],
)
def test_fatalities_acled_rules(nlp_en, sentence: str, low: int, high: int) -> None:  # type: ignore[no-untyped-def]
    count = _count(nlp_en, sentence)
    assert count is not None, sentence
    assert (count.low, count.high) == (low, high), sentence


def test_fatalities_injuries_only_are_not_deaths(nlp_en) -> None:  # type: ignore[no-untyped-def]
    assert _count(nlp_en, "Seven people were wounded in the attack.", lethal=False) is None


def test_fatalities_spanish(nlp_es) -> None:  # type: ignore[no-untyped-def]
    count = _count(nlp_es, "Hombres armados asesinaron a cinco policías en Celaya.")
    assert count is not None and count.low == 5


def test_fatalities_spanish_dates_and_ages_are_not_counts(nlp_es) -> None:  # type: ignore[no-untyped-def]
    count = _count(nlp_es, "Asesinaron a dos hombres el 10 de mayo en Culiacán.")
    assert count is not None and count.low == 2
    count = _count(nlp_es, "Ejecutan a un hombre y a su hijo de tres años.")
    assert count is not None and count.low != 3


# number words are read in the document's own language: 'once' is eleven only in Spanish
def test_number_words_follow_the_document_language(nlp_en, nlp_es) -> None:  # type: ignore[no-untyped-def]
    assert LEXICON.numbers_for("en").parse("once") is None and LEXICON.numbers_for("es").parse("once") == 11
    assert LEXICON.numbers_for("es").parse("an") is None and LEXICON.numbers_for("en").parse("a dozen") == 12
    count = _count(nlp_es, "Asesinan a once personas en un bar de Celaya.")
    assert count is not None and count.low == 11


# every lethal trigger is a death word: masacres, feminicidios and homicides are counted
@pytest.mark.parametrize(("lang", "sentence", "low"), [
    ("en", "The homicide of 3 brothers shocked the town.", 3),
    ("es", "El multihomicidio de 6 jóvenes conmocionó a Celaya.", 6),
    ("es", "La masacre de 9 personas ocurrió en un bar.", 9),
])
def test_lethal_trigger_nouns_count_their_victims(nlp_en, nlp_es, lang: str, sentence: str,  # type: ignore[no-untyped-def]
                                                   low: int) -> None:
    count = _count(nlp_en if lang == "en" else nlp_es, sentence)
    assert count is not None and count.low == low, sentence


def test_graves_are_not_a_count_of_the_dead(nlp_es) -> None:  # type: ignore[no-untyped-def]
    count = _count(nlp_es, "Hallaron 3 fosas clandestinas con 12 cuerpos en Jalisco.")
    assert count is not None and count.low == 12


def test_spanish_ranges(nlp_es) -> None:  # type: ignore[no-untyped-def]
    count = _count(nlp_es, "Entre 10 y 15 personas murieron en el ataque.")
    assert count is not None and (count.low, count.high) == (10, 15)
