"""Whole-document event extraction on an article written for these tests."""

import pytest

pytestmark = pytest.mark.slow


def test_events_ambush_article(ambush_result) -> None:  # type: ignore[no-untyped-def]
    events = ambush_result.events
    ambush = events[0]
    assert ambush.fatalities == 12
    assert ambush.event_type == "Battles" and ambush.sub_event_type == "Armed clash"
    assert ambush.actor2 == "Military Forces of Mexico (2018-2024)" and ambush.inter2 == "State forces"
    assert (ambush.admin1, ambush.location, ambush.geo_precision) == ("Michoacán", "Aguililla", 2)
    assert (ambush.event_date, ambush.time_precision) == ("2021-03-09", 1)
    assert ambush.certainty == "alleged"
    assert any(e.fatalities == 9 and e.location == "Tepalcatepec" for e in events)
    arrest = next(e for e in events if e.sub_event_type == "Arrests")
    assert (arrest.location, arrest.admin1, arrest.certainty) == ("Culiacán", "Sinaloa", "reported")


def test_events_forecasts_are_not_events(ambush_result) -> None:  # type: ignore[no-untyped-def]
    assert not any(e.admin1 == "Jalisco" for e in ambush_result.events)
    assert len(ambush_result.events) == 3


def test_events_evidence_spans_are_valid(ambush_result) -> None:  # type: ignore[no-untyped-def]
    from conftest import FIXTURES

    text = (FIXTURES / "michoacan-ambush.txt").read_text(encoding="utf-8").split("\n", 1)[1]
    for event in ambush_result.events:
        assert event.evidence
        for span in event.evidence:
            assert 0 <= span.start < span.end <= len(text)
    assert "twelve" in text[ambush_result.events[0].evidence[0].start:ambush_result.events[0].evidence[0].end]


def test_events_no_event_in_unrelated_story(pipeline) -> None:  # type: ignore[no-untyped-def]
    from talaia.api import extract_text

    result = extract_text("The city council approved a new budget for public parks on Thursday.",
                          published="2020-02-10", pipeline=pipeline)
    assert result.events == ()


def test_events_disease_deaths_are_not_political_violence(pipeline) -> None:  # type: ignore[no-untyped-def]
    from talaia.api import extract_text

    result = extract_text("At least nine people have died in a cholera outbreak in the district, health "
                          "officials said on Monday.", published="2020-02-10", pipeline=pipeline)
    assert result.events == ()


def test_events_spanish_headline(pipeline) -> None:  # type: ignore[no-untyped-def]
    from talaia.api import extract_text

    result = extract_text("Hombres armados asesinaron a cinco policías municipales en Celaya, Guanajuato",
                          published="2020-01-15", pipeline=pipeline)
    assert result.language == "es"
    (event,) = result.events
    assert event.fatalities == 5 and event.admin1 == "Guanajuato" and event.location == "Celaya"
    assert event.sub_event_type == "Armed clash"


def test_events_violence_phrase_outside_a_protest(pipeline) -> None:  # type: ignore[no-untyped-def]
    from talaia.api import extract_text

    result = extract_text("A mob went on a rampage and torched two cars near the market", published="2021-11-15",
                          pipeline=pipeline)
    assert result.error is None
    assert result.events and result.events[0].event_type in {"Riots", "Strategic developments"}


@pytest.mark.parametrize(
    ("sentence", "sub_event_type"),
    [
        # ACLED codebook: an attack on a military base meets armed defenders (Battles)
        ("Militants attacked an army base near the border on Tuesday, killing two soldiers.", "Armed clash"),
        # a ceasefire that is the news is an Agreement, the fighting before it background
        ("The two armies agreed a ceasefire on Sunday after a week of heavy fighting.", "Agreement"),
        # the same words when the truce is broken: the fighting is the news
        ("Despite the ceasefire, rebels attacked an army convoy on Sunday.", "Armed clash"),
        # protesters throwing things make the protest violent; police breaking it up intervene
        ("Protesters threw stones at the police during a march in the capital on Friday.", "Violent demonstration"),
        ("Police broke up a peaceful student march in the capital on Friday.", "Protest with intervention"),
        # troop movements are a Change to group/activity
        ("The army deployed more troops to the northern border on Monday.", "Change to group/activity"),
    ],
)
def test_events_codebook_sub_types(pipeline, sentence: str, sub_event_type: str) -> None:  # type: ignore[no-untyped-def]
    from talaia.api import extract_text

    result = extract_text(sentence, published="2021-11-15", pipeline=pipeline)
    assert result.events, sentence
    assert result.events[0].sub_event_type == sub_event_type, sentence


def test_events_headline_counts_and_outlet_place(pipeline) -> None:  # type: ignore[no-untyped-def]
    from talaia.api import extract_text

    result = extract_text("Hallan tres cuerpos en la colonia Centro", published="2021-05-21",
                          source="El Sol de Sinaloa", pipeline=pipeline)
    assert result.language == "es"
    (event,) = result.events
    assert event.fatalities == 3 and event.admin1 == "Sinaloa" and event.country == "Mexico"
