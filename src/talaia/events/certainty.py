"""Certainty of an event report: stated, reported (attributed) or alleged, with the cue."""

from __future__ import annotations

import re

ALLEGED = re.compile(
    r"\b(?:suspected|alleged(?:ly)?|reportedly|apparently|purportedly|presumed|presumably|supposedly|"
    r"appears? to|appeared to|believed to|thought to|said to be|likely|possibly|unconfirmed|rumou?red|"
    r"presunt[oa]s?|presuntamente|supuest[oa]s?|supuestamente|aparentemente|al parecer|probablemente)\b",
    re.IGNORECASE,
)
REPORTED = re.compile(
    r"\b(?:according to|said|says|told|reported|reports|claimed|claims|stated|announced|confirmed|"
    r"informed|sources?|officials? said|según|dijo|informó|reportó|señaló|indicó|afirmó|confirmó)\b",
    re.IGNORECASE,
)


def certainty_of(sentence: str, offset: int, attributed: bool) -> tuple[str, tuple[int, int] | None]:
    """('alleged'|'reported'|'stated', cue span in document offsets or None)."""
    m = ALLEGED.search(sentence)
    if m:
        return "alleged", (offset + m.start(), offset + m.end())
    m = REPORTED.search(sentence)
    if m:
        return "reported", (offset + m.start(), offset + m.end())
    if attributed:
        return "reported", None
    return "stated", None
