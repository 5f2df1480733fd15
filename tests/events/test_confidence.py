"""The fitted models' weights (codebook/confidence_weights.tsv) against the features the package computes,
and an event's confidence as the contract (v1.2) gives it."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

from talaia.events.confidence import MODEL, ConfidenceModel, features
from talaia.events.dates import EventDate
from talaia.events.incidents import JOIN_MODEL, Mention, join_features
from talaia.events.logistic import LogisticModel
from talaia.events.taxonomy import Taxonomy
from talaia.knowledge import load_knowledge

KNOWLEDGE = load_knowledge()
EVENT = {"event_type": "Battles", "geo_precision": 1, "admin1": "Michoacán", "fatalities": 3,
         "time_precision": 1, "event_date": "2024-05-09", "certainty": "stated", "country_code": "MX",
         "evidence": [{"start": 0, "end": 40}], "actor1": "Unidentified Armed Group (Mexico)", "actor2": None}
DOC = {"text": "x" * 400 + "y" * 400, "published": dt.date(2024, 5, 10), "language": "es"}


def test_the_event_model_weighs_exactly_the_features_computed() -> None:
    weights = LogisticModel.from_knowledge(KNOWLEDGE, MODEL).weights
    assert set(weights) == set(features(EVENT, [EVENT], DOC))


def test_the_join_model_weighs_exactly_the_features_computed() -> None:
    taxonomy = Taxonomy.from_knowledge(KNOWLEDGE)
    told = [Mention(i, 0, "Attack", [], EventDate(dt.date(2024, 5, 9), 1), None, None, False, False, frozenset())
            for i in range(2)]
    weights = LogisticModel.from_knowledge(KNOWLEDGE, JOIN_MODEL).weights
    assert set(weights) == set(join_features(1, [0], told, 1, taxonomy))


def test_confidence_is_a_probability_and_reads_the_record() -> None:
    model = ConfidenceModel.from_knowledge(KNOWLEDGE)
    vague = {**EVENT, "admin1": None, "geo_precision": 3, "event_date": None}
    scores = model.score([EVENT, vague], DOC)
    assert all(0.0 <= s <= 1.0 for s in scores)
    assert scores[0] != scores[1]  # the features reach the score


def test_a_missing_model_is_a_clear_error() -> None:
    from talaia.errors import KnowledgeError

    with pytest.raises(KnowledgeError, match="no weights for the model 'nothing'"):
        LogisticModel.from_knowledge(KNOWLEDGE, "nothing", required=True)


@pytest.mark.slow
def test_every_extracted_event_carries_its_confidence(pipeline: Any) -> None:
    from talaia.api import extract_text

    result = extract_text("Gunmen killed two police officers in an ambush in Aguililla, Michoacán, on Tuesday. "
                          "In another attack, a man was shot dead in Uruapan on Wednesday.", published="2024-05-10",
                          pipeline=pipeline)
    assert result.events
    for event in result.events:
        data = json.loads(json.dumps(event.to_dict()))
        assert isinstance(data["confidence"], float) and 0 <= data["confidence"] <= 1
