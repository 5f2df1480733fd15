"""Where an event happened: the most precise place in its sentence, else its paragraph, else the document's focus."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from talaia.events.tables import ordered
from talaia.knowledge import Knowledge
from talaia.models import Place

RANK = {"city": 4, "admin2": 3, "admin1": 2, "country": 1}  # the gazetteer's feature classes, finest first


def near_cues(knowledge: Knowledge) -> tuple[str, ...]:
    """'near ', 'cerca de ' (``lang/<code>/near_cues.tsv``): before a town, the event was near it."""
    return tuple(phrase + " " for phrase in ordered(knowledge.union("near_cues"), "phrase"))


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


def document_focus(places: Sequence[Place]) -> Place | None:
    """The sub-national place the document mentions most (a country only if nothing finer is named);
    a dateline's place only when the text itself names none."""
    usable = [p for p in places if p.latitude is not None and p.feature in RANK and not p.embedded]
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
