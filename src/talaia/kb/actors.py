"""The actor knowledge base: canonical actors, their aliases and relations, read from the knowledge
tables ``actors``, ``actor_aliases`` and ``actor_relations`` (docs/KNOWLEDGE.md).

:meth:`ActorKB.resolve` maps a name as news writes it ('AMLO', 'El Chapo', 'Cártel Jalisco Nueva
Generación') to one actor, or to nothing: the caller keeps a name the base does not know.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType
from typing import TYPE_CHECKING

from talaia.text import fold

if TYPE_CHECKING:
    from talaia.knowledge import Knowledge

__all__ = ["ActorKB", "KBActor", "alias_key"]

# fuzzy matching: the least rapidfuzz ratio (0-100) for a name to match an alias, and the
# shortest name that is compared fuzzily at all (short names and acronyms must match exactly)
FUZZY_CUTOFF = 92.0
FUZZY_MIN_LENGTH = 8
# the partial rule for people: a part of a full name shorter than this is never enough alone
PART_MIN_LENGTH = 4

_NON_WORD = re.compile(r"[^\w]+|_")
_DIGITS = re.compile(r"\d+")


@lru_cache(maxsize=1 << 16)  # the same names and phrases are looked up again and again
def alias_key(text: str) -> str:
    """How names are compared: no accents, lowercase, punctuation as single spaces."""
    return " ".join(_NON_WORD.sub(" ", fold(text)).split())


@dataclass(frozen=True, slots=True)
class KBActor:
    """One canonical actor of ``codebook/actors.tsv`` with its names and relations."""

    id: str
    name: str  # ACLED's name
    type: str | None  # ACLED's actor type (inter), None for parties
    kind: str  # person, armed_group, state_force, party, organisation
    countries: tuple[str, ...]
    start: int | None
    end: int | None
    note: str
    aliases: tuple[str, ...]  # every name, the ACLED name first
    relations: tuple[tuple[str, str], ...]  # (relation, other actor's id)

    @property
    def country(self) -> str | None:
        return self.countries[0] if self.countries else None

    def to_dict(self) -> dict[str, object]:
        return {"id": self.id, "name": self.name, "type": self.type, "kind": self.kind,
                "countries": list(self.countries), "start": self.start, "end": self.end, "note": self.note,
                "aliases": list(self.aliases), "relations": [list(r) for r in self.relations]}


def _int(cell: str) -> int | None:
    return int(cell) if cell else None


@dataclass(frozen=True, slots=True)
class ActorKB:
    """Actors by id, and every alias's comparison key -> the ids of the actors it names."""

    actors: Mapping[str, KBActor]
    index: Mapping[str, frozenset[str]]
    titles: frozenset[str] = frozenset()  # name titles dropped before people's names ('President', 'Gen.')

    @classmethod
    def from_knowledge(cls, knowledge: Knowledge) -> ActorKB:
        aliases: dict[str, list[str]] = {}
        relations: dict[str, list[tuple[str, str]]] = {}
        for row in knowledge.table("actor_aliases").records():
            aliases.setdefault(row["actor"], []).append(row["alias"])
        for row in knowledge.table("actor_relations").records():
            relations.setdefault(row["actor"], []).append((row["relation"], row["other"]))
        actors: dict[str, KBActor] = {}
        for row in knowledge.table("actors").records():
            names = list(dict.fromkeys([row["name"], *aliases.get(row["id"], ())]))
            actors[row["id"]] = KBActor(
                id=row["id"], name=row["name"], type=row["type"] or None, kind=row["kind"],
                countries=tuple(row["country"].split()), start=_int(row["start"]), end=_int(row["end"]),
                note=row["note"], aliases=tuple(names), relations=tuple(relations.get(row["id"], ())))
        index: dict[str, set[str]] = {}
        for actor in actors.values():
            for name in actor.aliases:
                key = alias_key(name)
                if key:
                    index.setdefault(key, set()).add(actor.id)
        titles = frozenset(alias_key(w) for w in knowledge.union("name_titles").column("word")) \
            if "name_titles" in knowledge.specs else frozenset()
        return cls(MappingProxyType(actors), MappingProxyType({k: frozenset(v) for k, v in index.items()}),
                   titles)

    def __len__(self) -> int:
        return len(self.actors)

    def __iter__(self) -> Iterator[KBActor]:
        return iter(self.actors.values())

    def get(self, actor_id: str) -> KBActor | None:
        return self.actors.get(actor_id)

    # ---- resolving a mention ----------------------------------------------------------------------

    def resolve(self, mention: str, context_country: str | None = None, *, year: int | None = None
                ) -> KBActor | None:
        """The one actor ``mention`` names, or None when the base does not know it or cannot tell.

        Tried in order: an alias (accents, case and punctuation ignored; the name again without
        titles such as 'President'), a part of one person's full name ('López Obrador', 'Zambada')
        when exactly one person has it, and a close spelling of an alias (rapidfuzz, conservative).
        ``context_country`` (ISO alpha-2) tells apart actors sharing an alias, and keeps another
        country's state forces out ('National Guard' in a US article). With ``year``, a state
        force or government named without its term resolves to the term of that year.
        """
        key = alias_key(mention)
        if not key:
            return None
        stripped = self._strip_titles(key)
        for attempt in dict.fromkeys([key, stripped]):
            if attempt in self.index:
                return self._pick(self.index[attempt], context_country, year)
        found = self._by_part(stripped, context_country) or self._fuzzy(stripped, context_country)
        return self._term(found, year) if found else None

    def named(self, text: str, context_country: str | None = None, *, year: int | None = None
              ) -> KBActor | None:
        """The actor ``text`` is exactly a name of (accents, case, punctuation and a leading title
        ignored), with no guessing from parts or spellings: what event coding may trust."""
        key = alias_key(text)
        for attempt in dict.fromkeys([key, self._strip_titles(key)] if key else []):
            if attempt in self.index:
                return self._pick(self.index[attempt], context_country, year)
        return None

    def search(self, query: str) -> list[KBActor]:
        """Actors any of whose names contains ``query`` (compared as aliases are), the actor the query
        resolves to first; every actor for an empty query."""
        key = alias_key(query)
        if not key:
            return list(self.actors.values())
        first = self.resolve(query)
        found = [a for a in self.actors.values() if any(key in alias_key(n) for n in a.aliases)]
        if first is not None:
            found = [first, *(a for a in found if a.id != first.id)]
        return found

    def related(self, actor_id: str, relation: str) -> list[KBActor]:
        """The actors that ``actor_id`` has ``relation`` to (``son_of``: its father)."""
        actor = self.actors.get(actor_id)
        return [self.actors[o] for r, o in (actor.relations if actor else ()) if r == relation and o in self.actors]

    def inverse(self, actor_id: str, relation: str) -> list[KBActor]:
        """The actors that have ``relation`` to ``actor_id`` (``part_of``: its units and terms)."""
        return [a for a in self.actors.values() if (relation, actor_id) in a.relations]

    # ---- the rules ------------------------------------------------------------------------------

    def _strip_titles(self, key: str) -> str:
        words = key.split()
        while len(words) > 1 and words[0] in self.titles:
            words.pop(0)
        return " ".join(words)

    def _fits(self, actor: KBActor, country: str | None) -> bool:
        """Another country's state forces are not the ones meant; other actors cross borders."""
        return not (country and actor.kind == "state_force" and actor.countries
                    and country.upper() not in actor.countries)

    def _pick(self, ids: Iterable[str], country: str | None, year: int | None) -> KBActor | None:
        candidates = [self.actors[i] for i in sorted(ids) if self._fits(self.actors[i], country)]
        if len(candidates) > 1 and country:
            candidates = [a for a in candidates if country.upper() in a.countries] or candidates
        return self._term(candidates[0], year) if len(candidates) == 1 else None

    def _term(self, actor: KBActor, year: int | None) -> KBActor:
        if year is None or actor.start is not None:
            return actor
        for part in self.inverse(actor.id, "part_of"):
            if part.start is not None and part.start <= year and (part.end is None or year < part.end):
                return part
        return actor

    def _by_part(self, key: str, country: str | None) -> KBActor | None:
        """A run of whole words of a person's listed full name, not its given name(s) alone."""
        words = key.split()
        if max(len(w) for w in words) < PART_MIN_LENGTH:
            return None
        found: set[str] = set()
        for actor in self.actors.values():
            if actor.kind != "person" or not self._fits(actor, country):
                continue
            for name in actor.aliases:
                parts = alias_key(name).split()
                if len(parts) > len(words) and any(
                        parts[i:i + len(words)] == words for i in range(1, len(parts) - len(words) + 1)):
                    found.add(actor.id)
        return self._pick(found, country, None) if found else None

    def _fuzzy(self, key: str, country: str | None) -> KBActor | None:
        if len(key) < FUZZY_MIN_LENGTH:
            return None
        from rapidfuzz import fuzz, process

        digits = _DIGITS.findall(key)
        matches = process.extract(key, list(self.index), scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=5)
        usable = [(alias, score) for alias, score, _ in matches if _DIGITS.findall(alias) == digits]
        if not usable:
            return None
        best = max(score for _, score in usable)
        ids = {i for alias, score in usable if score == best for i in self.index[alias]}
        return self._pick(ids, country, None)
