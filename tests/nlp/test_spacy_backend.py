"""Headlines joined by ';' are separate sentences; a ';' in an article's sentence is not a break."""

import pytest

pytestmark = pytest.mark.slow


def test_joined_headlines_are_parsed_apart(nlp_en, nlp_es) -> None:  # type: ignore[no-untyped-def]
    doc = nlp_en("Gunmen kill four at a car wash in Celaya;Killings 2015")
    assert [s.text for s in doc.sents] == ["Gunmen kill four at a car wash in Celaya;", "Killings 2015"]
    es = nlp_es("Matan a tres en un taller de Irapuato; suman 200 asesinatos este año")
    assert len(list(es.sents)) == 2


def test_a_semicolon_in_an_article_sentence_is_no_break(nlp_en) -> None:  # type: ignore[no-untyped-def]
    body = ("The mayor of the town said the attack had shaken the community; the police, he added, had "
            "arrested nobody so far, and residents were afraid to leave their homes after dark. ") * 4
    doc = nlp_en(body)
    assert all(not s.text.startswith("the police") for s in doc.sents)
    assert any(t.text == ";" for t in nlp_en("one;two"))  # the tokenizer cuts the ';' between words


def test_an_unpunctuated_headline_is_one_sentence(nlp_es, nlp_en) -> None:  # type: ignore[no-untyped-def]
    for nlp, text in ((nlp_es, "Localizan tres ejecutados"),
                      (nlp_es, "Irrumpen en un bar de Apatzingán y acribillan a 4"),
                      (nlp_en, "Gunmen storm a bar in Uruapan and kill four")):
        assert len(list(nlp(text).sents)) == 1, text
    # a full stop still ends a sentence
    assert len(list(nlp_en("Gunmen killed four in Uruapan. Police found the car.").sents)) == 2
