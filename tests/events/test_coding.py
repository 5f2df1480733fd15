"""Sub-type rules from ACLED's codebook, on hand-built actors (no model needed)."""

import pytest

from talaia.events.coding import sub_event_type
from talaia.events.taxonomy import EVENT_TYPES, SUB_EVENT_TYPES
from talaia.models import Actor

POLICE = Actor("Police Forces of Mexico (2018-2024)", "State forces")
GANG = Actor("Unidentified Armed Group (Mexico)", "Political militia")
CIVILIANS = Actor("Civilians (Mexico)", "Civilians")
PROTESTERS = Actor("Protesters (Mexico)", "Protesters")


@pytest.mark.parametrize(
    ("kinds", "agent", "patient", "expected"),
    [
        ({"kill", "attack"}, GANG, POLICE, "Armed clash"),  # an ambush on on-duty police is a battle
        ({"kill"}, POLICE, GANG, "Armed clash"),
        ({"kill"}, GANG, CIVILIANS, "Attack"),
        ({"kill"}, None, None, "Attack"),
        ({"kill", "bomb"}, GANG, CIVILIANS, "Remote explosive/landmine/IED"),
        ({"grenade", "attack"}, GANG, POLICE, "Grenade"),
        ({"air", "kill"}, None, CIVILIANS, "Air/drone strike"),
        ({"abduct"}, GANG, CIVILIANS, "Abduction/forced disappearance"),
        ({"abduct", "kill"}, GANG, CIVILIANS, "Attack"),
        ({"protest"}, PROTESTERS, None, "Peaceful protest"),
        ({"protest", "intervention"}, PROTESTERS, POLICE, "Protest with intervention"),
        ({"protest", "kill"}, POLICE, PROTESTERS, "Excessive force against protesters"),
        ({"riot"}, None, None, "Violent demonstration"),
        ({"mob", "kill"}, None, CIVILIANS, "Mob violence"),
        ({"arrest"}, POLICE, GANG, "Arrests"),
        ({"arrest"}, GANG, CIVILIANS, "Abduction/forced disappearance"),
        ({"capture"}, GANG, None, "Non-state actor overtakes territory"),
        ({"capture"}, POLICE, None, "Government regains territory"),
        ({"loot"}, None, None, "Looting/property destruction"),
        ({"disrupt"}, POLICE, None, "Disrupted weapons use"),
        ({"agreement"}, None, None, "Agreement"),
    ],
)
def test_coding_follows_codebook(kinds: set[str], agent: Actor | None, patient: Actor | None,
                                 expected: str) -> None:
    assert sub_event_type(kinds, agent, patient) == expected


def test_coding_taxonomy_is_acleds() -> None:
    assert len(SUB_EVENT_TYPES) == 25
    assert len(EVENT_TYPES) == 6
