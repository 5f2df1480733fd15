"""What the geo stage knows about how news writes places, read once from the knowledge tables.

The words come from ``place_particles``, ``place_words``, ``sublocal_patterns``,
``metonym_verbs`` (every language at once: English news names Spanish places, and the
other way round) and the abbreviations of ``admin1_abbreviations``. The patterns are
built here from those words; what stays in the patterns is the shape of written names
(capitals, commas, colons), not words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from talaia.knowledge import Knowledge, Table

_CAPITAL = "A-ZÁÉÍÓÚÑ"  # a capital that may open a place name, in English and Spanish text


def _alternatives(words: Iterable[str], suffix: str = "") -> str:
    """'a|b|c' of the escaped words, in their order; a pattern that never matches when there are none."""
    escaped = [re.escape(w) + suffix for w in dict.fromkeys(words)]
    return "|".join(escaped) if escaped else "(?!)"


@dataclass(frozen=True, slots=True)
class PlaceLexicon:
    metonym_verbs: frozenset[str]  # 'Washington said': a government, not a place
    locatives: frozenset[str]  # 'in', 'near', 'en': a place may follow
    joiners: frozenset[str]  # 'Valle de Bravo': joins capitalised words into one name
    inside: frozenset[str]  # 'University of Georgia': a place inside an organisation's name
    within: frozenset[str]  # what stands between a town and its unit: ',', '(', ', in', 'en', ...
    listing: frozenset[str]  # what stands between the places of a list: ',', 'and', ', and', 'y', ...
    unit_between: re.Pattern[str]  # ', in the municipality of', ', municipio de': a town, then its unit
    not_places: frozenset[str]  # 'Police', 'March': not a strong sign of a place alone
    directions: frozenset[str]  # 'North', 'Downtown': never a place alone
    institutions: frozenset[str]  # 'Alexandria Police': a small town is plausible before them
    outlet_words: frozenset[str]  # 'El Sol de', 'Daily': newspaper names, not places
    outlet_homes: tuple[tuple[str, str, str], ...]  # (outlet, home place, country): 'Milenio' is in Mexico
    unit_after: frozenset[str]  # 'Michoacan state', 'Sinaloa State': a unit noun after its unit's name
    leading: re.Pattern[str]  # articles before a name that are not part of it, as written
    admin_phrases: tuple[re.Pattern[str], ...]  # 'Sinaloa State', 'the state of Sinaloa' (group 1: the name)
    disease_after: re.Pattern[str]  # 'West Nile virus': a disease, not a place
    abbreviation: re.Pattern[str]  # 'Springfield, Ill.', 'en NL': a unit's abbreviation after a comma or locative
    headline_place: re.Pattern[str]  # 'Tijuana: ...' at the start of a headline
    name_goes_on: re.Pattern[str]  # 'San Francisco' + ' del Rincón'
    sublocal_before: re.Pattern[str]  # 'colonia Santa Fe': a part of a town
    sublocal_after: re.Pattern[str]  # 'Costa Dorada subdivision'
    road_after: re.Pattern[str]  # 'the Casas Grandes highway': a road named after the town it leads to
    dateline: re.Pattern[str]  # 'MEXICO CITY (AP) —': where the report was filed (group 'place': its place)
    unit_of_name: tuple[re.Pattern[str], ...]  # 'the municipality of El Mezquital' (group 1: the name)
    nickname_before: re.Pattern[str]  # '"El Cabo" was killed': a name opened by a quote is a nickname
    settlement_of_name: tuple[re.Pattern[str], ...]  # 'the town of Aguililla', 'the city of Chihuahua': a town
    abbreviated_name: re.Pattern[str]  # 'Cd. Juárez', 'CD Juarez': a name opened by an abbreviated word
    months: frozenset[str]  # month names, lower case: 'la avenida 5 de Mayo' is a date that names a street
    day_before: re.Pattern[str]  # '10 de ', '5 of ' right before a month name

    @classmethod
    def from_knowledge(cls, knowledge: Knowledge) -> PlaceLexicon:
        particles = knowledge.union("place_particles")
        words = knowledge.union("place_words")
        sublocal = knowledge.union("sublocal_patterns")
        within = particles.where(kind="within").column("word")
        abbreviations = knowledge.table("admin1_abbreviations").column("abbreviation")
        headline = _alternatives(particles.where(kind="headline").column("word"), " ")
        goes_on = _alternatives(particles.where(kind="continues").column("word"), " ")
        return cls(
            metonym_verbs=knowledge.union("metonym_verbs").words(),
            locatives=particles.words(kind="locative"),
            joiners=particles.words(kind="joiner"),
            inside=particles.words(kind="inside"),
            within=frozenset({",", "(", *within, *(", " + w for w in within)}),
            unit_between=_unit_between(knowledge),
            listing=frozenset({",", *(list_words := particles.words(kind="list")), *(", " + w for w in list_words)}),
            not_places=words.words(kind="not_place"),
            directions=words.words(kind="direction"),
            institutions=words.words(kind="institution"),
            outlet_words=words.words(kind="outlet"),
            outlet_homes=tuple((r["outlet"], r["place"], r["country"])
                               for r in knowledge.table("outlet_places").records()),
            unit_after=frozenset(w for u in words.where(kind="admin_unit").column("word") for w in (u, u.capitalize())),
            leading=re.compile(rf"^(?:{_alternatives(particles.where(kind='leading').column('word'))})\s+"),
            admin_phrases=_admin_phrases(knowledge),
            disease_after=re.compile(rf"^[\s-]*(?:{_alternatives(words.where(kind='disease').column('word'))})\b"),
            # after a comma ('Springfield, Ill.') or a locative ('en NL', 'in Q Roo')
            abbreviation=re.compile(rf"(?:(?<=, )|{_after_locative(particles.where(kind='locative').column('word'))})"
                                    rf"({_alternatives(abbreviations)})(?=[\s,;:)]|$)"),
            # joined headlines are split by ';'; 'Celaya, Guanajuato: ...' names the state too
            headline_place=re.compile(
                rf"(?:^|(?<=;)|(?<=\n))\s*([{_CAPITAL}][\w'.-]+(?: (?:{headline})?[{_CAPITAL}][\w'.-]+){{0,3}})"
                rf"(?=(?:, [{_CAPITAL}][\w .]+)?:\s)"),
            name_goes_on=re.compile(rf"(?: (?:{goes_on})?[{_CAPITAL}][\w'-]+){{1,3}}"),
            sublocal_before=re.compile(  # 'colonia Santa Fe', 'la colonia Las Palmas' (the name's article kept)
                rf"(?:\b(?:{_patterns(sublocal, 'before')})\s+"
                rf"(?:(?:{_alternatives(particles.where(kind='leading').column('word'))})\s+)?)$", re.IGNORECASE),
            sublocal_after=re.compile(rf"\s+(?:{_patterns(sublocal, 'after')}|{_patterns(sublocal, 'road')})\b",
                                      re.IGNORECASE),
            road_after=re.compile(rf"\s+(?:{_patterns(sublocal, 'road')})\b", re.IGNORECASE),
            dateline=_dateline(knowledge),
            unit_of_name=_unit_of_name(knowledge, "admin_unit"),
            nickname_before=re.compile(
                rf"[\"“‘«']\s*(?:(?:{_alternatives(particles.where(kind='leading').column('word'))})\s+)?$"),
            settlement_of_name=_unit_of_name(knowledge, "settlement"),
            abbreviated_name=_abbreviated_name(knowledge),
            months=frozenset(w.lower() for w in knowledge.union("months").column("word")),
            day_before=re.compile(rf"\b\d{{1,2}}\s+(?:(?:{_alternatives(particles.where(kind='inside').column('word'))})\s+)?$",
                                  re.IGNORECASE),
        )


def _dateline(knowledge: Knowledge) -> re.Pattern[str]:
    """The dateline grammar (``codebook/dateline_grammar.tsv``): [agency] place [, qualifier]{0,2}
    [date] [agency] end, each part one of its rows' alternatives; {month} is any language's month."""
    grammar = knowledge.table("dateline_grammar")
    months = _alternatives(sorted(knowledge.union("months").column("word"), key=len, reverse=True))

    def part(name: str) -> str:
        found = [f"(?:{p})" for p in grammar.where(part=name).column("pattern")]
        return ("|".join(found) if found else "(?!)").replace("{month}", months)

    agency = part("agency")
    return re.compile(rf"(?:(?:{agency})\s*)?(?P<place>{part('place')})(?:{part('qualifier')}){{0,2}}"
                      rf"(?:{part('date')})?(?:{agency})?(?:{part('end')})", re.IGNORECASE)


def _after_locative(words: Iterable[str]) -> str:
    """Lookbehinds for a locative word and a space ('en ', 'in '), lower case, one per word."""
    return "|".join(rf"(?<=\b{re.escape(w.lower())} )" for w in dict.fromkeys(words) if w) or "(?!)"


def _patterns(table: Table, position: str) -> str:
    found = list(dict.fromkeys(table.where(position=position).column("regex")))
    return "|".join(found) if found else "(?!)"


def _unit_of_name(knowledge: Knowledge, kind: str) -> tuple[re.Pattern[str], ...]:
    """Per language: a unit or settlement noun, 'of', then capitalised words (joined by 'de', 'del' ...):
    'the municipality of El Mezquital', 'the town of Aguililla', 'el municipio de San Pedro de la Cueva'.
    Names the NER misses or takes for a person."""
    patterns = []
    for lang in knowledge.languages:
        units = knowledge.table("place_words", lang).where(kind=kind).column("word")
        particles = knowledge.table("place_particles", lang)
        of = particles.where(kind="inside").column("word")
        if not units or not of:
            continue
        unit = "|".join(f"{re.escape(u.capitalize())}|{re.escape(u)}" for u in dict.fromkeys(units))
        joiners = _alternatives(particles.where(kind="joiner").column("word"))
        word = rf"[{_CAPITAL}][\w'-]+"
        patterns.append(re.compile(rf"\b(?:{unit})\s+(?:{_alternatives(of)})\s+({word}(?:\s+(?:(?:{joiners})\s+)?{word}){{0,4}})"))
    return tuple(patterns)


def _abbreviated_name(knowledge: Knowledge) -> re.Pattern[str]:
    """An abbreviated word of place names in any case, with or without its dot, then capitalised words
    (joined by 'de', 'del' ...): 'Cd. Juárez', 'CD Juarez', 'Gral. Escobedo'."""
    short = _alternatives(knowledge.union("place_abbreviations").column("abbreviation"))
    joiners = _alternatives(knowledge.union("place_particles").where(kind="joiner").column("word"))
    word = rf"[{_CAPITAL}][\w'-]+"
    return re.compile(rf"\b(?i:{short})\.?\s+{word}(?:\s+(?:(?:{joiners})\s+)?{word}){{0,3}}")


def _unit_between(knowledge: Knowledge) -> re.Pattern[str]:
    """', in the municipality of', ', municipio de', ', in the state of': between a town and the unit named
    after it, in any language (',' and 'in' optional, the unit noun and 'of' required)."""
    words = knowledge.union("place_words")
    particles = knowledge.union("place_particles")
    units = _alternatives(words.where(kind="admin_unit").column("word"))
    within = _alternatives(particles.where(kind="within").column("word"))
    articles = _alternatives(w.lower() for w in particles.where(kind="leading").column("word"))
    of = _alternatives(particles.where(kind="inside").column("word"))
    return re.compile(rf",?\s*(?:(?:{within})\s+)?(?:(?:{articles})\s+)?(?:{units})\s+(?:{of})", re.IGNORECASE)


def _admin_phrases(knowledge: Knowledge) -> tuple[re.Pattern[str], ...]:
    """Per language with unit nouns: '[article] [Unit of] NAME [Unit]', the unit noun capitalised or not."""
    patterns = []
    for lang in knowledge.languages:
        units = knowledge.table("place_words", lang).where(kind="admin_unit").column("word")
        if not units:
            continue
        unit = "(?:" + "|".join(f"{re.escape(u.capitalize())}|{re.escape(u)}" for u in dict.fromkeys(units)) + ")"
        particles = knowledge.table("place_particles", lang)
        articles = [w for w in particles.where(kind="leading").column("word") if w == w.lower()]
        of = particles.where(kind="inside").column("word")
        article = rf"(?:(?:{_alternatives(articles)})\s+)?" if articles else ""
        unit_of = rf"(?:{unit}\s+(?:{_alternatives(of)})\s+)?" if of else ""
        patterns.append(re.compile(rf"^{article}{unit_of}(.+?)(?:\s+{unit})?$"))
    return tuple(patterns)
