"""ACLED-style actors from noun phrases: 'suspected cartel gunmen' -> Unidentified Armed Group (Mexico).

Named organisations keep their name (aliases resolved); generic phrases map onto ACLED's
generic actors, named by country ('Police Forces of Mexico (2018-2024)', 'Civilians
(Mexico)'). For Mexico the state forces carry the presidential term, as ACLED writes them.
The words are data (``lang/<code>/actor_heads.tsv``, ``actor_cues.tsv``,
``actor_associations.tsv``), and so are the names (``codebook/actor_names.tsv``,
``state_force_periods.tsv``, ``group_name_patterns.tsv``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from talaia.events.tables import NOTHING, by_role, ordered, require
from talaia.events.taxonomy import Taxonomy
from talaia.kb.actors import ActorKB
from talaia.knowledge import Knowledge
from talaia.models import Actor
from talaia.nlp.aliases import Aliases
from talaia.nlp.doccache import doc_text, ents_touching

_NAMES = ("police", "military", "armed_group", "civilians", "protesters", "rioters", "ethnic_militia", "clan_militia",
          "communal_militia", "government")
_FIELD = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True, slots=True)
class ActorNames:
    """ACLED's names of generic actors: 'Police Forces of {country}{term}', 'Civilians ({country})'."""

    with_country: Mapping[str, str]
    without_country: Mapping[str, str]

    def __call__(self, actor: str, country: str | None, term: str = "", name: str = "") -> str:
        template = self.with_country[actor] if country else self.without_country[actor]
        fields = {"country": country or "", "term": term, "name": name}
        return _FIELD.sub(lambda m: fields.get(m.group(1), m.group(0)), template)


@dataclass(frozen=True, slots=True)
class ActorLexicon:
    heads: Mapping[str, frozenset[str]]  # category -> head nouns
    cues: Mapping[str, frozenset[str]]  # role -> words besides the head
    associations: Mapping[str, str]  # head noun -> the group it names (an actor_names row)
    names: ActorNames
    periods: Mapping[str, tuple[tuple[int, int | None], ...]]  # country code -> periods of its state forces
    militia_name: re.Pattern[str]
    rebel_name: re.Pattern[str]
    state_name: re.Pattern[str]
    taxonomy: Taxonomy
    kb: ActorKB  # named armed groups and state forces (codebook/actors.tsv and its aliases)

    @classmethod
    def from_knowledge(cls, knowledge: Knowledge, taxonomy: Taxonomy) -> ActorLexicon:
        heads = by_role(knowledge.union("actor_heads"), "word", "category")
        cues = by_role(knowledge.union("actor_cues"), "word", "role")
        names = knowledge.table("actor_names")
        require(names.mapping("actor", "name"), _NAMES, "actor_names")
        periods: dict[str, list[tuple[int, int | None]]] = {}
        for r in knowledge.table("state_force_periods").records():
            for code in r["country"].split():
                periods.setdefault(code, []).append((int(r["start"]), int(r["end"]) if r["end"] else None))
        patterns = knowledge.table("group_name_patterns")

        def group_names(kind: str) -> re.Pattern[str]:  # matched anywhere in an organisation's name
            found = ordered(patterns, "pattern", type=kind)
            return re.compile("|".join(found) if found else NOTHING, re.IGNORECASE)

        return cls(
            heads=MappingProxyType(heads), cues=MappingProxyType(cues),
            associations=MappingProxyType(knowledge.union("actor_associations").mapping("word", "group")),
            names=ActorNames(MappingProxyType(names.mapping("actor", "name")),
                             MappingProxyType(names.mapping("actor", "without_country"))),
            periods=MappingProxyType({k: tuple(v) for k, v in periods.items()}),
            militia_name=group_names("militia"), rebel_name=group_names("rebel"), state_name=group_names("state"),
            taxonomy=taxonomy, kb=ActorKB.from_knowledge(knowledge),
        )


@dataclass(frozen=True, slots=True)
class ActorMention:
    actor: Actor
    start: int
    end: int
    associated: tuple[str, ...] = ()
    kind: str = ""  # person, organization or group when the reader knows it; '' leaves it to the text


def state_suffix(country_code: str | None, year: int | None, lexicon: ActorLexicon) -> str:
    """' (2018-2024)': the period of the state's forces that ACLED puts in their names, if any."""
    periods = lexicon.periods.get(country_code or "")
    if not periods or year is None:
        return ""
    for start, end in periods:
        if start <= year < (end or 9999) or (end is None and year >= start):
            return f" ({start}-{end})" if end else f" ({start}-)"
    return ""


Nationality = Callable[[str], "tuple[str, str] | None"]


def _identity_militia(head: Any, tokens: list[Any], lowered: set[str], country: str | None,
                      lexicon: ActorLexicon) -> ActorMention | None:
    """'Amhara militiamen' -> Amhara Ethnic Militia (Ethiopia); 'Habar Gedir clan militia' -> ... Clan Militia."""
    if head.lower_ not in lexicon.heads["militia"]:
        return None
    cues = lexicon.cues
    names = [t for t in tokens if t.i < head.i and t.text[:1].isupper() and t.is_alpha
             and t.lower_ not in cues["not_a_name"]]
    if not names:
        return None
    name = " ".join(t.text for t in names)
    kind = "clan_militia" if lowered & cues["clan"] else "communal_militia" if lowered & cues["communal"] \
        else "ethnic_militia"
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t.text) for t in tokens)
    return ActorMention(Actor(lexicon.names(kind, country, name=name), lexicon.taxonomy.identity_militia), start, end,
                        kind="organization")


def semantic_head(tok: Any, lexicon: ActorLexicon) -> Any:
    """'dozens of government troops' -> troops; 'members of the Sinaloa Cartel' -> Cartel."""
    for _ in range(2):
        if tok.lower_ in lexicon.heads["quantity"] or tok.pos_ == "NUM":
            of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in lexicon.cues["of"]), None)
            target = next((g for g in of.children if g.dep_ in {"pobj", "nmod"}), None) if of is not None else None
            if target is None:
                break
            tok = target
    return tok


PHRASE_BREAKS = frozenset({":", ";", "—", "–", "(", ")"})  # punctuation no name runs across


def phrase_tokens(head: Any, lexicon: ActorLexicon) -> list[Any]:
    """The words of a noun phrase that name it: modifiers before the head, 'of' phrases after it; not
    what a colon or a dash sets before it ('Aguililla: hombres armados' names 'hombres armados'), nor
    the preposition that marks it ('a 14 policías')."""
    tokens = [head]
    for child in head.children:
        if child.i < head.i or (child.dep_ == "prep" and child.lower_ in lexicon.cues["of"]) or \
                child.dep_ in {"compound", "amod", "nmod", "flat"}:
            tokens.extend(child.subtree)
    cut = max((t.i for t in tokens if t.i < head.i and t.text in PHRASE_BREAKS), default=-1)
    kept = sorted((t for t in tokens if t.i > cut), key=lambda t: t.i)
    while len(kept) > 1 and kept[0].dep_ == "case":  # 'a 14 policías': the preposition is not the name
        kept.pop(0)
    return kept


# the kinds of actor in the knowledge base that take part in events under their own name
TAKES_PART = frozenset({"armed_group", "state_force"})


def _known_actor(head: Any, tokens: list[Any], country_code: str | None, year: int | None,
                 lexicon: ActorLexicon) -> ActorMention | None:
    """A named armed group or state force of the knowledge base: 'the Sinaloa Cartel', 'el CJNG', 'la
    Guardia Nacional' (the entity around the head, then the phrase, then the phrase without its article)."""
    doc = head.doc
    first, last = min(t.i for t in tokens), max(t.i for t in tokens)
    spans = [doc[e.start:e.end] for e in ents_touching(doc, head.i, head.i + 1)]
    spans += [doc[first:last + 1], *([doc[first + 1:last + 1]] if last > first and doc[first].pos_ == "DET" else [])]
    # 'gunmen from the Sinaloa Cartel', 'integrantes del CJNG': the group the members belong to
    spans += [doc[e.start:e.end] for e in ents_touching(doc, first, last + 1)
              if first <= e.start and e.end <= last + 1 and e.start > head.i]
    # 'Shining Path guerrillas', 'alleged ELN members': a name before the head is the group they belong to
    def name_word(t: Any) -> bool:  # 'Shining' may be tagged a verb: its capital says a name
        return t.pos_ == "PROPN" or (t.text[:1].isupper() and t.is_alpha and not t.is_sent_start)

    spans += [doc[t.i:head.i] for t in tokens
              if t.i < head.i and all(name_word(u) for u in doc[t.i:head.i])]
    for tok in tokens:
        if tok.i > head.i and tok.pos_ == "ADP" and tok.i < last:
            spans.append(doc[tok.i + 1:last + 1])
    for child in head.children:  # the same after the head, where the phrase stops short of it
        obj = next((g for g in child.children if g.dep_ == "pobj"), None) if child.dep_ == "prep" else \
            child if child.dep_ in {"nmod", "appos"} and child.i > head.i else None  # 'el grupo delictivo "X"'
        if obj is not None:
            sub = [t for t in obj.subtree if t.dep_ != "case"]
            spans.append(doc[sub[0].i:sub[-1].i + 1])
            if sub[0].pos_ == "DET" and len(sub) > 1:
                spans.append(doc[sub[1].i:sub[-1].i + 1])
    text = doc_text(doc)
    for start, end in dict.fromkeys((s.start_char, s.end_char) for s in spans):  # a phrase that is its entity: once
        actor = lexicon.kb.named(text[start:end], country_code, year=year)
        if actor is not None and actor.kind in TAKES_PART and actor.type:
            return ActorMention(Actor(actor.name, actor.type), start, end, kind="organization")
    return None


def actor_from_phrase(head: Any, country: str | None, country_code: str | None, year: int | None,
                      aliases: Aliases, lexicon: ActorLexicon,
                      nationality: Nationality | None = None) -> ActorMention | None:
    """The ACLED actor that a noun phrase (given by its head token) names, if any.

    ``nationality`` maps a demonym to (country, code): 'Eritrean soldiers' are Eritrea's forces."""
    heads, cues, names, tax = lexicon.heads, lexicon.cues, lexicon.names, lexicon.taxonomy
    if head.lower_ in heads["quantity"] or head.pos_ == "NUM":
        named = semantic_head(head, lexicon)
        if named is not head:
            found = actor_from_phrase(named, country, country_code, year, aliases, lexicon, nationality)
            if found is not None:
                return found
    tokens = phrase_tokens(head, lexicon)
    lowered = {t.lower_ for t in tokens}
    if nationality is not None and (head.lower_ in heads["police"] | heads["military"] or lowered & cues["army"]):
        for t in tokens:
            own = nationality(t.text) if t.i != head.i and t.text[:1].isupper() else None
            if own is not None:
                country, country_code = own
                break
    militia = _identity_militia(head, tokens, lowered, country, lexicon)
    if militia is not None:
        return militia
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t.text) for t in tokens)
    suffix = state_suffix(country_code, year, lexicon)
    phrase = head.doc[min(t.i for t in tokens):max(t.i for t in tokens) + 1].text.lower()
    off_duty = any(cue in phrase for cue in cues["off_duty"])
    known = _known_actor(head, tokens, country_code, year, lexicon)
    if known is not None:
        return known
    # only the entities over the phrase's words can cover its head or lie inside it
    for ent in ents_touching(head.doc, min(t.i for t in tokens), max(t.i for t in tokens) + 1):
        covers_head = ent.start <= head.i < ent.end
        inside = ent.start_char >= start and ent.end_char <= end
        if ent.label_ in {"ORG", "NORP"} and (covers_head or (inside and ent.label_ == "ORG")):
            name = aliases.canonical(ent.text)
            militia_name = lexicon.militia_name.search(name)
            if lexicon.state_name.search(name) and not militia_name:
                break
            if lexicon.rebel_name.search(name) or militia_name:
                rebel = lexicon.rebel_name.search(name) and not militia_name
                return ActorMention(Actor(name, tax.rebel_group if rebel else tax.political_militia), ent.start_char,
                                    ent.end_char, kind="organization")
    head_word = head.lower_
    assoc: tuple[str, ...] = ()
    if head_word in lexicon.associations and country:
        assoc = (names(lexicon.associations[head_word], country, suffix),)
    armed_modifier = bool(lowered & cues["armed"])
    # a word before the head gives the side to people, their posts, vehicles and operations ('police officials',
    # 'armed men', 'a military convoy'), not to things ('army radios', 'police uniforms')
    people = head_word in heads["member"] | heads["civilian"] | heads["quantity"] | cues["forces"] | cues["troops"]
    if off_duty or (head_word in heads["civilian"] and not armed_modifier):
        return ActorMention(Actor(names("civilians", country), tax.civilians), start, end, assoc, kind="group")
    if head_word in heads["protester"]:
        return ActorMention(Actor(names("protesters", country), tax.protesters), start, end, kind="group")
    if head_word in heads["rioter"]:
        return ActorMention(Actor(names("rioters", country), tax.rioters), start, end, kind="group")
    if head_word in heads["police"] or \
            (people and lowered & cues["police"] and head_word not in heads["armed"] | heads["rebel"]):
        return ActorMention(Actor(names("police", country, suffix), tax.state_forces), start, end, kind="group")
    if head_word in heads["military"] or (people and lowered & cues["military"]):
        if head_word in cues["forces"] and lowered & cues["opposition"]:
            return ActorMention(Actor(names("armed_group", country), tax.political_militia), start, end, kind="group")
        return ActorMention(Actor(names("military", country, suffix), tax.state_forces), start, end, kind="group")
    if head_word in heads["rebel"]:
        return ActorMention(Actor(names("armed_group", country), tax.rebel_group), start, end, kind="group")
    if head_word in heads["armed"] or (people and lowered & cues["armed_group"]):
        return ActorMention(Actor(names("armed_group", country), tax.political_militia), start, end, kind="group")
    if head.ent_type_ in {"PERSON", "PER"}:
        ent = next(iter(ents_touching(head.doc, head.i, head.i + 1)), None)
        return ActorMention(Actor(names("civilians", country), tax.civilians), ent.start_char if ent else start,
                            ent.end_char if ent else end, kind="person")
    if head.ent_type_ == "NORP" and head.lower_.endswith(tuple(cues["troops"])):
        return ActorMention(Actor(names("military", country, suffix), tax.external), start, end, kind="group")
    return None
