"""Who did it and whether it happened: participants and event words, in sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from talaia.api import extract_text

pytestmark = pytest.mark.slow

# a paragraph that tells nothing, so that a test's sentences are read as an article's, not as a headline's
PREAMBLE = {
    "en": ("The regional council met in the capital this week for several long hours. Delegates from every "
           "district spoke about roads, schools, water supplies and the harvest, and the council approved a budget "
           "for the coming year after a long debate that ran late into the night. The mayor thanked the delegates, "
           "and the next meeting was set for the first week of the following month.\n\n"),
    "es": ("El consejo regional se reunió esta semana en la capital durante varias horas. Los delegados de cada "
           "distrito hablaron de caminos, escuelas, agua y cosechas, y el consejo aprobó el presupuesto del año "
           "próximo tras un largo debate que terminó de noche. El alcalde agradeció a los delegados y la próxima "
           "reunión quedó fijada para la primera semana del mes siguiente.\n\n"),
}


def _events(pipeline: Any, text: str, published: str = "1989-05-06", language: str = "en") -> list[Any]:
    return list(extract_text(PREAMBLE[language] + text, published=published, language=language,
                             pipeline=pipeline).events)


def _perpetrators(events: list[Any]) -> list[str]:
    return [m.text for e in events for m in e.actor1_mentions]


def test_who_claimed_the_attack_is_its_perpetrator(pipeline: Any) -> None:
    events = _events(pipeline, "A bomb exploded outside a bank in Lima on Monday, injuring three clerks. The Tupac "
                               "Amaru Revolutionary Movement claimed responsibility for the attack.")
    assert _perpetrators(events) == ["The Tupac Amaru Revolutionary Movement"]


def test_who_is_held_responsible_is_the_perpetrator_not_who_holds_them(pipeline: Any) -> None:
    events = _events(pipeline, "A car bomb destroyed a police station in Medellín on Friday. The police held the "
                               "Extraditables responsible for the blast.")
    assert len(events) == 1
    assert _perpetrators(events) == ["Extraditables"]
    assert events[0].actor1 == "Medellin Cartel"


def test_an_attack_blamed_on_a_group_is_the_group_s(pipeline: Any) -> None:
    events = _events(pipeline, "The bombing of the power station near Cali was blamed on the ELN by the governor.")
    assert "the ELN" in _perpetrators(events)


def test_a_named_group_before_its_members_is_the_perpetrator(pipeline: Any) -> None:
    events = _events(pipeline, "On 10 March alleged Shining Path members murdered four peasants in a village of "
                               "Ayacucho department.")
    assert [e.actor1 for e in events] == ["Shining Path"]
    assert _perpetrators(events) == ["Shining Path"]


def test_an_adjective_tells_the_kind_of_attack_not_who_did_it(pipeline: Any) -> None:
    events = _events(pipeline, "Five passengers were seriously wounded in a terrorist attack on a bus in Bogotá "
                               "on Sunday night.")
    assert len(events) == 1
    assert _perpetrators(events) == []
    assert [m.text for m in events[0].actor2_mentions] == ["Five passengers"]


def test_a_nickname_in_brackets_is_the_same_participant_and_a_bracket_left_open_is_no_part_of_a_name() -> None:
    from talaia.events.detect import _balanced_end, _without_bracketed_aliases
    from talaia.models import Participant

    text = 'UNION LEADER DAVID QUISPE ("COMRADE MARIO") AND THE FARABUNDO MARTI FRONT (FMLN) WERE NAMED.'
    def told(name: str) -> Participant:
        start = text.index(name)
        return Participant(name, start, start + len(name), "person", "Civilians (Bolivia)")

    kept = _without_bracketed_aliases({(p.start, p.end): p for p in (told("DAVID QUISPE"), told("COMRADE MARIO"))},
                                      text)
    assert [p.text for p in kept.values()] == ["DAVID QUISPE"]
    front = text.index("THE FARABUNDO")
    assert text[front:_balanced_end(text, front, text.index("FMLN") + 4)] == "THE FARABUNDO MARTI FRONT"


def test_civilians_never_perpetrate_violence_against_civilians(pipeline: Any) -> None:
    events = _events(pipeline, "Local residents kidnapped two teachers near Quetzaltenango on 4 May.")
    assert len(events) == 1
    assert not (events[0].actor1 or "").startswith("Civilians")
    assert events[0].actor2 == "Civilians (Guatemala)"  # the victims are kept: one actor is never on both sides


def test_an_agreement_is_one_made_not_one_spoken_of(pipeline: Any) -> None:
    made = _events(pipeline, "The government and the guerrillas signed a peace agreement in Mexico City on Monday, "
                             "officials said.")
    assert [e.sub_event_type for e in made] == ["Agreement"]
    for text in ("The president criticized the agreements between the two countries on Monday.",
                 "Critics said the trade agreement studied last year would hurt farmers."):
        assert _events(pipeline, text) == [], text
    assert _events(pipeline, "El presidente dijo que respetará los acuerdos comerciales entre los dos países.",
                   language="es") == []
    assert len(_events(pipeline, "El gobierno y la guerrilla firmaron un acuerdo de paz en la capital el lunes.",
                       language="es")) == 1


def test_a_present_passive_tells_a_habit_not_an_incident(pipeline: Any) -> None:
    assert _events(pipeline, "In the war the peasants are being killed by both sides, the bishop said on "
                             "Sunday.") == []
    assert _events(pipeline, "Peasants are killed in the province by the army, the human rights group said in its "
                             "report.") == []
    told = _events(pipeline, "Two peasants have been killed in the province since Monday, the human rights group "
                             "said in its report.")
    assert len(told) == 1
