"""Who an incident is put on, told apart from its violence words. A sentence that puts an incident on a named
group ('The army blamed the ELN for the blast', 'La Fiscalía señaló como responsables a integrantes del Cártel de
Santa Rosa de Lima', 'the BLA claimed responsibility') names the perpetrator of the incident told just before
it. And a definite collective noun refers back to the armed organisation the article named before it: 'The
Sinaloa Cartel attacked a ranch ... Later the criminal group set fire to two trucks', 'El grupo delictivo
"Los Viagras" incendió ... Después, el grupo delictivo bloqueó'. Only collective nouns ('group', 'cartel',
'célula'): 'the gunmen' after a named cartel may be others, and an indefinite 'a group' is someone new."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any

from talaia.events.actors import ActorLexicon, ActorMention
from talaia.text import fold


def name_the_groups_referred_to(drafts: Sequence[Any], text: str, lexicon: ActorLexicon) -> None:
    """``drafts`` in text order, each with ``agent`` and ``patient``: each unidentified non-state side
    written as a definite collective noun takes the name of the last named non-state organisation told
    before it (its span stays the anaphor's)."""
    tax = lexicon.taxonomy
    non_state = tax.armed - {tax.state_forces}
    collective = {fold(w) for w in lexicon.cues.get("collective", frozenset())}
    definite = {fold(w) for w in lexicon.cues.get("definite", frozenset())}
    named: ActorMention | None = None
    for draft in drafts:
        for attr in ("agent", "patient"):
            m: ActorMention | None = getattr(draft, attr)
            if m is None or m.actor.inter not in non_state:
                continue
            if m.kind == "organization":
                named = m
                continue
            words = fold(text[m.start:m.end]).split()
            other = draft.patient if attr == "agent" else draft.agent
            if named is not None and named.start < m.start and len(words) >= 2 and words[0] in definite and \
                    any(w in collective for w in words[1:]) and (other is None or other.actor != named.actor):
                setattr(draft, attr, dataclasses.replace(named, start=m.start, end=m.end))


def name_the_groups_blamed(blamed: Sequence[tuple[int, Sequence[ActorMention]]], drafts: Sequence[Any],
                           lexicon: ActorLexicon, reach: int = 2) -> None:
    """``blamed``: (sentence index, the named non-state groups in it) for each sentence with a claim or a blame
    word; the draft told last, at most ``reach`` sentences before it, takes the first group as its perpetrator
    where it has none or an unidentified one (not where a state force or a named group is already the doer)."""
    tax = lexicon.taxonomy
    non_state = tax.armed - {tax.state_forces}
    for index, groups in blamed:
        told = [d for d in drafts if index - reach <= d.sent_index <= index]
        if not groups or not told:
            continue
        draft = told[-1]
        doer: ActorMention | None = draft.agent
        unnamed = doer is None or (doer.actor.inter in non_state and doer.kind != "organization")
        if unnamed and (draft.patient is None or draft.patient.actor != groups[0].actor):
            draft.agent = groups[0]
