"""Evidence marks follow the incident's own coding, not each report's."""

from __future__ import annotations

import dataclasses

from talaia.models import Event, Evidence, Participant
from talaia.review.evidence import report_spans

TEXT = "Farmers were ambushed by CJNG gunmen near Aguililla on Monday."


def _event(actor1: str, actor2: str | None, mentions1: tuple[Participant, ...],
           mentions2: tuple[Participant, ...]) -> Event:
    return Event(event_id="r1", event_date="2019-10-14", time_precision=1, event_type="Violence against civilians",
                 sub_event_type="Attack", actor1=actor1, actor2=actor2, inter1=None, inter2=None, assoc_actor_1=(),
                 assoc_actor_2=(), country="Mexico", country_code="MX", admin1="Michoacán", admin2="Aguililla",
                 location="Aguililla", latitude=18.7, longitude=-102.7, geo_precision=1, fatalities=2,
                 fatalities_high=None, certainty="stated", notes="", evidence=(Evidence(0, len(TEXT)),),
                 actor1_mentions=mentions1, actor2_mentions=mentions2)


def test_a_reports_sides_are_marked_as_the_incident_codes_them() -> None:
    farmers = Participant("Farmers", 0, 7, "group", None)
    gunmen = Participant("CJNG gunmen", 25, 36, "group", None)
    # this report coded the victims as actor 1; the incident's actor 1 is the cartel
    report = _event("Civilians (Mexico)", "CJNG: Jalisco New Generation Cartel", (farmers,), (gunmen,))
    incident = _event("Jalisco New Generation Cartel", "Civilians (Mexico)", (), ())
    marks = {s.text: s.field for s in report_spans(report, incident, TEXT) if s.field}
    assert marks == {"Farmers": "actor2", "CJNG gunmen": "actor1", "Aguililla": "location"}
    other = dataclasses.replace(incident, actor2="Police Forces of Mexico", location="Tepalcatepec", admin2=None)
    marks = {s.text: s.field for s in report_spans(report, other, TEXT) if s.field}
    assert marks == {"Farmers": "participant", "CJNG gunmen": "actor1"}  # nor a place the incident is not at
