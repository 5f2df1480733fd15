"""A parsed document's text and entities, built once per document.

spaCy's ``Doc.text`` (and ``Span.text``) joins every token's text on each call, and ``Doc.ents`` makes a new
Span for every entity on each call: read once per sentence or per phrase, either makes a
document's extraction grow with the square of its length. So does ``Span.ents``. Text and entities are
kept in the Doc's ``user_data`` the first time they are asked for (a parsed Doc is not changed
afterwards).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Any

_TEXT = "talaia.text"
_ENTS = "talaia.ents"
_STARTS = "talaia.ent_starts"
_ENDS = "talaia.ent_ends"


def doc_text(doc: Any) -> str:
    """``doc.text``, joined once."""
    text: str | None = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


def span_text(span: Any) -> str:
    """``span.text`` (a sentence's, a phrase's), cut from the document's text joined once: a Span joins
    its tokens' text, making a Token for each, on every call."""
    return doc_text(span.doc)[span.start_char:span.end_char]


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
    inside = []
    for ent in ents[bisect_left(_bounds(doc, _STARTS, 0), span.start):]:
        if ent.end > span.end:
            break
        inside.append(ent)
    return inside


def ents_touching(doc: Any, start: int, end: int) -> tuple[Any, ...]:
    """The entities with a token between token ``start`` and token ``end`` (exclusive), in order: what a scan
    of ``doc.ents`` for those covering a word or inside a phrase needs to look at."""
    return doc_ents(doc)[bisect_right(_bounds(doc, _ENDS, 1), start):bisect_left(_bounds(doc, _STARTS, 0), end)]


def _bounds(doc: Any, key: str, which: int) -> list[int]:
    """The entities' first tokens (``which`` 0) or ends (1), in order (entities do not overlap)."""
    bounds: list[int] | None = doc.user_data.get(key)
    if bounds is None:
        bounds = doc.user_data[key] = [e.end if which else e.start for e in doc_ents(doc)]
    return bounds


def release(doc: Any) -> None:
    """Drop what was kept: the entities refer back to the Doc, a cycle that would keep every parsed
    document (and its arrays) in memory until Python's cycle collector happens to run."""
    for key in (_TEXT, _ENTS, _STARTS, _ENDS):
        doc.user_data.pop(key, None)
