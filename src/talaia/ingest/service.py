"""Ingesting into the store: read, skip what is stored, link duplicates, extract the rest, write.

Idempotent: a document's key is a hash of its id and its normalised text, so reading the
same folder twice stores nothing new. An exact copy under another id, or a near-duplicate
(MinHash Jaccard >= 0.7 of 5-word shingles, e.g. a syndicated wire story), is linked to the
original as another source of its events instead of being counted again. A version of an
article that a later one (same id, other text) replaced is remembered and not brought back by
reading it again.

Resumable: the store writes one transaction per batch of ``WRITE_BATCH`` documents and fusion
runs at the end, so an ingest killed at any point (even ``kill -9``) and run again stores each
document exactly once (tests/ingest/test_crash.py).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING, Any

from talaia.errors import InputError, StoreError, TalaiaError
from talaia.fuse.service import fuse_store
from talaia.ingest.dedupe import NearDuplicateIndex, content_hash, minhash_signature
from talaia.ingest.readers import ReadOptions, count_documents, iter_documents, missing_inputs
from talaia.models import Document, ExtractionResult
from talaia.pipeline import Pipeline
from talaia.store.base import Store
from talaia.store.records import StoreItem

if TYPE_CHECKING:
    from tqdm import tqdm

WRITE_BATCH = 64
# a store holding this many events is fused by block after an ingest (only the blocks of the documents stored,
# the other incidents kept): fusing every stored event again takes about half a second per thousand events, and
# a small store keeps incidents that never depend on the order documents arrived in
INCREMENTAL_FUSION_FROM = 20_000


@dataclass(slots=True)
class IngestReport:
    """What an ingest did. ``stored``: new documents extracted and stored; ``reextracted``:
    documents stored before by another extractor version, extracted again; ``missing``: input
    paths that do not exist (reported, the others processed)."""

    read: int = 0
    stored: int = 0
    reextracted: int = 0
    unchanged: int = 0
    duplicates: int = 0
    failed: int = 0
    events: int = 0
    missing: int = 0
    incidents: int = 0  # in the whole store, after fusion
    errors: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return _counters(self)


@dataclass(slots=True)
class ReprocessReport:
    """What a reprocess did: ``checked`` stored originals, of which ``reextracted`` were
    extracted again and ``failed`` failed (their earlier rows kept); ``current`` were already
    extracted by the current version."""

    checked: int = 0
    reextracted: int = 0
    failed: int = 0
    current: int = 0
    events: int = 0
    incidents: int = 0  # in the whole store, after fusion
    errors: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return _counters(self)


def _counters(report: IngestReport | ReprocessReport) -> dict[str, Any]:
    """A report's counters in field order (the error messages are not counters)."""
    return {f.name: getattr(report, f.name) for f in fields(report) if f.name != "errors"}


def document_key(doc: Document, chash: str) -> str:
    return hashlib.sha256(f"{doc.id}\x00{chash}".encode()).hexdigest()


def progress_bar(total: int | None, desc: str, enabled: bool) -> tqdm[Any]:
    """A bar on standard error counting documents extracted, with an ETA when ``total`` is known
    (ingest takes the documents it does not extract off the total as it meets them)."""
    from tqdm import tqdm

    return tqdm(total=total, desc=desc, unit="doc", disable=not enabled, leave=False, dynamic_ncols=True)


def check_inputs(paths: Sequence[str], on_missing: Callable[[InputError], None] | None) -> list[str]:
    """The paths that exist (or ``-``). A missing path is passed to ``on_missing``; without it,
    or when no path exists, InputError is raised before anything is read."""
    missing = missing_inputs(paths)
    errors = [InputError("no such file or folder", document=p) for p in missing]
    if errors and (on_missing is None or len(missing) == len(paths)):
        if len(errors) == 1:
            raise errors[0]
        raise InputError(f"no such files or folders: {', '.join(missing)}")
    for err in errors:
        assert on_missing is not None
        on_missing(err)
    return [p for p in paths if p not in set(missing)]


def ingest(paths: Sequence[str], store: Store, *, pipeline: Pipeline | None = None,
           options: ReadOptions | None = None, progress: bool = False,
           on_error: Callable[[str], None] | None = None,
           on_missing: Callable[[InputError], None] | None = None, incremental: bool | None = None) -> IngestReport:
    """Read, extract and store every document of ``paths`` (see the module's docstring).

    A document stored before under the same key by another extractor version is extracted
    again and its rows replaced; with the same version it is left as it is. A path that does
    not exist raises InputError unless ``on_missing`` takes it (then the others are ingested).
    ``incremental``: fuse only the blocks of the documents stored (:func:`~talaia.fuse.fuse_store`), or
    (False) every stored event again; None: by block when the store held ``INCREMENTAL_FUSION_FROM`` events.
    """
    existing = check_inputs(paths, on_missing)
    report = ingest_items(iter_documents(existing, options), store, total=count_documents(existing),
                          pipeline=pipeline, progress=progress, on_error=on_error, incremental=incremental)
    report.missing = len(paths) - len(existing)
    return report


def ingest_items(items: Iterable[Document | TalaiaError], store: Store, *, total: int | None = None,
                 pipeline: Pipeline | None = None, progress: bool = False,
                 on_error: Callable[[str], None] | None = None, incremental: bool | None = None) -> IngestReport:
    """Extract and store ``items`` (documents already read, or the errors of those that could not be)
    exactly as :func:`ingest` does with what it reads from files; ``total``: how many, for the bar;
    ``incremental``: fuse only the blocks of the documents stored, or (False) every stored event again;
    None: by block when the store held ``INCREMENTAL_FUSION_FROM`` events before.
    (``talaia watch`` hands it the articles it fetched, so they are stored as an ingest would.)"""
    pipe = pipeline or Pipeline()
    version = pipe.extractor_version
    report = IngestReport()
    if incremental is None:
        incremental = store.count("events") >= INCREMENTAL_FUSION_FROM
    index = NearDuplicateIndex(stored=store.near_duplicate_candidates)  # this run's, and the store's looked up
    seen: dict[str, str] = {}  # content hash -> key, for copies within this run
    doc_ids: dict[str, str] = {}  # key -> document id, for the originals of this run
    run_keys: dict[str, list[str]] = {}  # document id -> keys of this run's originals
    pending: list[StoreItem] = []
    pending_keys: set[str] = set()
    replacing: set[str] = set()  # keys stored before by another version, extracted again
    written: list[str] = []  # the keys stored by this run: the blocks an incremental fusion reads
    bar = progress_bar(total, "ingest", progress)

    def fail(error: TalaiaError | dict[str, str], label: str) -> None:
        report.failed += 1
        message = str(error) if isinstance(error, TalaiaError) else f"{label}: {error['code']}: {error['message']}"
        report.errors.append(message)
        store.record_error(error, label)
        if on_error:
            on_error(message)

    def skip() -> None:
        """A document settled without extraction (stored, copy, unreadable): out of the bar's total."""
        if bar.total is not None:
            bar.total -= 1
            bar.refresh()

    def extracted(todo: list[Document]) -> Iterator[ExtractionResult]:
        for result in pipe.run(todo):
            yield result
            bar.update(1)

    def flush() -> None:
        # another ingest of the same documents (a team member's) may have stored some since they were read
        for item in [i for i in pending if i.duplicate_of is None and i.key not in replacing
                     and store.find_document(i.key) is not None]:
            pending.remove(item)
            skip()
            report.unchanged += 1
        todo = [item.document for item in pending if item.duplicate_of is None]
        results = dict(zip(map(id, todo), extracted(todo), strict=True))
        items: list[StoreItem] = []
        failed_keys: set[str] = set()
        for item in pending:
            if item.duplicate_of is not None:
                if item.duplicate_of in failed_keys:
                    fail({"code": "E110 processing", "message": "a copy of a document that failed"},
                         item.document.label())
                    continue
                items.append(item)
                continue
            result = results[id(item.document)]
            if result.error is not None:
                fail(result.error, item.document.label())
                failed_keys.add(item.key)
                continue
            items.append(StoreItem(item.document, item.key, item.content_hash, item.minhash, None, None, result,
                                   version))
        for item in write_batch(store, items, fail):
            written.append(item.key)
            report.events += len(item.result.events) if item.result else 0
            if item.key in replacing:
                report.reextracted += 1
            else:
                report.stored += 1
        pending.clear()
        pending_keys.clear()

    def same_document(original: str, doc: Document) -> bool:
        """Whether ``original`` is an earlier version of ``doc`` (same id): then it is replaced, not linked."""
        if original in doc_ids:
            return doc_ids[original] == doc.id
        stored = store.find_document(original)
        return stored is not None and stored.doc_id == doc.id

    def add(item: StoreItem) -> None:
        pending.append(item)
        pending_keys.add(item.key)
        if len(pending) >= WRITE_BATCH:
            flush()

    try:
        for doc in items:
            report.read += 1
            if isinstance(doc, TalaiaError):
                skip()
                fail(doc, doc.document or "")
                continue
            chash = content_hash(doc.text)
            key = document_key(doc, chash)
            if key in pending_keys:
                skip()
                report.unchanged += 1
                continue
            stored = store.find_document(key)
            if stored is None and store.superseded(key):  # an older version of a stored article
                skip()
                report.unchanged += 1
                continue
            if stored is not None:
                if stored.duplicate_of is None and stored.minhash is not None:
                    if key not in index:  # stored since this run began (by a team member's ingest)
                        index.add(key, NearDuplicateIndex.from_bytes(stored.minhash))
                    seen.setdefault(chash, key)  # later copies link to it
                if stored.duplicate_of is not None or stored.extractor_version == version:
                    skip()
                    report.unchanged += 1
                    continue
                replacing.add(key)
                add(StoreItem(doc, key, chash, stored.minhash, extractor_version=version))
                continue
            original = seen.get(chash)
            if original is None:
                by_content = store.find_by_content(chash)
                original = by_content.key if by_content else None
            if original is not None and not same_document(original, doc):
                report.duplicates += 1
                skip()
                add(StoreItem(doc, key, chash, None, original, 1.0, extractor_version=version))
                continue
            sig = minhash_signature(doc.text)
            near = index.find(doc.text, sig)
            sig_bytes = NearDuplicateIndex.to_bytes(sig)
            if near is not None and not same_document(near, doc):
                report.duplicates += 1
                skip()
                add(StoreItem(doc, key, chash, sig_bytes, near, sig.jaccard(index.signature(near)),
                              extractor_version=version))
                continue
            older = set(run_keys.get(doc.id, ())) | set(store.keys_of(doc.id))
            if older:  # earlier versions of this document, replaced when this one is written
                for old in older:
                    index.remove(old)
                for old_hash in [h for h, k in seen.items() if k in older]:
                    del seen[old_hash]
            run_keys.setdefault(doc.id, []).append(key)
            index.add(key, sig)
            seen[chash] = key
            doc_ids[key] = doc.id
            add(StoreItem(doc, key, chash, sig_bytes, extractor_version=version))
        if pending:
            flush()
    finally:
        bar.close()
    report.incidents = fuse_store(store, documents=written if incremental else None).incidents
    return report


def write_batch(store: Store, items: list[StoreItem],
                fail: Callable[[TalaiaError, str], None]) -> list[StoreItem]:
    """Write ``items`` in one transaction; when the database refuses the batch, each document in its
    own, so one that cannot be stored is passed to ``fail`` and the others are kept. Returns the
    items stored. (A database that refuses every document, one that went away, raises.)"""
    try:
        store.write_batch(items)
        return items
    except StoreError:
        pass
    written = []
    for item in items:
        try:
            store.write_batch([item])
        except StoreError as exc:
            label = item.document.label()
            fail(StoreError(f"cannot be stored: {exc.message}", document=label, doc_id=item.document.id), label)
            continue
        written.append(item)
    if not written and len(items) > 1:
        raise StoreError(f"{store.label}: no document of the batch could be stored")
    return written


def reprocess(store: Store, *, pipeline: Pipeline | None = None, everything: bool = False,
              progress: bool = False, on_error: Callable[[str], None] | None = None) -> ReprocessReport:
    """Extract again, from the stored text, every stored original (not duplicate) whose extractor
    version differs from ``pipeline``'s (``everything``: all of them), replacing its rows.

    A document that fails keeps its earlier rows; the error is recorded and reported.
    """
    pipe = pipeline or Pipeline()
    version = pipe.extractor_version
    report = ReprocessReport()
    keys = store.outdated(None if everything else version)
    report.checked = store.count_originals()
    report.current = report.checked - len(keys)
    bar = progress_bar(len(keys), "reprocess", progress)
    try:
        for start in range(0, len(keys), WRITE_BATCH):
            loaded = store.load_documents(keys[start:start + WRITE_BATCH])
            items: list[StoreItem] = []
            for (stored, doc), result in zip(loaded, pipe.run([d for _, d in loaded]), strict=True):
                bar.update(1)
                if result.error is not None:
                    report.failed += 1
                    message = f"{doc.id}: {result.error.get('code')}: {result.error.get('message')}"
                    report.errors.append(message)
                    store.record_error(result.error, doc.id)
                    if on_error:
                        on_error(message)
                    continue
                items.append(StoreItem(doc, stored.key, stored.content_hash, stored.minhash, None, None, result,
                                       version))
                report.reextracted += 1
                report.events += len(result.events)
            store.write_batch(items)
    finally:
        bar.close()
    report.incidents = fuse_store(store).incidents
    return report
