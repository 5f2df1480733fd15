"""Where an event happened: the most precise place in its sentence, else its paragraph, else the document's focus."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from talaia.events.tables import ordered
from talaia.knowledge import Knowledge
from talaia.models import Place
from talaia.text import fold

RANK = {"city": 4, "admin2": 3, "admin1": 2, "country": 1}  # the gazetteer's feature classes, finest first


def near_cues(knowledge: Knowledge) -> tuple[str, ...]:
    """'near ', 'cerca de ' (``lang/<code>/near_cues.tsv``): before a town, the event was near it."""
    return tuple(phrase + " " for phrase in ordered(knowledge.union("near_cues"), "phrase"))


@dataclass(frozen=True, slots=True)
class PlaceListCues:
    """The words that list places (``lang/<code>/place_particles.tsv``): 'in Caloto, Corinto and Padilla'."""

    listing: frozenset[str]  # kind list: 'and', 'y' (a comma always lists)
    locatives: frozenset[str]  # kind locative: 'in X and in Y' still lists
    spanning: frozenset[str]  # kind spanning: 'between X and Y' is one stretch of road, not two places
    origins: frozenset[str] = frozenset()  # kind origin: 'imports from the United States' come from there
    care: frozenset[str] = frozenset()  # kind care: 'died at a hospital in Cali': where the wounded were taken
    native: frozenset[str] = frozenset()  # kind native: 'originarios de Morelia': where people come from

    @classmethod
    def from_knowledge(cls, knowledge: Knowledge) -> PlaceListCues:
        particles = knowledge.union("place_particles")
        return cls(listing=frozenset(w.lower() for w in particles.words(kind="list")),
                   locatives=frozenset(w.lower() for w in particles.words(kind="locative")),
                   spanning=frozenset(w.lower() for w in particles.words(kind="spanning")),
                   origins=frozenset(w.lower() for w in particles.words(kind="origin")),
                   care=frozenset(w.lower() for w in particles.words(kind="care")),
                   native=frozenset(w.lower() for w in particles.words(kind="native")))


def is_origin(place: Place, doc: Any, cues: PlaceListCues) -> bool:
    """'beef imports from the United States', 'gunmen from Sinaloa': a place a noun comes from is not where
    the event happened (after a verb, 'kidnapped from Kagara', it is); nor is a country compounded with
    goods that come from it ('U.S. beef imports'), unlike one with a person ('a Hong Kong tycoon'); nor a
    hospital's place ('died at a hospital in Cali')."""
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    if place.feature == "country" and span.root.dep_ == "compound" and span.root.head.lower_ in cues.origins:
        return True
    root = span.root
    while root.dep_ == "conj" and root.head.i != root.i:  # 'originarios de Morelia, Zitácuaro y Apatzingán'
        root = root.head
    if _holder(root) in cues.native:
        return True  # where people come from, not where it happened
    prep = span.root.head
    if prep.i != span.root.i and prep.lower_ in cues.origins and prep.head.i != prep.i and \
            prep.head.pos_ in {"NOUN", "PROPN"}:
        return True
    # 'died at a hospital in Cali', 'falleció en el hospital de Uruapan': where the wounded were taken
    return _holder(span.root) in cues.care


def _holder(tok: Any) -> str:
    """The word (lowercase) a place hangs on through its preposition ('a hospital [in] Cali'; in UD the noun
    holds the place itself, 'el hospital de Uruapan'); '' at the top of the sentence."""
    prep = tok.head
    holder = prep.head if prep.pos_ == "ADP" and prep.i != tok.i else prep
    return "" if holder.i == tok.i else str(holder.lower_)

LOCAL = {"city", "admin2"}  # the levels one ACLED event is placed at when a report lists several


def listed_localities(places: Sequence[Place], text: str, cues: PlaceListCues) -> list[Place]:
    """The distinct towns or municipalities a report lists for one action ('attacks in Caloto, Corinto
    and Padilla'), first-named place of each; empty unless two or more. ACLED codes an event per
    location: incidents that differ in location are separate events. A state or municipality that
    qualifies the town before it ('El Aguaje, Aguililla, Michoacán') belongs to that town; places in
    one municipality are one locality; 'between X and Y' is one stretch, not two places."""
    usable = sorted({(p.start, p.end): p for p in places if p.latitude is not None and p.feature in RANK
                     and not p.embedded and not p.dateline}.values(), key=lambda p: p.start)
    run: list[Place] = []
    end = 0
    for k, place in enumerate(usable):
        gap = text[end:place.start]
        if run and gap.strip(" ,(") == "" and (
                _qualifies(place, run[-1]) or _addressed(run[-1], place, usable[k + 1:], text)):
            end = place.end
            continue
        if run and place.feature in LOCAL and _lists(gap, cues):
            run.append(place)
            end = place.end
            continue
        localities = _distinct(run)
        if len(localities) > 1:
            return localities
        run = [place] if place.feature in LOCAL and not _spanning(text, place.start, cues) else []
        end = place.end
    localities = _distinct(run)
    return localities if len(localities) > 1 else []


def _addressed(town: Place, municipality: Place, after: Sequence[Place], text: str) -> bool:
    """'El Aguaje, Aguililla, Michoacán': a municipality between a town and its own state, commas alone between
    them, is the town's address, not a second place listed, when it is a municipality or when the gazetteer
    took the town for a namesake outside that state ('Celaya, Irapuato, Guanajuato' lists two towns)."""
    if municipality.feature not in LOCAL or not after:
        return False
    state = after[0]
    if state.feature != "admin1" or text[municipality.end:state.start].strip(" ,") != "" or \
            not _qualifies(state, municipality):
        return False
    return municipality.feature == "admin2" or not _qualifies(state, town)


def _qualifies(place: Place, town: Place) -> bool:
    """The municipality, state or country a town's name is followed by, to say where it is: 'Juárez,
    Chihuahua' (the state, though a city bears its name), 'El Aguaje, Aguililla'."""
    names = {fold(n) for n in (place.name, place.geoname) if n}
    if place.feature == "country":
        return place.country_code == town.country_code
    return any(unit is not None and fold(unit) in names for unit in (town.admin1, town.admin2))


def _lists(gap: str, cues: PlaceListCues) -> bool:
    """', ', ' and ', ', y en ': the words between two listed places. A preposition right after a bare
    comma says where the first place lies ('Agua Escondida, en Tonalá'), not a second place."""
    words = gap.replace(",", " , ").replace(")", " ").lower().split()
    if not words or not all(w == "," or w in cues.listing or w in cues.locatives for w in words):
        return False
    joined = [w for w in words if w == "," or w in cues.listing]
    return bool(joined) and all(i > 0 and words[i - 1] in cues.listing for i, w in enumerate(words)
                                if w in cues.locatives and w not in cues.listing)


def _spanning(text: str, start: int, cues: PlaceListCues) -> bool:
    before = text[max(0, start - 20):start].lower().split()
    return bool(before) and before[-1] in cues.spanning


def _distinct(run: list[Place]) -> list[Place]:
    first: dict[tuple[str | None, ...], Place] = {}
    for p in run:
        first.setdefault((p.country_code, p.admin1, p.admin2 or p.geoname or p.name), p)
    return list(first.values())


def precision_of(place: Place, text: str, near: tuple[str, ...]) -> int:
    """ACLED geo_precision: 1 the town itself, 2 near a town or a municipality, 3 a larger region."""
    if place.feature == "city":
        before = text[max(0, place.start - 24):place.start].lower()
        return 2 if any(before.endswith(cue) or cue in before for cue in near) else 1
    if place.feature == "admin2":
        return 2
    return 3


def best_place(places: Sequence[Place]) -> Place | None:
    """The most precise resolved place; among equals, the first. A dateline's place is where the report
    was filed, not where the event happened: it is never chosen here."""
    resolved = [p for p in places if p.latitude is not None and p.feature in RANK and not p.embedded
                and not p.dateline]
    if not resolved:
        return None
    return max(resolved, key=lambda p: (RANK[p.feature or ""], -p.start))


def without_namesakes(places: Sequence[Place], text: str) -> list[Place]:
    """'El Aguaje, Aguililla, Michoacán' with El Aguaje taken for a namesake in Veracruz: a state written after a
    town, commas and at most its municipality between, says where the town is; a town of another state there is
    the gazetteer's namesake, not the place (its municipality and state stay)."""
    ordered = sorted(places, key=lambda p: p.start)
    kept = []
    for k, town in enumerate(ordered):
        if town.feature in LOCAL and town.admin1 is not None and town.latitude is not None:
            state = _address_state(town, ordered[k + 1:], text)
            if state is not None and state.country_code == town.country_code and \
                    fold(town.admin1) not in {fold(state.name), fold(state.geoname or state.name)}:
                continue
        kept.append(town)
    return kept


def _address_state(town: Place, after: Sequence[Place], text: str) -> Place | None:
    end = town.end
    for step, place in enumerate(after[:2]):
        if text[end:place.start].strip(" ,") != "":
            return None
        if place.feature == "admin1":
            return place
        if step or place.feature not in LOCAL:
            return None
        end = place.end
    return None


def document_focus(places: Sequence[Place]) -> Place | None:
    """The sub-national place the document mentions most (a country only if nothing finer is named);
    a dateline's place only when the text itself names none, a place inside a name ('in front of Seoul
    City Hall') only when no other is named."""
    named = [p for p in places if p.latitude is not None and p.feature in RANK]
    usable = [p for p in named if not p.embedded] or named
    resolved = [p for p in usable if not p.dateline] or usable
    if not resolved:
        return None
    finer = [p for p in resolved if p.feature != "country"]
    pool = finer or resolved
    counts = Counter((p.admin1, p.geoname) for p in pool)
    admin_counts = Counter(p.admin1 for p in pool)
    return max(pool, key=lambda p: (admin_counts[p.admin1], counts[(p.admin1, p.geoname)], RANK[p.feature or ""],
                                    -p.start))


def refine_region(place: Place, places: Sequence[Place], focus: Place | None = None) -> Place:
    """A region-level place becomes the one town the document names inside it ('the fighting in
    Sinaloa' in an article that places the operation in Culiacán); a country, the document's
    main place when that lies in it. A region or country that holds the report's dateline city
    becomes that city: the report was filed from there ('RIYADH — Saudi Arabia executed 81')."""
    if place.feature in {"country", "admin1", "admin2"}:
        filed = [p for p in places if p.dateline and p.feature == "city" and p.latitude is not None
                 and p.country_code == place.country_code
                 and (place.feature == "country" or p.admin1 == place.admin1)
                 and (place.feature != "admin2" or p.admin2 == place.geoname)]
        if len({(p.geoname, p.admin1) for p in filed}) == 1:
            return filed[0]
    if place.feature == "country":
        if focus is not None and focus.feature != "country" and focus.country_code == place.country_code:
            return focus
        return place
    if place.feature not in {"admin1", "admin2"}:
        return place
    inside = {(p.geoname, p.admin1): p for p in places if p.feature == "city" and p.latitude is not None
              and p.country_code == place.country_code and p.admin1 == place.admin1
              and (place.feature == "admin1" or p.admin2 == place.geoname)}
    return next(iter(inside.values())) if len(inside) == 1 else place
