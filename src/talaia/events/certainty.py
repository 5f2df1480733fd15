"""Certainty of an event report: stated, reported (attributed) or alleged, with the cue.

The cues are data: ``lang/<code>/certainty_cues.tsv``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from talaia.events.tables import any_word, ordered
from talaia.knowledge import Knowledge


@dataclass(frozen=True, slots=True)
class CertaintyCues:
    alleged: re.Pattern[str]  # 'suspected', 'reportedly', 'presuntamente'
    reported: re.Pattern[str]  # 'said', 'according to', 'según'

    @classmethod
    def from_knowledge(cls, knowledge: Knowledge) -> CertaintyCues:
        cues = knowledge.union("certainty_cues")
        return cls(alleged=any_word(ordered(cues, "pattern", certainty="alleged")),
                   reported=any_word(ordered(cues, "pattern", certainty="reported")))


def certainty_of(sentence: str, offset: int, attributed: bool, cues: CertaintyCues
                 ) -> tuple[str, tuple[int, int] | None]:
    """('alleged'|'reported'|'stated', cue span in document offsets or None)."""
    m = cues.alleged.search(sentence)
    if m:
        return "alleged", (offset + m.start(), offset + m.end())
    m = cues.reported.search(sentence)
    if m:
        return "reported", (offset + m.start(), offset + m.end())
    if attributed:
        return "reported", None
    return "stated", None
