"""Sentence embeddings kept by the store (migration 016_sentence_vectors): fusion compares two reports'
sentences in meaning (talaia.fuse.similarity), and a sentence is embedded once, when fusion first reads its
event, not by every later fusion of its block. Each row holds the embedding's model and a key of the sentence
it was computed from, so an event whose sentence or model changed is embedded again."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

__all__ = ["SENTENCE_VECTORS_MIGRATION", "SentenceVectorTables"]

SENTENCE_VECTORS_MIGRATION = "016_sentence_vectors"
_CHUNK = 500


class SentenceVectorTables:
    """Reads and writes of the kept sentence embeddings, mixed into :class:`~talaia.store.base.Store`."""

    def _execute(self, sql: str, args: Sequence[Any] = ()) -> Any:
        raise NotImplementedError

    def _execute_many(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        raise NotImplementedError

    def sentence_vectors(self, event_ids: Sequence[str], model: str) -> dict[str, tuple[str, bytes]]:
        """event id -> (sentence key, embedding bytes) of the given events' kept embeddings by ``model``."""
        found: dict[str, tuple[str, bytes]] = {}
        for start in range(0, len(event_ids), _CHUNK):
            part = list(event_ids[start:start + _CHUNK])
            rows = self._execute(
                f"SELECT event_id, sentence_key, vector FROM sentence_vectors WHERE model = ? AND event_id IN "
                f"({','.join('?' * len(part))})", [model, *part]).fetchall()
            found.update((r[0], (r[1], bytes(r[2]))) for r in rows)
        return found

    def keep_sentence_vectors(self, rows: Iterable[tuple[str, str, bytes]], model: str) -> None:
        """Keep (event id, sentence key, embedding bytes) rows computed by ``model`` (replacing older ones)."""
        kept = [(event_id, model, key, vector) for event_id, key, vector in rows]
        if kept:
            self._execute_many(
                "INSERT INTO sentence_vectors (event_id, model, sentence_key, vector) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (event_id) DO UPDATE SET model = excluded.model, "
                "sentence_key = excluded.sentence_key, vector = excluded.vector", kept)
