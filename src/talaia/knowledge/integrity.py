"""Integrity checks over the knowledge in use, in the spirit of dateparser's data tests.

What the loader already refuses (it raises at once, naming file and line): a duplicate key
in one file, a cell of the wrong type (a lemma with a dot, a junk regex), a function word
in a lemma column, a reference to a key that does not exist.

What is checked here, over whole tables:

* **language**: a word in ``lang/es/`` that is clearly English (or the reverse), judged by
  word frequencies in each language (wordfreq), so English and Spanish stay apart;
* **agreement**: lists of one concept agree, as declared in ``codebook/agreements.tsv``
  (every lethal trigger is a death word for the fatality reader, every speech verb the
  quote reader knows is a certainty cue, ...);
* **lemmas** (optional, needs a lemmatizer): entries of ``verb`` columns are verb lemmas.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from talaia.knowledge.loader import LANG_DIR, Knowledge, Table

# a word this much more frequent (Zipf scale) in the other language, and not common in its own, is misfiled
MISFILED_MARGIN = 1.5
MISFILED_OWN_CEILING = 4.0

REAL_WORD_ZIPF = 2.0  # a lemma at least this frequent is a real word

Lemmatizer = Callable[[str, str], str]  # (word, language) -> its lemma as a verb


@dataclass(frozen=True, slots=True)
class Problem:
    source: str  # "lang/es/speech_verbs.tsv:14"
    check: str  # language | agreement | lemma
    message: str

    def __str__(self) -> str:
        return f"{self.source}: {self.check}: {self.message}"


def check_knowledge(knowledge: Knowledge, lemmatizer: Lemmatizer | None = None) -> list[Problem]:
    """Every problem found; an empty list means the knowledge is consistent."""
    problems = list(_misfiled(knowledge))
    problems += _disagreements(knowledge)
    if lemmatizer is not None:
        problems += _non_lemmas(knowledge, lemmatizer)
    return problems


def _language_tables(knowledge: Knowledge) -> Iterator[tuple[str, Table]]:
    for lang, tables in knowledge.by_language.items():
        for table in tables.values():
            yield lang, table


def _misfiled(knowledge: Knowledge) -> Iterator[Problem]:
    from wordfreq import zipf_frequency

    languages = knowledge.languages
    for lang, table in _language_tables(knowledge):
        others = [o for o in languages if o != lang]
        columns = [i for i, c in enumerate(table.spec.columns) if c.type in {"word", "lemma", "verb"}]
        for row in table.rows:
            for i in columns:
                word = row.cells[i].lower()
                if not word or " " in word:
                    continue
                own = zipf_frequency(word, lang)
                for other in others:
                    theirs = zipf_frequency(word, other)
                    if theirs - own >= MISFILED_MARGIN and own < MISFILED_OWN_CEILING:
                        yield Problem(row.source, "language",
                                      f"{word!r} reads as {other} (Zipf {theirs:.1f}) more than {lang} ({own:.1f}); "
                                      f"move it to {LANG_DIR}/{other}/{table.spec.name}.tsv")


def _rows_matching(table: Table, condition: str) -> Table:
    """``kind=kill|die|dead``: rows whose column holds one of the values; empty condition: all rows."""
    if not condition:
        return table
    column, _, values = condition.partition("=")
    wanted = set(values.split("|"))
    index = [c.name for c in table.spec.columns].index(column)
    return type(table)(table.spec, tuple(r for r in table.rows if r.cells[index] in wanted))


def _disagreements(knowledge: Knowledge) -> Iterator[Problem]:
    if "agreements" not in knowledge.specs:
        return
    for rule in knowledge.table("agreements").records():
        source_table, _, source_column = rule["entries"].partition(".")
        target_table, _, target_column = rule["within"].partition(".")
        scope = knowledge.specs[source_table].scope
        langs: list[str | None] = list(knowledge.languages) if scope == LANG_DIR else [None]
        for lang in langs:
            entries = _rows_matching(knowledge.table(source_table, lang), rule["where"])
            target = _rows_matching(knowledge.table(target_table, lang if knowledge.specs[target_table].scope
                                                     == LANG_DIR else None), rule["within_where"])
            known = {_key(v, rule["match"]) for v in target.column(target_column)}
            index = [c.name for c in entries.spec.columns].index(source_column)
            for row in entries.rows:
                if _key(row.cells[index], rule["match"]) not in known:
                    yield Problem(row.source, "agreement",
                                  f"{row.cells[index]!r} is not in {target_table}.{target_column}"
                                  f"{' where ' + rule['within_where'] if rule['within_where'] else ''} "
                                  f"({rule['name']}: {rule['why']})")


def _key(value: str, match: str) -> str:
    """How two lists are compared: exactly, or ignoring case (``case``)."""
    return value.lower() if match == "case" else value


def _non_lemmas(knowledge: Knowledge, lemmatizer: Lemmatizer) -> Iterator[Problem]:
    """A verb entry whose lemma is another real word ('figures' -> 'figure'); a lemmatizer's slip that
    gives a non-word ('stress' -> 'stres') is not held against the entry."""
    from wordfreq import zipf_frequency

    for lang, table in _language_tables(knowledge):
        for i, column in enumerate(table.spec.columns):
            if column.type != "verb":
                continue
            for row in table.rows:
                word = row.cells[i]
                if not word or re.search(r"\s", word):
                    continue
                lemma = lemmatizer(word, lang)
                if lemma != word and zipf_frequency(lemma, lang) >= REAL_WORD_ZIPF:
                    yield Problem(row.source, "lemma", f"{word!r} is not a verb lemma "
                                  f"(the {lang} lemmatizer gives {lemma!r})")
