"""Reading the events stage's knowledge tables: word sets by role, patterns joined in row order.

Every language's rows are read together (``Knowledge.union``, English first): a document's
words are looked up in every language's lists, as they always were.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterable, Mapping
from typing import TypeVar

from talaia.errors import KnowledgeError
from talaia.knowledge import Table

K = TypeVar("K", bound=Hashable)
NOTHING = "(?!)"  # a pattern that matches nowhere: what an empty list of patterns finds


def by_role(table: Table, column: str, role: str) -> dict[str, frozenset[str]]:
    """role -> the set of one column's values in the rows with that role; every role the table
    declares (``one=a|b``) is there, empty when no row has it."""
    declared = next(c.type for c in table.spec.columns if c.name == role)
    out: dict[str, set[str]] = {r: set() for r in declared[4:].split("|")} if declared.startswith("one=") else {}
    for row in table.records():
        out.setdefault(row[role], set()).add(row[column])
    return {k: frozenset(v) for k, v in out.items()}


def ordered(table: Table, column: str, **equal: str) -> tuple[str, ...]:
    """One column's values in row order, each once."""
    return tuple(dict.fromkeys((table.where(**equal) if equal else table).column(column)))


def alternation(patterns: Iterable[str], escape: bool = False) -> str:
    """'a|b|c' from patterns (or plain words, escaped), in the order given."""
    return "|".join(re.escape(p) if escape else p for p in patterns)


def any_word(patterns: Iterable[str], escape: bool = False) -> re.Pattern[str]:
    r"""One pattern, ignoring case, that finds any of the patterns as whole words: \b(?:a|b)\b (none: nothing)."""
    body = alternation(patterns, escape)
    return re.compile(r"\b(?:" + body + r")\b" if body else NOTHING, re.IGNORECASE)


def require(found: Mapping[K, object], names: Iterable[K], table: str) -> None:
    """Knowledge the code cannot do without: a table's missing roles or tags are an error."""
    missing = [str(n) for n in names if n not in found]
    if missing:
        raise KnowledgeError(f"table {table!r} lacks {', '.join(missing)}")
