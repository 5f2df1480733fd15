from talaia.knowledge import load_knowledge
from talaia.nlp.truecase import is_all_caps, restore_case

CAPITALISED = load_knowledge().table("capitalised_words", "en").words()


def test_truecase_keeps_offsets_and_restores_common_words() -> None:
    text = "THREE SOLDIERS WERE KILLED IN TEPALCATEPEC ON 30 DECEMBER, THE ARMY (FAN) SAID."
    restored = restore_case(text, CAPITALISED, proper_names={"tepalcatepec"})
    assert len(restored) == len(text) and restored.upper() == text
    assert restored.startswith("Three soldiers were killed in Tepalcatepec on 30 December")
    assert "(FAN)" in restored
    assert is_all_caps(text) and not is_all_caps("Three soldiers were killed in Tepalcatepec on Monday.")


def test_truecase_may_is_the_modal() -> None:
    assert restore_case("TALKS MAY RESUME ON 2 MAY", CAPITALISED) == "Talks may resume on 2 may"


def test_truecase_reads_accented_words_whole() -> None:
    # 'León' is one rare word, not the common 'Le' and an 'n': it keeps its capital
    restored = restore_case("Gunmen Kill Two In Nuevo León And Cuauhtémoc", CAPITALISED)
    assert restored == "Gunmen kill two in Nuevo León and Cuauhtémoc"
