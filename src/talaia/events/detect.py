"""Events from a parsed document: one draft per sentence that reports an incident, merged
when following sentences only add detail, then coded with ACLED's fields.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from talaia.events.actors import ActorMention, Nationality, actor_from_phrase
from talaia.events.anaphora import name_the_groups_blamed, name_the_groups_referred_to
from talaia.events.arguments import arguments, is_source, passive_subject, responds
from talaia.events.certainty import certainty_of
from talaia.events.clauses import clause_spans
from talaia.events.confidence import ConfidenceModel, Provenance
from talaia.events.dates import EventDate, default_date, find_date
from talaia.events.fatalities import FatalityCount, count_fatalities, share_count
from talaia.events.incidents import (
    AFTERMATH,
    DEMONSTRATION,
    DEVELOPMENT,
    REMOTE,
    VIOLENCE,
    Mention,
    assemble,
    family,
    is_additive,
    reconcile,
)
from talaia.events.lexicon import EventLexicon
from talaia.events.location import (
    best_place,
    document_focus,
    is_origin,
    listed_localities,
    precision_of,
    refine_region,
    without_namesakes,
)
from talaia.events.sides import REMOTE_BY_FORCES, described_dead, forces_of_a_people, same_side, state_of
from talaia.events.status import INCIDENT, bounds_a_period, incident_date, incident_words, is_generic, mention_status
from talaia.events.triggers import Trigger, find_triggers
from talaia.models import Actor, Document, Event, Evidence, Participant, Place, Quote
from talaia.nlp.aliases import Aliases
from talaia.nlp.doccache import doc_text, span_ents, span_text
from talaia.text import content_words
from talaia.windows import distinct_ids, event_id

HEADLINE_CHARS = 400
NAME_WORD = re.compile(r"[^\W\d_][\w'-]*")
YEAR = re.compile(r"\b(?:19|20)\d\d\b")  # a date written with its year
TITLE_WORD = 5  # letters of the words a title shares with its incident's sentences (shorter are function words)
# the kinds the code itself names (codebook/event_kinds.tsv)
VIOLENT, CLASH, LOOT, AGREEMENT, SUICIDE, DIE, DEAD, ARREST = (
    "violent", "clash", "loot", "agreement", "suicide", "die", "dead", "arrest")


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
    own_date: EventDate | None = None  # the sentence's own date (``date`` may be borrowed from before)
    paragraph: int = 0
    back_reference: bool = False  # only a definite noun ('the ambush') reports it
    participants: list[tuple[int, ActorMention]] = field(default_factory=list)  # (side 1 or 2, mention)
    subject: bool = False  # told in the lead or naming what the headline names
    apart: bool = False  # told after 'a day after' in a sentence about another incident: one of its own
    recalled: bool = False  # the matter of a dated proceeding ('convicted on Monday of the killing')
    mentions: int = 1  # the mentions merged into this incident
    fresh_kinds: frozenset[str] = frozenset()  # the kinds of its triggers that are not back-references


@dataclass(frozen=True, slots=True)
class DocumentContext:
    document: Document
    places: Sequence[Place]
    quotes: Sequence[Quote]
    aliases: Aliases
    source_place: Place | None = None
    nationality: Nationality | None = None  # demonym -> (country, code): 'Eritrean soldiers'


def extract_events(sdoc: Any, ctx: DocumentContext, lexicon: EventLexicon,
                   confidence: ConfidenceModel | None = None) -> list[Event]:
    """The document's events, most salient first, each with its ``confidence`` when a model is given."""
    text = doc_text(sdoc)
    headline = len(text) <= HEADLINE_CHARS
    # the text's own places first; a local outlet's home when the text names none
    # where things happened, not where they came from ('beef imports from the United States')
    located = [p for p in ctx.places if not is_origin(p, sdoc, lexicon.place_lists)]
    focus = document_focus(located) or ctx.source_place
    country, country_code = _document_country(located, focus)
    published = ctx.document.published
    year = published.year if published else None
    drafts: list[Draft] = []
    title_words = content_words(ctx.document.title or "")
    recent: list[tuple[int, int, EventDate]] = []  # (sentence, paragraph, date) of dated sentences
    paragraph, counted_to = 0, 0
    blamed: list[tuple[int, list[ActorMention]]] = []  # sentences that put an incident on a named group
    arguments_cues = lexicon.detection.arguments
    blame_words = arguments_cues.get("claim", frozenset()) | arguments_cues.get("blame_verb", frozenset())
    # deaths from a disease, a poison or an accident told: the bare deaths and arrests after them are theirs
    non_violent_told = False
    for index, sent in enumerate(sdoc.sents):
        paragraph += text.count("\n\n", counted_to, sent.start_char)  # counted once, not from the start each time
        counted_to = max(counted_to, sent.start_char)
        said = _when_said(sent, lexicon.detection.speech_verbs)
        # the day a source spoke gives way to a day the sentence tells the incident on
        own = (find_date(span_text(sent), sent.start_char, published, lexicon.dates, said) if said else None) or \
            find_date(span_text(sent), sent.start_char, published, lexicon.dates)
        if own is not None and not bounds_a_period(own, span_text(sent), sent.start_char, lexicon.status):
            recent.append((index, paragraph, own))
        triggers = find_triggers(sent, headline, lexicon.triggers)
        if _blames(sent, blame_words):
            blamed.append((index, _named_groups(sent, (country, country_code, year), ctx, lexicon)))
        if not triggers:
            # 'An outbreak of cholera has hit Kibera.': the deaths told next are the outbreak's
            non_violent_told = non_violent_told or _non_violent_cause(sent, [], lexicon.detection.non_violent_cause)
            continue
        # the lead, or a sentence about what the headline is about, tells the article's subject: never history
        subject = paragraph == 0 or index <= 1 or bool(_names(span_text(sent)) & title_words)
        # the date told before: in the same paragraph ("On 3 May, ... . The gunmen ..."), else the last
        # date the article gave (long reports on past events date them once)
        told_before = next((d for i, p, d in reversed(recent) if p == paragraph and index - i <= 3), None) or \
            next((d for _, _, d in reversed(recent) if d.precision <= 2 or d.start is not None), None)
        for part, part_triggers, part_own, apart in _told_apart(sent, triggers, own, told_before, published, lexicon):
            part_triggers = incident_words(part, part_triggers, lexicon.status)  # a jail term is no arrest
            # the incident's own date: 'the 2012 murder case' its year, 'convicted on Monday of the murder' none
            own_incident = incident_date(part, part_triggers, part_own, published, lexicon.status)
            status = mention_status(part, part_triggers, own_incident, published, subject, lexicon.status)
            placed = any(part.start_char <= p.start < part.end_char for p in ctx.places)
            cause = _non_violent_cause(part, part_triggers, lexicon.detection.non_violent_cause)
            if status != INCIDENT or is_generic(part, part_triggers, part_own, placed, lexicon.status):
                # a toll, a habit, a fear, a cause or a recalled incident: no event of its own; a toll of a
                # disease ('4 have died from typhoid since August') still makes the bare deaths after it its own
                non_violent_told = non_violent_told or (
                    cause and {t.kind for t in part_triggers} <= lexicon.coder.kinds.accidental)
                continue
            if lexicon.incidents.another.search(span_text(part)):
                non_violent_told = False  # 'separately', 'in another attack': a different story
            inherited = non_violent_told and {t.kind for t in part_triggers} <= lexicon.coder.kinds.bare
            draft = _draft(part, index, part_triggers, ctx, (country, country_code, year), own_incident, lexicon,
                           (cause, inherited))
            if draft is None:
                non_violent_told = non_violent_told or (
                    cause and {t.kind for t in part_triggers} <= lexicon.coder.kinds.accidental)
                continue
            non_violent_told = False  # an incident told: what follows is about it
            draft.paragraph = paragraph
            draft.subject = subject
            draft.apart = apart
            draft.recalled = part_own is not None and own_incident is None
            if draft.date is None and part_own is None:
                draft.date = told_before  # a sentence whose date is a proceeding's borrows none: not the incident's day
            drafts.append(draft)
    # an incident told with no day of its own and none before it ('an activist was murdered', then 'on 3 May
    # 2016 ...'): the first date with its year the article gives, when it lies before publication — the date of
    # the article's subject incident, however old, not the day before publication
    written = next((d for _, _, d in recent if d.date is not None and d.start is not None and d.end is not None
                    and YEAR.search(text, d.start, d.end) and (published is None or d.date < published)), None)
    for draft in drafts:
        if draft.date is None and written is not None:
            draft.date = written
    name_the_groups_blamed(blamed, drafts, lexicon.actors)
    name_the_groups_referred_to(drafts, text, lexicon.actors)
    merged = _incidents(drafts, text, lexicon)
    if not headline and published is not None:
        # an article's incidents are told with a day, a place or a count; beside them, violence words with
        # none of these are commentary; with none anchored, only the article's subject (the lead, the
        # headline's words) is an incident, and an opinion piece's asides are not (a headline may say
        # none of these; without a publication date, 'on Thursday' cannot be read as a day)
        anchored = [d for d in merged if _anchored(d)]
        merged = anchored or [d for d in merged if d.subject]
    merged = [part for d in merged for part in _one_per_locality(d, text, lexicon)]
    events = [_finalise(d, ctx, focus, country, country_code, lexicon) for d in merged]
    order = _by_salience(events, merged, text, ctx.document.title)
    events = distinct_ids(ctx.document.id, [events[i] for i in order])
    if confidence is None:
        return events
    read = [_provenance(merged[i]) for i in order]
    scores = confidence.score([e.to_dict() for e in events],
                              {"text": text, "published": published, "language": sdoc.lang_}, read)
    return [dataclasses.replace(e, confidence=c) for e, c in zip(events, scores, strict=True)]


SAID_WHEN = frozenset({"npadvmod", "obl", "obl:tmod", "prep", "advmod", "nmod", "tmod"})


def _when_said(sent: Any, speech_verbs: frozenset[str]) -> list[tuple[int, int]]:
    """The spans (offsets in the sentence) of the time a source spoke ('officials said on Sunday', 'informó
    este martes'): the day of the statement, not the incident's. Only when the speech verb reports a clause
    of its own (the incident is told inside it, or the sentence goes on around it)."""
    spans = []
    for tok in sent:
        if tok.pos_ not in {"VERB", "AUX"} or tok.lemma_.lower() not in speech_verbs:
            continue
        for child in tok.children:
            if child.dep_ in SAID_WHEN and any(t.ent_type_ in {"DATE", "TIME"} or t.like_num or t.pos_ == "PROPN"
                                               for t in child.subtree) and not any(
                    t.pos_ == "VERB" for t in child.subtree):
                left, right = child.left_edge.idx, child.right_edge.idx + len(child.right_edge.text)
                spans.append((left - sent.start_char, right - sent.start_char))
    return spans


def _provenance(d: Draft) -> Provenance:
    toll = d.fatalities
    return Provenance(mentions=d.mentions, own_place=bool(d.places), own_date=d.own_date is not None,
                      implicit_toll=toll is not None and toll.implicit, subject=d.subject)


def _one_per_locality(d: Draft, text: str, lexicon: EventLexicon) -> list[Draft]:
    """One incident's action told in a list of towns ('attacks in Caloto, Corinto and Padilla'): an
    event per town, as ACLED codes them, the toll shared out evenly (the first towns take what does
    not divide)."""
    localities = listed_localities(d.places, text, lexicon.place_lists)
    if not localities:
        return [d]
    shares = share_count(d.fatalities, len(localities))
    return [dataclasses.replace(d, places=[place], fatalities=share, kinds=set(d.kinds),
                                spans=_without(d.spans, [(p.start, p.end) for p in localities if p is not place]),
                                participants=list(d.participants))
            for place, share in zip(localities, shares, strict=True)]


def _without(spans: list[tuple[int, int]], holes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans less the holes: one town's event is not read from the other towns' names."""
    out = []
    for start, end in spans:
        pieces = [(start, end)]
        for h0, h1 in holes:
            pieces = [part for s, e in pieces for part in ((s, min(e, h0)), (max(s, h1), e)) if part[0] < part[1]]
        out.extend(pieces)
    return out


def _told_apart(sent: Any, triggers: list[Trigger], own: EventDate | None, told_before: EventDate | None,
                published: dt.date | None, lexicon: EventLexicon
                ) -> list[tuple[Any, list[Trigger], EventDate | None, bool]]:
    """The sentence, or its two incidents when a phrase puts one before or after the other ('Gunmen
    stormed a checkpoint on Wednesday, a day after an officer was killed in the town': sequence_cues):
    (part, its triggers, its own date, told apart from the first), each part with violence words of its
    own. The second part's day is the first's less the days the phrase says, unless it tells its own."""
    whole = [(sent, triggers, own, False)]
    for pattern, days in lexicon.incidents.sequence:
        m = pattern.search(span_text(sent))
        if m is None:
            continue
        cut, resume = sent.start_char + m.start(), sent.start_char + m.end()
        first = [t for t in triggers if t.end <= cut]
        second = [t for t in triggers if t.start >= resume]
        if not first or not second:
            return whole
        doc = sent.doc
        head = doc.char_span(sent.start_char, cut, alignment_mode="contract")
        tail = doc.char_span(resume, sent.end_char, alignment_mode="contract")
        if head is None or tail is None or not len(head) or not len(tail):
            return whole
        dates = lexicon.dates
        head_own = find_date(span_text(head), head.start_char, published, dates)
        tail_own = find_date(span_text(tail), tail.start_char, published, dates)
        known = head_own or told_before
        if tail_own is None and days is not None and known is not None and known.date is not None:
            tail_own = EventDate(known.date - dt.timedelta(days=days), known.precision)
        return [(head, first, head_own, False), (tail, second, tail_own, True)]
    return whole


def _incidents(drafts: list[Draft], text: str, lexicon: EventLexicon) -> list[Draft]:
    """The drafts of one incident merged into one (incidents.py says when mentions are one incident)."""
    tax, cues = lexicon.taxonomy, lexicon.incidents
    mentions = [Mention(
        sent_index=d.sent_index, paragraph=d.paragraph, sub_event_type=d.sub_event_type,
        places=d.places, own_date=d.own_date, fatalities=d.fatalities,
        agent=d.agent.actor.name if d.agent else None, back_reference=d.back_reference,
        armed_group=d.agent is not None and d.agent.actor.inter in tax.armed - {tax.state_forces},
        links=frozenset(role for role, pattern in (("another", cues.another), ("same", cues.same))
                        if pattern.search(d.sentence)) | ({"another"} if d.apart else set()),
        additive=d.fatalities is not None and (is_additive(text, d.fatalities, cues) or
                                               bool(cues.also.search(d.sentence))),
        updated=d.fatalities is not None and not d.fatalities.implicit and bool(cues.updated.search(d.sentence)),
        # 'the toll of the bombing rose to seven': deaths, and only a back-reference to the incident they belong to
        casualties_only=(d.fresh_kinds or d.kinds) <= lexicon.coder.kinds.lethal,
        died_later=(d.fresh_kinds or d.kinds) <= {DIE, DEAD},
        spans=tuple(d.spans),
    ) for d in drafts]
    out = []
    for group in assemble(mentions, tax, lexicon.joins):
        first = drafts[group[0]]
        counts = [(drafts[i].fatalities, mentions[i].additive, mentions[i].updated) for i in group]
        for i in group[1:]:
            d = drafts[i]
            first.spans.extend(d.spans)
            first.kinds |= d.kinds
            first.places.extend(d.places)
            if d.own_date is not None and (first.own_date is None or d.own_date.precision < first.own_date.precision):
                first.own_date = first.date = d.own_date
            first.agent = first.agent or d.agent
            first.patient = first.patient or d.patient
            _name_the_group(first, d, lexicon)
            first.participants.extend(d.participants)
            first.subject = first.subject or d.subject
            first.recalled = first.recalled or d.recalled
        first.fatalities = reconcile([(c, a, u) for c, a, u in counts if c is not None])
        first.mentions = len(group)
        first.sub_event_type = _incident_sub_type([drafts[i] for i in group], first, lexicon)
        out.append(first)
    return out


def _name_the_group(incident: Draft, mention: Draft, lexicon: EventLexicon) -> None:
    """'alleged cartel members' in one sentence, 'the Sinaloa Cartel' in another: the group a later
    mention names takes the place of the unidentified one on the same side."""
    tax = lexicon.taxonomy
    non_state = tax.armed - {tax.state_forces}
    named = [m for m in (mention.agent, mention.patient) if m is not None and m.kind == "organization"
             and m.actor.inter in non_state]
    for m in named:
        sides = [incident.agent, incident.patient]
        if any(s is not None and s.actor.name == m.actor.name for s in sides):
            continue
        for attr in ("agent", "patient"):
            told = getattr(incident, attr)
            if told is not None and told.kind != "organization" and told.actor.inter in non_state:
                setattr(incident, attr, m)
                break


def _incident_sub_type(told: list[Draft], merged: Draft, lexicon: EventLexicon) -> str:
    """One incident's sub-type from all its mentions. Violence in a demonstration makes it a riot or
    a protest met with force (ACLED codes the demonstration, a molotov included); armed sides in any
    violence mention, or in all of them together, make it a battle (its civilian deaths included); a
    grave stays the grave its bodies are counted in; otherwise the mention of the gravest type
    (violence before demonstrations before developments), the first among equals."""
    tax, coder = lexicon.taxonomy, lexicon.coder
    families = [family(d.sub_event_type, tax) for d in told]
    violence = [d for d, f in zip(told, families, strict=True) if f == VIOLENCE]
    agent = merged.agent.actor if merged.agent else None
    patient = merged.patient.actor if merged.patient else None

    def coded(mentions: list[Draft]) -> str | None:  # the sub-type of all these mentions' kinds together
        return coder.sub_event_type(set().union(*(d.kinds for d in mentions)), agent, patient)

    if DEMONSTRATION in families:
        demonstration = coded([d for d, f in zip(told, families, strict=True) if f != REMOTE])
        if demonstration is not None:
            return demonstration
    if len(violence) > 1:  # 'a raid on a gang' in one sentence, the deaths in the next
        for option in (*(d.sub_event_type for d in violence), coded(violence)):
            if option is not None and tax.event_type_of(option) == tax.event_tags["battles"]:
                return option
    if told[0].sub_event_type == tax.sub_event_tags["other"] and all(d.kinds <= coder.kinds.lethal for d in violence):
        return told[0].sub_event_type  # a grave and the bodies counted in it: still the grave found
    rank = {VIOLENCE: 0, REMOTE: 0, DEMONSTRATION: 1, AFTERMATH: 2, DEVELOPMENT: 2}
    gravest = min(range(len(told)), key=lambda i: (rank[families[i]], i))
    return told[gravest].sub_event_type


def _names(text: str) -> frozenset[str]:
    """The capitalised words after a text's first word, folded: the names of people and places it tells."""
    words = [w for w in NAME_WORD.findall(text)[1:] if w[:1].isupper()]
    return content_words(" ".join(words))


def _anchored(d: Draft) -> bool:
    """The incident has a day (its own, or a proceeding's that judges it), a place finer than a country or
    a death count of its own: commentary on 'violence against journalists' has none of them."""
    return d.own_date is not None or d.recalled or \
        any(p.feature not in {"country", "continent", "region"} for p in d.places) \
        or (d.fatalities is not None and not d.fatalities.implicit)


def _by_salience(events: list[Event], drafts: list[Draft], text: str, title: str | None) -> list[int]:
    """The incident the headline tells first; without one, incidents with deaths before the others
    (the news a report leads with), then the article's order."""
    order = sorted(range(len(events)), key=lambda i: (0 if (events[i].fatalities or 0) > 0 else 1, i))
    if title and events:
        words = content_words(title, TITLE_WORD)
        overlap = [len(words & content_words(" ".join(text[s:e] for s, e in d.spans), TITLE_WORD)) for d in drafts]
        best = max(range(len(events)), key=lambda i: (overlap[i], -i))
        if overlap[best] >= 2:
            order = [best, *(i for i in order if i != best)]
    return order


def _document_country(places: Sequence[Place], focus: Place | None) -> tuple[str | None, str | None]:
    if focus is not None:
        return focus.country, focus.country_code
    for p in places:
        if p.country_code:
            return p.country, p.country_code
    return None, None


def _draft(sent: Any, index: int, triggers: list[Trigger], ctx: DocumentContext,
           where: tuple[str | None, str | None, int | None], date: EventDate | None,
           lexicon: EventLexicon, non_violent: tuple[bool, bool] = (False, False)) -> Draft | None:
    """The event one sentence reports, if any; ``date`` is the sentence's own date, already found;
    ``non_violent``: whether a disease, a poison or an accident is named in it, and whether one was told
    before it (then its bare deaths and arrests are that story's)."""
    country, country_code, year = where
    coder, cues = lexicon.coder, lexicon.detection
    event_kinds = coder.kinds
    kinds = {t.kind for t in triggers}
    if VIOLENT in kinds and not kinds & event_kinds.protest:
        # violence words outside a protest: a clash, or property destroyed
        clash_words = lexicon.triggers.cues["clash"]
        kinds.add(CLASH if any(w in doc_text(t.token.doc)[t.start:t.end].lower() for t in triggers for w in clash_words)
                  else LOOT)
    if kinds <= event_kinds.modifier:
        return None
    main = coder.main_kind(kinds - event_kinds.modifier)
    if main is None:
        return None
    # the trigger of the main kind; a kind added for a violence phrase falls back to that phrase
    trigger = next((t for t in triggers if t.kind == main), triggers[0])
    sent_places = without_namesakes([p for p in ctx.places if sent.start_char <= p.start < sent.end_char
                                     and not is_origin(p, sent.doc, lexicon.place_lists)], doc_text(sent.doc))
    local = best_place(sent_places)
    c_name = local.country if local else country
    c_code = local.country_code if local else country_code
    agent, patient = _actors(sent, trigger, triggers, (c_name, c_code, year), ctx, lexicon)
    # deaths from a disease or an accident are no political violence; a suicide bombing is no suicide
    # a death ('the soldier's death', 'two soldiers died') has no perpetrator: an armed possessor is its victim;
    # an arrest's agent is the police whatever the offence (the brewer of the poisoned drink)
    perpetrated = agent is not None and agent.actor.inter in lexicon.taxonomy.armed and \
        not kinds <= {DIE, DEAD, ARREST}
    named, told = non_violent
    if not perpetrated and SUICIDE not in kinds and (
            ((named or told) and kinds <= event_kinds.accidental) or (told and kinds <= event_kinds.bare)):
        return None
    if kinds == {ARREST} and cues.petty_offence.search(span_text(sent)):
        return None  # 'taken into custody for public intoxication'
    truce = AGREEMENT in kinds and not cues.broken_truce.search(span_text(sent)) and \
        min(t.start for t in triggers if t.kind == AGREEMENT) <= min(t.start for t in triggers)
    subtype = coder.sub_event_type(kinds, agent.actor if agent else None, patient.actor if patient else None, truce)
    if subtype is None:
        return None
    lethal = bool(kinds & event_kinds.lethal)
    fatalities = count_fatalities(sent, lethal, lexicon.fatalities)
    if fatalities is None and lethal:  # a reported death is at least one
        fatalities = FatalityCount(1, 1, trigger.start, trigger.end, implicit=True)
    participants = [(side, m) for side, m in ((1, agent), (2, patient)) if m is not None]
    participants += [(2, m) for m in _named_victims(sent, trigger, ctx, lexicon, (c_name, c_code, year))
                     if not any(m.start < p.end and p.start < m.end for _, p in participants)]
    attributed = any(q.start <= trigger.start < q.end for q in ctx.quotes)
    certainty = certainty_of(sent, attributed, lexicon.certainty)
    return Draft(
        sent_index=index, kinds=kinds, trigger=trigger, sub_event_type=subtype,
        agent=agent, patient=patient, places=sent_places, fatalities=fatalities, date=date, certainty=certainty,
        spans=clause_spans(sent, trigger, date, fatalities, lexicon.detection.background),
        sentence=span_text(sent).strip(), own_date=date,
        back_reference=all(t.back_reference for t in triggers if t.kind not in event_kinds.qualifier),
        fresh_kinds=frozenset(t.kind for t in triggers if not t.back_reference),
        participants=participants,
    )


def _non_violent_cause(sent: Any, triggers: list[Trigger], causes: re.Pattern[str]) -> bool:
    """A disease, an accident or a disaster named in the sentence, not as one of its violence words
    ('Gunmen storm a home' is no storm); a cause phrase that holds a violence word and more is one
    ('murieron ahogados', 'un incendio en un mercado')."""
    base = sent.start_char
    return any(not any(t.start <= base + m.start() and base + m.end() <= t.end for t in triggers)
               for m in causes.finditer(span_text(sent)))


def _actors(sent: Any, trigger: Trigger, triggers: list[Trigger], where: tuple[str | None, str | None, int | None],
            ctx: DocumentContext, lexicon: EventLexicon) -> tuple[ActorMention | None, ActorMention | None]:
    country, country_code, year = where
    cues = lexicon.detection.arguments

    def actor(tok: Any | None) -> ActorMention | None:
        if tok is None:
            return None
        return _unless_a_place(actor_from_phrase(tok, country, country_code, year, ctx.aliases, lexicon.actors,
                                                 ctx.nationality), ctx)

    for clash in (t for t in triggers if t.kind == CLASH):
        sides = [actor(tok) for tok in arguments(clash.token, cues)]
        if sides[0] is not None and sides[1] is not None:
            return sides[0], sides[1]  # the two sides of a clash, whoever died in it
    agent_tok, patient_tok = arguments(trigger.token, cues)
    died = trigger.kind == DIE and trigger.token.pos_ in {"VERB", "AUX"}
    if died:
        agent_tok, patient_tok = None, patient_tok or agent_tok  # who died is the victim: 'three people died'
    agent, patient = actor(agent_tok), actor(patient_tok)
    if agent is None or patient is None:
        for other in triggers:
            if other is trigger:
                continue
            a_tok, p_tok = arguments(other.token, cues)
            agent = agent or actor(a_tok)
            patient = patient or actor(p_tok)
    if agent is None or patient is None:
        mentions = _sentence_actors(sent, where, ctx, lexicon)
        used = {(m.start, m.end) for m in (agent, patient) if m is not None}
        if patient_tok is not None:  # 'two soldiers and 16 gunmen were killed': all of them are the victims
            used |= {(c.left_edge.idx, c.right_edge.idx + len(c.right_edge.text)) for c in patient_tok.conjuncts}
        rest = [m for m in mentions if (m.start, m.end) not in used and
                not any(m.start < u[1] and u[0] < m.end for u in used)]
        if trigger.kind in {DIE, DEAD}:  # 'reported two dead - a police officer and a vendor': all of them dead
            rest = [m for m in rest if not described_dead(trigger.token, m)]
        if agent is None and not (died and len(triggers) == 1):  # 'died: one officer and two gunmen' are all dead
            # who 'was injured', 'fue atacado' suffered it: a passive subject is never the doer
            # nor is the side the attack was made on: 'an ambush on an army patrol left four soldiers dead'
            facility = lexicon.actors.cues.get("facility", frozenset())
            agent = next((m for m in rest if m.actor.inter != lexicon.taxonomy.civilians
                          and not passive_subject(sent, m, cues)
                          and not facility & set(doc_text(sent.doc)[m.start:m.end].lower().split())
                          and not same_side(m.actor, patient.actor if patient else None, lexicon)), None)
            if agent is not None:
                rest.remove(agent)
        if patient is None and rest:
            patient = rest[0]
    tax = lexicon.taxonomy
    if patient is None or (patient.actor.inter == tax.civilians and patient.kind != "person"):
        # 'militants attacked a police checkpoint, killing three people': the target the attack names is the
        # side it was made on, however its dead are counted
        for other in triggers:
            force = actor(arguments(other.token, cues)[1]) if other is not trigger else None
            if force is not None and force.actor.inter == tax.state_forces and \
                    (agent is None or agent.actor.name != force.actor.name):
                patient = force
                break
    if agent is None and any(t.kind in REMOTE_BY_FORCES for t in triggers):
        agent = forces_of_a_people(triggers, where, ctx.nationality, lexicon)
    if agent is not None and responds(sent, agent, cues.get("responder", frozenset())):
        # 'police retaliated': the side that answered the attack is its target, never its perpetrator
        responder = agent
        agent = None
        if patient is not None and patient.actor.inter in tax.armed - {tax.state_forces}:
            agent, patient = patient, responder  # 'repelled the attack and killed two gunmen': the gunmen began it
        else:
            patient = patient if patient is not None and patient.actor.name != responder.actor.name else responder
    return agent, patient


def _unless_a_place(m: ActorMention | None, ctx: DocumentContext) -> ActorMention | None:
    """'Zamora' taken for a person's name is the place the document resolved there, not a victim."""
    if m is not None and m.kind == PERSON and any(p.start <= m.start < p.end and not p.embedded for p in ctx.places):
        return None
    return m


def _sentence_actors(sent: Any, where: tuple[str | None, str | None, int | None], ctx: DocumentContext,
                     lexicon: EventLexicon) -> list[ActorMention]:
    country, country_code, year = where
    found = []
    for tok in sent:
        if tok.pos_ in {"NOUN", "PROPN"} and tok.is_alpha and tok.dep_ not in {"compound", "amod", "poss"} and \
                not is_source(tok, lexicon.detection):
            m = _unless_a_place(actor_from_phrase(tok, country, country_code, year, ctx.aliases, lexicon.actors,
                                                  ctx.nationality), ctx)
            if m is not None:
                found.append(m)
    return found


def _blames(sent: Any, words: frozenset[str]) -> bool:
    """A claim or a blame word (argument_cues): 'claimed responsibility', 'blamed', 'atribuyeron', 'señaló como
    responsables'."""
    return any(t.lemma_.lower() in words or t.lower_ in words for t in sent)


def _named_groups(sent: Any, where: tuple[str | None, str | None, int | None], ctx: DocumentContext,
                  lexicon: EventLexicon) -> list[ActorMention]:
    tax = lexicon.taxonomy
    return [m for m in _sentence_actors(sent, where, ctx, lexicon)
            if m.kind == "organization" and m.actor.inter in tax.armed - {tax.state_forces}]


def _names_a_perpetrator(trigger: Trigger, lexicon: EventLexicon) -> bool:
    """The violence word has a doer in the parse ('gang members stabbed'), whether or not it names an
    ACLED actor; who died is no doer ('a blogger died')."""
    if trigger.kind == DIE and trigger.token.pos_ in {"VERB", "AUX"}:
        return False
    return arguments(trigger.token, lexicon.detection.arguments)[0] is not None


def _finalise(d: Draft, ctx: DocumentContext, focus: Place | None, country: str | None,
              country_code: str | None, lexicon: EventLexicon) -> Event:
    tax, names = lexicon.taxonomy, lexicon.actors.names
    doc = ctx.document
    text = doc.text
    place = best_place(d.places) or _nearby_place(d, ctx) or focus
    refined = refine_region(place, ctx.places, focus) if place is not None else None
    geo_precision = precision_of(place, text, lexicon.near) if place else 3
    if refined is not place and refined is not None:
        place, geo_precision = refined, 2
    if place is not None and place is ctx.source_place:
        geo_precision = max(geo_precision, 2)  # only the outlet's home: somewhere around it
    c_name = place.country if place else country
    c_code = place.country_code if place else country_code
    date = d.date or default_date(doc.published)
    agent = d.agent.actor if d.agent else None
    patient = d.patient.actor if d.patient else None
    etype = tax.event_type_of(d.sub_event_type)
    battles = tax.event_tags["battles"]
    if etype in {tax.event_tags["violence_against_civilians"], tax.event_tags["explosions"]} and \
            agent is not None and agent.inter == tax.civilians:
        agent = None  # civilians are the victims of violence and of blasts, never their doers ('killed by a car bomb')
    if etype in tax.political_violence and agent is None and not _names_a_perpetrator(d.trigger, lexicon) and \
            lexicon.detection.custody.search(" ".join((d.sentence, *(text[s:e] for s, e in d.spans)))):
        agent = Actor(names("police", c_name), tax.state_forces)  # harm to someone the state holds: its doing
    if etype in tax.political_violence:  # someone did it
        agent = agent or Actor(names("armed_group", c_name), tax.political_militia)
        if etype == tax.event_tags["violence_against_civilians"]:
            patient = patient or Actor(names("civilians", c_name), tax.civilians)
    if d.sub_event_type == tax.sub_event_tags["arrests"] and agent is None:
        agent = Actor(names("police", c_name), tax.state_forces)  # who arrests
    if etype == tax.event_tags["protests"] and (agent is None or agent.inter != tax.protesters):
        patient = agent if agent and agent.inter != tax.protesters else patient
        agent = Actor(names("protesters", c_name), tax.protesters)
    if d.sub_event_type == tax.sub_event_tags["violent_demonstration"] and \
            (agent is None or agent.inter != tax.rioters):
        # the demonstrators turned violent: they are the rioters (ACLED codes violent demonstrators so), whoever
        # else is named is the other side
        patient = agent if agent is not None and agent.inter not in {tax.civilians, tax.protesters} else patient
        agent = Actor(names("rioters", c_name), tax.rioters)
    if agent is not None and patient is not None and agent.name == patient.name and \
            (etype != battles or agent.name != names("armed_group", c_name)):
        patient = None  # one actor is never on both sides; two unidentified groups may fight each other
    if etype == battles and patient is not None and patient.inter == tax.civilians:
        patient = None  # a base or a patrol was attacked: the other side is armed, not civilian
    if etype == battles and agent is not None and agent.inter == tax.civilians:
        agent = Actor(names("armed_group", c_name), tax.political_militia)  # civilians do not fight battles
    if etype == battles and patient is None and agent is not None and agent.inter == tax.state_forces:
        patient = Actor(names("armed_group", c_name), tax.political_militia)  # a battle has a second side
    if agent is not None and patient is not None and agent.inter == patient.inter == tax.state_forces and \
            state_of(agent.name) == state_of(patient.name):
        patient = None  # one state's forces on both sides: allies in one operation, not enemies
    spans = sorted(set(d.spans))
    evidence = [Evidence(s, e) for s, e in spans]
    for extra in (d.certainty[1], (date.start, date.end) if date.start is not None else None,
                  (d.fatalities.start, d.fatalities.end) if d.fatalities else None, (d.trigger.start, d.trigger.end)):
        if extra is not None and extra[0] is not None and extra[1] is not None:
            # within the parts that tell the incident: a cue or a count in a background clause is no evidence
            for s, e in spans:
                if s < extra[1] and extra[0] < e:
                    evidence.append(Evidence(max(s, extra[0]), min(e, extra[1])))
    # strategic developments are not violence: ACLED records no fatalities for them (a grave's bodies died earlier)
    fat = None if etype == tax.event_tags["strategic_developments"] else d.fatalities
    sides = {1: agent, 2: patient}
    told: dict[int, dict[tuple[int, int], Participant]] = {1: {}, 2: {}}
    places = [(p.start, p.end) for p in ctx.places if not p.embedded]
    for side, m in d.participants:
        final = sides[side]
        kind = m.kind or GROUP
        if kind == PERSON and any(s < m.end and m.start < e for s, e in places):
            continue  # a name the document's places resolve ('La Laguna') is no person
        # a participant named for the side's actor, or a named victim on the civilians' side
        victim = kind == PERSON and side == 2 and final is not None and final.inter == tax.civilians
        if final is not None and (m.actor.name == final.name or victim):
            start, end = m.start, _balanced_end(text, m.start, m.end)
            told[side].setdefault((start, end), Participant(text[start:end], start, end, kind, final.name))
    for side in told:
        told[side] = _without_bracketed_aliases(told[side], text)
    event_date = date.date.isoformat() if date.date else None
    return Event(
        event_id=event_id(doc.id, spans[0][0]),
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
        notes=_notes(d, date, lexicon.detection.notes),
        evidence=tuple(evidence),
        actor1_mentions=tuple(told[1].values()), actor2_mentions=tuple(told[2].values()),
    )


def _balanced_end(text: str, start: int, end: int) -> int:
    """A name's end before a bracket it opens and does not close ('the Front (FMLN' -> 'the Front')."""
    phrase = text[start:end]
    if phrase.count("(") > phrase.count(")"):
        cut = phrase.rfind("(")
        if text[start:start + cut].strip():
            return start + len(text[start:start + cut].rstrip())
    return end


def _without_bracketed_aliases(told: dict[tuple[int, int], Participant], text: str
                               ) -> dict[tuple[int, int], Participant]:
    """'David Orosco ("Comrade Merino")': a name in brackets right after a participant is that participant."""
    kept: dict[tuple[int, int], Participant] = {}
    previous: Participant | None = None
    for key in sorted(told):
        p = told[key]
        if previous is not None and text[previous.end:p.start].strip() in BRACKET_OPENERS:
            continue
        kept[key] = previous = p
    return kept


BRACKET_OPENERS = frozenset({"(", '("', "(“", "(\'"})
PERSON, GROUP = "person", "group"  # participant kinds (the actor reader also says "organization")
PERSON_LABELS = frozenset({"PERSON", "PER"})
# the dependency links from a victim's name up to the violence word ('killed [the mayor, Juan Pérez]')
VICTIM_PATH = frozenset({"nsubj", "nsubjpass", "nsubj:pass", "obj", "dobj", "pobj", "appos", "conj", "nmod",
                         "compound", "obl", "prep", "flat"})


def _named_victims(sent: Any, trigger: Trigger, ctx: DocumentContext, lexicon: EventLexicon,
                   where: tuple[str | None, str | None, int | None]) -> list[ActorMention]:
    """People the violence word names as its object ('killed Mayor Juan Pérez', 'the murder of X', 'the
    victim, X'): a person entity whose path up the parse reaches the trigger through an object (or the
    subject of 'died')."""
    found = []
    for ent in span_ents(sent):
        if ent.label_ not in PERSON_LABELS:
            continue
        tok, target = ent.root, trigger.token.i  # tokens are made anew on each access: compare positions
        for _ in range(4):
            if tok.head.i in {target, tok.i} or tok.dep_ not in VICTIM_PATH:
                break
            tok = tok.head
        subject = tok.dep_ in {"nsubj", "csubj"} and trigger.kind != DIE
        if tok.head.i == target and tok.dep_ in VICTIM_PATH and not subject:
            found.append(ActorMention(Actor(lexicon.actors.names("civilians", where[0]), lexicon.taxonomy.civilians),
                                      ent.start_char, ent.end_char, kind=PERSON))
    return found


def _nearby_place(d: Draft, ctx: DocumentContext) -> Place | None:
    """No place in the sentence: the closest place mentioned before it in the same paragraph."""
    start = d.spans[0][0]
    text = ctx.document.text
    para_start = max(text.rfind("\n", 0, start), 0)
    before = [p for p in ctx.places if para_start <= p.start < start and p.feature != "country"]
    return best_place(before[-2:]) if before else None


def _notes(d: Draft, date: EventDate, notes: Mapping[int, str]) -> str:
    sentence = " ".join(d.sentence.split())
    if len(sentence) > 300:
        sentence = sentence[:297].rsplit(" ", 1)[0] + "..."
    if date.date is None:
        return sentence
    when = _format_date(date.date, date.precision, notes)
    return f"{when}: {sentence}"


def _format_date(date: dt.date, precision: int, notes: Mapping[int, str]) -> str:
    """'On 9 March 2021', 'Around ...', 'In March 2021' (codebook/time_precisions.tsv)."""
    template = notes.get(precision, notes[1])
    return template.replace("{day}", str(date.day)).replace("{month}", f"{date:%B}").replace("{year}", f"{date:%Y}")


