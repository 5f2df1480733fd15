"""Content hashes (exact re-ingests) and MinHash near-duplicate detection (syndicated copies).

datasketch is imported where it is used: it imports scipy, a second and a half of every
command's start-up (``talaia --help`` included) otherwise.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from datasketch import MinHash

NUM_PERM = 128
SHINGLE = 5
SCHEME = "affine32"  # pinned: stored signatures must stay comparable across datasketch versions
_WORD = re.compile(r"\w+", re.UNICODE)


def content_hash(text: str) -> str:
    """sha256 of the text with whitespace and case normalised: the same article, the same hash."""
    norm = " ".join(text.split()).lower()
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()


def minhash_signature(text: str) -> MinHash:
    from datasketch import MinHash

    words = [w.lower() for w in _WORD.findall(text)]
    shingles = {" ".join(words[i:i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    mh = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME)
    mh.update_batch([s.encode("utf-8") for s in shingles])
    return mh


class NearDuplicateIndex:
    """Finds a document's near-duplicate among those added before (Jaccard of 5-word shingles >= 0.7)."""

    def __init__(self, threshold: float = 0.7, min_words: int = 30,
                 stored: Callable[[bytes], Iterable[tuple[str, bytes]]] | None = None) -> None:
        """``stored``: the stored documents a signature's bands meet (``Store.near_duplicate_candidates``), looked
        up for each document instead of every stored signature being added (a million take minutes)."""
        self.threshold = threshold
        self.min_words = min_words  # headlines are too short to call near-duplicates by shingles
        from datasketch import MinHashLSH

        # the LSH only proposes candidates: a lower band threshold misses fewer, the estimate decides
        self._lsh = MinHashLSH(threshold=max(0.3, threshold - 0.25), num_perm=NUM_PERM)
        self._signatures: dict[str, MinHash] = {}
        self._stored = stored
        self._fetched: dict[str, MinHash] = {}  # stored candidates met so far
        self._forgotten: set[str] = set()  # stored documents replaced by a newer version in this run

    def __contains__(self, key: object) -> bool:
        return key in self._signatures

    def add(self, key: str, signature: MinHash) -> None:
        self._forgotten.discard(key)
        if key not in self._signatures:
            self._signatures[key] = signature
            self._lsh.insert(key, signature)

    def add_many(self, items: Iterable[tuple[str, MinHash]]) -> None:
        for key, sig in items:
            self.add(key, sig)

    def remove(self, key: str) -> None:
        """Forget ``key`` (a document replaced by a newer version); no-op when it is not there."""
        self._forgotten.add(key)
        self._fetched.pop(key, None)
        if self._signatures.pop(key, None) is not None:
            self._lsh.remove(key)

    def signature(self, key: str) -> MinHash:
        return self._signatures[key] if key in self._signatures else self._fetched[key]

    def _candidates(self, signature: MinHash) -> list[str]:
        """The keys sharing a band with ``signature``: this index's, and the stored documents' (sorted)."""
        found = set(self._lsh.query(signature))
        if self._stored is not None:
            for key, data in self._stored(self.to_bytes(signature)):
                if key not in self._forgotten and key not in self._signatures:
                    self._fetched.setdefault(key, self.from_bytes(data))
                    found.add(key)
        return sorted(found)

    def find(self, text: str, signature: MinHash | None = None) -> str | None:
        """The key of the most similar earlier document at or above the threshold, else None."""
        if len(_WORD.findall(text)) < self.min_words:
            return None
        sig = signature or minhash_signature(text)
        best, best_sim = None, self.threshold
        for key in self._candidates(sig):
            sim = sig.jaccard(self.signature(key))
            if sim >= best_sim:
                best, best_sim = key, sim
        return best

    @staticmethod
    def to_bytes(signature: MinHash) -> bytes:
        return bytes(signature.hashvalues.astype("<u8").tobytes())

    @staticmethod
    def from_bytes(data: bytes) -> MinHash:
        import numpy as np
        from datasketch import MinHash

        return MinHash(num_perm=NUM_PERM, seed=1, hashvalues=np.frombuffer(data, dtype="<u8").copy(),
                       scheme=SCHEME)
