"""Certainty from hedges, sources and the quote reader's speech verbs, on sentences written for these tests."""

import pytest

from talaia.events.certainty import CertaintyCues, certainty_of
from talaia.knowledge import load_knowledge

pytestmark = pytest.mark.slow

CUES = CertaintyCues.from_knowledge(load_knowledge())


def _certainty(nlp, sentence: str) -> str:  # type: ignore[no-untyped-def]
    return certainty_of(next(iter(nlp(sentence).sents)), False, CUES)[0]


@pytest.mark.parametrize(("sentence", "certainty"), [
    ("Police said eight of the ten men were shot dead.", "reported"),
    ("Eight men were shot dead in Celaya, police said.", "reported"),
    ("The mayor warned that gunmen had killed two farmers.", "reported"),  # any speech verb of the quote reader
    ("According to residents, gunmen killed two farmers.", "reported"),
    ("Suspected cartel gunmen killed two farmers.", "alleged"),
    ("Gunmen killed two farmers in Celaya on Monday.", "stated"),
    ("Police found three bodies in a ravine.", "stated"),  # a speech verb's plain object is no report
])
def test_certainty_in_english(nlp_en, sentence: str, certainty: str) -> None:  # type: ignore[no-untyped-def]
    assert _certainty(nlp_en, sentence) == certainty, sentence


@pytest.mark.parametrize(("sentence", "certainty"), [
    ("La fiscalía informó que ocho hombres fueron asesinados.", "reported"),
    ("Según vecinos, hombres armados mataron a dos campesinos.", "reported"),
    ("Presuntos sicarios mataron a dos campesinos.", "alleged"),
    ("Hombres armados mataron a dos campesinos en Celaya.", "stated"),
])
def test_certainty_in_spanish(nlp_es, sentence: str, certainty: str) -> None:  # type: ignore[no-untyped-def]
    assert _certainty(nlp_es, sentence) == certainty, sentence


def test_every_speech_verb_of_the_quote_reader_is_a_certainty_cue() -> None:
    knowledge = load_knowledge()
    for lang in knowledge.languages:
        assert knowledge.table("speech_verbs", lang).words() <= CUES.speech_verbs[lang]
