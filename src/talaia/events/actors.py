"""ACLED-style actors from noun phrases: 'suspected cartel gunmen' -> Unidentified Armed Group (Mexico).

Named organisations keep their name (aliases resolved); generic phrases map onto ACLED's
generic actors, named by country ('Police Forces of Mexico (2018-2024)', 'Civilians
(Mexico)'). For Mexico the state forces carry the presidential term, as ACLED writes them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from talaia.events.taxonomy import (
    CIVILIANS,
    EXTERNAL,
    IDENTITY_MILITIA,
    POLITICAL_MILITIA,
    PROTESTERS,
    REBEL_GROUP,
    RIOTERS,
    STATE_FORCES,
)
from talaia.models import Actor
from talaia.nlp.aliases import canonical_name


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())

POLICE = _words("""
    police policeman policemen policewoman officer officers cop cops patrolman patrolmen agent
    agents gendarme gendarmes constable constables sheriff deputies trooper troopers policía
    policías agente agentes ministerial ministeriales preventivo preventivos municipales estatales
    federales patrulla
""")
MILITARY = _words("""
    soldier soldiers troops troop army military marine marines navy sailors guardsmen guardsman
    paratroopers commandos forces soldado soldados militar militares ejército marino marinos marina
    sedena semar elementos
""")
ARMED = _words("""
    gunman gunmen assailant assailants attacker attackers hitman hitmen sicario sicarios pistolero
    pistoleros criminal criminals gang gangs gangster gangsters cartel cartels narco narcos
    trafficker traffickers kidnapper kidnappers bandit bandits thug thugs killer killers
    delincuentes delincuente criminales armed encapuchados comando grupo individuals shooter
    shooters
""")
REBELS = _words("""
    combatant combatants fighter fighters militiaman militiamen militia militias jihadi
    rebel rebels insurgent insurgents guerrilla guerrillas terrorist terrorists militant militants
    jihadist jihadists maoist maoists subversive subversives extremist extremists guerrilleros
    guerrillero
""")
CIVILIAN = _words("""
    civilian civilians people person persons resident residents villager villagers man men woman
    women child children boy boys girl girls family families farmer farmers peasant peasants student
    students teacher teachers journalist journalists reporter reporters activist activists worker
    workers driver drivers passenger passengers migrant migrants victim victims youth youths
    teenager teenagers couple mayor candidate priest owner businessman doctor defender defenders
    leader leaders lawyer individual persona personas civil civiles hombre hombres mujer mujeres
    niño niños niña joven jóvenes periodista periodistas activista estudiantes comerciante
    campesinos familia adulto menor menores
""")
PROTEST_WORDS = _words("""
    protester protesters demonstrator demonstrators marchers manifestantes
""")
RIOT_WORDS = _words("""
    rioter rioters mob
""")
GROUP_ASSOC = {
    "journalist": "Journalists", "journalists": "Journalists", "reporter": "Journalists",
    "periodista": "Journalists", "periodistas": "Journalists", "student": "Students", "students": "Students",
    "estudiantes": "Students", "teacher": "Teachers", "teachers": "Teachers", "farmer": "Farmers",
    "farmers": "Farmers", "peasant": "Farmers", "peasants": "Farmers", "campesinos": "Farmers",
    "women": "Women", "woman": "Women", "mujer": "Women", "mujeres": "Women", "migrant": "Migrants",
    "migrants": "Migrants", "activist": "Activists", "activists": "Activists", "mayor": "Government",
    "candidate": "Government", "lawyer": "Lawyers",
}
MILITIA_NAME = re.compile(r"cartel|cártel|gang|mafia|zetas|familia|templarios|cjng|militia|mara\b|ms-13|"
                          r"barrio|clan|los ", re.IGNORECASE)
REBEL_NAME = re.compile(r"front|frente|liberation|movement|brigades?|battalion|mujahideen|ansar|jama|"
                        r"tahrir|boko|houthi|al-|farc|eln|fmln|shining path|sendero|taliban|islamic state|isis|"
                        r"isil|shabaab|boko haram|maoist|rebel|insurg|al-qaeda|al qaeda|hamas|hezbollah|pkk|"
                        r"ypg|sdf|army of|ejército popular|epr\b|ezln|zapatista", re.IGNORECASE)
STATE_NAME = re.compile(r"\b(?:army|military|police|navy|marines?|national guard|guardia nacional|air force|"
                        r"security forces|armed forces|policía|ejército|marina|sedena|semar)\b", re.IGNORECASE)
# Mexico's presidential terms: ACLED names Mexican state forces by them
MEXICO_TERMS = [(1988, 1994), (1994, 2000), (2000, 2006), (2006, 2012), (2012, 2018), (2018, 2024), (2024, None)]


@dataclass(frozen=True, slots=True)
class ActorMention:
    actor: Actor
    start: int
    end: int
    associated: tuple[str, ...] = ()


def state_suffix(country_code: str | None, year: int | None) -> str:
    if country_code != "MX" or year is None:
        return ""
    for start, end in MEXICO_TERMS:
        if start <= year < (end or 9999) or (end is None and year >= start):
            return f" ({start}-{end})" if end else f" ({start}-)"
    return ""


Nationality = Callable[[str], "tuple[str, str] | None"]
MILITIA_HEADS = {"militia", "militias", "militiaman", "militiamen", "milicia", "milicianos"}


def _identity_militia(head: Any, tokens: list[Any], lowered: set[str], country: str | None) -> ActorMention | None:
    """'Amhara militiamen' -> Amhara Ethnic Militia (Ethiopia); 'Habar Gedir clan militia' -> ... Clan Militia."""
    if head.lower_ not in MILITIA_HEADS:
        return None
    names = [t for t in tokens if t.i < head.i and t.text[:1].isupper() and t.is_alpha
             and t.lower_ not in {"the", "a", "an", "armed", "local", "ethnic", "clan", "communal", "tribal"}]
    if not names:
        return None
    name = " ".join(t.text for t in names)
    kind = "Clan Militia" if "clan" in lowered else "Communal Militia" if lowered & {"communal", "local"} \
        else "Ethnic Militia"
    where = f" ({country})" if country else ""
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t.text) for t in tokens)
    return ActorMention(Actor(f"{name} {kind}{where}", IDENTITY_MILITIA), start, end)


def _state_name(kind: str, country: str | None, suffix: str) -> str:
    return f"{kind} of {country}{suffix}" if country else kind


QUANTITY_HEADS = {"dozens", "hundreds", "scores", "thousands", "some", "many", "several", "number", "group", "members",
                  "most", "all", "none", "one", "two", "three", "decenas", "cientos", "grupo", "miembros"}


def semantic_head(tok: Any) -> Any:
    """'dozens of government troops' -> troops; 'members of the Sinaloa Cartel' -> Cartel."""
    for _ in range(2):
        if tok.lower_ in QUANTITY_HEADS or tok.pos_ == "NUM":
            of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in {"of", "de"}), None)
            target = next((g for g in of.children if g.dep_ in {"pobj", "nmod"}), None) if of is not None else None
            if target is None:
                break
            tok = target
    return tok


def phrase_tokens(head: Any) -> list[Any]:
    """The words of a noun phrase that name it: modifiers before the head, 'of' phrases after it."""
    tokens = [head]
    for child in head.children:
        if child.i < head.i or (child.dep_ == "prep" and child.lower_ in {"of", "de"}) or \
                child.dep_ in {"compound", "amod", "nmod", "flat"}:
            tokens.extend(child.subtree)
    return sorted(tokens, key=lambda t: t.i)


def actor_from_phrase(head: Any, country: str | None, country_code: str | None, year: int | None,
                      aliases: dict[str, str], nationality: Nationality | None = None) -> ActorMention | None:
    """The ACLED actor that a noun phrase (given by its head token) names, if any.

    ``nationality`` maps a demonym to (country, code): 'Eritrean soldiers' are Eritrea's forces."""
    if head.lower_ in QUANTITY_HEADS or head.pos_ == "NUM":
        named = semantic_head(head)
        if named is not head:
            found = actor_from_phrase(named, country, country_code, year, aliases, nationality)
            if found is not None:
                return found
    tokens = phrase_tokens(head)
    lowered = {t.lower_ for t in tokens}
    if nationality is not None and (head.lower_ in POLICE | MILITARY or lowered & {"army", "military"}):
        for t in tokens:
            own = nationality(t.text) if t.i != head.i and t.text[:1].isupper() else None
            if own is not None:
                country, country_code = own
                break
    militia = _identity_militia(head, tokens, lowered, country)
    if militia is not None:
        return militia
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t.text) for t in tokens)
    where = f" ({country})" if country else ""
    suffix = state_suffix(country_code, year)
    phrase = head.doc[min(t.i for t in tokens):max(t.i for t in tokens) + 1].text.lower()
    off_duty = "off-duty" in phrase or "off duty" in phrase
    for ent in head.doc.ents:
        covers_head = ent.start <= head.i < ent.end
        inside = ent.start_char >= start and ent.end_char <= end
        if ent.label_ in {"ORG", "NORP"} and (covers_head or (inside and ent.label_ == "ORG")):
            name = canonical_name(ent.text, aliases)
            if STATE_NAME.search(name) and not MILITIA_NAME.search(name):
                break
            if REBEL_NAME.search(name) or MILITIA_NAME.search(name):
                rebel = REBEL_NAME.search(name) and not MILITIA_NAME.search(name)
                return ActorMention(Actor(name, REBEL_GROUP if rebel else POLITICAL_MILITIA), ent.start_char,
                                    ent.end_char)
    head_word = head.lower_
    assoc: tuple[str, ...] = ()
    if head_word in GROUP_ASSOC and country:
        group = GROUP_ASSOC[head_word]
        assoc = (f"Government of {country}{suffix}",) if group == "Government" else (f"{group}{where}",)
    armed_modifier = bool(lowered & {"armed", "armados", "armado", "gunmen", "sicarios", "encapuchados"})
    if off_duty or (head_word in CIVILIAN and not armed_modifier):
        return ActorMention(Actor(f"Civilians{where}", CIVILIANS), start, end, assoc)
    if head_word in PROTEST_WORDS:
        return ActorMention(Actor(f"Protesters{where}", PROTESTERS), start, end)
    if head_word in RIOT_WORDS:
        return ActorMention(Actor(f"Rioters{where}", RIOTERS), start, end)
    if head_word in POLICE or ("police" in lowered and head_word not in ARMED | REBELS):
        return ActorMention(Actor(_state_name("Police Forces", country, suffix), STATE_FORCES), start, end)
    if head_word in MILITARY or lowered & {"army", "military", "ejército", "soldiers", "marines"}:
        if head_word == "forces" and lowered & {"rebel", "opposition", "militia", "tigray", "kurdish"}:
            return ActorMention(Actor(f"Unidentified Armed Group{where}", POLITICAL_MILITIA), start, end)
        return ActorMention(Actor(_state_name("Military Forces", country, suffix), STATE_FORCES), start, end)
    if head_word in REBELS:
        return ActorMention(Actor(f"Unidentified Armed Group{where}", REBEL_GROUP), start, end)
    if head_word in ARMED or lowered & {"gunmen", "armed", "armados", "cartel", "sicarios"}:
        return ActorMention(Actor(f"Unidentified Armed Group{where}", POLITICAL_MILITIA), start, end)
    if head.ent_type_ in {"PERSON", "PER"}:
        return ActorMention(Actor(f"Civilians{where}", CIVILIANS), start, end)
    if head.ent_type_ == "NORP" and head.lower_.endswith(("forces", "troops")):
        return ActorMention(Actor(_state_name("Military Forces", country, suffix), EXTERNAL), start, end)
    return None
