import pytest

from talaia.nlp.numbers import parse_number


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


def test_truecase_keeps_offsets_and_restores_common_words() -> None:
    from talaia.nlp.truecase import is_all_caps, restore_case

    text = "THREE SOLDIERS WERE KILLED IN TEPALCATEPEC ON 30 DECEMBER, THE ARMY (FAN) SAID."
    restored = restore_case(text, proper_names={"tepalcatepec"})
    assert len(restored) == len(text) and restored.upper() == text
    assert restored.startswith("Three soldiers were killed in Tepalcatepec on 30 December")
    assert "(FAN)" in restored
    assert is_all_caps(text) and not is_all_caps("Three soldiers were killed in Tepalcatepec on Monday.")
