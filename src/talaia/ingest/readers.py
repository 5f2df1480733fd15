"""Readers for every accepted input form, yielding Documents or per-document errors.

Forms (detected by extension, then by content): JSON Lines of documents (SCHEMA.md),
plain text whose first line may be ``date YYYY-MM-DD`` (the seed's form), HTML (main
text by trafilatura), folders (recursive) and ``-`` for standard input. A bad document
becomes a :class:`~talaia.errors.DocumentError` in the stream, never an exception that
stops the others.
"""

from __future__ import annotations

import codecs
import datetime as dt
import json
import re
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from talaia.errors import (
    BadRecordError,
    BinaryDocumentError,
    DocumentError,
    DocumentTooLargeError,
    EmptyDocumentError,
    EncodingError,
    InputError,
    MalformedRecordError,
)
from talaia.models import Document

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".json"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
_DATE_LINE = re.compile(r"\A\s*date[ \t]*:?[ \t]*(\d{4}-\d{2}-\d{2})[ \t]*(?:\r?\n)?", re.IGNORECASE)

Item = Document | DocumentError
# text with a byte-order mark of UTF-16 or UTF-32 (what some Windows tools save) is decoded as that;
# UTF-32 first: its little-endian mark begins with UTF-16's
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))


@dataclass(frozen=True, slots=True)
class ReadOptions:
    max_bytes: int = DEFAULT_MAX_BYTES
    language: str | None = None  # force a language for every document


def parse_published(value: Any) -> dt.date | None:
    """``YYYY-MM-DD`` or an ISO datetime to a date; None for null or unparseable values."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None


def iter_documents(paths: Sequence[str], options: ReadOptions | None = None) -> Iterator[Item]:
    """Every document of every input path, in order. Raises InputError for a path that does not exist."""
    opts = options or ReadOptions()
    for raw in paths:
        if raw == "-":
            yield from _read_stream(sys.stdin.buffer, "<stdin>", "stdin", opts)
            continue
        path = Path(raw)
        if path.is_dir():
            for file in sorted(p for p in path.rglob("*") if p.is_file() and not _hidden(p, path)):
                yield from _read_file(file, file.relative_to(path).as_posix(), opts)
        elif path.is_file():
            yield from _read_file(path, path.name, opts)
        else:
            raise InputError(f"no such file or folder: {raw}", document=raw)


def missing_inputs(paths: Sequence[str]) -> list[str]:
    """The paths of ``paths`` that are neither ``-`` nor an existing file or folder."""
    return [p for p in paths if p != "-" and not Path(p).is_file() and not Path(p).is_dir()]


def count_documents(paths: Sequence[str]) -> int | None:
    """How many documents (and per-document errors) :func:`iter_documents` will yield, counted
    cheaply without parsing: a line per non-blank line of JSON Lines, one per other file.
    None when it cannot be known beforehand (standard input). Missing paths count 0."""
    total = 0
    for raw in paths:
        if raw == "-":
            return None
        path = Path(raw)
        if path.is_dir():
            total += sum(_count_file(p) for p in path.rglob("*") if p.is_file() and not _hidden(p, path))
        elif path.is_file():
            total += _count_file(path)
    return total


def _count_file(path: Path) -> int:
    try:
        with open(path, "rb") as fh:
            head = fh.read(4096)
            if _form(path, head) != "jsonl":
                return 1
            count = 0
            for line in _lines(fh, head, limit=4096):  # a long line is not blank: its length is enough
                if isinstance(line, int) or line.strip():
                    count += 1
            return count
    except OSError:
        return 1


# a folder's notes about itself, not news reports: read only when named on their own
_FOLDER_NOTES = frozenset({"readme", "license", "licence", "copying", "attribution", "notice", "authors",
                           "changelog", "contributing", "credits"})


def _hidden(path: Path, root: Path) -> bool:
    """Whether a folder's file is left out of its documents: hidden files and folders, and the folder's
    licence, readme and attribution files (``ATTRIBUTION.md``, ``LICENSE``, ``README.txt``)."""
    return any(part.startswith(".") for part in path.relative_to(root).parts) \
        or path.name.split(".")[0].lower() in _FOLDER_NOTES


def _read_file(path: Path, doc_id: str, opts: ReadOptions) -> Iterator[Item]:
    label = str(path)
    try:
        size = path.stat().st_size
        if size > opts.max_bytes and _form(path, b"") != "jsonl":
            yield DocumentTooLargeError(
                f"{size:,} bytes is over the limit of {opts.max_bytes:,} (--max-bytes)",
                document=label, doc_id=doc_id,
            )
            return
        with open(path, "rb") as fh:
            yield from _read_stream(fh, label, doc_id, opts, suffix=path.suffix.lower())
    except OSError as exc:
        yield DocumentError(f"cannot read: {exc.strerror or exc}", document=label, doc_id=doc_id)


def _read_stream(fh: BinaryIO, label: str, doc_id: str, opts: ReadOptions, suffix: str = "") -> Iterator[Item]:
    head = fh.read(4096)
    form = _form(Path("x" + suffix), head)
    if form == "jsonl":
        yield from _read_jsonl(fh, head, label, opts)
        return
    data = head + fh.read(opts.max_bytes + 1 - len(head))
    if len(data) > opts.max_bytes:
        yield DocumentTooLargeError(
            f"over the limit of {opts.max_bytes:,} bytes (--max-bytes)", document=label, doc_id=doc_id
        )
        return
    try:
        text = _decode(data, label, doc_id)
    except DocumentError as err:
        yield err
        return
    if form == "html" or (form == "sniff" and _looks_like_html(text)):
        yield document_from_html(text, label, doc_id, opts)
    else:
        yield _from_text(text, label, doc_id, opts)


def _form(path: Path, head: bytes) -> str:
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in HTML_SUFFIXES:
        return "html"
    if head.lstrip().startswith(b"{"):
        first = head.lstrip().split(b"\n", 1)[0]
        if first.rstrip().endswith(b"}") or b'"text"' in head:
            return "jsonl"
    return "sniff"


def _looks_like_html(text: str) -> bool:
    start = text.lstrip()[:512].lower()
    return start.startswith(("<!doctype html", "<html", "<?xml")) or bool(
        re.search(r"<(html|body|article|p|div)[\s>]", start)
    )


def _decode(data: bytes, label: str, doc_id: str) -> str:
    if not data.strip():
        raise EmptyDocumentError("the file is empty", document=label, doc_id=doc_id)
    encoding = next((name for bom, name in _BOMS if data.startswith(bom)), "utf-8-sig")
    if encoding == "utf-8-sig" and b"\x00" in data[:8192]:
        raise BinaryDocumentError("contains NUL bytes: a binary file, not text", document=label, doc_id=doc_id)
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        name = "UTF-8" if encoding == "utf-8-sig" else encoding.upper()
        raise EncodingError(
            f"invalid {name} at byte {exc.start} (re-encode the file as UTF-8)", document=label, doc_id=doc_id
        ) from None
    if _control_share(text) > 0.05:
        raise BinaryDocumentError("mostly control characters: not text", document=label, doc_id=doc_id)
    if "\x00" in text:  # no database stores it in text (PostgreSQL refuses it)
        raise BinaryDocumentError(f"a NUL character at character {text.index(chr(0)):,}: not text", document=label,
                                  doc_id=doc_id)
    return text


def _control_share(text: str) -> float:
    sample = text[:8192]
    bad = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    return bad / max(1, len(sample))


def _from_text(text: str, label: str, doc_id: str, opts: ReadOptions) -> Item:
    published = None
    match = _DATE_LINE.match(text)
    if match:
        published = parse_published(match.group(1))
        text = text[match.end():]
    text = text.strip("\ufeff")
    if not text.strip():
        return EmptyDocumentError("no text after the date line", document=label, doc_id=doc_id)
    return Document(id=doc_id, text=text, published=published, language=opts.language, origin=label)


def document_from_html(html: str, label: str, doc_id: str, opts: ReadOptions) -> Item:
    """An HTML page's main text, title, date, site name and URL (trafilatura) as a Document, or why not
    (boilerplate only). ``talaia watch`` reads fetched articles with it, as ingest reads HTML files."""
    import trafilatura  # lazy: it pulls in lxml and friends

    text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_precision=True)
    if not text or not text.strip():
        return EmptyDocumentError("no article text found in the HTML", document=label, doc_id=doc_id)
    meta = trafilatura.extract_metadata(html)
    title = getattr(meta, "title", None) if meta else None
    published = parse_published(getattr(meta, "date", None)) if meta else None
    url = getattr(meta, "url", None) if meta else None
    source = getattr(meta, "sitename", None) if meta else None
    return Document(
        id=doc_id, text=text, title=title, published=published, language=opts.language,
        source=source, url=url, origin=label,
    )


def _read_jsonl(fh: BinaryIO, head: bytes, label: str, opts: ReadOptions) -> Iterator[Item]:
    lineno = 0
    for raw in _lines(fh, head, opts.max_bytes):
        lineno += 1
        where = f"{label}:{lineno}"
        if isinstance(raw, int):
            yield DocumentTooLargeError(
                f"line of {raw:,} bytes is over the limit of {opts.max_bytes:,} (--max-bytes)", document=where
            )
            continue
        if not raw.strip():
            continue
        try:
            record = json.loads(raw.decode("utf-8-sig"))
        except UnicodeDecodeError as exc:
            yield EncodingError(f"invalid UTF-8 at byte {exc.start} of the line", document=where)
            continue
        except json.JSONDecodeError as exc:
            yield MalformedRecordError(f"not valid JSON ({exc.msg}, column {exc.colno})", document=where)
            continue
        yield document_from_record(record, where, opts)


def _lines(fh: BinaryIO, head: bytes, limit: int | None = None) -> Iterator[bytes | int]:
    """The lines of ``head`` and the rest of ``fh``; a line longer than ``limit`` bytes comes as its
    length instead, without being held in memory (a 5 GB line costs no more than a short one)."""
    pending: list[bytes] = []  # the pieces of the current line, while it is within the limit
    size = 0
    chunk = head or fh.read(1 << 20)
    while chunk:
        for i, piece in enumerate(chunk.split(b"\n")):
            if i:  # a newline ended the line before this piece
                yield _line(pending, size, limit)
                pending, size = [], 0
            size += len(piece)
            if limit is None or size <= limit:
                pending.append(piece)
            elif pending:
                pending = []
        chunk = fh.read(1 << 20)
    yield _line(pending, size, limit)


def _line(pieces: list[bytes], size: int, limit: int | None) -> bytes | int:
    return size if limit is not None and size > limit else b"".join(pieces)


def document_from_record(record: Any, where: str, opts: ReadOptions | None = None) -> Item:
    """A SCHEMA.md input object to a Document, or the reason it is not one."""
    if not isinstance(record, dict):
        return BadRecordError(f"expected a JSON object, got {type(record).__name__}", document=where)
    doc_id = record.get("id")
    if isinstance(doc_id, int) and not isinstance(doc_id, bool):
        doc_id = str(doc_id)
    if not isinstance(doc_id, str) or not doc_id:
        return BadRecordError("missing or non-string 'id'", document=where)
    if _unstorable(doc_id):
        return BadRecordError("'id' holds a NUL character or a lone surrogate, not text", document=where)
    text = record.get("text")
    if not isinstance(text, str):
        return BadRecordError("missing or non-string 'text'", document=f"{where} ({doc_id})", doc_id=doc_id)
    if not text.strip():
        return EmptyDocumentError("'text' is empty", document=f"{where} ({doc_id})", doc_id=doc_id)
    if "\x00" in text:
        return BinaryDocumentError(f"'text' holds a NUL character (at {text.index(chr(0)):,}): not text",
                                   document=f"{where} ({doc_id})", doc_id=doc_id)
    if _unstorable(text):
        return EncodingError("'text' holds a lone surrogate (an escape such as \\ud800): not valid Unicode",
                             document=f"{where} ({doc_id})", doc_id=doc_id)
    language = _str_or_none(record.get("language")) or (opts.language if opts else None)
    return Document(
        id=doc_id,
        text=text,
        title=_str_or_none(record.get("title")),
        published=parse_published(record.get("published")),
        language=language if isinstance(language, str) else None,
        source=_str_or_none(record.get("source")),
        url=_str_or_none(record.get("url")),
        origin=where,
    )


def _str_or_none(value: Any) -> str | None:
    """A metadata string as it can be stored (NUL characters and lone surrogates dropped), or None."""
    if not isinstance(value, str) or not value:
        return None
    if _unstorable(value):
        value = value.replace("\x00", "").encode("utf-8", "ignore").decode("utf-8")
    return value or None


def _unstorable(text: str) -> bool:
    """Whether ``text`` holds what no database stores as text: NUL, or a lone surrogate (not UTF-8)."""
    if "\x00" in text:
        return True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False
