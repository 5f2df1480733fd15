"""Datelines: where a report was filed is found and never taken for where its event happened."""

from __future__ import annotations

import pytest

from talaia.geo.lexicon import PlaceLexicon
from talaia.geo.toponyms import dateline_spans
from talaia.knowledge import load_knowledge

LEXICON = PlaceLexicon.from_knowledge(load_knowledge())


@pytest.mark.parametrize(("text", "dateline"), [
    ("MEXICO CITY (AP) — Gunmen ambushed police in El Mezquital.", "MEXICO CITY (AP) — "),
    ("COLUMBUS, Ohio — A man was shot dead downtown.", "COLUMBUS, Ohio — "),
    ("TEGUCIGALPA, Honduras (AFP) - Gunmen killed a journalist.", "TEGUCIGALPA, Honduras (AFP) - "),
    ("Culiacán, Sin. (OEM).- Hombres armados asesinaron a tres.", "Culiacán, Sin. (OEM).- "),
    ("CIUDAD DE MÉXICO.- La Fiscalía informó del ataque.", "CIUDAD DE MÉXICO.- "),
    ("Police killed three men.\n\nSAN PEDRO SULA, Honduras (EFE) — More news.", "SAN PEDRO SULA, Honduras (EFE) — "),
    ("LIMA, 14 (EUROPA PRESS)\n\nLa Policía detuvo a diez personas.", "LIMA, 14 (EUROPA PRESS)\n"),
    ("HOMS and HAMA, Syria – Shelling hit two villages.", "HOMS and HAMA, Syria – "),
])
def test_datelines_are_found(text: str, dateline: str) -> None:
    spans = dateline_spans(text, LEXICON)
    assert [text[a:b] for a, b in spans] == [dateline]


@pytest.mark.parametrize("text", [
    "Tijuana: two bodies found in a car",  # a headline's place is where it happened
    "Gunmen killed five police officers in Celaya on Monday.",
    "The mayor of Culiacán said - without naming anyone - that the attack was planned.",
])
def test_text_that_is_no_dateline_is_left_alone(text: str) -> None:
    assert dateline_spans(text, LEXICON) == []


@pytest.mark.slow
def test_an_event_is_never_placed_at_the_dateline(pipeline) -> None:  # type: ignore[no-untyped-def]
    from talaia.api import extract_text

    english = extract_text("MEXICO CITY (AP) — Gunmen ambushed a convoy of state police in Durango state on "
                           "Monday, killing five officers, officials said.", published="2021-06-08", pipeline=pipeline)
    spanish = extract_text("Culiacán, Sin. (OEM).- Hombres armados asesinaron a tres hombres en el municipio de "
                           "Navolato la noche del lunes.", published="2021-06-08", pipeline=pipeline)
    assert [p.dateline for p in english.places if p.name == "MEXICO CITY"] == [True]
    assert english.events and all(e.admin1 == "Durango" and e.location != "Mexico City" for e in english.events)
    assert spanish.events and spanish.events[0].location == "Navolato" and spanish.events[0].admin1 == "Sinaloa"


@pytest.mark.slow
def test_a_country_or_state_that_holds_the_dateline_city_gives_way_to_it(pipeline) -> None:  # type: ignore[no-untyped-def]
    from talaia.api import extract_text

    result = extract_text("AMMAN — Jordanian security forces arrested five protesters in Jordan on Friday, "
                          "the interior ministry said.", published="2021-06-12", pipeline=pipeline)
    assert result.events and result.events[0].location == "Amman" and result.events[0].geo_precision == 2
