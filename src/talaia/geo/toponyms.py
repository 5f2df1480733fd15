"""Toponym recognition: spaCy's place entities, corrected and completed with the gazetteer.

spaCy's small models miss or mislabel many places in news about Mexico ("Michoacan" as a
nationality, "Sinaloa State" as an organisation). Candidates therefore come from four
sources: GPE/LOC entities; nationality/organisation entities whose words are a known
state, country or sizeable town; "X State"/"state of X" phrases; and capitalised proper
nouns that the gazetteer knows, after a locative preposition or when they name a
country, state or city. Demonyms ("Mexican") and metonyms ("Washington said") are not
places. The words all this reads are in :class:`~talaia.geo.lexicon.PlaceLexicon`.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import Any

from talaia.geo.gazetteer import BIG_CITY_POPULATION, GeoNamesGazetteer
from talaia.geo.lexicon import PlaceLexicon
from talaia.nlp.doccache import doc_ents, doc_text
from talaia.nlp.frequency import zipf_frequency

PLACE_LABELS = {"GPE", "LOC"}
COMMON_WORD_ZIPF = 4.0
COMMON_HEAD_ZIPF = 3.0  # a word this frequent opening a name is a headline's adjective or verb ('Bloody', 'Arde')
ENGLISH_NAME_ZIPF = 3.5  # 'Lincoln' 4.3, 'Toyota' 4.0, 'Rochester' 3.8; 'Tijuana' 3.0, 'Cancun' 2.9
HEADLINE_CHARS = 300  # a text this short is a headline (or a few joined by ';')
WORLD_CITY_POPULATION = 1_000_000  # a city this big is known abroad by its exonyms ('Kiev', 'Calcutta')
SMALL_TOWN_POPULATION = 1000  # below this, a name after 'in' is more likely a person or a firm than a town
_TRAILING = re.compile(r"(?:['’]s|['’])$")
# mentions whose words say what kind of place they are (a unit's abbreviation from the tables is one)
UNIT_SOURCES = frozenset({"admin-phrase", "settlement", "abbreviation"})
NICKNAME_CLOSES = re.compile(r"[\s\d]{0,4}[\"”’'»]")  # the quote closes right after the name: '"El Cabo 39"'
_NAME_RUN_BEFORE = re.compile(r"(?:(?:[A-ZÁÉÍÓÚÑ][\w'-]*|de|del|la|las|los) )+$")  # capitalised words, joiners
_TOWN_WORDS = r"[A-ZÁÉÍÓÚÑ][\w'.]+(?: (?:(?:de|del|de la|de los|el|la) )?[A-ZÁÉÍÓÚÑ][\w'.]+){0,3}"
_ROAD_ENDS = re.compile(rf"(?<![\w-])({_TOWN_WORDS}) ?[-–] ?({_TOWN_WORDS})(?![\w-])")  # 'Taxco-Cuernavaca'
DATELINE_RE = re.compile(r"(?:^|\n)\s*([A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){0,3})(?=,? *(?:\(|—|–|-|,|:))")


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    text: str
    source: str  # "ner", "norp", "admin-phrase", "settlement", "gazetteer", "dateline", "embedded", ...
    label: str = ""  # the NER label, when NER found it
    # part of a longer name the gazetteer lacks ('San Pedro' of 'San Pedro de los Hernández', 'Guadalupe' of
    # 'Rancho Guadalupe'): a neighbourhood or village named after a town, not that town
    partial: bool = False


def find_toponyms(sdoc: Any, gazetteer: GeoNamesGazetteer, lexicon: PlaceLexicon) -> list[Mention]:
    found: list[Mention] = []
    covered: set[int] = set()
    not_people: set[int] = set()  # 'Bloody Veracruz': a person entity that was a place after all
    text = doc_text(sdoc)
    for ent in doc_ents(sdoc):
        label = ent.label_
        if label in PLACE_LABELS:
            if _is_metonym(ent, lexicon) or _finite_verb(ent, gazetteer):
                covered.update(range(ent.start, ent.end))
                continue
            m = _trim(text, ent.start_char, ent.end_char, "ner", lexicon)
            m = _without_common_tail(m, ent, gazetteer) if m else None
            m = _longer_name(_longer_name_before(m, text, gazetteer, lexicon), text, gazetteer, lexicon) if m else None
            if m and _plausible(m.text):
                phrase = _admin_phrase(m, gazetteer, lexicon)
                found.append(phrase or Mention(m.start, m.end, m.text, "ner", label))
            covered.update(range(ent.start, ent.end))
        elif label in {"NORP", "ORG", "MISC", "FAC", "PER", "PERSON"}:
            m = _trim(text, ent.start_char, ent.end_char, "norp", lexicon)
            phrase = _admin_phrase(m, gazetteer, lexicon) if m else None
            phrase = phrase or (_unit_follows(m, text, gazetteer, lexicon) if m else None)
            if phrase is not None:
                found.append(phrase)
            elif m and label in {"NORP", "MISC"} and not _modifier(ent) and _strong_place(m.text, gazetteer, lexicon):
                found.append(m)
            elif m and _named_like_place(ent, m, gazetteer, lexicon):
                found.append(Mention(m.start, m.end, m.text, "gazetteer"))
            elif m and (town := _town_after_locative(ent, m, text, gazetteer, lexicon)) is not None:
                found.append(town)
            elif m and (tail := _place_after_common_word(ent, gazetteer, lexicon)) is not None:
                found.append(tail)
                not_people.add(ent.start)
            elif (label in {"ORG", "FAC"} or _opens_a_headline(ent)) and \
                    (head := _place_before_headline_nouns(ent, gazetteer, lexicon, person=label not in {"ORG", "FAC"})):
                found.append(head)
            elif label in {"ORG", "FAC"} and len(ent) >= 2:
                found.extend(_embedded(ent, gazetteer, lexicon))
            if _reads_as_a_name(ent, lexicon):
                covered.update(range(ent.start, ent.end))
    found.extend(_gazetteer_matches(sdoc, gazetteer, lexicon, covered))
    found.extend(_abbreviations(text, gazetteer, lexicon))
    found.extend(_abbreviated_names(text, gazetteer, lexicon))
    found.extend(_dateline(text, gazetteer, lexicon))
    found.extend(_unit_named(text, gazetteer, lexicon))
    found.extend(_road_ends(text, gazetteer))
    # "Obama", "Chapman": a word that is a person's name elsewhere in the document is not a town here
    surnames = {e[-1].text for e in doc_ents(sdoc) if e.label_ in {"PERSON", "PER"} and len(e) >= 2
                and e.start not in not_people and e[0].text[:1].isupper()}  # 'de Celaya' is nobody's name
    found = [_town_a_part_is_named_after(part, gazetteer) for m in found for part in _town_and_its_state(m, gazetteer)
             if not (part.source in {"ner", "norp", "gazetteer"} and _road_ends(part.text, gazetteer))]  # read apart
    found = [_longer_name(m, text, gazetteer, lexicon) if m.source not in UNIT_SOURCES else m for m in found]
    kept = _dedupe([m for m in found if not _non_place(m, text, gazetteer, lexicon)
                    and not (m.text in surnames and " " not in m.text)])
    return [dataclasses.replace(m, partial=True) if _inside_a_longer_name(m, i, kept, sdoc, gazetteer, lexicon) else m
            for i, m in enumerate(kept)]


def _inside_a_longer_name(m: Mention, i: int, mentions: list[Mention], sdoc: Any, gazetteer: GeoNamesGazetteer,
                          lexicon: PlaceLexicon) -> bool:
    """'San Pedro de los Hernández', 'Rancho Guadalupe', 'Lucio Cabañas': the mention
    is only part of a capitalised name (the name goes on after 'de', or a capitalised word that is no other
    place opens it) which, whole, the gazetteer does not know. Not in a headline written in title case,
    where every word is capitalised ('Sicarios Attack Culiacán Bar')."""
    if m.source in UNIT_SOURCES or m.source in {"dateline", "embedded", "abbreviation"}:
        return False
    text = doc_text(sdoc)
    more = lexicon.name_goes_on.match(text, m.end)
    if more and more.group(0).split(" ")[1] in lexicon.joiners:
        return True
    before = text[max(0, m.start - 60):m.start]
    run = _NAME_RUN_BEFORE.search(before)  # 'Barrio de la Calzada de Guadalupe': a part of a town's name
    if run and any(lexicon.sublocal_before.search(w + " ") for w in run.group(0).split() if w[:1].isupper()):
        return True
    word = re.search(r"([^\W\d_][\w'-]*) $", before)  # 'Colonia Industrial de Morelia' is in Morelia
    if word is None or not word.group(1)[:1].isupper():
        return False
    if i > 0 and mentions[i - 1].end >= m.start - len(word.group(0)) and \
            any(e.feature in {"admin1", "country"} for e in gazetteer.lookup(m.text)):
        return False  # 'Nogales Sonora': a town, then its state
    prev = word.group(1).lower()
    if prev in lexicon.locatives or prev in lexicon.directions or lexicon.leading.match(word.group(1) + " ") or \
            prev in lexicon.joiners or prev in lexicon.not_places:
        return False
    span = sdoc.char_span(m.start - len(word.group(0)), m.start - len(word.group(0)) + len(word.group(1)))
    if span is None or span[0].is_sent_start or span[0].is_stop or span[0].pos_ not in {"PROPN", "NOUN", "ADJ"}:
        return False
    return not _title_case(span[0].sent)


def _without_common_tail(m: Mention, ent: Any, gazetteer: GeoNamesGazetteer) -> Mention:
    """'Cancun beach', 'Tijuana area': a lower-case common noun the NER took into a place's name it does not know."""
    if gazetteer.has(m.text):
        return m
    tokens = [t for t in ent if t.idx < m.end]
    if len(tokens) > 1 and tokens[-1].is_alpha and tokens[-1].text.islower():
        tokens.pop()  # one word: 'Xinhua news agency' is an agency, not Xinhua
    end = tokens[-1].idx + len(tokens[-1].text)
    if end == m.end or not gazetteer.has(m.text[:end - m.start]):
        return m
    return Mention(m.start, end, m.text[:end - m.start], m.source, m.label)


def _reads_as_a_name(ent: Any, lexicon: PlaceLexicon) -> bool:
    """'Cártel de Santa Rosa de Lima', 'University of Georgia': every word capitalised but the small ones
    that join a name. A headline the NER took whole for a name ('Asesinan a hombre en Guadalajara', 'More
    Dead in Nuevo Laredo', 'Guadalajara bar attack death') is no name: the places inside it are still read."""
    small = lexicon.joiners | lexicon.inside | lexicon.listing
    if "\n" in ent.text:
        return False  # 'Guadalajara\n\nAU': a name never runs across lines
    if ent.label_ in {"ORG", "FAC"}:  # 'Xinhua news agency', 'Sinaloa cartel': an organisation's name may hold
        # common nouns, not a locative or a verb
        return not any(t.lower_ in lexicon.locatives or t.pos_ in {"VERB", "AUX"} for t in ent if t.is_lower)
    # a short particle ('al' of 'Somali al Shabaab', 'bin', 'van') stays inside a name; a locative never does
    return all(t.text[:1].isupper() or t.lower_ in small or lexicon.leading.match(t.text + " ")
               or (len(t) <= 3 and t.lower_ not in lexicon.locatives) for t in ent if t.is_alpha)


def _road_ends(text: str, gazetteer: GeoNamesGazetteer) -> list[Mention]:
    """'the Caborca-Sonoyta highway', 'la carretera Cuitzeo-Huandacareo': a road named by the towns at its
    ends, each a town the gazetteer knows (not a country: 'highway 190 Mexico - Oaxaca' starts nowhere)."""
    found: list[Mention] = []
    for m in _ROAD_ENDS.finditer(text):
        if gazetteer.has(m.group(0)):
            continue
        ends = [(m.start(k), m.end(k), m.group(k)) for k in (1, 2)]
        if all(any(e.feature in {"city", "admin2"} and e.population >= SMALL_TOWN_POPULATION
                   for e in gazetteer.lookup(name)) for _, _, name in ends):
            # the road's name holds them, as an organisation's holds a place: a town the text names for the
            # event ('en Jonacatepec, sobre la carretera Cuautla-Axochiapan') comes first
            found.extend(Mention(start, end, name, "embedded") for start, end, name in ends)
    return found


def _town_a_part_is_named_after(m: Mention, gazetteer: GeoNamesGazetteer) -> Mention:
    """'Ciudad Industrial de Morelia', 'Loma Bonita de Apaseo el Grande', 'Centro de CdMx': a name the gazetteer
    lacks whose tail after 'de' is a town or a state is a part of that town; the town is the place."""
    if m.source not in {"ner", "norp", "gazetteer"} or gazetteer.has(m.text):
        return m
    for joint in re.finditer(r" del? ", m.text):
        tail = m.text[joint.end():]
        if tail[:1].isupper() and any(e.feature in {"city", "admin2", "admin1"} for e in gazetteer.lookup(tail)):
            return Mention(m.start + joint.end(), m.end, tail, "gazetteer")
    return m


def _town_and_its_state(m: Mention, gazetteer: GeoNamesGazetteer) -> list[Mention]:
    """'Nogales Sonora', 'Ensenada Baja California': a town and its state written without the comma,
    which the NER takes for one name the gazetteer lacks, are two mentions: the town and its state."""
    words = m.text.split(" ")
    if len(words) < 2 or gazetteer.has(m.text):
        return [m]
    for cut in range(1, len(words)):
        head, tail = " ".join(words[:cut]), " ".join(words[cut:])
        states = {e.admin1_key for e in gazetteer.lookup(tail) if e.feature == "admin1"}
        if states and any(e.feature in {"city", "admin2"} and e.admin1_key in states for e in gazetteer.lookup(head)):
            start = m.start + len(head) + 1
            return [Mention(m.start, m.start + len(head), head, m.source, m.label),
                    Mention(start, start + len(tail), tail, "gazetteer")]
    return [m]


def _non_place(m: Mention, text: str, gazetteer: GeoNamesGazetteer, lexicon: PlaceLexicon) -> bool:
    """Direction words, disease names ('West Nile virus', 'Marburg fever'), nicknames in quotes, month names
    of dates and stray short tokens."""
    if gazetteer.normalize(m.text) in lexicon.directions:
        return True
    if lexicon.sublocal_before.search(m.text + " ") and lexicon.name_goes_on.match(text, m.end):
        return True  # 'Colonia División del Norte': the word for a neighbourhood opening its name
    after = text[m.end:m.end + 24].lower()
    if lexicon.disease_after.match(after):
        return True
    if len(m.text) <= 2 and m.source != "abbreviation" and not m.text.isupper():
        return True
    if m.text.lower() in lexicon.months and lexicon.day_before.search(text[max(0, m.start - 12):m.start]):
        return True  # 'la avenida 5 de Mayo', 'colonia 16 de Septiembre': a date naming a street, not County Mayo
    if lexicon.nickname_before.search(text[max(0, m.start - 8):m.start]) and \
            NICKNAME_CLOSES.match(text, m.end):
        return True  # '"El Cabo 39"', "'El Gama'": a nickname in quotes, not the town it sounds like
    return _common_word(m, text, gazetteer, lexicon)


def _common_word(m: Mention, text: str, gazetteer: GeoNamesGazetteer, lexicon: PlaceLexicon) -> bool:
    """'Home', 'Green', 'Earth': one common word of English or Spanish that names no continent, country,
    state or big city is not a place, unless 'in'/'en' puts it in one."""
    if " " in m.text or m.source in {"abbreviation", "admin-phrase", "settlement", "dateline"}:
        return False
    word = m.text.lower()
    if max(zipf_frequency(word, "en"), zipf_frequency(word, "es")) < COMMON_WORD_ZIPF:
        return False
    before = text[max(0, m.start - 12):m.start].split()
    if before and before[-1].lower() in lexicon.locatives and before[-1].lower() in lexicon.within:
        return False  # 'in Home', 'en Progreso'; not 'ministro de Defensa', 'from Green'
    key = gazetteer.normalize(m.text)  # a big city's own name, not one of its alternate names ('Sir', 'Tan')
    return not any(e.feature in {"continent", "region", "country", "admin1"} or
                   (e.feature == "city" and e.population >= BIG_CITY_POPULATION and gazetteer.normalize(e.name) == key)
                   or (e.feature == "city" and e.population >= WORLD_CITY_POPULATION)  # its exonym: 'Kiev'
                   for e in gazetteer.lookup(m.text))


def _abbreviations(text: str, gazetteer: GeoNamesGazetteer, lexicon: PlaceLexicon) -> list[Mention]:
    """'Springfield, Ill.', 'Sydney, NSW': standard abbreviations after a comma or before one."""
    return [Mention(m.start(1), m.end(1), m.group(1), "abbreviation") for m in lexicon.abbreviation.finditer(text)
            if gazetteer.has(m.group(1))]


def _abbreviated_names(text: str, gazetteer: GeoNamesGazetteer, lexicon: PlaceLexicon) -> list[Mention]:
    """'Cd. Juárez', 'CD Juarez', 'Gral. Escobedo': a name opened by an abbreviated word, which the NER
    cuts or misses; the longest run of its words the gazetteer knows in full (its key spells it out)."""
    found = []
    for m in lexicon.abbreviated_name.finditer(text):
        words = m.group(0).split()
        for n in range(len(words), 1, -1):
            name = " ".join(words[:n])
            if any(e.feature in {"city", "admin2", "admin1"} for e in gazetteer.lookup(name)):
                end = m.start() + len(name)
                found.append(Mention(m.start(), end, text[m.start():end], "gazetteer"))
                break
    return found


def _dateline(text: str, gazetteer: GeoNamesGazetteer, lexicon: PlaceLexicon) -> list[Mention]:
    """'BEIRUT (AP) —', 'COLUMBUS, Ohio —', and headlines' 'Tijuana: two bodies found': where the story is."""
    found = []
    for m in DATELINE_RE.finditer(text[:400]):
        name = m.group(1).strip()
        if _strong_place(name.title(), gazetteer, lexicon, 1000) or _strong_place(name, gazetteer, lexicon, 1000):
            found.append(Mention(m.start(1), m.start(1) + len(name), name, "dateline"))
    # "Tijuana: ...", "Celaya, Guanajuato: ..." at the start of a headline (joined headlines are split by ';')
    for m in lexicon.headline_place.finditer(text[:2000]):
        name = m.group(1)
        if m.start(1) > 0 and text[:m.start(1)].rstrip()[-1:] not in {";", "\n"}:
            continue
        whole = Mention(m.start(1), m.end(1), name, "dateline")
        if _strong_place(name, gazetteer, lexicon, 1000):
            found.append(whole)
        elif len(parts := _town_and_its_state(whole, gazetteer)) > 1:  # 'Ensenada Baja California: ...'
            found.extend(parts)
    return found


def _longer_name(m: Mention, text: str, gazetteer: GeoNamesGazetteer, lexicon: PlaceLexicon) -> Mention:
    """NER stops short of long Spanish names: 'San Francisco' of 'San Francisco del Rincón'."""
    more = lexicon.name_goes_on.match(text, m.end)
    if not more:
        return m
    words = more.group(0).split(" ")[1:]
    for n in range(len(words), 0, -1):
        name = text[m.start:m.end] + " " + " ".join(words[:n])
        if not name.split()[-1][:1].isupper():
            continue
        if any(gazetteer.normalize(e.name) == gazetteer.normalize(name) for e in gazetteer.lookup(name)):
            return Mention(m.start, m.start + len(name), name, m.source, m.label)
    return m


def _longer_name_before(m: Mention, text: str, gazetteer: GeoNamesGazetteer, lexicon: PlaceLexicon) -> Mention:
    """NER starts late in names whose first word is a common one: 'California' of 'Baja California',
    'Carmen' of 'Playa del Carmen', 'León' of 'Nuevo León'. The capitalised words right before it (joined
    by 'de', 'del' ...) belong to the name when the gazetteer knows a place by all of them."""
    words = text[max(0, m.start - 40):m.start].split(" ")[:-1] if text[m.start - 1:m.start] == " " else []
    for n in range(min(3, len(words)), 0, -1):
        before = words[-n:]
        if not before[0][:1].isupper() or not all(w.isalpha() and (w[:1].isupper() or w in lexicon.joiners)
                                                     for w in before):
            continue
        name = " ".join(before) + " " + m.text
        if any(gazetteer.normalize(e.name) == gazetteer.normalize(name) for e in gazetteer.lookup(name)):
            return Mention(m.start - len(name) + len(m.text), m.end, name, m.source, m.label)
    return m


def _trim(text: str, start: int, end: int, source: str, lexicon: PlaceLexicon) -> Mention | None:
    span = text[start:end]
    lead = lexicon.leading.match(span)
    if lead:
        start += lead.end()
    span = text[start:end]
    trail = _TRAILING.search(span)
    if trail:
        end -= len(trail.group(0))
    span = text[start:end].rstrip(" ,.;:")
    end = start + len(span)
    if not span or not any(ch.isalpha() for ch in span):
        return None
    return Mention(start, end, span, source)


def _plausible(span: str) -> bool:
    return len(span) > 1 and not span.isdigit()


def _finite_verb(ent: Any, gazetteer: GeoNamesGazetteer) -> bool:
    """'Acribillan a dos agentes', 'Ultiman a un comerciante': a Spanish headline opens with its verb, capitalised,
    and the NER may take it for a place; the tagger still reads a conjugated verb. A word the gazetteer
    knows stays a place."""
    return len(ent) == 1 and ent[0].pos_ in {"VERB", "AUX"} and "Fin" in ent[0].morph.get("VerbForm") \
        and not gazetteer.has(ent.text)


def _is_metonym(ent: Any, lexicon: PlaceLexicon) -> bool:
    """'Washington said', 'Mexico agreed': a government speaking, not a place."""
    root = ent.root
    return bool(root.dep_ in {"nsubj", "nsubjpass"} and root.head.lemma_.lower() in lexicon.metonym_verbs)


def _admin_phrase(m: Mention, gazetteer: GeoNamesGazetteer, lexicon: PlaceLexicon) -> Mention | None:
    """'Sinaloa State', 'the state of Michoacan' -> the proper name, if it is a known unit."""
    found = (p.match(m.text) for p in lexicon.admin_phrases)
    match = next((f for f in found if f and f.group(1) != m.text), None)
    if match is None:
        return None
    if any(e.feature == "admin2" for e in gazetteer.lookup(m.text)):
        return Mention(m.start, m.end, m.text, "admin-phrase")  # "Lexington County" is the unit's own name
    name = match.group(1)
    if not any(e.feature in {"admin1", "admin2"} for e in gazetteer.lookup(name)):
        return None
    start = m.start + m.text.index(name)
    return Mention(start, start + len(name), name, "admin-phrase")


def _unit_named(text: str, gazetteer: GeoNamesGazetteer, lexicon: PlaceLexicon) -> list[Mention]:
    """'the municipality of El Mezquital', 'el municipio de Aguililla': the words after a unit noun
    and 'of' name a place when the gazetteer knows them (the longest run of them it knows). After a
    settlement noun ('the town of', 'la comunidad de') they name a town: source "settlement"."""
    found = []
    for patterns, features, source in ((lexicon.unit_of_name, {"admin1", "admin2", "city"}, "admin-phrase"),
                                       (lexicon.settlement_of_name, {"city"}, "settlement")):
        for pattern in patterns:
            for m in pattern.finditer(text):
                words = m.group(1).split()
                for n in range(len(words), 0, -1):
                    name = " ".join(words[:n])
                    if lexicon.leading.match(name + " ") and n == 1:
                        break  # 'Las' of 'Las Tinas': an article alone names nothing
                    if any(e.feature in features for e in gazetteer.lookup(name)):
                        found.append(Mention(m.start(1), m.start(1) + len(name), name, source))
                        break
    return found


def _unit_follows(m: Mention, text: str, gazetteer: GeoNamesGazetteer, lexicon: PlaceLexicon) -> Mention | None:
    """'Michoacan state', 'Guerrero State' where the NER took the name for a nationality or a person:
    a name the gazetteer knows as a unit, followed by a unit noun, is that unit."""
    after = text[m.end:m.end + 20].split(maxsplit=1)
    if not after or after[0].rstrip(".,;:") not in lexicon.unit_after:
        return None
    if not any(e.feature in {"admin1", "admin2"} for e in gazetteer.lookup(m.text)):
        return None
    return Mention(m.start, m.end, m.text, "admin-phrase")


def _strong_place(name: str, gazetteer: GeoNamesGazetteer, lexicon: PlaceLexicon, min_population: int = 15000
                  ) -> bool:
    if gazetteer.normalize(name) in lexicon.not_places:
        return False
    for e in gazetteer.lookup(name):
        if e.feature in {"country", "admin1"} or (e.feature == "city" and e.population >= min_population):
            return True
    return False


def _embedded(ent: Any, gazetteer: GeoNamesGazetteer, lexicon: PlaceLexicon) -> list[Mention]:
    """'Texas Department of Health', 'Alexandria Police', 'University of Georgia': the place inside a name."""
    tokens = list(ent)
    for i in range(len(tokens)):
        # after 'of' ('University of Georgia'), or first after an article ('the Gainesville Police Department')
        opens = i == 0 or (i == 1 and bool(lexicon.leading.match(tokens[0].text + " ")))
        if not opens and tokens[i - 1].lower_ not in lexicon.inside:
            continue
        for j in range(min(len(tokens), i + 3), i, -1):
            if j == len(tokens) and i == 0:
                continue  # the whole name is not a place inside a name
            span = ent.doc[tokens[i].i:tokens[j - 1].i + 1]
            if not all(t.text[:1].isupper() for t in span if t.is_alpha):
                continue
            follows = tokens[j].lower_ if j < len(tokens) else ""
            threshold = 1000 if follows in lexicon.institutions else BIG_CITY_POPULATION
            if _strong_place(span.text, gazetteer, lexicon, threshold):
                return [Mention(span.start_char, span.end_char, span.text, "embedded")]
    return []


def _modifier(ent: Any) -> bool:
    """'Somali troops', 'Mexican officials': a word qualifying a noun is a demonym, not a place."""
    root = ent.root
    return bool(root.dep_ in {"amod", "compound", "nmod", "npadvmod"} and root.head.i > root.i
                and root.head.pos_ in {"NOUN", "PROPN"})


def _named_like_place(ent: Any, m: Mention, gazetteer: GeoNamesGazetteer, lexicon: PlaceLexicon) -> bool:
    """An organisation or person entity that is really a state or big city ('the people of Michoacán'),
    or a town after 'in'/'near' that NER took for a person."""
    if ent.label_ in {"ORG", "FAC"}:
        # 'Cancun', 'Piedras Negras' taken for an organisation or a building: a name that is all of a
        # country's, a state's or a big city's is the place ('the Sinaloa Cartel' is not all of one)
        if len(ent) > 3 or gazetteer.normalize(m.text) in lexicon.not_places:
            return False
        found = gazetteer.lookup(m.text)
        if any(e.feature in {"country", "admin1"} for e in found):
            return True
        # a big city's own name, unless it is an acronym or a name English uses for people and firms
        # ('BA', 'Lincoln', 'Toyota'): those are the organisation the NER saw
        return not m.text.isupper() and not _english_name_word(m.text) and any(
            e.feature in {"city", "admin2"} and e.population >= BIG_CITY_POPULATION
            and gazetteer.normalize(e.name) == gazetteer.normalize(m.text) for e in found)
    if ent.label_ in {"PER", "PERSON"}:
        # 'Nuevo León', 'Baja California': a state's or a country's own name of several words names no person;
        # nor does a state's name written after a town and a comma ('Zitlala, Guerrero')
        own = [e for e in gazetteer.lookup(m.text) if e.feature in {"admin1", "country"}
               and gazetteer.normalize(e.name) == gazetteer.normalize(m.text)]
        before = ent.doc[ent.start - 2] if ent.start >= 2 and ent.doc[ent.start - 1].text == "," else None
        # after a place and a comma: not 'their son, Michael'
        after_comma = before is not None and before.text[:1].isupper() and gazetteer.has(before.text)
        if own and (len(ent) > 1 or after_comma):
            return True
        if _state_follows(ent.doc, ent.end, gazetteer) and _strong_place(m.text, gazetteer, lexicon, 1000):
            return True  # 'Monterrey, Nuevo León': a town, then its state
        # "Alexandria woman", "Dublin police": a first name is not followed by a common noun
        nxt = ent.doc[ent.end] if ent.end < len(ent.doc) else None
        modifier = len(ent) == 1 and nxt is not None and nxt.pos_ == "NOUN" and nxt.text.islower()
        # "among Tamil Nadu, Karnataka and Kerala": listed with places
        listed = any(t.ent_type_ in PLACE_LABELS for t in (ent.root.head, *ent.root.children) if t.dep_ == "conj"
                     or ent.root.dep_ == "conj")
        return (_after_locative(ent, lexicon) or modifier or listed) and _strong_place(m.text, gazetteer, lexicon, 1000)
    return False


def _town_after_locative(ent: Any, m: Mention, text: str, gazetteer: GeoNamesGazetteer,
                         lexicon: PlaceLexicon) -> Mention | None:
    """'killed in Tlapa de Comonfort', 'en Apaseo el Grande': after 'in'/'en', a name the NER took for an
    organisation or a person is a town (returned with its whole name) when the gazetteer knows a town
    or municipality by all of it (a single common word excepted: 'in Congress')."""
    if not _after_locative(ent, lexicon) or gazetteer.normalize(m.text) in lexicon.not_places:
        return None
    if m.text.isupper() or _english_name_word(m.text):
        return None  # 'at Franklin' (a school), 'in Congress', 'at FAO
    town = _longer_name(Mention(m.start, m.end, m.text, "gazetteer"), text, gazetteer, lexicon)
    known = any(e.feature in {"city", "admin2"} and e.population >= SMALL_TOWN_POPULATION
                and gazetteer.normalize(e.name) == gazetteer.normalize(town.text) for e in gazetteer.lookup(town.text))
    return town if known else None


def _english_name_word(name: str) -> bool:
    """'Lincoln', 'Franklin', 'White House': a name English writes often enough that, taken by the NER
    for a person or an organisation, it is one (towns named so are known only locally)."""
    return zipf_frequency(name.lower(), "en") >= ENGLISH_NAME_ZIPF


def _place_after_common_word(ent: Any, gazetteer: GeoNamesGazetteer, lexicon: PlaceLexicon) -> Mention | None:
    """'Bloody Veracruz', 'Arde Sonora': a headline's capitalised adjective or verb taken into the name
    of a state, a country or a big city; the rest of the entity is the place. Only at the opening of
    a headline, where such words stand."""
    if not 2 <= len(ent) <= 3 or not ent[0].is_alpha:
        return None
    if ent.start > 0 and ent.doc[ent.start - 1].text not in {";", ":", "\n"}:
        return None  # only where a headline opens: in prose, 'Chris Paul', 'United Russia' are names
    head = ent[0].lower_
    if max(zipf_frequency(head, "en"), zipf_frequency(head, "es")) < COMMON_HEAD_ZIPF or head in lexicon.locatives \
            or lexicon.leading.match(ent[0].text + " "):
        return None
    rest = ent.doc[ent.start + 1:ent.end]
    if not all(t.text[:1].isupper() for t in rest) or \
            not _strong_place(rest.text, gazetteer, lexicon, BIG_CITY_POPULATION) or \
            not any(gazetteer.normalize(e.name) == gazetteer.normalize(rest.text) for e in gazetteer.lookup(rest.text)):
        return None  # 'The White House' is not Casablanca (one of whose alternate names it is)
    return Mention(rest.start_char, rest.end_char, rest.text, "gazetteer")


def _place_before_headline_nouns(ent: Any, gazetteer: GeoNamesGazetteer, lexicon: PlaceLexicon,
                                 person: bool = False) -> Mention | None:
    """'Two Killed at Torreón Bars', 'Zacatecas Shootings leave three dead': a headline in title case, or
    the first words of a sentence, capitalise the common nouns after a place, and the NER takes the
    pair for an organisation. The place opening it is a place of its own when every word after it is
    a common word that names no institution ('Torreón Police', 'Durango High School' stay
    organisations holding a place). Taken for a person ('Sonora Shootings'), only when the words
    after the place are plural nouns of actions, which no surname is ('shootings', 'killings'; the
    singular a common word: not 'Jennings')."""
    if not 2 <= len(ent) <= 4 or not any(gazetteer.has(ent[:cut].text) for cut in range(1, len(ent))):
        return None  # cheap first: no known place opens it
    if not (ent.start == ent.sent.start or _title_case(ent.sent)):
        return None
    for cut in range(len(ent) - 1, 0, -1):
        rest = [t.lower_ for t in ent[cut:]]
        if any(w in lexicon.institutions or w in lexicon.outlet_words or not w.isalpha() or
               max(zipf_frequency(w, "en"), zipf_frequency(w, "es")) < COMMON_HEAD_ZIPF for w in rest):
            continue
        if person and not all(w.endswith("ings") and zipf_frequency(w[:-1], "en") >= COMMON_HEAD_ZIPF for w in rest):
            continue
        head = ent.doc[ent.start:ent.start + cut]
        threshold = 1000 if _after_locative(ent, lexicon) else 15000
        if _strong_place(head.text, gazetteer, lexicon, threshold) and any(
                gazetteer.normalize(e.name) == gazetteer.normalize(head.text) for e in gazetteer.lookup(head.text)):
            return Mention(head.start_char, head.end_char, head.text, "gazetteer")
    return None


def _opens_a_headline(ent: Any) -> bool:
    """The entity is the first words of a short text (a headline) or of one of its ';'-joined parts."""
    doc = ent.doc
    return len(doc_text(doc)) <= HEADLINE_CHARS and (ent.start == 0 or doc[ent.start - 1].text in {";", ":", "\n"})


def _title_case(sent: Any) -> bool:
    """Most words of four letters or more capitalised: a headline written in title case."""
    words = [t.text for t in sent if t.is_alpha and len(t) >= 4]
    return len(words) >= 2 and sum(w[:1].isupper() for w in words) >= 0.8 * len(words)


def _after_locative(ent: Any, lexicon: PlaceLexicon) -> bool:
    if ent.start == 0:
        return False
    prev = ent.doc[ent.start - 1]
    return prev.lower_ in lexicon.locatives


def _gazetteer_matches(sdoc: Any, gazetteer: GeoNamesGazetteer, lexicon: PlaceLexicon, covered: set[int]
                       ) -> list[Mention]:
    """Runs of capitalised words no entity covers that the gazetteer knows (longest first)."""
    found: list[Mention] = []
    tokens = list(sdoc)
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        # a stop word opens a run only when a capitalised word follows: 'Nuevo Laredo', never 'Nuevo' alone
        stop_opens = tok.is_stop and i + 1 < len(tokens) and _cap(tokens[i + 1])
        if i in covered or not _cap(tok) or (tok.is_stop and not stop_opens) or \
                tok.pos_ not in {"PROPN", "NOUN", "ADJ", "DET"}:
            i += 1
            continue
        j = i
        while j < len(tokens) and j - i < 4 and j not in covered and (_cap(tokens[j]) or _joiner(tokens, j, lexicon)):
            j += 1
        matched = False
        for end in range(j, i, -1):
            span = sdoc[i:end]
            if not _cap(tokens[end - 1]) or (end - i == 1 and tok.is_stop):
                continue
            name = span.text
            locative = i > 0 and tokens[i - 1].lower_ in lexicon.locatives
            if not locative and end - i == 1 and zipf_frequency(name.lower(), "en") >= COMMON_WORD_ZIPF:
                continue  # "Drug", "Police", "Video": capitalised common words, not towns
            sentence_start = tok.is_sent_start
            threshold = 1000 if locative else 50000
            if sentence_start and not locative:
                threshold = 200000
            if _state_follows(sdoc, end, gazetteer):
                threshold = 1000  # 'Chetumal, QRoo', 'Yepachi, Chihuahua': a town, then its state
            if _strong_place(name, gazetteer, lexicon, threshold):
                found.append(Mention(span.start_char, span.end_char, name, "gazetteer"))
                i = end
                matched = True
                break
        if not matched:
            i += 1
    return found


def _state_follows(sdoc: Any, end: int, gazetteer: GeoNamesGazetteer) -> bool:
    """A comma and a first-level unit's name or abbreviation (one or two words) follow token ``end``."""
    if end + 1 >= len(sdoc) or sdoc[end].text != ",":
        return False
    return any(e.feature == "admin1" for n in (1, 2) if end + 1 + n <= len(sdoc)
               for e in gazetteer.lookup(sdoc[end + 1:end + 1 + n].text))


def _cap(tok: Any) -> bool:
    return bool((tok.text[:1].isupper() and tok.is_alpha and not tok.is_upper) or (tok.is_upper and len(tok) > 3
                and tok.doc[:40].text.isupper()))  # Doc.text is rebuilt on each access: a slice is cheap


def _joiner(tokens: list[Any], j: int, lexicon: PlaceLexicon) -> bool:
    return tokens[j].lower_ in lexicon.joiners and j + 1 < len(tokens) and _cap(tokens[j + 1])


def _dedupe(mentions: list[Mention]) -> list[Mention]:
    out: list[Mention] = []
    # of two mentions of one span, a unit's or a settlement's ('el estado de México', 'the city of
    # Chihuahua') says the most
    for m in sorted(mentions, key=lambda m: (m.start, -(m.end - m.start), m.source not in UNIT_SOURCES)):
        if out and m.start < out[-1].end:
            continue
        out.append(m)
    return out


@dataclass(frozen=True, slots=True)
class Dateline:
    """Where a report says it was filed: the dateline's span and the span of its place part."""

    start: int
    end: int
    place_start: int
    place_end: int


DATELINE_LINES = 3  # a dateline may open the text, one of its first lines or one of its first paragraphs


def find_datelines(text: str, lexicon: PlaceLexicon) -> list[Dateline]:
    """The datelines that open the text, one of its first lines or of its first paragraphs (the
    grammar in ``codebook/dateline_grammar.tsv``); whether each names a place is for the caller."""
    starts = {0}
    for separator, count in (("\n", DATELINE_LINES), ("\n\n", 2)):
        at = 0
        for _ in range(count):
            at = text.find(separator, at)
            if at < 0:
                break
            at += len(separator)
            starts.add(at)
    found: dict[int, Dateline] = {}
    for start in sorted(starts):
        at = len(text) - len(text[start:].lstrip())  # skip the blank lines and spaces before it
        m = lexicon.dateline.match(text, at)
        if m and m.start() not in found:
            found[m.start()] = Dateline(m.start(), m.end(), m.start("place"), m.end("place"))
    return list(found.values())


def dateline_spans(text: str, lexicon: PlaceLexicon) -> list[tuple[int, int]]:
    """The (start, end) of each dateline found (see :func:`find_datelines`)."""
    return [(d.start, d.end) for d in find_datelines(text, lexicon)]
