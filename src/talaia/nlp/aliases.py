"""Aliases of people and organisations inside one document.

"President Andrés Manuel López Obrador, better known as AMLO" makes AMLO an alias of the
full name; a later "López Obrador" or "Obrador" resolves to the longest earlier person
mention that ends with the same words. The phrases that introduce an alias and the titles
dropped from names are data (``alias_cues``, ``name_titles``): :class:`NameRules`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from talaia.knowledge import Knowledge, Table

_CAPITAL = "A-ZÁÉÍÓÚÑ"
_PAREN_ACRONYM = re.compile(rf"\s*\(\s*([{_CAPITAL}][A-Za-z0-9ÁÉÍÓÚÑ&.-]{{1,12}})\s*\)")
_POSSESSIVE = re.compile(r"['’]s$")
PERSON_LABELS = {"PERSON", "PER"}
ORG_LABELS = {"ORG", "NORP"}


def _key(name: str) -> str:
    return " ".join(name.lower().replace("’", "'").split())


def _phrases(words: Iterable[str]) -> str:
    """'a|b' of the escaped phrases; a final dot is optional ('Gen.' or 'Gen'), and so is one after an
    abbreviation written with dots ('a.k.a' or 'a.k.a.')."""
    out = []
    for w in dict.fromkeys(words):
        if w.endswith("."):
            out.append(re.escape(w[:-1]) + r"\.?")
        else:
            out.append(re.escape(w) + (r"\.?" if "." in w else ""))
    return "|".join(out) if out else "(?!)"


def _cues(table: Table, kind: str, after: str) -> str:
    return _phrases(r["phrase"] for r in table.records() if r["kind"] == kind and r["after"] in {after, "both"})


@dataclass(frozen=True, slots=True)
class NameRules:
    """How a document's names are read: the phrases that introduce an alias, the titles names drop."""

    known_as: re.Pattern[str]  # after an entity: ', better known as AMLO', ' (alias El Chapo'
    name_known_as: re.Pattern[str]  # capitalised words, then ', known as X'
    titles: re.Pattern[str]  # 'the former President '
    article: re.Pattern[str]  # 'The ' before a name alone

    @classmethod
    def from_knowledge(cls, knowledge: Knowledge) -> NameRules:
        cues = knowledge.union("alias_cues")
        titles = knowledge.union("name_titles")
        articles = titles.where(kind="article").column("word")
        name = rf"[{_CAPITAL}][\w.'’-]*"
        words = rf"(?:[{_CAPITAL}][\w'’-]+\s+){{1,5}}[{_CAPITAL}][\w'’-]+"
        # '[better] known as', after an entity the parser found or after capitalised words
        entity_cue = rf"(?:(?:{_cues(cues, 'qualifier', 'entity')}) )?(?:{_cues(cues, 'introducer', 'entity')})"
        name_cue = rf"(?:(?:{_cues(cues, 'qualifier', 'name')}) )?(?:{_cues(cues, 'introducer', 'name')})"
        return cls(
            known_as=re.compile(rf"(?:,\s*|\s+\(\s*){entity_cue}\s+[\"“']?({name}(?:\s+{name}){{0,3}})"),
            name_known_as=re.compile(rf"({words}),\s*{name_cue}\s+[\"“']?({name})"),
            titles=re.compile(
                rf"^(?:(?:{_phrases(articles)})\s+)?(?:(?:{_phrases(titles.where(kind='modifier').column('word'))})\s+)?"
                rf"(?:{_phrases(titles.where(kind='title').column('word'))})\s+", re.IGNORECASE),
            article=re.compile(rf"^(?:{_phrases(f for a in articles for f in (a, a.capitalize(), a.upper()))})\s+"),
        )

    def clean(self, name: str) -> str:
        """'the former President Luis Ortega's' -> 'Luis Ortega'."""
        name = _POSSESSIVE.sub("", name.strip())
        name = self.article.sub("", name)
        name = self.titles.sub("", name)
        return name.strip(" ,.;:")


class Aliases(dict[str, str]):
    """A document's aliases (lower-cased alias -> fullest name), with the name rules that read them."""

    __slots__ = ("rules",)

    def __init__(self, rules: NameRules, items: Mapping[str, str] | None = None) -> None:
        super().__init__(items or {})
        self.rules = rules

    def canonical(self, name: str) -> str:
        """The fullest name in the document for ``name`` (titles and possessives removed)."""
        cleaned = self.rules.clean(name)
        return self.get(_key(cleaned), cleaned)


def build_aliases(sdoc: Any, rules: NameRules) -> Aliases:
    """Lower-cased alias -> canonical (fullest) name, from the patterns above and from surnames."""
    aliases = Aliases(rules)
    text = sdoc.text
    ents = list(sdoc.ents)
    for ent in ents:
        if ent.label_ not in PERSON_LABELS | ORG_LABELS | {"GPE", "LOC", "FAC"}:
            continue
        tail = text[ent.end_char:ent.end_char + 80]
        m = rules.known_as.match(tail)
        if m and ent.label_ in PERSON_LABELS | ORG_LABELS:
            aliases.setdefault(_key(m.group(1)), rules.clean(ent.text))
        m = _PAREN_ACRONYM.match(tail)
        if m and ent.label_ in ORG_LABELS | {"GPE", "FAC"} and len(ent) >= 2:
            aliases.setdefault(_key(m.group(1)), rules.clean(ent.text))
    # the same pattern after capitalised words NER did not label: "Ana María Torres, better known as AMT"
    for m in rules.name_known_as.finditer(text):
        aliases.setdefault(_key(m.group(2)), rules.clean(m.group(1)))
    people = [rules.clean(e.text) for e in ents if e.label_ in PERSON_LABELS]
    # longest names first, ties in document order (a set's order changes with the hash seed between runs)
    full = sorted(dict.fromkeys(p for p in people if len(p.split()) >= 2), key=lambda p: -len(p.split()))
    for name in full:
        words = name.split()
        for i in range(1, len(words)):
            suffix = " ".join(words[i:])
            aliases.setdefault(_key(suffix), name)
    return aliases
