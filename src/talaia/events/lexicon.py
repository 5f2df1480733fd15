"""Event triggers: words and phrases that report an incident, by kind, English and Spanish.

Kinds are finer than ACLED's sub-types where the sub-type depends on who did what to whom
(a killing is an Attack on civilians but an Armed clash between armed groups); the coder
in ``coding.py`` turns a kind plus its actors into the sub-type.
"""

from __future__ import annotations

import re

# lemma -> kind
LEMMA_TRIGGERS: dict[str, str] = {}


def _add(kind: str, words: str) -> None:
    for w in words.split():
        LEMMA_TRIGGERS[w.replace("_", " ")] = kind


_add("kill", "kill murder slay assassinate execute massacre behead decapitate slaughter strangle lynch "
     "killing murder assassination execution massacre homicide slaying bloodbath "
     "matar asesinar ejecutar masacrar ultimar acribillar degollar decapitar asesinato homicidio masacre "
     "ejecución feminicidio multihomicidio")
_add("die", "die perish morir fallecer")
_add("dead", "death body corpse muerto cadáver cuerpo fallecido")
_add("attack", "attack assault ambush raid storm torture beat stab shoot gun firebomb hack "
     "shooting gunfire stabbing beating ataque atacar agredir agresión emboscar emboscada balear "
     "balacera golpear torturar apuñalar disparar")
_add("clash", "clash fight battle skirmish gunfight firefight shootout combat fighting "
     "enfrentamiento enfrentar enfrentarse combatir tiroteo combate")
_add("abduct", "kidnap abduct kidnapping abduction disappearance hostage secuestrar raptar secuestro "
     "rapto desaparición levantar")
_add("sexual", "rape gang-rape molest violación")
_add("bomb", "bomb bombing explosion blast explode detonate ied landmine mine explosive "
     "bomba explosión explotar estallar explosivo detonar")
_add("grenade", "grenade granada")
_add("shell", "shell shelling artillery mortar rocket missile bombardment bombard")
_add("air", "airstrike air-strike drone warplane bombardeo")
_add("chemical", "chlorine sarin")
_add("protest", "protest demonstrate demonstration rally march sit-in picket strike protester demonstrator "
     "marcha manifestación protesta protestar manifestarse manifestante mitin plantón")
_add("riot", "riot rioter riots motín disturbio")
_add("mob", "mob lynching linchamiento linchar vigilante")
_add("arrest", "arrest detain apprehend nab capture custody arrest detention apprehension "
     "detener arrestar aprehender capturar detención captura aprehensión arresto")
_add("agreement", "agreement ceasefire truce accord treaty acuerdo tregua")
_add("disrupt", "defuse seize confiscate intercept foil thwart dismantle seizure cache "
     "decomisar incautar desactivar asegurar decomiso aseguramiento")
_add("loot", "loot ransack vandalize vandalise torch arson burn raze demolish destroy saquear incendiar "
     "quemar destruir saqueo incendio")
_add("withdraw", "withdraw retreat withdrawal retirarse")
_add("recapture", "recapture retake regain liberate recuperar")
_add("base", "headquarters")

PHRASE_TRIGGERS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(p, re.IGNORECASE), kind)
    for p, kind in [
        (r"\bopen(?:ed|s)? fire\b", "attack"),
        (r"\bexchange[sd]? (?:of )?(?:gun)?fire\b", "clash"),
        (r"\b(?:shot|gunned|cut) (?:dead|down)\b", "kill"),
        (r"\b(?:suicide (?:bomb(?:er|ing)?s?|attack(?:er)?s?|blast)|blew (?:him|her|them)sel(?:f|ves) up)\b",
         "suicide"),
        (r"\b(?:car|truck|roadside|vehicle|parcel) bomb(?:s|ing)?\b", "bomb"),
        (r"\b(?:improvised explosive devices?|ieds?|landmines?|land mines?)\b", "bomb"),
        (r"\b(?:air ?strikes?|air raids?|drone (?:strikes?|attacks?)|aerial (?:bombardment|attack)s?)\b", "air"),
        (r"\b(?:chemical (?:weapons?|attacks?)|gas attacks?|toxic gas)\b", "chemical"),
        (r"\b(?:took|taken|take|takes|seized?|seizing|gained|gain) (?:full )?control\b", "capture"),
        (r"\b(?:overr?an|overrun|captured|seized) the (?:town|city|village|district|base|area|territory)\b",
         "capture"),
        (r"\b(?:set|sets|setting) (?:on )?(?:fire|ablaze)\b", "loot"),
        (r"\b(?:peace (?:deal|agreement|accord|talks)|signed (?:an? )?(?:deal|agreement|accord))\b",
         "agreement"),
        (r"\b(?:death toll|toll)\b", "dead"),
        (r"\b(?:found|discovered|hallaron|encontraron|localizaron) (?:dead|the bod(?:y|ies)|bod(?:y|ies)|"
         r"(?:el |los )?(?:cuerpos?|cadáver(?:es)?))\b", "dead"),
        (r"\b(?:privaron de la vida|quitaron la vida|sin vida)\b", "kill"),
        (r"\b(?:hombres|sujetos|civiles) armados\b", "actor"),
        (r"\b(?:set up|established?|establishing) (?:a |an |their |its )?(?:new )?(?:base|headquarters|camp)\b",
         "base"),
        (r"\b(?:handed over|hand over|pulled out of|withdrew from)\b", "withdraw"),
        (r"\b(?:tear ?gas|water cannons?|rubber bullets|dispersed?|dispersing)\b", "intervention"),
        (r"\b(?:went on strike|hunger strike|general strike|took to the streets)\b", "protest"),
        (r"\bfire(?:d|s)? (?:on|at|upon)\b", "attack"),
    ]
]

# kinds that end in a death count on their own
LETHAL_KINDS = {"kill", "die", "dead"}
WEAPON_KINDS = {"chemical", "suicide", "air", "shell", "grenade", "bomb"}
WEAPON_SUBTYPES = {
    "chemical": "Chemical weapon",
    "suicide": "Suicide bomb",
    "air": "Air/drone strike",
    "shell": "Shelling/artillery/missile attack",
    "grenade": "Grenade",
    "bomb": "Remote explosive/landmine/IED",
}
# the kinds a sentence can be about, most specific first
KIND_PRIORITY = [
    "chemical", "suicide", "air", "shell", "grenade", "bomb", "sexual", "protest", "riot", "mob",
    "kill", "die", "dead", "clash", "attack", "abduct", "capture", "recapture", "loot", "arrest", "disrupt",
    "agreement", "base", "withdraw",
]
# words that make 'seize', 'capture', 'mine' etc. mean something else
DISRUPT_OBJECTS = re.compile(
    r"\b(?:weapons?|arms|guns?|rifles?|ammunition|explosives?|drugs?|cocaine|marijuana|heroin|fentanyl|"
    r"methamphetamine|cartridges|armas|cartuchos|droga|drogas|arsenal|cache)\b", re.IGNORECASE)
TERRITORY_OBJECTS = re.compile(
    r"\b(?:town|city|village|district|base|area|territory|province|region|airport|port|hill|"
    r"positions?|outpost|checkpoint|border crossing)\b", re.IGNORECASE)
