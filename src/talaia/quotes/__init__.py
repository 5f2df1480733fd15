"""Quotes: direct (quotation marks) and indirect (reported speech), with speakers and cues."""

from talaia.quotes.extract import extract_quotes

__all__ = ["extract_quotes"]
