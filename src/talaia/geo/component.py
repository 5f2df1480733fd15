"""The geo stage's pipeline component."""

from __future__ import annotations

import dataclasses
from typing import Any

from talaia.component import Analysis, DocumentComponent, Resources
from talaia.geo.gazetteer import GazetteerEntry, GeoNamesGazetteer
from talaia.geo.lexicon import PlaceLexicon
from talaia.geo.resolve import place_of_source, resolve_mentions, to_place
from talaia.geo.toponyms import Dateline, Mention, find_datelines, find_toponyms
from talaia.models import Place
from talaia.nlp.doccache import doc_ents


class ToponymsComponent(DocumentComponent):
    """Every place mention of the document, resolved; the gazetteer is loaded on first use."""

    name = "geo.toponyms.v7"

    def __init__(self, resources: Resources) -> None:
        self.resources = resources
        self.lexicon = PlaceLexicon.from_knowledge(resources.knowledge)

    @property
    def gazetteer(self) -> GeoNamesGazetteer:
        return self.resources.gazetteer

    def __call__(self, analysis: Analysis) -> None:
        mentions = find_toponyms(analysis.sdoc, self.gazetteer, self.lexicon)
        source = place_of_source(analysis.document.source, self.gazetteer, self.lexicon)
        analysis.source_place = to_place(Mention(0, 0, source.name, "source"), source) if source else None
        background = [source] if source is not None else []
        nationalities = _demonym_countries(analysis.sdoc, self.gazetteer)
        places = resolve_mentions(mentions, self.gazetteer, self.lexicon, analysis.document.text, background,
                                  nationalities)
        datelines = [d for d in find_datelines(analysis.document.text, self.lexicon) if _names_a_place(d, places)]
        analysis.places = [dataclasses.replace(p, dateline=True) if _inside(p, datelines) else p for p in places]


def _names_a_place(dateline: Dateline, places: list[Place]) -> bool:
    """The dateline's place part is written as resolved places, whole: 'MEXICO CITY', 'TEL ABYAD and
    ALEPPO'; 'Celaya Police Arrest Five -' opens a headline, it files nothing."""
    resolved = [p for p in places if p.latitude is not None and dateline.place_start <= p.start < dateline.place_end]
    return any(p.start == dateline.place_start for p in resolved) and \
        any(p.end == dateline.place_end for p in resolved)


def _inside(place: Place, datelines: list[Dateline]) -> bool:
    return any(d.start <= place.start and place.end <= d.end for d in datelines)


def _demonym_countries(sdoc: Any, gazetteer: GeoNamesGazetteer) -> list[GazetteerEntry]:
    """'the Mexican resort of Cancun', 'Mexican troops': a nationality says which country the story is
    in; each one named counts once as context (it is never a place itself)."""
    found: dict[str, GazetteerEntry] = {}
    for ent in doc_ents(sdoc):
        if ent.label_ in {"NORP", "MISC"}:
            country = gazetteer.country_of_demonym(ent.text)
            if country is not None:
                found.setdefault(country.country_code, country)
    return list(found.values())
