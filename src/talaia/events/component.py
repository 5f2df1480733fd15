"""The events stage's pipeline component."""

from __future__ import annotations

from talaia.component import Analysis, DocumentComponent, Resources
from talaia.events.confidence import ConfidenceModel
from talaia.events.detect import DocumentContext, extract_events
from talaia.events.lexicon import EventLexicon
from talaia.nlp.aliases import Aliases, NameRules


class EventsComponent(DocumentComponent):
    name = "events.acled.v8"

    def __init__(self, resources: Resources) -> None:
        self.resources = resources
        self.lexicon = EventLexicon.from_knowledge(resources.knowledge)
        self.rules = NameRules.from_knowledge(resources.knowledge)
        self.confidence = ConfidenceModel.from_knowledge(resources.knowledge)
        # demonyms the gazetteer's English list lacks ('ruso', 'israelíes'): word -> country code
        self.demonyms = {r["word"].lower(): r["country"].split()[0]
                         for r in resources.knowledge.union("demonyms").records()}

    def _nationality(self, word: str) -> tuple[str, str] | None:
        gazetteer = self.resources.gazetteer
        entry = gazetteer.country_of_demonym(word)
        if entry is None and word.lower() in self.demonyms:
            entry = gazetteer.country(self.demonyms[word.lower()])
        return (entry.name, entry.country_code) if entry is not None else None

    def __call__(self, analysis: Analysis) -> None:
        aliases = analysis.aliases if analysis.aliases is not None else Aliases(self.rules)
        ctx = DocumentContext(analysis.document, analysis.places, analysis.quotes, aliases,
                              analysis.source_place, self._nationality)
        analysis.events = extract_events(analysis.sdoc, ctx, self.lexicon, self.confidence)
