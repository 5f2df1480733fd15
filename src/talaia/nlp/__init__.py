"""NLP: spaCy models (loaded once, lazily), language identification, number words, in-document aliases."""

from talaia.nlp.aliases import Aliases, NameRules, build_aliases
from talaia.nlp.numbers import NumberWords

__all__ = ["Aliases", "NameRules", "NumberWords", "build_aliases"]
