"""Ingesting into the store: read, skip what is stored, link duplicates, extract the rest, write.

Idempotent: a document's key is a hash of its id and its normalised text, so reading the
same folder twice stores nothing new. An exact copy under another id, or a near-duplicate
(MinHash Jaccard >= 0.7 of 5-word shingles, e.g. a syndicated wire story), is linked to the
original as another source of its events instead of being counted again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from talaia.errors import TalaiaError
from talaia.ingest.dedupe import NearDuplicateIndex, content_hash, minhash_signature
from talaia.ingest.readers import ReadOptions, iter_documents
from talaia.models import Document, ExtractionResult
from talaia.pipeline import Pipeline
from talaia.store.sqlite import SQLiteStore

WRITE_BATCH = 64
Item = tuple[Document, str, str, bytes | None, str | None, float | None, ExtractionResult | None]


@dataclass(slots=True)
class IngestReport:
    read: int = 0
    stored: int = 0
    unchanged: int = 0
    duplicates: int = 0
    failed: int = 0
    events: int = 0
    errors: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in ("read", "stored", "unchanged", "duplicates", "failed", "events")}


def document_key(doc: Document, chash: str) -> str:
    return hashlib.sha256(f"{doc.id}\x00{chash}".encode()).hexdigest()


def ingest(paths: Sequence[str], store: SQLiteStore, *, pipeline: Pipeline | None = None,
           options: ReadOptions | None = None, progress: bool = False,
           on_error: Callable[[str], None] | None = None) -> IngestReport:
    from tqdm import tqdm

    pipe = pipeline or Pipeline()
    report = IngestReport()
    index = NearDuplicateIndex()
    index.add_many((k, NearDuplicateIndex.from_bytes(b)) for k, b in store.signatures())
    seen: dict[str, str] = {}  # content hash -> key, for copies within this run
    pending: list[Item] = []

    def fail(error: TalaiaError | dict[str, str], label: str) -> None:
        report.failed += 1
        message = str(error) if isinstance(error, TalaiaError) else f"{label}: {error['code']}: {error['message']}"
        report.errors.append(message)
        store.record_error(error, label)
        if on_error:
            on_error(message)

    def flush() -> None:
        todo = [item[0] for item in pending if item[4] is None]
        results = dict(zip(map(id, todo), pipe.run(todo), strict=True))
        items: list[Item] = []
        failed_keys: set[str] = set()
        for doc, key, chash, sig, dup, sim, _ in pending:
            result = results.get(id(doc)) if dup is None else None
            if result is not None and result.error is not None:
                fail(result.error, doc.label())
                failed_keys.add(key)
                continue
            if dup is not None and dup in failed_keys:
                fail({"code": "E110 processing", "message": "a copy of a document that failed"}, doc.label())
                continue
            items.append((doc, key, chash, sig, dup, sim, result))
            if result is not None:
                report.events += len(result.events)
            report.stored += 1
        store.write_batch(items)
        pending.clear()

    bar = tqdm(desc="ingest", unit="doc", disable=not progress, leave=False)
    for item in iter_documents(paths, options):
        report.read += 1
        bar.update(1)
        if isinstance(item, TalaiaError):
            fail(item, item.document or "")
            continue
        chash = content_hash(item.text)
        key = document_key(item, chash)
        if store.find_document(key) is not None or key in {p[1] for p in pending}:
            report.unchanged += 1
            continue
        original = seen.get(chash)
        if original is None:
            stored = store.find_by_content(chash)
            original = stored.key if stored else None
        if original is not None:
            report.duplicates += 1
            pending.append((item, key, chash, None, original, 1.0, None))
        else:
            sig = minhash_signature(item.text)
            near = index.find(item.text, sig)
            sig_bytes = NearDuplicateIndex.to_bytes(sig)
            if near is not None:
                report.duplicates += 1
                pending.append((item, key, chash, sig_bytes, near, sig.jaccard(index.signature(near)), None))
            else:
                index.add(key, sig)
                seen[chash] = key
                pending.append((item, key, chash, sig_bytes, None, None, None))
        if len(pending) >= WRITE_BATCH:
            flush()
    if pending:
        flush()
    bar.close()
    return report
