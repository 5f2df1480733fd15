"""The failure families of fusion on short headlines, one test each (headlines written for the tests).

Missed pairs: a state named alone against a town in it, an ambush read as a clash by one outlet and as
mob violence by another, a second count in the headline, plural and verb forms, a named group both
reports blame. Wrong pairs: one local outlet's reports of two killings in its city, a lone death
against two, a two-word headline that every report contains, tolls far apart.
"""

from __future__ import annotations

import collections
import dataclasses
import datetime as dt
import random

import pytest

from talaia.fuse import FusionSettings, Mention, content_words, match
from talaia.fuse.cluster import candidate_pairs, fuse, inverse_document_frequency

SETTINGS = FusionSettings()
DAY = dt.date(2021, 5, 3)


def _report(event_id: str, text: str, **fields: object) -> Mention:
    """A headline read as a killing in the municipality of Uruapan, Michoacán, reported on DAY by a wire."""
    base = Mention(event_id=event_id, document_key=f"doc-{event_id}", event_date=DAY, time_precision=2,
                   event_type="Violence against civilians", sub_event_type="Attack", country_code="MX",
                   admin1="Michoacán", admin2="Uruapan", location="Uruapan", geo_precision=2, fatalities=4,
                   actor1="Unidentified Armed Group (Mexico)", actor2="Civilians (Mexico)",
                   words=content_words(text), outlet=f"outlet {event_id}")
    return dataclasses.replace(base, **fields)  # type: ignore[arg-type]


def _score(a: Mention, b: Mention, settings: FusionSettings = SETTINGS, idf: dict[str, float] | None = None
           ) -> float:
    result = match(a, b, settings, idf)
    assert result.score is not None, result.reasons
    return result.score


# ---- missed pairs


def test_a_state_named_alone_fits_a_town_in_it() -> None:
    town = _report("t", "Gunmen kill four at a car wash in Uruapan")
    state = _report("s", "Four men shot dead in Michoacán", admin2=None, location="Michoacán", geo_precision=3)
    country = dataclasses.replace(state, admin1=None, location="Mexico")
    result = match(town, state, SETTINGS)
    assert "same first-level unit" in result.reasons
    assert _score(town, state) - _score(town, country) == pytest.approx(SETTINGS.same_admin1)
    assert SETTINGS.same_admin1 > 0


def test_a_town_placed_in_another_state_is_ruled_out_or_counts_against_as_set() -> None:
    # 'Uruapan' read as a namesake in another state by one report: the rest agrees
    a = _report("a", "Four killed in attack on car wash in Uruapan")
    b = _report("b", "Attack on Uruapan car wash leaves four dead", admin1="Veracruz", admin2="Otro")
    assert not match(a, b, SETTINGS).possible  # by default (and blocked apart: fast)
    lenient = dataclasses.replace(SETTINGS, other_admin1=-1.5)
    result = match(a, b, lenient)
    assert "other first-level units" in result.reasons and "other municipality" not in result.reasons
    assert result.score is not None and result.score >= SETTINGS.threshold


def test_a_clash_and_mob_violence_are_both_political_violence() -> None:
    clash = _report("c", "Vigilantes and gunmen clash in Uruapan", event_type="Battles", sub_event_type="Armed clash")
    mob = _report("m", "Villagers lynch two alleged kidnappers in Uruapan", event_type="Riots",
                  sub_event_type="Mob violence")
    arrest = _report("r", "Police arrest suspects in Uruapan", event_type="Strategic developments",
                     sub_event_type="Arrests")
    assert "both political violence" in match(clash, mob, SETTINGS).reasons
    assert "other types" in match(clash, arrest, SETTINGS).reasons


def test_a_second_count_in_the_headline_is_still_a_shared_figure() -> None:
    # one report's toll is the officers (3), the other's the gunmen (43): both headlines give 43
    a = _report("a", "Federal police kill 43 gunmen in ranch battle, 3 officers die", fatalities=3,
                figures=frozenset({43, 3}))
    b = _report("b", "43 dead in gunfight on ranch", fatalities=43, figures=frozenset({43}))
    result = match(a, b, SETTINGS)
    assert "both give the figure 43" in result.reasons
    assert _score(a, b) > _score(dataclasses.replace(a, figures=frozenset()), b)


def test_plural_and_verb_forms_are_shared_words() -> None:
    a = _report("a", "Journalist executed outside radio station")
    b = _report("b", "Gunmen execute journalists' colleague at radio stations")
    idf = dict.fromkeys(a.words | b.words, 5.0)
    stemmed = match(a, b, SETTINGS, idf)
    whole = match(a, b, dataclasses.replace(SETTINGS, stem_length=0), idf)
    assert stemmed.score is not None and whole.score is not None and stemmed.score > whole.score


def test_a_named_group_both_reports_blame_counts_but_a_generic_one_does_not() -> None:
    a = _report("a", "Cartel gunmen kill four", named_actors=frozenset({"Los Caballeros Templarios"}))
    b = _report("b", "Four slain by cartel", named_actors=frozenset({"Los Caballeros Templarios"}))
    assert any(r.startswith("both name") for r in match(a, b, SETTINGS).reasons)
    without = dataclasses.replace(b, named_actors=frozenset())
    assert _score(a, b) - _score(a, without) == pytest.approx(SETTINGS.shared_named_actor)
    assert SETTINGS.shared_named_actor > 0


def test_named_actors_leave_out_acleds_generic_ones() -> None:
    from talaia.fuse.service import generic_actor

    generic = generic_actor()
    for name in ("Civilians (Mexico)", "Police Forces of Mexico (2018-2024)", "Unidentified Armed Group",
                 "Military Forces of Mexico (2012-2018)"):
        assert generic.match(name), name
    assert not generic.match("Sinaloa Cartel") and not generic.match("CJNG: Jalisco New Generation Cartel")


def test_a_later_follow_up_is_possible_only_when_the_settings_allow_it() -> None:
    first = _report("a", "Gunmen kill four at Uruapan car wash")
    arrest = _report("b", "Suspect in Uruapan car wash killings of four arrested", event_date=DAY + dt.timedelta(9))
    assert not match(first, arrest, SETTINGS).possible  # by default beyond the window of the precisions
    late = match(first, arrest, dataclasses.replace(SETTINGS, follow_up_days=14))
    assert late.possible and "a later report" in late.reasons[0]


# ---- wrong pairs


def test_one_local_outlets_two_reports_of_its_city_count_against() -> None:
    a = _report("a", "They find a lifeless man in the Las Palmas neighborhood", fatalities=1, outlet="el diario")
    b = _report("b", "They find a lifeless man in a vacant lot in El Mirador", fatalities=1, outlet="el diario")
    result = match(a, b, SETTINGS)
    assert "one outlet's reports of one area" in result.reasons
    other_outlet = match(a, dataclasses.replace(b, outlet="la voz"), SETTINGS)
    assert result.score is not None and other_outlet.score is not None
    assert other_outlet.score - result.score == pytest.approx(-SETTINGS.same_outlet_area)
    assert SETTINGS.same_outlet_area < 0
    # naming the same place below the municipality, the outlet's follow-up is no second killing
    a, b = (dataclasses.replace(m, location="Las Palmas", geo_precision=1) for m in (a, b))
    assert "one outlet's reports of one area" not in match(a, b, SETTINGS).reasons


def test_one_death_and_two_are_not_close_tolls() -> None:
    one = _report("a", "Man shot dead in Uruapan", fatalities=1)
    two = _report("b", "Two dead in Uruapan shooting", fatalities=2)
    three = _report("c", "Three dead in Uruapan shooting", fatalities=3)
    assert "different death tolls" in match(one, two, SETTINGS).reasons
    assert "close death tolls" in match(two, three, SETTINGS).reasons


def test_tolls_far_apart_count_against_more_than_tolls_a_little_apart() -> None:
    five = _report("a", "Five killed in Uruapan", fatalities=5)
    nine = _report("b", "Nine killed in Uruapan", fatalities=9)
    forty = _report("c", "Forty killed in Uruapan", fatalities=40)
    assert "far different death tolls" in match(five, forty, SETTINGS).reasons
    assert _score(five, forty) < _score(five, nine)


def test_a_two_word_headline_is_not_contained_in_every_report() -> None:
    short = _report("a", "[VIDEO] They kill", fatalities=1)
    long = _report("b", "They kill a street vendor with bullets in the San Rafael market", fatalities=1)
    idf = dict.fromkeys(short.words | long.words, 4.0)
    floored = _score(short, long, SETTINGS, idf)
    unfloored = _score(short, long, dataclasses.replace(SETTINGS, shared_words_floor=0.0), idf)
    # two of the short one's three words are in the long one: two thirds unfloored, 8/15 floored
    assert unfloored - floored == pytest.approx(SETTINGS.shared_words * (2 / 3 - 8 / SETTINGS.shared_words_floor))


# ---- grouping and blocking


def test_a_report_joins_an_incident_it_fits_on_the_whole() -> None:
    # c fits a well, and b (the same outlet's other report) less: it joins a and b when the mean of its
    # scores with both reaches join_threshold, though not the pair threshold
    a = _report("a", "Gunmen kill four at Uruapan car wash")
    b = _report("b", "Four killed at car wash in Uruapan")
    c = _report("c", "Car wash attack leaves four dead", fatalities=None, outlet=b.outlet)
    idf = inverse_document_frequency([a, b, c], SETTINGS.stem_length)  # as fuse weighs words
    ab, ac, bc = _score(a, b, SETTINGS, idf), _score(a, c, SETTINGS, idf), _score(b, c, SETTINGS, idf)
    assert ab > ac > bc
    pair_threshold = ac
    strict = dataclasses.replace(SETTINGS, threshold=pair_threshold, join_threshold=pair_threshold)
    lenient = dataclasses.replace(strict, join_threshold=(ac + bc) / 2 - 0.01)
    assert sorted(collections.Counter(fuse([a, b, c], strict).values()).values()) == [1, 2]
    assert len(set(fuse([a, b, c], lenient).values())) == 1
    assert SETTINGS.join_threshold < SETTINGS.threshold


def test_blocking_pairs_every_country_with_itself_and_with_reports_naming_none() -> None:
    mx = _report("mx", "Four killed")
    mx_late = _report("late", "Four killed", event_date=DAY + dt.timedelta(days=60))
    co = _report("co", "Four killed", country_code="CO", admin1="Antioquia", admin2=None)
    anywhere = _report("x", "Four killed", country_code=None, admin1=None, admin2=None, location=None)
    pairs = {frozenset((a.event_id, b.event_id)) for a, b in candidate_pairs([mx, mx_late, co, anywhere], SETTINGS)}
    assert pairs == {frozenset({"mx", "x"}), frozenset({"co", "x"})}


def test_blocking_by_unit_only_where_other_units_rule_a_pair_out() -> None:
    a = _report("a", "Four killed")
    b = _report("b", "Four killed", admin1="Jalisco", admin2=None)
    lenient = dataclasses.replace(SETTINGS, other_admin1=-1.5)
    assert list(candidate_pairs([a, b], SETTINGS)) == []
    assert len(list(candidate_pairs([a, b], lenient))) == 1


def test_blocking_by_time_follows_the_time_precisions() -> None:
    # to the day: two days apart at most; a week-precise report meets one four days away
    a = _report("a", "Four killed", time_precision=1)
    b = _report("b", "Four killed", time_precision=1, event_date=DAY + dt.timedelta(days=3))
    c = _report("c", "Four killed", time_precision=2, event_date=DAY + dt.timedelta(days=4))
    pairs = {frozenset((x.event_id, y.event_id)) for x, y in candidate_pairs([a, b, c], SETTINGS)}
    assert pairs == {frozenset({"a", "c"}), frozenset({"b", "c"})}


def test_blocking_finds_every_pair_that_can_score() -> None:
    # mentions of several countries, units, precisions and dates: blocking loses no possible pair
    rng = random.Random(5)
    mentions = [_report(f"m{i}", "Four killed", time_precision=rng.choice([1, 2, 3]),
                        event_date=DAY + dt.timedelta(days=rng.randrange(90)),
                        country_code=rng.choice(["MX", "MX", "CO", None]),
                        admin1=rng.choice(["Michoacán", "Jalisco", None]), admin2=None) for i in range(120)]
    blocked = {frozenset((a.event_id, b.event_id)) for a, b in candidate_pairs(mentions, SETTINGS)}
    possible = {frozenset((a.event_id, b.event_id)) for i, a in enumerate(mentions) for b in mentions[i + 1:]
                if match(a, b, SETTINGS).possible}
    assert possible <= blocked


def test_the_pairs_of_new_mentions_are_those_blocking_finds_with_one_of_them() -> None:
    # incremental fusion looks pairs up around the new mentions alone: the same pairs, each once
    rng = random.Random(8)
    mentions = [_report(f"m{i:03d}", "Four killed", time_precision=rng.choice([1, 2, 3]),
                        event_date=DAY + dt.timedelta(days=rng.randrange(90)),
                        country_code=rng.choice(["MX", "MX", "CO", None]),
                        admin1=rng.choice(["Michoacán", "Jalisco", None]), admin2=None) for i in range(150)]
    new = frozenset(f"m{i:03d}" for i in range(0, 150, 7))
    settings = dataclasses.replace(SETTINGS, follow_up_days=20)
    every = {frozenset((a.event_id, b.event_id)) for a, b in candidate_pairs(mentions, settings)}
    found = [frozenset((a.event_id, b.event_id)) for a, b in candidate_pairs(mentions, settings, new)]
    assert len(found) == len(set(found)) and set(found) == {p for p in every if p & new}
