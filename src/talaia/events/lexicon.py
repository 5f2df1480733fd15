"""The events stage's knowledge, read once per pipeline from the knowledge in use.

Each module has its own part (triggers, actors, fatalities, dates, certainty, coding);
:class:`EventLexicon` holds them all, with the cues ``detect.py`` reads itself. The
component builds one from ``resources.knowledge`` and passes it down every call.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from talaia.events.actors import ActorLexicon
from talaia.events.certainty import CertaintyCues
from talaia.events.coding import Coder
from talaia.events.dates import DateLexicon
from talaia.events.fatalities import FatalityLexicon
from talaia.events.incidents import JOIN_MODEL, IncidentCues
from talaia.events.location import PlaceListCues, near_cues
from talaia.events.logistic import LogisticModel
from talaia.events.status import StatusCues
from talaia.events.tables import NOTHING, alternation, any_word, by_role, ordered, require
from talaia.events.taxonomy import Taxonomy
from talaia.events.triggers import TriggerLexicon
from talaia.knowledge import Knowledge
from talaia.nlp.numbers import NumberWords


@dataclass(frozen=True, slots=True)
class DetectionCues:
    """What ``detect.py`` reads itself: who did what to whom, and what a sentence's incident is."""

    arguments: Mapping[str, frozenset[str]]  # argument_cues role -> words
    broken_truce: re.Pattern[str]  # 'despite the ceasefire'
    non_violent_cause: re.Pattern[str]  # 'a cholera outbreak'
    petty_offence: re.Pattern[str]  # 'for public intoxication': an arrest for it is no political event
    background: re.Pattern[str]  # 'amid protests that have shaken the country': the scene, not the incident
    custody: re.Pattern[str]  # 'died in custody': harm done by the state that holds the victim
    notes: Mapping[int, str]  # time precision -> how the notes begin: 'On {day} {month} {year}'
    speech_verbs: frozenset[str]  # lemmas: their subject is a source of the report, not a participant
    source_before: re.Pattern[str]  # 'according to (sources from) ': what follows is a source

    @classmethod
    def from_knowledge(cls, knowledge: Knowledge) -> DetectionCues:
        arguments = by_role(knowledge.union("argument_cues"), "word", "role")
        context = knowledge.union("context_cues")
        notes = {int(r["precision"]): r["note"] for r in knowledge.table("time_precisions").records()}
        require(notes, (1, 2, 3), "time_precisions")
        return cls(
            arguments=MappingProxyType(arguments),
            broken_truce=any_word(ordered(context, "pattern", role="broken_truce")),
            non_violent_cause=any_word(ordered(context, "pattern", role="non_violent_cause")),
            petty_offence=any_word(ordered(context, "pattern", role="petty_offence")),
            background=any_word(ordered(context, "pattern", role="background")),
            custody=any_word(ordered(context, "pattern", role="custody")),
            notes=MappingProxyType(notes),
            speech_verbs=knowledge.union("speech_verbs").words(),
            source_before=re.compile(r"\b(?:" + alternation(
                re.escape(w) for w in ordered(knowledge.union("attribution_words"), "word", role="source")) +
                r")\s+(?:[\w-]+\s+){0,3}$" if knowledge.union("attribution_words").where(role="source").column("word")
                else NOTHING, re.IGNORECASE),
        )


@dataclass(frozen=True, slots=True)
class EventLexicon:
    taxonomy: Taxonomy
    coder: Coder
    triggers: TriggerLexicon
    actors: ActorLexicon
    fatalities: FatalityLexicon
    dates: DateLexicon
    certainty: CertaintyCues
    detection: DetectionCues
    near: tuple[str, ...]  # 'near ', 'cerca de ': before a town, the event was near it
    status: StatusCues  # what a sentence's violence words report: an incident or something else
    incidents: IncidentCues  # what ties a sentence to an incident told before
    place_lists: PlaceListCues  # 'in Caloto, Corinto and Padilla': one event per town
    joins: LogisticModel  # the fitted join decision: does a mention tell an incident already told

    @classmethod
    def from_knowledge(cls, knowledge: Knowledge) -> EventLexicon:
        taxonomy = Taxonomy.from_knowledge(knowledge)
        coder = Coder.from_knowledge(knowledge, taxonomy)
        numbers = NumberWords.from_knowledge(knowledge)  # every language's number words, as for any document
        return cls(
            taxonomy=taxonomy,
            coder=coder,
            triggers=TriggerLexicon.from_knowledge(knowledge, coder.kinds),
            actors=ActorLexicon.from_knowledge(knowledge, taxonomy),
            fatalities=FatalityLexicon.from_knowledge(knowledge, numbers),
            dates=DateLexicon.from_knowledge(knowledge, numbers),
            certainty=CertaintyCues.from_knowledge(knowledge),
            detection=DetectionCues.from_knowledge(knowledge),
            near=near_cues(knowledge),
            status=StatusCues.from_knowledge(knowledge),
            incidents=IncidentCues.from_knowledge(knowledge),
            place_lists=PlaceListCues.from_knowledge(knowledge),
            joins=LogisticModel.from_knowledge(knowledge, JOIN_MODEL, required=True),
        )
