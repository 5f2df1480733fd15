"""NLP: spaCy models (loaded once, lazily), number words, in-document aliases."""

from talaia.nlp.aliases import build_aliases, canonical_name
from talaia.nlp.numbers import parse_number

__all__ = ["build_aliases", "canonical_name", "parse_number"]
