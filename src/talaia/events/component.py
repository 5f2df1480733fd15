"""The events stage's pipeline component."""

from __future__ import annotations

from talaia.events.detect import DocumentContext, extract_events
from talaia.pipeline import Analysis, DocumentComponent


class EventsComponent(DocumentComponent):
    name = "events.acled.v1"

    def __call__(self, analysis: Analysis) -> None:
        ctx = DocumentContext(analysis.document, analysis.places, analysis.quotes, analysis.aliases,
                              analysis.source_place)
        analysis.events = extract_events(analysis.sdoc, ctx)
