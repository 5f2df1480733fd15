"""Quotes: direct (quotation marks) and indirect (reported speech), with speakers and cues."""

from talaia.quotes.extract import extract_quotes
from talaia.quotes.lexicon import QuoteLexicon

__all__ = ["QuoteLexicon", "extract_quotes"]
