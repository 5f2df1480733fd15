"""Incidents, not sentences: one test per failure family, in sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from talaia.api import extract_text
from talaia.events.detect import HEADLINE_CHARS

pytestmark = pytest.mark.slow


def _events(pipeline: Any, text: str, published: str = "2024-05-10", **kw: Any) -> list[Any]:
    return list(extract_text(text, published=published, pipeline=pipeline, **kw).events)


# -- segmentation: the sentences of one incident make one event ------------------------------------------

def test_a_toll_told_after_the_attack_joins_it(pipeline: Any) -> None:
    text = ("Gunmen ambushed a police convoy near Aguililla, Michoacán, on Tuesday, killing nine officers.\n\n"
            "At least two other people died in the attack, officials said.")
    events = _events(pipeline, text)
    assert len(events) == 1
    assert events[0].fatalities == 11  # 'two other' adds to the nine


def test_a_back_reference_adds_evidence_to_its_incident(pipeline: Any) -> None:
    text = ("Armed men shot dead four people outside a bar in Celaya, Guanajuato, on Sunday night.\n\n"
            "Relatives gathered at the hospital on Monday morning. The attack took place minutes before midnight, "
            "according to witnesses.")
    events = _events(pipeline, text, published="2024-05-13")
    assert len(events) == 1
    starts = [e.start for e in events[0].evidence]
    assert any(s >= text.index("The attack") for s in starts)


def test_another_attack_is_another_event(pipeline: Any) -> None:
    text = ("Armed men shot dead four people outside a bar in Celaya, Guanajuato, on Sunday night. "
            "In another attack, two brothers were shot dead in Salamanca.")
    events = _events(pipeline, text, published="2024-05-13")
    assert len(events) == 2


def test_tolls_over_a_period_are_not_incidents(pipeline: Any) -> None:
    text = ("A record 31,000 murders were registered in the country last year, according to official figures.\n\n"
            "So far this year, 17 reporters have been killed across the region.")
    assert _events(pipeline, text) == []


def test_spanish_tolls_over_a_period_are_not_incidents(pipeline: Any) -> None:
    text = ("En lo que va del año, 22 defensores ambientales han sido asesinados en el país.\n\n"
            "El año pasado la cifra de homicidios llegó a 30.000, un récord desde que hay registros.")
    assert _events(pipeline, text, language="es") == []


def test_fears_and_habits_are_not_incidents(pipeline: Any) -> None:
    text = ("Shopkeepers in Zamora closed early for fear of new attacks.\n\n"
            "Kidnappings of truck drivers are frequent on the highways of the state.")
    assert _events(pipeline, text) == []


def test_an_incident_recalled_from_years_before_is_history(pipeline: Any) -> None:
    text = ("Soldiers clashed with gunmen in Tepalcatepec, Michoacán, on Wednesday, leaving three attackers dead.\n\n"
            "The town has a long history of violence. In 2015, 42 people were killed in a shootout at a ranch "
            "nearby.")
    events = _events(pipeline, text, published="2024-05-10")
    assert len(events) == 1 and events[0].fatalities == 3


# -- roles: who tells is not who did ------------------------------------------------------------------

def test_the_source_is_not_the_perpetrator(pipeline: Any) -> None:
    text = "Police said six of the eight men were shot dead in a car park in Culiacán on Saturday."
    event = _events(pipeline, text, published="2024-05-12")[0]
    assert event.inter1 != "State forces"


def test_one_states_forces_are_not_on_both_sides(pipeline: Any) -> None:
    text = "Soldiers and state police killed five gunmen in a clash in Reynosa, Tamaulipas, on Monday."
    event = _events(pipeline, text, published="2024-05-14")[0]
    assert not (event.inter1 == "State forces" and event.inter2 == "State forces")


# -- demonstrations: the violence in a protest belongs to it --------------------------------------------

def test_violence_in_a_demonstration_is_one_riot_or_protest_event(pipeline: Any) -> None:
    text = ("Thousands of students marched through Valparaíso, Chile, on Friday to demand free education.\n\n"
            "Riot police fired tear gas and water cannon, and some protesters threw stones at officers.")
    events = _events(pipeline, text, published="2024-05-11")
    assert len(events) == 1
    assert events[0].event_type in {"Riots", "Protests"}


# -- salience: the headline's incident first ----------------------------------------------------------

def test_the_headlines_incident_comes_first(pipeline: Any) -> None:
    text = ("Police arrested three men in Morelia, Michoacán, on Monday.\n\n"
            "Separately, gunmen killed two municipal officers in an ambush in Zitácuaro on Tuesday.")
    events = _events(pipeline, text, published="2024-05-15", title="Gunmen ambush municipal officers in Zitácuaro")
    assert events[0].admin2 == "Zitácuaro" or events[0].location == "Zitácuaro"


# -- the parts, without a parse ---------------------------------------------------------------------------

def test_reconcile_keeps_the_lowest_and_highest_and_adds_other_deaths() -> None:
    from talaia.events.fatalities import FatalityCount
    from talaia.events.incidents import reconcile

    nine, eleven, two = (FatalityCount(n, n, 0, 1) for n in (9, 11, 2))
    one = FatalityCount(1, 1, 0, 1, implicit=True)
    told = reconcile([(nine, False, False), (eleven, False, False)])
    assert told is not None and (told.low, told.high) == (9, 11)
    added = reconcile([(nine, False, False), (two, True, False)])
    assert added is not None and (added.low, added.high) == (11, 11)
    implicit = reconcile([(one, False, False), (nine, False, False)])  # 'died' alone, then 'nine'
    assert implicit is not None and (implicit.low, implicit.high) == (9, 9)


def test_reconcile_adds_a_death_told_on_top_and_keeps_an_updated_toll() -> None:
    from talaia.events.fatalities import FatalityCount
    from talaia.events.incidents import reconcile

    one = FatalityCount(1, 1, 0, 5)
    vendor = FatalityCount(1, 1, 40, 46, implicit=True)  # 'the shooting also killed the vendor'
    also = reconcile([(one, False, False), (vendor, True, False)])
    assert also is not None and (also.low, also.high) == (2, 2)
    first, risen = FatalityCount(23, 23, 0, 2), FatalityCount(33, 33, 90, 92)  # 'the toll rose to 33'
    updated = reconcile([(first, False, False), (risen, False, True)])
    assert updated is not None and (updated.low, updated.high) == (33, 33)


def test_mention_status_scopes(pipeline: Any) -> None:
    import datetime as dt

    from talaia.events.component import EventsComponent
    from talaia.events.dates import EventDate
    from talaia.events.status import mention_status
    from talaia.events.triggers import find_triggers
    from talaia.nlp.component import SpacyComponent

    stages = pipeline.components
    lexicon = next(c for c in stages if isinstance(c, EventsComponent)).lexicon
    models = next(c for c in stages if isinstance(c, SpacyComponent)).models
    published = dt.date(2024, 5, 10)

    def status(text: str, date: EventDate | None = None, subject: bool = False, language: str = "en") -> str:
        sent = next(iter(models.get(language)(text).sents))
        return mention_status(sent, find_triggers(sent, False, lexicon.triggers), date, published, subject,
                              lexicon.status)

    assert status("Soldiers were deployed to prevent attacks and killed two gunmen.") == "incident"
    assert status("Shops closed early for fear of new attacks.") == "hypothetical"
    assert status("So far this year, 12 journalists have been killed.") == "aggregate"
    # a single day dates an incident even in a sentence about the year
    assert status("So far this year, 12 journalists have been killed.", EventDate(published, 1)) == "incident"
    # a cue in a clause about a place speaks of the place, not of the incident
    assert status("Gunmen killed two men in Celaya, a city often hit by cartel violence.") == "incident"
    assert status("Attacks on journalists are frequent in Guerrero.") == "habitual"
    old = EventDate(dt.date(2015, 1, 1), 3)
    assert status("In 2015, 42 people were killed.", old) == "history"
    assert status("In 2015, 42 people were killed.", old, subject=True) == "incident"
    assert status("Sicarios mataron a once personas en Uruapan.", language="es") == "incident"


def test_the_sides_of_a_clash_are_its_actors_not_its_dead(pipeline: Any) -> None:
    for text, language in (("Five people died in clashes between soldiers and gunmen in Reynosa, Tamaulipas, "
                            "on Monday.", "en"),
                           ("Cinco personas murieron en un enfrentamiento entre militares y sicarios en Reynosa, "
                            "Tamaulipas, el lunes.", "es")):
        event = _events(pipeline, text, published="2024-05-14", language=language)[0]
        assert event.sub_event_type == "Armed clash"
        assert event.inter2 != "Civilians"


def test_a_demonstrations_weapons_and_words_are_not_explosions(pipeline: Any) -> None:
    text = ("Unas 300 personas marcharon el viernes en el centro de Valparaíso, Chile, en el aniversario del "
            "estallido social; algunos lanzaron bombas molotov y la policía respondió con bombas aturdidoras.")
    events = _events(pipeline, text, published="2024-05-11", language="es")
    assert events and all(e.event_type != "Explosions/Remote violence" for e in events)
    assert events[0].event_type in {"Riots", "Protests"}


def test_a_background_clause_is_not_evidence(pipeline: Any) -> None:
    text = ("Gunmen shot dead three men in Cali on Friday, a city where months of unrest have left dozens of "
            "people dead.")
    event = _events(pipeline, text, published="2024-05-11")[0]
    assert event.fatalities == 3
    assert not any(e.start <= text.index("dozens") < e.end for e in event.evidence)


# -- named groups and forces from the knowledge base ----------------------------------------------------

@pytest.mark.parametrize(("text", "language", "actor1"), [
    ("Gunmen from the Sinaloa Cartel killed four police officers in Culiacán, Sinaloa, on Monday.", "en",
     "Sinaloa Cartel"),
    ("Integrantes del Cártel Jalisco Nueva Generación atacaron a policías en Aguililla, Michoacán, el lunes.", "es",
     "CJNG: Jalisco New Generation Cartel"),
])
def test_a_named_group_is_the_actor_not_an_unidentified_one(pipeline: Any, text: str, language: str,
                                                            actor1: str) -> None:
    event = _events(pipeline, text, published="2024-05-15", language=language)[0]
    assert event.actor1 == actor1
    assert event.actor2 != actor1  # never on both sides


def test_an_attack_on_a_military_base_is_a_battle_in_spanish_too(pipeline: Any) -> None:
    text = "Disidencias de las FARC atacaron una base militar en Caloto, Cauca, el jueves."
    event = _events(pipeline, text, published="2024-05-17", language="es")[0]
    assert (event.sub_event_type, event.actor1) == ("Armed clash", "FARC Dissidents: Central General Staff")


# -- participants in the text's own words (contract v1.1) ----------------------------------------------------

def test_participants_are_kept_in_the_texts_own_words(pipeline: Any) -> None:
    text = "Sicarios asesinaron al alcalde Juan Pérez en Aguililla, Michoacán, el lunes."
    event = _events(pipeline, text, published="2024-05-15", language="es")[0]
    assert [(m.text, m.kind) for m in event.actor1_mentions] == [("Sicarios", "group")]
    victims = [(m.text, m.kind, m.actor) for m in event.actor2_mentions]
    assert ("Juan Pérez", "person", "Civilians (Mexico)") in victims
    assert all(text[m.start:m.end] == m.text for m in (*event.actor1_mentions, *event.actor2_mentions))
    named = _events(pipeline, "Gunmen from the Sinaloa Cartel killed four police officers in Culiacán, Sinaloa, "
                              "on Monday.", published="2024-05-15")[0]
    assert [(m.text, m.kind) for m in named.actor1_mentions] == [("the Sinaloa Cartel", "organization")]


@pytest.mark.parametrize("headline", [
    "Cajeme, Sonora: Corrido Singer Alex Quintero Assassinated",
    "Reynosa: armed confrontation between soldiers and gunmen",
])
def test_title_case_and_nominal_headlines_report_their_incident(pipeline: Any, headline: str) -> None:
    assert _events(pipeline, headline, published="2015-05-15")


def test_an_old_incident_the_headline_is_about_is_not_history(pipeline: Any) -> None:
    text = ("A court in Morelia opened the trial of three police officers on Monday. Dozens of reporters "
            "gathered outside the building.\n\nPress freedom groups welcomed the hearing.\n\n"
            "The officers are accused of the killing of journalist Ana Ruiz, who was shot dead in Uruapan, "
            "Michoacán, in 2019.")
    events = _events(pipeline, text, published="2024-05-14", title="Trial opens over 2019 killing of journalist "
                                                                      "Ana Ruiz in Uruapan")
    assert any(e.location == "Uruapan" or e.admin2 == "Uruapan" for e in events)


def test_every_named_victim_is_a_participant(pipeline: Any) -> None:
    text = "Gunmen murdered John Smith and Mary Jones outside their home in Reynosa, Tamaulipas, on Sunday."
    event = _events(pipeline, text, published="2024-05-13")[0]
    people = {m.text for m in event.actor2_mentions if m.kind == "person"}
    assert {"John Smith", "Mary Jones"} <= people


# -- session 4: negation, raids, tolls told again, vague continuations ----------------------------------

def test_nobody_hurt_and_nothing_looted_are_no_events(pipeline: Any) -> None:
    text = ("A crowd gathered outside the town hall of Uruapan, Michoacán, on Wednesday demanding water. "
            "Officers said no shops were looted and nobody was injured.")
    assert all(e.sub_event_type != "Looting/property destruction" for e in _events(pipeline, text))


def test_spanish_negation_cancels_the_trigger(pipeline: Any) -> None:
    text = ("Decenas de vecinos rodearon la alcaldía de Tepalcatepec, Michoacán, el martes. "
            "No se registraron saqueos ni personas lesionadas, informó la policía.")
    assert all(e.sub_event_type != "Looting/property destruction" for e in _events(pipeline, text, language="es"))


def test_nobody_killed_leaves_the_blast_without_deaths(pipeline: Any) -> None:
    text = "Nobody was killed in the blast that hit a market in Kandahar on Monday, officials said."
    events = _events(pipeline, text)
    assert len(events) == 1
    assert events[0].event_type == "Explosions/Remote violence"
    assert not events[0].fatalities


def test_negation_does_not_reach_a_clause_joined_beside_it(pipeline: Any) -> None:
    text = ("No se sabe si los agresores dijeron algo, pero acto seguido dispararon contra el vehículo "
            "de los reporteros en Chilpancingo, Guerrero, el martes.")
    assert _events(pipeline, text, language="es")


def test_a_police_raid_on_a_gang_is_a_battle(pipeline: Any) -> None:
    text = ("Two people were killed on Wednesday during a police raid on a gang hideout in Apodaca, "
            "Nuevo León state, officials said.")
    events = _events(pipeline, text)
    assert [(e.event_type, e.sub_event_type) for e in events] == [("Battles", "Armed clash")]
    assert events[0].actor2 is not None  # a battle has two sides


def test_a_spanish_operation_against_a_criminal_cell_is_a_battle(pipeline: Any) -> None:
    text = ("Cuatro personas murieron el lunes durante un operativo de la Guardia Nacional contra una célula "
            "delictiva en Zitácuaro, Michoacán.")
    events = _events(pipeline, text, language="es")
    assert [e.sub_event_type for e in events] == ["Armed clash"]


def test_soldiers_killing_farmers_in_an_operation_stay_an_attack(pipeline: Any) -> None:
    events = _events(pipeline, "Soldiers killed three farmers during an operation in a village of Sinaloa on Monday.")
    assert [e.sub_event_type for e in events] == ["Attack"]


def test_clash_sides_when_the_parser_hangs_the_second_elsewhere(pipeline: Any) -> None:
    text = ('Este martes otro operativo en el estado de Guerrero dejó ocho personas muertas tras el enfrentamiento '
            'entre militares y un "grupo delictivo" en Iguala.')
    events = _events(pipeline, text, language="es")
    assert [e.sub_event_type for e in events] == ["Armed clash"]
    assert events[0].actor2 is not None and "Armed Group" in events[0].actor2


def test_the_dead_are_not_the_perpetrators(pipeline: Any) -> None:
    text = "At least three people died in Niterói on Thursday, it said: one police officer and two alleged criminals."
    events = _events(pipeline, text)
    assert len(events) == 1
    assert "Police" not in (events[0].actor1 or "")


def test_a_year_to_date_phrase_read_as_a_clause_is_still_a_toll(pipeline: Any) -> None:
    text = ("Ayer por la noche la zona seguía acordonada por elementos de la Policía Municipal, quienes sólo dejaban "
            "pasar a los vecinos de las casas cercanas a la fosa.\n\n"
            "En lo que va del año, en Jalisco han sido halladas varias fosas clandestinas, en municipios como "
            "Zapopan y El Salto, donde se han localizado más de 40 cuerpos.")
    assert all(e.fatalities != 40 for e in _events(pipeline, text, language="es"))


# -- commentary: violence in general, no incident (texts over HEADLINE_CHARS: read as articles) ---------

def test_an_opinion_piece_gives_no_event(pipeline: Any) -> None:
    text = ("For more than a decade, successive governments have promised to end the violence in the country. "
            "Each new president announces a new plan, and each plan is sold as the last one we will need. "
            "Yet the killings continue.\n\n"
            "Cartels fight each other for territory. When soldiers clash with gunmen, bystanders are caught in the "
            "crossfire.\n\nFewer than one in ten murders ends in a conviction, and the massacres will go on.")
    assert len(text) > HEADLINE_CHARS
    assert _events(pipeline, text, title="A strategy that is failing") == []


def test_a_spanish_column_gives_no_event(pipeline: Any) -> None:
    text = ("Durante años, los gobiernos han prometido pacificar el país. Cada sexenio anuncia una estrategia nueva "
            "y cada estrategia se presenta como la definitiva. Sin embargo, los asesinatos continúan.\n\n"
            "Los cárteles se disputan territorios y asesinan a quienes se interponen. Cuando los militares se "
            "enfrentan con sicarios, los civiles quedan en medio del fuego cruzado. Y las madres siguen buscando "
            "a sus hijos sin que nadie las escuche.")
    assert len(text) > HEADLINE_CHARS
    assert _events(pipeline, text, language="es", title="La violencia que no cesa") == []


def test_a_spanish_past_incident_still_counts(pipeline: Any) -> None:
    text = ("Hombres armados asesinaron a tres jóvenes en una fiesta en Irapuato, Guanajuato, la noche del sábado. "
            "Los atacantes llegaron en dos camionetas y huyeron antes de que llegara la policía municipal, que "
            "acordonó la zona. Vecinos de la colonia dijeron que escucharon al menos veinte disparos y que las "
            "víctimas tenían entre 17 y 20 años. La fiscalía del estado abrió una carpeta de investigación y pidió a "
            "los testigos que se presenten a declarar.")
    assert len(text) > HEADLINE_CHARS
    assert len(_events(pipeline, text, language="es")) == 1


def test_spanish_riots_described_by_a_participle_are_not_generic(pipeline: Any) -> None:
    text = ("Al menos 12 personas han sido detenidas y hay 15 policías heridos en los disturbios ocurridos durante "
            "la noche del viernes en el centro de Valparaíso, Chile, en el marco de las movilizaciones estudiantiles. "
            "Las protestas se han centrado de nuevo en la plaza Sotomayor y han obligado a desviar el tráfico "
            "durante varias horas, mientras comerciantes del centro cerraban sus locales antes de lo habitual.")
    assert len(text) > HEADLINE_CHARS
    events = _events(pipeline, text, language="es")
    assert [e.event_type for e in events] == ["Riots"]


def test_a_phrase_setting_the_scene_is_no_evidence(pipeline: Any) -> None:
    text = ("Al menos 14 personas fueron detenidas y 9 policías resultaron heridos en los disturbios del sábado en "
            "Concepción, Chile, en el marco de las movilizaciones estudiantiles que recorren el país.")
    events = _events(pipeline, text, language="es")
    assert events
    scene = text.index("en el marco")
    assert all(e.end <= scene or e.start >= text.index("país") for ev in events for e in ev.evidence)


def test_a_battles_dead_on_both_sides_are_one_incident(pipeline: Any) -> None:
    text = ("A three-hour gun battle between soldiers and cartel gunmen in Tecpan, Guerrero, ended with 11 dead on "
            "Monday. Three soldiers and eight gunmen were killed in the battle, the army said.")
    events = _events(pipeline, text)
    assert [e.sub_event_type for e in events] == ["Armed clash"]
    assert events[0].fatalities == 11


def test_things_of_the_forces_are_no_actors_but_their_posts_are(pipeline: Any) -> None:
    text = "Guerrillas destroyed a military radio antenna in an attack on Sesori, El Salvador, on Tuesday."
    assert all("antenna" not in m.text for e in _events(pipeline, text) for m in (*e.actor1_mentions,
                                                                                   *e.actor2_mentions))
    text = "Gunmen attacked a police station in Zamora, Michoacán, on Friday, wounding two officers."
    events = _events(pipeline, text)
    assert events and events[0].actor2 is not None and "Police" in events[0].actor2


@pytest.mark.parametrize(("text", "language"), [
    ("Fifteen people were killed when an illegal fireworks warehouse exploded in Hebei province on Sunday.", "en"),
    ("Una explosión de pirotecnia en un taller de Tultepec dejó seis muertos el lunes.", "es"),
])
def test_accidental_explosions_are_no_political_violence(pipeline: Any, text: str, language: str) -> None:
    assert _events(pipeline, text, language=language) == []


def test_a_sexual_assault_is_sexual_violence(pipeline: Any) -> None:
    events = _events(pipeline, "Two soldiers were charged with the sexual assault of a teenager in Ayutla, Guerrero, "
                               "last week.")
    assert [e.sub_event_type for e in events] == ["Sexual violence"]


def test_a_counter_operation_by_the_other_side_is_its_own_incident(pipeline: Any) -> None:
    text = ("Suspected cartel gunmen killed 9 police officers in an ambush in the state of Michoacán this week. "
            "This was followed by a police operation that led to the deaths of 9 alleged cartel members.")
    events = _events(pipeline, text, published="2024-05-10")
    assert len(events) == 2


def test_a_group_named_later_replaces_the_unidentified_one(pipeline: Any) -> None:
    text = ("Soldiers killed six alleged cartel gunmen in a shootout in Culiacán, Sinaloa, on Thursday.\n\n"
            "The gunmen belonged to the Sinaloa Cartel, the army said in a statement after the clash.")
    events = _events(pipeline, text, published="2024-05-10")
    assert len(events) == 1
    assert "Sinaloa Cartel" in (events[0].actor1, events[0].actor2)


def test_participants_in_the_texts_own_words_without_a_headline_place_or_a_preposition(pipeline: Any) -> None:
    text = ("Emboscada en Aguililla: hombres armados asesinaron a 14 policías estatales en El Aguaje, municipio "
            "de Aguililla, Michoacán, el lunes.")
    events = _events(pipeline, text, language="es")
    assert [m.text for m in events[0].actor1_mentions] == ["hombres armados"]
    assert [m.text for m in events[0].actor2_mentions] == ["14 policías estatales"]


@pytest.mark.parametrize(("text", "language"), [
    ("Gunmen Storm Home in Tamaulipas and Kill a Father", "en"),  # a headline's capitals: 'Storm' is no weather
    ("They throw a body in a vacant lot in Culiacán", "en"),
    ("Violence claims one more victim in Zamora", "en"),
    ("Tiran un cuerpo en un baldío de Culiacán", "es"),
])
def test_headline_killings_and_bodies_left_are_events(pipeline: Any, text: str, language: str) -> None:
    assert len(_events(pipeline, text, language=language)) == 1


def test_a_storm_is_no_attack(pipeline: Any) -> None:
    assert _events(pipeline, "Three people died when a storm hit Acapulco, Guerrero, on Monday.") == []


# -- places: an action told in a list of towns is one event per town (ACLED: an event per location) ---------

def test_a_list_of_towns_gives_an_event_per_town_with_the_toll_shared(pipeline: Any) -> None:
    text = ("Hombres armados atacaron el martes las comisarías de Apatzingán, Aguililla y Buenavista, "
            "en Michoacán, y mataron a cinco policías.")
    events = _events(pipeline, text, published="2024-05-02")
    assert [e.location for e in events] == ["Apatzingán", "Aguililla", "Buenavista"]
    assert [e.fatalities for e in events] == [2, 2, 1]  # shared out evenly, the first towns take the rest
    assert len({e.event_id for e in events}) == 3
    for event in events:  # each town's event is read from its own name, not the other towns'
        told = " ".join(text[s.start:s.end] for s in event.evidence)
        assert event.location in told
        assert all(other not in told for other in ("Apatzingán", "Aguililla", "Buenavista") if other != event.location)


def test_a_town_followed_by_its_municipality_and_state_is_one_place(pipeline: Any) -> None:
    text = "Gunmen killed four people at a party in Tepalcatepec, Michoacán, on Saturday night."
    events = _events(pipeline, text, published="2024-05-06")
    assert len(events) == 1 and events[0].fatalities == 4


def test_a_state_named_like_its_capital_qualifies_the_town_before_it(pipeline: Any) -> None:
    text = "Three men were shot dead in Fresnillo, Zacatecas on Friday."
    events = _events(pipeline, text, published="2024-05-06")
    assert len(events) == 1
    assert events[0].location == "Fresnillo" and events[0].fatalities == 3


def test_a_clash_between_two_towns_is_one_event_on_the_way(pipeline: Any) -> None:
    text = "Soldiers clashed with gunmen on the road between Culiacán and Navolato on Monday, leaving three dead."
    events = _events(pipeline, text, published="2024-05-08")
    assert len(events) == 1 and events[0].fatalities == 3


def test_a_town_and_the_municipality_it_lies_in_are_not_a_list(pipeline: Any) -> None:
    text = "Hallaron los cuerpos de dos hombres en la colonia Las Huertas, en Tonalá, Jalisco, el lunes."
    events = _events(pipeline, text, published="2024-05-08")
    assert len(events) == 1


# -- 'a day after': a second incident inside one sentence is an event of its own, dated from the first ------

def test_a_killing_told_after_a_day_after_is_its_own_incident_a_day_earlier(pipeline: Any) -> None:
    text = ("Gunmen opened fire on a checkpoint in Zamora, Michoacán, on Thursday, a day after two police officers "
            "were shot dead in Jacona.")
    events = _events(pipeline, text, published="2024-05-10")
    assert len(events) == 2
    by_place = {(e.location or "").split()[0]: e for e in events}  # 'Jacona' is 'Jacona de Plancarte'
    assert by_place["Jacona"].event_date == "2024-05-08" and by_place["Jacona"].fatalities == 2
    assert by_place["Zamora"].event_date == "2024-05-09" and not by_place["Zamora"].fatalities


def test_dos_dias_despues_de_que_dates_the_earlier_incident(pipeline: Any) -> None:
    text = ("Hombres armados atacaron el jueves una patrulla en Uruapan, dos días después de que fueran asesinados "
            "tres policías en Apatzingán.")
    events = _events(pipeline, text, published="2024-05-10")
    by_place = {(e.location or "").split()[0]: e for e in events}
    assert by_place["Apatzingán"].event_date == "2024-05-07" and by_place["Apatzingán"].fatalities == 3
    assert by_place["Uruapan"].event_date == "2024-05-09"


def test_a_day_after_without_violence_before_it_stays_one_incident(pipeline: Any) -> None:
    text = "A day after the election, gunmen killed a local councillor in Celaya, Guanajuato, on Monday."
    events = _events(pipeline, text, published="2024-05-14")
    assert len(events) == 1 and events[0].fatalities == 1
