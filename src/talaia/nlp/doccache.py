"""A parsed document's text and entities, built once per document.

spaCy's ``Doc.text`` joins every token's text on each call, and ``Doc.ents`` makes a new
Span for every entity on each call: read once per sentence or per phrase, either makes a
document's extraction grow with the square of its length. Both are kept in the Doc's
``user_data`` the first time they are asked for (a parsed Doc is not changed afterwards).
"""

from __future__ import annotations

from typing import Any

_TEXT = "talaia.text"
_ENTS = "talaia.ents"


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
