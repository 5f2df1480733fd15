"""Comparison keys for names and words, shared by every stage: one way to ignore accents and case."""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """'Michoacán' -> 'michoacan': accents removed (NFKD, combining marks dropped), case folded."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
