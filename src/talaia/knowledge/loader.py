"""One typed loader for Talaia's knowledge files: built-in tables, then a user's folders on top.

The tables that exist, their columns and column types are declared in ``tables.tsv``
beside this file (data, like the tables themselves). A file is read once per process and
configuration; what comes out is frozen. Every row remembers the file and line it came
from, so a validation error or an integrity failure names them.
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from talaia.errors import KnowledgeError

PACKAGE = Path(__file__).resolve().parent.parent  # src/talaia
SCHEMA_FILE = Path(__file__).resolve().parent / "tables.tsv"
LANG_DIR = "lang"
CODEBOOK_DIR = "codebook"

_WORD = re.compile(r"^[^\W\d_]+(?:(?:[-' .]|\. )[^\W\d_]+)*$")
_CODE = re.compile(r"^[A-Z]{2}$")


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    type: str  # text, word, lemma, verb, int, regex, codes, ref=T, one=a|b
    key: bool
    optional: bool


@dataclass(frozen=True, slots=True)
class TableSpec:
    name: str
    scope: str  # "lang" or "codebook"
    columns: tuple[Column, ...]
    description: str

    @property
    def key_columns(self) -> tuple[int, ...]:
        marked = tuple(i for i, c in enumerate(self.columns) if c.key)
        return marked or (0,)

    def relative_path(self, lang: str | None) -> Path:
        if self.scope == "lang":
            return Path(LANG_DIR) / str(lang) / f"{self.name}.tsv"
        return Path(CODEBOOK_DIR) / f"{self.name}.tsv"


@dataclass(frozen=True, slots=True)
class Row:
    """One entry: its cells in the table's column order, and where it was read."""

    cells: tuple[str, ...]
    source: str  # "lang/en/triggers.tsv:12" (a user's rows: the user's path)
    lang: str | None = None


@dataclass(frozen=True, slots=True)
class Table:
    spec: TableSpec
    rows: tuple[Row, ...]

    def _index(self, column: str) -> int:
        for i, c in enumerate(self.spec.columns):
            if c.name == column:
                return i
        raise KeyError(f"table {self.spec.name!r} has no column {column!r}")

    def column(self, column: str) -> tuple[str, ...]:
        i = self._index(column)
        return tuple(r.cells[i] for r in self.rows)

    def where(self, **equal: str) -> Table:
        """The rows whose named columns hold the given values."""
        checks = [(self._index(k), v) for k, v in equal.items()]
        return Table(self.spec, tuple(r for r in self.rows if all(r.cells[i] == v for i, v in checks)))

    def words(self, column: str | None = None, **equal: str) -> frozenset[str]:
        """The set of one column's values (the first column by default), optionally filtered."""
        table = self.where(**equal) if equal else self
        return frozenset(table.column(column or self.spec.columns[0].name))

    def mapping(self, key: str, value: str) -> dict[str, str]:
        """key column -> value column; a later row wins (a user's row over a built-in one)."""
        k, v = self._index(key), self._index(value)
        return {r.cells[k]: r.cells[v] for r in self.rows}

    def records(self) -> Iterator[dict[str, str]]:
        names = [c.name for c in self.spec.columns]
        for r in self.rows:
            yield dict(zip(names, r.cells, strict=True))

    def __len__(self) -> int:
        return len(self.rows)


@dataclass(frozen=True, slots=True)
class Knowledge:
    """Every table in use, per language and for the codebook, and a fingerprint of all of it."""

    specs: Mapping[str, TableSpec]
    by_language: Mapping[str, Mapping[str, Table]]
    codebook_tables: Mapping[str, Table]
    fingerprint: str
    files: tuple[str, ...] = field(default=())  # every file read, built-in and user, in reading order

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(self.by_language)

    def table(self, name: str, lang: str | None = None) -> Table:
        """A codebook table, or one language's table (``lang`` required for language tables)."""
        spec = self._spec(name)
        if spec.scope == CODEBOOK_DIR:
            return self.codebook_tables.get(name, Table(spec, ()))
        if lang is None:
            raise KnowledgeError(f"table {name!r} is per language: say which")
        return self.by_language.get(lang, {}).get(name, Table(spec, ()))

    def union(self, name: str) -> Table:
        """A language table's rows in every language, languages in order (English first)."""
        spec = self._spec(name)
        rows = tuple(r for lang in self.languages for r in self.table(name, lang).rows)
        return Table(spec, rows)

    def _spec(self, name: str) -> TableSpec:
        try:
            return self.specs[name]
        except KeyError:
            raise KnowledgeError(f"no knowledge table {name!r}; known: {', '.join(sorted(self.specs))}") from None


# --- reading -----------------------------------------------------------------------------------------


def _data_lines(path: Path) -> Iterator[tuple[int, list[str]]]:
    """(line number, cells) of the non-comment, non-blank lines of a TSV file."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise KnowledgeError(f"not UTF-8 ({exc.reason})", document=str(path)) from None
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        yield number, [cell.strip() for cell in line.rstrip("\r\n").split("\t")]


def _parse_column(spec: str, where: str) -> Column:
    key = spec.startswith("*")
    name, _, kind = spec.lstrip("*").partition(":")
    optional = kind.endswith("?")
    kind = kind.rstrip("?") or "text"
    if not name or not (kind in {"text", "word", "lemma", "verb", "int", "number", "regex", "codes"} or
                        kind.startswith(("ref=", "one="))):
        raise KnowledgeError(f"bad column spec {spec!r}", document=where)
    return Column(name, kind, key, optional)


@functools.cache
def table_specs() -> Mapping[str, TableSpec]:
    specs: dict[str, TableSpec] = {}
    lines = _data_lines(SCHEMA_FILE)
    next(lines, None)  # header
    for number, cells in lines:
        where = f"{SCHEMA_FILE.name}:{number}"
        if len(cells) != 4 or cells[1] not in {"lang", CODEBOOK_DIR}:
            raise KnowledgeError("expected: table, scope (lang|codebook), columns, description", document=where)
        columns = tuple(_parse_column(c, where) for c in cells[2].split())
        specs[cells[0]] = TableSpec(cells[0], cells[1], columns, cells[3])
    return specs


def _fold(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _read_table(spec: TableSpec, path: Path, label: str, lang: str | None, patterns: bool = True) -> list[Row]:
    """The rows of one table file, each cell checked; ``patterns=False`` leaves regex cells uncompiled
    (the packaged tables: a test compiles theirs, which saves ~1,200 compilations at every start)."""
    lines = _data_lines(path)
    first = next(lines, None)
    expected = [c.name for c in spec.columns]
    if first is None:
        return []
    number, header = first
    if header != expected:
        raise KnowledgeError(f"header is {' | '.join(header)}; expected {' | '.join(expected)}",
                             document=f"{label}:{number}")
    rows: list[Row] = []
    for number, cells in lines:
        where = f"{label}:{number}"
        if len(cells) > len(expected):
            raise KnowledgeError(f"{len(cells)} cells, the table has {len(expected)} columns (a stray tab?)",
                                 document=where)
        cells = [_fold(c) for c in cells] + [""] * (len(expected) - len(cells))
        for column, cell in zip(spec.columns, cells, strict=True):
            problem = _check_cell(column, cell, patterns)
            if problem:
                raise KnowledgeError(f"column {column.name!r}: {problem}", document=where)
        rows.append(Row(tuple(cells), where, lang))
    return rows


def _check_cell(column: Column, cell: str, patterns: bool = True) -> str | None:
    """Checks that need no other table (refs and function words are checked once all is read)."""
    if not cell:
        return None if column.optional else "empty"
    kind = column.type
    if kind in {"word", "lemma", "verb"} and not _WORD.match(cell):
        return f"{cell!r} is not a word (letters, with single spaces, hyphens, apostrophes or dots inside)"
    if kind in {"lemma", "verb"} and cell != cell.lower():
        return f"{cell!r}: lemmas are lowercase"
    if kind == "int" and not re.fullmatch(r"-?\d+", cell):
        return f"{cell!r} is not a whole number"
    if kind == "number" and not re.fullmatch(r"-?\d+(?:\.\d+)?(?:[eE]-?\d+)?", cell):
        return f"{cell!r} is not a number"
    if kind == "regex" and patterns:
        try:
            re.compile(cell, re.IGNORECASE)
        except re.error as exc:
            return f"not a valid regular expression: {exc}"
    if kind == "codes" and not all(_CODE.match(c) for c in cell.split()):
        return f"{cell!r}: expected two-letter country codes separated by spaces"
    if kind.startswith("one="):
        allowed = kind[4:].split("|")
        if cell not in allowed:
            return f"{cell!r} is not one of {', '.join(allowed)}"
    return None


def _merge(base: list[Row], extra: list[Row], spec: TableSpec) -> list[Row]:
    """A user's rows replace built-in rows with the same key, in their place (order can matter: rules,
    priorities, patterns); the other user rows are added at the end."""
    keys = spec.key_columns
    replacing = {tuple(r.cells[i] for i in keys): r for r in extra}
    merged = [replacing.pop(tuple(r.cells[i] for i in keys), r) for r in base]
    return merged + list(replacing.values())


def _table_files(root: Path, specs: Mapping[str, TableSpec], user: bool) -> Iterator[tuple[TableSpec, str | None,
                                                                                             Path]]:
    """(spec, language, path) of every table file under a knowledge root; unknown files are errors."""
    lang_root, codebook_root = root / LANG_DIR, root / CODEBOOK_DIR
    if user and not lang_root.is_dir() and not codebook_root.is_dir():
        raise KnowledgeError(f"a knowledge folder holds {LANG_DIR}/<code>/*.tsv and/or {CODEBOOK_DIR}/*.tsv; "
                             f"found neither", document=str(root))
    for path in sorted(lang_root.glob("*/*.tsv")) + sorted(codebook_root.glob("*.tsv")):
        scope = LANG_DIR if path.parent.parent == lang_root else CODEBOOK_DIR
        spec = specs.get(path.stem)
        if spec is None or spec.scope != scope:
            known = sorted(s.name for s in specs.values() if s.scope == scope)
            raise KnowledgeError(f"unknown {scope} table {path.stem!r}; known: {', '.join(known)}",
                                 document=str(path))
        yield spec, (path.parent.name if scope == LANG_DIR else None), path


@functools.cache
def load_knowledge(user_dirs: tuple[str, ...] = ()) -> Knowledge:
    """The built-in knowledge with each user folder layered on top, in order; cached per folders."""
    specs = table_specs()
    rows: dict[tuple[str | None, str], list[Row]] = {}
    digest = hashlib.sha256()
    files: list[str] = []
    roots = [(PACKAGE, False)] + [(Path(d), True) for d in user_dirs]
    for root, user in roots:
        if user and not root.is_dir():
            raise KnowledgeError("no such knowledge folder", document=str(root))
        for spec, lang, path in _table_files(root, specs, user):
            label = str(path) if user else path.relative_to(PACKAGE).as_posix()
            found = _read_table(spec, path, label, lang, patterns=user)
            _check_unique(spec, found)
            slot = (lang, spec.name)
            rows[slot] = _merge(rows.get(slot, []), found, spec) if user else rows.get(slot, []) + found
            digest.update(spec.relative_path(lang).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
            files.append(label)
    languages = sorted({lang for lang, _ in rows if lang is not None}, key=lambda c: (c != "en", c))
    by_language = {lang: {name: Table(specs[name], tuple(r)) for (lg, name), r in rows.items() if lg == lang}
                   for lang in languages}
    codebook = {name: Table(specs[name], tuple(r)) for (lg, name), r in rows.items() if lg is None}
    knowledge = Knowledge(specs, by_language, codebook, digest.hexdigest(), tuple(files))
    _check_references(knowledge)
    return knowledge


def _check_unique(spec: TableSpec, rows: Sequence[Row]) -> None:
    seen: dict[tuple[str, ...], str] = {}
    for r in rows:
        key = tuple(r.cells[i] for i in spec.key_columns)
        if key in seen:
            raise KnowledgeError(f"{' / '.join(key)!r} is already listed at {seen[key]}", document=r.source)
        seen[key] = r.source


def _check_references(knowledge: Knowledge) -> None:
    """ref= columns name an existing key; lemma columns hold no function word of their language."""
    tables = [*knowledge.codebook_tables.values(), *(t for lang in knowledge.by_language.values()
                                                     for t in lang.values())]
    function_words = {lang: knowledge.table("function_words", lang).words() for lang in knowledge.languages
                      if "function_words" in knowledge.specs}
    for table in tables:
        for i, column in enumerate(table.spec.columns):
            if column.type.startswith("ref="):
                target = knowledge.specs.get(column.type[4:])
                if target is None:
                    raise KnowledgeError(f"column {column.name!r} refers to unknown table {column.type[4:]!r}")
                keys = (knowledge.union(target.name) if target.scope == LANG_DIR
                        else knowledge.table(target.name)).words()
                for r in table.rows:
                    if r.cells[i] and r.cells[i] not in keys:
                        raise KnowledgeError(f"column {column.name!r}: {r.cells[i]!r} is not a key of "
                                             f"{target.name}", document=r.source)
            if column.type in {"lemma", "verb"}:
                for r in table.rows:
                    if r.cells[i] in function_words.get(r.lang or "", frozenset()):
                        raise KnowledgeError(f"column {column.name!r}: {r.cells[i]!r} is a function word, "
                                             f"not a content lemma", document=r.source)
