"""Case restoration for text written in capitals (wire services of the 1980s-90s, headlines).

spaCy's models read case: in "THREE SUBVERSIVES WERE KILLED IN USULUTAN" every word looks
like a name, so the tagger, the parser and the entity recogniser all go wrong. Restored text
has the same length as the original (only the case of letters changes), so every offset the
later stages take from the parse still points into the document, and what they report is
read from the original text.

How a word is cased, in order:

* words English always capitalises (months, weekdays: ``lang/en/capitalised_words.tsv``),
  names the knowledge knows (places of the gazetteer with a population, nationalities, the
  actor knowledge base's names and aliases, ``lang/en/name_words.tsv``) and Spanish words in
  English text (far more frequent in Spanish than in English: 'Tiempo', 'Libertad') are
  capitalised unless very common in English; an alias written in capitals in the knowledge
  base ('FMLN', 'M-19') is written so;
* common English words (by ``wordfreq``) are lower case; so are rarer English words
  ('materiel') unless some place of the gazetteer bears them;
* unknown words are names; short unknown words without vowels, or in parentheses, acronyms;
* 'San', 'La', 'El' and the like open a name that follows them; titles ('Colonel') before a
  name are capitalised; sentences and paragraphs start with a capital.

Mixed-case text is left as it is; inside it only long lines written wholly in capitals
(a headline, a paragraph of a wire copy) are restored (``restore_runs``).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field

from talaia.knowledge import Knowledge, load_knowledge
from talaia.nlp.frequency import zipf_frequency
from talaia.text import fold

VERSION = "truecase.v2"
COMMON_ZIPF = 3.0  # words at least this frequent in English are common nouns, verbs...
KNOWN_NAME_ZIPF = 4.5  # a known name this frequent in English ('Front', 'Place', 'Union') stays lower case
PLACE_PART_ZIPF = 3.5  # a word of a longer place name more frequent than this is an English word ('Farms')
ENGLISH_WORD_ZIPF = 1.5  # below this a word is no English word: a name
SPANISH_MARGIN = 0.9  # a word this much more frequent in Spanish than in English is Spanish: a name in English text
SPANISH_COMMON_ZIPF = 4.0  # ...unless it is this frequent in English all the same
ACRONYM_ZIPF = 2.8  # a short word rarer than this that no name list knows is an acronym ('ELN', 'EPL')
HEADLINE_CHARS = 300  # a text shorter than this in title case is a headline
SHORT_WORD = 3  # letters of the words headline style leaves in lower case ('in', 'and', 'of', 'a')
RUN_MIN_LETTERS = 40  # a line of mixed-case text restored on its own: all capitals and at least this long
_WORD = re.compile(r"[A-Za-z\u00C0-\u024F][A-Za-z\u00C0-\u024F'’]*")
_VOWELS = set("aeiouyáéíóú")
_POSSESSIVE = re.compile(r"['’]s?$")


@dataclass(frozen=True, slots=True)
class NameParticles:
    """The small words of Spanish names and the English endings truecasing reads, from the knowledge:
    ``place_particles`` (kinds name_opener, name_joiner, inside, leading; Spanish) and ``stem_suffixes``
    (English)."""

    openers: frozenset[str]  # open a name when a name follows ('San Miguel', 'La Libertad')
    joiners: frozenset[str]  # stay lower case inside a name ('San Jose de la Montana')
    of_words: frozenset[str]  # 'de', 'del': after a name, the next word is the name's too
    articles: frozenset[str]  # 'la', 'el': may stand between them ('de la Montana')
    inflections: tuple[str, ...]  # English endings a listed word may carry ('beheads', 'beheaded')

    @classmethod
    def from_knowledge(cls, knowledge: Knowledge) -> NameParticles:
        particles = knowledge.table("place_particles", "es")
        suffixes = knowledge.table("stem_suffixes", "en")

        def words(kind: str) -> frozenset[str]:
            return frozenset(fold(w) for w in particles.words(kind=kind))

        return cls(openers=words("name_opener"), joiners=words("name_joiner"), of_words=words("inside"),
                   articles=words("leading"),
                   inflections=tuple(suffixes.words(role="strip") | suffixes.words(role="silent_e")))


@functools.lru_cache(maxsize=1)
def _packaged_particles() -> NameParticles:
    return NameParticles.from_knowledge(load_knowledge())


@dataclass(frozen=True, slots=True)
class CaseLexicon:
    """What case restoration knows besides word frequencies; every word lower-case and without accents."""

    capitalised: frozenset[str] = frozenset()  # common words English capitalises all the same
    names: frozenset[str] = frozenset()  # words of known names: capitalised unless very common
    place_words: frozenset[str] = frozenset()  # words of any gazetteer place: capitalised when rare in English
    titles: frozenset[str] = frozenset()  # 'colonel', 'president': capitalised before a name
    # words never names however rare in general English: the news's own verbs ('beheads', 'dismembered')
    common: frozenset[str] = frozenset()
    forms: Mapping[str, str] = field(default_factory=dict)  # the written form of acronyms ('fmln' -> 'FMLN')
    # names of several words as the knowledge writes them, by their folded words:
    # ('national', 'liberation', 'army') -> ('National', 'Liberation', 'Army')
    phrases: Mapping[tuple[str, ...], tuple[str, ...]] = field(default_factory=dict)
    longest_phrase: int = 0
    particles: NameParticles | None = None  # None: those of the packaged knowledge

    @staticmethod
    def build(capitalised: Collection[str] = (), names: Collection[str] = (), place_words: Collection[str] = (),
              titles: Collection[str] = (), aliases: Collection[str] = (), common: Collection[str] = (),
              knowledge: Knowledge | None = None) -> CaseLexicon:
        """From word lists and the knowledge base's names: an alias of several words is written as the
        knowledge writes it wherever it appears whole; a word written wholly in capitals ('FMLN') gives
        its form. Name particles come from ``knowledge`` (the packaged knowledge by default)."""
        forms: dict[str, str] = {}
        phrases: dict[tuple[str, ...], tuple[str, ...]] = {}
        for alias in aliases:
            written = tuple(w for w in _WORD.findall(alias))
            for word in written:
                if word.isupper() and len(word) > 1:
                    forms.setdefault(fold(word), word)
            if len(written) > 1 and written[0][0].isupper():
                phrases.setdefault(tuple(fold(w) for w in written), written)
        return CaseLexicon(
            capitalised=frozenset(fold(w) for w in capitalised), names=frozenset(fold(w) for w in names),
            place_words=frozenset(fold(w) for w in place_words), titles=frozenset(fold(w) for w in titles),
            common=frozenset(fold(w) for w in common),
            forms=forms, phrases=phrases, longest_phrase=max(map(len, phrases), default=0),
            particles=NameParticles.from_knowledge(knowledge) if knowledge is not None else None)

    @property
    def name_particles(self) -> NameParticles:
        return self.particles or _packaged_particles()


def place_name_words(place_names: Collection[str], frequency: Callable[[str], float] | None = None) -> frozenset[str]:
    """The words of place names that say 'a name' when written alone: a name of one word ('Lima', 'London'),
    and the rarer words of longer names ('Boyaca' of 'Puerto Boyaca', not 'Farms' of 'Foothill Farms')."""
    freq = frequency or (lambda w: zipf_frequency(w, "en"))
    words: set[str] = set()
    for name in place_names:
        parts = [fold(w) for w in _WORD.findall(name)]
        if len(parts) == 1:
            words.add(parts[0])
        else:
            words.update(w for w in parts if len(w) > 2 and freq(w) < PLACE_PART_ZIPF)
    return frozenset(words)


def is_all_caps(text: str, threshold: float = 0.8) -> bool:
    letters = [c for c in text[:20000] if c.isalpha()]
    return len(letters) >= 20 and sum(c.isupper() for c in letters) / len(letters) >= threshold


def is_title_case(text: str, threshold: float = 0.7) -> bool:
    """Headline style: most words capitalised ('Cancun Police Find 12 Decomposing Bodies'). Headline
    style leaves short function words in lower case ('Gunmen Storm Home in X and Kill a Father and His
    Two Sons'), so words of three letters or fewer count only when nothing longer is there."""
    words = _WORD.findall(text[:400])
    long_words = [w for w in words if len(w) > SHORT_WORD]
    counted = long_words if len(long_words) >= 3 else words
    return len(words) >= 4 and sum(w[0].isupper() for w in counted) / len(counted) >= threshold


class _Frequencies:
    """Zipf frequencies in English and Spanish, memoised (a document repeats its words)."""

    def __init__(self, english: Callable[[str], float] | None, spanish: Callable[[str], float] | None) -> None:
        self._en = english or (lambda w: zipf_frequency(w, "en"))
        self._es = spanish or (lambda w: zipf_frequency(w, "es"))
        self._memo: dict[str, tuple[float, float]] = {}

    def __call__(self, word: str) -> tuple[float, float]:
        got = self._memo.get(word)
        if got is None:
            got = self._memo[word] = (self._en(word), self._es(word))
        return got


def restore_case(text: str, lexicon: CaseLexicon | None = None,
                 frequency: Callable[[str], float] | None = None,
                 spanish_frequency: Callable[[str], float] | None = None) -> str:
    """Same-length text with plausible case (see the module's docstring)."""
    lex = lexicon or CaseLexicon()
    freq = _Frequencies(frequency, spanish_frequency)
    chars = list(text)
    words = list(_WORD.finditer(text))
    kinds = [_kind(m.group(0), text, m.start(), m.end(), lex, freq) for m in words]
    written = _phrase_forms(text, words, lex)
    particles = lex.name_particles
    _names_after_joiners(text, words, kinds, freq, particles)
    for i, m in enumerate(words):
        word, kind = m.group(0), kinds[i]
        lower = word.lower()
        if len(lower) != len(word):  # a letter whose lower case is longer would shift offsets
            continue
        if i in written and len(written[i]) == len(word):
            kinds[i] = "name" if written[i][:1].isupper() else "joiner"
            chars[m.start():m.end()] = written[i]
            continue
        folded = fold(lower)
        next_is_name = i + 1 < len(kinds) and kinds[i + 1] in ("name", "form") and _adjacent(text, m.end(),
                                                                                             words[i + 1].start())
        previous_kind = kinds[i - 1] if i and _adjacent(text, words[i - 1].end(), m.start()) else None
        if kind == "form":
            cased = _form(word, lex)
        elif kind == "acronym":
            cased = word.upper()
        elif kind == "name":
            cased = word.capitalize()
        elif kind == "joiner":
            cased = lower
        elif folded in particles.openers and next_is_name and previous_kind not in ("name", "joiner"):
            cased = word.capitalize()
            kinds[i] = "joiner"
        elif folded in particles.joiners and next_is_name and previous_kind in ("name", "joiner"):
            cased = lower
            kinds[i] = "joiner"
        elif folded in lex.titles and next_is_name:
            cased = word.capitalize()
        else:
            cased = lower
        if _sentence_start(text, m.start()):
            cased = cased[:1].upper() + cased[1:]
        chars[m.start():m.end()] = cased
    return "".join(chars)


def restore_runs(text: str, lexicon: CaseLexicon | None = None,
                 frequency: Callable[[str], float] | None = None,
                 spanish_frequency: Callable[[str], float] | None = None) -> str:
    """Text for a model that reads case: a text mostly in capitals restored whole; in mixed-case text only
    the lines wholly in capitals that are long enough to be prose (a headline, a wire paragraph);
    anything else unchanged. Always the same length as ``text``."""
    if is_all_caps(text):
        return restore_case(text, lexicon, frequency, spanish_frequency)
    out: list[str] = []
    for line in text.splitlines(keepends=True):
        out.append(restore_case(line, lexicon, frequency, spanish_frequency) if _caps_run(line) else line)
    return "".join(out)


def _names_after_joiners(text: str, words: list[re.Match[str]], kinds: list[str], freq: _Frequencies,
                         particles: NameParticles) -> None:
    """'San Jose de la Montana': after a name and 'de' (and an article), the next word is the name's too
    unless it is among the commonest English words."""
    for i in range(1, len(words) - 1):
        if kinds[i - 1] != "name" or fold(words[i].group(0)) not in particles.of_words:
            continue
        j = i + 1
        if j < len(words) - 1 and fold(words[j].group(0)) in particles.articles:
            j += 1
        if kinds[j] == "word" and freq(fold(words[j].group(0)))[0] >= KNOWN_NAME_ZIPF:
            continue
        if kinds[j] in ("word", "name") and all(_adjacent(text, words[k].end(), words[k + 1].start())
                                                for k in range(i - 1, j)):
            kinds[i:j] = ["joiner"] * (j - i)
            kinds[j] = "name"


def _phrase_forms(text: str, words: list[re.Match[str]], lex: CaseLexicon) -> dict[int, str]:
    """Word index -> written form, for the words of the knowledge's names of several words found whole
    (the longest name at each word; the words of one name separated by blanks or hyphens only)."""
    out: dict[int, str] = {}
    if not lex.phrases:
        return out
    folded = [fold(m.group(0)) for m in words]
    i = 0
    while i < len(words):
        for n in range(min(lex.longest_phrase, len(words) - i), 1, -1):
            key = tuple(folded[i:i + n])
            form = lex.phrases.get(key)
            if form and all(_adjacent(text, words[j].end(), words[j + 1].start()) for j in range(i, i + n - 1)):
                out.update(zip(range(i, i + n), form, strict=True))
                i += n - 1
                break
        i += 1
    return out


def model_text(text: str, lexicon: Callable[[], CaseLexicon]) -> str:
    """The text a model that reads case should see: ``restore_runs``, and a short headline in title case
    ('Cancun Police Find 12 Decomposing Bodies') restored too. ``lexicon`` is called only when some case
    is restored (building it reads the gazetteer)."""
    if is_all_caps(text) or (len(text) < HEADLINE_CHARS and is_title_case(text)):
        return restore_case(text, lexicon())
    if not any(_caps_run(line) for line in text.splitlines()):
        return text
    return restore_runs(text, lexicon())


def _caps_run(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= RUN_MIN_LETTERS and all(c.isupper() for c in letters)


def _kind(word: str, text: str, start: int, end: int, lex: CaseLexicon, freq: _Frequencies) -> str:
    """'form' (an acronym the knowledge writes), 'acronym', 'name' or 'word' (lower case)."""
    lower = word.lower()
    bare = _POSSESSIVE.sub("", lower) or lower
    folded = fold(bare)
    if folded in lex.forms:
        return "form"
    if len(word) == 1:
        # 'U.S.', 'M-19', 'I': a letter before a dot or hyphen is an initial; 'A' alone is the article
        follower = text[end:end + 1]
        initials = (follower in ".-" and text[end + 1:end + 2].isalnum()) or (
            follower == "." and text[start - 1:start] == "." and text[start - 2:start - 1].isalpha())
        return "acronym" if lower == "i" or initials else "word"
    en, es = freq(folded)
    if len(word) <= 6 and _in_parentheses(text, start, end):
        return "acronym"  # "(FMLN)": an acronym spelt out before it
    if folded in lex.capitalised:
        return "name"
    if folded in lex.names and en < KNOWN_NAME_ZIPF:
        return "name"
    if _known_word(folded, lex.common, lex.name_particles.inflections):
        return "word"
    if es >= en + SPANISH_MARGIN and en < SPANISH_COMMON_ZIPF:
        return "name"
    if en >= COMMON_ZIPF:
        return "word"
    if folded in lex.place_words:
        return "name"
    if len(word) <= 4 and en < ACRONYM_ZIPF and (not _VOWELS & set(folded) or en < ENGLISH_WORD_ZIPF
                                                  or es < ENGLISH_WORD_ZIPF):
        return "acronym"
    return "name" if en < ENGLISH_WORD_ZIPF else "word"


def _known_word(folded: str, common: Collection[str], inflections: tuple[str, ...]) -> bool:
    """The word, or the word less an inflection ('beheads', 'beheaded'), is one of ``common``."""
    return folded in common or any(folded.endswith(end) and folded[:-len(end)] in common for end in inflections)


def _form(word: str, lex: CaseLexicon) -> str:
    bare = _POSSESSIVE.sub("", word.lower()) or word.lower()
    form = lex.forms[fold(bare)]
    return form + word[len(form):].lower() if len(form) <= len(word) else word


def _adjacent(text: str, end: int, start: int) -> bool:
    """Two words separated by blanks, one line break or a hyphen only (one name may run on, across a
    wrapped line; a comma, a full stop or a blank line ends it)."""
    gap = text[end:start]
    return gap.count("\n") <= 1 and all(c in " \t\n-" for c in gap)


def _in_parentheses(text: str, start: int, end: int) -> bool:
    return text[start - 1:start] == "(" and text[end:end + 1] == ")"


def _sentence_start(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t\"'“(":
        i -= 1
    if i >= 1 and text[i] == "\n" and text[i - 1] == "\n":
        return True  # a paragraph's first word
    while i >= 0 and text[i] in " \t\n\"'“(":
        i -= 1
    if i >= 1 and text[i] == "." and text[i - 1].isalpha() and (i < 2 or not text[i - 2].isalpha()):
        return False  # the dot of an initial ('U.S. adviser')
    return i < 0 or text[i] in ".!?:"
