"""Word frequencies on the Zipf scale, the same figures as ``wordfreq.zipf_frequency``, cheap to start.

wordfreq builds a dictionary of every word of a language on its first lookup (~0.15 s per language)
and finds its data by inspecting the call stack at import (~0.2 s in a process that has imported
spaCy): together a third of a short command's start-up. Talaia asks about a few hundred words per
document, so it keeps each language's list as one sorted block of UTF-8 words with their frequency
bands, in a cache file built once from wordfreq's own data, and finds a word by binary search.
Words that wordfreq would tokenise or normalise first (capitals, digits, apostrophes, other
scripts) are asked of wordfreq itself, so every answer is wordfreq's.
"""

from __future__ import annotations

import functools
import importlib.util
import math
import re
import threading
from array import array
from pathlib import Path

from talaia.caches import cache_file, cached
from talaia.packing import PackedStrings

FREQUENCY_CACHE_VERSION = "3"
WORDLIST = "large"  # what wordfreq's "best" means for English and Spanish
_LANGUAGES = frozenset({"en", "es"})  # languages with a large list; others are asked of wordfreq
_MEMO_SIZE = 100_000
_LOCK = threading.Lock()
_PLAIN_WORD = re.compile(r"[a-z\u00e0-\u00f6\u00f8-\u00ff]+")  # lower-case Latin-1 letters (not ß: wordfreq folds it)


class Wordlist:
    """One language's words, sorted, with each word's centibel band."""

    def __init__(self, words: PackedStrings, bands: array[int]) -> None:
        self._words = words
        self._bands = bands  # word i occurs 10 ** (-bands[i] / 100) of the time
        self._memo: dict[str, float] = {}

    def zipf(self, word: str) -> float:
        found = self._memo.get(word)
        if found is None:
            i = self._words.index_of(word)
            found = _band_zipf(self._bands[i]) if i >= 0 else 0.0
            if len(self._memo) >= _MEMO_SIZE:
                self._memo.clear()
            self._memo[word] = found
        return found


@functools.cache
def _band_zipf(band: int) -> float:
    """wordfreq's figure for a word of this band: its frequency rounded to three significant digits,
    then on the Zipf scale rounded to hundredths (``_word_frequency`` and ``zipf_frequency``)."""
    freq = 10 ** (-band / 100)
    freq = round(freq, math.floor(-math.log(freq, 10)) + 3)
    return round(math.log(freq, 10) + 9, 2)


_WORDLISTS: dict[str, Wordlist | None] = {}  # None: wordfreq has no data file for the language


def zipf_frequency(word: str, lang: str) -> float:
    """How often ``word`` occurs in ``lang``, on the Zipf scale: what ``wordfreq.zipf_frequency(word,
    lang)`` answers (0.0 for a word it does not know)."""
    if lang in _LANGUAGES and _PLAIN_WORD.fullmatch(word):  # Latin-1 letters are NFC already
        wordlist = _WORDLISTS[lang] if lang in _WORDLISTS else _load(lang)
        if wordlist is not None:
            return wordlist.zipf(word)
    import wordfreq

    return float(wordfreq.zipf_frequency(word, lang))


def _load(lang: str) -> Wordlist | None:
    with _LOCK:
        if lang not in _WORDLISTS:  # without a data file wordfreq itself is asked, and says what is wrong
            _WORDLISTS[lang] = load_wordlist(lang)
        return _WORDLISTS[lang]


def _data_file(lang: str) -> Path | None:
    spec = importlib.util.find_spec("wordfreq")  # where wordfreq is, without importing it
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "data" / f"{WORDLIST}_{lang}.msgpack.gz"
    return path if path.exists() else None


def cache_path(lang: str, cache_dir: Path | None = None) -> Path | None:
    """The cache file for this language, named by wordfreq's version and data file (a new wordfreq, a new
    cache; every environment with the same wordfreq shares one)."""
    from importlib.metadata import version

    data = _data_file(lang)
    if data is None:
        return None
    stamp = f"{FREQUENCY_CACHE_VERSION}-{version('wordfreq')}-{lang}-{data.stat().st_size}"
    return cache_file("wordfreq", stamp, cache_dir)


def load_wordlist(lang: str, cache_dir: Path | None = None) -> Wordlist | None:
    """The language's word list from the cache, built there first from wordfreq's data when missing or
    broken; None when wordfreq has no such list."""
    path = cache_path(lang, cache_dir)
    if path is None:
        return None
    words, bands = cached(path, lambda: _pack(lang), fits=lambda found: isinstance(found, tuple) and len(found) == 2
                          and isinstance(found[0], PackedStrings) and isinstance(found[1], array))
    return Wordlist(words, bands)


def _pack(lang: str) -> tuple[PackedStrings, array[int]]:
    """wordfreq's words, sorted, and each one's centibel band."""
    import wordfreq

    bands: dict[str, int] = {}
    for band, listed in enumerate(wordfreq.get_frequency_list(lang, WORDLIST)):
        for word in listed:
            bands[word] = band  # a word listed twice keeps its last band, as in wordfreq's dict
    words = sorted(bands)
    return PackedStrings(words), array("H", [bands[w] for w in words])
