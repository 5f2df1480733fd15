"""EventFilter checks and normalises its values when it is built (the CLI and the API share it)."""

import pytest

from talaia.errors import QueryError
from talaia.store.filters import EventFilter, acled_types


def test_filter_names_are_acled_spellings_in_any_case() -> None:
    f = EventFilter(sub_event_type="armed CLASH", event_type="battles")
    assert (f.sub_event_type, f.event_type) == ("Armed clash", "Battles")
    for name in acled_types()[1]:
        assert EventFilter(sub_event_type=name.upper()).sub_event_type == name
    for name in acled_types()[0]:
        assert EventFilter(event_type=name.lower()).event_type == name


@pytest.mark.parametrize(("kwargs", "field", "hint"), [
    ({"sub_event_type": "armed clahs"}, "sub_event_type", "'Armed clash'"),
    ({"sub_event_type": "Battles"}, "sub_event_type", "event type"),
    ({"event_type": "Protest"}, "event_type", "'Protests'"),
    ({"event_type": "Attack"}, "event_type", "sub-event type"),
    ({"sub_event_type": "Attack", "event_type": "Battles"}, "sub_event_type", "Violence against civilians"),
    ({"country": "Mexcio"}, "country", "'Mexico'"),
    ({"country": "ZZZ"}, "country", "alpha-3"),
    ({"date_from": "17/10/2019"}, "date_from", "YYYY-MM-DD"),
    ({"date_to": "2019-02-30"}, "date_to", "YYYY-MM-DD"),
    ({"date_from": "2019-10"}, "date_from", "YYYY-MM-DD"),
    ({"date_from": "2020-01-02", "date_to": "2020-01-01"}, "date_from", "after"),
    ({"limit": 0}, "limit", "at least 1"),
])
def test_filter_rejects_bad_values_with_the_field_and_a_hint(kwargs: dict[str, object], field: str,
                                                              hint: str) -> None:
    with pytest.raises(QueryError) as info:
        EventFilter(**kwargs)  # type: ignore[arg-type]
    assert info.value.field == field and hint in info.value.message
    assert isinstance(info.value, ValueError)


@pytest.mark.parametrize("given", ["Mexico", "méxico", "MX", "mx", "MEX", "United Mexican States"])
def test_filter_country_is_normalised_to_alpha2(given: str) -> None:
    assert EventFilter(country=given).country == "MX"


def test_filter_blank_values_mean_no_filter() -> None:
    assert EventFilter(country=" ", sub_event_type="") == EventFilter()
