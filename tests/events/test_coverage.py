"""Coverage of the event vocabulary, family by family: ACLED's sub-types in the constructions news
uses for them (verbs, nouns, idioms, passives), machine-translated English from Spanish-language
news, and Mexican words for violence; and words of violence in another sense that must give no
event. Every sentence is written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from talaia.api import extract_text

pytestmark = pytest.mark.slow

ATTACK = "Attack"
ABDUCTION = "Abduction/forced disappearance"
CLASH = "Armed clash"


def _events(pipeline: Any, text: str) -> list[Any]:
    return list(extract_text(text, published="2024-05-10", pipeline=pipeline).events)


def _check(pipeline: Any, text: str, sub_type: str, dead: int | None) -> None:
    events = _events(pipeline, text)
    assert events, "no event"
    assert events[0].sub_event_type == sub_type
    if dead is not None:
        assert events[0].fatalities == dead


# -- killings in machine-translated English: 'acribillado' riddled, 'le quitan la vida' take his life ------

KILLING_IDIOMS_EN = [
    ("Shopkeeper riddled inside his store in Culiacán", 1),
    ("Two brothers are riddled with bullets outside a gym in Celaya", 2),
    ("A taxi driver was riddled on the Tijuana-Ensenada highway on Sunday", 1),
    ("Bullet-riddled body of a man appears in a canal in Mexicali", 1),
    ("Bullets take the life of a mechanic in Uruapan", 1),
    ("Gunmen took the life of a shoe salesman in Zitácuaro on Friday", 1),
    ("Young man loses his life after an armed attack in Irapuato", 1),
    ("A street vendor lost his life when gunmen opened fire on a market in Acapulco", 1),
    ("Hitmen burned alive a rancher in Tierra Caliente, Michoacán", 1),
    ("Gunmen mowed down three men outside a bar in Salamanca on Saturday", 3),
    ("The attackers returned to the hospital in Cuernavaca and finished him off", 1),
    ("A street vendor was stoned to death by a crowd in Puebla", 1),
    ("A farmer was kicked to death outside his house in Chiapas", 1),
    ("Gunmen butchered a rancher and his wife in Guerrero", None),
    ("Two women were killed in the crossfire in Culiacán", 2),
]


@pytest.mark.parametrize(("text", "dead"), KILLING_IDIOMS_EN)
def test_killing_idioms_in_translated_english(pipeline: Any, text: str, dead: int | None) -> None:
    _check(pipeline, text, ATTACK, dead)


# -- bodies found: 'encobijado' comes out as sheltered, cowering, huddled, cloaked -------------------------

BODIES_FOUND_EN = [
    ("They find a man sheltered in the Las Fuentes neighborhood of Zamora", 1),
    ("Police find 'cowering' on a dirt road in Valle de Santiago", 1),
    ("They leave a huddled body next to a school in Zacatecas", 1),
    ("They cast a cloaked man on the Tecate-Tijuana highway", 1),
    ("Residents found a man crouched and tied near the river in Culiacán", 1),
    ("Police located a cadaver with a message in Morelia", 1),
    ("They locate a man wrapped in a blanket behind a church in Tlaquepaque", 1),
    ("They locate one wrapped in a mattress cover in Tonalá", 1),
    ("Police find two wrapped in blankets under a bridge in Tijuana", None),
]


@pytest.mark.parametrize(("text", "dead"), BODIES_FOUND_EN)
def test_translated_bodies_found_are_killings(pipeline: Any, text: str, dead: int | None) -> None:
    _check(pipeline, text, ATTACK, dead)


# -- abductions: 'levantan a', 'privan de la libertad', in both languages ---------------------------------

ABDUCTIONS = [
    "Armed men raise a young man from his home in Fresnillo",
    "Gunmen picked up two merchants at a gas station in Reynosa",
    "Hooded men took away three farmers from a ranch in Jerez",
    "They deprived a woman of her freedom in Celaya on Tuesday",
    "Levantan a un comerciante en el centro de Zacatecas",
    "Hombres armados levantaron a dos jóvenes afuera de una tienda en Reynosa",
    "Un taxista fue levantado por sujetos armados en Fresnillo",
    "Privan de la libertad a un ganadero en Tierra Caliente",
    "Plagian a un empresario en Tampico, Tamaulipas",
    "Buscan a tres hermanos que fueron levantados por un grupo armado en Jerez",
    "Denuncian el levantón de un maestro en Guerrero",
    "La madre buscadora fue privada de su libertad en Sonora",
    "A businessman was snatched by armed men in Tampico",
    "Gunmen lifted a young man from his car in Reynosa",
    "Three truck drivers were held captive by a gang in Zacatecas",
]


@pytest.mark.parametrize("text", ABDUCTIONS)
def test_abductions(pipeline: Any, text: str) -> None:
    _check(pipeline, text, ABDUCTION, None)


# -- clashes: exchanges of fire, confrontations -----------------------------------------------------------

CLASHES = [
    "Intercambio de disparos entre policías y delincuentes en Celaya",
    "Un cruce de balas entre militares y sicarios se registró en Culiacán",
    "Refriega entre soldados y un grupo armado en Aguililla",
    "Confrontación entre militares y sicarios en Tepalcatepec",
    "Soldiers and cartel gunmen confronted each other in the mountains of Guerrero",
    "An armed confrontation between soldiers and gunmen was reported in Nuevo Laredo",
    "Los militares repelieron la agresión de un grupo armado en Aguililla",
    "Troops repelled an ambush by cartel gunmen in Tepalcatepec",
    "Marinos repelen un ataque de sicarios y abaten a tres en Nuevo Laredo",
]


@pytest.mark.parametrize("text", CLASHES)
def test_clashes(pipeline: Any, text: str) -> None:
    _check(pipeline, text, CLASH, None)


# -- Mexican Spanish for killing: ultimar, ejecutar a, abatir, ajusticiar, quitar la vida ------------------

KILLINGS_ES = [
    ("Ultiman a un hombre en una colonia de Culiacán", 1),
    ("Ejecutan a tres hombres en un taller de Cajeme", 3),
    ("Ajustician a un joven en Uruapan", 1),
    ("Le quitaron la vida a un albañil en Chilpancingo", 1),
    ("Pierde la vida un motociclista tras ser baleado en Guadalajara", 1),
    ("Queman vivo a un hombre en Tlacotepec", 1),
    ("Estrangulan a una mujer en su casa de Ecatepec", 1),
    ("Abaten a dos presuntos sicarios en Reynosa", 2),
    ("Un hombre fue ultimado a tiros en Zihuatanejo", 1),
    ("Acribillan a un comandante en Fresnillo", 1),
    ("Fusilan a cuatro hombres en un rancho de Guerrero", 4),
    ("Le dieron muerte a balazos a un comerciante en Uruapan", 1),
]


@pytest.mark.parametrize(("text", "dead"), KILLINGS_ES)
def test_spanish_killings(pipeline: Any, text: str, dead: int) -> None:
    events = _events(pipeline, text)
    assert events
    assert events[0].fatalities == dead


BODIES_ES = [
    "Hallan a un hombre encobijado en Ecatepec",
    "Localizan un cuerpo embolsado en un baldío de Zapopan",
    "Encuentran a un hombre entambado en Tecomán",
    "Hallan a un hombre encostalado a orillas de la carretera en Celaya",
    "Aparece un ejecutado en un camino de terracería en Apatzingán",
]


@pytest.mark.parametrize("text", BODIES_ES)
def test_spanish_bodies_found(pipeline: Any, text: str) -> None:
    _check(pipeline, text, ATTACK, 1)


# -- attacks without deaths: atentado, balacear, plomear, rafaguear, acuchillar -----------------------------

ATTACKS_ES = [
    "Sufre atentado el director de seguridad pública de Zamora",
    "Atentan contra un regidor en Tlalixcoyan",
    "Balacean una vivienda en la colonia Centro de Celaya",
    "Rafaguean a un vendedor de tacos en Ciudad Obregón",
    "Acuchillan a un hombre durante una riña en Iztapalapa",
    "Machetean a un campesino en Chiapas",
    "Le dan una golpiza a un repartidor en Tijuana",
]


@pytest.mark.parametrize("text", ATTACKS_ES)
def test_spanish_attacks(pipeline: Any, text: str) -> None:
    events = _events(pipeline, text)
    assert events
    assert events[0].event_type == "Violence against civilians"


@pytest.mark.parametrize("text", [
    "Plomean a un policía municipal en Culiacán",
    "Tirotean una patrulla de la Guardia Nacional en Celaya",
])
def test_spanish_attacks_on_the_police(pipeline: Any, text: str) -> None:
    events = _events(pipeline, text)
    assert events
    assert events[0].event_type in {"Violence against civilians", "Battles"}


# -- ACLED's sub-types, one or more constructions each, in both languages -----------------------------------

SUB_TYPES = [
    ("A drone dropped explosives on a ranch near Coalcomán on Monday", "Air/drone strike"),
    ("Drones cargados con explosivos atacaron una comunidad de Chinicuila", "Air/drone strike"),
    ("Rusia bombardeó con misiles la ciudad de Zaporiyia", "Shelling/artillery/missile attack"),
    ("Un ataque con cohetes alcanzó una escuela en Jersón", "Shelling/artillery/missile attack"),
    ("Mortar rounds hit a market in Kharkiv on Tuesday", "Shelling/artillery/missile attack"),
    ("Una mina terrestre explotó al paso de una camioneta en Tepalcatepec", "Remote explosive/landmine/IED"),
    ("A car bomb went off outside the city hall of Jerez", "Remote explosive/landmine/IED"),
    ("Arrojan una granada contra un bar en Morelia", "Grenade"),
    ("Gunmen hurled a grenade at a patrol in Uruapan", "Grenade"),
    ("Un terrorista suicida se inmoló en un mercado de Kabul", "Suicide bomb"),
    ("Una mujer fue violada por un grupo de hombres armados en Oaxaca", "Sexual violence"),
    ("Vecinos lincharon a un presunto ladrón en Tlaxcala", "Mob violence"),
    ("Cientos de maestros marcharon en Morelia para exigir el pago de salarios", "Peaceful protest"),
    ("Madres buscadoras se manifestaron frente a la fiscalía de Sonora", "Peaceful protest"),
    ("La policía dispersó con gas lacrimógeno a manifestantes en Guadalajara", "Protest with intervention"),
    ("Police fired tear gas to disperse protesters in Santiago on Friday", "Protest with intervention"),
    ("El CJNG tomó el control de la cabecera municipal de Chinicuila", "Non-state actor overtakes territory"),
    ("El Ejército recuperó el control de Coalcomán", "Government regains territory"),
    ("The army seized 40 rifles and two grenade launchers in a raid in Sinaloa", "Disrupted weapons use"),
    ("Soldados desactivaron un artefacto explosivo en una carretera de Celaya", "Disrupted weapons use"),
    ("Incendian cinco tiendas de conveniencia en Celaya", "Looting/property destruction"),
    ("Un grupo de personas saqueó varios comercios en el centro de Acapulco", "Looting/property destruction"),
    ("Grupos criminales pactaron una tregua en la sierra de Guerrero", "Agreement"),
    ("Hallan una fosa clandestina con ocho cuerpos en Jalisco", "Other"),
    ("Desaparecen a un activista ambiental en Guerrero", ABDUCTION),
    ("A teacher was forcibly disappeared by soldiers in Guerrero", ABDUCTION),
]


@pytest.mark.parametrize(("text", "sub_type"), SUB_TYPES)
def test_sub_types(pipeline: Any, text: str, sub_type: str) -> None:
    _check(pipeline, text, sub_type, None)


# -- gunshot wounds, shots heard and the dead without vital signs ------------------------------------------

SHOTS = [
    "Un hombre recibió varios impactos de bala en la colonia Centro de Celaya",
    "Un repartidor resultó herido por arma de fuego en Tijuana",
    "Se reportan detonaciones de arma de fuego en un fraccionamiento de Celaya",
    "A young man suffered gunshot wounds outside a bakery in Tijuana",
    "A woman was hit by bullets while waiting for the bus in León",
    "An armed aggression against a family was reported in Cajeme",
    "Gunmen fired against a taxi driver in Acapulco",
]


@pytest.mark.parametrize("text", SHOTS)
def test_gunshots_are_attacks(pipeline: Any, text: str) -> None:
    _check(pipeline, text, ATTACK, None)


@pytest.mark.parametrize("text", [
    "Paramedics found a man without vital signs on a street in León",
    "Paramédicos encontraron a un hombre sin signos vitales en un lote baldío de León",
])
def test_no_vital_signs_is_a_death(pipeline: Any, text: str) -> None:
    _check(pipeline, text, ATTACK, 1)


# -- passives, nominal events and tolls told as a balance, in both languages ----------------------------------

CONSTRUCTIONS = [
    ("A young man resulted dead after an armed attack in Salamanca", 1),  # 'resultó muerto'
    ("Resultó muerto un repartidor tras un ataque en Salamanca", 1),
    ("The murder of a notary in Culiacán shocked the city", 1),
    ("El asesinato de una maestra en Uruapan conmocionó a la ciudad", 1),
    ("A woman perished in the attack on a bar in Irapuato", 1),
    ("Two dead and one wounded is the balance of an attack on a car wash in Tijuana", 2),
    ("Dos muertos y un herido es el saldo de un ataque en un autolavado de Tijuana", 2),
    ("Cuelgan a dos hombres de un puente en Uruapan", 2),
    ("They hang two men from a bridge in Cuernavaca", 2),
    ("The head of a man was left in a cooler in Zapopan", 1),
]


@pytest.mark.parametrize(("text", "dead"), CONSTRUCTIONS)
def test_passives_nominals_and_balances(pipeline: Any, text: str, dead: int) -> None:
    _check(pipeline, text, ATTACK, dead)


@pytest.mark.parametrize("text", [
    "Le dieron varios balazos a un hombre afuera de una tienda en León",
    "Un joven recibió dos puñaladas durante una riña en Iztapalapa",
    "A man was attacked to bullets in Culiacán",  # 'atacado a balazos'
    "They gave him several shots outside a pharmacy in León",
])
def test_shots_given_and_received(pipeline: Any, text: str) -> None:
    _check(pipeline, text, ATTACK, None)


# -- a day of violence told as such: that day's incidents; a wave or a trend is not one ----------------------

@pytest.mark.parametrize("text", [
    "Jornada violenta en Salamanca deja cuatro muertos",
    "Madrugada violenta en Ciudad Juárez",
    "Vive Uruapan un fin de semana sangriento",
    "Sucesos violentos durante la noche en Mexicali",
    "Bloody weekend in Culiacán leaves eight dead",
    "Violent Sunday in Ciudad Obregón",
])
def test_a_violent_day_is_an_incident(pipeline: Any, text: str) -> None:
    _check(pipeline, text, ATTACK, None)


@pytest.mark.parametrize("text", [
    "La ola de violencia preocupa a los empresarios de Celaya",
    "Los hechos violentos aumentaron 20 por ciento este año en Guanajuato",
])
def test_a_wave_of_violence_is_no_incident(pipeline: Any, text: str) -> None:
    assert _events(pipeline, text) == []


# -- violence words in another sense: no event ------------------------------------------------------------

NOT_EVENTS = [
    "Lo acusan de atentado contra la salud pública en Tijuana",
    "La reforma es un atentado contra la libertad de expresión, dijeron periodistas en Puebla",
    "El municipio ejecutó un proyecto de drenaje en Celaya",
    "La constructora ejecutó el presupuesto completo en León",
    "La ejecución de la obra en Irapuato lleva seis meses de retraso",
    "Levantan la alerta por lluvias en Veracruz",
    "Los transportistas levantaron el bloqueo de la autopista en Michoacán",
    "Los vecinos levantaron una denuncia ante la fiscalía de Colima",
    "El alcalde se levanta a las cinco de la mañana en Toluca",
    "El programa busca abatir el rezago educativo en Oaxaca",
    "La universidad investiga el plagio de una tesis en Puebla",
    "El candidato sufrió un ataque de pánico durante el debate en Mérida",
    "The crew was shooting a film in Durango on Tuesday",
    "The shooting range reopened in Hermosillo on Saturday",
    "The company executed a contract with the city of Tijuana",
    "The bullet train between Mexico City and Toluca opened on Monday",
    "The drug executive resigned from the company in Monterrey",
    "The band killed it at the concert in Guadalajara",
    "The governor raised concerns about violence in Zacatecas",
    "The firm picked up a new contract in Monterrey",
    "The report is riddled with errors, the mayor of Tijuana said",
    "Firefighters fought the blaze for six hours in Saltillo",
    "Volunteers hung banners in the main square of Oaxaca",
    "A verbal confrontation between the governor and the mayor of Puebla dominated the week",
    "El gobierno anunció la puesta en marcha de un programa de becas en Puebla",
    "Las obras del tren marchan bien, dijo el gobernador de Yucatán",
    "El senador se manifestó en contra de la reforma en la Ciudad de México",
    "Los precios de la gasolina se dispararon en Sinaloa",
    "El equipo tomó el control del partido en el segundo tiempo en Monterrey",
    "The report found the family without life insurance in Tijuana",
    "The new gunshot detection system was installed in Chihuahua",
    "Firefighters lifted a man from the rubble in Acapulco",
    "The spray repelled the mosquitoes in Tapachula, residents said",
    "Police found two packages wrapped in plastic in a car in Tijuana",
    "The opposition blasted the new security plan in Mexico City on Monday",
    "The governor took a parting shot at the president in Monterrey",
    "North Korea tested a new ballistic missile on Thursday",
    "Corea del Norte realizó una prueba de misiles el jueves",
    "El vecino cuelga la ropa en el patio de su casa en Puebla",
]


@pytest.mark.parametrize("text", NOT_EVENTS)
def test_words_in_another_sense_give_no_event(pipeline: Any, text: str) -> None:
    assert _events(pipeline, text) == []


def test_an_arrest_warrant_carried_out_is_still_an_arrest(pipeline: Any) -> None:
    # 'ejecutar una orden' is no killing, but the arrest it carries out still counts
    text = "Agentes ejecutaron una orden de aprehensión contra un hombre en Morelia"
    assert [e.sub_event_type for e in _events(pipeline, text)] == ["Arrests"]


def test_suicide_is_not_a_life_taken(pipeline: Any) -> None:
    assert _events(pipeline, "Se quitó la vida un hombre en su domicilio de Saltillo") == []
