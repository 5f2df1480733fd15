"""Grouping mentions into incidents: order never matters, one document's events join only when compatible."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random

from talaia.fuse import FusionSettings, Mention, content_words, fuse


def _mention(event_id: str, doc: str, day: int, town: str, deaths: int | None, text: str, state: str = "Guerrero"
             ) -> Mention:
    return Mention(event_id, doc, dt.date(2020, 3, day), 1, "Violence against civilians", "Attack", "MX", state,
                   town, town, 1, deaths, "Unidentified Armed Group (Mexico)", "Civilians (Mexico)",
                   content_words(text))


MENTIONS = [
    _mention("a1", "d1", 10, "Chilapa", 5, "Gunmen kill five in a bar in Chilapa"),
    _mention("a2", "d2", 10, "Chilapa", 5, "Five dead in Chilapa bar shooting"),
    _mention("a3", "d3", 11, "Chilapa", 6, "Death toll in Chilapa bar attack rises to six"),
    _mention("b1", "d4", 12, "Iguala", 2, "Two men shot dead in Iguala"),
    _mention("b2", "d5", 12, "Iguala", 2, "Iguala: two killed outside a market"),
    # same document as a1, no toll of its own (a toll of one against the bar's five counts against the pair: the
    # fit among a full store's reports weighs different tolls as different incidents)
    _mention("c1", "d1", 10, "Chilapa", None, "A police officer was among the victims in Chilapa"),
    _mention("c2", "d2", 10, "Tixtla", 1, "Earlier a man was shot in Tixtla"),  # same document as a2, elsewhere
    _mention("d1", "d6", 12, "Culiacán", 3, "Three killed in Culiacán", state="Sinaloa"),
]


def _groups(assignment: dict[str, str]) -> set[frozenset[str]]:
    by_incident: dict[str, set[str]] = {}
    for event_id, incident in assignment.items():
        by_incident.setdefault(incident, set()).add(event_id)
    return {frozenset(g) for g in by_incident.values()}


def test_reports_of_one_incident_fuse_and_others_stay_apart() -> None:
    groups = _groups(fuse(MENTIONS))
    assert frozenset({"a1", "a2", "a3", "c1"}) in groups and frozenset({"b1", "b2"}) in groups
    # one document's second event of the same town and day is the same incident; of another town, not
    assert frozenset({"c2"}) in groups and frozenset({"d1"}) in groups


def test_the_order_of_ingest_does_not_matter() -> None:
    expected = fuse(MENTIONS)
    for seed in (1, 2, 3):
        shuffled = MENTIONS[:]
        random.Random(seed).shuffle(shuffled)
        assert fuse(shuffled) == expected


def test_the_threshold_decides() -> None:
    strict = dataclasses.replace(FusionSettings(), threshold=99.0)
    assert len(set(fuse(MENTIONS, strict).values())) == len(MENTIONS)


def test_corrections_win_over_scores_and_keep_the_order_independence() -> None:
    from talaia.fuse import Corrections

    corrections = Corrections(apart=frozenset({frozenset({"a1", "a3"})}), together=(("b1", "d1"),))
    assignment = fuse(MENTIONS, corrections=corrections)
    groups = _groups(assignment)
    assert not any({"a1", "a3"} <= g for g in groups)  # set apart by an analyst
    assert any({"b1", "b2", "d1"} <= g for g in groups)  # merged by an analyst, across states
    shuffled = MENTIONS[::-1]
    assert fuse(shuffled, corrections=corrections) == assignment


def test_a_report_naming_no_place_joins_a_report_that_names_the_country() -> None:
    # "Gunmen kill 19 at a rehab centre" reads no country; the other outlet's headline says Mexico
    placed = dataclasses.replace(_mention("p1", "d7", 20, "Mexico", 19, "Gunmen kill 19 at Mexican rehab centre"),
                                 admin1=None, admin2=None, geo_precision=3)
    unplaced = dataclasses.replace(placed, event_id="p2", document_key="d8", country_code=None, location=None,
                                   words=content_words("Gunmen kill 19 at rehab centre"))
    groups = _groups(fuse([placed, unplaced]))
    assert frozenset({"p1", "p2"}) in groups
