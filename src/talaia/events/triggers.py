"""Finding event triggers in a sentence and telling reports of incidents from everything else.

A trigger counts only when it reports something that happened: not under a modal or a
negation ("may see", "did not attack"), not an infinitive purpose ("the goal to arrest"),
and, for verbs, in a past form — or a present one in a headline ("Gunmen kill 5").

The words and phrases are data: ``lang/<code>/trigger_words.tsv``, ``trigger_phrases.tsv``,
``trigger_cues.tsv``, ``trigger_objects.tsv`` and ``stem_suffixes.tsv``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from talaia.events.coding import EventKinds
from talaia.events.gates import Gates
from talaia.events.tables import any_word, by_role, ordered
from talaia.knowledge import Knowledge
from talaia.nlp.doccache import span_text

TRIGGER_POS = {"VERB", "NOUN", "ADJ", "PROPN"}
# the kinds whose words the code refines (see _refine)
DISRUPT, CAPTURE, ARREST, AGREEMENT = "disrupt", "capture", "arrest", "agreement"
FORCES = frozenset({"police", "military", "armed", "rebel", "militia"})  # actor_heads categories of armed forces


@dataclass(frozen=True, slots=True)
class Inflection:
    """A language's verb endings: 'masacran' -> masacr- + ar/er/ir."""

    pattern: re.Pattern[str]
    infinitives: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class TriggerLexicon:
    words: Mapping[str, str]  # word -> kind
    phrases: tuple[tuple[re.Pattern[str], str], ...]  # in rank order
    kinds: EventKinds
    modals: frozenset[str]
    cues: Mapping[str, frozenset[str]]  # trigger_cues role -> words
    weapons: re.Pattern[str]
    territory: re.Pattern[str]
    strip: tuple[str, ...]  # endings taken off any word
    silent_e: tuple[str, ...]  # endings taken off only where an e remains: 'assassinate-d'
    inflections: Mapping[str, Inflection]  # language -> its verb endings
    gates: Gates  # per phrase, the words it cannot match without
    forces: frozenset[str] = frozenset()  # nouns for armed forces (actor_heads.tsv): 'riot police'

    @classmethod
    def from_knowledge(cls, knowledge: Knowledge, kinds: EventKinds) -> TriggerLexicon:
        phrases = sorted(knowledge.union("trigger_phrases").records(), key=lambda r: int(r["rank"]))
        compiled = tuple((re.compile(r["pattern"], re.IGNORECASE), r["kind"]) for r in phrases)
        cues = by_role(knowledge.union("trigger_cues"), "word", "role")
        objects = knowledge.union("trigger_objects")
        # the modals are function words; the tokenizer's contracted forms ('ll, wo, ca) are cues
        modals = knowledge.union("function_words").words("word", **{"class": "modal"}) | cues["modal"]
        inflections = {}
        for lang in knowledge.languages:
            table = knowledge.table("stem_suffixes", lang)
            endings = ordered(table, "suffix", role="inflection")
            if endings:
                pattern = re.compile(r"^(\w{3,}?)(?:" + "|".join(map(re.escape, endings)) + r")$")
                inflections[lang] = Inflection(pattern, ordered(table, "suffix", role="infinitive"))
        suffixes = knowledge.union("stem_suffixes")
        return cls(
            words=MappingProxyType(knowledge.union("trigger_words").mapping("word", "kind")),
            phrases=compiled,
            kinds=kinds, modals=modals, cues=MappingProxyType(cues),
            weapons=any_word(ordered(objects, "pattern", role="weapons")),
            territory=any_word(ordered(objects, "pattern", role="territory")),
            strip=ordered(suffixes, "suffix", role="strip"), silent_e=ordered(suffixes, "suffix", role="silent_e"),
            inflections=MappingProxyType(inflections),
            forces=frozenset(r["word"].lower() for r in knowledge.union("actor_heads").records()
                             if r["category"] in FORCES),
            gates=Gates.of(p for p, _ in compiled),
        )


@dataclass(frozen=True, slots=True)
class Trigger:
    token: Any
    kind: str
    start: int
    end: int
    back_reference: bool = False  # 'the ambush': a definite noun that refers to an incident told before


def find_triggers(sent: Any, headline: bool, lexicon: TriggerLexicon) -> list[Trigger]:
    found: dict[int, Trigger] = {}
    qualifiers: list[Trigger] = []
    other_sense: set[int] = set()  # the words of ignored phrases ('shooting a film'): no trigger
    doc = sent.doc
    kinds = lexicon.kinds
    text = span_text(sent)
    for (m_pattern, phrase_kind), may_match in zip(lexicon.phrases, lexicon.gates.open(text), strict=True):
        if not may_match:
            continue  # it cannot match: a word it needs is missing
        for m in m_pattern.finditer(text):
            span = doc.char_span(sent.start_char + m.start(), sent.start_char + m.end(), alignment_mode="expand")
            if span is None:
                continue
            if phrase_kind in kinds.ignored:
                other_sense.update(t.i for t in span)  # it ends at its object: words after it still count
                continue
            tok = span.root
            if tok.i in other_sense:
                continue
            if phrase_kind in kinds.qualifier:  # it qualifies the event; the verb is still a trigger itself
                qualifiers.append(Trigger(tok, phrase_kind, span.start_char, span.end_char))
            # an English phrase's tense is in its words ('opened fire'); elsewhere the morphology tells it
            elif phrase_kind in kinds.unchecked or _reportable(tok, headline, lexicon, phrase=tok.doc.lang_ == "en"):
                found.setdefault(tok.i, Trigger(tok, phrase_kind, span.start_char, span.end_char))
    for tok in sent:
        if tok.i in found or tok.i in other_sense or tok.pos_ not in TRIGGER_POS:
            continue
        if tok.pos_ == "PROPN" and not headline:
            continue
        listed = _listed(tok, lexicon)
        kind = _refine(tok, listed, sent, lexicon, headline) if listed and not _names_a_thing(tok, lexicon) else None
        if kind and _reportable(tok, headline, lexicon):
            back = not headline and _anaphoric(tok, lexicon)
            found[tok.i] = Trigger(tok, kind, tok.idx, tok.idx + len(tok.text), back)
    return sorted([*found.values(), *qualifiers], key=lambda t: t.start)


def _listed(tok: Any, lexicon: TriggerLexicon) -> str | None:
    """The kind of event the word names (trigger_words.tsv), by its lemma, its form or a stem."""
    words = lexicon.words
    return words.get(tok.lemma_.lower()) or words.get(tok.lower_) or next(
        (words[c] for c in _stems(tok.lower_, tok.doc.lang_, lexicon) if c in words), None)


def _names_a_thing(tok: Any, lexicon: TriggerLexicon) -> bool:
    """An event noun that modifies a noun for a force names a kind of force, not an incident ('riot
    police', 'assault troops': actor_heads.tsv); one that modifies a statistic names a statistic
    ('homicide figures', 'tasa de homicidios': trigger_cues role statistic). ('car bomb', 'execution
    victims': the head is the event, or those it befell.) Capitalised words inside a sentence (a
    headline in title case) are parsed too loosely to tell."""
    head = tok.head
    if tok.pos_ not in {"NOUN", "PROPN"} or head.i == tok.i or not (tok.text.islower() or tok.is_sent_start):
        return False
    # 'homicide figures', 'murder rate'; 'tasa de homicidios', 'cifras de asesinatos': a statistic
    # ('la cifra de muertos por la masacre': the massacre a toll counts, its preposition not one of statistic_of)
    if head.lower_ in lexicon.cues.get("statistic", ()) and (tok.dep_ == "compound" or (
            tok.dep_ == "nmod" and tok.i > head.i and any(
                c.dep_ == "case" and c.lower_ in lexicon.cues.get("statistic_of", ()) for c in tok.children))):
        return True
    return tok.dep_ == "compound" and head.lemma_.lower() in lexicon.forces and _listed(head, lexicon) is None


def _stems(word: str, lang: str, lexicon: TriggerLexicon) -> list[str]:
    """Candidate lemmas when the lemmatizer fails: 'killed' -> kill, 'masacran' -> masacrar."""
    out = [word[: -len(suffix)] for suffix in lexicon.strip
           if word.endswith(suffix) and len(word) - len(suffix) >= 3]
    out += [word[: -len(suffix)] for suffix in lexicon.silent_e
            if word.endswith("e" + suffix) and len(word) - len(suffix) >= 4]
    inflection = lexicon.inflections.get(lang)
    if inflection is not None:
        m = inflection.pattern.match(word)
        if m:
            out += [m.group(1) + ending for ending in inflection.infinitives]
    return out


WITHDRAWAL = "withdraw"  # the kind of 'withdraw', 'retirarse' (codebook/event_kinds.tsv)


def _refine(tok: Any, kind: str, sent: Any, lexicon: TriggerLexicon, headline: bool = False) -> str | None:
    """Words whose kind depends on their object: seize weapons / seize a town / seize a man. A body
    counts when it was found; a headline about bodies says no more ('Restos humanos en un predio')."""
    cues = lexicon.cues
    lemma = tok.lemma_.lower()
    objects = [c for c in tok.children if c.dep_ in {"dobj", "obj", "nsubjpass"}]
    obj_text = " ".join(" ".join(t.text for t in o.subtree) for o in objects)
    if lemma in cues["takes_territory"] and (
            lexicon.territory.search(obj_text) or any(o.ent_type_ in {"GPE", "LOC"} for o in objects)):
        return CAPTURE
    if kind == DISRUPT and not lexicon.weapons.search(span_text(sent)):
        return ARREST if lemma in cues["takes_person"] and objects and objects[0].ent_type_ in {"PERSON", "PER"} \
            else None
    if lemma in cues["not_a_noun"] and tok.pos_ == "NOUN":
        return None
    if kind == AGREEMENT and tok.pos_ == "NOUN":
        verb = _governing_verb(tok)  # 'signed a truce' is one made; 'respect the agreements' speaks of old ones
        if verb.i != tok.i and verb.lemma_.lower() not in cues["concluded"]:
            return None
    if lemma in cues["noun_only"] and tok.pos_ != "NOUN":
        return None
    if lemma in cues["strike"] and not any(w in span_text(sent).lower() for w in cues["labour"]):
        return None
    if lemma in cues["fight"] and any(c.lower_ in cues["against"] for c in tok.children) and \
            not any(c.dep_ in {"nsubj"} for c in tok.children):
        return None  # "the fight against corruption"
    if lemma in cues["body"] and not headline and not any(w in span_text(sent).lower() for w in cues["body_found"]):
        return None
    if lemma in cues["not_a_name"] and tok.pos_ == "PROPN":
        return None
    if kind == WITHDRAWAL and tok.pos_ in {"VERB", "AUX"} and not objects and not any(
            c.lower_ in cues.get("withdrawn_from", ()) or (c.dep_ in {"obl", "nmod"} and any(
                g.dep_ == "case" and g.lower_ in cues.get("withdrawn_from", ()) for g in c.children))
            for c in tok.children):
        return None  # 'the attackers withdrew toward the border': their flight, no territory handed over
    return kind


def _governing_verb(tok: Any) -> Any:
    cur = tok
    for _ in range(6):
        if cur.pos_ in {"VERB", "AUX"} or cur.head.i == cur.i:
            return cur
        cur = cur.head
    return cur


def _anaphoric(tok: Any, lexicon: TriggerLexicon) -> bool:
    """'the ambush', 'this attack', 'Saturday's gun battle': a noun that refers back to an incident told
    before; a violence word compounded with it ('gun battle') neither adds to it nor is one of its own."""
    if tok.pos_ != "NOUN":
        return False
    if tok.dep_ == "compound" and _listed(tok, lexicon) and tok.head.i != tok.i and _listed(tok.head, lexicon):
        return _anaphoric(tok.head, lexicon)
    # 'del atentado', 'al ataque': Spanish folds the article into the preposition
    dets = [c for c in tok.children if c.dep_ in {"det", "poss"}] or \
        [c for c in tok.children if c.dep_ == "case" and c.lower_ in lexicon.cues["anaphoric"]]
    modifiers = [c for c in tok.children if c.dep_ in {"prep", "nummod", "amod", "compound", "acl", "relcl"}
                 and not (c.dep_ == "compound" and _listed(c, lexicon))]
    return bool(dets) and dets[0].lower_ in lexicon.cues["anaphoric"] and not modifiers


def _negatable(tok: Any, verb: Any) -> list[Any]:
    """The words whose negation or modal is the trigger's: itself, its verb, and the verbs it is the
    complement of ('did not manage to attack', 'did not confirm that anyone was killed'); not a
    verb it is only joined to ('it is not known whether they spoke, but then they fired')."""
    found = [tok, verb]
    cur = verb
    while cur.dep_ in {"xcomp", "ccomp"} and cur.head.i != cur.i and cur.head.pos_ in {"VERB", "AUX"}:
        cur = cur.head
        found.append(cur)
    return found


def _nobody(tok: Any, words: frozenset[str]) -> bool:
    """'Nobody was hurt', 'no weapons were looted', 'no deaths were reported': what the trigger
    tells of (its subject or object, or the noun trigger itself) is none at all."""
    def none(t: Any) -> bool:
        return t.lower_ in words or any(c.dep_ == "det" and c.lower_ in words for c in t.children)

    if tok.pos_ == "NOUN":
        return none(tok)
    return any(c.dep_ in {"nsubj", "nsubjpass", "nsubj:pass", "dobj", "obj"} and none(c) for c in tok.children)


def _reportable(tok: Any, headline: bool, lexicon: TriggerLexicon, phrase: bool = False) -> bool:
    cues = lexicon.cues
    verb = _governing_verb(tok)
    for v in _negatable(tok, verb):
        for c in v.children:
            negation = c.dep_ == "neg" or c.lower_ in cues["negation"]
            if negation and c.dep_ in {"neg", "advmod"} and c.head.i == v.i:
                return False
            if c.dep_ in {"aux", "aux:pass"} and c.lower_ in lexicon.modals:
                return False
    if _nobody(tok, cues["nobody"]):
        return False
    if verb.tag_ == "VB" and any(c.lower_ in cues["infinitive"] for c in verb.children if c.dep_ == "aux"):
        head = verb.head
        if head.i == verb.i or head.lemma_.lower() in cues["future"] or head.pos_ == "NOUN":
            return False
    if verb.head.lemma_.lower() in cues["future"] and verb.dep_ in {"xcomp", "ccomp"}:
        return False
    if tok.pos_ == "NOUN" and not headline and _generic_plural(tok, verb):
        return False
    if tok.pos_ == "VERB" and not phrase:
        if tok.doc.lang_ == "en":  # English tense tags
            if tok.tag_ == "VBN" and not headline and _present_passive(tok):
                return False  # 'civilians are killed every day', 'we are being killed': a habit or a state
            if tok.tag_ in {"VBD", "VBN"}:
                return True
            if tok.tag_ == "VBG" and any(c.dep_ == "aux" and c.lemma_ in cues["progressive"] and c.tag_ == "VBD"
                                         for c in tok.children):
                return True
            return headline and tok.tag_ in {"VBZ", "VBP", "VBG", "VB"}
        # other languages from the morphology: a simple present tells a habit outside a headline
        # ('los cárteles asesinan a quienes se interponen'), a future what has not happened
        return not (_finite(tok, "Fut") or (_finite(tok, "Pres") and not headline))
    return True


def _present_passive(verb: Any) -> bool:
    """'are killed', 'is being attacked': a passive whose auxiliaries are in the simple present (not
    'have been killed', which tells what has happened)."""
    auxiliaries = [c for c in verb.children if c.dep_ in {"aux", "auxpass", "aux:pass"}]
    return any(c.dep_ in {"auxpass", "aux:pass"} for c in auxiliaries) and \
        any(c.tag_ in {"VBZ", "VBP"} for c in auxiliaries) and not any(c.lemma_ == "have" for c in auxiliaries)


def _finite(verb: Any, tense: str) -> bool:
    """A finite verb of that tense: English present from its tag, other languages from the morphology."""
    if verb.doc.lang_ == "en":
        return tense == "Pres" and verb.tag_ in {"VBZ", "VBP"}
    morph = verb.morph
    return "Fin" in morph.get("VerbForm") and tense in morph.get("Tense") and "Ind" in morph.get("Mood")


def _generic_plural(tok: Any, verb: Any) -> bool:
    """'The killings continue', 'las masacres continuarán', 'one in ten murders ends in a conviction': a
    plural with no number of its own, told in the present or the future, speaks of violence in general;
    not one a clause describes ('hay heridos en los disturbios ocurridos el viernes')."""
    plural = "Plur" in tok.morph.get("Number") or tok.tag_ == "NNS"
    # a number of its own, not the 'ten' of a ratio ('one in ten murders')
    counted = any(c.dep_ == "nummod" and not any(g.dep_ == "quantmod" and g.pos_ == "ADP" for g in c.children)
                  for c in tok.children)
    told_of = any(c.dep_ in {"acl", "relcl"} or (c.dep_ == "amod" and "Part" in c.morph.get("VerbForm"))
                  for c in tok.children)  # 'los disturbios ocurridos el viernes'
    return plural and not counted and not told_of and (_finite(verb, "Pres") or _finite(verb, "Fut"))
