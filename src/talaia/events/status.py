"""What a sentence's violence words report: one incident that happened, or something else.

Only incidents become events. The rest, after ACLED's rule that an event is a single
occurrence at a place and a time:

* ``aggregate`` — a toll over a period or an area, a tally, a rate, a record ("so far this
  year", "en lo que va del año") with a count of its own: the whole sentence, unless it dates a
  single day;
* ``habitual`` — what keeps happening ("are frequent", "suelen"): the whole sentence;
* ``hypothetical`` — a fear, a risk, a forecast, a purpose ("for fear of", "to prevent"): the
  violence words the cue governs in the parse, not a clause joined beside it;
* ``background`` — a cause or a climate ("stem from", "en un clima de"): the same;
* ``penalty`` — a court's sentence ("jailed for eight years", "condenado a 20 años de prisión"): the
  detention words it governs are a punishment handed down, not an arrest;
* ``name`` — the name of a law, a treaty or a day ("the Chemical Weapons Act", "la Ley contra el
  Secuestro"): the violence words inside it name it, nothing happened;
* ``possession`` — weapons owned, bought, sought or sold ("tried to buy ricin", "possess a chemical
  weapon", "guns for sale"): the weapon words it governs were not used;
* ``generic`` — violence named only by bare plural nouns, with no day, count or place of its own
  ('accused of extrajudicial killings'): a kind of violence spoken of (:func:`is_generic`);
* ``history`` — dated well before publication, outside the article's lead and not named by its
  headline: an earlier incident the report recalls, not the one it reports.

The sentence's date is not always the incident's (:func:`incident_date`): a year that modifies the
violence noun ("the 2012 murder", "la masacre de 2014") dates the incident itself, and violence
named as the matter of a proceeding ("charged in the kidnapping of", "the murder trial", "the
anniversary of the killing") happened before the day the sentence gives, which is the
proceeding's, unless the day lies inside the violence words' own phrase ("convicted of killing
him on 3 May").

A cue inside a clause that describes a noun and holds none of the violence words ("Celaya, a
city often hit by violence") speaks of that noun and is not read.

The phrases are data (``lang/<code>/mention_cues.tsv``); the scopes and the history window
are here.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from talaia.events.clauses import NOUN_CLAUSES, side_clauses
from talaia.events.dates import EventDate
from talaia.events.tables import alternation, any_word, ordered
from talaia.knowledge import Knowledge
from talaia.nlp.doccache import span_text

INCIDENT = "incident"
AGGREGATE, HABITUAL = "aggregate", "habitual"
SENTENCE_WIDE = (AGGREGATE, HABITUAL)  # the cue makes the sentence's main clause what it says
CLAUSE_WIDE = ("hypothetical", "background", "penalty", "name", "possession")  # only the words the cue governs
PHRASE_WIDE = frozenset({"penalty", "name", "possession"})  # only the words inside the cue's own phrase
PROCEEDING = "proceeding"  # a trial, a charge, an inquiry, an anniversary: violence told as its matter
CUTOFF = "cutoff"  # 'as of', 'con cifras al': the date after it closes a count
YEAR = re.compile(r"(?:1[89]|20)\d\d")
HISTORY = "history"
# an incident dated more than this before publication is history, unless the lead tells it
HISTORY_DAYS = 60
DIGIT = re.compile(r"\d")


@dataclass(frozen=True, slots=True)
class StatusCues:
    patterns: Mapping[str, re.Pattern[str]]  # status -> one pattern for all its phrases
    counts: Mapping[str, re.Pattern[str]]  # language -> a number in digits or its words: what a tally needs

    @classmethod
    def from_knowledge(cls, knowledge: Knowledge) -> StatusCues:
        table = knowledge.union("mention_cues")
        patterns = {status: any_word(ordered(table, "pattern", status=status))
                    for status in (*SENTENCE_WIDE, *CLAUSE_WIDE, PROCEEDING, CUTOFF)}
        counts = {}
        for lang in knowledge.languages:  # a document's own number words: 'once' is no count in English
            numbers = knowledge.table("numbers", lang)  # not articles nor connectors: 'a', 'and' are no count
            words = sorted(set().union(*(numbers.words("word", kind=k) for k in ("unit", "scale", "vague"))),
                           key=len, reverse=True)
            counts[lang] = re.compile(r"\d|\b(?:" + alternation(words, escape=True) + r")\b" if words else r"\d",
                                      re.IGNORECASE)
        return cls(MappingProxyType(patterns), MappingProxyType(counts))

    def count(self, lang: str) -> re.Pattern[str]:
        return self.counts.get(lang) or self.counts.get("en") or DIGIT


def mention_status(sent: Any, triggers: Sequence[Any], date: EventDate | None, published: dt.date | None,
                   subject: bool, cues: StatusCues) -> str:
    """The status of one sentence's violence words (``triggers``: their trigger tokens, ``.token``).

    ``date`` is the sentence's own date, ``subject`` whether the sentence tells the article's subject (it
    opens the article, or names what the headline names): an incident of the past it tells is no history.
    A cue inside a side clause that holds none of the triggers (a relative clause on a place) speaks of
    that clause, not of the incident."""
    text, offset = span_text(sent), sent.start_char
    side = [r for r in side_clauses(sent, NOUN_CLAUSES) if not any(r[0] <= t.start < r[1] for t in triggers)]

    def found(status: str) -> list[Any]:
        # a cue inside a clause on a noun speaks of that noun; a cue that is the whole clause
        # ('en lo que va del año', parsed as a clause of its own) is the phrase itself
        return [m for m in cues.patterns[status].finditer(text)
                if not any(a <= offset + m.start() < b and not (offset + m.start() <= a and offset + m.end() >= b - 2)
                           for a, b in side)]

    single_day = date is not None and date.precision == 1 and not bounds_a_period(date, text, offset, cues)
    if not single_day:
        count = cues.count(sent.doc.lang_)
        for m in found(AGGREGATE):  # a period or an area, and a count of its own: a toll, not an incident
            rest = text[:m.start()] + " " + text[m.end():]
            if count.search(rest):
                return AGGREGATE
        if found(HABITUAL):
            return HABITUAL
    if triggers:
        for status in CLAUSE_WIDE:
            governed = found(status)
            # 'jailed two men for life over the killing': the penalty is no arrest, the killing it judges stays
            inside = _inside if status in PHRASE_WIDE else _governed
            if governed and all(any(inside(t.token, m, sent) for m in governed) for t in triggers):
                return status
    if date is not None and date.date is not None and published is not None and not subject and \
            _long_before(date, published):
        return HISTORY
    return INCIDENT


GENERIC = "generic"
SPECIFIERS = frozenset({"det", "nummod", "num", "poss", "predet", "quantmod"})
SUBJECTS = frozenset({"nsubj", "nsubjpass", "nsubj:pass", "csubj"})


def is_generic(sent: Any, triggers: Sequence[Any], date: EventDate | None, placed: bool, cues: StatusCues) -> bool:
    """Violence named only by bare plural nouns ('implicated in extrajudicial killings and disappearances',
    'denunció torturas y muertes bajo custodia', 'attacks on civilian infrastructure') in a sentence with no day,
    no count and no place of its own: a kind of violence spoken of, not incidents told. 'Clashes in Kherson on
    Tuesday', 'ataques con drones dejaron dos heridos' have an anchor and stay incidents."""
    if not triggers or date is not None or placed:
        return False
    for t in triggers:
        tok = t.token
        # the subject of a verb tells something done ('rubber bullets were used', 'clashes erupted')
        if tok.pos_ != "NOUN" or "Plur" not in tok.morph.get("Number") or tok.dep_ in SUBJECTS or \
                any(c.dep_ in SPECIFIERS for c in tok.children):
            return False
    return not cues.count(sent.doc.lang_).search(span_text(sent))


def incident_words(sent: Any, triggers: Sequence[Any], cues: StatusCues) -> list[Any]:
    """The triggers less those inside a penalty, a name or a weapons trade ('jailed two men for life over the
    2019 killing': the killing); all of them when every one is inside (the sentence has that status)."""
    text, offset = span_text(sent), sent.start_char
    spans = [(offset + m.start(), offset + m.end())
             for status in sorted(PHRASE_WIDE) for m in cues.patterns[status].finditer(text)]
    kept = [t for t in triggers if not any(a <= t.token.idx < b for a, b in spans)]
    return kept or list(triggers)


def incident_date(sent: Any, triggers: Sequence[Any], date: EventDate | None, published: dt.date | None,
                  cues: StatusCues) -> EventDate | None:
    """The date of the incident the violence words (``triggers``) tell, from their sentence's ``date``: a
    year modifying a violence noun dates it ('the 2012 murder case', 'the 2008 hostage-taking'); when
    every violence word is the matter of a proceeding ('convicted of the murder', 'the killing's
    anniversary'), the sentence's date is the proceeding's unless it lies in a violence word's phrase."""
    if triggers and all(t.token.pos_ in {"NOUN", "PROPN"} for t in triggers):
        # only nouns: a verb's incident has its own time ('arrested on Monday over the 2019 protests')
        year = next((y for t in triggers if (y := _year_modifier(t.token, published)) is not None), None)
        if year is not None:
            return year
    if date is None or not triggers:
        return date
    matters = [(sent.start_char + m.start(), sent.start_char + m.end())
               for m in cues.patterns[PROCEEDING].finditer(span_text(sent))]
    if not matters or not all(_matter_of(t.token, matters) for t in triggers):
        return date
    if date.start is not None and any(t.token.left_edge.idx <= date.start < t.token.right_edge.idx +
                                      len(t.token.right_edge) for t in triggers):
        return date  # 'convicted of killing him on 3 May': the day is the killing's
    return None


def _matter_of(tok: Any, cues: list[tuple[int, int]]) -> bool:
    """The violence noun is what a proceeding word is about: its compound ('the murder trial'), its
    object or the object of its preposition ('convicted of the killing', 'condenado por el asesinato'),
    not a word further down ('charges against a journalist jailed for a tweet')."""
    if tok.dep_ in {"pobj", "pcomp"} and tok.head.dep_ == "prep":
        tok = tok.head  # the preposition stands for the phrase
    elif tok.dep_ not in {"compound", "nmod", "obl", "dobj", "obj", "amod"}:
        return False
    heads = [tok.head]
    if tok.dep_ == "prep" and tok.head.dep_ in {"dobj", "obj"}:
        heads.append(tok.head.head)  # 'convicted [two men] of the killing', however the parser hangs 'of'
    return any(a <= h.idx < b for h in heads for a, b in cues)


def _year_modifier(tok: Any, published: dt.date | None) -> EventDate | None:
    """'the 2012 murder', 'the 2012 murder case', 'la masacre de 2014': a year that depends on the violence
    noun (or on the noun it qualifies), before the publication's year."""
    if tok.pos_ not in {"NOUN", "PROPN"}:
        return None
    heads = [tok, tok.head] if tok.dep_ == "compound" else [tok]
    for head in heads:
        for child in head.children:
            # a year hung on the noun itself; 'in 2015' and 'since 2015' are the sentence's dates to read
            if child.dep_ in {"nummod", "compound", "amod", "nmod"} and YEAR.fullmatch(child.text) and \
                    (published is None or int(child.text) < published.year):
                # the publication's own year says no more than the sentence ('the 2019 protests' in 2019)
                return EventDate(dt.date(int(child.text), 1, 1), 3, child.idx, child.idx + len(child.text))
    return None


def bounds_a_period(date: EventDate, text: str, offset: int, cues: StatusCues) -> bool:
    """The day opens or closes a period ('figures as of 30 September', 'con cifras al 30 de septiembre',
    'since 24 February'): a tally's bound, which makes its sentence no one day's incident, nor dates
    the sentences after it."""
    if date.start is None or date.start < offset:
        return False
    before = text[max(0, date.start - offset - 40):date.start - offset].rstrip()
    return any(m.end() == len(before) for m in cues.patterns[CUTOFF].finditer(before))


def _governed(tok: Any, cue: Any, sent: Any) -> bool:
    """The trigger word is the cue's own or lies under it in the parse ('for fear of [new attacks]',
    'to prevent [attacks]'), not in a clause joined beside it ('... and killed two gunmen')."""
    start, end = sent.start_char + cue.start(), sent.start_char + cue.end()
    for _ in range(len(sent)):
        if start <= tok.idx < end:
            return True
        if tok.dep_ == "conj" or tok.head.i == tok.i:
            return False  # a clause or a word joined beside the cue's, or the top of the sentence
        tok = tok.head
    return False


def _inside(tok: Any, cue: Any, sent: Any) -> bool:
    """The trigger word is one of the cue's own words ('jailed [him] for six years', 'the Chemical Weapons
    Act')."""
    start: int = sent.start_char + cue.start()
    index: int = tok.idx
    return start <= index < start + len(cue.group())


def _long_before(date: EventDate, published: dt.date) -> bool:
    assert date.date is not None
    if date.precision == 3:
        # a month or a year: only an earlier year's is surely history ('in 2019' reads as its 1 January)
        return date.date.year < published.year and (published - date.date).days > HISTORY_DAYS + 31
    return (published - date.date).days > HISTORY_DAYS + (7 if date.precision == 2 else 0)
