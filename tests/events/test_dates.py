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
        ("Just this week, gunmen massacred 14 police officers.", "2019-10-17", 2),  # up to now: the day before
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


def _date(sentence: str, published: dt.date = PUB) -> tuple[str, int] | None:
    found = find_date(sentence, 0, published)
    return (found.date.isoformat(), found.precision) if found and found.date else None


def test_dates_a_periodicals_issue_is_no_event_date() -> None:
    # a headline segment that only titles a bulletin: its date is the issue's, not an event's
    assert _date("Two farmers shot dead in Sinaloa;Mexico security update 19 October 2019") is None
    assert _date("Regional press review 17 October 2019;Police officer killed in Puebla") is None
    assert _date("Bodies found in a ravine;Crisis Watch: Mexico - October 2019") is None
    assert _date("News Briefs for Thursday, Oct. 17 (evening edition);Bodies found in a ravine") is None
    assert _date("Boletín semanal 15 de octubre de 2019;Matan a un comerciante en Celaya") is None
    # a date in the sentence itself still counts
    assert _date("Police review the attack of October 3") == ("2019-10-03", 1)
    assert _date("Soldiers ambushed on October 16;Weekly security update 17 October 2019") == ("2019-10-16", 1)


def test_dates_a_date_inside_a_longer_one_is_part_of_it() -> None:
    # two days after publication: no date at all, not the month inside it
    assert _date("Soldiers were ambushed on 20 October 2019") is None
    assert _date("Soldiers were ambushed on 21 June 2019") == ("2019-06-21", 1)


def test_dates_a_tallys_start_is_no_event_date() -> None:
    assert _date("Killings in the port pass 500 since January 1st") is None
    assert _date("Van 312 homicidios en la ciudad desde el 1 de enero") is None
    assert _date("Van 312 homicidios desde enero") is None
    assert _date("18 murders since the weekend in the state") is None
    # a state that began then: the detention is the event, and it began then
    assert _date("The activist has been detained since March 2018") == ("2018-03-01", 3)


@pytest.mark.parametrize(
    ("sentence", "date", "precision"),
    [
        ("Nine people were killed between Saturday and Sunday in the state", "2019-10-13", 2),
        ("Entre sábado y domingo asesinaron a nueve personas", "2019-10-13", 2),
        ("They shot four men on Tuesday and Wednesday", "2019-10-16", 2),
        ("Domingo y lunes, doce ejecuciones en el estado", "2019-10-14", 2),
        ("Twelve people were killed over the weekend", "2019-10-13", 2),
        ("Asesinan a seis durante el fin de semana", "2019-10-13", 2),
        ("Gunmen killed a reporter this week", "2019-10-17", 2),
        ("Este mes hubo 20 secuestros; domingo y lunes, doce ejecuciones", "2019-10-14", 2),
    ],
)
def test_dates_ranges_resolve_to_their_latest_day_not_after_publication(sentence: str, date: str,
                                                                         precision: int) -> None:
    assert _date(sentence) == (date, precision)


def test_dates_weekend_ranges_around_publication() -> None:
    saturday, sunday, monday = dt.date(2019, 10, 19), dt.date(2019, 10, 20), dt.date(2019, 10, 21)
    assert _date("Ten killed over the weekend", saturday) == ("2019-10-19", 2)  # the weekend under way
    assert _date("Ten killed last weekend", saturday) == ("2019-10-13", 2)
    assert _date("Ten killed over the weekend", sunday) == ("2019-10-20", 2)
    assert _date("Ten killed last weekend", sunday) == ("2019-10-13", 2)
    assert _date("Ten killed over the weekend", monday) == ("2019-10-20", 2)
    assert _date("Gunmen killed a reporter this week", monday) == ("2019-10-21", 2)  # the week began today


def test_dates_cemeteries_named_after_dates_are_places() -> None:
    assert _date("Two men found executed in the Pantheon March 21") is None
    assert _date("Hallan dos cuerpos en el panteón 21 de Marzo") is None
    assert _date("Two men found executed on March 21") == ("2019-03-21", 1)


def test_dates_days_ahead_are_not_event_dates() -> None:
    assert _date("Violence grips the state ahead of local elections Sunday") is None
    assert _date("Party leaders will march next Sunday") is None
    assert _date("Los candidatos cerrarán campaña el próximo domingo") is None
    assert _date("Los candidatos cerrarán campaña el domingo próximo") is None
    assert _date("Gunmen killed a candidate on Sunday") == ("2019-10-13", 1)


def test_dates_the_night_of_a_weekday_is_that_day() -> None:
    assert _date("La noche del miércoles cuatro hombres fueron asesinados") == ("2019-10-16", 1)
    assert _date("La noche del pasado lunes hombres armados atacaron un bar") == ("2019-10-14", 1)
    assert _date("Un comando atacó la noche del jueves") == ("2019-10-17", 1)
    # one night from a day to the next that ended by publication: the first day's
    assert _date("Dos civiles murieron la noche del viernes al sábado") == ("2019-10-11", 1)
    assert _date("Two civilians died on Friday night into Saturday") == ("2019-10-11", 1)
    assert _date("Dos civiles murieron la noche del jueves al viernes") == ("2019-10-17", 1)
    assert _date("Dos civiles murieron la noche del viernes al sábado", dt.date(2019, 10, 20)) == ("2019-10-18", 1)
