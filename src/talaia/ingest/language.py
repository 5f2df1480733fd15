"""Language identification for English and Spanish news, from function words.

Function words are what separates the two reliably even in a headline; proper nouns
(Michoacán, Culiacán) say nothing about the language of the sentence around them.
"""

from __future__ import annotations

import re

from talaia.pipeline import Analysis, DocumentComponent

SUPPORTED = ("en", "es")

_EN = frozenset(
    """
    the of and to in is was for that on with by at from as are were has have had be been this it its
    an or not but after over into police killed said says who which their they he she
    """.split()
)
_ES = frozenset(
    """
    el la los las de del y en que por con para un una es fue son se al lo su sus como más pero tras
    entre sobre policía policías asesinan matan muertos muere mueren hallan dijo
    """.split()
)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def detect_language(text: str, default: str = "en") -> str:
    """'en' or 'es' (the languages Talaia's models cover); ``default`` when there is no signal."""
    words = [w.lower() for w in _WORD.findall(text[:5000])]
    en = float(sum(1 for w in words if w in _EN))
    es = float(sum(1 for w in words if w in _ES))
    accents = sum(1 for ch in text[:5000] if ch in "ñáéíóúü¿¡")
    es += min(accents, 3) * 0.5
    if en == es:
        return default
    return "es" if es > en else "en"


class LanguageComponent(DocumentComponent):
    name = "ingest.language.v1"

    def __call__(self, analysis: Analysis) -> None:
        given = (analysis.document.language or "").lower()[:2]
        analysis.language = given if given in SUPPORTED else detect_language(
            (analysis.document.title or "") + "\n" + analysis.document.text
        )
