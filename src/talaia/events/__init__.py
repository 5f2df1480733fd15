"""Events: triggers, ACLED coding, actors, fatalities, dates, certainty and event locations."""

from talaia.events.dates import EventDate, find_date
from talaia.events.detect import DocumentContext, extract_events
from talaia.events.fatalities import FatalityCount, count_fatalities
from talaia.events.lexicon import EventLexicon
from talaia.events.taxonomy import Taxonomy

__all__ = [
    "DocumentContext",
    "EventDate",
    "EventLexicon",
    "FatalityCount",
    "Taxonomy",
    "count_fatalities",
    "extract_events",
    "find_date",
]
