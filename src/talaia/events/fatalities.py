"""Fatalities under ACLED's rules, read from one sentence's parse.

* a count attached to a death word counts ("killed 14 officers", "14 people died",
  "the deaths of 14 alleged cartel members", "death toll rose to 16", "5 muertos");
* injuries are not deaths ("3 killed and 5 wounded" is 3);
* counts of different victim groups of one killing add up ("two soldiers and three
  civilians were killed" is 5);
* different figures for the same deaths keep the lowest as ``fatalities`` and the
  highest as ``fatalities_high``; "at least 14" is 14; "between 10 and 15" is 10-15;
* vague quantities: "several" 3, "dozens" 12, "hundreds" 100; a single victim is 1;
* idioms of death are death words ("lost their lives", "passed away", "shot to death",
  "perdieron la vida", "hallados sin vida"); "double homicide" is 2, "homicidio triple" 3;
* victims joined by "and" each count ("a man and a woman" 2, "padre e hijo" 2), a couple is 2;
  a joined verb owns its objects ("mata a dos y hiere a tres" is 2);
* numbers that count no dead are left out: roads and house numbers ("highway 190"), the
  killers ("entre dos lo matan"), those arrested ("la detención de otras cuatro");
* with no number, a plural counts 2 only for bodies ("bodies found"); other plurals and
  definite ones ("the victims", "los fallecidos") are the least they say, implicit.

The words and patterns are data: ``lang/<code>/fatality_words.tsv``, ``fatality_patterns.tsv``,
``fatality_multipliers.tsv`` and the number words of ``numbers.tsv``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from talaia.events.tables import NOTHING, alternation, by_role, ordered
from talaia.knowledge import Knowledge
from talaia.nlp.doccache import ents_touching, span_text
from talaia.nlp.numbers import NumberWords

_NUM = r"(\d{1,3}(?:,\d{3})*|\w+)"
_SIGNS = r"%|[$€£]"  # percent and currency signs: money or a share, in any language


@dataclass(frozen=True, slots=True)
class FatalityLexicon:
    words: Mapping[str, frozenset[str]]  # fatality_words role -> words
    idioms: Mapping[str, tuple[tuple[str, ...], ...]]  # verb -> the phrases below it that make it a death
    found_phrases: tuple[tuple[str, ...], ...]  # 'found dead', 'hallados sin vida': the found_dead phrases
    multipliers: Mapping[str, int]  # 'double homicide' 2, 'homicidio triple' 3
    months: frozenset[str]  # month names, lowercase: '10 de mayo' is a date
    numbers: NumberWords  # every language's, for a document in a language without its own
    numbers_by_language: Mapping[str, NumberWords]  # 'once' is 11 only in Spanish
    death_after: re.Pattern[str]  # "7 killed"
    bodies_after: re.Pattern[str]  # "3 bodies"
    death_before: re.Pattern[str]  # "kills 20"
    of_them_died: re.Pattern[str]  # "two men attacked: one of them died": the dead are that part
    range: re.Pattern[str]  # "between 10 and 15", "10-15"
    and_one: re.Pattern[str]  # "and a woman"
    calendar: re.Pattern[str]
    units: re.Pattern[str]
    slug: re.Pattern[str]  # a wire headline's slug word ('UPDATE 6-'): its number counts versions, not the dead

    @classmethod
    def from_knowledge(cls, knowledge: Knowledge, numbers: NumberWords) -> FatalityLexicon:
        words = by_role(knowledge.union("fatality_words"), "word", "role")
        patterns = knowledge.union("fatality_patterns")

        def alt(role: str) -> str:
            return alternation(ordered(patterns, "pattern", role=role)) or NOTHING

        def word_alt(role: str) -> str:
            return alternation(ordered(knowledge.union("fatality_words"), "word", role=role), escape=True) or NOTHING

        idioms: dict[str, list[tuple[str, ...]]] = {}
        for idiom in sorted(words["death_idiom"]):
            verb, *phrase = idiom.lower().split()
            idioms.setdefault(verb, []).append(tuple(phrase))
        return cls(
            words=MappingProxyType(words),
            idioms=MappingProxyType({verb: tuple(phrases) for verb, phrases in idioms.items()}),
            found_phrases=tuple(tuple(w.lower().split()) for w in sorted(words["found_dead"])),
            multipliers=MappingProxyType({row["word"].lower(): int(row["value"])
                                          for row in knowledge.union("fatality_multipliers").records()}),
            months=frozenset(w.lower() for w in knowledge.union("months").column("word")),
            numbers=numbers,
            numbers_by_language=MappingProxyType(
                {lang: NumberWords.from_knowledge(knowledge, lang) for lang in knowledge.languages
                 if len(knowledge.table("numbers", lang))}),
            death_after=re.compile(r"\b" + _NUM + r"(?: (?:" + alt("victims") + r")| ([\w-]+))?(?: (?:" + alt("found") +
                                   r"))? (?:" + alt("death_after") + r")\b", re.IGNORECASE),
            bodies_after=re.compile(r"\b" + _NUM + r"(?: [\w-]+)? (?:" + alt("bodies") + r")\b", re.IGNORECASE),
            death_before=re.compile(r"\b(?:" + alt("death_before") + r") " + _NUM + r"\b", re.IGNORECASE),
            of_them_died=re.compile(r"\b" + _NUM + r" (?:" + alt("of_them_died") + r")\b", re.IGNORECASE),
            range=re.compile(r"\b(?:" + word_alt("range_from") + r") (\w+) (?:" + word_alt("range_and") +
                             r") (\w+)\b|\b(\d+)\s*(?:-|–|" + word_alt("range_to") + r")\s*(\d+)\b", re.IGNORECASE),
            and_one=re.compile(r"\s*,?\s+(?:" + word_alt("and") + r")\s+(?:" + word_alt("one") + r")\s+(\w+)",
                               re.IGNORECASE),
            calendar=re.compile(r"\b(?:" + alt("calendar") + ")", re.IGNORECASE),
            units=re.compile(_SIGNS + "|" + alt("unit"), re.IGNORECASE),
            slug=re.compile(r"(?:" + alt("slug") + r")\Z", re.IGNORECASE),
        )

    def numbers_for(self, lang: str) -> NumberWords:
        """The document's language's number words; every language's when it has none of its own."""
        return self.numbers_by_language.get(lang, self.numbers)


@dataclass(frozen=True, slots=True)
class FatalityCount:
    low: int
    high: int
    start: int
    end: int
    implicit: bool = False  # no number told: the least the words say ('killed a man', 'the dead')


def share_count(count: FatalityCount | None, parts: int) -> list[FatalityCount | None]:
    """A toll told for several events together, shared out evenly; the first events take what does not
    divide ('seven dead in A and B': 4 and 3)."""
    if count is None:
        return [None] * parts

    def share(total: int, i: int) -> int:
        return total // parts + (1 if i < total % parts else 0)

    return [FatalityCount(share(count.low, i), share(count.high, i), count.start, count.end, count.implicit)
            for i in range(parts)]


def _lemma(tok: Any) -> str:
    return str(tok.lemma_).lower()


def _has_phrase(tok: Any, phrase: tuple[str, ...]) -> bool:
    """Is the phrase told right below the token: its words in order (a determiner or a possessive
    may stand between them) in the subtree of one of the token's children, that child among them?
    ('shot to death': 'to death' under 'shot'; 'perdieron la vida': 'vida' under 'perder')."""
    for child in tok.children:
        span = [t for t in child.subtree if t.pos_ not in {"DET", "PRON", "PUNCT"} or t.i == child.i]
        forms = [(t.lower_, _lemma(t)) for t in span]
        for start in range(len(forms) - len(phrase) + 1):
            window = forms[start:start + len(phrase)]
            if all(w in pair for w, pair in zip(phrase, window, strict=True)) and \
                    any(t.i == child.i for t in span[start:start + len(phrase)]):
                return True
    return False


def _found_dead(tok: Any, lex: FatalityLexicon) -> bool:
    """'3 brothers found dead' (a word below a verb), 'tres hombres sin vida' (a phrase below any word)."""
    verb = tok.pos_ in {"VERB", "AUX"}
    return any(_has_phrase(tok, phrase) for phrase in lex.found_phrases if verb or len(phrase) > 1)


def _is_death(tok: Any, lex: FatalityLexicon) -> bool:
    words = lex.words
    lemma = _lemma(tok)
    phrases = lex.idioms.get(lemma, ()) or lex.idioms.get(tok.lower_, ())
    if any(_has_phrase(tok, phrase) for phrase in phrases):  # 'lost their lives', 'passed away', 'shot to death'
        return True
    if lemma in words["needs_death_word"]:  # "claimed 5 lives", "left 5 dead": only with a death word nearby
        return any(_lemma(c) in words["death_word"] or c.lower_ in words["left_dead"] for c in tok.subtree)
    return lemma in words["death_verb"] or tok.lower_ in words["death_noun"] or lemma in words["death_noun"]


def _number_value(tok: Any, lex: FatalityLexicon) -> int | None:
    numbers = lex.numbers_for(tok.doc.lang_)
    parse = numbers.parse
    if tok.lower_ in lex.words.get("both", ()) and tok.dep_ in {"det", "predet", "nummod", "nsubj", "nsubjpass",
                                                                  "nsubj:pass"}:
        return parse(tok.lower_)  # 'both guards were killed', 'ambos escoltas murieron': a determiner that counts two
    if tok.like_num or tok.pos_ == "NUM" or tok.lower_ in numbers.vague or tok.lower_ in lex.words["dozen"]:
        grouped = _thousands_in_words(tok, numbers.parse)
        if grouped is not None:
            return grouped
        words = [tok]
        # "twenty - one", "a dozen"
        left = tok.i - 1
        while left >= tok.sent.start and (tok.doc[left].like_num or tok.doc[left].lower_ == "-" or
                                          tok.doc[left].lower_ in lex.words["number_article"]) \
                and tok.doc[left].dep_ in {"nummod", "compound", "quantmod", "punct", "det"} \
                and tok.doc[left].head.i == tok.i \
                and not (tok.doc[left].is_digit and not tok.is_digit):  # 'UPDATE 1-Eight' is eight
            words.insert(0, tok.doc[left])
            left -= 1
        return parse(" ".join(w.text for w in words)) or parse(tok.text)
    return None


THREE_DIGITS = re.compile(r"\d{3}")


def _thousands_in_words(tok: Any, parse: Any) -> int | None:
    """'2 mil 084', '1 mil 204' (the Mexican press's way to write 2,084): the digits before the scale word
    multiply it and the three after it add, whichever of the three words the count was read at."""
    doc = tok.doc
    for first in range(max(tok.i - 2, tok.sent.start), tok.i + 1):
        if first + 2 >= min(len(doc), tok.sent.end):
            break
        high, scale, low = doc[first], doc[first + 1], doc[first + 2]
        value = parse(scale.lower_) if high.is_digit else None
        if value and value >= 1000 and THREE_DIGITS.fullmatch(low.text):
            return int(high.text) * int(value) + int(low.text)
    return None


def _path_to_death(num: Any, lex: FatalityLexicon, limit: int = 4) -> bool:
    """Does the number quantify the victims of a death word (walking up the tree)?"""
    injury, other, state = lex.words["injury"], lex.words["other_event"], lex.words["other_state"]
    if any(_is_death(c, lex) and c.dep_ in {"amod", "acl"} for c in num.children):
        return True  # 'they find two decapitated': the number is the noun of the dead
    tok = num
    for _ in range(limit):
        head = tok.head
        if head.i == tok.i or (head.pos_ == "NUM" and _number_value(head, lex) is not None):
            return False  # 'killed 3 of the 5 passengers': the 5 is the whole, part of another count
        if _lemma(head) in injury or head.lower_ in injury or head.lower_ in other or _lemma(head) in other or \
                (head.lower_ in state and not _shares_death(head, lex)):
            return False  # the wounded; those arrested or kidnapped ('la detención de otras cuatro', 'cinco detenidos')
        if head.dep_ in {"agent", "obl:agent"} or tok.dep_ == "obl:agent":
            return False  # 'shot dead by 2 gunmen': the killers
        if tok.i == num.i and any(c.dep_ in {"amod", "acl"} and (c.lower_ in state or _lemma(c) in state)
                                  and not _shares_death(c, lex) for c in head.children):
            return False  # 'nueve personas secuestradas', 'two men arrested': not the dead
        if _is_death(head, lex):
            return not _under_other_preposition(tok, head, lex)
        if any((_is_death(c, lex) or (c.pos_ == "VERB" and _shares_death(c, lex))) and c.i != num.i and
               c.dep_ in {"amod", "acl", "relcl", "xcomp", "appos"}
               for c in head.children):  # "14 dead", "5 people killed", "2 women tortured and murdered"
            return True
        if _found_dead(head, lex):
            return True  # "3 brothers found dead", "tres hombres sin vida"
        if _names_the_dead(head, lex):
            return True  # 'the dead are two men and a woman', 'los fallecidos son dos hombres y una mujer'
        if head.pos_ in {"VERB", "AUX"} and tok.dep_ != "conj":
            if _shares_death(head, lex):
                return True  # "shot and killed 3", "3 men were kidnapped and killed"
            if head.dep_ not in {"relcl", "acl", "xcomp", "ccomp"}:
                return False  # a verb, conjoined or not, owns its objects: 'mata a dos y hiere a tres'
        tok = head
    return False


def _names_the_dead(tok: Any, lex: FatalityLexicon) -> bool:
    """A copula whose subject is the dead ('the dead are ...', 'los fallecidos son ...', 'the victims were
    ...'): what it says they are counts them. In English the copula heads the clause, in Spanish the noun."""
    clause = tok if tok.pos_ == "AUX" or tok.lemma_.lower() in {"be", "ser"} else None
    if clause is None and not any(c.dep_ == "cop" for c in tok.children):
        return False
    subjects = [c for c in tok.children if c.dep_ in {"nsubj", "nsubj:pass"}]
    dead = lex.words["dead"] | lex.words["death_noun"]
    return any(s.lower_ in dead or _lemma(s) in dead for s in subjects)


def _under_other_preposition(tok: Any, verb: Any, lex: FatalityLexicon) -> bool:
    """'kill 13 in one of the worst attacks', 'mueren en 3 ataques': a number reached through a
    preposition of a death verb other than the victims' ('of', 'a') counts no victims."""
    if verb.pos_ not in {"VERB", "AUX"}:
        return False
    cases = lex.words["victim_case"]
    if tok.pos_ == "ADP":
        return tok.lower_ not in cases
    marks = [c for c in tok.children if c.dep_ == "case"] if tok.dep_ == "obl" else []
    return bool(marks) and not any(c.lower_ in cases for c in marks)


def _shares_death(verb: Any, lex: FatalityLexicon) -> bool:
    """'shot and killed 3', 'were kidnapped and killed': a death verb joined to this one with no victims
    of its own shares this one's; so does one whose victims are only a pronoun ('secuestran a tres y
    los matan')."""
    own = {"dobj", "obj", "nsubjpass", "nsubj:pass", "nsubj"}
    todo, joined = [verb], []
    while todo:
        for c in todo.pop().children:
            if c.dep_ == "conj" and (c.pos_ in {"VERB", "AUX"} or c.morph.get("VerbForm") == ["Part"]):
                joined.append(c)
                todo.append(c)
    for c in joined:
        if not _is_death(c, lex):
            continue
        args = [g for g in c.children if g.dep_ in own or g.pos_ == "NUM"]
        if any(g.pos_ != "PRON" for g in args):
            continue  # 'mata a dos y hiere a tres': each verb its own
        if args or not any(";" in t.text for t in verb.doc[verb.i + 1:c.i]):  # not across joined headlines
            return True
    return False


def count_fatalities(sent: Any, lethal: bool, lexicon: FatalityLexicon) -> FatalityCount | None:
    """The death count of one sentence, or None when it reports none."""
    part = _part_that_died(sent, lexicon)
    if part is not None:
        return part
    counts: list[tuple[int, Any]] = []
    for tok in sent:
        value = _number_value(tok, lexicon)
        if value is None or value > 100000 or _looks_like_date(tok, lexicon) or _injured_next(tok, lexicon) or \
                _counts_things(tok, lexicon) or _among(tok, lexicon) or _ends_a_name(tok, lexicon):
            continue
        if _path_to_death(tok, lexicon):
            counts.append((value, tok))
    if counts:
        return _combine(counts, sent, lexicon)
    multiplied = _multiplied(sent, lexicon)
    if multiplied is not None:
        return multiplied
    surface = _adjacent_count(sent, lexicon)
    if surface is not None:
        return surface
    if lethal:
        return _implicit(sent, lexicon)
    return None


def _part_that_died(sent: Any, lex: FatalityLexicon) -> FatalityCount | None:
    """'Two men were shot: one of them died', 'atacan a tres; dos de ellos mueren': of those attacked, the
    part said to have died is the toll."""
    m = lex.of_them_died.search(span_text(sent))
    value = lex.numbers_for(sent.doc.lang_).parse(m.group(1)) if m else None
    if m is None or not value:
        return None
    return FatalityCount(value, value, sent.start_char + m.start(1), sent.start_char + m.end(1))


def _counts_things(tok: Any, lex: FatalityLexicon) -> bool:
    """The number counts bullets, hours, attacks or years, not people."""
    things = lex.words["not_victim"]
    head = tok.head
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.lower_ not in things and _lemma(nxt) not in things and \
            (_is_death(nxt, lex) or nxt.lower_ in lex.words["dead"]):
        return False  # 'four dead and two injured leave attacks': the word next to it says what it counts
    if tok.dep_ in {"nummod", "quantmod"} or head.i == tok.i + 1:
        return head.lower_ in things or _lemma(head) in things
    return nxt is not None and nxt.lower_ in things


def _multiplied(sent: Any, lex: FatalityLexicon) -> FatalityCount | None:
    """'double homicide' 2, 'triple ejecución' 3, 'homicidio triple' 3: a multiplier next to a death noun."""
    death_noun = lex.words["death_noun"]
    for tok in sent:
        value = lex.multipliers.get(tok.lower_)
        if value is None:
            continue
        for i in (tok.i - 1, tok.i + 1):
            near = tok.doc[i] if sent.start <= i < sent.end else None
            if near is not None and (near.lower_ in death_noun or _lemma(near) in death_noun):
                start, end = min(tok.idx, near.idx), max(tok.idx + len(tok.text), near.idx + len(near.text))
                return FatalityCount(value, value, start, end)
    return None


def _adjacent_count(sent: Any, lex: FatalityLexicon) -> FatalityCount | None:
    """Headlines parse badly: a number right next to a death word ("Prison riot kills 20", "7 killed")."""
    for pattern in (lex.death_after, lex.bodies_after, lex.death_before):
        for m in _overlapping(pattern, span_text(sent)):
            value = lex.numbers_for(sent.doc.lang_).parse(m.group(1))
            if value is None or value == 0 or value > 100000:
                continue
            start = sent.start_char + m.start(1)
            span = sent.doc.char_span(start, sent.start_char + m.end(1), alignment_mode="expand")
            if span is not None and (_looks_like_date(span.root, lex) or _counts_things(span.root, lex) or
                                     _among(span.root, lex)):
                continue
            if pattern is lex.death_after and m.group(2) and (m.group(2).lower() in lex.words["injury"] or
                                                             m.group(2).lower() in lex.words["and"]):
                continue  # '5 heridos y 2 muertos': the word between is no noun of the dead
            if span is not None and span.root.lower_ in lex.numbers_for(sent.doc.lang_).articles:
                value = _article_group(span.root, lex) or value  # 'kill a man and a woman' 2, 'matan a una pareja' 2
            return FatalityCount(value, value, start, sent.start_char + m.end(1))
    return None


def _overlapping(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """Every match, also those starting inside an earlier one ('find two lifeless': not only 'find two')."""
    m = pattern.search(text)
    while m is not None:
        yield m
        m = pattern.search(text, m.start() + 1)


def _article_group(article: Any, lex: FatalityLexicon) -> int:
    """The victims an article opens: its noun and the nouns joined to it ('a man and a woman')."""
    noun = article.head
    if noun.i <= article.i or noun.pos_ not in {"NOUN", "PROPN"}:
        return 0
    return sum(_member_size(m, lex) for m in _members(noun, lex))


def _injured_next(tok: Any, lex: FatalityLexicon) -> bool:
    """'... and three wounded': a count followed by an injury word counts the injured."""
    injury = lex.words["injury"]
    for t in tok.doc[tok.i + 1:tok.i + 3]:
        if t.lower_ in lex.words["and"] or t.is_punct:  # 'killed five and injured three': five are dead
            return False
        if t.lower_ in injury or _lemma(t) in injury:
            return True
    return False


def _looks_like_date(tok: Any, lex: FatalityLexicon) -> bool:
    doc = tok.doc
    months = lex.months
    after = [t.lower_ for t in doc[tok.i + 1:tok.i + 3]]
    before = doc[tok.i - 1].lower_.rstrip(".") if tok.i > 0 else ""
    if (after and after[0] in months) or (after[:1] and after[0] in lex.words["month_link"] and after[1:] and
                                          after[1] in months) or \
            before in months:  # "10 de mayo", "May 10" (also streets named so)
        return True
    if _names_a_place(tok, lex) or _numbers_a_version(tok, lex):
        return True
    if tok.like_num and len(tok.text) == 4 and tok.text.isdigit() and 1900 <= int(tok.text) <= 2100:
        return True
    if tok.ent_type_ in {"MONEY", "PERCENT"}:  # the small model tags "4 Slain" PERCENT: trust only real units
        ent = next(iter(ents_touching(tok.doc, tok.i, tok.i + 1)), None)
        return ent is None or bool(lex.units.search(ent.text))
    if tok.ent_type_ in {"DATE", "TIME"}:
        ent = next(iter(ents_touching(tok.doc, tok.i, tok.i + 1)), None)
        return ent is None or bool(lex.calendar.search(ent.text))
    return False


def _numbers_a_version(tok: Any, lex: FatalityLexicon) -> bool:
    """'UPDATE 6-Drug cartel battle kills 49', 'WRAPUP 2-': a wire service's slug at a headline's start numbers
    the story's versions; the number is glued to the hyphen that ends the slug."""
    doc = tok.doc
    end = tok.idx + len(tok.text)
    return (tok.i - tok.sent.start <= 2 and end < len(doc.text) and doc.text[end] == "-" and
            bool(lex.slug.search(doc.text[tok.sent.start_char:tok.idx].rstrip())))


def _names_a_place(tok: Any, lex: FatalityLexicon) -> bool:
    """'highway 190', 'km 30', 'número 62', 'No. 15': a number right after a road or number word names a
    place, not when it stands before a noun it counts ('on the road 5 bodies')."""
    doc, words = tok.doc, lex.words
    if tok.i == 0 or (tok.head.i > tok.i and tok.head.pos_ in {"NOUN", "PROPN"} and
                      tok.head.lower_ not in words["number_cue"]):
        return False
    prev = doc[tok.i - 1]
    if prev.lower_.rstrip(".") in words["number_cue"]:
        return True
    sign = doc[tok.i - 2] if prev.text == "." and tok.i > 1 else prev if prev.text.endswith(".") else None
    return sign is not None and sign.lower_.rstrip(".") in words["number_sign"]


def _ends_a_name(tok: Any, lex: FatalityLexicon) -> bool:
    """'Villa del Prado 2', 'Balcones del Cuatro', '"Cabo 33"', '"El 20"': the parse puts the number under a name
    before it, and nothing it could count follows."""
    head, doc = tok.head, tok.doc
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    prev = doc[tok.i - 1] if tok.i > 0 else None
    if prev is not None and prev.is_title and prev.is_alpha and nxt is not None and nxt.is_quote and \
            prev.i > 0 and doc[prev.i - 1].is_quote:
        return True  # '"El 20" reported killed': a nickname in quotes, whatever the parse made of it
    return head.pos_ == "PROPN" and head.i < tok.i and tok.dep_ in {"nummod", "flat", "compound", "appos"} and \
        not _is_death(head, lex) and (nxt is None or nxt.is_punct or nxt.is_space or nxt.pos_ in {"ADP", "CCONJ"})


def _among(tok: Any, lex: FatalityLexicon) -> bool:
    """'entre dos lo matan': 'between' and a number with no second figure counts the killers, not a range."""
    doc, words = tok.doc, lex.words
    if tok.i == 0 or doc[tok.i - 1].lower_ not in words["range_from"]:
        return False
    return not any(t.lower_ in words["range_and"] for t in doc[tok.i + 1:tok.i + 3])


def _combine(counts: list[tuple[int, Any]], sent: Any, lex: FatalityLexicon) -> FatalityCount:
    start = min(t.idx for _, t in counts)
    end = max(t.idx + len(t.text) for _, t in counts)
    rng = lex.range.search(span_text(sent))
    if rng:
        parse = lex.numbers_for(sent.doc.lang_).parse
        a = parse(rng.group(1) or rng.group(3) or "")
        b = parse(rng.group(2) or rng.group(4) or "")
        if a is not None and b is not None and a < b and any(v in (a, b) for v, _ in counts):
            return FatalityCount(a, b, start, end)
    # counts joined by 'and' under one verb are different victims: add them up
    groups: dict[int, int] = {}
    for value, tok in counts:
        anchor = tok.head
        while anchor.dep_ == "conj" and anchor.head.i != anchor.i:
            anchor = anchor.head
        key = anchor.head.i if anchor.dep_ in {"nsubjpass", "nsubj", "dobj", "obj", "pobj"} else anchor.i
        groups[key] = groups.get(key, 0) + value if _conjoined(tok) else max(groups.get(key, 0), value)
    if len(groups) == 1 and len(counts) == 1:
        key = next(iter(groups))
        groups[key] += _singular_partners(counts[0][1], lex)
    values = sorted(groups.values())
    return FatalityCount(values[0], values[-1], start, end)


def _singular_partners(num: Any, lex: FatalityLexicon) -> int:
    """'3 men and a woman', 'a father and his two sons': victims without a number of their own joined
    to a counted group ('2 dead and a woman injured' joins no victim: the woman is hurt)."""
    noun = num.head if num.head.i > num.i else num
    partners = [m for m in _members(noun, lex) if m.i != noun.i and not _has_number(m, lex)]
    if partners:
        return sum(_member_size(m, lex, plural=0) for m in partners)
    sent = num.sent
    text = span_text(sent)
    # right after the counted noun ('3 men and a woman'), or after the verb they died by ('murieron junto con un
    # detenido')
    ends = [noun.idx + len(noun.text)] + ([noun.head.idx + len(noun.head.text)] if noun.head.pos_ == "VERB" and
                                           noun.head.i > noun.i and _is_death(noun.head, lex) else [])
    m = next((hit for end in ends for hit in [lex.and_one.match(text, end - sent.start_char)]
              if hit and hit.group(1).lower() in lex.words["victim"]), None)
    if m is None:
        return 0
    partner = sent.doc.char_span(sent.start_char + m.start(1), sent.start_char + m.end(1), alignment_mode="expand")
    return 0 if partner is None or _injured_after(partner.root, lex) else 1


def _members(noun: Any, lex: FatalityLexicon) -> list[Any]:
    """The nouns of one conjunction ('a man and a woman', 'padre e hijo', 'mamá, abuela y dos niños'),
    the first one first; a noun the parser joins with no 'and' or comma before it is left out."""
    first = noun
    while first.dep_ == "conj" and first.head.i != first.i and first.head.pos_ in {"NOUN", "PROPN", "PRON", "NUM"}:
        first = first.head
    out, todo = [], [first]
    while todo:
        tok = todo.pop()
        out.append(tok)
        joined = [c for c in tok.children if c.dep_ == "conj" and _nominal(c) and _coordinated(tok, c, lex)]
        stranded = None if joined else _stranded_partner(tok, lex)
        todo.extend(joined if stranded is None else [stranded])
    return sorted(out, key=lambda t: t.i)


# the links a headline's parse gives a last noun it could not join ('kill a farmer and his wife': 'wife'
# hung from the first verb, or as punctuation); a subject is another clause's ('... and his wife fled')
STRANDED_LINKS = frozenset({"punct", "dep", "dobj", "obj", "appos", "npadvmod"})


def _stranded_partner(noun: Any, lex: FatalityLexicon) -> Any | None:
    """'a farmer and his two sons' where the parser left 'sons' outside the phrase: the noun right after
    the 'and' that follows this one (its determiners, possessives and numbers between), when the parse
    gave it no role of its own."""
    doc = noun.doc
    after = noun.i + 1
    if after >= len(doc) or doc[after].lower_ not in lex.words["and"] or doc[after].head.i != noun.i:
        return None
    for tok in doc[after + 1:min(after + 5, noun.sent.end)]:
        if tok.pos_ in {"DET", "NUM"} or tok.dep_ in {"poss", "nummod", "det", "amod"}:
            continue
        stranded = tok.dep_ in STRANDED_LINKS or (tok.dep_ == "conj" and tok.head.i < noun.i)  # joined to a word before
        return tok if tok.pos_ == "NOUN" and stranded and tok.head.i != noun.i else None
    return None


MEMBER_GAP = 8  # at most this many words between two nouns of one list of victims ('a man, his wife and ...')


def _coordinated(head: Any, conj: Any, lex: FatalityLexicon) -> bool:
    """Joined by 'and' or a comma, and near: a noun the parser joins from the far end of the sentence
    ('11 muertos y la detención de otras tres debido al enfrentamiento entre ... y un grupo armado') is
    no partner."""
    between = conj.doc[head.i + 1:conj.i]
    return len(between) <= MEMBER_GAP and any(t.lower_ in lex.words["and"] or t.text == "," for t in between)


def _nominal(tok: Any) -> bool:
    """A noun, a name, a personal pronoun or a noun-like adjective ('un herido', 'el menor')."""
    return tok.pos_ in {"NOUN", "PROPN", "ADJ"} or (tok.pos_ == "PRON" and tok.morph.get("PronType") == ["Prs"])


def _has_number(tok: Any, lex: FatalityLexicon) -> bool:
    return any(c.dep_ in {"nummod", "quantmod"} and _number_value(c, lex) is not None for c in tok.children)


def _injured_after(tok: Any, lex: FatalityLexicon) -> bool:
    """'a woman injured', 'una mujer herida': the partner is hurt, not dead."""
    injury = lex.words["injury"]
    near = [tok.head, *tok.doc[tok.i + 1:tok.i + 3]]
    return any(t.lower_ in injury or _lemma(t) in injury for t in near)


def _member_size(tok: Any, lex: FatalityLexicon, plural: int = 2) -> int:
    """How many victims one noun of a conjunction names: its own number ('two women' 2), a couple 2
    ('su pareja', one's partner, 1), a plural of bodies ``plural`` and any other plural at most 1,
    anything else 1; things ('a balazos'), places, dates and the injured none."""
    words = lex.words
    if tok.lower_ in words["not_victim"] or _lemma(tok) in words["not_victim"] or \
            tok.ent_type_ in {"GPE", "LOC", "FAC", "ORG", "EVENT", "DATE", "TIME", "MONEY", "PERCENT"} or \
            tok.lower_ in words["injury"] or _lemma(tok) in words["injury"] or _injured_after(tok, lex) or \
            tok.lower_ in words["other_event"] or _lemma(tok) in words["other_event"]:
        return 0  # '11 muertos y la detención de otras tres': an arrest is no victim
    told = [v for c in tok.children if c.dep_ in {"nummod", "quantmod"} for v in [_number_value(c, lex)] if v]
    if told:  # 'a man and two women': the women are two
        return told[0]
    if tok.lower_ in words["couple"] or _lemma(tok) in words["couple"]:
        # 'a couple', 'una pareja' are two; 'su pareja' (one's partner) is one
        return 1 if any(c.morph.get("Poss") == ["Yes"] for c in tok.children) else 2
    if tok.tag_ in {"NNS", "NNPS"} or tok.morph.get("Number") == ["Plur"]:
        return plural if (tok.lower_ in words["body"] or _lemma(tok) in words["body"]) else min(plural, 1)
    return 1


def _conjoined(tok: Any) -> bool:
    noun = tok.head
    return bool(noun.dep_ == "conj" or any(c.dep_ == "conj" for c in noun.children))


def _victims_of(tok: Any, lex: FatalityLexicon) -> list[Any]:
    """Who a death word's victims are in the parse: a verb's object or passive subject (the subject of
    'die'), a noun's 'of' phrase; a headline's label ('Zacatecas: ...') is none, though the parse may make
    it a subject."""
    words = lex.words
    if tok.pos_ == "NOUN":
        victims = [g for c in tok.children if c.lower_ in words["of"] for g in c.children]
    elif _lemma(tok) in words["dies"]:
        victims = [c for c in tok.children if c.dep_ in {"nsubj"}]
    else:
        # 'fueron asesinados': a passive the parser gives a plain subject, its auxiliary 'ser'
        passive = any(c.dep_ in {"aux", "aux:pass"} and _lemma(c) == "ser" for c in tok.children)
        roles = {"dobj", "obj", "nsubjpass", "nsubj:pass"} | ({"nsubj"} if passive else set())
        victims = [c for c in tok.children if c.dep_ in roles]
    return [v for v in victims if not _labels_the_headline(v)]


def _labels_the_headline(tok: Any) -> bool:
    """'Zacatecas: a woman and a man are ...': the word before a colon at the start is the story's label."""
    nxt = tok.i + 1
    return bool(nxt < len(tok.doc) and tok.doc[nxt].text == ":" and tok.i - tok.sent.start <= 3)


PARTICIPLE_ENDINGS = (("ado", "ar"), ("ada", "ar"), ("ido", "ir"), ("ida", "ir"), ("ido", "er"), ("ida", "er"))


def _copular_participle(tok: Any, lex: FatalityLexicon) -> bool:
    """'son ejecutados', 'fueron asesinadas': a Spanish passive the parser makes a copula and an adjective,
    the participle of a death verb (or joined to one that has the copula)."""
    if tok.pos_ != "ADJ" or not any(c.dep_ == "cop" for t in (tok, tok.head) for c in t.children):
        return False
    lemma = _lemma(tok)
    return any(lemma.endswith(end) and lemma[:-len(end)] + verb in lex.words["death_verb"]
               for end, verb in PARTICIPLE_ENDINGS)


def _implicit(sent: Any, lex: FatalityLexicon) -> FatalityCount | None:
    """'gunmen killed a journalist' -> 1; 'killed a man and a woman' -> 2; 'bodies found' -> 2 (the least a
    plural of bodies says); 'killed police officers' -> 1. Every count read here is implicit."""
    words = lex.words
    for tok in sent:
        if _copular_participle(tok, lex):  # 'un hombre y una mujer son torturados y ejecutados'
            victims = [c for t in (tok, tok.head) for c in t.children if c.dep_ in {"nsubj", "nsubj:pass"}]
            victims = [v for v in victims if not _labels_the_headline(v)][:1]
        elif tok.pos_ not in {"VERB", "NOUN"} or not (_is_death(tok, lex) or
                                                      (tok.pos_ == "VERB" and _found_dead(tok, lex))):
            continue  # 'localizan sin vida a un menor': found dead is a death too
        else:
            victims = _victims_of(tok, lex)
        if not victims and tok.pos_ == "VERB" and tok.dep_ == "conj" and tok.head.pos_ == "VERB":
            victims = _victims_of(tok.head, lex)  # 'a woman and a man are tortured and executed': shared
        for v in victims:
            if v.lower_ in words["not_victim"] or _lemma(v) in words["not_victim"]:
                # 'asesinan a balazos a pareja': the victim is below the thing
                v = next((c for c in v.children if c.dep_ in {"nmod", "appos"} and _nominal(c)), v)
            members = _members(v, lex)
            size = sum(_member_size(m, lex) for m in members)
            if size:  # 'a man and a woman' 2, 'a couple' 2, 'police officers' 1
                return FatalityCount(size, size, members[0].idx, members[-1].idx + len(members[-1].text),
                                     implicit=True)
        if tok.pos_ == "VERB" and _lemma(tok) in words["death_verb"]:
            return FatalityCount(1, 1, tok.idx, tok.idx + len(tok.text), implicit=True)
    # a reported killing, body or death with no count: at least one person died; bodies, at least two
    trigger = next((t for t in sent if _is_death(t, lex) or t.lower_ in words["dead"]), None)
    if trigger is not None:
        least = 2 if _member_size(trigger, lex) == 2 and (trigger.lower_ in words["body"] or
                                                          _lemma(trigger) in words["body"]) else 1
        return FatalityCount(least, least, trigger.idx, trigger.idx + len(trigger.text), implicit=True)
    return None
