"""Who did what to whom around a violence word, read from the dependency parse: the perpetrator and the
target of a trigger (``arguments``), the sources of a report (``is_source``), the side that answers an attack
(``responds``) and the one an attack was suffered by (``passive_subject``). The cues are ``argument_cues``,
``speech_verbs`` and ``attribution_words`` (via :class:`talaia.events.lexicon.DetectionCues`)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from talaia.events.actors import ActorMention
from talaia.events.lexicon import DetectionCues
from talaia.nlp.doccache import doc_text


def responds(sent: Any, m: ActorMention, responders: frozenset[str]) -> bool:
    """The mention is the subject of a verb that answers an attack ('police retaliated', 'los agentes
    repelieron la agresión'), of one joined to it ('troops came under fire and returned it'), or of one
    an answering clause modifies ('al responder al ataque, los militares abatieron a seis')."""
    for tok in sent:
        if m.start <= tok.idx < m.end and tok.dep_ in {"nsubj", "nsubj:pass"}:
            # 'al responder al ataque, los militares abatieron a seis': an adverbial clause answers for them too
            verbs = [tok.head, *tok.head.conjuncts, *(c for c in tok.head.children if c.dep_ == "advcl")]
            return any(v.lemma_.lower() in responders for v in verbs)
    return False



def passive_subject(sent: Any, m: ActorMention, cues: Mapping[str, frozenset[str]]) -> bool:
    """``cues``: argument_cues by role (its ``passive_auxiliary`` words)."""
    return any(m.start <= tok.idx < m.end and (tok.dep_ in {"nsubjpass", "nsubj:pass"} or
                                              (tok.dep_ == "nsubj" and is_passive(tok.head, cues))) for tok in sent)


def is_passive(verb: Any, cues: Mapping[str, frozenset[str]]) -> bool:
    """A participle with 'ser' ('fueron atacados', 'fue baleada'): the Spanish parser labels its subject
    nsubj and its 'por' phrase obj, where English gets nsubjpass and agent."""
    auxiliaries = cues.get("passive_auxiliary", frozenset())
    return "Part" in verb.morph.get("VerbForm") and any(
        c.dep_ in {"aux", "aux:pass", "auxpass", "cop"} and c.lemma_.lower() in auxiliaries for c in verb.children)



def is_source(tok: Any, cues: DetectionCues) -> bool:
    """'Police said ...', 'according to the army': who tells of the incident, not who took part in it."""
    if tok.dep_ in {"nsubj", "nsubj:pass"} and tok.head.lemma_.lower() in cues.speech_verbs:
        return True
    start = tok.left_edge.idx
    return bool(cues.source_before.search(doc_text(tok.doc)[max(0, start - 60):start]))


def arguments(tok: Any, cues: Mapping[str, frozenset[str]]) -> tuple[Any | None, Any | None]:
    """(agent, patient) tokens of a trigger from the dependency parse; ``cues``: argument_cues by role."""
    agent = patient = None
    aims = cues.get("verb_target", frozenset())
    if tok.pos_ in {"VERB", "AUX"}:
        passive = is_passive(tok, cues)
        for c in tok.children:
            if c.dep_ == "nsubj" and passive:
                patient = c  # 'militares fueron atacados': who suffered it
            elif passive and c.dep_ in {"obj", "obl"} and any(g.dep_ == "case" and g.lower_ in cues["passive_agent"]
                                                               for g in c.children):
                agent = c  # '... por un grupo armado'
            elif c.dep_ == "nsubj":
                agent = c
            elif c.dep_ in {"dobj", "obj", "nsubjpass", "nsubj:pass"} and patient is None:
                patient = c
            elif c.dep_ == "agent":
                agent = next((g for g in c.children if g.dep_ == "pobj"), agent)
            elif c.dep_ == "obl" and any(g.lower_ in cues["passive_agent"] for g in c.children):
                agent = c
            elif patient is None and c.dep_ == "obl" and any(g.dep_ == "case" and g.lower_ in aims for g in c.children):
                patient = c  # 'dispararon contra policías'
            elif patient is None and c.dep_ == "prep" and c.lower_ in aims:
                patient = next((g for g in c.children if g.dep_ == "pobj"), None)  # 'opened fire on a patrol'
        if patient is not None and patient.dep_ in {"dobj", "obj"}:
            # 'opened fire on a patrol', 'launched an attack against the base': the target of the verb's own object
            aimed = next((g for c in patient.children if c.dep_ == "prep" and c.lower_ in aims
                          for g in c.children if g.dep_ == "pobj"), None)
            patient = aimed or patient
        if agent is not None and agent.lower_ in cues["relative"]:
            agent = tok.head if tok.dep_ == "relcl" else None
        if patient is not None and patient.lower_ in cues["relative"]:
            # 'the activist who was arrested', 'the man whom gunmen shot': the noun is the one it happened to
            patient = tok.head if tok.dep_ == "relcl" else None
        if agent is None and tok.dep_ == "relcl" and (patient is None or patient.i != tok.head.i):
            agent = tok.head
        if patient is None and tok.dep_ == "acl":
            patient = tok.head
        if agent is None and tok.dep_ in {"conj", "xcomp", "advcl"} and tok.head.i != tok.i:
            agent = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
    else:
        for c in tok.children:
            low = c.lower_
            weak = low in cues["weak_target"]  # 'the killing of 3': only when nothing else is the target
            if c.dep_ == "prep" and (low in cues["target"] or weak):
                target = next((g for g in c.children if g.dep_ == "pobj"), None)
                if target is not None and (not weak or patient is None):
                    patient = target
            elif c.dep_ == "prep" and low in cues["agent"]:
                agent = next((g for g in c.children if g.dep_ == "pobj"), agent)
            elif (c.dep_ == "prep" and low in cues["sides"]) or (c.dep_ == "nmod" and any(
                    g.dep_ == "case" and g.lower_ in cues["sides"] for g in c.children)):
                # 'clashes between soldiers and gunmen' (a preposition's object; in UD, the noun itself)
                first = c if c.dep_ == "nmod" else next((g for g in c.children if g.dep_ == "pobj"), None)
                second = _second_side(first) if first is not None else None
                if second is not None:
                    agent, patient = first, second
            elif c.dep_ == "nmod" and any(g.dep_ == "case" and g.lower_ in cues["target"] and g.lower_ not in
                                          cues["agent"] and g.lower_ != "de" for g in c.children):
                patient = patient or c  # 'una emboscada contra una patrulla': in UD the target hangs on the noun
            elif c.dep_ == "nmod" and any(g.dep_ == "case" and g.lower_ in cues["agent"] for g in c.children):
                agent = agent or c  # 'un ataque por hombres armados'
            elif agent is None and (c.dep_ in {"compound", "poss", "nmod"} or (c.dep_ == "amod" and c.ent_type_)):
                agent = c  # 'a police raid', 'the army's attack', 'Israeli strikes'; not 'a terrorist attack'

        head = tok.head
        if tok.dep_ in {"dobj", "obj"} and head.lemma_.lower() in cues["agent_verb"]:
            agent = agent or next((c for c in head.children if c.dep_ == "nsubj"), None)
        if tok.dep_ in {"nsubjpass", "nsubj:pass"} and head.lemma_.lower() in cues["agent_verb"]:
            agent = agent or _passive_agent(head, cues)  # 'the attack was carried out by gunmen'
        agent = agent or _claimant(tok, cues)
        if tok.dep_ == "nsubj" and head.pos_ == "VERB":
            patient = patient or next((c for c in head.children if c.dep_ in {"dobj", "obj"}), None)
    return agent, patient


def _passive_agent(verb: Any, cues: Mapping[str, frozenset[str]]) -> Any | None:
    """The 'by' noun of a passive verb ('was claimed by the rebels', 'fue reivindicado por el ELN')."""
    for c in verb.children:
        if c.dep_ == "agent":
            return next((g for g in c.children if g.dep_ == "pobj"), None)
        if c.dep_ == "obl" and any(g.lower_ in cues["passive_agent"] for g in c.children):
            return c
    return None


def _child(tok: Any, deps: set[str]) -> Any | None:
    return next((c for c in tok.children if c.dep_ in deps), None)


def _claimant(tok: Any, cues: Mapping[str, frozenset[str]]) -> Any | None:
    """Who an attack is put on, where the attack is named as a noun: 'the rebels claimed responsibility
    for the bombing', 'the police held the cartel responsible for the attack', 'they blamed the rebels
    for the attack', 'the attack was blamed on the rebels', 'le atribuyó el atentado al ELN'."""
    claim, blame = cues.get("claim", frozenset()), cues.get("blame_verb", frozenset())
    head = tok.head
    if tok.dep_ == "pobj" or (tok.dep_ == "nmod" and head.i != tok.i):
        holder = head.head if tok.dep_ == "pobj" else head  # in UD the noun hangs on its holder itself
        word = holder.lemma_.lower()
        if holder.lower_ in claim or word in claim:
            verb = holder.head
            if holder.dep_ in {"dobj", "obj"}:  # 'claimed responsibility for'
                return _child(verb, {"nsubj"})
            if holder.dep_ == "amod":  # 'held the cartel responsible for', parsed as the cartel's adjective
                return verb
            # 'held the cartel responsible for', 'the cartel is responsible for'
            return _child(verb, {"dobj", "obj"}) or _child(verb, {"nsubj", "nsubjpass", "nsubj:pass"})
        if word in blame and holder.pos_ == "VERB":  # 'blamed the rebels for the attack'
            return _child(holder, {"dobj", "obj"})
    if head.lemma_.lower() in blame and tok.dep_ in {"dobj", "obj", "nsubjpass", "nsubj:pass"}:
        # 'blamed the attack on the rebels', 'the attack was attributed to the rebels'
        for c in head.children:
            target = next((g for g in c.children if g.dep_ == "pobj"), None) if c.dep_ == "prep" else \
                c if c.dep_ in {"obl", "iobj"} else None
            if target is not None and target.ent_type_ not in {"DATE", "TIME", "GPE", "LOC"}:
                return target
    return None


def _second_side(first: Any) -> Any | None:
    """The other side of 'between X and Y': X's conjunct, or, where the parser hung Y elsewhere,
    the first noun after the 'and' that closes X's phrase."""
    second = next((g for g in first.children if g.dep_ == "conj"), None)
    if second is not None:
        return second
    doc = first.doc
    after = first.right_edge.i + 1
    if after >= len(doc) or doc[after].dep_ != "cc":
        return None
    return next((t for t in doc[after + 1:after + 6] if t.pos_ in {"NOUN", "PROPN"} and t.dep_ != "compound"), None)
