"""What a sentence's violence words report: one incident that happened, or something else.

Only incidents become events. The rest, after ACLED's rule that an event is a single
occurrence at a place and a time:

* ``aggregate`` — a toll over a period or an area, a tally, a rate, a record ("so far this
  year", "en lo que va del año") with a count: the whole sentence, unless it dates a single day;
* ``habitual`` — what keeps happening ("are frequent", "suelen"): the whole sentence;
* ``hypothetical`` — a fear, a risk, a forecast, a purpose ("for fear of", "could rise"): the
  violence words after it in the same clause;
* ``background`` — a cause or a climate ("stem from", "en un clima de"): the same;
* ``history`` — dated well before publication, outside the article's lead: an earlier
  incident the report recalls, not the one it reports.

The phrases are data (``lang/<code>/mention_cues.tsv``); the scopes and the history window
are here.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

from talaia.events.dates import EventDate
from talaia.events.tables import NOTHING, alternation
from talaia.knowledge import Knowledge

INCIDENT = "incident"
AGGREGATE, HABITUAL = "aggregate", "habitual"
SENTENCE_WIDE = (AGGREGATE, HABITUAL)  # the cue makes the whole sentence what it says
CLAUSE_WIDE = ("hypothetical", "background")  # only the words after the cue, up to the clause's end
HISTORY = "history"
# an incident dated more than this before publication is history, unless the lead tells it
HISTORY_DAYS = 60
CLAUSE_END = re.compile(r"[,;:.()\"“”]")


@dataclass(frozen=True, slots=True)
class StatusCues:
    patterns: Mapping[str, re.Pattern[str]]  # status -> one pattern for all its phrases
    count: re.Pattern[str]  # a number, in digits or words: what a toll or a tally needs

    @classmethod
    def from_knowledge(cls, knowledge: Knowledge) -> StatusCues:
        table = knowledge.union("mention_cues")
        patterns = {}
        for status in (*SENTENCE_WIDE, *CLAUSE_WIDE):
            phrases = table.where(status=status).column("pattern")
            body = alternation(phrases)
            patterns[status] = re.compile(r"\b(?:" + body + r")\b" if body else NOTHING, re.IGNORECASE)
        numbers = knowledge.union("numbers")  # not articles nor connectors: 'a', 'and' are no count
        words = sorted(set().union(*(numbers.words("word", kind=k) for k in ("unit", "scale", "vague"))),
                       key=len, reverse=True)
        count = re.compile(r"\d|\b(?:" + alternation(words, escape=True) + r")\b" if words else r"\d", re.IGNORECASE)
        return cls(MappingProxyType(patterns), count)


def mention_status(sentence: str, offset: int, triggers: Sequence[tuple[int, int]], date: EventDate | None,
                   published: dt.date | None, in_lead: bool, cues: StatusCues) -> str:
    """The status of one sentence's violence words (``triggers``: their document offsets).

    ``date`` is the sentence's own date, ``in_lead`` whether the sentence tells the article's subject (it
    opens the article, or shares the headline's words): an incident of the past it tells is no history."""
    single_day = date is not None and date.precision == 1
    if not single_day:
        if cues.patterns[AGGREGATE].search(sentence) and cues.count.search(sentence):
            return AGGREGATE  # a period or an area, and a count: a toll, not an incident
        if cues.patterns[HABITUAL].search(sentence):
            return HABITUAL
    if triggers:
        for status in CLAUSE_WIDE:
            spans = [(offset + m.start(), offset + m.end()) for m in cues.patterns[status].finditer(sentence)]
            if spans and all(_covered(t, spans, sentence, offset) for t in triggers):
                return status
    if date is not None and date.date is not None and published is not None and not in_lead and \
            _long_before(date, published):
        return HISTORY
    return INCIDENT


def _long_before(date: EventDate, published: dt.date) -> bool:
    assert date.date is not None
    if date.precision == 3:
        # a month or a year: only an earlier year's is surely history ('in 2019' reads as its 1 January)
        return date.date.year < published.year and (published - date.date).days > HISTORY_DAYS + 31
    return (published - date.date).days > HISTORY_DAYS + (7 if date.precision == 2 else 0)


def _covered(trigger: tuple[int, int], cues: list[tuple[int, int]], sentence: str, offset: int) -> bool:
    """The trigger is inside a cue or after one in the same clause."""
    start = trigger[0]
    for c_start, c_end in cues:
        if c_start <= start < c_end:
            return True
        if start >= c_end and not CLAUSE_END.search(sentence, c_end - offset, start - offset):
            return True
    return False
