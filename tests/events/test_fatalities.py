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


def _lang_count(nlp_en, nlp_es, lang: str, sentence: str, lethal: bool = True):  # type: ignore[no-untyped-def]
    return _count(nlp_en if lang == "en" else nlp_es, sentence, lethal)


# idioms of death are death words: 'lost their lives', 'passed away', 'deceased', 'perdieron la vida', 'sin vida'
@pytest.mark.parametrize(("lang", "sentence", "low"), [
    ("en", "Two farmers lost their lives in a shooting in the market.", 2),
    ("en", "One passed away at the hospital.", 1),
    ("en", "Four people were injured and one deceased after the attack.", 1),
    ("en", "Two young men were deprived of their lives in the plaza.", 2),
    ("en", "The attack took the lives of five workers.", 5),
    ("en", "Six men were gunned down in the bar.", 6),
    ("es", "Dos jóvenes perdieron la vida en un ataque armado.", 2),
    ("es", "Hallan sin vida a dos hermanos en una brecha.", 2),
    ("es", "Localizan sin vida a un menor en un camino vecinal.", 1),
])
def test_idioms_of_death(nlp_en, nlp_es, lang: str, sentence: str, low: int) -> None:  # type: ignore[no-untyped-def]
    count = _lang_count(nlp_en, nlp_es, lang, sentence)
    assert count is not None and (count.low, count.high) == (low, low), sentence


# victims joined by 'and', pairs and couples are each counted; 'shot to death' is a death
@pytest.mark.parametrize(("lang", "sentence", "low"), [
    ("en", "Gunmen killed a man and a woman near the church.", 2),
    ("en", "Gunmen storm a home and kill a father and his two sons.", 3),
    ("en", "Gunmen killed a man and two women at a party.", 3),
    ("en", "A couple was shot dead at a gas station.", 2),
    ("en", "Three men were shot to death outside a store.", 3),
    ("es", "Asesinan a padre e hijo en su domicilio.", 2),
    ("es", "Matan a una pareja en su casa.", 2),
    ("es", "Asesinan a balazos a pareja en una colonia del centro.", 2),
    ("es", "Matan a mamá, abuela y dos niños en una vivienda.", 4),
    ("es", "Asesinan a una comerciante y a su pareja en el mercado.", 2),  # 'su pareja' is one person
])
def test_joined_victims_add_up(nlp_en, nlp_es, lang: str, sentence: str, low: int) -> None:  # type: ignore[no-untyped-def]
    count = _lang_count(nlp_en, nlp_es, lang, sentence)
    assert count is not None and count.low == low, sentence


# 'double homicide' is two deaths, 'homicidio triple' three: a told count
@pytest.mark.parametrize(("lang", "sentence", "low"), [
    ("en", "Police investigate a triple homicide.", 3),
    ("en", "Double homicide in a house on the outskirts.", 2),
    ("es", "Investigan homicidio triple en una colonia.", 3),
    ("es", "Se registra doble ejecución en un taller.", 2),
])
def test_multipliers_of_death_words(nlp_en, nlp_es, lang: str, sentence: str, low: int) -> None:  # type: ignore[no-untyped-def]
    count = _lang_count(nlp_en, nlp_es, lang, sentence)
    assert count is not None and (count.low, count.high, count.implicit) == (low, low, False), sentence
    assert _count(nlp_en, "The team won a double title.", lethal=False) is None


# numbers the parse or the patterns used to miss
@pytest.mark.parametrize(("lang", "sentence", "low"), [
    ("en", "They murder five and injure three in a hotel.", 5),  # the injured are after 'and'
    ("en", "Gunmen shot and killed three people.", 3),  # a death verb joined with no victims shares them
    ("en", "Four men were kidnapped and killed in the town.", 4),
    ("en", "Prison fight leaves 11 inmates dead", 11),  # any one noun between number and death word
    ("en", "4 found executed in a car trunk", 4),
    ("es", "Mata a dos y hiere a tres en un bar.", 2),  # a joined verb owns its objects
    ("es", "Un comando irrumpe en una fonda y mata a 4 comensales.", 4),
    ("es", "Secuestran a tres jóvenes y los asesinan.", 3),
])
def test_numbers_next_to_death_words(nlp_en, nlp_es, lang: str, sentence: str, low: int) -> None:  # type: ignore[no-untyped-def]
    count = _lang_count(nlp_en, nlp_es, lang, sentence)
    assert count is not None and (count.low, count.high) == (low, low), sentence


# numbers that count no dead: shots, roads, killers, the injured, the arrested
@pytest.mark.parametrize(("lang", "sentence", "low"), [
    ("es", "Asesinan a balazos a un taxista en la colonia.", 1),
    ("en", "They find a dead man on federal highway 190 near the town.", 1),
    ("es", "Hallan un cuerpo en el kilómetro 15 de la carretera federal 200.", 1),
    ("es", "Entre dos lo matan a golpes en la colonia.", 1),  # the killers
    ("en", "Armed attack leaves 2 dead and a woman injured", 2),
    ("es", "Balacera deja dos muertos y un herido en el centro.", 2),
    ("es", "El enfrentamiento dejó 13 personas muertas y la detención de otras cuatro.", 13),
])
def test_numbers_that_count_no_dead(nlp_en, nlp_es, lang: str, sentence: str, low: int) -> None:  # type: ignore[no-untyped-def]
    count = _lang_count(nlp_en, nlp_es, lang, sentence)
    assert count is not None and (count.low, count.high) == (low, low), sentence


# a plural with no number is two only for bodies; a definite plural refers to deaths told: implicit
@pytest.mark.parametrize(("lang", "sentence", "low"), [
    ("en", "Bodies were found in a ravine.", 2),
    ("es", "Hallan cuerpos en una brecha.", 2),
    ("en", "Gunmen killed police officers in the town.", 1),
    ("en", "The victims were identified as local farmers.", 1),
    ("en", "The dead were taken to the morgue.", 1),
    ("es", "Los fallecidos fueron identificados por sus familiares.", 1),
])
def test_plurals_without_a_number(nlp_en, nlp_es, lang: str, sentence: str, low: int) -> None:  # type: ignore[no-untyped-def]
    count = _lang_count(nlp_en, nlp_es, lang, sentence)
    assert count is not None and (count.low, count.high, count.implicit) == (low, low, True), sentence


# a number counts the dead only as a death word's victims: not the killers, not a whole, not a name
@pytest.mark.parametrize(("lang", "sentence", "low", "high"), [
    ("en", "A man was shot dead outside his shop by 2 gunmen.", 1, 1),  # the agent: the killers
    ("en", "Gunmen killed 3 of the 5 passengers.", 3, 3),  # the 5 is the whole
    ("en", "Gunmen kill 9 at a bar in one of the worst attacks of the year.", 9, 9),  # 'in one of': no victims
    ("en", "They find him executed in the Villa del Prado 2", 1, 1),  # the number ends a name
    ("es", "Hombre es perseguido y asesinado en Balcones del Cuatro", 1, 1),
    ("en", "UPDATE 2-Seven killed in a bar shooting", 7, 7),  # a digit does not join a number word
])
def test_numbers_that_are_not_the_victims(nlp_en, nlp_es, lang: str, sentence: str, low: int,  # type: ignore[no-untyped-def]
                                          high: int) -> None:
    count = _lang_count(nlp_en, nlp_es, lang, sentence)
    assert count is not None and (count.low, count.high) == (low, high), sentence


# the number is the noun of the dead, or stands right before a death word the parse put elsewhere
@pytest.mark.parametrize(("lang", "sentence", "low"), [
    ("en", "They find two decapitated near a river.", 2),
    ("en", "Four dead and two injured leave shooting attacks downtown", 4),
    ("en", "Cartel Executes three Members of a rival gang", 3),
    ("en", "Tijuana: two women tortured and murdered, thrown on the side of the road", 2),
    ("es", "Dejan 2 cabezas humanas dentro de una hielera", 2),
    ("es", "Un pollero y 13 migrantes fueron secuestrados y asesinados", 14),
])
def test_numbers_next_to_the_dead(nlp_en, nlp_es, lang: str, sentence: str, low: int) -> None:  # type: ignore[no-untyped-def]
    count = _lang_count(nlp_en, nlp_es, lang, sentence)
    assert count is not None and count.low == low, sentence


@pytest.mark.parametrize(
    ("lang", "sentence", "low"),
    [
        # the arrested, kidnapped and freed are not the dead
        ("es", "La operación en Zacatecas dejó 8 personas muertas y la detención de otras dos tras el "
               "enfrentamiento entre las fuerzas federales y un \"grupo armado\".", 8),
        ("es", "El operativo se saldó con 7 personas muertas debido al enfrentamiento con un grupo armado, en el "
               "que también se liberaron a cinco personas secuestradas.", 7),
        ("en", "The raid left 5 gunmen dead in Reynosa, and 7 migrants kidnapped by the gang were freed.", 5),
        # a participle of death joined to one of kidnapping still counts its victims
        ("en", "Three men were kidnapped and killed in Celaya on Monday.", 3),
    ],
)
def test_the_arrested_and_the_freed_are_not_the_dead(nlp_en, nlp_es, lang: str, sentence: str,  # type: ignore[no-untyped-def]
                                                     low: int) -> None:
    count = _lang_count(nlp_en, nlp_es, lang, sentence)
    assert count is not None and (count.low, count.high) == (low, low)
