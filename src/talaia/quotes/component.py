"""The quotes stage's pipeline components: quotes, then the incident each speaks about."""

from __future__ import annotations

from talaia.component import Analysis, DocumentComponent, Resources
from talaia.nlp.aliases import Aliases, NameRules
from talaia.quotes.extract import extract_quotes
from talaia.quotes.incidents import link_quotes
from talaia.quotes.lexicon import QuoteLexicon


class QuotesComponent(DocumentComponent):
    name = "quotes.attribution.v4"

    def __init__(self, resources: Resources) -> None:
        self.resources = resources
        self.lexicon = QuoteLexicon.from_knowledge(resources.knowledge)
        self.rules = NameRules.from_knowledge(resources.knowledge)

    def __call__(self, analysis: Analysis) -> None:
        aliases = analysis.aliases if analysis.aliases is not None else Aliases(self.rules)
        analysis.quotes = extract_quotes(analysis.sdoc, aliases, self.lexicon)


class QuoteIncidentsComponent(DocumentComponent):
    """Each quote linked to the event whose evidence is nearest in its paragraph (talaia.quotes.incidents)."""

    name = "quotes.incidents.v1"

    def __init__(self, resources: Resources) -> None:
        self.resources = resources

    def __call__(self, analysis: Analysis) -> None:
        analysis.quotes = link_quotes(analysis.document.text, analysis.events, analysis.quotes)
