"""Comparison keys for names and words, shared by every stage: one way to ignore accents and case."""

from __future__ import annotations

import re
import unicodedata

_WORD = re.compile(r"[^\W\d_]{3,}")


def fold(text: str) -> str:
    """'Michoacán' -> 'michoacan': accents removed (NFKD, combining marks dropped), case folded."""
    if text.isascii():  # nothing to decompose, and ASCII case folds as it lowers: the common case, cheaply
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def content_words(text: str, shortest: int = 3) -> frozenset[str]:
    """Words of ``shortest`` letters or more, folded: what two reports of one incident can share."""
    return frozenset(w for w in _WORD.findall(fold(text)) if len(w) >= shortest)
