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

from talaia.nlp.numbers import VAGUE, parse_number

DEATH_VERBS = {"kill", "murder", "slay", "assassinate", "execute", "massacre", "behead", "decapitate",
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
        if value is None or value > 100000 or _looks_like_date(tok) or _injured_next(tok):
            continue
        if _path_to_death(tok):
            counts.append((value, tok))
    if counts:
        return _combine(counts, sent)
    if lethal:
        return _implicit(sent)
    return None


_CALENDAR = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|"
                       r"year|month|week|day|hour|minute|ene|abr|ago|dic|lunes|martes|enero|año|mes|semana|"
                       r"día|hora|am|pm|a\.m|p\.m)", re.IGNORECASE)


def _injured_next(tok: Any) -> bool:
    """'... and three wounded': a count followed by an injury word counts the injured."""
    following = tok.doc[tok.i + 1:tok.i + 3]
    return any(t.lower_ in INJURY or _lemma(t) in INJURY for t in following)


def _looks_like_date(tok: Any) -> bool:
    if tok.like_num and len(tok.text) == 4 and tok.text.isdigit() and 1900 <= int(tok.text) <= 2100:
        return True
    if tok.ent_type_ in {"MONEY", "PERCENT"}:
        return True
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
    values = sorted(groups.values())
    return FatalityCount(values[0], values[-1], start, end)


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
