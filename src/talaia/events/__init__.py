"""Events: triggers, ACLED coding, actors, fatalities, dates, certainty and event locations."""

from talaia.events.dates import EventDate, find_date
from talaia.events.detect import DocumentContext, extract_events
from talaia.events.fatalities import FatalityCount, count_fatalities
from talaia.events.taxonomy import EVENT_TYPES, SUB_EVENT_TYPES

__all__ = [
    "EVENT_TYPES",
    "SUB_EVENT_TYPES",
    "DocumentContext",
    "EventDate",
    "FatalityCount",
    "count_fatalities",
    "extract_events",
    "find_date",
]
