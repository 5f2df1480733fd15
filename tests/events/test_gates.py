"""Literal gates: a pattern is skipped only where it cannot match."""

from __future__ import annotations

import re

import pytest

from talaia.events.gates import Gates, fold_case, required_literals
from talaia.events.lexicon import EventLexicon
from talaia.knowledge import load_knowledge

# sentences written for these tests: dates, incidents and nothing at all, in English and Spanish
SENTENCES = [
    "Gunmen opened fire on a bus in Celaya on Monday, killing four passengers.",
    "The bodies of three men were found in a ravine last night, police said yesterday.",
    "Soldiers exchanged fire with members of a cartel two days ago near the border.",
    "Since January 1, 500 murders have been recorded; 21 students missing since 2018.",
    "Hombres armados asesinaron a dos policías el pasado domingo en Uruapan.",
    "Hallaron cinco cuerpos sin vida en una fosa clandestina hace tres semanas.",
    "On 14 October 2019 a car bomb exploded outside the town hall; the death toll rose to nine.",
    "Security update 10 December 2018",
    "Protesters took to the streets and police fired tear gas at them over the weekend.",
    "The weather was mild and the market opened as usual.",
    "",
]


def _variants(text: str) -> list[str]:
    """The sentence as written, in capitals, and with characters re.IGNORECASE takes as equal to
    letters of it: the long s, the Kelvin sign, the dotted capital I."""
    return [text, text.upper(), text.replace("s", "\u017f"), text.replace("k", "\u212a"),
            text.upper().replace("I", "\u0130")]


@pytest.fixture(scope="module")
def lexicon() -> EventLexicon:
    return EventLexicon.from_knowledge(load_knowledge(()))


def _check(patterns: list[re.Pattern[str]], gates: Gates) -> int:
    shut = 0
    for sentence in SENTENCES:
        for text in _variants(sentence):
            for pattern, may_match in zip(patterns, gates.open(text), strict=True):
                if pattern.search(text):
                    assert may_match, (pattern.pattern, text)
                shut += not may_match
    return shut


def test_no_date_pattern_is_skipped_where_it_matches(lexicon: EventLexicon) -> None:
    patterns = [p for _, p in lexicon.dates.patterns]
    assert _check(patterns, lexicon.dates.gates) > 0  # and the gates do shut


def test_no_trigger_phrase_is_skipped_where_it_matches(lexicon: EventLexicon) -> None:
    patterns = [p for p, _ in lexicon.triggers.phrases]
    assert _check(patterns, lexicon.triggers.gates) > 0


def test_required_literals() -> None:
    assert required_literals(re.compile(r"\bopen(?:ed|s)? fire\b", re.I)) == (" fire",)
    assert required_literals(re.compile(r"\b(?:yesterday|Last Night)\b", re.I)) == ("last night", "yesterday")
    assert required_literals(re.compile(r"(?:foo)?bar")) == ("bar",)
    assert required_literals(re.compile(r"(?:ab)+c{2}")) == ("ab",)
    assert required_literals(re.compile(r"\d+\s+(?:days?)?")) is None
    assert required_literals(re.compile(r"(?:since|\d)")) is None  # one alternative needs no word


def test_gates_shut_only_without_the_words() -> None:
    gates = Gates.of([re.compile(r"\b(\w+) days? ago\b", re.I), re.compile(r"\d+"), re.compile(r"\bayer\b", re.I)])
    assert gates.open("Nothing happened.") == [False, True, False]
    assert gates.open("Three DAYS AGO, and AYER") == [True, True, True]


def test_fold_case_keeps_length_and_follows_re() -> None:
    for text in ("Michoacán", "İSTANBUL", "\u017fince", "\u212aelvin", "ΣΟΦΊΑ"):
        folded = fold_case(text)
        assert len(folded) == len(text)
        assert re.fullmatch(re.escape(folded), text, re.IGNORECASE)
    assert fold_case("Gunmen KILLED") == "gunmen killed"
