import pytest

from talaia.knowledge import load_knowledge
from talaia.models import Quote
from talaia.nlp.aliases import NameRules, build_aliases
from talaia.quotes.extract import extract_quotes
from talaia.quotes.lexicon import QuoteLexicon
from talaia.quotes.marks import find_marked_spans

KNOWLEDGE = load_knowledge()
RULES = NameRules.from_knowledge(KNOWLEDGE)
LEXICON = QuoteLexicon.from_knowledge(KNOWLEDGE)


def _quotes(doc) -> list[Quote]:  # type: ignore[no-untyped-def]
    return extract_quotes(doc, build_aliases(doc, RULES), LEXICON)


def test_marks_all_styles() -> None:
    text = 'He said “one two three” and «cuatro cinco seis» and "seven eight nine".'
    spans = [text[s.start:s.end] for s in find_marked_spans(text)]
    assert spans == ["one two three", "cuatro cinco seis", "seven eight nine"]


def test_marks_apostrophes_are_not_quotes() -> None:
    assert find_marked_spans("The mayor's office didn't say.") == []


def test_marks_quote_across_paragraphs() -> None:
    text = '“First paragraph of the quote.\n\n“Second paragraph,” she said.'
    (span,) = find_marked_spans(text)
    assert text[span.start:span.end].startswith("First") and text[span.start:span.end].endswith("paragraph,")


@pytest.mark.slow
def test_quotes_speaker_alias_and_statement_split_by_attribution(nlp_en) -> None:  # type: ignore[no-untyped-def]
    text = ("President Ana María Torres, better known as AMT, spoke in the capital. "
            "“We will rebuild every school that was burned,” AMT said on Monday. "
            "“Nobody will be left behind.”")
    doc = nlp_en(text)
    quotes = _quotes(doc)
    (direct,) = [q for q in quotes if q.direct]  # one statement, split by its attribution
    assert direct.speaker == "Ana María Torres" and direct.cue == "said"
    assert direct.text.startswith("We will rebuild") and direct.text.endswith("Nobody will be left behind")
    assert text[direct.start:direct.end] == direct.text


@pytest.mark.slow
def test_quotes_indirect_with_anonymous_source(nlp_en) -> None:  # type: ignore[no-untyped-def]
    text = "A senior police commander told Reuters that the convoy had been attacked by a local gang."
    doc = nlp_en(text)
    (quote,) = _quotes(doc)
    assert not quote.direct
    assert quote.speaker == "A senior police commander"
    assert quote.cue == "told Reuters"
    assert quote.text.startswith("the convoy had been attacked")


@pytest.mark.slow
def test_quotes_pronoun_resolves_to_person(nlp_en) -> None:  # type: ignore[no-untyped-def]
    text = "Governor Luis Ortega visited the town. He said the attackers would be found."
    doc = nlp_en(text)
    (quote,) = _quotes(doc)
    assert quote.speaker == "Luis Ortega"


@pytest.mark.slow
def test_quotes_continuation_without_attribution_between(nlp_en) -> None:  # type: ignore[no-untyped-def]
    text = ('The mayor, Rosa Elena Díaz, said: “The road will reopen on Monday.” '
            '“We will not close it again.”')
    doc = nlp_en(text)
    direct = [q for q in _quotes(doc) if q.direct]
    assert [q.speaker for q in direct] == ["Rosa Elena Díaz", "Rosa Elena Díaz"]


@pytest.mark.slow
def test_quotes_according_to_and_stance(nlp_en) -> None:  # type: ignore[no-untyped-def]
    doc = nlp_en("The convoy was ambushed near the border, according to the state police. "
                 "Senator Luis Ortega criticized the new security plan on Tuesday.")
    quotes = _quotes(doc)
    according = next(q for q in quotes if q.cue == "according to")
    assert according.speaker == "the state police" and according.text.startswith("The convoy was ambushed")
    stance = next(q for q in quotes if q.cue == "criticized")
    assert stance.speaker == "Luis Ortega" and stance.text == "the new security plan"


def test_name_rules_drop_titles_and_read_alias_cues() -> None:
    assert RULES.clean("the former President Luis Ortega's") == "Luis Ortega"
    assert RULES.clean("Gen. Ana Díaz") == RULES.clean("Gen Ana Díaz") == "Ana Díaz"
    assert RULES.clean("gobernador Rubén Rocha") == "Rubén Rocha"
    assert RULES.known_as.match(", a.k.a. El Mencho,") and RULES.known_as.match(", alias El Mencho")
    assert RULES.name_known_as.search("Joaquín Guzmán Loera, conocido como Chapo")


def test_quotes_a_verb_without_subject_goes_on_with_the_last_speaker(nlp_es) -> None:  # type: ignore[no-untyped-def]
    doc = nlp_es('"No vamos a permitir más violencia en la sierra", dijo la gobernadora.\n\n'
                 '"Fue un ataque cobarde contra la comunidad", señaló.')
    quotes = _quotes(doc)
    assert [q.speaker for q in quotes] == ["la gobernadora", "la gobernadora"]


def test_marks_markup_attributes_are_not_quotes() -> None:
    text = '<tweet tweet-author="@someone" tweet-date="February 9, 2016">“We will win,” she wrote.</tweet>'
    assert [text[s.start:s.end] for s in find_marked_spans(text)] == ["We will win,"]
