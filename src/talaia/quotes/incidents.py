"""Which incident a quote speaks about: the event whose evidence is nearest to it in its paragraph.

A report puts what was said next to what happened: '... gunmen killed 14 police officers in
Aguililla. "We will not leave," the mayor said.' A quote is linked to the event with evidence
in the same paragraph, the nearest first (an evidence span that contains the quote or is
contained in it is nearest); a quote in a paragraph with no event's evidence, or farther than
``MAX_GAP`` characters from any, speaks about no incident the report codes.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from talaia.models import Event, Quote

MAX_GAP = 600  # characters between a quote and an evidence span in one (long) paragraph
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\n")


def paragraph_bounds(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph of ``text``: a break is one or more line ends."""
    bounds, start = [], 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        bounds.append((start, match.start()))
        start = match.end()
    bounds.append((start, len(text)))
    return bounds


def link_quotes(text: str, events: Sequence[Event], quotes: Sequence[Quote]) -> list[Quote]:
    """``quotes`` with ``event_id`` set to the event each speaks about, or None (see the module)."""
    paragraphs = paragraph_bounds(text)

    def paragraph_of(offset: int) -> int:
        return next((i for i, (_, end) in enumerate(paragraphs) if offset <= end), len(paragraphs) - 1)

    spans = [(paragraph_of(ev.start), ev.start, ev.end, event.event_id)
             for event in events for ev in event.evidence if ev.end > ev.start]
    linked = []
    for quote in quotes:
        where = paragraph_of(quote.start)
        best: tuple[int, str] | None = None
        for paragraph, start, end, event_id in spans:
            if paragraph != where:
                continue
            gap = max(0, start - quote.end, quote.start - end)
            if gap <= MAX_GAP and (best is None or gap < best[0]):
                best = (gap, event_id)
        about = best[1] if best is not None else None
        linked.append(quote if quote.event_id == about else dataclasses.replace(quote, event_id=about))
    return linked
