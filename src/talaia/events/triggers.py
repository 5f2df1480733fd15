"""Finding event triggers in a sentence and telling reports of incidents from everything else.

A trigger counts only when it reports something that happened: not under a modal or a
negation ("may see", "did not attack"), not an infinitive purpose ("the goal to arrest"),
and, for verbs, in a past form — or a present one in a headline ("Gunmen kill 5").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from talaia.events.lexicon import DISRUPT_OBJECTS, LEMMA_TRIGGERS, PHRASE_TRIGGERS, TERRITORY_OBJECTS

QUALIFIER_KINDS = {"armed_target"}
MODALS = {"will", "would", "could", "may", "might", "should", "can", "must", "shall", "'ll", "wo", "ca",
          "podría", "podrían", "debe", "deben", "puede", "pueden", "podrá", "habrá"}
TRIGGER_POS = {"VERB", "NOUN", "ADJ", "PROPN"}
FUTURE_CUES = {"plan", "threaten", "vow", "want", "aim", "seek", "try", "hope", "fear", "prepare", "goal",
               "intend", "decide", "promise", "refuse", "warn", "urge", "call", "demand", "planear", "amenazar",
               "buscar", "pretender"}


@dataclass(frozen=True, slots=True)
class Trigger:
    token: Any
    kind: str
    start: int
    end: int


def find_triggers(sent: Any, headline: bool) -> list[Trigger]:
    found: dict[int, Trigger] = {}
    qualifiers: list[Trigger] = []
    doc = sent.doc
    for m_pattern, phrase_kind in PHRASE_TRIGGERS:
        for m in m_pattern.finditer(sent.text):
            span = doc.char_span(sent.start_char + m.start(), sent.start_char + m.end(), alignment_mode="expand")
            if span is None or phrase_kind == "actor":
                continue
            tok = span.root
            if phrase_kind in QUALIFIER_KINDS:  # it qualifies the event; the verb is still a trigger itself
                qualifiers.append(Trigger(tok, phrase_kind, span.start_char, span.end_char))
            elif phrase_kind == "intervention" or _reportable(tok, headline, phrase=True):
                found.setdefault(tok.i, Trigger(tok, phrase_kind, span.start_char, span.end_char))
    for tok in sent:
        if tok.i in found or tok.pos_ not in TRIGGER_POS:
            continue
        if tok.pos_ == "PROPN" and not headline:
            continue
        listed = LEMMA_TRIGGERS.get(tok.lemma_.lower()) or LEMMA_TRIGGERS.get(tok.lower_) or next(
            (LEMMA_TRIGGERS[c] for c in _stems(tok.lower_, tok.doc.lang_) if c in LEMMA_TRIGGERS), None)
        kind = _refine(tok, listed, sent) if listed else None
        if kind and _reportable(tok, headline):
            found[tok.i] = Trigger(tok, kind, tok.idx, tok.idx + len(tok.text))
    return sorted([*found.values(), *qualifiers], key=lambda t: t.start)


_ES_VERB = re.compile(r"^(\w{3,}?)(?:aron|ieron|ando|iendo|ados?|adas?|idos?|idas?|an|en|ó|ió|a|e)$")


def _stems(word: str, lang: str) -> list[str]:
    """Candidate lemmas when the lemmatizer fails: 'killed' -> kill, 'masacran' -> masacrar."""
    out = [word[: -len(suffix)] for suffix in ("ing", "ed", "es", "s")
           if word.endswith(suffix) and len(word) - len(suffix) >= 3]
    if lang == "es":
        m = _ES_VERB.match(word)
        if m:
            out += [m.group(1) + ending for ending in ("ar", "er", "ir")]
    return out


def _refine(tok: Any, kind: str, sent: Any) -> str | None:
    """Words whose kind depends on their object: seize weapons / seize a town / seize a man."""
    lemma = tok.lemma_.lower()
    objects = [c for c in tok.children if c.dep_ in {"dobj", "obj", "nsubjpass"}]
    obj_text = " ".join(" ".join(t.text for t in o.subtree) for o in objects)
    if lemma in {"capture", "seize", "capturar"} and (
            TERRITORY_OBJECTS.search(obj_text) or any(o.ent_type_ in {"GPE", "LOC"} for o in objects)):
        return "capture"
    if kind == "disrupt" and not DISRUPT_OBJECTS.search(sent.text):
        return "arrest" if lemma in {"seize", "asegurar"} and objects and objects[0].ent_type_ in {"PERSON", "PER"} \
            else None
    if lemma in {"mine", "shell"} and tok.pos_ != "NOUN":
        return None
    if lemma == "strike" and not any(w in sent.text.lower() for w in ("workers", "union", "strikers", "went on")):
        return None
    if lemma in {"fight", "fighting"} and any(c.lower_ in {"against", "contra"} for c in tok.children) and \
            not any(c.dep_ in {"nsubj"} for c in tok.children):
        return None  # "the fight against corruption"
    if lemma in {"body", "cuerpo"} and not any(w in sent.text.lower() for w in (
            "found", "discovered", "dumped", "bodies of", "hallaron", "encontraron", "localizaron", "sin vida",
            "body of", "cuerpos de", "cuerpo de", "recovered")):
        return None
    if lemma in {"march", "rally"} and tok.pos_ == "PROPN":
        return None
    return kind


def _governing_verb(tok: Any) -> Any:
    cur = tok
    for _ in range(6):
        if cur.pos_ in {"VERB", "AUX"} or cur.head is cur:
            return cur
        cur = cur.head
    return cur


ANAPHORIC_DETS = {"the", "this", "that", "these", "those", "el", "la", "los", "las", "este", "esta", "dicho", "dicha"}


def _anaphoric(tok: Any) -> bool:
    """'the ambush', 'this attack': a noun that refers back to an incident told before."""
    if tok.pos_ != "NOUN":
        return False
    dets = [c for c in tok.children if c.dep_ in {"det", "poss"}]
    modifiers = [c for c in tok.children if c.dep_ in {"prep", "nummod", "amod", "compound", "acl", "relcl"}]
    return bool(dets) and dets[0].lower_ in ANAPHORIC_DETS and not modifiers


def _reportable(tok: Any, headline: bool, phrase: bool = False) -> bool:
    if not phrase and _anaphoric(tok) and not headline:
        return False
    verb = _governing_verb(tok)
    for v in {verb, tok, *(a for a in tok.ancestors if a.pos_ in {"VERB", "AUX"})}:
        for c in v.children:
            negation = c.dep_ == "neg" or c.lower_ in {"not", "never", "no", "n't", "nunca"}
            if negation and c.dep_ in {"neg", "advmod"} and c.head is v:
                return False
            if c.dep_ in {"aux", "aux:pass"} and c.lower_ in MODALS:
                return False
    if verb.tag_ == "VB" and any(c.lower_ == "to" for c in verb.children if c.dep_ == "aux"):
        head = verb.head
        if head is verb or head.lemma_.lower() in FUTURE_CUES or head.pos_ == "NOUN":
            return False
    if verb.head.lemma_.lower() in FUTURE_CUES and verb.dep_ in {"xcomp", "ccomp"}:
        return False
    if tok.pos_ == "VERB" and not phrase:
        lang = tok.doc.lang_
        if lang == "en":
            if tok.tag_ in {"VBD", "VBN"}:
                return True
            if tok.tag_ == "VBG" and any(c.dep_ == "aux" and c.lemma_ == "be" and c.tag_ == "VBD"
                                         for c in tok.children):
                return True
            return headline and tok.tag_ in {"VBZ", "VBP", "VBG", "VB"}
        return True
    return True
