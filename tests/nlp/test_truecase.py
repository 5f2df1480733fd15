"""Case restored for text written in capitals, in sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from talaia.knowledge import load_knowledge
from talaia.nlp.truecase import (
    CaseLexicon,
    is_all_caps,
    is_title_case,
    model_text,
    place_name_words,
    restore_case,
    restore_runs,
)

_KNOWLEDGE = load_knowledge()
CAPITALISED_WORDS = _KNOWLEDGE.table("capitalised_words", "en").words()
LEXICON = CaseLexicon.build(
    capitalised=_KNOWLEDGE.table("capitalised_words", "en").words(),
    names=_KNOWLEDGE.table("name_words", "en").words() | {"tepalcatepec", "salvadoran"},
    place_words={"usulutan", "chalatenango"},
    titles=_KNOWLEDGE.table("name_titles", "en").words(kind="title"),
    aliases=_KNOWLEDGE.table("actor_aliases").column("alias") + _KNOWLEDGE.table("actors").column("name"),
)


def _same_letters(restored: str, text: str) -> None:
    assert len(restored) == len(text)
    assert restored.upper() == text.upper()


def test_truecase_keeps_offsets_and_restores_common_words() -> None:
    text = "THREE SOLDIERS WERE KILLED IN TEPALCATEPEC ON 30 DECEMBER, THE ARMY (FAN) SAID."
    restored = restore_case(text, LEXICON)
    _same_letters(restored, text)
    assert restored.startswith("Three soldiers were killed in Tepalcatepec on 30 December")
    assert "(FAN)" in restored
    assert is_all_caps(text) and not is_all_caps("Three soldiers were killed in Tepalcatepec on Monday.")


def test_truecase_may_is_the_modal() -> None:
    assert restore_case("TALKS MAY RESUME ON 2 MAY", LEXICON) == "Talks may resume on 2 may"


def test_rare_english_words_stay_lower_case_and_unknown_words_are_names() -> None:
    text = "THE SUBVERSIVES LEFT THEIR MATERIEL NEAR THE HAMLET OF XOCOTLAPIXCO."
    restored = restore_case(text, LEXICON)
    _same_letters(restored, text)
    assert "subversives left their materiel near the hamlet" in restored
    assert restored.endswith("Xocotlapixco.")


def test_spanish_names_and_their_particles_are_capitalised() -> None:
    text = "GUNMEN SHOT DEAD JOURNALIST RAFAEL GARCIA NEAR LA LIBERTAD SQUARE IN SAN JOSE DE LA MONTANA."
    restored = restore_case(text, LEXICON)
    _same_letters(restored, text)
    assert "journalist Rafael Garcia near La Libertad square in San Jose de la Montana." in restored


def test_knowledge_base_names_keep_their_written_form() -> None:
    text = ("MEMBERS OF THE FARABUNDO MARTI NATIONAL LIBERATION FRONT AND OF THE ELN, NOT THE M-19, "
            "BURNED A BUS IN USULUTAN, THE SALVADORAN POLICE SAID.")
    restored = restore_case(text, LEXICON)
    _same_letters(restored, text)
    assert "Farabundo Marti National Liberation Front" in restored
    assert "the ELN, not the M-19," in restored
    assert "in Usulutan, the Salvadoran police said." in restored


def test_titles_before_names_and_sentence_starts() -> None:
    text = "COLONEL HECTOR LOPEZ WAS WOUNDED.\n\n   THE COLONEL SAID IT WAS AN AMBUSH: TWO MEN FIRED."
    restored = restore_case(text, LEXICON)
    _same_letters(restored, text)
    assert restored.startswith("Colonel Hector Lopez was wounded.")
    assert "The colonel said it was an ambush: Two men fired." in restored


def test_initials_stay_capitals_and_the_article_does_not() -> None:
    restored = restore_case("A U.S. ADVISER WAS HURT IN A BLAST.", LEXICON)
    assert restored == "A U.S. adviser was hurt in a blast."


def test_mixed_case_text_is_untouched() -> None:
    text = ("Gunmen killed two police officers in Apatzingán, Michoacán, on Monday, the state prosecutor said.\n\n"
            "The FBI and the DEA were not involved, according to the US embassy.")
    assert restore_runs(text, LEXICON) == text
    assert model_text(text, lambda: LEXICON) == text


def test_only_the_long_capitals_line_of_mixed_text_is_restored() -> None:
    headline = "GUERRILLAS BURN THREE BUSES NEAR CHALATENANGO AFTER A CLASH WITH THE ARMY"
    body = "Police said the FMLN had warned drivers to stay off the roads on Monday."
    text = f"{headline}\n\n{body}"
    restored = model_text(text, lambda: LEXICON)
    _same_letters(restored, text)
    assert restored.startswith("Guerrillas burn three buses near Chalatenango after a clash with the army")
    assert restored.endswith(body)


@pytest.mark.slow
def test_participants_of_text_in_capitals_are_read_and_quoted_as_written(pipeline: Any) -> None:
    from talaia.api import extract_text

    text = ("URBAN GUERRILLAS SHOT DEAD JUDGE ROBERTO CASTILLO IN SAN MIGUEL ON 12 MARCH.  THE POLICE SAID THE "
            "ATTACKERS FLED IN A CAR.")
    result = extract_text(text, published="1989-03-14", pipeline=pipeline)
    victims = [m for e in result.events for m in e.actor2_mentions]
    assert [(m.text, m.kind) for m in victims] == [("ROBERTO CASTILLO", "person")]
    assert text[victims[0].start:victims[0].end] == "ROBERTO CASTILLO"
    perpetrators = [m.text for e in result.events for m in e.actor1_mentions]
    assert perpetrators == ["URBAN GUERRILLAS"]


@pytest.mark.slow
def test_the_truecase_component_leaves_mixed_case_and_spanish_alone(pipeline: Any) -> None:
    from talaia.api import extract_text

    mixed = "Gunmen shot dead a judge in San Miguel on Sunday, police said."
    spanish = "HOMBRES ARMADOS ASESINARON A UN JUEZ EN SAN MIGUEL EL DOMINGO, INFORMÓ LA POLICÍA."
    for text, language in ((mixed, "en"), (spanish, "es")):
        result = extract_text(text, published="2024-05-13", language=language, pipeline=pipeline)
        assert result.error is None
    truecase = next(c for c in pipeline.components if getattr(c, "name", "") == "nlp.truecase.v1")
    from talaia.component import Analysis
    from talaia.models import Document

    for text, language in ((mixed, "en"), (spanish, "es")):
        analysis = Analysis(Document(id="t", text=text), language=language)
        truecase(analysis)
        assert analysis.model_text is None
    capitals = Analysis(Document(id="t", text=mixed.upper()), language="en")
    truecase(capitals)
    assert capitals.model_text is not None and capitals.model_text.startswith("Gunmen shot dead a judge in San Miguel")


def test_common_words_of_long_place_names_are_no_names() -> None:
    frequencies = {"farms": 4.1}
    words = place_name_words({"lima", "puerto boyaca", "foothill farms"}, frequency=lambda w: frequencies.get(w, 1.0))
    assert {"lima", "boyaca", "foothill"} <= words and "farms" not in words


def test_headline_style_keeps_short_function_words_lower() -> None:
    # headline style capitalises every word but 'in', 'and', 'a', 'of'
    assert is_title_case("Masked Men Raid Ranch in Sonora and Shoot a Farmer and His Brother")
    assert is_title_case("Cajeme, Sonora: Corrido Singer Alex Quintero Assassinated")
    # a sentence with a few names is not headline style
    assert not is_title_case("Masked men raided a ranch in Sonora and shot Juan Pérez and his brother")


def test_event_words_are_restored_as_words_however_rare() -> None:
    text = "Gunmen Dismembers Rancher Near Apatzingan"
    known = CaseLexicon.build(capitalised=CAPITALISED_WORDS, common={"dismember"})
    assert "Dismembers" in restore_case(text, CaseLexicon.build(capitalised=CAPITALISED_WORDS))  # rare: a name
    assert restore_case(text, known) == "Gunmen dismembers rancher near Apatzingan"
    assert restore_case("Cartel Dismembers Two Rivals", known).startswith("Cartel dismembers")


def test_truecase_reads_accented_words_whole() -> None:
    # 'León' is one rare word, not the common 'Le' and an 'n': it keeps its capital
    restored = restore_case("Gunmen Kill Two In Nuevo León And Cuauhtémoc", LEXICON)
    assert restored == "Gunmen kill two in Nuevo León and Cuauhtémoc"
