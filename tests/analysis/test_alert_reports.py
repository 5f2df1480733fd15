"""The alert report's day arguments (talaia.analysis.alert_reports); the reports themselves: tests/analysis
and tests/serve through the API."""

from __future__ import annotations

import datetime as dt

import pytest

from talaia.analysis.alert_reports import since_day
from talaia.errors import TalaiaError


def test_a_day_is_read_from_a_date_or_an_iso_string() -> None:
    assert since_day(None) is None
    assert since_day(dt.date(2024, 3, 9)) == dt.date(2024, 3, 9)
    assert since_day("2024-03-09") == dt.date(2024, 3, 9)


def test_a_day_that_is_no_date_is_refused() -> None:
    with pytest.raises(TalaiaError):
        since_day("the ninth of March")
