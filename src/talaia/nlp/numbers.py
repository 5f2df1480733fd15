"""Numbers written in words or digits, with ACLED's vague-quantity values; the words are data.

The number words of each language are in ``lang/<code>/numbers.tsv``: units add up
("twenty one"), scales multiply ("two hundred"), vague quantities take ACLED's fixed
conservative figure ("several" 3, "dozens" 12), an article alone counts one ("a dozen" is 12).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from talaia.knowledge import Knowledge, Table

_DIGITS = re.compile(r"^\d{1,3}(?:[,.]\d{3})+$|^\d+$")


@dataclass(frozen=True, slots=True)
class NumberWords:
    units: Mapping[str, int]
    scales: Mapping[str, int]
    vague: Mapping[str, int]
    articles: frozenset[str]
    connectors: frozenset[str]

    @classmethod
    def from_table(cls, table: Table) -> NumberWords:
        by_kind: dict[str, dict[str, int]] = {}
        for row in table.records():
            by_kind.setdefault(row["kind"], {})[row["word"]] = int(row["value"])
        articles = by_kind.get("article", {})
        return cls(
            units={**by_kind.get("unit", {}), **articles}, scales=by_kind.get("scale", {}),
            vague=by_kind.get("vague", {}), articles=frozenset(articles),
            connectors=frozenset(by_kind.get("connector", {})),
        )

    @classmethod
    def from_knowledge(cls, knowledge: Knowledge, lang: str | None = None) -> NumberWords:
        """One language's number words, or every language's (``lang=None``)."""
        return cls.from_table(knowledge.table("numbers", lang) if lang else knowledge.union("numbers"))

    def parse(self, text: str) -> int | None:
        """'14', '1,200', 'fourteen', 'twenty-one', 'a dozen', 'veintidós', 'dozens' -> int; else None."""
        t = text.strip().lower().replace("\u2013", "-")
        if not t:
            return None
        if _DIGITS.match(t):
            return int(re.sub(r"[,.]", "", t))
        if t in self.vague:
            return self.vague[t]
        words = [w for w in re.split(r"[\s-]+", t) if w and w not in self.connectors]
        if not words:
            return None
        total, current = 0, 0
        for w in words:
            if w in self.units:
                current += self.units[w]
            elif w in self.scales:
                current = max(current, 1) * self.scales[w]
                if self.scales[w] >= 1000:
                    total, current = total + current, 0
            elif _DIGITS.match(w):
                current += int(re.sub(r"[,.]", "", w))
            else:
                return None
        value = total + current
        # "a"/"an" alone mean one; "a dozen" means 12, not 13
        if len(words) >= 2 and words[0] in self.articles:
            value -= 1
        return value
