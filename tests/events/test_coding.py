"""Sub-type rules from ACLED's codebook, on hand-built actors (no model needed)."""

from pathlib import Path

import pytest

from talaia.errors import KnowledgeError
from talaia.events.coding import Coder
from talaia.events.taxonomy import Taxonomy
from talaia.knowledge import load_knowledge
from talaia.models import Actor

TAXONOMY = Taxonomy.from_knowledge(load_knowledge())
CODER = Coder.from_knowledge(load_knowledge(), TAXONOMY)

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
    assert CODER.sub_event_type(kinds, agent, patient) == expected


def test_coding_taxonomy_is_acleds() -> None:
    assert len(TAXONOMY.sub_event_types) == 25
    assert len(TAXONOMY.event_types) == 6


def test_coding_rules_are_checked_when_read(tmp_path: Path) -> None:
    rules = tmp_path / "codebook" / "sub_event_rules.tsv"
    rules.parent.mkdir(parents=True)
    rules.write_text("rule\tkinds\talso\twithout\tagent\tpatient\twhen\tsub_event_type\n"
                     "odd\tkill\t\t\tgoblins\t\t\tAttack\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"odd.*goblins"):
        Coder.from_knowledge(load_knowledge((str(tmp_path),)), TAXONOMY)
