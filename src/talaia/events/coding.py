"""From trigger kinds and actors to ACLED's sub-type, following ACLED's codebook.

* Remote weapons decide first (a bomb that kills is an Explosion, not an Attack).
* Protests: peaceful unless intervened with (tear gas, arrests), met with lethal force
  (excessive force), or violent themselves (riots); a mob is Mob violence.
* Killings and attacks: an Armed clash when both sides are armed (an ambush on on-duty
  police is a Battle), an Attack (violence against civilians) when the victims are unarmed
  or unknown.
* Territory: taken by the state is 'Government regains territory', by others 'Non-state
  actor overtakes territory'.
"""

from __future__ import annotations

from talaia.events.lexicon import KIND_PRIORITY, WEAPON_KINDS, WEAPON_SUBTYPES
from talaia.events.taxonomy import ARMED_INTERS, CIVILIANS, PROTESTERS, STATE_FORCES
from talaia.models import Actor

VIOLENT_KINDS = {"kill", "die", "dead", "attack", "clash"}
PROTEST_KINDS = {"protest", "riot", "mob"}


def main_kind(kinds: set[str]) -> str | None:
    for kind in KIND_PRIORITY:
        if kind in kinds:
            return kind
    return None


def sub_event_type(kinds: set[str], agent: Actor | None, patient: Actor | None,
                   truce_holds: bool = False) -> str | None:
    """``truce_holds``: the sentence reports a ceasefire or deal as its news, fighting only as background."""
    if "agreement" in kinds and truce_holds and not kinds & {"kill", "die", "dead"}:
        return "Agreement"
    if "disrupt" in kinds and not kinds & {"kill", "die", "dead"}:
        return "Disrupted weapons use"  # weapons found, seized, defused or shot down before use
    if "base" in kinds and not kinds & VIOLENT_KINDS:
        return "Headquarters or base established"
    weapon = next((k for k in KIND_PRIORITY if k in WEAPON_KINDS and k in kinds), None)
    if weapon:
        return WEAPON_SUBTYPES[weapon]
    if "sexual" in kinds:
        return "Sexual violence"
    protesting = bool(kinds & PROTEST_KINDS) or (patient is not None and patient.inter == PROTESTERS) or \
        (agent is not None and agent.inter == PROTESTERS)
    if protesting:
        return _protest(kinds, agent, patient)
    if kinds & {"capture", "recapture"}:
        state = agent is not None and agent.inter == STATE_FORCES
        if "recapture" in kinds and (state or agent is None):
            return "Government regains territory"
        return "Government regains territory" if state else "Non-state actor overtakes territory"
    if kinds & VIOLENT_KINDS:
        armed_agent = agent is not None and agent.inter in ARMED_INTERS
        armed_patient = (patient is not None and patient.inter in ARMED_INTERS) or \
            ("armed_target" in kinds and (patient is None or patient.inter == CIVILIANS))
        if armed_patient and (armed_agent or agent is None):
            return "Armed clash"
        if "clash" in kinds and (patient is None or patient.inter != CIVILIANS):
            return "Armed clash"
        if "abduct" in kinds and not kinds & {"kill", "die", "dead"}:
            return "Abduction/forced disappearance"
        return "Attack"
    simple = {
        "abduct": "Abduction/forced disappearance",
        "loot": "Looting/property destruction",
        "arrest": "Arrests",
        "disrupt": "Disrupted weapons use",
        "agreement": "Agreement",
        "base": "Headquarters or base established",
        "withdraw": "Non-violent transfer of territory",
        "change": "Change to group/activity",
    }
    for kind in KIND_PRIORITY:
        if kind in kinds and kind in simple:
            if kind == "arrest" and agent is not None and agent.inter in ARMED_INTERS - {STATE_FORCES}:
                return "Abduction/forced disappearance"  # armed groups do not arrest: they abduct
            return simple[kind]
    return None


def _protest(kinds: set[str], agent: Actor | None, patient: Actor | None) -> str:
    if "mob" in kinds:
        return "Mob violence"
    state_involved = (agent is not None and agent.inter == STATE_FORCES) or \
        (patient is not None and patient.inter == STATE_FORCES)
    protester_victims = patient is not None and patient.inter == PROTESTERS
    if "excessive" in kinds or (kinds & {"kill", "die", "dead"} and (state_involved or protester_victims)):
        return "Excessive force against protesters"
    if kinds & {"violent", "riot", "loot", "clash"} or \
            (agent is not None and agent.inter == PROTESTERS and kinds & {"attack", "kill"}):
        return "Violent demonstration"
    if "intervention" in kinds or "arrest" in kinds or (state_involved and kinds & {"attack", "clash"}):
        return "Protest with intervention"
    return "Peaceful protest"
