"""Date rules, written from ACLED's codebook: relative expressions resolve against the
publication date; precision 1 = the day, 2 = within a week, 3 = only the month."""

import datetime as dt

import pytest

from talaia.events.dates import DateLexicon, EventDate, default_date
from talaia.events.dates import find_date as find_date_with
from talaia.knowledge import load_knowledge
from talaia.nlp.numbers import NumberWords

LEXICON = DateLexicon.from_knowledge(load_knowledge(), NumberWords.from_knowledge(load_knowledge()))


def find_date(sentence: str, offset: int, published: dt.date | None) -> EventDate | None:
    return find_date_with(sentence, offset, published, LEXICON)

PUB = dt.date(2019, 10, 18)  # a Friday


@pytest.mark.parametrize(
    ("sentence", "date", "precision"),
    [
        ("Gunmen attacked the convoy on Monday.", "2019-10-14", 1),
        ("Gunmen attacked the convoy last Friday.", "2019-10-11", 1),
        ("The attack happened yesterday.", "2019-10-17", 1),
        ("Troops clashed with rebels early today.", "2019-10-18", 1),
        ("Just this week, gunmen massacred 14 police officers.", "2019-10-14", 2),
        ("Protesters marched last week.", "2019-10-07", 2),
        ("Three men were arrested last month.", "2019-09-01", 3),
        ("The bodies were found on October 3.", "2019-10-03", 1),
        ("The bodies were found on 3 October 2018.", "2018-10-03", 1),
        ("Soldiers were ambushed on December 30.", "2018-12-30", 1),  # after publication: last year
        ("Two days ago, police detained a mayor.", "2019-10-16", 1),
        ("El pasado lunes hombres armados asesinaron a cinco policías.", "2019-10-14", 1),
        ("Ayer fueron detenidos tres hombres.", "2019-10-17", 1),
        ("Fue asesinado el 5 de octubre.", "2019-10-05", 1),
        ("In September, rebels took the town.", "2019-09-01", 3),
    ],
)
def test_dates_resolve_relative_to_publication(sentence: str, date: str, precision: int) -> None:
    found = find_date(sentence, 0, PUB)
    assert found is not None
    assert found.date is not None and found.date.isoformat() == date
    assert found.precision == precision
    assert found.start is not None and found.end is not None and sentence[found.start:found.end].strip()


def test_dates_offsets_are_document_offsets() -> None:
    found = find_date("Gunmen attacked on Monday.", 100, PUB)
    assert found is not None and found.start == 100 + len("Gunmen attacked on ")


def test_dates_none_without_expression() -> None:
    assert find_date("Gunmen attacked a convoy.", 0, PUB) is None


def test_dates_default_is_the_day_before_publication() -> None:
    assert default_date(PUB).date == dt.date(2019, 10, 17) and default_date(PUB).precision == 2
    assert default_date(None).date is None


def test_dates_relative_needs_publication_date() -> None:
    assert find_date("Gunmen attacked on Monday.", 0, None) is None
    explicit = find_date("It happened on 3 October 2018.", 0, None)
    assert explicit is not None and explicit.date == dt.date(2018, 10, 3)


def test_dates_streets_named_after_dates_are_places() -> None:
    published = dt.date(2021, 5, 21)
    assert find_date("Localizan a un hombre sin vida en la 10 de Mayo", 0, published) is None
    assert find_date("They killed a man in the Colonia Ampliación 5 de Febrero", 0, published) is None
    assert find_date("Asesinaron a dos hombres el 10 de mayo", 0, published) == EventDate(dt.date(2021, 5, 10), 1,
                                                                                           28, 38)


def test_dates_a_day_wins_over_a_year_alone() -> None:
    found = find_date("Murders go on in 2021; five shot on Sunday night", 0, dt.date(2021, 2, 8))
    assert found is not None and found.date == dt.date(2021, 2, 7) and found.precision == 1
