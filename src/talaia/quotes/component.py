"""The quotes stage's pipeline component."""

from __future__ import annotations

from talaia.pipeline import Analysis, DocumentComponent
from talaia.quotes.extract import extract_quotes


class QuotesComponent(DocumentComponent):
    name = "quotes.attribution.v1"

    def __call__(self, analysis: Analysis) -> None:
        analysis.quotes = extract_quotes(analysis.sdoc, analysis.aliases)
