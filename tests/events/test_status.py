"""Attacks on rights defenders as news tells them: the incident's own date when the sentence's
is a proceeding's or a commemoration's, and the perpetrator that the grammar and the codebook
imply. Sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from talaia.api import extract_text

pytestmark = pytest.mark.slow


def _first(pipeline: Any, text: str, published: str = "2024-05-14", language: str = "en") -> Any:
    events = list(extract_text(text, published=published, pipeline=pipeline, language=language).events)
    assert events, text
    return events[0]


# -- dates: a year modifying the violence noun dates the incident --------------------------------------

@pytest.mark.parametrize(("text", "language", "year"), [
    ("Prosecutors on Thursday charged nine men over the 2016 murder of a trade unionist in Kochi.", "en", 2016),
    ("A man convicted in the 2011 kidnapping of an aid worker near Mogadishu lost his appeal on Monday.", "en", 2011),
    ("Familias de Iguala recordaron este lunes la masacre de 2014 en Guerrero.", "es", 2014),
])
def test_a_year_on_the_violence_noun_dates_the_incident(pipeline: Any, text: str, language: str, year: int) -> None:
    event = _first(pipeline, text, language=language)
    assert event.event_date is not None and event.event_date.startswith(str(year))
    assert event.time_precision == 3


def test_a_year_on_another_noun_leaves_a_verb_its_own_day(pipeline: Any) -> None:
    event = _first(pipeline, "Police arrested four students in Harare on Monday over the 2019 strikes.")
    assert event.event_date == "2024-05-13"


# -- dates: a proceeding's day is not the day of the violence it judges ---------------------------------

@pytest.mark.parametrize(("text", "language"), [
    ("A court in Kano on Monday convicted two men of the killing of a land-rights campaigner.", "en"),
    ("A judge in Popayán on Monday sentenced a former soldier for the killing of a village health worker.", "en"),
    ("Un juez condenó el lunes a tres hombres por el asesinato de un defensor del agua en Oaxaca.", "es"),
])
def test_the_day_of_a_proceeding_is_not_the_incidents(pipeline: Any, text: str, language: str) -> None:
    event = _first(pipeline, text, published="2024-05-16", language=language)
    assert event.event_date != "2024-05-13"  # Monday is the verdict's or the anniversary's


def test_a_day_inside_the_violence_phrase_stays_the_incidents(pipeline: Any) -> None:
    event = _first(pipeline, "Three men were charged with killing a community radio host on Sunday in Tumaco.")
    assert event.event_date == "2024-05-12"


def test_a_recalled_incident_takes_the_date_its_article_gives_it(pipeline: Any) -> None:
    text = ("A Kenyan court found two officers guilty of the murder of a human rights lawyer.\n\n"
            "The lawyer was abducted and killed on 23 June 2016 in Machakos.")
    event = _first(pipeline, text)
    assert event.event_date == "2016-06-23"


# -- perpetrators: grammar and the codebook ----------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "A labour activist who was arrested in Haryana last week was granted bail on Friday.",
    "A reporter who was detained in Minsk on Sunday has not been seen since.",
])
def test_the_noun_a_passive_relative_clause_hangs_on_is_its_victim(pipeline: Any, text: str) -> None:
    event = _first(pipeline, text)
    assert event.sub_event_type == "Arrests"
    assert event.inter1 == "State forces"  # whoever arrests is the state, never the arrested
    assert event.inter2 == "Civilians"


@pytest.mark.parametrize(("text", "language"), [
    ("An environmental campaigner was tortured in prison in Tehran last week, his family said.", "en"),
    ("A blogger was beaten to death while detained in Yangon on Saturday.", "en"),
    ("Un periodista murió bajo custodia en Tuxtla el sábado, denunció su familia.", "es"),
])
def test_harm_done_in_custody_is_the_states(pipeline: Any, text: str, language: str) -> None:
    event = _first(pipeline, text, language=language)
    assert event.inter1 == "State forces"


def test_custody_does_not_override_a_named_perpetrator(pipeline: Any) -> None:
    event = _first(pipeline, "Armed men stabbed a rights activist in a prison yard in Tegucigalpa on Friday.")
    assert event.inter1 != "State forces"


def test_the_publications_own_year_on_the_noun_leaves_the_sentences_date(pipeline: Any) -> None:
    event = _first(pipeline, "Sunday's massacre of nine farm workers in Kochi was the 2024 massacre that "
                   "shocked the state.")
    assert event.event_date == "2024-05-12"


def test_the_trials_day_is_not_the_murders(pipeline: Any) -> None:
    text = ("Police arrested three journalists in Peshawar on Tuesday.\n\n"
            "Relatives gathered on Friday outside the trial of two men over the murder of a teachers' union leader.")
    events = list(extract_text(text, published="2024-05-14", pipeline=pipeline).events)
    murder = [e for e in events if e.sub_event_type == "Attack"]
    assert len(events) == 2 and len(murder) == 1
    assert murder[0].event_date != "2024-05-10"  # Friday is the trial's


def test_an_incident_a_dated_hearing_recalls_is_no_commentary(pipeline: Any) -> None:
    # a full article (not a headline), where violence words with no day, place or toll are commentary
    background = ("The union has campaigned for higher wages and safer schools for more than a decade, and its "
                  "members teach in hundreds of villages across the province, where many classrooms still lack "
                  "books and desks. ") * 2
    text = ("Police arrested three journalists in Peshawar on Tuesday.\n\n" + background +
            "\n\nToday his family attends the first hearing of the case over his abduction.")
    events = list(extract_text(text, published="2024-05-14", pipeline=pipeline).events)
    assert sorted(e.sub_event_type for e in events) == ["Abduction/forced disappearance", "Arrests"]


def test_an_anniversary_recalls_history_not_a_new_incident(pipeline: Any) -> None:
    text = ("Police arrested three journalists in Peshawar on Tuesday.\n\n"
            "Relatives gathered on Friday for the anniversary of the murder of a teachers' union leader.")
    events = list(extract_text(text, published="2024-05-14", pipeline=pipeline).events)
    assert [e.sub_event_type for e in events] == ["Arrests"]
