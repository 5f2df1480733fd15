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


_add("kill", "kill murder slay slain assassinate execute massacre behead decapitate slaughter strangle lynch hang "
     "killing murder assassination execution massacre homicide slaying bloodbath "
     "matar asesinar ejecutar masacrar ultimar acribillar degollar decapitar asesinato homicidio masacre "
     "ejecución feminicidio multihomicidio")
_add("die", "die perish morir fallecer")
_add("dead", "dead death body corpse grave graves fosa fosas muerto muerte cadáver cuerpo fallecido remains dismember "
     "dismembered decapitated beheaded calcinado calcinados desmembrado desmembrados encobijado encobijados "
     "ejecutado ejecutados embolsado embolsados decapitado decapitados osamenta restos")
_add("attack", "attack assault ambush raid storm torture beat stab shoot gun firebomb hack "
     "shooting gunfire stabbing beating ataque atacar agredir agresión emboscar emboscada balear "
     "balacera golpear torturar apuñalar disparar herir balear")
_add("clash", "clash fight battle skirmish gunfight firefight shootout combat fighting "
     "enfrentamiento enfrentar enfrentarse combatir tiroteo combate")
_add("abduct", "kidnap abduct kidnapping abduction disappearance hostage secuestrar raptar secuestro "
     "rapto desaparición levantar")
_add("sexual", "rape raped raping rapist rapists gang-rape gang-raped molest molested sodomize sodomized "
     "violación violada violadas abuso_sexual")
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
_add("arrest", "arrest detain apprehend nab capture custody arrest detention apprehension jail imprison incarcerate "
     "detener arrestar aprehender capturar detención captura aprehensión arresto")
_add("agreement", "agreement ceasefire cease-fire truce accord treaty acuerdo tregua")
_add("disrupt", "defuse seize confiscate intercept foil thwart dismantle seizure cache "
     "decomisar incautar desactivar asegurar decomiso aseguramiento")
_add("loot", "loot ransack vandalize vandalise torch arson burn raze demolish destroy saquear incendiar "
     "quemar destruir saqueo incendio")
_add("withdraw", "withdraw retreat withdrawal retirarse")
_add("recapture", "recapture retake regain liberate recuperar")
_add("base", "headquarters")
_add("change", "defect defection defected join merge merger split disband dissolve pledge recruit recruitment "
     "curfew ban outlaw desertar fusionar")

PHRASE_TRIGGERS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(p, re.IGNORECASE), kind)
    for p, kind in [
        (r"\bopen(?:ed|s)? fire\b", "attack"),
        (r"\bexchange[sd]? (?:of )?(?:gun)?fire\b", "clash"),
        (r"\b(?:shot|gunned|cut) (?:dead|down)\b", "kill"),
        (r"\b(?:suicide[- ](?:\w+[- ]){0,2}?(?:bomb(?:er|ing)?s?|attack(?:er)?s?|blasts?|vests?|belts?|cars?|"
         r"trucks?|vehicles?|explosions?|svbieds?|ieds?)|blew (?:him|her|them)sel(?:f|ves) up|svbieds?|"
         r"killing (?:him|her|them)sel(?:f|ves)|detonated (?:his|her|their) (?:explosive )?(?:vest|belt)s?|"
         r"atentado suicida|terrorista suicida)\b", "suicide"),
        (r"\b(?:car|truck|roadside|vehicle|parcel) bomb(?:s|ing)?\b", "bomb"),
        (r"\b(?:improvised explosive devices?|ieds?|landmines?|land mines?)\b", "bomb"),
        (r"\b(?:air ?strikes?|air raids?|drone (?:strikes?|attacks?)|aerial (?:bombardment|attack)s?)\b", "air"),
        (r"\b(?:chemical (?:weapons?|attacks?|agents?|munitions?)|gas attacks?|toxic (?:gas|gases|chemicals?)|"
         r"poison(?:ous)? gas(?:es)?|mustard gas|nerve (?:agent|gas)|chlorine|sarin|armas químicas)\b", "chemical"),
        (r"\b(?:took|taken|take|takes|seized?|seizing|gained|gain) (?:full )?control\b", "capture"),
        (r"\b(?:taken over|took over|overran|overrun|stormed and (?:captured|seized)|fell to|wrest(?:ed)? control)\b",
         "capture"),
        (r"\b(?:captured|seized|overran|took|stormed)\b(?: \w+){0,3}? (?:town|city|village|district|base|area|"
         r"territory|centre|center|province|headquarters|positions?|outpost|camp|checkpoint)s?\b", "capture"),
        (r"\b(?:drove|driven|pushed|forced|expelled|kicked|chased)\b(?: \w+){0,4}? (?:out of|back from|from)\b"
         r"(?: \w+){0,3}? (?:areas?|villages?|towns?|city|district|regions?|positions?|territor(?:y|ies)|base)\b",
         "recapture"),
        (r"\b(?:won back|took back|wrested back|regained control|retook)\b", "recapture"),
        (r"\b(?:without (?:a |any )?(?:fight|resistance|a shot)|not encounter\w* any resistance|"
         r"no resistance)\b", "withdraw"),
        (r"\b(?:overr?an|overrun|captured|seized) the (?:town|city|village|district|base|area|territory)\b",
         "capture"),
        (r"\b(?:set|sets|setting) (?:on )?(?:fire|ablaze)\b", "loot"),
        (r"\b(?:peace (?:deal|agreement|accord|talks)|signed (?:an? )?(?:deal|agreement|accord))\b",
         "agreement"),
        (r"\b(?:death toll|toll)\b", "dead"),
        (r"\b(?:found|find|finds|discover(?:ed|s|y)?|locate[sd]?|recover(?:ed|s)?|hall(?:aron|an|a)|hallazgo|"
         r"appears?|appeared|apareci(?:ó|eron)|aparecen?|leaves?|left|dumped|abandon(?:ed|s)?|"
         r"encontr(?:aron|ó)|encuentran|encuentra|localiz(?:aron|an|a|ó)|ubican|ubicaron)\b(?: [\w'’]+){0,4}? "
         r"(?:dead|lifeless|bod(?:y|ies)|corpses?|remains|heads?|skulls?|cuerpos?|cadáver(?:es)?|restos|"
         r"osamentas?|cabezas?|cráneos?|sin vida|muertos?|encobijados?|embolsados?|entambados?|bagged|"
         r"dismembered|quartered|mutilated|calcinated|charred|burned bod(?:y|ies))\b", "dead"),
        (r"\b(?:dej(?:an|aron|ó)|abandon(?:an|aron|ó)|left|dumped|yield(?:s|ed)?|arroj(?:an|aron))\b(?: \w+){0,3}? "
         r"(?:bod(?:y|ies)|corpses?|heads?|remains|cuerpos?|cabezas?|cadáver(?:es)?|restos)\b", "dead"),
        (r"\b(?:bod(?:y|ies)|corpses?|remains|cuerpos?|cadáver(?:es)?|restos)\b(?: \w+){0,2}? (?:are |were |is |was )?"
         r"(?:left|found|located|discovered|dumped|abandoned|encontrados?|hallados?|localizados?|abandonados?|"
         r"arrojados?)\b", "dead"),
        (r"\b(?:without life|lifeless)\b", "dead"),
        (r"\b(?:mass graves?|clandestine graves?|narco ?fosas?|fosas? clandestinas?)\b", "dead"),
        (r"\bdepriv\w* (?:\w+ ){0,4}?of (?:(?:his|her|their) )?li(?:fe|ves)\b|\bpriv\w+ de la vida\b", "kill"),
        (r"\b(?:leaves?|left|deja|dejan|dejó|dejaron|suma|suman)\b(?: \w+){0,2}? (?:victims|dead|víctimas|muertos|"
         r"fallecidos|ejecutados|asesinados)\b", "dead"),
        (r"\b(?:human (?:head|skull)s?|(?:calcinated|charred|burned|mutilated|dismembered|bagged|headless) "
         r"bod(?:y|ies)|cuerpos? (?:calcinados?|desmembrados?|mutilados?|embolsados?)|fosa común)\b", "dead"),
        (r"\b(?:faced? off|face-off|se enfrentan|se enfrentaron)\b", "clash"),
        (r"\b(?:human (?:remains|heads)|dismembered (?:bod(?:y|ies)|man|woman|men)|lifeless (?:body|man|woman|"
         r"person|bodies))\b", "dead"),
        (r"\b(?:privaron de la vida|quitaron la vida|sin vida)\b", "kill"),
        (r"\b(?:hombres|sujetos|civiles) armados\b", "actor"),
        (r"\b(?:set up|established?|establishing) (?:a |an |their |its )?(?:new )?(?:base|headquarters|camp)\b",
         "base"),
        (r"\b(?:handed over|hand over|pulled out of|withdrew from)\b", "withdraw"),
        (r"\b(?:tear ?gas|water cannons?|rubber bullets|pellets|dispersed?|dispersing|baton[- ]charged?|"
         r"lathi[- ]charged?|crackdown|cracked down|clamp(?:ed)? down|gases lacrimógenos|dispersaron|"
         r"desalojaron|suppress(?:ed|es|ing)?|br(?:oke|eak|eaking) up|reprimi(?:ó|eron)|repression)\b",
         "intervention"),
        (r"\b(?:violently (?:suppress|dispers|crack|repress|break|broke)\w*|(?:die[sd]?|killed|dead) in "
         r"(?:a |the )?(?:protest )?crackdown)\b", "excessive"),
        (r"\b(?:live (?:fire|ammunition|rounds)|opened fire on (?:the )?(?:protesters|demonstrators|crowd)|"
         r"shot dead (?:\w+ )?(?:protesters|demonstrators)|brutally (?:attacked|beat|beaten))\b", "excessive"),
        (r"\b(?:pelted|(?:hurl|throw|threw)\w* (?:an? |the )?(?:stones|rocks|petrol bombs?|molotov|bricks|"
         r"bottles|fences?|objects|firecrackers|fireworks)|molotov cocktails?|turn(?:s|ed)? (?:\w+ )?violent|"
         r"aggressive (?:demonstrations?|protests?)|"
         r"stone[- ]pelting|burn(?:t|ed|ing) tyres|torched|vandali[sz]ed|ransacked|set (?:ablaze|on fire)|"
         r"clash(?:ed|es)? with (?:the )?(?:police|security forces|troops)|violent (?:protests?|demonstrations?)|"
         r"turned violent|rampage|disturbios|enfrentamientos con)\b", "violent"),
        (r"\b(?:(?:discover|found|find|finds|seiz|recover|defus|dismantl|confiscat|intercept|shot down|"
         r"shoot down|destroy|"
         r"unearth|impound|detonat\w* (?:safely|in a controlled)|neutrali[sz])\w*) (?:\w+ ){0,6}?(?:weapons?|arms|"
         r"guns?|pistols?|rifles?|ammunition|explosives?|bombs?|ieds?|mines?|grenades?|rockets?|missiles?|drones?|"
         r"projectiles?|mortars?|shells?|stash|cache|arsenal|detonators?)\b", "disrupt"),
        (r"\b(?:weapons?|arms|ammunition|explosives?|bombs?|ieds?|mines?|grenades?|rockets?|projectiles?|"
         r"pistols?|rifles?|stash|cache)\b(?: \w+){0,4}? (?:were|was|have been|has been) (?:found|discovered|"
         r"seized|recovered|defused|dismantled|confiscated|intercepted|shot down|identified)\b", "disrupt"),
        (r"\b(?:set(?:s|ting)? up|establish(?:ed|es|ing)?|creat(?:ed|es|ing)|buil(?:t|ds|ding)|open(?:ed|s|ing)?|"
         r"install(?:ed|s|ing)?) (?:\w+ ){0,4}?(?:base|bases|headquarters|outpost|observation (?:post|point)s?|"
         r"military (?:post|position)s?|camp|checkpoint)\b", "base"),
        (r"\b(?:freed|liberated|retook|recaptured|regained (?:control of)?|cleared|drove (?:back|out)|"
         r"pushed (?:back|out)|expelled|flushed out)\b (?:\w+ ){0,6}?(?:villages?|towns?|city|cities|areas?|"
         r"districts?|regions?|territor(?:y|ies)|positions?|neighbo(?:u)?rhoods?|hills?|bases?)\b", "recapture"),
        (r"\b(?:warplanes?|fighter jets?|jets|aircraft|helicopters?|gunships?|drones?|bombers?)\b(?:\w+ ){0,3}? "
         r"(?:bombed|struck|hit|pounded|targeted|attacked|fired|strafed|raided|shelled)\b", "air"),
        (r"\b(?:bombed|struck|hit|pounded|targeted) by (?:\w+ ){0,2}?(?:warplanes?|fighter jets?|jets|"
         r"aircraft|helicopters?|drones?)\b", "air"),
        (r"\b(?:defected|defecting|deserted|switched sides|pledged allegiance|joined (?:the )?(?:ranks|rebels|"
         r"militants)|merged with|split from|disbanded|new (?:leader|commander|chief) of|imposed (?:a )?curfew|"
         r"declared (?:a )?state of emergency|banned)\b", "change"),
        (r"\b(?:handed (?:over )?(?:control|the (?:town|city|area|base|positions?))|withdrew (?:from|its|their)|"
         r"pulled out (?:of|from)|evacuated (?:its|their) (?:positions|bases?)|took over .{0,30} without "
         r"(?:a )?(?:fight|resistance))\b", "withdraw"),
        (r"\b(?:went on strike|hunger strike|general strike|took to the streets)\b", "protest"),
        # troop movements and drills: ACLED's 'Change to group/activity'
        (r"\b(?:deploy(?:ed|s|ing)?|redeploy(?:ed|s|ing)?|reinforc(?:ed|es|ing)|mov(?:ed|es|ing)|sent|sending|"
         r"forward(?:ed|s|ing)?|dispatch(?:ed|es|ing)?|amass(?:ed|es|ing)?)\b (?:\w+ ){0,4}?(?:troops|forces|"
         r"fighters|reinforcements|soldiers|tanks|military equipment)\b|\bmilitary (?:drills|exercises|maneuvers|"
         r"manoeuvres)\b|\btroops (?:have been|were) reinforced\b", "change"),
        (r"\bfire(?:d|s)? (?:on|at|upon)\b", "attack"),
        # an attack on a base, a checkpoint or a patrol meets armed defenders: a Battle, not an Attack
        (r"\b(?:attack\w*|raid\w*|storm\w*|target\w*|overr?an|assault\w*|ambush\w*)\b (?:\w+ ){0,4}?"
         r"(?:military|army|police|security|troops'?|soldiers'?)? ?(?:bases?|barracks|checkpoints?|outposts?|"
         r"convoys?|patrols?|garrisons?|positions)\b", "armed_target"),
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
    "disrupt", "chemical", "suicide", "air", "shell", "grenade", "bomb", "sexual", "protest", "riot", "mob",
    "recapture", "capture", "kill", "die", "dead", "clash", "attack", "abduct", "loot", "arrest",
    "agreement", "base", "change", "withdraw",
]
# words that make 'seize', 'capture', 'mine' etc. mean something else
DISRUPT_OBJECTS = re.compile(
    r"\b(?:weapons?|arms|guns?|rifles?|ammunition|explosives?|drugs?|cocaine|marijuana|heroin|fentanyl|"
    r"methamphetamine|cartridges|armas|cartuchos|droga|drogas|arsenal|cache)\b", re.IGNORECASE)
TERRITORY_OBJECTS = re.compile(
    r"\b(?:town|city|village|district|base|area|territory|province|region|airport|port|hill|"
    r"positions?|outpost|checkpoint|border crossing)\b", re.IGNORECASE)
