"""Events from a parsed document: one draft per sentence that reports an incident, merged
when following sentences only add detail, then coded with ACLED's fields.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from talaia.about import EXTRACTOR_VERSION
from talaia.events.actors import ActorMention, actor_from_phrase
from talaia.events.certainty import certainty_of
from talaia.events.coding import PROTEST_KINDS, main_kind, sub_event_type
from talaia.events.dates import EventDate, default_date, find_date
from talaia.events.fatalities import FatalityCount, count_fatalities
from talaia.events.lexicon import LETHAL_KINDS
from talaia.events.location import best_place, document_focus, precision_of, refine_region
from talaia.events.taxonomy import (
    ARMED_INTERS,
    CIVILIANS,
    POLITICAL_MILITIA,
    PROTESTERS,
    STATE_FORCES,
    event_type_of,
)
from talaia.events.triggers import Trigger, find_triggers
from talaia.models import Actor, Document, Event, Evidence, Place, Quote

AGENT_VERBS = {"carry", "launch", "stage", "conduct", "mount", "perpetrate", "commit", "lead", "realizar",
               "perpetrar", "cometer"}
HEADLINE_CHARS = 400
MODIFIER_KINDS = {"intervention", "excessive", "violent", "armed_target"}  # they qualify an event, never stand alone
# a deal that fighting broke is background to the fighting
BROKEN_TRUCE = re.compile(r"\b(?:despite|in violation of|violat\w+|broke|breach\w*|collapse\w*|in breach)\b",
                          re.IGNORECASE)
# deaths from these are not political violence (ACLED codes none of them)
NON_VIOLENT_CAUSES = re.compile(
    r"\b(?:cholera|flu|influenza|virus|viral|disease|outbreak|epidemic|pandemic|ebola|malaria|infection|illness|"
    r"poison(?:ed|ing)?|overdose|accident|crash(?:ed)?|collision|flood(?:s|ing)?|earthquake|landslide|storm|"
    r"hurricane|cyclone|drown(?:ed|ing)?|heat ?wave|famine|starvation|typhoid|measles|covid|coronavirus|"
    r"cancer|heart attack|natural causes|suicide|enfermedad|brote|accidente|choque|inundaci[oó]n|sismo|"
    r"terremoto|intoxicaci[oó]n)\b", re.IGNORECASE)


@dataclass(slots=True)
class Draft:
    sent_index: int
    kinds: set[str]
    trigger: Trigger
    sub_event_type: str
    agent: ActorMention | None
    patient: ActorMention | None
    places: list[Place]
    fatalities: FatalityCount | None
    date: EventDate | None
    certainty: tuple[str, tuple[int, int] | None]
    spans: list[tuple[int, int]] = field(default_factory=list)
    sentence: str = ""


@dataclass(frozen=True, slots=True)
class DocumentContext:
    document: Document
    places: Sequence[Place]
    quotes: Sequence[Quote]
    aliases: dict[str, str]
    source_place: Place | None = None


def extract_events(sdoc: Any, ctx: DocumentContext) -> list[Event]:
    text = sdoc.text
    headline = len(text) <= HEADLINE_CHARS
    # the text's own places first; a local outlet's home when the text names none
    focus = document_focus(ctx.places) or ctx.source_place
    country, country_code = _document_country(ctx.places, focus)
    year = ctx.document.published.year if ctx.document.published else None
    drafts: list[Draft] = []
    recent: list[tuple[int, int, EventDate]] = []  # (sentence, paragraph, date) of dated sentences
    paragraph, counted_to = 0, 0
    for index, sent in enumerate(sdoc.sents):
        paragraph += text.count("\n\n", counted_to, sent.start_char)  # counted once, not from the start each time
        counted_to = max(counted_to, sent.start_char)
        own = find_date(sent.text, sent.start_char, ctx.document.published)
        if own is not None:
            recent.append((index, paragraph, own))
        triggers = find_triggers(sent, headline)
        if not triggers:
            continue
        draft = _draft(sent, index, triggers, ctx, (country, country_code, year), own)
        if draft is None:
            continue
        if draft.date is None:
            # the date told before: in the same paragraph ("On 3 May, ... . The gunmen ..."), else the last
            # date the article gave (long reports on past events date them once)
            draft.date = next((d for i, p, d in reversed(recent) if p == paragraph and index - i <= 3), None) or \
                next((d for _, _, d in reversed(recent) if d.precision <= 2 or d.start is not None), None)
        drafts.append(draft)
    merged = _merge(drafts)
    events = [_finalise(d, ctx, focus, country, country_code, year) for d in merged]
    # the main event first: reported deaths, then the order of the article
    order = sorted(range(len(events)), key=lambda i: (-(1 if (events[i].fatalities or 0) > 0 else 0),
                                                      events[i].event_type == "Protests", i))
    return [events[i] for i in order]


def _document_country(places: Sequence[Place], focus: Place | None) -> tuple[str | None, str | None]:
    if focus is not None:
        return focus.country, focus.country_code
    for p in places:
        if p.country_code:
            return p.country, p.country_code
    return None, None


def _draft(sent: Any, index: int, triggers: list[Trigger], ctx: DocumentContext,
           where: tuple[str | None, str | None, int | None], date: EventDate | None) -> Draft | None:
    """The event one sentence reports, if any; ``date`` is the sentence's own date, already found."""
    country, country_code, year = where
    kinds = {t.kind for t in triggers}
    if "violent" in kinds and not kinds & PROTEST_KINDS:
        # violence words outside a protest: a clash, or property destroyed
        kinds.add("clash" if any("clash" in t.token.doc.text[t.start:t.end].lower() for t in triggers) else "loot")
    if kinds <= MODIFIER_KINDS:
        return None
    main = main_kind(kinds - MODIFIER_KINDS)
    if main is None:
        return None
    # the trigger of the main kind; a kind added for a violence phrase falls back to that phrase
    trigger = next((t for t in triggers if t.kind == main), triggers[0])
    sent_places = [p for p in ctx.places if sent.start_char <= p.start < sent.end_char]
    local = best_place(sent_places)
    c_name = local.country if local else country
    c_code = local.country_code if local else country_code
    agent, patient = _actors(sent, trigger, triggers, c_name, c_code, year, ctx.aliases)
    if kinds <= {"kill", "die", "dead", "attack", "intervention"} and NON_VIOLENT_CAUSES.search(sent.text) and \
            not (agent and agent.actor.inter in ARMED_INTERS) and "suicide" not in kinds:
        return None
    truce = "agreement" in kinds and not BROKEN_TRUCE.search(sent.text) and \
        min(t.start for t in triggers if t.kind == "agreement") <= min(t.start for t in triggers)
    subtype = sub_event_type(kinds, agent.actor if agent else None, patient.actor if patient else None, truce)
    if subtype is None:
        return None
    lethal = bool(kinds & LETHAL_KINDS)
    fatalities = count_fatalities(sent, lethal)
    if fatalities is None and lethal:
        fatalities = FatalityCount(1, 1, trigger.start, trigger.end)  # a reported death is at least one
    attributed = any(q.start <= trigger.start < q.end for q in ctx.quotes)
    certainty = certainty_of(sent.text, sent.start_char, attributed)
    return Draft(
        sent_index=index, kinds=kinds, trigger=trigger, sub_event_type=subtype,
        agent=agent, patient=patient, places=sent_places, fatalities=fatalities, date=date, certainty=certainty,
        spans=[(sent.start_char, sent.end_char)], sentence=sent.text.strip(),
    )


def _actors(sent: Any, trigger: Trigger, triggers: list[Trigger], country: str | None, country_code: str | None,
            year: int | None, aliases: dict[str, str]) -> tuple[ActorMention | None, ActorMention | None]:
    def actor(tok: Any | None) -> ActorMention | None:
        if tok is None:
            return None
        return actor_from_phrase(tok, country, country_code, year, aliases, _nationality)

    agent_tok, patient_tok = arguments(trigger.token)
    agent, patient = actor(agent_tok), actor(patient_tok)
    if agent is None or patient is None:
        for other in triggers:
            if other is trigger:
                continue
            a_tok, p_tok = arguments(other.token)
            agent = agent or actor(a_tok)
            patient = patient or actor(p_tok)
    if agent is None or patient is None:
        mentions = _sentence_actors(sent, country, country_code, year, aliases)
        used = {(m.start, m.end) for m in (agent, patient) if m is not None}
        rest = [m for m in mentions if (m.start, m.end) not in used and
                not any(m.start < u[1] and u[0] < m.end for u in used)]
        if agent is None:
            agent = next((m for m in rest if m.actor.inter not in {CIVILIANS}), None)
            if agent is not None:
                rest.remove(agent)
        if patient is None and rest:
            patient = rest[0]
    return agent, patient


def _sentence_actors(sent: Any, country: str | None, country_code: str | None, year: int | None,
                     aliases: dict[str, str]) -> list[ActorMention]:
    found = []
    for tok in sent:
        if tok.pos_ in {"NOUN", "PROPN"} and tok.is_alpha and tok.dep_ not in {"compound", "amod", "poss"}:
            m = actor_from_phrase(tok, country, country_code, year, aliases, _nationality)
            if m is not None:
                found.append(m)
    return found


def _nationality(word: str) -> tuple[str, str] | None:
    from talaia.geo.gazetteer import GeoNamesGazetteer

    entry = GeoNamesGazetteer.shared().country_of_demonym(word)
    return (entry.name, entry.country_code) if entry is not None else None


def arguments(tok: Any) -> tuple[Any | None, Any | None]:
    """(agent, patient) tokens of a trigger from the dependency parse."""
    agent = patient = None
    if tok.pos_ in {"VERB", "AUX"}:
        for c in tok.children:
            if c.dep_ == "nsubj":
                agent = c
            elif c.dep_ in {"dobj", "obj", "nsubjpass", "nsubj:pass"} and patient is None:
                patient = c
            elif c.dep_ == "agent":
                agent = next((g for g in c.children if g.dep_ == "pobj"), agent)
            elif c.dep_ == "obl" and any(g.lower_ == "por" for g in c.children):
                agent = c
        if agent is not None and agent.lower_ in {"who", "that", "which", "que", "quien", "quienes"}:
            agent = tok.head if tok.dep_ == "relcl" else None
        if agent is None and tok.dep_ == "relcl":
            agent = tok.head
        if patient is None and tok.dep_ == "acl":
            patient = tok.head
        if agent is None and tok.dep_ in {"conj", "xcomp", "advcl"} and tok.head is not tok:
            agent = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
    else:
        for c in tok.children:
            low = c.lower_
            if c.dep_ == "prep" and low in {"on", "against", "of", "contra", "de", "targeting"}:
                target = next((g for g in c.children if g.dep_ == "pobj"), None)
                if target is not None and (low != "of" or patient is None):
                    patient = target
            elif c.dep_ == "prep" and low in {"by", "por"}:
                agent = next((g for g in c.children if g.dep_ == "pobj"), agent)
            elif c.dep_ in {"compound", "poss", "amod", "nmod"} and agent is None:
                agent = c
        head = tok.head
        if tok.dep_ in {"dobj", "obj"} and head.lemma_.lower() in AGENT_VERBS:
            agent = agent or next((c for c in head.children if c.dep_ == "nsubj"), None)
        if tok.dep_ == "nsubj" and head.pos_ == "VERB":
            patient = patient or next((c for c in head.children if c.dep_ in {"dobj", "obj"}), None)
    return agent, patient


def _merge(drafts: list[Draft]) -> list[Draft]:
    """A following sentence with nothing new (no other place, no count of its own) adds detail to its event."""
    out: list[Draft] = []
    for d in drafts:
        prev = out[-1] if out else None
        if prev is not None and d.sent_index - prev.sent_index <= 2 and _compatible(prev, d) and \
                _same_place(prev, d) and (d.fatalities is None or _same_agent(prev, d)):
            prev.spans.extend(d.spans)
            prev.kinds |= d.kinds
            prev.places.extend(d.places)
            if prev.date is None and d.date is not None:
                prev.date = d.date
            if d.fatalities is not None:  # the same deaths told again: keep the range of figures
                f, g = prev.fatalities, d.fatalities
                prev.fatalities = g if f is None else FatalityCount(min(f.low, g.low), max(f.high, g.high),
                                                                    f.start, f.end)
            continue
        out.append(d)
    return out


def _same_agent(a: Draft, b: Draft) -> bool:
    """Both sentences name the same perpetrator (or the second names none)."""
    return b.agent is None or (a.agent is not None and a.agent.actor.name == b.agent.actor.name)


def _compatible(a: Draft, b: Draft) -> bool:
    ta, tb = event_type_of(a.sub_event_type), event_type_of(b.sub_event_type)
    violent = {"Battles", "Violence against civilians", "Explosions/Remote violence"}
    return ta == tb or (ta in violent and tb in violent)


def _same_place(a: Draft, b: Draft) -> bool:
    pa, pb = best_place(a.places), best_place(b.places)
    if pb is None or pa is None:
        return True
    return pa.admin1 == pb.admin1 and pa.country_code == pb.country_code


def _finalise(d: Draft, ctx: DocumentContext, focus: Place | None, country: str | None,
              country_code: str | None, year: int | None) -> Event:
    doc = ctx.document
    text = doc.text
    place = best_place(d.places) or _nearby_place(d, ctx) or focus
    refined = refine_region(place, ctx.places, focus) if place is not None else None
    geo_precision = precision_of(place, text) if place else 3
    if refined is not place and refined is not None:
        place, geo_precision = refined, 2
    if place is not None and place is ctx.source_place:
        geo_precision = max(geo_precision, 2)  # only the outlet's home: somewhere around it
    c_name = place.country if place else country
    c_code = place.country_code if place else country_code
    date = d.date or default_date(doc.published)
    agent = d.agent.actor if d.agent else None
    patient = d.patient.actor if d.patient else None
    where = f" ({c_name})" if c_name else ""
    etype = event_type_of(d.sub_event_type)
    if etype in {"Violence against civilians", "Battles", "Explosions/Remote violence"}:
        agent = agent or Actor(f"Unidentified Armed Group{where}", POLITICAL_MILITIA)
        if etype == "Violence against civilians":
            patient = patient or Actor(f"Civilians{where}", CIVILIANS)
    if d.sub_event_type == "Arrests" and agent is None:
        agent = Actor(f"Police Forces of {c_name}" if c_name else "Police Forces", STATE_FORCES)  # who arrests
    if etype == "Protests" and (agent is None or agent.inter != PROTESTERS):
        patient = agent if agent and agent.inter != PROTESTERS else patient
        agent = Actor(f"Protesters{where}", PROTESTERS)
    if agent is not None and patient is not None and agent.name == patient.name and etype != "Battles":
        patient = None
    if etype == "Battles" and patient is not None and patient.inter == CIVILIANS:
        patient = None  # a base or a patrol was attacked: the other side is armed, not civilian
    spans = sorted(set(d.spans))
    evidence = [Evidence(s, e) for s, e in spans]
    for extra in (d.certainty[1], (date.start, date.end) if date.start is not None else None,
                  (d.fatalities.start, d.fatalities.end) if d.fatalities else None, (d.trigger.start, d.trigger.end)):
        if extra is not None and extra[0] is not None and extra[1] is not None:
            evidence.append(Evidence(extra[0], extra[1]))
    fat = d.fatalities
    event_date = date.date.isoformat() if date.date else None
    key = f"{doc.id}|{EXTRACTOR_VERSION}|{spans[0][0]}"
    return Event(
        event_id=hashlib.sha1(key.encode("utf-8")).hexdigest()[:16],
        event_date=event_date,
        time_precision=date.precision,
        event_type=etype,
        sub_event_type=d.sub_event_type,
        actor1=agent.name if agent else None,
        actor2=patient.name if patient else None,
        inter1=agent.inter if agent else None,
        inter2=patient.inter if patient else None,
        assoc_actor_1=d.agent.associated if d.agent else (),
        assoc_actor_2=d.patient.associated if d.patient else (),
        country=c_name,
        country_code=c_code,
        admin1=place.admin1 if place else None,
        admin2=place.admin2 if place else None,
        location=place.geoname or place.name if place else None,
        latitude=place.latitude if place else None,
        longitude=place.longitude if place else None,
        geo_precision=geo_precision,
        fatalities=fat.low if fat else None,
        fatalities_high=fat.high if fat and fat.high != fat.low else None,
        certainty=d.certainty[0],
        notes=_notes(d, date),
        evidence=tuple(evidence),
    )


def _nearby_place(d: Draft, ctx: DocumentContext) -> Place | None:
    """No place in the sentence: the closest place mentioned before it in the same paragraph."""
    start = d.spans[0][0]
    text = ctx.document.text
    para_start = max(text.rfind("\n", 0, start), 0)
    before = [p for p in ctx.places if para_start <= p.start < start and p.feature != "country"]
    return best_place(before[-2:]) if before else None


def _notes(d: Draft, date: EventDate) -> str:
    sentence = " ".join(d.sentence.split())
    if len(sentence) > 300:
        sentence = sentence[:297].rsplit(" ", 1)[0] + "..."
    if date.date is None:
        return sentence
    when = _format_date(date.date, date.precision)
    return f"{when}: {sentence}"


def _format_date(date: dt.date, precision: int) -> str:
    if precision == 3:
        return f"In {date:%B %Y}"
    if precision == 2:
        return f"Around {date.day} {date:%B %Y}"
    return f"On {date.day} {date:%B %Y}"


