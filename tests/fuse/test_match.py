"""Pairs of event mentions: what rules a pair out, what makes it one incident (mentions written for the tests)."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from talaia.fuse import FusionSettings, Mention, content_words, fuse, match
from talaia.fuse.match import fitted_settings

SETTINGS = FusionSettings()
AMBUSH = Mention(
    event_id="a1", document_key="doc-a", event_date=dt.date(2019, 10, 14), time_precision=1, event_type="Battles",
    sub_event_type="Armed clash", country_code="MX", admin1="Michoacán", admin2="Aguililla", location="El Aguaje",
    geo_precision=1, fatalities=13, actor1="Unidentified Armed Group (Mexico)",
    actor2="Police Forces of Mexico (2018-2024)",
    words=content_words("Gunmen ambushed state police in El Aguaje, Aguililla, killing 13 officers"))


def _other(**changes: object) -> Mention:
    fields: dict[str, object] = {"event_id": "b1", "document_key": "doc-b", **changes}
    return dataclasses.replace(AMBUSH, **fields)  # type: ignore[arg-type]


def test_another_outlets_report_of_the_same_ambush_matches() -> None:
    other = _other(words=content_words("13 police killed in ambush in El Aguaje, Michoacan"), location="El Aguaje")
    result = match(AMBUSH, other, SETTINGS)
    assert result.possible and result.score is not None and result.score >= SETTINGS.threshold
    assert "same place" in result.reasons and "same death toll" in result.reasons


@pytest.mark.parametrize(("changes", "reason"), [
    ({"document_key": "doc-a", "location": "Naranjo de Chila"}, "one document's events in different places"),
    ({"document_key": "doc-a", "event_date": dt.date(2019, 10, 20)}, "one document's events on different dates"),
    ({"admin1": "Jalisco"}, "first-level units"),
    ({"country_code": "CO", "admin1": "Antioquia"}, "different countries"),
    ({"event_date": dt.date(2019, 10, 20)}, "days apart"),
    ({"event_date": None}, "undated"),
])
def test_what_rules_a_pair_out(changes: dict[str, object], reason: str) -> None:
    result = match(AMBUSH, _other(**changes), SETTINGS)
    assert not result.possible and reason in result.reasons[0]


def test_two_compatible_events_of_one_document_score_as_any_pair() -> None:
    # the lead's ambush and the next sentence's: one place, one day, no participant told apart
    second = _other(document_key="doc-a", words=content_words("The attack in Aguililla left 13 police dead"))
    result = match(AMBUSH, second, SETTINGS)
    assert result.possible and "two events of one document" in result.reasons
    assert not any(r.startswith("shared words") for r in result.reasons)  # one text's words say nothing
    cartel, army = (dataclasses.replace(m, named_actors=frozenset({name})) for m, name in ((AMBUSH, "CJNG"),
                                                                                          (second, "Los Viagras")))
    assert "different participants" in (match(cartel, army, SETTINGS).reasons[0])
    # the ambush, and the police operation that followed it: the sides swapped
    operation = dataclasses.replace(second, actor1=AMBUSH.actor2, actor2=AMBUSH.actor1)
    assert "sides swapped" in match(AMBUSH, operation, SETTINGS).reasons[0]


def test_a_looser_time_precision_widens_the_window() -> None:
    later = _other(event_date=dt.date(2019, 10, 18))
    assert not match(AMBUSH, later, SETTINGS).possible  # both to the day: 4 days is too far
    assert match(AMBUSH, dataclasses.replace(later, time_precision=2), SETTINGS).possible  # 'this week'


def test_evidence_against_lowers_the_score() -> None:
    same = match(AMBUSH, _other(), SETTINGS).score
    other_town = match(AMBUSH, _other(admin2="Apatzingán", location="Apatzingán"), SETTINGS).score
    other_toll = match(AMBUSH, _other(fatalities=40), SETTINGS).score
    assert same is not None and other_town is not None and other_toll is not None
    assert same - other_town >= -SETTINGS.other_admin2 and other_toll < same


def test_a_single_death_says_less_than_a_larger_shared_toll() -> None:
    one = dataclasses.replace(AMBUSH, fatalities=1)
    single = match(one, _other(fatalities=1), SETTINGS).score
    thirteen = match(AMBUSH, _other(), SETTINGS).score
    assert single is not None and thirteen is not None and single < thirteen


def test_content_words_fold_accents_and_case() -> None:
    assert content_words("Emboscada en Aguililla, MICHOACÁN: 14 policías") == frozenset(
        {"emboscada", "aguililla", "michoacan", "policias"})


def _country_level(event_id: str, document: str, text: str, deaths: int | None = None) -> Mention:
    """A headline that names only the country: placed at 'Mexico', precision 3."""
    return dataclasses.replace(AMBUSH, event_id=event_id, document_key=document, admin1=None, admin2=None,
                               location="Mexico", geo_precision=3, fatalities=deaths,
                               event_type="Violence against civilians", sub_event_type="Attack",
                               words=content_words(text))


def test_the_country_named_as_the_place_is_not_a_shared_place() -> None:
    a = _country_level("m1", "doc-m1", "Seven killed in attack on bar in Mexico tourist resort", 7)
    b = _country_level("m2", "doc-m2", "Bodies found in northern Mexico after gang clash", 21)
    result = match(a, b, SETTINGS)
    assert "same place" not in result.reasons


def test_a_close_date_and_the_same_type_alone_do_not_fuse() -> None:
    # two killings reported the same day somewhere in Mexico, nothing else in common
    a = _country_level("m1", "doc-m1", "Journalist found dead in Mexico")
    b = _country_level("m2", "doc-m2", "Gunmen attack family at party in Mexico")
    result = match(a, b, SETTINGS, dict.fromkeys(a.words | b.words, 3.0) | {"mexico": 0.1})
    assert result.score is not None and result.score < SETTINGS.threshold


def test_a_report_that_split_itself_in_two_is_one_incident_with_the_fitted_weights() -> None:
    # the lead names only "western Mexico", the next sentence Michoacán, and its events are read as a clash
    # with the police and as the police attacking civilians: one document's compatible events
    fitted = fitted_settings()
    lead = dataclasses.replace(AMBUSH, admin1=None, admin2=None, location="Mexico", geo_precision=3,
                               words=content_words("Gunmen kill 13 police officers in ambush in western Mexico"))
    second = dataclasses.replace(AMBUSH, event_id="a2", event_type="Violence against civilians",
                                 sub_event_type="Attack", actor1="Police Forces of Mexico (2018-2024)",
                                 actor2="Civilians (Mexico)", admin2=None, location="Michoacán", geo_precision=3,
                                 words=content_words("The attack in Michoacán left 13 officers dead"))
    result = match(lead, second, fitted)
    assert result.score is not None and result.score >= fitted.threshold, result
    assert len(set(fuse([lead, second], fitted).values())) == 1


def test_the_score_alone_is_the_score_match_gives() -> None:
    # fusion scores pairs without writing their reasons (pair_score): every kind of pair scores alike
    from talaia.fuse.cluster import inverse_document_frequency
    from talaia.fuse.match import WordWeights, pair_score

    others = [
        _other(words=content_words("13 police killed in ambush in El Aguaje, Michoacan")),
        _other(admin2="Apatzingán", location="Apatzingán", fatalities=2, words=content_words("2 dead in Apatzingán")),
        _other(event_date=dt.date(2019, 10, 30), fatalities=19, words=content_words("Toll from El Aguaje ambush: 19"),
               refers_back=True, figures=frozenset({13, 19})),
        _other(document_key="doc-a", words=content_words("The attack in Aguililla left 13 police dead")),
        _other(event_type="Protests", sub_event_type="Peaceful protest", fatalities=None, crowd=4,
               named_actors=frozenset({"CJNG"}), outlet="Daily"),
        _other(admin1="Jalisco"), _other(event_date=None), _other(words=frozenset()),
    ]
    for settings in (SETTINGS, fitted_settings()):
        idf = inverse_document_frequency([AMBUSH, *others], settings.stem_length)
        weights = WordWeights(idf, settings.stem_length)
        for other in others:
            for a, b in ((AMBUSH, other), (other, AMBUSH)):
                assert pair_score(a, b, settings, idf, weights) == match(a, b, settings, idf).score
                assert pair_score(a, b, settings, idf) == match(a, b, settings, idf).score


def test_the_bound_fusion_prunes_by_is_never_below_the_score() -> None:
    # fusion scores only the pairs whose ceiling (ScoreBound) reaches the threshold: a ceiling below a score
    # would lose a join. Mentions drawn over every field the score reads, with both sets of weights.
    import random

    from talaia.fuse.cluster import inverse_document_frequency
    from talaia.fuse.match import BOUND_MARGIN, ScoreBound, WordWeights, pair_score

    rng = random.Random(5)
    sentences = ["13 police killed in ambush in El Aguaje, Michoacan", "Gunmen kill 2 in Apatzingán market",
                 "Toll from the El Aguaje ambush rises to 19", "Ambush on police in Aguililla", "",
                 "Protesters march in Morelia over the killing of 13 police officers in El Aguaje"]
    kinds = [("Battles", "Armed clash"), ("Violence against civilians", "Attack"), ("Protests", "Peaceful protest")]
    import numpy as np

    base = np.random.default_rng(5).normal(size=(3, 16))
    vectors = [None] + [v / np.linalg.norm(v) for v in (base[0], base[0] + 0.3 * base[1], base[0] + base[2], base[1])]
    mentions = []
    for i in range(120):
        kind, sub = rng.choice(kinds)
        text = rng.choice(sentences)
        mentions.append(dataclasses.replace(
            AMBUSH, event_id=f"m{i}", document_key=f"doc-{rng.randint(0, 40)}",
            event_date=dt.date(2019, 10, 1) + dt.timedelta(days=rng.randint(0, 30)), time_precision=rng.randint(1, 3),
            event_type=kind, sub_event_type=sub, country_code=rng.choice(["MX", "MX", "CO", None]),
            admin1=rng.choice(["Michoacán", "Michoacan", None]), admin2=rng.choice(["Aguililla", "Apatzingán", None]),
            location=rng.choice(["El Aguaje", "Apatzingán", None]), geo_precision=rng.randint(1, 3),
            fatalities=rng.choice([None, 1, 2, 13, 19]), words=content_words(text),
            figures=frozenset(int(n) for n in text.split() if n.isdigit()), crowd=rng.choice([0, 0, 3, 40, 400]),
            named_actors=frozenset(rng.sample(["CJNG", "Los Viagras"], rng.randint(0, 1))),
            outlet=rng.choice(["Wire", "Daily", None]), refers_back=rng.random() < 0.2,
            vector=vectors[rng.randint(0, len(vectors) - 1)]))
    for settings in (SETTINGS, fitted_settings()):
        idf = inverse_document_frequency(mentions, settings.stem_length)
        weights = WordWeights(idf, settings.stem_length)
        bound = ScoreBound(settings, weights)
        late = 0
        for a in mentions:
            for b in mentions:
                if a is b:
                    continue
                score = pair_score(a, b, settings, idf, weights)
                assert score is None or score <= bound.pair(a, b) + BOUND_MARGIN, (a, b)
                assert a.event_date and b.event_date
                if abs((a.event_date - b.event_date).days) > settings.date_tolerance[max(a.time_precision,
                                                                                          b.time_precision) - 1]:
                    late += 1  # a later report: the ceiling of every such pair holds it too
                    assert score is None or score <= bound.late(a, b.crowd) + BOUND_MARGIN, (a, b)
        assert late > 1000
