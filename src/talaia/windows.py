"""Long documents read in bounded windows, so time and memory grow linearly with the text.

spaCy's parse, and the stages after it (which compare sentences, places and names within a
document), cost more than linearly on one very long text: a 500 KB document took 8× the
CPU of the same words as 50 documents. A document longer than ``WINDOW_CHARS`` is cut into
windows of whole paragraphs; consecutive windows share about ``OVERLAP_CHARS`` of text, so
a sentence that links to the one before it (a count, a date, a pronoun's referent) is read
with its neighbour in at least one window. Each window is extracted as a document of its
own; the results are put back together with offsets in the whole document:

* every event, quote and place belongs to the window whose share of the text holds its
  first character (the shares meet in the middle of each overlap), so one found by both
  windows of an overlap is kept once;
* one the next window found slightly differently (its span overlapping one kept from the
  window before) is dropped too.

An article shorter than ``WINDOW_CHARS`` is one window: read exactly as before.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from talaia.about import EXTRACTOR_VERSION
from talaia.models import Document, Event, Evidence, ExtractionResult, Participant, Place, Quote

# the longest text extracted by default: a few minutes on one core (reading is linear in the text)
DEFAULT_MAX_CHARS = 5_000_000
WINDOW_CHARS = 50_000  # a long feature article is read whole; each window parses in well under a second
OVERLAP_CHARS = 2_000  # a few paragraphs: enough for a sentence to find what the one before it said
_PARAGRAPH = re.compile(r"\n\s*\n")
_LINE = re.compile(r"\n")
_SENTENCE = re.compile(r"[.!?][\"'”’)]?\s+")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Window:
    """A stretch of a document's text: read from ``start`` to ``end``; the events, quotes and places
    whose first character lies between ``keep_start`` and ``keep_end`` are this window's to report."""

    start: int
    end: int
    keep_start: int
    keep_end: int

    def document(self, doc: Document) -> Document:
        """The window as a document of its own (same id, title, date and source; its slice of the text)."""
        return doc if self.start == 0 and self.end == len(doc.text) else \
            dataclasses.replace(doc, text=doc.text[self.start:self.end])


def split_windows(text: str, size: int = WINDOW_CHARS, overlap: int = OVERLAP_CHARS) -> list[Window]:
    """Windows of at most ``size`` characters covering ``text``, cut at paragraph breaks (else line, sentence
    or word breaks), each starting about ``overlap`` characters before the one before it ends."""
    if len(text) <= size:
        return [Window(0, len(text), 0, len(text))]
    check_window(size, overlap)
    spans: list[tuple[int, int]] = []
    start = 0
    while True:
        if len(text) - start <= size:
            spans.append((start, len(text)))
            break
        # end at a break in the second half of the window, so every window moves on by at least half a window
        end = _last_break(text, start + size // 2, start + size)
        spans.append((start, end))
        start = _first_break(text, end - overlap, end)
    cuts = [(spans[i][1] + spans[i + 1][0]) // 2 for i in range(len(spans) - 1)]
    keep = [0, *cuts, len(text)]
    return [Window(s, e, keep[i], keep[i + 1]) for i, (s, e) in enumerate(spans)]


def check_window(size: int, overlap: int) -> None:
    """ValueError unless each window moves on: the overlap under half the window."""
    if size <= 0 or overlap < 0 or overlap >= size // 2:
        raise ValueError(f"window of {size} characters overlapping by {overlap}: the overlap must be under half "
                         "the window")


def _last_break(text: str, lo: int, hi: int) -> int:
    """The end of the last paragraph (else line, sentence, word) ending between ``lo`` and ``hi``."""
    for pattern in (_PARAGRAPH, _LINE, _SENTENCE, _SPACE):
        last = None
        for m in pattern.finditer(text, lo, hi):
            last = m
        if last is not None:
            return last.end()
    return hi


def _first_break(text: str, lo: int, hi: int) -> int:
    """The start of the first paragraph (else line, sentence, word) beginning between ``lo`` and ``hi``."""
    for pattern in (_PARAGRAPH, _LINE, _SENTENCE, _SPACE):
        m = pattern.search(text, lo, hi)
        if m is not None and m.end() < hi:
            return m.end()
    return lo


def event_id(doc_id: str, start: int, nth: int = 0) -> str:
    """An event's id: stable for a document, the extractor's release and the event's first character
    (``nth``: the how-manieth event told from that character, as when one sentence lists several towns)."""
    key = f"{doc_id}|{EXTRACTOR_VERSION}|{start}" + (f"|{nth}" if nth else "")
    return hashlib.sha1(key.encode()).hexdigest()[:16]


def distinct_ids(doc_id: str, events: Sequence[Event]) -> list[Event]:
    """The events with ids from their first evidence character, numbered in order where several share it."""
    seen: dict[int, int] = {}
    out = []
    for event in events:
        start = event.evidence[0].start if event.evidence else 0
        nth = seen.get(start, 0)
        seen[start] = nth + 1
        wanted = event_id(doc_id, start, nth)
        out.append(event if event.event_id == wanted or not event.evidence else
                   dataclasses.replace(event, event_id=wanted))
    return out


def merge_windows(doc: Document, windows: Sequence[Window], results: Sequence[ExtractionResult]
                  ) -> ExtractionResult:
    """One document's result from its windows' results, offsets in the whole text (see the module)."""
    if len(results) == 1:
        return results[0]
    failed = next((r for r in results if r.error is not None), None)
    if failed is not None:
        return failed
    events: list[Event] = []
    quotes: list[Quote] = []
    places: list[Place] = []
    window_ids: list[tuple[int, str]] = []  # (window, the id a kept event had there), in the order of ``events``
    for w, (window, result) in enumerate(zip(windows, results, strict=True)):
        shift = window.start
        kept = len(events)
        _keep(events, [_shift_event(e, shift) for e in result.events], window, _event_span)
        window_ids += [(w, e.event_id) for e in events[kept:]]  # shifting keeps the window's id
        _keep(quotes, [dataclasses.replace(q, start=q.start + shift, end=q.end + shift,
                                           speaker_start=_plus(q.speaker_start, shift),
                                           speaker_end=_plus(q.speaker_end, shift),
                                           event_id=None if q.event_id is None else f"{w}\x00{q.event_id}")
                       for q in result.quotes],
              window, lambda q: (q.start, q.end))
        _keep(places, [dataclasses.replace(p, start=p.start + shift, end=p.end + shift) for p in result.places],
              window, lambda p: (p.start, p.end))
    first = results[0]
    final = distinct_ids(doc.id, events)
    # a quote's event, named by its window's id, is renamed as the whole document names it (None if that
    # event was left to an earlier window's copy)
    renamed = {f"{w}\x00{old}": e.event_id for (w, old), e in zip(window_ids, final, strict=True)}
    quotes = [q if q.event_id is None else dataclasses.replace(q, event_id=renamed.get(q.event_id)) for q in quotes]
    return dataclasses.replace(first, events=tuple(final), quotes=tuple(quotes), places=tuple(places))


T = TypeVar("T")


def _keep(kept: list[T], found: list[T], window: Window, span: Callable[[T], tuple[int, int]]) -> None:
    """Add to ``kept`` what ``window`` reports of ``found``: its share, less what overlaps earlier windows'."""
    earlier = [span(k) for k in kept if span(k)[1] > window.start]
    for item in found:
        start, end = span(item)
        if not window.keep_start <= start < window.keep_end:
            continue
        if any(start < e and s < end for s, e in earlier):
            continue
        kept.append(item)


def _plus(value: int | None, shift: int) -> int | None:
    return None if value is None else value + shift


def _event_span(event: Event) -> tuple[int, int]:
    if not event.evidence:
        return (0, 0)
    return (event.evidence[0].start, max(e.end for e in event.evidence))


def _shift_event(event: Event, shift: int) -> Event:
    """The event with its offsets in the whole text; its id is given again by ``distinct_ids``."""
    if shift == 0:
        return event

    def mentions(found: tuple[Participant, ...]) -> tuple[Participant, ...]:
        return tuple(dataclasses.replace(m, start=m.start + shift, end=m.end + shift) for m in found)

    evidence = tuple(Evidence(e.start + shift, e.end + shift) for e in event.evidence)
    return dataclasses.replace(event, evidence=evidence, actor1_mentions=mentions(event.actor1_mentions),
                               actor2_mentions=mentions(event.actor2_mentions))
