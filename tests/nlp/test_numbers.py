import pytest

from talaia.knowledge import load_knowledge
from talaia.nlp.numbers import NumberWords

parse_number = NumberWords.from_knowledge(load_knowledge()).parse


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("14", 14), ("1,200", 1200), ("fourteen", 14), ("twenty-one", 21), ("a dozen", 12), ("dozen", 12),
        ("one hundred", 100), ("two hundred and five", 205), ("several", 3), ("dozens", 12), ("hundreds", 100),
        ("catorce", 14), ("veintidós", 22), ("cinco", 5), ("decenas", 12), ("a", 1), ("scores", 12),
    ],
)
def test_numbers_parse_words_and_digits(text: str, value: int) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["police", "", "fourteenth floor"])
def test_numbers_reject_non_numbers(text: str) -> None:
    assert parse_number(text) is None
