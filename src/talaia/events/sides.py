"""Which side an actor mention is on, beyond the parse's arguments (``talaia.events.arguments``): one state's
forces are one side, a people's adjective on shelling names its state's forces, the dead a death word describes
are never its doers."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from talaia.events.actors import ActorMention, Nationality, state_suffix
from talaia.events.lexicon import EventLexicon
from talaia.events.triggers import Trigger
from talaia.models import Actor

NOUN_PHRASE_DEPS = frozenset({"amod", "nummod", "appos", "compound", "nmod", "conj", "flat", "det"})
REMOTE_BY_FORCES = frozenset({"shell", "air"})  # trigger kinds only states' forces fire: shelling, air strikes
STATE_OF = re.compile(r"\bof ([^()]+)")  # the country in an ACLED state force's name


def state_of(name: str) -> str:
    """'Police Forces of Mexico (2018-2024)' -> 'Mexico'."""
    m = STATE_OF.search(name)
    return m.group(1).strip() if m else name


def same_side(a: Actor, b: Actor | None, lexicon: EventLexicon) -> bool:
    """One actor, or two of one state's forces ('a National Guard convoy' and 'three troops')."""
    if b is None:
        return False
    state = lexicon.taxonomy.state_forces
    first, second = sorted((state_of(a.name), state_of(b.name)), key=len)
    # 'Police Forces of Mexico National Guard' is Mexico's
    return a.name == b.name or (a.inter == b.inter == state and (second + " ").startswith(first + " "))


def forces_of_a_people(triggers: Sequence[Trigger], where: tuple[str | None, str | None, int | None],
                        nationality: Nationality | None, lexicon: EventLexicon) -> ActorMention | None:
    """'Russian shelling', 'a Turkish drone strike', 'un ataque ruso con misiles', 'los bombardeos israelíes':
    a people's adjective on shelling or an air strike names the forces of its state, which alone fire them."""
    if nationality is None:
        return None
    tax, names = lexicon.taxonomy, lexicon.actors.names
    for trigger in triggers:
        modifiers = [c for c in trigger.token.children if c.dep_ in {"amod", "compound", "nmod", "flat"}]
        modifiers += [g for c in modifiers if c.dep_ == "compound" for g in c.children if g.dep_ == "amod"]
        for tok in modifiers:
            own = nationality(tok.text)
            if own is None:
                continue
            country, code = own
            inter = tax.state_forces if code == where[1] else tax.external
            return ActorMention(Actor(names("military", country, state_suffix(code, where[2], lexicon.actors)), inter),
                                tok.idx, tok.idx + len(tok.text), kind="group")
    return None


def described_dead(dead: Any, m: ActorMention) -> bool:
    """The death word lies in the mention's phrase or hangs on it ('two dead - a police officer', 'the bodies
    of three soldiers'): the mention names the dead, never who killed them."""
    if m.start <= dead.idx < m.end or dead.left_edge.idx <= m.start < dead.right_edge.idx + len(dead.right_edge):
        return True
    tok = dead
    for _ in range(3):  # up the noun phrase only: 'the operation that led to the deaths of' is no description
        if tok.head.i == tok.i or tok.dep_ not in NOUN_PHRASE_DEPS:
            return False
        tok = tok.head
        if m.start <= tok.idx < m.end:
            return True
    return False
