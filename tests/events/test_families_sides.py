"""Construction families of the incidents issue (round 4), in sentences written for these tests, English and
Spanish: the side an attack was made on, a people's adjective on shelling, a definite collective noun that
refers back to a named group, violence as a policy's object, a count's cut-off date and running counts,
thousands written '2 mil 084'."""

from __future__ import annotations

from typing import Any

import pytest

from talaia.api import extract_text

pytestmark = pytest.mark.slow


def _events(pipeline: Any, text: str, published: str = "2025-08-03") -> list[Any]:
    return list(extract_text(text, published=published, pipeline=pipeline).events)


# -- the side an attack was made on is its target, whoever died on it ----------------------------------------

@pytest.mark.parametrize("text", [
    "An ambush on an army patrol left four soldiers dead in Aguililla on Tuesday.",
    "A drone attack against the National Police wounded two officers in Suarez, Cauca, on Monday.",
    "The attack on a National Guard convoy in Zacatecas killed three troops on Sunday.",
    "Un ataque con drones contra la Policía Nacional dejó dos agentes heridos en Suárez, Cauca, el lunes.",
    "Hombres armados perpetraron una emboscada contra policías estatales en Coahuayana el viernes; murieron dos "
    "agentes.",
    "State police officers were attacked by a group of armed men in Tecate on Friday; two were wounded.",
    "Los agentes de la policía estatal fueron agredidos a balazos por un grupo armado en Tecate el viernes; dos "
    "resultaron heridos.",
])
def test_the_side_attacked_is_not_the_perpetrator(pipeline: Any, text: str) -> None:
    events = _events(pipeline, text)
    assert events
    assert events[0].actor1 is not None and "Unidentified Armed Group" in events[0].actor1


# -- a people's adjective on shelling or an air strike names its state's forces ------------------------------

@pytest.mark.parametrize(("text", "forces"), [
    ("Russian shelling killed two civilians in Kherson on Tuesday, the governor said.", "Military Forces of Russia"),
    ("A Turkish drone strike killed three fighters near Qamishli on Monday.", "Military Forces of Turkey"),
    ("Un ataque ruso con misiles mató a cinco civiles en Járkov el martes.", "Military Forces of Russia"),
    ("Los bombardeos israelíes mataron a 12 personas en Jan Yunis el domingo.", "Military Forces of Israel"),
])
def test_a_peoples_adjective_names_the_forces(pipeline: Any, text: str, forces: str) -> None:
    events = _events(pipeline, text)
    assert events and events[0].actor1 is not None and events[0].actor1.startswith(forces)


# -- 'the group' refers back to the group named before ----------------------------------------------------------

@pytest.mark.parametrize(("text", "group"), [
    ('El grupo delictivo "Los Viagras" incendió tres vehículos en Apatzingán el lunes. Después, el grupo delictivo '
     "bloqueó la carretera y quemó una gasolinera en Buenavista.", "Los Viagras"),
    ("The Sinaloa Cartel attacked a ranch in Choix on Monday. Hours later the criminal group set fire to two trucks"
     " in El Fuerte.", "Sinaloa Cartel"),
])
def test_a_definite_collective_noun_refers_back(pipeline: Any, text: str, group: str) -> None:
    events = _events(pipeline, text)
    assert len(events) == 2 and all(e.actor1 == group for e in events)


def test_an_indefinite_group_is_someone_new(pipeline: Any) -> None:
    text = ("The Sinaloa Cartel attacked a ranch in Choix on Monday. On Tuesday a group of gunmen killed two farmers "
            "in El Fuerte.")
    events = _events(pipeline, text)
    later = [e for e in events if e.location and "Fuerte" in e.location]
    assert later and later[0].actor1 != "Sinaloa Cartel"


# -- violence as what a policy is to reduce; a count and its cut-off date ----------------------------------------

@pytest.mark.parametrize("text", [
    "El gobierno propone combatir la violencia mediante el fortalecimiento institucional y la creación de empleo.",
    "The plan aims to reduce violence in Guerrero through jobs and stronger institutions, the governor said on "
    "Monday.",
    "La estrategia busca reducir los homicidios en Guanajuato, dijo el gobernador el lunes.",
    "The governor presented a strategy against extortion and kidnappings in Morelos on Tuesday.",
    "El balance, con cifras consolidadas al 30 de septiembre, revela que Jalisco suma 1 mil 204 asesinatos en lo "
    "que va del año.",
    "Según el informe, con corte al 15 de agosto, Zacatecas acumula 612 homicidios dolosos en 2025.",
    "As of 30 September, the state had recorded 1,204 murders this year, the report said.",
    "Colima has recorded 418 homicides since January, according to the state prosecutor.",
])
def test_no_incident_in_policies_and_counts(pipeline: Any, text: str) -> None:
    assert _events(pipeline, text) == []


def test_thousands_written_with_mil(pipeline: Any) -> None:
    events = _events(pipeline, "Hombres armados asesinaron a 2 mil 084 personas en la región durante el ataque del "
                               "lunes en Celaya.")
    assert events and events[0].fatalities == 2084


# -- a Spanish passive: its subject suffered it, its 'por' phrase did it -----------------------------------------

@pytest.mark.parametrize("text", [
    "Militares fueron atacados a balazos el jueves en las inmediaciones de Badiraguato, Sinaloa.",
    "Dos policías municipales fueron emboscados por un grupo armado el sábado en Tepalcatepec, Michoacán; uno "
    "murió.",
    "Una patrulla de la Policía Estatal fue baleada el domingo en Fresnillo, Zacatecas.",
])
def test_a_spanish_passive_subject_is_the_target(pipeline: Any, text: str) -> None:
    events = _events(pipeline, text)
    assert events and events[0].event_type == "Battles"
    assert events[0].actor1 is not None and "Unidentified Armed Group" in events[0].actor1


# -- who answered an attack is its target; the attackers they answered began it ---------------------------------

@pytest.mark.parametrize("text", [
    "Al responder al ataque, los militares dieron muerte a seis agresores en Nueva Italia, Michoacán, el martes.",
    "Police repelled the attack and killed two gunmen in Celaya, Guanajuato, on Friday.",
])
def test_the_attackers_a_response_answered_began_it(pipeline: Any, text: str) -> None:
    events = _events(pipeline, text)
    assert events and events[0].event_type == "Battles"
    assert "Unidentified Armed Group" in (events[0].actor1 or "")
    assert "Forces" in (events[0].actor2 or "")


# -- a sentence that blames or claims names the perpetrator of the incident before it -----------------------------

@pytest.mark.parametrize(("text", "group"), [
    ("Two soldiers were killed by a landmine in Tibú, Norte de Santander, on Monday. The army blamed the ELN for "
     "planting the device.", "ELN"),
    ("Un comerciante fue asesinado a tiros el domingo en Ecatepec, Estado de México. Las autoridades atribuyeron el "
     "crimen a La Familia Michoacana.", "Familia Michoacana"),
    ("Desconocidos atacaron a balazos a dos policías en Celaya, Guanajuato, el lunes. La Fiscalía señaló como "
     "responsables a integrantes del Cártel de Santa Rosa de Lima.", "Santa Rosa de Lima"),
])
def test_a_blaming_sentence_names_the_perpetrator(pipeline: Any, text: str, group: str) -> None:
    events = _events(pipeline, text)
    assert len(events) == 1 and group in (events[0].actor1 or "")


# -- a kind of violence spoken of; deaths that are not political violence -------------------------------------------

@pytest.mark.parametrize("text", [
    "Human Rights Watch said its annual report found security forces implicated in extrajudicial killings and "
    "enforced disappearances.",
    "Amnistía Internacional denunció detenciones arbitrarias, torturas y muertes bajo custodia.",
    "Las lluvias del huracán dejaron 22 muertos en Guerrero, informó Protección Civil.",
    "Tres niños murieron ahogados en un río de la zona rural de Cúcuta mientras se bañaban.",
    "Un deslave provocado por las lluvias sepultó una aldea en Chiapas y dejó al menos 11 muertos.",
    "Una seguidilla de ataques incendiarios contra maquinaria forestal afectó a La Araucanía en los últimos meses.",
    "Killings of police officers in Khyber Pakhtunkhwa rose by nearly 40 percent year-on-year, a think tank said.",
])
def test_no_incident_in_kinds_of_violence_and_accidents(pipeline: Any, text: str) -> None:
    assert _events(pipeline, text) == []


# -- the dead a death word describes; where the wounded were taken --------------------------------------------------

def test_the_dead_described_are_not_the_doers(pipeline: Any) -> None:
    text = ("A car bomb exploded near a police station in Jamundí on Sunday. Police initially reported two dead - a "
            "police officer and a street vendor - and more than 20 wounded.")
    events = _events(pipeline, text)
    assert events and all("Police" not in (e.actor1 or "") for e in events)


@pytest.mark.parametrize("text", [
    "Gunmen shot a shopkeeper in Jamundí on Sunday; he died hours later at a hospital in Cali.",
    "Sujetos armados balearon a un comerciante en Jamundí el domingo; murió horas después en el hospital de Cali.",
])
def test_a_hospitals_place_is_not_the_incidents(pipeline: Any, text: str) -> None:
    events = _events(pipeline, text)
    assert len(events) == 1 and events[0].location and "Jamund" in events[0].location


# -- where the dead came from; a place's habitual violence; a flight is no withdrawal --------------------------------

@pytest.mark.parametrize("text", [
    "Hombres armados atacaron a policías en Buenavista, Michoacán, el domingo. Los fallecidos son tres agentes, "
    "originarios de Morelia, Zitácuaro y Apatzingán.",
    "Gunmen killed three police officers in Buenavista, Michoacán, on Sunday. The dead officers were natives of "
    "Morelia, Zitácuaro and Apatzingán.",
])
def test_where_the_dead_came_from_is_not_where_they_died(pipeline: Any, text: str) -> None:
    events = _events(pipeline, text)
    assert len(events) == 1 and events[0].location and "Buenavista" in events[0].location


@pytest.mark.parametrize("text", [
    "Buenavista y los municipios vecinos han sido escenario de enfrentamientos entre cárteles con drones.",
    "Guanajuato has for years recorded more homicides than any other Mexican state.",
    "The town has long been the scene of clashes between rival cartels.",
])
def test_a_places_habitual_violence_is_no_incident(pipeline: Any, text: str) -> None:
    assert _events(pipeline, text) == []


@pytest.mark.parametrize(("text", "withdrawal"), [
    ("Gunmen ambushed a patrol in Valparaíso on Saturday; the attackers withdrew toward the Durango border.", False),
    ("Russian troops withdrew from Kherson on Friday, the defence ministry said.", True),
])
def test_a_withdrawal_says_from_where(pipeline: Any, text: str, withdrawal: bool) -> None:
    kinds = {e.sub_event_type for e in _events(pipeline, text)}
    assert ("Non-violent transfer of territory" in kinds) == withdrawal


# -- 'town, municipality, state' is an address, not a list -----------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Hombres armados emboscaron a policías estatales en El Aguaje, Aguililla, Michoacán, el lunes; murieron 13 "
    "agentes.",
    "Gunmen ambushed state police in El Aguaje, Aguililla, Michoacan, on Monday, killing 13 officers.",
])
def test_a_town_its_municipality_and_state_are_one_place(pipeline: Any, text: str) -> None:
    events = _events(pipeline, text)
    assert len(events) == 1 and events[0].admin1 == "Michoacán" and events[0].fatalities == 13


def test_two_towns_of_one_state_are_still_a_list(pipeline: Any) -> None:
    events = _events(pipeline, "Gunmen attacked bars in Celaya, Irapuato, Guanajuato, on Monday, killing five people.")
    assert {e.location for e in events} == {"Celaya", "Irapuato"}


@pytest.mark.parametrize("text", [
    "The number of people killed by a car bomb that exploded near a police station in Jamundí rose to four on "
    "Monday.",
    "Las personas muertas por la explosión de un coche bomba frente a una comisaría en Jamundí ya son cuatro, "
    "informaron el lunes.",
])
def test_civilians_are_never_a_blasts_doers(pipeline: Any, text: str) -> None:
    events = _events(pipeline, text)
    assert events and all("Civilians" not in (e.actor1 or "") for e in events)


# -- weapons named after places; violent demonstrators; armed groups beyond Latin America --------------------------

@pytest.mark.parametrize("text", [
    "The protesters threw rocks and Molotov cocktails at police in Tegucigalpa on Tuesday.",
    "Los manifestantes lanzaron piedras y bombas molotov contra la policía en Tegucigalpa el martes.",
])
def test_violent_demonstrators_with_molotovs_are_rioters_where_they_are(pipeline: Any, text: str) -> None:
    events = _events(pipeline, text)
    assert len(events) == 1 and events[0].country == "Honduras"
    assert events[0].sub_event_type == "Violent demonstration" and (events[0].actor1 or "").startswith("Rioters")


@pytest.mark.parametrize(("text", "group"), [
    ("An ambush against an army patrol by JNIM fighters near Djibo on Saturday killed 12 soldiers.", "JNIM"),
    ("El asalto de combatientes del ISWAP a una base militar en Malam-Fatori, Borno, el jueves dejó seis soldados "
     "muertos.", "Islamic State (West Africa)"),
])
def test_armed_groups_beyond_latin_america_are_named(pipeline: Any, text: str, group: str) -> None:
    events = _events(pipeline, text)
    assert events and group in (events[0].actor1 or "")
