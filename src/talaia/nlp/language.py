"""Language identification for English and Spanish news, from function words.

Function words are what separates the two reliably even in a headline; proper nouns
(Michoacán, Culiacán) say nothing about the language of the sentence around them.
"""

from __future__ import annotations

import re

from talaia.component import Analysis, DocumentComponent, Resources
from talaia.models import Document

SUPPORTED = ("en", "es")

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_MAX_WORDS = 80
_CAP = 3.0  # one very English or very Spanish word must not outvote the rest


def detect_language(text: str, default: str = "en") -> str:
    """'en' or 'es' (the languages Talaia's models cover); ``default`` when there is no signal.

    Each word votes with how much more frequent it is in one language than in the other
    (wordfreq's Zipf scale), so a three-word headline ("Ejecutan a mujer") is enough.
    Capitalised words after the first count less, unless the whole headline is in title case:
    names (La Paz, Los Zetas, Jefe de Jefes) appear in both languages' news.
    """
    from talaia.nlp.frequency import zipf_frequency

    words = _WORD.findall(text[:5000])[:_MAX_WORDS]
    title_case = sum(1 for w in words if w[0].isupper()) > 0.6 * len(words)
    score = 0.0
    for i, word in enumerate(words):
        low = word.lower()
        en, es = zipf_frequency(low, "en"), zipf_frequency(low, "es")
        if max(en, es) < 1.0:
            continue
        weight = 0.3 if i > 0 and word[0].isupper() and not word.isupper() and not title_case else 1.0
        score += weight * max(-_CAP, min(_CAP, es - en))
    if score == 0.0:
        return default
    return "es" if score > 0 else "en"


def document_language(document: Document) -> str:
    """The document's language as given ('en', 'es'), else detected from its title and text."""
    given = (document.language or "").lower()[:2]
    return given if given in SUPPORTED else detect_language((document.title or "") + "\n" + document.text)


class LanguageComponent(DocumentComponent):
    name = "nlp.language.v1"

    def __init__(self, resources: Resources) -> None:
        self.resources = resources

    def __call__(self, analysis: Analysis) -> None:
        analysis.language = document_language(analysis.document)
