"""Ingest: read articles from files, folders, JSON Lines, HTML and standard input."""

from talaia.ingest.dedupe import NearDuplicateIndex, content_hash, minhash_signature
from talaia.ingest.readers import DEFAULT_MAX_BYTES, ReadOptions, iter_documents, parse_published

__all__ = [
    "DEFAULT_MAX_BYTES",
    "NearDuplicateIndex",
    "ReadOptions",
    "content_hash",
    "iter_documents",
    "minhash_signature",
    "parse_published",
]
