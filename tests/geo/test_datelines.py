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
    # English agency styles: mixed case, a country after the place, a date before the agency
    ("Ouagadougou (AFP) - Jihadists attacked a gendarmerie post in the north.", "Ouagadougou (AFP) - "),
    ("Manila, Philippines — Rebels ambushed an army patrol on Samar island.", "Manila, Philippines — "),
    ("Tegucigalpa – Unos pistoleros mataron a un taxista.", "Tegucigalpa – "),
    ("CULIACAN, Mexico, Oct 17 (Reuters) - Soldiers clashed with gunmen.", "CULIACAN, Mexico, Oct 17 (Reuters) - "),
    ("KHARKIV, Ukraine, March 3, 2022 (AP) — Shelling hit a school.", "KHARKIV, Ukraine, March 3, 2022 (AP) — "),
    ("NAIROBI, Kenya Jan 4 – Four suspects were arrested.", "NAIROBI, Kenya Jan 4 – "),
    ("Dakar, Senegal, 5 June 2023 (Xinhua) -- Protesters burned tyres.", "Dakar, Senegal, 5 June 2023 (Xinhua) -- "),
    # Spanish agency styles: a date in Spanish, the state's abbreviation, a line or a full stop alone
    ("Acapulco, Gro., 12 de junio (Quadratín).- Un hombre fue asesinado.",
     "Acapulco, Gro., 12 de junio (Quadratín).- "),
    ("Ciudad de México, 3 de mayo de 2021 (EFE).– La policía detuvo a dos.",
     "Ciudad de México, 3 de mayo de 2021 (EFE).– "),
    ("Puerto Príncipe, Haití.- Hombres armados atacaron un blindado.", "Puerto Príncipe, Haití.- "),
    ("Pasto, Nariño\n\nUn soldado murió en un combate.", "Pasto, Nariño\n"),
    ("Quito. Dos guardias fueron asesinados en la cárcel.", "Quito. "),
    ("(EFE) LIMA – Manifestantes bloquearon una carretera.", "(EFE) LIMA – "),
    # a dateline opening the second line, after a headline
    ("Dos muertos en un ataque\nMORELIA (Quadratín) - Dos hombres murieron.", "MORELIA (Quadratín) - "),
])
def test_datelines_are_found(text: str, dateline: str) -> None:
    spans = dateline_spans(text, LEXICON)
    assert [text[a:b] for a, b in spans] == [dateline]


@pytest.mark.parametrize("text", [
    "Tijuana: two bodies found in a car",  # a headline's place is where it happened
    "Gunmen killed five police officers in Celaya on Monday.",
    "The mayor of Culiacán said - without naming anyone - that the attack was planned.",
    "Gunmen kill five in a bar - police say the attack was planned.",
    "Cinco muertos deja un ataque armado en Celaya.",
    "the police of Lima - a city of ten million - arrested two men.",
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
@pytest.mark.parametrize(("text", "place", "filed"), [
    ("Ouagadougou (AFP) - Jihadists killed twelve soldiers in an attack on an army post in Djibo on Monday.",
     "Djibo", "Ouagadougou"),
    ("Tegucigalpa – Pistoleros asesinaron a un periodista en San Pedro Sula el martes.", "San Pedro Sula",
     "Tegucigalpa"),
    ("CULIACAN, Mexico, Oct 17 (Reuters) - Gunmen ambushed police in Aguililla, killing 13 officers.",
     "Aguililla", "CULIACAN"),
    ("Oaxaca, Oax., 4 de marzo (Quadratín).- Un comando asesinó a tres hombres en Juchitán.", "Juchitán", "Oaxaca"),
    ("Popayán, Cauca\n\nDisidencias atacaron una estación de policía en Suárez el domingo.", "Suárez", "Popayán"),
])
def test_the_filing_place_gives_way_to_the_place_the_text_names(pipeline, text: str, place: str,  # type: ignore[no-untyped-def]
                                                                 filed: str) -> None:
    from talaia.api import extract_text

    result = extract_text(text, published="2021-06-08", pipeline=pipeline)
    assert [p.dateline for p in result.places if p.name == filed] == [True]
    assert result.events and all(place in (e.location or "") for e in result.events)  # Juchitán de Zaragoza


@pytest.mark.slow
@pytest.mark.parametrize(("text", "filed"), [
    ("Tegucigalpa – La policía dispersó con gases a un grupo de manifestantes el martes.", "Tegucigalpa"),
    ("MANILA (AP) — Police arrested five protesters on Friday.", "Manila"),
])
def test_the_filing_place_is_the_event_place_when_the_text_names_none(pipeline, text: str,  # type: ignore[no-untyped-def]
                                                                      filed: str) -> None:
    from talaia.api import extract_text

    result = extract_text(text, published="2021-06-08", pipeline=pipeline)
    assert result.events and result.events[0].location == filed


@pytest.mark.slow
def test_a_headline_in_title_case_is_no_dateline(pipeline) -> None:  # type: ignore[no-untyped-def]
    from talaia.api import extract_text

    result = extract_text("Celaya Police Arrest Five - Gunmen killed two officers in Celaya on Monday.",
                          published="2021-06-08", pipeline=pipeline)
    assert not any(p.dateline for p in result.places)


@pytest.mark.slow
def test_a_country_or_state_that_holds_the_dateline_city_gives_way_to_it(pipeline) -> None:  # type: ignore[no-untyped-def]
    from talaia.api import extract_text

    result = extract_text("AMMAN — Jordanian security forces arrested five protesters in Jordan on Friday, "
                          "the interior ministry said.", published="2021-06-12", pipeline=pipeline)
    assert result.events and result.events[0].location == "Amman" and result.events[0].geo_precision == 2
