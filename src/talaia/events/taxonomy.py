"""ACLED's event types, sub-types and actor types (inter), spelled as ACLED spells them.

The names are data (``codebook/event_types.tsv``, ``sub_event_types.tsv``, ``actor_types.tsv``);
the code names a type by its tag ('state_forces', 'protests') and asks the taxonomy for
ACLED's spelling.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from talaia.events.tables import require
from talaia.knowledge import Knowledge

# the tags the code relies on
_INTERS = ("state_forces", "rebel_group", "political_militia", "identity_militia", "rioters", "protesters",
           "civilians", "external")
_EVENT_TYPES = ("battles", "violence_against_civilians", "protests")
_SUB_EVENT_TYPES = ("arrests",)


@dataclass(frozen=True, slots=True)
class Taxonomy:
    sub_event_types: Mapping[str, str]  # sub-type -> its event type, in ACLED's order
    event_types: tuple[str, ...]
    political_violence: frozenset[str]  # event types of ACLED's 'political violence' disorder
    inters: Mapping[str, str]  # tag -> ACLED's actor type
    armed: frozenset[str]  # armed actor types
    event_tags: Mapping[str, str]  # tag -> event type
    sub_event_tags: Mapping[str, str]  # tag -> sub-event type

    @classmethod
    def from_knowledge(cls, knowledge: Knowledge) -> Taxonomy:
        events = list(knowledge.table("event_types").records())
        subs = list(knowledge.table("sub_event_types").records())
        actors = list(knowledge.table("actor_types").records())
        inters = {r["tag"]: r["inter"] for r in actors}
        event_tags = {r["tag"]: r["event_type"] for r in events}
        sub_tags = {r["tag"]: r["sub_event_type"] for r in subs}
        require(inters, _INTERS, "actor_types")
        require(event_tags, _EVENT_TYPES, "event_types")
        require(sub_tags, _SUB_EVENT_TYPES, "sub_event_types")
        return cls(
            sub_event_types=MappingProxyType({r["sub_event_type"]: r["event_type"] for r in subs}),
            event_types=tuple(r["event_type"] for r in events),
            political_violence=frozenset(r["event_type"] for r in events if r["political_violence"] == "yes"),
            inters=MappingProxyType(inters),
            armed=frozenset(r["inter"] for r in actors if r["armed"] == "yes"),
            event_tags=MappingProxyType(event_tags),
            sub_event_tags=MappingProxyType(sub_tags),
        )

    def event_type_of(self, sub_event_type: str) -> str:
        return self.sub_event_types[sub_event_type]

    @property
    def state_forces(self) -> str:
        return self.inters["state_forces"]

    @property
    def rebel_group(self) -> str:
        return self.inters["rebel_group"]

    @property
    def political_militia(self) -> str:
        return self.inters["political_militia"]

    @property
    def identity_militia(self) -> str:
        return self.inters["identity_militia"]

    @property
    def rioters(self) -> str:
        return self.inters["rioters"]

    @property
    def protesters(self) -> str:
        return self.inters["protesters"]

    @property
    def civilians(self) -> str:
        return self.inters["civilians"]

    @property
    def external(self) -> str:
        return self.inters["external"]
