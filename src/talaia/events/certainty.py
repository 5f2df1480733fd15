"""Certainty of an event report: stated, reported (attributed) or alleged, with the cue.

The cues are data. Hedges and source phrases are ``lang/<code>/certainty_cues.tsv``; a
report is also attributed when one of the quote reader's speech verbs
(``lang/<code>/speech_verbs.tsv``) introduces it — one list for both readers, so a verb
the quote reader knows is always a certainty cue too. A speech verb counts when it
reports a clause ("police said eight were killed", "eight were killed, police said"),
not when it has a plain object ("police found three bodies").
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from talaia.events.tables import any_word, ordered
from talaia.knowledge import Knowledge
from talaia.nlp.doccache import span_text

# the verb reports a clause: it has one below it, or it is the reporting clause of one
_CLAUSE_DEPS = frozenset({"ccomp", "parataxis"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "nsubj:pass"})


@dataclass(frozen=True, slots=True)
class CertaintyCues:
    alleged: re.Pattern[str]  # 'suspected', 'reportedly', 'presuntamente'
    reported: re.Pattern[str]  # 'according to', 'sources', 'según'
    speech_verbs: Mapping[str, frozenset[str]]  # language -> the quote reader's speech verbs
    any_speech_verb: frozenset[str]  # every language's, for a document in another language

    @classmethod
    def from_knowledge(cls, knowledge: Knowledge) -> CertaintyCues:
        cues = knowledge.union("certainty_cues")
        return cls(alleged=any_word(ordered(cues, "pattern", certainty="alleged")),
                   reported=any_word(ordered(cues, "pattern", certainty="reported")),
                   speech_verbs=MappingProxyType({lang: knowledge.table("speech_verbs", lang).words()
                                                  for lang in knowledge.languages}),
                   any_speech_verb=knowledge.union("speech_verbs").words())

    def reports(self, tok: Any) -> bool:
        """A speech verb of the document's language that reports a clause."""
        verbs = self.speech_verbs.get(tok.doc.lang_) or self.any_speech_verb
        if tok.pos_ not in {"VERB", "AUX"} or tok.lemma_.lower() not in verbs:
            return False
        if any(c.dep_ in _CLAUSE_DEPS for c in tok.children):
            return True
        return tok.dep_ in _CLAUSE_DEPS and any(c.dep_ in _SUBJECT_DEPS for c in tok.children)


def certainty_of(sent: Any, attributed: bool, cues: CertaintyCues) -> tuple[str, tuple[int, int] | None]:
    """('alleged'|'reported'|'stated', cue span in document offsets or None) of a spaCy sentence."""
    offset = sent.start_char
    m = cues.alleged.search(span_text(sent))
    if m:
        return "alleged", (offset + m.start(), offset + m.end())
    spans = [(offset + m.start(), offset + m.end())] if (m := cues.reported.search(span_text(sent))) else []
    verb = next((t for t in sent if cues.reports(t)), None)
    if verb is not None:
        spans.append((verb.idx, verb.idx + len(verb.text)))
    if spans:
        return "reported", min(spans)
    if attributed:
        return "reported", None
    return "stated", None
