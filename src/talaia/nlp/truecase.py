"""Case restoration for all-capitals text (wire services of the 1980s-90s, some headlines).

spaCy's models read case: in "THREE SUBVERSIVES WERE KILLED IN USULUTAN" every word looks
like a name. Restored text has the same length as the original, so every offset still
points into the document: common words (by their frequency in English, from ``wordfreq``)
become lower case, rare words and known place names are capitalised, short rare words stay
acronyms, and sentences start with a capital. Common words that English capitalises all
the same (months, weekdays) are data: ``lang/en/capitalised_words.tsv``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection

from wordfreq import zipf_frequency

COMMON_ZIPF = 3.0  # words at least this frequent in English are common nouns, verbs...
VERY_COMMON_ZIPF = 4.5  # too common to capitalise even when some place is called so ("Front", "Place")
_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|['’])*")  # accented letters are inside words: 'León' is one word
_VOWELS = set("aeiouy")


def is_all_caps(text: str, threshold: float = 0.8) -> bool:
    letters = [c for c in text[:20000] if c.isalpha()]
    return len(letters) >= 20 and sum(c.isupper() for c in letters) / len(letters) >= threshold


def is_title_case(text: str, threshold: float = 0.7) -> bool:
    """Headline style: most words capitalised ('Cancun Police Find 12 Decomposing Bodies')."""
    words = _WORD.findall(text[:400])
    return len(words) >= 4 and sum(w[0].isupper() for w in words) / len(words) >= threshold


def restore_case(text: str, capitalised: Collection[str], proper_names: Collection[str] = (),
                 frequency: Callable[[str], float] | None = None) -> str:
    """Same-length text with plausible case; ``capitalised`` are lower-case common words English capitalises
    ('december'), ``proper_names`` lower-cased names to capitalise unless very common."""
    freq = frequency or (lambda w: zipf_frequency(w, "en"))
    chars = list(text)
    for m in _WORD.finditer(text):
        word = m.group(0)
        lower = word.lower()
        if len(lower) != len(word):
            continue
        start = m.start()
        zipf = freq(lower)
        if len(word) <= 6 and _in_parentheses(text, m.start(), m.end()):
            cased = word.upper()  # "(FMLN)": an acronym spelt out before it
        elif lower in capitalised or (lower in proper_names and zipf < VERY_COMMON_ZIPF):
            cased = word.capitalize()
        elif zipf >= COMMON_ZIPF:
            cased = lower
        elif len(word) <= 5 and not _VOWELS & set(lower):
            cased = word.upper()
        else:
            cased = word.capitalize()
        if _sentence_start(text, start):
            cased = cased[:1].upper() + cased[1:]
        chars[start:m.end()] = cased
    return "".join(chars)


def _in_parentheses(text: str, start: int, end: int) -> bool:
    return text[start - 1:start] == "(" and text[end:end + 1] == ")"


def _sentence_start(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t\n\"'“(":
        i -= 1
    return i < 0 or text[i] in ".!?:"
