"""Indirect and partial attributions, one group of sentences per construction, English and Spanish.

Each case: the sentence, the speaker expected, and the reported clause exactly (not the sentence).
"""

import pytest

from talaia.knowledge import load_knowledge
from talaia.models import Quote
from talaia.nlp.aliases import NameRules, build_aliases
from talaia.quotes.extract import extract_quotes
from talaia.quotes.lexicon import QuoteLexicon

KNOWLEDGE = load_knowledge()
RULES = NameRules.from_knowledge(KNOWLEDGE)
LEXICON = QuoteLexicon.from_knowledge(KNOWLEDGE)

SAID_THAT_EN = [
    ("The governor said that the attackers had fled toward the mountains.",
     "The governor", "the attackers had fled toward the mountains"),
    ("The governor said the attackers had fled toward the mountains.",
     "The governor", "the attackers had fled toward the mountains"),
    ("Two witnesses said on Tuesday that the gunmen arrived in three pickup trucks.",
     "Two witnesses", "the gunmen arrived in three pickup trucks"),
    ("The fire chief confirmed that nobody was inside the warehouse.",
     "The fire chief", "nobody was inside the warehouse"),
    ("Prosecutors alleged that the councilman paid the gang to burn the market.",
     "Prosecutors", "the councilman paid the gang to burn the market"),
    ("The bus was set alight after dark, residents said.",
     "residents", "The bus was set alight after dark"),
]
TOLD_EN = [
    ("A local farmer told reporters that soldiers had burned two houses.",
     "A local farmer", "soldiers had burned two houses"),
    ("The mayor told the newspaper the road would stay closed until Friday.",
     "The mayor", "the road would stay closed until Friday"),
    ("An army spokesman told the radio station that the patrol was ambushed at dawn.",
     "An army spokesman", "the patrol was ambushed at dawn"),
]
REPORTEDLY_TOLD_EN = [
    ("An official reportedly told The Post that the release was a political deal.",
     "An official", "the release was a political deal"),
    ("The minister reportedly told lawmakers that the raid had been approved in advance.",
     "The minister", "the raid had been approved in advance"),
]
UNNAMED_EN = [
    ("A police officer, who asked not to be named, said the gunmen wore military uniforms.",
     "A police officer", "the gunmen wore military uniforms"),
    ("The commander, who spoke on condition of anonymity, told Reuters that three soldiers were wounded.",
     "The commander", "three soldiers were wounded"),
    ("A senior military official, who requested anonymity, said the convoy had no air support.",
     "A senior military official", "the convoy had no air support"),
]
ACCORDING_TO_EN = [
    ("According to the state prosecutor, five men were detained after the raid.",
     "the state prosecutor", "five men were detained after the raid"),
    ("Five men were detained after the raid, according to the state prosecutor.",
     "the state prosecutor", "Five men were detained after the raid"),
    ("According to a military official who asked not to be named, the convoy was ambushed twice.",
     "a military official", "the convoy was ambushed twice"),
    ("The clinic treated eleven wounded people overnight, according to the health ministry.",
     "health ministry", "The clinic treated eleven wounded people overnight"),
]
DIJO_QUE_ES = [
    ("El gobernador dijo que los atacantes huyeron hacia la sierra.",
     "El gobernador", "los atacantes huyeron hacia la sierra"),
    ("El fiscal afirmó que cinco hombres fueron detenidos tras el operativo.",
     "El fiscal", "cinco hombres fueron detenidos tras el operativo"),
    ("La alcaldesa señaló que la carretera permanecerá cerrada hasta el viernes.",
     "La alcaldesa", "la carretera permanecerá cerrada hasta el viernes"),
    ("Un vecino aseguró que los disparos comenzaron antes de la medianoche.",
     "Un vecino", "los disparos comenzaron antes de la medianoche"),
    ("Un funcionario, que pidió no ser identificado, dijo que el convoy fue emboscado.",
     "Un funcionario", "el convoy fue emboscado"),
]
SEGUN_ES = [
    ("Según la fiscalía estatal, los agresores dispararon contra los agentes.",
     "la fiscalía estatal", "los agresores dispararon contra los agentes"),
    ("Los agresores dispararon contra los agentes, según la fiscalía estatal.",
     "la fiscalía estatal", "Los agresores dispararon contra los agentes"),
    ("Según testigos, el ataque duró más de una hora.",
     "testigos", "el ataque duró más de una hora"),
]
DE_ACUERDO_CON_ES = [
    ("De acuerdo con la Secretaría de Seguridad, tres policías resultaron heridos.",
     "Secretaría de Seguridad", "tres policías resultaron heridos"),
    ("Tres policías resultaron heridos, de acuerdo con la Secretaría de Seguridad.",
     "Secretaría de Seguridad", "Tres policías resultaron heridos"),
    ("De acuerdo con los vecinos, la patrulla llegó dos horas después del ataque.",
     "los vecinos", "la patrulla llegó dos horas después del ataque"),
]


def _quotes(doc) -> list[Quote]:  # type: ignore[no-untyped-def]
    return extract_quotes(doc, build_aliases(doc, RULES), LEXICON)


def _check(doc, speaker: str, clause: str) -> None:  # type: ignore[no-untyped-def]
    quotes = _quotes(doc)
    found = [q for q in quotes if q.text == clause]
    assert found, f"no quote {clause!r} in {[(q.speaker, q.text) for q in quotes]}"
    (quote,) = found
    assert not quote.direct and quote.speaker == speaker
    assert doc.text[quote.start:quote.end] == clause
    assert len(quotes) == 1, f"extra quotes: {[(q.speaker, q.text) for q in quotes]}"


@pytest.mark.slow
@pytest.mark.parametrize(("sentence", "speaker", "clause"),
                         SAID_THAT_EN + TOLD_EN + REPORTEDLY_TOLD_EN + UNNAMED_EN + ACCORDING_TO_EN)
def test_english_construction(nlp_en, sentence: str, speaker: str, clause: str) -> None:  # type: ignore[no-untyped-def]
    _check(nlp_en(sentence), speaker, clause)


@pytest.mark.slow
@pytest.mark.parametrize(("sentence", "speaker", "clause"), DIJO_QUE_ES + SEGUN_ES + DE_ACUERDO_CON_ES)
def test_spanish_construction(nlp_es, sentence: str, speaker: str, clause: str) -> None:  # type: ignore[no-untyped-def]
    _check(nlp_es(sentence), speaker, clause)


NOT_SPEECH = [
    ("en", "The army rejected an order to withdraw from the town."),
    ("en", 'The gang leader, known as "El Tigre", was arrested on Sunday.'),
    ("en", "Police issued a warrant for the mayor's arrest."),
    ("es", "Los soldados rechazaron una orden de retirarse del municipio."),
    ("es", 'El líder del grupo, apodado "El Chuy", fue detenido el domingo.'),
]


@pytest.mark.slow
@pytest.mark.parametrize(("lang", "sentence"), NOT_SPEECH)
def test_not_speech(nlp_en, nlp_es, lang: str, sentence: str) -> None:  # type: ignore[no-untyped-def]
    doc = (nlp_en if lang == "en" else nlp_es)(sentence)
    assert _quotes(doc) == []


TITLES = [
    ("en", "President Ana María Torres visited the port. The president said the navy would patrol the coast.",
     "Ana María Torres"),
    ("en", "Governor Luis Ortega toured the valley. Later the governor told reporters that the road was safe.",
     "Luis Ortega"),
    ("es", "El gobernador Luis Ortega recorrió el valle. El gobernador afirmó que la carretera es segura.",
     "Luis Ortega"),
    ("en", "Police chief Ana Torres visited the town. The president said the operation had been rushed.",
     "The president"),  # no president named before: the title stays as it is
]


@pytest.mark.slow
@pytest.mark.parametrize(("lang", "text", "speaker"), TITLES)
def test_title_resolves_to_the_person_named_with_it(nlp_en, nlp_es, lang: str, text: str, speaker: str
                                                    ) -> None:  # type: ignore[no-untyped-def]
    (quote,) = _quotes((nlp_en if lang == "en" else nlp_es)(text))
    assert quote.speaker == speaker


@pytest.mark.slow
def test_now_that_is_no_claim(nlp_en) -> None:  # type: ignore[no-untyped-def]
    doc = nlp_en("This is despite reports of infighting between his sons now that their father is in prison.")
    assert _quotes(doc) == []


@pytest.mark.slow
def test_a_few_marked_words_inside_a_reported_clause_are_part_of_it(nlp_en) -> None:  # type: ignore[no-untyped-def]
    text = "The senator said the governor was a “dangerous liar” who had lied about the budget."
    (quote,) = _quotes(nlp_en(text))
    assert not quote.direct and quote.text == "the governor was a “dangerous liar” who had lied about the budget"


@pytest.mark.slow
def test_a_show_title_in_marks_is_no_quote(nlp_en) -> None:  # type: ignore[no-untyped-def]
    text = "The governor said on “Meet The Morning Press” that the curfew would end."
    quotes = _quotes(nlp_en(text))
    assert [q.text for q in quotes] == ["the curfew would end"]


@pytest.mark.slow
def test_trailing_aside_is_cut_from_the_reported_clause(nlp_en) -> None:  # type: ignore[no-untyped-def]
    text = "Officials said the shipment was seized near Tijuana, where the cartel runs several warehouses."
    (quote,) = _quotes(nlp_en(text))
    assert quote.text == "the shipment was seized near Tijuana"


@pytest.mark.slow
def test_the_verb_right_before_the_marks_is_the_quotes_own(nlp_en) -> None:  # type: ignore[no-untyped-def]
    text = ("Maria Lopez asked about the budget. Issa said, “We will look at every line of it.” "
            "Maria Lopez continued, “And what about the police?”")
    direct = [q for q in _quotes(nlp_en(text)) if q.direct]
    assert [(q.speaker, q.cue) for q in direct] == [("Issa", "said"), ("Maria Lopez", "continued")]


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "The mayor rallied supporters, saying: “We will not be intimidated by these killers.”",
    "The mayor rallied supporters on Sunday, saying the town would not be intimidated."])
def test_a_participle_speaks_for_its_head_verbs_subject(nlp_en, text: str) -> None:  # type: ignore[no-untyped-def]
    (quote,) = _quotes(nlp_en(text))
    assert quote.speaker == "The mayor" and quote.cue == "saying"


CERTAINTY = [
    ("en", "The governor said that the attackers had fled toward the mountains.", "stated"),
    ("en", "“We will not negotiate with killers,” the governor said on Monday.", "stated"),
    ("en", "An official reportedly told The Post that the release was a political deal.", "reported"),
    ("en", "The spokesman allegedly told reporters that the army knew of the plan.", "reported"),
    ("en", "An unnamed security official said the convoy had no air support.", "reported"),
    ("en", "A police officer, who asked not to be named, said the gunmen wore military uniforms.", "reported"),
    ("en", "According to the state prosecutor, five men were detained after the raid.", "reported"),
    ("es", "El gobernador dijo que los atacantes huyeron hacia la sierra.", "stated"),
    ("es", "“No vamos a negociar con criminales”, afirmó el gobernador.", "stated"),
    ("es", "Un mando militar supuestamente dijo que la liberación fue un acuerdo político.", "reported"),
    ("es", "Un funcionario, que pidió no ser identificado, dijo que el convoy fue emboscado.", "reported"),
    ("es", "Según testigos, el ataque duró más de una hora.", "reported"),
    ("es", "Tres policías resultaron heridos, de acuerdo con la Secretaría de Seguridad.", "reported"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("lang", "sentence", "certainty"), CERTAINTY)
def test_second_hand_attributions_are_reported(nlp_en, nlp_es, lang: str, sentence: str, certainty: str
                                               ) -> None:  # type: ignore[no-untyped-def]
    quotes = _quotes((nlp_en if lang == "en" else nlp_es)(sentence))
    assert quotes and all(q.certainty == certainty for q in quotes), [(q.text, q.certainty) for q in quotes]


ONE_QUOTE_IN_PARTS = [
    ("en", "“It is a new plane,” the mayor said in a video on Monday. “The plane is part of the brand.”",
     "the mayor", "It is a new plane,” the mayor said in a video on Monday. “The plane is part of the brand"),
    ("en", "“We will not leave,” said Ana Ruiz, a longtime adviser to the governor. “The town is ours.”",
     "Ana Ruiz", "We will not leave,” said Ana Ruiz, a longtime adviser to the governor. “The town is ours"),
    ("es", "«No vamos a salir del pueblo», dijo el alcalde Juan Pérez en una entrevista. «El pueblo es nuestro».",
     "Juan Pérez", "No vamos a salir del pueblo», dijo el alcalde Juan Pérez en una entrevista. «El pueblo es nuestro"),
    ("es", "“La carretera está cerrada”, afirmó la gobernadora. “Nadie puede pasar”.",
     "la gobernadora", "La carretera está cerrada”, afirmó la gobernadora. “Nadie puede pasar"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("lang", "text", "speaker", "content"), ONE_QUOTE_IN_PARTS)
def test_a_quote_in_parts_around_its_attribution_is_one_statement(nlp_en, nlp_es, lang: str, text: str, speaker: str,
                                                                   content: str) -> None:  # type: ignore[no-untyped-def]
    (quote,) = _quotes((nlp_en if lang == "en" else nlp_es)(text))
    assert (quote.speaker, quote.text, quote.direct) == (speaker, content, True)


@pytest.mark.slow
def test_a_quote_after_its_verb_and_the_next_stay_two_quotes_of_one_speaker(nlp_en) -> None:  # type: ignore[no-untyped-def]
    text = "The governor said: “The road will reopen on Monday.” “We will not close it again.”"
    assert [q.text for q in _quotes(nlp_en(text))] == ["The road will reopen on Monday", "We will not close it again"]


@pytest.mark.slow
def test_a_show_after_an_outlets_name_is_no_quote_and_the_clause_starts_after_that(nlp_en
                                                                                    ) -> None:  # type: ignore[no-untyped-def]
    text = "Mr. Khan said on NBC's “Meet the Press” on Sunday that the senator had insulted his family."
    quotes = _quotes(nlp_en(text))
    assert ("Khan", "the senator had insulted his family") in [(q.speaker, q.text) for q in quotes]
    assert not any("Meet the Press" in q.text for q in quotes)


@pytest.mark.slow
@pytest.mark.parametrize("text", ["“Sometimes we need a break!” Clinton said to People.",
                                  "The senator said to a crowd of about 500 people: “We will win this state.”"])
def test_whom_a_speaker_addresses_is_no_quote(nlp_en, text: str) -> None:  # type: ignore[no-untyped-def]
    quotes = _quotes(nlp_en(text))
    assert quotes and all(q.direct for q in quotes), [q.text for q in quotes]


@pytest.mark.slow
@pytest.mark.parametrize(("lang", "text", "clause"), [
    ("en", "Turnout was highest among young voters, according to exit polls reported by CNN and other networks.",
     "Turnout was highest among young voters"),
    ("en", "Five men were detained, according to police, and the gunmen fled toward the hills.",
     "Five men were detained"),
    ("es", "Cinco hombres fueron detenidos, según la policía municipal y los vecinos del barrio.",
     "Cinco hombres fueron detenidos"),
])
def test_the_claim_of_a_source_phrase_leaves_the_source_out(nlp_en, nlp_es, lang: str, text: str, clause: str
                                                            ) -> None:  # type: ignore[no-untyped-def]
    quotes = _quotes((nlp_en if lang == "en" else nlp_es)(text))
    assert [(q.text, q.cue, q.certainty) for q in quotes] == [(clause, quotes[0].cue, "reported")]


@pytest.mark.slow
@pytest.mark.parametrize(("lang", "text", "clause"), [
    ("en", "Most voters in the state say they want a new police chief.", "they want a new police chief"),
    ("es", "Los vecinos dijeron que apoyan la llegada de la Guardia Nacional.",
     "apoyan la llegada de la Guardia Nacional"),
])
def test_a_stance_inside_a_reported_clause_is_part_of_it(nlp_en, nlp_es, lang: str, text: str, clause: str
                                                         ) -> None:  # type: ignore[no-untyped-def]
    assert [q.text for q in _quotes((nlp_en if lang == "en" else nlp_es)(text))] == [clause]


FRAMED_DIRECT = [
    ("en", "Minutes later, Senator Ana Ruiz fired back, “We will not be lectured by the people who broke the budget.”",
     "Ana Ruiz"),
    ("en", "On Tuesday, the mayor struck a defiant tone, “We will rebuild every house they burned.”", "the mayor"),
    ("en", "In an August speech, Trump attacked “the hateful ideology of radical groups and their leaders.”", "Trump"),
    ("es", "Tras el ataque, la gobernadora Ana Ruiz lanzó una advertencia: «No vamos a negociar con los criminales».",
     "Ana Ruiz"),
    ("es", "El alcalde Juan Pérez condenó «la cobarde agresión contra los policías del municipio».", "Juan Pérez"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("lang", "text", "speaker"), FRAMED_DIRECT)
def test_a_quote_without_a_speech_verb_is_its_sentences_subjects(nlp_en, nlp_es, lang: str, text: str, speaker: str
                                                                  ) -> None:  # type: ignore[no-untyped-def]
    (quote,) = _quotes((nlp_en if lang == "en" else nlp_es)(text))
    assert quote.direct and quote.speaker == speaker


@pytest.mark.slow
def test_a_quote_framed_by_a_thing_has_no_speaker(nlp_en) -> None:  # type: ignore[no-untyped-def]
    text = "The plan would be funded by “closing tax loopholes and expenditures for the most fortunate.”"
    assert [q.speaker for q in _quotes(nlp_en(text))] == [None]


@pytest.mark.slow
@pytest.mark.parametrize(("lang", "text", "speaker", "claim"), [
    ("en", "Elizabeth Warren: Donald Trump Is a Proven Failure in Business.\n\nThe senator spoke on Saturday.",
     "Elizabeth Warren", "Donald Trump Is a Proven Failure in Business"),
    ("es", "Silvano Aureoles: no habrá impunidad para los responsables.\n\nEl gobernador habló en Morelia.",
     "Silvano Aureoles", "no habrá impunidad para los responsables"),
])
def test_a_line_opening_with_a_name_and_a_colon_is_its_claim(nlp_en, nlp_es, lang: str, text: str, speaker: str,
                                                             claim: str) -> None:  # type: ignore[no-untyped-def]
    quotes = _quotes((nlp_en if lang == "en" else nlp_es)(text))
    assert [(q.speaker, q.text, q.cue) for q in quotes] == [(speaker, claim, ":")]


@pytest.mark.slow
@pytest.mark.parametrize("text", ["Update: The road was reopened on Tuesday morning after the attack.",
                                  "Photo: soldiers guard the entrance of the town hall in Aguililla."])
def test_a_label_and_a_colon_is_no_claim(nlp_en, text: str) -> None:  # type: ignore[no-untyped-def]
    assert _quotes(nlp_en(text)) == []


@pytest.mark.slow
@pytest.mark.parametrize(("lang", "text", "speaker"), [
    ("en", "Christie told reporters in Nashua last week, “I have said all along that I could feel it happening.” "
           "Recent polls show that this has reversed.", "Christie"),
    ("es", "El gobernador dijo a los reporteros en Morelia: «Vamos a encontrar a los responsables». Las encuestas "
           "muestran que la violencia creció.", "El gobernador"),
])
def test_the_verb_before_the_marks_with_its_own_words_between_is_the_quotes(nlp_en, nlp_es, lang: str, text: str,
                                                                           speaker: str
                                                                           ) -> None:  # type: ignore[no-untyped-def]
    direct = [q for q in _quotes((nlp_en if lang == "en" else nlp_es)(text)) if q.direct]
    assert [q.speaker for q in direct] == [speaker]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "speaker", "clause"), [
    ('Those who do take on heavy debt struggle, even with a "good" job, he said.', None,
     'Those who do take on heavy debt struggle, even with a "good" job'),
    ("Trump said after the convention he would not accept the senator's endorsement if it were offered.", "Trump",
     "after the convention he would not accept the senator's endorsement if it were offered"),
])
def test_a_reported_clause_the_parser_did_not_attach_as_one(nlp_en, text: str, speaker: str | None, clause: str
                                                           ) -> None:  # type: ignore[no-untyped-def]
    assert [(q.speaker, q.text) for q in _quotes(nlp_en(text))] == [(speaker, clause)]


@pytest.mark.slow
def test_a_quote_takes_no_speech_verb_from_the_next_paragraph(nlp_en) -> None:  # type: ignore[no-untyped-def]
    text = ("He was asked about it in an interview. “Why should I be surprised by any of this?”\n\n"
            "The administration said it was doing its best to follow the rules Congress set.")
    quotes = {q.text: q for q in _quotes(nlp_en(text))}
    assert quotes["Why should I be surprised by any of this?"].cue is None
    assert quotes["it was doing its best to follow the rules Congress set"].speaker == "The administration"
