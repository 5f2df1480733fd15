"""Finding quotation-mark spans in raw text: " “ ” « » „ ‘ ’, across paragraphs too."""

from __future__ import annotations

import re
from dataclasses import dataclass

OPENERS = {"“": "”\"", "«": "»", "„": "“”\"", '"': "\"”", "‘": "’", "‹": "›"}
MAX_QUOTE_CHARS = 4000
_PARA = re.compile(r"\n\s*\n|\n")


@dataclass(frozen=True, slots=True)
class MarkedSpan:
    start: int  # first character inside the marks
    end: int  # the closing mark's index
    open_at: int


def find_marked_spans(text: str) -> list[MarkedSpan]:
    # typewriter quotes ``...'' and ''...'' become one-character marks of the same length
    text = text.replace("``", " \"")
    text = re.sub(r"''(?=\w)", ' "', text)
    text = text.replace("''", '" ')
    spans: list[MarkedSpan] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch not in OPENERS or not _can_open(text, i):
            i += 1
            continue
        close = _find_close(text, i, OPENERS[ch])
        if close is None:
            i += 1
            continue
        spans.append(MarkedSpan(i + 1, close, i))
        i = close + 1
    return spans


def _can_open(text: str, i: int) -> bool:
    ch = text[i]
    nxt = text[i + 1] if i + 1 < len(text) else " "
    prev = text[i - 1] if i > 0 else " "
    if nxt.isspace():
        return False
    if ch in "‘'":  # apostrophes look the same: only after a space or bracket
        return prev.isspace() or prev in "([—–-"
    if ch == '"':
        return not prev.isalnum() and prev != "="  # '<tweet tweet-date="...">': markup, not a quote
    return True


def _find_close(text: str, i: int, closers: str) -> int | None:
    j = i + 1
    limit = min(len(text), i + MAX_QUOTE_CHARS)
    while j < limit:
        ch = text[j]
        if ch in closers and (ch not in "’'" or not text[j + 1:j + 2].isalpha()):
            if ch == '"' and text[j - 1].isspace() and text[j + 1:j + 2].isalnum():
                return None  # an unbalanced straight quote: this one opens the next quote
            return j
        if ch == "\n":
            # a quote may run over paragraphs only when the next one reopens it
            k = j
            while k < limit and text[k].isspace():
                k += 1
            if k < limit and text[k] in OPENERS and text[k] not in "’":
                j = k + 1
                continue
            return None
        j += 1
    return None
