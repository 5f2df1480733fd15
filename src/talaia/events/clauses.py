"""Clauses: the parts of a sentence that tell its incident.

A side clause — an adverbial, relative or appositive clause, an aside — that holds none of the
mention's coding word, date or count is background ("Cali, where the unrest has left dozens
dead"): it is not the mention's evidence; nor is a phrase that sets the scene ("amid protests that
have shaken the country", "en el marco de las movilizaciones"; context_cues role background).
(Telling a side clause with a place of its own apart as a mention of its own was tried: it split
more incidents than it separated.)
"""

from __future__ import annotations

import re
from typing import Any

from talaia.events.dates import EventDate
from talaia.events.fatalities import FatalityCount
from talaia.events.triggers import Trigger
from talaia.nlp.doccache import doc_text, span_text

# dependency labels of the clauses that hang off a sentence's incident and may tell something else
# (spaCy's English labels and Universal Dependencies' for Spanish)
SIDE_CLAUSES = frozenset({"relcl", "acl", "appos", "parataxis", "advcl", "acl:relcl"})
Range = tuple[int, int]
WORD = re.compile(r"\w")


# the side clauses that describe a noun ('Celaya, a city often hit by violence'), not the event's frame
NOUN_CLAUSES = frozenset({"relcl", "acl", "appos", "acl:relcl"})


def side_clauses(sent: Any, deps: frozenset[str] = SIDE_CLAUSES, verbal: bool = False) -> list[Range]:
    """The character ranges of the sentence's side clauses (of the ``deps`` labels), outer ones first;
    ``verbal``: only those with a verb of their own ('Campbell, 42,' is an apposition, not a clause)."""
    return [(tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge.text)) for tok in sent
            if tok.dep_ in deps and tok.head.i != tok.i
            and (not verbal or any(t.pos_ in {"VERB", "AUX"} for t in tok.subtree))]


def background_phrases(sent: Any, background: re.Pattern[str]) -> list[Range]:
    """'amid protests that have shaken the country for months', 'en el marco de las movilizaciones': from
    the cue to the end of the noun phrase it opens."""
    found = []
    for m in background.finditer(span_text(sent)):
        after = sent.doc.char_span(sent.start_char + m.end(), sent.end_char, alignment_mode="expand")
        if after is None or not len(after):
            continue
        noun = after[0]
        while noun.dep_ in {"det", "amod", "nummod", "case", "compound"} and noun.head.i != noun.i and \
                noun.head.i > noun.i:
            noun = noun.head
        found.append((sent.start_char + m.start(), noun.right_edge.idx + len(noun.right_edge.text)))
    return found


def clause_spans(sent: Any, trigger: Trigger, date: EventDate | None, fatalities: FatalityCount | None,
                 background: re.Pattern[str] | None = None) -> list[Range]:
    """The parts of the sentence that tell its incident: the sentence without the side clauses that hold
    neither the word that codes it nor its date or death count (background clauses are not evidence)."""
    keep = {(trigger.start, trigger.end)}
    if date is not None and date.start is not None and date.end is not None:
        keep.add((date.start, date.end))
    if fatalities is not None:  # where the count begins: a combined count may reach into a background clause
        keep.add((fatalities.start, fatalities.start + 1))
    dropped: list[Range] = []
    scenes = background_phrases(sent, background) if background is not None else []
    for left, right in sorted([*side_clauses(sent, verbal=True), *scenes]):
        if not any(left < e and s < right for s, e in keep) and not any(a <= left and right <= b for a, b in dropped):
            dropped.append((left, right))
    spans, cursor = [], sent.start_char
    text = doc_text(sent.doc)
    for left, right in sorted(dropped):
        if left > cursor and WORD.search(text, cursor, left):
            spans.append((cursor, left))
        cursor = max(cursor, right)
    if sent.end_char > cursor and WORD.search(text, cursor, sent.end_char):  # not a lone '.'
        spans.append((cursor, sent.end_char))
    return spans or [(sent.start_char, sent.end_char)]
