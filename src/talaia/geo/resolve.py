"""Toponym resolution: pick each mention's GeoNames entry using the document as context.

A candidate's score is a prior (countries, then first-level units, then towns by
population; national capitals lifted) plus context: the document's main countries (voted
by a first, context-free pass), first-level units it names, and "Town, State" pairs.
The words it reads (parts of towns, outlet names) are in :class:`~talaia.geo.lexicon.PlaceLexicon`.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from talaia.geo.gazetteer import BIG_CITY_POPULATION, GazetteerEntry, GeoNamesGazetteer, NameKey
from talaia.geo.lexicon import PlaceLexicon
from talaia.geo.toponyms import Mention
from talaia.models import Place
from talaia.nlp.frequency import zipf_frequency


@dataclass(frozen=True, slots=True)
class ResolutionSettings:
    """Every weight and threshold of resolution, in one place (the scores add up; the prior is
    about 9 for a country, 7.5 to 8 for a state and log10(population) for a town).

    country_context  the most a candidate gains from the countries the rest of the document names
                     (scaled by its country's share of the votes)
    state_context    a town or municipality inside a state the document names (or a big town's state)
    container        a town inside the unit written right after it ('Aguililla, Michoacán')
    own_name         the candidate's own name, or its part before or after a joiner that news writes
                     for short ('Parral' for Hidalgo del Parral), not one of its alternate names
                     ('Cancun' is not Changchun)
    exact_spelling   the name spelt exactly as the candidate's, accents included
    foreign_town_population  a smaller town in a country nothing else names, while the document is
                     about another country, is a homonym of a place the gazetteer lacks
    focus_votes      what makes a document about a country: a country or state named, or two towns
    village_population  a place this small outside a local outlet's municipality, named bare in a report
                     naming no other town, is a neighbourhood of the outlet's town ('Santa Rita')
    home_region_town_population  a smaller town outside a local outlet's state, in a report naming
                     no state but the outlet's, is a homonym of a neighbourhood or village the
                     gazetteer lacks there ('Los Tepetates' in El Sol de Sinaloa is none of Guerrero's)
    """

    country_context: float = 4.0
    state_context: float = 2.5
    container: float = 6.0
    own_name: float = 1.5
    exact_spelling: float = 0.3
    foreign_town_population: int = BIG_CITY_POPULATION
    focus_votes: int = 2
    home_region_town_population: int = BIG_CITY_POPULATION
    village_population: int = 5000


SETTINGS = ResolutionSettings()
COMMON_NAME_ZIPF = 3.5  # a word this frequent in English or Spanish ('Hindi', 'Tan', 'Van') is a common word too
WORLD_CITY_POPULATION = 1_000_000  # a city this big is known abroad by its exonyms ('Kiev', 'Calcutta', 'Bombay')


def prior(entry: GazetteerEntry) -> float:
    pop = math.log10(entry.population + 1)
    if entry.feature in {"continent", "region"}:
        return 10.0
    if entry.feature == "country":
        return 9.0 + pop / 10
    if entry.feature == "admin1":
        return 7.5 + pop / 20
    if entry.feature == "admin2":
        return 2.5 + pop / 3
    return pop + (2.0 if entry.capital else 0.0)


def resolve_mentions(mentions: Sequence[Mention], gazetteer: GeoNamesGazetteer, lexicon: PlaceLexicon, text: str,
                     background: Sequence[GazetteerEntry] = (), nationalities: Sequence[GazetteerEntry] = ()
                     ) -> list[Place]:
    """Resolve every mention; ``background`` places (where the outlet is: its country and state are the
    document's focus until the text says otherwise) and ``nationalities`` (the countries of the
    demonyms the text uses, 'Mexican police') count as context too."""
    joiners = frozenset(gazetteer.normalize(j) for j in lexicon.joiners)
    candidates = [_weak_evidence_removed(m, _candidates(m.text, gazetteer, lexicon), gazetteer.normalize, joiners)
                  for m in mentions]
    # pass 1 chooses without context; later passes use the countries and states the choices imply
    choices: list[GazetteerEntry | None] = [max(c, key=prior) if c else None for c in candidates]
    sublocal = [m.partial or _names_part_of_a_town(m, text, lexicon) for m in mentions]
    namesakes = _same_names(mentions, gazetteer.normalize)
    for _ in range(2):
        all_countries, all_admin1 = _context([*choices, *nationalities], background)
        updated: list[GazetteerEntry | None] = []
        for i, (mention, cands) in enumerate(zip(mentions, candidates, strict=True)):
            # a name does not vote for itself: one wrong first guess, written twice, would only confirm itself
            own_countries, own_admin1 = _context([choices[j] for j in namesakes[i]])
            country_votes = all_countries - own_countries
            admin1_keys = set(all_admin1 - own_admin1)
            if sublocal[i]:  # inside a state the document is about or names a place in: a neighbourhood of
                # a report naming no state is one of a town the report leaves unsaid, not a namesake elsewhere
                around = admin1_keys or {c.admin1_key for j, c in enumerate(choices) if c is not None and c.admin1_key
                                         and j not in namesakes[i]} | {b.admin1_key for b in background if b.admin1_key}
                cands = [c for c in cands if c.feature in {"city", "admin2"} and country_votes.get(c.country_code)
                         and c.admin1_key in around]
            if mention.source == "admin-phrase":  # 'el estado de México' is a unit, never the country
                cands = [c for c in cands if c.feature != "country"]
                if any(c.feature == "admin1" for c in cands) and not any(c.feature == "admin2" for c in cands):
                    # nor a city named like the state ('the State of Mexico' is not Mexico City); a
                    # municipality's phrase keeps its seat ('municipio de Culiacán' is the town's point)
                    cands = [c for c in cands if c.feature == "admin1"]
            if mention.source == "settlement":  # 'the city of Durango' is the town, not the state: the
                # town of that name inside the state of that name first (a state's capital is often its namesake)
                admin1_keys |= {c.admin1_key for c in cands if c.feature == "admin1" and c.admin1_key}
                cands = [c for c in cands if c.feature == "city"]
            container = _container(i, mentions, candidates, text, lexicon)
            named_unit = bool(lexicon.unit_between.fullmatch(text[mention.end:mentions[i + 1].start].strip())) \
                if container is not None else False
            if container is not None and (named_unit or not _listed(i, mentions, candidates, text, lexicon)) and \
                    _homonym_outside(cands, container, named_unit):
                cands = []
            if not cands:
                updated.append(None)
                continue
            top = max(country_votes.values(), default=0)
            context = _Context(country_votes, top, admin1_keys, container, mention.text, gazetteer.normalize, joiners)
            updated.append(max(cands, key=context.score))
        if updated == choices:
            break
        choices = updated
    # 'Chihuahua State' stays the state: only a bare name may be the big city named like its region, and
    # not one written after a town of that region to say where the town is: 'Juárez, Chihuahua' and
    # 'Cuauhtémoc, Chihuahua' name the state, whatever the big city of its name scored
    mentions_qualifying: set[int] = set()
    for i in range(len(mentions) - 1):
        town = choices[i]
        if _container(i, mentions, candidates, text, lexicon) is None:
            continue
        if town is None and mentions[i].source == "ner" and not _listed(i, mentions, candidates, text, lexicon):
            # 'Yepachi, Chihuahua': a town the gazetteer lacks, then the state it lies in
            units = [c for c in candidates[i + 1] if c.feature == "admin1"]
            if units:
                choices[i + 1] = units[0]
                mentions_qualifying.add(i + 1)
        if town is not None:
            units = [c for c in candidates[i + 1] if c.feature in {"admin1", "admin2", "country"}
                     and _inside(town, [c])]
            if units:
                choices[i + 1] = min(units, key=lambda c: ("admin1", "admin2", "country").index(c.feature))
                mentions_qualifying.add(i + 1)
    choices = [c if m.source == "admin-phrase" or i in mentions_qualifying
               else _city_over_unit(c, cands, gazetteer.normalize)
               for i, (m, c, cands) in enumerate(zip(mentions, choices, candidates, strict=True))]
    common = [_common_name(gazetteer.normalize(m.text)) for m in mentions]  # 'Las Flores' is the word 'flores'

    parts = [part and not lexicon.road_after.match(text, m.end) for m, part in zip(mentions, sublocal, strict=True)]
    qualified = [_container(i, mentions, candidates, text, lexicon) is not None for i in range(len(mentions))]
    choices = _parts_in_their_town(choices, parts, candidates, background, [m.partial for m in mentions], qualified)
    choices = _outside_the_focus(choices, background, nationalities, namesakes, common)
    choices = _outside_the_home_region(choices, background)
    places: list[Place] = []
    for mention, choice in zip(mentions, choices, strict=True):
        if choice is not None:
            places.append(to_place(mention, choice))
        elif mention.source == "ner" and mention.label == "LOC":
            places.append(Place(name=mention.text, start=mention.start, end=mention.end))
    return places


def _same_names(mentions: Sequence[Mention], normalize_name: NameKey) -> list[list[int]]:
    """For each mention, the mentions of the same name (itself included)."""
    by_name: dict[str, list[int]] = {}
    for i, m in enumerate(mentions):
        by_name.setdefault(normalize_name(m.text), []).append(i)
    return [by_name[normalize_name(m.text)] for m in mentions]


def _weak_evidence_removed(m: Mention, candidates: list[GazetteerEntry], normalize_name: NameKey,
                           joiners: frozenset[str]) -> list[GazetteerEntry]:
    """A common word or a phrase with a number is a place only on strong evidence: its towns are those
    whose own name it is, not those it is only an alternate name of ('Hindi' is a name of Mariupol, 'Tan'
    of Anchorage: neither is said), but for the world's big cities' exonyms ('Kiev', 'Bombay'); countries
    and units keep the names the tables give them ('US', 'Britain'); and a number must be in the place's
    name too ('the 21st Military Zone' names no town)."""
    if not candidates or m.source == "abbreviation":  # 'Ill.', 'Gto.': the unit's abbreviation, from the tables
        return candidates
    mention = normalize_name(m.text)
    if any(ch.isdigit() for ch in m.text):
        candidates = [c for c in candidates if any(ch.isdigit() for ch in c.name)]
    if m.text.isalpha() and _common_name(mention):
        candidates = [c for c in candidates if c.feature not in {"city", "admin2"}
                      or c.population >= WORLD_CITY_POPULATION or _own_name(normalize_name(c.name), mention, joiners)]
    return candidates


def _common_name(key: str) -> bool:
    """One word common in English or Spanish ('hindi', 'flores', 'van')."""
    return key.isalpha() and max(zipf_frequency(key, "en"), zipf_frequency(key, "es")) >= COMMON_NAME_ZIPF


def _candidates(name: str, gazetteer: GeoNamesGazetteer, lexicon: PlaceLexicon) -> list[GazetteerEntry]:
    """The gazetteer's entries for a name; for 'Southern California', 'northeast Georgia', 'western Mexico'
    (a part of a country or state the gazetteer has no entry for), the country's or state's."""
    found = gazetteer.lookup(name)
    first, _, rest = name.partition(" ")
    if found or not rest or gazetteer.normalize(first) not in lexicon.directions:
        return found
    return [e for e in gazetteer.lookup(rest) if e.feature in {"country", "admin1", "region", "continent"}]


def _homonym_outside(candidates: list[GazetteerEntry], container: list[GazetteerEntry], named_unit: bool = False
                     ) -> bool:
    """'El Aguaje, Michoacán state' when the gazetteer knows El Aguajes only in other states: a town
    written with the state or country it lies in, none of whose namesakes lies there, is a town the
    gazetteer lacks; the unit after it says where it is. Only a town's name: in 'Sonora, Chihuahua
    and Durango' the comma lists units, it does not place one inside the next."""
    # a municipality counts when the text calls it one ('El Aguaje, in the municipality of Aguililla')
    unit_features = {"country", "admin1", "admin2"} if named_unit else {"country", "admin1"}
    units = {c.country_code for c in container if c.feature in unit_features}
    if not candidates or not units:
        return False  # 'Tijuana, Mexicali': a list of towns
    if any(c.feature == "country" or (c.feature == "admin1" and c.country_code in units) for c in candidates):
        return False  # 'Sonora, Chihuahua', 'Austria, Slovakia': units side by side
    return not any(_inside(c, container) for c in candidates)


def _listed(i: int, mentions: Sequence[Mention], candidates: list[list[GazetteerEntry]], text: str,
            lexicon: PlaceLexicon) -> bool:
    """'Moscow, Kiev, Minsk and Riga': a mention after a listed one, or before a unit that a list goes on
    from, is an item of a list, not a town inside the next item ('Aguililla, Michoacán' after it is a
    town and its state, not a list)."""
    def joined(a: int, b: int) -> bool:
        return a >= 0 and b < len(mentions) and text[mentions[a].end:mentions[b].start].strip() in lexicon.listing
    return joined(i - 1, i) or (joined(i + 1, i + 2) and not any(_inside(c, candidates[i + 2])
                                                                 for c in candidates[i + 1]))


def _outside_the_focus(choices: list[GazetteerEntry | None], background: Sequence[GazetteerEntry],
                       nationalities: Sequence[GazetteerEntry], namesakes: Sequence[Sequence[int]],
                       common: Sequence[bool] = ()) -> list[GazetteerEntry | None]:
    """A smaller town in a country nothing else names, while the document is about another, is a homonym
    of a place the gazetteer lacks. In an outlet's report, so is any unit or town whose name is a common
    word ('Flores', 'Van', 'Sur'): a word needs strong evidence to be a place abroad."""
    votes, _ = _context([*choices, *nationalities], background)
    out: list[GazetteerEntry | None] = []
    for i, choice in enumerate(choices):
        small = choice is not None and choice.feature in {"city", "admin2"} and \
            choice.population < SETTINGS.foreign_town_population
        word = bool(background) and i < len(common) and common[i]
        if choice is not None and choice.feature != "country" and (small or word):
            own, _ = _context([choices[j] for j in namesakes[i]])
            others = votes - own
            top = max(others.values(), default=0)
            if top >= SETTINGS.focus_votes and not others.get(choice.country_code):
                out.append(None)
                continue
        out.append(choice)
    return out


def _municipality(entry: GazetteerEntry) -> tuple[str, str | None]:
    return entry.admin1_key or "", entry.name if entry.feature == "admin2" else entry.admin2


def _parts_in_their_town(choices: list[GazetteerEntry | None], sublocal: Sequence[bool],
                         candidates: Sequence[Sequence[GazetteerEntry]], background: Sequence[GazetteerEntry],
                         partial: Sequence[bool], qualified: Sequence[bool]) -> list[GazetteerEntry | None]:
    """'colonia Santa Cruz', 'the Galeana neighborhood', 'San Pedro de los Hernández': a part of a town lies in
    the town the report names, else in a local outlet's own town; a namesake village elsewhere in the state is
    neither. Such a part falls back to its town: the town the report names carries the event; with none named,
    the outlet's home town is the part's place. A name the gazetteer knows in one place only in the whole
    country ('San Lorenzo Itzícuaro') is that place, unless it only opens a longer name. In a local outlet's
    report naming no town, a village outside the outlet's municipality that no unit qualifies ('in Santa
    Rita', not 'in Santa Rita, Salvatierra') is a neighbourhood of the outlet's town, as a colonia is."""
    homes = [b for b in background if b.feature in {"city", "admin2"}]
    home = {_municipality(e) for e in homes}
    villages = [bool(homes) and c is not None and c.feature == "city" and c.population < SETTINGS.village_population
                and _municipality(c) not in home and not q for c, q in zip(choices, qualified, strict=True)]
    towns = [c for c, part, village in zip(choices, sublocal, villages, strict=True) if c is not None and not part
             and not village and c.feature in {"city", "admin2"}]
    explicit = list(sublocal)
    sublocal = [part or (village and not towns) for part, village in zip(sublocal, villages, strict=True)]
    local = {_municipality(e) for e in (towns or homes)}
    if not local:
        return choices
    out: list[GazetteerEntry | None] = []
    for choice, part, cands, opening, said in zip(choices, sublocal, candidates, partial, explicit, strict=True):
        unique = choice is not None and said and not opening and \
            sum(c.country_code == choice.country_code for c in cands) == 1
        if not part or unique or (choice is not None and _municipality(choice) in local):
            out.append(choice)
        else:
            out.append(None if towns else homes[0])
    return out


def _outside_the_home_region(choices: list[GazetteerEntry | None], background: Sequence[GazetteerEntry]
                             ) -> list[GazetteerEntry | None]:
    """A local outlet writes about its own state: a small town it names in another state, when the
    report names no other state (nor a big town of one), is a place of its own region the gazetteer
    lacks; the event falls back to the outlet's home."""
    home = {place.admin1_key for place in background if place.admin1_key}
    if not home:
        return choices  # a national or international outlet: no home region
    named = {c.admin1_key for c in choices if c is not None and c.admin1_key and
             (c.feature == "admin1" or background_of_town(c))}
    return [None if c is not None and c.feature in {"city", "admin2"} and
            c.population < SETTINGS.home_region_town_population and
            c.admin1_key not in home | named else c for c in choices]


def _city_over_unit(choice: GazetteerEntry | None, candidates: list[GazetteerEntry], normalize_name: NameKey
                    ) -> GazetteerEntry | None:
    """'Kyiv', 'Yangon', 'Addis Ababa': a big city that shares its name with its own region is the city."""
    if choice is None or choice.feature not in {"admin1", "admin2"}:
        return choice
    same = [c for c in candidates if c.feature == "city" and c.country_code == choice.country_code
            and c.population >= BIG_CITY_POPULATION and normalize_name(c.name) == normalize_name(choice.name)
            and (c.admin1 == choice.name or c.admin1 == choice.admin1 or c.admin2 == choice.name)]
    return max(same, key=lambda c: c.population) if same else choice


@dataclass(frozen=True, slots=True)
class _Context:
    """What the rest of the document says about where one mention is."""

    country_votes: Counter[str]
    top: int
    admin1_keys: set[str]
    container: list[GazetteerEntry] | None
    mention: str
    normalize_name: NameKey
    joiners: frozenset[str] = frozenset()  # folded: 'de', 'del' ... between a name's parts

    def score(self, e: GazetteerEntry) -> float:
        s = prior(e)
        if self.top:
            s += SETTINGS.country_context * self.country_votes.get(e.country_code, 0) / self.top
        if e.feature in {"city", "admin2"} and e.admin1_key in self.admin1_keys:
            s += SETTINGS.state_context
        if self.container is not None and _inside(e, self.container):
            s += SETTINGS.container
        if _own_name(self.normalize_name(e.name), self.normalize_name(self.mention), self.joiners):
            s += SETTINGS.own_name  # the place's own name, not one of its many alternate names
        if e.name == self.mention:
            s += SETTINGS.exact_spelling
        return s


def _own_name(name: str, mention: str, joiners: frozenset[str] = frozenset()) -> bool:
    """The mention is the place's name, or the part of it before or after a joiner that news writes for
    short: 'Parral' for Hidalgo del Parral. Not any part: 'Mexico' is not Mexico City, 'Canada' not
    La Cañada Flintridge."""
    if name == mention:
        return True
    return any(name.endswith(f" {j} {mention}") or name.startswith(f"{mention} {j} ") for j in joiners)


def _context(choices: Sequence[GazetteerEntry | None], home: Sequence[GazetteerEntry] = ()
             ) -> tuple[Counter[str], Counter[str]]:
    """Votes for countries and the first-level units the choices name (counted, so one can be taken out).
    A local outlet's ``home`` makes the document about its country and its state on its own."""
    country_votes: Counter[str] = Counter()
    admin1_keys: Counter[str] = Counter()
    for place in home:
        country_votes[place.country_code] += SETTINGS.focus_votes
        if place.admin1_key:
            admin1_keys[place.admin1_key] += 1
    for choice in choices:
        if choice is None or choice.feature in {"continent", "region"}:
            continue
        country_votes[choice.country_code] += 2 if choice.feature in {"country", "admin1"} else 1
        if choice.admin1_key and (choice.feature == "admin1" or background_of_town(choice)):
            admin1_keys[choice.admin1_key] += 1
    return country_votes, admin1_keys


def background_of_town(entry: GazetteerEntry) -> bool:
    """A big town's state is context too (the outlet 'El Sol de León' is in Guanajuato)."""
    return entry.feature == "city" and entry.population >= BIG_CITY_POPULATION


def _names_part_of_a_town(mention: Mention, text: str, lexicon: PlaceLexicon) -> bool:
    """'the Anáhuac neighborhood', 'colonia Santa Fe': a part of a town, named like far-away towns; it
    resolves only inside a country the rest of the document is in."""
    return bool(lexicon.sublocal_before.search(text[max(0, mention.start - 30):mention.start]) or
                lexicon.sublocal_after.match(text, mention.end))


def _container(i: int, mentions: Sequence[Mention], candidates: list[list[GazetteerEntry]],
               text: str, lexicon: PlaceLexicon) -> list[GazetteerEntry] | None:
    """For 'Aguililla, Michoacán' or 'Culiacán (Sinaloa)': the candidates of the mention that follows."""
    if i + 1 >= len(mentions):
        return None
    between = text[mentions[i].end:mentions[i + 1].start].strip()
    # 'Delmas, north-east South Africa', 'Gao, northern Mali': a direction before the unit still names it
    words = between.split()
    if len(words) > 1 and all(lexicon.directions & {w.strip(",").lower(), w.strip(",").lower().replace("-", "")}
                              for w in words[1:]):
        between = words[0]
    if (between not in lexicon.within and not lexicon.unit_between.fullmatch(between)) or not candidates[i + 1]:
        return None
    # 'Aguaje in Mexico's Michoacan state': the unit after the country's possessive is the container
    if i + 2 < len(mentions) and text[mentions[i + 1].end:mentions[i + 2].start].strip() in {"'s", "’s"} \
            and candidates[i + 2]:
        return candidates[i + 2]
    return candidates[i + 1]


def _inside(entry: GazetteerEntry, containers: list[GazetteerEntry]) -> bool:
    for c in containers:
        if c.feature == "country" and entry.country_code == c.country_code and entry.feature != "country":
            return True
        if c.feature == "admin1" and entry.admin1 == c.name and entry.country_code == c.country_code:
            return True
        if c.feature == "admin2" and entry.admin2 == c.name:
            return True
    return False


def to_place(mention: Mention, entry: GazetteerEntry) -> Place:
    """The output record; a place inside an organisation's name is flagged ``embedded``."""
    admin1 = entry.name if entry.feature == "admin1" else entry.admin1
    admin2 = entry.name if entry.feature == "admin2" else entry.admin2
    return Place(
        name=mention.text, start=mention.start, end=mention.end, latitude=entry.latitude,
        longitude=entry.longitude, country_code=entry.country_code, admin1=admin1,
        geonames_id=entry.geonames_id, feature=entry.feature, country=entry.country, admin2=admin2,
        population=entry.population or None, geoname=entry.name, embedded=mention.source == "embedded",
    )


NO_HOME = "-"  # outlet_places.tsv: an international outlet, reporting from everywhere


def place_of_source(source: str | None, gazetteer: GeoNamesGazetteer, lexicon: PlaceLexicon
                    ) -> GazetteerEntry | None:
    """'El Sol de Tijuana', 'El Heraldo de Juárez', 'Arizona Daily Star': where a local outlet is."""
    if not source:
        return None
    name = source.split(";")[0].strip()
    listed, home = _outlet_home(name, gazetteer, lexicon)
    if listed:
        return home
    words = name.replace(",", " ").split()
    best: GazetteerEntry | None = None
    for i in range(len(words)):
        for j in range(min(len(words), i + 3), i, -1):
            phrase = " ".join(words[i:j])
            if not phrase[:1].isupper() or all(w.lower() in lexicon.outlet_words for w in words[i:j]):
                continue
            found = gazetteer.lookup(phrase)
            cands = [e for e in found if e.feature in {"admin1", "country"}
                     or (e.feature == "city" and e.population >= 50000)
                     or (e.feature == "admin2" and e.population >= BIG_CITY_POPULATION)]
            named = [e for e in cands if gazetteer.normalize(e.name) == gazetteer.normalize(phrase)]
            if named or len(cands) == 1:
                # 'El Sol de León': of the places so named, the biggest (León, Guanajuato, not León, Nicaragua);
                # a paper is published in a town: 'El Sol de Zacatecas' is the city's, not the state's
                choice = max(named, key=lambda e: (e.feature == "country", e.feature in {"city", "admin2"},
                                                   e.population)) if named else cands[0]
                if best is None or prior(choice) < prior(best):  # the most local one
                    best = choice
    return best


def _outlet_home(outlet: str, gazetteer: GeoNamesGazetteer, lexicon: PlaceLexicon
                 ) -> tuple[bool, GazetteerEntry | None]:
    """'Milenio' -> Mexico, 'El Informador' -> Guadalajara: the outlet table, for names that do not say it
    (listed or not, and the home; an international outlet listed with no home has none, whatever its
    name holds: 'Agence France Presse' is not in France)."""
    key = gazetteer.normalize(outlet)
    for name, place, country in lexicon.outlet_homes:
        if gazetteer.normalize(name) == key:
            found = [e for e in gazetteer.lookup(place) if e.country_code == country] if place != NO_HOME else []
            return True, max(found, key=lambda e: (e.feature == "country", e.feature == "city", e.population),
                             default=None)
    return False, None
