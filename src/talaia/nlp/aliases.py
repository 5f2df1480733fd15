"""Aliases of people and organisations inside one document.

"President Andrés Manuel López Obrador, better known as AMLO" makes AMLO an alias of the
full name; a later "López Obrador" or "Obrador" resolves to the longest earlier person
mention that ends with the same words.
"""

from __future__ import annotations

import re
from typing import Any

_KNOWN_AS = re.compile(
    r"(?:,\s*|\s+\(\s*)(?:better |also |popularly |commonly |widely )?(?:known as|called|alias|a\.k\.a\.?|aka|"
    r"conocido como|alias)\s+[\"“']?([A-ZÁÉÍÓÚÑ][\w.'’-]*(?:\s+[A-ZÁÉÍÓÚÑ][\w.'’-]*){0,3})",
)
_NAME_KNOWN_AS = re.compile(
    r"((?:[A-ZÁÉÍÓÚÑ][\w'’-]+\s+){1,5}[A-ZÁÉÍÓÚÑ][\w'’-]+),\s*(?:better |also |popularly |commonly )?"
    r"(?:known as|conocido como|conocida como)\s+[\"“']?([A-ZÁÉÍÓÚÑ][\w.'’-]*)")
_PAREN_ACRONYM = re.compile(r"\s*\(\s*([A-ZÁÉÍÓÚÑ][A-Za-z0-9ÁÉÍÓÚÑ&.-]{1,12})\s*\)")
PERSON_LABELS = {"PERSON", "PER"}
ORG_LABELS = {"ORG", "NORP"}


def _key(name: str) -> str:
    return " ".join(name.lower().replace("’", "'").split())


def build_aliases(sdoc: Any) -> dict[str, str]:
    """Lower-cased alias -> canonical (fullest) name, from the patterns above and from surnames."""
    aliases: dict[str, str] = {}
    text = sdoc.text
    ents = list(sdoc.ents)
    for ent in ents:
        if ent.label_ not in PERSON_LABELS | ORG_LABELS | {"GPE", "LOC", "FAC"}:
            continue
        tail = text[ent.end_char:ent.end_char + 80]
        m = _KNOWN_AS.match(tail)
        if m and ent.label_ in PERSON_LABELS | ORG_LABELS:
            aliases.setdefault(_key(m.group(1)), _clean(ent.text))
        m = _PAREN_ACRONYM.match(tail)
        if m and ent.label_ in ORG_LABELS | {"GPE", "FAC"} and len(ent) >= 2:
            aliases.setdefault(_key(m.group(1)), _clean(ent.text))
    # the same pattern after capitalised words NER did not label: "Ana María Torres, better known as AMT"
    for m in _NAME_KNOWN_AS.finditer(text):
        aliases.setdefault(_key(m.group(2)), _clean(m.group(1)))
    people = [_clean(e.text) for e in ents if e.label_ in PERSON_LABELS]
    # longest names first, ties in document order (a set's order changes with the hash seed between runs)
    full = sorted(dict.fromkeys(p for p in people if len(p.split()) >= 2), key=lambda p: -len(p.split()))
    for name in full:
        words = name.split()
        for i in range(1, len(words)):
            suffix = " ".join(words[i:])
            aliases.setdefault(_key(suffix), name)
    return aliases


_TITLES = re.compile(
    r"^(?:the\s+)?(?:(?:former|late|then|current|acting|interim|ex-)\s+)?(?:president|presidente|gen\.?|general|"
    r"governor|gobernador|gov\.?|mayor|minister|secretary|senator|sen\.?|rep\.?|mr\.?|mrs\.?|ms\.?|dr\.?|"
    r"lt\.?|col\.?|capt\.?|sgt\.?|sheriff|chief|commander|prime minister|pope|king|queen|prince|judge)\s+",
    re.IGNORECASE,
)


def _clean(name: str) -> str:
    name = re.sub(r"['’]s$", "", name.strip())
    name = re.sub(r"^(?:the|The|THE)\s+", "", name)
    name = _TITLES.sub("", name)
    return name.strip(" ,.;:")


def canonical_name(name: str, aliases: dict[str, str]) -> str:
    """The fullest name in the document for ``name`` (titles and possessives removed)."""
    cleaned = _clean(name)
    return aliases.get(_key(cleaned), cleaned)
