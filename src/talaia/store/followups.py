"""Follow-up links kept by the store (migration 013_incident_followups): a report with no event of its own
that refers back to an incident is a source of the stored event it fits (talaia.fuse.followups decides
which); its incident lists the report among its sources and takes a higher toll it gives as its high toll.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from talaia.store.pages import PageReads

__all__ = ["FollowUpLink", "FollowUpTables"]

_CHUNK = 500
FOLLOWUPS_MIGRATION = "013_incident_followups"
T = TypeVar("T")
_COLUMNS = ("document_key", "event_id", "kind", "phrase", "figure", "score", "reasons")


@dataclass(frozen=True, slots=True)
class FollowUpLink:
    """A report linked to a stored event as its incident's follow-up, with why: the words that refer back
    (``phrase``, of ``kind`` toll, arrest, funeral, identification or investigation), the figure they give,
    and fusion's score of the report against the event with its reasons and points."""

    document_key: str
    event_id: str
    kind: str
    phrase: str
    figure: int | None
    score: float
    reasons: tuple[tuple[str, float], ...]
    document_id: str = ""

    def to_dict(self) -> dict[str, object]:
        return {"document_id": self.document_id, "event_id": self.event_id, "kind": self.kind,
                "phrase": self.phrase, "figure": self.figure, "score": self.score,
                "reasons": [{"reason": r, "points": p} for r, p in self.reasons]}

    def row(self) -> tuple[Any, ...]:
        return (self.document_key, self.event_id, self.kind, self.phrase, self.figure, round(self.score, 3),
                json.dumps([list(r) for r in self.reasons], ensure_ascii=False))


class FollowUpTables(PageReads):
    """The follow-up links' upkeep and reads, mixed into :class:`~talaia.store.base.Store` (the incidents'
    upkeep lists a linked report among its incident's sources)."""

    _has_followups: bool

    def atomically(self, work: Callable[[], T]) -> T:
        raise NotImplementedError

    def _after_write(self, *, everything: bool = False) -> None:
        raise NotImplementedError

    def followup_documents(self, keys: Sequence[str] | None = None) -> list[Any]:
        """The original documents with no stored event (a follow-up candidate each; of ``keys`` only when
        given): key, doc_id, title, the first 400 characters of text as ``lead``, published, source, and its
        first place's names."""
        if keys is not None:  # a large ingest's keys, a chunk at a time
            return [r for chunk in range(0, len(keys), _CHUNK)
                    for r in self._followup_documents(list(keys[chunk:chunk + _CHUNK]))]
        return self._followup_documents(None)

    def _followup_documents(self, keys: list[str] | None) -> list[Any]:
        only = f"AND d.key IN ({','.join('?' * len(keys))}) " if keys is not None else ""
        return list(self._execute(
            "SELECT d.key, d.doc_id, d.title, substr(d.text, 1, 400) AS lead, d.published, d.source, "
            "p.name AS place, p.country_code, p.admin1, p.admin2 FROM documents d "
            "LEFT JOIN places p ON p.document_key = d.key AND p.idx = (SELECT min(q.idx) FROM places q "
            "WHERE q.document_key = d.key AND q.admin1 IS NOT NULL) "
            "WHERE d.duplicate_of IS NULL AND NOT EXISTS (SELECT 1 FROM events e WHERE e.document_key = d.key) "
            f"{only}ORDER BY d.key", list(keys or ())).fetchall())

    def set_followups(self, links: Sequence[FollowUpLink], keys: Sequence[str] | None = None) -> int:
        """Keep exactly ``links`` as the follow-up links (of the documents ``keys`` only, when given), in one
        transaction (fusion's), the incidents of the events that gain or lose one computed again; returns
        how many changed."""
        return int(self.atomically(lambda: self._record_followups(links, keys)))

    def _record_followups(self, links: Sequence[FollowUpLink], keys: Sequence[str] | None) -> int:
        wanted = {link.document_key: link.row() for link in links}
        select = f"SELECT {', '.join(_COLUMNS)} FROM incident_followups"
        found = list(self._execute(select)) if keys is None else [
            r for chunk in range(0, len(keys), _CHUNK) for r in self._execute(
                f"{select} WHERE document_key IN ({','.join('?' * len(keys[chunk:chunk + _CHUNK]))})",
                list(keys[chunk:chunk + _CHUNK]))]
        held = {r[0]: (*tuple(r)[:5], float(r[5]), r[6]) for r in found}
        changed = [k for k in set(wanted) | set(held) if wanted.get(k) != held.get(k)]
        if not changed:
            return 0
        self._mark_events([row[1] for k in changed for row in (wanted.get(k), held.get(k)) if row])
        for chunk in range(0, len(changed), _CHUNK):
            part = changed[chunk:chunk + _CHUNK]
            self._execute(f"DELETE FROM incident_followups WHERE document_key IN ({','.join('?' * len(part))})",
                          part)
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        rows = [(*wanted[k], now) for k in changed if k in wanted]
        if rows:
            self._execute_many(f"INSERT INTO incident_followups ({', '.join(_COLUMNS)}, at) "
                               f"VALUES ({', '.join('?' * (len(_COLUMNS) + 1))})", rows)
        self._after_write()
        return len(changed)

    def _followups_ready(self) -> bool:
        """Whether migration 013 made the links' table: an older database's migration 011 computes its
        incidents before it (then there is no link to read). Known once true."""
        if not getattr(self, "_has_followups", False):
            self._has_followups = self._execute(
                f"SELECT 1 FROM _migrations WHERE name = '{FOLLOWUPS_MIGRATION}'").fetchone() is not None
        return self._has_followups

    def followups(self, event_ids: Sequence[str]) -> list[FollowUpLink]:
        """The follow-up links of the stored events ``event_ids``, by the report's publication."""
        out: list[FollowUpLink] = []
        ids = list(dict.fromkeys(event_ids)) if self._followups_ready() else []
        for chunk in range(0, len(ids), _CHUNK):
            part = ids[chunk:chunk + _CHUNK]
            for r in self._execute(
                    f"SELECT f.*, d.doc_id FROM incident_followups f JOIN documents d ON d.key = f.document_key "
                    f"WHERE f.event_id IN ({','.join('?' * len(part))}) ORDER BY d.published, d.doc_id", part):
                reasons = tuple((str(a), float(b)) for a, b in json.loads(r["reasons"]))
                out.append(FollowUpLink(r["document_key"], r["event_id"], r["kind"], r["phrase"], r["figure"],
                                        float(r["score"]), reasons, r["doc_id"]))
        return out

    def followup_figures(self, event_ids: Sequence[str]) -> dict[str, int]:
        """The highest figure a follow-up gives for each of the stored events ``event_ids`` that has one."""
        highest: dict[str, int] = {}
        for link in self.followups(event_ids):
            if link.figure:
                highest[link.event_id] = max(link.figure, highest.get(link.event_id, 0))
        return highest
