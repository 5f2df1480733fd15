"""The geo stage's pipeline component."""

from __future__ import annotations

from talaia.geo.gazetteer import GeoNamesGazetteer
from talaia.geo.resolve import place_of_source, resolve_mentions, to_place
from talaia.geo.toponyms import Mention, find_toponyms
from talaia.pipeline import Analysis, DocumentComponent


class ToponymsComponent(DocumentComponent):
    """Every place mention of the document, resolved; the gazetteer is loaded on first use."""

    name = "geo.toponyms.v1"

    def __init__(self, gazetteer: GeoNamesGazetteer | None = None) -> None:
        self._gazetteer = gazetteer

    @property
    def gazetteer(self) -> GeoNamesGazetteer:
        if self._gazetteer is None:
            self._gazetteer = GeoNamesGazetteer.shared()
        return self._gazetteer

    def __call__(self, analysis: Analysis) -> None:
        mentions = find_toponyms(analysis.sdoc, self.gazetteer)
        source = place_of_source(analysis.document.source, self.gazetteer)
        analysis.source_place = to_place(Mention(0, 0, source.name, "source"), source) if source else None
        background = [source] if source is not None else []
        analysis.places = resolve_mentions(mentions, self.gazetteer, analysis.document.text, background)
