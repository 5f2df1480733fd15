"""From trigger kinds and actors to ACLED's sub-type, following ACLED's codebook.

The kinds (``codebook/event_kinds.tsv``) and the ordered rules (``codebook/sub_event_rules.tsv``)
are data: the first rule whose conditions all hold gives the sub-type. Here is only how a
rule's conditions are read and tested.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from talaia.errors import KnowledgeError
from talaia.events.taxonomy import Taxonomy
from talaia.knowledge import Knowledge
from talaia.models import Actor

_GROUPS = ("lethal", "protest", "accidental", "bare", "modifier", "qualifier", "unchecked", "ignored")
_WHEN = frozenset({"truce", "protest", "state"})
NO_ACTOR = "none"  # in a rule's actor condition: no actor was found
ANY_ARMED = "armed"  # in a rule's actor condition: any armed actor type
NEGATION = "not"  # a rule's actor condition turned round


@dataclass(frozen=True, slots=True)
class EventKinds:
    priority: tuple[str, ...]  # the kinds a sentence can be about, most specific first
    lethal: frozenset[str]  # report deaths on their own
    protest: frozenset[str]
    accidental: frozenset[str]  # a disease or an accident can explain them
    bare: frozenset[str]  # a disease or an accident told before them explains them (deaths, arrests)
    modifier: frozenset[str]  # qualify an event, never stand alone
    qualifier: frozenset[str]  # qualify the event's word without claiming it
    unchecked: frozenset[str]  # count even under a modal or a negation
    ignored: frozenset[str]  # name an actor, not an event
    known: frozenset[str]

    @classmethod
    def from_knowledge(cls, knowledge: Knowledge) -> EventKinds:
        rows = list(knowledge.table("event_kinds").records())
        groups = {r["kind"]: frozenset(r["groups"].split()) for r in rows}
        unknown = {g for gs in groups.values() for g in gs} - set(_GROUPS)
        if unknown:
            raise KnowledgeError(f"event_kinds: unknown groups {', '.join(sorted(unknown))}")

        def having(group: str) -> frozenset[str]:
            return frozenset(k for k, gs in groups.items() if group in gs)

        not_main = having("modifier") | having("ignored")
        return cls(
            priority=tuple(r["kind"] for r in rows if r["kind"] not in not_main),
            lethal=having("lethal"), protest=having("protest"), accidental=having("accidental"), bare=having("bare"),
            modifier=having("modifier"), qualifier=having("qualifier"), unchecked=having("unchecked"),
            ignored=having("ignored"), known=frozenset(groups),
        )


@dataclass(frozen=True, slots=True)
class ActorCondition:
    """Which actor a side may have: actor types, none at all, or the reverse of a list."""

    allowed: frozenset[str | None]  # ACLED actor types; None: no actor
    negated: bool

    @classmethod
    def parse(cls, cell: str, taxonomy: Taxonomy, rule: str) -> ActorCondition | None:
        tags = cell.split()
        if not tags:
            return None
        negated = tags[0] == NEGATION
        allowed: set[str | None] = set()
        for tag in tags[1:] if negated else tags:
            if tag == NO_ACTOR:
                allowed.add(None)
            elif tag == ANY_ARMED:
                allowed |= taxonomy.armed
            elif tag in taxonomy.inters:
                allowed.add(taxonomy.inters[tag])
            else:
                raise KnowledgeError(f"sub_event_rules {rule!r}: {tag!r} is not an actor type tag")
        return cls(frozenset(allowed), negated)

    def holds(self, actor: Actor | None) -> bool:
        inter = actor.inter if actor is not None else None
        return (inter in self.allowed) != self.negated


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    kinds: frozenset[str]  # at least one of these (empty: any)
    also: frozenset[str]  # and at least one of these (empty: no need)
    without: frozenset[str]  # and none of these
    agent: ActorCondition | None
    patient: ActorCondition | None
    when: frozenset[str]  # truce, protest, state
    sub_event_type: str


@dataclass(frozen=True, slots=True)
class Coder:
    """ACLED's sub-type of a sentence's kinds and actors."""

    kinds: EventKinds
    rules: tuple[Rule, ...]
    taxonomy: Taxonomy

    @classmethod
    def from_knowledge(cls, knowledge: Knowledge, taxonomy: Taxonomy) -> Coder:
        kinds = EventKinds.from_knowledge(knowledge)
        rules = []
        for r in knowledge.table("sub_event_rules").records():
            sets = {c: frozenset(r[c].split()) for c in ("kinds", "also", "without", "when")}
            unknown = (sets["kinds"] | sets["also"] | sets["without"]) - kinds.known
            if unknown or sets["when"] - _WHEN:
                raise KnowledgeError(f"sub_event_rules {r['rule']!r}: unknown "
                                     f"{', '.join(sorted(unknown | (sets['when'] - _WHEN)))}")
            rules.append(Rule(r["rule"], sets["kinds"], sets["also"], sets["without"],
                              ActorCondition.parse(r["agent"], taxonomy, r["rule"]),
                              ActorCondition.parse(r["patient"], taxonomy, r["rule"]),
                              sets["when"], r["sub_event_type"]))
        return cls(kinds, tuple(rules), taxonomy)

    def main_kind(self, kinds: Iterable[str]) -> str | None:
        present = set(kinds)
        return next((k for k in self.kinds.priority if k in present), None)

    def sub_event_type(self, kinds: set[str], agent: Actor | None, patient: Actor | None,
                       truce_holds: bool = False) -> str | None:
        """``truce_holds``: the sentence reports a ceasefire or deal as its news, fighting only as background."""
        for rule in self.rules:
            if self._holds(rule, kinds, agent, patient, truce_holds):
                return rule.sub_event_type
        return None

    def _holds(self, rule: Rule, kinds: set[str], agent: Actor | None, patient: Actor | None,
               truce: bool) -> bool:
        if (rule.kinds and not kinds & rule.kinds) or (rule.also and not kinds & rule.also) or kinds & rule.without:
            return False
        if (rule.agent is not None and not rule.agent.holds(agent)) or \
                (rule.patient is not None and not rule.patient.holds(patient)):
            return False
        inters = {a.inter for a in (agent, patient) if a is not None}
        if "truce" in rule.when and not truce:
            return False
        if "protest" in rule.when and not (kinds & self.kinds.protest or self.taxonomy.protesters in inters):
            return False
        return not ("state" in rule.when and self.taxonomy.state_forces not in inters)
