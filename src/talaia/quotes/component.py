"""The quotes stage's pipeline component."""

from __future__ import annotations

from talaia.component import Analysis, DocumentComponent, Resources
from talaia.nlp.aliases import Aliases, NameRules
from talaia.quotes.extract import extract_quotes
from talaia.quotes.lexicon import QuoteLexicon


class QuotesComponent(DocumentComponent):
    name = "quotes.attribution.v3"

    def __init__(self, resources: Resources) -> None:
        self.resources = resources
        self.lexicon = QuoteLexicon.from_knowledge(resources.knowledge)
        self.rules = NameRules.from_knowledge(resources.knowledge)

    def __call__(self, analysis: Analysis) -> None:
        aliases = analysis.aliases if analysis.aliases is not None else Aliases(self.rules)
        analysis.quotes = extract_quotes(analysis.sdoc, aliases, self.lexicon)
