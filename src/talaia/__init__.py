"""Talaia: news reports on political violence and organised crime -> ACLED-coded, evidence-linked events.

The Python API::

    import talaia
    result = talaia.extract_text(text, published="2019-10-18")
    talaia.ingest_paths(["articles/"], db="events.db")
    events = talaia.list_events(db="events.db", where=talaia.EventFilter(admin1="Michoacán"))
    talaia.reprocess(db="events.db")  # re-extract what an older extractor version stored
"""

from talaia import api as _api
from talaia.about import EXTRACTOR_VERSION, __version__
from talaia.api import *  # noqa: F403  (the API functions, named once in talaia.api.__all__)
from talaia.errors import TalaiaError
from talaia.models import Actor, Document, Event, Evidence, ExtractionResult, Place, Quote
from talaia.pipeline import Pipeline, PipelineConfig
from talaia.store import EventFilter, StoredEvent

# the API's functions (talaia.api.__all__), then the records and classes they take and give
__all__ = [
    *_api.__all__,
    "EXTRACTOR_VERSION",
    "Actor",
    "Document",
    "Event",
    "EventFilter",
    "Evidence",
    "ExtractionResult",
    "Pipeline",
    "PipelineConfig",
    "Place",
    "Quote",
    "StoredEvent",
    "TalaiaError",
    "__version__",
]
