"""Fatalities under ACLED's rules, read from one sentence's parse.

* a count attached to a death word counts ("killed 14 officers", "14 people died",
  "the deaths of 14 alleged cartel members", "death toll rose to 16", "5 muertos");
* injuries are not deaths ("3 killed and 5 wounded" is 3);
* counts of different victim groups of one killing add up ("two soldiers and three
  civilians were killed" is 5);
* different figures for the same deaths keep the lowest as ``fatalities`` and the
  highest as ``fatalities_high``; "at least 14" is 14; "between 10 and 15" is 10-15;
* vague quantities: "several" 3, "dozens" 12, "hundreds" 100; a single victim is 1.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from talaia.events.dates import MONTHS
from talaia.nlp.numbers import VAGUE, parse_number

DEATH_VERBS = {"kill", "murder", "slay", "slain", "assassinate", "execute", "massacre", "behead", "decapitate",
               "slaughter", "strangle", "lynch", "die", "perish", "matar", "asesinar", "ejecutar", "masacrar",
               "ultimar", "acribillar", "morir", "fallecer", "degollar", "claim", "leave"}
DEATH_NOUNS = {"death", "deaths", "dead", "body", "bodies", "corpse", "corpses", "fatality", "fatalities",
               "life", "lives", "toll", "muerto", "muertos", "cadáver", "cadáveres", "cuerpo", "cuerpos",
               "fallecido", "fallecidos", "víctima", "víctimas", "homicidio", "homicidios", "killing", "killings",
               "murders", "asesinatos", "ejecutados", "ejecutado", "victims", "victim", "executions", "execution",
               "homicides", "slayings", "massacre", "ejecución", "ejecuciones", "asesinato", "asesinados",
               "asesinado", "decapitados", "decapitado", "calcinados", "calcinado", "baleados", "acribillados",
               "ultimados", "muerte", "muertes", "occisos", "occiso", "embolsados",
               "encobijados", "desmembrados", "beheaded", "decapitated"}
LEFT_DEAD = {"lives", "dead", "muertos", "murdered", "killed", "executed", "ejecutados", "asesinados", "sin",
             "lifeless"}
FOUND_DEAD = {"dead", "lifeless", "muerto", "muertos", "muerta", "muertas", "executed", "ejecutados"}
INJURY = {"wound", "injure", "hurt", "wounded", "injured", "injuries", "herir", "herido", "heridos", "lesionado",
          "lesionados", "lesionar", "critical", "hospitalize", "hospitalized"}
SINGULAR_VICTIMS = {"man", "woman", "boy", "girl", "person", "officer", "policeman", "soldier", "journalist",
                    "child", "teenager", "student", "mayor", "candidate", "leader", "activist", "civilian",
                    "farmer", "driver", "him", "her", "hombre", "mujer", "joven", "policía", "agente",
                    "periodista", "menor", "niño", "niña", "militar", "soldado", "adulto", "individual"}
# nouns a number can count that are not people: "13 bullets", "24 hours", "two attacks", "a 3-year-old"
NOT_VICTIMS = {"shot", "shots", "bullet", "bullets", "round", "rounds", "hour", "hours", "day", "days", "week",
               "weeks", "month", "months", "year", "years", "time", "times", "attack", "attacks", "event",
               "events", "incident", "incidents", "banner", "banners", "message", "messages", "vehicle",
               "vehicles", "car", "cars", "house", "houses", "home", "homes", "state", "states", "city", "cities",
               "municipality", "municipalities", "town", "towns", "kilo", "kilos", "point", "points", "meter",
               "meters", "metres", "kilometer", "kilometers", "kilometres", "mile", "miles", "percent",
               "disparo", "disparos", "balazo", "balazos", "tiro", "tiros", "impacto", "impactos", "bala", "balas",
               "hora", "horas", "día", "días", "semana", "semanas", "mes", "meses", "año", "años", "vez", "veces",
               "ataque", "ataques", "hecho", "hechos", "evento", "eventos", "manta", "mantas", "narcomanta",
               "narcomantas", "mensaje", "mensajes", "vehículo", "vehículos", "casa", "casas", "estado",
               "estados", "municipio", "municipios", "ciudad", "ciudades", "kilómetros", "metros", "puntos"}
_RANGE = re.compile(r"\bbetween (\w+) and (\w+)\b|\b(\d+)\s*(?:-|–|to|a)\s*(\d+)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class FatalityCount:
    low: int
    high: int
    start: int
    end: int


def _lemma(tok: Any) -> str:
    return str(tok.lemma_).lower()


def _is_death(tok: Any) -> bool:
    lemma = _lemma(tok)
    if lemma in {"claim", "leave", "dejar"}:  # "claimed 5 lives", "left 5 dead": only with a death word nearby
        return any(_lemma(c) in {"life", "dead", "muerto"} or c.lower_ in LEFT_DEAD for c in tok.subtree)
    return lemma in DEATH_VERBS or tok.lower_ in DEATH_NOUNS or lemma in DEATH_NOUNS


def _number_value(tok: Any) -> int | None:
    if tok.like_num or tok.pos_ == "NUM" or tok.lower_ in VAGUE or tok.lower_ in {"dozen", "docena"}:
        words = [tok]
        # "twenty - one", "a dozen"
        left = tok.i - 1
        while left >= tok.sent.start and (tok.doc[left].like_num or tok.doc[left].lower_ in {"-", "a"}) \
                and tok.doc[left].dep_ in {"nummod", "compound", "quantmod", "punct", "det"} \
                and tok.doc[left].head.i == tok.i:
            words.insert(0, tok.doc[left])
            left -= 1
        return parse_number(" ".join(w.text for w in words)) or parse_number(tok.text)
    return None


def _path_to_death(num: Any, limit: int = 4) -> bool:
    """Does the number quantify the victims of a death word (walking up the tree)?"""
    tok = num
    for _ in range(limit):
        head = tok.head
        if head is tok:
            return False
        if _lemma(head) in INJURY or head.lower_ in INJURY:
            return False
        if _is_death(head):
            return True
        if any(_is_death(c) and c.i != num.i and c.dep_ in {"amod", "acl", "relcl", "xcomp", "appos"}
               for c in head.children):  # "14 dead", "5 people killed"
            return True
        if head.pos_ in {"VERB", "AUX"} and any(c.lower_ in FOUND_DEAD for c in head.children):
            return True  # "3 brothers found dead"
        if head.pos_ in {"VERB", "AUX"} and head.dep_ not in {"relcl", "acl", "conj", "xcomp", "ccomp"}:
            return _is_death(head)
        tok = head
    return False


def count_fatalities(sent: Any, lethal: bool) -> FatalityCount | None:
    """The death count of one sentence, or None when it reports none."""
    counts: list[tuple[int, Any]] = []
    for tok in sent:
        value = _number_value(tok)
        if value is None or value > 100000 or _looks_like_date(tok) or _injured_next(tok) or _counts_things(tok):
            continue
        if _path_to_death(tok):
            counts.append((value, tok))
    if counts:
        return _combine(counts, sent)
    surface = _adjacent_count(sent)
    if surface is not None:
        return surface
    if lethal:
        return _implicit(sent)
    return None


def _counts_things(tok: Any) -> bool:
    """The number counts bullets, hours, attacks or years, not people."""
    head = tok.head
    if tok.dep_ in {"nummod", "quantmod"} or head.i == tok.i + 1:
        return head.lower_ in NOT_VICTIMS or _lemma(head) in NOT_VICTIMS
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return nxt is not None and nxt.lower_ in NOT_VICTIMS


_NUM = r"(\d{1,3}(?:,\d{3})*|\w+)"
_DEATH_AFTER = re.compile(
    r"\b" + _NUM + r"(?: (?:more|others?|people|persons|men|women|más|personas|hombres|mujeres))? "
    r"(?:killed|dead|die[sd]?|"
    r"slain|murdered|executed|bodies|corpses|muertos|asesinados|ejecutados|cuerpos|cadáveres|muertas|asesinadas|"
    r"mueren|fallecen|fallecidos|without life|sin vida|lifeless)\b", re.IGNORECASE)
_BODIES_AFTER = re.compile(r"\b" + _NUM + r"(?: [\w-]+)? (?:bodies|corpses|cuerpos|cadáveres)\b", re.IGNORECASE)
_DEATH_BEFORE = re.compile(
    r"\b(?:kill(?:s|ed)?|slay(?:s)?|claim(?:s|ed)? the lives of|(?:matan|asesinan|ejecutan|acribillan|ultiman|"
    r"masacran) a) " + _NUM + r"\b", re.IGNORECASE)


def _adjacent_count(sent: Any) -> FatalityCount | None:
    """Headlines parse badly: a number right next to a death word ("Prison riot kills 20", "7 killed")."""
    for pattern in (_DEATH_AFTER, _BODIES_AFTER, _DEATH_BEFORE):
        for m in pattern.finditer(sent.text):
            value = parse_number(m.group(1))
            if value is None or value == 0 or value > 100000:
                continue
            start = sent.start_char + m.start(1)
            span = sent.doc.char_span(start, sent.start_char + m.end(1), alignment_mode="expand")
            if span is not None and (_looks_like_date(span.root) or _counts_things(span.root)):
                continue
            return FatalityCount(value, value, start, sent.start_char + m.end(1))
    return None


_CALENDAR = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|"
                       r"year|month|week|day|hour|minute|ene|abr|ago|dic|lunes|martes|enero|año|mes|semana|"
                       r"día|hora|am|pm|a\.m|p\.m)", re.IGNORECASE)


_UNITS = re.compile(r"%|percent|per cent|por ciento|[$€£]|dollars?|pesos?|euros?|pounds?|dólares|usd|mxn",
                    re.IGNORECASE)


def _injured_next(tok: Any) -> bool:
    """'... and three wounded': a count followed by an injury word counts the injured."""
    following = tok.doc[tok.i + 1:tok.i + 3]
    return any(t.lower_ in INJURY or _lemma(t) in INJURY for t in following)


def _looks_like_date(tok: Any) -> bool:
    doc = tok.doc
    after = [t.lower_ for t in doc[tok.i + 1:tok.i + 3]]
    before = doc[tok.i - 1].lower_.rstrip(".") if tok.i > 0 else ""
    if (after and after[0] in MONTHS) or (after[:1] == ["de"] and after[1:] and after[1] in MONTHS) or \
            before in MONTHS:  # "10 de mayo", "May 10" (also streets named so)
        return True
    if tok.like_num and len(tok.text) == 4 and tok.text.isdigit() and 1900 <= int(tok.text) <= 2100:
        return True
    if tok.ent_type_ in {"MONEY", "PERCENT"}:  # the small model tags "4 Slain" PERCENT: trust only real units
        ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
        return ent is None or bool(_UNITS.search(ent.text))
    if tok.ent_type_ in {"DATE", "TIME"}:
        ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
        return ent is None or bool(_CALENDAR.search(ent.text))
    return False


def _combine(counts: list[tuple[int, Any]], sent: Any) -> FatalityCount:
    start = min(t.idx for _, t in counts)
    end = max(t.idx + len(t.text) for _, t in counts)
    rng = _RANGE.search(sent.text)
    if rng:
        a = parse_number(rng.group(1) or rng.group(3) or "")
        b = parse_number(rng.group(2) or rng.group(4) or "")
        if a is not None and b is not None and a < b and any(v in (a, b) for v, _ in counts):
            return FatalityCount(a, b, start, end)
    # counts joined by 'and' under one verb are different victims: add them up
    groups: dict[int, int] = {}
    for value, tok in counts:
        anchor = tok.head
        while anchor.dep_ == "conj" and anchor.head is not anchor:
            anchor = anchor.head
        key = anchor.head.i if anchor.dep_ in {"nsubjpass", "nsubj", "dobj", "obj", "pobj"} else anchor.i
        groups[key] = groups.get(key, 0) + value if _conjoined(tok) else max(groups.get(key, 0), value)
    if len(groups) == 1 and len(counts) == 1:
        key = next(iter(groups))
        groups[key] += _singular_partners(counts[0][1])
    values = sorted(groups.values())
    return FatalityCount(values[0], values[-1], start, end)


_AND_ONE = re.compile(r"\s*,?\s+(?:and|y|e)\s+(?:a|an|one|un|una|uno)\s+(\w+)", re.IGNORECASE)


def _singular_partners(num: Any) -> int:
    """'3 men and a woman': one more victim joined to a counted group with only an article."""
    noun = num.head if num.head.i > num.i else num
    sent = num.sent
    m = _AND_ONE.match(sent.text, noun.idx + len(noun.text) - sent.start_char)
    return 1 if m and m.group(1).lower() in SINGULAR_VICTIMS else 0
def _conjoined(tok: Any) -> bool:
    noun = tok.head
    return bool(noun.dep_ == "conj" or any(c.dep_ == "conj" for c in noun.children))


def _implicit(sent: Any) -> FatalityCount | None:
    """'gunmen killed a journalist' -> 1; 'killed police officers' -> 2 (the least a plural says)."""
    for tok in sent:
        if not _is_death(tok) or tok.pos_ not in {"VERB", "NOUN"}:
            continue
        victims = [c for c in tok.children if c.dep_ in {"dobj", "obj", "nsubjpass", "nsubj:pass"}]
        if _lemma(tok) in {"die", "morir", "fallecer", "perish"}:
            victims = [c for c in tok.children if c.dep_ in {"nsubj"}]
        if tok.pos_ == "NOUN":
            victims = [g for c in tok.children if c.lower_ in {"of", "de"} for g in c.children]
        for v in victims:
            if v.lower_ in SINGULAR_VICTIMS or _lemma(v) in SINGULAR_VICTIMS or v.ent_type_ in {"PERSON", "PER"}:
                return FatalityCount(1, 1, v.idx, v.idx + len(v.text))
            if v.lower_ in {"couple", "pareja"}:
                return FatalityCount(2, 2, v.idx, v.idx + len(v.text))
            if v.tag_ in {"NNS", "NNPS"} or v.morph.get("Number") == ["Plur"]:
                return FatalityCount(2, 2, v.idx, v.idx + len(v.text))
        if tok.pos_ == "VERB" and _lemma(tok) in DEATH_VERBS:
            return FatalityCount(1, 1, tok.idx, tok.idx + len(tok.text))
    # a reported killing, body or death with no count: at least one person died
    trigger = next((t for t in sent if _is_death(t) or t.lower_ in {"dead", "muerto", "muertos"}), None)
    if trigger is not None:
        return FatalityCount(1, 1, trigger.idx, trigger.idx + len(trigger.text))
    return None
