"""Construction families of short reports (issue 21, the UCDP and HRDsAttack sub-targets), each in
sentences written for these tests, English and Spanish: tolls in headline words, verbs a headline's
capital hides, machine-translated idioms, shares that count no one; and (fusion round 2) a toll revised or raised
to a new figure, a wire service's slug ('UPDATE 6-'), clashes between cartels told as a 'choque', armed
engagements and encounters."""

from __future__ import annotations

from typing import Any

import pytest

from talaia.api import extract_text

pytestmark = pytest.mark.slow


def _events(pipeline: Any, text: str, published: str = "2024-05-10") -> list[Any]:
    return list(extract_text(text, published=published, pipeline=pipeline).events)


# -- the toll in headline words ----------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "deaths"), [
    # a headline that starts with an irregular verb: the parser reads 'Muere' as a name
    ("Muere hombre baleado dentro de su casa en Apatzingán", 1),
    ("Muere joven baleado frente a una tienda en Uruapan", 1),
    ("Muere mujer tras ataque armado en un bar de Salamanca", 1),
    ("Mueren dos hermanos baleados en una fiesta en Moroleón", 2),
    ("Murió un comerciante tras ser atacado a tiros en Zamora", 1),
    # the victims are the subject of the first of two joined verbs, under a place label
    ("Zacatecas: a woman and a man are tortured and executed", 2),
    ("Sinaloa: two brothers were kidnapped and killed near Navolato", 2),
    ("Guerrero: a farmer and his son are beaten and shot dead", 2),
    ("Chihuahua: three men were tortured and murdered in Parral", 3),
    # a Spanish passive: 'son ejecutados', 'fueron asesinados' (a copula and an adjective, or a plain subject)
    ("Un hombre y una mujer son torturados y ejecutados en Zacatecas", 2),
    ("Un padre y su hijo fueron asesinados en Celaya", 2),
    ("Un taxista y su pasajera son asesinados a balazos en Tilapa", 2),
    ("Una comerciante fue asesinada en su negocio en Uruapan", 1),
    # of those attacked, the part said to have died
    ("Two men attacked with bullets outside a bakery in Zamora: one of them dies", 1),
    ("Gunmen shoot three youths in Celaya; two of them died in hospital", 2),
    ("Atacan a balazos a dos hombres en Zamora; uno de ellos murió", 1),
    ("Balean a tres jóvenes afuera de una tienda en Celaya, dos de ellos mueren", 2),
    # how the dead are found, translated ('hallan a dos embolsados', 'abatidos' read as 'dejected')
    ('They find two men "bagged" in Pénjamo', 2),
    ("They find two men wrapped in blankets south of Culiacán", 2),
    ("Confrontation in Tepalcatepec leaves two dejected", 2),
])
def test_tolls_in_headline_words(pipeline: Any, text: str, deaths: int) -> None:
    events = _events(pipeline, text)
    assert events and events[0].fatalities == deaths


@pytest.mark.parametrize("text", [
    "Killings up nearly 50 pct in Mexican border city after gunmen kill a shopkeeper",
    "Homicides rise 40 pct in Celaya as a taxi driver is shot dead",
])
def test_a_share_counts_no_one(pipeline: Any, text: str) -> None:
    """'50 pct' is a share, not fifty dead: the toll is the killing told."""
    events = _events(pipeline, text)
    assert all(e.fatalities != int(n) for e in events for n in ("50", "40"))


# -- machine-translated idioms of killing, and heads left as the dead --------------------------------------

@pytest.mark.parametrize(("text", "deaths"), [
    ("Bullets end the life of a mechanic in Irapuato", 1),
    ("Gunshots ended the life of a shopkeeper outside his store in Apatzingán", 1),
    ("An attack in a bar costs the lives of two waiters in Celaya", 2),
    ("Las balas terminan con la vida de un mecánico en Irapuato", 1),
    ("Balazos acaban con la vida de un joven en Zamora", 1),
    ("Three heads left with a narco message in Ciudad Victoria", 3),
    ("Two heads found in a cooler outside a school in Zapopan", 2),
    ("Dejan tres cabezas con narcomensaje en Ciudad Victoria", 3),
    ("Hallan dos cabezas en una hielera en Zapopan", 2),
    ("Roban 30 cabezas de ganado y matan a un vaquero en Sonora", 1),
    # how the dead are found, translated ('dejan a dos embolsados', 'hallan a dos encobijados')
    ("They leave two bagged on a dirt road in Celaya", 2),
    ("They throw 3 'bagged' on the highway to Casas Grandes", 3),
    ("They find two sheltered near the cemetery in Tijuana", 2),
    ("Three decapitated found on a road in Michoacán", 3),
])
def test_translated_idioms_and_heads(pipeline: Any, text: str, deaths: int) -> None:
    events = _events(pipeline, text)
    assert events and events[0].fatalities == deaths


@pytest.mark.parametrize("text", [
    "The new law ends the life of the old tax in Mexico",
    "Heads of state left the summit in Cancún on Friday",
])
def test_the_same_words_without_violence_are_no_event(pipeline: Any, text: str) -> None:
    assert _events(pipeline, text) == []


# -- neighbourhoods and streets named after dates ----------------------------------------------------------

@pytest.mark.parametrize("text", [
    "They kill a man in the 16 de Septiembre neighborhood of Celaya",
    "A man is shot dead on 16 de Septiembre street in Celaya",
    "They find a body in the 20 de Noviembre colony in Durango",
    "Gunmen kill a taxi driver on 5 de Mayo avenue in Zamora",
    "Matan a un hombre en la colonia 16 de Septiembre de Celaya",
    "Asesinan a un joven en la 21 de Marzo, en Zamora",
])
def test_a_place_named_after_a_date_is_no_date(pipeline: Any, text: str) -> None:
    """A report published on 10 May 2024 names no other day: the event takes the day before."""
    events = _events(pipeline, text)
    assert events and str(events[0].event_date) == "2024-05-09"


def test_a_date_next_to_a_place_word_still_dates_when_it_is_one(pipeline: Any) -> None:
    events = _events(pipeline, "Gunmen killed a man on May 5 near the market in Celaya")
    assert events and str(events[0].event_date) == "2024-05-05"


# -- tolls revised to a figure, wire slugs, clashes between armed sides (fusion round 2) ---------------------

@pytest.mark.parametrize(("text", "toll"), [
    ("Authorities revise the death toll in the prison riot to 41", 41),
    ("Officials raise death toll in nightclub arson attack to 27", 27),
    ("Prosecutors put the toll from the Saturday massacre at the ranch up to 15", 15),
    ("The toll from the bar attack was raised to 19 on Tuesday", 19),
    ("Death toll in Tuesday's ambush on state police revised to 11", 11),
    ("Sube a 23 la cifra de muertos por la masacre en el palenque de Tlajomulco", 23),
    ("Eleva la Fiscalía a 14 el número de víctimas de la masacre en Salvatierra", 14),
    ("Asciende a 9 el número de muertos por el ataque armado en el bar de Uruapan", 9),
])
def test_a_toll_revised_to_a_figure_is_that_figure(pipeline: Any, text: str, toll: int) -> None:
    events = _events(pipeline, text)
    assert events and events[0].fatalities == toll


@pytest.mark.parametrize(("text", "toll"), [
    ("UPDATE 6-Cartel battle kills 49 in northern Mexican prison", 49),
    ("UPDATE 2-Gunmen kill 11 at a birthday party in Guanajuato", 11),
    ("WRAPUP 3-Ambush leaves 13 police officers dead in Michoacan", 13),
    ("REFILE-Gunmen kill 7 at a bar in Zacatecas", 7),
])
def test_a_wire_slugs_number_is_no_toll(pipeline: Any, text: str, toll: int) -> None:
    events = _events(pipeline, text)
    assert events and events[0].fatalities == toll and events[0].fatalities_high in (None, toll)


@pytest.mark.parametrize("text", [
    "Choque de cárteles deja por lo menos 30 muertos en Zacatecas",
    "Choque entre bandas rivales deja cuatro muertos en Celaya",
    "Un choque entre sicarios y policías estatales deja tres muertos en Fresnillo",
    "Cartel gunmen and soldiers in armed engagement near Apatzingán, three dead",
    "The armed encounter between police and gunmen left two dead in Culiacán",
])
def test_a_clash_between_armed_sides_is_a_battle(pipeline: Any, text: str) -> None:
    events = _events(pipeline, text)
    assert events and events[0].event_type == "Battles"


@pytest.mark.parametrize("text", [
    "Choque entre dos autos deja tres muertos en la autopista a Puebla",
    "Mueren cuatro en choque de tráiler contra autobús en Puebla",
    "Un choque de trenes deja 12 muertos en el centro del país",
])
def test_a_road_or_rail_crash_is_no_clash(pipeline: Any, text: str) -> None:
    assert not _events(pipeline, text)
