"""Every CSV Talaia writes is safe to open in a spreadsheet: a cell that begins like a formula is text."""

from __future__ import annotations

import csv
import io
import re

import pytest

from talaia.export.formats import spreadsheet_safe, write_export
from talaia.models import Event, Evidence
from talaia.store.records import StoredEvent

HOSTILE = {"actor1": "=HYPERLINK(\"http://evil.example\",\"click\")", "actor2": "+1+cmd|' /C calc'!A0",
           "location": "-2+3", "notes": "@SUM(A1:A9)", "admin1": "\tMichoacán"}


def _event() -> StoredEvent:
    event = Event(event_id="f0f0f0f0", event_date="2019-10-14", time_precision=1, event_type="Battles",
                  sub_event_type="Armed clash", actor1=HOSTILE["actor1"], actor2=HOSTILE["actor2"], inter1=None,
                  inter2=None, assoc_actor_1=("=1+1",), assoc_actor_2=(), country="Mexico", country_code="MX",
                  admin1=HOSTILE["admin1"], admin2=None, location=HOSTILE["location"], latitude=18.2,
                  longitude=-102.7, geo_precision=1, fatalities=14, fatalities_high=None, certainty="stated",
                  notes=HOSTILE["notes"], evidence=(Evidence(0, 5),))
    return StoredEvent(event, ({"document_id": "-doc", "source": "=Wire", "published": "2019-10-15"},))


def test_exported_csv_cells_never_begin_a_formula() -> None:
    text = write_export([_event()], "acled-csv", None)
    assert text is not None
    [row] = list(csv.DictReader(io.StringIO(text)))
    for cell in row.values():
        if not re.fullmatch(r"-?\d+(\.\d+)?", cell):  # a negative number is a number, not a formula
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
    for column, value in HOSTILE.items():
        assert row[column] == "'" + value  # the words kept, as text
    assert row["longitude"] == "-102.7"  # a number stays a number
    assert row["assoc_actor_1"] == "'=1+1" and row["source"] == "'=Wire"


@pytest.mark.parametrize(("value", "expected"), [("=1", "'=1"), ("plain", "plain"), (-3, -3), ("", ""),
                                                 ("a=b", "a=b"), ("\r=1", "'\r=1")])
def test_spreadsheet_safe(value: object, expected: object) -> None:
    assert spreadsheet_safe(value) == expected


def test_the_alerts_csv_is_neutralised_too() -> None:
    from talaia.cli.alerts import _csv

    [row] = list(csv.DictReader(io.StringIO(_csv([{"area": "=cmd", "n": 3}], ["area", "n"]))))
    assert row == {"area": "'=cmd", "n": "3"}
