"""Fatalities under ACLED's rules, read from one sentence's parse.

* a count attached to a death word counts ("killed 14 officers", "14 people died",
  "the deaths of 14 alleged cartel members", "death toll rose to 16", "5 muertos");
* injuries are not deaths ("3 killed and 5 wounded" is 3);
* counts of different victim groups of one killing add up ("two soldiers and three
  civilians were killed" is 5);
* different figures for the same deaths keep the lowest as ``fatalities`` and the
  highest as ``fatalities_high``; "at least 14" is 14; "between 10 and 15" is 10-15;
* vague quantities: "several" 3, "dozens" 12, "hundreds" 100; a single victim is 1.

The words and patterns are data: ``lang/<code>/fatality_words.tsv``, ``fatality_patterns.tsv``
and the number words of ``numbers.tsv``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from talaia.events.tables import NOTHING, alternation, by_role, ordered
from talaia.knowledge import Knowledge
from talaia.nlp.numbers import NumberWords

_NUM = r"(\d{1,3}(?:,\d{3})*|\w+)"
_SIGNS = r"%|[$€£]"  # percent and currency signs: money or a share, in any language


@dataclass(frozen=True, slots=True)
class FatalityLexicon:
    words: Mapping[str, frozenset[str]]  # fatality_words role -> words
    months: frozenset[str]  # month names, lowercase: '10 de mayo' is a date
    numbers: NumberWords  # every language's, for a document in a language without its own
    numbers_by_language: Mapping[str, NumberWords]  # 'once' is 11 only in Spanish
    death_after: re.Pattern[str]  # "7 killed"
    bodies_after: re.Pattern[str]  # "3 bodies"
    death_before: re.Pattern[str]  # "kills 20"
    range: re.Pattern[str]  # "between 10 and 15", "10-15"
    and_one: re.Pattern[str]  # "and a woman"
    calendar: re.Pattern[str]
    units: re.Pattern[str]

    @classmethod
    def from_knowledge(cls, knowledge: Knowledge, numbers: NumberWords) -> FatalityLexicon:
        words = by_role(knowledge.union("fatality_words"), "word", "role")
        patterns = knowledge.union("fatality_patterns")

        def alt(role: str) -> str:
            return alternation(ordered(patterns, "pattern", role=role)) or NOTHING

        def word_alt(role: str) -> str:
            return alternation(ordered(knowledge.union("fatality_words"), "word", role=role), escape=True) or NOTHING

        return cls(
            words=MappingProxyType(words),
            months=frozenset(w.lower() for w in knowledge.union("months").column("word")),
            numbers=numbers,
            numbers_by_language=MappingProxyType(
                {lang: NumberWords.from_knowledge(knowledge, lang) for lang in knowledge.languages
                 if len(knowledge.table("numbers", lang))}),
            death_after=re.compile(r"\b" + _NUM + r"(?: (?:" + alt("victims") + r"))? (?:" + alt("death_after") +
                                   r")\b", re.IGNORECASE),
            bodies_after=re.compile(r"\b" + _NUM + r"(?: [\w-]+)? (?:" + alt("bodies") + r")\b", re.IGNORECASE),
            death_before=re.compile(r"\b(?:" + alt("death_before") + r") " + _NUM + r"\b", re.IGNORECASE),
            range=re.compile(r"\b(?:" + word_alt("range_from") + r") (\w+) (?:" + word_alt("range_and") +
                             r") (\w+)\b|\b(\d+)\s*(?:-|–|" + word_alt("range_to") + r")\s*(\d+)\b", re.IGNORECASE),
            and_one=re.compile(r"\s*,?\s+(?:" + word_alt("and") + r")\s+(?:" + word_alt("one") + r")\s+(\w+)",
                               re.IGNORECASE),
            calendar=re.compile(r"\b(?:" + alt("calendar") + ")", re.IGNORECASE),
            units=re.compile(_SIGNS + "|" + alt("unit"), re.IGNORECASE),
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


def _lemma(tok: Any) -> str:
    return str(tok.lemma_).lower()


def _is_death(tok: Any, lex: FatalityLexicon) -> bool:
    words = lex.words
    lemma = _lemma(tok)
    if lemma in words["needs_death_word"]:  # "claimed 5 lives", "left 5 dead": only with a death word nearby
        return any(_lemma(c) in words["death_word"] or c.lower_ in words["left_dead"] for c in tok.subtree)
    return lemma in words["death_verb"] or tok.lower_ in words["death_noun"] or lemma in words["death_noun"]


def _number_value(tok: Any, lex: FatalityLexicon) -> int | None:
    numbers = lex.numbers_for(tok.doc.lang_)
    parse = numbers.parse
    if tok.like_num or tok.pos_ == "NUM" or tok.lower_ in numbers.vague or tok.lower_ in lex.words["dozen"]:
        words = [tok]
        # "twenty - one", "a dozen"
        left = tok.i - 1
        while left >= tok.sent.start and (tok.doc[left].like_num or tok.doc[left].lower_ == "-" or
                                          tok.doc[left].lower_ in lex.words["number_article"]) \
                and tok.doc[left].dep_ in {"nummod", "compound", "quantmod", "punct", "det"} \
                and tok.doc[left].head.i == tok.i:
            words.insert(0, tok.doc[left])
            left -= 1
        return parse(" ".join(w.text for w in words)) or parse(tok.text)
    return None


def _path_to_death(num: Any, lex: FatalityLexicon, limit: int = 4) -> bool:
    """Does the number quantify the victims of a death word (walking up the tree)?"""
    injury, found_dead = lex.words["injury"], lex.words["found_dead"]
    tok = num
    for _ in range(limit):
        head = tok.head
        if head is tok:
            return False
        if _lemma(head) in injury or head.lower_ in injury:
            return False
        if _is_death(head, lex):
            return True
        if any(_is_death(c, lex) and c.i != num.i and c.dep_ in {"amod", "acl", "relcl", "xcomp", "appos"}
               for c in head.children):  # "14 dead", "5 people killed"
            return True
        if head.pos_ in {"VERB", "AUX"} and any(c.lower_ in found_dead for c in head.children):
            return True  # "3 brothers found dead"
        if head.pos_ in {"VERB", "AUX"} and head.dep_ not in {"relcl", "acl", "conj", "xcomp", "ccomp"}:
            return _is_death(head, lex)
        tok = head
    return False


def count_fatalities(sent: Any, lethal: bool, lexicon: FatalityLexicon) -> FatalityCount | None:
    """The death count of one sentence, or None when it reports none."""
    counts: list[tuple[int, Any]] = []
    for tok in sent:
        value = _number_value(tok, lexicon)
        if value is None or value > 100000 or _looks_like_date(tok, lexicon) or _injured_next(tok, lexicon) or \
                _counts_things(tok, lexicon):
            continue
        if _path_to_death(tok, lexicon):
            counts.append((value, tok))
    if counts:
        return _combine(counts, sent, lexicon)
    surface = _adjacent_count(sent, lexicon)
    if surface is not None:
        return surface
    if lethal:
        return _implicit(sent, lexicon)
    return None


def _counts_things(tok: Any, lex: FatalityLexicon) -> bool:
    """The number counts bullets, hours, attacks or years, not people."""
    things = lex.words["not_victim"]
    head = tok.head
    if tok.dep_ in {"nummod", "quantmod"} or head.i == tok.i + 1:
        return head.lower_ in things or _lemma(head) in things
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return nxt is not None and nxt.lower_ in things


def _adjacent_count(sent: Any, lex: FatalityLexicon) -> FatalityCount | None:
    """Headlines parse badly: a number right next to a death word ("Prison riot kills 20", "7 killed")."""
    for pattern in (lex.death_after, lex.bodies_after, lex.death_before):
        for m in pattern.finditer(sent.text):
            value = lex.numbers_for(sent.doc.lang_).parse(m.group(1))
            if value is None or value == 0 or value > 100000:
                continue
            start = sent.start_char + m.start(1)
            span = sent.doc.char_span(start, sent.start_char + m.end(1), alignment_mode="expand")
            if span is not None and (_looks_like_date(span.root, lex) or _counts_things(span.root, lex)):
                continue
            return FatalityCount(value, value, start, sent.start_char + m.end(1))
    return None


def _injured_next(tok: Any, lex: FatalityLexicon) -> bool:
    """'... and three wounded': a count followed by an injury word counts the injured."""
    following = tok.doc[tok.i + 1:tok.i + 3]
    injury = lex.words["injury"]
    return any(t.lower_ in injury or _lemma(t) in injury for t in following)


def _looks_like_date(tok: Any, lex: FatalityLexicon) -> bool:
    doc = tok.doc
    months = lex.months
    after = [t.lower_ for t in doc[tok.i + 1:tok.i + 3]]
    before = doc[tok.i - 1].lower_.rstrip(".") if tok.i > 0 else ""
    if (after and after[0] in months) or (after[:1] and after[0] in lex.words["month_link"] and after[1:] and
                                          after[1] in months) or \
            before in months:  # "10 de mayo", "May 10" (also streets named so)
        return True
    if tok.like_num and len(tok.text) == 4 and tok.text.isdigit() and 1900 <= int(tok.text) <= 2100:
        return True
    if tok.ent_type_ in {"MONEY", "PERCENT"}:  # the small model tags "4 Slain" PERCENT: trust only real units
        ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
        return ent is None or bool(lex.units.search(ent.text))
    if tok.ent_type_ in {"DATE", "TIME"}:
        ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
        return ent is None or bool(lex.calendar.search(ent.text))
    return False


def _combine(counts: list[tuple[int, Any]], sent: Any, lex: FatalityLexicon) -> FatalityCount:
    start = min(t.idx for _, t in counts)
    end = max(t.idx + len(t.text) for _, t in counts)
    rng = lex.range.search(sent.text)
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
        while anchor.dep_ == "conj" and anchor.head is not anchor:
            anchor = anchor.head
        key = anchor.head.i if anchor.dep_ in {"nsubjpass", "nsubj", "dobj", "obj", "pobj"} else anchor.i
        groups[key] = groups.get(key, 0) + value if _conjoined(tok) else max(groups.get(key, 0), value)
    if len(groups) == 1 and len(counts) == 1:
        key = next(iter(groups))
        groups[key] += _singular_partners(counts[0][1], lex)
    values = sorted(groups.values())
    return FatalityCount(values[0], values[-1], start, end)


def _singular_partners(num: Any, lex: FatalityLexicon) -> int:
    """'3 men and a woman': one more victim joined to a counted group with only an article."""
    noun = num.head if num.head.i > num.i else num
    sent = num.sent
    m = lex.and_one.match(sent.text, noun.idx + len(noun.text) - sent.start_char)
    return 1 if m and m.group(1).lower() in lex.words["victim"] else 0


def _conjoined(tok: Any) -> bool:
    noun = tok.head
    return bool(noun.dep_ == "conj" or any(c.dep_ == "conj" for c in noun.children))


def _implicit(sent: Any, lex: FatalityLexicon) -> FatalityCount | None:
    """'gunmen killed a journalist' -> 1; 'killed police officers' -> 2 (the least a plural says)."""
    words = lex.words
    for tok in sent:
        if not _is_death(tok, lex) or tok.pos_ not in {"VERB", "NOUN"}:
            continue
        victims = [c for c in tok.children if c.dep_ in {"dobj", "obj", "nsubjpass", "nsubj:pass"}]
        if _lemma(tok) in words["dies"]:
            victims = [c for c in tok.children if c.dep_ in {"nsubj"}]
        if tok.pos_ == "NOUN":
            victims = [g for c in tok.children if c.lower_ in words["of"] for g in c.children]
        for v in victims:
            if v.lower_ in words["victim"] or _lemma(v) in words["victim"] or v.ent_type_ in {"PERSON", "PER"}:
                return FatalityCount(1, 1, v.idx, v.idx + len(v.text), implicit=True)
            if v.lower_ in words["couple"]:
                return FatalityCount(2, 2, v.idx, v.idx + len(v.text), implicit=True)
            if v.tag_ in {"NNS", "NNPS"} or v.morph.get("Number") == ["Plur"]:
                return FatalityCount(2, 2, v.idx, v.idx + len(v.text), implicit=True)
        if tok.pos_ == "VERB" and _lemma(tok) in words["death_verb"]:
            return FatalityCount(1, 1, tok.idx, tok.idx + len(tok.text), implicit=True)
    # a reported killing, body or death with no count: at least one person died
    trigger = next((t for t in sent if _is_death(t, lex) or t.lower_ in words["dead"]), None)
    if trigger is not None:
        return FatalityCount(1, 1, trigger.idx, trigger.idx + len(trigger.text), implicit=True)
    return None
