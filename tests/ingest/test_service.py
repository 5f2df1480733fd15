"""Ingest and reprocess against the store, with a stand-in pipeline (no spaCy): versions,
re-extraction, duplicates, missing inputs and progress counts; on every backend (store_db)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from talaia.errors import InputError, StoreError, TalaiaError
from talaia.ingest.readers import count_documents, iter_documents
from talaia.ingest.service import ingest, reprocess
from talaia.models import Document, Event, Evidence, ExtractionResult
from talaia.store import Store, StoreItem, open_store

WORDS = ("gunmen attacked a police patrol on the road between the two towns early on monday and the officers "
         "returned fire before the attackers fled into the hills leaving behind two trucks and several rifles "
         "according to a statement from the state security ministry which said that reinforcements were sent")


class StandIn:
    """Duck-typed Pipeline: one event per document, its id depending on the version."""

    def __init__(self, version: str) -> None:
        self.extractor_version = version
        self.extracted: list[str] = []

    def run(self, items: Iterable[Document | TalaiaError]) -> Iterator[ExtractionResult]:
        for doc in items:
            assert isinstance(doc, Document)
            self.extracted.append(doc.id)
            if "FAIL" in doc.text:
                yield ExtractionResult(doc.id, "en", None, error={"code": "E110 processing", "message": "boom"},
                                       extractor=self.extractor_version)
                continue
            event_id = hashlib.sha1(f"{doc.id}|{self.extractor_version}".encode()).hexdigest()[:16]
            event = Event(
                event_id=event_id, event_date="2021-03-01", time_precision=1, event_type="Battles",
                sub_event_type="Armed clash", actor1="A", actor2="B", inter1=None, inter2=None, assoc_actor_1=(),
                assoc_actor_2=(), country="Mexico", country_code="MX", admin1="Sinaloa", admin2=None,
                location=None, latitude=None, longitude=None, geo_precision=3, fatalities=1, fatalities_high=None,
                certainty="stated", notes="", evidence=(Evidence(0, 6),))
            yield ExtractionResult(doc.id, "en", None, events=(event,), extractor=self.extractor_version)


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(WORDS, encoding="utf-8")
    (folder / "b.txt").write_text(WORDS.replace("monday", "tuesday") + " (wire copy)", encoding="utf-8")  # near-dup
    (folder / "c.jsonl").write_text(
        json.dumps({"id": "c1", "text": "Police arrested three men in Culiacán."}) + "\n\n"
        + json.dumps({"id": "c2", "text": WORDS}) + "\n",  # an exact copy of a.txt under another id
        encoding="utf-8")
    return folder


def _sources(store: Store) -> dict[str, set[str]]:
    # per-document events (mentions): duplicates are sources of their original's events
    return {s.event.event_id: {x["document_id"] or "" for x in s.sources} for s in store.events(fused=False)}


def test_ingest_same_version_is_idempotent_other_version_reextracts(tmp_path: Path, store_db: str) -> None:
    folder = _folder(tmp_path)
    with open_store(store_db) as store:
        v1 = StandIn("v1")
        first = ingest([str(folder)], store, pipeline=v1)  # type: ignore[arg-type]
        assert (first.read, first.stored, first.duplicates, first.reextracted) == (4, 4, 2, 0)
        assert sorted(v1.extracted) == ["a.txt", "c1"]
        before = _sources(store)
        assert sorted(before.values(), key=len) == [{"c1"}, {"a.txt", "b.txt", "c2"}]

        again = StandIn("v1")
        second = ingest([str(folder)], store, pipeline=again)  # type: ignore[arg-type]
        assert (second.unchanged, second.stored, second.reextracted, again.extracted) == (4, 0, 0, [])

        v2 = StandIn("v2")
        third = ingest([str(folder)], store, pipeline=v2)  # type: ignore[arg-type]
        assert (third.reextracted, third.unchanged, third.stored, third.events) == (2, 2, 0, 2)
        assert sorted(v2.extracted) == ["a.txt", "c1"]  # duplicates are not extracted
        after = _sources(store)
        assert not set(after) & set(before)  # the old events are gone
        assert sorted(after.values(), key=len) == [{"c1"}, {"a.txt", "b.txt", "c2"}]
        assert {r[0] for r in store.conn.execute("SELECT extractor_version FROM documents")} == {"v2"}
        assert store.count("events") == 2


def test_ingest_failed_reextraction_keeps_the_old_rows(tmp_path: Path, store_db: str) -> None:
    (tmp_path / "a.txt").write_text("FAIL later " + WORDS, encoding="utf-8")
    with open_store(store_db) as store:
        v1 = StandIn("v1")
        v1.run = lambda items: StandIn.run(StandIn("v1"), [  # type: ignore[method-assign]
            Document(d.id, d.text.replace("FAIL", "ok"), origin=d.origin) if isinstance(d, Document) else d
            for d in items])
        ingest([str(tmp_path / "a.txt")], store, pipeline=v1)  # type: ignore[arg-type]
        assert store.count("events") == 1
        report = ingest([str(tmp_path / "a.txt")], store, pipeline=StandIn("v2"))  # type: ignore[arg-type]
        assert (report.failed, report.reextracted) == (1, 0)
        assert store.count("events") == 1 and store.outdated("v2") != []


def test_ingest_new_text_under_the_same_id_replaces_the_old_version(tmp_path: Path, store_db: str) -> None:
    (tmp_path / "a.txt").write_text(WORDS, encoding="utf-8")
    (tmp_path / "copy.txt").write_text(WORDS + " more", encoding="utf-8")
    with open_store(store_db) as store:
        ingest([str(tmp_path / "a.txt"), str(tmp_path / "copy.txt")], store, pipeline=StandIn("v1"))  # type: ignore[arg-type]
        (tmp_path / "a.txt").write_text(WORDS.replace("two trucks", "three trucks"), encoding="utf-8")
        pipe = StandIn("v1")
        report = ingest([str(tmp_path / "a.txt")], store, pipeline=pipe)  # type: ignore[arg-type]
        assert (report.stored, report.duplicates, pipe.extracted) == (1, 0, ["a.txt"])
        assert store.count("documents") == 2
        (sources,) = _sources(store).values()
        assert sources == {"a.txt", "copy.txt"}


def test_ingest_of_both_versions_of_an_article_again_keeps_the_later_one(tmp_path: Path, store_db: str) -> None:
    versions = tmp_path / "versions.jsonl"
    versions.write_text("\n".join(json.dumps({"id": "a", "text": text}) for text in
                                  (WORDS, WORDS.replace("two trucks", "three trucks"))), encoding="utf-8")
    with open_store(store_db) as store:
        ingest([str(versions)], store, pipeline=StandIn("v1"))  # type: ignore[arg-type]
        later = store.keys_of("a")
        pipe = StandIn("v1")
        again = ingest([str(versions)], store, pipeline=pipe)  # type: ignore[arg-type]
        assert (again.unchanged, again.stored, pipe.extracted) == (2, 0, [])
        assert store.keys_of("a") == later and "three trucks" in store.load_documents(later)[0][1].text


def test_a_document_the_database_refuses_is_reported_and_the_batch_kept(
        tmp_path: Path, store_db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _folder(tmp_path)
    (folder / "poison.txt").write_text("Gunmen attacked a market in Celaya on Friday.", encoding="utf-8")
    errors: list[str] = []
    with open_store(store_db) as store:
        write = type(store).write_batch

        def refuse_poison(self: Store, items: list[StoreItem]) -> None:
            if any(item.document.id == "poison.txt" for item in items):
                raise StoreError("value too long for type character varying(3)")
            write(self, items)

        monkeypatch.setattr(type(store), "write_batch", refuse_poison)
        report = ingest([str(folder)], store, pipeline=StandIn("v1"), on_error=errors.append)  # type: ignore[arg-type]
        assert (report.read, report.stored, report.failed) == (5, 4, 1)
        assert store.count("documents") == 4 and store.keys_of("poison.txt") == []
        assert errors == [f"{folder / 'poison.txt'}: E301 store: cannot be stored: value too long for type "
                          "character varying(3)"]
        assert [e["code"] for e in store.errors()] == ["E301 store"]


def test_ingest_missing_inputs(tmp_path: Path, store_db: str) -> None:
    folder = _folder(tmp_path)
    missing: list[InputError] = []
    with open_store(store_db) as store:
        report = ingest([str(tmp_path / "nope.txt"), str(folder)], store, pipeline=StandIn("v1"),  # type: ignore[arg-type]
                        on_missing=missing.append)
        assert report.missing == 1 and report.read == 4 and store.count("documents") == 4
        assert [e.document for e in missing] == [str(tmp_path / "nope.txt")]
        with pytest.raises(InputError, match="no such file"):
            ingest([str(tmp_path / "nope.txt"), str(folder)], store, pipeline=StandIn("v1"))  # type: ignore[arg-type]
        with pytest.raises(InputError):
            ingest([str(tmp_path / "nope.txt")], store, pipeline=StandIn("v1"), on_missing=missing.append)  # type: ignore[arg-type]


def test_count_documents_matches_what_is_read(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    (folder / ".hidden.txt").write_text("x", encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    assert count_documents([str(folder)]) == 5
    assert count_documents([str(folder / "c.jsonl"), str(tmp_path / "nope")]) == 2
    assert count_documents(["-"]) is None


def test_ingest_progress_counts_documents_extracted(tmp_path: Path, store_db: str,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    import talaia.ingest.service as service

    bars = []

    def recording_bar(total: int | None, desc: str, enabled: bool):  # type: ignore[no-untyped-def]
        bars.append(make_bar(total, desc, enabled))
        return bars[-1]

    make_bar = service.progress_bar
    monkeypatch.setattr(service, "progress_bar", recording_bar)
    folder = _folder(tmp_path)
    (folder / "bad.jsonl").write_text('{"id": broken\n', encoding="utf-8")
    with open_store(store_db) as store:
        ingest([str(folder)], store, pipeline=StandIn("v1"), progress=True)  # type: ignore[arg-type]
        ingest([str(folder)], store, pipeline=StandIn("v2"), progress=True)  # type: ignore[arg-type]
    assert [(b.n, b.total) for b in bars] == [(2, 2), (2, 2)]  # 2 duplicates and a bad line are not extracted


def test_reprocess_reextracts_outdated_documents_from_the_stored_text(tmp_path: Path, store_db: str) -> None:
    folder = _folder(tmp_path)
    with open_store(store_db) as store:
        ingest([str(folder)], store, pipeline=StandIn("v1"))  # type: ignore[arg-type]
        same = StandIn("v1")
        report = reprocess(store, pipeline=same)  # type: ignore[arg-type]
        assert (report.checked, report.reextracted, report.current, same.extracted) == (2, 0, 2, [])
        v2 = StandIn("v2")
        report = reprocess(store, pipeline=v2)  # type: ignore[arg-type]
        assert (report.reextracted, report.events, sorted(v2.extracted)) == (2, 2, ["a.txt", "c1"])
        assert sorted(_sources(store).values(), key=len) == [{"c1"}, {"a.txt", "b.txt", "c2"}]
        everything = StandIn("v2")
        assert reprocess(store, pipeline=everything, everything=True).reextracted == 2  # type: ignore[arg-type]
        assert store.count("events") == 2


def test_a_large_store_is_fused_by_block_unless_told_otherwise(tmp_path: Path, store_db: str,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    # fusing every stored event after each ingest costs minutes at a million events: by default a store holding
    # INCREMENTAL_FUSION_FROM events is fused in the blocks of the documents stored (here made small)
    import talaia.ingest.service as service

    fused: list[object] = []
    real = service.fuse_store

    def fuse_store(store: Store, **options: object) -> object:
        fused.append(options.get("documents"))
        return real(store, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(service, "fuse_store", fuse_store)
    monkeypatch.setattr(service, "INCREMENTAL_FUSION_FROM", 2)
    folder = _folder(tmp_path)
    with open_store(store_db) as store:
        ingest([str(folder / "a.txt")], store, pipeline=StandIn("v1"))  # type: ignore[arg-type]
        assert fused.pop() is None  # an empty store: every event fused (the same incidents either way)
        ingest([str(folder / "c.jsonl")], store, pipeline=StandIn("v1"))  # type: ignore[arg-type]
        assert fused.pop() is None  # one event held: still in full
        assert store.count("events") >= 2
        ingest([str(folder / "b.txt")], store, pipeline=StandIn("v1"))  # type: ignore[arg-type]
        assert fused.pop() == [service.document_key(d, service.content_hash(d.text))  # by block: this run's
                               for d in iter_documents([str(folder / "b.txt")])]
        ingest([str(folder / "a.txt")], store, pipeline=StandIn("v3"), incremental=False)  # type: ignore[arg-type]
        assert fused.pop() is None  # told to fuse everything again
