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


def test_headline_style_keeps_short_function_words_lower() -> None:
    from talaia.nlp.truecase import is_title_case

    # headline style capitalises every word but 'in', 'and', 'a', 'of'
    assert is_title_case("Masked Men Raid Ranch in Sonora and Shoot a Farmer and His Brother")
    assert is_title_case("Cajeme, Sonora: Corrido Singer Alex Quintero Assassinated")
    # a sentence with a few names is not headline style
    assert not is_title_case("Masked men raided a ranch in Sonora and shot Juan Pérez and his brother")


def test_event_words_are_restored_as_words_however_rare() -> None:
    text = "Gunmen Behead Rancher Near Apatzingan"
    plain = restore_case(text, CAPITALISED)
    known = restore_case(text, CAPITALISED, common={"behead"})
    assert "Behead" in plain  # rare in general English: read as a name
    assert known == "Gunmen behead rancher near Apatzingan"
    assert restore_case("Cartel Beheads Two Rivals", CAPITALISED, common={"behead"}).startswith("Cartel beheads")
