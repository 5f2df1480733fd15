"""A parsed document's text and entities, built once per document.

spaCy's ``Doc.text`` joins every token's text on each call, and ``Doc.ents`` makes a new
Span for every entity on each call: read once per sentence or per phrase, either makes a
document's extraction grow with the square of its length. So does ``Span.ents``. Text and entities are
kept in the Doc's ``user_data`` the first time they are asked for (a parsed Doc is not changed
afterwards).
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Any

_TEXT = "talaia.text"
_ENTS = "talaia.ents"
_STARTS = "talaia.ent_starts"


def doc_text(doc: Any) -> str:
    """``doc.text``, joined once."""
    text: str | None = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


def doc_ents(doc: Any) -> tuple[Any, ...]:
    """``doc.ents``, made once."""
    ents: tuple[Any, ...] | None = doc.user_data.get(_ENTS)
    if ents is None:
        ents = doc.user_data[_ENTS] = tuple(doc.ents)
    return ents


def span_ents(span: Any) -> list[Any]:
    """``span.ents`` (the entities wholly inside a sentence or phrase), found without a pass over the document's."""
    doc = span.doc
    ents = doc_ents(doc)
    starts: list[int] | None = doc.user_data.get(_STARTS)
    if starts is None:
        starts = doc.user_data[_STARTS] = [e.start for e in ents]
    inside = []
    for ent in ents[bisect_left(starts, span.start):]:
        if ent.end > span.end:
            break
        inside.append(ent)
    return inside
