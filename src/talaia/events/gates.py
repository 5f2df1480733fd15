"""Literal gates: the words a regular expression cannot match without.

A sentence is tried against ~40 date patterns and ~90 trigger phrases. Python's ``re`` scans
a case-insensitive alternation position by position, so even one pattern joining them all
costs as much as trying each; but most patterns need one of a few words ('since', a month's
name, 'ago'), and a substring test for those on the sentence folded once is far cheaper. A
gate is *necessary*, never sufficient: a pattern whose gate is shut cannot match, so skipping
it changes nothing; one whose gate is open is tried as before.

Case is folded as ``re.IGNORECASE`` compares characters (simple lowercase, plus the few
characters ``re`` also treats as equal: 'ſ' and 's', the Kelvin sign and 'k', ...), so a gate
never shuts on a text the pattern would match whatever its case.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from re import _casefix, _constants, _parser  # type: ignore[attr-defined]
from typing import Any


class _CaseFold(dict[int, int]):
    """A ``str.translate`` table, filled as characters are met: each to the smallest character
    that ``re.IGNORECASE`` takes as equal to it."""

    def __missing__(self, code: int) -> int:
        lower = ord(chr(code).lower()[0])  # 'İ' lowers to 'i' + a combining dot: re compares the 'i'
        folded: int = min((lower, *_casefix._EXTRA_CASES.get(lower, ())))
        self[code] = folded
        return folded


_FOLD = _CaseFold()


def fold_case(text: str) -> str:
    """``text`` with each character replaced by its ``re.IGNORECASE`` representative (same length)."""
    return text.lower() if text.isascii() else text.translate(_FOLD)


def required_literals(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """Strings (case folded) one of which every match of ``pattern`` contains, or None when no such
    set is found (a pattern made only of classes, optional parts or look-arounds)."""
    found = _sequence(_parser.parse(pattern.pattern, pattern.flags))
    return None if found is None else tuple(sorted({fold_case(s) for s in found}))


def _sequence(items: Sequence[tuple[Any, Any]]) -> frozenset[str] | None:
    """Every item of a sequence is matched: any item's set will do; the one with the longest
    shortest string is the most telling (runs of literal characters are joined first)."""
    choices: list[frozenset[str]] = []
    run: list[str] = []
    for op, arg in items:
        if op is _constants.LITERAL:
            run.append(chr(arg))
            continue
        if run:
            choices.append(frozenset({"".join(run)}))
            run = []
        found = _node(op, arg)
        if found is not None:
            choices.append(found)
    if run:
        choices.append(frozenset({"".join(run)}))
    return max(choices, key=lambda c: (min(map(len, c)), -len(c)), default=None)


def _node(op: Any, arg: Any) -> frozenset[str] | None:
    if op is _constants.SUBPATTERN:  # (group, flags added, flags removed, body)
        return _sequence(arg[3])
    if op is _constants.ATOMIC_GROUP:
        return _sequence(arg)
    if op in (_constants.MAX_REPEAT, _constants.MIN_REPEAT, _constants.POSSESSIVE_REPEAT):
        low, _, body = arg
        return _sequence(body) if low >= 1 else None
    if op is _constants.BRANCH:  # one of the alternatives: the union of theirs, if each has one
        union: set[str] = set()
        for alternative in arg[1]:
            found = _sequence(alternative)
            if found is None:
                return None
            union |= found
        return frozenset(union)
    if op is _constants.IN and all(kind is _constants.LITERAL for kind, _ in arg):  # [ab]: 'a' or 'b'
        return frozenset(chr(code) for _, code in arg)
    return None  # a class, an anchor, a look-around, a back-reference: nothing required


@dataclass(frozen=True, slots=True)
class Gates:
    """The gates of a list of patterns, tested together: each string some pattern needs is looked for
    once per text (the weekdays' names gate a dozen date patterns)."""

    strings: tuple[str, ...]  # every string some pattern needs, case folded, each once
    needs: tuple[frozenset[int] | None, ...]  # per pattern: the indexes of its strings (None: always open)

    @classmethod
    def of(cls, patterns: Iterable[re.Pattern[str]]) -> Gates:
        literals = [required_literals(p) for p in patterns]
        strings = tuple(sorted({s for found in literals for s in found or ()}))
        index = {s: i for i, s in enumerate(strings)}
        return cls(strings, tuple(None if found is None else frozenset(index[s] for s in found) for found in literals))

    def open(self, text: str) -> list[bool]:
        """Per pattern, whether it may match ``text`` (False: it cannot, a string it needs is missing)."""
        folded = fold_case(text)
        present = {i for i, s in enumerate(self.strings) if s in folded}
        return [needs is None or not needs.isdisjoint(present) for needs in self.needs]
